"""The matching world: a Malda village with its missing-person register, a
girls' home where rescued girls are registered, the AHTU and CWC who review,
and police of another state who must see nothing."""

from datetime import timedelta

import pytest
from django.utils import timezone

from sangam.cases.models import Category
from sangam.core.roles import Role
from sangam.prevention.models import MissingPerson
from tests.conftest import (
    district,
    make_agency,
    make_consent,
    make_survivor,
    make_user,
    make_village,
)

TODAY = timezone.localdate()


@pytest.fixture
def malda(reference):
    malda = district("IN-WB", "Malda")
    village = make_village(malda, "Kaliachak (synthetic)", "Sujapur (synthetic)")
    shelter = make_agency("IN-WB", "Malda", type="shelter_cci", name="Girls home (synthetic)")
    ahtu = make_agency("IN-WB", "Malda", type="ahtu", name="Malda AHTU (synthetic)")
    cwc = make_agency("IN-WB", "Malda", type="cwc", name="Malda CWC (synthetic)")
    elsewhere = make_agency("IN-DL", "South", type="ahtu", name="Delhi AHTU (synthetic)")
    worker = make_user("shelter.worker", Role.CASEWORKER, shelter)
    return {
        "village": village,
        "shelter": shelter,
        "worker": worker,
        "police": make_user("ahtu.malda", Role.POLICE_OFFICER, ahtu),
        "cwc": make_user("cwc.malda", Role.CWC_MEMBER, cwc),
        "delhi_police": make_user("ahtu.delhi", Role.POLICE_OFFICER, elsewhere),
    }


def missing(village, name, age=14, **fields):
    return MissingPerson.objects.create(
        village=village, register_no=f"R-{name[:5]}", name=name, sex="female", age=age,
        date_missing=TODAY - timedelta(days=400), father_name="", language="ben", **fields,
    )  # fmt: skip


def found(malda, name, age=15, consent=True):
    from sangam.geography.models import State

    survivor, _case = make_survivor(
        malda["shelter"], malda["worker"], name, "Synthetic account.", estimated_age=age,
        age_recorded_on=TODAY, origin_state=State.objects.get(code="IN-WB"),
        origin_district=district("IN-WB", "Malda"), languages="ben",
    )  # fmt: skip
    if consent:
        for kind in ("ahtu", "cwc"):
            make_consent(survivor, malda["shelter"], malda["worker"], kind, Category.IDENTITY)
    return survivor
