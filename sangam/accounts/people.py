"""Managing people: who manages whom, inviting someone into an agency,
changing roles, deactivating and reactivating, resetting a lost second
factor. The pages, the API and `sangam users` all go through here.

Whoever holds a grant to add memberships (``agencies/permissions.py``:
agency administrators for their agency, state administrators for their
state's agencies, system administrators for all) manages the people of
those agencies, with the rank of the role that gives her that reach. She
grants only roles ranked at most as high (``core/roles.py:RANK``), manages
only people whose every role is ranked at most as high, and never her own
account. Every change writes an audit entry naming the agency and roles,
never a name or an address.
"""

from importlib import import_module

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.tokens import default_token_generator
from django.contrib.sessions.models import Session
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from sangam.accounts.factors import reset_second_factor as forget_second_factors
from sangam.accounts.models import User
from sangam.agencies.models import Agency, Membership
from sangam.audit import log
from sangam.core import notify
from sangam.core.access import ADD, SYSTEM, memberships_granted, scope_for
from sangam.core.areas import area_q
from sangam.core.roles import RANK, Role
from sangam.core.workflow import Refused

MEMBERSHIP = "agencies.membership"
TOP_RANK = max(RANK.values())


def _reach(membership):
    """Q of the agencies whose people ``membership`` manages (None: none)."""
    scope = scope_for(membership.role, MEMBERSHIP, ADD)
    if scope == "all":
        return Q()
    if scope == "agency":
        return Q(pk=membership.agency_id)
    if scope == "jurisdiction":
        return area_q(membership.agency, state="state", district="district", block="block")
    return None


def _managing(user):
    """[(rank, Q of agencies)] for each of the user's memberships that manages people."""
    if user is SYSTEM:
        return [(TOP_RANK, Q())]
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    found = []
    for membership in memberships_granted(user, Membership, ADD):
        reach = _reach(membership)
        if reach is not None:
            found.append((RANK[membership.role], reach))
    return found


def may_manage_people(user):
    return bool(_managing(user))


def managed_agencies(user):
    """The agencies whose people ``user`` manages."""
    reaches = [reach for _rank, reach in _managing(user)]
    if not reaches:
        return Agency.objects.none()
    where = Q(pk__in=[])
    for reach in reaches:
        where |= reach
    return Agency.objects.filter(where)


def people_of(user, agency):
    """The people of ``agency`` (active or not) that ``user`` may see."""
    return (
        User.objects.restrict(user, "view")
        .filter(memberships__agency=agency)
        .distinct()
        .order_by("username")
    )


def manager_rank(user, agency):
    """The highest rank with which ``user`` manages ``agency``'s people; 0 if none."""
    ranks = [
        rank
        for rank, reach in _managing(user)
        if Agency.objects.filter(reach, pk=agency.pk).exists()
    ]
    return max(ranks, default=0)


def grantable_roles(user, agency):
    """The roles ``user`` may give in ``agency``, in the order of Role."""
    rank = manager_rank(user, agency)
    return [role for role in Role if RANK[role] <= rank]


def rank_of(person, agency):
    """The highest rank ``person`` holds: her active roles anywhere and any
    role in ``agency`` (a deactivated one may come back)."""
    roles = (
        Membership.objects.restrict(SYSTEM)
        .filter(Q(is_active=True) | Q(agency=agency), user=person)
        .values_list("role", flat=True)
    )
    return max((RANK[role] for role in roles), default=0)


def check_may_manage(user, person, agency):
    """The manager's rank, or Refused with the reason she may not manage ``person``."""
    rank = manager_rank(user, agency)
    if not rank:
        raise Refused(_("You do not manage the people of this agency."))
    if person.pk == getattr(user, "pk", None):
        raise Refused(_("You cannot change your own account here: ask another administrator."))
    if rank_of(person, agency) > rank:
        raise Refused(_("This person holds a role above yours: ask an administrator above her."))
    return rank


def _check_grantable(rank, role):
    if role not in RANK:
        raise Refused(_("Unknown role."))
    if RANK[role] > rank:
        raise Refused(_("You cannot give a role above your own."))


def invite(manager, agency, *, username, email, role, first_name="", last_name="", language=""):
    """A new account in ``agency`` with ``role`` and no password yet: she
    sets her password from the invitation and her second factor at her
    first login. Returns the user; ``send_invitation`` mails the link in
    her ``language`` (Sangam's default language if none is given)."""
    rank = manager_rank(manager, agency)
    if not rank:
        raise Refused(_("You do not manage the people of this agency."))
    _check_grantable(rank, role)
    if not agency.is_active:
        raise Refused(_("This agency is no longer active."))
    username = username.strip()
    with transaction.atomic():
        if User.objects.restrict(SYSTEM).filter(username__iexact=username).exists():
            raise Refused(_("This username is taken: choose another."))
        user = User.objects.create_user(
            username=username,
            email=email,
            password=None,
            first_name=first_name,
            last_name=last_name,
            language=language or settings.LANGUAGE_CODE,
        )
        Membership.objects.create(
            user=user, agency=agency, role=role, created_by=None if manager is SYSTEM else manager
        )
        log.record("invite", "accounts.user", user.pk, detail={"agency": agency.pk, "role": role})
    return user


