"""Compensation and rehabilitation in the API, mounted under /api/compensation/.

Input is validated by the pages' forms and status tables (422 with field
errors, 409 for a refused step or a stale version); access by the same
restricted querysets (404 for unknown and forbidden alike). Survivors are
named by their record's id, never by name."""

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import paginate

from sangam.audit import log
from sangam.compensation import forms, queries, workflow
from sangam.compensation.models import (
    BondedLabourRelease,
    BondedLabourScheme,
    DocumentRecovery,
    LegalAidApplication,
    LegalAidStatus,
)
from sangam.compensation.views.bonded import STEP_OF_STATUS, STEPS, save_step, steps_open_to
from sangam.compensation.views.legal_aid import DOCUMENT_STEPS
from sangam.core.params import Pagination
from sangam.core.workflow import Refused

router = Router(tags=["compensation"])

# Bonded labour and legal aid


class StepEventOut(Schema):
    from_status: str
    to_status: str
    reason: str
    at: datetime


class CategoryOut(Schema):
    id: int
    code: str
    label: str
    who: str
    amount: int
    annuity_minimum: int


class SchemeOut(Schema):
    id: int
    code: str
    title: str
    source: str
    in_force_from: date
    in_force_until: date | None
    verified: bool
    immediate_assistance_limit: int
    categories: list[CategoryOut]


class ReleaseOut(Schema):
    id: int
    agency_id: int
    survivor_id: int
    scheme_id: int
    status: str
    status_reason: str
    identified_on: date
    inquiry_started_on: date
    place_of_work: str
    employer: str
    inquiry_summary: str
    prima_facie_on: date | None
    prima_facie_order_number: str
    certificate_number: str
    certificate_issued_on: date | None
    certificate_officer: str
    immediate_assistance_amount: int | None
    immediate_assistance_paid_on: date | None
    category_id: int | None
    assistance_amount: int | None
    annuity_amount: int | None
    dbt_amount: int | None
    conviction_status: str
    criminal_case_reference: str
    proposed_on: date | None
    sanctioned_on: date | None
    sanction_order_number: str
    dbt_paid_on: date | None
    annuity_deposited_on: date | None
    native_district_id: int | None
    native_letter_sent_on: date | None
    native_letter_reference: str
    version: int


class ReleaseDetail(ReleaseOut):
    history: list[StepEventOut]
    next_steps: list[str]
    next_statuses: list[str]


class ReleaseIn(Schema):
    survivor_id: int
    agency_id: int
    identified_on: date
    inquiry_started_on: date
    place_of_work: str = Field("", max_length=2000)
    employer: str = Field("", max_length=2000)
    native_district_id: int | None = None
    conviction_status: str = "no_case"
    criminal_case_reference: str = Field("", max_length=80)


class ReleaseStepIn(Schema):
    """One step and the fields its form takes (the others are ignored)."""

    step: str = Field(max_length=40)
    version: int
    prima_facie_on: date | None = None
    prima_facie_order_number: str = Field("", max_length=60)
    inquiry_summary: str = Field("", max_length=2000)
    certificate_number: str = Field("", max_length=60)
    certificate_issued_on: date | None = None
    certificate_officer: str = Field("", max_length=150)
    immediate_assistance_amount: int | None = Field(None, ge=0, le=10**9)
    immediate_assistance_paid_on: date | None = None
    category_id: int | None = None
    annuity_amount: int | None = Field(None, ge=0, le=10**9)
    conviction_status: str = "no_case"
    criminal_case_reference: str = Field("", max_length=80)
    proposed_on: date | None = None
    sanctioned_on: date | None = None
    sanction_order_number: str = Field("", max_length=60)
    dbt_paid_on: date | None = None
    annuity_deposited_on: date | None = None
    native_district_id: int | None = None
    native_letter_sent_on: date | None = None
    native_letter_reference: str = Field("", max_length=60)


class StatusChangeIn(Schema):
    to: str = Field(max_length=20)
    reason: str = Field("", max_length=2000)
    version: int


def _form_data(values):
    """A payload as the form would be posted: ids without ``_id``, empties as ""."""
    data = {}
    for key, value in values.items():
        key = key.removesuffix("_id")
        data[key] = "" if value is None else value.isoformat() if isinstance(value, date) else value
    return data


def _valid(form):
    if not form.is_valid():
        raise ValidationError({k: [str(e) for e in v] for k, v in form.errors.items()})
    return form


def _history(events):
    return [
        {"from_status": e.from_status, "to_status": e.to_status, "reason": e.reason, "at": e.at}
        for e in events.order_by("at", "pk")
    ]


