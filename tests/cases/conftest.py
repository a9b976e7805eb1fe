"""The case world: a Delhi NGO with a caseworker and a counsellor, the Delhi
CWC and AHTU, a girls' home in Malda, and one survivor (her name in Bengali,
known also in Latin letters) whose case the NGO opened."""

import pytest

from sangam.core.roles import Role
from tests.conftest import make_agency, make_consent, make_survivor, make_user

NAME = "রূপা দাস"  # synthetic
ACCOUNT = "Synthetic account: promised work, taken by train."


@pytest.fixture
def case_world(reference):
    ngo = make_agency("IN-DL", "South", name="Delhi NGO (synthetic)")
    cwc = make_agency("IN-DL", "South", type="cwc", name="Delhi CWC (synthetic)")
    police = make_agency("IN-DL", "South", type="ahtu", name="Delhi AHTU (synthetic)")
    wb_home = make_agency("IN-WB", "Malda", type="shelter_cci", name="Malda home (synthetic)")
    worker = make_user("worker", Role.CASEWORKER, ngo)
    survivor, case = make_survivor(ngo, worker, NAME, ACCOUNT, aliases=["Rupa Das"])
    return {
        "ngo": ngo,
        "wb_home": wb_home,
        "worker": worker,
        "counsellor": make_user("counsellor", Role.COUNSELLOR, ngo),
        "cwc": make_user("cwc", Role.CWC_MEMBER, cwc),
        "police": make_user("police", Role.POLICE_OFFICER, police),
        "wb_worker": make_user("wb.worker", Role.CASEWORKER, wb_home),
        "survivor": survivor,
        "case": case,
    }


def consent_for(world, agency_type, *categories):
    """The survivor's consent, recorded by the NGO, for an agency type to see categories."""
    return make_consent(world["survivor"], world["ngo"], world["worker"], agency_type, *categories)
