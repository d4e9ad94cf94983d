"""The tidy tables of a dataset: one long table per record type and per list, typed and keyed.

A data file nests: an instrument holds its areas, milestones and citations. An
analyst who counts, joins or charts across partnerships wants long tables
instead, one row per record, with ids as keys. `layout` declares those tables
and `tables` fills them from a dataset. Both are derived from the model (its
fields, types, checks and docstrings), so a field added to a record appears
here with no code to write, as it does in the JSON Schema and the format
reference.

The rules of the layout:

- Every row belongs to a partnership, as `Dataset.partnership` resolves it: a
  shared source, actor or sanction measure comes with every partnership that
  uses it (its ``shared`` column is true), so each partnership's rows are
  whole, and analysis of one needs no other. Ids are unique within a
  partnership, so keys are ``(partnership, id)``.
- A record's own values are columns: a `PartialDate` is three (its EDTF text,
  its earliest and its latest day), a `Period` six (its text, the two bounds
  of its start and of its end, and whether it is ongoing), a `Money` three
  (amount, currency, qualifier).
- A list of values is a link table (``instrument_areas``), a list of records a
  child table (``milestones``) keyed by its parent and its ``position`` (from
  0, as in the file's paths: ``$.instruments[3].milestones[0]``). Citations,
  alternative claims and quantities, which many record types hold, are one
  table each, with the record's type, its id, and the ``path`` inside it
  (``milestones[0].citations``).
- Unknown is None (empty in CSV, null in Parquet), never 0 or "".

Examples:
    >>> import bilateral
    >>> from bilateral.io.tidy import tables
    >>> found = tables(bilateral.datasets.bundle())
    >>> found["instruments"].column("status").categories[:2]
    (('announced', 'Announced or pledged; nothing binding yet (AidData "pledge").'), ('signed', 'Signed, not yet ratified or in force (AidData "commitment").'))
"""

import datetime as dt
import enum
import functools
import json
import types
import typing
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

import attrs

from bilateral.io.converter import unstructure
from bilateral.io.schema import descriptions, summary
from bilateral.model import checks
from bilateral.model.actors import Actor
from bilateral.model.amounts import Money, Quantity
from bilateral.model.dates import PartialDate, Period
from bilateral.model.debt import DebtRestructuring
from bilateral.model.disruptions import Disruption
from bilateral.model.instruments import Instrument, Milestone
from bilateral.model.partnership import Dataset, Partnership
from bilateral.model.sanctions import Confirmation, SanctionMeasure, SanctionTarget
from bilateral.model.sources import AlternativeClaim, Citation, Source
from bilateral.model.trade import Trade, TradeChange, TradeFigure, TradeTarget

__all__ = ["Column", "ForeignKey", "Table", "layout", "tables"]

#: A cell: text, a whole number, an exact decimal, a truth value, a day, or None for unknown.
Cell = str | int | Decimal | bool | dt.date | None


@attrs.frozen
class Column:
    """A column of a tidy table.

    Attributes:
        name: Its name, in snake_case.
        type: Its Table Schema type: ``string``, ``integer``, ``number`` (an
            exact decimal), ``boolean`` or ``date`` (a whole day, ISO 8601).
        description: What it holds.
        required: Whether every row has a value.
        categories: For an enum, each value and what it means.
        pattern: For text with a form (an EDTF date, an id), the regular expression it matches.
    """

    name: str
    type: str
    description: str
    required: bool = False
    categories: tuple[tuple[str, str], ...] = ()
    pattern: str | None = None


@attrs.frozen
class ForeignKey:
    """Columns whose values name a row of another table.

    Attributes:
        fields: The columns of this table.
        resource: The name of the table they point to.
        reference: Its columns, in the same order (its primary key).
    """

    fields: tuple[str, ...]
    resource: str
    reference: tuple[str, ...]


@attrs.frozen
class Table:
    """A tidy table: its declaration and, once filled by `tables`, its rows.

    Attributes:
        name: Its name (``instruments``); the file it is written to is named after it.
        description: What a row is.
        columns: Its columns, in order.
        primary_key: The columns that tell its rows apart.
        foreign_keys: Its links to other tables.
        rows: One tuple per row, a cell per column (None for unknown).
    """

    name: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = ()
    rows: tuple[tuple[Cell, ...], ...] = ()

    def column(self, name: str) -> Column:
        """The column with this name.

        Raises:
            LookupError: The table has no such column.
        """
        for column in self.columns:
            if column.name == name:
                return column
        raise LookupError(f"the table {self.name!r} has no column {name!r}")

    def dicts(self) -> Iterator[dict[str, Cell]]:
        """The rows as dictionaries, by column name."""
        names = [c.name for c in self.columns]
        for row in self.rows:
            yield dict(zip(names, row, strict=True))


