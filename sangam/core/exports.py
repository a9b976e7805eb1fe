"""Cells of exported spreadsheets (CSV, XLSX) that cannot attack the reader.

A spreadsheet program runs a cell beginning with ``=``, ``+``, ``-`` or ``@``
as a formula (and some drop a leading tab or carriage return first), so a
village named ``=HYPERLINK(...)`` typed by one user becomes a live link or
command on another user's machine. Every export writes its text cells through
``safe_cell`` (OWASP's rule: such a cell is prefixed with a single quote, which
the program shows as text). Only text is changed: numbers written as numbers
stay numbers. Readers of files Sangam itself exports (the HSDS and HTCDS
imports) undo the prefix with ``restore_cell``, so a round trip keeps the value.
"""

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """``value``, with a quote in front if it is text a spreadsheet would run."""
    if isinstance(value, str) and value.startswith(TRIGGERS):
        return "'" + value
    return value


def safe_row(values):
    return [safe_cell(v) for v in values]


def safe_dict(row):
    return {k: safe_cell(v) for k, v in row.items()}


def restore_cell(value):
    """The value ``safe_cell`` was given, from a cell of an exported file."""
    if isinstance(value, str) and value.startswith("'") and value[1:2] and value[1] in "=+-@\t\r":
        return value[1:]
    return value
