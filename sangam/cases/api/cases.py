"""Cases in the API: read a case with its care plan, and do what the case page
does — goals, actions, follow-ups, services, check-ins, risk flags, status —
plus a survivor's consents. Input is validated by the same forms as the pages
(422 with field errors), access by the same restricted querysets (404), and
edits that raced another edit get 409 instead of overwriting it."""

from datetime import date

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError

from sangam.audit import log
from sangam.cases import workflow
from sangam.cases.forms import (
    ActionForm,
    ConsentForm,
    FollowUpForm,
    GoalForm,
    RiskFlagForm,
    ServiceForm,
    TransferForm,
    WellbeingForm,
)
from sangam.cases.models import (
    Action,
    Consent,
    FollowUp,
    Goal,
    PlanStatus,
    RiskFlag,
    ServiceDelivered,
    Survivor,
    Transfer,
    WellbeingCheckIn,
)
from sangam.cases.queries import consent_recorder, get_case_for_user
from sangam.core.forms import refuse_invalid

router = Router(tags=["cases"])


def _valid(form):
    """The form's cleaned data, or a 422 naming each field's problem."""
    if not form.is_valid():
        refuse_invalid(form)
    return form


def _data(payload):
    """A schema as form data: dates as ISO text, lists as they are, None left out."""
    out = {}
    for key, value in payload.dict().items():
        if value is None:
            continue
        out[key] = value.isoformat() if isinstance(value, date) else value
    return out


class ActionOut(Schema):
    id: int
    description: str
    responsible_agency_id: int | None
    due_on: date | None
    status: str
    version: int
    referral_id: int | None


class GoalOut(Schema):
    id: int
    domain: str
    need: str
    goal: str
    status: str
    version: int
    actions: list[ActionOut]


class FollowUpOut(Schema):
    id: int
    kind: str
    due_on: date
    done_on: date | None
    note: str


class ServiceOut(Schema):
    id: int
    domain: str
    description: str
    delivered_on: date


class CheckInOut(Schema):
    id: int
    taken_on: date
    percentage: int
    distress: bool


class RiskOut(Schema):
    id: int
    kind: str
    reason: str
    review_on: date
    cleared_on: date | None


class TransferOut(Schema):
    id: int
    to_agency_id: int
    status: str


class CaseDetail(Schema):
    id: int
    survivor_id: int
    agency_id: int
    status: str
    outcome: str
    opened_on: date
    closed_on: date | None
    version: int
    goals: list[GoalOut]
    follow_ups: list[FollowUpOut]
    services: list[ServiceOut]
    checkins: list[CheckInOut]
    risks: list[RiskOut]
    transfers: list[TransferOut]


def _goal_out(goal, actions):
    fields = ("id", "domain", "need", "goal", "status", "version")
    return {**{f: getattr(goal, f) for f in fields}, "actions": actions}


def _mine(model, user, case):
    return list(model.objects.restrict(user, "view").filter(case=case))


@router.get("/cases/{case_id}", response=CaseDetail)
def case_detail(request, case_id: int):
    user = request.user
    case = get_case_for_user(user, case_id)
    log.record_view(case)
    actions = {}
    for a in Action.objects.restrict(user, "view").filter(case=case):
        actions.setdefault(a.goal_id, []).append(a)
    goals = [_goal_out(g, actions.get(g.pk, [])) for g in _mine(Goal, user, case)]
    return {
        **{f: getattr(case, f) for f in ("id", "survivor_id", "agency_id", "status", "outcome")},
        **{f: getattr(case, f) for f in ("opened_on", "closed_on", "version")},
        "goals": goals,
        "follow_ups": _mine(FollowUp, user, case),
        "services": _mine(ServiceDelivered, user, case),
        "checkins": _mine(WellbeingCheckIn, user, case),
        "risks": _mine(RiskFlag, user, case),
        "transfers": _mine(Transfer, user, case),
    }


class StatusIn(Schema):
    status: str
    outcome: str = ""
    version: int


@router.post("/cases/{case_id}/status", response=CaseDetail)
def case_status(request, case_id: int, payload: StatusIn):
    case = get_case_for_user(request.user, case_id, "change")
    try:
        workflow.change_status(
            request.user,
            case,
            payload.status,
            outcome=payload.outcome,
            expected_version=payload.version,
        )
    except workflow.Refused as exc:
        raise ValidationError({"status": [str(exc)]}) from None
    return case_detail(request, case_id)


