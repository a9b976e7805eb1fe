"""HTCDS 2.0 export/import of cases: field names, identifiers only on request."""

import csv

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from sangam.cases import htcds
from sangam.cases.models import Case, Intake, Survivor
from sangam.core.access import SYSTEM
from sangam.core.roles import Role
from tests.conftest import make_agency, make_user


@pytest.fixture
def exported(reference, tmp_path):
    ngo = make_agency("IN-WB", "Malda", name="Malda NGO (synthetic)")
    supervisor = make_user("sup", Role.SUPERVISOR, ngo)
    worker = make_user("wk", Role.CASEWORKER, ngo)
    s = Survivor.objects.create(name="Mita Roy", sex="female", estimated_age=17, created_by=worker)
    Case.objects.create(survivor=s, agency=ngo, owner=worker, created_by=worker)
    Intake.objects.create(
        survivor=s,
        narrative="synthetic",
        language="ben",
        recorded_by_agency=ngo,
        exploitation_types=["forced_labour"],
        methods_of_control=["DebtBondage", "Threats"],
        created_by=worker,
    )
    return {"ngo": ngo, "supervisor": supervisor, "worker": worker, "tmp": tmp_path}


def read(path):
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_the_export_uses_htcds_columns_without_identifiers(exported):
    path = exported["tmp"] / "cases.csv"
    call_command("cases", "export", "--format", "htcds", "--user", "sup", str(path))
    rows = read(path)
    assert list(rows[0]) == htcds.COLUMNS
    assert rows[0]["vic_MethodsOfControl"] == "DebtBondage;PhysicalThreats"
    assert rows[0]["prs_Gender"] == "Feminine"
    assert rows[0]["prs_FirstName"] == "" and "Mita" not in path.read_text()


def test_identifiers_need_a_role_allowed_to_export_them(exported):
    path = exported["tmp"] / "cases.csv"
    with pytest.raises(CommandError, match="may not export"):
        call_command("cases", "export", "--user", "wk", "--identifiers", str(path))
    call_command("cases", "export", "--user", "sup", "--identifiers", str(path))
    assert read(path)[0]["prs_FirstName"] == "Mita"


def test_the_import_takes_good_rows_and_refuses_a_file_with_bad_ones(exported, capsys):
    path = exported["tmp"] / "in.csv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=htcds.COLUMNS)
        w.writeheader()
        w.writerow(
            {
                "prs_FirstName": "Asha",
                "prs_Gender": "Female",
                "vic_TypeOfExploitation": "forced_marriage",
            }
        )
        w.writerow({"prs_FirstName": "", "prs_Gender": "Female", "prs_Birthdate": "2101-01-01"})
        w.writerow(
            {
                "prs_FirstName": "Noor",
                "prs_MailingCity": "Atlantis",
                "vic_MethodsOfControl": "Magic",
            }
        )
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command(
            "cases", "import", "--user", "wk", "--agency", str(exported["ngo"].pk), str(path)
        )
    err = capsys.readouterr().err
    assert "line 3: a name is needed" in err and "line 3: prs_Birthdate is in the future" in err
    assert "2101" not in err  # a birth date is not echoed back
    assert "unknown district 'Atlantis'" in err and "unknown HTCDS code 'Magic'" in err
    assert Survivor.objects.restrict(SYSTEM).count() == 1
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=htcds.COLUMNS)
        w.writeheader()
        w.writerow(
            {
                "prs_FirstName": "Asha",
                "prs_Gender": "Female",
                "vic_TypeOfExploitation": "forced_marriage",
            }
        )
    call_command("cases", "import", "--user", "wk", "--agency", str(exported["ngo"].pk), str(path))
    assert Survivor.objects.restrict(SYSTEM).count() == 2
    assert Intake.objects.restrict(SYSTEM).filter(exploitation_types=["forced_marriage"]).exists()
