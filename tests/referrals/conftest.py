"""The referrals world: a sending NGO, a receiving girls' home with a service
in Malda, an unrelated Delhi NGO, and an external (not on Sangam) shelter."""

import pytest

from sangam.core.access import SYSTEM
from sangam.core.roles import Role
from sangam.referrals import workflow
from sangam.referrals.models import Referral
from tests.conftest import district, make_agency, make_service, make_user


@pytest.fixture
def parties(directory):
    malda = district("IN-WB", "Malda")
    ngo = make_agency("IN-WB", "Malda", name="Sender NGO (synthetic)")
    home = make_agency("IN-WB", "Malda", type="shelter_cci", name="Girls home (synthetic)")
    other = make_agency("IN-DL", "South", name="Unrelated NGO (synthetic)")
    return {
        "ngo": ngo,
        "home": home,
        "other": other,
        "sender": make_user("sender", Role.CASEWORKER, ngo),
        "receiver": make_user("receiver", Role.CASEWORKER, home),
        "supervisor": make_user("home.supervisor", Role.SUPERVISOR, home),
        "outsider": make_user("outsider", Role.CASEWORKER, other),
        "internal": make_service(
            "Girls home service", malda, sex="female", ages=(6, 18), beds=2, agency=home
        ),
        "external": make_service("Offline shelter", malda, sex="female", ages=(6, 18), beds=1),
    }


def refer(parties, service="internal", send=True, **fields):
    referral = Referral(
        sender_agency=parties["ngo"],
        service=parties[service],
        person_reference="NGO/2026/0001",
        person_age=15,
        person_sex="female",
        **fields,
    )
    return workflow.create(parties["sender"], referral, send=send)


def move(parties, who, referral, to, **kwargs):
    fresh = Referral.objects.restrict(SYSTEM).get(pk=referral.pk)
    return workflow.transition(parties[who], fresh, to, expected_version=fresh.version, **kwargs)
