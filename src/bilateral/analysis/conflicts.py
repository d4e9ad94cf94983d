"""`conflicts`: the claims that sources dispute, side by side, each with its sources."""

from collections.abc import Iterator
from typing import Any

import attrs

from bilateral.io.converter import unstructure
from bilateral.model.partnership import Partnership
from bilateral.model.sources import AlternativeClaim, Citation

__all__ = ["Conflict", "conflicts", "records"]


@attrs.frozen
class Conflict:
    """A field on which sources disagree.

    Attributes:
        record_type: The kind of record ("instrument", "trade change", ...).
        record: The record's id.
        title: The record's title or id, for people.
        field: The disputed field.
        value: The record's own value, written as in a file ("2006-07").
        citations: The sources for the record's own value.
        alternatives: The other values claimed, each with its sources.
    """

    record_type: str
    record: str
    title: str
    field: str
    value: str
    citations: tuple[Citation, ...]
    alternatives: tuple[AlternativeClaim, ...]


def records(partnership: Partnership) -> Iterator[tuple[str, Any]]:
    """Every claim record of a partnership with its type name, in a fixed order."""
    groups: tuple[tuple[str, tuple[Any, ...]], ...] = (
        ("instrument", partnership.instruments),
        ("trade figure", partnership.trade.figures),
        ("trade change", partnership.trade.changes),
        ("trade target", partnership.trade.targets),
        ("debt", partnership.debts),
        ("disruption", partnership.disruptions),
        ("sanction", partnership.sanctions),
    )
    for name, group in groups:
        for record in group:
            yield name, record


def _text(value: Any) -> str:
    plain = unstructure(value)
    if isinstance(plain, list):
        return ", ".join(str(v) for v in plain)
    return "unknown" if plain is None else str(plain)


def conflicts(partnership: Partnership) -> tuple[Conflict, ...]:
    """Every disputed field, in record order, then field order.

    Examples:
        >>> import bilateral
        >>> found = conflicts(bilateral.datasets.load())
        >>> all(c.alternatives for c in found)
        True
    """
    found = []
    for record_type, record in records(partnership):
        fields = [f.name for f in attrs.fields(type(record))]
        disputed = sorted({a.field for a in record.alternatives}, key=fields.index)
        for field in disputed:
            found.append(
                Conflict(
                    record_type=record_type,
                    record=record.id,
                    title=getattr(record, "title", record.id),
                    field=field,
                    value=_text(getattr(record, field)),
                    citations=record.citations,
                    alternatives=tuple(a for a in record.alternatives if a.field == field),
                )
            )
    return tuple(found)
