"""PDFs print every language in its own script with its Noto font (Debian's
fonts-noto-core, scripts/ensure-system-packages): the printable directory
is rendered in each language and its text read back."""

import io
import unicodedata

import pypdf
import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from tests.conftest import district, make_service

# A service named in each script (synthetic), and the Noto font that must draw it.
SCRIPTS = {
    "en": ("Shelter home (synthetic)", "Noto-Sans"),
    "hi": ("आश्रय गृह (नमूना)", "Noto-Sans-Devanagari"),
    "mr": ("निवारा गृह (नमुना)", "Noto-Sans-Devanagari"),
    "bn": ("আশ্রয় গৃহ (নমুনা)", "Noto-Sans-Bengali"),
    "as": ("আশ্ৰয় গৃহ (নমুনা)", "Noto-Sans-Bengali"),
    "or": ("ଆଶ୍ରୟ ଗୃହ (ନମୁନା)", "Noto-Sans-Oriya"),
    "ta": ("காப்பகம் (மாதிரி)", "Noto-Sans-Tamil"),
    "te": ("ఆశ్రయ గృహం (నమూనా)", "Noto-Sans-Telugu"),
}
LANGUAGES = [code for code, _ in settings.LANGUAGES]


def letters(text):
    """The letters of a text without marks, joiners or spaces: text read back
    from a PDF may order an Indic vowel sign differently or drop a ZWNJ."""
    return "".join(c for c in text if unicodedata.category(c)[0] in "LN")


def printed(client, code):
    response = client.get(reverse("directory:print_state", args=["IN-WB"]), {"lang": code})
    assert response["Content-Type"] == "application/pdf"
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    text = "".join(page.extract_text() for page in reader.pages)
    fonts = {
        str(font.get_object()["/BaseFont"]).split("+")[-1]
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    return text, fonts


def test_every_language_offered_has_a_script_here():
    assert set(LANGUAGES) <= set(SCRIPTS)


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_pdf_draws_each_script_with_its_noto_font(client, directory, code):
    name, font = SCRIPTS[code]
    make_service(name, district("IN-WB", "Malda"))
    text, fonts = printed(client, code)
    assert font in fonts
    assert letters(name) in letters(text)


@pytest.mark.parametrize("code", [c for c in LANGUAGES if c != "en"])
def test_a_pdf_is_in_the_language_asked_for(client, directory, code):
    text, _fonts = printed(client, code)
    with translation.override(code):
        heading = translation.gettext("National helplines")
    assert heading != "National helplines", f"{code}: the heading is not translated"
    assert letters(heading) in letters(text)
    assert "National helplines" not in text
