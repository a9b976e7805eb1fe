"""Survivor records: encrypted at rest, found by a blind index, and seen by
another agency only with the survivor's consent — which, revoked, stops at once."""

from django.db import connection
from django.urls import reverse

from sangam.audit.models import AuditEntry
from sangam.cases.models import Case, Consent, Intake, Survivor
from sangam.core.access import SYSTEM
from tests.cases.conftest import NAME, consent_for
from tests.conftest import make_agency


def test_a_database_row_does_not_reveal_the_name(case_world):
    with connection.cursor() as cursor:
        cursor.execute("SELECT name, aliases FROM cases_survivor")
        name, aliases = cursor.fetchone()
        cursor.execute("SELECT narrative FROM cases_intake")
        (narrative,) = cursor.fetchone()
    assert "রূপা" not in name and "Rupa" not in aliases and "train" not in narrative
    assert Survivor.objects.restrict(SYSTEM).get().name == NAME


def test_the_own_agency_finds_her_by_name_in_either_script(client, case_world):
    client.force_login(case_world["worker"])
    for query in ("রূপা", "rupa das", "DAS"):
        body = client.post(reverse("cases:list"), {"q": query}).content.decode()
        assert NAME in body, query
    assert NAME not in client.post(reverse("cases:list"), {"q": "Pooja"}).content.decode()


def test_an_agency_without_consent_sees_nothing(client, case_world):
    client.force_login(case_world["cwc"])
    assert NAME not in client.get(reverse("cases:list")).content.decode()
    url = reverse("cases:survivor", args=[case_world["survivor"].pk])
    assert client.get(url).status_code == 404


def test_consent_to_identity_shows_the_name_but_not_the_account(client, case_world):
    consent_for(case_world, "cwc", "identity")
    client.force_login(case_world["cwc"])
    body = client.get(reverse("cases:survivor", args=[case_world["survivor"].pk])).content.decode()
    assert NAME in body and "train" not in body
    # Consent is per kind of agency: the police still see nothing.
    client.force_login(case_world["police"])
    assert (
        client.get(reverse("cases:survivor", args=[case_world["survivor"].pk])).status_code == 404
    )


def test_consent_to_the_account_lets_the_story_be_read_not_re_asked(client, case_world):
    consent_for(case_world, "cwc", "identity", "account")
    client.force_login(case_world["cwc"])
    body = client.get(reverse("cases:survivor", args=[case_world["survivor"].pk])).content.decode()
    assert "taken by train" in body


def test_revoking_consent_removes_access_at_once(client, case_world):
    c = consent_for(case_world, "cwc", "identity", "account")
    url = reverse("cases:survivor", args=[case_world["survivor"].pk])
    client.force_login(case_world["cwc"])
    assert client.get(url).status_code == 200
    client.force_login(case_world["worker"])
    client.post(reverse("cases:revoke", args=[c.pk]))
    client.force_login(case_world["cwc"])
    assert client.get(url).status_code == 404


def test_a_caseworker_moved_to_another_agency_loses_access_at_once(client, case_world):
    from sangam.agencies.models import Membership

    url = reverse("cases:survivor", args=[case_world["survivor"].pk])
    client.force_login(case_world["worker"])
    assert client.get(url).status_code == 200
    other = make_agency("IN-DL", "South", name="Another Delhi NGO (synthetic)")
    Membership.objects.restrict(SYSTEM).filter(user=case_world["worker"]).update(agency=other)
    assert client.get(url).status_code == 404


def test_expired_consent_no_longer_applies(client, case_world):
    from datetime import timedelta

    from django.utils import timezone

    c = consent_for(case_world, "cwc", "identity")
    Consent.objects.restrict(SYSTEM).filter(pk=c.pk).update(
        valid_until=timezone.localdate() - timedelta(days=1)
    )
    client.force_login(case_world["cwc"])
    assert (
        client.get(reverse("cases:survivor", args=[case_world["survivor"].pk])).status_code == 404
    )


