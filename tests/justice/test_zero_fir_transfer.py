"""A Zero FIR (registered where she was found, outside the station's
jurisdiction) is sent to the station with jurisdiction, which may be any
of India's police stations: chosen by typing part of its name, never from a
select of them all; the station it is sent to then holds the case."""

import re

import pytest

from sangam.core.access import SYSTEM
from sangam.justice import workflow
from sangam.justice.models import CriminalCase
from tests.justice.conftest import FIR_AT, offences

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def zero_fir(world):
    return workflow.register_fir(
        world["police"],
        CriminalCase(
            police_station=world["station"],
            fir_number="Z-1/2025",
            fir_at=FIR_AT,
            zero_fir=True,
        ),
        offences(FIR_AT.date(), "BNS 143"),
        [world["survivor"]],
    )


def fresh(case):
    return CriminalCase.objects.restrict(SYSTEM).get(pk=case.pk)


def test_the_station_is_typed_not_picked_from_every_station(world, zero_fir, client):
    client.force_login(world["police"])
    page = client.get(zero_fir.get_absolute_url()).content.decode()
    assert f"/justice/cases/{zero_fir.pk}/form/transfer/" in page
    form = client.get(f"/justice/cases/{zero_fir.pk}/form/transfer/", **HTMX).content.decode()
    assert not re.search(r"<select[^>]*transferred_to", form)
    assert 'name="transferred_to"' in form and 'data-pick="/justice/pick/station/"' in form
    response = client.post(
        f"/justice/cases/{zero_fir.pk}/transfer/",
        {
            "version": zero_fir.version,
            "transferred_to": "PS South Delhi (synthetic), South",
            "transferred_on": "2025-03-03",
        },
    )
    assert response.status_code == 302
    assert fresh(zero_fir).transferred_to == world["dl_station"]
    # The station it was sent to now holds it.
    client.force_login(world["dl_police"])
    assert client.get(zero_fir.get_absolute_url()).status_code == 200


def test_a_name_that_matches_no_station_is_answered_by_the_field(world, zero_fir, client):
    client.force_login(world["police"])
    response = client.post(
        f"/justice/cases/{zero_fir.pk}/transfer/",
        {
            "version": zero_fir.version,
            "transferred_to": "No Such Station (synthetic)",
            "transferred_on": "2025-03-03",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "No police station matches “No Such Station (synthetic)”" in html
    assert "<details open><summary>Transfer the Zero FIR</summary>" in html
    assert fresh(zero_fir).transferred_to is None


def test_the_picker_suggests_stations_by_what_she_typed(world, client):
    client.force_login(world["police"])
    options = client.post("/justice/pick/station/", {"q": "south"}).content.decode()
    assert options == '<option value="PS South Delhi (synthetic), South">'
    assert client.post("/justice/pick/station/", {"q": "AHTU"}).content == b""  # not a station
    assert client.get("/justice/pick/station/?q=south").status_code == 405
    client.logout()
    assert client.post("/justice/pick/station/", {"q": "south"}).status_code == 302


def test_only_a_zero_fir_is_transferred(world, case, client):
    client.force_login(world["police"])
    response = client.post(
        f"/justice/cases/{case.pk}/transfer/",
        {
            "version": case.version,
            "transferred_to": world["dl_station"].pk,
            "transferred_on": "2025-03-03",
        },
    )
    # Said on the page, though a case that is not a Zero FIR has no
    # transfer section otherwise.
    assert "Only a Zero FIR is transferred." in response.content.decode()
    assert fresh(case).transferred_to is None
