"""The compensation API does what the pages do, under the same rules: the
same forms (422 by the field), the same restricted look-ups (404), the same
version checks (409); the scheme is read-only and public."""

from sangam.accounts.models import APIToken
from sangam.compensation.models import BondedLabourRelease
from sangam.core.access import SYSTEM
from tests.compensation.conftest import days_ago, fresh, released


def api(client, user):
    auth = {"HTTP_AUTHORIZATION": f"Bearer {APIToken.issue(user, 'test')[1]}"}

    def call(method, path, body=None):
        url = f"/api/compensation{path}"
        if method == "get":
            return client.get(url, **auth)
        return client.post(url, body or {}, content_type="application/json", **auth)

    return call


def test_the_dm_opens_a_release_and_records_its_certificate_and_assistance(malda, client):
    dm = api(client, malda["dm"])
    response = dm(
        "post",
        "/bonded-labour/releases",
        {
            "survivor_id": malda["survivor"].pk,
            "agency_id": malda["office"].pk,
            "identified_on": days_ago(5).isoformat(),
            "inquiry_started_on": days_ago(5).isoformat(),
        },
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "inquiry" and body["next_steps"] == ["prima-facie"]
    path = f"/bonded-labour/releases/{body['id']}/steps"
    steps = [
        {"step": "prima-facie", "prima_facie_on": days_ago(4).isoformat(),
         "prima_facie_order_number": "PF/API"},
        {"step": "certificate", "certificate_number": "RC/API",
         "certificate_issued_on": days_ago(3).isoformat(), "certificate_officer": "SDM"},
        {"step": "immediate-assistance", "immediate_assistance_amount": 25000,
         "immediate_assistance_paid_on": days_ago(3).isoformat()},
    ]  # fmt: skip
    for step in steps:
        body = dm("post", path, {**step, "version": body["version"]}).json()
    assert body["status"] == "released"
    assert body["immediate_assistance_amount"] == 25000
    assert [e["to_status"] for e in body["history"]] == ["inquiry", "prima_facie", "released"]


def test_refusals_are_problems_by_the_field_and_nothing_is_saved(malda, client):
    release = released(malda)
    dm = api(client, malda["dm"])
    path = f"/bonded-labour/releases/{release.pk}/steps"
    response = dm(
        "post",
        path,
        {"step": "immediate-assistance", "version": release.version,
         "immediate_assistance_amount": 40000,
         "immediate_assistance_paid_on": days_ago(1).isoformat()},
    )  # fmt: skip
    assert response.status_code == 422
    assert "immediate_assistance_amount" in response.json()["errors"]
    stale = dm(
        "post",
        path,
        {"step": "immediate-assistance", "version": release.version - 1,
         "immediate_assistance_amount": 100,
         "immediate_assistance_paid_on": days_ago(1).isoformat()},
    )  # fmt: skip
    assert stale.status_code == 409
    assert fresh(release).immediate_assistance_amount is None
    hidden = dm(
        "post",
        "/bonded-labour/releases",
        {"survivor_id": malda["private"].pk, "agency_id": malda["office"].pk,
         "identified_on": days_ago(1).isoformat(),
         "inquiry_started_on": days_ago(1).isoformat()},
    )  # fmt: skip
    assert hidden.status_code == 422 and "survivor" in hidden.json()["errors"]
    assert BondedLabourRelease.objects.restrict(SYSTEM).count() == 1


def test_another_district_gets_404_and_a_follower_cannot_write(malda, client):
    release = released(malda)
    assert (
        api(client, malda["other_dm"])("get", f"/bonded-labour/releases/{release.pk}").status_code
        == 404
    )
    worker = api(client, malda["worker"])
    assert worker("get", f"/bonded-labour/releases/{release.pk}").status_code == 200
    response = worker(
        "post",
        f"/bonded-labour/releases/{release.pk}/transitions",
        {"to": "closed", "reason": "x", "version": release.version},
    )
    assert response.status_code == 404


def test_the_schemes_are_public_and_read_only(malda, client):
    body = client.get("/api/compensation/bonded-labour/schemes").json()
    assert {v["code"] for v in body} == {"cssrbl-2016", "cssrbl-2021"}
    assert all(v["verified"] is False for v in body)
    one = client.get(f"/api/compensation/bonded-labour/schemes/{body[0]['id']}")
    assert one.status_code == 200
    assert client.post("/api/compensation/bonded-labour/schemes", {}).status_code in (401, 405)


def test_legal_aid_and_documents_through_the_api(malda, client):
    worker, legal = api(client, malda["worker"]), api(client, malda["legal"])
    made = worker(
        "post",
        "/legal-aid",
        {"survivor_id": malda["survivor"].pk, "agency_id": malda["ngo"].pk,
         "authority_id": malda["dlsa"].pk, "matter": "criminal",
         "applied_on": days_ago(3).isoformat()},
    )  # fmt: skip
    assert made.status_code == 201, made.content
    application = made.json()
    assert worker("post", f"/legal-aid/{application['id']}/lawyer", {
        "panel_lawyer": "Adv. X", "assigned_on": days_ago(1).isoformat(),
        "version": application["version"]}).status_code == 409  # fmt: skip
    assigned = legal("post", f"/legal-aid/{application['id']}/lawyer", {
        "panel_lawyer": "Adv. X (synthetic)", "assigned_on": days_ago(1).isoformat(),
        "version": application["version"]})  # fmt: skip
    assert assigned.json()["status"] == "lawyer_assigned"

    document = worker(
        "post",
        "/documents",
        {"survivor_id": malda["survivor"].pk, "agency_id": malda["ngo"].pk,
         "kind": "ration_card", "applied_on": days_ago(4).isoformat()},
    ).json()  # fmt: skip
    issued = worker("post", f"/documents/{document['id']}/steps", {
        "to": "issued", "issued_on": days_ago(1).isoformat(), "number": "RC00001234",
        "version": document["version"]})  # fmt: skip
    assert issued.json()["status"] == "issued" and issued.json()["number"] == "••••••1234"
