"""The HSDS CSV export is a Frictionless tabular data package that validates."""

import json
import zipfile

from frictionless import Package

from sangam.directory import exchange
from sangam.directory import models as m


def problems(report):
    return [
        f"{task.name}: {error.type}: {error.message}"
        for task in report.tasks
        for error in task.errors
    ] + [f"package: {e.type}: {e.message}" for e in report.errors]


def test_the_csv_export_is_a_valid_tabular_data_package(filled, tmp_path):
    exchange.export_csv(tmp_path / "csv")
    report = Package(tmp_path / "csv" / "datapackage.json").validate()
    assert problems(report) == []
    rows = {task.name: task.stats.get("rows") for task in report.tasks}
    # The validator read the data, not only the descriptor.
    assert rows["service"] == 2 and rows["service_capacity"] >= 1 and rows["schedule"] == 1


def test_every_csv_is_described_with_its_hsds_table_schema(filled, tmp_path):
    exchange.export_csv(tmp_path / "package.zip")
    with zipfile.ZipFile(tmp_path / "package.zip") as z:
        names = set(z.namelist())
        descriptor = json.loads(z.read("datapackage.json"))
    assert descriptor["profile"] == "tabular-data-package"
    described = {r["path"]: r for r in descriptor["resources"]}
    assert set(described) == names - {"datapackage.json"}
    assert all(r["schema"]["fields"] for r in described.values())
    keys = {k["reference"]["resource"] for k in described["services.csv"]["schema"]["foreignKeys"]}
    assert keys == {"organization"}  # programs are not written, so no key to them


def test_a_broken_reference_is_caught_by_the_validator(filled, tmp_path):
    """The check can fail: a service pointing at no organization is reported."""
    exchange.export_csv(tmp_path / "csv")
    services = tmp_path / "csv" / "services.csv"
    lines = services.read_text(encoding="utf-8").splitlines(keepends=True)
    header = lines[0].rstrip("\r\n").split(",")
    at = header.index("organization_id")
    cells = lines[1].split(",")
    assert m.Organization.objects.filter(pk=cells[at]).exists()
    cells[at] = "00000000-0000-4000-8000-000000000000"
    lines[1] = ",".join(cells)
    services.write_text("".join(lines), encoding="utf-8")
    report = Package(tmp_path / "csv" / "datapackage.json").validate()
    assert any("foreign-key" in p for p in problems(report))
