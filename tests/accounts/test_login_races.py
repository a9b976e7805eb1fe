"""Logins raced by concurrent requests, on PostgreSQL: every guess of a burst
counts, a right password hidden in a burst is not let through, and one TOTP
code logs in one session only. Each request runs in its own thread with its
own database connection; a barrier holds them all at the slow step (the
password hash, the code check) so that they really overlap."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.conf import settings
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from sangam.accounts import views
from sangam.accounts.models import LoginThrottle, TOTPDevice, User
from sangam.core.roles import Role
from tests.conftest import PASSWORD, make_agency, make_user, totp_now

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def row_locks(audit_flushable):
    if connection.vendor != "postgresql":
        pytest.skip("concurrent row locks need PostgreSQL; test_lockout covers SQLite")


class Counter:
    def __init__(self):
        self.value, self.lock = 0, threading.Lock()

    def increment(self):
        with self.lock:
            self.value += 1
            return self.value


def outcome(response):
    if response.status_code == 302:
        return "locked" if response.url == reverse("login") else "in"
    text = response.content.decode()
    if "locked" in text:
        return "locked"
    if "Wrong username or password." in text or "That code is not right" in text:
        return "wrong"
    return f"other {response.status_code}"


def in_threads(fn, args):
    def run(arg):
        try:
            return fn(arg)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=len(args)) as pool:
        return list(pool.map(run, args))


def hold_password_checks(monkeypatch, parties, before_verdict=None):
    """Every login's password hash is done at the same moment; then
    ``before_verdict(password)`` may hold one back further."""
    barrier = threading.Barrier(parties, timeout=30)
    real = views.authenticate

    def authenticate(request, username, password):
        user = real(request, username=username, password=password)
        barrier.wait()
        if before_verdict:
            before_verdict(password)
        return user

    monkeypatch.setattr(views, "authenticate", authenticate)


def log_in(password):
    client = Client(REMOTE_ADDR="203.0.113.7")
    return outcome(client.post(reverse("login"), {"username": "target", "password": password}))


def test_a_burst_of_wrong_passwords_gets_no_more_verdicts_than_the_limit(monkeypatch):
    User.objects.create_user(username="target", password=PASSWORD)
    burst = 30
    hold_password_checks(monkeypatch, burst)

    outcomes = in_threads(log_in, [f"guess-{i}" for i in range(burst)])

    # The guess that reaches the limit is answered "locked" already.
    assert outcomes.count("wrong") == settings.LOGIN_FAILURE_LIMIT - 1
    assert outcomes.count("locked") == burst - settings.LOGIN_FAILURE_LIMIT + 1
    counted = LoginThrottle.objects.order_by("failures").values_list("failures", flat=True)
    assert list(counted) == [burst, burst]  # the account, and the account from this address


def test_the_right_password_in_a_burst_of_wrong_ones_is_refused(monkeypatch):
    User.objects.create_user(username="target", password=PASSWORD)
    wrong = [f"guess-{i}" for i in range(24)]
    wrong_done = threading.Event()

    def right_one_last(password):
        # All 25 hashes were checked together; the right one is judged after
        # the wrong ones, as in a burst where it comes late.
        if password == PASSWORD:
            assert wrong_done.wait(30)

    hold_password_checks(monkeypatch, len(wrong) + 1, right_one_last)
    finished = Counter()

    def attempt(password):
        result = log_in(password)
        if password != PASSWORD and finished.increment() == len(wrong):
            wrong_done.set()
        return result

    outcomes = in_threads(attempt, wrong + [PASSWORD])

    assert outcomes[-1] == "locked"
    assert "in" not in outcomes


def test_one_totp_code_logs_in_one_of_ten_concurrent_sessions(reference, monkeypatch, settings):
    # Nine wrong answers must not lock the account first: this is about the code.
    settings.LOGIN_FAILURE_LIMIT = settings.LOGIN_ACCOUNT_FAILURE_LIMIT = 20
    user = make_user("target", Role.CASEWORKER, make_agency("IN-WB", "Malda"))
    sessions = []
    for _ in range(10):
        client = Client(REMOTE_ADDR="203.0.113.7")
        client.post(reverse("login"), {"username": "target", "password": PASSWORD})
        sessions.append(client)
    code = totp_now(user)
    barrier = threading.Barrier(len(sessions), timeout=30)
    real = TOTPDevice.totp

    def totp(device):
        barrier.wait()  # every session has read the device before any uses the code
        return real(device)

    monkeypatch.setattr(TOTPDevice, "totp", totp)

    outcomes = in_threads(
        lambda client: outcome(client.post(reverse("accounts:verify"), {"code": code})), sessions
    )

    assert outcomes.count("in") == 1
    assert outcomes.count("wrong") == 9
