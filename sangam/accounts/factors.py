"""Second factors besides the authenticator app: recovery codes, and the
reset of them all when someone has lost her phone."""

import secrets

from django.db import transaction
from django.utils import timezone

from sangam.accounts.models import Passkey, RecoveryCode, TOTPDevice
from sangam.audit import log

RECOVERY_CODES = 10
# 31 letters and digits that cannot be mistaken for one another; 16 of them
# are about 80 bits, so a stored SHA-256 cannot be searched back.
ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
CODE_LENGTH = 16


def _new_code():
    raw = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, CODE_LENGTH, 4))


def new_recovery_codes(user):
    """Replace the user's recovery codes with fresh ones and return them: the
    only time they exist in plain text."""
    codes = [_new_code() for _ in range(RECOVERY_CODES)]
    with transaction.atomic():
        RecoveryCode.objects.filter(user=user).delete()
        RecoveryCode.objects.bulk_create(
            RecoveryCode(user=user, digest=RecoveryCode.digest_of(code)) for code in codes
        )
        log.record(
            "create", "accounts.recoverycode", "", detail={"user": user.pk, "count": len(codes)}
        )
    return codes


def use_recovery_code(user, code):
    """Spend one recovery code; True if it was the user's and unused. The
    conditional UPDATE lets one of two concurrent uses through."""
    return bool(
        RecoveryCode.objects.filter(
            user=user, digest=RecoveryCode.digest_of(code), used_at__isnull=True
        ).update(used_at=timezone.now())
    )


def recovery_codes_left(user):
    return RecoveryCode.objects.filter(user=user, used_at__isnull=True).count()


def reset_second_factor(user, **detail):
    """Remove the user's authenticator app, recovery codes and passkeys: at
    her next login she sets up a new authenticator. One "factor_reset" entry,
    as done by the current actor (log.acting_as), with ``detail`` (the
    agency it was done for) and what was removed."""
    with transaction.atomic():
        removed = {
            "authenticator": TOTPDevice.objects.filter(user=user).delete()[0],
            "recovery_codes": RecoveryCode.objects.filter(user=user).delete()[0],
            "passkeys": Passkey.objects.filter(user=user).delete()[0],
        }
        log.record("factor_reset", "accounts.user", user.pk, detail={**detail, **removed})
    return removed
