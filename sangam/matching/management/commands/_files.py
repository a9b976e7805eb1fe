from django.core.management.base import BaseCommand, CommandError

from sangam.matching.records import InputError
from sangam.matching.run import run
from sangam.matching.settings import DEFAULT_THRESHOLD


def threshold(text):
    value = float(text)
    if not 0 <= value <= 1:
        raise ValueError(text)
    return value


class Command(BaseCommand):
    help = (
        "Match missing-person records to found persons: "
        "--missing MISSING.csv --found FOUND.csv --out MATCHES.csv [--threshold T]. "
        "Writes missing_id,found_id,score,rank for candidate pairs with score >= T "
        f"(default {DEFAULT_THRESHOLD}: low on purpose, for review; rank orders each "
        "found person's candidates)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--missing", required=True)
        parser.add_argument("--found", required=True)
        parser.add_argument("--out", required=True)
        parser.add_argument("--threshold", type=threshold, default=DEFAULT_THRESHOLD)
        parser.add_argument("--engine", choices=["duckdb", "spark"], default="duckdb")
        parser.add_argument(
            "--explain", action="store_true", help="add each field's comparison level"
        )

    def handle(self, *args, **options):
        try:
            run(
                "match",
                [(options["missing"], "missing"), (options["found"], "found")],
                options["out"],
                threshold=options["threshold"],
                engine=options["engine"],
                explain=options["explain"],
                say=self.stdout.write,
            )
        except (InputError, OSError) as exc:
            raise CommandError(str(exc)) from None
