"""`diff`: what changed between two versions of a partnership, record by record, field by field."""

from collections.abc import Iterator
from typing import Any

import attrs

from bilateral.analysis.arguments import partnership_of
from bilateral.io.converter import unstructure
from bilateral.model.partnership import Dataset, Partnership

__all__ = ["Change", "Diff", "FieldChange", "diff"]

_COLLECTIONS: tuple[tuple[str, str], ...] = (
    ("source", "sources"),
    ("actor", "actors"),
    ("sanction", "sanctions"),
    ("instrument", "instruments"),
    ("trade figure", "trade.figures"),
    ("trade change", "trade.changes"),
    ("trade target", "trade.targets"),
    ("debt", "debts"),
    ("disruption", "disruptions"),
)
_SCALARS = ("id", "parties", "title", "data_as_of", "description", "notes")


@attrs.frozen
class FieldChange:
    """One field that changed, with its old and new values as a file writes them.

    Attributes:
        field: The field's name.
        old: The old value (None if it was not set).
        new: The new value (None if it is no longer set).
    """

    field: str
    old: Any
    new: Any


@attrs.frozen
class Change:
    """A record added, removed or changed.

    Attributes:
        record_type: The kind of record ("instrument", "source", "partnership", ...).
        record: The record's id.
        kind: ``"added"``, ``"removed"`` or ``"changed"``.
        fields: For a changed record, the fields that changed, in field order.
    """

    record_type: str
    record: str
    kind: str
    fields: tuple[FieldChange, ...] = ()


@attrs.frozen
class Diff:
    """The differences between two versions of a partnership.

    Attributes:
        changes: Partnership fields first, then each collection in a fixed
            order; within one, removed and changed records in the old order,
            then added ones in the new order.
    """

    changes: tuple[Change, ...]

    def __bool__(self) -> bool:
        return bool(self.changes)

    def of(self, kind: str) -> tuple[Change, ...]:
        """The changes of one kind: ``"added"``, ``"removed"`` or ``"changed"``."""
        return tuple(c for c in self.changes if c.kind == kind)


def _get(partnership: Partnership, path: str) -> tuple[Any, ...]:
    value: Any = partnership
    for part in path.split("."):
        value = getattr(value, part)
    return tuple(value)


def _field_changes(old: Any, new: Any) -> tuple[FieldChange, ...]:
    before, after = unstructure(old), unstructure(new)
    names = [f.name for f in attrs.fields(type(new))]
    return tuple(
        FieldChange(name, before.get(name), after.get(name))
        for name in names
        if before.get(name) != after.get(name)
    )


def _collection(record_type: str, old: tuple[Any, ...], new: tuple[Any, ...]) -> Iterator[Change]:
    old_by_id = {r.id: r for r in old}
    new_by_id = {r.id: r for r in new}
    for record in old:
        if record.id not in new_by_id:
            yield Change(record_type, record.id, "removed")
        elif new_by_id[record.id] != record:
            yield Change(record_type, record.id, "changed", _field_changes(record, new_by_id[record.id]))
    for record in new:
        if record.id not in old_by_id:
            yield Change(record_type, record.id, "added")


def diff(old: Partnership | Dataset, new: Partnership | Dataset) -> Diff:
    """The records added, removed and changed (field by field) from ``old`` to ``new``.

    ``diff(x, x)`` is empty. Records are matched by id within each collection.

    Examples:
        >>> import attrs, bilateral
        >>> p = bilateral.datasets.partnership()
        >>> bool(diff(p, p))
        False
        >>> changed = attrs.evolve(p, title="Russia and Venezuela")
        >>> [(c.record_type, c.kind, [f.field for f in c.fields]) for c in diff(p, changed).changes]
        [('partnership', 'changed', ['title'])]
    """
    old, new = partnership_of(old, "diff"), partnership_of(new, "diff")
    changes: list[Change] = []
    before, after = unstructure(old), unstructure(new)
    scalars = tuple(
        FieldChange(name, before.get(name), after.get(name))
        for name in _SCALARS
        if before.get(name) != after.get(name)
    )
    if scalars:
        changes.append(Change("partnership", new.id, "changed", scalars))
    for record_type, path in _COLLECTIONS:
        changes.extend(_collection(record_type, _get(old, path), _get(new, path)))
    return Diff(tuple(changes))
