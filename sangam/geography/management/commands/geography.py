import sys

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from sangam.audit.log import acting_as
from sangam.core.progress import ProgressBar
from sangam.geography import reference
from sangam.geography.importer import import_villages_from_path
from sangam.geography.models import District, State


def load_reference():
    """Create or update all states/UTs and districts. Idempotent."""
    with transaction.atomic():
        for iso, lgd, name, name_hi, is_ut in reference.states():
            State.objects.update_or_create(
                code=iso,
                defaults={
                    "lgd_code": lgd,
                    "name": name,
                    "name_hi": name_hi,
                    "is_union_territory": is_ut,
                },
            )
        states = {s.code: s for s in State.objects.all()}
        rows = reference.districts()
        # An LGD code given to another district than before (a correction) is
        # freed first, so that the unique code can move.
        owner = {lgd: code for _, code, lgd, _, _ in rows if lgd}
        for district in District.objects.filter(lgd_code__in=owner):
            if owner[district.lgd_code] != district.code:
                District.objects.filter(pk=district.pk).update(lgd_code=None)
        for iso, code, lgd, name, centre in rows:
            lat, lon = centre or (None, None)
            District.objects.update_or_create(
                code=code,
                defaults={
                    "state": states[iso],
                    "lgd_code": lgd,
                    "name": name,
                    "latitude": lat,
                    "longitude": lon,
                },
            )
    return State.objects.count(), District.objects.count()


class Command(BaseCommand):
    help = "Reference geography: `load` states and districts; `import FILE` villages from CSV."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("load", help="Load all states/UTs and districts (idempotent).")
        imp = sub.add_parser("import", help="Import blocks, gram panchayats and villages.")
        imp.add_argument(
            "path", help="UTF-8 CSV: state,district,block,gram_panchayat,village,village_lgd_code"
        )

    def handle(self, *args, action, **options):
        if action == "load":
            states, districts = load_reference()
            self.stdout.write(f"{states} states/UTs and {districts} districts loaded")
            return
        path = options["path"]
        try:
            with open(path, "rb") as f:
                total = max(sum(1 for _ in f) - 1, 0)
        except OSError as exc:
            raise CommandError(f"cannot read {path}: {exc.strerror}") from None
        bar = ProgressBar(total, stream=self.stderr)
        with acting_as(label="command:geography import"):
            report = import_villages_from_path(path, progress=bar.update)
        bar.close()
        if not report.committed:
            for line, message in report.errors:
                self.stderr.write(f"line {line}: {message}")
            if report.error_count > len(report.errors):
                self.stderr.write(f"… and {report.error_count - len(report.errors)} more")
            raise CommandError(f"nothing imported: {report.error_count} bad rows")
        self.stdout.write(
            f"{report.rows} rows: {report.villages_created} villages, {report.blocks_created} "
            f"blocks, {report.gram_panchayats_created} gram panchayats created"
        )
        sys.stdout.flush()
