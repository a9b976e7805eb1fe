"""Every clock computed from the law, with the clock moved by the test:
default bail at 60 or 90 days by the gravest section charged, the two-month
investigation, the victim told in 90 days, POCSO's 24 hours, 30 days and
one year. Each: due date, days left, met or missed, who must meet it, and
"at risk" in its last week."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from sangam.core.access import SYSTEM
from sangam.justice import workflow
from sangam.justice.models import Accused, Clock, ClockKind, CriminalCase
from tests.justice.conftest import FIR_AT, offences


@pytest.fixture
def at(monkeypatch):
    """Set Sangam's clock to a moment."""

    def move(moment):
        monkeypatch.setattr(timezone, "now", lambda: moment)

    return move


def clocks_of(case):
    return Clock.objects.restrict(SYSTEM).filter(case=case)


def clock(case, kind, **subject):
    return clocks_of(case).get(kind=kind, **subject)


def arrest(world, case, when):
    return workflow.save_accused(
        world["police"],
        case,
        Accused(name="Accused One (synthetic)", role=Accused.Role.RECRUITER, arrested_at=when),
    )


def fir(world, *codes, number="T-2/2025"):
    return workflow.register_fir(
        world["police"],
        CriminalCase(police_station=world["station"], fir_number=number, fir_at=FIR_AT),
        offences(FIR_AT.date(), *codes),
        [],
    )


def progress(world, case, **dates):
    data = {
        "chargesheet_on": None,
        "victim_informed_on": None,
        "pocso_reported_at": None,
        "cognizance_on": None,
        "child_evidence_on": None,
        **dates,
    }
    workflow.record_progress(world["police"], case, data, expected_version=case.version)


def test_trafficking_under_bns_143_gives_the_accused_a_90_day_default_bail_date(world, case, at):
    arrested = FIR_AT + timedelta(hours=2)
    accused = arrest(world, case, arrested)
    bail = clock(case, ClockKind.DEFAULT_BAIL_LONG, accused=accused)
    assert bail.due_at == arrested + timedelta(days=90)
    assert bail.responsible == world["station"]
    assert "187(3)" in bail.rule.source
    at(arrested + timedelta(days=80))
    assert (bail.state(), bail.days_left()) == ("running", 10)
    at(arrested + timedelta(days=85))
    assert (bail.state(), bail.days_left()) == ("at_risk", 5)
    at(arrested + timedelta(days=91))
    assert bail.state() == "missed"


def test_a_chargesheet_in_time_meets_the_default_bail_clock(world, case, at):
    accused = arrest(world, case, FIR_AT)
    at(FIR_AT + timedelta(days=100))
    progress(world, case, chargesheet_on=FIR_AT.date() + timedelta(days=70))
    assert clock(case, ClockKind.DEFAULT_BAIL_LONG, accused=accused).state() == "met"


def test_a_late_chargesheet_leaves_the_clock_missed(world, case, at):
    accused = arrest(world, case, FIR_AT)
    at(FIR_AT + timedelta(days=100))
    progress(world, case, chargesheet_on=FIR_AT.date() + timedelta(days=95))
    assert clock(case, ClockKind.DEFAULT_BAIL_LONG, accused=accused).state() == "missed"


def test_kidnapping_alone_is_a_60_day_offence_until_trafficking_is_charged(world, at):
    case = fir(world, "BNS 137")
    accused = arrest(world, case, FIR_AT)
    short = clock(case, ClockKind.DEFAULT_BAIL_SHORT, accused=accused)
    assert short.due_at == FIR_AT + timedelta(days=60)
    at(FIR_AT + timedelta(days=5))
    workflow.add_section(
        world["police"],
        case,
        offences(FIR_AT.date(), "BNS 143")[0],
        date(2025, 3, 6),
        expected_version=case.version,
    )
    assert not Clock.objects.restrict(SYSTEM).filter(pk=short.pk).exists()
    assert clock(case, ClockKind.DEFAULT_BAIL_LONG, accused=accused).due_at == FIR_AT + timedelta(
        days=90
    )


def test_an_offence_punishable_with_ten_years_is_a_90_day_offence(world):
    case = fir(world, "BNS 144")  # at most 10 years
    accused = arrest(world, case, FIR_AT)
    assert clock(case, ClockKind.DEFAULT_BAIL_LONG, accused=accused)


def test_no_default_bail_clock_for_an_accused_not_arrested(world, case):
    workflow.save_accused(
        world["police"],
        case,
        Accused(name="Accused Two (synthetic)", role=Accused.Role.BUYER, absconding=True),
    )
    assert not clocks_of(case).filter(kind__startswith="default_bail").exists()


def test_rape_and_pocso_investigations_are_due_in_two_months(world, at):
    case = fir(world, "BNS 64")
    investigation = clock(case, ClockKind.INVESTIGATION)
    assert investigation.due_at == FIR_AT.replace(month=5)
    assert "193(2)" in investigation.rule.source
    at(FIR_AT.replace(month=5, day=2))
    assert investigation.state() == "missed"
    other = fir(world, "BNS 143", number="T-3/2025")
    assert not clocks_of(other).filter(kind=ClockKind.INVESTIGATION).exists()


def test_the_victim_is_told_of_the_progress_within_90_days(world, case, at):
    informed = clock(case, ClockKind.VICTIM_INFORMED)
    assert informed.due_at == FIR_AT + timedelta(days=90)
    at(FIR_AT + timedelta(days=40))
    progress(world, case, victim_informed_on=date(2025, 4, 9))
    informed.refresh_from_db()
    assert informed.state() == "met"


def test_pocso_report_in_24_hours_evidence_in_30_days_and_trial_in_a_year(world, at):
    case = fir(world, "POCSO 4")
    report = clock(case, ClockKind.POCSO_REPORT)
    assert report.due_at == FIR_AT + timedelta(hours=24)
    at(FIR_AT + timedelta(days=70))
    progress(
        world,
        case,
        pocso_reported_at=FIR_AT + timedelta(hours=30),
        chargesheet_on=date(2025, 4, 20),
        cognizance_on=date(2025, 5, 1),
    )
    report.refresh_from_db()
    assert report.state() == "missed"
    evidence = clock(case, ClockKind.POCSO_EVIDENCE)
    trial = clock(case, ClockKind.POCSO_TRIAL)
    assert timezone.localtime(evidence.due_at).date() == date(2025, 5, 31)
    assert timezone.localtime(trial.due_at).date() == date(2026, 5, 1)


def test_the_case_sent_to_the_ahtu_makes_the_ahtu_responsible(world, case):
    workflow.send_to_ahtu(
        world["police"], case, world["ahtu"], date(2025, 3, 2), expected_version=case.version
    )
    assert clock(case, ClockKind.VICTIM_INFORMED).responsible == world["ahtu"]
