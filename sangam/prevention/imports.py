"""Import the village registers from the paper-to-Excel files CRPs keep.

One engine serves every register (households, members, migrations,
marriages, missing persons): a register is a list of typed columns and its
natural key. Files are CSV (UTF-8) or XLSX, read as a stream. Every row is
checked (row, column, problem); rows go through a staging table in chunks
and are written set-based with INSERT ... ON CONFLICT on the natural key,
so re-importing a file updates rows instead of duplicating them. It is
all-or-nothing: one bad row and nothing is committed."""

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from itertools import islice

from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sangam.audit import log
from sangam.core.vocabulary import Sex
from sangam.geography.models import State
from sangam.prevention import index
from sangam.prevention.indicators import INDICATORS
from sangam.prevention.models import (
    Household,
    Marriage,
    Member,
    Migration,
    MissingPerson,
    Relation,
    Schooling,
)
from sangam.prevention.scope import villages_for

CHUNK = 10000
MAX_ERRORS_KEPT = 1000
TRUE = {"yes", "y", "true", "1", "हाँ", "हां"}
FALSE = {"no", "n", "false", "0", "", "नहीं"}


@dataclass(frozen=True)
class Column:
    name: str
    kind: str = "text"  # text, int, date, bool, choice, state
    required: bool = False
    max_length: int = 150
    choices: tuple = ()
    aliases: tuple = ()  # (spelling, choice) pairs a file may use
    low: int | None = None
    high: int | None = None
    help: str = ""


@dataclass(frozen=True)
class Register:
    name: str
    title: object
    model: type
    columns: tuple
    key: tuple  # natural key in the model's table, after village_id
    # (stage column, model column) pairs filled by joins, with the SQL join
    # and the error for rows whose reference is not found.
    joins: tuple = ()

    @property
    def sql_columns(self):
        return [c.name for c in self.columns if c.name not in ("village", "block", "village_lgd")]


PLACE = (
    Column("block", required=True, help="Block name"),
    Column("village", required=True, help="Village name"),
    Column("village_lgd", "int", help="LGD village code, if known"),
)
SEX = tuple(Sex.values)
# Registers written before Sangam had one sex vocabulary say "other".
SEX_ALIASES = (("other", Sex.TRANSGENDER.value),)

REGISTERS = {
    r.name: r
    for r in [
        Register(
            "households",
            gettext_lazy("Household register"),
            Household,
            PLACE
            + (
                Column("code", required=True, max_length=40),
                Column("head_name", required=True),
                Column("hamlet", max_length=120),
                Column("phone", max_length=20),
                Column("surveyed_on", "date"),
            )
            + tuple(Column(code, "bool") for code in INDICATORS),
            key=("code",),
        ),
        Register(
            "members",
            gettext_lazy("Household members"),
            Member,
            PLACE
            + (
                Column("household_code", required=True, max_length=40),
                Column("serial", "int", required=True, low=1, high=99),
                Column("name", required=True),
                Column("relation", "choice", required=True, choices=tuple(Relation.values)),
                Column("sex", "choice", required=True, choices=SEX, aliases=SEX_ALIASES),
                Column("age", "int", required=True, low=0, high=110),
                Column("schooling", "choice", choices=tuple(Schooling.values)),
                Column("work", max_length=120),
                Column("is_away", "bool"),
            ),
            key=("serial",),
            joins=(("household_code", "household_id"),),
        ),
        Register(
            "migrations",
            gettext_lazy("Migration register"),
            Migration,
            PLACE
            + (
                Column("register_no", required=True, max_length=40),
                Column("household_code", required=True, max_length=40),
                Column("member_serial", "int", required=True, low=1, high=99),
                Column("left_on", "date", required=True),
                Column("destination_state", "state", required=True),
                Column("destination_place", required=True),
                Column("work"),
                Column("employer", max_length=200),
                Column("agent_name"),
                Column("agent_phone", max_length=20),
                Column("migrant_phone", max_length=20),
                Column("contact_name"),
                Column("contact_phone", max_length=20),
                Column("checkin_every_days", "int", low=1, high=180),
            ),
            key=("register_no",),
            joins=(("household_code", "household_id"), ("member_serial", "member_id")),
        ),
        Register(
            "marriages",
            gettext_lazy("Marriage register"),
            Marriage,
            PLACE
            + (
                Column("register_no", required=True, max_length=40),
                Column("bride_name", required=True),
                Column("bride_age", "int", required=True, low=5, high=90),
                Column("groom_name"),
                Column("groom_age", "int", low=10, high=100),
                Column("groom_place"),
                Column("groom_state", "state"),
                Column("married_on", "date", required=True),
                Column("groom_unknown", "bool"),
                Column("through_intermediary", "bool"),
                Column("payment_to_family", "bool"),
            ),
            key=("register_no",),
        ),
        Register(
            "missing",
            gettext_lazy("Missing persons register"),
            MissingPerson,
            PLACE
            + (
                Column("register_no", required=True, max_length=40),
                Column("name", required=True),
                Column("sex", "choice", required=True, choices=SEX, aliases=SEX_ALIASES),
                Column("age", "int", low=0, high=110),
                Column("date_missing", "date", required=True),
                Column("father_name"),
                Column("language", max_length=40),
                Column("circumstances", max_length=2000),
                Column("complaint_filed", "bool"),
                Column("police_station"),
                Column("fir_gd_number", max_length=60),
                Column("complaint_date", "date"),
                Column("status", "choice", choices=tuple(MissingPerson.Status.values)),
            ),
            key=("register_no",),
        ),
    ]
}


