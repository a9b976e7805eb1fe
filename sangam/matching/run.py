"""What `sangam matching files` and `sangam matching dedupe` do: read, link, write, summarise."""

import csv
import time

from sangam.core.exports import safe_row
from sangam.matching import records
from sangam.matching.engines import ENGINES
from sangam.matching.linker import Linker
from sangam.matching.settings import COMPARISONS

PAIR_HEADERS = {
    "match": ["missing_id", "found_id", "score", "rank"],
    "dedupe": ["id_1", "id_2", "score", "rank"],
}


def run(kind, inputs, out, *, threshold, engine="duckdb", explain=False, say=print):
    """Link or dedupe; returns the number of pairs written. Raises
    records.InputError for a file that cannot be read as a whole."""
    started = time.perf_counter()
    sides = []
    for i, (path, role) in enumerate(inputs):
        columns, report = records.read(path, role)
        for line in report.lines():
            say(line)
        if not columns["id"]:
            raise records.InputError(f"{path}: no usable rows")
        sides.append(records.number(columns, seed=i))
    db = ENGINES[engine]()
    try:
        linker = Linker(db, progress=say).run(*sides)
        header = PAIR_HEADERS[kind] + ([f"level_{c.name}" for c in COMPARISONS] if explain else [])
        written = 0
        with open(out, "w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(safe_row(header))
            for batch in linker.results(threshold, explain=explain):
                for row in batch:
                    writer.writerow(safe_row([row[0], row[1], f"{row[2]:.4f}", row[3], *row[4:]]))
                written += len(batch)
                say(f"written {written:,} pairs")
    finally:
        db.close()
    say(
        f"{written:,} candidate pairs with score >= {threshold} in {out} "
        f"({time.perf_counter() - started:.1f} s)"
    )
    return written
