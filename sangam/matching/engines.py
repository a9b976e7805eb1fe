"""Where the linkage SQL runs: DuckDB in-process by default, Spark for
national scale. The linker writes one SQL dialect both understand (joins,
CASE, levenshtein, window functions); an engine only loads columns, makes
tables from queries and returns rows."""

import shutil
import tempfile

import pyarrow as pa


class DuckDBEngine:
    name = "duckdb"

    def __init__(self, memory_limit="3GB", threads=None, spill=True):
        import duckdb

        self.db = duckdb.connect()
        self.db.execute(f"SET memory_limit = '{memory_limit}'")
        self.db.execute("SET preserve_insertion_order = false")
        if threads:
            self.db.execute(f"SET threads = {int(threads)}")
        self.spill = None
        if not spill:
            # Sangam's own registers, decrypted for the run: nothing of them
            # may reach the disk, so the run stays in memory (or fails).
            self.db.execute("SET temp_directory = ''")
            return
        # Spill files go to a private temporary folder, removed on close (by
        # default DuckDB would write them into the current directory).
        self.spill = tempfile.mkdtemp(prefix="sangam-match-")
        self.db.execute(f"SET temp_directory = '{self.spill}'")

    def load(self, name, columns, schema):
        table = pa.table({c: pa.array(columns[c], type=t) for c, t in schema.items()})
        self.db.register(f"{name}_arrow", table)
        self.db.execute(f"CREATE OR REPLACE TABLE {name} AS SELECT * FROM {name}_arrow")
        self.db.unregister(f"{name}_arrow")

    def create(self, name, sql):
        self.db.execute(f"CREATE OR REPLACE TABLE {name} AS {sql}")

    def union(self, name, selects):
        """A table of the rows of ``selects``, each row once."""
        self.create(name, " UNION ".join(selects))

    def rows(self, sql):
        return self.db.execute(sql).fetchall()

    def batches(self, sql, size=100_000):
        """Rows of a large result, a batch at a time (memory stays flat)."""
        result = self.db.execute(sql)
        while True:
            chunk = result.fetchmany(size)
            if not chunk:
                return
            yield chunk

    def close(self):
        self.db.close()
        if self.spill:
            shutil.rmtree(self.spill, ignore_errors=True)


class SparkEngine:
    name = "spark"

    def __init__(self, spark=None):
        if spark is None:
            import os
            import sys

            from pyspark.sql import SparkSession

            # Workers must run the driver's Python (not whatever is on PATH).
            os.environ.setdefault("PYSPARK_PYTHON", sys.executable)

            spark = (
                SparkSession.builder.master("local[2]")
                .appName("sangam-match")
                .config("spark.sql.shuffle.partitions", "8")
                .config("spark.ui.enabled", "false")
                # Plans of tables made from tables made from forty joins print
                # to strings longer than the heap: cut them (they are only logged).
                .config("spark.sql.maxPlanStringLength", "100000")
                .getOrCreate()
            )
        self.spark = spark

    def load(self, name, columns, schema):
        from pyspark.sql import types as T

        kinds = {
            pa.string(): T.StringType(),
            pa.float64(): T.DoubleType(),
            pa.int64(): T.LongType(),
        }
        spark_schema = T.StructType([T.StructField(c, kinds[t], True) for c, t in schema.items()])
        # Rows, not pandas: a missing age must stay NULL, not become NaN.
        rows = list(zip(*(columns[c] for c in schema), strict=True))
        frame = self.spark.createDataFrame(rows, spark_schema)
        frame.cache().createOrReplaceTempView(name)

    def create(self, name, sql):
        self.spark.sql(sql).cache().createOrReplaceTempView(name)

    def union(self, name, selects, step=8):
        """As DuckDB's, a few selects at a time: one job joining some forty
        blocking rules at once runs out of memory in local mode (every
        join's hash table at once), so each few are made and kept first."""
        parts = []
        for i in range(0, len(selects), step):
            part = f"{name}_{i // step}"
            self.create(part, " UNION ".join(selects[i : i + step]))
            self.rows(f"SELECT count(*) FROM {part}")  # made now, and kept
            parts.append(f"SELECT * FROM {part}")
        self.create(name, " UNION ".join(parts))

    def rows(self, sql):
        return [tuple(r) for r in self.spark.sql(sql).collect()]

    def batches(self, sql, size=100_000):
        batch = []
        for row in self.spark.sql(sql).toLocalIterator():
            batch.append(tuple(row))
            if len(batch) >= size:
                yield batch
                batch = []
        if batch:
            yield batch

    def close(self):
        pass  # the session may be shared (tests); Spark stops it at exit


ENGINES = {"duckdb": DuckDBEngine, "spark": SparkEngine}
