"""Survivors in the API: the same restricted, consent-checked querysets as
the pages, and the same per-field visibility (safe contact only for agencies
serving her or with her consent to "contact"; the account only where the
account may be read). Every read is audited."""

from django.http import Http404
from ninja import Field, Router, Schema
from ninja.pagination import paginate

from sangam.audit import log
from sangam.cases.consent import may_see
from sangam.cases.models import Case, Category, Intake, Survivor
from sangam.cases.queries import search_by_name
from sangam.core.params import Pagination

router = Router(tags=["survivors"])


class SurvivorSummary(Schema):
    id: int
    name: str
    sex: str
    age: int | None
    is_minor: bool
    origin_district: str | None


class CaseOut(Schema):
    id: int
    agency: str
    status: str
    opened_on: str


class SurvivorOut(SurvivorSummary):
    aliases: list[str]
    languages: list[str]
    cwc_involved: bool
    safe_contact: str | None  # null: not shared with the caller's agency
    account: str | None  # null: no account the caller may read
    account_language: str | None
    cases: list[CaseOut]


def _summary(s):
    return {
        "id": s.pk,
        "name": s.name,
        "sex": s.sex,
        "age": s.age_on(),
        "is_minor": s.is_minor,
        "origin_district": s.origin_district.name if s.origin_district else None,
    }


class NameSearch(Schema):
    q: str = Field(min_length=1, max_length=100)


def _visible(request):
    return Survivor.objects.restrict(request.user, "view").select_related("origin_district")


@router.get("/survivors", response=list[SurvivorSummary])
@paginate(Pagination)
def survivors(request):
    return log.AuditedPage(_visible(request), _summary)


# Names are searched in the body, never in a URL (which proxies and logs keep).
@router.post("/survivors/search", response=list[SurvivorSummary])
@paginate(Pagination)
def search_survivors(request, payload: NameSearch):
    return log.AuditedPage(search_by_name(_visible(request), payload.q), _summary)


@router.get("/survivors/{survivor_id}", response=SurvivorOut)
def survivor(request, survivor_id: int):
    user = request.user
    s = (
        Survivor.objects.restrict(user, "view")
        .select_related("origin_district")
        .filter(pk=survivor_id)
        .first()
    )
    if s is None:
        raise Http404
    log.record_view(s)
    cases = list(Case.objects.restrict(user, "view").filter(survivor=s).select_related("agency"))
    intake = Intake.objects.restrict(user, "view").filter(survivor=s).first()
    if intake is not None:
        log.record_view(intake)
    serving = {c.agency_id for c in cases if c.status != Case.Status.CLOSED}
    return {
        **_summary(s),
        "aliases": s.aliases or [],
        "languages": [c for c in (s.languages or "").split(",") if c],
        "cwc_involved": s.cwc_involved,
        "safe_contact": s.safe_contact if may_see(user, s, Category.CONTACT, serving) else None,
        "account": intake.narrative if intake else None,
        "account_language": intake.language if intake else None,
        "cases": [
            {
                "id": c.pk,
                "agency": c.agency.name,
                "status": c.status,
                "opened_on": c.opened_on.isoformat(),
            }
            for c in cases
        ],
    }
