"""Data out: a dataset as tidy tables for spreadsheets, pandas, polars, DuckDB and any engine.

One long table per record type and per list (`tables`, declared by `layout`),
written as a Frictionless Data Package of CSV or Parquet files (`write`), or
handed over as Arrow tables or DataFrames. See ``docs/export.md`` for the
tables and their columns.

Examples:
    >>> import bilateral
    >>> found = bilateral.export.tables(bilateral.datasets.bundle())
    >>> found["instruments"].primary_key
    ('partnership', 'id')
    >>> row = next(found["partnerships"].dicts())
    >>> row["id"], row["data_as_of"]
    ('russia-venezuela', datetime.date(2026, 1, 6))
"""

from bilateral.io.arrow import to_arrow, to_pandas, to_polars
from bilateral.io.package import FORMATS, csv_text, descriptor, write
from bilateral.io.tidy import Column, ForeignKey, Table, layout, tables

__all__ = [
    "FORMATS",
    "Column",
    "ForeignKey",
    "Table",
    "csv_text",
    "descriptor",
    "layout",
    "tables",
    "to_arrow",
    "to_pandas",
    "to_polars",
    "write",
]
