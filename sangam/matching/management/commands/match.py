"""Old name of `sangam matching files`, kept for one release."""

from sangam.core.commands import alias
from sangam.matching.management.commands import _files

Command = alias(_files.Command, "match", "matching files")
