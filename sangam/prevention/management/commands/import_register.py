"""Old name of `sangam prevention import`, kept for one release."""

from sangam.core.commands import alias
from sangam.prevention.management.commands import _import_register

Command = alias(_import_register.Command, "import_register", "prevention import")
