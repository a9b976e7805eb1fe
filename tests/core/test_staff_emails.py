"""Staff e-mails (reminders, escalations) reach each person in the language
she reads Sangam in, carry counts and a link only, and escalate on the
schedule the deployment sets."""

import os
import subprocess
import sys
from datetime import timedelta

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import timezone

from sangam.accounts.models import User
from sangam.core.access import SYSTEM
from sangam.core.roles import Role
from sangam.directory.models import Service
from sangam.directory.stale import notify_stale
from sangam.geography.models import State
from sangam.prevention.models import Member
from sangam.prevention.workflow import run_checkins
from sangam.referrals import workflow
from sangam.referrals.models import Referral
from sangam.referrals.reminders import escalate_overdue, remind_external
from tests.conftest import district, make_agency, make_household, make_service, make_user

TODAY = timezone.localdate()


def speaks_hindi(user):
    User.objects.restrict(SYSTEM).filter(pk=user.pk).update(language="hi")


@pytest.fixture
def parties(directory):
    malda = district("IN-WB", "Malda")
    ngo = make_agency("IN-WB", "Malda", name="Sender NGO (synthetic)")
    home = make_agency("IN-WB", "Malda", type="shelter_cci", name="Girls home (synthetic)")
    return {
        "sender": make_user("sender", Role.CASEWORKER, ngo),
        "hindi": make_user("home.supervisor", Role.SUPERVISOR, home),
        "english": make_user("home.deputy", Role.SUPERVISOR, home),
        "ngo": ngo,
        "internal": make_service("Girls home service", malda, sex="female", beds=2, agency=home),
        "external": make_service("Offline shelter", malda, sex="female", beds=1),
    }


def refer(parties, service):
    referral = Referral(
        sender_agency=parties["ngo"],
        service=parties[service],
        person_reference="NGO/2026/0001",
        person_age=15,
        person_sex="female",
    )
    return workflow.create(parties["sender"], referral, send=True)


def by_recipient():
    return {m.to[0].split("@")[0]: m for m in mail.outbox}


def test_a_hindi_supervisors_overdue_referral_reminder_is_in_hindi(parties):
    speaks_hindi(parties["hindi"])
    referral = refer(parties, "internal")
    escalate_overdue(now=referral.due_at + timedelta(minutes=1))
    messages = by_recipient()
    hindi, english = messages["home.supervisor"], messages["home.deputy"]
    assert "रेफ़रल" in hindi.subject and "कृपया सुनिश्चित करें" in hindi.body
    assert "overdue" not in hindi.subject
    assert "is overdue" in english.subject and "Please make sure it is answered" in english.body
    for message in (hindi, english):
        assert f"/referrals/{referral.pk}/" in message.body
        assert "NGO/2026/0001" not in message.body + message.subject


def test_a_hindi_senders_follow_up_reminder_is_in_hindi(parties):
    speaks_hindi(parties["sender"])
    referral = refer(parties, "external")
    remind_external(now=timezone.now() + timedelta(days=8))
    (message,) = mail.outbox
    assert "कृपया उन्हें फ़ोन करें" in message.body and "Please call" not in message.body
    assert f"/referrals/{referral.pk}/" in message.body


def test_a_hindi_district_official_hears_of_stale_entries_in_hindi(directory):
    malda = district("IN-WB", "Malda")
    make_service("Girls home", malda, sex="female", beds=1)
    Service.objects.update(assured_date=TODAY - timedelta(days=400))
    dm = make_agency("IN-WB", "Malda", type="district_administration", name="DM (synthetic)")
    speaks_hindi(make_user("malda.official", Role.DISTRICT_OFFICIAL, dm))
    notify_stale()
    (message,) = mail.outbox
    assert "सत्यापित" in message.subject and "कृपया उन्हें सत्यापित करें" in message.body
    assert "/directory/" in message.body


def _missed_checkin_days_ago(client, jharkhand, days):
    """A daughter who left with an agent, her check-in missed ``days`` ago."""
    household = make_household(jharkhand["village"], jharkhand["crp"], code="K-9")
    member = Member.objects.create(
        household=household, serial=2, name="Daughter Testname (synthetic)",
        relation="daughter", sex="female", birth_year=TODAY.year - 17,
    )  # fmt: skip
    client.force_login(jharkhand["crp"])
    response = client.post(
        f"/prevention/households/{household.pk}/left/",
        {
            "member": member.pk,
            "register_no": "MIG-1",
            "left_on": (TODAY - timedelta(days=30 + days)).isoformat(),
            "destination_state": State.objects.get(code="IN-DL").pk,
            "destination_place": "Delhi",
            "agent_name": "Agent Testname (synthetic)",
            "checkin_every_days": "30",
        },
    )
    assert response.status_code == 302


def test_alerts_escalate_after_the_days_the_deployment_sets(client, jharkhand):
    _missed_checkin_days_ago(client, jharkhand, days=3)
    assert run_checkins(TODAY, notify=False) == (1, 0, 0)
    assert run_checkins(TODAY, notify=False) == (0, 0, 0)  # not yet 7 days
    with override_settings(SANGAM_ESCALATE_AFTER_DAYS=(2, 5)):
        # Three days out of touch: past this deployment's limit for the block.
        assert run_checkins(TODAY, notify=False) == (0, 1, 0)
    with override_settings(SANGAM_ESCALATE_AFTER_DAYS=(2, 3)):
        assert run_checkins(TODAY, notify=False) == (0, 0, 1)


def test_a_hindi_block_supervisor_hears_of_escalated_alerts_in_hindi(client, jharkhand):
    speaks_hindi(jharkhand["supervisor"])
    _missed_checkin_days_ago(client, jharkhand, days=8)
    run_checkins(TODAY)
    (message,) = mail.outbox
    assert message.to == [jharkhand["supervisor"].email]
    assert "संगम" in message.subject and "/prevention/alerts/" in message.body
    assert "Testname" not in message.subject + message.body


def test_the_escalation_days_are_read_from_the_environment():
    shown = subprocess.run(
        [
            sys.executable,
            "-c",
            "from sangam.site import settings; print(settings.SANGAM_ESCALATE_AFTER_DAYS)",
        ],
        env={**os.environ, "SANGAM_ESCALATE_AFTER_DAYS": "3,10"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert shown.stdout.strip() == "(3, 10)"
