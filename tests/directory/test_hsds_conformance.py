"""HSDS 3.0 conformance: what Sangam exports and serves validates against the
shared HSDS schemas; the HSDS examples import; a round trip loses nothing;
invalid files are reported record by record and import nothing."""

import copy
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from sangam.directory import exchange
from sangam.directory import models as m
from tests.conftest import district

# Verbatim copies of ../shared/reference/hsds-3.0 (schema/ and examples/), so
# that the tests run from a clone on its own.
SCHEMAS = Path(__file__).resolve().parents[2] / "sangam" / "directory" / "hsds_schema"
EXAMPLES = Path(__file__).resolve().parent / "data" / "hsds-3.0-examples"


def schema_dir():
    return SCHEMAS


def validator(name):
    folder = schema_dir()
    resources = [
        (
            p.name,
            Resource.from_contents(json.loads(p.read_text()), default_specification=DRAFT202012),
        )
        for p in folder.glob("*.json")
    ]
    schema = json.loads((folder / f"{name}.json").read_text())
    return Draft202012Validator(schema, registry=Registry().with_resources(resources))


def errors(name, instance):
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator(name).iter_errors(instance)]


def capacity_errors(capacity):
    """The 3.1 draft's unit.json is not in the shared schemas: check the unit by hand."""
    schema = json.loads((schema_dir() / "service_capacity.3.1.json").read_text())
    schema["properties"]["unit"] = {"type": "object", "required": ["id", "name"]}
    return [e.message for e in Draft202012Validator(schema).iter_errors(capacity)]


def test_the_json_export_validates_against_hsds(filled, tmp_path):
    exchange.export_json(tmp_path / "d.json")
    data = json.loads((tmp_path / "d.json").read_text())
    assert len(data) == 2
    for org in data:
        assert errors("compiled/organization", org) == []
        for service in org["services"]:
            for capacity in service["capacities"]:
                assert capacity_errors(capacity) == []


