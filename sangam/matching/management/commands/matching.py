"""`sangam matching run|files|dedupe`: finding the missing among survivors."""

from sangam.core.commands import Subcommands
from sangam.matching.management.commands import _dedupe, _files, _run


class Command(Subcommands):
    help = (
        "Finding the missing: `run` the registers (nightly), match two CSV `files`, "
        "`dedupe` one CSV."
    )
    subcommands = {"run": _run.Command, "files": _files.Command, "dedupe": _dedupe.Command}
