"""Compensation in the API, mounted under /api/compensation/: claims (list,
one with its history, documents and payments; a claim opened from a case;
filing, interim relief, the bank account, hand-overs, status changes,
awards, documents and payments with the version they start from) and the
schemes, read-only. Validated by the pages' forms and
workflow (422 with field errors, 409 for a refused step or a stale
version); access by the same restricted querysets (404 for unknown and
forbidden alike)."""

from copy import copy
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import paginate

from sangam.audit import log
from sangam.cases.models import Case
from sangam.compensation import forms, queries, workflow
from sangam.compensation.models import (
    BondedLabourRelease,
    BondedLabourScheme,
    Claim,
    ClaimDocument,
    ClaimEvent,
    ClaimPayment,
    DocumentRecovery,
    LegalAidApplication,
    LegalAidStatus,
    SchemeVersion,
)
from sangam.compensation.views.bonded import STEP_OF_STATUS, STEPS, save_step, steps_open_to
from sangam.compensation.views.legal_aid import DOCUMENT_STEPS
from sangam.core.access import can
from sangam.core.forms import refuse_invalid
from sangam.core.params import Pagination
from sangam.core.workflow import Refused

router = Router(tags=["compensation"])


class SchemeHarmOut(Schema):
    id: int
    code: str
    label: str
    min_amount: int
    max_amount: int | None


class SchemeOut(Schema):
    id: int
    title: str
    kind: str
    state: str | None = Field(None, alias="state.code")
    source: str
    in_force_from: date
    in_force_until: date | None
    verified: bool
    published_at: datetime | None
    sanctioned_by: str
    minor_age: int
    minor_uplift_percent: int
    interim_min: int
    interim_max: int
    interim_share_percent: int
    inquiry_days: int
    fixed_deposit_percent: int
    harms: list[SchemeHarmOut]


class ClaimDocumentOut(Schema):
    id: int
    kind: str
    state: str
    on: date | None
    asked_whom: str


class ClaimPaymentOut(Schema):
    id: int
    kind: str
    amount: int
    paid_on: date
    matures_on: date | None


class ClaimEventOut(Schema):
    from_status: str
    to_status: str
    reason: str
    at: datetime


class ClaimOut(Schema):
    id: int
    survivor_id: int
    authority_id: int
    serving_agency_id: int
    scheme_id: int
    route: str
    basis: str
    status: str
    applied_on: date | None
    inquiry_due_on: date | None
    interim_amount: int | None
    award_amount: int | None
    account_status: str
    version: int


class ClaimDetail(ClaimOut):
    offence: str
    offence_date: date | None
    criminal_case_id: int | None
    fir_number: str
    fir_date: date | None
    police_station: str
    sections: str
    age_at_application: int | None
    trafficking: bool
    harm_ids: list[int]
    range_low: int | None
    range_high: int | None
    award_order_number: str
    award_order_date: date | None
    account_masked: str
    checklist: list[ClaimDocumentOut]
    payments_made: list[ClaimPaymentOut]
    history: list[ClaimEventOut]
    next_statuses: list[str]

    @staticmethod
    def resolve_fir_number(claim):
        # Her police case's number when the claim reads it from there (_detail).
        return getattr(claim, "fir_number_seen", claim.fir_number)


class ClaimIn(Schema):
    case_id: int
    authority_id: int
    route: str = "own"
    basis: str = "offence"
    district_id: int | None = None
    offence: str = Field("", max_length=2000)
    offence_date: date | None = None
    # Her police case on Sangam (one she has consented to share): its FIR
    # and sections are used instead of the typed ones; the earliest by default.
    criminal_case_id: int | None = None
    fir_number: str = Field("", max_length=60)
    fir_date: date | None = None
    police_station: str = Field("", max_length=150)
    sections: str = Field("", max_length=300)
    age_at_application: int | None = Field(None, ge=0, le=120)
    trafficking: bool = True
    harm_ids: list[int] = Field(default_factory=list, max_length=50)