def _release_detail(user, release):
    release.history = _history(queries.release_events(user, release))
    release.next_steps = steps_open_to(user, release)
    release.next_statuses = [
        t for t in workflow.RELEASE.allowed(user, release) if t not in STEP_OF_STATUS
    ]
    return release


@router.get("/bonded-labour/schemes", response=list[SchemeOut], auth=None)
def schemes(request):
    """The published versions of the bonded-labour rehabilitation scheme."""
    return BondedLabourScheme.objects.published().prefetch_related("categories")


@router.get("/bonded-labour/schemes/{scheme_id}", response=SchemeOut, auth=None)
def scheme(request, scheme_id: int):
    return get_object_or_404(
        BondedLabourScheme.objects.published().prefetch_related("categories"), pk=scheme_id
    )


@router.get("/bonded-labour/releases", response=list[ReleaseOut])
@paginate(Pagination)
def releases(request):
    found = queries.releases_for(request.auth)
    return found


@router.get("/bonded-labour/releases/{release_id}", response=ReleaseDetail)
def release(request, release_id: int):
    found = queries.get_release_for_user(request.auth, release_id)
    log.record_view(found)
    return _release_detail(request.auth, found)


@router.post("/bonded-labour/releases", response={201: ReleaseDetail})
def open_release(request, payload: ReleaseIn):
    user = request.auth
    if not forms.agencies_for(user, BondedLabourRelease).exists():
        raise HttpError(403, "You may not open release cases.")
    form = _valid(forms.ReleaseForm(_form_data(payload.dict()), user=user))
    made = workflow.open_release(user, form.instance)
    return Status(201, _release_detail(user, made))


@router.post("/bonded-labour/releases/{release_id}/steps", response=ReleaseDetail)
def release_step(request, release_id: int, payload: ReleaseStepIn):
    """Record a step with its form's fields (``step``: prima-facie, certificate,
    immediate-assistance, proposal, sanction, payment, native-letter)."""
    user = request.auth
    found = queries.get_release_for_user(user, release_id, "change")
    if payload.step not in STEPS:
        raise ValidationError({"step": [f"Unknown step; one of {', '.join(STEPS)}."]})
    if payload.step not in steps_open_to(user, found):
        raise HttpError(409, "That step is not open for this case now.")
    form_class = STEPS[payload.step][0]
    form = _valid(form_class(_form_data(payload.dict(exclude={"step"})), instance=found))
    try:
        save_step(user, found, payload.step, form)
    except Refused as exc:
        raise HttpError(409, str(exc)) from exc
    return _release_detail(user, found)


@router.post("/bonded-labour/releases/{release_id}/transitions", response=ReleaseDetail)
def release_transition(request, release_id: int, payload: StatusChangeIn):
    """A change that needs only a reason (not bonded, closed)."""
    found = queries.get_release_for_user(request.auth, release_id, "change")
    if payload.to in STEP_OF_STATUS:
        raise HttpError(409, "That status is reached through its step.")
    try:
        workflow.step_release(
            request.auth, found, payload.to, reason=payload.reason,
            expected_version=payload.version,
        )  # fmt: skip
    except Refused as exc:
        raise HttpError(409, str(exc)) from exc
    return _release_detail(request.auth, found)


class LegalAidOut(Schema):
    id: int
    survivor_id: int
    agency_id: int
    authority_id: int
    ground: str
    matter: str
    details: str
    applied_on: date
    status: str
    status_reason: str
    panel_lawyer: str
    panel_lawyer_phone: str
    assigned_on: date | None
    closed_on: date | None
    version: int


class LegalAidDetail(LegalAidOut):
    history: list[StepEventOut]
    next_statuses: list[str]


class LegalAidIn(Schema):
    survivor_id: int
    agency_id: int
    authority_id: int
    ground: str = "12b"
    matter: str
    details: str = Field("", max_length=2000)
    applied_on: date


class LawyerIn(Schema):
    panel_lawyer: str = Field(max_length=150)
    panel_lawyer_phone: str = Field("", max_length=20)
    assigned_on: date
    version: int


def _legal_aid_detail(user, application):
    application.history = _history(queries.legal_aid_events(user, application))
    application.next_statuses = list(workflow.LEGAL_AID.allowed(user, application))
    return application


@router.get("/legal-aid", response=list[LegalAidOut])
@paginate(Pagination)
def legal_aid_list(request):
    return queries.legal_aid_for(request.auth)


@router.get("/legal-aid/{application_id}", response=LegalAidDetail)
def legal_aid(request, application_id: int):
    found = queries.get_legal_aid_for_user(request.auth, application_id)
    log.record_view(found)
    return _legal_aid_detail(request.auth, found)


