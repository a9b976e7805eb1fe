"""`sangam keys init`: random data keys for a development machine, written
once to the key file outside the repository (``make run`` runs it)."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from sangam.core import crypto


class Command(BaseCommand):
    help = (
        "`init`: write fresh random data keys to the key file (SANGAM_KEY_FILE, by default "
        "~/.config/sangam/keys, mode 0600) unless it exists or the environment gives the "
        "keys. Development only: production takes its keys from the environment."
    )
    # The key check would refuse to run the command that makes the keys.
    requires_system_checks = []

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("init", help="create the key file if it is missing")

    def handle(self, *args, action, **options):
        if settings.PRODUCTION:
            raise CommandError(
                "production takes SANGAM_DATA_KEYS and SANGAM_BLIND_INDEX_KEY from the "
                "environment (docs/operations.md, Keys)"
            )
        path = crypto.key_file()
        try:
            crypto.forget_keys()
            crypto.data_keys()
            crypto.blind_index_key()
            self.stdout.write(f"data keys: from the environment or {path}")
            return
        except ImproperlyConfigured as exc:
            problem = str(exc)
        if path.exists():  # never overwritten: the data may be encrypted with it
            raise CommandError(f"{problem}; fix {path} (never replace it while data uses it)")
        try:
            crypto.create_key_file(path)
        except ImproperlyConfigured as exc:
            raise CommandError(str(exc)) from None
        crypto.forget_keys()
        self.stdout.write(
            f"data keys: generated new random keys in {path} (mode 0600).\n"
            "  Everything personal in this database is encrypted with them: without this "
            "file it cannot be read. Back it up; never commit it."
        )
