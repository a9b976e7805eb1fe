"""Each role's dashboard shows what is due for her: the caseworker's and
counsellor's follow-ups (the counsellor's WHO-5 task included), the CRP's
missed check-ins and alerts; cards for work a role does not do stay away."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from sangam.cases import workflow
from sangam.cases.models import FollowUp, WellbeingCheckIn
from sangam.core.roles import Role
from sangam.geography.models import State
from sangam.prevention.models import Member, Migration
from sangam.prevention.workflow import run_checkins
from tests.conftest import dashboard_card, make_agency, make_household, make_survivor, make_user

TODAY = timezone.localdate()


def test_the_counsellor_sees_the_check_in_task_and_the_caseworker_her_missed_follow_up(
    client, reference
):
    home = make_agency("IN-WB", "Malda", name="Test Home (synthetic)")
    worker = make_user("worker", Role.CASEWORKER, home)
    counsellor = make_user("counsellor", Role.COUNSELLOR, home)
    _, case = make_survivor(home, worker, "Testname Survivor (synthetic)", "x")
    FollowUp.objects.create(case=case, due_on=TODAY - timedelta(days=3), created_by=worker)
    low = WellbeingCheckIn(taken_on=TODAY, item1=0, item2=1, item3=0, item4=1, item5=0)
    assert workflow.record_check_in(worker, case, low)  # the counsellor is asked

    client.force_login(counsellor)
    page = client.get(reverse("dashboard"))
    assert dashboard_card(page, "cases/_card.html")["counsellor"] == 1
    assert "1 survivor to see as counsellor" in page.content.decode()

    client.force_login(worker)
    card = dashboard_card(client.get(reverse("dashboard")), "cases/_card.html")
    assert card["overdue"] == 1 and card["today"] == 0


def test_the_crp_sees_missed_check_ins_and_alerts_and_no_follow_up_card(client, jharkhand):
    village = jharkhand["village"]
    household = make_household(village, None, code="D-1")
    member = Member.objects.create(
        household=household, serial=1, name="Migrant Testname (synthetic)",
        relation="daughter", sex="female", birth_year=2004,
    )  # fmt: skip
    Migration.objects.create(
        village=village, household=household, member=member, register_no="M1",
        left_on=TODAY - timedelta(days=60), destination_state=State.objects.get(code="IN-DL"),
        destination_place="X", next_checkin_due=TODAY - timedelta(days=20),
    )  # fmt: skip
    run_checkins(TODAY, notify=False)

    client.force_login(jharkhand["crp"])
    page = client.get(reverse("dashboard"))
    assert dashboard_card(page, "prevention/_card.html") == {"due": 1, "alerts": 1}
    assert "cases/_card.html" not in dict(page.context["cards"])
