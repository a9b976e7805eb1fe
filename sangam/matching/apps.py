from django.apps import AppConfig


class MatchingConfig(AppConfig):
    name = "sangam.matching"
    # Keeps the contract files of LAYOUT.md (see core/registry.py).
    capability = True
    verbose_name = "Finding the missing (record linkage)"

    def ready(self):
        from django.db.models.signals import post_save

        from sangam.core.imports import imported
        from sangam.matching import signals
        from sangam.prevention.models import MissingPerson

        for label in signals.SIDES:
            post_save.connect(signals.on_saved, sender=label, dispatch_uid=f"matching:{label}")
        imported.connect(
            signals.on_imported, sender=MissingPerson, dispatch_uid="matching:imported"
        )
