"""Deployment check: the static files manifest exists.

With the manifest storage of production every `{% static %}` looks its file
up in the manifest that `collectstatic` writes; without it every page is a
500. `sangam check --deploy` says so before the server starts.
"""

from django.core.checks import Error, Tags, register


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
