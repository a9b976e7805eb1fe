import pyotp
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Demo only: print the current two-factor code of the demo users."

    def handle(self, *args, **options):
        if not settings.DEMO_MODE:
            raise CommandError("only available when SANGAM_DEMO is on")
        from sangam.demo.agencies import DEMO_TOTP_SECRET

        self.stdout.write(pyotp.TOTP(DEMO_TOTP_SECRET).now())
