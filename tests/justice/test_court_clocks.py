"""The courts' alerts as clocks, with the clock moved by the test: no next
hearing date for 3 months after the last hearing (NJDG), more than two
adjournments at the prosecution's request (MHA), both from the clock table
in force with their source; shown on /justice/clocks/ and escalated once by
`sangam justice remind` (a count and a link, never the CNR or a note). The
POCSO trial clock is met when the last judgment concludes the trial."""

from datetime import date, datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from sangam.core.access import SYSTEM
from sangam.justice import workflow
from sangam.justice.models import Clock, ClockKind, Hearing, Judgment
from tests.justice.conftest import CNR, IST, offences


@pytest.fixture
def at(monkeypatch):
    def move(moment):
        monkeypatch.setattr(timezone, "now", lambda: moment)

    return move


def hearing(world, trial, on, outcome="held", asked_by="", next_on=None, purpose="arguments"):
    return workflow.add_hearing(
        world["prosecutor"],
        trial,
        Hearing(
            on=on,
            purpose=purpose,
            outcome=outcome,
            asked_by=asked_by,
            adjournment_reason="A witness did not appear (synthetic)." if asked_by else "",
            next_on=next_on,
            notes="Secret note of the hearing (synthetic)",
        ),
        expected_version=trial.version,
    )


def court_clock(trial, kind):
    return Clock.objects.restrict(SYSTEM).filter(case=trial.case_id, kind=kind).first()


def test_a_trial_without_a_hearing_runs_three_months_from_the_charges(world, tried, at):
    clock = court_clock(tried, ClockKind.NO_HEARING)
    assert timezone.localtime(clock.started_at).date() == date(2025, 6, 1)
    assert timezone.localtime(clock.due_at).date() == date(2025, 9, 1)
    assert clock.responsible == world["prosecution"]
    assert "National Judicial Data Grid" in clock.rule.source
    at(datetime(2025, 8, 28, 12, tzinfo=IST))
    assert clock.state() == "at_risk"
    at(datetime(2025, 9, 2, 12, tzinfo=IST))
    assert clock.state() == "missed"


def test_the_last_hearing_restarts_it_and_its_next_date_meets_it(world, tried, at):
    hearing(world, tried, date(2025, 7, 1))
    clock = court_clock(tried, ClockKind.NO_HEARING)
    assert timezone.localtime(clock.due_at).date() == date(2025, 10, 1)
    assert clock.met_at is None
    hearing(world, tried, date(2025, 7, 15), next_on=date(2025, 8, 20))
    clock = court_clock(tried, ClockKind.NO_HEARING)
    assert timezone.localtime(clock.due_at).date() == date(2025, 10, 15)
    at(datetime(2025, 11, 1, tzinfo=IST))
    assert clock.state() == "met"


def test_a_next_date_beyond_three_months_is_a_missed_clock(world, tried):
    hearing(world, tried, date(2025, 7, 1), next_on=date(2025, 11, 1))
    assert court_clock(tried, ClockKind.NO_HEARING).state() == "missed"


def test_the_third_adjournment_at_the_prosecutions_request_is_an_alert(world, tried, at):
    hearing(world, tried, date(2025, 7, 1), "adjourned", "prosecution", date(2025, 7, 10))
    hearing(world, tried, date(2025, 7, 10), "adjourned", "defence", date(2025, 7, 20))
    hearing(world, tried, date(2025, 7, 20), "adjourned", "prosecution", date(2025, 7, 30))
    assert court_clock(tried, ClockKind.ADJOURNMENTS) is None  # two: within the limit
    hearing(world, tried, date(2025, 7, 30), "adjourned", "prosecution", date(2025, 8, 10))
    clock = court_clock(tried, ClockKind.ADJOURNMENTS)
    assert timezone.localtime(clock.started_at).date() == date(2025, 7, 30)
    assert clock.rule.amount == 2 and clock.rule.unit == "times"
    assert "MHA" in clock.rule.source
    at(datetime(2025, 8, 1, tzinfo=IST))
    assert clock.state() == "missed"
    # On the prosecution's clocks page, and escalated once without a CNR or a note.
    from django.test import Client

    client = Client()
    client.force_login(world["prosecutor"])
    page = client.get("/justice/clocks/").content.decode()
    assert "Adjournments at the prosecution" in page
    call_command("justice", "remind", stdout=open("/dev/null", "w"))
    sent = [m for m in mail.outbox if world["prosecutor"].email in m.to]
    assert len(sent) == 1
    for secret in (CNR, "Secret note", "witness did not appear", "T-1/2025"):
        assert secret not in sent[0].body + sent[0].subject
    call_command("justice", "remind", stdout=open("/dev/null", "w"))
    assert len([m for m in mail.outbox if world["prosecutor"].email in m.to]) == 1


def test_a_restarted_hearing_clock_is_escalated_again_when_missed_again(world, tried, at):
    at(datetime(2025, 9, 5, tzinfo=IST))
    call_command("justice", "remind", stdout=open("/dev/null", "w"))
    assert court_clock(tried, ClockKind.NO_HEARING).escalated_at is not None
    hearing(world, tried, date(2025, 9, 4))
    assert court_clock(tried, ClockKind.NO_HEARING).escalated_at is None


def test_the_pocso_trial_clock_is_met_by_the_last_judgment(world, case, tried, at):
    police = world["police"]
    workflow.add_section(
        police, case, offences(case.fir_date, "POCSO 4")[0], case.fir_date,
        expected_version=case.version,
    )  # fmt: skip
    trial_clock = Clock.objects.restrict(SYSTEM).get(case=case, kind=ClockKind.POCSO_TRIAL)
    assert timezone.localtime(trial_clock.due_at).date() == date(2026, 5, 2)
    assert trial_clock.met_at is None
    accused = tried.accused_on_trial
    for section in case.sections.restrict(SYSTEM).all():
        tried.refresh_from_db()
        workflow.record_judgment(
            world["prosecutor"],
            tried,
            Judgment(
                accused=accused, section=section, on=date(2026, 3, 1),
                verdict="convicted", sentence="RI 10 years (synthetic)",
            ),
            expected_version=tried.version,
        )  # fmt: skip
    trial_clock.refresh_from_db()
    assert trial_clock.state() == "met"
    case.refresh_from_db()
    assert case.trial_concluded_on == date(2026, 3, 1)
    # The courts' alerts stop with the trial.
    assert court_clock(tried, ClockKind.NO_HEARING).met_at is not None
