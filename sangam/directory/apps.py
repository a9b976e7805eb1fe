from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "sangam.directory"
    # Keeps the contract files of LAYOUT.md (see core/registry.py).
    capability = True
    label = "directory"
    verbose_name = "Service directory"
