"""Accused-network linkage over 1,000,000 accused records: the time and
memory of `sangam justice link --reindex` (target: under 2 minutes and
4 GiB on this 2-core machine) and how many of the true links it proposes.

    createdb -h 127.0.0.1 -U postgres sangam_networks_bench   # once
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/sangam_networks_bench \\
        .venv/bin/python benchmarks/justice_networks.py --accused 1000000 --seed 2

Use a database of its own: the script empties the justice tables.

The records are written from how the field describes accused in FIRs, not
from the rules networks.py applies: a person accused in several cases is
written down by different stations, in Latin or in Bengali or Devanagari
script, given name or surname first, with the spelling variants of the ear
(aa/a, ee/i, sh/s, v/b), with typing slips (a letter dropped, doubled or two
swapped) that no folding undoes, as an initial, under a nickname; phones in
any format, some not recorded, a few with a wrong digit; vehicle numbers in
any format. Shop and taxi-stand numbers are written down for many people
who are not one another. Most persons are accused once; some in two to
five cases, never twice in one. The truth is which records are one person.

The link command runs in a child process (as the scheduler runs it); its
wall time and peak memory are the child's. Quality: recall (true
cross-case pairs proposed), precision (proposed pairs that are one
person), by what they share. Tune on one seed, report on others.
"""

import argparse
import os
import random
import resource
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sangam.site.settings")
os.environ.setdefault("SANGAM_LOG_LEVEL", "WARNING")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from sangam.agencies.models import Agency  # noqa: E402
from sangam.core.access import SYSTEM  # noqa: E402
from sangam.core.progress import ProgressBar  # noqa: E402
from sangam.geography.models import District  # noqa: E402
from sangam.justice.models import Accused, AccusedLink, CriminalCase  # noqa: E402

STATIONS = 300
BATCH = 5000
IST = ZoneInfo("Asia/Kolkata")

# Common names with the way FIRs in Bengal, Bihar and Jharkhand write them
# in the local scripts (hand-written here, not derived from matching/names).
SCRIPTED = {
    "Rakesh": ("রাকেশ", "राकेश"), "Suresh": ("সুরেশ", "सुरेश"), "Mahesh": ("মহেশ", "महेश"),
    "Bikash": ("বিকাশ", "विकास"), "Sanjay": ("সঞ্জয়", "संजय"), "Rajesh": ("রাজেশ", "राजेश"),
    "Manoj": ("মনোজ", "मनोज"), "Anil": ("অনিল", "अनिल"), "Sunil": ("সুনীল", "सुनील"),
    "Ramesh": ("রমেশ", "रमेश"), "Dilip": ("দিলীপ", "दिलीप"), "Ashok": ("অশোক", "अशोक"),
    "Gopal": ("গোপাল", "गोपाल"), "Rafiq": ("রফিক", "रफ़ीक़"), "Salim": ("সেলিম", "सलीम"),
    "Mondal": ("মণ্ডল", "मंडल"), "Sheikh": ("শেখ", "शेख"), "Das": ("দাস", "दास"),
    "Sharma": ("শর্মা", "शर्मा"), "Yadav": ("যাদব", "यादव"), "Ghosh": ("ঘোষ", "घोष"),
    "Biswas": ("বিশ্বাস", "बिस्वास"), "Sarkar": ("সরকার", "सरकार"), "Paswan": ("পাসোয়ান", "पासवान"),
    "Mahato": ("মাহাতো", "महतो"), "Ansari": ("আনসারি", "अंसारी"), "Roy": ("রায়", "राय"),
}  # fmt: skip
NICKNAMES = ["Bablu", "Pappu", "Dada", "Bhola", "Munna", "Guddu", "Chhotu", "Raju", "Tinku",
             "Bapi", "Montu", "Lalu", "Kalu", "Sonu", "Bittu"]  # fmt: skip
ONSETS = ["", "b", "bh", "ch", "d", "g", "h", "j", "k", "kh", "l", "m", "n", "p", "r", "s",
          "sh", "t", "v", "y"]  # fmt: skip
VOWELS = ["a", "a", "a", "i", "u", "e", "o", "aa", "ee"]
CODAS = ["", "", "n", "m", "r", "l", "sh", "t", "k", "j", "p", "ndra", "nt", "sh"]
STATES = ["WB", "BR", "JH", "OD", "AS", "DL", "MH", "UP"]


def _syllable_name(rng):
    parts = [rng.choice(ONSETS) + rng.choice(VOWELS) for _ in range(rng.choice((2, 2, 3)))]
    return ("".join(parts) + rng.choice(CODAS)).capitalize()


