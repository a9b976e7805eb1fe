"""The directory world for the exchanges: a girls' home in Malda (beds,
languages) and a Delhi legal aid cell with a weekly schedule."""

import pytest

from sangam.directory import models as m
from tests.conftest import district, make_agency, make_service


@pytest.fixture
def filled(directory):
    malda = district("IN-WB", "Malda")
    agency = make_agency("IN-WB", "Malda", type="shelter_cci", name="Girls home agency (synthetic)")
    make_service(
        "Girls home",
        malda,
        sex="female",
        ages=(6, 18),
        languages=("ben", "hin"),
        beds=3,
        agency=agency,
    )
    make_service(
        "Legal aid cell", district("IN-DL", "South"), terms=("legal-aid", "victim-compensation")
    )
    m.Schedule.objects.create(
        service=m.Service.objects.get(name="Legal aid cell"),
        byday="MO,TU",
        freq="WEEKLY",
        opens_at="10:00",
        closes_at="17:00",
        description="Weekdays",
    )
