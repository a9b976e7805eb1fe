from django.core.management.base import BaseCommand

from sangam.audit.log import acting_as
from sangam.compensation.reminders import escalate, remind
from sangam.core.commands import Subcommands


class Remind(BaseCommand):
    help = "Escalate claims past the inquiry limit; remind of interim relief due (daily)."

    def handle(self, *args, **options):
        with acting_as(label="command:compensation remind"):
            escalated = escalate()
            waiting, sent = remind()
        self.stdout.write(
            f"escalated {escalated} claims past the inquiry limit; "
            f"{waiting} claims waiting, {sent} reminders sent"
        )


class Command(Subcommands):
    help = "Victim compensation: `remind`."
    subcommands = {"remind": Remind}
