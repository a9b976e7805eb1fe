"""The verbs of `sangam users`: the first administrator and scripts manage
people with the same rules as the People pages (accounts/people.py), as
Sangam itself; every change is audited under the command's name. Each verb
checks everything before it writes, and writes in one transaction."""

import getpass
import sys

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction

from sangam.accounts import people
from sangam.accounts.factors import reset_second_factor
from sangam.accounts.models import TOTPDevice, User
from sangam.agencies.models import Agency, AgencyType, JurisdictionLevel, Membership
from sangam.audit import log
from sangam.core.access import SYSTEM
from sangam.core.roles import Role
from sangam.core.workflow import Refused

ROLES = ", ".join(Role.values)


def _role(value):
    if value not in Role.values:
        raise CommandError(f"unknown role {value!r}; one of: {ROLES}")
    return value


def _agency(value):
    """An agency by id or by its exact name."""
    if value.isdigit():
        agency = Agency.objects.filter(pk=int(value)).first()
        if agency is None:
            raise CommandError(f"no agency with id {value}")
        return agency
    found = list(Agency.objects.filter(name=value)[:5])
    if not found:
        raise CommandError("no agency with that name (`sangam users list` shows agency ids)")
    if len(found) > 1:
        raise CommandError(
            "several agencies have that name; give its id: " + ", ".join(str(a.pk) for a in found)
        )
    return found[0]


def _user(username):
    user = User.objects.restrict(SYSTEM).filter(username=username).first()
    if user is None:
        raise CommandError("no user with that username")
    return user


def _acting(verb):
    return log.acting_as(label=f"command:users {verb}")


