"""Finding the missing: Sangam's linkage engine against a Splink baseline on
the same synthetic data, side by side.

    .venv/bin/pip install splink        # the baseline (not a Sangam dependency)
    .venv/bin/python benchmarks/matching.py                 # 20,000 x 5,000
    .venv/bin/python benchmarks/matching.py --sizes 200000x50000
    .venv/bin/python benchmarks/matching.py --vocabulary narrow   # the stress test

Data: sangam.demo.missing (names in Latin, Devanagari and Bengali with
the field's spelling noise, Zipf-like name collisions, ages estimated years
later, places as a child says them; 60% of found persons truly match a
missing record). Each engine runs in a child process (its own wall time and
peak memory). Printed per engine: candidate pairs, precision, recall and F1
of the decision "a found person's best candidate, if its score >= 0.5",
recall@5 (the true record is among a found person's top 5 candidates), both
among the pairs a reviewer is shown (scores at or above `sangam match`'s
default threshold, for both engines), the
observed share of true pairs in score bands (calibration), wall time and
peak resident memory. ``--profile`` picks the noise: the demo generator's
and the field's (benchmarks/field_noise.py), both by default, side by side,
with F1 at the best threshold, the share of true pairs among the candidates
and per blocking rule.

Measured 2026-12-04 on a quiet machine (2 cores, load average about 1;
rules tuned on seed 1, figures on seeds 2 and 3; Splink 5.0.0 in a
separate venv; Sangam after caching letters/one_edit/district_key, which
took 2.6 s off the 200,000 run on seed 1):

    size              profile engine  seed  pairs      best F1  recall@5  in cands  s      peak MiB
    20,000 x 5,000    demo    sangam  2        428,531  0.965    0.985     0.996      4.7    389
    20,000 x 5,000    demo    splink  2        500,364  0.484    0.447     -          3.1    318
    20,000 x 5,000    field   sangam  2        438,279  0.937    0.971     0.992      3.8    404
    20,000 x 5,000    field   splink  2        420,299  0.446    0.397     -          4.0    333
    200,000 x 50,000  demo    sangam  2     30,854,976  0.927    0.973     0.995     41.5  2,718
    200,000 x 50,000  demo    splink  2     48,560,362  0.160    0.182     -         51.8  5,191
    200,000 x 50,000  field   sangam  2     33,944,070  0.888    0.945     0.993     60.3  2,918
    200,000 x 50,000  field   splink  2     42,729,455  0.324    0.365     -         64.3  4,848
    200,000 x 50,000  demo    sangam  3     30,807,159  0.924    0.974     0.995     55.1  2,709
    200,000 x 50,000  demo    splink  3     48,848,254  0.170    0.184     -         53.5  5,228
    200,000 x 50,000  field   sangam  3     33,619,329  0.886    0.944     0.992     62.5  2,906
    200,000 x 50,000  field   splink  3     41,657,597  0.318    0.353     -         62.1  4,709
    200,000 x 50,000  field   sangam  3     (again, after the caching)         64.6  2,705
    200,000 x 50,000  field   splink  3     (same run)                         75.2  5,767

The seeds-2 and -3 rows before the last two were one run each (both
sizes, both profiles) before the caching. The seconds of one engine vary
by 5-10 s from run to run here, so side by side Sangam is faster than
Splink at 200,000 in two of the three field runs and level in the third
(62.5 s against 62.1 s); the demo profile on seed 3 was 1.6 s slower.
Calibration at 200,000 (field, both seeds): the 0.9+ band is 0.99 true
(Splink's 0.98); at 20,000, 1.00.

Measured 2026-12-03 (2 cores shared with other sessions: load average 2.5 at
20,000, 3 to 4 at 200,000, so the seconds are several times those of a
quiet machine, for both engines alike; rules tuned on seed 1, figures on
seed 2; Splink 5.0.0 with DuckDB 2.0.1 in a separate venv):

    size              profile engine  pairs      best F1  recall@5  in cands  s      peak MiB
    20,000 x 5,000    demo    sangam     428,531  0.965    0.985     0.996      12.5    383
    20,000 x 5,000    demo    splink     500,364  0.483    0.448     -           9.1    315
    20,000 x 5,000    field   sangam     438,279  0.937    0.971     0.992      11.9    398
    20,000 x 5,000    field   splink     420,299  0.445    0.397     -          10.6    334
    200,000 x 50,000  field   sangam  33,944,070  0.888    0.945     0.993     215.2  2,912
    200,000 x 50,000  field   splink  42,729,455  0.324    0.365     -         219.4  4,852

On the quiet machine of 2026-12-02, before the home-name keys: 20,000 x
5,000 field 0.937 / 0.970 / 0.990 of true pairs in 4.0 s (Splink 3.2 s);
200,000 x 50,000 field 28.1 M pairs, 0.888 / 0.943 / 0.989 in 66.4 s and
2,573 MiB (Splink 103.6 s, 4,876 MiB). Calibration at 200,000 x 50,000
(field): the 0.9+ band is 0.99 true, Splink's 0.98. Of the 355 true pairs
blocking lost at 200,000 (seed 1), most were a pet name or a short form
(Munni, Khu for Khubhakhi) with the district right but the age a band
off, or the district wrong or blank and the surname replaced while the
father's name agreed; the home-name keys (the district alone for a pet
name or a short form), the father's name with the given name's first
letters, with the same given name a letter off and with the surname, and
a rarity bar that grows with the registers keep 118 of them for 5.8 M
pairs (seed 1: 0.988 to 0.992). What is still lost shares only a given
name and sex, or nothing but the state.

Before the keys of issue 22 (seed 1, 20,000 x 5,000, field): 0.932 best F1,
0.963 recall@5, 0.980 of true pairs among the candidates.
"""

