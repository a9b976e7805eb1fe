"""States and districts as people write them, read as one key each.

A register says "Paschim Medinipur", a rescued girl "Medinipur West" or
"Midnapore"; an official types "Sheohr" for Sheohar, "W.B." for West
Bengal, or leaves the state empty. Comparing those as written splits one
district into many. So each record's state and district are read against
the gazetteer Sangam ships (the current districts of India Post's
directory, with their Census 2011 and LGD names and their current names
(geography/data/), and the states in English and Hindi): the same name in other words (paschim/west,
purba/east…), or spelled close to one district of the state, is that
district; a district found in one state only tells the state when none was
given. A district not in the gazetteer (renamed, new, or written in a way
it does not know) is still recognised when the files themselves spell it
the same way often enough. What cannot be read stays as written.
"""

import csv
import functools
from collections import Counter
from importlib import resources

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from sangam.matching.names import place

# Words for the same direction in district names (Paschim Medinipur =
# Medinipur West), compared as place() keys.
DIRECTIONS = {
    "west": ["west", "paschim", "pashchim", "pachim", "paschima"],
    "east": ["east", "purba", "purbi", "purab", "purbo", "purv", "purva", "purvi", "poorvi"],
    "north": ["north", "uttar", "uttari"],
    "south": ["south", "dakshin", "dakshina", "dakkhin"],
    "24": ["twenty four", "twentyfour"],
}
_DIRECTION_KEYS = {place(w): d for d, ws in DIRECTIONS.items() for w in ws if " " not in w}
# Common ways of writing a state that are not its name.
STATE_ALIASES = {
    "IN-WB": ["WB", "W B", "Bengal", "Paschimbanga", "Bangla"],
    "IN-UP": ["UP", "U P"],
    "IN-MP": ["MP", "M P"],
    "IN-OD": ["Orissa"],
    "IN-UK": ["Uttaranchal", "UK"],
    "IN-JH": ["JH"],
    "IN-BR": ["BR"],
    "IN-AS": ["Asom"],
    "IN-TN": ["TN"],
    "IN-AP": ["AP"],
    "IN-PY": ["Pondicherry"],
    "IN-DL": ["New Delhi", "NCT of Delhi", "NCT"],
    "IN-CG": ["Chattisgarh", "CG"],
}
# A district seen this often in the files is a known spelling even when
# the gazetteer does not have it.
SEEN_OFTEN = 5


@functools.lru_cache(maxsize=20_000)
def _direction(word):
    """A direction word in one form, also misspelled by a letter (Uttor,
    Weesht); only ever beside another word (Purnia is not Purba)."""
    if word in _DIRECTION_KEYS or len(word) < 4:
        return _DIRECTION_KEYS.get(word, word)
    near = process.extractOne(
        word, list(_DIRECTION_KEYS), scorer=Levenshtein.distance, score_cutoff=1
    )
    return _DIRECTION_KEYS[near[0]] if near else word


@functools.lru_cache(maxsize=50_000)
def district_key(text):
    """A district name as a key: place() words, direction words in one form."""
    key = place(text)
    for words, number in (("tbenti for", "24"), ("tbentifor", "24")):
        key = key.replace(words, number)
    words = key.split()
    if len(words) > 1:
        words = [_direction(w) for w in words]
    return " ".join(sorted(words))


def _one_letter_away(key, known):
    found = process.extractOne(key, list(known), scorer=Levenshtein.distance, score_cutoff=1)
    return known[found[0]] if found else None


def allowed_distance(key):
    """Letters a spelling may differ by and still be read as ``key``."""
    n = len(key.replace(" ", ""))
    return 0 if n <= 3 else 1 if n <= 5 else 2 if n <= 9 else 3


def _near(key, known):
    """(district, distance) of the spellings in ``known`` close enough to ``key``."""
    found = process.extract(
        key, list(known), scorer=Levenshtein.distance, score_cutoff=3, limit=None
    )
    return [(known[k], d) for k, d, _ in found if d <= allowed_distance(k)]


def closest(key, known):
    """The district (``known``: spelling -> district) nearest ``key``
    within the distance its spelling's length allows; None when there is
    none or two districts are equally near."""
    found = _near(key, known)
    if not found:
        return None
    best = min(d for _, d in found)
    nearest = {c for c, d in found if d == best}
    return nearest.pop() if len(nearest) == 1 else None


