"""Legal aid and document pages: her application for free legal aid with
the panel lawyer assigned, and the documents recovered for her."""

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sangam.audit import log
from sangam.compensation import forms, queries, workflow
from sangam.compensation.models import (
    DocumentRecovery,
    DocumentStatus,
    LegalAidApplication,
    LegalAidStatus,
)
from sangam.compensation.models.documents import with_items
from sangam.compensation.views import steps
from sangam.compensation.views.bonded import _errors_to_form, _survivor_choices_shown
from sangam.core.editing import EDIT_CONFLICT, EditConflict
from sangam.core.workflow import Refused


def _with_names(user, records):
    """Each record with her name where the user may see it (one query)."""
    records = list(records)
    seen = queries.visible_survivors(user, [r.survivor_id for r in records])
    for record in records:
        record.survivor_seen = seen.get(record.survivor_id)
    if seen:
        from sangam.cases.models import Survivor

        log.record_list(Survivor, sorted(seen), purpose="compensation list")
    return records


@login_required
def legal_aid_list(request):
    page = Paginator(queries.legal_aid_for(request.user), 25).get_page(request.GET.get("page"))
    page.object_list = _with_names(request.user, page.object_list)
    return render(
        request,
        "compensation/legal_aid_list.html",
        {
            "page": page,
            "can_add": forms.agencies_for(request.user, LegalAidApplication).exists(),
        },
    )


@login_required
def legal_aid_create(request):
    user = request.user
    if not forms.agencies_for(user, LegalAidApplication).exists():
        raise PermissionDenied
    initial = {"survivor": request.GET.get("survivor"), "applied_on": timezone.localdate()}
    form = forms.LegalAidForm(request.POST or None, user=user, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            application = workflow.apply_for_legal_aid(user, form.instance)
        except ValidationError as exc:
            _errors_to_form(form, exc)
        else:
            messages.success(request, _("Application for legal aid recorded."))
            return redirect(application)
    _survivor_choices_shown(form)
    return render(
        request,
        "compensation/step_form.html",
        {
            "form": form,
            "title": _("Apply for free legal aid"),
            "back": "compensation:legal_aid_list",
        },
    )


@login_required
def legal_aid_detail(request, pk):
    user = request.user
    application = queries.get_legal_aid_for_user(user, pk)
    log.record_view(application)
    survivor = queries.visible_survivor(user, application.survivor_id)
    if survivor is not None:
        log.record_view(survivor, purpose="legal aid")
    allowed = workflow.LEGAL_AID.allowed(user, application)
    return render(
        request,
        "compensation/legal_aid.html",
        {
            "application": application,
            "survivor": survivor,
            "events": queries.legal_aid_events(user, application),
            "may_assign": LegalAidStatus.LAWYER_ASSIGNED in allowed,
            "reason_steps": [
                LegalAidStatus(t) for t in allowed if t != LegalAidStatus.LAWYER_ASSIGNED
            ],
        },
    )


@login_required
def legal_aid_lawyer(request, pk):
    user = request.user
    application = queries.get_legal_aid_for_user(user, pk, "change")
    form = forms.LawyerForm(request.POST or None, instance=application)
    if request.method == "POST" and form.is_valid():
        try:
            workflow.step_legal_aid(
                user,
                application,
                LegalAidStatus.LAWYER_ASSIGNED,
                expected_version=form.cleaned_data.get("version") or 0,
            )
        except Refused as exc:
            form.add_error(None, str(exc))
        except EditConflict:
            form.add_error(None, EDIT_CONFLICT)
        else:
            messages.success(request, _("Panel lawyer assigned."))
            return redirect(application)
    log.record_view(application, purpose="assign a lawyer")
    return render(
        request,
        "compensation/step.html",
        {"form": form, "record": application, "title": _("Assign a panel lawyer")},
    )


@login_required
@require_POST
def legal_aid_transition(request, pk):
    application = queries.get_legal_aid_for_user(request.user, pk, "change")
    return steps.transition(
        request,
        application,
        partial(workflow.step_legal_aid, request.user, application, today=timezone.localdate()),
        not_here={LegalAidStatus.LAWYER_ASSIGNED},
        done=lambda a: _("The application is now %(status)s.") % {"status": a.get_status_display()},
    )


@login_required
def document_list(request):
    page = Paginator(queries.documents_for(request.user), 25).get_page(request.GET.get("page"))
    page.object_list = with_items(_with_names(request.user, page.object_list))
    return render(
        request,
        "compensation/documents.html",
        {"page": page, "can_add": forms.agencies_for(request.user, DocumentRecovery).exists()},
    )


@login_required
def document_create(request):
    user = request.user
    if not forms.agencies_for(user, DocumentRecovery).exists():
        raise PermissionDenied
    form = forms.DocumentRecoveryForm(
        request.POST or None, user=user, initial={"survivor": request.GET.get("survivor")}
    )
    if request.method == "POST" and form.is_valid():
        try:
            recovery = workflow.start_recovery(user, form.instance)
        except ValidationError as exc:
            _errors_to_form(form, exc)
        else:
            messages.success(request, _("Document recorded."))
            return redirect(recovery)
    _survivor_choices_shown(form)
    return render(
        request,
        "compensation/step_form.html",
        {
            "form": form,
            "title": _("Recover a document or an entitlement"),
            "back": "compensation:documents",
        },
    )


DOCUMENT_STEPS = {
    DocumentStatus.APPLIED: forms.DocumentAppliedForm,
    DocumentStatus.ISSUED: forms.DocumentIssuedForm,
}


@login_required
def document_detail(request, pk):
    user = request.user
    recovery = queries.get_document_for_user(user, pk)
    log.record_view(recovery)
    survivor = queries.visible_survivor(user, recovery.survivor_id)
    if survivor is not None:
        log.record_view(survivor, purpose="document recovery")
    allowed = workflow.DOCUMENT.allowed(user, recovery)
    return render(
        request,
        "compensation/document.html",
        {
            "recovery": recovery,
            "survivor": survivor,
            "events": queries.document_events(user, recovery),
            "form_steps": [DocumentStatus(t) for t in allowed if t in DOCUMENT_STEPS],
            "reason_steps": [DocumentStatus(t) for t in allowed if t not in DOCUMENT_STEPS],
        },
    )


@login_required
def document_step(request, pk, to):
    user = request.user
    recovery = queries.get_document_for_user(user, pk, "change")
    if to not in DOCUMENT_STEPS:
        return redirect(recovery)
    form = DOCUMENT_STEPS[to](request.POST or None, instance=recovery)
    if request.method == "POST" and form.is_valid():
        try:
            workflow.step_document(
                user, recovery, to, expected_version=form.cleaned_data.get("version") or 0
            )
        except Refused as exc:
            form.add_error(None, str(exc))
        except EditConflict:
            form.add_error(None, EDIT_CONFLICT)
        else:
            messages.success(request, _("Document updated."))
            return redirect(recovery)
    log.record_view(recovery, purpose="document step")
    title = DocumentStatus(to).label
    return render(
        request, "compensation/step.html", {"form": form, "record": recovery, "title": title}
    )


@login_required
@require_POST
def document_transition(request, pk):
    recovery = queries.get_document_for_user(request.user, pk, "change")
    return steps.transition(
        request,
        recovery,
        partial(workflow.step_document, request.user, recovery),
        not_here=DOCUMENT_STEPS,
        done=lambda _record: _("Document updated."),
    )
