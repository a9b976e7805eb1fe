"""The law's clocks on the dashboard, the clocks page, the justice list and a
case page with 200,000 criminal cases in one state and 1,000,000 accused
and court rows, against the bare SQL of the same queries.

    createdb -h 127.0.0.1 -U postgres sangam_justice_bench   # once
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/sangam_justice_bench \\
        nice .venv/bin/python benchmarks/justice.py --cases 200000

Fills N synthetic criminal cases in Uttar Pradesh (75 districts), each
registered by one of the district's police stations (one to ten a district,
by size) between 2020 and yesterday, with the sections charged from the
shipped offence tables (the IPC until 30 June 2024, the BNS after; over half
with a trafficking section, most of those sent to the district's AHTU; some
POCSO, some sections dropped), a victim from a pool of synthetic survivors
of the district's NGO, about 2 accused a case (names, aliases and phones
encrypted through the model; most arrested, some on bail or default bail,
some absconding), the chargesheet and cognizance for most older cases, a
trial for about half (Special Court or Court of Session, charges framed) with
about 5 hearings each (held or adjourned, at whose request, the next date)
and the clocks clocks.py computes from all that (default bail per arrested
accused, investigation, victim informed, POCSO report, evidence and trial,
the courts' alerts), missed ones escalated as the hourly job does. About
2 accused + 3 trial and hearing rows a case: 1,000,000 rows at 200,000 cases.
Everything is written in bulk; the clocks of a sample of cases are then
checked against clocks.wanted_for_case, the per-record code the app runs.

It then requests, through Django's test client (views, restricted
querysets, templates, audit writes), as a police officer of the first
district's AHTU, a police officer of its first police station and a public
prosecutor of its prosecution office: the dashboard (its clock card), the
clocks page, the justice list and the page of one case (with its accused,
trial and hearings). It prints p50/p95 latency and queries per page, then
re-runs the SQL each page issued through a bare cursor and prints the ratio
(target: p95 under 3x the bare SQL). It measures first at a tenth of the
cases, then fills the rest and measures again, and compares the query
counts (target: the same at both sizes).

Use a database of its own (without DATABASE_URL: var/justice_bench.sqlite3):
the script empties the justice tables. --keep measures the data already
there, at its size only. Figures: docs/justice.md, "Benchmarks".
"""

import argparse
import os
import random
import sys
import time
from datetime import date, timedelta
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sangam.site.settings")
os.environ.setdefault("SANGAM_ALLOWED_HOSTS", "testserver")
os.environ.setdefault("SANGAM_LOG_LEVEL", "WARNING")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'justice_bench.sqlite3'}")

import django  # noqa: E402

django.setup()

from django.apps import apps  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from benchmarks.case_pages import measure, pct  # noqa: E402
from sangam.accounts.models import User  # noqa: E402
from sangam.agencies.models import Agency, AgencyType, Membership  # noqa: E402
from sangam.cases.models import Case  # noqa: E402
from sangam.core.access import SYSTEM  # noqa: E402
from sangam.core.progress import ProgressBar  # noqa: E402
from sangam.core.roles import Role  # noqa: E402
from sangam.demo import scale_cases  # noqa: E402
from sangam.demo.people import PeopleGenerator  # noqa: E402
from sangam.geography.models import District, State  # noqa: E402
from sangam.justice import clocks  # noqa: E402
from sangam.justice.models import (  # noqa: E402
    Accused,
    ChargedSection,
    Clock,
    ClockKind,
    CriminalCase,
    Hearing,
    MaxPunishment,
    Trial,
    start_of,
)
from sangam.justice.reference import clock_rules, offences_in_force  # noqa: E402

STATE = "IN-UP"
BATCH = 2000  # cases a transaction
FIRST_FIR = date(2020, 1, 1)
REFERENCE = {"offencetable", "offence", "clocktable", "clockrule"}
AGENCY_KINDS = {
    AgencyType.AHTU: "AHTU",
    AgencyType.PROSECUTION: "Public Prosecutor's Office",
    AgencyType.NGO: "NGO",
}
ADJOURNED_BY = (["prosecution"] * 35) + (["defence"] * 45) + (["court"] * 15) + (["victim"] * 5)
PURPOSES = [p for p in Hearing.Purpose.values if p not in ("charges", "judgment")]


