"""Old name of `sangam matching run`, kept for one release."""

from sangam.core.commands import alias
from sangam.matching.management.commands import _run

Command = alias(_run.Command, "match_registers", "matching run")
