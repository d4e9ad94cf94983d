"""The rules that tie records together, checked over a whole dataset.

Field values (types, codes, dates, amounts) are checked as each record is
read. What needs more than one value is checked here, over the whole dataset:
unique ids, references that resolve (and chains of them that never come
back to where they start), dates in order, flows between the
parties, claims that rest on sources. `problems` finds every breach at once.
"""

from collections import ChainMap
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

import attrs

from bilateral.errors import Problem, shown
from bilateral.model.amounts import ChangeUnit
from bilateral.model.debt import DebtRestructuring
from bilateral.model.disruptions import Disruption
from bilateral.model.instruments import Instrument, MilestoneKind
from bilateral.model.partnership import Dataset, Partnership
from bilateral.model.sanctions import MeasureStage, SanctionMeasure, SanctionTarget
from bilateral.model.sources import AlternativeClaim, Source
from bilateral.model.trade import TradeChange, TradeFigure, TradeTarget
from bilateral.model.walk import referenced, references

__all__ = ["problems"]

# Records that make claims, and so must cite at least one source.
_CLAIM_FIELDS = ("instruments", "debts", "disruptions")
_TRADE_FIELDS = ("figures", "changes", "targets")


def problems(dataset: Dataset) -> list[Problem]:
    """Every breach of the dataset-wide rules, sorted by path."""
    found: list[Problem] = []
    shared = _Pools.of(dataset.sources, dataset.actors, dataset.sanctions)
    found += _duplicates(
        [
            ("$.sources", dataset.sources),
            ("$.actors", dataset.actors),
            ("$.sanctions", dataset.sanctions),
            ("$.partnerships", dataset.partnerships),
        ]
    )
    for field in ("sources", "actors", "sanctions"):
        found += _resolve(getattr(dataset, field), f"$.{field}", shared)
        found += _record_rules(getattr(dataset, field), f"$.{field}", shared, None)
    shared_actors = _by_id(dataset.actors)
    found += _cycles(dataset.actors, "$.actors", "parent", shared_actors)
    for index, partnership in enumerate(dataset.partnerships):
        found += _partnership(partnership, f"$.partnerships[{index}]", shared, shared_actors)
    return sorted(found, key=Problem.sort_key)


@attrs.frozen
class _Pools:
    """The ids a reference may name, by kind, and the sources by id."""

    ids: dict[str, frozenset[str]]
    sources: dict[str, Source]
    #: The ids of the weak sources (a claim may not rest on them alone).
    weak: frozenset[str] = frozenset()

    @classmethod
    def of(
        cls,
        sources: Iterable[Source],
        actors: Iterable[Any],
        sanctions: Iterable[Any],
        instruments: Iterable[Any] = (),
        figures: Iterable[Any] = (),
    ) -> "_Pools":
        sources = tuple(sources)
        return cls(
            ids={
                "source": frozenset(s.id for s in sources),
                "actor": frozenset(_ids(actors)),
                "sanction": frozenset(_ids(sanctions)),
                "instrument": frozenset(_ids(instruments)),
                "trade_figure": frozenset(_ids(figures)),
            },
            sources={s.id: s for s in sources},
            weak=frozenset(s.id for s in sources if s.weak),
        )

    def has(self, kind: str, ref: str) -> bool:
        """Whether a record of this kind has this id."""
        return ref in self.ids[kind]

    def missing(self, kind: str, refs: set[str]) -> set[str]:
        """The ids of ``refs`` that no record of this kind has."""
        return refs - self.ids[kind]

    def source(self, source_id: str) -> Source | None:
        """The source with this id, if any."""
        return self.sources.get(source_id)

    def __or__(self, other: "_Pools") -> "_Both":
        return _Both(self, other)


@attrs.frozen
class _Both:
    """Two pools read as one, without copying either: a partnership's own and the shared
    ones (for a source defined in both, the shared one)."""

    first: _Pools
    second: _Pools

    def has(self, kind: str, ref: str) -> bool:
        """Whether a record of this kind has this id in either pool."""
        return ref in self.first.ids[kind] or ref in self.second.ids[kind]

    def missing(self, kind: str, refs: set[str]) -> set[str]:
        """The ids of ``refs`` that no record of this kind has in either pool."""
        return self.second.missing(kind, self.first.missing(kind, refs))

    def source(self, source_id: str) -> Source | None:
        """The source with this id, the second pool's first."""
        found = self.second.sources.get(source_id)
        return self.first.sources.get(source_id) if found is None else found

    @property
    def weak(self) -> frozenset[str]:
        """The ids of the weak sources, as `source` finds them."""
        return self.second.weak | self.first.weak.difference(self.second.sources)


