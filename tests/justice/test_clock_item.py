"""One clock as a list item (the clocks page, a case's, an accused's, a
rescue's and a protection application's clocks): what the officer reads."""

from datetime import timedelta

from django.utils import timezone, translation

from sangam.agencies.models import Agency
from sangam.justice.models import Accused, Clock, ClockKind, ClockRule
from sangam.justice.templatetags.justice import clock_item

SOURCE = "BNSS 2023 s.187(3): chargesheet within 90 days"


def _clock(due_in, met=None, accused=None, name="Synthetic station <b>A</b>"):
    """An unsaved clock: the item needs no database. Whole days from now, so
    that the days left by the calendar are the days given."""
    now = timezone.now()
    return Clock(
        kind=ClockKind.DEFAULT_BAIL_LONG,
        rule=ClockRule(kind=ClockKind.DEFAULT_BAIL_LONG, source=SOURCE),
        case_id=41,
        accused=accused,
        responsible=Agency(name=name),
        started_at=now - timedelta(days=60),
        due_at=now + due_in,
        met_at=met,
    )


def test_a_running_clock_says_how_many_days_are_left_and_who_must_meet_it():
    html = clock_item(_clock(timedelta(days=30)))
    assert 'data-clock="default_bail_long"' in html
    assert "Chargesheet before default bail (grave offence)" in html
    assert '<span class="tag ">Running</span>' in html
    assert "30 days left" in html
    assert SOURCE in html
    # The agency's name is text, never markup.
    assert "Synthetic station &lt;b&gt;A&lt;/b&gt;" in html
    assert "Open the record" not in html


def test_a_clock_in_its_last_week_is_at_risk_and_one_past_due_is_missed():
    assert '<span class="tag warn">At risk</span>' in clock_item(_clock(timedelta(days=3)))
    late = clock_item(_clock(-timedelta(days=1)))
    assert '<span class="tag bad">Missed</span>' in late
    assert "1 day late" in late


def test_a_met_clock_gives_the_date_it_was_met_and_whether_in_time():
    due = timedelta(days=5)
    met = timezone.now()
    html = clock_item(_clock(due, met=met))
    assert '<span class="tag ok">Met</span>' in html
    assert f"met on {timezone.localtime(met):%-d %b %Y}" in html
    assert "left" not in html


def test_the_accused_is_linked_by_reference_and_the_record_opened_on_request():
    html = clock_item(
        _clock(timedelta(days=9), accused=Accused(pk=7, name="Synthetic Name")), link=True
    )
    assert '<a href="/justice/accused/7/">A-7</a>' in html
    assert "Synthetic Name" not in html
    assert '<a href="/justice/cases/41/">Open the record</a>' in html


def test_the_item_is_in_her_language():
    with translation.override("hi"):
        html = clock_item(_clock(timedelta(days=3)))
    assert "जोखिम में" in html
    assert "At risk" not in html
    # Every word of it: "Due" and "met on" once stayed English (the words
    # were inside f-strings, where makemessages does not look).
    assert "देय " in html and "Due" not in html
    with translation.override("bn"):
        met = clock_item(_clock(timedelta(days=3), met=timezone.now()))
    assert "পূরণের তারিখ" in met and "met on" not in met