class ImportError_(Exception):
    """The file as a whole cannot be read (not a row problem)."""


@dataclass
class Report:
    rows: int = 0
    written: int = 0
    error_count: int = 0
    errors: list = field(default_factory=list)  # [line, column, problem]
    committed: bool = False

    def add(self, line, column, problem):
        self.error_count += 1
        if len(self.errors) < MAX_ERRORS_KEPT:
            self.errors.append([line, column, str(problem)])

    def as_dict(self):
        return {
            "rows": self.rows,
            "written": self.written,
            "error_count": self.error_count,
            "errors": self.errors,
            "error_headers": [_("Line"), _("Column"), _("Problem")],
            "committed": self.committed,
            "summary": _("%(n)s rows saved.") % {"n": self.written} if self.committed else "",
        }


# -- reading --------------------------------------------------------------


def read_rows(stream, filename):
    """(header, iterator of (line, [values])) from a CSV or XLSX upload."""
    if filename.lower().endswith(".xlsx"):
        return _read_xlsx(stream)
    return _read_csv(stream)


def _decoded_lines(stream):
    """Lines of a binary stream as text, decoded one at a time so that a
    wrong encoding is reported at its line (a whole-file decode cannot)."""
    for number, raw in enumerate(stream, 1):
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError:
            raise ImportError_(
                _("Line %(line)s is not UTF-8 text: save the file as CSV UTF-8.") % {"line": number}
            ) from None


def _read_csv(stream):
    reader = csv.reader(_decoded_lines(stream))
    try:
        header = next(reader)
    except StopIteration:
        raise ImportError_(_("The file is empty.")) from None
    except csv.Error:
        raise ImportError_(_("Line 1 is not readable CSV.")) from None

    def rows():
        while True:
            try:
                values = next(reader)
            except StopIteration:
                return
            except csv.Error:
                raise ImportError_(
                    _("Line %(line)s is not readable CSV.") % {"line": reader.line_num}
                ) from None
            if any(v.strip() for v in values):
                yield reader.line_num, values

    return header, rows()


def _read_xlsx(stream):
    # calamine (Rust) reads a sheet about ten times faster than openpyxl; it
    # holds the sheet in memory (about 2 KB a row), so very large registers
    # are better sent as CSV, which streams.
    from python_calamine import (
        CalamineError,
        CalamineWorkbook,
        PasswordError,
        XmlError,
        ZipError,
    )

    try:
        book = CalamineWorkbook.from_filelike(stream)
        sheet = book.get_sheet_by_index(0)
        it = iter(sheet.iter_rows())
    except (CalamineError, PasswordError, XmlError, ZipError, ValueError, OSError):
        raise ImportError_(_("This is not an Excel (.xlsx) file.")) from None
    try:
        header = [str(v) for v in next(it)]
    except StopIteration:
        raise ImportError_(_("The file is empty.")) from None

    def rows():
        for line, values in enumerate(it, 2):
            if any(str(v).strip() for v in values):
                yield line, values

    return header, rows()


# -- checking -------------------------------------------------------------


