"""Daily: raise alerts for missed migrant check-ins and escalate them
(CRP → block → AHTU). Run from cron, e.g. `sangam prevention checkins` at 06:00."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from sangam.audit.log import acting_as
from sangam.prevention.workflow import run_checkins


class Command(BaseCommand):
    help = "Raise and escalate alerts for missed check-ins of people who left their village."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Run as of this date (YYYY-MM-DD), e.g. to catch up.")
        parser.add_argument("--no-email", action="store_true", help="Do not e-mail anyone.")

    def handle(self, *args, **options):
        today = None
        if options["date"]:
            try:
                today = date.fromisoformat(options["date"])
            except ValueError:
                raise CommandError("--date must be YYYY-MM-DD") from None
        with acting_as(label="checkins"):
            raised, block, ahtu = run_checkins(today, notify=not options["no_email"])
        self.stdout.write(
            f"{raised} alerts raised, {block} escalated to the block, {ahtu} to the AHTU."
        )
