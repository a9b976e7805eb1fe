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

from django.db import connection
from django.db.models import Q
from django.utils.translation import gettext as _

from sangam.core import imports
from sangam.core.access import SYSTEM, scope_for
from sangam.core.areas import area_q
from sangam.geography.models import District, Village

COLUMNS = ["state", "district", "block", "gram_panchayat", "village", "village_lgd_code"]
REQUIRED = ["state", "district", "block", "village"]
MAX_NAME = 120


def allowed_districts(user):
    """District ids ``user`` may add villages in; None means all."""
    if user is SYSTEM:
        return None
    allowed = set()
    for m in user.active_memberships():
        scope = scope_for(m.role, "geography.village", "add")
        if scope == "all":
            return None
        if scope != "jurisdiction":
            continue
        where = area_q(m.agency, state="state_id", district="pk")
        if where == Q():
            return None  # a national agency
        if where is not None:
            allowed |= set(District.objects.filter(where).values_list("pk", flat=True))
    return allowed


# Each chunk goes into the staging table, then three INSERT ... SELECT
# statements create the missing blocks, gram panchayats and villages
# set-based; ON CONFLICT DO NOTHING keeps rows already present. "WHERE TRUE"
# resolves SQLite's parsing ambiguity between a join's ON and ON CONFLICT.
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


class VillageImport(imports.Import):
    model = Village
    stage_table = "import_village_stage"
    stage_columns = [("district_id", "bigint"), ("block", "text"), ("gram_panchayat", "text"),
                     ("village", "text"), ("lgd_code", "bigint")]  # fmt: skip
    chunk = 20000
    columns_in_report = False  # the problems say which column

    def header(self, header, report):
        missing = [c for c in REQUIRED if c not in header]
        if missing:
            report.add(
                1, None, _("header is missing %(columns)s") % {"columns": ", ".join(missing)}
            )
            return False
        self.width = len(header)
        self.positions = [(c, header.index(c) if c in header else None) for c in COLUMNS]
        self.allowed = allowed_districts(self.user)
        for name in ("villages_created", "blocks_created", "gram_panchayats_created"):
            report.count(name, 0)
        return True

    def check(self, line, values, report):
        if len(values) > self.width:
            report.add(line, None, _("more values than columns"))
            return None
        width = len(values)
        values = {
            c: " ".join(str(values[i]).split()) if i is not None and i < width else ""
            for c, i in self.positions
        }
        missing = [c for c in REQUIRED if not values[c]]
        if missing:
            report.add(line, None, _("missing %(columns)s") % {"columns": ", ".join(missing)})
            return None
        too_long = [c for c in ("block", "gram_panchayat", "village") if len(values[c]) > MAX_NAME]
        if too_long:
            report.add(
                line,
                None,
                _("%(columns)s longer than %(max)s characters")
                % {"columns": ", ".join(too_long), "max": MAX_NAME},
            )
            return None
        lgd = None
        if values["village_lgd_code"]:
            if not values["village_lgd_code"].isdigit() or len(values["village_lgd_code"]) > 9:
                report.add(line, None, _("village_lgd_code must be a whole number"))
                return None
            lgd = int(values["village_lgd_code"])
        state_id = self.places.state(values["state"])
        if state_id is None:
            report.add(line, None, _("unknown state “%(state)s”") % {"state": values["state"]})
            return None
        district_id = self.places.district(state_id, values["district"])
        if district_id is None:
            report.add(
                line,
                None,
                _("unknown district “%(district)s” in %(state)s")
                % {"district": values["district"], "state": values["state"]},
            )
            return None
        if self.allowed is not None and district_id not in self.allowed:
            report.add(line, None, _("this district is outside your jurisdiction"))
            return None
        return district_id, values["block"], values["gram_panchayat"], values["village"], lgd

    def write(self, cursor, report):
        now = connection.ops.adapt_datetimefield_value(self.now)
        cursor.execute(_INSERT_BLOCKS, [now, now])
        report.count("blocks_created", cursor.rowcount)
        cursor.execute(_INSERT_GPS, [now, now])
        report.count("gram_panchayats_created", cursor.rowcount)
        cursor.execute(_INSERT_VILLAGES, [now, now])
        report.count("villages_created", cursor.rowcount)
        report.written += max(cursor.rowcount, 0)

    def written(self):
        # Rows already present are left alone: the villages written are
        # those created now.
        return Village._base_manager.filter(created_at=self.now).values_list("pk", flat=True)


def import_villages(stream, user=SYSTEM, progress=None):
    """Import from a CSV stream (text or bytes) as ``user``; returns a Report.
    ``progress(rows)`` is called after every chunk."""
    return imports.run(VillageImport(user), stream, "csv", progress)


def import_villages_from_path(path, user=SYSTEM, progress=None):
    with open(path, "rb") as f:
        return import_villages(f, user=user, progress=progress)
