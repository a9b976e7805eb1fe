"""The justice figures page, as compensation's: a district official (or a
state administrator) sees her area's figures — the named figures with
their shares, the trials per police station, district or state with the
median days FIR → chargesheet → judgment, the acquittals by reason in
words — and nothing of another district, in the same number of queries
whatever the data. Counts only: no name, FIR number, CNR or court, even of
a trial in camera. Whoever else asks gets 403, and sees no link to it."""

from datetime import date, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sangam.agencies.models import AgencyType
from sangam.core.access import SYSTEM
from sangam.core.roles import Role
from sangam.justice import figures, protection, workflow
from sangam.justice.models import (
    Accused,
    ChargedSection,
    CriminalCase,
    Judgment,
    ProtectionApplication,
    ThreatCategory,
    Trial,
)
from sangam.site.navigation import menu_for
from tests.conftest import make_agency, make_user
from tests.justice.conftest import FIR_AT, IST, offences

URL = "/justice/figures/"
SERIAL = iter(range(1, 10_000))


@pytest.fixture
def area(world):
    """Malda's district official; a second Malda station (English Bazar);
    a station in Murshidabad, another district of the same state; and West
    Bengal's state administrator."""
    office = make_agency(
        "IN-WB",
        "Malda",
        type=AgencyType.DISTRICT_ADMINISTRATION,
        name="DM Office Malda (synthetic)",
    )
    bazar = make_agency(
        "IN-WB", "Malda", type=AgencyType.POLICE_STATION, name="English Bazar PS (synthetic)"
    )
    murshidabad = make_agency(
        "IN-WB", "Murshidabad", type=AgencyType.POLICE_STATION, name="Berhampore PS (synthetic)"
    )
    bureau = make_agency(
        "IN-WB", type=AgencyType.STATE_AHT_BUREAU, name="WB AHT Bureau (synthetic)"
    )
    return {
        **world,
        "bazar": bazar,
        "murshidabad": murshidabad,
        "official": make_user("official", Role.DISTRICT_OFFICIAL, office),
        "state": make_user("state", Role.STATE_ADMINISTRATOR, bureau),
        "bazar_police": make_user("bazar_police", Role.POLICE_OFFICER, bazar),
        "md_police": make_user("md_police", Role.POLICE_OFFICER, murshidabad),
    }


def police_of(area, station):
    return {
        area["station"]: area["police"],
        area["bazar"]: area["bazar_police"],
        area["murshidabad"]: area["md_police"],
        area["dl_station"]: area["dl_police"],
    }[station]


def a_case(
    area,
    station=None,
    *,
    chargesheet=None,
    verdict=None,
    reason="",
    ended=None,
    code="BNS 143",
    accused="A (synthetic)",
):
    """An FIR of 1 March 2025 at ``station`` (Sadar unless said), its
    chargesheet on ``chargesheet`` and, with a ``verdict``, its trial
    ending on ``ended``."""
    station = station or area["station"]
    police = police_of(area, station)
    n = next(SERIAL)
    case = workflow.register_fir(
        police,
        CriminalCase(police_station=station, fir_number=f"FIG-{n}/2025", fir_at=FIR_AT,
                     chargesheet_on=chargesheet),
        offences(FIR_AT.date(), code),
        [],
    )  # fmt: skip
    if verdict is None:
        return case
    suspect = workflow.save_accused(police, case, Accused(name=accused, role="buyer"))
    trial = workflow.record_trial(
        police, case,
        Trial(court="Sessions Court Figures (synthetic)", court_kind="sessions",
              cnr=f"WBMD01{n:06d}2025", court_district=station.district,
              charges_framed_on=chargesheet + timedelta(days=7)),
    )  # fmt: skip
    section = ChargedSection.objects.restrict(SYSTEM).get(case=case)
    workflow.record_judgment(
        police, trial,
        Judgment(accused=suspect, section=section, on=ended, verdict=verdict,
                 acquittal_reason=reason,
                 sentence="RI (synthetic)" if verdict == "convicted" else ""),
        expected_version=trial.version,
    )  # fmt: skip
    return case


