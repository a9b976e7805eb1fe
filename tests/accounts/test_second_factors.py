"""Second factors besides the code from the app: recovery codes (shown once,
stored hashed, single use, renewable), passkeys (registered in My account,
used at the second-factor step, removed), the reset of all of them, and the
authenticator secret encrypted at rest."""

import importlib
import json
from types import SimpleNamespace

import pyotp
import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from django.conf import settings
from django.db import connection
from django.urls import reverse

from sangam.accounts.factors import new_recovery_codes, reset_second_factor
from sangam.accounts.models import Passkey, RecoveryCode, TOTPDevice
from sangam.audit.log import acting_as
from sangam.audit.models import AuditEntry
from sangam.core.roles import Role
from tests.accounts.authenticator import SoftwareAuthenticator
from tests.conftest import PASSWORD, make_agency, make_user, totp_now

ORIGIN = "http://testserver"


@pytest.fixture
def worker(reference):
    return make_user("worker", Role.CASEWORKER, make_agency("IN-WB", "Malda"))


def password_step(client, username="worker"):
    return client.post(reverse("login"), {"username": username, "password": PASSWORD})


def logged_in(client):
    return client.get(reverse("dashboard")).status_code == 200


# Recovery codes


def test_a_recovery_code_logs_in_once(client, worker):
    codes = new_recovery_codes(worker)
    password_step(client)
    response = client.post(reverse("accounts:recovery"), {"code": codes[3].upper()}, follow=True)
    assert "You have 9 recovery codes left." in response.content.decode()
    assert logged_in(client)
    assert AuditEntry.objects.filter(
        action="login", actor_id=worker.pk, detail__second_factor="recovery code"
    ).exists()

    client.post(reverse("accounts:logout"))
    password_step(client)
    response = client.post(reverse("accounts:recovery"), {"code": codes[3]})
    assert "not right or was used before" in response.content.decode()
    assert not logged_in(client)


def test_recovery_codes_are_stored_hashed(worker):
    codes = new_recovery_codes(worker)
    stored = " ".join(RecoveryCode.objects.values_list("digest", flat=True))
    assert len(codes) == 10 == RecoveryCode.objects.filter(user=worker).count()
    assert not any(code.replace("-", "") in stored or code in stored for code in codes)


def test_new_recovery_codes_replace_the_old_ones(client, worker):
    old = new_recovery_codes(worker)
    client.force_login(worker)
    page = client.post(reverse("accounts:new_recovery_codes"))
    new = page.context["codes"]
    assert set(new).isdisjoint(old)
    assert new[0] in page.content.decode()
    assert "no-store" in page["Cache-Control"]
    assert AuditEntry.objects.filter(action="create", object_type="accounts.recoverycode").exists()

    client.post(reverse("accounts:logout"))
    password_step(client)
    assert client.post(reverse("accounts:recovery"), {"code": old[0]}).status_code == 200
    assert client.post(reverse("accounts:recovery"), {"code": new[0]}).status_code == 302


def test_wrong_recovery_codes_count_towards_the_lockout(client, worker):
    new_recovery_codes(worker)
    password_step(client)
    for _ in range(settings.LOGIN_FAILURE_LIMIT):
        response = client.post(reverse("accounts:recovery"), {"code": "aaaa-bbbb-cccc-dddd"})
    assert response.url == reverse("login")
    assert "recovery codes left" not in client.get(response.url).content.decode()
    assert "locked" in password_step(client).content.decode()


def test_a_recovery_code_is_no_way_past_the_password(client, worker):
    codes = new_recovery_codes(worker)
    response = client.post(reverse("accounts:recovery"), {"code": codes[0]})
    assert response.url == reverse("login")
    assert RecoveryCode.objects.filter(used_at__isnull=False).count() == 0


# Passkeys


def register_passkey(client, authenticator, name="My phone"):
    options = json.loads(client.post(reverse("accounts:passkey_register_options")).content)
    return client.post(
        reverse("accounts:passkey_register"),
        {"name": name, "credential": authenticator.create(options)},
    )


def passkey_step(client, authenticator, **kwargs):
    response = client.post(reverse("accounts:passkey_login_options"))
    assert response.status_code == 200
    options = json.loads(response.content)
    credential = authenticator.get(options, **kwargs)
    return client.post(reverse("accounts:passkey_login"), {"credential": credential}), credential


def test_a_passkey_registered_in_my_account_logs_in_instead_of_a_code(client, worker):
    phone = SoftwareAuthenticator(ORIGIN)
    client.force_login(worker)
    assert register_passkey(client, phone).url == reverse("accounts:profile")
    assert "My phone" in client.get(reverse("accounts:profile")).content.decode()
    client.post(reverse("accounts:logout"))

    password_step(client)
    assert "Use a passkey" in client.get(reverse("accounts:verify")).content.decode()
    response, _credential = passkey_step(client, phone)
    assert response.status_code == 302 and response.url == reverse("dashboard")
    assert logged_in(client)
    assert AuditEntry.objects.filter(
        action="login", actor_id=worker.pk, detail__second_factor="passkey"
    ).exists()
    assert Passkey.objects.get(user=worker).sign_count == 2


