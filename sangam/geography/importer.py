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

from django.db import transaction
from django.utils.translation import gettext as _

from sangam.audit import log
from sangam.core.access import SYSTEM, scope_for
from sangam.geography.models import Block, District, GramPanchayat, State, Village

COLUMNS = ["state", "district", "block", "gram_panchayat", "village", "village_lgd_code"]
REQUIRED = ["state", "district", "block", "village"]
CHUNK = 5000
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


def _ensure_blocks(rows, report):
    keys = {(r[0], r[1]) for r in rows}
    before = Block.objects.filter(district_id__in={k[0] for k in keys}).count()
    Block.objects.bulk_create(
        [Block(district_id=d, name=n) for d, n in keys], ignore_conflicts=True, batch_size=1000
    )
    found = Block.objects.filter(
        district_id__in={k[0] for k in keys}, name__in={k[1] for k in keys}
    ).values_list("district_id", "name", "pk")
    report.blocks_created += (
        Block.objects.filter(district_id__in={k[0] for k in keys}).count() - before
    )
    return {(d, n): pk for d, n, pk in found}


def _ensure_gram_panchayats(rows, block_ids, report):
    keys = {(block_ids[(r[0], r[1])], r[2]) for r in rows if r[2]}
    if not keys:
        return {}
    block_set = {k[0] for k in keys}
    before = GramPanchayat.objects.filter(block_id__in=block_set).count()
    GramPanchayat.objects.bulk_create(
        [GramPanchayat(block_id=b, name=n) for b, n in keys],
        ignore_conflicts=True,
        batch_size=1000,
    )
    found = GramPanchayat.objects.filter(
        block_id__in=block_set, name__in={k[1] for k in keys}
    ).values_list("block_id", "name", "pk")
    report.gram_panchayats_created += (
        GramPanchayat.objects.filter(block_id__in=block_set).count() - before
    )
    return {(b, n): pk for b, n, pk in found}


def _write_chunk(rows, report):
    block_ids = _ensure_blocks(rows, report)
    gp_ids = _ensure_gram_panchayats(rows, block_ids, report)
    villages = []
    for district_id, block, gp, name, lgd in rows:
        block_id = block_ids[(district_id, block)]
        villages.append(
            Village(
                district_id=district_id,
                block_id=block_id,
                gram_panchayat_id=gp_ids[(block_id, gp)] if gp else None,
                name=name,
                lgd_code=lgd,
            )
        )
    Village.objects.bulk_create(villages, ignore_conflicts=True, batch_size=2500)


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
            villages_before = Village.objects.count()
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
            report.villages_created = Village.objects.count() - villages_before
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
        report.add_error(line, _("the file is not readable CSV in UTF-8 (%(kind)s)") % {
            "kind": type(exc).__name__})
        report.villages_created = report.blocks_created = report.gram_panchayats_created = 0
        return report
    report.committed = True
    return report


def import_villages_from_path(path, user=SYSTEM, progress=None):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return import_villages(f, user=user, progress=progress)
