"""Failed logins, one after another (any database): per account and address
with doubling lockouts, per account from anywhere with short ones, every
guess counted, and the verdict withheld while locked."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from sangam.accounts import throttle
from sangam.accounts.models import LoginThrottle
from sangam.core.roles import Role
from tests.conftest import PASSWORD, make_agency, make_user, totp_now


@pytest.fixture
def worker(reference):
    return make_user("worker", Role.CASEWORKER, make_agency("IN-WB", "Malda"))


def log_in(client, password=PASSWORD, address="198.51.100.1", username="worker"):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )


def is_locked(response):
    return response.status_code == 200 and "locked" in response.content.decode()


def minutes_locked(username, address):
    verdict = throttle.attempt(username, address, succeeded=False)
    return round((verdict.locked_until - timezone.now()).total_seconds() / 60)


def test_a_stranger_guessing_from_one_address_does_not_lock_the_user_out_elsewhere(client, worker):
    for _ in range(settings.LOGIN_FAILURE_LIMIT):
        log_in(client, "wrong-password", address="203.0.113.66")
    assert is_locked(log_in(client, PASSWORD, address="203.0.113.66"))

    response = log_in(client, PASSWORD, address="198.51.100.1")
    assert response.status_code == 302
    assert response.url == reverse("accounts:verify")


def test_the_lockout_from_one_address_doubles_with_each_further_guess(db, settings):
    settings.LOGIN_LOCKOUT_MINUTES = 15
    for _ in range(settings.LOGIN_FAILURE_LIMIT - 1):
        assert not throttle.attempt("someone", "203.0.113.66", succeeded=False).locked
    assert [minutes_locked("someone", "203.0.113.66") for _ in range(4)] == [15, 30, 60, 120]
    for _ in range(20):
        throttle.attempt("someone", "203.0.113.66", succeeded=False)
    assert minutes_locked("someone", "203.0.113.66") == 24 * 60


def test_guesses_from_many_addresses_lock_the_account_for_minutes_only(client, worker, settings):
    limit = settings.LOGIN_ACCOUNT_FAILURE_LIMIT
    for i in range(limit):
        log_in(client, "wrong-password", address=f"203.0.113.{i}")
    # Locked everywhere, also for the right password from her own address...
    assert is_locked(log_in(client, PASSWORD))
    row = LoginThrottle.objects.get(key=throttle._keys("worker", "")["account"])
    assert row.locked_until - timezone.now() <= timedelta(minutes=2)
    # ...but however long the guessing goes on, never longer than the lockout.
    for i in range(100):
        log_in(client, "wrong-password", address=f"192.0.2.{i}")
    row.refresh_from_db()
    assert row.locked_until - timezone.now() <= timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES)


def test_every_guess_counts_while_locked_and_none_gets_a_verdict(client, worker):
    for _ in range(settings.LOGIN_FAILURE_LIMIT + 3):
        response = log_in(client, "wrong-password")
    assert is_locked(response)
    assert is_locked(log_in(client, PASSWORD))
    pair = LoginThrottle.objects.get(key=throttle._keys("worker", "198.51.100.1")["pair"])
    assert pair.failures == settings.LOGIN_FAILURE_LIMIT + 3


def test_a_right_password_does_not_give_fresh_guesses_at_the_code(client, worker):
    for _ in range(settings.LOGIN_FAILURE_LIMIT - 1):
        log_in(client)
        client.post(reverse("accounts:verify"), {"code": "000000"}, REMOTE_ADDR="198.51.100.1")
    log_in(client)
    response = client.post(
        reverse("accounts:verify"), {"code": "000000"}, REMOTE_ADDR="198.51.100.1"
    )
    assert response.url == reverse("login")
    assert is_locked(log_in(client))


def test_a_full_login_forgets_the_failures(client, worker):
    for _ in range(settings.LOGIN_FAILURE_LIMIT - 1):
        log_in(client, "wrong-password")
    log_in(client)
    client.post(reverse("accounts:verify"), {"code": totp_now(worker)}, REMOTE_ADDR="198.51.100.1")
    assert not LoginThrottle.objects.exists()


def test_failures_are_forgotten_a_day_after_the_last_one(db):
    for _ in range(settings.LOGIN_FAILURE_LIMIT - 1):
        throttle.attempt("someone", "203.0.113.66", succeeded=False)
    LoginThrottle.objects.update(updated_at=timezone.now() - timedelta(days=1, minutes=1))
    assert not throttle.attempt("someone", "203.0.113.66", succeeded=False).locked
    assert set(LoginThrottle.objects.values_list("failures", flat=True)) == {1}


def test_counters_hold_no_name_in_clear(db):
    throttle.attempt("asha.kumari", "203.0.113.66", succeeded=False)
    keys = " ".join(LoginThrottle.objects.values_list("key", flat=True))
    assert "asha" not in keys and "203.0.113" not in keys


def test_guesses_at_the_old_password_when_changing_it_are_counted_like_logins(client, worker):
    client.force_login(worker)
    url = reverse("accounts:password_change")

    def change(old):
        new = "a-new-synthetic-passphrase-42"
        form = {"old_password": old, "new_password1": new, "new_password2": new}
        return client.post(url, form, REMOTE_ADDR="198.51.100.9")

    for _ in range(settings.LOGIN_FAILURE_LIMIT):
        assert change("wrong-password").status_code == 200
    # Locked now: the right old password is refused like a wrong one.
    page = change(PASSWORD)
    assert page.status_code == 200 and "locked" in page.content.decode()
    worker.refresh_from_db()
    assert worker.check_password(PASSWORD)
    # And the lock holds for logging in from that address too.
    client.logout()
    assert is_locked(log_in(client, PASSWORD, address="198.51.100.9"))


def test_counters_a_day_old_are_forgotten_and_a_running_lockout_is_kept(db, worker):
    from django.core.management import call_command

    throttle.attempt("someone", "203.0.113.8", succeeded=False)
    LoginThrottle.objects.update(updated_at=timezone.now() - timedelta(days=1, minutes=1))
    for _ in range(settings.LOGIN_FAILURE_LIMIT):
        throttle.attempt("worker", "203.0.113.7", succeeded=False)  # locked now
    assert LoginThrottle.objects.count() == 4
    call_command("users", "prune-throttles")
    assert LoginThrottle.objects.count() == 2  # the worker's pair and account
    assert throttle.attempt("worker", "203.0.113.7", succeeded=True).locked
