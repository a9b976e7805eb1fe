"""Prevention pages: villages and their registers (households, members,
entitlements, migrations, marriages, missing persons), who is at risk, alerts,
recruiters, the job-offer check, register imports and the index
configuration."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Avg, Count
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sangam.audit import log
from sangam.compensation.models import entitlements_for
from sangam.core.access import can
from sangam.core.editing import save_versioned
from sangam.core.imports import start_job
from sangam.core.roles import Role
from sangam.geography.models import State
from sangam.jobs.models import Job
from sangam.prevention import index, jobcheck, village_index, workflow
from sangam.prevention.forms import (
    CheckInForm,
    ComplaintForm,
    HouseholdForm,
    IndexConfigurationForm,
    JobOfferForm,
    MarriageForm,
    MemberForm,
    MigrationForm,
    MissingPersonForm,
    RecruiterForm,
    RegisterUploadForm,
    VillageProfileForm,
)
from sangam.prevention.indicators import NEXT_STEPS
from sangam.prevention.models import (
    Alert,
    AlertLevel,
    Entitlement,
    Household,
    IndexConfiguration,
    Marriage,
    Member,
    Migration,
    MigrationStatus,
    MissingPerson,
    Recruiter,
    RecruiterComplaint,
    VillageProfile,
)
from sangam.prevention.queries import alerts_for, search_recruiters, villages_for

PAGE = 25


def _page(request, qs):
    return Paginator(qs, PAGE).get_page(request.GET.get("page"))


def _may_keep(user, village, label="prevention.household"):
    return villages_for(user, "add", label).filter(pk=village.pk).exists()


# -- home, villages, map ------------------------------------------------


@login_required
def home(request):
    user = request.user
    today = timezone.localdate()
    context = {
        "households": Household.objects.restrict(user, "view").count(),
        "high_risk": Household.objects.restrict(user, "view").filter(risk_level="high").count(),
        "due": Migration.objects.restrict(user, "view")
        .filter(status=MigrationStatus.AWAY, next_checkin_due__lte=today)
        .count(),
        "alerts": alerts_for(user).filter(status=Alert.Status.OPEN).count(),
        "missing": MissingPerson.objects.restrict(user, "view")
        .filter(status=MissingPerson.Status.MISSING)
        .count(),
        "can_keep": villages_for(user).exists(),
        "can_configure": _configurable_states(user).exists(),
    }
    return render(request, "prevention/home.html", context)


@login_required
def villages(request):
    seen = villages_for(request.user, "view")
    district = request.GET.get("district") or ""
    if district.isdigit():
        seen = seen.filter(district_id=district)
    ranked = (
        VillageProfile.objects.filter(village__in=seen)
        .select_related("village", "village__block", "village__district")
        .order_by("-score", "village__name")
    )
    blocks = (
        ranked.values("village__block__name", "village__district__name")
        .annotate(mean=Avg("score"), villages=Count("pk"))
        .order_by("-mean")[:20]
    )
    return render(
        request,
        "prevention/villages.html",
        {
            "page": _page(request, ranked),
            "blocks": blocks,
            "district": district,
            "unmapped": seen.filter(profile__isnull=True).order_by("name")[:50],
        },
    )


@login_required
def village_points(request):
    """Mapped villages as points for the district map (no personal data)."""
    seen = villages_for(request.user, "view")
    if (request.GET.get("district") or "").isdigit():
        seen = seen.filter(district_id=request.GET["district"])
    rows = (
        VillageProfile.objects.filter(village__in=seen)
        .select_related("village", "village__district")
        .order_by("-score")[:2000]
    )
    points = []
    for p in rows:
        point = p.village.point
        if point:
            points.append(
                {
                    "name": p.village.name,
                    "score": p.score,
                    "lat": point[0],
                    "lon": point[1],
                    "url": reverse("prevention:village", args=[p.village_id]),
                }  # fmt: skip
            )
    return JsonResponse({"points": points})


@login_required
def village(request, pk):
    obj = get_object_or_404(villages_for(request.user, "view").select_related("block"), pk=pk)
    profile = VillageProfile.objects.filter(village=obj).first()
    reasons = village_index.explain(profile)[0] if profile else []
    households = Household.objects.restrict(request.user, "view").filter(village=obj)
    page = _page(request, households.order_by("-score", "code"))
    if page.object_list:
        log.record_list(Household, [h.pk for h in page])
    return render(
        request,
        "prevention/village.html",
        {
            "village": obj,
            "profile": profile,
            "reasons": reasons,
            "page": page,
            "can_keep": _may_keep(request.user, obj),
        },
    )


@login_required
def village_profile(request, pk):
    obj = get_object_or_404(villages_for(request.user, "add"), pk=pk)
    profile = VillageProfile.objects.filter(village=obj).first() or VillageProfile(village=obj)
    form = VillageProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        # The form has already put the entered values on the instance.
        if save_versioned(form, request.user, score=village_index.score(form.instance)):
            messages.success(request, _("Village profile saved."))
            return redirect("prevention:village", pk=obj.pk)
    return render(
        request,
        "prevention/form.html",
        {"form": form, "title": _("Village profile: %(v)s") % {"v": obj.name}},
    )


# -- households ---------------------------------------------------------


@login_required
def household_new(request):
    if not villages_for(request.user).exists():
        raise PermissionDenied
    initial = {}
    if (request.GET.get("village") or "").isdigit():
        initial["village"] = request.GET["village"]
    form = HouseholdForm(request.POST or None, initial=initial, user=request.user)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            household = save_versioned(form, request.user)
            index.rescore(household)
        messages.success(request, _("Household registered."))
        return redirect("prevention:household", pk=household.pk)
    return render(
        request, "prevention/household_form.html", {"form": form, "title": _("New household")}
    )


@login_required
def household_edit(request, pk):
    household = get_object_or_404(Household.objects.restrict(request.user, "change"), pk=pk)
    log.record_view(household)  # the form shows the household's identifying data
    form = HouseholdForm(request.POST or None, instance=household, user=request.user)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            saved = save_versioned(form, request.user)
            if saved:
                index.rescore(saved)
        if saved:
            messages.success(request, _("Household saved."))
            return redirect("prevention:household", pk=pk)
    return render(
        request, "prevention/household_form.html", {"form": form, "title": household.code}
    )


@login_required
def household(request, pk):
    obj = get_object_or_404(
        Household.objects.restrict(request.user, "view").select_related("village", "district"),
        pk=pk,
    )
    log.record_view(obj)
    config = index.active(obj.district.state_id)
    parts, total = index.explain(obj, config)
    members = Member.objects.restrict(request.user, "view").filter(household=obj)
    entitlements = {
        e.kind: e for e in Entitlement.objects.restrict(request.user, "view").filter(household=obj)
    }
    can_change = Household.objects.restrict(request.user, "change").filter(pk=pk).exists()
    listed = entitlements_for(obj.district.state_id)
    # One recorded under an older catalogue stays shown, by its code.
    listed += [(k, k) for k in entitlements if k not in dict(listed)]
    return render(
        request,
        "prevention/household.html",
        {
            "household": obj,
            "parts": parts,
            "total": total,
            "config": config,
            "members": members,
            "entitlements": [(k, label, entitlements.get(k)) for k, label in listed],
            "statuses": Entitlement.Status.choices,
            "migrations": Migration.objects.restrict(request.user, "view")
            .filter(household=obj)
            .select_related("member", "destination_state"),
            "can_change": can_change,
            "member_form": MemberForm() if can_change else None,
        },
    )


@login_required
@require_POST
def member_new(request, pk):
    household = get_object_or_404(Household.objects.restrict(request.user, "change"), pk=pk)
    form = MemberForm(request.POST)
    if form.is_valid():
        with transaction.atomic():
            last = (
                Member.objects.restrict(request.user, "view")
                .filter(household=household)
                .order_by("-serial")
                .values_list("serial", flat=True)
                .first()
            )
            save_versioned(form, request.user, household=household, serial=(last or 0) + 1)
            workflow.refresh_household(household)
        messages.success(request, _("Member added."))
        return redirect("prevention:household", pk=pk)
    return render(
        request,
        "prevention/form.html",
        {"form": form, "title": _("Add a member"), "action": request.path},
    )


@login_required
def member_edit(request, pk):
    member = get_object_or_404(
        Member.objects.restrict(request.user, "change").select_related("household"), pk=pk
    )
    log.record_view(member)  # the form shows her name and details
    form = MemberForm(request.POST or None, instance=member)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            saved = save_versioned(form, request.user)
            if saved:
                workflow.refresh_household(member.household)
        if saved:
            messages.success(request, _("Member saved."))
            return redirect("prevention:household", pk=member.household_id)
    return render(request, "prevention/form.html", {"form": form, "title": member.name})


@login_required
@require_POST
def entitlement(request, pk):
    household = get_object_or_404(Household.objects.restrict(request.user, "change"), pk=pk)
    kind, status = request.POST.get("kind"), request.POST.get("status")
    kinds = dict(entitlements_for(household.district.state_id))
    if kind not in kinds or status not in Entitlement.Status.values:
        messages.error(request, _("Choose an entitlement and a status."))
        return redirect("prevention:household", pk=pk)
    workflow.record_entitlement(
        request.user, household, kind, status, days_worked=request.POST.get("days_worked") or ""
    )
    messages.success(request, _("Entitlement updated."))
    return redirect("prevention:household", pk=pk)


@login_required
def at_risk(request):
    members = workflow.at_risk_women_and_girls(request.user)
    page = _page(request, members)
    if page.object_list:
        log.record_list(Member, [m.pk for m in page])
    rows = []
    for m in page:
        steps = [NEXT_STEPS[c] for c in NEXT_STEPS if getattr(m.household, c)]
        rows.append((m, steps))
    return render(request, "prevention/at_risk.html", {"page": page, "rows": rows})


# -- migration register, check-ins, alerts ------------------------------


@login_required
def migration_new(request, pk):
    household = get_object_or_404(Household.objects.restrict(request.user, "change"), pk=pk)
    if not _may_keep(request.user, household.village, "prevention.migration"):
        raise PermissionDenied
    form = MigrationForm(request.POST or None, household=household, user=request.user)
    if request.method == "POST" and form.is_valid():
        migration = workflow.record_migration(form.save(commit=False), request.user)
        messages.success(request, _("Recorded in the migration register."))
        return redirect("prevention:migration", pk=migration.pk)
    return render(
        request,
        "prevention/form.html",
        {"form": form, "title": _("Someone left the village: %(h)s") % {"h": household.code}},
    )


@login_required
def migrations(request):
    qs = (
        Migration.objects.restrict(request.user, "view")
        .filter(status__in=[MigrationStatus.AWAY, MigrationStatus.NOT_REACHABLE])
        .select_related("member", "village", "destination_state")
        .order_by("next_checkin_due")
    )
    page = _page(request, qs)
    if page.object_list:
        log.record_list(Migration, [m.pk for m in page])
    return render(
        request,
        "prevention/migrations.html",
        {"page": page, "today": timezone.localdate()},
    )


@login_required
def migration(request, pk):
    obj = get_object_or_404(
        Migration.objects.restrict(request.user, "view").select_related(
            "member", "household", "village", "destination_state", "recruiter"
        ),
        pk=pk,
    )
    may_check = Migration.objects.restrict(request.user, "change").filter(pk=pk).exists()
    form = CheckInForm(request.POST or None) if may_check else None
    if request.method == "POST":
        if not may_check:
            raise PermissionDenied
        if form.is_valid():
            workflow.record_checkin(
                obj,
                form.cleaned_data["reached"],
                form.cleaned_data["on"],
                form.cleaned_data["note"],
                request.user,
            )
            messages.success(request, _("Check-in recorded."))
            return redirect("prevention:migration", pk=pk)
    log.record_view(obj)
    return render(
        request,
        "prevention/migration.html",
        {
            "migration": obj,
            "form": form,
            "checkins": obj.checkins.restrict(request.user, "view")[:20],
            "alerts": obj.alerts.restrict(request.user, "view"),
        },
    )


@login_required
def alerts(request):
    show = request.GET.get("show", "open")
    qs = alerts_for(request.user).select_related(
        "migration", "migration__member", "village", "block", "missing_person"
    )
    if show == "open":
        qs = qs.filter(status=Alert.Status.OPEN)
    level = request.GET.get("level")
    if level in AlertLevel.values:
        qs = qs.filter(level=level)
    page = _page(request, qs.order_by("migration__next_checkin_due", "-pk"))
    if page.object_list:
        log.record_list(Alert, [a.pk for a in page])
    may_report = can(request.user, MissingPerson, "add")
    return render(
        request,
        "prevention/alerts.html",
        {"page": page, "show": show, "level": level, "may_report": may_report},
    )


@login_required
@require_POST
def report_missing(request, pk):
    alert = get_object_or_404(
        Alert.objects.restrict(request.user, "change").filter(status=Alert.Status.OPEN), pk=pk
    )
    if not can(request.user, MissingPerson, "add"):
        raise PermissionDenied
    person = workflow.report_missing(alert, request.user)
    messages.success(
        request, _("Missing-person report made. Check the police complaint details next.")
    )
    return redirect("prevention:missing_edit", pk=person.pk)


# -- marriage and missing persons registers ------------------------------


@login_required
def marriages(request):
    qs = (
        Marriage.objects.restrict(request.user, "view")
        .select_related("village", "district", "groom_state")
        .order_by("-married_on")
    )
    page = _page(request, qs)
    if page.object_list:
        log.record_list(Marriage, [m.pk for m in page])
    return render(request, "prevention/marriages.html", {"page": page})


@login_required
def marriage_new(request):
    if not villages_for(request.user, "add", "prevention.marriage").exists():
        raise PermissionDenied
    form = MarriageForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        marriage = save_versioned(form, request.user)
        flags = marriage.flags
        if flags:
            messages.warning(
                request, _("Recorded. Needs attention: %(f)s") % {"f": ", ".join(map(str, flags))}
            )
        else:
            messages.success(request, _("Recorded in the marriage register."))
        return redirect("prevention:marriages")
    return render(request, "prevention/form.html", {"form": form, "title": _("Record a marriage")})


@login_required
def missing_list(request):
    qs = MissingPerson.objects.restrict(request.user, "view").select_related("village")
    status = request.GET.get("status", "missing")
    if status in MissingPerson.Status.values:
        qs = qs.filter(status=status)
    page = _page(request, qs.order_by("-date_missing"))
    if page.object_list:
        log.record_list(MissingPerson, [m.pk for m in page])
    return render(request, "prevention/missing.html", {"page": page, "status": status})


@login_required
def missing_new(request):
    if not villages_for(request.user, "add", "prevention.missingperson").exists():
        raise PermissionDenied
    form = MissingPersonForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        save_versioned(form, request.user)
        messages.success(request, _("Recorded in the missing persons register."))
        return redirect("prevention:missing")
    return render(
        request, "prevention/form.html", {"form": form, "title": _("Report a missing person")}
    )


@login_required
def missing_edit(request, pk):
    person = get_object_or_404(MissingPerson.objects.restrict(request.user, "change"), pk=pk)
    form = MissingPersonForm(request.POST or None, instance=person, user=request.user)
    if request.method == "POST" and form.is_valid():
        if save_versioned(form, request.user):
            if person.household_id:
                workflow.refresh_household(person.household)
            messages.success(request, _("Saved."))
            return redirect("prevention:missing")
    log.record_view(person)
    return render(
        request,
        "prevention/form.html",
        {"form": form, "title": _("Missing person: %(n)s") % {"n": person.register_no}},
    )


# -- safe migration centre ----------------------------------------------


def _recruiter_states(user):
    ids = {m.agency.state_id for m in user.active_memberships() if m.agency.state_id}
    national = any(m.agency.jurisdiction_level == "national" for m in user.active_memberships())
    return State.objects.all() if national else State.objects.filter(pk__in=ids)


@login_required
def recruiters(request):
    qs = (
        Recruiter.objects.restrict(request.user, "view")
        .select_related("state")
        .annotate(
            complaint_count=Count("complaints", distinct=True),
            migrant_count=Count("migrations", distinct=True),
        )
    )
    # A name searched for is posted, never put in a URL (history, proxies, logs).
    data = request.POST if request.method == "POST" else {}
    q = data.get("q", "").strip()[:100]
    if q:
        qs = search_recruiters(qs, q)
    page = Paginator(qs.order_by("firm", "pk"), PAGE).get_page(
        data.get("page") or request.GET.get("page")
    )
    return render(
        request,
        "prevention/recruiters.html",
        {"page": page, "q": q, "can_add": can(request.user, Recruiter, "add")},
    )


@login_required
def recruiter_new(request):
    if not can(request.user, Recruiter, "add"):
        raise PermissionDenied
    form = RecruiterForm(request.POST or None, states=_recruiter_states(request.user))
    if request.method == "POST" and form.is_valid():
        recruiter = save_versioned(form, request.user)
        return redirect("prevention:recruiter", pk=recruiter.pk)
    return render(
        request, "prevention/form.html", {"form": form, "title": _("Add a recruiter or agent")}
    )


@login_required
def recruiter(request, pk):
    obj = get_object_or_404(Recruiter.objects.restrict(request.user, "view"), pk=pk)
    form = ComplaintForm(request.POST or None)
    if request.method == "POST":
        if not can(request.user, RecruiterComplaint, "add"):
            raise PermissionDenied
        if form.is_valid():
            complaint = form.save(commit=False)
            complaint.recruiter, complaint.created_by = obj, request.user
            complaint.save()
            messages.success(request, _("Complaint recorded."))
            return redirect("prevention:recruiter", pk=pk)
    log.record_view(obj)
    return render(
        request,
        "prevention/recruiter.html",
        {
            "recruiter": obj,
            "complaints": obj.complaints.restrict(request.user, "view"),
            "migrants": Migration.objects.restrict(request.user, "view")
            .filter(recruiter=obj)
            .count(),
            "linked_cases": obj.complaints.restrict(request.user, "view")
            .filter(case__isnull=False)
            .count(),
            "form": form,
        },
    )


@login_required
def job_check(request):
    form = JobOfferForm(request.POST or None, user=request.user)
    result = None
    if request.method == "POST" and form.is_valid():
        recruiter = form.cleaned_data["recruiter"]
        check = workflow.check_job_offer(
            request.user,
            form.cleaned_data["village"],
            form.cleaned_data["offer"],
            form.cleaned_data["red_flags"],
            recruiter,
        )
        flags, advice = check.red_flags, check.advice
        result = {
            "advice": jobcheck.ADVICE_LABELS[advice],
            "level": advice,
            "steps": [jobcheck.ADVICE_PER_FLAG[f] for f in flags],
            "recruiter": recruiter,
        }
    return render(request, "prevention/job_check.html", {"form": form, "result": result})


def information(request):
    """Rights and helplines for people leaving to work (public, printable)."""
    return render(request, "prevention/information.html")


# -- imports ------------------------------------------------------------


@login_required
def import_register(request):
    from sangam.prevention.imports import REGISTERS

    if not villages_for(request.user).exists():
        raise PermissionDenied
    form = RegisterUploadForm(request.POST or None, request.FILES or None)
    error = None
    if request.method == "POST":
        if form.is_valid():
            from sangam.prevention.tasks import import_register_job

            register = form.cleaned_data["register"]
            job = start_job(
                form.cleaned_data["file"],
                request.user,
                kind="prevention.import",
                title=_("Import: %(r)s") % {"r": REGISTERS[register].title},
                task=import_register_job,
                register=register,
            )
            return redirect("jobs:detail", pk=job.pk)
        error = next(iter(form.errors.values()))[0]
    return render(
        request,
        "prevention/import.html",
        {"registers": [(k, r.title) for k, r in REGISTERS.items()], "error": error},
    )


@login_required
def import_template(request, register, kind):
    from sangam.prevention.imports import REGISTERS, template

    if register not in REGISTERS or kind not in ("csv", "xlsx"):
        raise Http404
    content_type = (
        "text/csv"
        if kind == "csv"
        else "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response = HttpResponse(template(register, kind), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="sangam-{register}.{kind}"'
    return response


# -- vulnerability index configuration ----------------------------------


def _configurable_states(user):
    ids = [
        m.agency.state_id
        for m in user.active_memberships()
        if m.role == Role.STATE_ADMINISTRATOR and m.agency.state_id
    ]
    return State.objects.filter(pk__in=ids)


@login_required
def index_config(request):
    states = _configurable_states(request.user)
    if not states.exists():
        raise PermissionDenied
    state = states.first()
    current = index.active(state.pk)
    initial = {"state": state.pk, "medium_from": current.medium_from,
               "high_from": current.high_from}  # fmt: skip
    initial.update({f"w_{c}": w for c, w in current.weights.items()})
    form = IndexConfigurationForm(request.POST or None, initial=initial, states=states)
    if request.method == "POST" and form.is_valid():
        try:
            config = index.publish(
                form.cleaned_data["state"],
                form.weights(),
                form.cleaned_data["medium_from"],
                form.cleaned_data["high_from"],
                user=request.user,
                note=form.cleaned_data["note"],
            )
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            from sangam.prevention.tasks import recompute_job

            job = Job.objects.create(
                kind="prevention.recompute",
                title=_("Rescoring households: %(s)s v%(v)s")
                % {"s": config.state, "v": config.version},
                created_by=request.user,
            )
            transaction.on_commit(
                lambda: recompute_job.enqueue(job_id=str(job.pk), state_id=config.state_id)
            )
            return redirect("jobs:detail", pk=job.pk)
    versions = IndexConfiguration.objects.filter(state__in=states)[:20]
    return render(
        request,
        "prevention/index_config.html",
        {"form": form, "versions": versions, "current": current},
    )
