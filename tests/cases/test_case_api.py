"""The case API: the care plan, follow-ups, check-ins, status and consents,
with the same forms, access rules and conflict checks as the case page."""

from datetime import timedelta

from django.utils import timezone

from sangam.accounts.models import APIToken
from sangam.audit.models import AuditEntry
from sangam.cases.models import Case, Consent, FollowUp, Goal
from sangam.core.access import SYSTEM
from tests.conftest import make_survivor


class Api:
    def __init__(self, client, user):
        self.client = client
        self.auth = {"HTTP_AUTHORIZATION": f"Bearer {APIToken.issue(user, 'test')[1]}"}

    def get(self, path):
        return self.client.get(f"/api/cases{path}", **self.auth)

    def send(self, method, path, body=None):
        call = getattr(self.client, method)
        return call(f"/api/cases{path}", body or {}, content_type="application/json", **self.auth)


def today(days=0):
    return (timezone.localdate() + timedelta(days=days)).isoformat()


def test_it_builds_a_care_plan_through_the_api(client, case_world):
    api, case = Api(client, case_world["worker"]), case_world["case"]
    goal = api.send(
        "post", f"/cases/{case.pk}/goals", {"domain": "legal", "need": "x", "goal": "Claim"}
    )
    assert goal.status_code == 201, goal.content
    action = api.send(
        "post",
        f"/cases/{case.pk}/actions",
        {"goal": goal.json()["id"], "description": "File the claim", "due_on": today(7)},
    )
    assert action.status_code == 201, action.content
    follow_up = api.send("post", f"/cases/{case.pk}/follow-ups", {"due_on": today(14)})
    assert follow_up.status_code == 201
    risk = api.send(
        "post",
        f"/cases/{case.pk}/risks",
        {"kind": "threats", "reason": "Calls from the agent", "review_on": today(30)},
    )
    assert risk.status_code == 201
    service = api.send(
        "post",
        f"/cases/{case.pk}/services",
        {"domain": "medical", "description": "Health check", "delivered_on": today()},
    )
    assert service.status_code == 201
    detail = api.get(f"/cases/{case.pk}").json()
    assert [g["goal"] for g in detail["goals"]] == ["Claim"]
    assert [a["description"] for a in detail["goals"][0]["actions"]] == ["File the claim"]
    assert len(detail["follow_ups"]) == 1 and len(detail["risks"]) == 1
    assert detail["services"][0]["description"] == "Health check"
    assert AuditEntry.objects.filter(action="view", object_type="cases.case").exists()


def test_a_low_check_in_through_the_api_asks_the_counsellor(client, case_world):
    api, case = Api(client, case_world["worker"]), case_world["case"]
    answers = {f"item{i}": 1 for i in range(1, 6)}
    response = api.send("post", f"/cases/{case.pk}/wellbeing", {"taken_on": today(), **answers})
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["percentage"] == 20 and body["counsellor_asked_because"]
    out_of_scale = api.send(
        "post", f"/cases/{case.pk}/wellbeing", {"taken_on": today(), **answers, "item1": 7}
    )
    assert out_of_scale.status_code == 422


def test_bad_input_gets_field_errors_and_nothing_is_saved(client, case_world):
    api, case = Api(client, case_world["worker"]), case_world["case"]
    past = api.send("post", f"/cases/{case.pk}/follow-ups", {"due_on": today(-3)})
    assert past.status_code == 422 and "due_on" in past.json()["errors"]
    domain = api.send("post", f"/cases/{case.pk}/goals", {"domain": "x", "need": "", "goal": ""})
    assert domain.status_code == 422 and {"domain", "goal"} <= set(domain.json()["errors"])
    assert not FollowUp.objects.restrict(SYSTEM).exists()
    assert not Goal.objects.restrict(SYSTEM).exists()


def test_an_action_must_belong_to_a_goal_of_the_same_case(client, case_world):
    other_survivor, other_case = make_survivor(
        case_world["case"].agency, case_world["worker"], "Other Survivor (synthetic)", "Synthetic."
    )
    theirs = Goal.objects.create(case=other_case, domain="legal", need="x", goal="Other")
    api = Api(client, case_world["worker"])
    response = api.send(
        "post",
        f"/cases/{case_world['case'].pk}/actions",
        {"goal": theirs.pk, "description": "Misfiled"},
    )
    assert response.status_code == 422 and "goal" in response.json()["errors"]


