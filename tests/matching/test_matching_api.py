"""The matching API shows the review queue and takes decisions under the
pages' rules: both records visible, children only for CWC members, a reason
for every decision, and a pair decided once."""

from sangam.accounts.models import APIToken
from sangam.core.access import SYSTEM
from sangam.matching import registers
from sangam.matching.models import CandidateMatch, Restoration
from sangam.prevention.models import MissingPerson
from tests.matching.conftest import found, missing


def api(client, user):
    auth = {"HTTP_AUTHORIZATION": f"Bearer {APIToken.issue(user, 'test')[1]}"}

    def call(path, body=None):
        if body is None:
            return client.get(f"/api/matching{path}", **auth)
        return client.post(f"/api/matching{path}", body, content_type="application/json", **auth)

    return call


def candidate_for(person, survivor):
    return CandidateMatch.objects.restrict(SYSTEM).get(missing_person=person, survivor=survivor)


def test_the_police_read_a_candidate_in_words_and_confirm_it(client, malda):
    person = missing(malda["village"], "Mousumi Khatun")
    survivor = found(malda, "মৌসুমী খাতুন")
    registers.run()
    pair = candidate_for(person, survivor)
    police = api(client, malda["police"])

    queue = police("/candidates").json()
    assert pair.pk in [c["id"] for c in queue["items"]]
    seen = police(f"/candidates/{pair.pk}").json()
    assert seen["may_decide"] and seen["status"] == "pending"
    said = {e["field"]: e for e in seen["evidence"]}
    assert said["Name"]["agrees"] is True

    no_reason = police(f"/candidates/{pair.pk}/decision", {"decision": "confirm", "reason": ""})
    assert no_reason.status_code == 422 and "reason" in no_reason.json()["errors"]
    done = police(
        f"/candidates/{pair.pk}/decision",
        {"decision": "confirm", "reason": "Mother identified her from a photograph"},
    )
    assert done.status_code == 200, done.content
    assert done.json()["status"] == "confirmed"
    assert done.json()["restoration_id"] == Restoration.objects.restrict(SYSTEM).get().pk
    assert MissingPerson.objects.restrict(SYSTEM).get(pk=person.pk).status == "traced"

    again = police(f"/candidates/{pair.pk}/decision", {"decision": "reject", "reason": "x"})
    assert again.status_code == 409
    assert candidate_for(person, survivor).status == "confirmed"


def test_police_of_another_state_and_a_cwc_member_for_an_adult_get_404(client, malda):
    adult = missing(malda["village"], "Sumitra Mondal", age=25)
    survivor = found(malda, "সুমিত্রা মণ্ডল", age=26)
    registers.run()
    pair = candidate_for(adult, survivor)
    for user in (malda["delhi_police"], malda["cwc"]):
        call = api(client, user)
        assert call(f"/candidates/{pair.pk}").status_code == 404
        assert pair.pk not in [c["id"] for c in call("/candidates").json()["items"]]
        decision = {"decision": "reject", "reason": "Not her"}
        assert call(f"/candidates/{pair.pk}/decision", decision).status_code == 404
    assert candidate_for(adult, survivor).status == "pending"


def test_a_pair_whose_survivor_the_reviewer_may_not_see_is_not_told_of(client, malda):
    person = missing(malda["village"], "Mousumi Khatun")
    survivor = found(malda, "মৌসুমী খাতুন", consent=False)
    registers.run()
    pair = candidate_for(person, survivor)
    police = api(client, malda["police"])
    assert police(f"/candidates/{pair.pk}").status_code == 404
    assert police("/candidates").json()["items"] == []