# Table names: the records that have an id, then the nested records.
_TOP: dict[type, tuple[str, str]] = {
    Source: ("sources", "source"),
    Actor: ("actors", "actor"),
    SanctionMeasure: ("sanction_measures", "sanction_measure"),
    Instrument: ("instruments", "instrument"),
    TradeFigure: ("trade_figures", "trade_figure"),
    TradeChange: ("trade_changes", "trade_change"),
    TradeTarget: ("trade_targets", "trade_target"),
    DebtRestructuring: ("debts", "debt"),
    Disruption: ("disruptions", "disruption"),
}
_CHILD: dict[type, str] = {
    Milestone: "milestones",
    SanctionTarget: "sanction_targets",
    Confirmation: "confirmations",
}
# Records that many record types hold: one table each, keyed by the holder and a path.
_POOLED: dict[type, str] = {Citation: "citations", AlternativeClaim: "alternatives", Quantity: "quantities"}
# The name of one value of a list field, for its link table's value column.
_ONE = {
    "parties": "party",
    "areas": "area",
    "participants": "actor",
    "items": "item",
    "aliases": "alias",
    "types": "type",
    "objectives": "objective",
    "commodities": "commodity",
    "stance_by": "actor",
    "actors": "actor",
}
_SHARED = ("sources", "actors", "sanctions")
_REFERRED = {
    "actor": "actors",
    "source": "sources",
    "instrument": "instruments",
    "trade_figure": "trade_figures",
}
_EDTF_DATE = r"[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?[~?%]?"
_EDTF_PERIOD = f"{_EDTF_DATE}|({_EDTF_DATE})?/({_EDTF_DATE}|\\.\\.)?"
_ID = "[a-z0-9][a-z0-9_.-]*"


@attrs.frozen
class _Cells:
    """The columns one field of a record becomes, and how to read them from its value."""

    columns: tuple[Column, ...]
    read: Callable[[Any], tuple[Cell, ...]]
    refers: str | None = None  # the kind of record a one-column id names


def _bare(t: Any) -> tuple[Any, bool]:
    """The type inside ``X | None``, and whether None was allowed."""
    if typing.get_origin(t) in (types.UnionType, typing.Union):
        inner = [a for a in typing.get_args(t) if a is not type(None)]
        return inner[0], True
    return t, False


def _categories(cls: type[enum.Enum]) -> tuple[tuple[str, str], ...]:
    meaning = descriptions(cls)
    return tuple((m.value, meaning.get(m.name, "")) for m in cls)


def _date_cells(name: str, what: str, required: bool) -> _Cells:
    def read(value: PartialDate | None) -> tuple[Cell, ...]:
        if value is None:
            return (None, None, None)
        return (value.edtf(), value.earliest, value.latest)

    return _Cells(
        (
            Column(
                name, "string", f"{what} (EDTF: 2025, 2025-05, 2025-05-07~)", required, pattern=_EDTF_DATE
            ),
            Column(f"{name}_earliest", "date", f"The first day the date in {name} can mean.", required),
            Column(f"{name}_latest", "date", f"The last day the date in {name} can mean.", required),
        ),
        read,
    )


def _period_cells(name: str, what: str, required: bool) -> _Cells:
    def read(value: Period | None) -> tuple[Cell, ...]:
        if value is None:
            return (None,) * 6
        start, end = value.start, value.end
        return (
            value.edtf(),
            None if start is None else start.earliest,
            None if start is None else start.latest,
            None if end is None else end.earliest,
            None if end is None else end.latest,
            value.ongoing,
        )

    bound = "empty if the sources do not give it"
    return _Cells(
        (
            Column(
                name,
                "string",
                f"{what} (EDTF: 2024, 2014-03/.., 2025-11-21/)",
                required,
                pattern=_EDTF_PERIOD,
            ),
            Column(f"{name}_start_earliest", "date", f"The first day {name} can have begun; {bound}."),
            Column(f"{name}_start_latest", "date", f"The last day {name} can have begun; {bound}."),
            Column(f"{name}_end_earliest", "date", f"The first day {name} can have ended on; {bound}."),
            Column(f"{name}_end_latest", "date", f"The last day {name} can have ended on; {bound}."),
            Column(f"{name}_ongoing", "boolean", f"Whether {name} is still going on.", required),
        ),
        read,
    )


