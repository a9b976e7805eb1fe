"""Justice pages: the list of cases and rescues, the clocks due, registering
an FIR and its page (sections, AHTU, transfer, progress, accused), an
accused's page, recording a rescue and its page (persons, production)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sangam.audit import log
from sangam.cases.models import Survivor
from sangam.core.access import can
from sangam.core.editing import EDIT_CONFLICT, EditConflict
from sangam.core.pickers import suggestions
from sangam.core.workflow import Refused
from sangam.directory.pdf import render_pdf
from sangam.justice import queries, workflow
from sangam.justice.forms import (
    POLICE,
    AccusedForm,
    AHTUForm,
    DropSectionForm,
    FIRForm,
    ProceedsForm,
    ProductionForm,
    ProgressForm,
    RescuedPersonForm,
    RescueForm,
    ReviewForm,
    SectionForm,
    TransferForm,
    writing_agencies,
)
from sangam.justice.forms.cases import transfer_stations
from sangam.justice.models import (
    Accused,
    Clock,
    CriminalCase,
    Rescue,
    RescuedPerson,
    SectionReview,
)
from sangam.justice.pickers import POLICE_STATION
from sangam.justice.views.networks import link_rows
from sangam.justice.views.page import CASE_FORMS, edit_on_page, form_slot
from sangam.justice.views.page import case_page as _case_page


@login_required
def justice_list(request):
    cases = queries.cases(request.user).order_by("-fir_at", "-pk")
    page = Paginator(cases, 25).get_page(request.GET.get("page"))
    rescues = list(queries.rescues(request.user).order_by("-at", "-pk")[:10])
    clocks = list(queries.due_for(request.user, queries.my_agency_ids(request.user))[:25])
    context = {
        "reviews": list(queries.open_reviews(request.user)[:25]),
        "page": page,
        "rescues": rescues,
        "clocks": clocks,
        "can_add_case": writing_agencies(request.user, CriminalCase, POLICE).exists(),
        "can_add_rescue": writing_agencies(request.user, Rescue, POLICE).exists(),
    }
    return render(request, "justice/list.html", context)


@login_required
def case_create(request):
    if not writing_agencies(request.user, CriminalCase, POLICE).exists():
        raise PermissionDenied
    form = FIRForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            case = workflow.register_fir(
                request.user, form.save(commit=False), data["offences"], data["victims"]
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("FIR registered."))
            return redirect(case)
    return render(request, "justice/form.html", {"form": form, "title": _("Register an FIR")})


@login_required
def case_detail(request, pk):
    return _case_page(request, queries.get_case_for_user(request.user, pk))


@login_required
def case_form(request, pk, name):
    """One form of the case page, sent when its section is opened (a page of
    its own without JavaScript), to whoever may post it."""
    spec = CASE_FORMS.get(name)
    if spec is None:
        raise Http404
    case = queries.get_case_for_user(request.user, pk, "view" if spec.court else "change")
    trial = None
    if spec.court:
        if not workflow.may_write_court(request.user, case):
            raise PermissionDenied
        trial = queries.trial_of(request.user, case)
        if trial is not None:
            trial.case = case
    slot = form_slot(case, trial, name, build=True)
    if slot is None:  # a hearing, judgment or appeal before the trial
        raise Http404
    log.record_view(trial or case)
    template = "justice/_case_form.html" if request.htmx else "justice/case_form.html"
    return render(request, template, {"case": case, "slot": slot})


@login_required
@require_POST
def pick_station(request):
    """The police stations whose name matches what she typed, as <option>s
    for the Zero FIR's picker; the text comes by POST, out of URLs and logs."""
    names = suggestions(POLICE_STATION, transfer_stations(), request.POST.get("q", ""))
    return HttpResponse(format_html_join("", '<option value="{}">', ((n,) for n in names)))


def _conflict(request):
    messages.error(request, EDIT_CONFLICT)


def _case_post(name, form_class, apply):
    """A posted form of the case page: checked, applied, or shown again
    on the page with its errors by the field."""

    @login_required
    @require_POST
    def view(request, pk):
        case = queries.get_case_for_user(request.user, pk, "change")
        form = form_class(request.POST, case=case)
        if form.is_valid():
            try:
                apply(request.user, case, form)
            except EditConflict:
                _conflict(request)
            except Refused as exc:
                messages.error(request, str(exc))
            else:
                return redirect(case)
        return _case_page(request, case, {name: form})

    return view


