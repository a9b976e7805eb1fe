"""Import the village registers from the paper-to-Excel files CRPs keep.

Each register (households, members, migrations, marriages, missing persons)
declares its typed columns, its natural key, the rows it refers to and its
hooks; ``sangam.core.imports`` does the reading, checking (row, column,
problem), staging and all-or-nothing transaction the same way for all.
Rows are written set-based with INSERT ... ON CONFLICT on the natural key,
so re-importing a file updates rows instead of duplicating them.

Names, phones and other personal columns are encrypted as each row is
checked (``RegisterImport.sealed``), so they are staged and written as
ciphertext. A committed import sends ``sangam.core.imports.imported``."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sangam.core import imports
from sangam.core.access import SYSTEM
from sangam.core.crypto import EncryptedField
from sangam.core.imports import Column
from sangam.core.places import Villages
from sangam.core.vocabulary import Sex
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
from sangam.prevention.queries import villages_for
from sangam.prevention.workflow import derive_indicators

CHUNK = 10000
_PLACE_COLUMNS = ("village_id", "block_id", "district_id")


def _no_problems(row, today, job):
    return []


def _nothing(districts, report):
    pass


@dataclass(frozen=True)
class Register:
    name: str
    title: object
    model: type
    columns: tuple
    key: tuple  # natural key in the model's table (a unique constraint)
    household: bool = False  # rows name their household by household_code
    member: bool = False  # ... and a member of it by member_serial
    placed: bool = True  # the table carries village, block and district
    derived: tuple = ()  # (stage column, SQL type) that ``prepare`` sets
    constants: dict = field(default_factory=dict)  # column: SQL, on insert only
    future_days: int = 0  # how far in the future a date may be
    # prepare(row, today, job) -> [(column, problem)]: cross-column checks;
    # sets the derived columns.
    prepare: Callable = _no_problems
    # sql_checks(cursor) -> [(line, column, problem)] on the staged chunk.
    sql_checks: Callable | None = None
    # after(districts, report): once every chunk is written, before the commit.
    after: Callable = _nothing


# -- hooks ------------------------------------------------------------------


def _score_household(row, today, job):
    # Scored as the row is checked, with its state's active index: the one
    # score the index's SQL and the household page's explanation give.
    config = job.index_for(row["district_id"])
    row["score"] = score = config.score(row)
    row["risk_level"] = config.level(score)
    row["index_version"] = config.version
    if row["surveyed_on"] is None:
        row["surveyed_on"] = today
    return []


def _birth_year(row, today, job):
    row["birth_year"] = today.year - row["age"]
    return []


def _schedule_checkins(row, today, job):
    days = row["checkin_every_days"] or 30
    row["checkin_every_days"] = days
    row["next_checkin_due"] = row["left_on"] + timedelta(days=days)
    return []


def _missing_dates(row, today, job):
    problems = []
    if row["complaint_date"] and row["complaint_date"] < row["date_missing"]:
        problems.append(("complaint_date", _("before the date missing")))
    if row["complaint_filed"] and not (row["police_station"] and row["complaint_date"]):
        problems.append(("police_station", _("give the police station and complaint date")))
    row["status"] = row["status"] or MissingPerson.Status.MISSING
    return problems


def _left_before_born(cursor):
    cursor.execute(
        f"SELECT s.line, m.birth_year, s.left_on FROM prevention_import_stage s "  # noqa: S608 (fixed names)
        f"JOIN {Household._meta.db_table} h "
        "ON h.village_id = s.village_id AND h.code = s.household_code "
        f"JOIN {Member._meta.db_table} m ON m.household_id = h.id AND m.serial = s.member_serial"
    )
    problems = []
    for line, birth_year, left_on in cursor.fetchall():
        left_year = left_on.year if isinstance(left_on, date) else int(str(left_on)[:4])
        if left_year < birth_year:
            problems.append((line, "left_on", _("before the member was born")))
    return problems


def _refresh_households(districts):
    """The indicators the registers show are set, set-based (the rules the
    household page follows), then the districts touched are rescored."""
    from sangam.geography.models import District

    households = Household.objects.restrict(SYSTEM).filter(district__in=districts)
    for code, to_tick in derive_indicators(households).items():
        to_tick.update(**{code: True})
    by_state = {}
    for pk, state in District.objects.filter(pk__in=districts).values_list("pk", "state_id"):
        by_state.setdefault(state, []).append(pk)
    with connection.cursor() as cursor:
        for state, ids in by_state.items():
            config = index.active(state)
            for district_id in ids:
                index.run_update(cursor, config, district_id)


def _after_members(districts, report):
    _refresh_households(districts)


def _after_migrations(districts, report):
    Member.objects.restrict(SYSTEM).filter(
        household__district__in=districts, migrations__status="away", is_away=False
    ).update(is_away=True)
    _refresh_households(districts)


# -- the registers ------------------------------------------------------------

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
            key=("village_id", "code"),
            derived=(("score", "integer"), ("risk_level", "text"), ("index_version", "integer")),
            prepare=_score_household,
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
                Column("age", "int", required=True, low=0, high=110, staged=False),
                Column("schooling", "choice", choices=tuple(Schooling.values)),
                Column("work", max_length=120),
                Column("is_away", "bool"),
            ),
            key=("household_id", "serial"),
            household=True,
            placed=False,
            derived=(("birth_year", "integer"),),
            prepare=_birth_year,
            after=_after_members,
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
            key=("village_id", "register_no"),
            household=True,
            member=True,
            derived=(("next_checkin_due", "date"),),
            constants={"status": "'away'", "last_contact_on": "NULL", "recruiter_id": "NULL"},
            prepare=_schedule_checkins,
            sql_checks=_left_before_born,
            after=_after_migrations,
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
            key=("village_id", "register_no"),
            constants={"household_id": "NULL"},
            future_days=366,  # a marriage is registered before it happens
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
                Column("language", "language"),
                Column("circumstances", max_length=2000),
                Column("complaint_filed", "bool"),
                Column("police_station"),
                Column("fir_gd_number", max_length=60),
                Column("complaint_date", "date"),
                Column("status", "choice", choices=tuple(MissingPerson.Status.values)),
            ),
            key=("village_id", "register_no"),
            constants={"household_id": "NULL", "member_id": "NULL", "migration_id": "NULL"},
            prepare=_missing_dates,
        ),
    ]
}


# -- the import -----------------------------------------------------------------

_STAGE = "prevention_import_stage"
_REFERENCES = ("household_code", "member_serial")


class RegisterImport(imports.Import):
    """One register file, checked and written the way its Register says."""

    stage_table = _STAGE

    def __init__(self, register, user):
        super().__init__(user)
        self.register = register
        self.model = register.model
        self.chunk = CHUNK
        self.stage_columns = [("line", "integer"), *((n, "bigint") for n in _PLACE_COLUMNS)]
        self.stage_columns += [
            (c.name, imports.SQL_TYPES[c.kind])
            for c in register.columns
            if c.staged and c.name not in ("block", "village", "village_lgd")
        ]
        self.stage_columns += list(register.derived)
        self.names = [n for n, _t in self.stage_columns]
        # Encrypted as each row is checked: the staging table (and the WAL
        # it goes through) never holds a name or phone in plaintext.
        fields = {f.name: f for f in register.model._meta.concrete_fields}
        self.sealed = [
            (i, fields[n])
            for i, n in enumerate(self.names)
            if isinstance(fields.get(n), EncryptedField)
        ]
        self.kinds = {c.name: c.kind for c in register.columns}
        self.today = timezone.localdate()
        self.stamp = [
            getattr(user, "pk", None),
            *[connection.ops.adapt_datetimefield_value(self.now)] * 2,
        ]
        self.configs, self.districts = {}, set()
        self.key_rest = [k for k in register.key if k not in ("village_id", "household_id")]

    def header(self, header, report):
        missing = [c.name for c in self.register.columns if c.required and c.name not in header]
        if missing:
            report.add(1, ", ".join(missing), _("column missing from the header"))
            return False
        position = {name: header.index(name) for name in header if name}
        self.positions = [(c, position.get(c.name)) for c in self.register.columns]
        self.villages = Villages(villages_for(self.user))
        from sangam.geography.models import District

        self.state_of = dict(District.objects.values_list("pk", "state_id"))
        return True

    def index_for(self, district_id):
        state = self.state_of[district_id]
        if state not in self.configs:
            self.configs[state] = index.active(state)
        return self.configs[state]

    def check_chunk(self, chunk, report):
        # Repeats within a chunk are found here, repeats of an earlier chunk
        # in SQL: memory stays flat with file size.
        self.seen = {}
        return super().check_chunk(chunk, report)

    def check(self, line, values, report):
        register, row, problems, width = self.register, {}, 0, len(values)
        for column, pos in self.positions:
            raw = values[pos] if pos is not None and pos < width else ""
            value, problem = imports.parse_cell(column, raw, self.places)
            if problem:
                report.add(line, column.name, problem)
                problems += 1
            row[column.name] = value
        if problems:
            return None
        place = self.villages.find(row.pop("block"), row.pop("village"), row.pop("village_lgd"))
        if place is None:
            report.add(line, "village", _("no such village in your jurisdiction"))
            return None
        row["village_id"], row["block_id"], row["district_id"] = place
        row["line"] = line
        latest = self.today + timedelta(days=register.future_days)
        for name, kind in self.kinds.items():
            value = row.get(name)
            if kind == "date" and value and value > latest:
                report.add(line, name, _("in the future"))
                problems += 1
        for column, problem in register.prepare(row, self.today, self):
            report.add(line, column, problem)
            problems += 1
        key = (row["village_id"], row.get("household_code"), *(row[k] for k in self.key_rest))
        first = self.seen.get(key)
        if first is not None:
            report.add(line, register.key[-1], _("repeats line %(line)s") % {"line": first})
            return None
        self.seen[key] = line
        if problems:
            return None
        self.districts.add(row["district_id"])
        staged = [row[n] for n in self.names]
        for i, sealed in self.sealed:
            if staged[i]:
                staged[i] = sealed.get_prep_value(staged[i])
        return staged

    def write(self, cursor, report):
        problems = self._references(cursor) + self._repeats(cursor)
        if self.register.sql_checks:
            problems += self.register.sql_checks(cursor)
        for line, column, problem in sorted(problems, key=lambda p: p[0]):
            report.add(line, column, problem)
        if not report.error_count:
            cursor.execute(self._insert_sql(), self.stamp)
            report.written += max(cursor.rowcount, 0)

    def finish(self, report):
        self.register.after(self.districts, report)
        report.summary = _("%(n)s rows saved.") % {"n": report.written}

    def written(self):
        return self.model._base_manager.filter(updated_at=self.now).values_list("pk", flat=True)

    # -- SQL on the staged chunk ----------------------------------------------

    def _joins(self):
        joins = []
        if self.register.household:
            joins.append(
                f"JOIN {Household._meta.db_table} h "
                "ON h.village_id = s.village_id AND h.code = s.household_code"
            )
        if self.register.member:
            joins.append(
                f"JOIN {Member._meta.db_table} m "
                "ON m.household_id = h.id AND m.serial = s.member_serial"
            )
        return joins

    def _insert_sql(self):
        """INSERT ... SELECT from the stage ... ON CONFLICT (natural key) DO UPDATE."""
        register, table = self.register, self.model._meta.db_table
        target, select = [], []
        for name in self.names[1:]:  # not the line
            if name in _REFERENCES or (not register.placed and name in _PLACE_COLUMNS):
                continue
            target.append(f"{name}_id" if self.kinds.get(name) == "state" else name)
            select.append(f"s.{name}")
        for ref, alias in (("household", "h"), ("member", "m")):
            if getattr(register, ref):
                target.append(f"{ref}_id")
                select.append(f"{alias}.id")
        extra = {"created_by_id": "%s", "created_at": "%s", "updated_at": "%s", "version": "1"}
        extra.update(register.constants)
        target += list(extra)
        select += list(extra.values())
        kept = {*register.key, "created_at", "created_by_id", *register.constants}
        set_clause = ", ".join(
            f"{c} = {table}.version + 1" if c == "version" else f"{c} = excluded.{c}"
            for c in target
            if c not in kept
        )
        return (
            f"INSERT INTO {table} ({', '.join(target)}) "  # noqa: S608 (fixed names; values are parameters)
            f"SELECT {', '.join(select)} FROM {_STAGE} s {' '.join(self._joins())} "
            f"WHERE TRUE ON CONFLICT ({', '.join(register.key)}) DO UPDATE SET {set_clause}"
        )

    def _references(self, cursor):
        """Rows whose household or member is not in the register."""
        problems = []
        if self.register.household:
            cursor.execute(
                f"SELECT s.line FROM {_STAGE} s LEFT JOIN {Household._meta.db_table} h "  # noqa: S608 (fixed names)
                "ON h.village_id = s.village_id AND h.code = s.household_code WHERE h.id IS NULL"
            )
            problems += [
                (line, "household_code", _("no such household in this village"))
                for (line,) in cursor.fetchall()
            ]
        if self.register.member:
            cursor.execute(
                f"SELECT s.line FROM {_STAGE} s {self._joins()[0]} "  # noqa: S608 (fixed names)
                f"LEFT JOIN {Member._meta.db_table} m "
                "ON m.household_id = h.id AND m.serial = s.member_serial WHERE m.id IS NULL"
            )
            problems += [
                (line, "member_serial", _("no such member in this household"))
                for (line,) in cursor.fetchall()
            ]
        return problems

    def _repeats(self, cursor):
        """Staged rows whose natural key this import already wrote (rows it
        wrote carry exactly its updated_at)."""
        table = self.model._meta.db_table
        on = " AND ".join(f"t.{k} = s.{k}" for k in self.key_rest)
        if "household_id" in self.register.key:
            join = f"{self._joins()[0]} JOIN {table} t ON t.household_id = h.id AND {on}"
        else:
            join = f"JOIN {table} t ON t.village_id = s.village_id AND {on}"
        cursor.execute(
            f"SELECT s.line FROM {_STAGE} s {join} WHERE t.updated_at = %s",  # noqa: S608 (fixed names)
            [self.stamp[2]],
        )
        return [
            (line, self.register.key[-1], _("repeats an earlier row of this file"))
            for (line,) in cursor.fetchall()
        ]


def import_register(register_name, stream, filename, user, progress=None):
    """Import one register file (CSV or XLSX by its name) as ``user``;
    returns a ``sangam.core.imports.Report``."""
    job = RegisterImport(REGISTERS[register_name], user)
    return imports.run(job, stream, imports.kind_of(filename), progress)


def template(register_name, kind):
    """A blank template (bytes) for a register, as CSV or XLSX."""
    register = REGISTERS[register_name]
    return imports.template(register.columns, register.title, kind)