# --- Agencies, users, the victims' pool ----------------------------------


def agencies(n_districts, stations_per_district):
    """Per district of the state: its AHTU, prosecution office and NGO, and
    its police stations (kept between runs, made when missing)."""
    state = State.objects.get(code=STATE)
    districts = list(District.objects.filter(state=state).order_by("name", "pk")[:n_districts])
    made = {}
    for kind, label in [*AGENCY_KINDS.items(), (AgencyType.POLICE_STATION, "Police Station")]:
        per = stations_per_district if kind == AgencyType.POLICE_STATION else 1
        wanted = {
            f"Bench {label} {i + 1}, {d.name} (synthetic)": d for d in districts for i in range(per)
        }
        have = set(Agency.objects.filter(name__in=list(wanted)).values_list("name", flat=True))
        Agency.objects.bulk_create(
            Agency(name=name, type=kind, jurisdiction_level="district", state=state, district=d)
            for name, d in wanted.items()
            if name not in have
        )
        found = {a.name: a for a in Agency.objects.filter(name__in=list(wanted))}
        made[kind] = [
            [found[n] for n, d in wanted.items() if d == district] for district in districts
        ]
    return districts, made


def user(username, agency, role):
    found, _ = User.objects.restrict(SYSTEM).get_or_create(
        username=username,
        defaults={"first_name": username.split(".")[1].title(), "last_name": "(synthetic)"},
    )
    Membership.objects.restrict(SYSTEM).get_or_create(user=found, agency=agency, role=role)
    return found


def victims_pool(ngos, size):
    """{district index: [survivor id]}: synthetic survivors with a case at
    the district's NGO, made with the scale generator (kept between runs)."""
    flat = [a for per in ngos for a in per]
    user("bench.caseworker", flat[0], Role.CASEWORKER)
    have = Case.objects.restrict(SYSTEM).filter(agency__in=flat).count()
    if have < size:
        scale_cases.fill(
            PeopleGenerator(seed=17 + have), size - have, lambda i: None, agencies=flat
        )
    index = {a.pk: i for i, a in enumerate(flat)}
    pool = {}
    for survivor, agency in (
        Case.objects.restrict(SYSTEM)
        .filter(agency__in=flat)
        .values_list("survivor_id", "agency_id")
    ):
        pool.setdefault(index[agency], []).append(survivor)
    return pool


def empty():
    """Every justice table but the shipped reference (protection, rescues,
    reviews too: they point at the cases)."""
    tables = [
        m._meta.db_table
        for m in apps.get_app_config("justice").get_models(include_auto_created=True)
        if m._meta.model_name not in REFERENCE
    ]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"TRUNCATE {', '.join(tables)} CASCADE")
            return
    with connection.constraint_checks_disabled(), connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"DELETE FROM {table}")  # noqa: S608


# --- The law, as clocks.py reads it ----------------------------------------


@cache
def rules_on(day):
    return clock_rules(day)


@cache
def offences_on(day):
    return list(offences_in_force(day))


def grave(offence, threshold):
    if offence.max_punishment in (MaxPunishment.DEATH, MaxPunishment.LIFE):
        return True
    return bool(threshold and offence.max_years and offence.max_years >= threshold)


def at(day):
    return start_of(day) if day else None


