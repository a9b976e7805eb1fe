from django.apps import AppConfig


class ReferralsConfig(AppConfig):
    name = "sangam.referrals"
    label = "referrals"