def _add_section(user, case, form):
    data = form.cleaned_data
    workflow.add_section(
        user, case, data["offence"], data["added_on"], expected_version=data["version"]
    )


def _drop_section(user, case, form):
    data = form.cleaned_data
    workflow.drop_section(
        user,
        case,
        data["section"],
        data["dropped_on"],
        data["reason"],
        expected_version=data["version"],
    )


def _send_to_ahtu(user, case, form):
    data = form.cleaned_data
    workflow.send_to_ahtu(
        user, case, data["ahtu"], data["sent_on"], expected_version=data["version"]
    )


def _transfer(user, case, form):
    data = form.cleaned_data
    workflow.transfer(
        user, case, data["transferred_to"], data["transferred_on"], expected_version=data["version"]
    )


def _progress(user, case, form):
    workflow.record_progress(
        user, case, form.cleaned_data, expected_version=form.cleaned_data["version"]
    )


def _add_accused(user, case, form):
    workflow.save_accused(user, case, form.save(commit=False))


def _add_proceeds(user, case, form):
    workflow.save_proceeds(user, case, form.save(commit=False))


section_add = _case_post("section_form", SectionForm, _add_section)
section_drop = _case_post("drop_form", DropSectionForm, _drop_section)
ahtu = _case_post("ahtu_form", AHTUForm, _send_to_ahtu)
transfer = _case_post("transfer_form", TransferForm, _transfer)
progress = _case_post("progress_form", ProgressForm, _progress)
accused_add = _case_post("accused_form", AccusedForm, _add_accused)
proceeds_add = _case_post("proceeds_form", ProceedsForm, _add_proceeds)


@login_required
def accused_detail(request, pk):
    accused = queries.get_accused_for_user(request.user, pk)
    log.record_view(accused)
    may_change = Accused.objects.restrict(request.user, "change").filter(pk=pk).exists()
    form, saved = edit_on_page(
        request,
        accused,
        AccusedForm(request.POST or None, instance=accused, case=accused.case)
        if may_change
        else None,
        lambda record, version: workflow.save_accused(
            request.user, accused.case, record, expected_version=version
        ),
    )
    if saved:
        return saved
    clocks = list(queries.clocks_of(request.user, accused=accused))
    return render(
        request,
        "justice/accused.html",
        {
            "accused": accused,
            "form": form,
            "clocks": clocks,
            "links": link_rows(request.user, accused),
        },
    )


# --- Rescue -----------------------------------------------------------------


