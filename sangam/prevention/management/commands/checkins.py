"""Old name of `sangam prevention checkins`, kept for one release."""

from sangam.core.commands import alias
from sangam.prevention.management.commands import _checkins

Command = alias(_checkins.Command, "checkins", "prevention checkins")