def invitation_link(user):
    """The link with which an invited person chooses her password (valid for
    PASSWORD_RESET_TIMEOUT, and only until she has chosen one)."""
    path = reverse(
        "accounts:invitation",
        args=[
            urlsafe_base64_encode(force_bytes(user.pk)),
            default_token_generator.make_token(user),
        ],
    )
    return settings.SANGAM_BASE_URL.rstrip("/") + path


def is_invited(user):
    """Invited and not yet arrived: she has chosen no password yet."""
    return not user.has_usable_password() and user.last_login is None


def send_invitation(manager, person, agency):
    """E-mail the invitation link (again) to someone who has not arrived yet."""
    check_may_manage(manager, person, agency)
    if not is_invited(person):
        raise Refused(_("She has already chosen her password."))
    if not person.email:
        raise Refused(_("This account has no e-mail address."))
    notify.send(
        [(person.email, person.language)],
        "accounts/email/invitation",
        {"agency": agency.name, "link": invitation_link(person)},
    )
    log.record("invite", "accounts.user", person.pk, detail={"agency": agency.pk, "sent": True})


def memberships_in(person, agency):
    return Membership.objects.restrict(SYSTEM).filter(user=person, agency=agency)


def change_role(manager, membership, role):
    """``membership`` (a role she holds in an agency) becomes ``role``."""
    rank = check_may_manage(manager, membership.user, membership.agency)
    _check_grantable(rank, role)
    if role == membership.role:
        return membership
    with transaction.atomic():
        if memberships_in(membership.user, membership.agency).filter(role=role).exists():
            raise Refused(_("She already holds this role in this agency."))
        old = membership.role
        membership.role = role
        membership.save(update_fields=["role", "updated_at"])
        log.record(
            "role_change",
            "accounts.user",
            membership.user_id,
            detail={"agency": membership.agency_id, "from": old, "to": role},
        )
    return membership


def add_role(manager, person, agency, role):
    """Give ``person`` (already of this agency) another role there."""
    rank = check_may_manage(manager, person, agency)
    _check_grantable(rank, role)
    with transaction.atomic():
        existing = memberships_in(person, agency).filter(role=role).first()
        if existing is not None and existing.is_active:
            raise Refused(_("She already holds this role in this agency."))
        if existing is not None:
            existing.is_active = True
            existing.save(update_fields=["is_active", "updated_at"])
        else:
            existing = Membership.objects.create(
                user=person,
                agency=agency,
                role=role,
                created_by=None if manager is SYSTEM else manager,
            )
        log.record(
            "role_change",
            "accounts.user",
            person.pk,
            detail={"agency": agency.pk, "from": None, "to": role},
        )
    return existing


def deactivate(manager, person, agency):
    """She no longer works in ``agency``: her roles there end; with no role
    left anywhere her account is deactivated (she cannot log in) and her
    sessions end. Her records and her audit trail stay."""
    check_may_manage(manager, person, agency)
    with transaction.atomic():
        memberships_in(person, agency).filter(is_active=True).update(is_active=False)
        left = Membership.objects.restrict(SYSTEM).filter(user=person, is_active=True).exists()
        account = not left and person.is_active
        if account:
            User.objects.restrict(SYSTEM).filter(pk=person.pk).update(is_active=False)
            person.is_active = False
        log.record(
            "deactivate",
            "accounts.user",
            person.pk,
            detail={"agency": agency.pk, "account": account},
        )
        end_sessions(person)


def reactivate(manager, person, agency):
    """She works in ``agency`` again, with the roles she held there."""
    rank = check_may_manage(manager, person, agency)
    with transaction.atomic():
        roles = list(memberships_in(person, agency).values_list("role", flat=True))
        if not roles:
            raise Refused(_("She holds no role in this agency."))
        for role in roles:
            _check_grantable(rank, role)
        memberships_in(person, agency).filter(is_active=False).update(is_active=True)
        if not person.is_active:
            User.objects.restrict(SYSTEM).filter(pk=person.pk).update(is_active=True)
            person.is_active = True
        log.record("reactivate", "accounts.user", person.pk, detail={"agency": agency.pk})


def reset_second_factor(manager, person, agency):
    """She lost her authenticator: forget it; she sets up a new one at her
    next login. Her sessions end, in case the phone went with someone."""
    check_may_manage(manager, person, agency)
    with transaction.atomic():
        forget_second_factors(person, agency=agency.pk)
        end_sessions(person)


def end_sessions(person):
    """Delete every signed-in session of ``person``. Sessions live in the
    database, so this happens in the caller's transaction; each goes through
    its store, so a cached copy goes too."""
    store = import_module(settings.SESSION_ENGINE).SessionStore
    user_id = str(person.pk)
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get(SESSION_KEY) == user_id:
            store(session.session_key).delete()
