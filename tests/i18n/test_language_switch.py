"""The language switch offers each language in its own script; a page
follows the reader's language, falls back to English for one missing
string only, and to the reader's language when asked for an unknown one."""

import re
import subprocess

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from sangam.accounts.models import User
from sangam.core import catalogues
from sangam.core.vocabulary import AUTONYMS

OWN_SCRIPT = {
    "en": "English", "hi": "हिन्दी", "bn": "বাংলা", "or": "ଓଡ଼ିଆ", "as": "অসমীয়া",
    "mr": "मराठी", "ta": "தமிழ்", "te": "తెలుగు",
}  # fmt: skip


def html_lang(response):
    return re.search(r'<html lang="([^"]+)"', response.content.decode()).group(1)


def test_every_language_offered_has_its_own_script_name():
    assert {code: AUTONYMS.get(code) for code, _ in settings.LANGUAGES} == {
        code: OWN_SCRIPT[code] for code, _ in settings.LANGUAGES
    }


@pytest.mark.django_db
def test_the_switch_offers_each_language_in_its_own_script(client):
    body = client.get(reverse("login")).content.decode()
    for code, _name in settings.LANGUAGES:
        assert f'<option value="{code}" lang="{code}"' in body
        assert f">{OWN_SCRIPT[code]}</option>" in body


@pytest.mark.django_db
def test_choosing_bengali_turns_the_pages_bengali(client):
    response = client.post(reverse("accounts:language"), {"language": "bn", "next": "/"})
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "bn"
    page = client.get(reverse("login"))
    assert html_lang(page) == "bn"
    assert "পাসওয়ার্ড ভুলে গেছেন?" in page.content.decode()
    assert "Forgot your password?" not in page.content.decode()


def test_a_signed_in_reader_sees_her_language_whatever_the_browser_asks(client, worker):
    client.force_login(worker)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "zz"
    response = client.get(reverse("dashboard"), HTTP_ACCEPT_LANGUAGE="zz,xx;q=0.8")
    assert html_lang(response) == "bn"
    assert "আপনার ভূমিকা" in response.content.decode()  # "Your roles"


def test_an_unknown_language_asked_of_the_switch_changes_nothing(client, worker):
    client.force_login(worker)
    response = client.post(reverse("accounts:language"), {"language": "zz", "next": "/"})
    assert response.status_code == 302
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies
    assert User.objects.restrict(worker).get(pk=worker.pk).language == "bn"
    assert html_lang(client.get(reverse("dashboard"))) == "bn"


def test_a_stored_language_no_longer_offered_gives_way_to_the_browsers(client, worker):
    User.objects.restrict(worker, "change").filter(pk=worker.pk).update(language="zz")
    client.force_login(worker)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "or"
    assert html_lang(client.get(reverse("dashboard"))) == "or"


@pytest.mark.django_db
def test_a_missing_translation_falls_back_to_english_for_that_string_only(client, tmp_path):
    """The Bengali catalogue without "Log in": the login page shows that one
    string in English, never blank or as a key, and the rest in Bengali."""
    locale = tmp_path / "bn" / "LC_MESSAGES"
    locale.mkdir(parents=True)
    po = catalogues.path("bn").read_text(encoding="utf-8")
    po, n = re.subn(r'(msgid "Log in"\nmsgstr )"[^"]+"', r'\1""', po)
    assert n == 1
    (locale / "django.po").write_text(po, encoding="utf-8")
    mo, po_path = str(locale / "django.mo"), str(locale / "django.po")
    subprocess.run(["msgfmt", "-o", mo, po_path], check=True)
    with override_settings(LOCALE_PATHS=[tmp_path]):
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = "bn"
        body = client.get(reverse("login")).content.decode()
        with translation.override("bn"):
            assert translation.gettext("Log in") == "Log in"
    assert ">Log in<" in body
    assert "পাসওয়ার্ড ভুলে গেছেন?" in body
    assert "লগ ইন<" not in body
