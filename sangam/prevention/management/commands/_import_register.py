"""Import a village register from CSV or XLSX:
`sangam prevention import households FILE --as USERNAME`."""

import sys

from django.core.management.base import BaseCommand, CommandError

from sangam.accounts.models import User
from sangam.audit.log import acting_as
from sangam.core.access import SYSTEM
from sangam.core.progress import ProgressBar
from sangam.prevention.imports import REGISTERS, import_register


class Command(BaseCommand):
    help = "Import a register (households, members, migrations, marriages, missing)."

    def add_arguments(self, parser):
        parser.add_argument("register", choices=sorted(REGISTERS))
        parser.add_argument("path")
        parser.add_argument(
            "--as", dest="username", help="Import within this user's jurisdiction (default: all)."
        )

    def handle(self, *args, **options):
        user = SYSTEM
        if options["username"]:
            user = User.objects.restrict(SYSTEM).filter(username=options["username"]).first()
            if user is None:
                raise CommandError("No such user.")
        bar = ProgressBar(None, sys.stderr)
        try:
            f = open(options["path"], "rb")
        except OSError as exc:
            raise CommandError(f"Cannot open {options['path']}: {exc.strerror}") from None
        with f, acting_as(user=None if user is SYSTEM else user, label="import_register"):
            report = import_register(
                options["register"], f, options["path"], user, progress=bar.update
            )
        bar.close()
        if not report.committed:
            for line, column, problem in report.errors[:50]:
                self.stderr.write(f"line {line}, {column}: {problem}")
            raise CommandError(f"Nothing imported: {report.error_count} problems.")
        self.stdout.write(f"{report.rows} rows read, {report.written} written.")
