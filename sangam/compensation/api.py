"""Compensation in the API, mounted under /api/compensation/: claims (list,
one with its history, documents and payments; a claim opened from a case;
status changes, awards, documents and payments with the version they start
from) and the schemes, read-only. Validated by the pages' forms and
workflow (422 with field errors, 409 for a refused step or a stale
version); access by the same restricted querysets (404 for unknown and
forbidden alike)."""

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import paginate

from sangam.audit import log
from sangam.cases.models import Case
from sangam.compensation import forms, queries, workflow
from sangam.compensation.models import (
    Claim,
    ClaimDocument,
    ClaimEvent,
    ClaimPayment,
    SchemeVersion,
)
from sangam.core.access import can
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
    fir_number: str
    fir_date: date | None
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


class ClaimIn(Schema):
    case_id: int
    authority_id: int
    route: str = "own"
    basis: str = "offence"
    district_id: int | None = None
    offence: str = Field("", max_length=2000)
    offence_date: date | None = None
    fir_number: str = Field("", max_length=60)
    fir_date: date | None = None
    police_station: str = Field("", max_length=150)
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


def _invalid(form):
    raise ValidationError({k: [str(e) for e in v] for k, v in form.errors.items()})


def _detail(user, claim):
    low, high = workflow.award_range(claim)
    claim.harm_ids = [h.pk for h in claim.harms.all()]
    claim.range_low, claim.range_high = low, high
    claim.account_masked = claim.masked_account
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
            "fir_number": data["fir_number"],
            "fir_date": data["fir_date"] or "",
            "police_station": data["police_station"],
            "age_at_application": (
                data["age_at_application"]
                if data["age_at_application"] is not None
                else initial.get("age_at_application") or ""
            ),
            "trafficking": "on" if data["trafficking"] else "",
            "harms": data["harm_ids"],
        },
        user=user,
    )
    if not form.is_valid():
        _invalid(form)
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
        _invalid(form)
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


@router.get("/claims/{claim_id}/payments", response=list[ClaimPaymentOut])
def payments(request, claim_id: int):
    found = queries.get_claim_for_user(request.auth, claim_id, "view")
    return list(ClaimPayment.objects.restrict(request.auth, "view").filter(claim=found))


@router.post("/claims/{claim_id}/payments", response={201: ClaimPaymentOut})
def record_payment(request, claim_id: int, payload: ClaimPaymentIn):
    found = queries.get_claim_for_user(request.auth, claim_id, "change")
    form = forms.PaymentForm(payload.dict())
    if not form.is_valid():
        _invalid(form)
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
        _invalid(form)
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