def _ids(records: Iterable[Any]) -> Iterator[str]:
    for record in records:
        yield record.id


def _partnership(
    p: Partnership, path: str, shared: _Pools, shared_actors: dict[str, Any] | None = None
) -> list[Problem]:
    found: list[Problem] = []
    own = _Pools.of(p.sources, p.actors, p.sanctions, p.instruments, p.trade.figures)
    pools = own | shared
    if p.parties[0] == p.parties[1]:
        found.append(Problem(f"{path}.parties", f"a partnership needs two states, not {p.parties[0]} twice"))
    for field, kind in (("sources", "source"), ("actors", "actor"), ("sanctions", "sanction")):
        found += _duplicates([(f"{path}.{field}", getattr(p, field))], taken=shared.ids[kind])
    claims: list[tuple[str, Sequence[Any]]] = [
        (f"{path}.{field}", getattr(p, field)) for field in ("instruments", "debts", "disruptions")
    ]
    claims += [(f"{path}.trade.{field}", getattr(p.trade, field)) for field in _TRADE_FIELDS]
    found += _duplicates(claims, one_namespace=True)
    found += _resolve(p, path, pools)
    for field in ("sources", "actors", "sanctions"):
        found += _record_rules(getattr(p, field), f"{path}.{field}", pools, p)
    for claim_path, records in claims:
        found += _record_rules(records, claim_path, pools, p)
    among = _by_id(p.actors)
    found += _cycles(p.actors, f"{path}.actors", "parent", ChainMap(among, shared_actors or {}))
    found += _cycles(p.instruments, f"{path}.instruments", "part_of", _by_id(p.instruments))
    return found


def _by_id(records: Sequence[Any]) -> dict[str, Any]:
    """The records by id, the first of each id."""
    by_id: dict[str, Any] = {}
    for record in records:
        by_id.setdefault(record.id, record)
    return by_id


def _cycles(records: Sequence[Any], path: str, field: str, by_id: Mapping[str, Any]) -> list[Problem]:
    """A chain of references (an actor's ``parent``, an instrument's ``part_of``) that comes back
    to the record it starts from (``by_id``: the records it may run through, by id): an actor
    that owns itself, A part of B part of A."""
    found = []
    for index, record in enumerate(records):
        chain = [record.id]
        ref = getattr(record, field)
        while ref is not None and ref in by_id and ref not in chain:
            chain.append(ref)
            ref = getattr(by_id[ref], field)
        if ref == record.id:
            found.append(
                Problem(
                    f"{path}[{index}].{field}",
                    f"the chain of {field} comes back to {shown(record.id)} ({' → '.join([*chain, ref])}); "
                    "a record cannot contain itself",
                )
            )
    return found


def _duplicates(
    groups: list[tuple[str, Sequence[Any]]],
    taken: frozenset[str] = frozenset(),
    one_namespace: bool = False,
) -> list[Problem]:
    found: list[Problem] = []
    seen: dict[str, str] = {}
    for path, records in groups:
        if not one_namespace:
            seen = {}
        for index, record in enumerate(records):
            rid = record.id
            here = f"{path}[{index}].id"
            if rid in taken:
                found.append(
                    Problem(here, f"duplicate id {shown(rid)} (already defined in the shared records)")
                )
            elif rid in seen:
                found.append(Problem(here, f"duplicate id {shown(rid)} (first used at {seen[rid]})"))
            else:
                seen[rid] = here
    return found


def _resolve(value: object, path: str, pools: _Pools | _Both) -> list[Problem]:
    if not any(pools.missing(kind, ids) for kind, ids in referenced(value).items()):
        return []  # every reference resolves, as they mostly do: no path need be written
    found = []
    for ref_path, kind, ref in references(value, path):
        if not pools.has(kind, ref):
            what = kind.replace("_", " ")
            found.append(Problem(ref_path, f"{shown(ref)} names no {what} defined in this file"))
    return found


def _record_rules(
    records: Sequence[Any], path: str, pools: _Pools | _Both, partnership: Partnership | None
) -> list[Problem]:
    found: list[Problem] = []
    weak = pools.weak
    kind: type | None = None
    rules: tuple[_Rule, ...] = ()
    for index, record in enumerate(records):
        if record.__class__ is not kind:
            kind = record.__class__
            rules = _rules_of(kind, partnership is not None)
        here = f"{path}[{index}]"
        for rule in rules:
            found += rule(record, here, pools, weak, partnership)
    return found


