from django.core.management.base import BaseCommand, CommandError

from sangam.audit.log import verify


class Command(BaseCommand):
    help = "Work with the audit trail. `sangam audit verify` checks the hash chain."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("verify", help="Check that no entry was altered or removed.")

    def handle(self, *args, action, **options):
        checked, problem = verify()
        if problem:
            seq, reason = problem
            raise CommandError(
                f"audit trail broken at entry {seq}: {reason} "
                f"({checked} entries before it are intact)"
            )
        self.stdout.write(self.style.SUCCESS(f"audit trail intact: {checked} entries verified"))
