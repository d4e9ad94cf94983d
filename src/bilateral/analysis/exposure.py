"""`exposure`: which instruments run through sanctioned actors or sectors, under which measure.

An instrument is exposed to a measure in force when the measure targets

- one of its actors (participant, provider or recipient), or an actor that
  owns one of them (through ``parent``): *via actor*;
- a sector of one of the parties, and the instrument serves that area:
  *via sector*;
- a whole party, and the instrument serves an area the measure's types bear
  on (arms and military assistance on defence; financial measures, asset
  freezes and investment bans on finance and investment; trade measures and
  export controls on trade and energy; travel bans on tourism): *via country*.

On a day, only instruments that existed then (or may have) and measures in
force then (or that may have been) count. Each hit also says whether the
measure and the instrument were in effect at the same time at all, and from
which day at the earliest: a measure lifted before an instrument began is
never an overlap.
"""

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence

import attrs

from bilateral.analysis.arguments import day_of, partnership_of
from bilateral.analysis.spans import Span, instrument_span, measure_span
from bilateral.model.areas import CooperationArea
from bilateral.model.instruments import Instrument
from bilateral.model.partnership import Dataset, Partnership
from bilateral.model.sanctions import MeasureType, SanctionMeasure, SanctionTarget
from bilateral.model.vocabulary import Vocabulary

__all__ = ["Exposure", "ExposureHit", "Route", "exposure"]

A = CooperationArea
#: The areas a country-wide measure of each type bears on.
TYPE_AREAS: dict[MeasureType, frozenset[CooperationArea]] = {
    MeasureType.ARMS: frozenset({A.DEFENCE}),
    MeasureType.MILITARY_ASSISTANCE: frozenset({A.DEFENCE}),
    MeasureType.FINANCIAL: frozenset({A.FINANCE, A.INVESTMENT}),
    MeasureType.ASSET_FREEZE: frozenset({A.FINANCE, A.INVESTMENT}),
    MeasureType.INVESTMENT_BAN: frozenset({A.FINANCE, A.INVESTMENT}),
    MeasureType.TRADE: frozenset({A.TRADE, A.ENERGY}),
    MeasureType.EXPORT_CONTROL: frozenset({A.TRADE, A.ENERGY}),
    MeasureType.TRAVEL: frozenset({A.TOURISM}),
    MeasureType.OTHER: frozenset(),
}


class Route(Vocabulary):
    """How a measure reaches an instrument."""

    ACTOR = "actor"
    SECTOR = "sector"
    COUNTRY = "country"


@attrs.frozen
class ExposureHit:
    """One instrument touched by one measure.

    Attributes:
        instrument: The instrument.
        measure: The measure, with its legal basis and period.
        route: How the measure reaches it.
        target: The target of the measure that does.
        through: The actor id or the area the route runs through.
        in_force: Whether the measure applied on the day (None: not known).
        overlap: Whether the measure applied while the instrument existed, at
            any time: True, or None for not known (never False: such a pair is
            no hit).
        overlap_from: The earliest day they can have been in effect together
            (None: the sources set no lower bound).
    """

    instrument: Instrument
    measure: SanctionMeasure
    route: Route
    target: SanctionTarget
    through: str
    in_force: bool | None
    overlap: bool | None = None
    overlap_from: dt.date | None = None


@attrs.frozen
class Exposure:
    """The sanctions exposure of a partnership on a day.

    Attributes:
        partnership: The partnership's id.
        date: The day.
        hits: Every (instrument, measure) pair, in instrument then measure order.
    """

    partnership: str
    date: dt.date
    hits: tuple[ExposureHit, ...]

    @property
    def instruments(self) -> tuple[Instrument, ...]:
        """The exposed instruments, each once, in dataset order."""
        seen: dict[str, Instrument] = {}
        for hit in self.hits:
            seen.setdefault(hit.instrument.id, hit.instrument)
        return tuple(seen.values())

    def by_sender(self) -> tuple[tuple[str, tuple[ExposureHit, ...]], ...]:
        """The hits grouped by the id of the measure's sender, senders sorted."""
        senders = sorted({hit.measure.sender for hit in self.hits})
        return tuple((s, tuple(h for h in self.hits if h.measure.sender == s)) for s in senders)

    def by_type(self) -> tuple[tuple[MeasureType, tuple[ExposureHit, ...]], ...]:
        """The hits grouped by measure type, in the order of `MeasureType`."""
        return tuple(
            (t, tuple(h for h in self.hits if t in h.measure.types))
            for t in MeasureType
            if any(t in h.measure.types for h in self.hits)
        )


def _owners(parents: dict[str, str | None], actor_id: str) -> list[str]:
    """The actor and, through ``parent``, every actor that owns it."""
    chain = [actor_id]
    while (parent := parents.get(chain[-1])) is not None and parent not in chain:
        chain.append(parent)
    return chain


#: A measure that may apply on the day: its span, whether it applies, and the areas its types bear on.
_Live = tuple[SanctionMeasure, Span, bool | None, frozenset[CooperationArea]]


def _live_measures(measures: Iterable[tuple[SanctionMeasure, Span | None]], day: dt.date) -> list[_Live]:
    """Of measures with their spans, those not certainly out of force on ``day``, in order."""
    live: list[_Live] = []
    for measure, span in measures:
        in_force = False if span is None else span.contains(day)
        if span is not None and in_force is not False:
            bearing = frozenset().union(*(TYPE_AREAS[t] for t in measure.types))
            live.append((measure, span, in_force, bearing))
    return live


