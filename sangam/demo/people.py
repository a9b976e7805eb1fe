"""Synthetic people for demos, tests and benchmarks: realistic Indian names
in Latin and native scripts with their common spelling variants, plausible
ages, sexes and home districts. Deterministic for a given seed.

Every later register (survivors, households, missing persons) fills itself
from here, so that matching and access tests meet the same kinds of names the
field does: Devanagari and Bengali spellings, dropped surnames, "Md" for
"Mohammad", an age that is an estimate.
"""

import random
import re
from dataclasses import dataclass, field

from sangam.core.vocabulary import Sex
from sangam.demo import names

# The commonest names of the one vocabulary (names.py) are the demo's.
FEMALE = names.FEMALE[:20]
MALE = names.MALE[:15]
SURNAMES = {
    "IN-WB": names.surnames("Das", "Mondal", "Khatun", "Sheikh", "Roy", "Biswas"),
    "IN-JH": names.surnames("Oraon", "Munda", "Mahato", "Kumari"),
    "IN-OD": names.surnames("Nayak", "Behera", "Sahu", "Majhi"),
    "IN-AS": names.surnames("Bora", "Begum", "Kalita"),
    "IN-UP": names.surnames("Yadav", "Kumari", "Devi", "Verma", "Ansari"),
    "IN-DL": names.surnames("Sharma", "Kumar", "Khan"),
    "IN-HR": names.surnames("Saini", "Devi", "Jangra"),
    "IN-MH": names.surnames("Pawar", "Jadhav", "Shaikh"),
}
LANGUAGE = {  # ISO 639-3, as Sangam stores languages
    "IN-WB": "ben",
    "IN-JH": "hin",
    "IN-OD": "ory",
    "IN-AS": "asm",
    "IN-UP": "hin",
    "IN-DL": "hin",
    "IN-HR": "hin",
    "IN-MH": "mar",
}
SCRIPT_INDEX = {"hin": 1, "mar": 1, "ben": 2, "asm": 2, "ory": 3}
GENERIC_SURNAMES = {"Kumari", "Devi", "Khatun", "Begum", "Kumar"}

# Spelling variants seen in records: (pattern, replacement).
_VARIANTS = [
    (r"oo", "u"),
    (r"ee", "i"),
    (r"aa", "a"),
    (r"^Mohammad\b", "Md"),
    (r"^Mohammad\b", "Mohd"),
    (r"sh", "s"),
    (r"w", "v"),
    (r"v", "w"),
    (r"ksh", "x"),
    (r"ph", "f"),
    (r"th", "t"),
    (r"i$", "ee"),
    (r"u$", "oo"),
    (r"a$", "aa"),
    (r"ll", "l"),
    (r"x", "ksh"),
]


def spelling_variants(name):
    """Common Latin-script variants of ``name`` (not including itself)."""
    out = []
    for pattern, replacement in _VARIANTS:
        varied = re.sub(pattern, replacement, name, flags=re.IGNORECASE)
        if varied != name and varied not in out:
            out.append(varied[0].upper() + varied[1:])
    return out


@dataclass
class SyntheticPerson:
    given_name: str
    surname: str
    name: str
    native_name: str
    script_language: str
    variants: list = field(default_factory=list)
    sex: str = Sex.FEMALE
    age: int = 0
    age_is_estimate: bool = False
    father_name: str = ""
    state_code: str = ""
    district_code: str = ""


class PeopleGenerator:
    def __init__(self, seed=2026, districts_by_state=None):
        self.rng = random.Random(seed)
        # {state ISO code: [district codes]}; without it people get a state only.
        self.districts = districts_by_state or {}

    def person(self, state_code=None):
        rng = self.rng
        state_code = state_code or rng.choice(list(SURNAMES))
        # The field's caseload is mostly women and girls.
        sex = Sex.FEMALE if rng.random() < 0.7 else Sex.MALE
        given = rng.choice(FEMALE if sex == Sex.FEMALE else MALE)
        surname = rng.choice(SURNAMES[state_code])
        lang = LANGUAGE[state_code]
        idx = SCRIPT_INDEX.get(lang, 1)
        drop_surname = surname[0] in GENERIC_SURNAMES and rng.random() < 0.3
        name = given[0] if drop_surname else f"{given[0]} {surname[0]}"
        native = given[idx] if drop_surname else f"{given[idx]} {surname[idx]}"
        father = rng.choice(MALE)
        age = max(8, min(60, int(rng.triangular(10, 45, 17))))
        districts = self.districts.get(state_code) or [""]
        return SyntheticPerson(
            given_name=given[0],
            surname="" if drop_surname else surname[0],
            name=name,
            native_name=native,
            script_language=lang,
            variants=spelling_variants(name),
            sex=sex,
            age=age,
            age_is_estimate=rng.random() < 0.4,
            father_name=f"{father[0]} {surname[0]}",
            state_code=state_code,
            district_code=rng.choice(districts),
        )

    def people(self, n, state_codes=None):
        states = state_codes or list(SURNAMES)
        for i in range(n):
            yield self.person(states[i % len(states)])
