"""The case API: ``survivors`` and ``cases``, one router mounted under /api/cases/."""

from sangam.cases.api.survivors import router

__all__ = ["router"]
