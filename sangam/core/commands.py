"""One management command per capability with subcommands
(`sangam prevention checkins`), each subcommand an ordinary command class."""

from django.core.management.base import BaseCommand


class Subcommands(BaseCommand):
    """``subcommands`` maps a verb to the command class that does it."""

    subcommands: dict = {}

    def add_arguments(self, parser):
        verbs = parser.add_subparsers(dest="subcommand", required=True, metavar="VERB")
        for verb, command in self.subcommands.items():
            command(stdout=self.stdout._out, stderr=self.stderr._out).add_arguments(
                verbs.add_parser(verb, help=command.help, description=command.help)
            )

    def handle(self, *args, subcommand, **options):
        command = self.subcommands[subcommand](stdout=self.stdout._out, stderr=self.stderr._out)
        command.style = self.style
        return command.handle(*args, **options)


def alias(command, old, new):
    """The command class under its old name, saying once where it moved."""

    class Alias(command):
        help = f"Old name of `sangam {new}` (kept for one release). {command.help}"

        def handle(self, *args, **options):
            self.stderr.write(f"`sangam {old}` is now `sangam {new}`; the old name goes soon.")
            return super().handle(*args, **options)

    return Alias
