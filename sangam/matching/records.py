"""Person records from CSV files, checked and turned into comparable columns.

A user's data error never ends in a traceback: a missing column or a file
that is not UTF-8 stops with a message naming it (and the line); a row
without an id or a name, or repeating an id, is skipped and counted; an
impossible age or date is dropped from the row (the rest still counts) and
counted.
"""

import csv
import io
import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from sangam.core.vocabulary import Sex, normalise_language
from sangam.matching.names import PET_KEYS, consonants, place, skeleton, words
from sangam.matching.places import Places

MISSING_COLUMNS = (
    "id", "name", "sex", "age", "date_missing", "father_name",
    "origin_state", "origin_district", "origin_village", "language",
)  # fmt: skip
FOUND_COLUMNS = (
    "id", "name", "sex", "age", "date_found", "father_name",
    "stated_state", "stated_district", "stated_village", "found_state", "found_district",
    "language",
)  # fmt: skip
PEOPLE_COLUMNS = (
    "id", "name", "sex", "age", "date", "father_name", "state", "district", "village",
    "language",
)  # fmt: skip
# Which columns of each file hold the date and the place the person comes from.
ROLES = {
    "missing": ("date_missing", "origin_state", "origin_district", "origin_village"),
    "found": ("date_found", "stated_state", "stated_district", "stated_village"),
    "people": ("date", "state", "district", "village"),
}
REQUIRED = {"missing": MISSING_COLUMNS, "found": FOUND_COLUMNS, "people": PEOPLE_COLUMNS}

# Sangam's own registers say Sex values; files from elsewhere say much else.
SEXES = {
    Sex.FEMALE: "f", Sex.MALE: "m", Sex.TRANSGENDER: "t",
    "f": "f", "girl": "f", "woman": "f", "w": "f", "m": "m", "boy": "m", "man": "m",
    "t": "t", "other": "t",
    "महिला": "f", "स्त्री": "f", "पुरुष": "m", "নারী": "f", "পুরুষ": "m",
}  # fmt: skip
EPOCH = date(1970, 1, 1)
# Columns ``prepare`` fills; ``complete`` then adds the name keys (g1, g2,
# s1, s2, c1, p2, r1), the state and district keys (st, di) and the home-name
# keys (pd, sd, df), once it has seen every side's records.
COLUMNS = ("rid", "id", "names", "fa", "fas", "fd1", "sex", "age", "day", "state", "district", "vi",
           "lang", "b4", "b4o")  # fmt: skip
NAME_KEYS = ("g1", "g2", "s1", "s2", "c1", "p2", "a1", "d1", "sd1")
# Keys with several values a record (a table of (rid, key) rows each): two
# records share a candidate pair when any of their values agree.
MULTI_KEYS = ("d1", "sd1", "fd1")
# A given name shared by at most this many pairs of records, or one pair per
# RARE_PER_RECORDS records of the smaller side if that is more, is rare
# enough to be a blocking key by itself (a rare name found with nothing
# else). Growing with the registers keeps the key's pairs in proportion to
# the records: at 200,000 x 50,000 a name of 50 reports and 40 found
# persons is still one name in thousands.
RARE_PAIRS = 100
RARE_PER_RECORDS = 25
# A given name this short (folded) is taken for a short form of the given
# name (Khu for Khubhakhi, Mai for Mampi: the first syllable, a pet ending).
SHORT_FORM = 3


class InputError(Exception):
    """The file cannot be read as a whole; the message says where and why."""


@dataclass
class Report:
    path: str
    rows: int = 0
    kept: int = 0
    skipped: Counter = field(default_factory=Counter)
    cleaned: Counter = field(default_factory=Counter)

    def lines(self):
        out = [f"{self.path}: {self.rows} rows, {self.kept} used"]
        out += [f"  skipped {n}: {why}" for why, n in sorted(self.skipped.items())]
        out += [f"  {n} rows: {what}" for what, n in sorted(self.cleaned.items())]
        return out


@lru_cache(maxsize=1024)
def _language(text):
    return normalise_language(text) or None if text else None


