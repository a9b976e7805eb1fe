"""Password-reset links never reach the server log: in development e-mails
go to private files, and a reset link's key is scrubbed from logged paths."""

import logging
import stat

import pytest
from django.core import mail
from django.urls import reverse

from sangam.core.roles import Role
from sangam.logging import JsonFormatter, ScrubPersonalData, scrub
from tests.conftest import make_agency, make_user


@pytest.fixture
def worker(reference):
    return make_user("worker", Role.CASEWORKER, make_agency("IN-WB", "Malda"))


def test_development_e_mails_are_files_only_this_account_can_read(
    client,
    worker,
    settings,
    tmp_path,
    capsys,
):
    import sangam.site.settings as development

    assert development.EMAIL_BACKEND == "sangam.core.mail.PrivateFileBackend"
    settings.EMAIL_BACKEND = development.EMAIL_BACKEND
    settings.EMAIL_FILE_PATH = tmp_path / "mail"

    client.post(reverse("accounts:password_reset"), {"email": worker.email})

    (message,) = (tmp_path / "mail").iterdir()
    assert "/password/reset/" in message.read_text()
    assert stat.S_IMODE(message.stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "mail").stat().st_mode) == 0o700
    printed = capsys.readouterr()
    assert "/password/reset/" not in printed.out + printed.err


def test_a_reset_link_is_scrubbed_from_the_request_log(client, worker):
    client.post(reverse("accounts:password_reset"), {"email": worker.email})
    link = next(line for line in mail.outbox[0].body.splitlines() if "/password/reset/" in line)
    path = link.split("testserver", 1)[1]
    request = client.get(path).wsgi_request
    record = logging.LogRecord("django.server", logging.INFO, "", 0, f'"GET {path}" 302', (), None)
    record.request = request
    ScrubPersonalData().filter(record)
    line = JsonFormatter().format(record)
    token = path.rstrip("/").rsplit("/", 1)[1]
    assert token not in line
    assert "/password/reset/[link]/" in line


def test_a_reset_key_that_looks_like_a_number_is_scrubbed_whole():
    path = "/accounts/password/reset/MjE/diy7ml-f123456789012bcf3f869bde1437b3c9/"
    assert scrub(f'"GET {path}" 302') == '"GET /accounts/password/reset/[link]/" 302'