def test_every_view_of_identifying_data_is_audited(client, case_world):
    client.force_login(case_world["worker"])
    client.get(reverse("cases:list"))
    client.get(reverse("cases:survivor", args=[case_world["survivor"].pk]))
    entries = AuditEntry.objects.filter(actor_id=case_world["worker"].pk)
    assert entries.filter(action="list", object_type="cases.survivor").exists()
    assert entries.filter(
        action="view", object_type="cases.survivor", object_id=str(case_world["survivor"].pk)
    ).exists()
    assert entries.filter(action="view", object_type="cases.intake").exists()
    # The audit trail names the record, never the name.
    assert not AuditEntry.objects.filter(detail__icontains="Rupa").exists()


def test_concurrent_edits_conflict_instead_of_overwriting(client, case_world):
    client.force_login(case_world["worker"])
    url = reverse("cases:edit", args=[case_world["survivor"].pk])
    form = {"name": NAME, "sex": "female", "estimated_age": 17, "version": 1}
    Survivor.objects.restrict(SYSTEM).filter(pk=case_world["survivor"].pk).update(version=2)
    other = Survivor.objects.restrict(SYSTEM).get()
    other.estimated_age = 15  # saved by someone else meanwhile
    other.save()
    response = client.post(url, form)
    body = response.content.decode()
    assert "Someone else saved this record" in body
    assert "Estimated age is now: 15" in body
    assert Survivor.objects.restrict(SYSTEM).get().estimated_age == 15


def test_impossible_dates_and_ages_are_refused(client, case_world):
    client.force_login(case_world["worker"])
    response = client.post(
        reverse("cases:create"),
        {"name": "Test Person (synthetic)", "sex": "female", "date_of_birth": "2099-01-01"},
    )
    assert "cannot be in the future" in response.content.decode()
    response = client.post(
        reverse("cases:create"),
        {"name": "Test Person (synthetic)", "sex": "female", "estimated_age": 140},
    )
    assert "between 0 and 120" in response.content.decode()
    assert Survivor.objects.restrict(SYSTEM).count() == 1


def test_registering_opens_a_case_and_records_the_account_once(client, case_world):
    client.force_login(case_world["worker"])
    response = client.post(
        reverse("cases:create"),
        {
            "name": "সীমা বিবি",
            "aliases_text": "Seema Bibi",
            "sex": "female",
            "estimated_age": 15,
            "age_uncertainty": 2,
            "languages": "Bengali",
            "cwc_involved": "on",
            "intake-narrative": "Synthetic account.",
            "intake-narrative_language": "Bengali",
        },
    )
    survivor = Survivor.objects.restrict(SYSTEM).get(
        pk=int(response.url.rstrip("/").split("/")[-1])
    )
    assert survivor.is_minor and survivor.languages == "ben"
    assert Case.objects.restrict(SYSTEM).get(survivor=survivor).agency == case_world["ngo"]
    assert Intake.objects.restrict(SYSTEM).get(survivor=survivor).language == "ben"
    # Her page names the languages; the codes are for the machines.
    page = client.get(response.url).content.decode()
    assert "<dd>Bengali</dd>" in page and "Given in Bengali" in page


def test_key_rotation_re_encrypts_with_the_new_key(case_world, monkeypatch):
    import base64

    from django.core.management import call_command

    from sangam.core import crypto

    old_id, old_key = crypto.data_keys()[0]
    old = base64.b64encode(old_key).decode()
    new = base64.b64encode(b"n" * 32).decode()
    monkeypatch.setenv("SANGAM_DATA_KEYS", f"k2:{new},{old_id}:{old}")
    crypto.forget_keys()
    try:
        call_command("cases", "rotate-keys", "--blind-index")
        with connection.cursor() as cursor:
            cursor.execute("SELECT name FROM cases_survivor")
            assert cursor.fetchone()[0].startswith("enc1:k2:")
        monkeypatch.setenv("SANGAM_DATA_KEYS", f"k2:{new}")  # the old key is gone
        crypto.forget_keys()
        assert Survivor.objects.restrict(SYSTEM).get().name == NAME
        assert Intake.objects.restrict(SYSTEM).get().narrative.startswith("Synthetic")
    finally:
        monkeypatch.setenv("SANGAM_DATA_KEYS", f"{old_id}:{old}")
        crypto.forget_keys()


