"""`sangam users create|set-role|deactivate|reactivate|reset-second-factor|list|prune-throttles`."""

from sangam.accounts.management.commands import _users
from sangam.core.commands import Subcommands


class Command(Subcommands):
    help = "People and roles: the first administrator, and scripts."
    subcommands = {
        "create": _users.Create,
        "set-role": _users.SetRole,
        "deactivate": _users.Deactivate,
        "reactivate": _users.Reactivate,
        "reset-second-factor": _users.ResetSecondFactor,
        "list": _users.List,
        "prune-throttles": _users.PruneThrottles,
    }
