"""Every language in settings.LANGUAGES has a complete catalogue: nothing
untranslated or fuzzy, placeholders and plural forms intact, compiled, and
holding exactly the strings of the source (none escaped extraction)."""

import os
import re
import shutil
import subprocess

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.utils import translation

from sangam.core import catalogues

LANGUAGES = catalogues.languages()
PLACEHOLDER = re.compile(r"%(?:\([a-z_0-9]+\))?[sd]|%%|\{[a-z_0-9]*\}")


def catalogue(code):
    po = catalogues.path(code)
    assert po.exists(), f"{code} has no catalogue at {po}"
    return po


@pytest.mark.parametrize("code", LANGUAGES)
def test_nothing_is_left_untranslated_or_fuzzy(code):
    left = [entry.msgid for entry in catalogues.to_translate(catalogue(code))]
    assert left == [], f"{code}: {len(left)} entries to translate, e.g. {left[:5]}"


@pytest.mark.parametrize("code", LANGUAGES)
def test_placeholders_are_kept_exactly(code):
    changed = []
    for entry in catalogues.entries(catalogue(code)):
        sources = [entry.msgid] + ([entry.msgid_plural] if entry.msgid_plural else [])
        for i, text in enumerate(entry.msgstr):
            source = sources[min(i, len(sources) - 1)]
            if text and sorted(PLACEHOLDER.findall(text)) != sorted(PLACEHOLDER.findall(source)):
                changed.append((entry.msgid, text))
    assert changed == []


@pytest.mark.parametrize("code", LANGUAGES)
def test_gettext_accepts_the_catalogue(code):
    """msgfmt --check: the header, the plural forms' count and formula, and
    every python-format entry against its msgid."""
    result = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(catalogue(code))],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_compiled_catalogue_is_the_committed_one(code):
    """What a page shows is the .mo: a .po edited without compilemessages
    would leave the reader with the old (or no) translation."""
    stale = []
    with translation.override(code):
        for entry in catalogues.entries(catalogue(code)):
            if entry.msgid_plural and entry.msgctxt:
                got = translation.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, 1)
            elif entry.msgid_plural:
                got = translation.ngettext(entry.msgid, entry.msgid_plural, 1)
            elif entry.msgctxt:
                got = translation.pgettext(entry.msgctxt, entry.msgid)
            else:
                got = translation.gettext(entry.msgid)
            if got != entry.msgstr[0]:
                stale.append(entry.msgid)
    assert stale == [], f"{code}: run compilemessages ({len(stale)} stale, e.g. {stale[:3]})"


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """The strings of the source as makemessages finds them now, from a copy
    of the source tree (makemessages writes into the tree it reads)."""
    root = tmp_path_factory.mktemp("extract")
    source = root / "sangam"
    shutil.copytree(
        settings.BASE_DIR,
        source,
        ignore=shutil.ignore_patterns("static", "locale", "__pycache__", "*.pyc"),
    )
    (source / "locale").mkdir()
    with override_settings(LOCALE_PATHS=[source / "locale"]):
        cwd = os.getcwd()
        os.chdir(source)
        try:
            call_command("makemessages", locale=["xx"], verbosity=0)
        finally:
            os.chdir(cwd)
    return {e.key for e in catalogues.entries(source / "locale/xx/LC_MESSAGES/django.po")}


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_string_escapes_the_catalogue(code, extracted):
    """A string added to a template or to Python without `make messages`
    would stay English on every page; one removed leaves a dead entry."""
    committed = {e.key for e in catalogues.entries(catalogue(code))}
    assert sorted(extracted - committed, key=str) == [], "not in the catalogue: make messages"
    assert sorted(committed - extracted, key=str) == [], "no longer in the source: make messages"
