"""A second noise profile for the matching benchmark: records as the field
writes them, written from the field's description (issue 22) and
independently of Sangam's folding rules (``sangam/matching/names.py`` was
not read while writing it). People are drawn from the demo vocabulary
(``sangam.demo.missing.Generator``: names in Latin, Devanagari, Bengali and
Odia, Zipf-like collisions, districts and villages); only the way their
records are written differs.

Rates (per record unless said otherwise; "found" is the record a CWC,
shelter or police station writes far from home, "missing" the report the
family makes at home):

Names
- Keyboard typos (a neighbouring key on a QWERTY keyboard for Latin, a
  letter deleted, doubled, or two neighbours transposed; in Indian scripts
  a sign deleted, doubled or transposed): 15% of found records get one,
  4% two (on the name or the father's name, a word at random); missing
  records 5% one.
- Native-script confusions, 12% per name word: vowel length (ि/ी, ु/ू,
  and the matching independent vowels), anusvara/chandrabindu (ं/ँ, ং/ঁ,
  or anusvara for a nasal consonant), nukta (ज़/ज, फ़/फ, ड़/ड, য়/য), sa/sha
  (स/श/ष, স/শ/ষ), na/nna (न/ण, ন/ণ). A Latin word gets the same confusion
  as romanised (a/aa, i/ee, u/oo, n or m dropped or added before a
  consonant, z/j, f/ph, s/sh, n/nn).
- Pet name instead of the given name: 4% of records (half a common pet
  name such as Munni or Bablu, half the name cut to its first syllable
  plus -u/-i/-o).
- Surname dropped 12%; replaced 12% (women: Kumari/Devi, Khatun/Bibi/Begum
  by community, or a married name for adult women a third of the time;
  men: Kumar or Md).
- Regional formats: 8% of people are Telugu (house name first: "Dasari
  Srilatha", or "D. Srilatha"), 8% Tamil (initial of the father's name
  first or last, "R. Meena"/"Meena R.", or the father's name as surname),
  6% Marathi (given, father's, surname: "Pooja Ramesh Pawar"). Each
  record draws its format anew (the plain "given surname" a third of the
  time), so two records of one person often differ.
- Father's name: written in the record's script (the found record's script
  is drawn apart from the name's a fifth of the time), the full name half
  the time; unknown on 15% of missing and 25% of found records; the
  husband's name given as the father's on 4% of adult women's records.
- Script: missing records Latin 60%, else the home state's script (Bengali
  in West Bengal, Odia in Odisha, else Devanagari); found records Latin 55%,
  else Devanagari (Bengali 15% if from West Bengal).

Ages, dates, places
- Missing: the age the family states (exact, 5% blank). Found: an
  official's estimate, the true age plus a normal error (sd 2 years),
  rounded to a multiple of 5 40% of the time; 8% blank.
- Stated districts (found): misspelled (a typo) or given as an alias (old
  or colonial names, headquarters towns) 20%; wrong (another district of
  the same state) 8% or blank 7% (15% wrong or blank). Missing: misspelled
  5%. Stated state: wrong 8%, blank 10%. Villages: found 50% given,
  misspelled a quarter of the time.
- Dates and sex as in the demo generator (a few per cent blank).
"""

import unicodedata
from dataclasses import dataclass

from sangam.core.vocabulary import Sex
from sangam.demo.missing import Generator, Person

TYPO_FOUND, TWO_TYPOS_FOUND, TYPO_MISSING = 0.15, 0.04, 0.05
SCRIPT_CONFUSION = 0.12  # per name word
PET_NAME = 0.04
SURNAME_DROPPED, SURNAME_REPLACED = 0.12, 0.12
REGIONS = (("telugu", 0.08), ("tamil", 0.08), ("marathi", 0.06))
HUSBAND_AS_FATHER = 0.04
AGE_SD, AGE_ROUNDED = 2.0, 0.40
DISTRICT_ALTERED, DISTRICT_WRONG, DISTRICT_BLANK = 0.20, 0.08, 0.07

