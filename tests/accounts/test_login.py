import time
from datetime import timedelta

import pyotp
import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse

from sangam.accounts.models import TOTPDevice
from sangam.audit.models import AuditEntry
from sangam.core.roles import Role
from tests.conftest import PASSWORD, make_agency, make_user, totp_now


@pytest.fixture
def worker(reference):
    return make_user("worker", Role.CASEWORKER, make_agency("IN-WB", "Malda"))


def password_step(client, username="worker", password=PASSWORD):
    return client.post(reverse("login"), {"username": username, "password": password})


def test_it_asks_for_a_code_after_the_password(client, worker):
    response = password_step(client)
    assert response.status_code == 302
    assert response.url == reverse("accounts:verify")
    # Not logged in yet: the dashboard still sends you to the login page.
    assert client.get(reverse("dashboard")).status_code == 302


def test_it_logs_in_with_a_right_code(client, worker):
    password_step(client)
    response = client.post(reverse("accounts:verify"), {"code": totp_now(worker)})
    assert response.status_code == 302
    assert client.get(reverse("dashboard")).status_code == 200
    assert AuditEntry.objects.filter(action="login", actor_id=worker.pk).exists()


def test_it_refuses_a_wrong_code(client, worker):
    password_step(client)
    response = client.post(reverse("accounts:verify"), {"code": "000000"})
    assert "That code is not right" in response.content.decode()
    assert client.get(reverse("dashboard")).status_code == 302


def test_it_refuses_a_code_used_twice(client, worker):
    code = totp_now(worker)
    password_step(client)
    client.post(reverse("accounts:verify"), {"code": code})
    client.post(reverse("accounts:logout"))
    password_step(client)
    response = client.post(reverse("accounts:verify"), {"code": code})
    assert response.status_code == 200  # form again, not a redirect
    assert client.get(reverse("dashboard")).status_code == 302


def test_it_makes_a_new_user_enrol_an_authenticator(client, reference):
    make_user("newbie", Role.COUNSELLOR, make_agency("IN-WB", "Malda"), totp=False)
    response = password_step(client, "newbie")
    assert response.url == reverse("accounts:setup")
    page = client.get(reverse("accounts:setup"))
    assert "<svg" in page.content.decode()
    secret = page.context["secret"]
    response = client.post(reverse("accounts:setup"), {"code": pyotp.TOTP(secret).now()})
    assert TOTPDevice.objects.get(user__username="newbie").confirmed
    # Then her recovery codes, once, and she is logged in.
    assert response.status_code == 200
    assert len(response.context["codes"]) == 10
    assert response["Cache-Control"].startswith("max-age=0, no-cache, no-store")
    assert client.get(reverse("dashboard")).status_code == 200


def test_it_does_not_skip_the_code_step_by_going_to_setup(client, worker):
    password_step(client)
    assert client.get(reverse("accounts:setup")).url == reverse("accounts:verify")


def test_it_locks_the_account_after_repeated_failures(client, worker):
    for _ in range(settings.LOGIN_FAILURE_LIMIT):
        password_step(client, password="wrong-password")
    response = password_step(client)  # right password, but locked
    assert "locked" in response.content.decode()
    assert response.status_code == 200
    assert AuditEntry.objects.filter(action="locked").exists()


def test_it_counts_wrong_codes_towards_the_lockout(client, worker):
    for _ in range(settings.LOGIN_FAILURE_LIMIT):
        password_step(client)
        client.post(reverse("accounts:verify"), {"code": "000000"})
    response = password_step(client)
    assert "locked" in response.content.decode()


def test_it_unlocks_after_the_lockout_period(client, worker, settings):
    settings.LOGIN_LOCKOUT_MINUTES = 0
    for _ in range(settings.LOGIN_FAILURE_LIMIT):
        password_step(client, password="wrong-password")
    assert password_step(client).status_code == 302


def test_it_does_not_reveal_whether_an_account_exists(client, worker):
    unknown = password_step(client, username="nobody", password="whatever-pass")
    wrong = password_step(client, password="wrong-password")
    assert "Wrong username or password." in unknown.content.decode()
    assert "Wrong username or password." in wrong.content.decode()


def test_it_logs_out_an_idle_session(client, worker, settings):
    client.force_login(worker)
    session = client.session
    session.set_expiry(1)
    session.save()
    time.sleep(1.2)
    assert client.get(reverse("dashboard")).status_code == 302


def test_it_keeps_an_active_session_alive(client, worker, settings):
    from django.contrib.sessions.models import Session
    from django.utils import timezone

    settings.SESSION_SAVE_EVERY_REQUEST = False  # as in production
    client.force_login(worker)
    key = client.session.session_key
    # Signed in 14 minutes ago and active since: a request now extends it.
    Session.objects.filter(pk=key).update(expire_date=timezone.now() + timedelta(minutes=1))
    client.get(reverse("dashboard"))
    expires = Session.objects.get(pk=key).expire_date
    assert expires > timezone.now() + timedelta(seconds=settings.SESSION_COOKIE_AGE - 60)
    assert client.get(reverse("dashboard")).status_code == 200


def test_it_hashes_passwords_with_argon2():
    import sangam.site.settings as production

    assert production.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_it_sends_a_password_reset_link_that_works(client, worker):
    client.post(reverse("accounts:password_reset"), {"email": worker.email})
    assert len(mail.outbox) == 1
    link = next(line for line in mail.outbox[0].body.splitlines() if "/password/reset/" in line)
    path = link.split("testserver", 1)[1]
    form_page = client.get(path, follow=True)
    new = "a-brand-new-passphrase-42"
    response = client.post(
        form_page.redirect_chain[-1][0], {"new_password1": new, "new_password2": new}
    )
    assert response.status_code == 302
    assert password_step(client, password=new).status_code == 302


def test_it_sends_nothing_for_an_unknown_address(client, worker):
    response = client.post(reverse("accounts:password_reset"), {"email": "x@nowhere.invalid"})
    assert response.status_code == 302
    assert mail.outbox == []
