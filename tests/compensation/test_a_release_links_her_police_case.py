"""The bonded-labour release links her police case on Sangam (the Bonded
Labour Act case the police registered) when the DM may see it; the proposal
still goes ahead whatever the case's state."""

from datetime import datetime
from zoneinfo import ZoneInfo

from sangam.agencies.models import AgencyType
from sangam.core.roles import Role
from sangam.justice import workflow as justice
from sangam.justice.models import CriminalCase
from sangam.justice.reference import offences_in_force
from tests.compensation.conftest import days_ago, fresh, released
from tests.conftest import make_agency, make_consent, make_survivor, make_user

FIR_AT = datetime(2025, 3, 1, 10, 0, tzinfo=ZoneInfo("Asia/Kolkata"))


def _register(malda, number, victim):
    station = malda.get("station") or make_agency(
        "IN-WB", "Malda", type=AgencyType.POLICE_STATION, name="Kiln Road PS (synthetic)"
    )
    police = malda.get("police") or make_user("police", Role.POLICE_OFFICER, station)
    malda.update(station=station, police=police)
    bonded = [o for o in offences_in_force(FIR_AT.date()) if o.act == "BLSA"][:1]
    return justice.register_fir(
        police,
        CriminalCase(police_station=station, fir_number=number, fir_at=FIR_AT),
        bonded,
        [victim],
    )


def _propose(client, release, **fields):
    special = release.scheme.categories.get(code="special")
    data = {"category": special.pk, "conviction_status": "investigation"}
    data["proposed_on"] = days_ago(1)
    url = f"/compensation/bonded-labour/{release.pk}/step/proposal/"
    return client.post(url, data | fields | {"version": fresh(release).version})


def test_the_proposal_links_her_police_case(malda, client):
    case = _register(malda, "KR-3/2025", malda["survivor"])
    release = released(malda)
    client.force_login(malda["dm"])
    form_page = client.get(f"/compensation/bonded-labour/{release.pk}/step/proposal/")
    assert "KR-3/2025" in form_page.content.decode()
    assert _propose(client, release, criminal_case=case.pk).status_code == 302
    assert fresh(release).criminal_case == case
    page = client.get(f"/compensation/bonded-labour/{release.pk}/").content.decode()
    assert "FIR KR-3/2025" in page and case.get_absolute_url() in page


def test_another_womans_police_case_is_refused(malda, client):
    other, _ = make_survivor(malda["ngo"], malda["worker"], "Other Labourer (synthetic)", "x")
    make_consent(other, malda["ngo"], malda["worker"], AgencyType.DISTRICT_ADMINISTRATION, "legal")
    _register(malda, "KR-3/2025", malda["survivor"])
    not_hers = _register(malda, "KR-4/2025", other)
    release = released(malda)
    client.force_login(malda["dm"])
    page = _propose(client, release, criminal_case=not_hers.pk)
    assert "Choose a police case of hers." in page.content.decode()
    assert fresh(release).criminal_case is None and fresh(release).status == "released"
