"""Names and places as comparable keys, across Indian scripts and spellings.

A name written in Devanagari, Bengali, Odia, Gurmukhi, Gujarati, Tamil,
Telugu, Kannada or Malayalam is romanised (these scripts share one Unicode
layout, so one table serves all), then Latin spellings are folded the way
Indian names vary in Latin letters (aa/a, ee/i, oo/u, v/w/b, sh/s, ksh/x,
th/t, ph/f, doubled letters, Mohammad/Mohd/Md). Words that say little about
who someone is (Kumari, Devi, Khatun, Md, Smt) are dropped.

Two keys per word: ``fine`` keeps the vowels (Rima ≠ Rama) and ``skeleton``
drops a and o after the first letter, which absorbs schwa deletion and the
Bengali inherent o (Shabnam/Shabanam, Sanjay/Sanjoy, Mamta/Mamata).
"""

import re
import unicodedata
from functools import lru_cache

# Blocks with the shared Brahmic layout: offsets below are from each start.
BLOCKS = (0x0900, 0x0980, 0x0A00, 0x0A80, 0x0B00, 0x0B80, 0x0C00, 0x0C80, 0x0D00)

INDEPENDENT = {
    0x05: "a", 0x06: "aa", 0x07: "i", 0x08: "ii", 0x09: "u", 0x0A: "uu", 0x0B: "ri",
    0x0C: "li", 0x0D: "e", 0x0E: "e", 0x0F: "e", 0x10: "ai", 0x11: "o", 0x12: "o",
    0x13: "o", 0x14: "au", 0x60: "ri", 0x61: "li",
}  # fmt: skip
CONSONANTS = {
    0x15: "k", 0x16: "kh", 0x17: "g", 0x18: "gh", 0x19: "ng", 0x1A: "ch", 0x1B: "chh",
    0x1C: "j", 0x1D: "jh", 0x1E: "ny", 0x1F: "t", 0x20: "th", 0x21: "d", 0x22: "dh",
    0x23: "n", 0x24: "t", 0x25: "th", 0x26: "d", 0x27: "dh", 0x28: "n", 0x29: "n",
    0x2A: "p", 0x2B: "ph", 0x2C: "b", 0x2D: "bh", 0x2E: "m", 0x2F: "y", 0x30: "r",
    0x31: "r", 0x32: "l", 0x33: "l", 0x34: "l", 0x35: "v", 0x36: "sh", 0x37: "sh",
    0x38: "s", 0x39: "h", 0x58: "k", 0x59: "kh", 0x5A: "g", 0x5B: "z", 0x5C: "r",
    0x5D: "r", 0x5E: "f", 0x5F: "y", 0x71: "v",
}  # fmt: skip
SIGNS = {
    0x3E: "aa", 0x3F: "i", 0x40: "ii", 0x41: "u", 0x42: "uu", 0x43: "ri", 0x44: "ri",
    0x45: "e", 0x46: "e", 0x47: "e", 0x48: "ai", 0x49: "o", 0x4A: "o", 0x4B: "o",
    0x4C: "au", 0x57: "au", 0x62: "li", 0x63: "li",
}  # fmt: skip
NASALS = {0x01, 0x02, 0x70}  # candrabindu, anusvara, Gurmukhi tippi
VIRAMA = 0x4D
# Letters outside the shared layout.
SPECIAL = {
    "\u09ce": "t",  # Bengali khanda ta
    "\u0d7a": "n", "\u0d7b": "n", "\u0d7c": "r", "\u0d7d": "l", "\u0d7e": "l", "\u0d7f": "k",
    "\u0a71": "",  # Gurmukhi addak (doubles the next consonant)
}  # fmt: skip


def _letter(ch):
    code = ord(ch)
    for start in BLOCKS:
        if start <= code < start + 0x80:
            return code - start
    return None