def known_data(area):
    """At Sadar: FIR → chargesheet in 31, 61, 91 and 9 days; three trials
    completed 275, 365 and 457 days after the FIR (244, 304 and 366 days
    after the chargesheet), one convicted; an FIR without a chargesheet."""
    a_case(area, chargesheet=date(2025, 4, 1), verdict="convicted", ended=date(2025, 12, 1))
    a_case(area, chargesheet=date(2025, 5, 1), verdict="acquitted", reason="witness_hostile",
           ended=date(2026, 3, 1))  # fmt: skip
    a_case(area, chargesheet=date(2025, 5, 31), verdict="acquitted", reason="compromise",
           ended=date(2026, 6, 1))  # fmt: skip
    a_case(area, chargesheet=date(2025, 3, 10))
    a_case(area)


def figure(page, name):
    return next(f for f in page.context["figures"] if f["name"] == name)


def test_the_medians_fir_to_chargesheet_to_judgment_on_known_data(area):
    known_data(area)
    station = area["station"]
    row = figures.court_table(figures.in_area(station, "police_station__"), "id")[station.pk]
    assert row["median_days_fir_to_chargesheet"] == (31 + 61) / 2  # of 9, 31, 61, 91
    assert row["median_days_chargesheet_to_judgment"] == 304  # of 244, 304, 366
    assert row["median_days_fir_to_judgment"] == 365  # of 275, 365, 457
    assert (row["completed"], row["convicted"], row["conviction_rate"]) == (3, 1, 33.3)
    assert row["acquittals"] == {"witness_hostile": 1, "compromise": 1}


def test_the_fir_date_is_the_day_in_india(area):
    """An FIR at 01:30 IST on 2 March is 20:00 UTC on 1 March: the days
    run from 2 March."""
    late = datetime(2025, 3, 2, 1, 30, tzinfo=IST)
    case = workflow.register_fir(
        area["police"],
        CriminalCase(police_station=area["station"], fir_number="NIGHT-1", fir_at=late,
                     chargesheet_on=date(2025, 3, 12)),
        offences(late.date(), "BNS 143"),
        [],
    )  # fmt: skip
    rows = figures.court_table(figures.in_area(area["station"], "police_station__"), "id")
    assert rows[case.police_station_id]["median_days_fir_to_chargesheet"] == 10


def test_a_district_official_sees_her_district_only_per_police_station(area, client):
    known_data(area)
    a_case(area, area["bazar"], chargesheet=date(2025, 4, 1), verdict="acquitted",
           reason="benefit_of_doubt", ended=date(2026, 3, 1))  # fmt: skip
    # Another district of the same state, and another state: not hers.
    a_case(area, area["murshidabad"], chargesheet=date(2025, 4, 1), verdict="convicted",
           ended=date(2026, 3, 1))  # fmt: skip
    a_case(area, area["dl_station"], chargesheet=date(2025, 4, 1))
    client.force_login(area["official"])
    page = client.get(URL)
    assert page.status_code == 200
    assert page.context["by"] == "police_station"
    assert figure(page, "justice.firs")["count"] == 6  # 5 at Sadar, 1 at English Bazar
    assert figure(page, "justice.trials_completed")["count"] == 4
    convicted = figure(page, "justice.cases_convicted")
    assert (convicted["count"], convicted["of"], convicted["per_cent"]) == (1, 4, 25.0)
    trafficking = figure(page, "justice.firs_trafficking")
    assert (trafficking["count"], trafficking["of"], trafficking["per_cent"]) == (6, 6, 100.0)
    rows = {str(place): row for place, row, _reasons in page.context["table"]}
    assert set(rows) == {"Sadar PS (synthetic)", "English Bazar PS (synthetic)"}
    assert rows["Sadar PS (synthetic)"]["completed"] == 3
    assert rows["English Bazar PS (synthetic)"]["completed"] == 1
    assert rows["English Bazar PS (synthetic)"]["median_days_fir_to_chargesheet"] == 31
    html = page.content.decode()
    assert "English Bazar PS (synthetic)" in html
    assert "Berhampore" not in html and "South Delhi" not in html
    # The NCRB definition stands beside the rate.
    assert "divided by the cases in which the trial was completed" in html
    # She may not ask for another split than her district's stations.
    assert client.get(URL + "?by=state").context["by"] == "police_station"


