"""Justice: the tables, one module per part (the police case in `cases`)."""

from sangam.justice.models.cases import (  # noqa: F401
    AT_RISK,
    CASE_AGENCIES,
    Accused,
    Act,
    ChargedSection,
    Clock,
    ClockKind,
    ClockRule,
    ClockTable,
    CriminalCase,
    MaxPunishment,
    Offence,
    OffenceTable,
    Rescue,
    RescuedPerson,
    SectionReview,
    Unit,
    start_of,
)
from sangam.justice.models.court import (  # noqa: F401
    Appeal,
    Hearing,
    Judgment,
    Trial,
    normalise_cnr,
    validate_cnr,
)
from sangam.justice.models.networks import (  # noqa: F401
    AccusedLink,
    KeyKind,
    NetworkKey,
    Proceeds,
)
from sangam.justice.models.protection import (  # noqa: F401
    Measure,
    ProtectionApplication,
    ProtectionEvent,
    ProtectionIncident,
    ProtectionStatus,
    Relocation,
    ThreatCategory,
)
