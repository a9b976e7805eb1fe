"""Scheme pages: every version (read by all who work claims), and for a
state's legal services officer (SLSA) drafting, editing and publishing her
state's version. A published version is never edited: a new notification is
a new draft, copied from the version in force."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sangam.agencies.models import AgencyType
from sangam.compensation.forms import HarmForm, SchemeForm
from sangam.compensation.models import SchemeHarm, SchemeVersion
from sangam.core.editing import EDIT_CONFLICT, EditConflict, save_versioned
from sangam.core.reference import PublishedVersionLocked
from sangam.core.roles import Role


def drafting_states(user):
    """The states whose scheme ``user`` drafts: an SLSA's legal services officers'."""
    return {
        m.agency.state_id
        for m in user.active_memberships()
        if m.role == Role.LEGAL_SERVICES_OFFICER and m.agency.type == AgencyType.SLSA
    }


@login_required
def scheme_list(request):
    versions = SchemeVersion.objects.select_related("state").order_by(
        "kind", "state__name", "-in_force_from"
    )
    return render(
        request,
        "compensation/schemes.html",
        {"versions": versions, "may_draft": bool(drafting_states(request.user))},
    )


@login_required
def scheme_detail(request, pk):
    version = get_object_or_404(SchemeVersion.objects.select_related("state"), pk=pk)
    editable = not version.is_published and version.state_id in drafting_states(request.user)
    harm = None
    if editable and request.GET.get("harm"):
        harm = get_object_or_404(SchemeHarm, pk=request.GET["harm"], version=version)
    return render(
        request,
        "compensation/scheme.html",
        {
            "version": version,
            "harms": version.harms.all(),
            "editable": editable,
            "harm_form": HarmForm(instance=harm, draft=version) if editable else None,
            "harm": harm,
        },
    )


def _draft_of(request, pk):
    version = get_object_or_404(SchemeVersion, pk=pk)
    if version.state_id not in drafting_states(request.user):
        raise PermissionDenied
    if version.is_published:
        messages.error(request, str(PublishedVersionLocked().message))
        return version, False
    return version, True


@login_required
@transaction.atomic
def scheme_draft(request):
    """A new draft for her state, copied from the version in force there."""
    states = drafting_states(request.user)
    if not states or request.method != "POST":
        raise PermissionDenied
    from sangam.geography.models import State

    state = State.objects.get(pk=min(states))
    base = SchemeVersion.for_state(state)
    harms = list(base.harms.all()) if base else []
    if base is not None:
        base.pk, base.id, base.published_at, base.verified = None, None, None, False
        base._state.adding = True
        draft = base
    else:
        draft = SchemeVersion(source="", in_force_from=None)
    draft.state = state
    draft.title = _("%(state)s victim compensation scheme (draft)") % {"state": state.name}
    draft.save()
    for harm in harms:
        harm.pk, harm.id, harm.version = None, None, draft
        harm._state.adding = True
        harm.save()
    messages.success(request, _("Draft copied from the version in force. Edit it, then publish."))
    return redirect("compensation:scheme", pk=draft.pk)


@login_required
def scheme_edit(request, pk):
    version, draft = _draft_of(request, pk)
    if not draft:
        return redirect(version)
    form = SchemeForm(request.POST or None, instance=version)
    if request.method == "POST" and form.is_valid() and save_versioned(form, request.user):
        messages.success(request, _("Draft saved."))
        return redirect(version)
    status = 422 if form.errors else 200
    return render(
        request, "compensation/scheme_form.html", {"form": form, "version": version}, status=status
    )


@login_required
@require_POST
def harm_edit(request, pk):
    version, draft = _draft_of(request, pk)
    if not draft:
        return redirect(version)
    harm = None
    if request.POST.get("harm"):
        harm = get_object_or_404(SchemeHarm, pk=request.POST["harm"], version=version)
    form = HarmForm(request.POST, instance=harm or SchemeHarm(version=version))
    if form.is_valid():
        try:
            with transaction.atomic():
                # Bumps the draft's version, so the other editor's page is stale too.
                version.save_checked(form.cleaned_data["draft_version"])
                form.save()
        except EditConflict:
            form.add_error(None, EDIT_CONFLICT)
        else:
            messages.success(request, _("Harm saved."))
            return redirect(version)
    version.refresh_from_db()
    return render(
        request,
        "compensation/scheme.html",
        {
            "version": version,
            "harms": version.harms.all(),
            "editable": True,
            "harm_form": form,
            "harm": harm,
        },
        status=422,
    )


@login_required
@require_POST
def scheme_publish(request, pk):
    version, draft = _draft_of(request, pk)
    if draft:
        try:
            with transaction.atomic():
                # Publish only the draft she saw: not one changed since her page loaded.
                version.save_checked(int(request.POST.get("version") or 0))
                version.publish()
        except EditConflict:
            messages.error(request, str(EDIT_CONFLICT))
        except ValidationError as exc:
            for error in exc.messages:
                messages.error(request, error)
        else:
            messages.success(request, _("Published: claims filed from its date use it."))
    return redirect(version)
