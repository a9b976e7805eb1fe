from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "sangam.cases"
    # Keeps the contract files of LAYOUT.md (see core/registry.py).
    capability = True
    label = "cases"
    verbose_name = "Survivor case management"

    def ready(self):
        from sangam.cases.consent import consent_q, orders_q, serving_q
        from sangam.core.access import register_consent_provider, register_scope

        register_consent_provider(consent_q)
        register_scope("serving", serving_q)
        register_scope("orders", orders_q)
