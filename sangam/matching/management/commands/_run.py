"""Nightly: score every open missing-person report against every survivor,
re-estimate the linkage model when the registers are large enough, and
store candidates above the review threshold for the review queue; and find
survivors registered twice for a human to merge."""

from django.core.management.base import BaseCommand

from sangam.audit.log import acting_as
from sangam.matching import registers
from sangam.matching.engines import ENGINES


class Command(BaseCommand):
    help = "Match the missing persons register against survivors (whole registers)."

    def add_arguments(self, parser):
        parser.add_argument("--engine", choices=sorted(ENGINES), default="duckdb")

    def handle(self, *args, **options):
        with acting_as(label="match_registers"):
            stored = registers.run(engine=options["engine"], say=self.stderr.write)
            twice = registers.find_duplicate_survivors(engine=options["engine"])
        self.stdout.write(f"{stored} candidate matches waiting for review or updated.")
        self.stdout.write(f"{twice} survivors possibly registered twice, waiting for review.")
