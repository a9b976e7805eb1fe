from django.apps import AppConfig


class MatchingConfig(AppConfig):
    name = "sangam.matching"
    # Keeps the contract files of LAYOUT.md (see core/registry.py).
    capability = True
    verbose_name = "Finding the missing (record linkage)"
