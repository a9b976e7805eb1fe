"""The People operations through the API: the pages' rules, 404 outside her
reach, 403 with the reason when the rules refuse."""

import json

from django.core import mail

from sangam.accounts.models import APIToken, TOTPDevice, User
from sangam.agencies.models import Membership
from sangam.audit.models import AuditEntry
from sangam.core.access import SYSTEM


def api(client, user, method, path, body=None):
    token = APIToken.issue(user, "people")[1]
    return getattr(client, method)(
        f"/api/people{path}",
        data=json.dumps(body) if body is not None else None,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )


def test_an_agency_administrator_invites_and_lists_her_agencys_people(world, client):
    admin, ngo = world["admin"], world["ngo"]
    [agency] = api(client, admin, "get", "/agencies").json()
    assert agency["id"] == ngo.pk
    response = api(
        client,
        admin,
        "post",
        f"/agencies/{ngo.pk}/people",
        {"username": "api.worker", "email": "api@test.sangam.invalid", "role": "counsellor"},
    )
    assert response.status_code == 201
    assert response.json()["invited"] is True
    assert len(mail.outbox) == 1
    listed = api(client, admin, "get", f"/agencies/{ngo.pk}/people").json()
    assert {p["username"] for p in listed} >= {"api.worker", "worker.malda"}
    assert "police.malda" not in {p["username"] for p in listed}


def test_a_role_above_her_own_is_refused_with_the_reason(world, client):
    admin, ngo, worker = world["admin"], world["ngo"], world["worker"]
    membership = Membership.objects.restrict(SYSTEM).get(user=worker)
    path = f"/agencies/{ngo.pk}/people/{worker.pk}/roles/{membership.pk}"
    response = api(client, admin, "put", path, {"role": "state_administrator"})
    assert response.status_code == 403
    assert "above your own" in response.json()["detail"]
    membership.refresh_from_db()
    assert membership.role == "caseworker"
    assert api(client, admin, "put", path, {"role": "chief"}).status_code == 422
    assert api(client, admin, "put", path, {"role": "supervisor"}).json()["roles"][0]["role"] == (
        "supervisor"
    )


def test_other_agencies_and_their_people_are_404(world, client):
    admin, station, police = world["admin"], world["station"], world["police"]
    assert api(client, admin, "get", f"/agencies/{station.pk}/people").status_code == 404
    path = f"/agencies/{world['ngo'].pk}/people/{police.pk}/deactivate"
    assert api(client, admin, "post", path).status_code == 404
    assert User.objects.restrict(SYSTEM).get(pk=police.pk).is_active
    assert api(client, world["worker"], "get", "/agencies").json() == []


def test_deactivation_and_a_second_factor_reset_through_the_api_are_audited(world, client):
    admin, ngo, worker = world["admin"], world["ngo"], world["worker"]
    reset = api(client, admin, "post", f"/agencies/{ngo.pk}/people/{worker.pk}/reset-second-factor")
    assert reset.status_code == 200 and reset.json()["second_factor"] is False
    assert not TOTPDevice.objects.filter(user=worker).exists()
    gone = api(client, admin, "post", f"/agencies/{ngo.pk}/people/{worker.pk}/deactivate")
    assert gone.json()["active"] is False
    actions = set(
        AuditEntry.objects.filter(object_id=str(worker.pk), actor_id=admin.pk).values_list(
            "action", flat=True
        )
    )
    assert {"factor_reset", "deactivate"} <= actions
