import sys

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from sangam.audit.log import acting_as
from sangam.core.progress import ProgressBar
from sangam.geography import reference
from sangam.geography.importer import import_villages_from_path
from sangam.geography.models import District, State

STATE_FIELDS = ("lgd_code", "name", "name_hi", "is_union_territory")
DISTRICT_FIELDS = ("state_id", "lgd_code", "name", "latitude", "longitude")


def _sync(model, existing, wanted, fields):
    """Create the rows ``existing`` lacks and update those that differ, in
    bulk: an unchanged database costs the reads only (every test, `make run`
    and the demo seed load the reference)."""
    new, changed = [], []
    for code, values in wanted.items():
        row = existing.get(code)
        if row is None:
            new.append(model(code=code, **values))
        elif any(getattr(row, f) != values[f] for f in fields):
            for f in fields:
                setattr(row, f, values[f])
            changed.append(row)
    model.objects.bulk_update(changed, fields, batch_size=500)
    model.objects.bulk_create(new, batch_size=500)


def load_reference():
    """Create or update all states/UTs and districts. Idempotent."""
    with transaction.atomic():
        _sync(
            State,
            {s.code: s for s in State.objects.all()},
            {
                iso: dict(zip(STATE_FIELDS, (lgd, name, name_hi, is_ut), strict=True))
                for iso, lgd, name, name_hi, is_ut in reference.states()
            },
            STATE_FIELDS,
        )
        state_ids = dict(State.objects.values_list("code", "pk"))
        rows = reference.districts()
        # An LGD code given to another district than before (a correction) is
        # freed first, so that the unique code can move.
        owner = {lgd: code for _, code, lgd, _, _ in rows if lgd}
        existing = {d.code: d for d in District.objects.all()}
        freed = [
            d for d in existing.values() if d.lgd_code in owner and owner[d.lgd_code] != d.code
        ]
        District.objects.filter(pk__in=[d.pk for d in freed]).update(lgd_code=None)
        for district in freed:
            district.lgd_code = None
        wanted = {}
        for iso, code, lgd, name, centre in rows:
            lat, lon = centre or (None, None)
            wanted[code] = dict(
                zip(DISTRICT_FIELDS, (state_ids[iso], lgd, name, lat, lon), strict=True)
            )
        _sync(District, existing, wanted, DISTRICT_FIELDS)
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