def test_a_state_administrator_sees_her_state_per_district_or_station(area, client):
    a_case(area, chargesheet=date(2025, 4, 1), verdict="convicted", ended=date(2025, 12, 1))
    a_case(area, area["murshidabad"], chargesheet=date(2025, 5, 1), verdict="acquitted",
           reason="witness_hostile", ended=date(2026, 3, 1))  # fmt: skip
    a_case(area, area["dl_station"], chargesheet=date(2025, 4, 1))
    client.force_login(area["state"])
    page = client.get(URL)
    assert page.context["by"] == "district"
    assert {str(p) for p, _r, _x in page.context["table"]} == {"Malda", "Murshidabad"}
    assert figure(page, "justice.firs")["count"] == 2
    stations = client.get(URL + "?by=police_station")
    assert {str(p) for p, _r, _x in stations.context["table"]} == {
        "Sadar PS (synthetic)",
        "Berhampore PS (synthetic)",
    }


def test_acquittal_reasons_are_shown_in_words_never_as_codes(area, client):
    known_data(area)
    a_case(area, area["bazar"], chargesheet=date(2025, 4, 1), verdict="acquitted",
           reason="witness_hostile", ended=date(2026, 3, 1))  # fmt: skip
    client.force_login(area["official"])
    page = client.get(URL)
    assert [(str(label), n) for label, n in page.context["acquittals"]] == [
        ("Witness turned hostile", 2),
        ("Compromise", 1),
    ]
    html = page.content.decode()
    assert "Witness turned hostile" in html and "Compromise: 1" in html
    assert "witness_hostile" not in html and "compromise" not in html


def test_witness_protection_applications_decided_and_ordered_are_counted(area, client):
    case = a_case(area, chargesheet=date(2025, 4, 1))
    committee_office = make_agency(
        "IN-WB", "Malda", type=AgencyType.PROTECTION_COMMITTEE, name="WPC Malda (synthetic)"
    )
    committee = make_user("committee", Role.PROTECTION_COMMITTEE, committee_office)
    case.victims.add(area["survivor"])
    applied = date(2025, 4, 3)
    decided, waiting = (
        protection.apply(
            area["caseworker"],
            ProtectionApplication(
                case=case,
                survivor=area["survivor"],
                witness="survivor",
                witness_name="Test Survivor (synthetic)",
                filed_by=area["ngo"],
                through="direct",
                applied_on=applied,
                category_sought=ThreatCategory.A,
            ),
        )  # fmt: skip
        for _ in range(2)
    )
    decided.threat_report_on, decided.category_found = applied + timedelta(days=2), "A"
    decided.threat_report = "Synthetic."
    protection.report_threat(area["police"], decided, expected_version=decided.version)
    decided.decided_on, decided.order_reference = applied + timedelta(days=4), "WPC-F-1"
    decided.measures, decided.review_on = ["escort"], date(2025, 6, 1)
    protection.decide(committee, decided, True, expected_version=decided.version)
    client.force_login(area["official"])
    page = client.get(URL)
    assert figure(page, "justice.protection_applications")["count"] == 2
    decisions = figure(page, "justice.protection_decided")
    assert (decisions["count"], decisions["of"], decisions["per_cent"]) == (1, 2, 50.0)
    assert figure(page, "justice.protection_ordered")["count"] == 1
    assert "Witness protection applications" in page.content.decode()
    assert waiting.status == "applied"


def test_an_in_camera_trial_is_counted_and_nothing_identifies_it(area, client):
    case = a_case(area, chargesheet=date(2025, 4, 1), verdict="convicted",
                  ended=date(2025, 12, 1), code="POCSO 4",
                  accused="Accused Incamera (synthetic)")  # fmt: skip
    case.victims.add(area["survivor"])
    trial = Trial.objects.restrict(SYSTEM).get(case=case)
    assert trial.in_camera is True
    client.force_login(area["official"])
    page = client.get(URL)
    assert figure(page, "justice.cases_convicted")["count"] == 1
    html = page.content.decode()
    for identifying in (case.fir_number, trial.cnr, trial.court, "Accused Incamera",
                        "Test Survivor"):  # fmt: skip
        assert identifying not in html


def _queries(client):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(URL).status_code == 200
    return len(captured)


