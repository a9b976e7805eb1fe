"""The case API, one router mounted under /api/cases/: ``survivors`` (list,
search by name, profile) and ``cases`` (a case with its care plan, and a
survivor's consents)."""

from sangam.cases.api import cases, survivors

router = survivors.router
router.add_router("", cases.router)

__all__ = ["router"]
