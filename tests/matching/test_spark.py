"""The same linkage SQL on Spark (local mode) gives the same answer as DuckDB."""

import pytest

from sangam.demo.missing import Generator, write_csv
from sangam.matching import records
from sangam.matching.engines import DuckDBEngine, SparkEngine
from sangam.matching.linker import Linker

pytestmark = pytest.mark.spark


def test_it_links_the_same_pairs_with_the_same_scores_on_spark(tmp_path):
    missing, found, _ = Generator(seed=3).dataset(1200, 250)
    write_csv(tmp_path / "m.csv", missing)
    write_csv(tmp_path / "f.csv", found)
    results = {}
    for engine in (DuckDBEngine, SparkEngine):
        left, _ = records.read(tmp_path / "m.csv", "missing")
        right, _ = records.read(tmp_path / "f.csv", "found")
        records.number(left, seed=0)
        records.number(right, seed=1)
        linker = Linker(engine(), progress=None).run(left, right)
        results[engine.name] = sorted(
            (a, b, round(score, 6), rank)
            for batch in linker.results(0.05)
            for a, b, score, rank in batch
        )
    assert results["duckdb"], "the synthetic files hold candidate pairs"
    assert results["spark"] == results["duckdb"]
