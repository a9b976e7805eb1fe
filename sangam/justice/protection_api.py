"""Witness protection in the API, under /api/justice/protection/: the
applications the caller may see, filing one for a witness of a police case,
the threat report, interim protection, the decision, reviews, the end of an
order, incidents, and the relocated address (committee and police unit
only; every read audited; never in a list). The same look-ups (404 for
unknown and forbidden alike), forms (422 by the field), steps (409 when
refused) and versions (409 when someone saved since) as the pages."""

from datetime import date, datetime

from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from sangam.audit import log
from sangam.cases.models import Case
from sangam.core.forms import refuse_invalid
from sangam.core.params import Pagination
from sangam.core.workflow import Refused
from sangam.justice import protection, queries
from sangam.justice.forms import (
    ApplicationForm,
    DecisionForm,
    EndForm,
    IncidentForm,
    InterimForm,
    OrderReviewForm,
    RelocationForm,
    ThreatReportForm,
)
from sangam.justice.models import ProtectionStatus

router = Router(tags=["justice"])


def _data(payload):
    return {
        k: (v.isoformat() if isinstance(v, date) else v)
        for k, v in payload.dict().items()
        if v is not None
    }


class ApplicationOut(Schema):
    id: int
    version: int
    case_id: int
    survivor_id: int
    witness: str
    witness_name: str
    relation: str
    committee_id: int
    police_unit_id: int
    filed_by_id: int
    through: str
    applied_on: date
    category_sought: str
    measures_sought: list[str]
    status: str
    interim_on: date | None
    interim_measures: list[str]
    threat_report_on: date | None
    category_found: str
    decided_on: date | None
    order_reference: str
    measures: list[str]
    review_on: date | None
    ended_on: date | None


class ApplicationIn(Schema):
    survivor: int
    witness: str
    witness_name: str
    relation: str = ""
    filed_by: int
    through: str
    applied_on: date
    category_sought: str
    measures_sought: list[str] = []


class CareApplicationIn(Schema):
    police_case: int
    witness: str
    witness_name: str
    relation: str = ""
    filed_by: int
    through: str
    applied_on: date
    category_sought: str
    measures_sought: list[str] = []


class ThreatReportIn(Schema):
    threat_report_on: date
    category_found: str
    threat_report: str
    version: int


class ThreatReportOut(Schema):
    id: int
    threat_report_on: date | None
    category_found: str
    threat_report: str


class InterimIn(Schema):
    interim_on: date
    interim_measures: list[str]
    version: int


class ProtectionDecisionIn(Schema):
    decision: str
    decided_on: date
    order_reference: str = ""
    measures: list[str] = []
    review_on: date | None = None
    reason: str = ""
    version: int


class ReviewIn(Schema):
    measures: list[str]
    review_on: date
    note: str
    version: int


class EndIn(Schema):
    reason: str
    version: int


class IncidentIn(Schema):
    kind: str
    occurred_on: date
    details: str


class IncidentOut(Schema):
    id: int
    kind: str
    occurred_on: date
    details: str
    created_at: datetime


class RelocationIn(Schema):
    address: str
    since: date
    version: int | None = None


class RelocationOut(Schema):
    id: int
    version: int
    address: str
    since: date


@router.get("", response=list[ApplicationOut])
@paginate(Pagination)
def application_list(request, open: bool = True):
    """The applications the caller may see; ``open=false`` adds the closed."""
    found = queries.applications(request.auth)
    if open:
        found = found.exclude(status__in=(ProtectionStatus.REFUSED, ProtectionStatus.ENDED))
    return log.AuditedPage(found.order_by("applied_on", "pk"))


@router.get("/{protectionapplication_id}", response=ApplicationOut)
def application_detail(request, protectionapplication_id: int):
    found = queries.get_application_for_user(request.auth, protectionapplication_id)
    log.record_view(found)
    return found


@router.post("/cases/{criminalcase_id}", response={201: ApplicationOut})
def application_add(request, criminalcase_id: int, payload: ApplicationIn):
    """File an application for a witness of the police case ``criminalcase_id``, to
    the committee of the case's district: its station, AHTU or prosecution."""
    case = queries.get_case_for_user(request.auth, criminalcase_id)
    return _file(request.auth, ApplicationForm(_data(payload), user=request.auth, case=case))


@router.post("/care/{case_id}", response={201: ApplicationOut})
def application_for_survivor(request, case_id: int, payload: CareApplicationIn):
    """File an application for her or her family from her care case
    ``case_id``, by the agency caring for her, in one of her police cases."""
    care = get_object_or_404(Case.objects.restrict(request.auth, "change"), pk=case_id)
    return _file(request.auth, ApplicationForm(_data(payload), user=request.auth, care=care))


def _file(user, form):
    if not form.fields["filed_by"].queryset.exists():
        raise HttpError(403, "You may not file an application on this case.")
    if not form.is_valid():
        refuse_invalid(form)
    application = form.save(commit=False)
    application.case = form.case
    return 201, protection.apply(user, application)


