"""The linkage model as data (as Splink does): how records are blocked into
candidate pairs and how each field of a pair is compared.

Columns of a prepared record (see ``records.py``): ``g1``/``g2`` the given
name and the surname (fine keys, put in that order), ``s1``/``s2`` their
skeletons, ``c1`` the given name's consonants, ``p2`` its first two
letters, ``r1`` the given name when it is rare, ``fa``/``fas`` the father's
first name and its skeleton, ``a1`` the given name's letters in
alphabetical order, ``d1``/``sd1``/``fd1`` the deletion neighbourhoods of
the given name's, surname's and father's name's sorted letters (several
values a record, see ``records.MULTI_KEYS``), ``sex``, ``age`` (years, at the record's date)
and ``day`` (the record's date as a day number), ``b4``/``b4o`` 4-year bands
of the birth year, ``st``/``di``/``vi`` state, district and village keys
(``places.py``), ``lang`` (ISO 639-3), ``pd``/``sd``/``df`` the home-name
keys (the district of a record named by a pet name; the district and first
letter of one named by a short form; of every record, see
``records.home_names``).

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
    link_only: bool = False  # says nothing within one file (which record is "left" is arbitrary)

    def gamma_sql(self, dedupe=False):
        """SQL giving -1 (null), 0 (disagree) or the level number (highest = strongest)."""
        if dedupe and self.link_only:
            return "-1"
        top = len(self.levels)
        whens = " ".join(f"WHEN {level.sql} THEN {top - i}" for i, level in enumerate(self.levels))
        # A byte per level: tens of millions of pairs hold seven of them.
        return f"CAST(CASE WHEN {self.null} THEN -1 {whens} ELSE 0 END AS TINYINT)"


def _close(a, b, short=1, long=2, cut=6, guard=None):
    """Edit distance small for the words' length (skeletons are short).
    Edit distances are dear over millions of pairs and SQL engines do not
    skip the right side of an AND, so a CASE computes one only where the
    lengths (and ``guard``) leave it a chance."""
    limit = f"(CASE WHEN length(l.{a}) >= {cut} THEN {long} ELSE {short} END)"
    worth = f"abs(length(l.{a}) - length(r.{b})) <= {limit}"
    if guard:
        worth = f"{guard} AND {worth}"
    return f"(CASE WHEN {worth} THEN levenshtein(l.{a}, r.{b}) <= {limit} ELSE false END)"


# Years between the two records' ages, against the time that passed between them.
AGE_GAP = "abs((r.age - l.age) - (r.day - l.day) / 365.25)"
DATED = "l.day IS NOT NULL AND r.day IS NOT NULL"
# Neither record says the other's state is wrong.
SAME_STATE_OR_UNKNOWN = "(l.st = r.st OR l.st IS NULL OR r.st IS NULL)"
ONE_DISTRICT_UNKNOWN = "(l.di IS NULL OR r.di IS NULL)"

COMPARISONS = (
    # The given name and the surname are compared apart: a level "both
    # words agree" next to a surname comparison would count the surname
    # twice. Agreeing on a name counts for more the rarer its sound is
    # (tf on the skeleton: a rare spelling of Sabita is still Sabita).
    Comparison(
        "name",
        null="l.g1 IS NULL OR r.g1 IS NULL",
        levels=(
            Level("given name", "l.g1 = r.g1", tf="s1"),
            Level("given name sounds alike", "l.s1 = r.s1", tf="s1"),
            # Written surname first, or one record has only the other word.
            Level("words in the other order", "l.s1 = r.s2 OR l.s2 = r.s1"),
            # Vowels are what spellings vary most (Bheedhur/Bhedhur, Rahl/Rahul).
            Level("given name with the same consonants", "l.c1 = r.c1"),
            Level("given name spelled close", _close("s1", "s1")),
            # A typing slip: two letters swapped (Nsiha), one dropped, doubled
            # or hit on the next key (Srilata, Anitah). Compared on the
            # letters in order (records.letters), with the first letter kept.
            Level(
                "given name a letter off",
                "substr(l.g1, 1, 1) = substr(r.g1, 1, 1) AND "
                f"(l.a1 = r.a1 OR {_close('a1', 'a1', 1, 1)})",
            ),
            # Heavily misspelled, or heard and written down by someone else.
            Level("given name partly alike", _close("g1", "g1", 2, 3, 6)),
        ),
    ),
    Comparison(
        "surname",
        null="l.g2 IS NULL OR r.g2 IS NULL",
        levels=(
            # Surnames by sound: a surname written in another script often
            # differs in its vowels (सरकार = Sarakar / Sarkar).
            Level("same", "l.s2 = r.s2 OR (l.s1 = r.s2 AND l.s2 = r.s1)", tf="s2"),
            Level("close", _close("s2", "s2")),
        ),
    ),
    Comparison(
        "father",
        null="l.fa IS NULL OR r.fa IS NULL",
        levels=(
            Level("same", "l.fa = r.fa", tf="fas"),
            Level("sounds alike", "l.fas = r.fas", tf="fas"),
            Level("close", _close("fas", "fas")),
            Level("partly alike", _close("fa", "fa", 2, 3, 6)),
        ),
    ),
    Comparison(
        "age",
        null="l.age IS NULL OR r.age IS NULL",
        levels=(
            Level("within 1.5 years", f"{DATED} AND {AGE_GAP} <= 1.5"),
            Level("within 3 years", f"{DATED} AND {AGE_GAP} <= 3"),
            Level("within 6 years", f"{DATED} AND {AGE_GAP} <= 6"),
            Level(
                "plausible, a date unknown",
                f"NOT ({DATED}) AND abs(r.age - l.age) <= 8",
            ),
        ),
    ),
    # Someone is rarely found long before anyone reported them missing; how
    # long after is evidence too (EM learns how long searches take).
    Comparison(
        "dates",
        null=f"NOT ({DATED})",
        levels=(
            Level(
                "found within a year after the report", "r.day BETWEEN l.day - 30 AND l.day + 365"
            ),
            Level("found 1 to 3 years after the report", "r.day BETWEEN l.day AND l.day + 1096"),
            Level("found after the report", "r.day >= l.day - 30"),
            Level("found within a year before the report", "r.day >= l.day - 365"),
        ),
        link_only=True,
    ),
    Comparison(
        "sex", null="l.sex IS NULL OR r.sex IS NULL", levels=(Level("same", "l.sex = r.sex"),)
    ),
    # Where someone comes from, as one comparison: state, district, village
    # and language go together (people of one district share a state and a
    # language), and counting them apart would count the same evidence twice.
    # Village names repeat across districts and states (every state has a
    # Rampur), so a village counts only where the district agrees or is not
    # known and the state does not disagree.
    Comparison(
        "origin",
        null=" OR ".join(
            f"(coalesce({s}.st, {s}.di, {s}.vi, {s}.lang) IS NULL)" for s in ("l", "r")
        ),
        levels=(
            Level("same village", "l.vi = r.vi AND l.di = r.di"),
            Level(
                "village spelled close",
                _close("vi", "vi", 2, 3, 8, guard="l.di = r.di"),
            ),
            Level(
                "same village, district unknown",
                f"l.vi = r.vi AND {ONE_DISTRICT_UNKNOWN} AND {SAME_STATE_OR_UNKNOWN}",
            ),
            Level(
                "same district, a village unknown", "l.di = r.di AND (l.vi IS NULL OR r.vi IS NULL)"
            ),
            # Two villages named differently: the same district counts for less.
            Level("same district, another village", "l.di = r.di"),
            Level("district spelled close", _close("di", "di", 2, 3, 8)),
            # Only when a district is unknown: a different district is not
            # made up for by the same state.
            Level(
                "same state or language, district unknown",
                f"{ONE_DISTRICT_UNKNOWN} AND (l.st = r.st OR l.lang = r.lang)",
            ),
        ),
    ),
)

# Candidate pairs: the union of these. Each is an equi-join the database can
# hash; together they keep true pairs whose names were spelled differently
# (``c1``: consonants only), swapped, written with the surname dropped, or
# whose place is unknown. ``b4``/``b4o`` are 4-year bands of the estimated
# birth year (the second shifted by 2 years, so a pair near a band edge
# still meets). Rules were chosen greedily for true pairs kept per pair on
# synthetic registers of 20,000 x 5,000 (0.991 of true pairs kept).
BLOCKING_RULES = (
    "l.c1 = r.c1 AND l.di = r.di",
    "l.c1 = r.c1 AND l.fas = r.fas",
    "l.s2 = r.s1 AND l.di = r.di",
    "l.vi = r.vi AND l.st = r.st",
    "l.s1 = r.s1 AND l.st = r.st",
    "l.s1 = r.s2 AND l.st = r.st",
    "l.fas = r.fas AND l.di = r.di",
    "l.s1 = r.s1 AND l.sex = r.sex AND l.b4o = r.b4o",
    "l.s2 = r.s1 AND l.sex = r.sex",
    "l.vi = r.vi AND l.sex = r.sex",
    "l.di = r.di AND l.p2 = r.p2 AND l.sex = r.sex",
    "l.s1 = r.s1 AND l.s2 = r.s2",
    "l.s1 = r.s2 AND l.di = r.di",
    "l.p2 = r.p2 AND l.st = r.st AND l.b4 = r.b4 AND l.sex = r.sex",
    "l.s1 = r.s2 AND l.s2 = r.s1",
    "l.s1 = r.s1 AND l.sex = r.sex AND l.b4 = r.b4",
    "l.s2 = r.s2 AND l.di = r.di AND l.sex = r.sex",
    "l.fas = r.fas AND l.st = r.st AND l.sex = r.sex",
    # A rare given name alone (see records.RARE_PAIRS; the bar grows with the registers).
    "l.r1 = r.r1",
    # A given name a letter apart (records.one_edit: typed for a neighbouring
    # key, dropped, doubled or swapped), with a place, surname or father.
    "l.d1 = r.d1 AND l.di = r.di",
    "l.d1 = r.d1 AND l.s2 = r.s2",
    "l.d1 = r.d1 AND l.fas = r.fas",
    "l.d1 = r.d1 AND l.vi = r.vi",
    # The father's name a letter apart, or written in another script
    # (its inherent vowels romanised or not), with the district.
    "l.fd1 = r.fd1 AND l.di = r.di",
    "l.fd1 = r.fd1 AND l.s2 = r.s2",
    "l.vi = r.vi AND l.fas = r.fas",
    # The same given name, the surname a letter apart (or nasalised: Bhuiya,
    # Bhuiyan) where no place is known to agree.
    "l.a1 = r.a1 AND l.sd1 = r.sd1",
    # Tamil: the father's name written as the surname on one side.
    "l.fas = r.s2 AND l.di = r.di",
    "l.s2 = r.fas AND l.di = r.di",
    "l.fas = r.s1 AND l.di = r.di",
    "l.s1 = r.fas AND l.di = r.di",
    # A pet name (Munni, Bablu) shares nothing with the given name: the
    # district, sex and age are what is left.
    "l.di = r.di AND l.sex = r.sex AND l.b4 = r.b4",
    "l.di = r.di AND l.sex = r.sex AND l.b4o = r.b4o",
    # Or the district alone, when one record is named by a pet name or a
    # short form (Khu for Khubhakhi; with the first letter): the age is an
    # official's estimate years later and often a band apart.
    "l.pd = r.di",
    "l.di = r.pd",
    "l.sd = r.df",
    "l.df = r.sd",
)

# When the rules above would give more candidate pairs than PAIR_BUDGET (their
# sizes are counted first, which is cheap), these finer rules are used
# instead: each adds a district, village, birth-year band, father or second
# name to a name key, so pairs grow with the records, not with their product.
# Chosen the same way on synthetic registers of 200,000 x 50,000: 27.8
# million pairs keep 0.986 of true pairs (the rules above: 49.8 million,
# 0.974).
PAIR_BUDGET = 40_000_000
BLOCKING_RULES_AT_SCALE = (
    "l.s1 = r.s1 AND l.fas = r.fas AND l.st = r.st",
    "l.s1 = r.s1 AND l.vi = r.vi",
    "l.s1 = r.s1 AND l.di = r.di",
    "l.s2 = r.s1 AND l.di = r.di",
    "l.vi = r.vi AND l.fas = r.fas",
    "l.c1 = r.c1 AND l.fas = r.fas AND l.sex = r.sex",
    "l.s1 = r.s2 AND l.di = r.di",
    "l.s1 = r.s2 AND l.s2 = r.s1",
    "l.p2 = r.p2 AND l.di = r.di AND l.b4 = r.b4",
    "l.s1 = r.s1 AND l.s2 = r.s2",
    "l.c1 = r.c1 AND l.st = r.st AND l.b4o = r.b4o",
    "l.fas = r.fas AND l.di = r.di",
    "l.di = r.di AND l.vi = r.vi",
    "l.c1 = r.c1 AND l.di = r.di",
    "l.c1 = r.c1 AND l.st = r.st AND l.b4 = r.b4",
    "l.c1 = r.c1 AND l.vi = r.vi",
    "l.s1 = r.s2 AND l.st = r.st AND l.sex = r.sex",
    "l.s2 = r.s1 AND l.st = r.st AND l.sex = r.sex",
    "l.di = r.di AND l.p2 = r.p2 AND l.sex = r.sex",
    "l.s1 = r.s1 AND l.fas = r.fas",
    "l.s1 = r.s1 AND l.st = r.st AND l.sex = r.sex",
    "l.s1 = r.s1 AND l.sex = r.sex AND l.b4o = r.b4o",
    "l.vi = r.vi AND l.st = r.st AND l.sex = r.sex",
    "l.s2 = r.s2 AND l.di = r.di AND l.sex = r.sex",
    "l.p2 = r.p2 AND l.st = r.st AND l.b4 = r.b4 AND l.sex = r.sex",
    "l.c1 = r.c1 AND l.s2 = r.s2",
    "l.fas = r.fas AND l.st = r.st AND l.sex = r.sex",
    "l.r1 = r.r1",
    # As above: a given name or father's name a letter apart, a surname a
    # letter apart, the father's name as the surname, a pet name.
    "l.d1 = r.d1 AND l.di = r.di",
    "l.d1 = r.d1 AND l.fas = r.fas",
    "l.d1 = r.d1 AND l.vi = r.vi",
    "l.d1 = r.d1 AND l.s2 = r.s2 AND l.st = r.st",
    "l.fd1 = r.fd1 AND l.di = r.di",
    "l.fd1 = r.fd1 AND l.s2 = r.s2 AND l.st = r.st",
    "l.a1 = r.a1 AND l.sd1 = r.sd1",
    "l.fas = r.s2 AND l.di = r.di",
    "l.s2 = r.fas AND l.di = r.di",
    "l.di = r.di AND l.sex = r.sex AND l.b4 = r.b4",
    "l.di = r.di AND l.sex = r.sex AND l.b4o = r.b4o",
    "l.pd = r.di",
    "l.di = r.pd",
    "l.sd = r.df",
    "l.df = r.sd",
    # The district wrong or blank and the surname dropped or replaced
    # (Kumari, a married name): the father's name with the same given name
    # (his name a letter off), its first letters, or the family's surname.
    "l.s1 = r.s1 AND l.fd1 = r.fd1",
    "l.p2 = r.p2 AND l.fas = r.fas",
    "l.s2 = r.s2 AND l.fas = r.fas",
    # Only the given name's first letters and the state agree, the age as
    # near as estimates get.
    "l.p2 = r.p2 AND l.st = r.st AND l.b4o = r.b4o AND l.sex = r.sex",
)

# Estimating how true pairs look (m), as Splink does: EM within blocks of
# pairs, each estimating every comparison the block's rule says nothing
# about (among pairs sharing a given name and a district, false pairs agree
# on age and father no more than random pairs; a given name also says what
# sex someone is, so blocks on one do not estimate sex). A comparison's m is the mean
# of the blocks that estimated it. Blocks are narrow (a name or father with
# a district) so that true pairs are not too rare in them for EM to find,
# even in registers of hundreds of thousands. (rule, comparisons the rule
# conditions on)
TRAINING = (
    ("l.s1 = r.s1 AND l.di = r.di", ("name", "origin", "sex")),
    ("l.fas = r.fas AND l.di = r.di", ("father", "origin")),
    ("l.s1 = r.s1 AND l.fas = r.fas", ("name", "father", "sex")),
)
# The prior: true pairs EM finds in the first block, over the chance that a
# true pair falls in that block — the product over these comparisons of m
# summed over the levels the block's rule keeps.
PRIOR_LEVELS = {
    "name": ("given name", "given name sounds alike"),
    "origin": (
        "same village",
        "village spelled close",
        "same district, a village unknown",
        "same district, another village",
    ),
}

# Scores below this are not written by default: a low, review-oriented
# threshold (a reviewer sees weak candidates too; ranks order them). On the
# synthetic registers it writes fewer pairs than there are found persons.
DEFAULT_THRESHOLD = 0.01
