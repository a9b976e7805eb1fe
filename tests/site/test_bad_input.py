"""No input gets a 500: the API answers RFC 9457 problem details (4xx), the
pages Sangam's own error page, and nothing is stored."""

import json

import pytest
from django.urls import reverse

from sangam.accounts.models import APIToken
from sangam.agencies.models import AgencyContact
from sangam.core.access import SYSTEM
from sangam.core.roles import Role
from sangam.site.problems import ERRORS
from tests.conftest import make_user

HUGE = "9" * 30


@pytest.fixture
def token(two_districts):
    supervisor = make_user("sup.a", Role.SUPERVISOR, two_districts["a"])
    return APIToken.issue(supervisor, "t")[1]


def api_call(client, token, path, method="get", body=None, content_type="application/json"):
    return getattr(client, method)(
        f"/api{path}", data=body, content_type=content_type, HTTP_AUTHORIZATION=f"Bearer {token}"
    )


def assert_problem(response, *statuses):
    assert response.status_code in statuses, response.content[:300]
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == response.status_code and body["type"] == "about:blank"
    assert body["title"] and body["detail"]
    return body


@pytest.mark.parametrize(
    "path",
    [
        "/agencies?q=%00",
        "/agencies?offset=" + HUGE,
        "/agencies?limit=" + HUGE,
        "/agencies?limit=-1",
        "/agencies/" + HUGE,
        "/contacts/" + HUGE,
        "/hsds/services?page=" + HUGE,
        "/hsds/services?modified_after=2024-01-01T00:00:00%2B23:59",  # beyond PostgreSQL's ±15:59
        "/hsds/services?modified_after=99999-01-01",
    ],
)
def test_the_api_answers_a_bad_query_with_a_problem(client, token, path):
    assert_problem(api_call(client, token, path), 400, 404, 422)


@pytest.mark.parametrize(
    "body",
    [
        '{"name": "Nul\\u0000Byte (synthetic)"}',
        '{"name": "Lone \\ud800 surrogate"}',
        '{"name\\u0000": "x"}',
        "[" * 100_000 + "]" * 100_000,
        '{"name": "A", "phone": ' + HUGE + "}",
    ],
)
def test_the_api_refuses_bodies_no_database_can_store_and_writes_nothing(
    client, token, two_districts, body
):
    agency = two_districts["a"]
    before = AgencyContact.objects.restrict(SYSTEM).count()
    response = api_call(client, token, f"/agencies/{agency.pk}/contacts", "post", body)
    assert_problem(response, 400, 422)
    assert AgencyContact.objects.restrict(SYSTEM).count() == before


def test_the_api_refuses_text_over_the_limit(client, token, two_districts, settings):
    settings.SANGAM_MAX_TEXT_CHARS = 100
    body = json.dumps({"name": "x" * 101})
    response = api_call(client, token, f"/agencies/{two_districts['a'].pk}/contacts", "post", body)
    assert assert_problem(response, 422)["detail"] == "Text may be at most 100 characters long."


def test_a_body_over_the_limit_is_413_before_it_is_read(client, token, two_districts, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    body = json.dumps({"name": "x", "designation": "y" * 2000})
    response = api_call(client, token, f"/agencies/{two_districts['a'].pk}/contacts", "post", body)
    assert_problem(response, 413)


def test_the_openapi_document_names_every_error_of_every_operation(client, db):
    doc = client.get("/api/openapi.json").json()
    assert doc["components"]["schemas"]["Problem"]["required"] == [
        "type",
        "title",
        "status",
        "detail",
    ]
    operations = [op for ops in doc["paths"].values() for op in ops.values()]
    assert len(operations) > 30
    for operation in operations:
        for status in ERRORS:
            content = operation["responses"][str(status)]["content"]
            assert "application/problem+json" in content


def test_a_page_answers_a_nul_byte_or_a_huge_id_with_its_own_400_page(client, jharkhand):
    client.force_login(jharkhand["supervisor"])
    # PostgreSQL compares a huge id as a number (nothing found); SQLite cannot
    # bind it: either way no 500.
    assert client.get(reverse("prevention:village_points") + "?district=" + HUGE).status_code in (
        200,
        400,
    )
    for url in (
        "/directory/?q=%00",
        reverse("prevention:villages") + "?district=%00",
    ):
        response = client.get(url)
        assert response.status_code == 400, url
        assert "Request refused" in response.content.decode()


def test_a_form_with_a_nul_byte_is_refused_and_nothing_saved(client, two_districts):
    supervisor = make_user("sup.form", Role.SUPERVISOR, two_districts["a"])
    client.force_login(supervisor)
    before = AgencyContact.objects.restrict(SYSTEM).count()
    url = reverse("agencies:contact_create", args=[two_districts["a"].pk])
    response = client.post(url, {"name": "Nul\x00 (synthetic)", "phone": ""})
    assert response.status_code == 400
    assert AgencyContact.objects.restrict(SYSTEM).count() == before


def test_an_upload_over_the_limit_is_413_and_nothing_is_stored(client, jharkhand, settings):
    settings.SANGAM_MAX_IMPORT_BYTES = 10_000
    client.force_login(jharkhand["crp"])
    uploads = settings.VAR_DIR / "uploads" / "imports"
    before = set(uploads.glob("*")) if uploads.exists() else set()
    big = b"serial,name\n" + b"1,Synthetic Name\n" * 200_000  # 3.4 MB, over limit + overhead
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(
        reverse("prevention:import"),
        {"register": "households", "file": SimpleUploadedFile("big.csv", big)},
    )
    assert response.status_code == 413
    assert "Request refused" in response.content.decode()
    assert (set(uploads.glob("*")) if uploads.exists() else set()) == before