class ClaimTransitionIn(Schema):
    to: str
    reason: str = Field("", max_length=2000)
    version: int


class ClaimAwardIn(Schema):
    amount: int = Field(ge=1, le=10**9)
    order_number: str = Field(max_length=60)
    order_date: date
    reason: str = Field("", max_length=2000)
    version: int


class ClaimPaymentIn(Schema):
    kind: str
    amount: int = Field(ge=1, le=10**9)
    paid_on: date
    reference: str = Field("", max_length=60)
    matures_on: date | None = None
    version: int


class ClaimDocumentIn(Schema):
    state: str
    on: date | None = None
    asked_whom: str = Field("", max_length=150)
    claim_version: int


class ClaimFileIn(Schema):
    applied_on: date
    version: int


class ClaimInterimIn(Schema):
    interim_requested_on: date | None = None
    interim_certificate: str = ""
    interim_ordered_on: date | None = None
    interim_order_number: str = Field("", max_length=60)
    interim_amount: int | None = Field(None, ge=0, le=10**9)
    version: int


class ClaimAccountIn(Schema):
    account_status: str
    account_applied_on: date | None = None
    account_opened_on: date | None = None
    account_pmjdy: bool = False
    bank_name: str = Field("", max_length=150)
    # Sent once; never returned (the detail shows it masked). Empty keeps the recorded one.
    account_number: str = Field("", max_length=30)
    version: int


class ClaimHandoverIn(Schema):
    to_authority_id: int
    reason: str = Field(max_length=2000)
    version: int


def _detail(user, claim):
    low, high = workflow.award_range(claim)
    claim.harm_ids = [h.pk for h in claim.harms.all()]
    claim.range_low, claim.range_high = low, high
    claim.account_masked = claim.masked_account
    claim.fir_number_seen = queries.fir_number_of(user, claim)
    claim.checklist = list(ClaimDocument.objects.restrict(user, "view").filter(claim=claim))
    claim.payments_made = list(ClaimPayment.objects.restrict(user, "view").filter(claim=claim))
    claim.history = list(ClaimEvent.objects.restrict(user, "view").filter(claim=claim))
    claim.next_statuses = list(workflow.STATUS.allowed(user, claim))
    return claim


def _run(call):
    try:
        return call()
    except Refused as exc:
        raise HttpError(409, str(exc)) from exc


# Claims
@router.get("/claims", response=list[ClaimOut])
@paginate(Pagination)
def claims(request, box: str = "all"):
    """The user's claims: ``all``, ``pending``, ``past_limit`` or ``waiting`` (on a document)."""
    if box not in queries.BOXES:
        raise HttpError(422, f"box must be one of {', '.join(queries.BOXES)}.")
    return queries.claims_for(request.auth, box)[1].order_by("-pk")


@router.get("/claims/{claim_id}", response=ClaimDetail)
def claim(request, claim_id: int):
    found = queries.get_claim_for_user(request.auth, claim_id, "view")
    log.record_view(found)
    return _detail(request.auth, found)


