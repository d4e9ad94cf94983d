"""Thousands of partnerships: export them to Parquet and compare them in DuckDB, as ratios to loading them.

    python benchmarks/bench_export.py [PARTNERSHIPS]

Builds a synthetic dataset: the bundled partnerships cloned under new ids until
there are PARTNERSHIPS of them (default 3000), sharing the bundle's sources,
actors and sanction measures. It writes it as JSON, then times, side by side
in one run:

- ``load``: `bilateral.loads` of the JSON (parsing and every check);
- ``export``: `bilateral.export.write` of the loaded dataset as Parquet;
- ``query``: DuckDB's area-by-area comparison of every partnership, read from
  the Parquet files (the query of docs/export.md);

and prints each as a ratio to ``load``. Ratios, not seconds, are what to
compare between runs: the machines are shared and noisy. Needs the
``parquet`` extra and duckdb (both in the ``test`` extra).

What the ratios say: once a collection is exported, comparing all of it in
DuckDB costs a small fraction of reading it into bilateral again, so the
Parquet files, not the data files, are what to query at scale.
"""

import sys
import tempfile
from pathlib import Path

import attrs
import duckdb
from bench_io import best  # run as a script, benchmarks/ is on the path

import bilateral

QUERY = """
    PIVOT (SELECT area, partnership FROM '{folder}/instrument_areas.parquet')
    ON partnership USING count(*) GROUP BY area ORDER BY area
"""


def synthetic(count: int) -> bilateral.Dataset:
    """The bundled partnerships cloned under new ids, ``count`` of them in all."""
    bundle = bilateral.datasets.bundle()
    own = bundle.partnerships
    clones = tuple(attrs.evolve(own[n % len(own)], id=f"{own[n % len(own)].id}-{n}") for n in range(count))
    return attrs.evolve(bundle, partnerships=clones)


def main(count: int) -> None:
    text = bilateral.dumps(synthetic(count), "json")
    dataset = bilateral.loads(text, "json", max_size=len(text))
    with tempfile.TemporaryDirectory() as folder:
        bilateral.export.write(dataset, folder, "parquet")
        query = QUERY.format(folder=folder)
        columns = len(duckdb.sql(query).columns) - 1
        assert columns == count, f"the query compared {columns} partnerships, not {count}"
        load = best(lambda: bilateral.loads(text, "json", max_size=len(text)))
        export = best(lambda: bilateral.export.write(dataset, Path(folder), "parquet"))
        compare = best(lambda: duckdb.sql(query).fetchall())
    print(f"{count} partnerships, {len(text) / 1e6:.1f} MB of JSON")
    print(f"{'step':<8} {'seconds':>8} {'ratio to load':>14}")
    for name, seconds in (("load", load), ("export", export), ("query", compare)):
        print(f"{name:<8} {seconds:8.3f} {seconds / load:14.3f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3000)
