"""Court pages: recording the trial of a case, a hearing, a judgment per
accused and charge and an appeal, all on the criminal case's page; the
hearings diary (CSV) of the trials an office may export, which never holds
an in-camera trial's notes nor any judgment."""

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sangam.audit import log
from sangam.core.editing import EDIT_CONFLICT, EditConflict
from sangam.core.exports import safe_row
from sangam.core.workflow import Refused
from sangam.justice import queries, workflow
from sangam.justice.forms import AppealForm, HearingForm, JudgmentForm, TrialForm
from sangam.justice.models import Hearing
from sangam.justice.views.page import case_page


@login_required
@require_POST
def trial_save(request, pk):
    case = queries.get_case_for_user(request.user, pk)
    if not workflow.may_write_court(request.user, case):
        raise PermissionDenied
    trial = queries.trial_of(request.user, case, "change")
    form = TrialForm(request.POST, instance=trial, case=case, prefix="trial")
    if form.is_valid():
        try:
            workflow.record_trial(
                request.user,
                case,
                form.save(commit=False),
                expected_version=form.cleaned_data["version"],
                prosecution=form.cleaned_data["prosecution"],
            )
        except EditConflict:
            messages.error(request, EDIT_CONFLICT)
        else:
            messages.success(request, _("Trial saved."))
            return redirect(case)
    return case_page(request, case, {"trial_form": form})


def _trial_post(name, form_class, apply, prefix):
    """A posted form about a trial: checked, applied, or shown again on the
    case's page with its errors by the field."""

    @login_required
    @require_POST
    def view(request, pk):
        trial = queries.get_trial_for_user(request.user, pk)
        case = trial.case
        if not workflow.may_write_court(request.user, case):
            raise PermissionDenied
        form = form_class(request.POST, trial=trial, prefix=prefix)
        if form.is_valid():
            try:
                apply(
                    request.user,
                    trial,
                    form.save(commit=False),
                    expected_version=form.cleaned_data["version"],
                )
            except EditConflict:
                messages.error(request, EDIT_CONFLICT)
            except Refused as exc:
                messages.error(request, str(exc))
            else:
                return redirect(case)
        return case_page(request, case, {name: form})

    return view


hearing_add = _trial_post("hearing_form", HearingForm, workflow.add_hearing, "hearing")
judgment_add = _trial_post("judgment_form", JudgmentForm, workflow.record_judgment, "judgment")
appeal_add = _trial_post("appeal_form", AppealForm, workflow.record_appeal, "appeal")


@login_required
def hearings_export(request):
    """The hearings diary of the trials the user's office may export: dates,
    court, CNR, purpose, outcome. Notes only of trials not held in camera
    (BNSS 366); judgments never."""
    hearings = (
        Hearing.objects.restrict(request.user, "export")
        .select_related("trial")
        .order_by("on", "pk")
    )
    rows = list(hearings)
    if not rows:
        raise PermissionDenied
    log.record_list(Hearing, [h.pk for h in rows], action="export")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="hearings.csv"'
    writer = csv.writer(response)
    writer.writerow([
        "date", "court", "cnr", "in_camera", "purpose", "outcome", "asked_by", "next_date", "notes",
    ])  # fmt: skip
    for h in rows:
        trial = h.trial
        writer.writerow(
            safe_row([
                h.on.isoformat(), trial.court, trial.cnr, "yes" if trial.in_camera else "no",
                h.purpose, h.outcome, h.asked_by, h.next_on.isoformat() if h.next_on else "",
                "" if trial.in_camera else h.notes,
            ])
        )  # fmt: skip
    return response