def wanted(case, sections, accused, trial, hearings):
    """clocks.wanted_for_case on records in memory, not read back: the same
    clocks, from the same rules, in the same order."""
    rules = rules_on(timezone.localtime(case.fir_at).date())
    investigating = case.ahtu or case.transferred_to or case.police_station
    chargesheet = at(case.chargesheet_on)
    out = []
    if sections:
        long_rule = rules.get(ClockKind.DEFAULT_BAIL_LONG)
        threshold = long_rule.at_least_years if long_rule else None
        kind = (
            ClockKind.DEFAULT_BAIL_LONG
            if any(grave(o, threshold) for o in sections)
            else ClockKind.DEFAULT_BAIL_SHORT
        )
        for a in accused:
            if a.arrested_at:
                out.append((kind, a, a.arrested_at, chargesheet, investigating))
    if any(o.two_month_investigation for o in sections):
        out.append((ClockKind.INVESTIGATION, None, case.fir_at, chargesheet, investigating))
    out.append(
        (ClockKind.VICTIM_INFORMED, None, case.fir_at, at(case.victim_informed_on), investigating)
    )
    if any(o.pocso for o in sections):
        out.append(
            (ClockKind.POCSO_REPORT, None, case.fir_at, case.pocso_reported_at, investigating)
        )
        if case.cognizance_on:
            court_side = case.prosecution or investigating
            started = start_of(case.cognizance_on)
            out.append(
                (ClockKind.POCSO_EVIDENCE, None, started, at(case.child_evidence_on), court_side)
            )
            out.append(
                (ClockKind.POCSO_TRIAL, None, started, at(case.trial_concluded_on), court_side)
            )
    found = [(k, a, s, m, r, rules.get(k)) for k, a, s, m, r in out if rules.get(k)]
    if trial is None:
        return found
    responsible = case.prosecution or investigating
    concluded = at(case.trial_concluded_on)
    if hearings:
        since, met = hearings[-1].on, at(hearings[-1].next_on)
    else:
        since, met = trial.charges_framed_on, None
    rule = rules_on(since).get(ClockKind.NO_HEARING)
    if rule is not None:
        found.append(
            (ClockKind.NO_HEARING, None, start_of(since), concluded or met, responsible, rule)
        )
    asked = [h for h in hearings if h.outcome == "adjourned" and h.asked_by == "prosecution"]
    if asked:
        rule = rules_on(asked[0].on).get(ClockKind.ADJOURNMENTS)
        if rule is not None and len(asked) > rule.amount:
            passed = start_of(asked[rule.amount].on)
            found.append((ClockKind.ADJOURNMENTS, None, passed, concluded, responsible, rule))
    return found


def clock_rows(rng, case, subject_wanted, now):
    rows = []
    for kind, accused, started, met, responsible, rule in subject_wanted:
        due = rule.due(started)
        missed = due < min(now, met or now)
        rows.append(
            Clock(
                kind=kind,
                rule=rule,
                case=case,
                accused=accused,
                responsible=responsible,
                started_at=started,
                due_at=due,
                met_at=met,
                # The hourly job (reminders.escalate_missed) escalates once.
                escalated_at=due + timedelta(minutes=rng.randint(1, 60)) if missed else None,
                created_by=case.created_by,
            )
        )
    return rows


# --- Cases ------------------------------------------------------------------


def pick_sections(rng, offences):
    trafficking = [o for o in offences if o.trafficking]
    pocso = [o for o in offences if o.pocso]
    rape = [o for o in offences if o.two_month_investigation and not o.pocso]
    other = [o for o in offences if not (o.trafficking or o.pocso or o.two_month_investigation)]
    roll = rng.random()
    if roll < 0.55:
        first = [rng.choice(trafficking)]
    elif roll < 0.70:
        first = [rng.choice(pocso)] + ([rng.choice(trafficking)] if rng.random() < 0.5 else [])
    elif roll < 0.80:
        first = [rng.choice(rape)]
    else:
        first = [rng.choice(other)]
    extra = rng.sample(offences, rng.choice([0, 0, 1, 1, 2]))
    return list(dict.fromkeys(first + extra))


def later(rng, day, low, high, today):
    """A day ``low``-``high`` days after ``day``, or None if not past yet."""
    found = day + timedelta(days=rng.randint(low, high))
    return found if found < today else None