class _Places:
    """Villages of the importer's jurisdiction by (block, village) name and
    LGD code; and each district's active vulnerability index."""

    def __init__(self, user):
        from sangam.geography.models import District

        self.state_of = dict(District.objects.values_list("pk", "state_id"))
        self.configs = {}
        rows = villages_for(user).values_list(
            "pk", "block_id", "district_id", "name", "block__name", "lgd_code"
        )
        self.by_name, self.by_lgd = {}, {}
        for pk, block, district, name, block_name, lgd in rows:
            place = (pk, block, district)
            self.by_name[(block_name.strip().lower(), name.strip().lower())] = place
            if lgd:
                self.by_lgd[lgd] = place

    def index_for(self, district_id):
        state = self.state_of[district_id]
        if state not in self.configs:
            self.configs[state] = index.active(state)
        return self.configs[state]

    def find(self, block, village, lgd):
        if lgd is not None:
            return self.by_lgd.get(lgd)
        return self.by_name.get((block.strip().lower(), village.strip().lower()))


def _states():
    found = {}
    for pk, code, name, hindi in State.objects.values_list("pk", "code", "name", "name_hi"):
        for key in (code, name, hindi):
            if key:
                found[key.strip().lower()] = pk
    return found


_EMPTY = {"bool": False, "text": "", "choice": ""}


def _parse(column, raw, states):
    """(value, problem) for one cell."""
    if raw.__class__ is str:  # every CSV cell, most XLSX cells
        text = raw.strip()
    elif isinstance(raw, datetime | date):
        if column.kind != "date":
            return None, _("expected %(kind)s, found a date") % {"kind": column.kind}
        text = (raw.date() if isinstance(raw, datetime) else raw).isoformat()
    elif isinstance(raw, float) and raw.is_integer():
        text = str(int(raw))
    else:
        text = str(raw).strip()
    if not text:
        if column.required:
            return None, _("required")
        return _EMPTY.get(column.kind), None
    kind = column.kind
    if kind == "bool":
        low = text.lower()
        if low in TRUE:
            return True, None
        if low in FALSE:
            return False, None
        return None, _("answer yes or no")
    kind = column.kind
    if kind == "text":
        if len(text) > column.max_length:
            return None, _("longer than %(n)s characters") % {"n": column.max_length}
        return text, None
    if kind == "int":
        try:
            value = int(text)
        except ValueError:
            return None, _("not a whole number")
        if (column.low is not None and value < column.low) or (
            column.high is not None and value > column.high
        ):
            return None, _("must be from %(low)s to %(high)s") % {
                "low": column.low,
                "high": column.high,
            }
        return value, None
    if kind == "date":
        try:
            value = date.fromisoformat(text) if "-" in text else _dmy(text)
        except ValueError:
            return None, _("not a date (use YYYY-MM-DD or DD/MM/YYYY)")
        if value.year < 1900:
            return None, _("before 1900")
        return value, None
    if kind == "choice":
        low = text.lower().replace(" ", "_").replace("-", "_")
        low = dict(column.aliases).get(low, low)
        if low not in column.choices:
            return None, _("one of: %(choices)s") % {"choices": ", ".join(column.choices)}
        return low, None
    if kind == "state":
        pk = states.get(text.lower())
        if pk is None:
            return None, _("unknown state")
        return pk, None
    raise AssertionError(kind)


def _dmy(text):
    day, month, year = text.replace(".", "/").split("/")
    return date(int(year), int(month), int(day))


def _row_checks(register, row, today):
    """Cross-column problems: [(column, problem)]."""
    problems = []
    for column in register.columns:
        value = row.get(column.name)
        if column.kind == "date" and value and value > today:
            if not (register.name == "marriages" and value <= today + timedelta(days=366)):
                problems.append((column.name, _("in the future")))
    if register.name == "missing":
        if row["complaint_date"] and row["complaint_date"] < row["date_missing"]:
            problems.append(("complaint_date", _("before the date missing")))
        if row["complaint_filed"] and not (row["police_station"] and row["complaint_date"]):
            problems.append(("police_station", _("give the police station and complaint date")))
    if register.name == "households" and row["surveyed_on"] is None:
        row["surveyed_on"] = today
    if register.name == "members":
        row["birth_year"] = today.year - row.pop("age")
    if register.name == "migrations":
        days = row["checkin_every_days"] or 30
        row["checkin_every_days"] = days
        row["next_checkin_due"] = row["left_on"] + timedelta(days=days)
    return problems


# -- writing --------------------------------------------------------------

