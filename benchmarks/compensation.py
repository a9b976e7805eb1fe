"""Compensation claims dashboard and district figures latency with 100,000
claims, against the bare SQL of the same queries.

    createdb -h 127.0.0.1 -U postgres sangam_comp_bench   # once
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/sangam_comp_bench \\
        .venv/bin/python benchmarks/compensation.py --claims 100000

Fills N synthetic claims (over 2,000 synthetic survivors with a case each,
decided by one DLSA per district for 200 districts, in every status, some
past the inquiry limit, some awarded and paid), then requests, through
Django's test client (views, restricted querysets, templates, audit writes):
the dashboard (its compensation card) and the pending-claims list as a
DLSA's legal services officer, and the district figures page as a district
official. It prints p50/p95 latency and queries per page, then re-runs the
SQL each page issued through a bare cursor and prints the ratio (target:
p95 under 3x the bare SQL; the query count must not grow with the data).
Use a database of its own: the script empties the compensation tables.
"""

import argparse
import os
import random
import sys
import time
from datetime import timedelta
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
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from benchmarks.case_pages import measure, pct  # noqa: E402
from sangam.accounts.models import User  # noqa: E402
from sangam.agencies.models import Agency, Membership  # noqa: E402
from sangam.cases.models import Case  # noqa: E402
from sangam.compensation.models import Claim, ClaimPayment, SchemeVersion  # noqa: E402
from sangam.core.access import SYSTEM  # noqa: E402
from sangam.core.progress import ProgressBar  # noqa: E402
from sangam.demo import scale_cases  # noqa: E402
from sangam.demo.people import PeopleGenerator  # noqa: E402
from sangam.geography.models import District  # noqa: E402

DISTRICTS = 200
SURVIVORS = 2000
BATCH = 2000
STATUSES = ["filed", "inquiry", "awarded", "paid", "rejected", "draft"]


def _user(username, agency, role):
    user, _ = User.objects.restrict(SYSTEM).get_or_create(username=username)
    Membership.objects.restrict(SYSTEM).get_or_create(user=user, agency=agency, role=role)
    return user


def fill(n):
    with connection.cursor() as cursor:
        for table in (
            "compensation_claimpayment",
            "compensation_claimdocument",
            "compensation_claimevent",
            "compensation_claimhandover",
            "compensation_claim_harms",
            "compensation_claim",
        ):
            cursor.execute(f"DELETE FROM {table}")  # noqa: S608
    districts = list(District.objects.select_related("state").order_by("pk")[:DISTRICTS])
    made = {}
    for kind in ("ngo", "dlsa", "district_administration"):
        # Kept between runs: the survivors' cases point at the NGOs.
        found = list(Agency.objects.filter(name__startswith=f"Bench {kind} ").order_by("pk"))
        made[kind] = found or Agency.objects.bulk_create(
            Agency(
                name=f"Bench {kind} {i} (synthetic)",
                type=kind,
                jurisdiction_level="district",
                state=d.state,
                district=d,
            )
            for i, d in enumerate(districts)
        )
    worker = _user("bench.worker", made["ngo"][0], "caseworker")
    if not Case.objects.restrict(SYSTEM).filter(agency__in=made["ngo"]).exists():
        scale_cases.fill(PeopleGenerator(seed=5), SURVIVORS, lambda i: None, agencies=made["ngo"])
    cases = list(
        Case.objects.restrict(SYSTEM)
        .filter(agency__in=made["ngo"])
        .values_list("survivor_id", "agency_id")
    )
    dlsa_of = {ngo.pk: dlsa for ngo, dlsa in zip(made["ngo"], made["dlsa"], strict=True)}
    scheme = SchemeVersion.for_state(districts[0].state)
    rng = random.Random(16)
    today = timezone.localdate()
    bar = ProgressBar(n, stream=sys.stderr)
    done = 0
    while done < n:
        claims, payments = [], []
        for _ in range(min(BATCH, n - done)):
            survivor_id, ngo_id = rng.choice(cases)
            status = rng.choice(STATUSES)
            applied = today - timedelta(days=rng.randint(1, 400)) if status != "draft" else None
            awarded = status in ("awarded", "paid")
            claims.append(
                Claim(
                    survivor_id=survivor_id,
                    serving_agency_id=ngo_id,
                    authority=dlsa_of[ngo_id],
                    scheme=scheme,
                    status=status,
                    applied_on=applied,
                    interim_due_on=applied,
                    inquiry_due_on=applied + timedelta(days=60) if applied else None,
                    award_amount=500000 if awarded else None,
                    award_order_date=applied + timedelta(days=rng.randint(20, 120))
                    if awarded
                    else None,
                    account_status="opened" if awarded else "none",
                    created_by=worker,
                )
            )
        Claim.objects.bulk_create(claims)
        for claim in claims:
            if claim.status == "paid":
                payments.append(
                    ClaimPayment(
                        claim=claim,
                        kind="award",
                        amount=500000,
                        paid_on=claim.award_order_date + timedelta(days=rng.randint(1, 90)),
                    )
                )
        ClaimPayment.objects.bulk_create(payments)
        done += len(claims)
        bar.update(done)
    bar.close()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return made


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    call_command("geography", "load", verbosity=0)
    t0 = time.perf_counter()
    made = fill(args.claims)
    print(f"filled {args.claims} claims in {time.perf_counter() - t0:.0f} s")
    officer = _user("bench.officer", made["dlsa"][0], "legal_services_officer")
    official = _user("bench.official", made["district_administration"][0], "district_official")
    mine = Claim.objects.restrict(officer).count()
    print(
        f"{Claim.objects.restrict(SYSTEM).count()} claims; the officer's DLSA has {mine}"
        f" ({connection.vendor})"
    )
    pages = [
        (officer, "dashboard (card)", reverse("dashboard")),
        (officer, "pending claims", reverse("compensation:list") + "?box=pending"),
        (official, "dashboard (card)", reverse("dashboard")),
        (official, "district figures", reverse("compensation:figures")),
    ]
    print(f"{'page':<26} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8} {'bare p95':>9} {'ratio':>6}")
    for user, label, url in pages:
        client = Client()
        client.force_login(user)
        measure(client, url, 3)  # warm up
        times, bare_times, counts = measure(client, url, args.runs)
        p95, b95 = pct(times, 95), pct(bare_times, 95)
        count = "/".join(str(c) for c in sorted(counts))
        who = "officer" if user is officer else "official"
        print(
            f"{who + ': ' + label:<26} {pct(times, 50):>8.1f} {p95:>8.1f} {count:>8} "
            f"{b95:>9.1f} {p95 / b95:>5.2f}x"
        )


if __name__ == "__main__":
    main()
