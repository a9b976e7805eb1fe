from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "sangam.core"
    label = "core"

    def ready(self):
        from sangam.core import access, checks  # noqa: F401 (checks registers the key and deploy checks)
        from sangam.core.models import connect_delete_logging

        access.load_grants()
        connect_delete_logging()