# A rule of one record: (the record, its path, the pools, the weak source ids, its partnership).
_Rule = Callable[[Any, str, "_Pools | _Both", frozenset[str], Any], list[Problem]]
_RULES: dict[tuple[type, bool], tuple[_Rule, ...]] = {}


def _rules_of(cls: type, in_partnership: bool) -> tuple[_Rule, ...]:
    """The rules a record of ``cls`` must keep, found once per class."""
    known = _RULES.get((cls, in_partnership))
    if known is not None:
        return known
    names = {f.name for f in attrs.fields(cls)} if attrs.has(cls) else set()
    rules: list[_Rule] = []
    if issubclass(cls, CLAIMS) and "citations" in names:
        rules.append(lambda r, here, pools, weak, _: _cited(r.citations, here, pools, weak=weak))
    if "alternatives" in names:
        rules.append(_alternatives)
    rules += [_ordered(order) for owner, order in _ORDERS if issubclass(cls, owner)]
    if issubclass(cls, Instrument):
        rules.append(lambda r, here, *_: _steps_before_end(r, here))
    if issubclass(cls, TradeChange):
        rules.append(_factor)
    if issubclass(cls, SanctionMeasure):
        rules.append(lambda r, here, pools, weak, _: _measure(r, here, pools, weak))
    rules += [_non_empty(field, noun) for field, noun in _NON_EMPTY if field in names]
    if in_partnership and {"origin", "destination"} <= names:
        rules.append(lambda r, here, _p, _w, partnership: _flow(r, here, partnership))
    if "creditor" in names:
        rules.append(_own_debtor)
    _RULES[cls, in_partnership] = found = tuple(rules)
    return found


# The dates of a record that come in this order (each may be missing), by the record's class.
_ORDERS: tuple[tuple[type, tuple[str, ...]], ...] = (
    (Instrument, ("signed", "in_force", "ends")),
    (Instrument, ("announced", "ends")),
    (DebtRestructuring, ("first_payment", "final_payment")),
    (DebtRestructuring, ("agreed", "final_payment")),
    (TradeTarget, ("stated", "by")),
)


def _alternatives(
    record: Any, here: str, pools: "_Pools | _Both", weak: frozenset[str], _: Any
) -> list[Problem]:
    found: list[Problem] = []
    for alt_index, alt in enumerate(record.alternatives):
        found += _alternative(alt, f"{here}.alternatives[{alt_index}]", pools)
    return found


def _factor(record: TradeChange, here: str, *_: Any) -> list[Problem]:
    if record.unit is ChangeUnit.FACTOR and record.value <= 0:
        return [Problem(f"{here}.value", f"a factor must be more than 0, not {record.value}")]
    return []


def _non_empty(field: str, noun: str) -> _Rule:
    def rule(record: Any, here: str, *_: Any) -> list[Problem]:
        if getattr(record, field) == ():
            return [Problem(f"{here}.{field}", f"is empty (list at least one {noun})")]
        return []

    return rule


def _ordered(names: tuple[str, ...]) -> _Rule:
    def rule(record: Any, here: str, *_: Any) -> list[Problem]:
        return _in_order(record, here, names)

    return rule


def _own_debtor(record: Any, here: str, *_: Any) -> list[Problem]:
    if record.creditor is not None and record.creditor == record.debtor:
        return [Problem(f"{here}.debtor", "the debtor and the creditor are the same actor")]
    return []


def _cited(
    citations: Sequence[Any],
    path: str,
    pools: _Pools | _Both,
    weak_alone: bool = False,
    weak: frozenset[str] | None = None,
) -> list[Problem]:
    if not citations:
        return [Problem(f"{path}.citations", "cites no source (every claim needs at least one citation)")]
    if weak_alone:
        return []
    if weak is not None and not all(c.source in weak for c in citations):
        return []  # a source that is not weak (or names nothing: that is the references' problem)
    cited = [pools.source(c.source) for c in citations]
    known = [s for s in cited if s is not None]
    if known and len(known) == len(cited) and all(s.weak for s in known):
        names = ", ".join(sorted({s.id for s in known}))
        return [
            Problem(
                f"{path}.citations",
                f"rests on weak sources alone ({names}); weak sources may only corroborate",
            )
        ]
    return []


