"""Stored language codes reach the page as names in the reader's language,
and a form shows them as names it can read back."""

import pytest
from django.conf import settings
from django.utils import translation

from sangam.core.vocabulary import editable_language_names, language_list, language_names
from tests.conftest import district, make_service

STORED = "asm,ben,hin,ory"


@pytest.mark.parametrize("code", [c for c, _ in settings.LANGUAGES])
def test_a_form_shows_stored_languages_as_names_it_reads_back(code):
    with translation.override(code):
        shown = editable_language_names(STORED)
        assert ",".join(language_list(shown)) == STORED
    assert not set(STORED.split(",")) & {n.strip() for n in shown.split(",")}


def test_names_are_in_the_readers_language():
    with translation.override("bn"):
        assert language_names("ben,hin") == "বাংলা, হিন্দি"


def test_a_service_page_names_its_languages(client, directory):
    service = make_service(
        "Malda shelter (synthetic)", district("IN-WB", "Malda"), languages=("ben",)
    )
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "bn"
    body = client.get(service.get_absolute_url()).content.decode()
    assert "বাংলা" in body
    assert ">ben<" not in body and "ben," not in body
