from django.apps import AppConfig


class JusticeConfig(AppConfig):
    name = "sangam.justice"
    # Keeps the contract files of LAYOUT.md (see core/registry.py).
    capability = True
    label = "justice"
