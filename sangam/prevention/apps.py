from django.apps import AppConfig


class PreventionConfig(AppConfig):
    name = "sangam.prevention"
    verbose_name = "Prevention in the village"