def test_the_safe_contact_needs_its_own_consent(client, case_world):
    Survivor.objects.restrict(SYSTEM).filter(pk=case_world["survivor"].pk).update(version=1)
    s = Survivor.objects.restrict(SYSTEM).get()
    s.safe_contact = "Call aunt at +91 99999 00001 after 6 pm"
    s.save()
    url = reverse("cases:survivor", args=[s.pk])
    client.force_login(case_world["worker"])
    assert "Call aunt" in client.get(url).content.decode()
    consent_for(case_world, "cwc", "identity")
    client.force_login(case_world["cwc"])
    body = client.get(url).content.decode()
    assert NAME in body and "Call aunt" not in body and "Not shared with your agency" in body
    consent_for(case_world, "cwc", "contact")
    assert "Call aunt" in client.get(url).content.decode()


def test_an_account_is_recorded_once_only(client, case_world):
    client.force_login(case_world["worker"])
    url = reverse("cases:intake", args=[case_world["survivor"].pk])
    response = client.post(
        url, {"intake-narrative": "Again?", "intake-narrative_language": "Bengali"}, follow=True
    )
    assert "already recorded" in response.content.decode()
    assert Intake.objects.restrict(SYSTEM).get().narrative.startswith("Synthetic account")
    Intake.objects.restrict(SYSTEM).all().delete()
    client.post(url, {"intake-narrative": "Told later.", "intake-narrative_language": "Bengali"})
    assert Intake.objects.restrict(SYSTEM).get().narrative == "Told later."


def api_get(client, user, path):
    from sangam.accounts.models import APIToken

    token = APIToken.issue(user, "test")[1]
    return client.get(f"/api/cases{path}", HTTP_AUTHORIZATION=f"Bearer {token}")


def test_the_api_applies_the_same_consent_and_per_field_visibility(client, case_world):
    s = Survivor.objects.restrict(SYSTEM).get()
    s.safe_contact = "Call aunt after 6 pm"
    s.save()
    own = api_get(client, case_world["worker"], f"/survivors/{s.pk}").json()
    assert own["name"] == NAME and own["safe_contact"] == "Call aunt after 6 pm"
    assert own["account"].startswith("Synthetic account")
    assert api_get(client, case_world["cwc"], f"/survivors/{s.pk}").status_code == 404
    assert api_get(client, case_world["cwc"], "/survivors").json()["count"] == 0
    consent_for(case_world, "cwc", "identity")
    seen = api_get(client, case_world["cwc"], f"/survivors/{s.pk}").json()
    assert seen["name"] == NAME and seen["safe_contact"] is None and seen["account"] is None
    from sangam.accounts.models import APIToken

    token = APIToken.issue(case_world["cwc"], "search")[1]
    found = client.post(
        "/api/cases/survivors/search",
        {"q": "rupa"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    ).json()
    assert [r["id"] for r in found["items"]] == [s.pk]
    assert AuditEntry.objects.filter(actor_id=case_world["cwc"].pk, action="view").exists()
    assert "/api/cases/survivors/{survivor_id}" in client.get("/api/openapi.json").json()["paths"]


def test_a_name_never_travels_in_a_url(client, case_world):
    client.force_login(case_world["worker"])
    # A name in the query string is not a search (names are posted): nothing is filtered.
    assert NAME in client.get(reverse("cases:list"), {"q": "Pooja"}).content.decode()
    body = client.post(reverse("cases:list"), {"q": "rupa"}).content.decode()
    assert 'method="post"' in body and "?q=" not in body
    from sangam.accounts.models import APIToken

    token = APIToken.issue(case_world["worker"], "t")[1]
    empty = client.post(
        "/api/cases/survivors/search",
        {"q": ""},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert empty.status_code == 422
