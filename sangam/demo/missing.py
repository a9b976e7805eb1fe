"""Synthetic missing and found persons with known true pairs, for tests and
the matching benchmark. Every name, place and date is made up.

The noise is the field's: names in Latin, Devanagari or Bengali; Latin
spellings that vary (aa/a, ee/i, oo/u, sh/s, v/w/b, ph/f, th/t, ksh/x,
doubled letters, Md/Mohd/Mohammad); surnames dropped, swapped or replaced by
Kumari/Devi/Khatun; ages estimated by an official years after the report;
places named the way a child says them; many people sharing the commonest
names (a Zipf-like distribution). Deterministic for a seed.

Two vocabularies. ``wide`` (the default) is closer to the field: the real
names listed below are the commonest, followed by a long tail of composed
names (synthetic-looking, written consistently in the three scripts), so the
commonest girl's name belongs to about one girl in twenty; people come from
every district of six source states and from a hundred villages per
district. ``narrow`` is a stress test: only the sixty listed girls' names
(the commonest one girl in five), nine districts per state, forty villages.
"""

import csv
import random
from dataclasses import dataclass
from datetime import date, timedelta

from sangam.core.vocabulary import Sex
from sangam.demo.names import FEMALE, MALE, MORE_SURNAMES, SURNAMES
from sangam.matching.names import words