_TYPES = {"text": "text", "int": "integer", "date": "date", "bool": "boolean",
          "choice": "text", "state": "bigint"}  # fmt: skip


def _stage_columns(register):
    cols = [("line", "integer"), ("village_id", "bigint"), ("block_id", "bigint"),
            ("district_id", "bigint")]  # fmt: skip
    for c in register.columns:
        if c.name in ("block", "village", "village_lgd"):
            continue
        name = c.name
        if register.name == "members" and name == "age":
            cols.append(("birth_year", "integer"))
            continue
        cols.append((name, _TYPES[c.kind]))
    if register.name == "migrations":
        cols.append(("next_checkin_due", "date"))
    if register.name == "households":
        cols += [("score", "integer"), ("risk_level", "text"), ("index_version", "integer")]
    return cols


def _create_stage(cursor, register):
    cols = ", ".join(f"{n} {t}" for n, t in _stage_columns(register))
    cursor.execute("DROP TABLE IF EXISTS prevention_import_stage")
    cursor.execute(f"CREATE TEMPORARY TABLE prevention_import_stage ({cols})")


def _stage(cursor, register, rows):
    names = [n for n, _t in _stage_columns(register)]
    cursor.execute("DELETE FROM prevention_import_stage")
    if connection.vendor == "postgresql":
        with cursor.cursor.copy(
            f"COPY prevention_import_stage ({', '.join(names)}) FROM STDIN"
        ) as copy:
            for row in rows:
                copy.write_row([row[n] for n in names])
    else:
        marks = ", ".join(["%s"] * len(names))
        cursor.executemany(
            f"INSERT INTO prevention_import_stage ({', '.join(names)}) VALUES ({marks})",  # noqa: S608 (fixed column names; values are parameters)
            [[row[n] for n in names] for row in rows],
        )


def _insert_sql(register):
    """INSERT ... SELECT from the stage ... ON CONFLICT (natural key) DO UPDATE."""
    model = register.model
    table = model._meta.db_table
    stage_cols = [n for n, _t in _stage_columns(register) if n != "line"]
    joins, select, target = [], [], []
    for name in stage_cols:
        if name in ("household_code", "member_serial"):
            continue
        if register.name == "members" and name in ("village_id", "block_id", "district_id"):
            continue
        if name == "destination_state" or name == "groom_state":
            target.append(f"{name}_id")
        else:
            target.append(name)
        select.append(f"s.{name}")
    household = Household._meta.db_table
    if any(j[0] == "household_code" for j in register.joins):
        joins.append(
            f"JOIN {household} h ON h.village_id = s.village_id AND h.code = s.household_code"
        )
        target.append("household_id")
        select.append("h.id")
    if any(j[0] == "member_serial" for j in register.joins):
        joins.append(
            f"JOIN {Member._meta.db_table} m "
            "ON m.household_id = h.id AND m.serial = s.member_serial"
        )
        target.append("member_id")
        select.append("m.id")
    extra = {
        "created_by_id": "%s",
        "created_at": "%s",
        "updated_at": "%s",
        "version": "1",
    }
    if register.name == "migrations":
        extra.update({"status": "'away'", "last_contact_on": "NULL", "recruiter_id": "NULL"})
    if register.name == "missing":
        extra.update({"household_id": "NULL", "member_id": "NULL", "migration_id": "NULL"})
        select = [
            "COALESCE(NULLIF(s.status, ''), 'missing')" if s == "s.status" else s for s in select
        ]
    if register.name == "marriages":
        extra["household_id"] = "NULL"
    target += list(extra)
    select += list(extra.values())
    key = ("household_id",) if register.name == "members" else ("village_id",)
    key += register.key
    updates = [c for c in target if c not in key and c not in ("created_at", "created_by_id")]
    if register.name == "missing":
        for keep in ("household_id", "member_id", "migration_id"):
            updates.remove(keep)
    if register.name == "migrations":
        for keep in ("status", "last_contact_on", "recruiter_id"):
            updates.remove(keep)
    set_clause = ", ".join(
        f"{c} = {table}.version + 1" if c == "version" else f"{c} = excluded.{c}" for c in updates
    )
    return (
        f"INSERT INTO {table} ({', '.join(target)}) "  # noqa: S608 (fixed column names; values are parameters)
        f"SELECT {', '.join(select)} FROM prevention_import_stage s {' '.join(joins)} "
        f"WHERE TRUE ON CONFLICT ({', '.join(key)}) DO UPDATE SET {set_clause}"
    )


