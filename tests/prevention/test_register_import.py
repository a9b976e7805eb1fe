"""Registers imported from CSV and XLSX: every bad row is reported by line
and column, nothing is half-written, and importing again never duplicates."""

import io

import pytest
from openpyxl import Workbook, load_workbook

from sangam.core.access import SYSTEM
from sangam.prevention.imports import import_register, template
from sangam.prevention.models import Household, Member, Migration, MissingPerson

HEADER = "block,village,code,head_name,surveyed_on,extreme_poverty,in_debt,landless\n"


def households_csv(*rows):
    return io.BytesIO((HEADER + "".join(r + "\n" for r in rows)).encode())


def run(register, data, user, name="file.csv"):
    return import_register(register, data, name, user)


GOOD = [
    "Sisai (synthetic),Kotam (synthetic),K-1,Head One (synthetic),2026-10-01,yes,yes,no",
    "sisai (synthetic),KOTAM (synthetic),K-2,Head Two (synthetic),01/10/2026,no,,",
]


def test_it_imports_households_and_scores_them(jharkhand):
    report = run("households", households_csv(*GOOD), jharkhand["crp"])
    assert report.committed and report.written == 2, report.errors
    one = Household.objects.restrict(SYSTEM).get(code="K-1")
    assert (one.score, one.risk_level, one.created_by) == (20, "low", jharkhand["crp"])
    assert one.block == jharkhand["village"].block


def test_imported_households_are_scored_with_the_states_index(jharkhand):
    from sangam.geography.models import State
    from sangam.prevention import index

    state = State.objects.get(code="IN-JH")
    index.publish(state, {"extreme_poverty": 30, "in_debt": 30, "landless": 40}, 20, 50)
    assert run("households", households_csv(*GOOD), jharkhand["crp"]).committed
    one = Household.objects.restrict(SYSTEM).get(code="K-1")
    config = index.active(state.pk)
    assert (one.score, one.risk_level, one.index_version) == (60, "high", 1)
    assert index.explain(one, config)[1] == one.score
    # A later recompute agrees with what the import wrote: nothing to rewrite.
    assert index.recompute_state(state.pk) == 0


def test_reimporting_updates_instead_of_duplicating(jharkhand):
    run("households", households_csv(*GOOD), jharkhand["crp"])
    changed = GOOD[0].replace("yes,yes,no", "yes,yes,yes")
    report = run("households", households_csv(changed, GOOD[1]), jharkhand["crp"])
    assert report.committed
    assert Household.objects.restrict(SYSTEM).count() == 2
    one = Household.objects.restrict(SYSTEM).get(code="K-1")
    assert (one.landless, one.score, one.version) == (True, 26, 2)


def test_one_bad_row_saves_nothing_and_every_problem_is_reported(jharkhand):
    rows = [
        GOOD[0],
        "Sisai (synthetic),Kotam (synthetic),K-3,,2026-10-01,maybe,yes,no",
        "Sisai (synthetic),Kotam (synthetic),K-4,Head (synthetic),2099-01-01,no,no,no",
        "Bharno (synthetic),Amalia (synthetic),K-5,Head (synthetic),2026-10-01,no,no,no",
        "Sisai (synthetic),Kotam (synthetic),K-1,Again (synthetic),2026-10-01,no,no,no",
        "Sisai (synthetic),Kotam (synthetic),K-6,Head (synthetic),31/02/2026,no,no,no",
    ]
    report = run("households", households_csv(*rows), jharkhand["crp"])
    assert not report.committed and report.written == 0
    assert report.errors == [
        [3, "head_name", "required"],
        [3, "extreme_poverty", "answer yes or no"],
        [4, "surveyed_on", "in the future"],
        [5, "village", "no such village in your jurisdiction"],
        [6, "code", "repeats line 2"],
        [7, "surveyed_on", "not a date (use YYYY-MM-DD or DD/MM/YYYY)"],
    ]
    assert not Household.objects.restrict(SYSTEM).exists()


