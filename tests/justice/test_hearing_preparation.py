"""Before a hearing at which she gives evidence, her caseworker and her
counsellor each get a task to prepare her (a court visit, what to expect,
travel, a support person) a week before, once per hearing date."""

from datetime import date, timedelta

from django.utils import timezone

from sangam.cases.models import FollowUp
from sangam.cases.queries import follow_ups_for
from sangam.core.access import SYSTEM
from sangam.core.roles import Role
from sangam.justice import workflow
from sangam.justice.models import Hearing
from tests.conftest import make_user


def _hearing(world, tried, next_on, testifies=True):
    tried.refresh_from_db()
    return workflow.add_hearing(
        world["prosecutor"],
        tried,
        Hearing(on=date(2025, 6, 10), purpose="prosecution_evidence", outcome="held",
                next_on=next_on, she_testifies_next=testifies),
        expected_version=tried.version,
    )  # fmt: skip


def tasks():
    return FollowUp.objects.restrict(SYSTEM).filter(kind=FollowUp.Kind.COURT_PREPARATION)


def test_her_caseworker_and_counsellor_are_asked_to_prepare_her(world, tried, client):
    today = timezone.localdate()
    _hearing(world, tried, today + timedelta(days=20))
    assert sorted(t.assigned_role for t in tasks()) == [Role.CASEWORKER, Role.COUNSELLOR]
    assert {t.due_on for t in tasks()} == {today + timedelta(days=13)}
    assert {t.case.survivor_id for t in tasks().select_related("case")} == {world["survivor"].pk}
    counsellor = make_user("counsellor", Role.COUNSELLOR, world["ngo"])
    assert follow_ups_for(counsellor).filter(kind="court_preparation").exists()
    _hearing(world, tried, today + timedelta(days=20))  # the same date again: no second task
    assert tasks().count() == 2


def test_a_hearing_in_three_days_is_due_now_and_none_when_she_does_not_testify(world, tried):
    today = timezone.localdate()
    _hearing(world, tried, today + timedelta(days=30), testifies=False)
    assert not tasks().exists()
    _hearing(world, tried, today + timedelta(days=3))
    assert {t.due_on for t in tasks()} == {today}
