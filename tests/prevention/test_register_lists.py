"""Register lists cost the same number of queries however many rows they show."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from sangam.geography.models import State
from sangam.prevention.models import Marriage, Member, Migration, MissingPerson, Recruiter
from sangam.prevention.workflow import run_checkins
from tests.conftest import make_household

TODAY = timezone.localdate()


def add_rows(village, n, start):
    delhi = State.objects.get(code="IN-DL")
    for i in range(start, start + n):
        household = make_household(village, None, code=f"L-{i}")
        member = Member.objects.create(
            household=household, serial=1, name=f"P{i} (synthetic)", relation="daughter",
            sex="female", birth_year=2005,
        )  # fmt: skip
        recruiter = Recruiter.objects.create(name=f"Agent {i} (synthetic)", state=delhi)
        Migration.objects.create(
            village=village, household=household, member=member, register_no=f"M{i}",
            left_on=TODAY - timedelta(days=60), destination_state=delhi, destination_place="X",
            next_checkin_due=TODAY - timedelta(days=20), recruiter=recruiter,
        )  # fmt: skip
        Marriage.objects.create(village=village, register_no=f"W{i}", bride_name="B (synthetic)",
                                bride_age=16, married_on=TODAY, groom_state=delhi)  # fmt: skip
        MissingPerson.objects.create(village=village, register_no=f"P{i}", name="P (synthetic)",
                                     sex="female", date_missing=TODAY)  # fmt: skip
    run_checkins(TODAY, notify=False)


@pytest.mark.parametrize(
    "url",
    ["/prevention/migrations/", "/prevention/alerts/", "/prevention/recruiters/",
     "/prevention/marriages/", "/prevention/missing/", "/prevention/"],
)  # fmt: skip
def test_it_lists_in_constant_queries(client, jharkhand, url):
    client.force_login(jharkhand["supervisor"])
    add_rows(jharkhand["village"], 2, 0)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    add_rows(jharkhand["village"], 6, 2)
    with CaptureQueriesContext(connection) as many:
        page = client.get(url).content.decode()
    if url != "/prevention/":
        assert page.count("(synthetic)") >= 8
    assert len(many) == len(few)
