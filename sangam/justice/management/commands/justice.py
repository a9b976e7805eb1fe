import time

from django.core.management.base import BaseCommand

from sangam.audit.log import acting_as
from sangam.core.commands import Subcommands
from sangam.justice import networks
from sangam.justice.reminders import escalate_missed


class Remind(BaseCommand):
    help = "Escalate the law's clocks that ran out: counts and a link to each agency."

    def handle(self, *args, **options):
        with acting_as(label="command:justice remind"):
            escalated = escalate_missed()
        self.stdout.write(f"escalated {escalated} missed clocks")


class Link(BaseCommand):
    help = (
        "Propose links between accused in different cases, and to recruiters in the "
        "registry, from shared phones, names and vehicles (nightly)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reindex",
            action="store_true",
            help="Rebuild every accused record's keys first (after an upgrade).",
        )

    def handle(self, *args, reindex=False, **options):
        with acting_as(label="command:justice link"):
            if reindex:
                started = time.monotonic()
                keyed = networks.index_all()
                self.stdout.write(f"keyed {keyed} accused records in {_since(started)}")
            started = time.monotonic()
            networks.index_recruiters()
            proposed, withdrawn = networks.propose()
        self.stdout.write(f"proposed {proposed} links, withdrew {withdrawn} in {_since(started)}")


def _since(started):
    return f"{time.monotonic() - started:.1f} s"


class Command(Subcommands):
    help = "Justice: `remind` escalates missed clocks (hourly); `link` proposes accused links."
    subcommands = {"remind": Remind, "link": Link}
