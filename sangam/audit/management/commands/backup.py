"""`sangam backup`: an encrypted pg_dump into the backup directory."""

import os
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from sangam.audit.backup import BackupError, make_backup


class Command(BaseCommand):
    help = (
        "Write an encrypted dump of the database (SANGAM_BACKUP_KEY) to SANGAM_BACKUP_DIR "
        "(default var/backups). Schedule it daily and copy the files off the machine."
    )

    def add_arguments(self, parser):
        parser.add_argument("--to", help="directory (default SANGAM_BACKUP_DIR)")
        parser.add_argument(
            "--keep", type=int, default=0, help="then delete all but the newest N backups there"
        )

    def handle(self, *args, to, keep, **options):
        directory = Path(to or os.environ.get("SANGAM_BACKUP_DIR", settings.VAR_DIR / "backups"))
        if keep < 0:
            raise CommandError("--keep is a number of backups, 0 or more")
        try:
            path = make_backup(directory)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        removed = 0
        if keep:
            for old in sorted(directory.glob("sangam-*.backup"))[:-keep]:
                old.unlink()
                removed += 1
        note = f"; removed {removed} older" if removed else ""
        self.stdout.write(f"backup written: {path} ({path.stat().st_size} bytes){note}")