@functools.cache
def gazetteer():
    """(state key -> ISO code, {ISO code: {district key: canonical key}})."""
    import indian_pincode

    from sangam.geography.reference import STATES, states

    state_keys = {}
    for iso, _lgd, name, _hindi, _ut in states():
        for text in (name, STATES[iso][1], *STATE_ALIASES.get(iso, ())):
            state_keys[place(text)] = iso
    districts = {}
    for post_state in indian_pincode.list_states():
        iso = state_keys.get(place(post_state))
        if iso is None:
            continue
        for name in indian_pincode.list_districts(post_state):
            key = district_key(name)
            districts.setdefault(iso, {})[key] = key
    for iso, names in _other_names(state_keys, STATES):
        known = districts.setdefault(iso, {})
        canonical = next((known[n] for n in names if n in known), None)
        # Or a letter away from the directory's spelling (Mahrajganj).
        canonical = canonical or next(
            (c for n in sorted(names) if (c := _one_letter_away(n, known))), min(names)
        )
        for n in names:
            known.setdefault(n, canonical)
    return state_keys, districts


def _other_names(state_keys, lgd_of_state):
    """(ISO state code, {district keys}) of each district's other names: its
    Census 2011 and LGD names (Kendujhar = Keonjhar), its LGD snapshot name,
    and its India Post name with the current one where it was renamed."""
    data = resources.files("sangam.geography") / "data"
    with (data / "census2011_district_names.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            iso = state_keys.get(place(row["state_name"]))
            if iso is not None:
                yield (
                    iso,
                    {district_key(row["district_name"]), district_key(row["district_name_lgd"])},
                )
    lgd_states = {lgd: iso for iso, (lgd, _) in lgd_of_state.items()}
    with (data / "lgd_districts.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            yield lgd_states[int(row["State Code"])], {district_key(row["District Name"])}
    with (data / "district_names.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            yield row["state"], {district_key(row["india_post_name"]), district_key(row["name"])}


@functools.cache
def _index():
    """Derived from the gazetteer once per process: every spelling of India
    -> its district, the ISO code of districts only one state has, and in
    how many states each district's name is found."""
    _, districts = gazetteer()
    national = Counter(c for keys in districts.values() for c in set(keys.values()))
    home = {
        c: iso for iso, keys in districts.items() for c in set(keys.values()) if national[c] == 1
    }
    every = {k: c for keys in districts.values() for k, c in keys.items()}
    return every, home, national


class Places:
    """Reads the states and districts of every side of one run."""

    def __init__(self, rows):
        """``rows``: (state text, district text) of every record."""
        self.state_keys, self.districts = gazetteer()
        self.every, self.home, self.national = _index()
        self._states = {}
        # Spellings the files agree on, per state as read (not a district
        # of India, or one misspelled, said with another state: those are
        # that district).
        seen = Counter((self.state(s), district_key(d)) for s, d in rows if d)
        self.often = {}
        for (state, key), n in seen.items():
            if n >= SEEN_OFTEN and key not in self.every and not _near(key, self.every):
                self.often.setdefault(state, {})[key] = key
        self._read = {}

    def state(self, text):
        """A state's ISO code, or its key as written when it is none."""
        key = place(text)
        if not key:
            return None
        if key not in self._states:
            self._states[key] = self.state_keys.get(key) or closest(key, self.state_keys) or key
        return self._states[key]

    def read(self, state_text, district_text):
        """(state key, district key) of one record; either may be None."""
        memo = (state_text, district_text)
        if memo not in self._read:
            self._read[memo] = self._resolve(state_text, district_text)
        return self._read[memo]

    def _resolve(self, state_text, district_text):
        state = self.state(state_text) if state_text else None
        key = district_key(district_text) if district_text else ""
        if not key:
            return state, None
        in_state = self.districts.get(state, {}) if state else {}
        if key in in_state:
            return state, in_state[key]
        # Known here, or said in the wrong state: a district only one state has.
        for iso, keys in self.districts.items():
            if key in keys and self.national[keys[key]] == 1:
                return state or iso, keys[key]
        if state:
            near = closest(key, in_state | self.often.get(state, {}))
            if near:
                return state, near
        # A spelling close to one district of India, and only one (the
        # state was not given, or she named another).
        canonical = closest(key, self.every)
        if canonical:
            return state or self.home.get(canonical), canonical
        return state, key