def test_the_page_queries_the_same_whatever_the_data(area, client):
    a_case(area, chargesheet=date(2025, 4, 1), verdict="convicted", ended=date(2025, 12, 1))
    client.force_login(area["official"])
    _queries(client)  # the session and the translations settle
    before = _queries(client)
    known_data(area)
    for station in (area["bazar"], area["station"]):
        a_case(area, station, chargesheet=date(2025, 4, 1), verdict="acquitted",
               reason="procedural_lapse", ended=date(2026, 1, 1))  # fmt: skip
    a_case(area, area["murshidabad"], chargesheet=date(2025, 4, 1))
    assert _queries(client) == before
    assert len(client.get(URL).context["table"]) == 2


@pytest.mark.parametrize(
    "who", ["police", "prosecutor", "caseworker", "legal", "cwc_member", "dl_police"]
)
def test_a_role_without_figures_gets_403_and_no_link(area, client, who):
    user = area[who]
    client.force_login(user)
    assert client.get(URL).status_code == 403
    assert URL not in [url for _label, url in menu_for(user)]


def test_a_district_magistrate_gets_403_as_on_compensations_page(area, client):
    office = make_agency("IN-WB", "Malda", type=AgencyType.DISTRICT_ADMINISTRATION, name="DM (s)")
    dm = make_user("dm", Role.DISTRICT_MAGISTRATE, office)
    client.force_login(dm)
    assert client.get(URL).status_code == 403
    assert client.get("/compensation/figures/").status_code == 403
    assert URL not in [url for _label, url in menu_for(dm)]


@pytest.mark.parametrize("who", ["official", "state"])
def test_the_menu_links_the_page_for_whoever_opens_it(area, client, who):
    user = area[who]
    assert URL in [url for _label, url in menu_for(user)]
    client.force_login(user)
    assert client.get(URL).status_code == 200


def test_someone_not_signed_in_is_sent_to_sign_in(client, area):
    response = client.get(URL)
    assert response.status_code == 302 and "login" in response["Location"]


def test_a_hindi_reader_reads_the_page_and_the_ncrb_definition_in_hindi(area, client):
    known_data(area)
    official = area["official"]
    official.language = "hi"
    official.save(update_fields=["language"])
    client.force_login(official)
    html = client.get(URL).content.decode()
    assert "न्याय के आँकड़े" in html and "थानेवार मुक़दमे" in html
    assert "3 में से 33.3%" in html  # cases convicted of the trials completed
    assert "जिनमें मुक़दमा पूरा हुआ, दर्ज मामलों से नहीं" in html
    assert "गवाह मुकर गया: 1" in html
    assert "Conviction rate as NCRB" not in html


def test_adjournments_and_those_the_prosecution_asked_for_are_counted(area, client):
    from sangam.justice.models import Hearing

    def hearings(station, *outcomes):
        case = a_case(area, station, chargesheet=date(2025, 4, 1), verdict="convicted",
                      ended=date(2026, 1, 5))  # fmt: skip
        trial = Trial.objects.restrict(SYSTEM).get(case=case)
        for i, (outcome, asked_by) in enumerate(outcomes):
            trial.refresh_from_db()
            workflow.add_hearing(
                police_of(area, station), trial,
                Hearing(on=date(2025, 6, 1) + timedelta(days=30 * i), purpose="evidence",
                        outcome=outcome, asked_by=asked_by),
                expected_version=trial.version,
            )  # fmt: skip

    hearings(area["station"], ("held", ""), ("adjourned", "prosecution"), ("adjourned", "defence"),
             ("adjourned", "prosecution"))  # fmt: skip
    hearings(area["murshidabad"], ("adjourned", "prosecution"))
    client.force_login(area["official"])
    page = client.get(URL)
    held = figure(page, "justice.hearings")
    adjourned = figure(page, "justice.hearings_adjourned")
    asked = figure(page, "justice.hearings_adjourned_prosecution")
    assert held["count"] == 4  # Murshidabad's is not Malda's
    assert (adjourned["count"], adjourned["of"], adjourned["per_cent"]) == (3, 4, 75.0)
    assert (asked["count"], asked["of"]) == (2, 3)
    assert "Hearings adjourned at the prosecution" in page.content.decode()
