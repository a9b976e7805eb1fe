"""Accounts API: bearer-token authentication, who the token belongs to, and
the People operations of the pages for administrators (the agencies whose
people she manages, their people, invitations, roles, deactivation,
reactivation, a lost second factor). Rules in ``accounts/people.py``; an
agency she does not manage, or a person not of that agency, is 404; a
change the rules refuse is 403 with the reason."""

from django.db import transaction
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError
from ninja.security import HttpBearer

from sangam.accounts import people
from sangam.accounts.models import APIToken, TOTPDevice, User
from sangam.audit import log
from sangam.audit.middleware import client_ip
from sangam.core.roles import Role
from sangam.core.workflow import Refused

router = Router(tags=["accounts"])


class TokenAuth(HttpBearer):
    def authenticate(self, request, token):
        user = APIToken.user_for(token)
        if user is not None:
            request.user = user
            # Attribute this request's audit entries to the token's user.
            log._actor.set(log.Actor(user=user, ip=client_ip(request)))
        return user


class Me(Schema):
    username: str
    language: str
    memberships: list[dict]


@router.get("/me", response=Me)
def me(request):
    user = request.auth
    return {
        "username": user.get_username(),
        "language": user.language,
        "memberships": [
            {"agency_id": m.agency_id, "agency": m.agency.name, "role": m.role}
            for m in user.active_memberships()
        ],
    }


class ManagedAgency(Schema):
    id: int
    name: str
    is_active: bool


class RoleOut(Schema):
    membership_id: int
    role: Role
    active: bool


class PersonOut(Schema):
    id: int
    username: str
    first_name: str
    last_name: str
    email: str
    active: bool
    invited: bool
    second_factor: bool
    roles: list[RoleOut]


class InviteIn(Schema):
    username: str = Field(min_length=1, max_length=150, pattern=r"^[\w.@+-]+$")
    email: str = Field(max_length=254, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
    role: Role
    first_name: str = Field("", max_length=150)
    last_name: str = Field("", max_length=150)


class RoleIn(Schema):
    role: Role


def _agency(request, agency_id):
    return get_object_or_404(people.managed_agencies(request.auth), pk=agency_id)


def _person(request, agency, user_id):
    return get_object_or_404(people.people_of(request.auth, agency), pk=user_id)


def _out(person, agency):
    memberships = list(people.memberships_in(person, agency))
    return {
        "id": person.pk,
        "username": person.username,
        "first_name": person.first_name,
        "last_name": person.last_name,
        "email": person.email,
        "active": person.is_active and any(m.is_active for m in memberships),
        "invited": people.is_invited(person),
        "second_factor": TOTPDevice.objects.filter(user=person, confirmed=True).exists(),
        "roles": [
            {"membership_id": m.pk, "role": m.role, "active": m.is_active} for m in memberships
        ],
    }


def _apply(change, *args):
    try:
        change(*args)
    except Refused as refusal:
        raise HttpError(403, str(refusal)) from None


@router.get("/people/agencies", response=list[ManagedAgency], tags=["people"])
def managed_agencies(request):
    """The agencies whose people the token's user manages."""
    return list(people.managed_agencies(request.auth).order_by("name"))


@router.get("/people/agencies/{agency_id}/people", response=list[PersonOut], tags=["people"])
def agency_people(request, agency_id: int):
    agency = _agency(request, agency_id)
    persons = list(people.people_of(request.auth, agency))
    if persons:
        log.record_list(User, [p.pk for p in persons])
    return [_out(p, agency) for p in persons]


@router.post("/people/agencies/{agency_id}/people", response={201: PersonOut}, tags=["people"])
def invite(request, agency_id: int, payload: InviteIn):
    """Invite someone new: she gets an e-mail to choose her password."""
    agency = _agency(request, agency_id)
    try:
        # One transaction: if the e-mail cannot go, no account is left behind.
        with transaction.atomic():
            person = people.invite(request.auth, agency, **payload.dict())
            people.send_invitation(request.auth, person, agency)
    except Refused as refusal:
        raise HttpError(403, str(refusal)) from None
    return Status(201, _out(person, agency))


@router.get("/people/agencies/{agency_id}/people/{user_id}", response=PersonOut, tags=["people"])
def person(request, agency_id: int, user_id: int):
    agency = _agency(request, agency_id)
    someone = _person(request, agency, user_id)
    log.record_view(someone)
    return _out(someone, agency)


@router.put(
    "/people/agencies/{agency_id}/people/{user_id}/roles/{membership_id}",
    response=PersonOut,
    tags=["people"],
)
def change_role(request, agency_id: int, user_id: int, membership_id: int, payload: RoleIn):
    agency = _agency(request, agency_id)
    someone = _person(request, agency, user_id)
    membership = get_object_or_404(people.memberships_in(someone, agency), pk=membership_id)
    _apply(people.change_role, request.auth, membership, payload.role)
    return _out(someone, agency)


@router.post(
    "/people/agencies/{agency_id}/people/{user_id}/roles",
    response={201: PersonOut},
    tags=["people"],
)
def add_role(request, agency_id: int, user_id: int, payload: RoleIn):
    agency = _agency(request, agency_id)
    someone = _person(request, agency, user_id)
    _apply(people.add_role, request.auth, someone, agency, payload.role)
    return Status(201, _out(someone, agency))


def _action(name, change, summary):
    @router.post(
        f"/people/agencies/{{agency_id}}/people/{{user_id}}/{name}",
        response=PersonOut,
        tags=["people"],
        operation_id=f"people_{name.replace('-', '_')}",
        summary=summary,
    )
    def act(request, agency_id: int, user_id: int):
        agency = _agency(request, agency_id)
        someone = _person(request, agency, user_id)
        _apply(change, request.auth, someone, agency)
        return _out(User.objects.restrict(request.auth, "view").get(pk=someone.pk), agency)

    return act


deactivate = _action("deactivate", people.deactivate, "Deactivate her in this agency")
reactivate = _action("reactivate", people.reactivate, "Reactivate her with her roles here")
reset_second_factor = _action(
    "reset-second-factor", people.reset_second_factor, "Reset her lost second factor"
)
invite_again = _action("invite-again", people.send_invitation, "Send the invitation again")