@router.post("/claims", response={201: ClaimDetail})
def open_claim(request, payload: ClaimIn):
    """Open a claim from a case the user works (pre-filled where the payload is silent)."""
    user = request.auth
    if not can(user, Claim, "add"):
        raise HttpError(403, "You may not open claims.")
    case = get_object_or_404(Case.objects.restrict(user, "change"), pk=payload.case_id)
    initial, held = queries.prefill(user, case)
    data = payload.dict()
    form = forms.ClaimCreateForm(
        {
            "serving_agency": case.agency_id,
            "authority": data["authority_id"],
            "route": data["route"],
            "basis": data["basis"],
            "district": data["district_id"] or initial.get("district") or "",
            "offence": data["offence"] or initial.get("offence", ""),
            "offence_date": data["offence_date"] or "",
            "criminal_case": data["criminal_case_id"] or initial.get("criminal_case") or "",
            "fir_number": data["fir_number"],
            "fir_date": data["fir_date"] or "",
            "police_station": data["police_station"],
            "sections": data["sections"],
            "age_at_application": (
                data["age_at_application"]
                if data["age_at_application"] is not None
                else initial.get("age_at_application") or ""
            ),
            "trafficking": "on" if data["trafficking"] else "",
            "harms": data["harm_ids"],
        },
        user=user,
        survivor_id=case.survivor_id,
    )
    if not form.is_valid():
        refuse_invalid(form)
    made = form.instance
    made.survivor, made.case = case.survivor, case
    made.scheme = queries.scheme_for(made.authority)
    if made.scheme is None:
        raise ValidationError({"authority": ["No compensation scheme is in force in that state."]})
    workflow.create(user, made, form.cleaned_data["harms"], documents=held)
    return Status(201, _detail(user, made))


@router.post("/claims/{claim_id}/transitions", response=ClaimDetail)
def move(request, claim_id: int, payload: ClaimTransitionIn):
    """Move the claim to another status (a reason when rejecting, withdrawing,
    appealing); filing, awards and payments have their own operations."""
    found = queries.get_claim_for_user(request.auth, claim_id, "change")
    form = forms.TransitionForm(payload.dict())
    if not form.is_valid():
        refuse_invalid(form)
    data = form.cleaned_data
    _run(
        lambda: workflow.transition(
            request.auth, found, data["to"], reason=data["reason"], expected_version=data["version"]
        )
    )
    return _detail(request.auth, found)


@router.post("/claims/{claim_id}/award", response=ClaimDetail)
def record_award(request, claim_id: int, payload: ClaimAwardIn):
    found = queries.get_claim_for_user(request.auth, claim_id, "change")
    _run(
        lambda: workflow.award(
            request.auth,
            found,
            amount=payload.amount,
            order_number=payload.order_number,
            order_date=payload.order_date,
            reason=payload.reason,
            expected_version=payload.version,
        )
    )
    return _detail(request.auth, found)


@router.post("/claims/{claim_id}/file", response=ClaimDetail)
def file_claim(request, claim_id: int, payload: ClaimFileIn):
    """The application reached the authority: its inquiry and interim clocks start."""
    found = queries.get_claim_for_user(request.auth, claim_id, "change")
    form = forms.FileForm(payload.dict())
    if not form.is_valid():
        refuse_invalid(form)
    data = form.cleaned_data
    _run(
        lambda: workflow.file(
            request.auth, found, data["applied_on"], expected_version=data["version"]
        )
    )
    return _detail(request.auth, found)


def _claim_step(request, claim_id, form_class, payload, record):
    """The interim relief and bank account steps: the page's form, then the workflow."""
    found = queries.get_claim_for_user(request.auth, claim_id, "change")
    data = payload.dict()
    if "account_pmjdy" in data:  # a checkbox to the form
        data["account_pmjdy"] = "on" if data["account_pmjdy"] else ""
    form = form_class({k: "" if v is None else v for k, v in data.items()}, instance=copy(found))
    if not form.is_valid():
        refuse_invalid(form)
    changes = {k: v for k, v in form.cleaned_data.items() if k != "version"}
    _run(lambda: record(request.auth, found, changes, expected_version=payload.version))
    return _detail(request.auth, queries.get_claim_for_user(request.auth, claim_id, "view"))


@router.post("/claims/{claim_id}/interim", response=ClaimDetail)
def record_interim(request, claim_id: int, payload: ClaimInterimIn):
    """Interim relief asked for (with the certificate) or ordered (the authority only)."""
    return _claim_step(request, claim_id, forms.InterimForm, payload, workflow.record_interim)


@router.post("/claims/{claim_id}/account", response=ClaimDetail)
def record_account(request, claim_id: int, payload: ClaimAccountIn):
    """Her bank account: applied for, then opened (the number kept encrypted)."""
    return _claim_step(request, claim_id, forms.AccountForm, payload, workflow.record_account)


