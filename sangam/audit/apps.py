from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "sangam.audit"
    label = "audit"

    def ready(self):
        from sangam.audit import checks  # noqa: F401 (registers the deploy check)
