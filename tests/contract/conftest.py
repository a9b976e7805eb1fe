"""The contract world: the whole demo (every capability's synthetic records),
seeded once per module inside a transaction that is rolled back at the end,
and outsiders — one user per role in an agency of another state — who must
see none of it."""

import pytest
from django.core.management import call_command
from django.db import transaction

from sangam.agencies.models import AgencyType, JurisdictionLevel
from sangam.core.roles import Role
from tests.conftest import make_agency, make_user

# The kind of agency each role works in, for an outsider of that role.
AGENCY_OF_ROLE = {
    Role.CRP: AgencyType.VO,
    Role.CASEWORKER: AgencyType.NGO,
    Role.COUNSELLOR: AgencyType.SHELTER_SHAKTI_SADAN,
    Role.SUPERVISOR: AgencyType.NGO,
    Role.POLICE_OFFICER: AgencyType.AHTU,
    Role.CWC_MEMBER: AgencyType.CWC,
    Role.DCPU_OFFICER: AgencyType.DCPU,
    Role.LEGAL_SERVICES_OFFICER: AgencyType.DLSA,
    Role.DISTRICT_MAGISTRATE: AgencyType.DISTRICT_ADMINISTRATION,
    Role.DISTRICT_OFFICIAL: AgencyType.DISTRICT_ADMINISTRATION,
    Role.STATE_ADMINISTRATOR: AgencyType.STATE_AHT_BUREAU,
    Role.SYSTEM_ADMINISTRATOR: AgencyType.STATE_AHT_BUREAU,
}
STATE_ROLES = {Role.STATE_ADMINISTRATOR, Role.SYSTEM_ADMINISTRATOR}


@pytest.fixture(scope="module")
def demo_world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed", "--demo", stdout=None)
        outsiders = []
        for role, kind in AGENCY_OF_ROLE.items():
            # Karnataka: no demo agency works there.
            agency = (
                make_agency(
                    "IN-KA", type=kind, level=JurisdictionLevel.STATE, name=f"Outside {role}"
                )
                if role in STATE_ROLES
                else make_agency("IN-KA", "Bengaluru Urban", type=kind, name=f"Outside {role}")
            )
            outsiders.append(make_user(f"outsider.{role}", role, agency))
        yield {"outsiders": outsiders}
        transaction.set_rollback(True)


@pytest.fixture
def world(demo_world, db):
    return demo_world
