"""The people world: a West Bengal state bureau with its state administrator;
in Malda an NGO with its agency administrator, a caseworker, a supervisor
and a district official who also works there, and a police station next
door; an NGO in South Delhi (another state)."""

import pytest

from sangam.agencies.models import AgencyType, Membership
from sangam.core.roles import Role
from tests.conftest import make_agency, make_user


@pytest.fixture
def world(reference):
    bureau = make_agency("IN-WB", type=AgencyType.STATE_AHT_BUREAU, name="WB bureau (synthetic)")
    ngo = make_agency("IN-WB", "Malda", name="Malda NGO (synthetic)")
    station = make_agency(
        "IN-WB", "Malda", type=AgencyType.POLICE_STATION, name="Malda station (synthetic)"
    )
    dm_office = make_agency(
        "IN-WB", "Malda", type=AgencyType.DISTRICT_ADMINISTRATION, name="Malda DM (synthetic)"
    )
    delhi = make_agency("IN-DL", "South", name="Delhi NGO (synthetic)")
    official = make_user("district.malda", Role.DISTRICT_OFFICIAL, dm_office)
    Membership.objects.create(user=official, agency=ngo, role=Role.CASEWORKER)
    return {
        "bureau": bureau,
        "ngo": ngo,
        "station": station,
        "delhi": delhi,
        "state_admin": make_user("state.wb", Role.STATE_ADMINISTRATOR, bureau),
        "admin": make_user("admin.malda", Role.AGENCY_ADMINISTRATOR, ngo),
        "worker": make_user("worker.malda", Role.CASEWORKER, ngo),
        "supervisor": make_user("supervisor.malda", Role.SUPERVISOR, ngo),
        "official": official,
        "police": make_user("police.malda", Role.POLICE_OFFICER, station),
        "delhi_worker": make_user("worker.delhi", Role.CASEWORKER, delhi),
    }