KEYBOARD = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]
NEIGHBOURS = {}
for _row, _keys in enumerate(KEYBOARD):
    for _col, _key in enumerate(_keys):
        near = [_keys[c] for c in (_col - 1, _col + 1) if 0 <= c < len(_keys)]
        for other in (_row - 1, _row + 1):
            if 0 <= other < len(KEYBOARD):
                near += [KEYBOARD[other][c] for c in (_col, _col + 1) if c < len(KEYBOARD[other])]
        NEIGHBOURS[_key] = near

# Native-script confusions: pairs of signs written for one another.
NATIVE = [
    ("ि", "ी"), ("ु", "ू"), ("इ", "ई"), ("उ", "ऊ"), ("ं", "ँ"), ("ज़", "ज"), ("फ़", "फ"),
    ("ड़", "ड"), ("स", "श"), ("श", "ष"), ("न", "ण"),
    ("ি", "ী"), ("ু", "ূ"), ("ই", "ঈ"), ("উ", "ঊ"), ("ং", "ঁ"), ("য়", "য"), ("ড়", "ড"),
    ("স", "শ"), ("শ", "ষ"), ("ন", "ণ"),
    ("ି", "ୀ"), ("ୁ", "ୂ"), ("ଂ", "ଁ"), ("ସ", "ଶ"), ("ନ", "ଣ"),
]  # fmt: skip
# Anusvara for a nasal consonant before another consonant (नन्द / नंद).
NASALS = [("न्", "ं"), ("म्", "ं"), ("ন্", "ং"), ("ম্", "ং")]
LATIN = [
    ("aa", "a"), ("a", "aa"), ("ee", "i"), ("i", "ee"), ("oo", "u"), ("u", "oo"), ("z", "j"),
    ("j", "z"), ("ph", "f"), ("f", "ph"), ("sh", "s"), ("s", "sh"), ("n", "nn"), ("nn", "n"),
]  # fmt: skip
PET_F = ["Munni", "Pinki", "Guddi", "Rani", "Chhoti", "Bulbul", "Tuni", "Mini", "Babli", "Sona"]
PET_M = ["Bablu", "Pappu", "Guddu", "Munna", "Chhotu", "Raju", "Bittu", "Sonu", "Monu", "Tinku"]
MUSLIM_SURNAMES = {"Khatun", "Begum", "Bibi", "Sheikh", "Shaikh", "Ansari", "Khan", "Mondal"}
# District aliases the field uses: old names, colonial spellings, headquarters towns.
ALIASES = {
    "Paschim Bardhaman": "Burdwan", "Purba Bardhaman": "Burdwan", "Purba Medinipur":
    "East Midnapore", "Paschim Medinipur": "West Midnapore", "Cooch Behar": "Koch Bihar",
    "South 24 Parganas": "24 Pgs South", "North 24 Parganas": "24 Parganas North",
    "Hooghly": "Hugli", "Howrah": "Haora", "Darjeeling": "Darjiling", "Malda": "English Bazar",
    "Purulia": "Puruliya", "Balasore": "Baleswar", "Balangir": "Bolangir", "Bolangir":
    "Balangir", "Kendujhar": "Keonjhar", "Subarnapur": "Sonepur", "Khordha": "Khurda",
    "Ayodhya": "Faizabad", "Palamu": "Daltonganj", "East Singhbhum": "Jamshedpur",
    "West Singhbhum": "Chaibasa", "Sahibganj": "Sahebganj", "Purnia": "Purnea",
    "Kamrup": "Guwahati", "Sivasagar": "Sibsagar", "Morigaon": "Marigaon",
    "Lakhimpur Kheri": "Kheri", "Rae Bareli": "Raebareli", "East Champaran": "Motihari",
    "West Champaran": "Bettiah", "Saran": "Chapra", "Nagaon": "Nowgong",
}  # fmt: skip


@dataclass
class FieldPerson(Person):
    region: str = ""
    husband: tuple = ()


