"""Register files say a person's sex in the one vocabulary, and the word the
registers used before it ("other") still reads."""

import io

from sangam.core.access import SYSTEM
from sangam.prevention.imports import import_register
from sangam.prevention.models import MissingPerson

HEADER = "block,village,register_no,name,sex,date_missing\n"
PLACE = "Sisai (synthetic),Kotam (synthetic)"


def test_a_missing_persons_file_saying_other_or_transgender_records_transgender(jharkhand):
    rows = (
        f"{PLACE},MP-1,Missing One (synthetic),Other,2026-05-01\n"
        f"{PLACE},MP-2,Missing Two (synthetic),transgender,2026-05-01\n"
        f"{PLACE},MP-3,Missing Three (synthetic),unknown,2026-05-01\n"
    )
    report = import_register(
        "missing", io.BytesIO((HEADER + rows).encode()), "file.csv", jharkhand["crp"]
    )
    assert report.committed and not report.errors
    people = MissingPerson.objects.restrict(SYSTEM).order_by("register_no")
    assert list(people.values_list("sex", flat=True)) == ["transgender", "transgender", "unknown"]
