"""How far could any engine get on the matching benchmark's data?

A gradient-boosted classifier is given what no linkage engine has: the true
labels, of another synthetic register of the same size and vocabulary. It
ranks Sangam's candidate pairs (each found person's best 20) from
everything Sangam knows about a pair — its levels, score and rank, how many
candidates the found person has and how far ahead the best is — and the raw
evidence: the years between the two ages against the years between the
records, how common the names are, edit distances of names, father's names
and villages, which fields are empty. Its figures are a rough ceiling of
what these records allow (an estimate, not a proof), printed beside
Sangam's on the same data as benchmarks/matching.py (same seed).

    .venv/bin/pip install scikit-learn        # not a Sangam dependency
    .venv/bin/python benchmarks/matching_ceiling.py --sizes 20000x5000 200000x50000
"""

import argparse
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sangam.site.settings")

CANDIDATES = 20  # per found person, by Sangam's rank

FEATURES = """
    k.score, k.rank, c.candidates, c.best - k.score,
    ln(coalesce(l.tf_s1, 1e-6)), ln(coalesce(l.tf_s2, 1e-6)), ln(coalesce(l.tf_fas, 1e-6)),
    (r.age - l.age) - (r.day - l.day) / 365.25, (r.day - l.day) / 365.25, r.age, l.age,
    l.di IS NULL, r.di IS NULL, l.vi IS NULL, r.vi IS NULL, l.fa IS NULL, r.fa IS NULL,
    l.g2 IS NULL, r.g2 IS NULL,
    levenshtein(l.g1, r.g1), levenshtein(l.s1, r.s1),
    levenshtein(coalesce(l.fa, ''), coalesce(r.fa, '')),
    levenshtein(coalesce(l.vi, ''), coalesce(r.vi, '')),
    l.st = r.st, l.lang = r.lang, l.di = r.di, l.vi = r.vi
"""


def candidates(seed, size, vocabulary):
    """(found ids, feature rows, labels, Sangam's scores) of one synthetic register."""
    import numpy as np

    from sangam.demo.missing import Generator
    from sangam.matching import records
    from sangam.matching.engines import DuckDBEngine
    from sangam.matching.linker import Linker

    n_missing, n_found = (int(x) for x in size.split("x"))
    missing, found, truth = Generator(seed, vocabulary).dataset(n_missing, n_found)
    left, _ = records.prepare(missing, "missing")
    right, _ = records.prepare(found, "found")
    records.number(left, seed=0)
    records.number(right, seed=1)
    engine = DuckDBEngine()
    try:
        linker = Linker(engine, progress=None).run(left, right)
        engine.db.execute("CREATE TABLE truth (m VARCHAR, f VARCHAR)")
        engine.db.executemany("INSERT INTO truth VALUES (?, ?)", sorted(truth))
        levels = ", ".join(f"k.g_{c.name}" for c in linker.config.COMPARISONS)
        engine.create(
            "best",
            f"SELECT * FROM ({linker._ranked_sql(0.0)}) WHERE rank <= {CANDIDATES}",
        )
        rows = engine.rows(
            f"SELECT k.rr, {levels}, {FEATURES}, (t.m IS NOT NULL) FROM best k "
            "JOIN (SELECT rr, count(*) AS candidates, max(score) AS best FROM best GROUP BY rr) c "
            "USING (rr) JOIN l_in l ON l.rid = k.lr JOIN r_in r ON r.rid = k.rr "
            "LEFT JOIN truth t ON t.m = l.id AND t.f = r.id"
        )
    finally:
        engine.close()
    table = np.array(rows, dtype=float)
    n_levels = len(linker.config.COMPARISONS)
    return table[:, 0], table[:, 1:-1], table[:, -1], table[:, 1 + n_levels], len(truth)


def figures(found, scores, labels, true_pairs):
    """Precision, recall and F1 of "best candidate if >= 0.5", the best F1
    over thresholds, recall@5 (among these candidates)."""
    by_found = defaultdict(list)
    for f, score, label in zip(found, scores, labels, strict=True):
        by_found[f].append((score, label))
    best = [max(c) for c in by_found.values()]

    def at(threshold):
        chosen = [label for score, label in best if score >= threshold]
        hits = sum(chosen)
        precision = hits / len(chosen) if chosen else 0.0
        recall = hits / true_pairs
        return precision, recall, 2 * precision * recall / (precision + recall) if hits else 0.0

    top5 = sum(any(label for _, label in sorted(c, reverse=True)[:5]) for c in by_found.values())
    best_f1 = max(at(t / 20)[2] for t in range(1, 20))
    return (*at(0.5), best_f1, top5 / true_pairs)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", nargs="+", default=["20000x5000"])
    parser.add_argument("--seed", type=int, default=1, help="the benchmark's data")
    parser.add_argument("--vocabulary", choices=["wide", "narrow"], default="wide")
    args = parser.parse_args()
    import django

    django.setup()
    from sklearn.ensemble import HistGradientBoostingClassifier

    print(f"{'':<9} {'precision':>9} {'recall':>7} {'F1':>6} {'best F1':>8} {'recall@5':>8}")
    for size in args.sizes:
        started = time.perf_counter()
        _, train_x, train_y, _, _ = candidates(args.seed + 1000, size, args.vocabulary)
        found, test_x, test_y, sangam, true_pairs = candidates(args.seed, size, args.vocabulary)
        model = HistGradientBoostingClassifier(max_iter=300, max_leaf_nodes=63, random_state=0)
        model.fit(train_x, train_y)
        ceiling = model.predict_proba(test_x)[:, 1]
        print(f"{size} ({time.perf_counter() - started:.0f} s)")
        for name, scores in (("sangam", sangam), ("ceiling", ceiling)):
            p, r, f1, best_f1, top5 = figures(found, scores, test_y, true_pairs)
            print(f"{name:<9} {p:>9.3f} {r:>7.3f} {f1:>6.3f} {best_f1:>8.3f} {top5:>8.3f}")


if __name__ == "__main__":
    main()
