"""Case list and case detail latency with 1,000,000 survivors, against the bare SQL.

    createdb -h 127.0.0.1 -U postgres sangam_cases_bench   # once
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/sangam_cases_bench \\
        .venv/bin/python benchmarks/case_pages.py --survivors 1000000

Fills N synthetic survivors (names encrypted, blind-index tokens, one case
each) spread over 700 agencies (one per district), then requests the survivor list (with and
without a name search) and the survivor and case pages as a caseworker of one
agency, through Django's test client (views, restricted querysets, consent,
templates, audit writes). It prints p50/p95 latency and the number of queries
per page, then re-runs exactly the SQL each page issued through a bare cursor
and prints the ratio (target: p95 under 3x the bare SQL; the query count
must not grow with the data). Use a database of its own: the script empties
the case tables.
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sangam.site.settings")
os.environ.setdefault("SANGAM_ALLOWED_HOSTS", "testserver")
os.environ.setdefault("SANGAM_LOG_LEVEL", "WARNING")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from sangam.accounts.models import User  # noqa: E402
from sangam.agencies.models import Agency, Membership  # noqa: E402
from sangam.cases.models import Case, Survivor  # noqa: E402
from sangam.core.access import SYSTEM  # noqa: E402
from sangam.core.crypto import name_tokens  # noqa: E402
from sangam.core.progress import ProgressBar  # noqa: E402
from sangam.demo import scale_cases  # noqa: E402
from sangam.demo.people import PeopleGenerator  # noqa: E402
from sangam.geography.models import District  # noqa: E402

AGENCIES = 700  # one per district, up to this many


def fill(n):
    with connection.cursor() as cursor:
        for table in ("cases_survivornametoken", "cases_case", "cases_survivor"):
            cursor.execute(f"DELETE FROM {table}")  # noqa: S608
    Agency.objects.filter(name__startswith="Bench agency").delete()
    districts = list(District.objects.select_related("state")[:AGENCIES])
    agencies = Agency.objects.bulk_create(
        Agency(
            name=f"Bench agency {i} (synthetic)",
            type="ngo",
            jurisdiction_level="district",
            state=d.state,
            district=d,
        )
        for i, d in enumerate(districts)
    )
    owner, _ = User.objects.restrict(SYSTEM).get_or_create(username="bench.worker")
    if not Membership.objects.restrict(SYSTEM).filter(user=owner).exists():
        Membership.objects.create(user=owner, agency=agencies[0], role="caseworker")
    bar = ProgressBar(n, stream=sys.stderr)
    scale_cases.fill(PeopleGenerator(seed=3), n, bar.update, agencies=agencies)
    bar.close()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return owner, agencies[0]


def request(client, url, post):
    connection.queries_log.clear()  # the log keeps 9,000 queries at most
    with CaptureQueriesContext(connection) as ctx:
        start = time.perf_counter()
        response = client.post(url, post) if post else client.get(url)
        elapsed = time.perf_counter() - start
    assert response.status_code == 200, (url, response.status_code)
    return elapsed, ctx.captured_queries


def replay(selects):
    start = time.perf_counter()
    with connection.cursor() as cursor:
        for sql in selects:
            cursor.execute(sql)
            cursor.fetchall()
    return time.perf_counter() - start


def measure(client, url, runs, post=None):
    """Page and bare SQL alternate, so both see the same machine and cache state."""
    _, first = request(client, url, post)
    selects = [q["sql"] for q in first if q["sql"].lstrip().upper().startswith("SELECT")]
    page, bare, counts = [], [], set()
    for _ in range(runs):
        elapsed, captured = request(client, url, post)
        page.append(elapsed)
        counts.add(len(captured))
        bare.append(replay(selects))
    return page, bare, counts


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))] * 1000


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--survivors", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--keep", action="store_true", help="reuse the data already filled")
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    call_command("geography", "load", verbosity=0)
    if args.keep and Survivor.objects.restrict(SYSTEM).exists():
        owner = User.objects.restrict(SYSTEM).get(username="bench.worker")
        agency = Agency.objects.get(name="Bench agency 0 (synthetic)")
    else:
        t0 = time.perf_counter()
        owner, agency = fill(args.survivors)
        print(f"filled {args.survivors} survivors in {time.perf_counter() - t0:.0f} s")
    total = Survivor.objects.restrict(SYSTEM).count()
    mine = Case.objects.restrict(SYSTEM).filter(agency=agency).count()
    case = Case.objects.restrict(SYSTEM).filter(agency=agency).order_by("pk").first()
    some = Survivor.objects.restrict(SYSTEM).get(pk=case.survivor_id)
    query = name_tokens(some.aliases[0])[0]
    client = Client()
    client.force_login(owner)
    pages = [
        ("survivor list", reverse("cases:list"), None),
        ("list, name search", reverse("cases:list"), {"q": query}),  # names are posted
        ("survivor page", reverse("cases:survivor", args=[case.survivor_id]), None),
        ("case page", reverse("cases:case", args=[case.pk]), None),
    ]
    print(f"{total} survivors; the caseworker's agency has {mine} cases ({connection.vendor})")
    print(f"{'page':<20} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8} {'bare p95':>9} {'ratio':>6}")
    for label, url, post in pages:
        measure(client, url, 3, post)  # warm up
        times, bare_times, counts = measure(client, url, args.runs, post)
        p95, b95 = pct(times, 95), pct(bare_times, 95)
        count = "/".join(str(c) for c in sorted(counts))  # one number: constant per page
        print(
            f"{label:<20} {pct(times, 50):>8.1f} {p95:>8.1f} {count:>8} {b95:>9.1f} "
            f"{p95 / b95:>5.2f}x"
        )


if __name__ == "__main__":
    main()
