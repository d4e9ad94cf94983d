"""A dataset's tidy tables as a Frictionless Data Package: CSV or Parquet files and ``datapackage.json``.

The descriptor follows Data Package v2: each resource is a table with an
inline Table Schema (types, primary key, foreign keys, enum ``categories``
with what each value means, ``missingValues``). Enums also carry the v1
``constraints.enum``, which readers of either version check. A partial date
is never typed ``date`` (readers would fill in today's month and day): it is
its EDTF text beside two ``date`` columns, its earliest and latest day.

Examples:
    >>> import bilateral, tempfile, pathlib
    >>> from bilateral.io.package import write
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> write(bilateral.datasets.bundle(), folder).name
    'datapackage.json'
    >>> (folder / "instruments.csv").read_text(encoding="utf-8").splitlines()[0][:40]
    'partnership,id,kind,title,status,provide'
"""

import csv
import datetime as dt
import io
import json
import os
from decimal import Decimal
from pathlib import Path
from typing import Any

from bilateral.io.documents import write_atomic
from bilateral.io.tidy import Cell, Column, Table, tables
from bilateral.model.partnership import SCHEMA_VERSION, Dataset, Partnership

__all__ = ["FORMATS", "csv_text", "descriptor", "write"]

#: The file formats a package's tables can be written in.
FORMATS = ("csv", "parquet")

_PROFILE = "https://datapackage.org/profiles/2.0/{}.json"
_MEDIA = {"csv": "text/csv", "parquet": "application/vnd.apache.parquet"}


def _field(column: Column) -> dict[str, Any]:
    field: dict[str, Any] = {"name": column.name, "type": column.type, "description": column.description}
    constraints: dict[str, Any] = {}
    if column.required:
        constraints["required"] = True
    if column.pattern is not None:
        constraints["pattern"] = column.pattern
    if column.categories:
        field["categories"] = [{"value": value, "label": label} for value, label in column.categories]
        constraints["enum"] = [value for value, _ in column.categories]
    if column.type == "boolean":
        field["trueValues"], field["falseValues"] = ["true"], ["false"]
    if column.type == "number":
        field["decimalChar"] = "."
    if constraints:
        field["constraints"] = constraints
    return field


def _resource(table: Table, fmt: str) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "$schema": _PROFILE.format("tableschema"),
        "fields": [_field(c) for c in table.columns],
        "missingValues": [""],
        "primaryKey": list(table.primary_key),
    }
    if table.foreign_keys:
        schema["foreignKeys"] = [
            {"fields": list(k.fields), "reference": {"resource": k.resource, "fields": list(k.reference)}}
            for k in table.foreign_keys
        ]
    resource: dict[str, Any] = {
        "$schema": _PROFILE.format("dataresource"),
        "name": table.name,
        "type": "table",
        "path": f"{table.name}.{fmt}",
        "format": fmt,
        "mediatype": _MEDIA[fmt],
        "description": table.description,
        "schema": schema,
    }
    if fmt == "csv":
        resource["encoding"] = "utf-8"
    return resource


def descriptor(found: dict[str, Table], fmt: str = "csv", name: str = "bilateral") -> dict[str, Any]:
    """The ``datapackage.json`` of these tables, written as ``fmt`` files.

    Examples:
        >>> import bilateral
        >>> from bilateral.io.tidy import tables
        >>> package = descriptor(tables(bilateral.datasets.bundle()))
        >>> package["resources"][0]["schema"]["primaryKey"]
        ['id']
    """
    from bilateral import __version__  # the package's own version, for readers to know the writer

    return {
        "$schema": _PROFILE.format("datapackage"),
        "name": name,
        "title": "Partnerships between states under sanctions, as tidy tables",
        "description": (
            "Written by bilateral from a dataset of its file format "
            f"(schema version {SCHEMA_VERSION}): one table per record type and per list. "
            "Each partnership's rows are whole: shared sources, actors and sanction measures "
            "come with every partnership that uses them (their column shared is true). "
            "Empty means unknown."
        ),
        "bilateral": {"version": __version__, "schema_version": SCHEMA_VERSION},
        "resources": [_resource(t, fmt) for t in found.values()],
    }


def _text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "true" if cell else "false"
    if isinstance(cell, Decimal):
        return format(cell, "f")
    if isinstance(cell, dt.date):
        return cell.isoformat()
    return str(cell)


def csv_text(table: Table) -> str:
    """A table as CSV (RFC 4180, UTF-8, a header row): nothing cut, empty for unknown.

    Examples:
        >>> import bilateral
        >>> from bilateral.io.tidy import tables
        >>> print(csv_text(tables(bilateral.datasets.bundle())["partnerships"]).splitlines()[1][:53])
        russia-venezuela,RUS,VEN,Russia–Venezuela,2026-01-06,
    """
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([c.name for c in table.columns])
    for row in table.rows:
        writer.writerow([_text(cell) for cell in row])
    return out.getvalue()


def write(
    data: Dataset | Partnership, directory: str | os.PathLike[str], fmt: str = "csv", name: str = "bilateral"
) -> Path:
    """Write a dataset's tidy tables and their ``datapackage.json`` into ``directory``; return the descriptor's path.

    Every table is written, an empty one as its header alone. Each file is
    written atomically (whole or as it was), the descriptor last. The
    directory is made if it does not exist; other files in it are left alone.

    Raises:
        ValueError: ``fmt`` is not one of `FORMATS`, or a value does not fit Parquet's types.
        bilateral.errors.MissingExtraError: Parquet without pyarrow installed.
        OSError: A file cannot be written.
    """
    if fmt not in FORMATS:
        raise ValueError(f"{fmt!r} is not a table file format (choose from: {', '.join(FORMATS)})")
    found = tables(data)
    encoded: dict[str, str | bytes]
    if fmt == "parquet":
        from bilateral.io.arrow import parquet_bytes  # pyarrow, an extra

        encoded = {t.name: parquet_bytes(t) for t in found.values()}
    else:
        encoded = {t.name: csv_text(t) for t in found.values()}
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    for table_name, content in encoded.items():
        write_atomic(folder / f"{table_name}.{fmt}", content)
    target = folder / "datapackage.json"
    write_atomic(target, json.dumps(descriptor(found, fmt, name), indent=2, ensure_ascii=False) + "\n")
    return target