def _missing_references(cursor, register, report):
    """Rows whose household or member is not in the register (checked in SQL)."""
    if not register.joins:
        return
    household = Household._meta.db_table
    cursor.execute(
        f"SELECT s.line FROM prevention_import_stage s LEFT JOIN {household} h "  # noqa: S608 (fixed column names; values are parameters)
        "ON h.village_id = s.village_id AND h.code = s.household_code WHERE h.id IS NULL "
        "ORDER BY s.line"
    )
    for (line,) in cursor.fetchall():
        report.add(line, "household_code", _("no such household in this village"))
    if register.name == "migrations":
        cursor.execute(
            f"SELECT s.line, m.id, m.birth_year, s.left_on FROM prevention_import_stage s "  # noqa: S608 (fixed column names; values are parameters)
            f"JOIN {household} h ON h.village_id = s.village_id AND h.code = s.household_code "
            f"LEFT JOIN {Member._meta.db_table} m ON m.household_id = h.id "
            "AND m.serial = s.member_serial ORDER BY s.line"
        )
        for line, member, birth_year, left_on in cursor.fetchall():
            if member is None:
                report.add(line, "member_serial", _("no such member in this household"))
            else:
                left_year = left_on.year if isinstance(left_on, date) else int(str(left_on)[:4])
                if left_year < birth_year:
                    report.add(line, "left_on", _("before the member was born"))


def import_register(register_name, stream, filename, user, progress=None):
    """Import one register file as ``user``; returns a Report."""
    register = REGISTERS[register_name]
    report = Report()
    try:
        header, rows = read_rows(stream, filename)
        header = [str(h).strip().lower() for h in header]
        missing = [c.name for c in register.columns if c.required and c.name not in header]
        if missing:
            report.add(1, ", ".join(missing), _("column missing from the header"))
            return report
        index = {name: header.index(name) for name in header if name}
        positions = [(c, index.get(c.name)) for c in register.columns]
        places, states = _Places(user), _states()
        today = timezone.localdate()
        stamp = _stamp(user)
        with transaction.atomic():
            with connection.cursor() as cursor:
                _create_stage(cursor, register)
                districts = set()
                while True:
                    chunk = list(islice(rows, CHUNK))
                    if not chunk:
                        break
                    # Repeats within a chunk are found here, repeats of an
                    # earlier chunk in SQL: memory stays flat with file size.
                    seen = {}
                    staged = []
                    for line, values in chunk:
                        row = _check_row(register, line, values, positions, places, states,
                                         today, seen, report)  # fmt: skip
                        if row is not None:
                            staged.append(row)
                            districts.add(row["district_id"])
                    report.rows += len(chunk)
                    if staged and not report.error_count:
                        _stage(cursor, register, staged)
                        _missing_references(cursor, register, report)
                        _repeats_of_earlier_chunks(cursor, register, stamp, report)
                        if not report.error_count:
                            cursor.execute(_insert_sql(register), stamp)
                            report.written += max(cursor.rowcount, 0)
                    if progress:
                        progress(report.rows)
                cursor.execute("DROP TABLE IF EXISTS prevention_import_stage")
            if report.error_count:
                raise _Rollback
            _after(register, districts)
            log.record("import", log.label_of(register.model), detail={"rows": report.rows})
            if register.name == "missing" and report.written:
                from sangam.matching.tasks import match_all_later

                match_all_later()
    except _Rollback:
        report.written = 0
        return report
    except ImportError_ as exc:
        report.add(0, "", str(exc))
        report.written = 0
        return report
    report.committed = True
    return report


def _stamp(user):
    """created_by, created_at, updated_at of every row of one import: rows
    this import already wrote carry exactly this updated_at."""
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    return [getattr(user, "pk", None), now, now]


def _repeats_of_earlier_chunks(cursor, register, stamp, report):
    """Staged rows whose natural key this import already wrote."""
    table = register.model._meta.db_table
    household = Household._meta.db_table
    if register.name == "members":
        join = (
            f"JOIN {household} h ON h.village_id = s.village_id AND h.code = s.household_code "
            f"JOIN {table} t ON t.household_id = h.id AND t.serial = s.serial"
        )
    else:
        key = register.key[0]
        join = f"JOIN {table} t ON t.village_id = s.village_id AND t.{key} = s.{key}"
    cursor.execute(
        f"SELECT s.line FROM prevention_import_stage s {join} "  # noqa: S608 (fixed names)
        "WHERE t.updated_at = %s ORDER BY s.line",
        [stamp[2]],
    )
    for (line,) in cursor.fetchall():
        report.add(line, register.key[-1], _("repeats an earlier row of this file"))


