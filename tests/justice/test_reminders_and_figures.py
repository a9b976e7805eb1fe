"""Missed clocks escalate once to the agency that must meet them (a count
and a link, never a name); the figures and the dashboard card count in the
same number of queries whatever the data."""

from datetime import timedelta

from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from sangam.cases.models import Survivor
from sangam.justice import figures, workflow
from sangam.justice.models import Accused, CriminalCase, Rescue
from tests.justice.conftest import FIR_AT, offences


def test_a_missed_clock_escalates_once_with_a_count_and_a_link(world, case, monkeypatch):
    workflow.save_accused(
        world["police"],
        case,
        Accused(name="Accused Secret (synthetic)", role="recruiter", arrested_at=FIR_AT),
    )
    monkeypatch.setattr(timezone, "now", lambda: FIR_AT + timedelta(days=95))
    call_command("justice", "remind", stdout=open("/dev/null", "w"))
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [world["police"].email]
    assert "2 of the law's clocks" in message.body  # default bail and victim informed
    assert "/justice/clocks/" in message.body
    for secret in ("Accused Secret", "T-1/2025", "Test Survivor"):
        assert secret not in message.body + message.subject
    call_command("justice", "remind", stdout=open("/dev/null", "w"))
    assert len(mail.outbox) == 1


def _queries(function):
    with CaptureQueriesContext(connection) as captured:
        function()
    return len(captured)


def _more_cases(world, n):
    for i in range(n):
        case = workflow.register_fir(
            world["police"],
            CriminalCase(police_station=world["station"], fir_number=f"M-{i}", fir_at=FIR_AT),
            offences(FIR_AT.date(), "BNS 143", "POCSO 4"),
            [],
        )
        workflow.save_accused(
            world["police"], case, Accused(name="A (synthetic)", role="buyer", arrested_at=FIR_AT)
        )


def test_figures_and_the_card_count_in_the_same_queries_whatever_the_data(world, case):
    user = world["police"]
    user.active_memberships()

    def everything():
        for figure in figures.FIGURES:
            figure.count(user)
            figure.count()
        figures._card(user)

    before = _queries(everything)
    _more_cases(world, 5)
    assert _queries(everything) == before
    assert figures.TRAFFICKING.count() == 6
    assert figures.SENT_TO_AHTU.count() == 0


def _more_rescued(world, n):
    rescue = workflow.record_rescue(
        world["police"],
        Rescue(
            lead_agency=world["station"],
            source=Rescue.Source.NGO,
            at=FIR_AT,
            district=world["station"].district,
            place="Synthetic place",
            witness_one="Witness One (synthetic)",
            witness_one_sex="female",
            witness_two="Witness Two (synthetic)",
            witness_two_sex="male",
        ),
        [],
    )
    for i in range(n):
        new = Survivor(name=f"Rescued {i} (synthetic)", sex="female", languages="ben")
        workflow.add_rescued(world["police"], rescue, estimated_age=15, new=new)


def test_the_clocks_page_and_the_list_ask_the_same_queries_whatever_the_clocks(world, case, client):
    """An accused's number and a rescued person's link come with the clock
    (one query per clock shown, before)."""
    client.force_login(world["police"])
    pages = ("/justice/clocks/", "/justice/")

    def count(url):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    before = [count(url) for url in pages]
    _more_cases(world, 4)
    _more_rescued(world, 3)
    page = client.get("/justice/clocks/").content.decode()
    assert page.count("/justice/accused/") == 4 and page.count("/justice/rescues/") >= 3
    assert [count(url) for url in pages] == before


def test_the_card_shows_the_clocks_at_risk_and_missed(world, case, monkeypatch):
    workflow.save_accused(
        world["police"], case, Accused(name="A (synthetic)", role="buyer", arrested_at=FIR_AT)
    )
    monkeypatch.setattr(timezone, "now", lambda: FIR_AT + timedelta(days=86))
    card = figures._card(world["police"])
    assert card == {"missed": 0, "at_risk": 2, "running": 0}
    assert figures._card(world["caseworker"]) is None
