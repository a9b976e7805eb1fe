"""A change of a referral the rules refuse is explained in the reader's language."""

import pytest
from django.urls import reverse

from sangam.core.roles import Role
from sangam.referrals import workflow
from sangam.referrals.models import Referral
from tests.conftest import district, make_agency, make_service, make_user


@pytest.fixture
def requested(directory):
    ngo = make_agency("IN-WB", "Malda", name="Sender NGO (synthetic)")
    home = make_agency("IN-WB", "Malda", type="shelter_cci", name="Girls home (synthetic)")
    service = make_service(
        "Girls home service", district("IN-WB", "Malda"), sex="female", ages=(6, 18), agency=home
    )
    sender = make_user("sender", Role.CASEWORKER, ngo)
    receiver = make_user("receiver", Role.CASEWORKER, home)
    receiver.language = "hi"
    receiver.save(update_fields=["language"])
    referral = Referral(
        sender_agency=ngo,
        service=service,
        person_reference="NGO/2026/0001",
        person_age=15,
        person_sex="female",
    )
    return workflow.create(sender, referral, send=True), receiver


def _answer(client, referral, **change):
    client.force_login(change.pop("user"))
    url = reverse("referrals:transition", args=[referral.pk])
    client.post(url, {"version": referral.version, **change})
    return client.get(reverse("referrals:detail", args=[referral.pk])).content.decode()


def test_a_status_that_does_not_exist_is_refused_in_hindi_not_with_a_python_error(
    client, requested
):
    referral, receiver = requested
    page = _answer(client, referral, user=receiver, to="lost")
    assert "not a valid Status" not in page
    assert "अज्ञात स्थिति।" in page


def test_a_rejection_without_a_reason_is_refused_in_hindi(client, requested):
    referral, receiver = requested
    page = _answer(client, referral, user=receiver, to="rejected")
    assert "कृपया कारण बताएँ।" in page