def _money_cells(name: str, what: str, required: bool) -> _Cells:
    def read(value: Money | None) -> tuple[Cell, ...]:
        if value is None:
            return (None, None, None)
        return (value.amount, value.currency, value.qualifier.value)

    meaning = descriptions(Money)
    qualifier = attrs.fields(Money).qualifier.type
    assert isinstance(qualifier, type)
    assert issubclass(qualifier, enum.Enum)
    amount = name if name == "amount" else f"{name}_amount"  # a debt's amount: amount, not amount_amount
    return _Cells(
        (
            Column(amount, "number", f"{what}: {meaning['amount']}", required),
            Column(
                f"{name}_currency", "string", f"{what}: {meaning['currency']}", required, pattern="[A-Z]{3}"
            ),
            Column(
                f"{name}_qualifier",
                "string",
                f"{what}: {meaning['qualifier']}",
                required,
                categories=_categories(qualifier),
            ),
        ),
        read,
    )


def _scalar(name: str, t: Any, what: str, required: bool, metadata: Any) -> _Cells:
    """The column of a field that holds one plain value."""
    check = metadata.get(checks.CHECK)
    pattern = {checks.identifier: _ID, checks.country: "[A-Z]{3}", checks.currency: "[A-Z]{3}"}.get(check)
    if isinstance(t, type) and issubclass(t, enum.Enum):
        column = Column(name, "string", what, required, categories=_categories(t))
        return _Cells((column,), lambda v: (None if v is None else v.value,))
    kind = {str: "string", bool: "boolean", int: "integer", Decimal: "number", dt.date: "date"}.get(t)
    if kind is None:
        raise TypeError(
            f"no tidy column for a field of type {t!r} ({name})"
        )  # a model change to declare here
    return _Cells(
        (Column(name, kind, what, required, pattern=pattern),), lambda v: (v,), metadata.get(checks.REFERS)
    )


def _cells(name: str, t: Any, what: str, metadata: Any) -> _Cells:
    t, optional = _bare(t)
    required = not optional
    if t is PartialDate:
        return _date_cells(name, what, required)
    if t is Period:
        return _period_cells(name, what, required)
    if t is Money:
        return _money_cells(name, what, required)
    args = typing.get_args(t)
    if typing.get_origin(t) is tuple and Ellipsis not in args:  # a fixed pair: the parties
        one = _ONE[name]
        inner = [
            _scalar(f"{one}_{n + 1}", a, f"{what} ({n + 1} of {len(args)})", True, metadata)
            for n, a in enumerate(args)
        ]
        return _Cells(tuple(c for cell in inner for c in cell.columns), lambda v: tuple(v))
    return _scalar(name, t, what, required, metadata)


@attrs.frozen
class _Spec:
    """How rows of one table are made."""

    table: Table
    fields: tuple[tuple[str, _Cells], ...]  # the record's own fields, and their cells


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _own_fields(cls: type) -> list[tuple[str, _Cells]]:
    """The fields of a record that become columns of its own row."""
    hints = _hints(cls)
    meaning = descriptions(cls)
    found = []
    for field in attrs.fields(cls):
        t = hints[field.name]
        bare, _ = _bare(t)
        if _is_list(bare) or (
            isinstance(bare, type) and attrs.has(bare) and bare not in (PartialDate, Period, Money)
        ):
            continue
        if field.name == "value" and cls is AlternativeClaim:
            continue
        found.append((field.name, _cells(field.name, t, meaning.get(field.name, field.name), field.metadata)))
    return found


def _is_list(t: Any) -> bool:
    args = typing.get_args(t)
    return typing.get_origin(t) is tuple and len(args) == 2 and args[1] is Ellipsis


_PARTNERSHIP = Column(
    "partnership", "string", "The id of the partnership the row belongs to.", True, pattern=_ID
)
_POSITION = Column("position", "integer", "Its place in its list, from 0 (as in the file's paths).", True)
_TO_PARTNERSHIP = ForeignKey(("partnership",), "partnerships", ("id",))


def _foreign(fields: tuple[tuple[str, _Cells], ...]) -> tuple[ForeignKey, ...]:
    """The links of id columns: with the row's partnership where the id is always given.

    An optional id (an instrument's ``provider``) links by the id alone:
    Frictionless readers check a pair of columns only when neither is empty,
    and refuse a pair with one empty half. The pair still holds (the ids of a
    partnership's rows name rows of the same partnership); the reader checks less.
    """
    keys = []
    for _, cells in fields:
        if cells.refers is None:
            continue
        column = cells.columns[0]
        if column.required:
            keys.append(
                ForeignKey(("partnership", column.name), _REFERRED[cells.refers], ("partnership", "id"))
            )
        else:
            keys.append(ForeignKey((column.name,), _REFERRED[cells.refers], ("id",)))
    return tuple(keys)


