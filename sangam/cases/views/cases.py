"""One agency's case: status, care plan, follow-ups, wellbeing, risks,
counselling notes and transfers."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sangam.accounts.models import User
from sangam.agencies.models import Membership
from sangam.audit import log
from sangam.cases import workflow
from sangam.cases.forms import (
    ActionForm,
    CounsellingNoteForm,
    FollowUpForm,
    GoalForm,
    RiskFlagForm,
    ServiceForm,
    StatusForm,
    TransferForm,
    WellbeingForm,
)
from sangam.cases.models import (
    Action,
    Case,
    CaseEvent,
    CounsellingNote,
    FollowUp,
    Goal,
    PlanStatus,
    RiskFlag,
    ServiceDelivered,
    Transfer,
    WellbeingCheckIn,
)
from sangam.cases.queries import follow_ups_for, get_case_for_user
from sangam.core.access import SYSTEM, can
from sangam.core.editing import EDIT_CONFLICT, EditConflict
from sangam.core.redirects import safe_next

FORMS = {
    "goal": (GoalForm, Goal),
    "action": (ActionForm, Action),
    "follow_up": (FollowUpForm, FollowUp),
    "service": (ServiceForm, ServiceDelivered),
    "risk": (RiskFlagForm, RiskFlag),
    "note": (CounsellingNoteForm, CounsellingNote),
}


def wellbeing_points(checkins):
    """SVG polyline points for the WHO-5 chart (0–100 over time, 300×100)."""
    if not checkins:
        return ""
    n = len(checkins)
    step = 300 / max(n - 1, 1)
    return " ".join(f"{round(i * step)},{100 - c.percentage}" for i, c in enumerate(checkins))


@login_required
def case_detail(request, pk):
    user = request.user
    case = get_object_or_404(
        Case.objects.restrict(user, "view")
        .select_related("survivor", "agency", "owner")
        .annotate(
            can_change=Exists(Case.objects.restrict(user, "change").filter(pk=OuterRef("pk")))
        ),
        pk=pk,
    )
    log.record_view(case)

    def mine(model):
        return model.objects.restrict(user, "view").filter(case=case)

    checkins = list(mine(WellbeingCheckIn))
    context = {
        "case": case,
        "events": list(mine(CaseEvent)),
        "goals": list(
            mine(Goal).prefetch_related(
                Prefetch(
                    "actions",
                    queryset=Action.objects.restrict(user, "view").select_related(
                        "responsible_agency"
                    ),
                )
            )
        ),
        "follow_ups": list(mine(FollowUp)),
        "services": list(mine(ServiceDelivered)),
        "checkins": checkins,
        "chart": wellbeing_points(checkins),
        "risks": list(mine(RiskFlag).filter(cleared_on__isnull=True)),
        "notes": list(mine(CounsellingNote)) if can(user, CounsellingNote, "view") else None,
        "can_note": can(user, CounsellingNote, "add")
        and case.status != Case.Status.CLOSED
        and any(m.agency_id == case.agency_id for m in user.active_memberships()),
        "transfers": list(Transfer.objects.restrict(user, "view").filter(case=case)),
        # Names of the case team (staff of this agency) are shown to whoever
        # may open the case; who may add them is decided by Membership grants.
        "team": list(
            User.objects.restrict(SYSTEM).filter(
                pk__in=Case.team.through.objects.filter(case=case).values("user_id")
            )
        ),
        "colleagues": list(
            Membership.objects.restrict(user, "view")
            .filter(agency=case.agency_id, is_active=True)
            .select_related("user")
        ),
        "plan_statuses": PlanStatus.choices,
        "can_change": case.can_change,
        # Nothing is added to a closed case (it is reopened first).
        "can_add": case.can_change and case.status != Case.Status.CLOSED,
        "status_form": StatusForm(initial={"status": case.status, "version": case.version}),
        "today": timezone.localdate(),
    }
    if context["notes"]:
        log.record_list(CounsellingNote, [n.pk for n in context["notes"]])
    return render(request, "cases/case.html", context)


# The case page shows the record; each form loads when its section is opened
# (less to render and send to a phone).
LAZY_ACTIONS = {
    "goal": ("cases:add", _("Add goal")),
    "action": ("cases:add", _("Add action")),
    "follow_up": ("cases:add", _("Schedule")),
    "service": ("cases:add", _("Log service")),
    "risk": ("cases:add", _("Flag")),
    "note": ("cases:add", _("Save note")),
    "wellbeing": ("cases:wellbeing", _("Save check-in")),
    "transfer": ("cases:transfer", _("Request transfer")),
}


@login_required
def case_form(request, pk, what):
    """One of the case page's forms, loaded when its section is opened
    (htmx), or as a page of its own without JavaScript."""
    if what not in LAZY_ACTIONS:
        raise PermissionDenied
    case = get_case_for_user(request.user, pk, "change")
    if what == "note" and not can(request.user, CounsellingNote, "add"):
        raise PermissionDenied
    if refused := _closed(request, case):
        return refused
    return _form_page(request, case, what, _blank_form(case, what))


def _closed(request, case):
    """Back to the case page, saying why, when ``case`` is closed (nothing is
    added to a closed case); None when it is open."""
    try:
        workflow.check_open(case)
    except workflow.Refused as exc:
        messages.error(request, str(exc))
        return redirect("cases:case", pk=case.pk)
    return None


def _blank_form(case, what):
    if what == "transfer":
        return TransferForm(prefix="transfer")
    if what == "wellbeing":
        return WellbeingForm(prefix="who5")
    form_class = FORMS[what][0]
    kwargs = {"case": case} if form_class is ActionForm else {}
    return form_class(prefix=what, **kwargs)


def _form_page(request, case, what, form):
    url_name, submit = LAZY_ACTIONS[what]
    args = [case.pk, what] if url_name == "cases:add" else [case.pk]
    template = "cases/_lazy_form.html" if request.htmx else "cases/form_page.html"
    context = {
        "case": case,
        "form": form,
        "action": reverse(url_name, args=args),
        "submit": submit,
        "css": "who5" if what == "wellbeing" else "",
    }
    return render(request, template, context)


@login_required
@require_POST
def case_add(request, pk, what):
    if what not in FORMS:
        raise PermissionDenied
    case = get_case_for_user(request.user, pk, "change")
    form_class, model = FORMS[what]
    if what == "note" and not can(request.user, CounsellingNote, "add"):
        raise PermissionDenied
    if refused := _closed(request, case):
        return refused
    kwargs = {"case": case} if form_class is ActionForm else {}
    form = form_class(request.POST, prefix=what, **kwargs)
    if form.is_valid():
        record = form.save(commit=False)
        record.case = case
        record.created_by = request.user
        record.save()
        messages.success(request, _("Saved."))
        return redirect("cases:case", pk=pk)
    return _form_page(request, case, what, form)


@login_required
@require_POST
def case_status(request, pk):
    case = get_case_for_user(request.user, pk, "change")
    form = StatusForm(request.POST)
    if form.is_valid():
        try:
            workflow.change_status(
                request.user,
                case,
                form.cleaned_data["status"],
                outcome=form.cleaned_data["outcome"],
                expected_version=form.cleaned_data["version"],
            )
        except workflow.Refused as exc:
            messages.error(request, str(exc))
        except EditConflict:
            messages.error(request, EDIT_CONFLICT)
        else:
            messages.success(request, _("Case status saved."))
    return redirect("cases:case", pk=pk)


@login_required
@require_POST
def follow_up_done(request, pk):
    follow_up = get_object_or_404(FollowUp.objects.restrict(request.user, "change"), pk=pk)
    try:
        workflow.mark_follow_up_done(follow_up)
    except workflow.Refused as exc:
        messages.error(request, str(exc))
    fallback = reverse("cases:case", args=[follow_up.case_id])
    return redirect(safe_next(request, request.POST.get("next"), fallback))


@login_required
@require_POST
def wellbeing_add(request, pk):
    case = get_case_for_user(request.user, pk, "change")
    if refused := _closed(request, case):
        return refused
    form = WellbeingForm(request.POST, prefix="who5")
    if not form.is_valid():
        return _form_page(request, case, "wellbeing", form)
    reasons = workflow.record_check_in(request.user, case, form.save(commit=False))
    if reasons:
        messages.warning(
            request, _("The counsellor has been asked to see the survivor: %s") % "; ".join(reasons)
        )
    else:
        messages.success(request, _("Check-in saved."))
    return redirect("cases:case", pk=pk)


@login_required
@require_POST
def transfer_request(request, pk):
    case = get_case_for_user(request.user, pk, "change")
    form = TransferForm(request.POST, prefix="transfer")
    if not form.is_valid():
        return _form_page(request, case, "transfer", form)
    try:
        workflow.request_transfer(
            request.user, case, form.cleaned_data["to_agency"], form.cleaned_data["reason"]
        )
    except workflow.Refused as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Transfer requested."))
    return redirect("cases:case", pk=pk)


@login_required
def transfers(request):
    agencies = [m.agency_id for m in request.user.active_memberships()]
    incoming = (
        Transfer.objects.restrict(request.user, "view")
        .filter(to_agency__in=agencies)
        .select_related("case__agency", "to_agency")
    )
    return render(request, "cases/transfers.html", {"transfers": incoming})


@login_required
@require_POST
def transfer_decide(request, pk):
    transfer = get_object_or_404(Transfer.objects.restrict(request.user, "change"), pk=pk)
    accept = request.POST.get("decision") == "accept"
    try:
        new_case = workflow.decide_transfer(
            request.user, transfer, accept=accept, note=request.POST.get("note", "")[:250]
        )
    except workflow.Refused as exc:
        messages.error(request, str(exc))
        return redirect("cases:transfers")
    if new_case is None:
        messages.success(request, _("Transfer declined."))
        return redirect("cases:transfers")
    messages.success(request, _("Transfer accepted: the case is now with your agency."))
    return redirect("cases:case", pk=new_case.pk)


@login_required
def follow_ups(request):
    """Overdue and upcoming follow-ups of the cases the user may see."""
    user = request.user
    supervisor = any(m.role == "supervisor" for m in user.active_memberships())
    rows = follow_ups_for(user).select_related("case__agency").order_by("due_on", "pk")
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "cases/follow_ups.html",
        {"page": page, "today": timezone.localdate(), "supervisor": supervisor},
    )


@login_required
@require_POST
def plan_status(request, kind, pk):
    """Move a goal or an action of the care plan to another status."""
    model = {"goal": Goal, "action": Action}.get(kind)
    if model is None:
        raise PermissionDenied
    record = get_object_or_404(model.objects.restrict(request.user, "change"), pk=pk)
    version = request.POST.get("version", "")
    try:
        workflow.set_plan_status(
            record, request.POST.get("status"), int(version) if version.isdigit() else -1
        )
    except workflow.Refused as exc:
        messages.error(request, str(exc))
    except EditConflict:
        messages.error(request, EDIT_CONFLICT)
    return redirect("cases:case", pk=record.case_id)


@login_required
@require_POST
def risk_clear(request, pk):
    flag = get_object_or_404(RiskFlag.objects.restrict(request.user, "change"), pk=pk)
    try:
        workflow.clear_risk(flag)
    except workflow.Refused as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Risk flag cleared."))
    return redirect("cases:case", pk=flag.case_id)


@login_required
@require_POST
def team_change(request, pk):
    """Add or remove a colleague of the case's agency from the case team."""
    case = get_case_for_user(request.user, pk, "change")
    colleague = (
        Membership.objects.restrict(request.user, "view")
        .filter(agency=case.agency_id, user_id=request.POST.get("user") or None, is_active=True)
        .first()
    )
    if colleague is None:
        messages.error(request, _("Only staff of this agency can join the case team."))
    elif request.POST.get("remove"):
        case.team.remove(colleague.user_id)
    else:
        case.team.add(colleague.user_id)
    return redirect("cases:case", pk=pk)
