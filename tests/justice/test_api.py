"""The justice API: the same forms (422 by the field), restrictions (404),
version checks (409) and audit as the pages."""

import pytest

from sangam.accounts.models import APIToken
from sangam.core.access import SYSTEM
from sangam.justice import workflow
from sangam.justice.models import Accused, CriminalCase
from tests.justice.conftest import FIR_AT


@pytest.fixture
def api(client):
    def call(user, method, url, body=None):
        token = APIToken.issue(user, "test")[1]
        return getattr(client, method)(
            "/api/justice" + url,
            body,
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {token}",
        )

    return call


def test_an_fir_is_registered_with_its_sections_and_clocks(world, api):
    response = api(
        world["police"],
        "post",
        "/cases",
        {
            "police_station": world["station"].pk,
            "fir_number": "API-1/2025",
            "fir_at": "2025-03-01T10:00:00+05:30",
            "sections": ["BNS 143"],
        },
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["needs_ahtu"] is True
    assert [s["section"] for s in body["sections"]] == ["BNS 143"]
    assert "victim_informed" in {c["kind"] for c in body["clocks"]}


def test_a_section_not_in_force_is_422_by_the_field(world, api):
    response = api(
        world["police"],
        "post",
        "/cases",
        {
            "police_station": world["station"].pk,
            "fir_number": "API-2/2025",
            "fir_at": "2025-03-01T10:00:00+05:30",
            "sections": ["IPC 370"],
        },
    )
    assert response.status_code == 422
    assert "IPC 370" in response.content.decode()
    assert not CriminalCase.objects.restrict(SYSTEM).exists()


def test_a_stale_version_is_409(world, case, api):
    stale = case.version
    workflow.send_to_ahtu(
        world["police"], case, world["ahtu"], FIR_AT.date(), expected_version=case.version
    )
    response = api(
        world["police"],
        "post",
        f"/cases/{case.pk}/progress",
        {"version": stale, "chargesheet_on": "2025-04-01"},
    )
    assert response.status_code == 409


def test_an_arrest_gives_the_default_bail_date(world, case, api):
    response = api(
        world["police"],
        "post",
        f"/cases/{case.pk}/accused",
        {
            "name": "Accused (synthetic)",
            "role": "recruiter",
            "arrested_at": "2025-03-01T12:00:00+05:30",
        },
    )
    assert response.status_code == 201, response.content
    detail = api(world["police"], "get", f"/cases/{case.pk}").json()
    bail = next(c for c in detail["clocks"] if c["kind"] == "default_bail_long")
    assert bail["due_at"].startswith("2025-05-30T")


def test_the_accused_are_404_to_her_ngo_and_another_district(world, case, api):
    accused = workflow.save_accused(
        world["police"], case, Accused(name="Accused (synthetic)", role="recruiter")
    )
    assert api(world["caseworker"], "get", f"/cases/{case.pk}").status_code == 200
    for user in (world["caseworker"], world["dl_police"]):
        assert api(user, "get", f"/accused/{accused.pk}").status_code == 404
        assert api(user, "get", f"/cases/{case.pk}/accused").status_code == 404
    assert api(world["dl_police"], "get", f"/cases/{case.pk}").status_code == 404
    assert api(world["prosecutor"], "get", f"/accused/{accused.pk}").json()["name"] == (
        "Accused (synthetic)"
    )


def test_a_rescue_without_a_woman_witness_is_422(world, api):
    response = api(
        world["ahtu_officer"],
        "post",
        "/rescues",
        {
            "lead_agency": world["ahtu"].pk,
            "source": "police",
            "at": "2025-03-01T22:00:00+05:30",
            "district": world["ahtu"].district_id,
            "place": "Synthetic",
            "witness_one": "W1 (synthetic)",
            "witness_one_sex": "male",
            "witness_two": "W2 (synthetic)",
            "witness_two_sex": "male",
        },
    )
    assert response.status_code == 422
    assert "witness_two_sex" in response.content.decode()
