"""Deployment check: survivors' data keys must come from the environment."""

from django.core.checks import Error, Tags, register
from django.core.exceptions import ImproperlyConfigured


@register(Tags.security, deploy=True)
def data_keys_configured(app_configs, **kwargs):
    from sangam.cases import crypto

    crypto.data_keys.cache_clear()
    crypto.blind_index_key.cache_clear()
    try:
        crypto.data_keys()
        crypto.blind_index_key()
    except (ImproperlyConfigured, ValueError) as exc:
        return [Error(str(exc), id="sangam.E001")]
    return []
