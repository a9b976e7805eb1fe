"""The pages a caseworker and an officer use, the API with its 409s and
404s, the inquiry clock and its escalation (the clock moved by the test),
the figures in constant queries and the application PDF in Hindi and
Bengali."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from sangam.accounts.models import APIToken
from sangam.compensation import figures, reminders
from sangam.compensation.models import Claim
from sangam.core.access import SYSTEM
from tests.compensation.conftest import filed, fresh, open_claim

TODAY = timezone.localdate()


def test_a_claim_opened_from_her_case_is_pre_filled(world, client):
    client.force_login(world["worker"])
    page = client.get(f"/compensation/new/{world['case'].pk}/")
    assert page.status_code == 200
    form = page.context["form"]
    assert form.initial["age_at_application"] == 16
    assert "does not depend on a rescue, an FIR" in page.content.decode()
    # The schedule's amounts read the Indian way, as everywhere else.
    assert "Rape — ₹4,00,000–7,00,000" in page.content.decode()
    rape = world["nalsa"].harms.get(code="rape")
    response = client.post(
        f"/compensation/new/{world['case'].pk}/",
        {
            "serving_agency": world["ngo"].pk,
            "route": "own",
            "authority": world["dlsa"].pk,
            "basis": "offence",
            "age_at_application": 16,
            "trafficking": "on",
            "harms": [rape.pk],
        },
    )
    claim = Claim.objects.restrict(SYSTEM).get()
    assert response.status_code == 302 and claim.documents.restrict(SYSTEM).count() == 6
    assert claim.scheme == world["nalsa"]


def test_the_officer_records_an_award_outside_the_range_only_with_a_reason(world, client):
    claim = filed(world, TODAY - timedelta(days=3), age=25)
    client.force_login(world["officer"])
    page = client.post(
        f"/compensation/{claim.pk}/award/",
        {
            "award_amount": 50,
            "award_order_number": "O/1",
            "award_order_date": TODAY,
            "version": fresh(claim).version,
        },
    )
    assert page.status_code == 422
    assert "record the reason" in page.content.decode()
    assert fresh(claim).award_amount is None


def test_a_stale_page_says_someone_else_saved(world, client):
    claim = filed(world, TODAY)
    client.force_login(world["officer"])
    page = client.post(
        f"/compensation/{claim.pk}/award/",
        {
            "award_amount": 600000,
            "award_order_number": "O/1",
            "award_order_date": TODAY,
            "version": claim.version - 1,
        },
    )
    assert "Someone else saved this record" in page.content.decode()


def _api(client, user):
    token = APIToken.issue(user, "test")[1]
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def test_the_api_moves_a_claim_with_its_version_and_answers_409_when_stale(world, client):
    claim = filed(world, TODAY)
    auth = _api(client, world["officer"])
    url = f"/api/compensation/claims/{claim.pk}/transitions"
    ok = client.post(
        url, {"to": "inquiry", "version": claim.version}, content_type="application/json", **auth
    )
    assert ok.status_code == 200 and ok.json()["status"] == "inquiry"
    stale = client.post(
        url,
        {"to": "rejected", "reason": "x", "version": claim.version},
        content_type="application/json",
        **auth,
    )
    assert stale.status_code == 409
    assert client.get(f"/api/compensation/claims/{claim.pk}", **auth).json()["range_low"] == 600000


def test_the_api_answers_404_to_another_agency_and_lists_schemes(world, client):
    claim = filed(world, TODAY)
    auth = _api(client, world["outsider"])
    assert client.get(f"/api/compensation/claims/{claim.pk}", **auth).status_code == 404
    schemes = client.get("/api/compensation/schemes", **auth).json()
    assert {s["kind"] for s in schemes} == {"victim", "cvcf"}


def test_the_api_refuses_an_award_payment_without_an_account(world, client):
    claim = filed(world, TODAY - timedelta(days=3), age=25)
    auth = _api(client, world["officer"])
    client.post(
        f"/api/compensation/claims/{claim.pk}/award",
        {
            "amount": 500000,
            "order_number": "O/2",
            "order_date": str(TODAY),
            "version": claim.version,
        },
        content_type="application/json",
        **auth,
    )
    paid = client.post(
        f"/api/compensation/claims/{claim.pk}/payments",
        {
            "kind": "award",
            "amount": 1000,
            "paid_on": str(TODAY),
            "version": fresh(claim).version,
        },
        content_type="application/json",
        **auth,
    )
    assert paid.status_code == 422
    assert "amount" in str(paid.json())


def test_the_inquiry_clock_escalates_once_to_the_secretary(world, settings):
    settings.SANGAM_BASE_URL = "https://sangam.example"
    world["secretary"].email = "secretary@example.invalid"
    world["secretary"].save()
    claim = filed(world, TODAY - timedelta(days=30))
    assert fresh(claim).inquiry_due_on == TODAY + timedelta(days=30)
    assert reminders.escalate() == 0
    later = timezone.now() + timedelta(days=31)
    assert reminders.escalate(now=later) == 1
    assert reminders.escalate(now=later) == 0
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "past the inquiry limit" in body and "Test Survivor" not in body
    assert "/compensation/?box=past_limit" in body


def test_a_waiting_document_says_which_and_who_was_asked(world, client):
    from sangam.compensation import workflow

    claim = filed(world, TODAY)
    doc = claim.documents.restrict(SYSTEM).get(kind="medical")
    doc.state, doc.on, doc.asked_whom = "requested", TODAY, "District hospital"
    workflow.update_document(world["worker"], claim, doc, expected_version=fresh(claim).version)
    client.force_login(world["worker"])
    page = client.get("/compensation/?box=waiting").content.decode()
    assert "Waiting for Medical report, asked of District hospital" in page


def _count(function):
    with CaptureQueriesContext(connection) as captured:
        function()
    return len(captured)


def test_the_card_and_the_district_table_run_in_constant_queries(world):
    official = world["official"]
    official.active_memberships()
    where = figures.Q(authority__district=world["dlsa"].district_id)
    filed(world, TODAY - timedelta(days=70))
    before = (
        _count(lambda: figures._card(official)),
        _count(lambda: figures.table(where, "district_id")),
    )
    for days in (5, 10, 80):
        filed(world, TODAY - timedelta(days=days))
    after = (
        _count(lambda: figures._card(official)),
        _count(lambda: figures.table(where, "district_id")),
    )
    assert before == after
    card = figures._card(official)
    assert card == {"mine": False, "filed": 4, "pending": 4, "past_limit": 2}
    row = figures.table(where, "district_id")[world["dlsa"].district_id]
    assert row["filed"] == 4 and row["past_limit_share"] == 50


def test_a_district_official_sees_figures_not_claims(world, client):
    filed(world, TODAY)
    client.force_login(world["official"])
    assert client.get("/compensation/figures/").status_code == 200
    assert "Test Survivor" not in client.get("/compensation/figures/").content.decode()
    assert not Claim.objects.restrict(world["official"]).exists()


@pytest.mark.parametrize("language, words", [("hi", "आवेदन"), ("bn", "আবেদন")])
def test_the_application_pdf_reads_back_in_hindi_and_bengali(world, client, language, words):
    import io

    from pypdf import PdfReader

    claim = open_claim(world)
    client.force_login(world["worker"])
    response = client.get(f"/compensation/{claim.pk}/application.pdf?lang={language}")
    assert response.status_code == 200
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert words in text


def test_editing_the_particulars_cannot_move_the_claim_to_another_authority(world, client):
    claim = open_claim(world)
    client.force_login(world["worker"])
    response = client.post(
        f"/compensation/{claim.pk}/edit/",
        {
            "route": "police",
            "basis": "residence",
            "authority": world["delhi"].pk,
            "age_at_application": 16,
            "version": claim.version,
        },
    )
    assert response.status_code == 302
    claim = fresh(claim)
    assert claim.route == "police" and claim.authority == world["dlsa"]


def test_the_remind_command_reports_counts(world):
    from io import StringIO

    from django.core.management import call_command

    filed(world, TODAY - timedelta(days=90))
    out = StringIO()
    call_command("compensation", "remind", stdout=out)
    assert "escalated 1 claims past the inquiry limit" in out.getvalue()
