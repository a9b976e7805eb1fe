"""Told once: a claim opened from her case takes the FIR, its date, the
police station and the sections from her police case on Sangam, as far as
her consent lets the caseworker see it; the claim's page and its PDF name
the agencies involved."""

import io
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader

from sangam.agencies.models import AgencyType
from sangam.compensation.models import Claim
from sangam.core.access import SYSTEM
from sangam.core.roles import Role
from sangam.justice import workflow as justice
from sangam.justice.models import CriminalCase
from sangam.justice.reference import offences_in_force
from tests.conftest import make_agency, make_consent, make_survivor, make_user

FIR_AT = datetime(2025, 3, 1, 10, 0, tzinfo=ZoneInfo("Asia/Kolkata"))


def _register(police, station, number, victim, *codes):
    found = {f"{o.act} {o.section}": o for o in offences_in_force(FIR_AT.date())}
    return justice.register_fir(
        police,
        CriminalCase(police_station=station, fir_number=number, fir_at=FIR_AT),
        [found[c] for c in codes],
        [victim],
    )


@pytest.fixture
def police_case(world):
    station = make_agency(
        "IN-WB", "Malda", type=AgencyType.POLICE_STATION, name="Englishbazar PS (synthetic)"
    )
    police = make_user("police", Role.POLICE_OFFICER, station)
    world.update(station=station, police=police)
    return _register(police, station, "EB-7/2025", world["survivor"], "BNS 143", "ITPA 5")


def _consent_to_her_ngo(world):
    make_consent(world["survivor"], world["ngo"], world["worker"], AgencyType.NGO, "legal")


def _post(world, client, **fields):
    rape = world["nalsa"].harms.get(code="rape")
    data = {
        "serving_agency": world["ngo"].pk,
        "route": "own",
        "authority": world["dlsa"].pk,
        "basis": "offence",
        "age_at_application": 16,
        "trafficking": "on",
        "harms": [rape.pk],
    }
    return client.post(f"/compensation/new/{world['case'].pk}/", data | fields)


def test_the_fir_comes_from_her_police_case_not_from_typing(world, client, police_case):
    _consent_to_her_ngo(world)
    client.force_login(world["worker"])
    page = client.get(f"/compensation/new/{world['case'].pk}/")
    initial = page.context["form"].initial
    assert initial["criminal_case"] == police_case.pk
    assert initial["fir_number"] == "EB-7/2025"
    assert initial["sections"] == "BNS 143, ITPA 5"
    assert "nothing to type" in page.content.decode()

    # A mistyped FIR number loses to the one her police case records.
    response = _post(world, client, criminal_case=police_case.pk, fir_number="WRONG-1")
    assert response.status_code == 302
    claim = Claim.objects.restrict(SYSTEM).get()
    assert claim.criminal_case == police_case
    # The number stays on her police case only (never a second copy of it).
    assert claim.fir_number == "" and claim.fir_date == FIR_AT.date()
    assert claim.police_station == "Englishbazar PS (synthetic)"
    assert claim.sections == "BNS 143, ITPA 5"
    page = client.get(f"/compensation/{claim.pk}/").content.decode()
    assert "EB-7/2025" in page and "WRONG-1" not in page


def test_without_her_legal_consent_the_caseworker_sees_no_police_case(world, client, police_case):
    client.force_login(world["worker"])
    page = client.get(f"/compensation/new/{world['case'].pk}/")
    assert "criminal_case" not in page.context["form"].fields
    assert "EB-7/2025" not in page.content.decode()
    # Posting its id anyway links nothing.
    assert _post(world, client, criminal_case=police_case.pk).status_code == 302
    claim = Claim.objects.restrict(SYSTEM).get()
    assert claim.criminal_case is None and claim.fir_number == ""


def test_another_womans_police_case_is_refused_by_the_field(world, client, police_case):
    _consent_to_her_ngo(world)
    other, _ = make_survivor(world["ngo"], world["worker"], "Other Survivor (synthetic)", "x")
    make_consent(other, world["ngo"], world["worker"], AgencyType.NGO, "legal")
    hers_not = _register(world["police"], world["station"], "EB-9/2025", other, "BNS 143")
    client.force_login(world["worker"])
    page = _post(world, client, criminal_case=hers_not.pk)
    assert "Choose a police case of hers." in page.content.decode()
    assert not Claim.objects.restrict(SYSTEM).exists()


def test_the_claim_page_and_its_pdf_name_the_agencies_involved(world, client, police_case):
    _consent_to_her_ngo(world)
    client.force_login(world["worker"])
    _post(world, client, criminal_case=police_case.pk)
    claim = Claim.objects.restrict(SYSTEM).get()
    page = client.get(f"/compensation/{claim.pk}/").content.decode()
    assert "Englishbazar PS (synthetic)" in page and "Malda NGO (synthetic)" in page
    assert "BNS 143, ITPA 5" in page
    pdf = client.get(f"/compensation/{claim.pk}/application.pdf?lang=en")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Agencies involved" in text and "Englishbazar PS" in text
    assert "EB-7/2025" in text and "BNS 143, ITPA 5" in text


def test_the_api_takes_her_police_case_by_default(world, client, police_case):
    from sangam.accounts.models import APIToken

    _consent_to_her_ngo(world)
    _token, secret = APIToken.issue(world["worker"], "test")
    response = client.post(
        "/api/compensation/claims",
        {"case_id": world["case"].pk, "authority_id": world["dlsa"].pk},
        content_type="application/json",
        headers={"authorization": f"Bearer {secret}"},
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["criminal_case_id"] == police_case.pk
    assert body["fir_number"] == "EB-7/2025" and body["sections"] == "BNS 143, ITPA 5"


def test_an_authority_that_may_not_see_her_police_case_is_told_where_the_fir_is(
    world, client, police_case
):
    from sangam.compensation import workflow

    _consent_to_her_ngo(world)
    client.force_login(world["worker"])
    _post(world, client, criminal_case=police_case.pk)
    claim = Claim.objects.restrict(SYSTEM).get()
    # Handed over to Delhi, where she lives now: the Malda police case stays in Malda.
    make_consent(world["survivor"], world["ngo"], world["worker"], AgencyType.DLSA, "identity")
    workflow.hand_over(
        world["officer"], claim, world["delhi"], "She lives in Delhi now.",
        expected_version=claim.version,
    )  # fmt: skip
    client.force_login(world["delhi_officer"])
    page = client.get(f"/compensation/{claim.pk}/")
    assert page.status_code == 200
    body = page.content.decode()
    assert "EB-7/2025" not in body
    assert "on her police case, which your agency may not see" in body