@router.post("/claims/{claim_id}/handover", response=ClaimDetail)
def hand_over(request, claim_id: int, payload: ClaimHandoverIn):
    """Hand the claim to another authority with its history and its access:
    afterwards it is that authority's (404 to the one that handed it over)."""
    found = queries.get_claim_for_user(request.auth, claim_id, "change")
    form = forms.HandoverForm(
        {"to_authority": payload.to_authority_id, "reason": payload.reason,
         "version": payload.version}
    )  # fmt: skip
    if not form.is_valid():
        refuse_invalid(form)
    data = form.cleaned_data
    _run(
        lambda: workflow.hand_over(
            request.auth, found, data["to_authority"], data["reason"],
            expected_version=data["version"],
        )
    )  # fmt: skip
    return _detail(request.auth, found)


@router.get("/claims/{claim_id}/payments", response=list[ClaimPaymentOut])
def payments(request, claim_id: int):
    found = queries.get_claim_for_user(request.auth, claim_id, "view")
    return list(ClaimPayment.objects.restrict(request.auth, "view").filter(claim=found))


@router.post("/claims/{claim_id}/payments", response={201: ClaimPaymentOut})
def record_payment(request, claim_id: int, payload: ClaimPaymentIn):
    found = queries.get_claim_for_user(request.auth, claim_id, "change")
    form = forms.PaymentForm(payload.dict())
    if not form.is_valid():
        refuse_invalid(form)
    made = _run(
        lambda: workflow.record_payment(
            request.auth, found, form.instance, expected_version=payload.version
        )
    )
    return Status(201, made)


@router.post("/claims/{claim_id}/documents/{document_id}", response=ClaimDocumentOut)
def update_document(request, claim_id: int, document_id: int, payload: ClaimDocumentIn):
    found = queries.get_claim_for_user(request.auth, claim_id, "change")
    document = get_object_or_404(
        ClaimDocument.objects.restrict(request.auth, "change"), pk=document_id, claim=found
    )
    form = forms.DocumentForm(payload.dict(), instance=document)
    if not form.is_valid():
        refuse_invalid(form)
    workflow.update_document(
        request.auth, found, form.instance, expected_version=payload.claim_version
    )
    return document


# Schemes
@router.get("/schemes", response=list[SchemeOut])
def schemes(request):
    """Every published scheme version with its harms (reference data)."""
    return list(SchemeVersion.objects.published().select_related("state").prefetch_related("harms"))


@router.get("/schemes/{scheme_id}", response=SchemeOut)
def scheme(request, scheme_id: int):
    return get_object_or_404(
        SchemeVersion.objects.published().select_related("state").prefetch_related("harms"),
        pk=scheme_id,
    )


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


class BondedSchemeOut(Schema):
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
    criminal_case_id: int | None
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
    criminal_case_id: int | None = None
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
        refuse_invalid(form)
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


@router.get("/bonded-labour/schemes", response=list[BondedSchemeOut], auth=None)
def bonded_schemes(request):
    """The published versions of the bonded-labour rehabilitation scheme."""
    return BondedLabourScheme.objects.published().prefetch_related("categories")


@router.get("/bonded-labour/schemes/{scheme_id}", response=BondedSchemeOut, auth=None)
def bonded_scheme(request, scheme_id: int):
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
    data = _form_data(payload.dict(exclude={"step"}))
    form = _valid(form_class(data, instance=found, user=request.auth))
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
    entitlement: str
    for_whom: str
    relation: str
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
    # With kind "entitlement": a code of the catalogue in force in the agency's state.
    entitlement: str = Field("", max_length=20)
    for_whom: str = "herself"
    relation: str = Field("", max_length=60)
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
    form = _valid(forms.DocumentRecoveryForm(_form_data(payload.dict()), user=user))
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