@router.post("/legal-aid", response={201: LegalAidDetail})
def apply_for_legal_aid(request, payload: LegalAidIn):
    user = request.auth
    if not forms.agencies_for(user, LegalAidApplication).exists():
        raise HttpError(403, "You may not apply for legal aid.")
    form = _valid(forms.LegalAidForm(_form_data(payload.dict()), user=user))
    made = workflow.apply_for_legal_aid(user, form.instance)
    return Status(201, _legal_aid_detail(user, made))


@router.post("/legal-aid/{application_id}/lawyer", response=LegalAidDetail)
def assign_lawyer(request, application_id: int, payload: LawyerIn):
    user = request.auth
    found = queries.get_legal_aid_for_user(user, application_id, "change")
    form = _valid(forms.LawyerForm(_form_data(payload.dict()), instance=found))
    try:
        workflow.step_legal_aid(
            user, found, LegalAidStatus.LAWYER_ASSIGNED,
            expected_version=form.cleaned_data["version"] or 0,
        )  # fmt: skip
    except Refused as exc:
        raise HttpError(409, str(exc)) from exc
    return _legal_aid_detail(user, found)


@router.post("/legal-aid/{application_id}/transitions", response=LegalAidDetail)
def legal_aid_transition(request, application_id: int, payload: StatusChangeIn):
    found = queries.get_legal_aid_for_user(request.auth, application_id, "change")
    if payload.to == LegalAidStatus.LAWYER_ASSIGNED:
        raise HttpError(409, "A lawyer is assigned through /lawyer.")
    try:
        workflow.step_legal_aid(
            request.auth, found, payload.to, reason=payload.reason,
            today=timezone.localdate(), expected_version=payload.version,
        )  # fmt: skip
    except Refused as exc:
        raise HttpError(409, str(exc)) from exc
    return _legal_aid_detail(request.auth, found)


class DocumentOut(Schema):
    id: int
    survivor_id: int
    agency_id: int
    kind: str
    other_kind: str
    office: str
    status: str
    status_reason: str
    applied_on: date | None
    issued_on: date | None
    # Masked like on the page: the number itself stays on Sangam.
    number: str = Field(alias="masked_number")
    version: int


class DocumentDetail(DocumentOut):
    history: list[StepEventOut]
    next_statuses: list[str]


class DocumentIn(Schema):
    survivor_id: int
    agency_id: int
    kind: str
    other_kind: str = Field("", max_length=100)
    office: str = Field("", max_length=150)
    applied_on: date | None = None


class DocumentStepIn(Schema):
    to: str = Field(max_length=20)
    version: int
    applied_on: date | None = None
    office: str = Field("", max_length=150)
    issued_on: date | None = None
    number: str = Field("", max_length=40)
    reason: str = Field("", max_length=2000)


def _document_detail(user, recovery):
    recovery.history = _history(queries.document_events(user, recovery))
    recovery.next_statuses = list(workflow.DOCUMENT.allowed(user, recovery))
    return recovery


@router.get("/documents", response=list[DocumentOut])
@paginate(Pagination)
def documents(request):
    return queries.documents_for(request.auth)


@router.get("/documents/{recovery_id}", response=DocumentDetail)
def document(request, recovery_id: int):
    found = queries.get_document_for_user(request.auth, recovery_id)
    log.record_view(found)
    return _document_detail(request.auth, found)


@router.post("/documents", response={201: DocumentDetail})
def recover_document(request, payload: DocumentIn):
    user = request.auth
    if not forms.agencies_for(user, DocumentRecovery).exists():
        raise HttpError(403, "You may not follow documents.")
    form = _valid(forms.DocumentForm(_form_data(payload.dict()), user=user))
    made = workflow.start_recovery(user, form.instance)
    return Status(201, _document_detail(user, made))


@router.post("/documents/{recovery_id}/steps", response=DocumentDetail)
def document_step(request, recovery_id: int, payload: DocumentStepIn):
    """Applied (with the date), issued (with the date and number) or refused (with a reason)."""
    user = request.auth
    found = queries.get_document_for_user(user, recovery_id, "change")
    try:
        if payload.to in DOCUMENT_STEPS:
            data = _form_data(payload.dict(exclude={"to", "reason"}))
            form = _valid(DOCUMENT_STEPS[payload.to](data, instance=found))
            version = form.cleaned_data["version"] or 0
        else:
            version = payload.version
        workflow.step_document(
            user, found, payload.to, reason=payload.reason, expected_version=version
        )
    except Refused as exc:
        raise HttpError(409, str(exc)) from exc
    return _document_detail(user, found)