def _alternative(alt: AlternativeClaim, path: str, pools: _Pools | _Both) -> list[Problem]:
    # The value was read with its field's type and checks; its references resolve with the others.
    # An alternative is attributed, not asserted: a weak source may stand behind one alone.
    return _cited(alt.citations, path, pools, weak_alone=True)


#: The records that are claims: each must cite at least one source (not weak sources alone).
CLAIMS = (Instrument, TradeFigure, TradeChange, TradeTarget, DebtRestructuring, Disruption, SanctionMeasure)
_NON_EMPTY = (("areas", "cooperation area"), ("targets", "target"), ("types", "measure type"))


def _steps_before_end(instrument: Instrument, path: str) -> list[Problem]:
    """A problem for each announcement or signature milestone certainly after the instrument ended."""
    ends = instrument.ends
    if ends is None:
        return []
    return [
        Problem(
            f"{path}.milestones[{index}].date",
            f"{milestone.kind.value} {milestone.date} is after ends {ends}: "
            "an instrument is not announced or signed after it ended",
        )
        for index, milestone in enumerate(instrument.milestones)
        if milestone.kind in (MilestoneKind.ANNOUNCED, MilestoneKind.SIGNED)
        and ends.latest < milestone.date.earliest
    ]


def _in_order(record: Any, path: str, names: tuple[str, ...]) -> list[Problem]:
    """A problem for each date in ``names`` that comes before an earlier-named one."""
    found: list[Problem] = []
    known = [(name, d) for name in names if (d := getattr(record, name)) is not None]
    if len(known) < 2:
        return found
    for i, (later_name, later) in enumerate(known):
        for earlier_name, earlier in known[:i]:
            if later.latest < earlier.earliest:
                found.append(
                    Problem(
                        f"{path}.{later_name}",
                        f"{later_name} {later} is before {earlier_name} {earlier}",
                    )
                )
    return found


def _measure(
    measure: SanctionMeasure, path: str, pools: _Pools | _Both, weak: frozenset[str] | None = None
) -> list[Problem]:
    found = []
    for index, target in enumerate(measure.targets):
        found += _target(target, f"{path}.targets[{index}]")
    start, end = measure.period.start, measure.period.end
    for index, confirmation in enumerate(measure.confirmed):
        here = f"{path}.confirmed[{index}]"
        found += _cited(confirmation.citations, here, pools, weak=weak)
        on, until = confirmation.on, confirmation.until
        if measure.stage is not MeasureStage.IMPOSED:
            found.append(
                Problem(f"{here}.on", f"a {measure.stage.value} measure cannot be confirmed in force")
            )
        if start is not None and on.latest < start.earliest:
            found.append(Problem(f"{here}.on", f"{on} is before the measure began ({start})"))
        if end is not None and on.earliest > end.latest:
            found.append(Problem(f"{here}.on", f"{on} is after the measure ended ({end})"))
        if until is not None and until.latest < on.earliest:
            found.append(Problem(f"{here}.until", f"until {until} is before the statement itself ({on})"))
        if until is not None and end is not None and until.earliest > end.latest:
            found.append(Problem(f"{here}.until", f"until {until} is after the measure ended ({end})"))
    return found


def _target(target: SanctionTarget, path: str) -> list[Problem]:
    if target.country is None and target.actor is None:
        return [Problem(path, "a target needs a country, an actor, or both")]
    if target.sector is not None and target.country is None:
        return [Problem(f"{path}.sector", "a targeted sector needs the country it belongs to")]
    return []


def _flow(record: Any, path: str, partnership: Partnership) -> list[Problem]:
    if not hasattr(record, "origin") or not hasattr(record, "destination"):
        return []
    origin, destination = record.origin, record.destination
    if origin is None and destination is None:
        return []
    if origin is None or destination is None:
        missing = "origin" if origin is None else "destination"
        return [
            Problem(
                f"{path}.{missing}",
                "a directed flow needs both an origin and a destination (or neither, for turnover)",
            )
        ]
    found = []
    for name, code in (("origin", origin), ("destination", destination)):
        if code not in partnership.parties:
            found.append(
                Problem(
                    f"{path}.{name}",
                    f"{code} is not a party to this partnership ({' and '.join(partnership.parties)})",
                )
            )
    if origin == destination:
        found.append(Problem(f"{path}.destination", "a flow cannot go from a state to itself"))
    return found
