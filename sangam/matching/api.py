"""Finding the missing in the API, mounted under /api/matching/: the review
queue of candidate matches, one candidate with its evidence in words, and the
reviewer's decision. The same restricted look-ups as the pages
(``queries.candidates``: only pairs whose both records the caller may see;
CWC members children only), the same form (422) and the same rule that a
pair is decided once (409 for the later of two reviewers)."""

from datetime import datetime

from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.pagination import LimitOffsetPagination, paginate

from sangam.audit import log
from sangam.core.forms import refuse_invalid
from sangam.matching import evidence, queries, workflow
from sangam.matching.forms import DecisionForm
from sangam.matching.models import Review

router = Router(tags=["matching"])


class CandidateOut(Schema):
    id: int
    missing_person_id: int
    survivor_id: int
    score: float
    rank: int
    status: str
    reviewed_at: datetime | None


class EvidenceOut(Schema):
    field: str
    records_say: str
    agrees: bool | None  # None: not recorded on both


class CandidateDetail(CandidateOut):
    reason: str
    evidence: list[EvidenceOut]
    may_decide: bool
    restoration_id: int | None = None


class CandidateDecisionIn(Schema):
    decision: str  # "confirm" (same person) or "reject"
    reason: str


def _detail(user, candidate, restoration=None):
    candidate.evidence = [
        {"field": str(f), "records_say": str(said), "agrees": agrees}
        for f, said, agrees in evidence.evidence(candidate.levels)
    ]
    candidate.may_decide = (
        candidate.status == Review.PENDING
        and queries.candidates(user, "change").filter(pk=candidate.pk).exists()
    )
    candidate.restoration_id = restoration.pk if restoration else None
    return candidate


@router.get("/candidates", response=list[CandidateOut])
@paginate(LimitOffsetPagination)
def candidates(request):
    """Pending candidates the caller may review, best first."""
    return queries.queue(request.auth).order_by("-score", "pk")


@router.get("/candidates/{candidate_id}", response=CandidateDetail)
def candidate(request, candidate_id: int):
    found = get_object_or_404(queries.candidates(request.auth), pk=candidate_id)
    log.record_view(found)
    return _detail(request.auth, found)


@router.post("/candidates/{candidate_id}/decision", response=CandidateDetail)
def decide(request, candidate_id: int, payload: CandidateDecisionIn):
    """Same person or not, and why (what was checked). A confirmed child's
    match starts her restoration through the CWC (``restoration_id``)."""
    found = get_object_or_404(
        queries.candidates(request.auth).select_related("missing_person", "survivor"),
        pk=candidate_id,
    )
    if not queries.candidates(request.auth, "change").filter(pk=found.pk).exists():
        raise HttpError(403, "You may not decide this candidate.")
    form = DecisionForm(payload.dict())
    if not form.is_valid():
        refuse_invalid(form)
    confirmed = form.cleaned_data["decision"] == "confirm"
    restoration = workflow.decide(found, request.auth, confirmed, form.cleaned_data["reason"])
    return _detail(request.auth, found, restoration)
