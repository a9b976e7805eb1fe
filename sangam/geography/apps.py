from django.apps import AppConfig


class GeographyConfig(AppConfig):
    name = "sangam.geography"
    label = "geography"
