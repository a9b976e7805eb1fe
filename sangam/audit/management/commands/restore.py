"""`sangam restore FILE DATABASE_URL`: an encrypted backup into a new database."""

import dj_database_url
from django.core.management.base import BaseCommand, CommandError

from sangam.audit.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Restore a backup made by `sangam backup` into DATABASE_URL, an existing empty "
        "PostgreSQL database (never the one in use). Needs SANGAM_BACKUP_KEY."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("database_url")

    def handle(self, *args, file, database_url, **options):
        try:
            restore(file, dj_database_url.parse(database_url))
        except (BackupError, OSError) as exc:
            raise CommandError(f"not restored: {exc}") from exc
        self.stdout.write("restored; now run `sangam audit verify --allow-newer-anchors` on it")
