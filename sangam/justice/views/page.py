"""The criminal case's page, shared by the views that post to it (a form
with errors is shown again on the page, by the field): the FIR, sections,
clocks, accused and investigation, and the trial with its hearings,
judgments and appeals."""

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

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


@dataclass(frozen=True)
class FormSpec:
    summary: str
    submit: str
    build: object  # (case, trial) -> an unbound form
    action: object  # (case, trial) -> the URL it posts to
    court: bool = False  # written by may_write_court, not the case's change grant
    help: str = ""


def _case_url(name):
    return lambda case, trial: reverse(name, args=[case.pk])


def _trial_url(name):
    return lambda case, trial: reverse(name, args=[trial.pk])


# The forms of the case page. Each is sent when its section is opened
# (cases/case.html does the same): the page is read far more often than
# written, and building and drawing these forms on every view was a third
# of its time and two thirds of its HTML (37 KB of a station officer's
# case page, 12 KB without them).
CASE_FORMS = {
    "section": FormSpec(
        gettext_lazy("Add a section"),
        gettext_lazy("Add"),
        lambda case, trial: SectionForm(case=case),
        _case_url("justice:section_add"),
    ),
    "accused": FormSpec(
        gettext_lazy("Add an accused"),
        gettext_lazy("Add"),
        lambda case, trial: AccusedForm(case=case),
        _case_url("justice:accused_add"),
    ),
    "proceeds": FormSpec(
        gettext_lazy("Record proceeds attached"),
        gettext_lazy("Add"),
        lambda case, trial: ProceedsForm(case=case),
        _case_url("justice:proceeds_add"),
    ),
    "progress": FormSpec(
        gettext_lazy("Chargesheet and progress"),
        gettext_lazy("Save"),
        lambda case, trial: ProgressForm(case=case),
        _case_url("justice:progress"),
    ),
    "ahtu": FormSpec(
        gettext_lazy("Send to the AHTU"),
        gettext_lazy("Send"),
        lambda case, trial: AHTUForm(case=case),
        _case_url("justice:ahtu"),
    ),
    "transfer": FormSpec(
        gettext_lazy("Transfer the Zero FIR"),
        gettext_lazy("Transfer"),
        lambda case, trial: TransferForm(case=case),
        _case_url("justice:transfer"),
    ),
    "trial": FormSpec(
        gettext_lazy("Record the trial"),
        gettext_lazy("Save"),
        lambda case, trial: TrialForm(instance=trial, case=case, prefix="trial"),
        _case_url("justice:trial_save"),
        court=True,
    ),
    "hearing": FormSpec(
        gettext_lazy("Add a hearing"),
        gettext_lazy("Add"),
        lambda case, trial: HearingForm(trial=trial, prefix="hearing"),
        _trial_url("justice:hearing_add"),
        court=True,
    ),
    "judgment": FormSpec(
        gettext_lazy("Record a judgment"),
        gettext_lazy("Record"),
        lambda case, trial: JudgmentForm(trial=trial, prefix="judgment"),
        _trial_url("justice:judgment_add"),
        court=True,
        help=gettext_lazy("One judgment per accused and charge."),
    ),
    "appeal": FormSpec(
        gettext_lazy("Record an appeal"),
        gettext_lazy("Record"),
        lambda case, trial: AppealForm(trial=trial, prefix="appeal"),
        _trial_url("justice:appeal_add"),
        court=True,
    ),
}
TRIAL_FORMS = ("hearing", "judgment", "appeal")


@dataclass(frozen=True)
class FormSlot:
    """One form's place on the case page: drawn there, open, when it comes
    back with errors (or is open from the start), otherwise fetched from
    ``url`` when opened."""

    spec: FormSpec
    summary: str
    url: str
    action: str
    form: object = None


def form_slot(case, trial, name, form=None, build=False):
    spec = CASE_FORMS[name]
    if name in TRIAL_FORMS and trial is None:
        return None
    if form is None and build:
        form = spec.build(case, trial)
    summary = spec.summary
    if name == "trial" and trial is not None:
        summary = gettext_lazy("Change the trial")
    return FormSlot(
        spec=spec,
        summary=summary,
        url=reverse("justice:case_form", args=[case.pk, name]),
        action=spec.action(case, trial),
        form=form,
    )


def _form_slots(case, trial, names, bound, opened=()):
    slots = {}
    for name in names:
        slot = form_slot(case, trial, name, bound.get(f"{name}_form"), build=name in opened)
        if slot is not None:
            slots[name] = slot
    return slots


def _drop_forms(case):
    return [
        (s, DropSectionForm(case=case, initial={"charged": s.pk}))
        for s in case.sections.all()
        if s.dropped_on is None
    ]


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
    court = court_context(user, case)
    context.update(court)
    bound = bound or {}
    slots = {}
    if may_change:
        context["drop_forms"] = _drop_forms(case)
        names = ("section", "accused", "proceeds", "progress", "ahtu", "transfer")
        # The AHTU's section is open while the case waits to be sent there.
        opened = ("ahtu",) if context["needs_ahtu"] else ()
        slots.update(_form_slots(case, None, names, bound, opened))
    if court["may_write_court"]:
        trial = court["trial"]
        if trial is not None:
            trial.case = case
        slots.update(_form_slots(case, trial, ("trial", *TRIAL_FORMS), bound))
    context["forms"] = slots
    context.update(bound)
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
