from django.apps import AppConfig


class PreventionConfig(AppConfig):
    name = "sangam.prevention"
    # Keeps the contract files of LAYOUT.md (see core/registry.py).
    capability = True
    verbose_name = "Prevention in the village"
