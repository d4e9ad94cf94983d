"""`summarize`: a partnership on one page: areas, trade, debt, disruptions, sanctions, sources."""

import datetime as dt
from collections import Counter

import attrs

from bilateral.analysis.arguments import day_of, partnership_of
from bilateral.analysis.conflicts import records
from bilateral.analysis.growth import DerivedValue, TargetProgress, implied_baseline, target_progress
from bilateral.analysis.snapshot import begun_by, measure_in_force
from bilateral.analysis.states import is_active
from bilateral.analysis.timeline import Event, EventKind, timeline
from bilateral.model.areas import CooperationArea
from bilateral.model.dates import Period
from bilateral.model.debt import DebtRestructuring
from bilateral.model.disruptions import Disruption
from bilateral.model.instruments import Instrument, Status
from bilateral.model.partnership import Dataset, Partnership
from bilateral.model.sanctions import SanctionMeasure
from bilateral.model.sources import SourceKind
from bilateral.model.trade import Trade, TradeChange, TradeFigure
from bilateral.model.vocabulary import Vocabulary

__all__ = [
    "AreaSummary",
    "DebtSummary",
    "DisruptionPhase",
    "DisruptionSummary",
    "SanctionsSummary",
    "SourceMix",
    "Summary",
    "TradeSummary",
    "summarize",
]


@attrs.frozen
class AreaSummary:
    """One cooperation area of a partnership.

    Attributes:
        area: The area.
        instruments: The instruments that serve it and had begun by the day, in dataset order.
        by_status: How many of them have each status, in lifecycle order (only statuses present).
        first: The first dated development (on or before the day), if any.
        latest: The latest dated development (on or before the day), if any.
        active: The instruments certainly in force or operating on the day.
        not_known: The instruments whose state on the day the sources leave open.
        maybe_begun: The instruments that serve it and may or may not have begun
            by the day (dated only to the month or year around it, or undated);
            never any on or after the dataset's ``data_as_of``.
    """

    area: CooperationArea
    instruments: tuple[Instrument, ...]
    by_status: tuple[tuple[Status, int], ...]
    first: Event | None
    latest: Event | None
    active: tuple[Instrument, ...]
    not_known: tuple[Instrument, ...]
    maybe_begun: tuple[Instrument, ...] = ()


@attrs.frozen
class TradeSummary:
    """Trade as known on the day: the latest figures, the stated changes, what they imply, and the targets.

    Before the dataset's ``data_as_of``, only figures and changes whose period
    had ended by the day count, and targets stated by then (or undated).

    Attributes:
        latest: The latest figure of each direction (turnover, and each way).
        changes: Every stated change.
        derived: Values computed from figures and changes, marked as derived.
        targets: Each target with the growth it needs and the progress towards it.
    """

    latest: tuple[TradeFigure, ...]
    changes: tuple[TradeChange, ...]
    derived: tuple[DerivedValue, ...]
    targets: tuple[TargetProgress, ...]


@attrs.frozen
class DebtSummary:
    """Debt: the restructurings and what falls due when, where the sources say.

    Attributes:
        restructurings: Every restructuring, in dataset order.
        due: Payment dates the sources give, in date order.
    """

    restructurings: tuple[DebtRestructuring, ...]
    due: tuple[Event, ...]


class DisruptionPhase(Vocabulary):
    """Where a disruption stands on a day."""

    NOT_STARTED = "not_started"
    ACTIVE = "active"
    OPEN_ENDED = "open_ended"
    RESOLVED = "resolved"
    NOT_KNOWN = "not_known"


@attrs.frozen
class DisruptionSummary:
    """A disruption and where it stands on the day.

    Attributes:
        disruption: The disruption.
        phase: Active (with a known end to come), open-ended (no end known),
            resolved, not started, or not known.
    """

    disruption: Disruption
    phase: DisruptionPhase


@attrs.frozen
class SanctionsSummary:
    """The sanction measures in force on the day, on each party and on the partnership's actors.

    Attributes:
        on_parties: For each party, the measures targeting it (or a sector of it).
        on_actors: For each targeted actor id, the measures targeting it.
        not_known: Measures that may or may not have applied on the day.
    """

    on_parties: tuple[tuple[str, tuple[SanctionMeasure, ...]], ...]
    on_actors: tuple[tuple[str, tuple[SanctionMeasure, ...]], ...]
    not_known: tuple[SanctionMeasure, ...]


