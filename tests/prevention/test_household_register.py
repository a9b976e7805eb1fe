"""A CRP registers households in her block's villages, sees why the index
marks them, and cannot reach villages outside her jurisdiction."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sangam.core.access import SYSTEM
from sangam.prevention.models import Household, Member
from tests.conftest import make_household


def login(client, user):
    client.force_login(user)


def test_it_registers_a_household_and_explains_its_risk(client, jharkhand):
    login(client, jharkhand["crp"])
    village = jharkhand["village"]
    response = client.post(
        "/prevention/households/new/",
        {
            "village": village.pk,
            "code": "K-17",
            "head_name": "Sunita Testdevi (synthetic)",
            "surveyed_on": "2026-11-01",
            "extreme_poverty": "on",
            "in_debt": "on",
            "female_headed": "on",
            "domestic_violence": "on",
            "child_out_of_school": "on",
        },
        follow=True,
    )
    page = response.content.decode()
    household = Household.objects.restrict(SYSTEM).get(code="K-17")
    assert (household.score, household.risk_level) == (42, "medium")
    assert "Score 42 of 100" in page
    assert "Extreme poverty (+12)" in page and "Child out of school (+8)" in page


def test_it_refuses_a_village_outside_the_crps_block(client, jharkhand):
    login(client, jharkhand["crp"])
    response = client.post(
        "/prevention/households/new/",
        {
            "village": jharkhand["other_village"].pk,
            "code": "A-1",
            "head_name": "X (synthetic)",
            "surveyed_on": "2026-11-01",
        },  # fmt: skip
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not Household.objects.restrict(SYSTEM).exists()


def test_it_hides_households_of_other_blocks(client, jharkhand):
    make_household(jharkhand["other_village"], None, code="OTHER-1")
    mine = make_household(jharkhand["village"], None, code="MINE-1")
    login(client, jharkhand["crp"])
    assert client.get(f"/prevention/households/{mine.pk}/").status_code == 200
    other = Household.objects.restrict(SYSTEM).get(code="OTHER-1")
    assert client.get(f"/prevention/households/{other.pk}/").status_code == 404


def test_it_refuses_a_future_survey_date_and_an_impossible_age(client, jharkhand):
    login(client, jharkhand["crp"])
    response = client.post(
        "/prevention/households/new/",
        {
            "village": jharkhand["village"].pk,
            "code": "K-2",
            "head_name": "Y (synthetic)",
            "surveyed_on": "2099-01-01",
        },  # fmt: skip
    )
    assert "This date is in the future." in response.content.decode()
    household = make_household(jharkhand["village"], None)
    response = client.post(
        f"/prevention/households/{household.pk}/members/",
        {"name": "Z (synthetic)", "relation": "daughter", "sex": "female", "age": "140"},
    )
    assert "less than or equal to 110" in response.content.decode()
    assert not Member.objects.restrict(SYSTEM).exists()


def test_it_marks_a_child_out_of_school_from_the_members(client, jharkhand):
    household = make_household(jharkhand["village"], None)
    login(client, jharkhand["crp"])
    client.post(
        f"/prevention/households/{household.pk}/members/",
        {
            "name": "Girl Testname (synthetic)",
            "relation": "daughter",
            "sex": "female",
            "age": "13",
            "schooling": "dropped_out",
        },  # fmt: skip
    )
    household.refresh_from_db()
    assert household.child_out_of_school and household.score == 8
    member = Member.objects.restrict(SYSTEM).get()
    assert member.serial == 1 and member.age == 13


def test_it_lists_at_risk_women_and_girls_in_constant_queries(client, jharkhand):
    login(client, jharkhand["crp"])

    def add(n):
        for i in range(n):
            h = make_household(
                jharkhand["village"], None, code=f"R-{i}-{n}", extreme_poverty=True,
                in_debt=True, domestic_violence=True, member_left_with_agent=True,
                child_marriage_in_family=True, landless=True,
            )  # fmt: skip
            Member.objects.create(household=h, serial=1, name=f"Woman {i} (synthetic)",
                                  relation="head", sex="female", birth_year=1990)  # fmt: skip

    add(2)
    with CaptureQueriesContext(connection) as few:
        response = client.get("/prevention/at-risk/")
    assert response.content.decode().count("(synthetic)</strong>") == 2
    assert "One Stop Centre (181)" in response.content.decode()
    add(8)
    with CaptureQueriesContext(connection) as many:
        response = client.get("/prevention/at-risk/")
    assert response.content.decode().count("(synthetic)</strong>") == 10
    assert len(many) == len(few)


@pytest.mark.parametrize("status", ["applied", "received"])
def test_it_tracks_entitlements(client, jharkhand, status):
    household = make_household(jharkhand["village"], None)
    login(client, jharkhand["crp"])
    client.post(
        f"/prevention/households/{household.pk}/entitlements/",
        {"kind": "mgnregs", "status": status, "days_worked": "45"},
    )
    entitlement = household.entitlements.restrict(SYSTEM).get()
    assert entitlement.status == status and entitlement.days_worked == 45
    assert entitlement.applied_on is not None
    assert (entitlement.decided_on is not None) == (status == "received")


def test_a_stale_edit_does_not_overwrite_a_newer_one(client, jharkhand):
    household = make_household(jharkhand["village"], jharkhand["crp"], code="K-5")
    client.force_login(jharkhand["crp"])
    form = {
        "village": jharkhand["village"].pk, "code": "K-5", "head_name": "New Head (synthetic)",
        "surveyed_on": "2026-11-01", "version": household.version,
    }  # fmt: skip
    assert client.post(f"/prevention/households/{household.pk}/edit/", form).status_code == 302
    stale = {**form, "head_name": "Stale Head (synthetic)", "in_debt": "on"}
    page = client.post(f"/prevention/households/{household.pk}/edit/", stale).content.decode()
    assert "Someone else saved this record" in page
    household.refresh_from_db()
    assert household.head_name == "New Head (synthetic)" and not household.in_debt


def test_a_member_is_corrected_and_the_household_rescored(client, jharkhand):
    household = make_household(jharkhand["village"], jharkhand["crp"])
    member = Member.objects.create(household=household, serial=1, name="Boy (synthetic)",
                                   relation="son", sex="male", birth_year=2000)  # fmt: skip
    client.force_login(jharkhand["crp"])
    response = client.post(
        f"/prevention/members/{member.pk}/",
        {
            "name": "Boy (synthetic)",
            "relation": "son",
            "sex": "male",
            "age": "12",
            "schooling": "never",
            "version": member.version,
        },  # fmt: skip
    )
    assert response.status_code == 302
    household.refresh_from_db()
    assert household.child_out_of_school and household.score == 8
