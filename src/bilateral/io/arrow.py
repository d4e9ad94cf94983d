"""The tidy tables as Apache Arrow: Parquet files, pandas and polars DataFrames.

pyarrow, pandas and polars are optional (the ``parquet``, ``pandas`` and
``polars`` extras); without them, these functions raise
`bilateral.errors.MissingExtraError` naming the extra to install.

The Arrow types keep what the tables mean: text is ``string``, a day is
``date32``, an exact decimal is ``decimal128(38, 9)`` (never a float; another
scale for a column whose values need it, so that none is rounded), a
count is ``int64``, a flag is ``bool``, and unknown is null. A required
column is not nullable.
"""

import functools
import importlib
from decimal import Decimal
from types import ModuleType
from typing import Any

from bilateral.errors import MissingExtraError
from bilateral.io.tidy import Table, tables
from bilateral.model.partnership import Dataset, Partnership

__all__ = [
    "DECIMAL_PRECISION",
    "DECIMAL_SCALE",
    "arrow_table",
    "parquet_bytes",
    "to_arrow",
    "to_pandas",
    "to_polars",
]

#: A decimal column is DECIMAL(38, 9), 29 digits before the point and 9 after, unless its values need more.
DECIMAL_PRECISION, DECIMAL_SCALE = 38, 9


def _module(name: str, feature: str, extra: str) -> ModuleType:
    try:
        return importlib.import_module(name)
    except ImportError:
        raise MissingExtraError(feature, name, extra) from None


@functools.cache
def _types() -> dict[str, Any]:
    pa = _module("pyarrow", "Arrow and Parquet export", "parquet")
    return {
        "string": pa.string(),
        "integer": pa.int64(),
        "number": pa.decimal128(DECIMAL_PRECISION, DECIMAL_SCALE),
        "boolean": pa.bool_(),
        "date": pa.date32(),
    }


def _decimal_type(table: Table, index: int, name: str) -> Any:
    """DECIMAL(38, 9), or another scale where a value of the column needs it (never rounded).

    38 digits is what DuckDB and Spark read as a decimal (wider, DuckDB reads a
    double), so the precision stays 38 and the scale moves: more places for a
    value with more than 9 after the point, fewer for one with more than 29
    before it.

    Raises:
        ValueError: The column's values need more than 38 digits in all.
    """
    pa = _module("pyarrow", "Arrow and Parquet export", "parquet")
    whole = places = 0
    for row in table.rows:
        value = row[index]
        if not isinstance(value, Decimal):
            continue
        _, digits, exponent = value.as_tuple()
        assert isinstance(exponent, int)  # the model holds finite numbers only
        places = max(places, -exponent)
        whole = max(whole, len(digits) + exponent)
    if whole + places > DECIMAL_PRECISION:
        raise ValueError(
            f"{table.name}, {name}: its values need {whole + places} digits, more than the "
            f"{DECIMAL_PRECISION} of Parquet's decimals that DuckDB and Spark read; export it as CSV instead"
        )
    return pa.decimal128(DECIMAL_PRECISION, min(max(DECIMAL_SCALE, places), DECIMAL_PRECISION - whole))


def arrow_table(table: Table) -> Any:
    """One tidy table as a `pyarrow.Table`, typed, with each column's description in its metadata."""
    pa = _module("pyarrow", "Arrow and Parquet export", "parquet")
    types = _types()
    fields, arrays = [], []
    for index, column in enumerate(table.columns):
        kind = _decimal_type(table, index, column.name) if column.type == "number" else types[column.type]
        fields.append(
            pa.field(
                column.name, kind, nullable=not column.required, metadata={"description": column.description}
            )
        )
        arrays.append(pa.array([row[index] for row in table.rows], type=kind))
    schema = pa.schema(
        fields, metadata={"description": table.description, "primary_key": ",".join(table.primary_key)}
    )
    return pa.Table.from_arrays(arrays, schema=schema)


def parquet_bytes(table: Table) -> bytes:
    """One tidy table as a Parquet file's bytes (DATE and DECIMAL logical types kept)."""
    pa = _module("pyarrow", "Parquet export", "parquet")
    parquet = _module("pyarrow.parquet", "Parquet export", "parquet")
    sink = pa.BufferOutputStream()
    parquet.write_table(arrow_table(table), sink)
    return bytes(sink.getvalue().to_pybytes())


def to_arrow(data: Dataset | Partnership) -> dict[str, Any]:
    """The tidy tables as `pyarrow.Table` objects, by name (needs the ``parquet`` extra)."""
    return {name: arrow_table(t) for name, t in tables(data).items()}


def to_pandas(data: Dataset | Partnership) -> dict[str, Any]:
    """The tidy tables as pandas DataFrames, by name, every column typed (needs the ``pandas`` extra).

    Columns have pyarrow-backed dtypes, so that nothing is turned into a float
    or an object: ``string[pyarrow]``, ``date32[day][pyarrow]``,
    ``decimal128(38, 9)[pyarrow]``, ``int64[pyarrow]``, ``bool[pyarrow]``, with
    ``<NA>`` for unknown.

    Examples:
        >>> import bilateral
        >>> frames = bilateral.export.to_pandas(bilateral.datasets.bundle())
        >>> str(frames["instruments"]["signed_earliest"].dtype)
        'date32[day][pyarrow]'
    """
    pd = _module("pandas", "DataFrame export", "pandas")
    _module("pyarrow", "DataFrame export", "pandas")
    return {name: t.to_pandas(types_mapper=pd.ArrowDtype) for name, t in to_arrow(data).items()}


def to_polars(data: Dataset | Partnership) -> dict[str, Any]:
    """The tidy tables as polars DataFrames, by name (needs the ``polars`` extra).

    Examples:
        >>> import bilateral
        >>> frames = bilateral.export.to_polars(bilateral.datasets.bundle())
        >>> str(frames["trade_figures"].schema["value_amount"])
        'Decimal(precision=38, scale=9)'
    """
    pl = _module("polars", "DataFrame export", "polars")
    _module("pyarrow", "DataFrame export", "polars")
    return {name: pl.from_arrow(t) for name, t in to_arrow(data).items()}
