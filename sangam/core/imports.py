"""The staged import engine: files of rows (CSV or XLSX) written set-based.

Every import (the geography's villages, each of prevention's registers)
is an ``Import``: it declares its staging columns and answers a few hooks;
the engine does the rest the same way for all of them. The file is read as
a stream in chunks, so memory stays flat however long it is. Every row is
checked and every problem reported (line, column, problem; the first
MAX_ERRORS_KEPT are kept). Good rows of a chunk go into a temporary staging
table (``COPY`` on PostgreSQL, ``executemany`` on SQLite) and the import
writes them with ``INSERT … SELECT``. It is all-or-nothing, in one
transaction: after the first bad row nothing more is written and nothing
is committed, but checking goes on so that one run lists every problem.

When an import commits, ``imported`` is sent once (after the commit) with
``sender`` the model written, ``pks`` the rows this import wrote (a lazy
queryset of pks: iterate it or use it in ``pk__in``, so that a large
import is never held in memory) and ``user`` who imported. Capabilities
that react to new records (matching) listen to it.

Uploads from the web go through ``UploadForm`` (size limit, file kind),
``start_job`` (the file saved encrypted, a job queued after the commit),
``open_upload`` (the task reads it, decrypted in memory only) and
``run_job`` (the task's body: runs the import, records its report on the
job and deletes the uploaded file when the job ends, whatever the outcome).
"""

import csv
import io
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import islice
from pathlib import Path

from django import forms
from django.conf import settings
from django.db import connection, transaction
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sangam.audit import log
from sangam.audit.log import acting_as
from sangam.core import crypto
from sangam.core.access import SYSTEM
from sangam.core.exports import safe_row
from sangam.core.forms import Form
from sangam.core.places import Places
from sangam.core.vocabulary import normalise_language
from sangam.jobs.models import Job

imported = Signal()  # sender=model, pks=lazy queryset of pks, user

MAX_ERRORS_KEPT = 1000
TRUE = {"yes", "y", "true", "1", "हाँ", "हां"}
FALSE = {"no", "n", "false", "0", "", "नहीं"}


class FileError(Exception):
    """The file as a whole cannot be read (not a row problem)."""


@dataclass
class Report:
    """What an import did, or every problem that stopped it. ``columns``:
    problems name a column (shown as Line, Column, Problem) or not (Line,
    Problem). ``counts`` are an import's own figures (villages created …)."""

    columns: bool = True
    rows: int = 0
    written: int = 0
    error_count: int = 0
    errors: list = field(default_factory=list)
    committed: bool = False
    counts: dict = field(default_factory=dict)
    summary: str = ""

    def __getattr__(self, name):
        counts = self.__dict__.get("counts", {})
        if name in counts:
            return counts[name]
        raise AttributeError(name)

    def add(self, line, column, problem):
        self.error_count += 1
        if len(self.errors) < MAX_ERRORS_KEPT:
            if self.columns:
                self.errors.append([line, column, str(problem)])
            else:
                self.errors.append((line, str(problem)))

    def count(self, name, n):
        self.counts[name] = self.counts.get(name, 0) + max(n, 0)

    def discard(self):
        """Nothing was committed: nothing was written."""
        self.written = 0
        self.counts = dict.fromkeys(self.counts, 0)

    def as_dict(self):
        result = {
            "rows": self.rows,
            "written": self.written,
            **self.counts,
            "error_count": self.error_count,
            "errors": self.errors,
            "committed": self.committed,
            "summary": self.summary if self.committed else "",
        }
        if self.columns:
            result["error_headers"] = [_("Line"), _("Column"), _("Problem")]
        return result


# -- reading --------------------------------------------------------------


def read_rows(stream, kind="csv"):
    """(header, iterator of (line, [values])) from a CSV or XLSX stream."""
    if kind == "xlsx":
        return _read_xlsx(stream)
    return _read_csv(stream)


def kind_of(filename):
    return "xlsx" if str(filename).lower().endswith(".xlsx") else "csv"


def _decoded_lines(stream):
    """Lines of a stream as text, decoded one at a time so that a wrong
    encoding is reported at its line (a whole-file decode cannot)."""
    for number, raw in enumerate(stream, 1):
        if isinstance(raw, str):  # a text stream, already decoded
            yield raw.removeprefix("\ufeff") if number == 1 else raw
            continue
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError:
            raise FileError(
                _("Line %(line)s is not UTF-8 text: save the file as CSV UTF-8.") % {"line": number}
            ) from None


def _read_csv(stream):
    reader = csv.reader(_decoded_lines(stream))
    try:
        header = next(reader)
    except StopIteration:
        raise FileError(_("The file is empty.")) from None
    except csv.Error:
        raise FileError(_("Line 1 is not readable CSV.")) from None

    def rows():
        while True:
            start = reader.line_num + 1  # a quoted cell may run over several lines
            try:
                values = next(reader)
            except StopIteration:
                return
            except csv.Error:
                raise FileError(
                    _("Line %(line)s is not readable CSV.") % {"line": reader.line_num}
                ) from None
            if any(v.strip() for v in values):
                yield start, values

    return header, rows()