import argparse
import importlib.util
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sangam.site.settings")

from sangam.matching.settings import DEFAULT_THRESHOLD  # noqa: E402  (no Django needed)


def sangam_engine(missing, found):
    import django

    django.setup()
    from sangam.matching import records
    from sangam.matching.engines import DuckDBEngine
    from sangam.matching.linker import Linker

    left, _ = records.read(missing, "missing")
    right, _ = records.read(found, "found")
    records.number(left, seed=0)
    records.number(right, seed=1)
    linker = Linker(DuckDBEngine(), progress=None).run(left, right)
    # Streamed, as `sangam match` writes them: holding tens of millions of
    # pairs in a list would measure the harness, not the engine.
    rows = (r[:4] for batch in linker.results(THRESHOLD) for r in batch)
    return rows, linker.pairs, lambda truth: blocking(linker, truth)


def blocking(linker, truth):
    """After the clock stops: per blocking rule, its pairs (a several-valued
    key counts a pair once per value shared) and the share of true pairs it
    keeps; and the share of true pairs among all candidates."""
    import pyarrow as pa

    db = linker.engine.db
    db.register("truth_ids", pa.table({"m": [m for m, _ in truth], "f": [f for _, f in truth]}))
    db.execute(
        "CREATE TABLE truth AS SELECT l.rid AS lr, r.rid AS rr FROM truth_ids t "
        "JOIN l_in l ON l.id = t.m JOIN r_in r ON r.id = t.f"
    )
    kept = db.execute("SELECT count(*) FROM truth JOIN gammas USING (lr, rr)").fetchone()[0]
    rules = []
    for rule in linker.rules:
        pairs = db.execute(f"SELECT count(*) FROM {linker._join(rule)}").fetchone()[0]
        true = db.execute(
            f"SELECT count(*) FROM (SELECT DISTINCT p.lr, p.rr FROM truth t "
            f"JOIN ({linker.rule_pairs_sql(rule)}) p USING (lr, rr)) s"
        ).fetchone()[0]
        rules.append((rule, pairs, true / len(truth)))
    return {"kept": kept / len(truth), "rules": rules}


