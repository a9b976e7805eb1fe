"""Import a synthetic national village list through the same path users use.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/sangam_bench \\
        .venv/bin/python benchmarks/import_villages.py --villages 650000

Writes a CSV of N villages under real districts (about 6,600 blocks and
250,000 gram panchayats at national scale), migrates the database, loads the
reference data, then runs sangam.geography.importer on the file and prints
rows/second and peak memory. It also imports the first tenth of the file into
a fresh database first, so that peak memory at two sizes can be compared
(target: at least 20,000 rows/s; memory flat as the file grows).

Use a database of its own: the script flushes the geography tables it fills.
"""

import argparse
import csv
import os
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sangam.site.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from sangam.geography.importer import import_villages_from_path  # noqa: E402
from sangam.geography.models import Block, District, GramPanchayat, Village  # noqa: E402

VILLAGES_PER_GP = 2.6  # ~650,000 villages / ~250,000 gram panchayats
GPS_PER_BLOCK = 38


def write_csv(path, n):
    districts = list(District.objects.values_list("state__code", "code"))
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(
            ["state", "district", "block", "gram_panchayat", "village", "village_lgd_code"]
        )
        for i in range(n):
            gp = int(i / VILLAGES_PER_GP)
            block = gp // GPS_PER_BLOCK
            state, district = districts[block % len(districts)]
            writer.writerow(
                [
                    state,
                    district,
                    f"Synth Block {block}",
                    f"Synth GP {gp}",
                    f"Synthgaon {i}",
                    100000 + i,
                ]
            )


def clear():
    from django.db import connection

    # Bulk delete of reference-free tables; no per-row audit needed here.
    with connection.cursor() as c:
        for model in (Village, GramPanchayat, Block):
            c.execute(f"DELETE FROM {model._meta.db_table}")


def measure(path, rows, trace):
    """Seconds for the import, and peak Python memory when ``trace`` (tracing
    slows Python down, so speed and memory are measured in separate runs)."""
    clear()
    if trace:
        tracemalloc.start()
    started = time.perf_counter()
    last = [0]

    def progress(done):
        if done - last[0] >= 100_000:
            print(
                f"  {done:,} rows, {done / (time.perf_counter() - started):,.0f} rows/s",
                file=sys.stderr,
            )
            last[0] = done

    report = import_villages_from_path(path, progress=progress)
    elapsed = time.perf_counter() - started
    peak = 0
    if trace:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert report.committed, report.errors[:5]
    assert report.villages_created == rows, report.villages_created
    return elapsed, peak


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--villages", type=int, default=650_000)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    call_command("geography", "load", verbosity=0)
    from django.db import connection

    print(f"database: {connection.vendor}")
    with tempfile.TemporaryDirectory() as tmp:
        small, large = Path(tmp) / "small.csv", Path(tmp) / "large.csv"
        write_csv(small, args.villages // 10)
        write_csv(large, args.villages)
        s_time, _ = measure(small, args.villages // 10, trace=False)
        l_time, _ = measure(large, args.villages, trace=False)
        _, s_peak = measure(small, args.villages // 10, trace=True)
        _, l_peak = measure(large, args.villages, trace=True)
    print(
        f"{args.villages // 10:>9,} villages: {args.villages // 10 / s_time:>9,.0f} rows/s, "
        f"peak Python memory {s_peak / 2**20:.1f} MiB"
    )
    print(
        f"{args.villages:>9,} villages: {args.villages / l_time:>9,.0f} rows/s, "
        f"peak Python memory {l_peak / 2**20:.1f} MiB"
    )
    print(f"process max RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    print("target: >= 20,000 rows/s; peak memory about the same at both sizes")


if __name__ == "__main__":
    main()