# State, ISO code, language, districts (Latin; a child may say them differently)
STATES = [
    ("West Bengal", "ben", ["Murshidabad", "Malda", "South 24 Parganas", "North 24 Parganas",
                            "Nadia", "Jalpaiguri", "Cooch Behar", "Birbhum", "Purulia"]),
    ("Jharkhand", "hin", ["Ranchi", "Gumla", "Simdega", "Khunti", "Dumka", "Pakur", "Sahibganj",
                          "Lohardaga", "Godda"]),
    ("Bihar", "hin", ["Araria", "Kishanganj", "Purnia", "Katihar", "Gaya", "Sitamarhi",
                      "Madhubani", "Muzaffarpur"]),
    ("Odisha", "ory", ["Ganjam", "Koraput", "Bolangir", "Kalahandi", "Rayagada", "Sundargarh"]),
    ("Assam", "asm", ["Dhubri", "Kokrajhar", "Barpeta", "Nagaon", "Sonitpur"]),
    ("Uttar Pradesh", "hin", ["Bahraich", "Shravasti", "Balrampur", "Siddharthnagar",
                              "Maharajganj", "Gorakhpur"]),
]  # fmt: skip
VILLAGE_PARTS = (
    ["Ram", "Kali", "Shiv", "Hari", "Chandi", "Sona", "Kusum", "Bel", "Amla", "Pipra", "Tal",
     "Bansh", "Dhan", "Gopal", "Nanda", "Kamal", "Laxmi", "Basu", "Durga", "Madhu"],
    ["pur", "nagar", "gram", "para", "ganj", "danga", "tola", "bari", "hat", "dih", "chak",
     "garh", "toli", "kandi", "sahi"],
)  # fmt: skip
# Every district of the six source states (2026), for the wide vocabulary.
ALL_DISTRICTS = {
    "West Bengal": ["Alipurduar", "Bankura", "Paschim Bardhaman", "Purba Bardhaman",
                    "Birbhum", "Cooch Behar", "Dakshin Dinajpur", "Darjeeling", "Hooghly",
                    "Howrah", "Jalpaiguri", "Jhargram", "Kalimpong", "Kolkata", "Malda",
                    "Murshidabad", "Nadia", "North 24 Parganas", "Paschim Medinipur",
                    "Purba Medinipur", "Purulia", "South 24 Parganas", "Uttar Dinajpur"],
    "Jharkhand": ["Bokaro", "Chatra", "Deoghar", "Dhanbad", "Dumka", "East Singhbhum",
                  "Garhwa", "Giridih", "Godda", "Gumla", "Hazaribagh", "Jamtara", "Khunti",
                  "Koderma", "Latehar", "Lohardaga", "Pakur", "Palamu", "Ramgarh", "Ranchi",
                  "Sahibganj", "Seraikela Kharsawan", "Simdega", "West Singhbhum"],
    "Bihar": ["Araria", "Arwal", "Aurangabad", "Banka", "Begusarai", "Bhagalpur", "Bhojpur",
              "Buxar", "Darbhanga", "East Champaran", "Gaya", "Gopalganj", "Jamui",
              "Jehanabad", "Kaimur", "Katihar", "Khagaria", "Kishanganj", "Lakhisarai",
              "Madhepura", "Madhubani", "Munger", "Muzaffarpur", "Nalanda", "Nawada", "Patna",
              "Purnia", "Rohtas", "Saharsa", "Samastipur", "Saran", "Sheikhpura", "Sheohar",
              "Sitamarhi", "Siwan", "Supaul", "Vaishali", "West Champaran"],
    "Odisha": ["Angul", "Balangir", "Balasore", "Bargarh", "Bhadrak", "Boudh", "Cuttack",
               "Deogarh", "Dhenkanal", "Gajapati", "Ganjam", "Jagatsinghpur", "Jajpur",
               "Jharsuguda", "Kalahandi", "Kandhamal", "Kendrapara", "Kendujhar", "Khordha",
               "Koraput", "Malkangiri", "Mayurbhanj", "Nabarangpur", "Nayagarh", "Nuapada",
               "Puri", "Rayagada", "Sambalpur", "Subarnapur", "Sundargarh"],
    "Assam": ["Baksa", "Barpeta", "Bongaigaon", "Cachar", "Darrang", "Dhemaji", "Dhubri",
              "Dibrugarh", "Goalpara", "Golaghat", "Hailakandi", "Jorhat", "Kamrup",
              "Karimganj", "Kokrajhar", "Lakhimpur", "Morigaon", "Nagaon", "Nalbari",
              "Sivasagar", "Sonitpur", "Tinsukia", "Udalguri"],
    "Uttar Pradesh": ["Agra", "Aligarh", "Azamgarh", "Bahraich", "Ballia", "Balrampur",
                      "Banda", "Barabanki", "Bareilly", "Basti", "Deoria", "Etah", "Ayodhya",
                      "Gonda", "Gorakhpur", "Hardoi", "Jaunpur", "Kushinagar",
                      "Lakhimpur Kheri", "Maharajganj", "Mau", "Mirzapur", "Moradabad",
                      "Pratapgarh", "Rae Bareli", "Shravasti", "Siddharthnagar", "Sitapur",
                      "Sultanpur", "Varanasi"],
}  # fmt: skip
# Letters for composed names: (Latin, Devanagari, Bengali).
CONSONANTS = [
    ("k", "क", "ক"), ("g", "ग", "গ"), ("ch", "च", "চ"), ("j", "ज", "জ"), ("t", "त", "ত"),
    ("d", "द", "দ"), ("n", "न", "ন"), ("p", "प", "প"), ("b", "ब", "ব"), ("bh", "भ", "ভ"),
    ("m", "म", "ম"), ("r", "र", "র"), ("l", "ल", "ল"), ("s", "स", "স"), ("sh", "श", "শ"),
    ("h", "ह", "হ"), ("kh", "ख", "খ"), ("dh", "ध", "ধ"),
]  # fmt: skip
VOWELS = [
    ("a", "", ""), ("a", "ा", "া"), ("i", "ि", "ি"), ("i", "ी", "ী"), ("u", "ु", "ু"),
    ("e", "े", "ে"), ("o", "ो", "ো"),
]  # fmt: skip
FINAL_F = [("a", "ा", "া"), ("i", "ी", "ী"), ("i", "ि", "ি")]
FINAL_M = [("n", "न", "ন"), ("sh", "श", "শ"), ("l", "ल", "ল"), ("r", "र", "র"),
           ("t", "त", "ত"), ("k", "क", "ক"), ("m", "म", "ম"), ("j", "ज", "জ")]  # fmt: skip
VOCABULARIES = {
    # composed girls' and boys' names, villages per district, all districts?
    "wide": (1500, 1000, 100, True),
    "narrow": (0, 0, 40, False),
}
GENERIC_F = ["Kumari", "Devi", "Khatun", "Begum"]
GENERIC_M = ["Kumar", "Md"]
# Spelling variants people write for the same sound.
SWAPS = [
    ("aa", "a"), ("a", "aa"), ("ee", "i"), ("i", "ee"), ("oo", "u"), ("u", "oo"),
    ("sh", "s"), ("s", "sh"), ("v", "w"), ("w", "v"), ("b", "v"), ("v", "b"), ("ph", "f"),
    ("f", "ph"), ("th", "t"), ("t", "th"), ("ksh", "x"), ("x", "ksh"), ("j", "z"),
    ("q", "k"), ("ay", "oy"), ("a", "o"), ("i", "y"), ("y", "i"), ("e", "ai"),
]  # fmt: skip
FIRST_DAY, LAST_DAY = date(2014, 1, 1), date(2026, 6, 30)


