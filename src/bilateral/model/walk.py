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


def references(value: Any, path: str = "$") -> Iterator[tuple[str, str, str]]:
    """Every reference inside ``value``: its path, the kind of record it names, and the id."""
    node: Any
    for node_path, node in walk(value, path):
        if not attrs.has(type(node)):
            continue
        for field in attrs.fields(type(node)):
            kind = field.metadata.get(REFERS)
            if kind is None:
                continue
            ref = getattr(node, field.name)
            if isinstance(ref, str):
                yield f"{node_path}.{field.name}", kind, ref
            elif isinstance(ref, tuple):
                for index, item in enumerate(ref):
                    yield f"{node_path}.{field.name}[{index}]", kind, item
