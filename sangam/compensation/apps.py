from django.apps import AppConfig


class CompensationConfig(AppConfig):
    name = "sangam.compensation"
    # Keeps the contract files of LAYOUT.md (see core/registry.py).
    capability = True
    label = "compensation"
    verbose_name = "Victim compensation"