@attrs.frozen
class SourceMix:
    """What the claims rest on.

    Attributes:
        claims: The number of claim records (instruments, trade records, debts,
            disruptions and sanction measures).
        single_source: Claims that cite one source only.
        state_media_only: Claims whose every source is state-affiliated media.
        official: Claims that cite at least one official document.
        sources: The number of sources.
    """

    claims: int
    single_source: int
    state_media_only: int
    official: int
    sources: int


@attrs.frozen
class Summary:
    """A partnership summarised as of a day.

    Attributes:
        partnership: The partnership.
        date: The day (by default the partnership's ``data_as_of``).
        areas: One summary per area served by an instrument that had begun (or may
            have) by the day, in area order.
        trade: Trade.
        debt: Debt.
        disruptions: Each disruption and its phase.
        sanctions: The sanctions in force.
        sources: The source mix.
    """

    partnership: Partnership
    date: dt.date
    areas: tuple[AreaSummary, ...]
    trade: TradeSummary
    debt: DebtSummary
    disruptions: tuple[DisruptionSummary, ...]
    sanctions: SanctionsSummary
    sources: SourceMix


#: The areas and the statuses in the order of their enums (iterating an enum class is slow).
_AREAS = tuple(CooperationArea)
_STATUS_ORDER = {status: position for position, status in enumerate(Status)}


#: An instrument on the day: whether it had begun (`begun_by`) and was active (`is_active`).
_State = tuple[Instrument, bool | None, bool | None]


def _areas(
    partnership: Partnership, day: dt.date, states: list[_State], events: tuple[Event, ...]
) -> tuple[AreaSummary, ...]:
    begun = {i.id for i, started, _ in states if started is True}
    maybe = {i.id for i, started, _ in states if started is None}
    active = [i for i, _, running in states if running is True]
    not_known = [i for i, _, running in states if running is None]
    serving: dict[CooperationArea, list[Instrument]] = {}
    for instrument in partnership.instruments:
        for area in dict.fromkeys(instrument.areas):
            serving.setdefault(area, []).append(instrument)
    # The first and the last event of each instrument that had come by the day, by timeline position.
    first: dict[str, int] = {}
    last: dict[str, int] = {}
    for position, e in enumerate(events):
        if e.record_type == "instrument" and e.date.latest <= day:
            first.setdefault(e.record, position)
            last[e.record] = position
    summaries = []
    for area in _AREAS:
        if area not in serving:
            continue
        instruments = tuple(i for i in serving[area] if i.id in begun)
        maybe_begun = tuple(i for i in serving[area] if i.id in maybe)
        if not instruments and not maybe_begun:
            continue
        ids = {i.id for i in serving[area]}
        counts = Counter(i.status for i in instruments)
        by_status = sorted(counts.items(), key=lambda item: _STATUS_ORDER[item[0]])
        firsts = [first[i] for i in ids if i in first]
        lasts = [last[i] for i in ids if i in last]
        summaries.append(
            AreaSummary(
                area=area,
                instruments=instruments,
                by_status=tuple(by_status),
                first=events[min(firsts)] if firsts else None,
                latest=events[max(lasts)] if lasts else None,
                active=tuple(i for i in active if i.id in ids),
                not_known=tuple(i for i in not_known if i.id in ids),
                maybe_begun=maybe_begun,
            )
        )
    return tuple(summaries)


def _over_by(period: Period, day: dt.date) -> bool:
    """Whether a period (of a figure or a change) had certainly ended by ``day``: its value was known."""
    last = period.end or period.start
    return last is not None and last.latest <= day


