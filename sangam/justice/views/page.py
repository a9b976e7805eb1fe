"""The criminal case's page, shared by the views that post to it (a form
with errors is shown again on the page, by the field): the FIR, sections,
clocks, accused and investigation, and the trial with its hearings,
judgments and appeals."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from sangam.audit import log
from sangam.cases.models import Survivor
from sangam.core.editing import EDIT_CONFLICT, EditConflict
from sangam.justice import networks, queries, workflow
from sangam.justice.forms import (
    AccusedForm,
    AHTUForm,
    AppealForm,
    DropSectionForm,
    HearingForm,
    JudgmentForm,
    ProceedsForm,
    ProgressForm,
    SectionForm,
    TransferForm,
    TrialForm,
    filing_agencies,
)
from sangam.justice.models import (
    Accused,
    Appeal,
    CriminalCase,
    Hearing,
    Judgment,
    Proceeds,
)
from sangam.matching.models import Review


def _case_forms(case):
    return {
        "section_form": SectionForm(case=case),
        "drop_forms": [
            (s, DropSectionForm(case=case, initial={"charged": s.pk}))
            for s in case.sections.all()
            if s.dropped_on is None
        ],
        "ahtu_form": AHTUForm(case=case),
        "transfer_form": TransferForm(case=case),
        "progress_form": ProgressForm(case=case),
        "accused_form": AccusedForm(case=case),
        "proceeds_form": ProceedsForm(case=case),
    }


def court_context(user, case):
    """The trial as the user may see it: hearings' dates and outcomes for
    every reader of the case, their notes for its writers only; judgments
    and appeals for those granted them (police, prosecution, DLSA)."""
    trial = queries.trial_of(user, case)
    may_write = workflow.may_write_court(user, case)
    context = {"trial": trial, "may_write_court": may_write, "show_notes": may_write}
    if trial is not None:
        log.record_view(trial)
        hearings = list(queries.hearings_of(user, trial))
        judgments = list(queries.judgments_of(user, trial))
        appeals = list(queries.appeals_of(user, trial))
        for model, rows in ((Hearing, hearings), (Judgment, judgments), (Appeal, appeals)):
            if rows:
                log.record_list(model, [r.pk for r in rows])
        context.update(hearings=hearings, judgments=judgments, appeals=appeals)
    if may_write:
        context["trial_form"] = TrialForm(instance=trial, case=case, prefix="trial")
        if trial is not None:
            trial.case = case
            context["hearing_form"] = HearingForm(trial=trial, prefix="hearing")
            context["judgment_form"] = JudgmentForm(trial=trial, prefix="judgment")
            context["appeal_form"] = AppealForm(trial=trial, prefix="appeal")
    return context


def case_page(request, case, bound=None):
    user = request.user
    log.record_view(case)
    may_change = queries.cases(user, "change").filter(pk=case.pk).exists()
    accused = list(queries.accused_of(user, case))
    if accused:
        log.record_list(Accused, [a.pk for a in accused])
    proceeds = list(queries.proceeds_of(user, case))
    if proceeds:
        log.record_list(Proceeds, [p.pk for p in proceeds])
    pending = networks.links_of(user, [a.pk for a in accused], status=Review.PENDING)
    victims = list(Survivor.objects.restrict(user, "view").filter(criminal_cases=case))
    context = {
        "case": case,
        "sections": list(case.sections.all()),
        "needs_ahtu": workflow.needs_ahtu(case),
        "accused": accused,
        "may_see_accused": queries.may_see_accused(user),
        "proceeds": proceeds,
        "pending_links": pending.count() if accused else 0,
        "victims": victims,
        "hidden_victims": CriminalCase.victims.through.objects.filter(criminalcase=case).count()
        - len(victims),
        "clocks": list(queries.clocks_of(user, case=case)),
        "may_change": may_change,
        "protection": list(queries.applications_of_case(user, case)),
        "may_apply": filing_agencies(user, case).exists(),
    }
    if may_change:
        context.update(_case_forms(case))
    context.update(court_context(user, case))
    context.update(bound or {})
    return render(request, "justice/case.html", context)


def edit_on_page(request, record, form, save):
    """The edit form of a record's own page (None if the user may only
    read it): saved with its version checked, or shown again with errors.
    Returns (form, a redirect once saved)."""
    if form is None:
        if request.method == "POST":
            raise PermissionDenied
        return None, None
    if request.method == "POST" and form.is_valid():
        try:
            save(form.save(commit=False), form.cleaned_data["version"] or 0)
        except EditConflict:
            form.add_error(None, EDIT_CONFLICT)
        else:
            messages.success(request, _("Saved."))
            return form, redirect(record)
    return form, None