def _open_case(request, case_id):
    """The case to add to: 404 if the user may not change it, 409 if it is closed."""
    case = get_case_for_user(request.user, case_id, "change")
    try:
        workflow.check_open(case)
    except workflow.Refused as exc:
        raise HttpError(409, str(exc)) from None
    return case


def _add(request, case_id, form_class, payload):
    case = _open_case(request, case_id)
    kwargs = {"case": case} if form_class is ActionForm else {}
    form = _valid(form_class(_data(payload), **kwargs))
    record = form.save(commit=False)
    record.case = case
    record.created_by = request.user
    record.save()
    return record


class GoalIn(Schema):
    domain: str
    need: str
    goal: str


@router.post("/cases/{case_id}/goals", response={201: GoalOut})
def add_goal(request, case_id: int, payload: GoalIn):
    return Status(201, _goal_out(_add(request, case_id, GoalForm, payload), []))


class ActionIn(Schema):
    goal: int
    description: str
    responsible_agency: int | None = None
    due_on: date | None = None


@router.post("/cases/{case_id}/actions", response={201: ActionOut})
def add_action(request, case_id: int, payload: ActionIn):
    return Status(201, _add(request, case_id, ActionForm, payload))


class PlanStatusIn(Schema):
    status: str
    version: int


def _plan_status(request, model, pk, payload):
    record = get_object_or_404(model.objects.restrict(request.user, "change"), pk=pk)
    if payload.status not in PlanStatus.values:
        raise ValidationError({"status": [f"One of: {', '.join(PlanStatus.values)}."]})
    try:
        workflow.set_plan_status(record, payload.status, payload.version)
    except workflow.Refused as exc:
        raise HttpError(409, str(exc)) from None
    return record


@router.patch("/goals/{goal_id}", response=GoalOut)
def goal_status(request, goal_id: int, payload: PlanStatusIn):
    goal = _plan_status(request, Goal, goal_id, payload)
    return _goal_out(goal, list(Action.objects.restrict(request.user, "view").filter(goal=goal)))


@router.patch("/actions/{action_id}", response=ActionOut)
def action_status(request, action_id: int, payload: PlanStatusIn):
    return _plan_status(request, Action, action_id, payload)


class FollowUpIn(Schema):
    due_on: date
    note: str = ""


@router.post("/cases/{case_id}/follow-ups", response={201: FollowUpOut})
def add_follow_up(request, case_id: int, payload: FollowUpIn):
    return Status(201, _add(request, case_id, FollowUpForm, payload))


@router.post("/follow-ups/{follow_up_id}/done", response=FollowUpOut)
def follow_up_done(request, follow_up_id: int):
    follow_up = get_object_or_404(
        FollowUp.objects.restrict(request.user, "change"), pk=follow_up_id
    )
    try:
        workflow.mark_follow_up_done(follow_up)
    except workflow.Refused as exc:
        raise HttpError(409, str(exc)) from None
    return follow_up


class ServiceIn(Schema):
    domain: str
    description: str
    delivered_on: date


@router.post("/cases/{case_id}/services", response={201: ServiceOut})
def add_service(request, case_id: int, payload: ServiceIn):
    return Status(201, _add(request, case_id, ServiceForm, payload))


class CheckInIn(Schema):
    taken_on: date
    item1: int = Field(ge=0, le=5)
    item2: int = Field(ge=0, le=5)
    item3: int = Field(ge=0, le=5)
    item4: int = Field(ge=0, le=5)
    item5: int = Field(ge=0, le=5)
    distress: bool = False


class CheckInResult(CheckInOut):
    counsellor_asked_because: list[str]


@router.post("/cases/{case_id}/wellbeing", response={201: CheckInResult})
def add_check_in(request, case_id: int, payload: CheckInIn):
    """A WHO-5 check-in (items 0–5); a low score, distress or a fall asks the counsellor."""
    case = _open_case(request, case_id)
    data = _data(payload)
    if not payload.distress:
        data.pop("distress")  # an unticked checkbox is absent from form data
    form = _valid(WellbeingForm(data))
    checkin = form.save(commit=False)
    reasons = workflow.record_check_in(request.user, case, checkin)
    checkin.counsellor_asked_because = [str(r) for r in reasons]
    return Status(201, checkin)