def romanise(text):
    """Indian scripts to plain Latin letters; Latin and other text pass through."""
    out = []
    pending_vowel = False  # a consonant waits for its vowel (inherent "a" by default)
    for ch in unicodedata.normalize("NFC", text):
        offset = _letter(ch)
        if ch in SPECIAL:
            if pending_vowel:
                out.append("a")
            out.append(SPECIAL[ch])
            pending_vowel = False
            continue
        if offset is None:
            if pending_vowel:
                # Word-final inherent vowel is not pronounced (राम = Ram).
                if not ch.isalpha():
                    pending_vowel = False
                else:
                    out.append("a")
                    pending_vowel = False
            out.append(ch)
            continue
        if offset in CONSONANTS:
            if pending_vowel:
                out.append("a")
            out.append(CONSONANTS[offset])
            pending_vowel = True
        elif offset in SIGNS:
            out.append(SIGNS[offset])
            pending_vowel = False
        elif offset == VIRAMA:
            pending_vowel = False
        elif offset in INDEPENDENT:
            if pending_vowel:
                out.append("a")
                pending_vowel = False
            out.append(INDEPENDENT[offset])
        elif offset in NASALS:
            if pending_vowel:
                out.append("a")
                pending_vowel = False
            out.append("n")
        elif offset == 0x03:  # visarga
            out.append("h")
        # nukta, avagraha, digits and marks add nothing to a name
    return "".join(out)


# Words that say little about who someone is: honorifics, "daughter of",
# and generic second names many women and girls are registered with.
GENERIC = {
    "kumari", "kumar", "kr", "km", "devi", "debi", "khatun", "khatoon", "begum", "bibi",
    "bano", "banu", "md", "mohd", "mohammad", "mohammed", "muhammad", "mohamad",
    "mahammad", "muhammed", "mst", "mosammat", "smt", "shrimati", "sri", "shri",
    "shree", "mr", "mrs", "miss", "ms", "baby", "late", "alias", "urf", "do", "so", "wo",
}  # fmt: skip

# Latin folding, applied in order: each turns spelling variants into one form.
# y becomes i before the vowel pairs are folded, so Vijay and Vijai (Payel
# and Paiel) meet; ai/ei become e inside a word (Shaikh, Sheikh, Shekh) but
# a final ai stays (Sanjai = Sanjay = Sanjoy, Rai = Roy, by their skeletons).
FOLDS = [
    ("que", "k"), ("qu", "k"), ("ksh", "ks"), ("x", "ks"), ("chh", "c"), ("ch", "c"),
    ("sh", "s"), ("ph", "f"),
    ("th", "t"), ("dh", "d"), ("bh", "b"), ("gh", "g"), ("kh", "k"), ("jh", "j"),
    ("w", "v"), ("v", "b"), ("z", "j"), ("q", "k"), ("ck", "k"), ("ny", "n"), ("ng", "n"),
    ("y", "i"), ("ee", "i"), ("ii", "i"), ("oo", "u"), ("uu", "u"), ("aa", "a"), ("ou", "o"),
    ("au", "o"), ("ei", "e"),
]  # fmt: skip
_INNER_AI = re.compile(r"ai(?=.)")
_DOUBLE = re.compile(r"(.)\1+")
_DOUBLE_CONSONANT = re.compile(r"([^aeiou])\1+")
_TRIPLE = re.compile(r"(.)\1\1+")
_NOT_LETTER = re.compile(r"[^a-z]+")


@lru_cache(maxsize=200_000)
def _fold(word):
    # Doubled consonants first too: "Bhesshh" must lose its extra s and h
    # before "sh" is folded, or it keeps a stray s. Vowels keep a pair
    # (oo is u), never more.
    word = _TRIPLE.sub(r"\1\1", _DOUBLE_CONSONANT.sub(r"\1", word))
    for variant, form in FOLDS:  # in order: w becomes v, then b
        word = word.replace(variant, form)
    return _DOUBLE.sub(r"\1", _INNER_AI.sub("e", word))


