"""Compensation: victim compensation schemes (reference data) and claims."""

from sangam.compensation.models.claims import (
    Claim,
    ClaimDocument,
    ClaimEvent,
    ClaimHandover,
    ClaimPayment,
    Route,
    Status,
)
from sangam.compensation.models.schemes import Authority, SchemeHarm, SchemeVersion

__all__ = [
    "Authority",
    "Claim",
    "ClaimDocument",
    "ClaimEvent",
    "ClaimHandover",
    "ClaimPayment",
    "Route",
    "SchemeHarm",
    "SchemeVersion",
    "Status",
]
