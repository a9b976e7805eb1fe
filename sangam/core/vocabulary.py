"""The words every register of people shares: a person's sex and her languages.

One vocabulary, so that a survivor, a household member, a missing child and
a referred person can be compared (matching) and exchanged (HTCDS, HSDS)
without translating between registers. Languages are stored as ISO 639-3
codes ("ben", "hin"), whatever name or code a user typed.
"""

import pycountry
from django import forms
from django.db import models
from django.utils.translation import gettext
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


def normalise_language(value):
    """An ISO 639-3 code for a language name or code, or "" if unknown."""
    value = (value or "").strip()
    if not value:
        return ""
    try:
        return pycountry.languages.lookup(value).alpha_3
    except LookupError:
        return ""


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
