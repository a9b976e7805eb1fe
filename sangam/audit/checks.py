"""Deployment check: the audit key must come from the environment."""

from django.core.checks import Error, Tags, register
from django.core.exceptions import ImproperlyConfigured


@register(Tags.security, deploy=True)
def audit_key_configured(app_configs, **kwargs):
    from sangam.audit import keys

    keys.audit_key.cache_clear()
    try:
        keys.audit_key()
    except ImproperlyConfigured as exc:
        return [Error(str(exc), id="sangam.E010")]
    return []
