"""`sangam compensation <verb>`."""

from django.core.management.base import BaseCommand

from sangam.audit.log import acting_as
from sangam.compensation.models import BondedLabourScheme
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


class Schemes(BaseCommand):
    help = "List the bonded-labour scheme's versions: in force, published, verified."

    def add_arguments(self, parser):
        pass

    def handle(self, *args, **options):
        for version in BondedLabourScheme.objects.prefetch_related("categories"):
            state = "published" if version.is_published else "draft"
            checked = "verified" if version.verified else "verify against the notified scheme"
            until = version.in_force_until or "—"
            self.stdout.write(
                f"{version.code}: {version.in_force_from} to {until}, {state}, {checked}; "
                f"immediate assistance up to {version.immediate_assistance_limit}"
            )
            for row in version.categories.all():
                self.stdout.write(
                    f"  {row.code}: {row.amount} (annuity at least {row.annuity_minimum})"
                )


class Command(Subcommands):
    help = "Compensation and rehabilitation: `remind`, `schemes`."
    subcommands = {"remind": Remind, "schemes": Schemes}