def test_stale_versions_conflict_instead_of_overwriting(client, case_world):
    api, case = Api(client, case_world["worker"]), case_world["case"]
    goal = Goal.objects.create(case=case, domain="legal", need="x", goal="Claim")
    first = api.send("patch", f"/goals/{goal.pk}", {"status": "done", "version": goal.version})
    assert first.status_code == 200 and first.json()["version"] == goal.version + 1
    second = api.send("patch", f"/goals/{goal.pk}", {"status": "dropped", "version": goal.version})
    assert second.status_code == 409
    assert Goal.objects.restrict(SYSTEM).get().status == "done"
    unknown = {"status": "closed", "outcome": "happily_ever_after", "version": case.version}
    assert api.send("post", f"/cases/{case.pk}/status", unknown).status_code == 422
    closing = {"status": "closed", "outcome": "family", "version": case.version}
    assert api.send("post", f"/cases/{case.pk}/status", closing).status_code == 200
    assert api.send("post", f"/cases/{case.pk}/status", closing).status_code == 409
    assert Case.objects.restrict(SYSTEM).get(pk=case.pk).status == "closed"


def test_another_agency_can_neither_read_nor_change_the_case(client, case_world):
    api, case = Api(client, case_world["cwc"]), case_world["case"]
    assert api.get(f"/cases/{case.pk}").status_code == 404
    goal = {"domain": "legal", "need": "x", "goal": "Claim"}
    assert api.send("post", f"/cases/{case.pk}/goals", goal).status_code == 404
    assert not Goal.objects.restrict(SYSTEM).exists()


def test_consent_given_and_revoked_through_the_api_applies_at_once(client, case_world):
    worker, cwc, survivor = (
        Api(client, case_world["worker"]),
        Api(client, case_world["cwc"]),
        case_world["survivor"],
    )
    assert cwc.get(f"/survivors/{survivor.pk}").status_code == 404
    given = worker.send(
        "post",
        f"/survivors/{survivor.pk}/consents",
        {
            "given_by": "survivor",
            "manner": "in_person",
            "purpose": "Care and protection",
            "language": "Bengali",
            "agency_types": ["cwc"],
            "categories": ["identity"],
        },
    )
    assert given.status_code == 201, given.content
    assert given.json()["language"] == "ben" and given.json()["categories"] == ["identity"]
    assert cwc.get(f"/survivors/{survivor.pk}").status_code == 200
    listed = worker.get(f"/survivors/{survivor.pk}/consents").json()
    assert [c["revoked"] for c in listed] == [False]
    revoked = worker.send("post", f"/consents/{given.json()['id']}/revoke")
    assert revoked.json()["revoked"] is True
    assert cwc.get(f"/survivors/{survivor.pk}").status_code == 404


def test_a_consent_without_categories_or_language_is_refused(client, case_world):
    api, survivor = Api(client, case_world["worker"]), case_world["survivor"]
    bad = api.send(
        "post",
        f"/survivors/{survivor.pk}/consents",
        {
            "given_by": "survivor",
            "manner": "in_person",
            "purpose": "x",
            "language": "Not-a-language",
            "agency_types": ["cwc"],
        },
    )
    assert bad.status_code == 422
    unknown_language = api.send(
        "post",
        f"/survivors/{survivor.pk}/consents",
        {
            "given_by": "survivor",
            "manner": "in_person",
            "purpose": "x",
            "language": "Not-a-language",
            "agency_types": ["cwc"],
            "categories": ["identity"],
        },
    )
    assert unknown_language.status_code == 422
    assert "language" in unknown_language.json()["errors"]
    assert not Consent.objects.restrict(SYSTEM).exists()


def test_a_transfer_is_requested_and_accepted_through_the_api(client, case_world):
    home, receiver = case_world["wb_home"], case_world["wb_worker"]
    sender, case = Api(client, case_world["worker"]), case_world["case"]
    same = sender.send(
        "post", f"/cases/{case.pk}/transfers", {"to_agency": case.agency_id, "reason": "x"}
    )
    assert same.status_code == 422
    asked = sender.send(
        "post", f"/cases/{case.pk}/transfers", {"to_agency": home.pk, "reason": "Going home"}
    )
    assert asked.status_code == 201, asked.content
    transfer_id = asked.json()["id"]
    # Only the receiving agency answers.
    refused = sender.send("post", f"/transfers/{transfer_id}/decision", {"accept": True})
    assert refused.status_code == 409
    accepted = Api(client, receiver).send(
        "post", f"/transfers/{transfer_id}/decision", {"accept": True}
    )
    assert accepted.status_code == 200, accepted.content
    new_case = accepted.json()["new_case_id"]
    assert Case.objects.restrict(SYSTEM).get(pk=new_case).agency_id == home.pk
    assert Api(client, receiver).get(f"/cases/{new_case}").status_code == 200


def test_the_case_endpoints_are_in_the_openapi_document(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    assert "/api/cases/cases/{case_id}/goals" in paths
    assert "/api/cases/survivors/{survivor_id}/consents" in paths
