"""Referral pages: the list, suggested services, making a referral, its page,
its transitions and letter, and the referral dashboard."""

from statistics import median

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sangam.agencies.models import Agency
from sangam.audit import log
from sangam.cases.models import Action, Case, PlanStatus, Survivor
from sangam.core.access import can
from sangam.core.editing import EDIT_CONFLICT, EditConflict
from sangam.core.vocabulary import Sex, normalise_language
from sangam.core.workflow import Refused
from sangam.directory.models import Service, TaxonomyTerm
from sangam.directory.pdf import render_pdf
from sangam.geography.models import District
from sangam.referrals import queries, workflow
from sangam.referrals.forms import ReferralForm, TransitionForm, sending_agencies
from sangam.referrals.models import OPEN, Referral, ReferralEvent, Status
from sangam.referrals.suggest import suggestions


@login_required
def referral_list(request):
    box, referrals = queries.in_box(request.user, request.GET.get("box", "received"))
    page = Paginator(referrals.order_by("-urgent", "-created_at"), 25).get_page(
        request.GET.get("page")
    )
    if page.object_list:
        log.record_list(Referral, [r.pk for r in page])
    return render(
        request,
        "referrals/list.html",
        {"page": page, "box": box, "can_add": can(request.user, Referral, "add")},
    )


def _suggest_context(request, data):
    need = TaxonomyTerm.objects.filter(pk=data.get("need") or None).first()
    district = District.objects.filter(pk=data.get("district") or None).first()
    try:
        age = int(data.get("person_age")) if data.get("person_age") else None
    except ValueError:
        age = None
    language = normalise_language(data.get("person_language") or "")
    sender = Agency.objects.filter(pk=data.get("sender_agency") or None).first()
    rows, widened = suggestions(
        need=need,
        age=age,
        sex=data.get("person_sex") or "",
        language=language,
        district=district,
        exclude_agency=sender,
    )
    return {"suggestions": rows, "widened": widened, "asked": bool(need or district)}


@login_required
def suggest(request):
    if not can(request.user, Referral, "add"):
        raise PermissionDenied
    data = request.POST if request.method == "POST" else request.GET
    return render(request, "referrals/_suggestions.html", _suggest_context(request, data))


@login_required
def referral_create(request):
    if not can(request.user, Referral, "add") or not sending_agencies(request.user).exists():
        raise PermissionDenied
    initial = {}
    if request.GET.get("service"):
        initial["service"] = request.GET["service"]
    # A care-plan action this referral carries out (cases), if any.
    action = (
        Action.objects.restrict(request.user, "change")
        .filter(pk=(request.POST or request.GET).get("action") or None)
        .first()
    )
    survivor = None
    if action is not None:
        survivor = (
            Survivor.objects.restrict(request.user, "view")
            .filter(
                pk__in=Case.objects.restrict(request.user, "view")
                .filter(pk=action.case_id)
                .values("survivor")
            )
            .first()
        )
    if survivor is not None:
        # What matching needs comes from her record: she is not asked again.
        initial.update(
            person_reference=f"C-{action.case_id}",
            person_age=survivor.age_on(),
            person_sex="" if survivor.sex == Sex.UNKNOWN else survivor.sex,
            person_language=(survivor.languages or "").split(",")[0],
        )
    form = ReferralForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        form.instance.survivor = survivor
        send = "send" in request.POST
        try:
            with transaction.atomic():
                referral = workflow.create(request.user, form.instance, send=send)
                if action is not None:
                    action.referral = referral
                    action.status = PlanStatus.IN_PROGRESS
                    action.save(update_fields=["referral", "status", "updated_at"])
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                for error in errors:
                    form.add_error(field if field in form.fields else None, error)
        else:
            if send:
                messages.success(request, _("Referral sent."))
            else:
                messages.success(request, _("Referral saved as a draft."))
            return redirect("referrals:detail", pk=referral.pk)
    service_id = form["service"].value()
    chosen = Service.objects.select_related("organization").filter(pk=service_id or None).first()
    context = {"form": form, "chosen": chosen, "action": action}
    context.update(_suggest_context(request, request.POST or {}))
    return render(request, "referrals/form.html", context)