def test_it_reports_missing_columns_and_bad_encoding(jharkhand):
    report = run("households", io.BytesIO(b"block,village,code\nx,y,z\n"), jharkhand["crp"])
    assert report.errors == [[1, "head_name", "column missing from the header"]]
    latin1 = (HEADER + GOOD[0] + "\n" + "Sisai,Kotam,K-9,S\xe9n,2026-10-01,no,no,no\n").encode(
        "latin-1"
    )
    report = run("households", io.BytesIO(latin1), jharkhand["crp"])
    assert not report.committed
    assert "Line 3 is not UTF-8" in report.errors[0][2]
    report = run("households", io.BytesIO(b"not a zip"), jharkhand["crp"], "file.xlsx")
    assert "not an Excel" in report.errors[0][2]
    assert not Household.objects.restrict(SYSTEM).exists()


def xlsx(rows):
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    out.seek(0)
    return out


def test_it_imports_members_and_migrations_from_excel(jharkhand):
    from datetime import date

    run("households", households_csv(*GOOD), jharkhand["crp"])
    members = xlsx([
        ["block", "village", "household_code", "serial", "name", "relation", "sex", "age",
         "schooling"],
        ["Sisai (synthetic)", "Kotam (synthetic)", "K-1", 1, "Mother (synthetic)", "head",
         "female", 41, None],
        ["Sisai (synthetic)", "Kotam (synthetic)", "K-1", 2, "Girl (synthetic)", "daughter",
         "female", 14.0, "dropped out"],
    ])  # fmt: skip
    report = run("members", members, jharkhand["crp"], "m.xlsx")
    assert report.committed, report.errors
    assert Member.objects.restrict(SYSTEM).count() == 2
    household = Household.objects.restrict(SYSTEM).get(code="K-1")
    assert household.child_out_of_school and household.score == 28

    migrations = xlsx([
        ["block", "village", "register_no", "household_code", "member_serial", "left_on",
         "destination_state", "destination_place", "agent_name"],
        ["Sisai (synthetic)", "Kotam (synthetic)", "M-1", "K-1", 2, date(2026, 9, 1),
         "Delhi", "Delhi", "Agent (synthetic)"],
        ["Sisai (synthetic)", "Kotam (synthetic)", "M-2", "K-1", 7, date(2026, 9, 1),
         "IN-MH", "Mumbai", ""],
        ["Sisai (synthetic)", "Kotam (synthetic)", "M-3", "K-404", 1, date(2026, 9, 1),
         "Atlantis", "Mumbai", ""],
    ])  # fmt: skip
    report = run("migrations", migrations, jharkhand["crp"], "g.xlsx")
    assert report.errors == [[4, "destination_state", "unknown state"]]
    migrations.seek(0)
    book = load_workbook(migrations)
    book.active.delete_rows(4)
    fixed = io.BytesIO()
    book.save(fixed)
    fixed.seek(0)
    report = run("migrations", fixed, jharkhand["crp"], "g.xlsx")
    assert report.errors == [[3, "member_serial", "no such member in this household"]]
    assert not Migration.objects.restrict(SYSTEM).exists()


def test_it_imports_missing_persons_with_consistent_dates(jharkhand):
    header = "block,village,register_no,name,sex,age,date_missing,complaint_filed,police_station,complaint_date\n"  # noqa: E501
    place = "Sisai (synthetic),Kotam (synthetic)"
    bad = (
        f"{place},MP-1,Missing One (synthetic),female,15,2026-05-01,yes,Sisai PS,2026-04-01\n"
        f"{place},MP-2,Missing Two (synthetic),girl,15,2026-05-01,no,,\n"
        f"{place},MP-3,Missing Three (synthetic),female,150,2026-05-01,yes,,\n"
    )
    report = run("missing", io.BytesIO((header + bad).encode()), jharkhand["crp"])
    assert report.errors == [
        [2, "complaint_date", "before the date missing"],
        [3, "sex", "one of: female, male, transgender, unknown"],
        [4, "age", "must be from 0 to 110"],
    ]
    good = f"{place},MP-1,Missing One (synthetic),female,15,2026-05-01,yes,Sisai PS,2026-05-02\n"
    for _ in range(2):
        assert run("missing", io.BytesIO((header + good).encode()), jharkhand["crp"]).committed
    person = MissingPerson.objects.restrict(SYSTEM).get()
    assert (person.status, person.block_id) == ("missing", jharkhand["village"].block_id)


