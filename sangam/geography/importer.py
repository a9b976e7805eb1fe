"""Import blocks, gram panchayats and villages from CSV.

The same function serves the web form, the ``sangam geography import``
command and the benchmark. It streams the file in chunks (memory stays flat
however long the file), creates what is missing set-based, and is
all-or-nothing: if any row is bad, every bad row is reported and nothing is
committed. Rows already present are left alone, so re-importing a file
changes nothing.

Columns (header row, UTF-8): state, district, block, gram_panchayat, village,
village_lgd_code. ``state`` is an ISO code (IN-WB), an LGD code or a name;
``district`` is a Sangam code (IN-WB-MALDA), an LGD code or a name;
``gram_panchayat`` and ``village_lgd_code`` may be empty.
"""

import csv
from dataclasses import dataclass, field
from itertools import islice

from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sangam.audit import log
from sangam.core.access import SYSTEM, scope_for
from sangam.geography.models import District, State

COLUMNS = ["state", "district", "block", "gram_panchayat", "village", "village_lgd_code"]
REQUIRED = ["state", "district", "block", "village"]
CHUNK = 20000
MAX_ERRORS_KEPT = 1000
MAX_NAME = 120


@dataclass
class ImportReport:
    rows: int = 0
    villages_created: int = 0
    blocks_created: int = 0
    gram_panchayats_created: int = 0
    error_count: int = 0
    errors: list = field(default_factory=list)  # (line, message), first MAX_ERRORS_KEPT
    committed: bool = False

    def add_error(self, line, message):
        self.error_count += 1
        if len(self.errors) < MAX_ERRORS_KEPT:
            self.errors.append((line, message))

    def as_dict(self):
        return {
            "rows": self.rows,
            "villages_created": self.villages_created,
            "blocks_created": self.blocks_created,
            "gram_panchayats_created": self.gram_panchayats_created,
            "error_count": self.error_count,
            "errors": self.errors,
            "committed": self.committed,
        }


class _Rollback(Exception):
    pass


def _norm(text):
    return " ".join(text.split()).casefold()


class _Places:
    """Resolves the state and district columns (reference data: small, fixed)."""

    def __init__(self):
        self.states = {}
        for s in State.objects.all():
            for key in (s.code, str(s.lgd_code), s.name, s.name_hi):
                if key:
                    self.states[_norm(key)] = s.pk
        self.districts = {}
        for d in District.objects.all():
            for key in (d.code, str(d.lgd_code or ""), d.name):
                if key:
                    self.districts.setdefault((d.state_id, _norm(key)), d.pk)
                    if key != d.name:
                        self.districts[(None, _norm(key))] = d.pk

    def district(self, state_text, district_text):
        state_id = self.states.get(_norm(state_text))
        if state_id is None:
            return None, _("unknown state “%(state)s”") % {"state": state_text}
        district_id = self.districts.get((state_id, _norm(district_text)))
        if district_id is None:
            return None, _("unknown district “%(district)s” in %(state)s") % {
                "district": district_text,
                "state": state_text,
            }
        return district_id, None


def allowed_districts(user):
    """District ids ``user`` may add villages in; None means all."""
    if user is SYSTEM:
        return None
    allowed = set()
    for m in user.active_memberships():
        scope = scope_for(m.role, "geography.village", "add")
        agency = m.agency
        if scope == "all" or (scope == "jurisdiction" and agency.jurisdiction_level == "national"):
            return None
        if scope == "jurisdiction" and agency.jurisdiction_level == "state":
            allowed |= set(
                District.objects.filter(state_id=agency.state_id).values_list("pk", flat=True)
            )
        elif scope == "jurisdiction" and agency.district_id:
            allowed.add(agency.district_id)
    return allowed


def _parse(line, row, places, report, allowed):
    missing = [c for c in REQUIRED if not (row.get(c) or "").strip()]
    if missing:
        report.add_error(line, _("missing %(columns)s") % {"columns": ", ".join(missing)})
        return None
    values = {c: " ".join((row.get(c) or "").split()) for c in COLUMNS}
    too_long = [c for c in ("block", "gram_panchayat", "village") if len(values[c]) > MAX_NAME]
    if too_long:
        report.add_error(
            line,
            _("%(columns)s longer than %(max)s characters")
            % {"columns": ", ".join(too_long), "max": MAX_NAME},
        )
        return None
    lgd = None
    if values["village_lgd_code"]:
        if not values["village_lgd_code"].isdigit() or len(values["village_lgd_code"]) > 9:
            report.add_error(line, _("village_lgd_code must be a whole number"))
            return None
        lgd = int(values["village_lgd_code"])
    district_id, problem = places.district(values["state"], values["district"])
    if problem:
        report.add_error(line, problem)
        return None
    if allowed is not None and district_id not in allowed:
        report.add_error(line, _("this district is outside your jurisdiction"))
        return None
    return district_id, values["block"], values["gram_panchayat"], values["village"], lgd


