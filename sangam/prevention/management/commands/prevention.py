"""`sangam prevention checkins|import|vulnerability`: the village registers' batch work."""

from sangam.core.commands import Subcommands
from sangam.prevention.management.commands import _checkins, _import_register, _vulnerability


class Command(Subcommands):
    help = "Village registers: daily check-in alerts, register imports, index rescoring."
    subcommands = {
        "checkins": _checkins.Command,
        "import": _import_register.Command,
        "vulnerability": _vulnerability.Command,
    }
