"""Directory search latency with 100,000 services, against the bare SQL.

    createdb -h 127.0.0.1 -U postgres sangam_bench   # once
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/sangam_bench \\
        .venv/bin/python benchmarks/directory_search.py --services 100000

Fills the directory with N synthetic services spread over every district
(with languages, taxonomy terms and capacity), then runs a mix of searches
the way the search page does (count + first page of 20, ranked) and prints
p50/p95 latency. It then runs exactly the SQL those searches issue through
a bare database cursor and prints the ratio (target: p95 under 3× the bare
query). Use a database of its own: the script empties the directory tables.
"""

import argparse
import os
import random
import statistics
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sangam.site.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.core.paginator import Paginator  # noqa: E402
from django.db import connection  # noqa: E402

from sangam.core.progress import ProgressBar  # noqa: E402
from sangam.directory import models as m  # noqa: E402
from sangam.directory import search  # noqa: E402
from sangam.directory.taxonomy import TERMS, load_taxonomy, term_id  # noqa: E402
from sangam.geography.models import District  # noqa: E402

LANGS = ["hin", "ben", "eng", "urd", "ori", "tam", "tel", "mar", "guj", "kan"]
BATCH = 5000


def fill(n, rng):
    for model in (
        m.ServiceCapacity,
        m.Attribute,
        m.Language,
        m.ServiceAtLocation,
        m.Service,
        m.Location,
        m.Organization,
    ):
        model.objects.all().delete()
    districts = list(District.objects.filter(latitude__isnull=False).select_related("state"))
    codes = [t[0] for t in TERMS]
    bar = ProgressBar(n, stream=sys.stderr)
    done = 0
    while done < n:
        rows = {k: [] for k in ("org", "loc", "svc", "sal", "lang", "attr", "cap")}
        for _ in range(min(BATCH, n - done)):
            d = rng.choice(districts)
            org, loc, svc = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
            terms = rng.sample(codes, 2)
            name = f"Synthetic {terms[0].replace('-', ' ')} service {done} {d.name}"
            rows["org"].append(m.Organization(id=org, name=name))
            rows["loc"].append(
                m.Location(
                    id=loc,
                    organization_id=org,
                    state_id=d.state_id,
                    district_id=d.pk,
                    latitude=d.latitude + rng.uniform(-0.2, 0.2),
                    longitude=d.longitude + rng.uniform(-0.2, 0.2),
                )
            )
            lo = rng.choice([None, 0, 6, 18])
            rows["svc"].append(
                m.Service(
                    id=svc,
                    organization_id=org,
                    name=name,
                    status="active",
                    sex=rng.choice(["any", "any", "female", "male"]),
                    minimum_age=lo,
                    maximum_age=None if lo in (None, 18) else 18,
                    state_id=d.state_id,
                    district_id=d.pk,
                    search_text=f"{name} {d.name} {d.state.name}".lower(),
                )
            )
            rows["sal"].append(m.ServiceAtLocation(service_id=svc, location_id=loc))
            for code in rng.sample(LANGS, 2):
                rows["lang"].append(m.Language(service_id=svc, code=code))
            for code in terms:
                rows["attr"].append(m.Attribute(service_id=svc, taxonomy_term_id=term_id(code)))
            if rng.random() < 0.4:
                rows["cap"].append(m.ServiceCapacity(service_id=svc, available=rng.randint(0, 5)))
            done += 1
        for model, key in (
            (m.Organization, "org"),
            (m.Location, "loc"),
            (m.Service, "svc"),
            (m.ServiceAtLocation, "sal"),
            (m.Language, "lang"),
            (m.Attribute, "attr"),
            (m.ServiceCapacity, "cap"),
        ):
            model.objects.bulk_create(rows[key])
        bar.update(done)
    bar.close()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ANALYZE")
    return districts


def queries(districts, rng, k):
    out = []
    for i in range(k):
        d = rng.choice(districts)
        kind = i % 4
        if kind == 0:  # the girl-needs-a-shelter search
            q = search.Query(
                term="shelter",
                sex="female",
                age=15,
                language="ben",
                has_bed=True,
                near=(d.latitude, d.longitude),
                radius_km=100,
            )
        elif kind == 1:
            q = search.Query(term="legal-aid", near=(d.latitude, d.longitude), radius_km=50)
        elif kind == 2:
            q = search.Query(text=d.name.split()[0].lower(), term="mental-health")
        else:
            q = search.Query(state=d.state.code, term="child-protection", age=12)
        out.append(q)
    return out


def timed_page(q):
    start = time.perf_counter()
    page = Paginator(search.search(q), 20).get_page(1)
    rows = list(page)
    return time.perf_counter() - start, len(rows)


def timed_bare(q):
    qs = search.search(q)
    count_sql = qs.order_by().values("pk").query.sql_with_params()
    page_sql = qs[:20].query.sql_with_params()
    start = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM ({count_sql[0]}) sub", count_sql[1])
        cursor.fetchall()
        cursor.execute(*page_sql)
        cursor.fetchall()
    return time.perf_counter() - start


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--services", type=int, default=100_000)
    parser.add_argument("--searches", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    call_command("migrate", verbosity=0)
    call_command("geography", "load", verbosity=0)
    load_taxonomy()
    t0 = time.perf_counter()
    districts = fill(args.services, rng)
    print(
        f"filled {args.services} services in {time.perf_counter() - t0:.1f} s ({connection.vendor})"
    )
    qs = queries(districts, rng, args.searches)
    for q in qs[:10]:  # warm caches
        timed_page(q)
        timed_bare(q)
    page_times, bare_times, found = [], [], []
    for q in qs:
        t, n = timed_page(q)
        page_times.append(t)
        found.append(n)
        bare_times.append(timed_bare(q))
    ms = 1000
    p50, p95 = pct(page_times, 50) * ms, pct(page_times, 95) * ms
    b50, b95 = pct(bare_times, 50) * ms, pct(bare_times, 95) * ms
    print(f"searches: {len(qs)}, mean results on first page {statistics.mean(found):.1f}")
    print(f"search (ORM, as the page does): p50 {p50:.1f} ms, p95 {p95:.1f} ms")
    print(f"bare SQL (same statements):     p50 {b50:.1f} ms, p95 {b95:.1f} ms")
    print(f"ratio p95 search / bare SQL: {p95 / b95:.2f}x (target < 3x)")


if __name__ == "__main__":
    main()
