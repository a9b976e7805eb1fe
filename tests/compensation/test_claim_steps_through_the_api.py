"""The claim's own steps through the API, as on its page: filing starts the
clocks, interim relief is ordered by the authority only, the bank account
is recorded (the number never returned, only masked) before any payment,
and a hand-over moves the claim; stale versions 409, bad input 422 with
nothing saved, another agency 404."""

from datetime import timedelta

from django.utils import timezone

from sangam.accounts.models import APIToken
from sangam.compensation.models import Claim
from sangam.core.access import SYSTEM
from tests.compensation.conftest import fresh, open_claim

TODAY = timezone.localdate()


def api(client, user):
    token = APIToken.issue(user, "test")[1]

    def call(path, body):
        return client.post(
            f"/api/compensation{path}",
            body,
            content_type="application/json",
            headers={"authorization": f"Bearer {token}"},
        )

    return call


def test_filing_interim_relief_and_the_account_through_the_api(world, client):
    claim = open_claim(world)
    worker, officer = api(client, world["worker"]), api(client, world["officer"])
    applied = (TODAY - timedelta(days=5)).isoformat()
    filed = worker(f"/claims/{claim.pk}/file", {"applied_on": applied, "version": claim.version})
    assert filed.status_code == 200, filed.content
    body = filed.json()
    assert body["status"] == "filed" and body["inquiry_due_on"] is not None

    # The caseworker asks for interim relief; only the authority orders it.
    asked = {"interim_requested_on": applied, "interim_certificate": "police",
             "version": body["version"]}  # fmt: skip
    body = worker(f"/claims/{claim.pk}/interim", asked).json()
    assert fresh(claim).interim_requested_on.isoformat() == applied
    order = {**asked, "interim_ordered_on": TODAY.isoformat(), "interim_order_number": "IR/1",
             "interim_amount": 10000, "version": body["version"]}  # fmt: skip
    assert worker(f"/claims/{claim.pk}/interim", order).status_code == 409
    ordered = officer(f"/claims/{claim.pk}/interim", order)
    assert ordered.status_code == 200, ordered.content
    assert ordered.json()["interim_amount"] == 10000

    # Dates out of order: refused at the field, nothing saved.
    version = ordered.json()["version"]
    early = {"account_status": "opened", "account_applied_on": TODAY.isoformat(),
             "account_opened_on": applied, "account_number": "99990000123456",
             "version": version}  # fmt: skip
    refused = worker(f"/claims/{claim.pk}/account", early)
    assert refused.status_code == 422
    assert "account_opened_on" in refused.json()["errors"]
    assert fresh(claim).account_number == ""
    opened = worker(
        f"/claims/{claim.pk}/account",
        early | {"account_applied_on": applied, "account_opened_on": TODAY.isoformat()},
    )
    assert opened.status_code == 200, opened.content
    assert opened.json()["account_masked"].endswith("3456")
    assert "99990000123456" not in opened.content.decode()
    assert fresh(claim).account_number == "99990000123456"


def test_a_stale_version_conflicts_and_another_agency_gets_404(world, client):
    claim = open_claim(world)
    worker = api(client, world["worker"])
    stale = worker(f"/claims/{claim.pk}/file", {"applied_on": TODAY.isoformat(), "version": 0})
    assert stale.status_code == 409
    assert fresh(claim).status == "draft"
    outsider = api(client, world["outsider"])
    body = {"account_status": "applied", "account_applied_on": TODAY.isoformat(), "version": 1}
    assert outsider(f"/claims/{claim.pk}/account", body).status_code == 404
    assert fresh(claim).account_status == "none"


def test_a_hand_over_through_the_api_moves_the_claim(world, client):
    claim = open_claim(world)
    officer = api(client, world["officer"])
    moved = officer(
        f"/claims/{claim.pk}/handover",
        {"to_authority_id": world["delhi"].pk, "reason": "She lives in Delhi now.",
         "version": claim.version},
    )  # fmt: skip
    assert moved.status_code == 200, moved.content
    assert Claim.objects.restrict(SYSTEM).get(pk=claim.pk).authority == world["delhi"]
    again = officer(
        f"/claims/{claim.pk}/handover",
        {"to_authority_id": world["dlsa"].pk, "reason": "x", "version": moved.json()["version"]},
    )
    assert again.status_code == 404