def _read_xlsx(stream):
    # calamine (Rust) reads a sheet about ten times faster than openpyxl; it
    # holds the sheet in memory (about 2 KB a row), so very large files are
    # better sent as CSV, which streams.
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
        raise FileError(_("This is not an Excel (.xlsx) file.")) from None
    try:
        header = [str(v) for v in next(it)]
    except StopIteration:
        raise FileError(_("The file is empty.")) from None

    def rows():
        for line, values in enumerate(it, 2):
            if any(str(v).strip() for v in values):
                yield line, values

    return header, rows()


# -- typed columns ----------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """One column of a file: how its cells are read and described."""

    name: str
    kind: str = "text"  # text, int, date, bool, choice, state, language
    required: bool = False
    max_length: int = 150
    choices: tuple = ()
    aliases: tuple = ()  # (spelling, choice) pairs a file may use
    low: int | None = None
    high: int | None = None
    help: str = ""
    staged: bool = True  # False: read and checked, but a hook stages what follows from it


_EMPTY = {"bool": False, "text": "", "choice": "", "language": ""}
SQL_TYPES = {"text": "text", "int": "integer", "date": "date", "bool": "boolean",
             "choice": "text", "state": "bigint", "language": "text"}  # fmt: skip


def parse_cell(column, raw, places):
    """(value, problem) for one cell; a state is resolved by ``places``."""
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
    if "\n" in text or "\r" in text:
        # No register keeps text over several lines: a cell that does has a
        # quote that is not closed, and would swallow the lines after it.
        return None, _("the cell runs over several lines: is a quote not closed?")
    if "\x00" in text:
        return None, _("contains a NUL character")
    kind = column.kind
    if kind == "bool":
        low = text.lower()
        if low in TRUE:
            return True, None
        if low in FALSE:
            return False, None
        return None, _("answer yes or no")
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
    if kind == "language":  # stored as the one language vocabulary's code
        code = normalise_language(text)
        if not code:
            return None, _("unknown language (write its name, such as Bengali)")
        return code, None
    if kind == "state":
        pk = places.state(text)
        if pk is None:
            return None, _("unknown state")
        return pk, None
    raise AssertionError(kind)


def _dmy(text):
    day, month, year = text.replace(".", "/").split("/")
    return date(int(year), int(month), int(day))


def template(columns, title, kind):
    """A blank file (bytes) with the header an import reads, as CSV or XLSX;
    the XLSX has a second sheet saying what to write in each column."""
    names = [c.name for c in columns]
    if kind == "csv":
        out = io.StringIO()
        csv.writer(out).writerow(safe_row(names))
        return ("\ufeff" + out.getvalue()).encode("utf-8")
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet(str(title)[:31])
    sheet.append(safe_row(names))
    guide = book.create_sheet(_("How to fill")[:31])
    guide.append([_("Column"), _("Required"), _("What to write")])
    for c in columns:
        guide.append(safe_row([c.name, _("yes") if c.required else "", str(_describe(c))]))
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


# -- the engine -------------------------------------------------------------


class Import:
    """One kind of import. Subclasses declare ``model``, ``stage_table`` and
    ``stage_columns`` ([(name, SQL type)]) and answer the hooks; they may
    read ``self.user``, ``self.places`` and ``self.now`` (the one timestamp
    every row of this import carries)."""

    model = None
    stage_table = ""
    stage_columns = ()
    chunk = 10000
    columns_in_report = True

    def __init__(self, user=SYSTEM):
        self.user = user
        self.places = Places()
        self.now = timezone.now()

    def header(self, header, report):
        """Check the (lower-cased) header; False stops the import."""
        return True

    def check_chunk(self, chunk, report):
        """The rows of ``chunk`` ([(line, values)]) to stage."""
        staged = []
        for line, values in chunk:
            row = self.check(line, values, report)
            if row is not None:
                staged.append(row)
        return staged

    def check(self, line, values, report):
        """The row to stage (values in ``stage_columns`` order), or None
        after reporting its problems."""
        raise NotImplementedError

    def write(self, cursor, report):
        """Write the staged chunk (or report problems found in SQL)."""
        raise NotImplementedError

    def finish(self, report):
        """After the last chunk, before the commit."""

    def written(self):
        """The pks of the rows this import wrote (a lazy queryset)."""
        raise NotImplementedError

    def audit_detail(self, report):
        return {"rows": report.rows, **report.counts}


class _Rollback(Exception):
    pass