# Each chunk goes into a temporary staging table (COPY on PostgreSQL), then
# three INSERT ... SELECT statements create the missing blocks, gram panchayats
# and villages set-based; ON CONFLICT DO NOTHING keeps rows already present.
# "WHERE TRUE" resolves SQLite's parsing ambiguity between a join's ON and
# ON CONFLICT. Only the stage table is created here; it lives in the session.
_INSERT_BLOCKS = """
    INSERT INTO geography_block (district_id, name, created_at, updated_at)
    SELECT DISTINCT district_id, block, %s, %s FROM import_village_stage WHERE TRUE
    ON CONFLICT DO NOTHING"""
_INSERT_GPS = """
    INSERT INTO geography_grampanchayat (block_id, name, created_at, updated_at)
    SELECT DISTINCT b.id, s.gram_panchayat, %s, %s
    FROM import_village_stage s
    JOIN geography_block b ON b.district_id = s.district_id AND b.name = s.block
    WHERE s.gram_panchayat <> ''
    ON CONFLICT DO NOTHING"""
_INSERT_VILLAGES = """
    INSERT INTO geography_village
        (district_id, block_id, gram_panchayat_id, name, lgd_code, created_at, updated_at)
    SELECT s.district_id, b.id, g.id, s.village, s.lgd_code, %s, %s
    FROM import_village_stage s
    JOIN geography_block b ON b.district_id = s.district_id AND b.name = s.block
    LEFT JOIN geography_grampanchayat g ON g.block_id = b.id AND g.name = s.gram_panchayat
    WHERE TRUE
    ON CONFLICT DO NOTHING"""


def _stage(cursor, rows):
    cursor.execute(
        "CREATE TEMPORARY TABLE IF NOT EXISTS import_village_stage "
        "(district_id bigint, block text, gram_panchayat text, village text, lgd_code bigint)"
    )
    cursor.execute("DELETE FROM import_village_stage")
    if connection.vendor == "postgresql":
        with cursor.cursor.copy("COPY import_village_stage FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
    else:
        cursor.executemany("INSERT INTO import_village_stage VALUES (%s, %s, %s, %s, %s)", rows)


def _write_chunk(rows, report):
    now = timezone.now()
    with connection.cursor() as cursor:
        _stage(cursor, rows)
        cursor.execute(_INSERT_BLOCKS, [now, now])
        report.blocks_created += max(cursor.rowcount, 0)
        cursor.execute(_INSERT_GPS, [now, now])
        report.gram_panchayats_created += max(cursor.rowcount, 0)
        cursor.execute(_INSERT_VILLAGES, [now, now])
        report.villages_created += max(cursor.rowcount, 0)


def import_villages(stream, user=SYSTEM, progress=None):
    """Import from a text stream as ``user``; returns an ImportReport.
    ``progress(rows)`` is called after every chunk."""
    report = ImportReport()
    reader = csv.DictReader(stream)
    line = 1
    try:
        header = [h.strip().lower() for h in (reader.fieldnames or [])]
    except (csv.Error, UnicodeDecodeError):
        report.add_error(1, _("the file is not readable CSV in UTF-8"))
        return report
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        report.add_error(1, _("header is missing %(columns)s") % {"columns": ", ".join(missing)})
        return report
    reader.fieldnames = header
    places = _Places()
    allowed = allowed_districts(user)
    try:
        with transaction.atomic():
            while True:
                chunk = list(islice(reader, CHUNK))
                if not chunk:
                    break
                parsed = []
                for row in chunk:
                    line += 1
                    if None in row:
                        report.add_error(line, _("more values than columns"))
                        continue
                    value = _parse(line, row, places, report, allowed)
                    if value:
                        parsed.append(value)
                report.rows += len(chunk)
                # After the first bad row nothing will be committed: keep
                # validating to report every bad row, but stop writing.
                if parsed and not report.error_count:
                    _write_chunk(parsed, report)
                if progress:
                    progress(report.rows)
            if report.error_count:
                raise _Rollback
            log.record(
                "import",
                "geography.village",
                detail={
                    "rows": report.rows,
                    "villages_created": report.villages_created,
                    "blocks_created": report.blocks_created,
                    "gram_panchayats_created": report.gram_panchayats_created,
                },
            )
    except _Rollback:
        report.villages_created = report.blocks_created = report.gram_panchayats_created = 0
        return report
    except (csv.Error, UnicodeDecodeError) as exc:
        report.add_error(
            line,
            _("the file is not readable CSV in UTF-8 (%(kind)s)") % {"kind": type(exc).__name__},
        )
        report.villages_created = report.blocks_created = report.gram_panchayats_created = 0
        return report
    report.committed = True
    return report


def import_villages_from_path(path, user=SYSTEM, progress=None):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return import_villages(f, user=user, progress=progress)