def _pools(rng):
    """Given names and surnames with Zipf-like weights: a few very common,
    a long tail of rare ones (as in any district's FIRs)."""
    given = list(SCRIPTED)[:17] + [_syllable_name(rng) for _ in range(4000)]
    surnames = list(SCRIPTED)[15:] + [_syllable_name(rng) for _ in range(2500)]
    weights = lambda n: [1 / (i + 1) ** 0.9 for i in range(n)]  # noqa: E731
    return given, weights(len(given)), surnames, weights(len(surnames))


def _phone(rng):
    return str(rng.choice("6789")) + "".join(rng.choice("0123456789") for _ in range(9))


def _plate(rng):
    letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
    return (rng.choice(STATES), rng.randint(1, 99), rng.choice(letters) + rng.choice(letters),
            rng.randint(1, 9999))  # fmt: skip


def persons(n_records, rng):
    """(given, surname, phones, plate) per person and the person of each of
    n_records records: most accused once, some in two to five cases."""
    given, gw, surnames, sw = _pools(rng)
    people, records = [], []
    while len(records) < n_records:
        times = rng.choices((1, 2, 3, 4, 5), weights=(85, 10, 3, 1.5, 0.5))[0]
        phones = [_phone(rng) for _ in range(rng.choices((0, 1, 2), weights=(15, 60, 25))[0])]
        plate = _plate(rng) if rng.random() < 0.25 else None
        people.append((rng.choices(given, gw)[0], rng.choices(surnames, sw)[0], phones, plate))
        records += [len(people) - 1] * times
    return people, records[:n_records]


EAR = [("aa", "a"), ("a", "aa"), ("ee", "i"), ("i", "ee"), ("oo", "u"), ("u", "oo"),
       ("sh", "s"), ("s", "sh"), ("v", "b"), ("b", "v"), ("w", "v"), ("ph", "f"),
       ("o", "a")]  # fmt: skip


def _heard(word, rng):
    """The word as another officer heard and wrote it."""
    if word in SCRIPTED and rng.random() < 0.25:
        return SCRIPTED[word][rng.random() < 0.5]
    if rng.random() < 0.2:
        variant, form = rng.choice(EAR)
        at = word.lower().find(variant)
        if at >= 0:
            word = word[:at] + form + word[at + len(variant) :]
    if rng.random() < 0.05 and len(word) > 3:  # a typing slip
        i = rng.randrange(1, len(word) - 1)
        slip = rng.choice(("drop", "double", "swap"))
        if slip == "drop":
            word = word[:i] + word[i + 1 :]
        elif slip == "double":
            word = word[:i] + word[i] + word[i:]
        else:
            word = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return word.capitalize() if word.isascii() else word


def _format_phone(number, rng):
    if rng.random() < 0.02:  # a wrong digit
        i = rng.randrange(10)
        number = number[:i] + str((int(number[i]) + 1) % 10) + number[i + 1 :]
    return rng.choice(
        (number, f"+91 {number[:5]} {number[5:]}", f"0{number}", f"{number[:5]}-{number[5:]}",
         f"+91-{number}")
    )  # fmt: skip


def _format_plate(plate, rng):
    state, district, series, number = plate
    if rng.random() < 0.02:
        number = (number + 1) % 10000
    return rng.choice(
        (f"{state} {district:02d} {series} {number:04d}",
         f"{state}-{district:02d}-{series}-{number:04d}",
         f"{state}{district:02d}{series}{number:04d}".lower())
    )  # fmt: skip


def record(person, rng, common_phones):
    """One FIR's accused record of ``person``: name, aliases, phones, vehicles."""
    given, surname, phones, plate = person
    first, last = _heard(given, rng), _heard(surname, rng)
    roll = rng.random()
    if roll < 0.10:
        name = f"{given[0]}. {last}"
    elif roll < 0.20:
        name = f"{last} {first}"
    else:
        name = f"{first} {last}"
    aliases = []
    if rng.random() < 0.2:
        nick = rng.choice(NICKNAMES)
        aliases.append(nick if rng.random() < 0.6 else f"{nick} {last}")
    written = [_format_phone(p, rng) for p in phones if rng.random() < 0.6]
    if rng.random() < 0.005:
        written.append(rng.choice(common_phones))  # the shop's number, not his
    vehicles = [_format_plate(plate, rng)] if plate and rng.random() < 0.5 else []
    return name, aliases, written, vehicles


