from django.apps import AppConfig


class ReferralsConfig(AppConfig):
    name = "sangam.referrals"
    # Keeps the contract files of LAYOUT.md (see core/registry.py).
    capability = True
    label = "referrals"
