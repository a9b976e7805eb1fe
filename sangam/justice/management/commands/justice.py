from django.core.management.base import BaseCommand

from sangam.audit.log import acting_as
from sangam.core.commands import Subcommands
from sangam.justice.reminders import escalate_missed


class Remind(BaseCommand):
    help = "Escalate the law's clocks that ran out: counts and a link to each agency."

    def handle(self, *args, **options):
        with acting_as(label="command:justice remind"):
            escalated = escalate_missed()
        self.stdout.write(f"escalated {escalated} missed clocks")


class Command(Subcommands):
    help = "Justice: `remind` escalates missed clocks (hourly)."
    subcommands = {"remind": Remind}
