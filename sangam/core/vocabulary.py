"""The words every register of people shares: a person's sex and her languages.

One vocabulary, so that a survivor, a household member, a missing child and
a referred person can be compared (matching) and exchanged (HTCDS, HSDS)
without translating between registers. Languages are stored as ISO 639-3
codes ("ben", "hin"), whatever name or code a user typed.
"""

import gettext as gnu_gettext
import re
from functools import cache, lru_cache

import pycountry
from django import forms
from django.db import models
from django.utils.translation import get_language, gettext, override
from django.utils.translation import gettext_lazy as _


class Sex(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")
    # The census and the Transgender Persons Act 2019 name the third sex;
    # registers that wrote "other" before Sangam had one vocabulary now say this.
    TRANSGENDER = "transgender", _("Transgender")
    UNKNOWN = "unknown", _("Not known")


class Takes(models.TextChoices):
    """Whom a service takes: anyone, or people of one sex (values are Sex's)."""

    ANY = "any", _("Anyone")
    FEMALE = Sex.FEMALE.value, _("Women and girls")
    MALE = Sex.MALE.value, _("Men and boys")
    TRANSGENDER = Sex.TRANSGENDER.value, _("Transgender persons")


def language_codes(value):
    """ISO 639 codes a language name or code may be stored under; empty if unknown."""
    value = (value or "").strip()
    if not value:
        return set()
    try:
        lang = pycountry.languages.lookup(value)
    except LookupError:
        return set()
    return {c for c in (getattr(lang, "alpha_2", None), lang.alpha_3) if c}


# How India writes its languages where ISO 639 names them otherwise, or not
# in the language's own script (registers are kept in Hindi, Bengali, Odia).
SPOKEN = {
    "oriya": "ory", "odia": "ory", "ଓଡ଼ିଆ": "ory", "ओड़िया": "ory", "ओडिया": "ory",
    "bangla": "ben", "বাংলা": "ben", "বাঙ্গালী": "ben", "बांग्ला": "ben", "बंगाली": "ben",
    "हिंदी": "hin", "हिन्दी": "hin", "হিন্দি": "hin", "ହିନ୍ଦୀ": "hin",
    "santhali": "sat", "santali": "sat", "ᱥᱟᱱᱛᱟᱲᱤ": "sat", "संथाली": "sat", "সাঁওতালি": "sat",
    "nepali": "nep", "नेपाली": "nep", "নেপালি": "nep",
    "punjabi": "pan", "ਪੰਜਾਬੀ": "pan", "mizo": "lus", "bodo": "brx", "बड़ो": "brx",
    "meitei": "mni", "manipuri": "mni", "nagpuri": "sck", "sadri": "sck",
    "bhojpuri": "bho", "भोजपुरी": "bho", "मैथिली": "mai", "मराठी": "mar", "उर्दू": "urd",
    "اردو": "urd", "অসমীয়া": "asm", "ગુજરાતી": "guj", "తెలుగు": "tel", "தமிழ்": "tam",
    "ಕನ್ನಡ": "kan", "മലയാളം": "mal", "konkani": "kok", "dogri": "doi",
}  # fmt: skip
# Names people in India use where ISO 639's English name differs.
SAID_AS = {"ory": "Odia", "lus": "Mizo", "pan": "Punjabi", "brx": "Bodo", "nep": "Nepali"}


@lru_cache(maxsize=4096)  # imports ask for the same few names row after row
def normalise_language(value):
    """An ISO 639-3 code for a language name or code, or "" if unknown."""
    value = (value or "").strip()
    if not value:
        return ""
    if value.lower() in SPOKEN:
        return SPOKEN[value.lower()]
    try:
        return pycountry.languages.lookup(value).alpha_3
    except LookupError:
        return ""


@cache
def _iso639_catalogue(language):
    return gnu_gettext.translation(
        "iso639-3", pycountry.LOCALES_DIR, languages=[language], fallback=True
    )


# Sangam's own languages (settings.LANGUAGES) in their own script, as the
# language switch offers them: a reader finds hers whatever the page is in.
AUTONYMS = {
    "en": "English", "hi": "हिन्दी", "bn": "বাংলা", "or": "ଓଡ଼ିଆ", "as": "অসমীয়া",
    "mr": "मराठी", "ta": "தமிழ்", "te": "తెలుగు",
}  # fmt: skip


def autonym(code):
    """The name of one of Sangam's languages in its own script ("bn" → "বাংলা")."""
    return AUTONYMS.get(code, code)


def interface_languages():
    """settings.LANGUAGES with each language named in its own script."""
    from django.conf import settings

    return [(code, autonym(code)) for code, _name in settings.LANGUAGES]


def language_name(code):
    """The name of a stored language code in the reader's language ("ben" →
    "Bengali", "बँगाली"); text that is not a known code is shown as it is."""
    found = pycountry.languages.get(alpha_3=code) if code and len(code) == 3 else None
    if found is None:
        return code
    name = _iso639_catalogue((get_language() or "en").split("-")[0]).gettext(found.name)
    if name == found.name:  # English, or no translation
        name = SAID_AS.get(code, name)
    return re.sub(r"\s*\([^)]*\)$", "", name)  # "Oriya (macrolanguage)" → "Oriya"


def language_names(codes):
    """A stored comma-separated list of codes as names, for pages."""
    return ", ".join(language_name(c.strip()) for c in (codes or "").split(",") if c.strip())


def editable_language_name(code):
    """A code's name to put back in a form field: the reader's name for it
    when that reads back as the same code, else the English one (an Odia
    reader's "ବଙ୍ଗଳା" is not one Sangam can read back; "Bengali" is)."""
    name = language_name(code)
    if normalise_language(name) == code:
        return name
    with override("en"):
        return language_name(code)


def editable_language_names(codes):
    """A stored comma-separated list of codes as names a form reads back."""
    names = (editable_language_name(c.strip()) for c in (codes or "").split(",") if c.strip())
    return ", ".join(names)


def language_list(text):
    """Sorted ISO 639-3 codes of a comma-separated list of language names;
    a ValidationError naming the first language not known."""
    codes = set()
    for part in (text or "").split(","):
        if part.strip():
            code = normalise_language(part)
            if not code:
                raise forms.ValidationError(
                    gettext("Unknown language: %(name)s") % {"name": part.strip()}
                )
            codes.add(code)
    return sorted(codes)