def test_a_passkey_answer_is_accepted_once(client, worker):
    phone = SoftwareAuthenticator(ORIGIN)
    client.force_login(worker)
    register_passkey(client, phone)
    client.post(reverse("accounts:logout"))
    password_step(client)
    _response, credential = passkey_step(client, phone)
    client.post(reverse("accounts:logout"))

    password_step(client)
    client.post(reverse("accounts:passkey_login_options"))
    response = client.post(reverse("accounts:passkey_login"), {"credential": credential})
    assert response.url == reverse("accounts:verify")
    assert not logged_in(client)


def test_a_passkey_signed_with_another_key_is_refused_and_counted(client, worker):
    phone = SoftwareAuthenticator(ORIGIN)
    client.force_login(worker)
    register_passkey(client, phone)
    client.post(reverse("accounts:logout"))
    password_step(client)
    response, _ = passkey_step(client, phone, key=ec.generate_private_key(ec.SECP256R1()))
    assert response.url == reverse("accounts:verify")
    assert not logged_in(client)
    assert AuditEntry.objects.filter(action="login_failed", detail__step="passkey").exists()


def test_someone_elses_passkey_does_not_log_in(client, worker):
    other = make_user("other", Role.CASEWORKER, worker.active_memberships()[0].agency)
    phone = SoftwareAuthenticator(ORIGIN)
    client.force_login(other)
    register_passkey(client, phone)
    client.post(reverse("accounts:logout"))

    password_step(client)  # worker has no passkey: there is nothing to ask for
    assert client.post(reverse("accounts:passkey_login_options")).status_code == 400
    client.post(reverse("accounts:passkey_login"), {"credential": phone.get({"challenge": "x"})})
    assert not logged_in(client)


def test_a_passkey_made_for_another_site_is_not_registered(client, worker):
    client.force_login(worker)
    register_passkey(client, SoftwareAuthenticator("https://phishing.example"))
    assert not Passkey.objects.exists()
    assert "could not be registered" in client.get(reverse("accounts:profile")).content.decode()


def test_a_passkey_is_removed_in_my_account(client, worker):
    phone = SoftwareAuthenticator(ORIGIN)
    client.force_login(worker)
    register_passkey(client, phone)
    passkey = Passkey.objects.get()
    client.post(reverse("accounts:passkey_remove", args=[passkey.pk]))
    assert not Passkey.objects.exists()
    assert AuditEntry.objects.filter(action="delete", object_type="accounts.passkey").exists()


def test_nobody_removes_someone_elses_passkey(client, worker):
    other = make_user("other", Role.CASEWORKER, worker.active_memberships()[0].agency)
    client.force_login(worker)
    register_passkey(client, SoftwareAuthenticator(ORIGIN))
    client.force_login(other)
    client.post(reverse("accounts:passkey_remove", args=[Passkey.objects.get().pk]))
    assert Passkey.objects.count() == 1


# Reset, and the secret at rest


def test_a_reset_second_factor_is_set_up_anew_at_the_next_login(client, worker, reference):
    admin = make_user("admin", Role.CASEWORKER, worker.active_memberships()[0].agency)
    new_recovery_codes(worker)
    client.force_login(worker)
    register_passkey(client, SoftwareAuthenticator(ORIGIN))
    client.post(reverse("accounts:logout"))

    with acting_as(user=admin):
        removed = reset_second_factor(worker)

    assert removed == {"authenticator": 1, "recovery_codes": 10, "passkeys": 1}
    # One entry says it all: who reset whose factors, and what went.
    entry = AuditEntry.objects.get(object_id=str(worker.pk), actor_id=admin.pk)
    assert entry.action == "factor_reset" and entry.detail["passkeys"] == 1
    assert password_step(client).url == reverse("accounts:setup")


def test_the_authenticator_secret_is_encrypted_at_rest(worker):
    secret = TOTPDevice.objects.get(user=worker).secret
    with connection.cursor() as cursor:
        cursor.execute("SELECT secret FROM accounts_totpdevice WHERE user_id = %s", [worker.pk])
        stored = cursor.fetchone()[0]
    assert stored.startswith("enc1:") and secret not in stored


def test_the_migration_encrypts_secrets_stored_in_plain_text(client, worker):
    secret = pyotp.random_base32()
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE accounts_totpdevice SET secret = %s WHERE user_id = %s", [secret, worker.pk]
        )
    migration = importlib.import_module(
        "sangam.accounts.migrations.0002_second_factors_and_throttle"
    )
    migration.encrypt_secrets(None, SimpleNamespace(connection=connection))

    assert TOTPDevice.objects.get(user=worker).secret == secret
    password_step(client)
    client.post(reverse("accounts:verify"), {"code": totp_now(worker)})
    assert logged_in(client)
