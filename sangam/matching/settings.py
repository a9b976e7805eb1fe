"""The linkage model as data (as Splink does): how records are blocked into
candidate pairs and how each field of a pair is compared.

Columns of a prepared record (see ``records.py``): ``g1``/``g2`` the first
and last meaningful words of the name (fine keys), ``s1``/``s2`` their
skeletons, ``fa``/``fas`` the father's first name, ``sex``, ``age`` (years,
at the record's date) and ``day`` (the record's date as a day number),
``st``/``di``/``vi`` state, district and village keys, ``lang`` (ISO 639-3).

Each comparison lists its levels from the strongest agreement down as SQL
conditions on ``l`` and ``r``; a pair falls into the first level it meets,
else into level 0 (disagreement); ``null`` says when the field says nothing
(-1, no weight). A level with ``tf`` is adjusted by how common the agreeing
value is: agreeing on a rare name is worth more than on "Pooja".
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Level:
    label: str
    sql: str
    tf: str | None = None  # column whose value frequency adjusts this level


@dataclass(frozen=True)
class Comparison:
    name: str
    null: str
    levels: tuple[Level, ...] = field(default_factory=tuple)

    def gamma_sql(self):
        """SQL giving -1 (null), 0 (disagree) or the level number (highest = strongest)."""
        top = len(self.levels)
        whens = " ".join(f"WHEN {level.sql} THEN {top - i}" for i, level in enumerate(self.levels))
        return f"CASE WHEN {self.null} THEN -1 {whens} ELSE 0 END"


def _close(a, b, short=1, long=2, cut=6):
    """Edit distance small for the words' length (skeletons are short)."""
    return (
        f"(levenshtein(l.{a}, r.{b}) <= {short} "
        f"OR (length(l.{a}) >= {cut} AND levenshtein(l.{a}, r.{b}) <= {long}))"
    )


# Years between the two records' ages, against the time that passed between them.
AGE_GAP = "abs((r.age - l.age) - (r.day - l.day) / 365.25)"
DATED = "l.day IS NOT NULL AND r.day IS NOT NULL"

COMPARISONS = (
    Comparison(
        "name",
        null="l.g1 IS NULL OR r.g1 IS NULL",
        levels=(
            Level(
                "both words, any order",
                # Surnames by sound: a surname written in another script
                # often differs in its vowels (सरकार = Sarakar / Sarkar).
                "l.s2 IS NOT NULL AND r.s2 IS NOT NULL AND ((l.s1 = r.s1 AND l.s2 = r.s2) "
                "OR (l.s1 = r.s2 AND l.s2 = r.s1))",
            ),
            Level("given name", "l.g1 = r.g1", tf="g1"),
            Level(
                "given name sounds alike or swapped",
                "l.s1 = r.s1 OR l.g1 = r.g2 OR l.g2 = r.g1",
            ),
            Level("given name spelled close", _close("s1", "s1")),
        ),
    ),
    Comparison(
        "surname",
        null="l.g2 IS NULL OR r.g2 IS NULL",
        levels=(
            Level("same", "l.g2 = r.g2 OR l.s2 = r.s2"),
            Level("close", _close("s2", "s2")),
        ),
    ),
    Comparison(
        "father",
        null="l.fa IS NULL OR r.fa IS NULL",
        levels=(
            Level("same", "l.fa = r.fa", tf="fa"),
            Level("sounds alike", "l.fas = r.fas"),
            Level("close", _close("fas", "fas")),
        ),
    ),
    Comparison(
        "age",
        null="l.age IS NULL OR r.age IS NULL",
        levels=(
            Level("within 1.5 years", f"{DATED} AND {AGE_GAP} <= 1.5"),
            Level("within 3 years", f"{DATED} AND {AGE_GAP} <= 3"),
            Level(
                "within 6 years, or plausible without dates",
                f"({DATED} AND {AGE_GAP} <= 6) "
                "OR ((l.day IS NULL OR r.day IS NULL) AND abs(r.age - l.age) <= 12)",
            ),
        ),
    ),
    Comparison(
        "sex", null="l.sex IS NULL OR r.sex IS NULL", levels=(Level("same", "l.sex = r.sex"),)
    ),
    # Where someone comes from, as one comparison: state, district, village
    # and language go together (people of one district share a state and a
    # language), and counting them apart would count the same evidence twice.
    Comparison(
        "origin",
        null=" OR ".join(
            f"(coalesce({s}.st, {s}.di, {s}.vi, {s}.lang) IS NULL)" for s in ("l", "r")
        ),
        levels=(
            Level("same village", "l.vi = r.vi AND (l.di = r.di OR l.di IS NULL OR r.di IS NULL)"),
            Level("same district", "l.di = r.di"),
            Level(
                "district or village spelled close",
                f"{_close('di', 'di', 2, 3, 8)} OR (l.st = r.st AND {_close('vi', 'vi', 2, 3, 8)})",
            ),
            # Only when a district is unknown: a different district is not
            # made up for by the same state.
            Level(
                "same state or language, district unknown",
                "(l.di IS NULL OR r.di IS NULL) AND (l.st = r.st OR l.lang = r.lang)",
            ),
        ),
    ),
)

