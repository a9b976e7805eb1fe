"""Compensation and rehabilitation: the tables, one module per part."""

# Claims
# Bonded labour and legal aid
from sangam.compensation.models.bonded import (  # noqa: F401
    BondedLabourCategory,
    BondedLabourEvent,
    BondedLabourRelease,
    BondedLabourScheme,
    ConvictionStatus,
    ReleaseStatus,
    VigilanceCommitteeMeeting,
)
from sangam.compensation.models.claims import (  # noqa: F401
    Claim,
    ClaimDocument,
    ClaimEvent,
    ClaimHandover,
    ClaimPayment,
    Route,
    Status,
)
from sangam.compensation.models.documents import (  # noqa: F401
    Beneficiary,
    DocumentEvent,
    DocumentKind,
    DocumentRecovery,
    DocumentStatus,
)
from sangam.compensation.models.entitlements import (  # noqa: F401
    EntitlementCatalogue,
    EntitlementItem,
    entitlements_for,
)
from sangam.compensation.models.legal_aid import (  # noqa: F401
    LegalAidApplication,
    LegalAidEvent,
    LegalAidStatus,
)
from sangam.compensation.models.schemes import Authority, SchemeHarm, SchemeVersion  # noqa: F401
