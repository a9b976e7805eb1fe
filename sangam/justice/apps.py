from django.apps import AppConfig


class JusticeConfig(AppConfig):
    name = "sangam.justice"
    # Keeps the contract files of LAYOUT.md (see core/registry.py).
    capability = True
    label = "justice"

    def ready(self):
        from django.db.models.signals import post_save

        from sangam.justice import signals
        from sangam.matching.signals import match_confirmed

        match_confirmed.connect(
            signals.on_match_confirmed, dispatch_uid="justice:booked-as-missing"
        )
        post_save.connect(
            signals.on_risk_flag_saved, sender="cases.RiskFlag", dispatch_uid="justice:threats"
        )
