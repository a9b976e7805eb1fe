"""Offences and clock durations are shipped reference data: versions in
force by date, published (locked), unverified until checked."""

from datetime import date

import pytest

from sangam.core.reference import PublishedVersionLocked
from sangam.justice.models import ClockKind, ClockTable, OffenceTable
from sangam.justice.reference import clock_rules, clock_table, offences_in_force


def codes(on):
    return {f"{o.act} {o.section}" for o in offences_in_force(on)}


def test_the_bns_replaces_the_ipc_on_1_july_2024(db):
    assert {"IPC 370", "IPC 372", "IPC 373", "IPC 363"} <= codes(date(2024, 6, 30))
    assert "BNS 143" not in codes(date(2024, 6, 30))
    after = codes(date(2024, 7, 1))
    assert {"BNS 143", "BNS 144", "BNS 98", "BNS 99", "BNS 137", "BNS 111", "BNS 69"} <= after
    assert "IPC 370" not in after


def test_the_special_acts_are_chargeable_in_both_periods_from_their_commencement(db):
    for act in ("ITPA", "POCSO", "JJ", "BLSA", "CLPRA", "PCMA", "THOA"):
        assert any(c.startswith(act + " ") for c in codes(date(2025, 1, 1))), act
    assert "POCSO 4" in codes(date(2020, 1, 1))
    assert "POCSO 4" not in codes(date(2012, 1, 1))  # before the Act
    assert "JJ 81" not in codes(date(2015, 12, 1))


def test_the_flags_say_what_the_law_says(db):
    by_code = {f"{o.act} {o.section}": o for o in offences_in_force(date(2025, 1, 1))}
    assert by_code["BNS 143"].trafficking and by_code["BNS 143"].replaces == "IPC 370"
    assert not by_code["BNS 137"].trafficking  # kidnapping: the "missing only" booking
    assert by_code["POCSO 4"].pocso and by_code["POCSO 4"].in_camera
    assert by_code["BNS 64"].in_camera and by_code["BNS 64"].two_month_investigation


def test_shipped_versions_are_published_unverified_and_locked(db):
    table = OffenceTable.objects.in_force(date(2025, 1, 1)).get()
    assert table.is_published and not table.verified and table.source
    row = table.offences.first()
    row.title = "changed"
    with pytest.raises(PublishedVersionLocked):
        row.save()


def test_the_clock_durations_come_with_their_source(db):
    rules = clock_rules(date(2025, 1, 1))
    assert (rules[ClockKind.DEFAULT_BAIL_LONG].amount, rules[ClockKind.DEFAULT_BAIL_LONG].unit) == (
        90,
        "days",
    )
    assert rules[ClockKind.DEFAULT_BAIL_SHORT].amount == 60
    assert rules[ClockKind.CWC].amount == 24 and rules[ClockKind.CWC].unit == "hours"
    assert "187(3)" in rules[ClockKind.DEFAULT_BAIL_LONG].source
    assert "JJ Act 2015 s.31" in rules[ClockKind.CWC].source
    # The CrPC had no duty to tell the victim of progress in 90 days.
    assert ClockKind.VICTIM_INFORMED in rules
    assert ClockKind.VICTIM_INFORMED not in clock_rules(date(2023, 1, 1))
    assert clock_table(date(2025, 1, 1)).verified is False


def test_a_later_version_for_the_same_period_replaces_the_one_before(db):
    """The tables with the courts' alerts, then with witness protection,
    were published after the first ones, for the same periods: the latest
    is the one in force, and it keeps what the earlier ones had."""
    for day in (date(2023, 1, 1), date(2025, 1, 1)):
        assert ClockTable.objects.in_force(day).count() == 3
        assert "witness protection" in clock_table(day).title
        rules = clock_rules(day)
        assert ClockKind.NO_HEARING in rules and ClockKind.CWC in rules
        assert (rules[ClockKind.THREAT_REPORT].amount, rules[ClockKind.THREAT_REPORT].unit) == (
            5,
            "working_days",
        )
