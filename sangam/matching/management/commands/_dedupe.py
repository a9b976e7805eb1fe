from django.core.management.base import BaseCommand, CommandError

from sangam.matching.management.commands._files import threshold
from sangam.matching.records import InputError
from sangam.matching.run import run
from sangam.matching.settings import DEFAULT_THRESHOLD


class Command(BaseCommand):
    help = (
        "Find people recorded twice in one file: --input PEOPLE.csv --out PAIRS.csv "
        "[--threshold T]. Columns: id,name,sex,age,date,father_name,state,district,"
        "village,language. Writes id_1,id_2,score,rank."
    )

    def add_arguments(self, parser):
        parser.add_argument("--input", required=True)
        parser.add_argument("--out", required=True)
        parser.add_argument("--threshold", type=threshold, default=DEFAULT_THRESHOLD)
        parser.add_argument("--engine", choices=["duckdb", "spark"], default="duckdb")
        parser.add_argument("--explain", action="store_true")

    def handle(self, *args, **options):
        try:
            run(
                "dedupe",
                [(options["input"], "people")],
                options["out"],
                threshold=options["threshold"],
                engine=options["engine"],
                explain=options["explain"],
                say=self.stdout.write,
            )
        except (InputError, OSError) as exc:
            raise CommandError(str(exc)) from None
