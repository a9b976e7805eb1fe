"""Old name of `sangam matching dedupe`, kept for one release."""

from sangam.core.commands import alias
from sangam.matching.management.commands import _dedupe

Command = alias(_dedupe.Command, "dedupe", "matching dedupe")
