"""A claim from application to payment: the scheme's range and minor
uplift, the interim share rule, bad input refused by the field, the bank
account before any payment, the hand-over, consent and 404s."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from sangam.compensation import workflow
from sangam.compensation.models import Claim, ClaimEvent, ClaimHandover, ClaimPayment
from sangam.core.access import SYSTEM
from sangam.core.editing import EditConflict
from sangam.core.workflow import Refused
from tests.compensation.conftest import filed, fresh, open_claim
from tests.conftest import make_survivor

TODAY = timezone.localdate()


def test_nalsa_2018_is_in_force_for_a_state_without_its_own_and_is_unverified(world):
    assert world["nalsa"].title.startswith("NALSA")
    assert world["nalsa"].verified is False
    assert world["nalsa"].inquiry_days == 60


def test_the_range_of_an_adult_is_the_schedule_and_a_minor_gets_the_uplift(world):
    adult = open_claim(world, age=25)
    assert workflow.award_range(adult) == (400000, 700000)
    minor = open_claim(world, age=16)
    assert workflow.award_range(minor) == (600000, 1050000)


def test_the_cvcf_floor_holds_for_a_trafficking_harm_below_it(world):
    claim = open_claim(world, harms=("permanent_disability_80",), age=12)
    # ₹2 lakh with +50% (under 18) beats the CVCF's ₹1 lakh + 50% (under 14).
    assert workflow.award_range(claim) == (300000, None)
    small = open_claim(world, harms=("loss_of_foetus_or_fertility",), age=30)
    assert workflow.award_range(small)[0] == 200000


def test_an_award_outside_the_range_needs_a_reason(world):
    claim = filed(world, TODAY - timedelta(days=5), age=25)
    officer = world["officer"]
    with pytest.raises(ValidationError) as refused:
        workflow.award(
            officer,
            claim,
            amount=900000,
            order_number="O/1",
            order_date=TODAY,
            expected_version=claim.version,
        )
    assert "award_reason" in refused.value.message_dict
    assert fresh(claim).award_amount is None
    workflow.award(
        officer,
        fresh(claim),
        amount=900000,
        order_number="O/1",
        order_date=TODAY,
        reason="Permanent injury",
        expected_version=fresh(claim).version,
    )
    assert fresh(claim).status == "awarded"


def test_an_order_before_the_application_is_refused(world):
    claim = filed(world, TODAY - timedelta(days=5), age=25)
    with pytest.raises(ValidationError) as refused:
        workflow.award(
            world["officer"],
            claim,
            amount=500000,
            order_number="O/1",
            order_date=TODAY - timedelta(days=9),
            expected_version=claim.version,
        )
    assert "award_order_date" in refused.value.message_dict


def test_the_interim_share_rule(world):
    claim = filed(world, TODAY - timedelta(days=2), age=25)
    officer = world["officer"]
    workflow.record_interim(
        officer,
        claim,
        {"interim_ordered_on": TODAY, "interim_order_number": "IR/1", "interim_amount": 10000},
        expected_version=claim.version,
    )
    so_far, least = workflow.interim_share(fresh(claim))
    assert (so_far, least) == (10000, 175000)  # 25% of the ₹7 lakh maximum
    with pytest.raises(ValidationError) as refused:
        workflow.record_interim(
            officer,
            fresh(claim),
            {"interim_amount": 800000, "interim_ordered_on": TODAY},
            expected_version=fresh(claim).version,
        )
    assert "interim_amount" in refused.value.message_dict


def test_only_the_authority_orders_interim_relief(world):
    claim = filed(world, TODAY)
    with pytest.raises(Refused):
        workflow.record_interim(
            world["worker"],
            claim,
            {"interim_amount": 5000, "interim_ordered_on": TODAY},
            expected_version=claim.version,
        )


def _award(world, claim, amount=500000):
    workflow.award(
        world["officer"],
        claim,
        amount=amount,
        order_number="O/1",
        order_date=TODAY - timedelta(days=1),
        expected_version=claim.version,
    )
    return fresh(claim)


def test_no_payment_before_a_bank_account_exists(world):
    claim = _award(world, filed(world, TODAY - timedelta(days=30), age=25))
    with pytest.raises(ValidationError) as refused:
        workflow.record_payment(
            world["officer"],
            claim,
            ClaimPayment(kind="award", amount=500000, paid_on=TODAY),
            expected_version=claim.version,
        )
    assert "amount" in refused.value.message_dict
    assert not ClaimPayment.objects.restrict(SYSTEM).filter(claim=claim).exists()


def _open_account(world, claim, opened_on):
    workflow.record_account(
        world["worker"],
        claim,
        {
            "account_status": "opened",
            "account_applied_on": opened_on,
            "account_opened_on": opened_on,
            "account_pmjdy": True,
            "bank_name": "Test Bank",
            "account_number": "99990000111122",
        },
        expected_version=claim.version,
    )
    return fresh(claim)


def test_the_account_number_is_kept_encrypted_and_shown_masked(world):
    from django.db import connection

    claim = _open_account(world, filed(world, TODAY), TODAY)
    assert claim.masked_account == "••••••••••1122"
    with connection.cursor() as cursor:
        cursor.execute("SELECT account_number FROM compensation_claim WHERE id = %s", [claim.pk])
        assert "1122" not in cursor.fetchone()[0]


def test_payments_larger_than_the_award_or_before_the_order_are_refused(world):
    claim = filed(world, TODAY - timedelta(days=30), age=25)
    claim = _open_account(world, claim, TODAY - timedelta(days=20))
    claim = _award(world, claim)
    officer = world["officer"]
    with pytest.raises(ValidationError) as refused:
        workflow.record_payment(
            officer,
            claim,
            ClaimPayment(kind="award", amount=600000, paid_on=TODAY),
            expected_version=claim.version,
        )
    assert "amount" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        workflow.record_payment(
            officer,
            claim,
            ClaimPayment(kind="award", amount=100, paid_on=TODAY - timedelta(days=3)),
            expected_version=claim.version,
        )
    assert "paid_on" in refused.value.message_dict


def test_instalments_and_a_fixed_deposit_paid_in_full_make_the_claim_paid(world):
    claim = filed(world, TODAY - timedelta(days=30), age=25)
    claim = _award(world, _open_account(world, claim, TODAY - timedelta(days=20)))
    officer = world["officer"]
    workflow.record_payment(
        officer,
        claim,
        ClaimPayment(kind="award", amount=125000, paid_on=TODAY),
        expected_version=claim.version,
    )
    assert fresh(claim).status == "awarded"
    with pytest.raises(ValidationError) as refused:
        workflow.record_payment(
            officer,
            fresh(claim),
            ClaimPayment(kind="fixed_deposit", amount=375000, paid_on=TODAY),
            expected_version=fresh(claim).version,
        )
    assert "matures_on" in refused.value.message_dict
    workflow.record_payment(
        officer,
        fresh(claim),
        ClaimPayment(
            kind="fixed_deposit",
            amount=375000,
            paid_on=TODAY,
            matures_on=date(TODAY.year + 3, 1, 1),
        ),
        expected_version=fresh(claim).version,
    )
    assert fresh(claim).status == "paid"
    assert [e.to_status for e in ClaimEvent.objects.restrict(SYSTEM).filter(claim=claim)] == [
        "draft",
        "filed",
        "awarded",
        "paid",
    ]


def test_a_claim_needs_no_fir_no_rescue_and_no_accused(world):
    claim = filed(world, TODAY)
    assert claim.fir_number == "" and claim.status == "filed"


def test_a_harm_of_another_scheme_is_refused(world):
    from sangam.compensation.models import SchemeHarm, SchemeVersion

    other = SchemeVersion.objects.create(
        title="Delhi scheme (synthetic)",
        source="test",
        in_force_from=date(2020, 1, 1),
        state=world["delhi"].state,
        interim_min=0,
        interim_max=0,
    )
    harm = SchemeHarm.objects.create(version=other, code="rape", label="Rape", min_amount=1)
    claim = open_claim(world)
    with pytest.raises(ValidationError) as refused:
        workflow.save_particulars(world["worker"], claim, [harm], claim.version)
    assert "harms" in refused.value.message_dict


def test_without_her_legal_consent_the_claim_is_refused(world):
    survivor, case = make_survivor(world["ngo"], world["worker"], "Other (synthetic)", "x")
    claim = Claim(
        survivor=survivor,
        case=case,
        serving_agency=world["ngo"],
        authority=world["dlsa"],
        scheme=world["nalsa"],
    )
    with pytest.raises(ValidationError) as refused:
        workflow.create(world["worker"], claim)
    assert "authority" in refused.value.message_dict


def test_the_authority_sees_her_identity_only_with_her_consent(world):
    from sangam.compensation.queries import the_survivor

    claim = filed(world, TODAY)
    assert the_survivor(world["officer"], claim) is not None
    consent = world["survivor"].consents.restrict(SYSTEM).get()
    consent.revoked_at = timezone.now()
    consent.save()
    assert the_survivor(world["officer"], claim) is None
    # The claim itself is the authority's own record.
    assert Claim.objects.restrict(world["officer"]).filter(pk=claim.pk).exists()


def test_a_hand_over_moves_the_claim_and_keeps_its_history(world):
    claim = filed(world, TODAY)
    workflow.hand_over(
        world["officer"],
        claim,
        world["delhi"],
        "She lives in Delhi now",
        expected_version=claim.version,
    )
    assert not Claim.objects.restrict(world["officer"]).filter(pk=claim.pk).exists()
    assert Claim.objects.restrict(world["delhi_officer"]).filter(pk=claim.pk).exists()
    assert Claim.objects.restrict(world["worker"]).filter(pk=claim.pk).exists()
    assert ClaimHandover.objects.restrict(world["officer"]).filter(claim=claim).exists()
    events = ClaimEvent.objects.restrict(world["delhi_officer"]).filter(claim=claim)
    assert [e.to_status for e in events] == ["draft", "filed", "filed"]
    assert "Delhi" in events.last().reason


def test_a_stale_version_conflicts(world):
    claim = filed(world, TODAY)
    stale = fresh(claim)
    workflow.transition(world["officer"], claim, "inquiry", expected_version=claim.version)
    with pytest.raises(EditConflict):
        workflow.transition(
            world["officer"], stale, "rejected", reason="x", expected_version=stale.version
        )
    assert fresh(claim).status == "inquiry"


def test_a_caseworker_cannot_decide(world):
    claim = filed(world, TODAY)
    with pytest.raises(Refused):
        workflow.transition(
            world["worker"], claim, "rejected", reason="x", expected_version=claim.version
        )


@pytest.mark.parametrize("who", ["outsider", "delhi_officer", "official"])
def test_another_agency_or_district_gets_404(world, client, who):
    claim = filed(world, TODAY)
    client.force_login(world[who])
    assert client.get(claim.get_absolute_url()).status_code == 404
    assert client.get(f"/compensation/{claim.pk}/application.pdf").status_code == 404
