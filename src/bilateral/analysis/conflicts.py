"""`conflicts`: the claims that sources dispute, side by side, each with its sources."""

from collections.abc import Iterator
from typing import Any

import attrs

from bilateral.analysis.arguments import partnership_of
from bilateral.model.partnership import Dataset, Partnership
from bilateral.model.sources import AlternativeClaim, Citation

__all__ = ["Conflict", "conflicts", "records"]


@attrs.frozen
class Conflict:
    """A field on which sources disagree, with the record it belongs to.

    Attributes:
        record_type: The kind of record ("instrument", "trade change", ...).
        record: The record itself.
        field: The disputed field.
        value: The record's own value of the field, typed (a `PartialDate`,
            a `Money`, ...; None where the record leaves it unknown).
        citations: The sources for the record's own value.
        alternatives: The other values claimed, each typed like ``value``, with its sources.
    """

    record_type: str
    record: Any
    field: str
    value: Any
    citations: tuple[Citation, ...]
    alternatives: tuple[AlternativeClaim, ...]

    @property
    def id(self) -> str:
        """The record's id."""
        return str(self.record.id)

    @property
    def title(self) -> str:
        """The record's title, or its id where it has none, for people."""
        return str(getattr(self.record, "title", self.record.id))


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


def conflicts(partnership: Partnership | Dataset) -> tuple[Conflict, ...]:
    """Every disputed field, in record order, then field order.

    Examples:
        >>> import bilateral
        >>> found = conflicts(bilateral.datasets.partnership())
        >>> [(c.id, c.field, str(c.value), [str(a.value) for a in c.alternatives]) for c in found][:2]
        [('su30mk2-order-2006', 'signed', '2006-08', ['2006-07-17']), ('mir-venezuela', 'in_force', '2023-07?', ['2023-06-15', '2023-08'])]
    """
    partnership = partnership_of(partnership, "conflicts")
    found = []
    for record_type, record in records(partnership):
        if not record.alternatives:
            continue
        fields = [f.name for f in attrs.fields(type(record))]
        disputed = sorted({a.field for a in record.alternatives}, key=fields.index)
        for field in disputed:
            found.append(
                Conflict(
                    record_type=record_type,
                    record=record,
                    field=field,
                    value=getattr(record, field),
                    citations=record.citations,
                    alternatives=tuple(a for a in record.alternatives if a.field == field),
                )
            )
    return tuple(found)
