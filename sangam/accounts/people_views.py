"""People pages for administrators: the agencies whose people she manages,
an agency's people, inviting someone, one person's roles there, and the
buttons that deactivate, reactivate, send the invitation again and reset a
lost second factor. An agency she does not manage, or a person not of that
agency, is 404. The rules are in ``accounts/people.py``; the page a new
person opens from her invitation is ``InvitationView``."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from sangam.accounts import people
from sangam.accounts.forms import InviteForm, RoleForm
from sangam.accounts.models import TOTPDevice, User
from sangam.accounts.views import ResetConfirmView
from sangam.agencies.models import Membership
from sangam.audit import log
from sangam.core.roles import Role
from sangam.core.workflow import Refused


def _agency(request, pk):
    return get_object_or_404(people.managed_agencies(request.user), pk=pk)


def _person(request, agency, user_pk):
    return get_object_or_404(people.people_of(request.user, agency), pk=user_pk)


@login_required
def agency_list(request):
    if not people.may_manage_people(request.user):
        raise Http404
    agencies = people.managed_agencies(request.user).select_related("state", "district")
    q = request.GET.get("q", "").strip()[:100]
    if q:
        agencies = agencies.filter(Q(name__icontains=q) | Q(district__name__icontains=q))
    page = Paginator(agencies.order_by("name"), 25).get_page(request.GET.get("page"))
    return render(request, "accounts/people/agencies.html", {"page": page, "q": q})


@login_required
def agency_people(request, pk):
    agency = _agency(request, pk)
    persons = list(people.people_of(request.user, agency))
    ids = [p.pk for p in persons]
    roles = {}
    for m in Membership.objects.restrict(request.user, "view").filter(agency=agency, user__in=ids):
        roles.setdefault(m.user_id, []).append(m)
    with_factor = set(
        TOTPDevice.objects.filter(user__in=ids, confirmed=True).values_list("user_id", flat=True)
    )
    if ids:
        log.record_list(User, ids)
    rows = [
        {
            "person": p,
            "memberships": roles.get(p.pk, []),
            "active": p.is_active and any(m.is_active for m in roles.get(p.pk, [])),
            "invited": people.is_invited(p),
            "second_factor": p.pk in with_factor,
        }
        for p in persons
    ]
    return render(
        request,
        "accounts/people/agency.html",
        {"agency": agency, "rows": rows, "can_invite": agency.is_active},
    )


@login_required
def invite(request, pk):
    agency = _agency(request, pk)
    form = InviteForm(
        request.POST or None,
        roles=people.grantable_roles(request.user, agency),
        # Most often she works in the language of the one inviting her.
        initial={"language": translation.get_language()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            # One transaction: if the e-mail cannot go, no account is left behind.
            with transaction.atomic():
                person = people.invite(request.user, agency, **form.cleaned_data)
                people.send_invitation(request.user, person, agency)
        except Refused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("Invitation sent."))
            return redirect("accounts:person", pk=agency.pk, user_pk=person.pk)
    return render(
        request,
        "accounts/people/invite.html",
        {
            "form": form,
            "agency": agency,
            "title": _("Invite someone to %(agency)s") % {"agency": agency.name},
        },
    )


@login_required
def person(request, pk, user_pk):
    agency = _agency(request, pk)
    someone = _person(request, agency, user_pk)
    log.record_view(someone)
    memberships = list(people.memberships_in(someone, agency))
    try:
        people.check_may_manage(request.user, someone, agency)
        refusal = None
    except Refused as reason:
        refusal = str(reason)
    roles = people.grantable_roles(request.user, agency)
    held = {m.role for m in memberships}
    addable = [r for r in roles if r not in held]
    context = {
        "agency": agency,
        "someone": someone,
        "refusal": refusal,
        "memberships": [(m, RoleForm(roles=roles, initial={"role": m.role})) for m in memberships],
        "add_form": RoleForm(roles=addable) if addable else None,
        "active": someone.is_active and any(m.is_active for m in memberships),
        "invited": people.is_invited(someone),
        "second_factor": TOTPDevice.objects.filter(user=someone, confirmed=True).exists(),
    }
    return render(request, "accounts/people/person.html", context)


def _act(request, pk, user_pk, action, done):
    """Run one change on a person and go back to her page with its outcome."""
    agency = _agency(request, pk)
    someone = _person(request, agency, user_pk)
    try:
        action(agency, someone)
    except Refused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, done)
    return redirect("accounts:person", pk=agency.pk, user_pk=someone.pk)


def _chosen_role(request):
    role = request.POST.get("role", "")
    if role not in Role.values:
        raise Refused(_("Unknown role."))
    return role


@login_required
@require_POST
def change_role(request, pk, user_pk, membership_pk):
    def action(agency, someone):
        membership = get_object_or_404(people.memberships_in(someone, agency), pk=membership_pk)
        people.change_role(request.user, membership, _chosen_role(request))

    return _act(request, pk, user_pk, action, _("Role changed."))


@login_required
@require_POST
def add_role(request, pk, user_pk):
    def action(agency, someone):
        people.add_role(request.user, someone, agency, _chosen_role(request))

    return _act(request, pk, user_pk, action, _("Role added."))


@login_required
@require_POST
def deactivate(request, pk, user_pk):
    def action(agency, someone):
        people.deactivate(request.user, someone, agency)

    return _act(request, pk, user_pk, action, _("Deactivated: she can no longer work here."))


@login_required
@require_POST
def reactivate(request, pk, user_pk):
    def action(agency, someone):
        people.reactivate(request.user, someone, agency)

    return _act(request, pk, user_pk, action, _("Reactivated."))


@login_required
@require_POST
def reset_second_factor(request, pk, user_pk):
    def action(agency, someone):
        people.reset_second_factor(request.user, someone, agency)

    return _act(
        request,
        pk,
        user_pk,
        action,
        _("Second factor reset: she sets up a new one at her next login."),
    )


@login_required
@require_POST
def invite_again(request, pk, user_pk):
    def action(agency, someone):
        people.send_invitation(request.user, someone, agency)

    return _act(request, pk, user_pk, action, _("Invitation sent again."))


class InvitationView(ResetConfirmView):
    """The invitation link: she chooses her password, then logs in and sets
    up her second factor (the login sends her there)."""

    template_name = "accounts/form_page.html"
    success_url = reverse_lazy("login")
    extra_context = {"title": gettext_lazy("Welcome to Sangam: choose your password")}

    def form_valid(self, form):
        messages.success(
            self.request, _("Password chosen. Log in now to set up your authenticator app.")
        )
        return super().form_valid(form)
