"""Walking a tree of records, with the path of each node as a file would show it."""

from collections.abc import Iterator
from typing import Any

import attrs

from bilateral.model.checks import REFERS

__all__ = ["referenced", "references", "walk"]


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
_Plan = tuple[tuple[tuple[str, str], ...], tuple[str, ...], dict[str, str]]
_PLANS: dict[type, _Plan] = {}


def _is_record(cls: type) -> bool:
    known = _RECORDS.get(cls)
    if known is None:
        known = _RECORDS[cls] = attrs.has(cls)
    return known


def _plan(cls: type) -> _Plan:
    """For a record class: its reference fields with the kind each names, all its field
    names, and the kind named by each reference field (for the claims that dispute one)."""
    plan = _PLANS.get(cls)
    if plan is None:
        fields = attrs.fields(cls)
        refers = tuple((f.name, f.metadata[REFERS]) for f in fields if REFERS in f.metadata)
        plan = _PLANS[cls] = (refers, tuple(f.name for f in fields), dict(refers))
    return plan


def _ids(path: str, kind: str, ref: object) -> Iterator[tuple[str, str, str]]:
    if isinstance(ref, str):
        yield path, kind, ref
    elif isinstance(ref, tuple):
        for index, item in enumerate(ref):
            if isinstance(item, str):
                yield f"{path}[{index}]", kind, item


def references(value: Any, path: str = "$") -> Iterator[tuple[str, str, str]]:
    """Every reference inside ``value``: its path, the kind of record it names, and the id.

    Depth first, like `walk`, but it only visits records and tuples: this runs
    on every file read, and most nodes are text. An alternative claim that
    disputes a reference field (``participants``) names ids of the same kind.

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
    refers, names, kinds = _plan(type(value))
    for name, kind in refers:
        yield from _ids(f"{path}.{name}", kind, getattr(value, name))
    for name in names:
        child = getattr(value, name)
        if isinstance(child, tuple) or _is_record(type(child)):
            yield from references(child, f"{path}.{name}")
    if kinds and "alternatives" in names:
        for index, claim in enumerate(value.alternatives):
            claimed = kinds.get(claim.field)
            if claimed is not None:
                yield from _ids(f"{path}.alternatives[{index}].value", claimed, claim.value)


def referenced(value: Any, found: dict[str, set[str]] | None = None) -> dict[str, set[str]]:
    """The ids that `references` finds inside ``value``, by the kind of record they name.

    The same walk without the paths, for the callers that only need the ids
    (resolving a partnership's shared records); ``found`` collects into an
    existing mapping.

    Examples:
        >>> from bilateral.model.sources import Citation
        >>> found = referenced((Citation("rt"), Citation("tass"), Citation("rt")))
        >>> list(found), sorted(found["source"])
        (['source'], ['rt', 'tass'])
    """
    found = {} if found is None else found
    _collect(value, found)
    return found


def _add(found: dict[str, set[str]], kind: str, ref: object) -> None:
    if isinstance(ref, str):
        found.setdefault(kind, set()).add(ref)
    elif isinstance(ref, tuple):
        for item in ref:
            if isinstance(item, str):
                found.setdefault(kind, set()).add(item)


def _collect(value: Any, found: dict[str, set[str]]) -> None:
    if isinstance(value, tuple):
        for item in value:
            if isinstance(item, tuple) or _is_record(type(item)):
                _collect(item, found)
        return
    if not _is_record(type(value)):
        return
    refers, names, kinds = _plan(type(value))
    for name, kind in refers:
        _add(found, kind, getattr(value, name))
    for name in names:
        child = getattr(value, name)
        if isinstance(child, tuple) or _is_record(type(child)):
            _collect(child, found)
    if kinds and "alternatives" in names:
        for claim in value.alternatives:
            claimed = kinds.get(claim.field)
            if claimed is not None:
                _add(found, claimed, claim.value)