def _trade(partnership: Partnership, day: dt.date) -> TradeSummary:
    """Trade as known on ``day``: figures and changes of periods over by then, targets stated by then
    (on or after the dataset's ``data_as_of``, everything it records)."""
    trade = whole = partnership.trade
    if day < partnership.data_as_of:
        trade = Trade(
            tuple(f for f in whole.figures if _over_by(f.period, day)),
            tuple(c for c in whole.changes if _over_by(c.period, day)),
            tuple(t for t in whole.targets if t.stated is None or t.stated.earliest <= day),
        )
    latest: dict[tuple[str | None, str | None], TradeFigure] = {}
    for figure in trade.figures:
        key = (figure.origin, figure.destination)
        end = figure.period.end or figure.period.start
        best = latest.get(key)
        best_end = None if best is None else (best.period.end or best.period.start)
        if (
            figure.value is not None
            and end is not None
            and (best_end is None or end.sort_key() > best_end.sort_key())
        ):
            latest[key] = figure
    derived = tuple(
        value
        for change in trade.changes
        for figure in trade.figures
        if (value := implied_baseline(change, figure)) is not None
    )
    figures = {f.id: f for f in trade.figures}
    targets = tuple(
        target_progress(t, figures.get(t.baseline) if t.baseline else None) for t in trade.targets
    )
    return TradeSummary(tuple(latest.values()), trade.changes, derived, targets)


def _phase(disruption: Disruption, day: dt.date) -> DisruptionPhase:
    period = disruption.period
    state = period.contains(day)
    if state is False:
        if period.start is not None and period.start.earliest > day:
            return DisruptionPhase.NOT_STARTED
        return DisruptionPhase.RESOLVED
    if state is True:
        return DisruptionPhase.OPEN_ENDED if period.ongoing else DisruptionPhase.ACTIVE
    if period.end is None and not period.ongoing and period.start is not None and period.start.latest <= day:
        return DisruptionPhase.OPEN_ENDED
    return DisruptionPhase.NOT_KNOWN


def _sanctions(
    partnership: Partnership, measures: list[tuple[SanctionMeasure, bool | None]]
) -> SanctionsSummary:
    in_force = [m for m, state in measures if state is True]
    on_parties = tuple(
        (party, tuple(m for m in in_force if any(t.country == party and t.actor is None for t in m.targets)))
        for party in partnership.parties
    )
    actor_ids = sorted({t.actor for m in in_force for t in m.targets if t.actor is not None})
    on_actors = tuple(
        (actor, tuple(m for m in in_force if any(t.actor == actor for t in m.targets))) for actor in actor_ids
    )
    not_known = tuple(m for m, state in measures if state is None)
    return SanctionsSummary(on_parties, on_actors, not_known)


def _source_mix(partnership: Partnership) -> SourceMix:
    kinds = {s.id: s.kind for s in partnership.sources}  # the last source of an id, as a dict keeps it
    state_media = {i for i, kind in kinds.items() if kind is SourceKind.STATE_MEDIA}
    official_ids = {i for i, kind in kinds.items() if kind is SourceKind.OFFICIAL}
    claims = single = state_only = official = 0
    for _, record in records(partnership):
        cited = {c.source for c in record.citations}
        claims += 1
        single += len(cited) == 1
        state_only += bool(cited) and cited <= state_media
        official += not cited.isdisjoint(official_ids)
    return SourceMix(claims, single, state_only, official, len(partnership.sources))


def summarize(partnership: Partnership | Dataset, as_of: dt.date | str | None = None) -> Summary:
    """Summarise a partnership as of a day (default: its ``data_as_of``).

    Examples:
        >>> import bilateral
        >>> summary = summarize(bilateral.datasets.partnership())
        >>> summary.sources.claims == len(list(records(summary.partnership)))
        True
    """
    partnership = partnership_of(partnership, "summarize")
    day = partnership.data_as_of if as_of is None else day_of(as_of, "as_of", "summarize")
    # What `as_of` finds of each instrument and measure, without the rest of a snapshot.
    data_as_of = partnership.data_as_of
    states = [
        (i, begun_by(i, day, data_as_of), is_active(i, day, data_as_of)) for i in partnership.instruments
    ]
    measures = [(m, measure_in_force(m, day)) for m in partnership.sanctions]
    events = timeline(partnership)
    due = tuple(e for e in events if e.kind is EventKind.PAYMENT_DUE)
    return Summary(
        partnership=partnership,
        date=day,
        areas=_areas(partnership, day, states, events),
        trade=_trade(partnership, day),
        debt=DebtSummary(partnership.debts, due),
        disruptions=tuple(DisruptionSummary(d, _phase(d, day)) for d in partnership.disruptions),
        sanctions=_sanctions(partnership, measures),
        sources=_source_mix(partnership),
    )