def _step(request, protectionapplication_id, form_class, payload, apply):
    user = request.auth
    application = queries.get_application_for_user(user, protectionapplication_id)
    if not protection.sides_of(user, application):
        raise HttpError(404, "Not found.")
    form = form_class(_data(payload), instance=application)
    if not form.is_valid():
        refuse_invalid(form)
    try:
        apply(user, form.save(commit=False), form.cleaned_data)
    except Refused as exc:
        raise HttpError(409, str(exc)) from None
    return queries.get_application_for_user(user, protectionapplication_id)


@router.post("/{protectionapplication_id}/report", response=ApplicationOut)
def threat_report(request, protectionapplication_id: int, payload: ThreatReportIn):
    """The police unit's Threat Analysis Report."""

    def apply(user, application, data):
        protection.report_threat(user, application, expected_version=data["version"])

    return _step(request, protectionapplication_id, ThreatReportForm, payload, apply)


@router.get("/{protectionapplication_id}/report", response=ThreatReportOut)
def threat_report_detail(request, protectionapplication_id: int):
    """The report's findings: the committee and the police unit only."""
    user = request.auth
    application = queries.get_application_for_user(user, protectionapplication_id)
    if not protection.sides_of(user, application) & (protection.COMMITTEE | protection.POLICE):
        raise HttpError(404, "Not found.")
    log.record_view(application, purpose="threat report")
    return application


@router.post("/{protectionapplication_id}/interim", response=ApplicationOut)
def interim(request, protectionapplication_id: int, payload: InterimIn):
    def apply(user, application, data):
        protection.order_interim(user, application, expected_version=data["version"])

    return _step(request, protectionapplication_id, InterimForm, payload, apply)


@router.post("/{protectionapplication_id}/decision", response=ApplicationOut)
def decision(request, protectionapplication_id: int, payload: ProtectionDecisionIn):
    """The committee orders protection (``grant``) or refuses it (``refuse``)."""

    def apply(user, application, data):
        granted = data["decision"] == DecisionForm.GRANT
        protection.decide(
            user, application, granted, data.get("reason", ""), expected_version=data["version"]
        )

    return _step(request, protectionapplication_id, DecisionForm, payload, apply)


@router.post("/{protectionapplication_id}/review", response=ApplicationOut)
def review(request, protectionapplication_id: int, payload: ReviewIn):
    def apply(user, application, data):
        protection.review(user, application, data["note"], expected_version=data["version"])

    return _step(request, protectionapplication_id, OrderReviewForm, payload, apply)


@router.post("/{protectionapplication_id}/end", response=ApplicationOut)
def end(request, protectionapplication_id: int, payload: EndIn):
    """End an order, or withdraw an application not yet decided."""
    user = request.auth
    application = queries.get_application_for_user(user, protectionapplication_id)
    form = EndForm(payload.dict())
    if not form.is_valid():
        refuse_invalid(form)
    try:
        protection.end(
            user,
            application,
            form.cleaned_data["reason"],
            expected_version=form.cleaned_data["version"],
        )
    except Refused as exc:
        raise HttpError(409, str(exc)) from None
    return queries.get_application_for_user(user, protectionapplication_id)


@router.get("/{protectionapplication_id}/incidents", response=list[IncidentOut])
def incident_list(request, protectionapplication_id: int):
    user = request.auth
    application = queries.get_application_for_user(user, protectionapplication_id)
    return list(queries.incidents_of(user, application))


@router.post("/{protectionapplication_id}/incidents", response={201: IncidentOut})
def incident_add(request, protectionapplication_id: int, payload: IncidentIn):
    user = request.auth
    application = queries.get_application_for_user(user, protectionapplication_id)
    form = IncidentForm(_data(payload), application=application)
    if not form.is_valid():
        refuse_invalid(form)
    try:
        return 201, protection.report_incident(user, application, form.save(commit=False))
    except Refused as exc:
        raise HttpError(409, str(exc)) from None


@router.get("/{protectionapplication_id}/relocation", response=RelocationOut)
def relocation(request, protectionapplication_id: int):
    """Where the relocated witness lives: the committee and the police unit
    carrying out the order only (anyone else 404); every read audited."""
    user = request.auth
    application = queries.get_application_for_user(user, protectionapplication_id)
    found = protection.relocation_for(user, application)
    if found is None:
        raise HttpError(404, "Not found.")
    log.record_view(found, purpose="witness protection order")
    return found


@router.put("/{protectionapplication_id}/relocation", response=RelocationOut)
def relocation_save(request, protectionapplication_id: int, payload: RelocationIn):
    user = request.auth
    application = queries.get_application_for_user(user, protectionapplication_id)
    if not protection.may_relocate(user, application):
        raise HttpError(404, "Not found.")
    current = protection.relocation_for(user, application)
    form = RelocationForm(_data(payload), instance=current)
    if not form.is_valid():
        refuse_invalid(form)
    try:
        return protection.relocate(
            user,
            application,
            form.save(commit=False),
            expected_version=form.cleaned_data.get("version"),
        )
    except Refused as exc:
        raise HttpError(409, str(exc)) from None
