"""The safe migration centre: the recruiter registry, complaints, and a
job-offer check that gives advice and keeps a record of it."""

from datetime import timedelta

from django.utils import timezone

from sangam.core.access import SYSTEM
from sangam.geography.models import State
from sangam.prevention.models import JobOfferCheck, Recruiter, RecruiterComplaint

TODAY = timezone.localdate()


def recruiter(**fields):
    return Recruiter.objects.create(
        name="Agent Testname (synthetic)", state=State.objects.get(code="IN-DL"), **fields
    )


def test_it_advises_against_an_offer_with_an_advance_fee(client, jharkhand):
    client.force_login(jharkhand["crp"])
    page = client.post(
        "/prevention/job-check/",
        {
            "village": jharkhand["village"].pk,
            "offer": "Factory, Delhi, 15000/month",
            "red_flags": ["advance_fee", "no_contract"],
        },  # fmt: skip
    ).content.decode()
    assert "Do not go with this offer" in page
    assert "Do not pay anyone for a job" in page
    check = JobOfferCheck.objects.restrict(SYSTEM).get()
    assert check.advice == "do_not_go" and check.red_flags == ["advance_fee", "no_contract"]


def test_an_unlicensed_recruiter_is_a_red_flag_by_itself(client, jharkhand):
    agent = recruiter(licence_number="L-1", licence_valid_until=TODAY - timedelta(days=1))
    licensed = recruiter(licence_number="L-2", licence_valid_until=TODAY + timedelta(days=90))
    client.force_login(jharkhand["crp"])
    page = client.post(
        "/prevention/job-check/",
        {"village": jharkhand["village"].pk, "offer": "Hotel work", "recruiter": agent.pk},
    ).content.decode()
    assert "Verify before going" in page
    page = client.post(
        "/prevention/job-check/",
        {"village": jharkhand["village"].pk, "offer": "Hotel work", "recruiter": licensed.pk},
    ).content.decode()
    assert "No red flags found" in page


def test_the_registry_shows_licence_and_complaints_to_every_state(client, jharkhand):
    agent = recruiter(licence_number="L-1", licence_valid_until=TODAY + timedelta(days=1))
    client.force_login(jharkhand["crp"])  # Jharkhand CRP, Delhi agent
    client.post(f"/prevention/recruiters/{agent.pk}/",
                {"received_on": TODAY.isoformat(), "summary": "Wages withheld"})  # fmt: skip
    assert RecruiterComplaint.objects.restrict(SYSTEM).get().created_by == jharkhand["crp"]
    page = client.post("/prevention/recruiters/", {"q": "testname"}).content.decode()
    assert "licensed" in page and "1 complaint" in page
    assert "Wages withheld" in client.get(f"/prevention/recruiters/{agent.pk}/").content.decode()


def test_the_information_sheet_is_public_and_in_hindi(client):
    page = client.get("/prevention/information/", HTTP_ACCEPT_LANGUAGE="hi").content.decode()
    assert "1098" in page and "181" in page
    assert "हेल्पलाइन" in page


def test_the_registry_finds_an_agent_by_name_though_the_name_is_encrypted(client, jharkhand):
    from django.db import connection

    recruiter(firm="Synthetic Placements", phone="+91 99999 12345")
    Recruiter.objects.create(name="Other Person (synthetic)", state=State.objects.get(code="IN-DL"))
    with connection.cursor() as cursor:
        cursor.execute("SELECT name, phone FROM prevention_recruiter")
        stored = " ".join(v for row in cursor.fetchall() for v in row)
    assert "Testname" not in stored and "12345" not in stored
    client.force_login(jharkhand["crp"])

    def found(q):
        page = client.post("/prevention/recruiters/", {"q": q}).content.decode()
        return ("Testname" in page, "Other Person" in page)

    # The name is posted, never put in a URL: a ?q= in the address is ignored.
    unfiltered = client.get("/prevention/recruiters/", {"q": "testname"}).content.decode()
    assert "Other Person" in unfiltered

    assert found("testname AGENT") == (True, False)  # every word of the name, any case
    assert found("placements") == (True, False)  # the firm, as before
    assert found("Nobody") == (False, False)
