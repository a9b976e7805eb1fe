"""Start-up checks: the data keys must be there and well formed, on every
start (a server without them could not read or write anyone's record); and,
for deployment, the static files manifest exists (with the manifest storage
of production every `{% static %}` looks its file up in the manifest that
`collectstatic` writes; without it every page is a 500)."""

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


@register(Tags.staticfiles, deploy=True)
def static_manifest_written(app_configs, **kwargs):
    from django.contrib.staticfiles.storage import ManifestFilesMixin, staticfiles_storage

    storage = staticfiles_storage
    if not isinstance(storage, ManifestFilesMixin) or storage.exists(storage.manifest_name):
        return []
    return [
        Error(
            f"No static files manifest in {storage.location}: every page would fail.",
            hint="Run `sangam collectstatic --no-input` (make serve does) and check it exits 0.",
            id="sangam.E020",
        )
    ]
