from django.apps import AppConfig


class MatchingConfig(AppConfig):
    name = "sangam.matching"
    verbose_name = "Finding the missing (record linkage)"
