from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "sangam.jobs"
    label = "jobs"
