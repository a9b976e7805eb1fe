from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "sangam.core"
    label = "core"

    def ready(self):
        from sangam.core import access

        access.load_grants()
