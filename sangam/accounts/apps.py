from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "sangam.accounts"
    label = "accounts"
