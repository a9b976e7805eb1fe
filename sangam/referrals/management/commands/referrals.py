from django.core.management.base import BaseCommand

from sangam.audit.log import acting_as
from sangam.referrals.reminders import escalate_overdue, remind_external


class Command(BaseCommand):
    help = "`remind`: escalate overdue referrals and remind senders to follow up external ones."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("remind", help="Run every hour or so.")

    def handle(self, *args, action, **options):
        with acting_as(label="command:referrals remind"):
            escalated = escalate_overdue()
            reminded = remind_external()
        self.stdout.write(
            f"escalated {escalated} overdue referrals; {reminded} follow-up reminders"
        )