class FieldGenerator(Generator):
    """The demo generator's people, written down with the field's noise."""

    def person(self):
        p = super().person()
        rng = self.rng
        roll, region = rng.random(), ""
        for name, share in REGIONS:
            if roll < share:
                region = name
                break
            roll -= share
        husband = rng.choices(self.male, self.mw)[0]
        return FieldPerson(**p.__dict__, region=region, husband=husband)

    # -- spelling ------------------------------------------------------------

    def typo(self, word):
        rng = self.rng
        if len(word) < 2:
            return word
        i = rng.randrange(len(word))
        kind = rng.choice(["neighbour", "delete", "double", "transpose"])
        ch = word[i]
        if kind == "neighbour" and ch.lower() in NEIGHBOURS:
            new = rng.choice(NEIGHBOURS[ch.lower()])
            return word[:i] + (new.upper() if ch.isupper() else new) + word[i + 1 :]
        if kind == "delete" or kind == "neighbour":
            return word[:i] + word[i + 1 :] if len(word) > 2 else word
        if kind == "double":
            return word[: i + 1] + ch.lower() + word[i + 1 :]
        i = min(i, len(word) - 2)
        a, b = word[i], word[i + 1]
        if i == 0:
            a, b = a.lower(), b.upper() if a.isupper() else b
        return word[:i] + b + a + word[i + 2 :]

    def confuse(self, word):
        """One native-script confusion (or its romanised equivalent)."""
        rng = self.rng
        latin = word.isascii()
        pairs = LATIN if latin else NATIVE + NASALS
        options = []
        for a, b in pairs:
            for x, y in ((a, b), (b, a)) if not latin else ((a, b),):
                start = 1 if latin else 0
                at = word.find(x, start)
                if at >= 0:
                    options.append((at, x, y))
        if latin:
            # An anusvara romanised: n or m before a consonant dropped or added.
            for at in range(1, len(word) - 1):
                if word[at] in "nm" and word[at + 1] not in "aeiouy":
                    options.append((at, word[at], ""))
        if not options:
            return word
        at, x, y = rng.choice(options)
        out = word[:at] + y + word[at + len(x) :]
        return unicodedata.normalize("NFC", out) if out else word

    def write(self, word):
        if self.rng.random() < SCRIPT_CONFUSION:
            word = self.confuse(word)
        return word

    def pet(self, p):
        rng = self.rng
        if rng.random() < 0.5:
            latin = rng.choice(PET_F if p.sex == Sex.FEMALE else PET_M)
            return latin  # pet names are mostly said, and written, in Latin
        given = p.given[0]
        cut = next((i for i in range(2, len(given)) if given[i] in "aeiou"), len(given))
        return given[: max(2, cut)] + rng.choice("uio")

    # -- records ---------------------------------------------------------------

    def col(self, p, script):
        return {"latin": 0, "deva": 1, "beng": 2, "odia": 3}[script]

    def pick(self, entry, col):
        return entry[col] if col < len(entry) else entry[1]

    def name_words(self, p, script, day):
        rng = self.rng
        c = self.col(p, script)
        given = self.pet(p) if rng.random() < PET_NAME else self.pick(p.given, c)
        surname = self.pick(p.surname, c)
        father = self.pick(p.father, c)
        adult = (day - p.birth).days > 18 * 365
        roll = rng.random()
        if roll < SURNAME_DROPPED:
            surname = None
        elif roll < SURNAME_DROPPED + SURNAME_REPLACED:
            if p.sex == Sex.FEMALE and adult and rng.random() < 1 / 3:
                surname = self.pick(rng.choices(self.surnames, self.sw)[0], c)  # married name
            elif p.sex == Sex.FEMALE:
                muslim = p.surname[0] in MUSLIM_SURNAMES
                options = ["Khatun", "Bibi", "Begum"] if muslim else ["Kumari", "Devi"]
                surname = rng.choice(options)
            else:
                surname = rng.choice(["Kumar", "Md"])
        fmt = rng.choice(["plain", "regional", "regional"]) if p.region else "plain"
        if fmt == "plain" or (surname is None and p.region != "tamil"):
            return [given] + ([surname] if surname else [])
        if p.region == "telugu":
            house = surname if rng.random() < 0.6 else surname[:1] + "."
            return [house, given]
        if p.region == "tamil":
            form = rng.choice(["first", "last", "father"])
            initial = father[:1] + "."
            if form == "first":
                return [initial, given]
            if form == "last":
                return [given, initial]
            return [given, father]
        return [given, father, surname]  # Marathi

    def typed(self, text, typos):
        """``text`` with ``typos`` keyboard slips, each in a word at random."""
        words = text.split()
        for _ in range(typos):
            i = self.rng.randrange(len(words))
            words[i] = self.typo(words[i])
        return " ".join(words)

    def father_text(self, p, script, day):
        rng = self.rng
        c = self.col(p, script)
        adult = (day - p.birth).days > 18 * 365
        man = (
            p.husband
            if p.sex == Sex.FEMALE and adult and rng.random() < HUSBAND_AS_FATHER
            else p.father
        )
        words = [self.pick(man, c)]
        if rng.random() < 0.5:
            words.append(self.pick(p.surname, c))
        return " ".join(self.write(w) for w in words)

    def home_script(self, p):
        state = self.states[p.state][0]
        return {"West Bengal": "beng", "Odisha": "odia"}.get(state, "deva")

    def district(self, p, altered, wrong, blank):
        rng = self.rng
        roll = rng.random()
        if roll < blank:
            return ""
        if roll < blank + wrong:
            return rng.choice(self.states[p.state][2])
        if roll < blank + wrong + altered:
            if p.district in ALIASES and rng.random() < 0.5:
                return ALIASES[p.district]
            return self.typed(p.district, 1)
        return p.district

    def record(self, p, day, script, father_script, typos):
        name = " ".join(self.write(w) for w in self.name_words(p, script, day))
        father = self.father_text(p, father_script, day)
        # Typos land on the name or the father's name.
        for _ in range(typos):
            if self.rng.random() < 0.7:
                name = self.typed(name, 1)
            else:
                father = self.typed(father, 1)
        return name, father

    def typos(self, one, two):
        roll = self.rng.random()
        return 2 if roll < two else 1 if roll < two + one else 0

    def missing(self, ident, p, day):
        rng = self.rng
        script = "latin" if rng.random() < 0.6 else self.home_script(p)
        name, father = self.record(p, day, script, script, self.typos(TYPO_MISSING, 0))
        age = (day - p.birth).days / 365.25
        return {
            "id": ident,
            "name": name,
            "sex": p.sex if rng.random() > 0.02 else "",
            "age": str(int(age)) if rng.random() > 0.05 else "",
            "date_missing": day.isoformat() if rng.random() > 0.05 else "",
            "father_name": father if rng.random() > 0.15 else "",
            "origin_state": self.states[p.state][0],
            "origin_district": self.district(p, 0.05, 0, 0),
            "origin_village": (
                (self.typed(p.village, 1) if rng.random() < 0.1 else p.village)
                if rng.random() > 0.1
                else ""
            ),
            "language": self.states[p.state][1] if rng.random() > 0.3 else "",
        }

    def found(self, ident, p, day):
        rng = self.rng
        if rng.random() < 0.55:
            script = "latin"
        elif self.states[p.state][0] == "West Bengal" and rng.random() < 0.15:
            script = "beng"
        else:
            script = "deva"
        father_script = script
        if rng.random() < 0.2:
            father_script = rng.choice(["latin", self.home_script(p)])
        name, father = self.record(
            p, day, script, father_script, self.typos(TYPO_FOUND, TWO_TYPOS_FOUND)
        )
        estimated = (day - p.birth).days / 365.25 + rng.gauss(0, AGE_SD)
        age = max(3, round(estimated))
        if rng.random() < AGE_ROUNDED:
            age = max(5, 5 * round(estimated / 5))
        roll = rng.random()
        said_state = "" if roll < 0.10 else None
        if said_state is None:
            state = p.state if roll > 0.18 else rng.randrange(len(self.states))
            said_state = self.states[state][0]
        village = ""
        if rng.random() < 0.5:
            village = self.typed(p.village, 1) if rng.random() < 0.25 else p.village
        return {
            "id": ident,
            "name": name,
            "sex": p.sex if rng.random() > 0.03 else "",
            "age": str(age) if rng.random() > 0.08 else "",
            "date_found": day.isoformat() if rng.random() > 0.05 else "",
            "father_name": father if rng.random() < 0.75 else "",
            "stated_state": said_state,
            "stated_district": self.district(p, DISTRICT_ALTERED, DISTRICT_WRONG, DISTRICT_BLANK),
            "stated_village": village,
            "found_state": "Delhi",
            "found_district": rng.choice(["South", "North East", "Shahdara", "West"]),
            "language": self.states[p.state][1] if rng.random() < 0.7 else "",
        }


PROFILES = {"demo": Generator, "field": FieldGenerator}
