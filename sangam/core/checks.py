"""Start-up check: the data keys must be there and well formed, on every
start (a server without them could not read or write anyone's record)."""

from django.core.checks import Error, Tags, register
from django.core.exceptions import ImproperlyConfigured


@register(Tags.security)
def data_keys_configured(app_configs, **kwargs):
    from sangam.core import crypto

    crypto.forget_keys()
    try:
        crypto.data_keys()
        crypto.blind_index_key()
    except ImproperlyConfigured as exc:
        return [Error(str(exc), id="sangam.E001")]
    return []