@dataclass
class Person:
    sex: str
    given: tuple  # (Latin, Devanagari, Bengali, Odia)
    surname: tuple
    father: tuple
    birth: date
    state: int
    district: str
    village: str


def _zipf(n, s=1.05):
    weights = [1 / (i + 1) ** s for i in range(n)]
    total = sum(weights)
    return [w / total for w in weights]


def _composed(rng, n, female, taken):
    """``n`` made-up names, each written the same way in the three scripts."""
    out = []
    while len(out) < n:
        letters = []
        for _ in range(rng.choice([1, 2, 2])):
            c, v = rng.choice(CONSONANTS), rng.choice(VOWELS)
            letters.append(tuple(a + b for a, b in zip(c, v, strict=True)))
        if female:
            c, v = rng.choice(CONSONANTS), rng.choice(FINAL_F)
            letters.append(tuple(a + b for a, b in zip(c, v, strict=True)))
        else:
            letters.append(rng.choice(FINAL_M))
        latin, deva, beng = ("".join(p) for p in zip(*letters, strict=True))
        latin = latin.capitalize()
        # Not a word the matcher drops as generic (a composed "Bibi").
        if latin.lower() not in taken and words(latin) and words(deva) and words(beng):
            taken.add(latin.lower())
            out.append((latin, deva, beng))
    return out


