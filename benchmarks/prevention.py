"""Household vulnerability index and register import at field scale.

    createdb -h 127.0.0.1 -U postgres sangam_prevention_bench   # once
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/sangam_prevention_bench \\
        .venv/bin/python benchmarks/prevention.py [--households 10000000] [--rows 1000000]

1. Import: writes a synthetic household register of --rows rows (CSV, and
   XLSX unless --no-xlsx) across Jharkhand villages and imports it through
   sangam.prevention.imports, the path the import page and command use;
   prints rows/second (target: at least 10,000) and peak Python memory
   (tracemalloc, in a separate run at a tenth and at the full size, to show
   it stays flat).
2. Index: fills --households synthetic households in Jharkhand (kept between
   runs), then rescores them all with a new index version through
   sangam.prevention.index.recompute_state, and times a single
   UPDATE ... FROM of the same arithmetic; prints both and the ratio
   (target: under 2x). Each is run twice, with VACUUM between runs.

Use a database of its own: the script empties the household register.
"""

import argparse
import csv
import os
import random
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
from django.db import connection  # noqa: E402

from sangam.core.access import SYSTEM  # noqa: E402
from sangam.geography.models import Block, District, State, Village  # noqa: E402
from sangam.prevention import index  # noqa: E402
from sangam.prevention.imports import import_register  # noqa: E402
from sangam.prevention.indicators import INDICATORS  # noqa: E402
from sangam.prevention.models import Household, IndexConfiguration  # noqa: E402

VILLAGES_PER_DISTRICT = 100
BLOCKS_PER_DISTRICT = 10
# Share of households with each indicator (synthetic, roughly field-like).
SHARES = dict(zip(INDICATORS, [0.3, 0.35, 0.4, 0.1, 0.15, 0.1, 0.25, 0.15, 0.12, 0.14,
                               0.08, 0.05, 0.02, 0.06], strict=True))  # fmt: skip