@pytest.mark.parametrize(
    "register", ["households", "members", "migrations", "marriages", "missing"]
)
def test_templates_carry_the_header_the_importer_reads(jharkhand, register):
    blank_csv = template(register, "csv").decode("utf-8-sig")
    report = run(register, io.BytesIO(blank_csv.encode()), jharkhand["crp"])
    assert report.committed and report.rows == 0
    book = load_workbook(io.BytesIO(template(register, "xlsx")))
    assert [c.value for c in book.worksheets[0][1]] == blank_csv.strip().split(",")
    assert book.worksheets[1]["A1"].value == "Column"


def test_the_import_page_runs_a_job_and_shows_the_report(
    client, jharkhand, django_capture_on_commit_callbacks
):
    client.force_login(jharkhand["crp"])
    bad = HEADER + "Sisai (synthetic),Kotam (synthetic),K-1,,2026-10-01,no,no,no\n"
    upload = io.BytesIO(bad.encode())
    upload.name = "households.csv"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/prevention/import/", {"register": "households", "file": upload})
    page = client.get(response["Location"]).content.decode()
    assert "Nothing was saved: 1 rows need fixing." in page
    assert "<td>2</td><td>head_name</td><td>required</td>" in page
    response = client.get("/prevention/import/households.xlsx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")


def test_a_repeat_far_down_a_long_file_is_still_caught(jharkhand, monkeypatch):
    from sangam.prevention import imports

    monkeypatch.setattr(imports, "CHUNK", 2)  # the repeat lands in a later chunk
    rows = [*GOOD, GOOD[1].replace("K-2", "K-3"), GOOD[0].replace("Head One", "Again")]
    report = run("households", households_csv(*rows), jharkhand["crp"])
    assert report.errors == [[5, "code", "repeats an earlier row of this file"]]
    assert not Household.objects.restrict(SYSTEM).exists()


def test_a_missing_persons_language_is_stored_in_the_one_vocabulary(client, jharkhand):
    header = "block,village,register_no,name,sex,date_missing,language\n"
    place = "Sisai (synthetic),Kotam (synthetic)"
    rows = (
        f"{place},MP-1,Missing One (synthetic),female,2026-05-01,Bangla\n"
        f"{place},MP-2,Missing Two (synthetic),female,2026-05-01,ଓଡ଼ିଆ\n"
        f"{place},MP-3,Missing Three (synthetic),female,2026-05-01,\n"
    )
    report = run("missing", io.BytesIO((header + rows).encode()), jharkhand["crp"])
    assert report.committed, report.errors
    stored = dict(MissingPerson.objects.restrict(SYSTEM).values_list("register_no", "language"))
    assert stored == {"MP-1": "ben", "MP-2": "ory", "MP-3": ""}
    # Her edit form says the language's name, never its code.
    client.force_login(jharkhand["crp"])
    one = MissingPerson.objects.restrict(SYSTEM).get(register_no="MP-1")
    page = client.get(f"/prevention/missing/{one.pk}/").content.decode()
    assert 'value="Bengali"' in page and 'value="ben"' not in page


def test_a_language_no_vocabulary_knows_is_a_row_error(jharkhand):
    header = "block,village,register_no,name,sex,date_missing,language\n"
    row = "Sisai (synthetic),Kotam (synthetic),MP-1,Missing One (synthetic),female,2026-05-01,Xyzish\n"  # noqa: E501
    report = run("missing", io.BytesIO((header + row).encode()), jharkhand["crp"])
    assert not report.committed
    assert report.errors == [[2, "language", "unknown language (write its name, such as Bengali)"]]