def _check_row(register, line, values, positions, places, states, today, seen, report):
    row = {}
    problems = 0
    width = len(values)
    for column, pos in positions:
        raw = values[pos] if pos is not None and pos < width else ""
        value, problem = _parse(column, raw, states)
        if problem:
            report.add(line, column.name, problem)
            problems += 1
        row[column.name] = value
    if problems:
        return None
    place = places.find(row.pop("block"), row.pop("village"), row.pop("village_lgd"))
    if place is None:
        report.add(line, "village", _("no such village in your jurisdiction"))
        return None
    row["village_id"], row["block_id"], row["district_id"] = place
    row["line"] = line
    if register.name == "households":
        # Scored as the row is checked, with its state's active index: the
        # same sum the household page explains (index.explain).
        config = places.index_for(row["district_id"])
        row["score"] = score = sum(w for code, w in config.weights.items() if w and row[code])
        row["risk_level"] = config.level(score)
        row["index_version"] = config.version
    for column, problem in _row_checks(register, row, today):
        report.add(line, column, problem)
        problems += 1
    key = (row["village_id"], row.get("household_code"), *(row[k] for k in register.key))
    first = seen.get(key)
    if first is not None:
        report.add(line, register.key[-1], _("repeats line %(line)s") % {"line": first})
        return None
    seen[key] = line
    return None if problems else row


def _after(register, districts):
    """Indicators the imported registers show are set, set-based, then the
    districts touched are rescored (the same SQL as the index)."""
    from sangam.core.access import SYSTEM
    from sangam.geography.models import District

    if register.name not in ("members", "migrations"):
        return  # households were scored as they were checked
    households = Household.objects.restrict(SYSTEM).filter(district__in=districts)
    if register.name == "members":
        year = timezone.localdate().year
        households.filter(
            members__birth_year__range=(year - 17, year - 6),
            members__schooling__in=[Schooling.DROPPED_OUT, Schooling.NEVER],
            child_out_of_school=False,
        ).update(child_out_of_school=True)
    if register.name == "migrations":
        households.filter(member_left_with_agent=False).exclude(migrations__agent_name="").filter(
            migrations__isnull=False
        ).update(member_left_with_agent=True)
        Member.objects.restrict(SYSTEM).filter(
            household__district__in=districts, migrations__status="away", is_away=False
        ).update(is_away=True)
    by_state = {}
    for pk, state in District.objects.filter(pk__in=districts).values_list("pk", "state_id"):
        by_state.setdefault(state, []).append(pk)
    with connection.cursor() as cursor:
        for state, ids in by_state.items():
            config = index.active(state)
            for district_id in ids:
                index.run_update(cursor, config, district_id)


class _Rollback(Exception):
    pass


def template(register_name, kind):
    """A blank template (bytes) for a register, as CSV or XLSX."""
    register = REGISTERS[register_name]
    names = [c.name for c in register.columns]
    if kind == "csv":
        out = io.StringIO()
        csv.writer(out).writerow(names)
        return ("\ufeff" + out.getvalue()).encode("utf-8")
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet(str(register.title)[:31])
    sheet.append(names)
    guide = book.create_sheet(_("How to fill")[:31])
    guide.append([_("Column"), _("Required"), _("What to write")])
    for c in register.columns:
        guide.append([c.name, _("yes") if c.required else "", _describe(c)])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _describe(column):
    if column.kind == "date":
        return _("a date: YYYY-MM-DD or DD/MM/YYYY")
    if column.kind == "bool":
        return _("yes or no (empty means no)")
    if column.kind == "int":
        return _("a whole number from %(low)s to %(high)s") % {
            "low": column.low if column.low is not None else 0,
            "high": column.high if column.high is not None else "…",
        }
    if column.kind == "choice":
        return _("one of: %(choices)s") % {"choices": ", ".join(column.choices)}
    if column.kind == "state":
        return _("a state or union territory: name or code (IN-JH)")
    return column.help or _("text, up to %(n)s characters") % {"n": column.max_length}