# Candidate pairs: the union of these. Each is an equi-join the database can
# hash; together they keep true pairs whose names were spelled differently,
# swapped, written with the surname dropped, or whose place is unknown.
# ``b4``/``b4o`` are 4-year bands of the estimated birth year (the second
# shifted by 2 years, so a pair near a band edge still meets).
BLOCKING_RULES = (
    "l.s1 = r.s1 AND l.st = r.st",
    "l.s1 = r.s1 AND l.di = r.di",
    "l.s1 = r.s1 AND l.fas = r.fas",
    "l.s1 = r.s1 AND l.s2 = r.s2",
    "l.s1 = r.s2 AND l.sex = r.sex",
    "l.s2 = r.s1 AND l.sex = r.sex",
    "l.s1 = r.s1 AND l.sex = r.sex AND l.b4 = r.b4",
    "l.s1 = r.s1 AND l.sex = r.sex AND l.b4o = r.b4o",
    "l.fas = r.fas AND l.st = r.st AND l.sex = r.sex",
    "l.di = r.di AND l.p2 = r.p2 AND l.sex = r.sex",
    "l.di = r.di AND l.b4 = r.b4 AND l.sex = r.sex",
)

# When the rules above would give more candidate pairs than PAIR_BUDGET (their
# sizes are counted first, which is cheap), these finer rules are used
# instead: each adds a district, village, birth-year band or second name to
# a name key, so pairs grow with the records, not with their product. Chosen
# greedily for true pairs kept per pair on synthetic registers of 200,000 x
# 50,000 (about 0.89 of true pairs kept, against 0.97 with the rules above).
PAIR_BUDGET = 40_000_000
BLOCKING_RULES_AT_SCALE = (
    "l.s1 = r.s1 AND l.vi = r.vi",
    "l.p2 = r.p2 AND l.di = r.di AND l.b4 = r.b4",
    "l.s1 = r.s2 AND l.di = r.di",
    "l.s1 = r.s1 AND l.fas = r.fas AND l.st = r.st",
    "l.s2 = r.s1 AND l.di = r.di",
    "l.s2 = r.s2 AND l.di = r.di AND l.sex = r.sex",
    "l.s1 = r.s2 AND l.s2 = r.s1",
    "l.s1 = r.s1 AND l.di = r.di",
    "l.di = r.di AND l.vi = r.vi",
    "l.p2 = r.p2 AND l.st = r.st AND l.b4 = r.b4 AND l.sex = r.sex",
)

# Estimating how true pairs look (m), as Splink does, in blocks where the
# fields estimated say nothing about how the block was made: among pairs
# sharing a given name, false pairs agree on age, origin and father no more
# than random pairs; among pairs sharing a district and birth years, they
# agree on names no more than random pairs. (rule, comparisons estimated)
TRAINING = (
    ("l.s1 = r.s1 AND l.sex = r.sex", ("age", "father")),
    ("l.s1 = r.s1 AND l.fas = r.fas", ("origin", "age")),
    ("l.di = r.di AND l.b4 = r.b4", ("name", "surname", "father", "sex")),
)

# Scores below this are not written by default: a low, review-oriented
# threshold (a reviewer sees weak candidates too; ranks order them).
DEFAULT_THRESHOLD = 0.05
