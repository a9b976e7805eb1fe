"""The status-machine engine: a change is allowed only if its table has it,
the user acts for a side that may make it, and it carries what it needs."""

from types import SimpleNamespace

import pytest
from django.db import models
from django.utils import translation

from sangam.core.workflow import Refused, Step, Table

CLERK, HEAD = frozenset({"clerk"}), frozenset({"head"})


class Status(models.TextChoices):
    OPEN = "open", "Open"
    SHUT = "shut", "Shut"
    GONE = "gone", "Gone"


def parties(user, record):
    return user.sides


TABLE = Table(
    [
        Step(Status.OPEN, Status.SHUT, CLERK | HEAD, needs_outcome=True),
        Step(Status.OPEN, Status.GONE, HEAD, needs_reason=True),
        Step(Status.SHUT, Status.OPEN),
    ],
    statuses=Status,
    parties=parties,
    refused="A %(status)s record cannot become %(to)s.",
)


@pytest.fixture(autouse=True)
def english():
    # A page test run before may leave another language active in this thread.
    with translation.override("en"):
        yield


clerk, head = SimpleNamespace(sides=CLERK), SimpleNamespace(sides=HEAD)


def record(status=Status.OPEN):
    return SimpleNamespace(status=status)


def test_a_change_the_table_does_not_have_is_refused_naming_both_statuses():
    with pytest.raises(Refused, match="A shut record cannot become gone."):
        TABLE.check(head, record(Status.SHUT), Status.GONE, reason="why")


def test_a_status_that_does_not_exist_is_refused():
    with pytest.raises(Refused, match="Unknown status."):
        TABLE.check(head, record(), "lost")


def test_only_a_side_the_step_names_may_make_it():
    with pytest.raises(Refused, match="cannot become gone"):
        TABLE.check(clerk, record(), Status.GONE, reason="why")
    assert TABLE.check(head, record(), Status.GONE, reason="why").target == Status.GONE


def test_a_step_naming_no_side_is_open_to_anyone_who_may_change_the_record():
    nobody = SimpleNamespace(sides=frozenset())
    assert TABLE.check(nobody, record(Status.SHUT), Status.OPEN).target == Status.OPEN


def test_a_step_needing_a_reason_is_refused_without_one_or_with_only_spaces():
    for reason in ("", "   "):
        with pytest.raises(Refused, match="Please give a reason."):
            TABLE.check(head, record(), Status.GONE, reason=reason)


def test_a_step_needing_an_outcome_is_refused_without_one():
    with pytest.raises(Refused, match="outcome"):
        TABLE.check(clerk, record(), Status.SHUT)
    assert TABLE.check(clerk, record(), Status.SHUT, outcome="done").target == Status.SHUT


def test_it_lists_only_the_changes_this_user_may_make_from_the_current_status():
    assert TABLE.allowed(clerk, record()) == [Status.SHUT]
    assert TABLE.allowed(head, record()) == [Status.SHUT, Status.GONE]
    assert TABLE.allowed(clerk, record(Status.GONE)) == []


def test_a_refusal_reads_in_the_language_of_the_reader():
    with translation.override("hi"), pytest.raises(Refused) as refused:
        TABLE.check(head, record(), Status.GONE)
    assert str(refused.value) == "कृपया कारण बताएँ।"


def test_a_table_with_a_misspelt_message_fails_when_it_is_declared():
    with pytest.raises(TypeError, match="reasons"):
        Table([], statuses=Status, reasons="Say why.")