def splink_baseline(missing, found):
    """Splink 5 as a careful user would set it up for these files: lower-cased
    first/last name words, father's first name, birth year from date and age,
    district and state; term-frequency adjustments on names; u by random
    sampling, m by EM on two blocking rules (first name and surname; district
    and father: the pairs of blocks where EM converged to a useful model on
    these data; first name and sex, or district and birth year, gave m close
    to u)."""
    import pandas as pd
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    def prepare(path, date_col, place):
        df = pd.read_csv(path, dtype=str, keep_default_na=False)
        words = df["name"].str.lower().str.replace(r"[^\w\s]", " ", regex=True).str.split()
        out = pd.DataFrame({"unique_id": df["id"]})
        out["first_name"] = words.str[0]
        out["surname"] = words.apply(lambda w: w[-1] if len(w) > 1 else None)
        out["father"] = df["father_name"].str.lower().str.split().str[0]
        year = pd.to_datetime(df[date_col], errors="coerce").dt.year
        out["birth_year"] = year - pd.to_numeric(df["age"], errors="coerce")
        out["sex"] = df["sex"].str.lower().str[:1].replace("", None)
        out["district"] = df[f"{place}_district"].str.lower().replace("", None)
        out["state"] = df[f"{place}_state"].str.lower().replace("", None)
        return out.replace({"": None})

    db = DuckDBAPI()
    left = db.register(prepare(missing, "date_missing", "origin"))
    right = db.register(prepare(found, "date_found", "stated"))
    rules = [
        block_on("first_name", "sex"),
        block_on("surname", "district"),
        block_on("father", "state"),
    ]
    settings = SettingsCreator(
        link_type="link_only",
        comparisons=[
            cl.JaroWinklerAtThresholds("first_name", [0.92, 0.8]).configure(
                term_frequency_adjustments=True
            ),
            cl.JaroWinklerAtThresholds("surname", [0.92, 0.8]),
            cl.JaroWinklerAtThresholds("father", [0.92, 0.8]),
            cl.CustomComparison(
                [
                    cll.NullLevel("birth_year"),
                    cll.AbsoluteDifferenceLevel("birth_year", 1),
                    cll.AbsoluteDifferenceLevel("birth_year", 2),
                    cll.AbsoluteDifferenceLevel("birth_year", 4),
                    cll.ElseLevel(),
                ],
                output_column_name="birth_year",
            ),
            cl.ExactMatch("sex"),
            cl.LevenshteinAtThresholds("district", [2]),
            cl.ExactMatch("state"),
        ],
        blocking_rules_to_generate_predictions=rules,
        retain_intermediate_calculation_columns=False,
    )
    linker = Linker([left, right], settings, log_level=None)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("first_name", "surname", "birth_year")], recall=0.1
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=5e6, seed=1)
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("first_name", "surname")
    )
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("district", "father")
    )
    predictions = linker.inference.predict(threshold_match_probability=THRESHOLD)
    df = predictions.as_pandas_dataframe()
    df = df.sort_values(["unique_id_r", "match_probability"], ascending=[True, False])
    df["rank"] = df.groupby("unique_id_r").cumcount() + 1
    rows = list(
        zip(df["unique_id_l"], df["unique_id_r"], df["match_probability"], df["rank"], strict=True)
    )

    def pairs():  # counted after the clock stops
        from splink.blocking_analysis import count_comparisons_from_blocking_rules

        counts = count_comparisons_from_blocking_rules(
            [left, right], blocking_rules=rules, link_type="link_only", record_sample_proportion=1.0
        )
        return counts[-1]["cumulative_comparison_count"]

    return rows, pairs, None


# What a reviewer is shown: pairs scoring at least `sangam match`'s default
# threshold, for both engines (ranks and recall@5 are counted among them).
THRESHOLD = DEFAULT_THRESHOLD
ENGINES = {"sangam": sangam_engine, "splink": splink_baseline}


