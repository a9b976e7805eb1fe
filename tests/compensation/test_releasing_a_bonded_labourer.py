"""The District Magistrate works a release from the inquiry to the final
assistance on the pages: every step recorded with its dates, the amount and
its annuity/DBT split from the case's scheme version, each change kept."""

from sangam.compensation.models import BondedLabourEvent, BondedLabourRelease, ReleaseStatus
from sangam.core.access import SYSTEM
from tests.compensation.conftest import days_ago, fresh, open_release, released


def _post(client, release, step, data):
    url = f"/compensation/bonded-labour/{release.pk}/step/{step}/"
    return client.post(url, {**data, "version": fresh(release).version})


def test_the_dm_opens_a_case_for_a_survivor_she_may_see(malda, client):
    client.force_login(malda["dm"])
    page = client.get("/compensation/bonded-labour/new/").content.decode()
    assert "Rupa Testname" in page and "Mina Hiddenname" not in page
    response = client.post(
        "/compensation/bonded-labour/new/",
        {
            "survivor": malda["survivor"].pk,
            "agency": malda["office"].pk,
            "identified_on": days_ago(10).isoformat(),
            "inquiry_started_on": days_ago(9).isoformat(),
            "place_of_work": "Brick kiln (synthetic)",
            "conviction_status": "no_case",
        },
    )
    release = BondedLabourRelease.objects.restrict(SYSTEM).get()
    assert response.status_code == 302 and response.url == release.get_absolute_url()
    assert release.status == ReleaseStatus.INQUIRY
    assert release.scheme.code == "cssrbl-2021"
    page = client.get(release.get_absolute_url()).content.decode()
    assert "Rupa Testname" in page and "Brick kiln" in page and "up to ₹30,000" in page


def test_each_step_records_its_facts_and_the_history_keeps_every_change(malda, client):
    release = open_release(malda)
    client.force_login(malda["dm"])
    steps = [
        ("prima-facie", {"prima_facie_on": days_ago(25), "prima_facie_order_number": "PF/9"}),
        (
            "certificate",
            {
                "certificate_number": "RC/9",
                "certificate_issued_on": days_ago(24),
                "certificate_officer": "SDM Sadar (synthetic)",
            },
        ),
        (
            "immediate-assistance",
            {"immediate_assistance_amount": 30000, "immediate_assistance_paid_on": days_ago(24)},
        ),
        (
            "proposal",
            {
                "category": fresh(release).scheme.categories.get(code="extreme").pk,
                "conviction_status": "trial",
                "proposed_on": days_ago(20),
            },
        ),
        ("sanction", {"sanctioned_on": days_ago(10), "sanction_order_number": "SO/9"}),
        ("payment", {"dbt_paid_on": days_ago(5), "annuity_deposited_on": days_ago(5)}),
    ]
    for step, data in steps:
        response = _post(client, release, step, data)
        assert response.status_code == 302, (step, response.content.decode()[-2000:])
    done = fresh(release)
    assert done.status == ReleaseStatus.PAID
    assert done.certificate_number == "RC/9"
    assert done.immediate_assistance_amount == 30000
    # Extreme category under 2021: ₹3 lakh, at least ₹2 lakh in an annuity.
    assert (done.assistance_amount, done.annuity_amount, done.dbt_amount) == (
        300000,
        200000,
        100000,
    )
    events = BondedLabourEvent.objects.restrict(SYSTEM).filter(release=release)
    assert [e.to_status for e in events] == [
        "inquiry",
        "prima_facie",
        "released",
        "proposed",
        "sanctioned",
        "paid",
    ]
    page = client.get(done.get_absolute_url()).content.decode()
    assert "₹3,00,000" in page or "₹300,000" in page


def test_the_proposal_goes_ahead_without_a_conviction(malda, client):
    release = released(malda)
    client.force_login(malda["dm"])
    special = release.scheme.categories.get(code="special")
    response = _post(
        client,
        release,
        "proposal",
        {"category": special.pk, "conviction_status": "no_case", "proposed_on": days_ago(1)},
    )
    assert response.status_code == 302
    done = fresh(release)
    assert done.status == ReleaseStatus.PROPOSED
    assert done.conviction_status == "no_case"
    assert (done.annuity_amount, done.dbt_amount) == (125000, 75000)


def test_a_larger_annuity_than_the_minimum_moves_money_out_of_the_dbt_share(malda, client):
    release = released(malda)
    client.force_login(malda["dm"])
    special = release.scheme.categories.get(code="special")
    _post(
        client,
        release,
        "proposal",
        {"category": special.pk, "annuity_amount": 150000, "proposed_on": days_ago(1),
         "conviction_status": "no_case"},
    )  # fmt: skip
    assert (fresh(release).annuity_amount, fresh(release).dbt_amount) == (150000, 50000)


def test_ending_an_inquiry_without_bondage_needs_a_reason(malda, client):
    release = open_release(malda)
    client.force_login(malda["dm"])
    url = f"/compensation/bonded-labour/{release.pk}/transition/"
    client.post(url, {"to": "not_bonded", "reason": "", "version": release.version})
    assert fresh(release).status == ReleaseStatus.INQUIRY
    client.post(url, {"to": "not_bonded", "reason": "Paid wages, free to leave", "version": 1})
    assert fresh(release).status == ReleaseStatus.NOT_BONDED
    assert fresh(release).status_reason == "Paid wages, free to leave"


def test_the_letter_to_a_native_district_in_another_state(malda, client):
    from tests.conftest import district

    release = released(malda)
    client.force_login(malda["dm"])
    same_state = _post(
        client,
        release,
        "native-letter",
        {"native_district": district("IN-WB", "Murshidabad").pk,
         "native_letter_sent_on": days_ago(1)},
    )  # fmt: skip
    assert "another state" in same_state.content.decode()
    ranchi = district("IN-JH", "Ranchi")
    response = _post(
        client,
        release,
        "native-letter",
        {"native_district": ranchi.pk, "native_letter_sent_on": days_ago(1),
         "native_letter_reference": "L/1"},
    )  # fmt: skip
    assert response.status_code == 302
    done = fresh(release)
    assert done.native_in_other_state and done.native_letter_reference == "L/1"
    assert done.status == ReleaseStatus.RELEASED  # a tracked step, not a status