def _reach(parents: dict[str, str | None], instrument: Instrument) -> dict[str, str]:
    """For each actor that is one of the instrument's actors or owns one (through ``parent``),
    the first of its actors (participants, provider, recipient) it is or owns."""
    reach: dict[str, str] = {}
    named = (*instrument.participants, instrument.provider, instrument.recipient)
    for actor in dict.fromkeys(a for a in named if a is not None):
        for owner in _owners(parents, actor):
            reach.setdefault(owner, actor)
    return reach


class _Routes:
    """The targets of the measures that may apply on a day, by what they reach an instrument
    through: an actor; a sector of a party; or, for a measure on a whole party, an area its
    types bear on (only its first such target can be the first route)."""

    def __init__(self, partnership: Partnership, measures: list[_Live]) -> None:
        self.parents = {a.id: a.parent for a in partnership.actors}
        self.measures = measures
        # (position of the measure, position of the target), in order.
        self.by_actor: dict[str, list[tuple[int, int]]] = {}
        self.by_area: dict[CooperationArea, list[tuple[int, int]]] = {}
        for k, (measure, _, _, bearing) in enumerate(self.measures):
            wide = None
            for j, target in enumerate(measure.targets):
                if target.actor is not None:
                    self.by_actor.setdefault(target.actor, []).append((k, j))
                elif target.country in partnership.parties:
                    if target.sector is not None:
                        self.by_area.setdefault(target.sector, []).append((k, j))
                    elif wide is None:
                        wide = j
            if wide is not None:
                for area in bearing:
                    self.by_area.setdefault(area, []).append((k, wide))

    def hits(self, instrument: Instrument, existed: Span) -> Iterator[ExposureHit]:
        """The hits on one instrument, in measure order: each measure's first target (in its
        order) that reaches the instrument, if the two can have been in effect together."""
        reach = _reach(self.parents, instrument)
        first: dict[int, int] = {}  # the position of each measure's first target that reaches it
        for found in (
            *(self.by_actor.get(actor, ()) for actor in reach),
            *(self.by_area.get(area, ()) for area in dict.fromkeys(instrument.areas)),
        ):
            for k, j in found:
                if first.get(k, j) >= j:
                    first[k] = j
        for k in sorted(first):
            measure, span, in_force, bearing = self.measures[k]
            overlap, since = existed.overlaps(span)
            if overlap is False:
                continue
            target = measure.targets[first[k]]
            if target.actor is not None:
                route, through = Route.ACTOR, reach[target.actor]
            elif target.sector is not None:
                route, through = Route.SECTOR, target.sector.value
            else:
                route, through = Route.COUNTRY, next(a for a in instrument.areas if a in bearing).value
            yield ExposureHit(instrument, measure, route, target, through, in_force, overlap, since)


def exposure(partnership: Partnership | Dataset, as_of: dt.date | str | None = None) -> Exposure:
    """Which instruments run through an actor or a sector under a sanction measure.

    Measures count when they certainly applied on ``as_of`` (default: the
    partnership's ``data_as_of``), or may have (``in_force`` is then None);
    measures certainly not in force are left out, and so are instruments that
    certainly did not exist on the day (begun later, or ended before).

    Examples:
        >>> import bilateral
        >>> found = exposure(bilateral.datasets.partnership())
        >>> [(h.measure.id, h.measure.legal_basis, h.in_force) for h in found.hits if h.through == "rosneft"]
        [('us-rosneft-lukoil-2025', 'Executive Order 14024', None), ('uk-rosneft-lukoil-2025', None, None)]
        >>> [sender for sender, _ in found.by_sender()]
        ['eu', 'uk', 'usa']
    """
    partnership = partnership_of(partnership, "exposure")
    day = partnership.data_as_of if as_of is None else day_of(as_of, "as_of", "exposure")
    routes = _Routes(partnership, _live_measures(((m, measure_span(m)) for m in partnership.sanctions), day))
    hits: list[ExposureHit] = []
    for instrument in partnership.instruments:
        existed = instrument_span(instrument, partnership.data_as_of)
        if existed.contains(day) is not False:  # not begun later, nor ended before
            hits.extend(routes.hits(instrument, existed))
    return Exposure(partnership.id, day, _unique(hits))


def exposed_count(
    partnership: Partnership,
    day: dt.date,
    spans: Sequence[Span],
    measures: Iterable[tuple[SanctionMeasure, Span | None]],
) -> tuple[int, int]:
    """How many instruments existed on ``day`` (or may have), and how many of them are exposed
    (have a hit in `exposure` on that day, counted once an id), given the spans of the
    partnership's instruments (in order) and its measures with theirs: as `compare` counts."""
    routes = _Routes(partnership, _live_measures(measures, day))
    existing = exposed = 0
    seen: set[str] = set()
    for instrument, existed in zip(partnership.instruments, spans, strict=True):
        if existed.contains(day) is False:
            continue
        existing += 1
        if instrument.id not in seen and next(routes.hits(instrument, existed), None) is not None:
            seen.add(instrument.id)
            exposed += 1
    return existing, exposed


def _unique(hits: list[ExposureHit]) -> tuple[ExposureHit, ...]:
    """One hit per (instrument, measure): the first route found."""
    seen: set[tuple[str, str]] = set()
    kept = []
    for hit in hits:
        key = (hit.instrument.id, hit.measure.id)
        if key not in seen:
            seen.add(key)
            kept.append(hit)
    return tuple(kept)
