"""Sangam's translation catalogues (sangam/locale/<code>/LC_MESSAGES/django.po)
read as entries, to find what is left to translate in each language.

GNU gettext writes and compiles the catalogues; this only reads them, so
that a check needs neither polib nor a compiled catalogue.
"""

import ast
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

_KEYWORD = re.compile(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(\".*\")$")


@dataclass
class Entry:
    msgid: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr: list = field(default_factory=list)
    fuzzy: bool = False

    @property
    def key(self):
        return (self.msgctxt, self.msgid, self.msgid_plural)

    @property
    def untranslated(self):
        return not self.msgstr or not all(self.msgstr)


def languages():
    """The codes needing a catalogue: every language but the source's."""
    return [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def path(code, locale_dir=None):
    locale_dir = Path(locale_dir or settings.LOCALE_PATHS[0])
    return locale_dir / code / "LC_MESSAGES" / "django.po"


def entries(po_path):
    """The catalogue's entries, the header (msgid "") and obsolete ones left out.

    GNU gettext separates entries by a blank line; a keyword's text may go
    on over several quoted lines.
    """
    found = []
    for block in re.split(r"\n\s*\n", Path(po_path).read_text(encoding="utf-8")):
        entry, last = Entry(), None
        for line in block.strip().splitlines():
            line = line.strip()
            if line.startswith("#,"):
                entry.fuzzy = entry.fuzzy or "fuzzy" in line
            elif line.startswith("#"):
                continue
            elif match := _KEYWORD.match(line):
                last, text = match.group(1), ast.literal_eval(match.group(2))
                if last.startswith("msgstr"):
                    entry.msgstr.append(text)
                else:
                    setattr(entry, last, text)
            elif line.startswith('"') and last:
                text = ast.literal_eval(line)
                if last.startswith("msgstr"):
                    entry.msgstr[-1] += text
                else:
                    setattr(entry, last, getattr(entry, last) + text)
        if entry.msgid:
            found.append(entry)
    return found


def to_translate(po_path):
    """The entries a reader would see in English: untranslated or fuzzy."""
    return [e for e in entries(po_path) if e.untranslated or e.fuzzy]
