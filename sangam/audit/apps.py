from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "sangam.audit"
    label = "audit"
