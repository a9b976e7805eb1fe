from django.apps import AppConfig


class AgenciesConfig(AppConfig):
    name = "sangam.agencies"
    label = "agencies"
