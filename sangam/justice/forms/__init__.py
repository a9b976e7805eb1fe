"""Justice forms, one module per part (the police case in `cases`)."""

from sangam.justice.forms.cases import (  # noqa: F401
    DAY,
    NOT_IN_FUTURE,
    POLICE,
    WHEN,
    AccusedForm,
    AHTUForm,
    CaseForm,
    DropSectionForm,
    FIRForm,
    ProductionForm,
    ProgressForm,
    RescuedPersonForm,
    RescueForm,
    ReviewForm,
    SectionForm,
    TransferForm,
    resolve_sections,
    section_choices,
    writing_agencies,
)
from sangam.justice.forms.court import (  # noqa: F401
    AppealForm,
    HearingForm,
    JudgmentForm,
    TrialForm,
)
from sangam.justice.forms.networks import LinkDecisionForm, ProceedsForm  # noqa: F401
from sangam.justice.forms.protection import (  # noqa: F401
    ApplicationForm,
    DecisionForm,
    EndForm,
    IncidentForm,
    InterimForm,
    OrderReviewForm,
    RelocationForm,
    ThreatReportForm,
    filing_agencies,
)
