"""`compare`: two or more partnerships side by side, area by area, on the same metrics."""

import datetime as dt
from collections import Counter

import attrs

from bilateral.analysis.arguments import day_of, partnership_of
from bilateral.analysis.exposure import exposed_count
from bilateral.analysis.snapshot import begun_within
from bilateral.analysis.spans import instrument_span, measure_span
from bilateral.analysis.states import is_active
from bilateral.model.areas import CooperationArea
from bilateral.model.instruments import InstrumentKind
from bilateral.model.partnership import Dataset, Partnership

__all__ = ["AreaCell", "AreaRow", "Comparison", "ExposureCell", "SharedActor", "compare"]


@attrs.frozen
class AreaCell:
    """One partnership's record in one area.

    Attributes:
        instruments: How many instruments serve the area and had begun by the day.
        active: How many were certainly in force or operating on the day.
        not_known: How many the sources leave open on the day.
        kinds: The kinds of the instruments counted, in the order of `InstrumentKind`.
        maybe_begun: How many more serve the area and may or may not have
            begun by the day (never any on or after the partnership's ``data_as_of``).
    """

    instruments: int
    active: int
    not_known: int
    kinds: tuple[InstrumentKind, ...]
    maybe_begun: int = 0


@attrs.frozen
class AreaRow:
    """One area across the partnerships.

    Attributes:
        area: The area.
        cells: One cell per partnership, in the order they were given.
    """

    area: CooperationArea
    cells: tuple[AreaCell, ...]

    @property
    def covered_by_all(self) -> bool:
        """True if every partnership has an instrument in the area."""
        return all(c.instruments for c in self.cells)


@attrs.frozen
class SharedActor:
    """An actor that takes part in more than one of the partnerships.

    Attributes:
        actor: The actor's id.
        names: For each partnership, the name it gives the actor (None if it defines none).
        partnerships: For each partnership, whether its instruments name the actor.
    """

    actor: str
    names: tuple[str | None, ...]
    partnerships: tuple[bool, ...]

    @property
    def name(self) -> str:
        """The actor's name: the first one given, or its id."""
        return next((n for n in self.names if n is not None), self.actor)


@attrs.frozen
class ExposureCell:
    """One partnership's sanctions exposure on the day.

    Attributes:
        measures: Sanction measures on its parties or actors certainly in force on the day.
        exposed: Instruments that run through a sanctioned actor or sector.
        instruments: Its instruments that existed on the day, or may have (all of them on its
            ``data_as_of``, but those ended before).
        not_known: Sanction measures on its parties or actors that may or may not have applied on the day.
    """

    measures: int
    exposed: int
    instruments: int
    not_known: int


@attrs.frozen
class Comparison:
    """Partnerships side by side.

    Attributes:
        partnerships: The partnerships, in the order given.
        date: The day compared on (None: each partnership's own ``data_as_of``).
        areas: One row per area that any of them covers, in area order.
        shared_actors: Actors named by the instruments of two or more of them.
        exposure: One cell per partnership.
    """

    partnerships: tuple[Partnership, ...]
    date: dt.date | None
    areas: tuple[AreaRow, ...]
    shared_actors: tuple[SharedActor, ...]
    exposure: tuple[ExposureCell, ...]

    @property
    def only_some(self) -> tuple[AreaRow, ...]:
        """The areas that some partnerships cover and others do not."""
        return tuple(row for row in self.areas if not row.covered_by_all)

    def reversed(self) -> "Comparison":
        """The same comparison with the partnerships in reverse order (the mirror image)."""
        return Comparison(
            partnerships=self.partnerships[::-1],
            date=self.date,
            areas=tuple(AreaRow(r.area, r.cells[::-1]) for r in self.areas),
            shared_actors=tuple(
                SharedActor(a.actor, a.names[::-1], a.partnerships[::-1]) for a in self.shared_actors
            ),
            exposure=self.exposure[::-1],
        )


def _actors(partnership: Partnership) -> set[str]:
    named: set[str] = set()
    for i in partnership.instruments:
        named.update(i.participants)
        named.update(a for a in (i.provider, i.recipient) if a is not None)
    return named


