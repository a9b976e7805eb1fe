import pytest

from sangam.accounts.models import APIToken
from sangam.agencies.models import AgencyContact
from sangam.audit.models import AuditEntry
from sangam.core.access import SYSTEM
from sangam.core.roles import Role
from tests.conftest import make_user


@pytest.fixture
def supervisor(two_districts):
    return make_user("sup.a", Role.SUPERVISOR, two_districts["a"])


def call(client, path, token=None, method="get", data=None):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    return getattr(client, method)(
        f"/api{path}", data=data, content_type="application/json", **headers
    )


def test_it_publishes_openapi(client, db):
    doc = client.get("/api/openapi.json").json()
    assert "/api/agencies" in doc["paths"]


def test_it_wants_a_token(client, two_districts):
    response = call(client, "/me")
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response.json() == {
        "type": "about:blank",
        "title": "Unauthorized",
        "status": 401,
        "detail": "A valid API token is required.",
    }
    assert call(client, "/me", token="sgm_not-a-token").status_code == 401


def test_it_refuses_revoked_and_expired_tokens(client, two_districts):
    token, raw = APIToken.issue(two_districts["user_a"], "t")
    assert call(client, "/me", raw).status_code == 200
    APIToken.objects.filter(pk=token.pk).update(revoked=True)
    assert call(client, "/me", raw).status_code == 401
    _, raw2 = APIToken.issue(two_districts["user_a"], "t2", days=1)
    from django.utils import timezone

    APIToken.objects.filter(digest=APIToken.digest_of(raw2)).update(expires_at=timezone.now())
    assert call(client, "/me", raw2).status_code == 401


def test_it_lists_agencies_with_pagination(client, two_districts):
    raw = APIToken.issue(two_districts["user_a"], "t")[1]
    body = call(client, "/agencies?limit=1", raw).json()
    assert body["count"] == 2 and len(body["items"]) == 1


def test_it_audits_reads_of_contacts(client, two_districts):
    raw = APIToken.issue(two_districts["user_a"], "t")[1]
    contact = two_districts["contact_a"]
    assert call(client, f"/contacts/{contact.pk}", raw).json()["name"] == contact.name
    entry = AuditEntry.objects.filter(action="view").latest("seq")
    assert (entry.object_type, entry.object_id, entry.actor_id) == (
        "agencies.agencycontact",
        str(contact.pk),
        two_districts["user_a"].pk,
    )


def test_it_answers_bad_input_with_422_and_writes_nothing(client, two_districts, supervisor):
    raw = APIToken.issue(supervisor, "t")[1]
    agency = two_districts["a"]
    for bad in (
        {},
        {"name": ""},
        {"name": "X", "phone": "call me"},
        {"name": "X" * 151},
        {"name": "X", "email": "not-an-email"},
    ):
        response = call(client, f"/agencies/{agency.pk}/contacts", raw, "post", bad)
        assert response.status_code == 422, bad
        assert response.json()["detail"] == "Invalid request."
    malformed = client.post(
        f"/api/agencies/{agency.pk}/contacts",
        data="{not json",
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {raw}",
    )
    assert 400 <= malformed.status_code < 500
    assert AgencyContact.objects.restrict(SYSTEM).filter(agency=agency).count() == 1


def test_a_supervisor_adds_and_edits_own_agency_contacts(client, two_districts, supervisor):
    raw = APIToken.issue(supervisor, "t")[1]
    agency = two_districts["a"]
    created = call(
        client,
        f"/agencies/{agency.pk}/contacts",
        raw,
        "post",
        {"name": "New Person (synthetic)", "phone": "+91 99999 12345"},
    )
    assert created.status_code == 201
    body = created.json()
    updated = call(
        client,
        f"/contacts/{body['id']}",
        raw,
        "put",
        {"name": "Renamed (synthetic)", "version": body["version"]},
    )
    assert updated.status_code == 200 and updated.json()["version"] == body["version"] + 1


def test_it_detects_a_lost_update(client, two_districts, supervisor):
    raw = APIToken.issue(supervisor, "t")[1]
    contact = two_districts["contact_a"]
    first = call(client, f"/contacts/{contact.pk}", raw, "put", {"name": "One", "version": 1})
    assert first.status_code == 200
    second = call(client, f"/contacts/{contact.pk}", raw, "put", {"name": "Two", "version": 1})
    assert second.status_code == 409
    assert AgencyContact.objects.restrict(SYSTEM).get(pk=contact.pk).name == "One"