@login_required
def referral_detail(request, pk):
    referral = queries.get_referral_for_user(request.user, pk, "view")
    log.record_view(referral)
    events = ReferralEvent.objects.restrict(request.user, "view").filter(referral=referral)
    # Her record, as far as her consent lets this agency see it.
    survivor = None
    if referral.survivor_id:
        survivor = (
            Survivor.objects.restrict(request.user, "view").filter(pk=referral.survivor_id).first()
        )
        if survivor is not None:
            log.record_view(survivor, purpose="referral")
    context = {
        "referral": referral,
        "survivor": survivor,
        "events": events,
        "transitions": [Status(t) for t in workflow.STATUS.allowed(request.user, referral)],
        "needs_reason": workflow.NEEDS_REASON,
        "needs_outcome": workflow.NEEDS_OUTCOME,
    }
    return render(request, "referrals/detail.html", context)


@login_required
@require_POST
def referral_transition(request, pk):
    referral = queries.get_referral_for_user(request.user, pk, "change")
    form = TransitionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("That change could not be read. Please try again."))
        return redirect("referrals:detail", pk=pk)
    data = form.cleaned_data
    try:
        workflow.transition(
            request.user,
            referral,
            data["to"],
            reason=data["reason"],
            outcome=data["outcome"],
            expected_version=data["version"],
        )
    except Refused as exc:
        messages.error(request, str(exc))
    except EditConflict:
        messages.error(request, EDIT_CONFLICT)
    else:
        messages.success(
            request,
            _("Referral is now %(status)s.") % {"status": referral.get_status_display().lower()},
        )
    return redirect("referrals:detail", pk=pk)


@login_required
def referral_letter(request, pk):
    referral = queries.get_referral_for_user(request.user, pk, "view")
    log.record_list(Referral, [referral.pk], action="export", purpose="referral letter")
    service = (
        Service.objects.prefetch_related("phones", "service_at_locations__location__addresses")
        .select_related("organization")
        .get(pk=referral.service_id)
    )
    pdf = render_pdf(
        "referrals/letter.html",
        {
            "referral": referral,
            "service": service,
            "sender": request.user,
            "today": timezone.localdate(),
        },
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="referral-{referral.pk}.pdf"'
    return response


def stats(referrals):
    """Figures for a set of referrals (already restricted)."""
    now = timezone.now()
    counts = referrals.aggregate(
        total=Count("pk", filter=~Q(status=Status.DRAFT)),
        accepted=Count("pk", filter=Q(responded_at__isnull=False) & ~Q(status=Status.REJECTED)),
        responded=Count("pk", filter=Q(responded_at__isnull=False)),
        completed=Count("pk", filter=Q(status=Status.COMPLETED)),
        closed=Count("pk", filter=Q(status__in=[Status.COMPLETED, Status.FAILED])),
        open=Count("pk", filter=Q(status__in=OPEN)),
        overdue=Count("pk", filter=Q(status=Status.REQUESTED, due_at__lt=now)),
    )
    waits = [
        (responded - requested).total_seconds() / 3600
        for requested, responded in referrals.filter(
            status__in=[
                Status.ACCEPTED,
                Status.IN_PROGRESS,
                Status.COMPLETED,
                Status.FAILED,
                Status.ON_HOLD,
            ],
            requested_at__isnull=False,
            responded_at__isnull=False,
        ).values_list("requested_at", "responded_at")
    ]
    counts["acceptance_rate"] = (
        round(100 * counts["accepted"] / counts["responded"]) if counts["responded"] else None
    )
    counts["completed_share"] = (
        round(100 * counts["completed"] / counts["closed"]) if counts["closed"] else None
    )
    counts["median_hours_to_accept"] = round(median(waits), 1) if waits else None
    return counts


@login_required
def dashboard(request):
    user = request.user
    visible = Referral.objects.restrict(user, "view")
    panels = []
    for membership in user.active_memberships():
        agency = membership.agency
        panels.append(
            {
                "title": agency.name,
                "sent": stats(visible.filter(sender_agency=agency)),
                "received": stats(visible.filter(receiver_agency=agency)),
            }
        )
        if agency.district_id and membership.role in ("district_official",):
            in_district = visible.filter(
                Q(sender_agency__district=agency.district_id)
                | Q(receiver_agency__district=agency.district_id)
            )
            panels.append(
                {
                    "title": _("District %(name)s") % {"name": agency.district.name},
                    "sent": stats(in_district.filter(sender_agency__district=agency.district_id)),
                    "received": stats(
                        in_district.filter(receiver_agency__district=agency.district_id)
                    ),
                }
            )
    overdue = list(
        visible.filter(status=Status.REQUESTED, due_at__lt=timezone.now())
        .select_related(*queries.RELATED)
        .order_by("due_at")[:50]
    )
    if overdue:
        log.record_list(Referral, [r.pk for r in overdue])
    return render(request, "referrals/dashboard.html", {"panels": panels, "overdue": overdue})
