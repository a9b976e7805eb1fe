"""The import engine refuses, row by row, cells no register can hold: a
quote that is not closed (which would swallow the rest of the file into one
name) and NUL characters (which PostgreSQL cannot store)."""

import io

from sangam.core.access import SYSTEM
from sangam.prevention.imports import import_register
from sangam.prevention.models import Household

HEADER = "block,village,code,head_name,surveyed_on,extreme_poverty,in_debt,landless\n"
GOOD = "Sisai (synthetic),Kotam (synthetic),K-1,Head One (synthetic),2026-10-01,yes,yes,no"


def households(*rows):
    return io.BytesIO((HEADER + "".join(r + "\n" for r in rows)).encode())


def test_an_unclosed_quote_is_refused_at_its_line_and_nothing_is_saved(jharkhand):
    rows = [
        GOOD,
        'Sisai (synthetic),Kotam (synthetic),K-2,"Head Two (synthetic),2026-10-01,no,no,no',
        "Sisai (synthetic),Kotam (synthetic),K-3,Head Three (synthetic),2026-10-01,no,no,no",
    ]
    report = import_register("households", households(*rows), "h.csv", jharkhand["crp"])
    assert not report.committed
    assert [3, "head_name", "the cell runs over several lines: is a quote not closed?"] in (
        report.errors
    )
    assert not Household.objects.restrict(SYSTEM).exists()


def test_a_nul_character_is_refused_with_its_line_and_column(jharkhand):
    rows = [GOOD, "Sisai (synthetic),Kotam (synthetic),K-2,Head\x00Two,2026-10-01,no,no,no"]
    report = import_register("households", households(*rows), "h.csv", jharkhand["crp"])
    assert report.errors == [[3, "head_name", "contains a NUL character"]]
    assert not Household.objects.restrict(SYSTEM).exists()