def run(job, stream, kind="csv", progress=None):
    """Import ``stream`` with ``job`` (an Import); returns a Report.
    ``progress(rows)`` is called after every chunk."""
    report = Report(columns=job.columns_in_report)
    try:
        header, rows = read_rows(stream, kind)
        if not job.header([str(h).strip().lower() for h in header], report):
            return report
        with transaction.atomic():
            with connection.cursor() as cursor:
                stage = _Stage(cursor, job.stage_table, [n for n, _t in job.stage_columns])
                cursor.execute(f"DROP TABLE IF EXISTS {job.stage_table}")
                columns = ", ".join(f"{n} {t}" for n, t in job.stage_columns)
                cursor.execute(f"CREATE TEMPORARY TABLE {job.stage_table} ({columns})")
                while chunk := list(islice(rows, job.chunk)):
                    staged = job.check_chunk(chunk, report)
                    report.rows += len(chunk)
                    # After the first bad row nothing will be committed:
                    # keep checking to report every bad row, but stop writing.
                    if staged and not report.error_count:
                        stage.fill(staged)
                        job.write(cursor, report)
                    if progress:
                        progress(report.rows)
                cursor.execute(f"DROP TABLE IF EXISTS {job.stage_table}")
            if report.error_count:
                raise _Rollback
            job.finish(report)
            log.record("import", log.label_of(job.model), detail=job.audit_detail(report))
            pks = job.written()
            transaction.on_commit(lambda: imported.send(sender=job.model, pks=pks, user=job.user))
    except _Rollback:
        report.discard()
        return report
    except FileError as exc:
        report.add(0, "", str(exc))
        report.discard()
        return report
    report.committed = True
    return report


class _Stage:
    def __init__(self, cursor, table, names):
        self.cursor, self.table, self.names = cursor, table, names

    def fill(self, rows):
        cursor, names = self.cursor, ", ".join(self.names)
        cursor.execute(f"DELETE FROM {self.table}")  # noqa: S608 (fixed names)
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {self.table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join(["%s"] * len(self.names))
            cursor.executemany(
                f"INSERT INTO {self.table} ({names}) VALUES ({marks})",  # noqa: S608 (fixed names; values are parameters)
                rows,
            )


# -- uploads from the web ---------------------------------------------------


class UploadForm(Form):
    """A file to import, refused before it is saved if it is larger than
    SANGAM_MAX_IMPORT_BYTES or not of a kind the import reads."""

    extensions = (".csv",)
    wrong_kind = gettext_lazy("Choose a .csv file.")
    file = forms.FileField(label=gettext_lazy("CSV file"))

    def clean_file(self):
        f = self.cleaned_data.get("file")
        if f is None:
            raise forms.ValidationError(self.wrong_kind)
        if f.size > settings.SANGAM_MAX_IMPORT_BYTES:
            raise forms.ValidationError(_("The file is larger than the import limit."))
        if not f.name.lower().endswith(self.extensions):
            raise forms.ValidationError(self.wrong_kind)
        return f


def start_job(upload, user, *, kind, title, task, **arguments):
    """Save ``upload`` where the task reads it and queue ``task`` (with
    ``job_id``, ``path`` and ``arguments``) once the request commits."""
    upload_dir = settings.VAR_DIR / "uploads" / "imports"
    upload_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = upload_dir / f"{uuid.uuid4()}{Path(upload.name).suffix.lower()}"
    crypto.write_encrypted(path, upload.chunks(), _upload_context(path))
    job = Job.objects.create(kind=kind, title=title, created_by=user)
    transaction.on_commit(lambda: task.enqueue(job_id=str(job.pk), path=str(path), **arguments))
    return job


def _upload_context(path):
    # The file's own name: an upload renamed or swapped for another does not decrypt.
    return f"upload:{Path(path).name}"


def open_upload(path):
    """The plaintext of an upload ``start_job`` saved, as a binary stream
    (decrypted a segment at a time, in memory only)."""
    return crypto.open_encrypted(path, _upload_context(path))


def run_job(job_id, path, work, total=None):
    """The body of an import task: ``work(user, progress)`` returns the
    Report recorded on the job; ``total(path)``, if given, what its progress
    counts to. The uploaded file at ``path`` is personal data and is
    deleted when the job ends, whatever the outcome."""
    try:
        job = Job.objects.select_related("created_by").get(pk=job_id)
        job.start(total=total(path) if total else None)
        try:
            with acting_as(user=job.created_by):
                report = work(job.created_by, job.progress)
            job.finish(report.as_dict(), failed=not report.committed)
        except Exception:
            job.finish({}, failed=True, message="The import stopped with an internal error.")
            raise
    finally:
        Path(path).unlink(missing_ok=True)


def count_rows(path):
    """Lines after the header of an upload: the total a CSV job's progress counts to."""
    with open_upload(path) as f:
        return max(sum(1 for _ in f) - 1, 0)
