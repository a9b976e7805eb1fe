"""A missing-person report confirmed as a survivor whose account records
exploitation, with no trafficking section in any police case of hers: the
AHTU of either district gets a task to review the sections."""

import pytest

from sangam.cases.models import Intake
from sangam.core.access import SYSTEM
from sangam.justice import workflow
from sangam.justice.models import CriminalCase, SectionReview
from sangam.matching import workflow as matching
from sangam.matching.models import CandidateMatch
from sangam.prevention.models import MissingPerson
from tests.conftest import make_village
from tests.justice.conftest import FIR_AT, offences


@pytest.fixture
def candidate(world):
    village = make_village(world["station"].district)
    report = MissingPerson.objects.create(
        village=village,
        register_no="MP-1",
        name="Test Survivor (synthetic)",
        sex="female",
        age=16,
        date_missing=FIR_AT.date(),
        created_by=world["caseworker"],
    )
    return CandidateMatch.objects.create(
        missing_person=report, survivor=world["survivor"], score=0.9, rank=1
    )


def exploitation(world, **fields):
    Intake.objects.restrict(SYSTEM).filter(survivor=world["survivor"]).update(**fields)


def reviews():
    return SectionReview.objects.restrict(SYSTEM)


def test_a_confirmed_match_of_an_exploited_survivor_tasks_the_ahtu(world, candidate, client):
    exploitation(world, trafficking_status="actual")
    matching.decide(candidate, world["caseworker"], True, "Synthetic: same person")
    review = reviews().get()
    assert review.home_ahtu == world["ahtu"]
    client.force_login(world["ahtu_officer"])
    assert "Booked as missing only" in client.get("/justice/").content.decode()
    response = client.post(
        review.get_absolute_url(),
        {"version": review.version, "outcome": "Synthetic: BNS 143 added"},
    )
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.reviewed_at is not None
    client.force_login(world["caseworker"])
    assert client.get(review.get_absolute_url()).status_code == 404


def test_a_case_with_a_kidnapping_section_only_still_needs_the_review(world, candidate):
    exploitation(world, exploitation_types=["forced_labour"])
    workflow.register_fir(
        world["police"],
        CriminalCase(police_station=world["station"], fir_number="K-1", fir_at=FIR_AT),
        offences(FIR_AT.date(), "BNS 137"),
        [world["survivor"]],
    )
    matching.decide(candidate, world["caseworker"], True, "Synthetic: same person")
    assert reviews().get().case.fir_number == "K-1"


def test_no_task_when_trafficking_is_charged_or_no_exploitation_is_recorded(world, candidate, case):
    exploitation(world, trafficking_status="actual")
    matching.decide(candidate, world["caseworker"], True, "Synthetic: same person")
    assert not reviews().exists()  # the world's case charges BNS 143


def test_no_task_without_exploitation_in_her_account(world, candidate):
    matching.decide(candidate, world["caseworker"], True, "Synthetic: same person")
    assert not reviews().exists()


def test_the_review_through_the_api(world, candidate, client):
    from sangam.accounts.models import APIToken

    def call(user, method, path, body=None):
        token = APIToken.issue(user, "test")[1]
        kwargs = {"content_type": "application/json"} if body is not None else {}
        return getattr(client, method)(
            f"/api/justice{path}", body, headers={"authorization": f"Bearer {token}"}, **kwargs
        )

    exploitation(world, trafficking_status="actual")
    matching.decide(candidate, world["caseworker"], True, "Synthetic: same person")
    review = reviews().get()
    listed = call(world["ahtu_officer"], "get", "/reviews").json()
    assert [r["id"] for r in listed["items"]] == [review.pk]
    assert call(world["caseworker"], "get", f"/reviews/{review.pk}").status_code == 404
    empty = call(world["ahtu_officer"], "post", f"/reviews/{review.pk}/close",
                 {"outcome": "", "version": review.version})  # fmt: skip
    assert empty.status_code == 422 and reviews().get().reviewed_at is None
    close = f"/reviews/{review.pk}/close"
    outcome = "Synthetic: BNS 143 added"
    stale = call(world["ahtu_officer"], "post", close,
                 {"outcome": outcome, "version": review.version - 1})  # fmt: skip
    assert stale.status_code == 409
    done = call(world["ahtu_officer"], "post", f"/reviews/{review.pk}/close",
                {"outcome": "Synthetic: BNS 143 added", "version": review.version})  # fmt: skip
    assert done.status_code == 200 and done.json()["reviewed_at"] is not None
    again = call(world["ahtu_officer"], "post", f"/reviews/{review.pk}/close",
                 {"outcome": "Again", "version": done.json()["version"]})  # fmt: skip
    assert again.status_code == 409
    closed = call(world["ahtu_officer"], "get", "/reviews?closed=true").json()
    assert [r["id"] for r in closed["items"]] == [review.pk]
