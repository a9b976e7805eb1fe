"""A rescue: two witnesses, one a woman (ITPA s.15); the persons rescued
linked to or registered as survivors; the production clocks from the
rescue (CWC in 24 hours for a child, the magistrate for an adult, custody
at most 10 days, the social investigation report in 15 days and the CWC's
final order in 4 months), each for the agency that must meet it."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from sangam.cases.models import Case, Survivor
from sangam.core.access import SYSTEM
from sangam.justice import workflow
from sangam.justice.models import Clock, ClockKind, Rescue, RescuedPerson
from tests.justice.conftest import IST

RESCUED_AT = datetime(2025, 3, 1, 22, 0, tzinfo=IST)


def when(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def rescue_form(world, **changes):
    return {
        "lead_agency": world["ahtu"].pk,
        "source": "ngo",
        "at": when(RESCUED_AT),
        "district": world["ahtu"].district_id,
        "place": "Synthetic place",
        "witness_one": "Witness One (synthetic)",
        "witness_one_sex": "female",
        "witness_two": "Witness Two (synthetic)",
        "witness_two_sex": "male",
        "participants": [world["ngo"].pk],
        **changes,
    }


@pytest.fixture
def rescue(world):
    return workflow.record_rescue(
        world["ahtu_officer"],
        Rescue(
            lead_agency=world["ahtu"],
            source=Rescue.Source.NGO,
            at=RESCUED_AT,
            district=world["ahtu"].district,
            place="Synthetic place",
            witness_one="Witness One (synthetic)",
            witness_one_sex="female",
            witness_two="Witness Two (synthetic)",
            witness_two_sex="male",
        ),
        [world["ngo"]],
    )


def clocks(person):
    return {c.kind: c for c in Clock.objects.restrict(SYSTEM).filter(rescued=person)}


def test_an_officer_records_a_rescue_on_the_page(world, client):
    client.force_login(world["ahtu_officer"])
    response = client.post("/justice/rescues/new/", rescue_form(world))
    rescue = Rescue.objects.restrict(SYSTEM).get()
    assert response.url == rescue.get_absolute_url()
    assert list(rescue.participants.all()) == [world["ngo"]]
    assert "Witness One (synthetic)" in client.get(response.url).content.decode()


def test_a_rescue_without_a_woman_witness_is_refused_by_the_field(world, client):
    client.force_login(world["ahtu_officer"])
    response = client.post("/justice/rescues/new/", rescue_form(world, witness_one_sex="male"))
    assert "At least one of the two witnesses must be a woman" in response.content.decode()
    assert not Rescue.objects.restrict(SYSTEM).exists()


def test_a_rescued_girl_of_15_is_registered_and_her_cwc_clock_runs_24_hours(
    world, rescue, client, monkeypatch
):
    monkeypatch.setattr(timezone, "now", lambda: RESCUED_AT + timedelta(hours=2))
    client.force_login(world["ahtu_officer"])
    response = client.post(
        f"/justice/rescues/{rescue.pk}/persons/",
        {"name": "Rescued Girl (synthetic)", "sex": "female", "estimated_age": 15},
    )
    assert response.status_code == 302
    person = RescuedPerson.objects.restrict(SYSTEM).get()
    assert person.is_minor and person.survivor.estimated_age == 15
    # The one engine that registers a survivor opened her case at the AHTU.
    assert Case.objects.restrict(SYSTEM).get(survivor=person.survivor).agency == world["ahtu"]
    cwc = clocks(person)[ClockKind.CWC]
    assert cwc.due_at == RESCUED_AT + timedelta(hours=24)
    assert cwc.responsible == world["ahtu"] and cwc.state() == "at_risk"  # due within a week
    assert ClockKind.MAGISTRATE not in clocks(person)
    page = client.get(rescue.get_absolute_url()).content.decode()
    assert "Rescued child produced before the CWC" in page


def test_production_before_the_cwc_meets_it_and_starts_the_cwcs_own_clocks(
    world, rescue, monkeypatch
):
    monkeypatch.setattr(timezone, "now", lambda: RESCUED_AT + timedelta(days=20))
    person = workflow.add_rescued(
        world["ahtu_officer"],
        rescue,
        estimated_age=15,
        new=Survivor(name="Rescued Girl (synthetic)", sex="female"),
    )
    person.cwc = world["cwc"]
    person.produced_before_cwc_at = RESCUED_AT + timedelta(hours=20)
    workflow.record_production(world["ahtu_officer"], person, expected_version=person.version)
    found = clocks(person)
    assert found[ClockKind.CWC].state() == "met"
    produced = person.produced_before_cwc_at
    assert found[ClockKind.SIR].due_at == produced + timedelta(days=15)
    assert found[ClockKind.SIR].responsible == world["cwc"]
    assert found[ClockKind.SIR].state() == "missed"  # 20 days on, no report
    assert (
        timezone.localtime(found[ClockKind.CWC_ORDER].due_at).date()
        == datetime(2025, 7, 2, tzinfo=IST).date()
    )


def test_an_adult_goes_before_the_magistrate_and_custody_ends_within_10_days(
    world, rescue, monkeypatch
):
    monkeypatch.setattr(timezone, "now", lambda: RESCUED_AT + timedelta(days=12))
    person = workflow.add_rescued(
        world["ahtu_officer"],
        rescue,
        estimated_age=22,
        new=Survivor(name="Rescued Woman (synthetic)", sex="female"),
    )
    assert ClockKind.CWC not in clocks(person)
    person.produced_before_magistrate_at = RESCUED_AT + timedelta(hours=12)
    workflow.record_production(world["ahtu_officer"], person, expected_version=person.version)
    custody = clocks(person)[ClockKind.CUSTODY]
    assert custody.due_at == person.produced_before_magistrate_at + timedelta(days=10)
    assert custody.state() == "missed"  # 12 days and no order recorded
    assert clocks(person)[ClockKind.MAGISTRATE].state() == "met"


def test_the_cwc_records_the_production_of_a_child_produced_before_it(world, rescue, client):
    person = workflow.add_rescued(
        world["ahtu_officer"],
        rescue,
        estimated_age=15,
        new=Survivor(name="Rescued Girl (synthetic)", sex="female"),
    )
    person.cwc = world["cwc"]
    person.produced_before_cwc_at = RESCUED_AT + timedelta(hours=20)
    workflow.record_production(world["ahtu_officer"], person, expected_version=person.version)
    client.force_login(world["cwc_member"])
    assert client.get(rescue.get_absolute_url()).status_code == 200
    response = client.post(
        f"/justice/rescued/{person.pk}/production/",
        {
            f"p{person.pk}-version": person.version,
            f"p{person.pk}-cwc": world["cwc"].pk,
            f"p{person.pk}-produced_before_cwc_at": when(person.produced_before_cwc_at),
            f"p{person.pk}-sir_on": "2025-03-10",
        },
    )
    assert response.status_code == 302
    assert clocks(person)[ClockKind.SIR].state() == "met"


def test_a_production_before_the_rescue_is_refused(world, rescue, client):
    person = workflow.add_rescued(
        world["ahtu_officer"],
        rescue,
        estimated_age=15,
        new=Survivor(name="Rescued Girl (synthetic)", sex="female"),
    )
    client.force_login(world["ahtu_officer"])
    response = client.post(
        f"/justice/rescued/{person.pk}/production/",
        {
            f"p{person.pk}-version": person.version,
            f"p{person.pk}-cwc": world["cwc"].pk,
            f"p{person.pk}-produced_before_cwc_at": when(RESCUED_AT - timedelta(hours=1)),
        },
    )
    assert "This is before the rescue." in response.content.decode()
    person.refresh_from_db()
    assert person.produced_before_cwc_at is None


def test_another_districts_police_and_the_delhi_ngo_get_404(world, rescue, client):
    for user in (world["dl_police"], world["dl_caseworker"], world["caseworker"]):
        client.force_login(user)
        assert client.get(rescue.get_absolute_url()).status_code == (
            404 if user is not world["caseworker"] else 200  # her NGO took part
        )
