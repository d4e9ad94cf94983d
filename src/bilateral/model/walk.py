"""Walking a tree of records, with the path of each node as a file would show it."""

from collections.abc import Iterator
from typing import Any

import attrs

from bilateral.model.checks import REFERS

__all__ = ["references", "walk"]


def walk(value: Any, path: str = "$") -> Iterator[tuple[str, Any]]:
    """Every record and value nested in ``value`` with its path, depth first.

    Examples:
        >>> from bilateral.model.amounts import Money
        >>> from decimal import Decimal
        >>> [p for p, _ in walk(Money(Decimal(1), "USD"))]
        ['$', '$.amount', '$.currency', '$.qualifier']
    """
    yield path, value
    if isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from walk(item, f"{path}[{index}]")
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            yield from walk(getattr(value, field.name), f"{path}.{field.name}")


_RECORDS: dict[type, bool] = {}
_PLANS: dict[type, tuple[tuple[tuple[str, str], ...], tuple[str, ...]]] = {}


def _is_record(cls: type) -> bool:
    known = _RECORDS.get(cls)
    if known is None:
        known = _RECORDS[cls] = attrs.has(cls)
    return known


def _plan(cls: type) -> tuple[tuple[tuple[str, str], ...], tuple[str, ...]]:
    """For a record class: its reference fields with the kind each names, and all its field names."""
    plan = _PLANS.get(cls)
    if plan is None:
        fields = attrs.fields(cls)
        refers = tuple((f.name, f.metadata[REFERS]) for f in fields if REFERS in f.metadata)
        plan = _PLANS[cls] = (refers, tuple(f.name for f in fields))
    return plan


def references(value: Any, path: str = "$") -> Iterator[tuple[str, str, str]]:
    """Every reference inside ``value``: its path, the kind of record it names, and the id.

    Depth first, like `walk`, but it only visits records and tuples: this runs
    on every file read, and most nodes are text.

    Examples:
        >>> from bilateral.model.sources import Citation
        >>> list(references((Citation("rt"),), "$.citations"))
        [('$.citations[0].source', 'source', 'rt')]
    """
    if isinstance(value, tuple):
        for index, item in enumerate(value):
            if isinstance(item, tuple) or _is_record(type(item)):
                yield from references(item, f"{path}[{index}]")
        return
    if not _is_record(type(value)):
        return
    refers, names = _plan(type(value))
    for name, kind in refers:
        ref = getattr(value, name)
        if isinstance(ref, str):
            yield f"{path}.{name}", kind, ref
        elif isinstance(ref, tuple):
            for index, item in enumerate(ref):
                yield f"{path}.{name}[{index}]", kind, item
    for name in names:
        child = getattr(value, name)
        if isinstance(child, tuple) or _is_record(type(child)):
            yield from references(child, f"{path}.{name}")