def fill(n, seed):
    rng = random.Random(seed)
    with connection.cursor() as cursor:
        for table in ("justice_networkkey", "justice_accusedlink", "justice_clock",
                      "justice_accused", "justice_chargedsection", "justice_criminalcase_victims",
                      "justice_criminalcase"):  # fmt: skip
            cursor.execute(f"DELETE FROM {table}")  # noqa: S608
    districts = list(District.objects.select_related("state").order_by("pk")[:STATIONS])
    stations = list(Agency.objects.filter(name__startswith="Bench station ").order_by("pk"))
    stations = stations or Agency.objects.bulk_create(
        Agency(name=f"Bench station {i} (synthetic)", type="police_station",
               jurisdiction_level="district", state=d.state, district=d)
        for i, d in enumerate(districts)
    )  # fmt: skip
    people, of_record = persons(n, rng)
    common_phones = [_phone(rng) for _ in range(50)]
    # Cases of one to four accused; one person is never twice in a case.
    order = list(range(n))
    rng.shuffle(order)
    bar = ProgressBar(n, stream=sys.stderr)
    done, start = 0, datetime(2024, 1, 1, tzinfo=IST)
    pk_person = {}
    while done < n:
        cases, groups = [], []
        while done < n and len(cases) < BATCH:
            size = rng.choices((1, 2, 3, 4), weights=(50, 30, 15, 5))[0]
            group, seen = [], set()
            for i in order[done : done + size]:
                if of_record[i] not in seen:
                    seen.add(of_record[i])
                    group.append(i)
            done += size
            cases.append(
                CriminalCase(
                    police_station=rng.choice(stations),
                    fir_number=f"BENCH-{done}/2025",
                    fir_at=start + timedelta(minutes=done),
                )
            )
            groups.append(group)
        CriminalCase.objects.bulk_create(cases)
        accused = []
        for case, group in zip(cases, groups, strict=True):
            for i in group:
                name, aliases, phones, vehicles = record(people[of_record[i]], rng, common_phones)
                accused.append(
                    Accused(case=case, name=name, aliases=aliases, phones=phones,
                            vehicles=vehicles, role="other")
                )  # fmt: skip
        made = Accused.objects.restrict(SYSTEM).bulk_create(accused)
        flat = [i for group in groups for i in group]
        for a, i in zip(made, flat, strict=True):
            pk_person[a.pk] = of_record[i]
        bar.update(min(done, n))
    bar.close()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return pk_person


def true_pairs(pk_person):
    """Every pair of records of one person (all in different cases)."""
    by_person = {}
    for pk, person in pk_person.items():
        by_person.setdefault(person, []).append(pk)
    pairs = set()
    for pks in by_person.values():
        pks.sort()
        pairs |= {(a, b) for i, a in enumerate(pks) for b in pks[i + 1 :]}
    return pairs


def run_link():
    """`sangam justice link --reindex` in a child process, as scheduled."""
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "sangam.site.cli", "justice", "link", "--reindex"],
        check=True,
        cwd=ROOT,
        env=os.environ.copy(),
    )
    wall = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024 / 1024  # GiB (KiB in)
    return wall, peak


def report(pk_person):
    truth = true_pairs(pk_person)
    proposed = {}
    for a, o, levels in (
        AccusedLink.objects.restrict(SYSTEM)
        .filter(other__isnull=False)
        .values_list("accused_id", "other_id", "levels")
        .iterator(chunk_size=BATCH)
    ):
        proposed[(a, o)] = levels
    hits = truth & proposed.keys()
    print(f"true cross-case pairs {len(truth):,}; proposed {len(proposed):,}")
    recall, precision = len(hits) / max(len(truth), 1), len(hits) / max(len(proposed), 1)
    print(f"recall {recall:.3f}  precision {precision:.3f}")
    for kind in ("phone", "vehicle", "name"):
        with_kind = {p for p, lv in proposed.items() if lv.get(kind)}
        right = len(with_kind & truth)
        print(f"  sharing a {kind:<8} proposed {len(with_kind):>9,}  precision "
              f"{right / max(len(with_kind), 1):.3f}")  # fmt: skip


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--accused", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=2, help="tuned on 1; report others")
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    call_command("geography", "load", verbosity=0)
    t0 = time.perf_counter()
    pk_person = fill(args.accused, args.seed)
    print(f"filled {args.accused:,} accused in {time.perf_counter() - t0:.0f} s "
          f"({connection.vendor}, seed {args.seed})")  # fmt: skip
    wall, peak = run_link()
    print(f"sangam justice link --reindex: {wall:.1f} s, peak memory {peak:.2f} GiB "
          f"(target: under 120 s and 4 GiB)")  # fmt: skip
    report(pk_person)


if __name__ == "__main__":
    main()