@login_required
def rescue_create(request):
    if not writing_agencies(request.user, Rescue, POLICE).exists():
        raise PermissionDenied
    form = RescueForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            rescue = workflow.record_rescue(
                request.user, form.save(commit=False), form.cleaned_data["participants"]
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Rescue recorded. Now add the persons rescued."))
            return redirect(rescue)
    return render(request, "justice/form.html", {"form": form, "title": _("Record a rescue")})


def _rescue_page(request, rescue, person_form=None, production=None):
    user = request.user
    log.record_view(rescue)
    persons = list(queries.persons_of(user, rescue))
    visible = set(
        Survivor.objects.restrict(user, "view")
        .filter(pk__in=[p.survivor_id for p in persons])
        .values_list("pk", flat=True)
    )
    changeable = set(
        RescuedPerson.objects.restrict(user, "change")
        .filter(rescue=rescue)
        .values_list("pk", flat=True)
    )
    clocks = {}
    for clock in queries.clocks_of(user, rescued__rescue=rescue):
        clocks.setdefault(clock.rescued_id, []).append(clock)
    rows = []
    for person in persons:
        form = None
        if person.pk in changeable:
            form = production if production and production.instance.pk == person.pk else None
            form = form or ProductionForm(instance=person, prefix=f"p{person.pk}")
        rows.append((person, person.survivor_id in visible, clocks.get(person.pk, []), form))
    may_change = queries.rescues(user, "change").filter(pk=rescue.pk).exists()
    context = {
        "rescue": rescue,
        "rows": rows,
        "person_form": (person_form or RescuedPersonForm(user=user, rescue=rescue))
        if may_change
        else None,
        "cases": list(queries.cases(user).filter(rescue=rescue)),
        "may_change": may_change,
    }
    return render(request, "justice/rescue.html", context)


@login_required
def rescue_detail(request, pk):
    return _rescue_page(request, queries.get_rescue_for_user(request.user, pk))


@login_required
def rescue_memo(request, pk):
    """The rescue memo (ITPA s.15), printed to sign with the two witnesses:
    for the police who may change the rescue; printing it is audited. The
    accused arrested are those of its cases the officer may see."""
    user = request.user
    rescue = get_object_or_404(queries.rescues(user, "change"), pk=pk)
    persons = list(queries.persons_of(user, rescue))
    names = dict(
        Survivor.objects.restrict(user, "view")
        .filter(pk__in=[p.survivor_id for p in persons])
        .values_list("pk", "name")
    )
    cases = list(queries.cases(user).filter(rescue=rescue))
    arrested = [a for case in cases for a in queries.accused_of(user, case) if a.arrested_at]
    log.record_list(Rescue, [rescue.pk], action="export", purpose="rescue memo")
    if names:
        log.record_list(Survivor, sorted(names), action="export", purpose="rescue memo")
    context = {
        "rescue": rescue,
        "persons": [(p, names.get(p.survivor_id)) for p in persons],
        "cases": cases,
        "arrested": arrested,
        "today": timezone.localdate(),
    }
    response = HttpResponse(render_pdf("justice/rescue_memo.html", context), "application/pdf")
    response["Content-Disposition"] = f'inline; filename="rescue-memo-{rescue.pk}.pdf"'
    return response


@login_required
@require_POST
def rescued_add(request, pk):
    rescue = queries.get_rescue_for_user(request.user, pk, "change")
    form = RescuedPersonForm(request.POST, user=request.user, rescue=rescue)
    if form.is_valid():
        data = form.cleaned_data
        new = None
        if data["survivor"] is None:
            new = Survivor(name=data["name"].strip(), sex=data["sex"], languages=data["languages"])
        try:
            workflow.add_rescued(
                request.user,
                rescue,
                estimated_age=data["estimated_age"],
                survivor=data["survivor"],
                new=new,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return redirect(rescue)
    return _rescue_page(request, rescue, person_form=form)


@login_required
@require_POST
def production(request, pk):
    person = queries.get_rescued_for_user(request.user, pk, "change")
    form = ProductionForm(request.POST, instance=person, prefix=f"p{person.pk}")
    if form.is_valid():
        try:
            workflow.record_production(
                request.user,
                form.save(commit=False),
                expected_version=form.cleaned_data["version"] or 0,
            )
        except EditConflict:
            _conflict(request)
        else:
            return redirect(person.rescue)
    rescue = queries.get_rescue_for_user(request.user, person.rescue_id)
    return _rescue_page(request, rescue, production=form)


@login_required
def clocks(request):
    if not can(request.user, Clock, "view"):
        raise PermissionDenied
    due = queries.due_for(request.user, queries.my_agency_ids(request.user))
    page = Paginator(due, 25).get_page(request.GET.get("page"))
    return render(request, "justice/clocks.html", {"page": page})


@login_required
def review(request, pk):
    """A "booked as missing only" task: the AHTU reviews the sections."""
    found = queries.get_review_for_user(request.user, pk)
    log.record_view(found)
    may_change = queries.open_reviews(request.user).filter(pk=pk).exists() and (
        SectionReview.objects.restrict(request.user, "change").filter(pk=pk).exists()
    )
    form = ReviewForm(request.POST or None, initial={"version": found.version})
    if request.method == "POST":
        if not may_change:
            raise PermissionDenied
        if form.is_valid():
            try:
                workflow.close_review(
                    request.user,
                    found,
                    form.cleaned_data["outcome"],
                    expected_version=form.cleaned_data["version"],
                )
            except EditConflict:
                form.add_error(None, EDIT_CONFLICT)
            else:
                return redirect(found)
    visible_case = found.case_id and queries.cases(request.user).filter(pk=found.case_id).exists()
    context = {
        "review": found,
        "form": form if may_change else None,
        "case": found.case if visible_case else None,
    }
    return render(request, "justice/review.html", context)
