"""Survivor pages: the list and search by name, registering her (which opens
her case), her profile and its edits, her account (and its encrypted
recording) and her consents."""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sangam.audit import log
from sangam.cases import workflow
from sangam.cases.consent import may_see
from sangam.cases.forms import ConsentForm, IntakeForm, SurvivorForm
from sangam.cases.models import (
    Case,
    Category,
    Consent,
    Intake,
    Survivor,
)
from sangam.cases.queries import adding_agency, consent_recorder, search_by_name
from sangam.core.access import SYSTEM, can
from sangam.core.crypto import decrypt_bytes, encrypt_bytes
from sangam.core.editing import save_versioned

AUDIO_CONTEXT = "cases.intake.audio"


@login_required
def survivor_list(request):
    survivors = Survivor.objects.restrict(request.user, "view").select_related("origin_district")
    # A name searched for is posted, never put in a URL (history, proxies, logs).
    data = request.POST if request.method == "POST" else {}
    q = data.get("q", "").strip()[:100]
    if q:
        survivors = search_by_name(survivors, q)
    page = Paginator(survivors, 25).get_page(data.get("page") or request.GET.get("page"))
    if page.object_list:
        log.record_list(Survivor, [s.pk for s in page])
    return render(
        request,
        "cases/list.html",
        {"page": page, "q": q, "can_add": can(request.user, Survivor, "add")},
    )


@login_required
def survivor_create(request):
    agency = adding_agency(request.user)
    if agency is None:
        raise PermissionDenied
    form = SurvivorForm(request.POST or None)
    intake = IntakeForm(request.POST or None, request.FILES or None, prefix="intake")
    if request.method == "POST" and form.is_valid() and intake.is_valid():
        with transaction.atomic():
            survivor = form.save(commit=False)
            workflow.register_survivor(request.user, agency, survivor)
            data = intake.cleaned_data
            if data.get("narrative") or data.get("audio"):
                _save_intake(request.user, survivor, agency, intake)
        messages.success(request, _("Survivor registered and a case opened."))
        return redirect("cases:survivor", pk=survivor.pk)
    return render(
        request,
        "cases/form.html",
        {"form": form, "intake": intake, "title": _("Register a survivor"), "multipart": True},
    )


@login_required
def intake_create(request, pk):
    """Record the account once, when it was not taken at registration."""
    survivor = get_object_or_404(Survivor.objects.restrict(request.user, "change"), pk=pk)
    agency = adding_agency(request.user, Intake)
    if agency is None:
        raise PermissionDenied
    if Intake.objects.restrict(SYSTEM).filter(survivor=survivor).exists():
        messages.error(request, _("Her account is already recorded: read it, do not ask again."))
        return redirect("cases:survivor", pk=pk)
    form = IntakeForm(request.POST or None, request.FILES or None, prefix="intake")
    if request.method == "POST" and form.is_valid():
        _save_intake(request.user, survivor, agency, form)
        messages.success(request, _("Account recorded."))
        return redirect("cases:survivor", pk=pk)
    return render(
        request,
        "cases/form.html",
        {"form": form, "title": _("Record the account"), "multipart": True},
    )


@transaction.atomic
def _save_intake(user, survivor, agency, form):
    """The account and, encrypted, its recording: both or neither."""
    data = form.cleaned_data
    record = form.save(commit=False)
    record.survivor = survivor
    record.narrative = data.get("narrative") or ""
    record.language = data["narrative_language"]
    record.recorded_by_agency = agency
    record.created_by = user
    record.audio = None
    record.save()
    if data.get("audio"):
        blob = encrypt_bytes(data["audio"].read(), AUDIO_CONTEXT)
        record.audio.save(f"{uuid.uuid4().hex}.bin", ContentFile(blob))