_AREAS = tuple(CooperationArea)  # iterating an enum class is slow
_KINDS = tuple(InstrumentKind)
_NO_CELL = AreaCell(instruments=0, active=0, not_known=0, kinds=())


def _cells(partnership: Partnership, day: dt.date) -> tuple[dict[CooperationArea, AreaCell], ExposureCell]:
    """One partnership's cells on ``day``: of each area one of its instruments serves, and of
    its exposure, with the span of each instrument and each measure worked out once."""
    data_as_of = partnership.data_as_of
    spans = [instrument_span(i, data_as_of) for i in partnership.instruments]
    serving: dict[CooperationArea, list[tuple[InstrumentKind, bool | None, bool | None]]] = {}
    for instrument, span in zip(partnership.instruments, spans, strict=True):
        begun = True if day >= data_as_of else begun_within(span, day)  # as `begun_by`
        state = (instrument.kind, begun, is_active(instrument, day, data_as_of))
        for area in dict.fromkeys(instrument.areas):
            serving.setdefault(area, []).append(state)
    cells = {}
    for area, states in serving.items():
        kinds = {kind for kind, begun, _ in states if begun is True}
        cells[area] = AreaCell(
            instruments=sum(1 for _, begun, _ in states if begun is True),
            active=sum(1 for _, _, active in states if active is True),
            not_known=sum(1 for _, _, active in states if active is None),
            kinds=tuple(k for k in _KINDS if k in kinds),
            maybe_begun=sum(1 for _, begun, _ in states if begun is None),
        )
    measures = [(m, measure_span(m)) for m in partnership.sanctions]
    in_force = [
        False if span is None else span.contains(day) for _, span in measures
    ]  # as `measure_in_force`
    existing, exposed = exposed_count(partnership, day, spans, measures)
    exposure = ExposureCell(
        measures=sum(1 for state in in_force if state is True),
        exposed=exposed,
        instruments=existing,
        not_known=sum(1 for state in in_force if state is None),
    )
    return cells, exposure


def compare(*partnerships: Partnership | Dataset, as_of: dt.date | str | None = None) -> Comparison:
    """Set two or more partnerships side by side on the same metrics.

    ``compare(a, b).reversed() == compare(b, a)``: the order given only
    orders the columns.

    Examples:
        >>> import bilateral
        >>> venezuela = bilateral.datasets.partnership()
        >>> mine = bilateral.load("examples/my-partnership.yaml").partnership()
        >>> comparison = compare(venezuela, mine)
        >>> [(row.area.value, [c.instruments for c in row.cells]) for row in comparison.areas][:2]
        [('energy', [6, 2]), ('defence', [13, 0])]
        >>> comparison.reversed() == compare(mine, venezuela)
        True

    Raises:
        ValueError: Fewer than two partnerships.
    """
    if len(partnerships) < 2:
        raise ValueError(f"compare needs two or more partnerships, got {len(partnerships)}")
    given = [partnership_of(p, "compare") for p in partnerships]
    day = None if as_of is None else day_of(as_of, "as_of", "compare")
    area_cells = []
    cells_exposure = []
    for p in given:
        by_area, exposure = _cells(p, day or p.data_as_of)
        area_cells.append(by_area)
        cells_exposure.append(exposure)
    rows = []
    for area in _AREAS:
        cells = tuple(by_area.get(area, _NO_CELL) for by_area in area_cells)
        if any(c.instruments or c.maybe_begun for c in cells):
            rows.append(AreaRow(area, cells))
    named = [_actors(p) for p in given]
    names = [{a.id: a.name for a in p.actors} for p in given]
    counts = Counter(a for n in named for a in n)
    shared = sorted(a for a, count in counts.items() if count >= 2)
    return Comparison(
        partnerships=tuple(given),
        date=day,
        areas=tuple(rows),
        shared_actors=tuple(
            SharedActor(a, tuple(n.get(a) for n in names), tuple(a in n for n in named)) for a in shared
        ),
        exposure=tuple(cells_exposure),
    )
