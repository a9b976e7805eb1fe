"""Witness protection pages: the applications a user may see (the
committee's and the police unit's queue), filing one from a police case,
and one application's page with the step each side may take. The
relocated address is shown only to the committee and the police unit, and
each showing is audited."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sangam.audit import log
from sangam.cases.models import Case
from sangam.core.editing import EDIT_CONFLICT, EditConflict
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
from sangam.justice.models import ProtectionApplication, ProtectionIncident
from sangam.justice.models import ProtectionStatus as S

OPEN = (S.APPLIED, S.REPORTED, S.GRANTED)


@login_required
def protection_list(request):
    rows = list(queries.applications(request.user).filter(status__in=OPEN))
    if rows:
        log.record_list(ProtectionApplication, [a.pk for a in rows])
    return render(request, "justice/protection_list.html", {"applications": rows})


@login_required
def protection_create(request, pk):
    """A new application for a witness of the police case ``pk``, by its holders."""
    case = queries.get_case_for_user(request.user, pk)
    form = ApplicationForm(request.POST or None, user=request.user, case=case)
    return _file(request, form)


@login_required
def protection_for_survivor(request, care_pk):
    """A new application for her (or her family), from her care case
    ``care_pk``, by the agency caring for her."""
    care = get_object_or_404(Case.objects.restrict(request.user, "change"), pk=care_pk)
    form = ApplicationForm(request.POST or None, user=request.user, care=care)
    if not form.fields["police_case"].queryset.exists():
        messages.info(request, _("She is not a victim in a police case you can see."))
        return redirect(care)
    return _file(request, form, back=care.get_absolute_url())


def _file(request, form, back=None):
    if not form.fields["filed_by"].queryset.exists():
        raise PermissionDenied
    if request.method == "POST" and form.is_valid():
        application = form.save(commit=False)
        application.case = form.case
        try:
            protection.apply(request.user, application)
        except ValidationError as exc:
            form.add_error(None, exc.messages)
        else:
            messages.success(request, _("Application filed with the committee."))
            return redirect(application)
    title = _("Apply for witness protection")
    return render(request, "justice/form.html", {"form": form, "title": title, "back": back})


def _forms(user, application, sides):
    forms = {}
    status = application.status
    if "police" in sides and status == S.APPLIED:
        forms["report_form"] = ThreatReportForm(instance=application, prefix="report")
    if "committee" in sides:
        if status in (S.APPLIED, S.REPORTED):
            forms["interim_form"] = InterimForm(instance=application, prefix="interim")
        if status == S.REPORTED:
            forms["decision_form"] = DecisionForm(instance=application, prefix="decision")
        if status == S.GRANTED:
            forms["review_form"] = OrderReviewForm(instance=application, prefix="review")
    if S.ENDED in protection.STATUS.allowed(user, application):
        forms["end_form"] = EndForm(initial={"version": application.version}, prefix="end")
    if status in OPEN:
        forms["incident_form"] = IncidentForm(application=application, prefix="incident")
    return forms


def application_page(request, application, bound=None):
    user = request.user
    log.record_view(application)
    sides = protection.sides_of(user, application)
    incidents = list(queries.incidents_of(user, application))
    if incidents:
        log.record_list(ProtectionIncident, [i.pk for i in incidents])
    relocation = protection.relocation_for(user, application)
    if relocation is not None:
        log.record_view(relocation, purpose="witness protection order")
    may_relocate = (
        protection.may_relocate(user, application)
        and application.status == S.GRANTED
        and "relocation" in application.measures
    )
    labels = dict(S.choices)
    context = {
        "application": application,
        "sides": sides,
        "incidents": incidents,
        "history": [
            (e, labels.get(e.to_status, "")) for e in application.events.restrict(user, "view")
        ],
        "sought_labels": application.measure_labels("measures_sought"),
        "interim_labels": application.measure_labels("interim_measures"),
        "measure_labels": application.measure_labels(),
        "relocation": relocation,
        "clocks": list(queries.clocks_of(user, application=application)),
        # The threat report's findings: for the committee and the police.
        "show_report": bool(sides & {"committee", "police"}),
        **_forms(user, application, sides),
    }
    if may_relocate:
        context["relocation_form"] = RelocationForm(instance=relocation, prefix="relocation")
    context.update(bound or {})
    return render(request, "justice/protection.html", context)


@login_required
def protection_detail(request, pk):
    return application_page(request, queries.get_application_for_user(request.user, pk))


def _step(name, form_class, apply, prefix):
    """A posted step on an application: checked, applied, or shown again on
    its page with its errors by the field."""

    @login_required
    @require_POST
    def view(request, pk):
        application = queries.get_application_for_user(request.user, pk)
        if not protection.sides_of(request.user, application):
            raise PermissionDenied
        form = form_class(request.POST, instance=application, prefix=prefix)
        if form.is_valid():
            try:
                apply(request.user, form.save(commit=False), form.cleaned_data)
            except EditConflict:
                messages.error(request, EDIT_CONFLICT)
            except Refused as exc:
                messages.error(request, str(exc))
            else:
                return redirect(application)
        return application_page(request, application, {name: form})

    return view


def _report(user, application, data):
    protection.report_threat(user, application, expected_version=data["version"])


def _interim(user, application, data):
    protection.order_interim(user, application, expected_version=data["version"])


def _decide(user, application, data):
    granted = data["decision"] == DecisionForm.GRANT
    protection.decide(
        user, application, granted, data.get("reason", ""), expected_version=data["version"]
    )


def _review(user, application, data):
    protection.review(user, application, data["note"], expected_version=data["version"])


report = _step("report_form", ThreatReportForm, _report, "report")
interim = _step("interim_form", InterimForm, _interim, "interim")
decide = _step("decision_form", DecisionForm, _decide, "decision")
review = _step("review_form", OrderReviewForm, _review, "review")


@login_required
@require_POST
def end(request, pk):
    application = queries.get_application_for_user(request.user, pk)
    form = EndForm(request.POST, prefix="end")
    if form.is_valid():
        try:
            protection.end(
                request.user,
                application,
                form.cleaned_data["reason"],
                expected_version=form.cleaned_data["version"],
            )
        except EditConflict:
            messages.error(request, EDIT_CONFLICT)
        except Refused as exc:
            messages.error(request, str(exc))
        else:
            return redirect(application)
    return application_page(request, application, {"end_form": form})


@login_required
@require_POST
def incident(request, pk):
    application = queries.get_application_for_user(request.user, pk)
    form = IncidentForm(request.POST, application=application, prefix="incident")
    if form.is_valid():
        try:
            protection.report_incident(request.user, application, form.save(commit=False))
        except Refused as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Incident recorded; the committee will review."))
            return redirect(application)
    return application_page(request, application, {"incident_form": form})


@login_required
@require_POST
def relocation(request, pk):
    application = queries.get_application_for_user(request.user, pk)
    if not protection.may_relocate(request.user, application):
        raise PermissionDenied
    current = protection.relocation_for(request.user, application)
    form = RelocationForm(request.POST, instance=current, prefix="relocation")
    if form.is_valid():
        try:
            protection.relocate(
                request.user,
                application,
                form.save(commit=False),
                expected_version=form.cleaned_data.get("version"),
            )
        except EditConflict:
            messages.error(request, EDIT_CONFLICT)
        except Refused as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Relocated address saved."))
            return redirect(application)
    return application_page(request, application, {"relocation_form": form})
