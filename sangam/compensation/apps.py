from django.apps import AppConfig


class CompensationConfig(AppConfig):
    name = "sangam.compensation"
    # Keeps the contract files of LAYOUT.md (see core/registry.py).
    capability = True
    label = "compensation"
    verbose_name = "Victim compensation"

    def ready(self):
        from sangam.compensation import signals
        from sangam.justice.workflow import compensation_recommended

        compensation_recommended.connect(
            signals.on_compensation_recommended, dispatch_uid="compensation:court-recommended"
        )
