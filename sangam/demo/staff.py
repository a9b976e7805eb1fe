"""The demo agency administrator's work: someone she invited who has not
arrived yet (the invitation can be sent again) and a colleague who left
(deactivated, her roles kept for a return). Made through accounts/people.py
like the People pages. Idempotent."""

from django.db import transaction

from sangam.accounts import people
from sangam.accounts.models import User
from sangam.agencies.models import Membership
from sangam.core.access import SYSTEM
from sangam.core.roles import Role


@transaction.atomic
def seed_staff():
    admin = User.objects.restrict(SYSTEM).get(username="demo.agencyadmin")
    agency = Membership.objects.restrict(SYSTEM).get(user=admin).agency
    made = 0
    for username, first, last, role, leaves in [
        ("demo.invited", "Rupa", "Biswas (demo)", Role.CASEWORKER, False),
        ("demo.former", "Anjali", "Roy (demo)", Role.COUNSELLOR, True),
    ]:
        if User.objects.restrict(SYSTEM).filter(username=username).exists():
            continue
        person = people.invite(
            admin,
            agency,
            username=username,
            email=f"{username}@demo.sangam.invalid",
            role=role,
            first_name=first,
            last_name=last,
        )
        if leaves:
            people.deactivate(admin, person, agency)
        made += 1
    return made
