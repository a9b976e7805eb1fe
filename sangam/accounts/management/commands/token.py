from django.core.management.base import BaseCommand, CommandError

from sangam.accounts.models import APIToken, User
from sangam.audit import log
from sangam.core.access import SYSTEM


class Command(BaseCommand):
    help = "API tokens: `sangam token create USERNAME --name NAME [--days N]`."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create")
        create.add_argument("username")
        create.add_argument("--name", required=True)
        create.add_argument("--days", type=int, default=90)

    def handle(self, *args, action, username, name, days, **options):
        user = User.objects.restrict(SYSTEM).filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError("no active user with that username")
        if not 1 <= days <= 365:
            raise CommandError("--days must be between 1 and 365")
        with log.acting_as(label="command:token"):
            token, raw = APIToken.issue(user, name, days)
            log.record("create", "accounts.apitoken", token.pk)
        self.stdout.write(raw)
