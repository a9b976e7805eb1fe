"""Numbers print in the Indian grouping (1,23,45,678) and dates with the
month's name in the reader's language, in every language; ids and page
numbers that go into links and forms are never grouped."""

import datetime
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.template import Context, Template
from django.utils import translation

LANGUAGES = [code for code, _ in settings.LANGUAGES]


@pytest.mark.parametrize("code", LANGUAGES)
def test_numbers_are_grouped_in_lakhs_and_crores(code):
    page = Template("{{ n }} {{ small }} {{ money }}")
    with translation.override(code):
        text = page.render(Context({"n": 12345678, "small": 999, "money": 1234567.5}))
    assert text == "1,23,45,678 999 12,34,567.5"


@pytest.mark.parametrize("code", [c for c in LANGUAGES if c != "en"])
def test_dates_name_the_month_in_the_readers_language(code):
    page = Template('{{ d|date:"j F Y" }} · {{ d|date:"j M Y" }} · {{ d }}')
    with translation.override(code):
        text = page.render(Context({"d": datetime.date(2026, 3, 5)}))
        march, short = translation.gettext("March"), translation.gettext("mar")
    assert march != "March" and short != "mar", f"{code} has no month names"
    assert text.startswith(f"5 {march} 2026 · 5 {short} 2026 · ")
    assert "March" not in text and "Mar" not in text


# An id or a page number printed into a link or a form ("?page=1,000",
# value="1,234") would break once there are a thousand of them.
ID = re.compile(r"\{\{\s*([\w.]+?(?:\.pk|\.version|_id|page_number))\s*(\|[^}]*)?\}\}")


def test_ids_and_page_numbers_in_templates_are_not_grouped():
    grouped = []
    for template in sorted(Path(settings.BASE_DIR, "templates").rglob("*.html")):
        for number, line in enumerate(template.read_text(encoding="utf-8").splitlines(), 1):
            for match in ID.finditer(line):
                name, filters = match.group(1), match.group(2) or ""
                if name.endswith("auto_id") or "unlocalize" in filters:
                    continue
                grouped.append(f"{template.name}:{number}: {match.group(0)} (add |unlocalize)")
    assert grouped == []
