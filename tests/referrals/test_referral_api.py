"""The referrals API does what the referral pages do, under the same rules."""

import pytest

from sangam.accounts.models import APIToken
from sangam.audit.models import AuditEntry
from sangam.core.access import SYSTEM
from sangam.referrals.models import Referral, Status
from tests.referrals.conftest import refer


def api(client, user):
    auth = {"HTTP_AUTHORIZATION": f"Bearer {APIToken.issue(user, 'test')[1]}"}

    def call(method, path, body=None, **query):
        if method == "get":
            return client.get(f"/api/referrals{path}", query, **auth)
        return client.post(
            f"/api/referrals{path}", body or {}, content_type="application/json", **auth
        )

    return call


def new(parties, **change):
    body = {
        "sender_agency_id": parties["ngo"].pk,
        "service_id": parties["internal"].pk,
        "person_reference": "NGO/2026/0042",
        "person_age": 15,
        "person_sex": "female",
        "person_language": "Bengali",
        "need": "shelter",
        "send": True,
    }
    return body | change


def test_a_caseworker_sends_a_referral_and_the_home_accepts_it(client, parties):
    sender, receiver = api(client, parties["sender"]), api(client, parties["receiver"])
    made = sender("post", "", new(parties))
    assert made.status_code == 201, made.content
    body = made.json()
    assert body["status"] == Status.REQUESTED and body["person_language"] == "ben"
    assert body["receiver_agency_id"] == parties["home"].pk and body["need"] == "shelter"

    received = receiver("get", "", box="received").json()
    assert [r["id"] for r in received["items"]] == [body["id"]]
    seen = receiver("get", f"/{body['id']}").json()
    assert Status.ACCEPTED in seen["next_statuses"]

    accepted = receiver(
        "post", f"/{body['id']}/transitions", {"to": "accepted", "version": seen["version"]}
    )
    assert accepted.status_code == 200, accepted.content
    assert [e["to_status"] for e in accepted.json()["history"]] == [
        "draft",
        "requested",
        "accepted",
    ]
    assert Referral.objects.restrict(SYSTEM).get(pk=body["id"]).status == Status.ACCEPTED


def test_a_name_as_case_reference_is_refused_field_by_field(client, parties):
    response = api(client, parties["sender"])("post", "", new(parties, person_reference="Rina X"))
    assert response.status_code == 422
    assert "person_reference" in response.json()["errors"]
    assert not Referral.objects.restrict(SYSTEM).exists()


def test_the_sender_cannot_accept_and_a_stale_version_is_a_conflict(client, parties):
    referral = refer(parties)
    sender, receiver = api(client, parties["sender"]), api(client, parties["receiver"])
    refused = sender(
        "post", f"/{referral.pk}/transitions", {"to": "accepted", "version": referral.version}
    )
    assert refused.status_code == 409
    stale = receiver(
        "post", f"/{referral.pk}/transitions", {"to": "accepted", "version": referral.version - 1}
    )
    assert stale.status_code == 409
    assert Referral.objects.restrict(SYSTEM).get(pk=referral.pk).status == Status.REQUESTED


def test_a_rejection_needs_a_reason(client, parties):
    referral = refer(parties)
    response = api(client, parties["receiver"])(
        "post", f"/{referral.pk}/transitions", {"to": "rejected", "version": referral.version}
    )
    assert response.status_code == 409
    assert "reason" in response.json()["detail"].lower()


def test_an_unknown_need_is_refused(client, parties):
    response = api(client, parties["sender"])("post", "", new(parties, need="nothing-such"))
    assert response.status_code == 422 and "need" in response.json()["errors"]


def test_an_unrelated_agency_gets_404_and_an_empty_box(client, parties):
    referral = refer(parties)
    outsider = api(client, parties["outsider"])
    assert outsider("get", f"/{referral.pk}").status_code == 404
    assert outsider("get", "", box="received").json()["items"] == []
    move = {"to": "cancelled", "reason": "x", "version": referral.version}
    assert outsider("post", f"/{referral.pk}/transitions", move).status_code == 404


@pytest.mark.parametrize("box", ["sent", "overdue"])
def test_the_other_boxes_are_the_pages_boxes(client, parties, box):
    referral = refer(parties)
    if box == "overdue":
        Referral.objects.restrict(SYSTEM).filter(pk=referral.pk).update(
            due_at=referral.requested_at
        )
    items = api(client, parties["sender"])("get", "", box=box).json()["items"]
    assert [r["id"] for r in items] == [referral.pk]


def test_an_unknown_box_is_a_clear_error(client, parties):
    response = api(client, parties["sender"])("get", "", box="everything")
    assert response.status_code == 422


def test_reading_a_referral_is_audited(client, parties):
    referral = refer(parties)
    api(client, parties["receiver"])("get", f"/{referral.pk}")
    assert AuditEntry.objects.filter(
        action=AuditEntry.Action.VIEW, object_id=str(referral.pk), actor_id=parties["receiver"].pk
    ).exists()