class RiskIn(Schema):
    kind: str
    reason: str
    review_on: date


@router.post("/cases/{case_id}/risks", response={201: RiskOut})
def add_risk(request, case_id: int, payload: RiskIn):
    return Status(201, _add(request, case_id, RiskFlagForm, payload))


class TransferIn(Schema):
    to_agency: int
    reason: str


@router.post("/cases/{case_id}/transfers", response={201: TransferOut})
def request_transfer(request, case_id: int, payload: TransferIn):
    """Ask another agency (in any state) to take the case over."""
    case = get_case_for_user(request.user, case_id, "change")
    form = _valid(TransferForm(_data(payload)))
    try:
        transfer = workflow.request_transfer(
            request.user, case, form.cleaned_data["to_agency"], form.cleaned_data["reason"]
        )
    except workflow.Refused as exc:
        raise ValidationError({"to_agency": [str(exc)]}) from None
    return Status(201, transfer)


class DecisionIn(Schema):
    accept: bool
    note: str = Field("", max_length=250)


class DecisionOut(TransferOut):
    new_case_id: int | None


@router.post("/transfers/{transfer_id}/decision", response=DecisionOut)
def decide_transfer(request, transfer_id: int, payload: DecisionIn):
    """The receiving agency accepts (a new case opens there) or declines."""
    transfer = get_object_or_404(Transfer.objects.restrict(request.user, "change"), pk=transfer_id)
    try:
        workflow.decide_transfer(request.user, transfer, accept=payload.accept, note=payload.note)
    except workflow.Refused as exc:
        raise HttpError(409, str(exc)) from None
    return transfer


class ConsentOut(Schema):
    id: int
    given_by: str
    manner: str
    purpose: str
    valid_until: date | None
    language: str
    witness: str
    agency_types: list[str]
    categories: list[str]
    revoked: bool


def _consent_out(c):
    grants = list(c.grants.all())
    return {
        **{f: getattr(c, f) for f in ("id", "given_by", "manner", "purpose", "valid_until")},
        "language": c.language,
        "witness": c.witness,
        "agency_types": sorted({g.agency_type for g in grants}),
        "categories": sorted({g.category for g in grants}),
        "revoked": c.revoked_at is not None,
    }


@router.get("/survivors/{survivor_id}/consents", response=list[ConsentOut], tags=["survivors"])
def consents(request, survivor_id: int):
    survivor = get_object_or_404(Survivor.objects.restrict(request.user, "view"), pk=survivor_id)
    rows = (
        Consent.objects.restrict(request.user, "view")
        .filter(survivor=survivor)
        .prefetch_related("grants")
    )
    return [_consent_out(c) for c in rows]


class ConsentIn(Schema):
    given_by: str
    manner: str
    purpose: str
    valid_until: date | None = None
    language: str
    witness: str = ""
    agency_types: list[str] = Field(min_length=1)
    categories: list[str] = Field(min_length=1)


@router.post("/survivors/{survivor_id}/consents", response={201: ConsentOut}, tags=["survivors"])
def add_consent(request, survivor_id: int, payload: ConsentIn):
    """Recorded by the agency whose case of her is open, or the CWC for a
    child by its order; anyone else gets 404, as for a survivor not seen."""
    survivor = get_object_or_404(Survivor.objects.restrict(request.user, "view"), pk=survivor_id)
    if consent_recorder(request.user, survivor) is None:
        raise Http404
    form = _valid(ConsentForm(_data(payload)))
    try:
        consent = workflow.record_consent(request.user, survivor, form)
    except workflow.Refused as exc:
        raise ValidationError({"given_by": [str(exc)]}) from None
    return Status(201, _consent_out(consent))


@router.post("/consents/{consent_id}/revoke", response=ConsentOut, tags=["survivors"])
def revoke_consent(request, consent_id: int):
    consent = get_object_or_404(Consent.objects.restrict(request.user, "change"), pk=consent_id)
    try:
        workflow.revoke_consent(request.user, consent)
    except workflow.Refused as exc:
        raise HttpError(409, str(exc)) from None
    return _consent_out(consent)
