"""Second factors a person has set up (today an authenticator app, TOTP)."""

from sangam.accounts.models import TOTPDevice


def reset_second_factor(user):
    """Forget every second factor ``user`` has set up: at her next login she
    sets up a new one, as at her first. The caller audits who reset it."""
    TOTPDevice.objects.filter(user=user).delete()