class Generator:
    def __init__(self, seed=0, vocabulary="wide"):
        self.rng = random.Random(seed)
        girls, boys, villages, every_district = VOCABULARIES[vocabulary]
        taken = {n[0].lower() for n in FEMALE + MALE}
        self.female = FEMALE + _composed(self.rng, girls, True, taken)
        self.male = MALE + _composed(self.rng, boys, False, taken)
        self.surnames = SURNAMES + (MORE_SURNAMES if every_district else [])
        # A long tail flattens the head: with the wide vocabulary the
        # commonest girl's name is about 5% of girls, with the narrow 22%.
        s = 0.8 if girls else 1.05
        self.fw, self.mw = _zipf(len(self.female), s), _zipf(len(self.male), s)
        self.sw = _zipf(len(self.surnames), 0.8)
        self.states = [
            (name, lang, ALL_DISTRICTS[name] if every_district else districts)
            for name, lang, districts in STATES
        ]
        self.villages = {
            (s, d): [self._village() for _ in range(villages)]
            for s, (_, _, ds) in enumerate(self.states)
            for d in ds
        }

    def _village(self):
        a, b = VILLAGE_PARTS
        return self.rng.choice(a) + self.rng.choice(b)

    def person(self):
        rng = self.rng
        # Most reported trafficked persons are girls.
        sex = Sex.FEMALE if rng.random() < 0.7 else Sex.MALE
        names, weights = (self.female, self.fw) if sex == Sex.FEMALE else (self.male, self.mw)
        state = rng.randrange(len(self.states))
        district = rng.choice(self.states[state][2])
        return Person(
            sex=sex,
            given=rng.choices(names, weights)[0],
            surname=rng.choices(self.surnames, self.sw)[0],
            father=rng.choices(self.male, self.mw)[0],
            birth=date(2026, 1, 1) - timedelta(days=rng.randint(8 * 365, 30 * 365)),
            state=state,
            district=district,
            village=rng.choice(self.villages[(state, district)]),
        )

    # -- noise ---------------------------------------------------------------

    def spell(self, latin, heavy=False):
        """A Latin spelling someone else might write."""
        rng = self.rng
        out = latin
        for _ in range(rng.choice([0, 1, 1, 2] if not heavy else [1, 2, 3])):
            a, b = rng.choice(SWAPS)
            low = out.lower()
            at = low.find(a, 1)
            if at > 0:
                out = out[:at] + b + out[at + len(a) :]
        if rng.random() < (0.08 if heavy else 0.03) and len(out) > 4:
            i = rng.randrange(1, len(out) - 1)
            out = out[:i] + out[i + 1 :]  # a letter lost
        if rng.random() < 0.1:
            i = rng.randrange(1, len(out))
            out = out[:i] + out[i].lower() + out[i:]  # a letter doubled
        out = out.replace("Mohammad", rng.choice(["Mohammad", "Md", "Mohd", "Md.", "Muhammad"]))
        return out[:1].upper() + out[1:]

    def name(self, p, script, heavy=False):
        rng = self.rng
        col = {"latin": 0, "deva": 1, "beng": 2}[script]
        given = p.given[col] if col else self.spell(p.given[0], heavy)
        surname = p.surname[col] if col else self.spell(p.surname[0], heavy)
        roll = rng.random()
        if roll < 0.2:
            parts = [given]  # surname dropped
        elif roll < 0.35:
            generic = rng.choice(GENERIC_F if p.sex == Sex.FEMALE else GENERIC_M)
            parts = [given, generic]  # Kumari / Devi / Khatun instead of the surname
        elif roll < 0.42:
            parts = [surname, given]  # order swapped
        else:
            parts = [given, surname]
        return " ".join(parts)

    def script(self, state, latin_share):
        if self.rng.random() < latin_share:
            return "latin"
        return "beng" if self.states[state][0] == "West Bengal" else "deva"

    def place(self, text, noise):
        rng = self.rng
        if rng.random() < noise:
            return self.spell(text, heavy=True)
        return text

    # -- records -------------------------------------------------------------

    def missing(self, ident, p, day):
        rng = self.rng
        age = (day - p.birth).days / 365.25
        return {
            "id": ident,
            "name": self.name(p, self.script(p.state, 0.6)),
            "sex": p.sex if rng.random() > 0.02 else "",
            "age": str(int(age)) if rng.random() > 0.05 else "",
            "date_missing": day.isoformat() if rng.random() > 0.05 else "",
            "father_name": self.spell(p.father[0]) if rng.random() > 0.15 else "",
            "origin_state": self.states[p.state][0],
            "origin_district": self.place(p.district, 0.1),
            "origin_village": self.place(p.village, 0.2) if rng.random() > 0.1 else "",
            "language": self.states[p.state][1] if rng.random() > 0.3 else "",
        }

    def found(self, ident, p, day):
        rng = self.rng
        estimated = (day - p.birth).days / 365.25 + rng.gauss(0, 1.5)  # an official's estimate
        said_state = p.state if rng.random() < 0.85 else rng.randrange(len(self.states))
        return {
            "id": ident,
            # Found far from home: the name is often written in Hindi or Latin.
            "name": self.name(p, "latin" if rng.random() < 0.55 else "deva", heavy=True),
            "sex": p.sex if rng.random() > 0.03 else "",
            "age": str(max(3, round(estimated))) if rng.random() > 0.08 else "",
            "date_found": day.isoformat() if rng.random() > 0.05 else "",
            # What a child tells a CWC or the police: most know their father's
            # name and their district, fewer their village.
            "father_name": self.spell(p.father[0], heavy=True) if rng.random() < 0.75 else "",
            "stated_state": self.states[said_state][0] if rng.random() < 0.85 else "",
            "stated_district": self.place(p.district, 0.35) if rng.random() < 0.75 else "",
            "stated_village": self.place(p.village, 0.5) if rng.random() < 0.5 else "",
            "found_state": "Delhi",
            "found_district": rng.choice(["South", "North East", "Shahdara", "West"]),
            "language": self.states[p.state][1] if rng.random() < 0.7 else "",
        }

    def dataset(self, n_missing, n_found, share_matched=0.6):
        """(missing rows, found rows, set of true (missing id, found id) pairs)."""
        rng = self.rng
        missing, found, truth = [], [], set()
        people = [self.person() for _ in range(n_missing)]
        n_true = min(int(n_found * share_matched), n_missing)
        matched = set(rng.sample(range(n_missing), n_true))
        span = (LAST_DAY - FIRST_DAY).days
        days = {}
        for i, p in enumerate(people):
            earliest = max(FIRST_DAY, p.birth + timedelta(days=6 * 365))
            day = earliest + timedelta(days=rng.randrange(max(1, (LAST_DAY - earliest).days - 400)))
            days[i] = day
            missing.append(self.missing(f"M{i:07d}", p, day))
        order = list(matched) + [None] * (n_found - n_true)
        rng.shuffle(order)
        for j, i in enumerate(order):
            ident = f"F{j:07d}"
            if i is None:
                p = self.person()  # someone never reported missing here
                day = FIRST_DAY + timedelta(days=rng.randrange(span))
            else:
                p = people[i]
                later = min((LAST_DAY - days[i]).days, 5 * 365)
                day = days[i] + timedelta(days=rng.randint(30, max(31, later)))
                truth.add((f"M{i:07d}", ident))
            found.append(self.found(ident, p, day))
        return missing, found, truth


def write_csv(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
