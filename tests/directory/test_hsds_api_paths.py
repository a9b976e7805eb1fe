"""Every read path and parameter of the HSDS 3.0 API is served, and answers in HSDS."""

import json
from pathlib import Path

import pytest

from sangam.directory import models as m
from tests.conftest import district, make_service
from tests.directory.test_hsds_conformance import errors

HSDS_OPENAPI = (
    Path(__file__).resolve().parents[2] / "sangam" / "directory" / "hsds_schema" / "openapi.json"
)


def hsds_operations():
    """{path: {parameter names}} of the HSDS 3.0 OpenAPI document (all GET)."""
    spec = json.loads(HSDS_OPENAPI.read_text())
    shared = spec["components"]["parameters"]
    out = {}
    for path, item in spec["paths"].items():
        params = item.get("parameters", []) + item["get"].get("parameters", [])
        names = {
            shared[p["$ref"].rsplit("/", 1)[1]]["name"] if "$ref" in p else p["name"]
            for p in params
        }
        out[path] = names
    return out


@pytest.fixture
def filled(directory):
    make_service("Girls home", district("IN-WB", "Malda"), sex="female", ages=(6, 18))
    make_service(
        "Legal aid cell", district("IN-DL", "South"), terms=("legal-aid", "victim-compensation")
    )


def test_sangam_serves_every_path_and_parameter_of_the_hsds_api(client):
    ours = client.get("/api/openapi.json").json()["paths"]
    missing = []
    for path, names in hsds_operations().items():
        operation = ours.get(f"/api/hsds{path}", {}).get("get")
        if operation is None:
            missing.append(path)
            continue
        served = {p["name"] for p in operation.get("parameters", [])}
        missing += [f"{path}?{name}" for name in sorted(names - served)]
    assert missing == []


def test_a_taxonomy_and_a_term_are_served_by_id(client, filled):
    taxonomy = m.Taxonomy.objects.first()
    got = client.get(f"/api/hsds/taxonomies/{taxonomy.pk}")
    assert got.status_code == 200 and errors("taxonomy", got.json()) == []
    assert got.json()["name"] == taxonomy.name
    term = m.TaxonomyTerm.objects.filter(code="legal-aid").get()
    got = client.get(f"/api/hsds/taxonomy_terms/{term.pk}")
    assert got.status_code == 200 and errors("taxonomy_term", got.json()) == []
    assert got.json()["code"] == "legal-aid"
    for kind in ("taxonomies", "taxonomy_terms"):
        assert client.get(f"/api/hsds/{kind}/nope").status_code == 404
        unknown = f"/api/hsds/{kind}/00000000-0000-4000-8000-000000000000"
        assert client.get(unknown).status_code == 404


def test_terms_can_be_listed_by_parent_or_top_level_only(client, filled):
    child = m.TaxonomyTerm.objects.filter(parent__isnull=False).first()
    assert child is not None
    top = client.get("/api/hsds/taxonomy_terms", {"top_only": "true", "per_page": 100}).json()
    assert top["total_items"] == m.TaxonomyTerm.objects.filter(parent__isnull=True).count()
    assert all(not t.get("parent_id") for t in top["contents"])
    children = client.get("/api/hsds/taxonomy_terms", {"parent_id": str(child.parent_id)}).json()
    assert str(child.pk) in {t["id"] for t in children["contents"]}
    assert all(t["parent_id"] == str(child.parent_id) for t in children["contents"])
    found = client.get("/api/hsds/taxonomy_terms", {"search": "legal-aid"}).json()
    assert "legal-aid" in {t["code"] for t in found["contents"]}
    assert client.get("/api/hsds/taxonomy_terms", {"parent_id": "x"}).status_code == 422


def test_an_organization_nests_its_services_in_full_only_when_asked(client, filled):
    org = m.Service.objects.get(name="Legal aid cell").organization
    simple = client.get(f"/api/hsds/organizations/{org.pk}").json()
    assert errors("compiled/organization", simple) == []
    assert [s["name"] for s in simple["services"]] == ["Legal aid cell"]
    assert "service_at_locations" not in simple["services"][0]
    full = client.get(f"/api/hsds/organizations/{org.pk}", {"full_service": "true"}).json()
    assert errors("compiled/organization", full) == []
    assert "service_at_locations" in full["services"][0]


def test_minimal_lists_only_ids_and_modification_times(client, filled):
    page = client.get("/api/hsds/services", {"minimal": "true"}).json()
    assert page["total_items"] == 2
    assert all(set(s) == {"id", "last_modified"} for s in page["contents"])


def test_only_json_is_served(client, filled):
    assert client.get("/api/hsds/services", {"format": "json"}).status_code == 200
    assert client.get("/api/hsds/services", {"format": "ndjson"}).status_code == 422
