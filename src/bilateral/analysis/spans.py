"""Spans: when a measure applied and when an instrument existed, with every bound inexact.

Sources date things to a year or a month, and often give no end at all. A
`Span` keeps what is known as four bounds: the earliest and latest day it can
have begun, and the earliest and latest day it can have ended (it runs through
its last day). From them come exact three-valued answers: whether a day falls
inside (`Span.contains`), and whether two spans overlapped
(`Span.overlaps`), with the first day they can have.
"""

import datetime as dt

import attrs

from bilateral.model.instruments import Instrument, MilestoneKind, Status
from bilateral.model.sanctions import MeasureStage, SanctionMeasure

__all__ = ["Span", "instrument_span", "measure_span"]

_OVER = frozenset({Status.COMPLETED, Status.EXPIRED, Status.CANCELLED})
_FIRST_STEPS = frozenset({MilestoneKind.ANNOUNCED, MilestoneKind.SIGNED})


@attrs.frozen
class Span:
    """A stretch of time whose start and end are each known to lie between two days.

    ``None`` is an open bound: no earliest start (it may have begun at any time
    before), no latest start (nothing says it had begun), no earliest end
    (nothing says it lasted), no latest end (nothing says it is over).

    Attributes:
        earliest_start: The first day it can have begun on.
        latest_start: The last day it can have begun on: by then it certainly had.
        earliest_end: It certainly still ran on this day.
        latest_end: The last day it can have run on.

    Examples:
        >>> span = Span(dt.date(2025, 5, 1), dt.date(2025, 5, 31), None, None)
        >>> [span.contains(dt.date(2025, 5, d)) for d in (31, 15)]
        [None, None]
        >>> span = Span(dt.date(2025, 5, 1), dt.date(2025, 5, 31), dt.date(2030, 1, 1), None)
        >>> span.contains(dt.date(2025, 4, 30)), span.contains(dt.date(2025, 5, 31))
        (False, True)
    """

    earliest_start: dt.date | None
    latest_start: dt.date | None
    earliest_end: dt.date | None
    latest_end: dt.date | None

    def contains(self, day: dt.date) -> bool | None:
        """Whether ``day`` falls inside: True, False, or None for not known."""
        if (self.earliest_start is not None and day < self.earliest_start) or (
            self.latest_end is not None and day > self.latest_end
        ):
            return False
        if (
            self.latest_start is not None
            and self.latest_start <= day
            and self.earliest_end is not None
            and day <= self.earliest_end
        ):
            return True
        return None

    def overlaps(self, other: "Span") -> tuple[bool | None, dt.date | None]:
        """Whether the two ran at the same time, and the first day they can have.

        Returns ``(False, None)`` when they cannot have overlapped; otherwise
        the answer (True, or None for not known) and the earliest day common
        to both (None if neither has an earliest start).
        """
        first = _latest(self.earliest_start, other.earliest_start)
        last = _earliest(self.latest_end, other.latest_end)
        if first is not None and last is not None and first > last:
            return False, None
        sure_first = _latest_known(self.latest_start, other.latest_start)
        sure_last = _earliest_known(self.earliest_end, other.earliest_end)
        sure = sure_first is not None and sure_last is not None and sure_first <= sure_last
        return (True if sure else None), first


def _latest(a: dt.date | None, b: dt.date | None) -> dt.date | None:
    """The later of two earliest-start bounds (None: no bound)."""
    return b if a is None else a if b is None else max(a, b)


def _earliest(a: dt.date | None, b: dt.date | None) -> dt.date | None:
    """The earlier of two latest-end bounds (None: no bound)."""
    return b if a is None else a if b is None else min(a, b)


def _latest_known(a: dt.date | None, b: dt.date | None) -> dt.date | None:
    """The later of two latest-start bounds; None if either is unknown (it may never have begun)."""
    return None if a is None or b is None else max(a, b)


def _earliest_known(a: dt.date | None, b: dt.date | None) -> dt.date | None:
    """The earlier of two earliest-end bounds; None if either is unknown (it may have stopped)."""
    return None if a is None or b is None else min(a, b)


def measure_span(measure: SanctionMeasure) -> Span | None:
    """When a measure applied: from its period, and from the confirmations that it still did.

    None for a measure only threatened: it never applied. A confirmation
    shows the measure applied up to the day it covers, so with a start and no
    sourced end, the measure is in force up to its last confirmation and not
    known after it. An ongoing period (``2019-01-28/..``) still applies.
    """
    if measure.stage is not MeasureStage.IMPOSED:
        return None
    period = measure.period
    start, end = period.start, period.end
    earliest_start = start.earliest if start is not None else None
    latest_start = start.latest if start is not None else None
    confirmed = [c.on.latest for c in measure.confirmed]
    if confirmed:  # a statement that it applies shows it had begun by then
        first = min(confirmed)
        latest_start = first if latest_start is None else min(latest_start, first)
    if period.ongoing:
        return Span(earliest_start, latest_start, dt.date.max, None)
    covered = max((c.covers for c in measure.confirmed), default=None)
    if end is not None:  # a confirmation may settle days the end's own bounds leave open
        earliest_end = end.earliest if covered is None else min(max(end.earliest, covered), end.latest)
        return Span(earliest_start, latest_start, earliest_end, end.latest)
    return Span(earliest_start, latest_start, covered or latest_start, None)


def instrument_span(instrument: Instrument, data_as_of: dt.date) -> Span:
    """When an instrument existed: from its first dated step to its end.

    Only an announcement or a signature marks a beginning: with one recorded,
    it began no earlier than its earliest dated step; with neither, the
    sources set no lower bound. It had begun by the first of its dates (in
    force, a milestone), or by ``data_as_of`` at the latest, as a record of a
    dataset that runs to that day. It runs through ``ends``; with no end date,
    one completed, expired or cancelled by ``data_as_of`` had ended by then (it
    certainly existed up to its last dated step), and any other still existed
    on that day.
    """
    dates = [d for d in (instrument.announced, instrument.signed, instrument.in_force) if d is not None]
    dates += [m.date for m in instrument.milestones]
    begins = instrument.announced is not None or instrument.signed is not None
    begins = begins or any(m.kind in _FIRST_STEPS for m in instrument.milestones)
    # The bounds of the earliest date: its first day, and the first of their last days.
    earliest = [d.earliest for d in dates]
    earliest_start = min(min(earliest), data_as_of) if begins and dates else None
    latest_start = min(min(d.latest for d in dates), data_as_of) if dates else data_as_of
    earliest_end: dt.date | None
    latest_end: dt.date | None
    if instrument.ends is not None:
        earliest_end, latest_end = instrument.ends.earliest, instrument.ends.latest
    elif instrument.status in _OVER:
        # It ran without a break from its first step to its last dated one.
        last = max(earliest, default=None)
        earliest_end = last if last is not None and last >= latest_start else None
        latest_end = max(data_as_of, latest_start)
    else:
        earliest_end, latest_end = max(data_as_of, latest_start), None
    if earliest_end is not None and latest_end is not None and earliest_end > latest_end:
        earliest_end = latest_end  # steps dated after the dataset's day, on a record already over
    return Span(earliest_start, latest_start, earliest_end, latest_end)
