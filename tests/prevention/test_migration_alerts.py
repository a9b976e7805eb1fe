"""Someone leaves with an agent: the household's risk rises, check-ins are
due, a missed one raises an alert that climbs CRP → block → AHTU, and an
alert becomes a missing-person report filled from the registers."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from sangam.core.access import SYSTEM
from sangam.prevention.models import Alert, Household, Member, Migration, MissingPerson
from sangam.prevention.workflow import run_checkins
from tests.conftest import make_household

TODAY = timezone.localdate()


@pytest.fixture
def daughter(jharkhand):
    household = make_household(jharkhand["village"], jharkhand["crp"], code="K-9")
    member = Member.objects.create(
        household=household, serial=2, name="Daughter Testname (synthetic)",
        relation="daughter", sex="female", birth_year=TODAY.year - 17,
    )  # fmt: skip
    return household, member


def leave(client, household, member, days_ago, **extra):
    return client.post(
        f"/prevention/households/{household.pk}/left/",
        {
            "member": member.pk,
            "register_no": "MIG-1",
            "left_on": (TODAY - timedelta(days=days_ago)).isoformat(),
            "destination_state": _state_pk("IN-DL"),
            "destination_place": "Delhi",
            "work": "Domestic work",
            "agent_name": "Agent Testname (synthetic)",
            "agent_phone": "+91 90000 00000",
            "checkin_every_days": "30",
            **extra,
        },
    )


def _state_pk(code):
    from sangam.geography.models import State

    return State.objects.get(code=code).pk


def test_it_records_a_departure_and_raises_the_households_risk(client, jharkhand, daughter):
    household, member = daughter
    client.force_login(jharkhand["crp"])
    response = leave(client, household, member, days_ago=3)
    assert response.status_code == 302
    migration = Migration.objects.restrict(SYSTEM).get()
    assert migration.next_checkin_due == TODAY - timedelta(days=3) + timedelta(days=30)
    household.refresh_from_db()
    assert household.member_left_with_agent and household.score == 7
    assert Member.objects.restrict(SYSTEM).get(pk=member.pk).is_away


def test_it_refuses_a_departure_before_birth_or_in_the_future(client, jharkhand, daughter):
    household, member = daughter
    client.force_login(jharkhand["crp"])
    page = leave(client, household, member, days_ago=20 * 365).content.decode()
    assert "before the person was born" in page
    page = leave(client, household, member, days_ago=-5).content.decode()
    assert "This date is in the future." in page
    assert not Migration.objects.restrict(SYSTEM).exists()


def test_a_missed_checkin_climbs_to_the_block_then_the_ahtu(client, jharkhand, daughter):
    household, member = daughter
    client.force_login(jharkhand["crp"])
    leave(client, household, member, days_ago=31)
    assert run_checkins(TODAY) == (1, 0, 0)
    assert run_checkins(TODAY) == (0, 0, 0)  # one open alert, not one a day
    alert = Alert.objects.restrict(SYSTEM).get()
    assert (alert.level, alert.reason) == ("crp", "missed_checkin")
    # Police see only what reached the AHTU.
    client.force_login(jharkhand["police"])
    assert "Daughter Testname" not in client.get("/prevention/alerts/").content.decode()

    mail.outbox.clear()
    assert run_checkins(TODAY + timedelta(days=7)) == (0, 1, 0)
    alert.refresh_from_db()
    assert alert.level == "block"
    client.force_login(jharkhand["supervisor"])
    assert "Daughter Testname" in client.get("/prevention/alerts/").content.decode()

    call_command(
        "prevention", "checkins", "--date", (TODAY + timedelta(days=14)).isoformat(), stdout=None
    )
    alert.refresh_from_db()
    assert alert.level == "ahtu"
    client.force_login(jharkhand["police"])
    assert "Daughter Testname" in client.get("/prevention/alerts/").content.decode()
    for message in mail.outbox:
        assert "Testname" not in message.body + message.subject  # never names by e-mail


def test_a_checkin_that_reaches_her_closes_the_alert(client, jharkhand, daughter):
    household, member = daughter
    client.force_login(jharkhand["crp"])
    leave(client, household, member, days_ago=40)
    run_checkins(TODAY)
    migration = Migration.objects.restrict(SYSTEM).get()
    client.post(
        f"/prevention/migrations/{migration.pk}/",
        {"reached": "yes", "on": TODAY.isoformat(), "note": "Working, paid"},
    )
    migration.refresh_from_db()
    assert migration.next_checkin_due == TODAY + timedelta(days=30)
    assert Alert.objects.restrict(SYSTEM).get().status == "resolved"


def test_not_reachable_raises_an_alert_at_once(client, jharkhand, daughter):
    household, member = daughter
    client.force_login(jharkhand["crp"])
    leave(client, household, member, days_ago=2)
    migration = Migration.objects.restrict(SYSTEM).get()
    client.post(f"/prevention/migrations/{migration.pk}/", {"reached": "no", "on": TODAY})
    alert = Alert.objects.restrict(SYSTEM).get()
    assert (alert.reason, alert.level) == ("not_reachable", "crp")
    assert run_checkins(TODAY + timedelta(days=7)) == (0, 1, 0)


def test_an_alert_becomes_a_missing_person_report(client, jharkhand, daughter):
    household, member = daughter
    client.force_login(jharkhand["crp"])
    leave(client, household, member, days_ago=45)
    run_checkins(TODAY)
    alert = Alert.objects.restrict(SYSTEM).get()
    client.force_login(jharkhand["supervisor"])
    response = client.post(f"/prevention/alerts/{alert.pk}/report-missing/")
    person = MissingPerson.objects.restrict(SYSTEM).get()
    assert response["Location"] == f"/prevention/missing/{person.pk}/"
    assert person.name == "Daughter Testname (synthetic)"
    assert person.father_name == "Head Testname (synthetic)"
    assert person.date_missing == TODAY - timedelta(days=45)
    assert person.age == 17 - (TODAY.year - person.date_missing.year)
    assert "Delhi" in person.circumstances and "Agent Testname" in person.circumstances
    alert.refresh_from_db()
    assert alert.status == "reported_missing" and alert.missing_person == person
    household = Household.objects.restrict(SYSTEM).get(pk=household.pk)
    assert household.member_missing
    # Police add the complaint; a complaint before the disappearance is refused.
    client.force_login(jharkhand["police"])
    bad = client.post(
        f"/prevention/missing/{person.pk}/",
        {
            "register_no": person.register_no,
            "name": person.name,
            "sex": "female",
            "date_missing": person.date_missing.isoformat(),
            "complaint_filed": "on",
            "police_station": "Sisai PS",
            "complaint_date": "2000-01-01",
            "status": "missing",
            "version": person.version,
        },  # fmt: skip
    )
    assert "cannot be before" in bad.content.decode()
