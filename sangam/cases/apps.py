from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "sangam.cases"
    # Keeps the contract files of LAYOUT.md (see core/registry.py).
    capability = True
    label = "cases"
    verbose_name = "Survivor case management"

    def ready(self):
        from sangam.cases.consent import consent_q
        from sangam.core.access import register_consent_provider

        register_consent_provider(consent_q)