@lru_cache(maxsize=200_000)
def skeleton(fine):
    """The fine key without a and o after the first letter."""
    return fine[:1] + re.sub("[ao]", "", fine[1:]) if fine else ""


@lru_cache(maxsize=200_000)
def consonants(fine):
    """The fine key without any vowel after the first letter: vowels are what
    transliteration varies most (Bheedhur/Bhedhur, Geeta/Gaieta/Gita)."""
    return fine[:1] + re.sub("[aeiou]", "", fine[1:]) if fine else ""


# Generic words as folded keys too: খাতুন romanises to "khaatun", which
# folds to the same key as Khatun.
_GENERIC_KEYS = {_fold(g) for g in GENERIC}
# And however their vowels are spelled (Mohoammad, Muhamad, Khaatoon,
# Begam), as folded keys; Mahmud and Ketan are names and stay.
_GENERIC_SPELLINGS = re.compile(r"m[aeiou]+h[aeiou]+m[aeiou]+d|k[ao]t[uo]n|b[ae]g[aou]m")


@lru_cache(maxsize=200_000)
def words(text):
    """The fine keys of a name's meaningful words, in the order written."""
    if not text:
        return ()
    latin = unicodedata.normalize("NFKD", romanise(text).lower())
    latin = "".join(c for c in latin if not unicodedata.combining(c))
    out = []
    for raw in _NOT_LETTER.split(latin):
        if not raw or raw in GENERIC:
            continue
        key = _fold(raw)
        if key and key not in _GENERIC_KEYS and not _GENERIC_SPELLINGS.fullmatch(key):
            out.append(key)
    return tuple(out)


# Pet names (daak naam, ghar ka naam): what a family calls a child at home
# and what the child tells a CWC or the police, often the only name given.
# They share nothing with the given name on the other record, so blocking
# treats them apart (records.complete). The common ones of the source
# states; many are also given names (Raju, Rani, Sona), which only costs
# candidate pairs.
PET_NAMES = {
    "munni", "guddi", "gudiya", "guriya", "pinki", "pinky", "babli", "bubli", "rani",
    "chhoti", "sona", "soni", "mini", "minu", "tuni", "tunni", "bulbul", "dolly", "sweety",
    "rinki", "chinki", "pari", "laddo", "mamoni", "tumpa", "khuku", "buli", "putul", "moni",
    "bablu", "babloo", "pappu", "guddu", "munna", "chhotu", "chhote", "raju", "bittu", "sonu",
    "monu", "tinku", "pintu", "chintu", "bunty", "golu", "lalu", "bholu", "montu", "mintu",
    "rintu", "bapi", "bubai", "babu", "khokon", "tutul", "kallu", "nanhe", "sanju",
}  # fmt: skip
# As folded keys (Guddi and Gudi, Pinky and Pinki are one key).
PET_KEYS = {_fold(p) for p in PET_NAMES}


PLACE_WORDS = {
    "district", "dist", "distt", "zila", "jila", "zilla", "jilla", "po", "ps", "village",
    "vill", "gram", "gaon", "block", "tehsil", "thana", "state", "pradesh",
}  # fmt: skip


@lru_cache(maxsize=50_000)
def place(text):
    """A place name as one key: words folded and sorted, filler words dropped
    (South 24 Parganas = 24 Pargana South)."""
    if not text:
        return ""
    latin = romanise(text).lower()
    latin = unicodedata.normalize("NFKD", latin)
    latin = "".join(c for c in latin if not unicodedata.combining(c))
    parts = []
    for raw in re.split(r"[^a-z0-9]+", latin):
        if not raw or raw in PLACE_WORDS:
            continue
        key = raw if raw.isdigit() else _fold(raw)
        if len(key) > 3 and key.endswith("s"):
            key = key[:-1]  # Parganas = Pargana
        parts.append(key)
    return " ".join(sorted(parts))
