"""The demo gives demo.legal (DLSA Malda) claims to work: one past its
inquiry limit and waiting on the police's FIR copy, one paid into a new Jan
Dhan account, one handed over to the DLSA in Delhi."""

import pytest
from django.core.management import call_command
from django.db import transaction

from sangam.accounts.models import User
from sangam.compensation.models import Claim, ClaimHandover
from sangam.core.access import SYSTEM


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed", "--demo", stdout=None)
        yield
        transaction.set_rollback(True)


def test_demo_legal_has_claims_in_several_states_and_a_hand_over_to_delhi(demo, db, client):
    legal = User.objects.restrict(SYSTEM).get(username="demo.legal")
    client.force_login(legal)
    claims = Claim.objects.restrict(legal)
    assert set(claims.values_list("status", flat=True)) == {"inquiry", "paid"}
    page = client.get("/compensation/?box=past_limit").content.decode()
    assert "Past the inquiry limit" in page and "Waiting for FIR or complaint copy" in page
    handover = ClaimHandover.objects.restrict(legal).select_related("to_authority").get()
    assert handover.to_authority.state.code == "IN-DL"
    assert not claims.filter(pk=handover.claim_id).exists()
    worker = User.objects.restrict(SYSTEM).get(username="demo.caseworker")
    assert Claim.objects.restrict(worker).count() == 3


def test_a_demo_claim_of_a_rescued_girl_takes_her_fir_from_sangam(demo, db, client):
    claim = Claim.objects.restrict(SYSTEM).get(criminal_case__isnull=False)
    assert "BNS 143" in claim.sections and "BNS 137" not in claim.sections
    client.force_login(User.objects.restrict(SYSTEM).get(username="demo.legal"))
    assert "DEMO-0042/2026" in client.get(f"/compensation/{claim.pk}/").content.decode()
