"""Referrals in the API, mounted under /api/referrals/: the boxes (received,
sent, overdue), one referral with its history, making a referral and moving
it through its life. Input is validated by the same form and status table as
the pages (422 with field errors, 409 for a refused step or a raced edit);
access by the same restricted querysets (404 for unknown and forbidden alike)."""

from datetime import datetime
from uuid import UUID

from django.core.exceptions import ValidationError
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import LimitOffsetPagination, paginate

from sangam.audit import log
from sangam.core.access import can
from sangam.core.forms import refuse_invalid
from sangam.core.workflow import Refused
from sangam.directory.models import TaxonomyTerm
from sangam.referrals import queries, workflow
from sangam.referrals.forms import ReferralForm, TransitionForm
from sangam.referrals.models import Referral, ReferralEvent

router = Router(tags=["referrals"])


class ReferralOut(Schema):
    id: int
    sender_agency_id: int
    receiver_agency_id: int | None
    service_id: UUID
    need: str | None = Field(None, alias="need.code")
    person_reference: str
    person_age: int | None
    person_sex: str
    person_language: str
    urgent: bool
    need_summary: str
    status: str
    status_reason: str
    outcome: str
    requested_at: datetime | None
    due_at: datetime | None
    responded_at: datetime | None
    closed_at: datetime | None
    version: int


class EventOut(Schema):
    from_status: str
    to_status: str
    reason: str
    at: datetime


class ReferralDetail(ReferralOut):
    history: list[EventOut]
    # The steps this user may take now (the page shows them as buttons).
    next_statuses: list[str]


class ReferralIn(Schema):
    sender_agency_id: int
    service_id: UUID
    person_reference: str = Field(max_length=40)
    need: str = Field("", max_length=100, description="A need's code in the directory taxonomy.")
    person_age: int | None = Field(None, ge=0, le=120)
    person_sex: str = ""
    person_language: str = Field("", max_length=40)
    urgent: bool = False
    need_summary: str = Field("", max_length=2000)
    send: bool = Field(False, description="Send at once; otherwise it is saved as a draft.")


class TransitionIn(Schema):
    to: str
    reason: str = Field("", max_length=2000)
    outcome: str = Field("", max_length=2000)
    version: int


def _detail(user, referral):
    events = ReferralEvent.objects.restrict(user, "view").filter(referral=referral)
    referral.history = [
        {"from_status": e.from_status, "to_status": e.to_status, "reason": e.reason, "at": e.at}
        for e in events.order_by("at", "pk")
    ]
    referral.next_statuses = list(workflow.STATUS.allowed(user, referral))
    return referral


def _need_id(code):
    if not code:
        return ""
    term = TaxonomyTerm.objects.filter(code=code, taxonomy__isnull=False).first()
    if term is None:
        raise ValidationError({"need": [f"Unknown need {code[:100]!r}."]})
    return term.pk


@router.get("/referrals", response=list[ReferralOut])
@paginate(LimitOffsetPagination)
def referrals(request, box: str = "received"):
    """A box of the user's agencies: ``received``, ``sent`` or ``overdue``."""
    if box not in queries.BOXES:
        raise HttpError(422, f"box must be one of {', '.join(queries.BOXES)}.")
    return queries.in_box(request.auth, box)[1].order_by("-urgent", "-created_at", "-pk")


@router.get("/referrals/{referral_id}", response=ReferralDetail)
def referral(request, referral_id: int):
    found = queries.get_referral_for_user(request.auth, referral_id, "view")
    log.record_view(found)
    return _detail(request.auth, found)


@router.post("/referrals", response={201: ReferralDetail})
def make_referral(request, payload: ReferralIn):
    user = request.auth
    if not can(user, Referral, "add"):
        raise HttpError(403, "You may not make referrals.")
    data = payload.dict(exclude={"send"})
    form = ReferralForm(
        {
            "sender_agency": data["sender_agency_id"],
            "service": data["service_id"],
            "need": _need_id(data["need"]),
            "person_reference": data["person_reference"],
            "person_age": "" if data["person_age"] is None else data["person_age"],
            "person_sex": data["person_sex"],
            "person_language": data["person_language"],
            "urgent": "on" if data["urgent"] else "",
            "need_summary": data["need_summary"],
        },
        user=user,
    )
    if not form.is_valid():
        refuse_invalid(form)
    made = workflow.create(user, form.instance, send=payload.send)
    return Status(201, _detail(user, made))


@router.post("/referrals/{referral_id}/transitions", response=ReferralDetail)
def move(request, referral_id: int, payload: TransitionIn):
    """Move the referral to another status (``reason`` when rejecting, holding,
    failing or cancelling; ``outcome`` when completing)."""
    found = queries.get_referral_for_user(request.auth, referral_id, "change")
    form = TransitionForm(payload.dict())
    if not form.is_valid():
        refuse_invalid(form)
    data = form.cleaned_data
    try:
        workflow.transition(
            request.auth,
            found,
            data["to"],
            reason=data["reason"],
            outcome=data["outcome"],
            expected_version=data["version"],
        )
    except Refused as exc:
        raise HttpError(409, str(exc)) from exc
    return _detail(request.auth, found)
