from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "sangam.directory"
    label = "directory"
    verbose_name = "Service directory"
