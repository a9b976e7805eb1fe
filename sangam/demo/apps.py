from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "sangam.demo"
    label = "demo"
