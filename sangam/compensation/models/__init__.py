"""Compensation and rehabilitation: the tables, one module per part."""

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
from sangam.compensation.models.documents import (  # noqa: F401
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
