"""The linkage engine's estimates and scores on synthetic registers."""

import pytest

from sangam.demo.missing import Generator
from sangam.matching import records
from sangam.matching.engines import DuckDBEngine
from sangam.matching.linker import Linker


@pytest.fixture(scope="module")
def linked():
    missing, found, truth = Generator(seed=5).dataset(3000, 600)
    left, _ = records.prepare(missing, "missing")
    right, _ = records.prepare(found, "found")
    records.number(left, seed=0)
    records.number(right, seed=1)
    engine = DuckDBEngine()
    linker = Linker(engine, progress=None).run(left, right)
    yield linker, truth
    engine.close()


def rows(linker, threshold):
    return [r for batch in linker.results(threshold) for r in batch]


def test_the_prior_is_about_the_share_of_true_pairs(linked):
    linker, truth = linked
    estimated = linker.model.prior * 3000 * 600
    assert 0.9 * len(truth) < estimated < 1.1 * len(truth)


def test_a_threshold_leaves_the_scores_and_ranks_above_it_as_they_are(linked):
    linker, _ = linked
    everything = rows(linker, 0)
    above = rows(linker, 0.3)
    assert above and len(above) < len(everything)
    assert above == [r for r in everything if r[2] >= 0.3]
    # Ranks count every candidate, also those below the threshold.
    assert any(r[3] > 1 for r in above)


def test_the_best_candidates_are_mostly_true(linked):
    linker, truth = linked
    best = [(m, f) for m, f, score, rank in rows(linker, 0.5) if rank == 1]
    assert sum(pair in truth for pair in best) / len(best) > 0.9


def test_dedupe_keeps_scores_above_a_threshold_as_they_are():
    missing, _, _ = Generator(seed=9).dataset(1500, 10)
    people = [
        {**r, "date": r["date_missing"], "state": r["origin_state"],
         "district": r["origin_district"], "village": r["origin_village"]}
        for r in missing
    ]  # fmt: skip
    side, _ = records.prepare(people, "people")
    records.number(side)
    engine = DuckDBEngine()
    try:
        linker = Linker(engine, progress=None).run(side)
        everything = rows(linker, 0)
        assert rows(linker, 0.2) == [r for r in everything if r[2] >= 0.2]
    finally:
        engine.close()


def test_a_register_without_fathers_names_is_deduplicated():
    """Survivors' records seldom carry a father's name: the training blocks
    on fathers hold no pair, and EM must do without them (after `seed --scale`
    the duplicate finder crashed with a reshape error)."""
    missing, _, _ = Generator(seed=9).dataset(600, 10)
    people = [
        {**r, "father_name": "", "date": r["date_missing"], "state": r["origin_state"],
         "district": r["origin_district"], "village": r["origin_village"]}
        for r in missing
    ]  # fmt: skip
    side, _ = records.prepare(people, "people")
    records.number(side)
    engine = DuckDBEngine()
    try:
        linker = Linker(engine, progress=None).run(side)
        assert 0 < linker.model.prior < 0.5
        assert rows(linker, 0)  # candidates are scored
    finally:
        engine.close()