@login_required
def intake_audio(request, pk):
    intake = get_object_or_404(Intake.objects.restrict(request.user, "view"), pk=pk)
    if not intake.audio:
        raise Http404
    log.record_view(intake, purpose="audio")
    with intake.audio.open("rb") as f:
        data = decrypt_bytes(f.read(), AUDIO_CONTEXT)
    response = HttpResponse(data, content_type="application/octet-stream")
    response["Content-Disposition"] = f'attachment; filename="intake-{intake.pk}-audio"'
    return response


@login_required
def survivor_detail(request, pk):
    user = request.user
    survivor = get_object_or_404(
        Survivor.objects.restrict(user, "view")
        .select_related("origin_state", "origin_district")
        .annotate(
            # Whether any account exists, even one this user may not read:
            # then it is not recorded again.
            has_intake=Exists(Intake.objects.restrict(SYSTEM).filter(survivor=OuterRef("pk"))),
            can_change=Exists(Survivor.objects.restrict(user, "change").filter(pk=OuterRef("pk"))),
        ),
        pk=pk,
    )
    log.record_view(survivor)
    intake = Intake.objects.restrict(user, "view").filter(survivor=survivor).first()
    if intake is not None:
        log.record_view(intake)
    cases = list(
        Case.objects.restrict(user, "view")
        .filter(survivor=survivor)
        .select_related("agency", "owner")
    )
    consents = list(
        Consent.objects.restrict(user, "view")
        .filter(survivor=survivor)
        .prefetch_related("grants")
        .select_related("recorded_by_agency")
    )
    serving = {c.agency_id for c in cases if c.status != Case.Status.CLOSED}
    context = {
        "survivor": survivor,
        "see_contact": may_see(user, survivor, Category.CONTACT, serving),
        "has_intake": survivor.has_intake,
        "intake": intake,
        "cases": cases,
        "consents": consents,
        "can_change": survivor.can_change,
        # Seeing her (through consent) is not enough to record or revoke hers.
        "can_consent": consent_recorder(user, survivor) is not None,
        "revocable": set(
            Consent.objects.restrict(user, "change")
            .filter(survivor=survivor)
            .values_list("pk", flat=True)
        ),
    }
    return render(request, "cases/detail.html", context)


@login_required
def survivor_edit(request, pk):
    survivor = get_object_or_404(Survivor.objects.restrict(request.user, "change"), pk=pk)
    log.record_view(survivor)
    form = SurvivorForm(request.POST or None, instance=survivor)
    if request.method == "POST" and form.is_valid():
        if not save_versioned(form, request.user):
            # Show what the other person saved where it differs from this edit.
            current = Survivor.objects.restrict(request.user, "view").get(pk=pk)
            for name in form.Meta.fields:
                saved, entered = getattr(current, name), form.cleaned_data.get(name)
                if (saved or None) != (entered or None):
                    form.add_error(
                        None,
                        _("%(field)s is now: %(value)s")
                        % {"field": form.fields[name].label, "value": saved or "—"},
                    )
        else:
            messages.success(request, _("Saved."))
            return redirect("cases:survivor", pk=pk)
    return render(request, "cases/form.html", {"form": form, "title": str(survivor)})


@login_required
def consent_create(request, pk):
    """Her consent, recorded by the agency whose case of her is open (or the
    CWC for a child, by order): seeing her through consent is not enough."""
    survivor = get_object_or_404(Survivor.objects.restrict(request.user, "view"), pk=pk)
    if consent_recorder(request.user, survivor) is None:
        raise Http404
    form = ConsentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            workflow.record_consent(request.user, survivor, form)
        except workflow.Refused as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Consent recorded."))
            return redirect("cases:survivor", pk=pk)
    return render(request, "cases/form.html", {"form": form, "title": _("Record consent")})


@login_required
@require_POST
def consent_revoke(request, pk):
    consent = get_object_or_404(Consent.objects.restrict(request.user, "change"), pk=pk)
    if consent.revoked_at is None:
        try:
            workflow.revoke_consent(request.user, consent)
        except workflow.Refused as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Consent revoked. It no longer applies anywhere."))
    return redirect("cases:survivor", pk=consent.survivor_id)