def villages(state):
    """Synthetic blocks and villages in every district of ``state`` (made once)."""
    rows = []
    for district in District.objects.filter(state=state).order_by("pk"):
        for b in range(BLOCKS_PER_DISTRICT):
            block, _ = Block.objects.get_or_create(district=district, name=f"Bench block {b}")
            for v in range(VILLAGES_PER_DISTRICT // BLOCKS_PER_DISTRICT):
                name = f"Benchgaon {b}-{v}"
                village = Village.objects.filter(block=block, name=name).first()
                if village is None:
                    village = Village.objects.create(district=district, block=block, name=name)
                rows.append((block.name, village.name))
    return rows


def empty_register():
    with connection.cursor() as c:
        c.execute(f"TRUNCATE {Household._meta.db_table} CASCADE")


# -- import -------------------------------------------------------------


def write_files(folder, places, n, with_xlsx):
    header = ["block", "village", "code", "head_name", "hamlet", "surveyed_on", *INDICATORS]
    rng = random.Random(5)

    def rows():
        for i in range(n):
            block, village = places[i % len(places)]
            flags = ["yes" if rng.random() < SHARES[c] else "no" for c in INDICATORS]
            yield [block, village, f"HH-{i}", f"Synthetic Head {i}", f"Tola {i % 7}",
                   "2026-10-01", *flags]  # fmt: skip

    path = folder / f"households-{n}.csv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows(rows())
    xlsx = None
    if with_xlsx:
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        sheet = book.create_sheet("households")
        sheet.append(header)
        for row in rows():
            sheet.append(row)
        xlsx = folder / f"households-{n}.xlsx"
        book.save(xlsx)
    return path, xlsx


def peak_rss():
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_import(path, n, trace=False):
    empty_register()
    if trace:
        tracemalloc.start()
    started = time.perf_counter()
    with open(path, "rb") as f:
        report = import_register("households", f, str(path), SYSTEM)
    elapsed = time.perf_counter() - started
    peak = 0
    if trace:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert report.committed, report.errors[:5]
    assert report.written == n, report.written
    return elapsed, peak


def bench_import(places, n, with_xlsx):
    with tempfile.TemporaryDirectory() as tmp:
        small, _ = write_files(Path(tmp), places, n // 10, False)
        large, xlsx = write_files(Path(tmp), places, n, with_xlsx)
        seconds, _ = run_import(large, n)
        print(f"import CSV  {n:>10,} rows: {seconds:7.1f} s, {n / seconds:>8,.0f} rows/s, "
              f"process peak RSS so far {peak_rss():,.0f} MiB")  # fmt: skip
        if xlsx:
            seconds, _ = run_import(xlsx, n)
            # calamine holds the sheet outside Python's heap: RSS shows it.
            print(f"import XLSX {n:>10,} rows: {seconds:7.1f} s, {n / seconds:>8,.0f} rows/s, "
                  f"process peak RSS so far {peak_rss():,.0f} MiB")  # fmt: skip
        _, small_peak = run_import(small, n // 10, trace=True)
        _, large_peak = run_import(large, n, trace=True)
        print(
            f"peak Python memory (tracemalloc): {small_peak / 2**20:.1f} MiB at {n // 10:,} rows,"
            f" {large_peak / 2**20:.1f} MiB at {n:,} rows"
        )
        empty_register()


# -- index --------------------------------------------------------------


def fill(state, n):
    """``n`` households spread over the state's synthetic villages, in SQL."""
    table = Household._meta.db_table
    with connection.cursor() as c:
        c.execute(f"SELECT count(*) FROM {table}")
        if c.fetchone()[0] == n:
            return
    empty_register()
    flags = ", ".join(f"random() < {SHARES[code]}" for code in INDICATORS)
    chunk = 1_000_000
    started = time.perf_counter()
    with connection.cursor() as c:
        c.execute(
            "CREATE TEMPORARY TABLE bench_villages AS SELECT row_number() OVER (ORDER BY v.id) - 1"
            " AS rn, v.id, v.block_id, v.district_id FROM geography_village v"
            " JOIN geography_district d ON d.id = v.district_id"
            " WHERE d.state_id = %s AND v.name LIKE 'Benchgaon %%'",
            [state.pk],
        )
        c.execute("SELECT count(*) FROM bench_villages")
        count = c.fetchone()[0]
        for start in range(0, n, chunk):
            stop = min(n, start + chunk)
            c.execute(
                f"INSERT INTO {table} (village_id, block_id, district_id, code, head_name,"
                f" hamlet, phone, surveyed_on, {', '.join(INDICATORS)}, risk_level, created_at,"
                " updated_at, version) SELECT v.id, v.block_id, v.district_id, 'H-' || g,"
                f" 'Synthetic Head ' || g, '', '', current_date, {flags}, '', now(), now(), 1"
                " FROM generate_series(%s, %s) g JOIN bench_villages v ON v.rn = g %% %s",
                [start, stop - 1, count],
            )
            print(f"  filled {stop:,} households ({time.perf_counter() - started:.0f} s)",
                  file=sys.stderr)  # fmt: skip
    vacuum()


def vacuum():
    connection.ensure_connection()
    old = connection.connection.autocommit
    connection.connection.autocommit = True
    with connection.cursor() as c:
        c.execute(f"VACUUM ANALYZE {Household._meta.db_table}")
    connection.connection.autocommit = old


def new_version(state, rng):
    """A new configuration whose weights differ from the last (every score changes)."""
    cuts = sorted(rng.sample(range(1, 100), len(INDICATORS) - 1))
    bounds = [0, *cuts, 100]
    weights = {c: bounds[i + 1] - bounds[i] for i, c in enumerate(INDICATORS)}
    return index.publish(state, weights, 25, 45)


def bare_update(state, config):
    """The same arithmetic as one UPDATE ... FROM a row of weights."""
    table = Household._meta.db_table
    names = [f"w_{c}" for c in INDICATORS]
    score = " + ".join(f"CASE WHEN h.{c} THEN w.w_{c} ELSE 0 END" for c in INDICATORS)
    sql = (
        f"UPDATE {table} h SET score = {score}, risk_level = CASE WHEN {score} >= w.high THEN"
        f" 'high' WHEN {score} >= w.medium THEN 'medium' ELSE 'low' END, index_version = w.v"
        f" FROM (VALUES ({', '.join(['%s'] * (len(names) + 3))})) AS w({', '.join(names)},"
        " medium, high, v) WHERE h.district_id IN (SELECT id FROM geography_district"
        " WHERE state_id = %s)"
    )
    params = [config.weights.get(c, 0) for c in INDICATORS]
    params += [config.medium_from, config.high_from, config.version, state.pk]
    started = time.perf_counter()
    with connection.cursor() as c:
        c.execute(sql, params)
        written = c.rowcount
    return time.perf_counter() - started, written


def bench_index(state, n):
    fill(state, n)
    IndexConfiguration.objects.filter(state=state).delete()
    rng = random.Random(7)
    ours, bare = [], []
    for _ in range(2):
        new_version(state, rng)
        started = time.perf_counter()
        changed = index.recompute_state(state.pk)
        ours.append(time.perf_counter() - started)
        print(f"  Sangam recompute: {ours[-1]:.1f} s, {changed:,} rows written", file=sys.stderr)
        vacuum()
        config = index.active(state.pk)
        config = index.Config(config.weights, config.medium_from, config.high_from,
                              config.version + 1000)  # fmt: skip
        seconds, written = bare_update(state, config)
        bare.append(seconds)
        print(f"  bare UPDATE ... FROM: {seconds:.1f} s, {written:,} rows", file=sys.stderr)
        vacuum()
    best_ours, best_bare = min(ours), min(bare)
    print(
        f"index recompute, {n:,} households: Sangam {best_ours:.1f} s "
        f"({n / best_ours:,.0f} households/s), single UPDATE ... FROM {best_bare:.1f} s, "
        f"ratio {best_ours / best_bare:.2f}x (best of 2 each)"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--households", type=int, default=10_000_000)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--no-xlsx", action="store_true")
    parser.add_argument("--skip-import", action="store_true")
    parser.add_argument("--skip-index", action="store_true")
    if connection.vendor != "postgresql":
        # The targets are PostgreSQL's (COPY, TRUNCATE); SQLite would measure another engine.
        parser.exit(2, "benchmarks/prevention.py needs DATABASE_URL of a PostgreSQL database.\n")
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    call_command("geography", "load", verbosity=0)
    print(f"database: {connection.vendor}")
    state = State.objects.get(code="IN-JH")
    places = villages(state)
    if not args.skip_import:
        bench_import(places, args.rows, not args.no_xlsx)
    if not args.skip_index:
        if connection.vendor != "postgresql":
            sys.exit("the index benchmark runs on PostgreSQL (set DATABASE_URL)")
        bench_index(state, args.households)


if __name__ == "__main__":
    main()