class Create(BaseCommand):
    help = (
        "Create an account with a role in an agency: her password typed at the prompt, "
        "read from stdin (--password-stdin), or chosen by her from an e-mailed "
        "invitation (--invite). --new-agency creates a national agency for the first "
        "administrator."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", required=True, type=_role, help=ROLES)
        where = parser.add_mutually_exclusive_group(required=True)
        where.add_argument("--agency", help="agency id or exact name")
        where.add_argument("--new-agency", metavar="NAME", help="create a national agency")
        parser.add_argument("--email", required=True)
        parser.add_argument("--first-name", default="")
        parser.add_argument("--last-name", default="")
        how = parser.add_mutually_exclusive_group()
        how.add_argument("--invite", action="store_true", help="e-mail an invitation link")
        how.add_argument("--password-stdin", action="store_true", help="read one line")

    def handle(self, *args, username, role, agency, new_agency, email, **options):
        try:
            validate_email(email)
        except ValidationError:
            raise CommandError("--email is not a valid e-mail address") from None
        password = None if options["invite"] else self._password(username, options)
        with _acting("create"), transaction.atomic():
            if new_agency:
                place = Agency.objects.filter(name=new_agency).first()
                if place is not None:
                    raise CommandError("an agency with that name exists; use --agency")
                place = Agency.objects.create(
                    name=new_agency,
                    type=AgencyType.OTHER,
                    jurisdiction_level=JurisdictionLevel.NATIONAL,
                )
            else:
                place = _agency(agency)
            try:
                user = people.invite(
                    SYSTEM,
                    place,
                    username=username,
                    email=email,
                    role=role,
                    first_name=options["first_name"],
                    last_name=options["last_name"],
                )
                if password is None:
                    # Inside the transaction: if the mail cannot go, nothing stays.
                    people.send_invitation(SYSTEM, user, place)
                else:
                    user.set_password(password)
                    user.save(update_fields=["password"])
            except Refused as refusal:
                raise CommandError(str(refusal)) from None
        how = "invitation sent" if password is None else "password set"
        self.stdout.write(
            f"created {username} ({role} in agency {place.pk}); {how}; "
            "the authenticator app is set up at the first login"
        )

    def _password(self, username, options):
        if options["password_stdin"]:
            password = sys.stdin.readline().rstrip("\n")
        elif sys.stdin.isatty():
            password = getpass.getpass("Password: ")
            if getpass.getpass("Password (again): ") != password:
                raise CommandError("the passwords differ")
        else:
            raise CommandError("no terminal to type a password: use --password-stdin or --invite")
        try:
            validate_password(password, User(username=username))
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        return password


class SetRole(BaseCommand):
    help = (
        "Give a user a role in an agency: her only role there changes (or the one "
        "--replace names); with no role there yet, she gets this one too."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--agency", required=True, help="agency id or exact name")
        parser.add_argument("--role", required=True, type=_role, help=ROLES)
        parser.add_argument("--replace", type=_role, help="the role she holds there to change")

    def handle(self, *args, username, agency, role, replace, **options):
        user, place = _user(username), _agency(agency)
        held = list(people.memberships_in(user, place))
        if replace:
            held = [m for m in held if m.role == replace]
            if not held:
                raise CommandError(f"she holds no {replace} role in that agency")
        if len(held) > 1:
            raise CommandError(
                "she holds several roles there ("
                + ", ".join(m.role for m in held)
                + "); say which with --replace"
            )
        with _acting("set-role"):
            try:
                if held:
                    people.change_role(SYSTEM, held[0], role)
                else:
                    people.add_role(SYSTEM, user, place, role)
            except Refused as refusal:
                raise CommandError(str(refusal)) from None
        self.stdout.write(f"{username} is {role} in agency {place.pk}")


class Deactivate(BaseCommand):
    help = (
        "Deactivate a user: in one agency (--agency; her roles there end) or her whole "
        "account (she cannot log in; her sessions end)."
    )
    verb = "deactivate"

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--agency", help="agency id or exact name; else the whole account")

    def handle(self, *args, username, agency, **options):
        user = _user(username)
        with _acting(self.verb):
            try:
                if agency:
                    self.in_agency(user, _agency(agency))
                else:
                    self.account(user)
            except Refused as refusal:
                raise CommandError(str(refusal)) from None
        self.stdout.write(f"{username}: {self.verb}d")

    def in_agency(self, user, agency):
        people.deactivate(SYSTEM, user, agency)

    def account(self, user):
        with transaction.atomic():
            User.objects.restrict(SYSTEM).filter(pk=user.pk).update(is_active=False)
            log.record("deactivate", "accounts.user", user.pk, detail={"account": True})
            people.end_sessions(user)


class Reactivate(Deactivate):
    help = "Reactivate a user: in one agency (--agency; her roles there again) or her account."
    verb = "reactivate"

    def in_agency(self, user, agency):
        people.reactivate(SYSTEM, user, agency)

    def account(self, user):
        with transaction.atomic():
            User.objects.restrict(SYSTEM).filter(pk=user.pk).update(is_active=True)
            log.record("reactivate", "accounts.user", user.pk, detail={"account": True})


class ResetSecondFactor(BaseCommand):
    help = "Forget a user's second factor: she sets up a new one at her next login."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = _user(username)
        with _acting("reset-second-factor"), transaction.atomic():
            reset_second_factor(user)
            people.end_sessions(user)
        self.stdout.write(f"{username}: second factor reset")


class List(BaseCommand):
    help = (
        "List accounts and their roles: username, account active, authenticator set "
        "up, agency id, role, role active. No names or addresses."
    )

    def add_arguments(self, parser):
        parser.add_argument("--agency", help="only this agency (id or exact name)")
        parser.add_argument("--role", type=_role)

    def handle(self, *args, agency, role, **options):
        memberships = Membership.objects.restrict(SYSTEM).select_related("user")
        if agency:
            memberships = memberships.filter(agency=_agency(agency))
        if role:
            memberships = memberships.filter(role=role)
        rows = list(memberships.order_by("user__username", "agency_id", "role"))
        ids = sorted({m.user_id for m in rows})
        with_factor = set(
            TOTPDevice.objects.filter(confirmed=True, user__in=ids).values_list(
                "user_id", flat=True
            )
        )
        with _acting("list"):
            if rows:
                log.record_list(User, ids)
        self.stdout.write("username\taccount\tauthenticator\tagency\trole\trole_active")
        for m in rows:
            self.stdout.write(
                "\t".join(
                    [
                        m.user.username,
                        "active" if m.user.is_active else "deactivated",
                        "yes" if m.user_id in with_factor else "no",
                        str(m.agency_id),
                        m.role,
                        "yes" if m.is_active else "no",
                    ]
                )
            )


class PruneThrottles(BaseCommand):
    help = "Forget failed-login counters older than a day that lock nothing."

    def handle(self, *args, **options):
        from sangam.accounts.throttle import forget_old

        self.stdout.write(f"{forget_old()} old failed-login counters forgotten")
