"""The evidence of a candidate match in words a reviewer reads, from the
comparison levels the engine stored."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sangam.matching.settings import COMPARISONS

FIELD_LABELS = {
    "name": gettext_lazy("Name"),
    "surname": gettext_lazy("Surname"),
    "father": gettext_lazy("Father's name"),
    "age": gettext_lazy("Age, allowing for the years between"),
    "dates": gettext_lazy("When reported and when found"),
    "sex": gettext_lazy("Sex"),
    "origin": gettext_lazy("Where they come from"),
}

# The levels of matching/settings.py in words a reviewer reads.
LEVEL_LABELS = {
    "given name": gettext_lazy("same given name"),
    "given name sounds alike": gettext_lazy("given name sounds alike"),
    "words in the other order": gettext_lazy("names written in the other order"),
    "given name with the same consonants": gettext_lazy(
        "given name with the same consonants (vowels written differently)"
    ),
    "given name spelled close": gettext_lazy("given name spelled close"),
    "given name a letter off": gettext_lazy(
        "given name a letter off (letters swapped, dropped or doubled)"
    ),
    "given name partly alike": gettext_lazy("given name partly alike"),
    "partly alike": gettext_lazy("partly alike"),
    "same": gettext_lazy("same"),
    "close": gettext_lazy("spelled close"),
    "sounds alike": gettext_lazy("sounds alike"),
    "within 1.5 years": gettext_lazy("within 1.5 years"),
    "within 3 years": gettext_lazy("within 3 years"),
    "within 6 years": gettext_lazy("within 6 years"),
    "plausible, a date unknown": gettext_lazy("plausible (a date is not recorded)"),
    "found within a year after the report": gettext_lazy("found within a year after the report"),
    "found 1 to 3 years after the report": gettext_lazy("found 1 to 3 years after the report"),
    "found after the report": gettext_lazy("found after the report"),
    "found within a year before the report": gettext_lazy("found within a year before the report"),
    "same village": gettext_lazy("same village"),
    "village spelled close": gettext_lazy("village spelled close"),
    "same village, district unknown": gettext_lazy("same village (a district not recorded)"),
    "same district, a village unknown": gettext_lazy("same district (a village not recorded)"),
    "same district, another village": gettext_lazy("same district, another village"),
    "district spelled close": gettext_lazy("district spelled close"),
    "same state or language, district unknown": gettext_lazy(
        "same state or language, district unknown"
    ),
}


def evidence(levels):
    """[(field, what the two records say, agrees)] in words, from stored levels."""
    out = []
    for comparison in COMPARISONS:
        level = levels.get(comparison.name)
        if level is None or level < 0:
            out.append((FIELD_LABELS[comparison.name], _("not recorded on both"), None))
        elif level == 0:
            out.append((FIELD_LABELS[comparison.name], _("different"), False))
        else:
            label = comparison.levels[len(comparison.levels) - level].label
            out.append((FIELD_LABELS[comparison.name], LEVEL_LABELS.get(label, label), True))
    return out
