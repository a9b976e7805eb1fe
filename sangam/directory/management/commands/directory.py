from django.core.management.base import BaseCommand, CommandError

from sangam.audit.log import acting_as
from sangam.directory import exchange
from sangam.directory.stale import notify_stale


class Command(BaseCommand):
    help = (
        "Service directory: `export --format hsds-json|hsds-csv PATH`, `import PATH` "
        "(HSDS JSON file, CSV folder or .zip), `stale` (tell district administrations "
        "which entries need verifying; run daily)."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        exp = sub.add_parser("export", help="Export the directory as HSDS 3.0.")
        exp.add_argument("--format", choices=["hsds-json", "hsds-csv"], default="hsds-json")
        exp.add_argument("path")
        imp = sub.add_parser("import", help="Import HSDS 3.0 data (all or nothing).")
        imp.add_argument("path")
        sub.add_parser("stale", help="E-mail district officials their stale entries.")

    def handle(self, *args, action, **options):
        if action == "export":
            path = options["path"]
            if options["format"] == "hsds-json":
                n = exchange.export_json(path)
                self.stdout.write(f"exported {n} organizations to {path}")
            else:
                n = exchange.export_csv(path)
                self.stdout.write(f"exported {n} HSDS rows to {path}")
            return
        if action == "stale":
            sent = notify_stale()
            self.stdout.write(f"notified {sent} district administrations")
            return
        try:
            with acting_as(label="command:directory import"):
                report = exchange.import_path(options["path"])
        except (exchange.ImportFileError, OSError) as exc:
            raise CommandError(str(exc)) from None
        for pointer, reason in report.warnings:
            self.stderr.write(f"warning {pointer}: {reason}")
        if not report.committed:
            for pointer, reason in report.errors[:200]:
                self.stderr.write(f"error {pointer}: {reason}")
            more = len(report.errors) - 200
            if more > 0:
                self.stderr.write(f"… and {more} more errors")
            raise CommandError(f"{len(report.errors)} invalid records; nothing was imported")
        summary = ", ".join(f"{n} {table}" for table, n in report.counts.items() if n)
        self.stdout.write(f"imported {summary}")