class Filler:
    def __init__(self, districts, made, pool, officers, seed=17):
        self.districts, self.made, self.pool, self.officers = districts, made, pool, officers
        self.rng = random.Random(seed)
        self.now = timezone.now()
        self.today = timezone.localdate()
        self.trials = Trial.objects.restrict(SYSTEM).count()
        self.counts = dict.fromkeys(["sections", "accused", "trials", "hearings", "clocks"], 0)

    def fill(self, start, stop, bar):
        for first in range(start, stop, BATCH):
            with transaction.atomic():
                self.batch(range(first, min(stop, first + BATCH)))
            bar.update(min(stop, first + BATCH))

    def case(self, i):
        rng, today = self.rng, self.today
        d = i % len(self.districts)
        stations = self.made[AgencyType.POLICE_STATION][d]
        station = stations[(i // len(self.districts)) % len(stations)]
        span = (today - FIRST_FIR).days - 1
        fir_at = start_of(FIRST_FIR + timedelta(days=rng.randint(0, span))) + timedelta(
            minutes=rng.randint(6 * 60, 23 * 60)
        )
        fir_day = timezone.localtime(fir_at).date()
        charged = pick_sections(rng, offences_on(fir_day))
        case = CriminalCase(
            police_station=station,
            fir_number=f"BENCH-{i + 1:06d}/{fir_day.year}",
            fir_at=fir_at,
            cctns_reference=f"BENCH-CCTNS-{i + 1:06d}",
            created_by=self.officers.get(station.pk),
            investigating_officer=self.officers.get(station.pk),
        )
        if rng.random() < 0.02:  # a Zero FIR, transferred on within days
            case.zero_fir = True
            others = self.made[AgencyType.POLICE_STATION][(d + 1) % len(self.districts)]
            case.transferred_to = others[0]
            case.transferred_on = later(rng, fir_day, 1, 10, today)
            if case.transferred_on is None:
                case.transferred_to = None
        dropped = []
        if len(charged) > 1 and rng.random() < 0.1:
            dropped = [charged.pop()]
        if any(o.trafficking for o in charged) and rng.random() < 0.8:
            case.ahtu = self.made[AgencyType.AHTU][d][0]
            case.sent_to_ahtu_on = later(rng, fir_day, 0, 10, today) or fir_day
        prosecution = self.made[AgencyType.PROSECUTION][d][0]
        if rng.random() < 0.75:
            case.chargesheet_on = later(rng, fir_day, 30, 120, today)
        if case.chargesheet_on:
            case.prosecution = prosecution
            if rng.random() < 0.9:
                case.cognizance_on = later(rng, case.chargesheet_on, 7, 30, today)
        elif rng.random() < 0.1:
            case.prosecution = prosecution
        if rng.random() < 0.5:
            case.victim_informed_on = later(rng, fir_day, 10, 90, today)
        if any(o.pocso for o in charged):
            if rng.random() < 0.8:
                reported = fir_at + timedelta(hours=rng.randint(2, 40))
                case.pocso_reported_at = reported if reported < self.now else None
            if case.cognizance_on and rng.random() < 0.6:
                case.child_evidence_on = later(rng, case.cognizance_on, 10, 60, today)
        pool = self.pool.get(d) or next(iter(self.pool.values()))
        return case, charged, dropped, rng.choice(pool)

    def accused(self, case, k, default_bail_days):
        rng, now = self.rng, self.now
        a = Accused(
            case=case,
            name=f"Accused {k:06d} (synthetic)",
            aliases=[f"Alias {k:06d} (synthetic)"] if rng.random() < 0.3 else [],
            phones=[f"+91 99999 {k % 100000:05d}"] if rng.random() < 0.4 else [],
            role=rng.choice(Accused.Role.values),
            created_by=case.created_by,
        )
        if rng.random() < 0.75:
            arrested = case.fir_at + timedelta(hours=rng.randint(0, 240))
            a.arrested_at = arrested if arrested < now else None
        if a.arrested_at is None:
            a.absconding = rng.random() < 0.8
            return a
        due = timezone.localtime(a.arrested_at).date() + timedelta(days=default_bail_days)
        late = case.chargesheet_on is None or case.chargesheet_on > due
        if late and due < self.today and rng.random() < 0.6:
            a.bail, a.bail_on = Accused.Bail.DEFAULT, due + timedelta(days=rng.randint(1, 3))
        elif rng.random() < 0.35:
            a.bail_on = later(rng, timezone.localtime(a.arrested_at).date(), 15, 90, self.today)
            a.bail = Accused.Bail.REGULAR if a.bail_on else ""
        if a.bail_on and a.bail_on >= self.today:
            a.bail, a.bail_on = "", None
        return a

    def trial(self, case, charged, d):
        rng = self.rng
        if not case.cognizance_on or rng.random() >= 0.75:
            return None, []
        framed = later(rng, case.cognizance_on, 15, 60, self.today)
        if framed is None:
            return None, []
        self.trials += 1
        n = self.trials
        special = any(o.pocso or o.trafficking for o in charged)
        kind = Trial.CourtKind.SPECIAL if special else Trial.CourtKind.SESSIONS
        district = self.districts[d]
        trial = Trial(
            case=case,
            court=f"{kind.label} {n % 3 + 1}, {district.name} (synthetic)",
            court_kind=kind,
            court_district=district,
            cnr=f"UPBN{n // 999999 % 100:02d}{n % 999999 + 1:06d}{case.cognizance_on.year}",
            charges_framed_on=framed,
            in_camera=any(o.in_camera or o.pocso for o in charged),
            public_prosecutor=f"Prosecutor {d + 1:03d} (synthetic)",
            created_by=case.created_by,
        )
        hearings, on = [], framed
        for _ in range(rng.choice([1, 2, 3, 4, 5, 5, 6, 7, 8, 9, 10])):
            on = later(rng, on, 14, 75, self.today)
            if on is None:
                break
            adjourned = rng.random() < 0.45
            h = Hearing(
                trial=trial,
                on=on,
                purpose=rng.choice(PURPOSES),
                outcome="adjourned" if adjourned else "held",
                asked_by=rng.choice(ADJOURNED_BY) if adjourned else "",
                adjournment_reason="Synthetic: counsel sought time." if adjourned else "",
                by_video=rng.random() < 0.1,
                witnesses_examined=0 if adjourned else rng.choice([0, 1, 1, 2, 3]),
                notes="Synthetic hearing note." if rng.random() < 0.3 else "",
                created_by=case.created_by,
            )
            hearings.append(h)
        for h, after in zip(hearings, hearings[1:], strict=False):
            h.next_on = after.on
        if hearings and rng.random() < 0.9:
            hearings[-1].next_on = hearings[-1].on + timedelta(days=rng.randint(14, 120))
        return trial, hearings

    def batch(self, indexes):
        rng = self.rng
        made = [(i, *self.case(i)) for i in indexes]
        CriminalCase.objects.bulk_create([c for _, c, *_ in made])
        CriminalCase.victims.through.objects.bulk_create(
            CriminalCase.victims.through(criminalcase_id=c.pk, survivor_id=v)
            for _, c, _, _, v in made
        )
        sections, accused, trials, hearings, subjects = [], [], [], [], []
        for i, case, charged, dropped, _ in made:
            day = timezone.localtime(case.fir_at).date()
            for o in charged:
                sections.append(ChargedSection(case=case, offence=o, added_on=day))
            for o in dropped:
                sections.append(
                    ChargedSection(
                        case=case,
                        offence=o,
                        added_on=day,
                        dropped_on=later(rng, day, 1, 30, self.today) or day,
                        dropped_reason="Synthetic: not made out on the evidence.",
                    )
                )
            rules = rules_on(day)
            long_rule = rules.get(ClockKind.DEFAULT_BAIL_LONG)
            threshold = long_rule.at_least_years if long_rule else None
            long = any(grave(o, threshold) for o in charged)
            rule = rules.get(ClockKind.DEFAULT_BAIL_LONG if long else ClockKind.DEFAULT_BAIL_SHORT)
            people = [
                self.accused(case, 2 * i + j + 1, rule.amount if rule else 60)
                for j in range(rng.choice([1, 1, 2, 2, 3, 3]))
            ]
            accused += people
            trial, court = self.trial(case, charged, i % len(self.districts))
            if trial is not None:
                trials.append(trial)
                hearings += court
            subjects.append((case, charged, people, trial, court))
        for s in sections:
            s.created_by = s.case.created_by
        ChargedSection.objects.bulk_create(sections)
        Accused.objects.bulk_create(accused)
        Trial.objects.bulk_create(trials)
        Hearing.objects.bulk_create(hearings)  # bulk_create sets trial_id from the saved trial
        rows = [
            row
            for case, charged, people, trial, court in subjects
            for row in clock_rows(rng, case, wanted(case, charged, people, trial, court), self.now)
        ]
        Clock.objects.bulk_create(rows)
        for name, n in [
            ("sections", sections),
            ("accused", accused),
            ("trials", trials),
            ("hearings", hearings),
            ("clocks", rows),
        ]:
            self.counts[name] += len(n)


def check_clocks(sample):
    """The clocks written in bulk are the ones the app computes."""
    for case in CriminalCase.objects.restrict(SYSTEM).filter(pk__in=sample):

        def key(kind, accused, started, met, responsible, rule):
            return (kind, accused.pk if accused else None, started, met, responsible.pk, rule.pk)

        expected = sorted(key(*w) for w in clocks.wanted_for_case(case))
        stored = sorted(
            (c.kind, c.accused_id, c.started_at, c.met_at, c.responsible_id, c.rule_id)
            for c in Clock.objects.restrict(SYSTEM).filter(case=case)
        )
        assert stored == expected, (case.pk, stored, expected)
    return len(sample)


def analyze():
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


# --- Measuring ----------------------------------------------------------------


def pages_for(users, case):
    pages = []
    for who, u in users.items():
        pages += [
            (who, u, "dashboard (card)", reverse("dashboard")),
            (who, u, "clocks", reverse("justice:clocks")),
            (who, u, "justice list", reverse("justice:list")),
            (who, u, "case page", reverse("justice:case", args=[case.pk])),
        ]
    return pages


def run_pages(pages, runs):
    """{(who, page): (p50, p95, counts, bare p95)}, printed as it goes."""
    print(f"{'page':<28} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8} {'bare p95':>9} {'ratio':>6}")
    found = {}
    for who, u, label, url in pages:
        client = Client()
        client.force_login(u)
        measure(client, url, 3)  # warm up
        times, bare_times, counts = measure(client, url, runs)
        p95, b95 = pct(times, 95), pct(bare_times, 95)
        count = "/".join(str(c) for c in sorted(counts))
        print(
            f"{who + ': ' + label:<28} {pct(times, 50):>8.1f} {p95:>8.1f} {count:>8} "
            f"{b95:>9.1f} {p95 / b95:>5.2f}x",
            flush=True,
        )
        # The session's activity mark (accounts.middleware) is saved once a
        # minute: a request that falls on it asks 3 queries more (43/46).
        found[(who, label)] = (pct(times, 50), p95, min(counts), b95)
    return found


def hearings_of(case):
    return Hearing.objects.restrict(SYSTEM).filter(trial__case=case).count()


def the_case(station, ahtu, prosecution):
    """The first case all three may see with 2 accused or more, a trial and
    3 hearings or more (or as near as the data has)."""
    cases = CriminalCase.objects.restrict(SYSTEM).filter(police_station=station).order_by("pk")
    for wanted_cases in (
        cases.filter(ahtu=ahtu, prosecution=prosecution, trial__isnull=False),
        cases.filter(trial__isnull=False),
    ):
        for case in wanted_cases[:200]:
            accused = Accused.objects.restrict(SYSTEM).filter(case=case).count()
            if accused >= 2 and hearings_of(case) >= 3:
                return case
    return cases.filter(trial__isnull=False).first() or cases.first()


def describe(u, label):
    cases = CriminalCase.objects.restrict(u).count()
    mine = [m.agency_id for m in u.active_memberships()]
    open_clocks = Clock.objects.restrict(u).filter(responsible__in=mine, met_at__isnull=True)
    print(f"  {label} sees {cases} cases; {open_clocks.count()} open clocks are its agency's")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--check", type=int, default=25, help="cases whose clocks are checked")
    parser.add_argument("--keep", action="store_true", help="measure the data already there")
    args = parser.parse_args()
    call_command("keys", "init", verbosity=0)  # as `make run` does; kept if there
    call_command("migrate", verbosity=0)
    call_command("geography", "load", verbosity=0)
    n = args.cases
    # 5 to all 75 districts, 1 to 10 police stations each: ~270 cases a station at full size.
    districts, made = agencies(max(5, n // 2500), max(1, min(10, n // 20_000)))
    station = made[AgencyType.POLICE_STATION][0][0]
    ahtu, pp = made[AgencyType.AHTU][0][0], made[AgencyType.PROSECUTION][0][0]
    users = {
        "AHTU": user("bench.ahtu", ahtu, Role.POLICE_OFFICER),
        "station": user("bench.station", station, Role.POLICE_OFFICER),
        "prosecutor": user("bench.prosecutor", pp, Role.PUBLIC_PROSECUTOR),
    }
    stations = sum(len(s) for s in made[AgencyType.POLICE_STATION])
    print(
        f"{connection.vendor}; {STATE}: {len(districts)} districts, {stations} police stations;"
        f" the users' district is {districts[0].name}"
    )
    sizes = []
    if args.keep and CriminalCase.objects.restrict(SYSTEM).exists():
        sizes.append((CriminalCase.objects.restrict(SYSTEM).count(), None))
    else:
        empty()
        t0 = time.perf_counter()
        pool = victims_pool(made[AgencyType.NGO], max(200, n // 20))
        print(f"victims' pool: {sum(len(p) for p in pool.values())} synthetic survivors"
              f" ({time.perf_counter() - t0:.0f} s)")  # fmt: skip
        officers = {station.pk: users["station"]}  # the FIRs it registered; others: imported
        filler = Filler(districts, made, pool, officers)
        first = max(1, n // 10)
        sizes = [(first, (0, first)), (n, (first, n))]
    results = []
    for size, span in sizes:
        if span is not None:
            t0 = time.perf_counter()
            bar = ProgressBar(n, stream=sys.stderr)
            filler.fill(*span, bar)
            bar.close()
            analyze()
            c = filler.counts
            print(
                f"filled {size} cases in {time.perf_counter() - t0:.0f} s: {c['sections']}"
                f" sections, {c['accused']} accused, {c['trials']} trials, {c['hearings']}"
                f" hearings ({c['accused'] + c['trials'] + c['hearings']} accused/court rows),"
                f" {c['clocks']} clocks"
            )
            ids = list(CriminalCase.objects.restrict(SYSTEM).values_list("pk", flat=True))
            sample = random.Random(size).sample(ids, min(args.check, len(ids)))
            print(f"clocks of {check_clocks(sample)} cases: as clocks.wanted_for_case makes them")
        case = the_case(station, ahtu, pp)
        accused = Accused.objects.restrict(SYSTEM).filter(case=case).count()
        print(f"at {size} cases; the case page is {case} ({accused} accused,"
              f" {hearings_of(case)} hearings)")  # fmt: skip
        for label, u in users.items():
            describe(u, label)
        results.append((size, run_pages(pages_for(users, case), args.runs)))
    if len(results) == 2:
        (small, a), (large, b) = results
        grew = [f"{k[0]}: {k[1]} {a[k][2]} -> {b[k][2]}" for k in a if a[k][2] != b[k][2]]
        print(
            f"query counts at {small} and {large} cases: "
            + ("the same on every page" if not grew else "changed on " + ", ".join(grew))
        )


if __name__ == "__main__":
    main()