def _columns(cells: tuple[tuple[str, _Cells], ...]) -> tuple[Column, ...]:
    return tuple(column for _, c in cells for column in c.columns)


@functools.cache
def _specs() -> dict[str, _Spec]:
    """Every table's spec, in the order they are written."""
    specs: dict[str, _Spec] = {}
    own = tuple(_own_fields(Partnership))
    specs["partnerships"] = _Spec(
        Table("partnerships", summary(Partnership), _columns(own), ("id",)),
        own,
    )
    for cls, (name, one) in _TOP.items():
        fields = tuple(_own_fields(cls))
        shared = (
            (Column("shared", "boolean", "Whether the record is one of the dataset's shared records.", True),)
            if cls in (Source, Actor, SanctionMeasure)
            else ()
        )
        specs[name] = _Spec(
            Table(
                name,
                summary(cls),
                (_PARTNERSHIP, *_columns(fields), _POSITION, *shared),
                ("partnership", "id"),
                (_TO_PARTNERSHIP, *_foreign(fields)),
            ),
            fields,
        )
        _nested(specs, cls, name, one)
    for cls, name in _POOLED.items():
        fields = tuple(_own_fields(cls))
        extra: tuple[Column, ...] = ()
        if cls is AlternativeClaim:
            extra = (
                Column(
                    "value",
                    "string",
                    "The claimed value, as the file writes it (JSON where it is not text).",
                    True,
                ),
                Column(
                    "value_earliest",
                    "date",
                    "For a date or a period: the first day the claimed value can mean.",
                ),
                Column(
                    "value_latest", "date", "For a date or a period: the last day the claimed value can mean."
                ),
            )
        specs[name] = _Spec(
            Table(
                name,
                summary(cls),
                (_PARTNERSHIP, *_HOLDER, _POSITION, *_columns(fields), *extra),
                ("partnership", "record_type", "record", "path", "position"),
                (_TO_PARTNERSHIP, *_foreign(fields)),
            ),
            fields,
        )
    return specs


_HOLDER = (
    Column(
        "record_type",
        "string",
        "The table of the record that holds it.",
        True,
        categories=tuple((name, summary(cls)) for cls, (name, _) in _TOP.items()),
    ),
    Column("record", "string", "The id of that record.", True, pattern=_ID),
    Column("path", "string", "Where in the record, as in the file (milestones[0].citations).", True),
)


def _nested(specs: dict[str, _Spec], cls: type, name: str, one: str) -> None:
    """The link and child tables of a record class's list fields."""
    hints = _hints(cls)
    meaning = descriptions(cls)
    parent = Column(one, "string", f"The id of the {one.replace('_', ' ')}.", True, pattern=_ID)
    to_parent = ForeignKey(("partnership", one), name, ("partnership", "id"))
    for field in attrs.fields(cls):
        t = hints[field.name]
        if not _is_list(t):
            continue
        item = typing.get_args(t)[0]
        if item in _POOLED:
            continue
        what = meaning.get(field.name, field.name)
        if isinstance(item, type) and attrs.has(item):
            child = _CHILD[item]
            fields = tuple(_own_fields(item))
            specs[child] = _Spec(
                Table(
                    child,
                    summary(item),
                    (_PARTNERSHIP, parent, _POSITION, *_columns(fields)),
                    ("partnership", one, "position"),
                    (_TO_PARTNERSHIP, to_parent, *_foreign(fields)),
                ),
                fields,
            )
            continue
        value = _scalar(_ONE[field.name], item, what, True, field.metadata)
        link = f"{one}_{field.name}"
        cells = ((field.name, value),)
        specs[link] = _Spec(
            Table(
                link,
                f"{what} One row per item.",
                (_PARTNERSHIP, parent, _POSITION, *value.columns),
                ("partnership", one, "position"),
                (_TO_PARTNERSHIP, to_parent, *_foreign(cells)),
            ),
            cells,
        )


def layout() -> tuple[Table, ...]:
    """The tables, declared: their columns, keys and links, with no rows.

    Examples:
        >>> [t.name for t in layout()][:4]
        ['partnerships', 'sources', 'actors', 'actor_aliases']
    """
    return tuple(spec.table for spec in _specs().values())


