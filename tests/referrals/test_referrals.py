"""Closed-loop referrals: who may send, receive and change them, what each
change records, deadlines, escalation and reminders."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from sangam.core.access import SYSTEM
from sangam.core.models import EditConflict
from sangam.core.workflow import Refused
from sangam.referrals import workflow
from sangam.referrals.models import Referral, ReferralEvent, Status, add_working_days
from sangam.referrals.reminders import escalate_overdue, remind_external
from tests.conftest import dashboard_card, district, make_service
from tests.referrals.conftest import move, refer


def test_it_goes_from_request_to_completion_with_history(parties):
    referral = refer(parties)
    assert referral.status == Status.REQUESTED and referral.receiver_agency == parties["home"]
    move(parties, "receiver", referral, Status.ACCEPTED)
    move(parties, "receiver", referral, Status.IN_PROGRESS)
    done = move(parties, "receiver", referral, Status.COMPLETED, outcome="Admitted, safe.")
    assert done.closed_at is not None and done.outcome == "Admitted, safe."
    history = ReferralEvent.objects.restrict(SYSTEM).filter(referral=referral)
    assert [e.to_status for e in history] == [
        "draft",
        "requested",
        "accepted",
        "in-progress",
        "completed",
    ]
    assert history.last().created_by == parties["receiver"]


def test_only_the_receiver_may_accept_and_only_the_sender_may_cancel(parties):
    referral = refer(parties)
    with pytest.raises(Refused):
        move(parties, "sender", referral, Status.ACCEPTED)
    with pytest.raises(Refused):
        move(parties, "receiver", referral, Status.CANCELLED, reason="no")
    with pytest.raises(Refused):
        move(parties, "outsider", referral, Status.ACCEPTED)


def test_a_rejection_needs_a_reason(parties):
    referral = refer(parties)
    with pytest.raises(Refused, match="reason"):
        move(parties, "receiver", referral, Status.REJECTED)
    rejected = move(parties, "receiver", referral, Status.REJECTED, reason="No bed for minors")
    assert rejected.status_reason == "No bed for minors"


def test_a_completed_referral_cannot_be_reopened(parties):
    referral = refer(parties)
    move(parties, "receiver", referral, Status.REJECTED, reason="Full")
    with pytest.raises(Refused):
        move(parties, "receiver", referral, Status.ACCEPTED)


def test_a_stale_version_is_a_conflict(parties):
    referral = refer(parties)
    stale = Referral.objects.restrict(SYSTEM).get(pk=referral.pk)
    move(parties, "receiver", referral, Status.ACCEPTED)
    with pytest.raises(EditConflict):
        workflow.transition(
            parties["sender"], stale, Status.CANCELLED, reason="x", expected_version=stale.version
        )


def test_it_refuses_a_closed_service_or_another_agencys_name(parties, client):
    parties["internal"].status = "temporarily closed"
    parties["internal"].save()
    client.force_login(parties["sender"])
    response = client.post(
        reverse("referrals:create"),
        {
            "sender_agency": parties["ngo"].pk,
            "service": parties["internal"].pk,
            "person_reference": "NGO/1",
            "send": "1",
        },
    )
    assert "does not take referrals" in response.content.decode()
    response = client.post(
        reverse("referrals:create"),
        {
            "sender_agency": parties["other"].pk,
            "service": parties["external"].pk,
            "person_reference": "NGO/1",
            "send": "1",
        },
    )
    assert "Select a valid choice" in response.content.decode()
    assert Referral.objects.restrict(SYSTEM).count() == 0


def test_a_name_is_refused_as_a_case_reference(parties, client):
    client.force_login(parties["sender"])
    response = client.post(
        reverse("referrals:create"),
        {
            "sender_agency": parties["ngo"].pk,
            "service": parties["external"].pk,
            "person_reference": "Rupa Das",
            "send": "1",
        },
    )
    assert "not the person" in response.content.decode()
    assert Referral.objects.restrict(SYSTEM).count() == 0


def test_the_receiver_sees_it_and_an_unrelated_agency_does_not(parties, client):
    referral = refer(parties)
    client.force_login(parties["receiver"])
    assert "NGO/2026/0001" in client.get(reverse("referrals:list")).content.decode()
    assert client.get(reverse("referrals:detail", args=[referral.pk])).status_code == 200
    client.force_login(parties["outsider"])
    assert "NGO/2026/0001" not in client.get(reverse("referrals:list")).content.decode()
    assert client.get(reverse("referrals:detail", args=[referral.pk])).status_code == 404
    response = client.post(
        reverse("referrals:transition", args=[referral.pk]), {"to": "accepted", "version": 2}
    )
    assert response.status_code == 404


def test_a_draft_is_not_shown_to_the_receiver(parties, client):
    refer(parties, send=False)
    client.force_login(parties["receiver"])
    assert "NGO/2026/0001" not in client.get(reverse("referrals:list")).content.decode()


def test_the_response_is_due_in_two_working_days():
    friday = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
    assert add_working_days(friday, 2) == datetime(2026, 11, 24, 10, 0, tzinfo=UTC)


def test_an_overdue_referral_escalates_once_to_the_receivers_supervisor(parties):
    referral = refer(parties)
    later = referral.due_at + timedelta(minutes=1)
    assert escalate_overdue(now=later) == 1
    assert escalate_overdue(now=later) == 0
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["home.supervisor@test.sangam.invalid"]
    assert "NGO/2026/0001" not in message.body  # no case details in e-mail
    assert f"/referrals/{referral.pk}/" in message.body


def test_the_sender_is_reminded_to_follow_up_an_external_referral(parties):
    referral = refer(parties, service="external")
    assert referral.is_external
    assert remind_external(now=timezone.now()) == 0
    week = timezone.now() + timedelta(days=8)
    assert remind_external(now=week) == 1
    assert remind_external(now=week + timedelta(days=1)) == 0
    assert mail.outbox[0].to == ["sender@test.sangam.invalid"]
    # Outcome learnt by phone is recorded by the sender.
    move(parties, "sender", referral, Status.ACCEPTED)


def test_the_external_letter_is_a_pdf(parties, client):
    referral = refer(parties, service="external")
    client.force_login(parties["sender"])
    response = client.get(reverse("referrals:letter", args=[referral.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_suggestions_fit_the_person(parties, client):
    client.force_login(parties["sender"])
    malda = district("IN-WB", "Malda")
    make_service("Boys only home", malda, sex="male", ages=(6, 18), beds=3)
    from sangam.directory.taxonomy import term_id

    response = client.get(
        reverse("referrals:suggest"),
        {
            "need": term_id("shelter"),
            "person_age": 15,
            "person_sex": "female",
            "district": malda.pk,
            "sender_agency": parties["ngo"].pk,
        },
    )
    body = response.content.decode()
    assert "Girls home service" in body and "Offline shelter" in body
    assert "Boys only home" not in body


def test_the_dashboard_counts_and_times(parties, client, django_assert_max_num_queries):
    accepted = refer(parties)
    move(parties, "receiver", accepted, Status.ACCEPTED)
    rejected = refer(parties)
    move(parties, "receiver", rejected, Status.REJECTED, reason="Full")
    refer(parties)
    client.force_login(parties["receiver"])
    with django_assert_max_num_queries(30):
        response = client.get(reverse("referrals:dashboard"))
    panel = response.context["panels"][0]
    assert panel["received"]["total"] == 3
    assert panel["received"]["acceptance_rate"] == 50
    assert panel["received"]["open"] == 2
    assert panel["received"]["median_hours_to_accept"] is not None


def test_the_list_uses_a_fixed_number_of_queries(parties, client, django_assert_max_num_queries):
    for _ in range(3):
        refer(parties)
    client.force_login(parties["receiver"])
    with django_assert_max_num_queries(14):
        client.get(reverse("referrals:list"))
    for _ in range(10):
        refer(parties)
    with django_assert_max_num_queries(14):
        response = client.get(reverse("referrals:list"))
    assert response.content.decode().count("NGO/2026/0001") == 13


def test_the_senders_dashboard_shows_an_overdue_referral(parties, client):
    referral = refer(parties)
    client.force_login(parties["sender"])
    assert dashboard_card(client.get(reverse("dashboard")), "referrals/_card.html")["overdue"] == 0
    Referral.objects.restrict(SYSTEM).filter(pk=referral.pk).update(
        due_at=timezone.now() - timedelta(hours=1)
    )
    assert dashboard_card(client.get(reverse("dashboard")), "referrals/_card.html")["overdue"] == 1
    overdue = client.get(reverse("referrals:list"), {"box": "overdue"}).content.decode()
    assert "NGO/2026/0001" in overdue and "Overdue" in overdue


def test_a_shelter_with_a_bed_today_is_suggested_before_a_nearer_full_one(parties):
    from sangam.directory.models import TaxonomyTerm
    from sangam.referrals.suggest import suggestions

    malda = district("IN-WB", "Malda")
    make_service("Full but close", malda, sex="female", ages=(6, 18), beds=0)
    found, widened = suggestions(
        need=TaxonomyTerm.objects.get(code="shelter"),
        age=15,
        sex="female",
        language="",
        district=malda,
        exclude_agency=parties["ngo"],
    )
    names = [row.service.name for row in found]
    assert "Full but close" not in names and "Girls home service" in names
    assert widened is False