def child(engine, missing, found, truth_path, out):
    truth = {tuple(p) for p in json.loads(Path(truth_path).read_text())}
    start = time.perf_counter()
    rows, pairs, blocked = ENGINES[engine](missing, found)
    found_with_truth = {f for _, f in truth}
    predicted, top5, bands, best = set(), set(), {}, []
    shown = 0
    for m, f, score, rank in rows:
        shown += 1
        if rank <= 5 and (m, f) in truth:
            top5.add(f)
        if rank == 1:
            best.append((score, (m, f) in truth))
            if score >= 0.5:
                predicted.add((m, f))
            band = min(int(score * 10), 9)
            total, right = bands.get(band, (0, 0))
            bands[band] = (total + 1, right + ((m, f) in truth))
    elapsed = time.perf_counter() - start  # the results are read while they are scored
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if callable(pairs):
        pairs = pairs()
    hits = len(predicted & truth)
    precision = hits / len(predicted) if predicted else 0.0
    recall = hits / len(truth)
    f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
    # F1 at the best threshold: best candidates taken from the highest score down.
    best_f1, best_at, right = 0.0, 1.0, 0
    for n, (score, true) in enumerate(sorted(best, reverse=True), 1):
        right += true
        if 2 * right / (n + len(truth)) > best_f1:
            best_f1, best_at = 2 * right / (n + len(truth)), score
    Path(out).write_text(
        json.dumps(
            {
                "pairs": pairs,
                "shown": shown,
                "precision": precision,
                "recall": recall,
                "f1": f1,
                "best_f1": best_f1,
                "best_at": best_at,
                "blocking": blocked(truth) if blocked else None,
                "recall_at_5": len(top5) / len(found_with_truth),
                "seconds": elapsed,
                "peak_mib": peak,
                "bands": {str(k): v for k, v in sorted(bands.items())},
            }
        )
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", nargs="+", default=["20000x5000"])
    parser.add_argument("--engines", nargs="+", default=["sangam", "splink"])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--profile",
        nargs="+",
        choices=["demo", "field"],
        default=["demo", "field"],
        help="noise: the demo generator's, or the field's (benchmarks/field_noise.py)",
    )
    parser.add_argument(
        "--vocabulary",
        choices=["wide", "narrow"],
        default="wide",
        help="names and places of the synthetic data (see sangam/demo/missing.py)",
    )
    args = parser.parse_args()
    import django

    django.setup()
    from benchmarks.field_noise import PROFILES
    from sangam.demo.missing import write_csv

    engines = list(args.engines)
    if "splink" in engines and importlib.util.find_spec("splink") is None:
        print("splink is not installed here: no baseline in this run")
        engines.remove("splink")
    for size in args.sizes:
        n_missing, n_found = (int(x) for x in size.split("x"))
        results = {}
        for profile in args.profile:
            with tempfile.TemporaryDirectory() as tmp:
                generator = PROFILES[profile](args.seed, args.vocabulary)
                missing, found, truth = generator.dataset(n_missing, n_found)
                write_csv(f"{tmp}/missing.csv", missing)
                write_csv(f"{tmp}/found.csv", found)
                Path(f"{tmp}/truth.json").write_text(json.dumps(sorted(truth)))
                for engine in engines:
                    out = f"{tmp}/{engine}.json"
                    done = subprocess.run(
                        [sys.executable, __file__, "--child", engine, tmp, out],
                        capture_output=True,
                        text=True,
                    )
                    if done.returncode != 0:
                        tail = done.stderr.strip().splitlines()[-1:]
                        results[profile, engine] = f"failed: {tail}"
                        continue
                    results[profile, engine] = json.loads(Path(out).read_text())
        report(n_missing, n_found, len(truth), args, engines, results)


def report(n_missing, n_found, n_true, args, engines, results):
    print(
        f"\n{n_missing:,} missing x {n_found:,} found, about {n_true:,} true pairs "
        f"({args.vocabulary} vocabulary, seed {args.seed})"
    )
    print(
        f"{'profile':<7} {'engine':<7} {'pairs':>11} {'shown':>8} {'F1@0.5':>6} "
        f"{'best F1':>7} {'at':>5} {'recall@5':>8} {'in cands':>8} {'seconds':>8} {'peak MiB':>9}"
    )
    for (profile, engine), r in results.items():
        if isinstance(r, str):
            print(f"{profile:<7} {engine:<7} {r}")
            continue
        kept = f"{r['blocking']['kept']:.3f}" if r["blocking"] else "-"
        print(
            f"{profile:<7} {engine:<7} {r['pairs']:>11,} {r['shown']:>8,} {r['f1']:>6.3f} "
            f"{r['best_f1']:>7.3f} {r['best_at']:>5.2f} {r['recall_at_5']:>8.3f} {kept:>8} "
            f"{r['seconds']:>8.1f} {r['peak_mib']:>9.0f}"
        )
    print("\ncalibration (best candidates per score band: share true, of how many)")
    for (profile, engine), r in results.items():
        if isinstance(r, str):
            continue
        bands = ", ".join(
            f"{int(k) / 10:.1f}+ {right / total:.2f}/{total}"
            for k, (total, right) in r["bands"].items()
        )
        print(f"{profile:<7} {engine:<7} {bands}")
    blocked = {p: r["blocking"] for (p, e), r in results.items() if e == "sangam" and r}
    blocked = {p: b for p, b in blocked.items() if not isinstance(b, str) and b}
    if blocked:
        profiles = list(blocked)
        print("\nblocking rules: pairs, share of true pairs kept (" + " | ".join(profiles) + ")")
        for i, (rule, *_) in enumerate(next(iter(blocked.values()))["rules"]):
            cells = " | ".join(
                f"{blocked[p]['rules'][i][1]:>10,} {blocked[p]['rules'][i][2]:.3f}"
                for p in profiles
                if i < len(blocked[p]["rules"]) and blocked[p]["rules"][i][0] == rule
            )
            print(f"  {rule:<62} {cells}")
        overall = " | ".join(f"{blocked[p]['kept']:.3f}" for p in profiles)
        print(f"  {'all rules (true pairs among candidates)':<62} {overall}")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        _, _, engine, tmp, out = sys.argv
        child(engine, f"{tmp}/missing.csv", f"{tmp}/found.csv", f"{tmp}/truth.json", out)
    else:
        main()
