"""Failed logins, counted so that a burst cannot outrun them.

Every attempt is judged *after* its password hash (or second-factor code) has
been checked, inside one transaction holding row locks on two counters:

- the account from this address: ``LOGIN_FAILURE_LIMIT`` failures, then a
  lockout of ``LOGIN_LOCKOUT_MINUTES`` that doubles with each further
  failure, up to a day. This is what stops someone guessing from one place.
- the account from anywhere: ``LOGIN_ACCOUNT_FAILURE_LIMIT`` failures (many
  addresses guessing together), then a delay of one minute that doubles, up
  to ``LOGIN_LOCKOUT_MINUTES``. A stranger who knows a user's name locks her
  own address out for long, but the user for minutes at a time only.

While either is locked, no attempt gets a verdict — a right password is
refused like a wrong one — and every wrong one still counts. Counters are
forgotten a day after their last failure and on a successful login.
"""

import hashlib
import hmac
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sangam.accounts.models import LoginThrottle

MAX_LOCKOUT = timedelta(days=1)
FORGET_AFTER = timedelta(days=1)


@dataclass
class Verdict:
    allowed: bool  # the attempt was right and nothing was locked
    locked_until: object = None  # when locked: until when, else None

    @property
    def locked(self):
        return self.locked_until is not None

    def minutes_left(self):
        seconds = (self.locked_until - timezone.now()).total_seconds()
        return max(1, -(-int(seconds) // 60))

    def text(self):
        """What a locked-out person is told (in her language)."""
        return _("Too many failed attempts. This account is locked for %(minutes)s minutes.") % {
            "minutes": self.minutes_left()
        }


def _key(*parts):
    text = "\x1f".join(parts)
    return hmac.new(settings.SECRET_KEY.encode(), text.encode(), hashlib.sha256).hexdigest()


def _keys(username, address):
    name = (username or "").strip().casefold()
    return {
        "pair": _key("account-address", name, address or ""),
        "account": _key("account", name),
    }


def _delay(kind, failures):
    """How long a counter with this many failures stays locked (None: not)."""
    lockout = timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES)
    if kind == "pair":
        limit, first, longest = settings.LOGIN_FAILURE_LIMIT, lockout, MAX_LOCKOUT
    else:
        limit, first, longest = settings.LOGIN_ACCOUNT_FAILURE_LIMIT, timedelta(minutes=1), lockout
    if failures < limit:
        return None
    # 2**n passes any cap quickly; bounding n keeps the arithmetic small.
    return min(first * 2 ** min(failures - limit, 20), longest)


def _locked_counters(keys):
    """The counters, created if new, each under a row lock. Locks are taken
    in key order, so two attempts wait for each other but never deadlock."""
    while True:
        LoginThrottle.objects.bulk_create(
            [LoginThrottle(key=k) for k in keys.values()], ignore_conflicts=True
        )
        rows = {
            row.key: row
            for row in LoginThrottle.objects.select_for_update()
            .filter(key__in=keys.values())
            .order_by("key")
        }
        # A successful login elsewhere may have deleted a row between the
        # two statements: create it again.
        if len(rows) == len(keys):
            return {kind: rows[key] for kind, key in keys.items()}


def attempt(username, address, succeeded, finished=True):
    """Record one login attempt whose check (password hash, code) has been
    done: ``succeeded`` is its result. A right password before a second
    factor is not ``finished`` and forgets no failures: someone who knows
    the password must not get fresh guesses at the code with each login.
    Returns the Verdict to act on."""
    keys = _keys(username, address)
    now = timezone.now()
    with transaction.atomic():
        counters = _locked_counters(keys)
        for row in counters.values():
            if row.failures and now - row.updated_at > FORGET_AFTER:
                row.failures, row.locked_until = 0, None
        locked = [
            r.locked_until for r in counters.values() if r.locked_until and r.locked_until > now
        ]
        if succeeded and not locked:
            if finished:
                LoginThrottle.objects.filter(key__in=keys.values()).delete()
            return Verdict(allowed=True)
        if not succeeded:
            for kind, row in counters.items():
                row.failures += 1
                delay = _delay(kind, row.failures)
                if delay:
                    row.locked_until = max(row.locked_until or now, now + delay)
                    locked.append(row.locked_until)
                row.save(update_fields=["failures", "locked_until", "updated_at"])
        return Verdict(allowed=False, locked_until=max(locked) if locked else None)


def forget_old(now=None):
    """Delete the counters nobody has failed on for ``FORGET_AFTER`` (an
    attempt would reset them anyway, and no lockout outlasts that: it starts
    at the last failure and lasts at most MAX_LOCKOUT). Run daily by the
    scheduler: `sangam users prune-throttles`. Returns how many went."""
    now = now or timezone.now()
    return LoginThrottle.objects.filter(updated_at__lt=now - FORGET_AFTER).delete()[0]
