"""Accused networks and proceeds in the API, under /api/justice/: the links
Sangam proposed for an accused and an officer's decision on one, the
network of a case, and the proceeds attached. Police and prosecution only:
anyone else gets 404, as for the accused. The same look-ups, forms (422 by
the field) and versions (409 when someone saved since) as the pages."""

from datetime import date

from ninja import Router, Schema
from ninja.errors import HttpError

from sangam.audit import log
from sangam.core.forms import refuse_invalid
from sangam.justice import networks, queries, workflow
from sangam.justice.forms import LinkDecisionForm, ProceedsForm
from sangam.justice.models import Accused, AccusedLink, Proceeds

router = Router(tags=["justice"])


def _only_police_and_prosecution(user):
    if not queries.may_see_accused(user):
        raise HttpError(404, "Not found.")


class FarSideOut(Schema):
    """The other end of a link: named only when the caller may read it."""

    accused_id: int | None = None
    name: str | None = None
    case_id: int | None = None
    police_station: str | None = None
    district: str | None = None
    recruiter_id: int | None = None
    recruiter: str | None = None


class LinkOut(Schema):
    id: int
    status: str
    score: float
    evidence: list[str]
    reason: str
    other: FarSideOut


class LinkDecisionIn(Schema):
    decision: str
    reason: str


def _far(link, accused_id, readable):
    if link.recruiter_id:
        return {"recruiter_id": link.recruiter_id, "recruiter": str(link.recruiter)}
    far = link.other if link.accused_id == accused_id else link.accused
    station = far.case.police_station
    shown = {"police_station": station.name, "district": station.district.name}
    if far.pk in readable:
        shown.update(accused_id=far.pk, name=far.name, case_id=far.case_id)
    return shown


def _link_out(link, accused_id, readable):
    return {
        "id": link.pk,
        "status": link.status,
        "score": link.score,
        "evidence": [k for k in ("phone", "name", "vehicle") if link.levels.get(k)],
        "reason": link.reason,
        "other": _far(link, accused_id, readable),
    }


def _readable(user, links):
    ids = {lk.other_id for lk in links} | {lk.accused_id for lk in links}
    return set(Accused.objects.restrict(user).filter(pk__in=ids).values_list("pk", flat=True))


@router.get("/accused/{accused_id}/links", response=list[LinkOut])
def links(request, accused_id: int):
    """Proposed and decided links of one accused; ``evidence`` names the
    kinds of key shared (phone, name, vehicle), never the values."""
    accused = queries.get_accused_for_user(request.auth, accused_id)
    found = list(networks.links_of(request.auth, [accused.pk]))
    readable = _readable(request.auth, found)
    if readable - {accused.pk}:
        log.record_list(Accused, sorted(readable - {accused.pk}), purpose="network")
    return [_link_out(lk, accused.pk, readable) for lk in found]


@router.post("/links/{accusedlink_id}/decision", response=LinkOut)
def link_decide(request, accusedlink_id: int, payload: LinkDecisionIn):
    """Confirm (``decision``: confirm) or reject (reject) a proposed link,
    saying why; 409 if it was decided already."""
    link = queries.get_link_for_user(request.auth, accusedlink_id)
    if not AccusedLink.objects.restrict(request.auth, "change").filter(pk=link.pk).exists():
        raise HttpError(403, "You may not decide this link.")
    form = LinkDecisionForm(payload.dict(), prefix=None)
    if not form.is_valid():
        refuse_invalid(form)
    networks.decide(request.auth, link, form.cleaned_data["decision"] == "confirm", payload.reason)
    readable = _readable(request.auth, [link])
    # Told from the caller's side: the far side is the one she did not reach it by.
    mine = link.accused_id if link.accused_id in readable else link.other_id
    return _link_out(link, mine, readable)


class NetworkOut(Schema):
    case_id: int
    accused: list[int]
    linked: list[FarSideOut]
    recruiters: list[FarSideOut]
    places: list[str]
    proceeds: list[int]


@router.get("/cases/{criminalcase_id}/network", response=NetworkOut)
def network(request, criminalcase_id: int):
    """The confirmed network of one case (see the page)."""
    _only_police_and_prosecution(request.auth)
    case = queries.get_case_for_user(request.auth, criminalcase_id)
    found = networks.network(request.auth, case)
    log.record_view(case, purpose="network")
    linked = []
    for far, named in found["others"]:
        station = far.case.police_station
        row = {"police_station": station.name, "district": station.district.name}
        if named:
            row.update(accused_id=far.pk, name=far.name, case_id=far.case_id)
        linked.append(row)
    return {
        "case_id": case.pk,
        "accused": [a.pk for a in found["accused"]],
        "linked": linked,
        "recruiters": [{"recruiter_id": r.pk, "recruiter": str(r)} for r in found["recruiters"]],
        "places": found["places"],
        "proceeds": [p.pk for p in found["proceeds"]],
    }


class ProceedsOut(Schema):
    id: int
    version: int
    case_id: int
    accused_id: int | None
    kind: str
    description: str
    value: int | None
    attached_on: date
    order: str
    status: str
    status_on: date | None


class ProceedsIn(Schema):
    kind: str
    description: str
    attached_on: date
    order: str
    accused_id: int | None = None
    value: int | None = None
    status: str = Proceeds.Status.ATTACHED


class ProceedsChangeIn(ProceedsIn):
    version: int


def _proceeds_form(payload, case, instance=None):
    data = payload.dict()
    data["accused"] = data.pop("accused_id")
    data["attached_on"] = data["attached_on"].isoformat()
    data = {k: v for k, v in data.items() if v is not None}
    form = ProceedsForm(data, case=case, instance=instance)
    if not form.is_valid():
        refuse_invalid(form)
    return form


@router.get("/cases/{criminalcase_id}/proceeds", response=list[ProceedsOut])
def proceeds_list(request, criminalcase_id: int):
    _only_police_and_prosecution(request.auth)
    case = queries.get_case_for_user(request.auth, criminalcase_id)
    rows = list(queries.proceeds_of(request.auth, case))
    if rows:
        log.record_list(Proceeds, [p.pk for p in rows])
    return rows


@router.post("/cases/{criminalcase_id}/proceeds", response={201: ProceedsOut})
def proceeds_add(request, criminalcase_id: int, payload: ProceedsIn):
    _only_police_and_prosecution(request.auth)
    case = queries.get_case_for_user(request.auth, criminalcase_id, "change")
    form = _proceeds_form(payload, case)
    return 201, workflow.save_proceeds(request.auth, case, form.save(commit=False))


@router.get("/proceeds/{proceeds_id}", response=ProceedsOut)
def proceeds_read(request, proceeds_id: int):
    proceeds = queries.get_proceeds_for_user(request.auth, proceeds_id)
    log.record_view(proceeds)
    return proceeds


@router.put("/proceeds/{proceeds_id}", response=ProceedsOut)
def proceeds_change(request, proceeds_id: int, payload: ProceedsChangeIn):
    """What the court ordered (confiscated, released), or a correction."""
    proceeds = queries.get_proceeds_for_user(request.auth, proceeds_id, "change")
    form = _proceeds_form(payload, proceeds.case, instance=proceeds)
    return workflow.save_proceeds(
        request.auth, proceeds.case, form.save(commit=False), expected_version=payload.version
    )
