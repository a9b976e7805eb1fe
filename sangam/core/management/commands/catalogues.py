"""`sangam catalogues update` extracts every string into the catalogue of
each language in settings.LANGUAGES and compiles them; `sangam catalogues
check` lists what is left to translate (exit status 1 if anything is)."""

import os

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from sangam.core import catalogues
from sangam.core.commands import Subcommands


class Update(BaseCommand):
    help = "Extract strings into every language's catalogue and compile them."

    def handle(self, *args, **options):
        # makemessages reads the source tree below the working directory.
        cwd = os.getcwd()
        os.chdir(settings.BASE_DIR)
        try:
            call_command(
                "makemessages", locale=catalogues.languages(), no_obsolete=True, verbosity=0
            )
            call_command("compilemessages", verbosity=0)
        finally:
            os.chdir(cwd)
        self.stdout.write("Catalogues updated: " + ", ".join(catalogues.languages()))


class Check(BaseCommand):
    help = "List untranslated and fuzzy entries per language; fail if there are any."

    def add_arguments(self, parser):
        parser.add_argument("language", nargs="*", help="codes (default: settings.LANGUAGES)")

    def handle(self, *args, language=(), **options):
        absent, missing = [], 0
        for code in language or catalogues.languages():
            po = catalogues.path(code)
            if not po.exists():
                self.stdout.write(f"{code}: no catalogue ({po})")
                absent.append(code)
                continue
            left = catalogues.to_translate(po)
            self.stdout.write(f"{code}: {len(left)} to translate")
            for entry in left:
                state = "fuzzy" if entry.fuzzy else "untranslated"
                self.stdout.write(f"  [{state}] {entry.msgid!r}")
            missing += len(left)
        if absent or missing:
            raise CommandError(
                f"{missing} entries left to translate; no catalogue for: {', '.join(absent) or '-'}"
            )


class Command(Subcommands):
    help = "Sangam's translation catalogues, one per language in settings.LANGUAGES."
    subcommands = {"update": Update, "check": Check}
