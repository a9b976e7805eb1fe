"""The HTCDS export speaks HTCDS 2.0's picklists, the same in every language."""

import csv

import pytest
from django.core.management import call_command
from django.utils import translation

from sangam.agencies.models import Agency, AgencyType
from sangam.cases import exchange, htcds
from sangam.cases.models import Case, Intake, Survivor
from sangam.core.access import SYSTEM
from sangam.core.roles import Role
from sangam.core.vocabulary import Sex
from tests.conftest import make_agency, make_user


@pytest.fixture
def every_code(reference):
    """One case per recorded sex, status and code, so that every mapping is exported."""
    ngo = make_agency("IN-WB", "Malda", name="Malda NGO (synthetic)")
    make_user("sup", Role.SUPERVISOR, ngo)
    worker = make_user("wk", Role.CASEWORKER, ngo)
    statuses = [(s, "") for s in Case.Status.values if s != Case.Status.CLOSED]
    statuses += [(Case.Status.CLOSED, o) for o in Case.Outcome.values]
    n = max(len(Sex.values), len(statuses), len(htcds.TRAFFICKING_STATUS))
    for i in range(n):
        survivor = Survivor.objects.create(
            name=f"Synthetic Person {i}",
            sex=Sex.values[i % len(Sex.values)],
            estimated_age=20,
            created_by=worker,
        )
        status, outcome = statuses[i % len(statuses)]
        Case.objects.create(
            survivor=survivor,
            agency=ngo,
            owner=worker,
            status=status,
            outcome=outcome,
            created_by=worker,
        )
        Intake.objects.create(
            survivor=survivor,
            narrative="synthetic",
            language="ben",
            recorded_by_agency=ngo,
            trafficking_status=htcds.TRAFFICKING_STATUS[i % 3][0],
            recruitment_method=htcds.RECRUITMENT_METHODS[i % len(htcds.RECRUITMENT_METHODS)][0],
            labour_industry=htcds.LABOUR_INDUSTRY[i % len(htcds.LABOUR_INDUSTRY)][0],
            exploitation_types=[code for code, _ in htcds.EXPLOITATION_TYPES],
            methods_of_control=[code for code, _ in htcds.METHODS_OF_CONTROL],
            created_by=worker,
        )


def export(path, language):
    with translation.override(language):
        call_command("cases", "export", "--format", "htcds", "--user", "sup", str(path))
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_every_exported_value_belongs_to_the_htcds_picklist(every_code, tmp_path):
    rows = export(tmp_path / "cases.csv", "en")
    seen = {column: set() for column in htcds.PICKLISTS}
    for row in rows:
        for column, picklist in htcds.PICKLISTS.items():
            cell = row[column]
            values = cell.split(";") if column in htcds.MULTISELECT else [cell]
            for value in filter(None, values):
                assert value in picklist, f"{column}: {value!r} is not an HTCDS 2.0 value"
                seen[column].add(value)
        assert row["prs_Citizenship"] == row["prs_MailingCountry"] == "IN"
    # Every picklist column was filled at least once, so the check above checked something.
    assert all(seen.values()), [c for c, v in seen.items() if not v]
    assert {"Feminine", "Masculine", "NonSpecifiedUnknown"} <= seen["prs_Gender"]
    assert {"Active", "Closed", "ClosedReferred"} <= seen["cas_Status"]


def test_the_export_reads_the_same_in_hindi(every_code, tmp_path):
    assert export(tmp_path / "en.csv", "en") == export(tmp_path / "hi.csv", "hi")


def test_every_recorded_code_has_an_htcds_value():
    assert set(htcds.TO_HTCDS_EXPLOITATION) == {c for c, _ in htcds.EXPLOITATION_TYPES}
    assert set(htcds.TO_HTCDS_CONTROL) == {c for c, _ in htcds.METHODS_OF_CONTROL}
    assert set(htcds.TO_HTCDS_RECRUITMENT) == {c for c, _ in htcds.RECRUITMENT_METHODS}
    assert set(htcds.TO_HTCDS_TRAFFICKING_STATUS) == {c for c, _ in htcds.TRAFFICKING_STATUS}
    assert {c for c, _ in htcds.LABOUR_INDUSTRY} <= htcds.LABOUR_INDUSTRY_VALUES
    assert set(exchange.SEX_TO_HTCDS) == set(Sex.values)
    assert set(exchange.SEX_TO_HTCDS.values()) <= htcds.GENDER_VALUES
    decided_by = {exchange.DECISION_MAKER.get(t, "Other") for t in AgencyType.values}
    assert decided_by == htcds.DECISION_MAKING_ORG_VALUES - {"CourtOrProsecution"}


def test_an_htcds_file_imports_back_to_the_recorded_codes(every_code, tmp_path):
    row = export(tmp_path / "cases.csv", "en")[0]
    path = tmp_path / "in.csv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=htcds.COLUMNS)
        w.writeheader()
        w.writerow({**row, "prs_FirstName": "Asha", "prs_Gender": "TransgenderFeminine"})
    ngo = Agency.objects.get(name="Malda NGO (synthetic)")
    before = set(Survivor.objects.restrict(SYSTEM).values_list("pk", flat=True))
    call_command("cases", "import", "--user", "wk", "--agency", str(ngo.pk), str(path))
    survivor = Survivor.objects.restrict(SYSTEM).exclude(pk__in=before).get()
    assert survivor.name == "Asha"
    assert survivor.sex == Sex.TRANSGENDER
    intake = Intake.objects.restrict(SYSTEM).get(survivor=survivor)
    # HTCDS has no "forced criminality" nor "restricts movement": they come back as "other".
    assert set(intake.exploitation_types) == set(htcds.TO_HTCDS_EXPLOITATION) - {
        "forced_criminality"
    }
    assert set(intake.methods_of_control) == set(htcds.TO_HTCDS_CONTROL) - {"RestrictsMovement"}