def test_the_csv_export_validates_row_by_row(filled, tmp_path):
    exchange.export_csv(tmp_path / "csv")
    import csv

    checked = 0
    for table, schema_name in [
        ("services", "service"),
        ("organizations", "organization"),
        ("locations", "location"),
        ("addresses", "address"),
        ("languages", "language"),
        ("attributes", "attribute"),
        ("taxonomy_terms", "taxonomy_term"),
        ("schedules", "schedule"),
        ("phones", "phone"),
    ]:
        types = {
            k: v.get("type")
            for k, v in json.loads((schema_dir() / f"{schema_name}.json").read_text())[
                "properties"
            ].items()
        }
        with open(tmp_path / "csv" / f"{table}.csv", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                typed = {}
                for k, v in row.items():
                    if v == "":
                        continue
                    typed[k] = float(v) if types.get(k) == "number" else v
                flat = {
                    "type": "object",
                    "properties": {
                        k: v
                        for k, v in validator(schema_name).schema["properties"].items()
                        if v.get("type") in ("string", "number")
                    },
                }
                assert list(Draft202012Validator(flat).iter_errors(typed)) == []
                checked += 1
    assert checked > 10
    assert (tmp_path / "csv" / "datapackage.json").exists()


def test_the_api_serves_valid_hsds(client, filled):
    page = client.get("/api/hsds/services", {"per_page": 5, "full": "true"}).json()
    assert page["total_items"] == 2 and page["first_page"] and page["last_page"]
    for service in page["contents"]:
        assert errors("compiled/service", service) == []
    one = client.get(f"/api/hsds/services/{page['contents'][0]['id']}").json()
    assert errors("compiled/service", one) == []
    orgs = client.get("/api/hsds/organizations", {"full": "true"}).json()["contents"]
    assert all(errors("compiled/organization", o) == [] for o in orgs)
    malda = district("IN-WB", "Malda")
    near = client.get(
        "/api/hsds/service_at_locations",
        {"lat": malda.latitude, "lon": malda.longitude, "proximity": 20000},
    ).json()
    assert [s["service"]["name"] for s in near["contents"]] == ["Girls home"]
    assert all(errors("compiled/service_at_location", s) == [] for s in near["contents"])


def test_the_api_paths_are_in_the_openapi_document(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    for path in (
        "/api/hsds/",
        "/api/hsds/services",
        "/api/hsds/services/{id}",
        "/api/hsds/organizations",
        "/api/hsds/organizations/{id}",
        "/api/hsds/service_at_locations",
    ):
        assert path in paths


def test_the_api_refuses_bad_parameters_with_a_reason(client, directory):
    assert client.get("/api/hsds/service_at_locations", {"lat": 95, "lon": 80}).status_code == 422
    assert client.get("/api/hsds/service_at_locations", {"proximity": 1000}).status_code == 422
    bad_term = client.get("/api/hsds/services", {"taxonomy_term_id": "not-a-uuid"})
    assert bad_term.status_code == 422 and "uuid" in str(bad_term.json()["errors"]).lower()
    unknown = client.get(
        "/api/hsds/services", {"taxonomy_term_id": "00000000-0000-0000-0000-000000000000"}
    )
    assert unknown.status_code == 422
    assert client.get("/api/hsds/services", {"per_page": 1000}).status_code == 422
    assert client.get("/api/hsds/services/nope").status_code == 404


def _snapshot(path):
    data = json.loads(Path(path).read_text())
    for org in data:
        for service in org["services"]:
            service.pop("last_modified")
    return sorted(data, key=lambda o: o["id"])


@pytest.mark.parametrize("fmt", ["hsds-json", "hsds-csv"])
def test_a_round_trip_loses_nothing(filled, tmp_path, fmt):
    exchange.export_json(tmp_path / "before.json")
    target = tmp_path / ("out.json" if fmt == "hsds-json" else "out.zip")
    call_command("directory", "export", "--format", fmt, str(target))
    for model in (m.ServiceAtLocation, m.Attribute, m.Service, m.Location, m.Organization):
        model.objects.all().delete()
    call_command("directory", "import", str(target))
    exchange.export_json(tmp_path / "after.json")
    assert _snapshot(tmp_path / "after.json") == _snapshot(tmp_path / "before.json")
    assert m.Service.objects.get(name="Girls home").sex == "female"
    assert m.Service.objects.get(name="Girls home").search_text  # searchable again
    # Placed back in its district from the address, so searches by place find it.
    assert m.Service.objects.get(name="Girls home").district.name == "Malda"


@pytest.mark.parametrize(
    "example",
    ["service_full.json", "organization_full.json", "service_at_location_full.json", "csv"],
)
def test_the_hsds_examples_import(directory, example):
    report = exchange.import_path(EXAMPLES / example)
    assert report.errors == [] and report.committed
    service = m.Service.objects.get(pk="ac148810-d857-441c-9679-408f346de14b")
    assert service.name == "Community Counselling" and service.minimum_age == 12
    assert service.phones.exists() and service.service_at_locations.exists()
    # The example's latitude 100 cannot be on a map: kept, without coordinates.
    assert any("outside -90..90" in reason for _, reason in report.warnings)
    assert m.Location.objects.get(pk="3a19ff88-4620-4d17-9830-ac1d859eb5d5").latitude is None


def _valid_service():
    return {
        "id": "11111111-1111-4111-8111-111111111111",
        "name": "Test service (synthetic)",
        "status": "active",
        "organization": {
            "id": "22222222-2222-4222-8222-222222222222",
            "name": "Test org (synthetic)",
            "description": "Synthetic",
        },
    }


def test_invalid_records_are_reported_by_pointer_and_nothing_is_imported(directory, tmp_path):
    good = _valid_service()
    bad_status = copy.deepcopy(good) | {
        "id": "33333333-3333-4333-8333-333333333333",
        "status": "open",
    }
    bad_id = copy.deepcopy(good) | {"id": "not-a-uuid"}
    unknown_term = copy.deepcopy(good) | {
        "id": "44444444-4444-4444-8444-444444444444",
        "attributes": [
            {
                "id": "55555555-5555-4555-8555-555555555555",
                "taxonomy_term_id": "66666666-6666-4666-8666-666666666666",
            }
        ],
    }
    duplicate = copy.deepcopy(good) | {"name": "Another name"}
    path = tmp_path / "bad.json"
    path.write_text(json.dumps([good, bad_status, bad_id, unknown_term, duplicate]))
    report = exchange.import_path(path)
    assert not report.committed
    reasons = dict(report.errors)
    assert "'open' is not one of" in reasons["/1/status"]
    assert "not a UUID" in reasons["/2/id"]
    assert "unknown taxonomy term" in reasons["/3/attributes/0/taxonomy_term_id"]
    assert "duplicate id" in reasons["/4/id"]
    assert m.Service.objects.count() == 0 and m.Organization.objects.count() == 0


def test_the_import_command_prints_the_report_and_fails(directory, tmp_path, capsys):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps([{**_valid_service(), "minimum_age": "twelve"}]))
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("directory", "import", str(path))
    assert "/0/minimum_age" in capsys.readouterr().err


def test_a_file_that_is_not_json_is_a_clear_error(directory, tmp_path):
    path = tmp_path / "broken.json"
    path.write_text("{not json")
    with pytest.raises(CommandError, match="is not JSON"):
        call_command("directory", "import", str(path))