def _age(text):
    try:
        value = float(text)
    except ValueError:
        return None
    return value if 0 <= value <= 110 else None


def _day(text, today):
    try:
        value = date.fromisoformat(text[:10])
    except ValueError:
        return None
    if not date(1950, 1, 1) <= value <= today:
        return None
    return (value - EPOCH).days


def _rows(path):
    """(line number, row) pairs; InputError for a missing column or bad encoding."""
    with open(path, "rb") as raw:
        data = raw.read()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]  # Excel's UTF-8 mark
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(f"{path}: line {line} is not UTF-8 (save the file as CSV UTF-8)") from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if not reader.fieldnames:
        raise InputError(f"{path}: the file is empty (a header row is needed)")
    reader.fieldnames = [f.strip().lower() for f in reader.fieldnames]
    return reader


def read(path, kind):
    """Checked, prepared records of one file: (columns dict, Report)."""
    reader = _rows(path)
    missing = [c for c in REQUIRED[kind] if c not in reader.fieldnames]
    if missing:
        raise InputError(f"{path}: missing columns: {', '.join(missing)}")
    return prepare(reader, kind, str(path))


def prepare(rows, kind, source=""):
    """Prepared records from dicts keyed by the file columns of ``kind``
    (a file's rows, or the registers' records): (columns dict, Report)."""
    date_col, state_col, district_col, village_col = ROLES[kind]
    report = Report(source)
    columns = {c: [] for c in COLUMNS if c != "rid"}
    seen, today = set(), date.today()
    for row in rows:
        report.rows += 1
        get = {k: (v or "").strip() for k, v in row.items() if k is not None}
        ident, name = get.get("id", ""), get.get("name", "")
        if not ident:
            report.skipped["no id"] += 1
            continue
        if ident in seen:
            report.skipped["id repeated"] += 1
            continue
        name_words = words(name)
        if not name_words:
            report.skipped["no name (or only words such as Kumari, Devi, Md)"] += 1
            continue
        seen.add(ident)
        age = _age(get["age"]) if get.get("age") else None
        if get.get("age") and age is None:
            report.cleaned["age ignored (not a number from 0 to 110)"] += 1
        day = _day(get[date_col], today) if get.get(date_col) else None
        if get.get(date_col) and day is None:
            report.cleaned[f"{date_col} ignored (not a date YYYY-MM-DD from 1950 to today)"] += 1
        sex = SEXES.get(get.get("sex", "").lower()) if get.get("sex") else None
        father = words(get.get("father_name", ""))
        columns["id"].append(ident)
        columns["names"].append(name_words)
        columns["fa"].append(father[0] if father else None)
        columns["fas"].append(skeleton(father[0]) if father else None)
        columns["fd1"].append(one_edit(letters(father[0])) if father else ())
        columns["sex"].append(sex)
        columns["age"].append(age)
        columns["day"].append(day)
        # As written: complete() reads them against the gazetteer.
        columns["state"].append(get.get(state_col, ""))
        columns["district"].append(get.get(district_col, ""))
        columns["vi"].append(place(get.get(village_col, "")) or None)
        columns["lang"].append(_language(get.get("language", "")))
        born = 1970 + day / 365.25 - age if age is not None and day is not None else None
        columns["b4"].append(int(born // 4) if born is not None else None)
        columns["b4o"].append(int((born + 2) // 4) if born is not None else None)
        report.kept += 1
    return columns, report


def complete(*sides):
    """What needs every side's records at once: the order of the words of
    each name, how rare each given name is, and states and districts read
    against the gazetteer and the spellings the files agree on."""
    orient(*sides)
    counts = [Counter(side["s1"]) for side in sides]
    rare = max(RARE_PAIRS, min(len(side["s1"]) for side in sides) // RARE_PER_RECORDS)
    for side in sides:
        side["r1"] = [s if _pairs_sharing(s, counts) <= rare else None for s in side["s1"]]
    written = [list(zip(side["state"], side["district"], strict=True)) for side in sides]
    places = Places([pair for side in written for pair in side])
    for side, side_written in zip(sides, written, strict=True):
        read = [places.read(state, district) for state, district in side_written]
        side["st"] = [state for state, _ in read]
        side["di"] = [district for _, district in read]
        home_names(side)
    return sides


def home_names(side):
    """Keys for a child known at home by another name: a pet name (Munni,
    Bablu) or a short form (Khu for Khubhakhi) on one record and the given
    name on the other share nothing but where she is from. ``pd`` is the
    district of a record named by a pet name, ``sd`` the district and first
    letter of one named by a short form, ``df`` every record's district and
    first letter: blocking joins ``pd`` to ``di`` and ``sd`` to ``df``."""
    side["pd"], side["sd"], side["df"] = [], [], []
    for given, district in zip(side["g1"], side["di"], strict=True):
        first = f"{district}:{given[:1]}" if district else None
        side["df"].append(first)
        side["pd"].append(district if given in PET_KEYS else None)
        side["sd"].append(first if len(given) <= SHORT_FORM else None)


def orient(*sides):
    """Put the given name first. Names are written surname first too (Das
    Priya, Oraon Sibibi); which word is a surname is learned from the names
    themselves: a word that most two-word names end with is a surname, one
    they start with a given name. A name is turned round when that reading
    is likelier than the order written (two rare words stay as written)."""
    first, last = Counter(), Counter()
    for side in sides:
        for name in side["names"]:
            if len(name) > 1:
                first[skeleton(name[0])] += 1
                last[skeleton(name[-1])] += 1
    for side in sides:
        for key in NAME_KEYS:
            side[key] = []
        for name in side["names"]:
            # An initial (Tamil "R. Meena", Telugu "D. Srilatha") is neither
            # the given name nor the surname, wherever it is written.
            name = [w for w in name if len(w) > 1] or name
            given, surname = name[0], name[-1] if len(name) > 1 else None
            if surname is not None:
                a, b = skeleton(given), skeleton(surname)
                if (last[a] + 1) * (first[b] + 1) > (first[a] + 1) * (last[b] + 1):
                    given, surname = surname, given
            side["g1"].append(given)
            side["g2"].append(surname)
            side["s1"].append(skeleton(given))
            side["s2"].append(skeleton(surname) if surname else None)
            side["c1"].append(consonants(given))
            side["p2"].append(skeleton(given)[:2])
            side["a1"].append(letters(given))
            side["d1"].append(one_edit(letters(given)))
            side["sd1"].append(one_edit(letters(surname)) if surname else ())
    return sides


# Cached, as names.words is: registers repeat names (a Zipf-like spread),
# and 200,000 records asked these a million times.
@lru_cache(maxsize=200_000)
def letters(fine):
    """A word's letters in alphabetical order: the same for a name typed with
    two letters swapped (Nsiha, Nisha), however far apart."""
    return "".join(sorted(fine)) if fine else ""


@lru_cache(maxsize=200_000)
def one_edit(sorted_letters):
    """The sorted letters and each way of leaving one out (a deletion
    neighbourhood): two words a letter apart — dropped, doubled, typed for
    another or moved — share one of them. Short words keep all their letters
    (dropping one of three leaves too little to tell names apart)."""
    if len(sorted_letters) < 4:
        return (sorted_letters,) if sorted_letters else ()
    dropped = {sorted_letters[:i] + sorted_letters[i + 1 :] for i in range(len(sorted_letters))}
    return tuple(sorted({sorted_letters} | dropped))


def _pairs_sharing(value, counts):
    if len(counts) == 1:
        n = counts[0][value]
        return n * (n - 1) // 2
    return counts[0][value] * counts[1][value]


def number(columns, start=0, seed=0):
    """Give each record a row number in random order: a prefix of the
    numbers is then a random sample, in any SQL engine."""
    n = len(columns["id"])
    order = list(range(n))
    random.Random(seed).shuffle(order)
    columns["rid"] = [start + i for i in order]
    return columns