@functools.cache
def _lists(cls: type) -> tuple[tuple[str, str, str], ...]:
    """A record class's list fields: each name, whether its items are pooled, children or
    values of a link table, and the table they go to."""
    found = []
    one = _TOP[cls][1]
    for field in attrs.fields(cls):
        t = _hints(cls)[field.name]
        if not _is_list(t):
            continue
        item = typing.get_args(t)[0]
        if item in _POOLED:
            found.append((field.name, "pooled", _POOLED[item]))
        elif isinstance(item, type) and attrs.has(item):
            found.append((field.name, "child", _CHILD[item]))
        else:
            found.append((field.name, "link", f"{one}_{field.name}"))
    return tuple(found)


class _Rows:
    """The rows of every table, filled one partnership at a time."""

    def __init__(self) -> None:
        self.specs = _specs()
        self.rows: dict[str, list[tuple[Cell, ...]]] = {name: [] for name in self.specs}

    def own(self, name: str, record: Any) -> tuple[Cell, ...]:
        return tuple(
            cell for field, cells in self.specs[name].fields for cell in cells.read(getattr(record, field))
        )

    def partnership(self, p: Partnership, shared: dict[str, set[str]]) -> None:
        self.rows["partnerships"].append(self.own("partnerships", p))
        lists: list[tuple[str, tuple[Any, ...]]] = [
            ("sources", p.sources),
            ("actors", p.actors),
            ("sanctions", p.sanctions),
            ("instruments", p.instruments),
            *((f, getattr(p.trade, f)) for f in (a.name for a in attrs.fields(Trade))),
            ("debts", p.debts),
            ("disruptions", p.disruptions),
        ]
        for field, records in lists:
            for position, record in enumerate(records):
                self.record(p.id, record, position, shared.get(field))

    def record(self, pid: str, record: Any, position: int, shared: set[str] | None) -> None:
        cls: type = type(record)
        name = _TOP[cls][0]
        flag = () if shared is None else (record.id in shared,)
        self.rows[name].append((pid, *self.own(name, record), position, *flag))
        for field, kind, target in _lists(cls):
            values = getattr(record, field)
            if not values:
                continue
            if kind == "pooled":
                self.pooled(pid, name, record, field, values, "")
            elif kind == "child":
                for n, item in enumerate(values):
                    self.rows[target].append((pid, record.id, n, *self.own(target, item)))
                    self.nested_pools(pid, name, record, item, f"{field}[{n}].")
            else:
                read = self.specs[target].fields[0][1].read
                for n, value in enumerate(values):
                    self.rows[target].append((pid, record.id, n, *read(value)))

    def nested_pools(self, pid: str, name: str, record: Any, item: Any, prefix: str) -> None:
        for field in attrs.fields(type(item)):
            values = getattr(item, field.name)
            if isinstance(values, tuple) and values and type(values[0]) in _POOLED:
                self.pooled(pid, name, record, field.name, values, prefix)

    def pooled(
        self, pid: str, name: str, record: Any, field: str, values: tuple[Any, ...], prefix: str
    ) -> None:
        for n, item in enumerate(values):
            table = _POOLED[type(item)]
            row: tuple[Cell, ...] = (pid, name, record.id, f"{prefix}{field}", n, *self.own(table, item))
            if isinstance(item, AlternativeClaim):
                row += _claimed(record, n, item)
                self.nested_pools(pid, name, record, item, f"{prefix}{field}[{n}].")
            self.rows[table].append(row)


def _claimed(record: Any, index: int, claim: AlternativeClaim) -> tuple[Cell, ...]:
    """An alternative's value as the file writes it, and its bounds if it is a date or a period."""
    written = unstructure(record)["alternatives"][index]["value"]
    text = written if isinstance(written, str) else json.dumps(written, ensure_ascii=False)
    value = claim.value
    if isinstance(value, PartialDate):
        return (text, value.earliest, value.latest)
    if isinstance(value, Period):
        first = None if value.start is None else value.start.earliest
        last = None if value.end is None else value.end.latest
        return (text, first, last)
    return (text, None, None)


def tables(data: Dataset | Partnership) -> dict[str, Table]:
    """The tidy tables of a dataset (or of one partnership), by name, every table even if empty.

    Each partnership is taken as `Dataset.partnership` resolves it; a shared
    record that no partnership uses has no partnership to belong to, and is
    left out (as it is of every table and report).
    """
    dataset = Dataset.of(data) if isinstance(data, Partnership) else data
    shared = {field: {r.id for r in getattr(dataset, field)} for field in _SHARED}
    rows = _Rows()
    for pid in dataset.ids():
        rows.partnership(dataset.partnership(pid), shared)
    return {name: attrs.evolve(spec.table, rows=tuple(rows.rows[name])) for name, spec in rows.specs.items()}
