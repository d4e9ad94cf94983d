"""`as_of`: a partnership as it stood on a given day."""

import datetime as dt

import attrs

from bilateral.analysis.arguments import day_of, partnership_of
from bilateral.analysis.spans import Span, instrument_span, measure_span
from bilateral.analysis.states import is_active, period_state, started_by
from bilateral.model.disruptions import Disruption
from bilateral.model.instruments import Instrument
from bilateral.model.partnership import Dataset, Partnership
from bilateral.model.sanctions import Confirmation, SanctionMeasure

__all__ = [
    "DisruptionState",
    "InstrumentState",
    "MeasureState",
    "Snapshot",
    "as_of",
    "begun_by",
    "measure_in_force",
]


@attrs.frozen
class InstrumentState:
    """An instrument on a day.

    Attributes:
        instrument: The instrument.
        signed: Whether it had been signed (None: not known, or no date given).
        active: Whether it was in force or operating (None: not known).
        begun: Whether it had begun by the day: its first dated step
            (announced, signed, a milestone) had come. Every instrument had
            begun by the dataset's ``data_as_of``.
    """

    instrument: Instrument
    signed: bool | None
    active: bool | None
    begun: bool | None = True


@attrs.frozen
class MeasureState:
    """A sanction measure on a day.

    Attributes:
        measure: The measure.
        in_force: Whether it applied: imposed, and the day within its period,
            as far as its start, its end and its confirmations tell.
        confirmation: Its last confirmation, if it has any (see
            `SanctionMeasure.last_confirmation`).
    """

    measure: SanctionMeasure
    in_force: bool | None
    confirmation: Confirmation | None = None


@attrs.frozen
class DisruptionState:
    """A disruption on a day.

    Attributes:
        disruption: The disruption.
        active: Whether it was going on.
    """

    disruption: Disruption
    active: bool | None


@attrs.frozen
class Snapshot:
    """A partnership as it stood on a day.

    Attributes:
        partnership: The partnership.
        date: The day.
        instruments: Every instrument and where it stood, in dataset order.
        measures: Every sanction measure and whether it applied.
        disruptions: Every disruption and whether it was going on.

    See Also:
        `as_of`.
    """

    partnership: Partnership
    date: dt.date
    instruments: tuple[InstrumentState, ...]
    measures: tuple[MeasureState, ...]
    disruptions: tuple[DisruptionState, ...]

    @property
    def active(self) -> tuple[Instrument, ...]:
        """The instruments certainly in force or operating on the day."""
        return tuple(s.instrument for s in self.instruments if s.active is True)

    @property
    def not_known(self) -> tuple[Instrument, ...]:
        """The instruments whose state on the day the sources do not settle."""
        return tuple(s.instrument for s in self.instruments if s.active is None)

    @property
    def begun(self) -> tuple[Instrument, ...]:
        """The instruments that had certainly begun by the day."""
        return tuple(s.instrument for s in self.instruments if s.begun is True)

    @property
    def maybe_begun(self) -> tuple[Instrument, ...]:
        """The instruments that may or may not have begun by the day (dated around it, or undated)."""
        return tuple(s.instrument for s in self.instruments if s.begun is None)

    def state(self, instrument_id: str) -> InstrumentState:
        """The state of the instrument with this id.

        Raises:
            LookupError: No instrument has this id.
        """
        for state in self.instruments:
            if state.instrument.id == instrument_id:
                return state
        raise LookupError(f"no instrument has the id {instrument_id!r}")


def measure_in_force(measure: SanctionMeasure, day: dt.date) -> bool | None:
    """Whether a measure applied on ``day``: True, False, or None for not known.

    Yes when it had been imposed by the day, has not ended, and its period
    (an ongoing one, or a sourced end) or a confirmation reaches the day or a
    later one; not known after its last confirmation; no before it began,
    after a sourced end, or if it was only threatened.

    Examples:
        >>> from bilateral import Citation, Confirmation, PartialDate, Period, SanctionMeasure, SanctionTarget, MeasureType
        >>> measure = SanctionMeasure("m", "EU sectoral measures", "eu", (SanctionTarget("RUS"),),
        ...     (MeasureType.FINANCIAL,), Period.parse("2014-07-31/"),
        ...     confirmed=(Confirmation(PartialDate.parse("2025-12-15"), citations=(Citation("s"),)),))
        >>> [measure_in_force(measure, dt.date(*d)) for d in ((2014, 7, 30), (2025, 12, 15), (2026, 1, 1))]
        [False, True, None]
    """
    span = measure_span(measure)
    return False if span is None else span.contains(day)


def begun_by(instrument: Instrument, day: dt.date, data_as_of: dt.date) -> bool | None:
    """Whether an instrument had begun by ``day``: its first dated step had come (see `instrument_span`)."""
    if day >= data_as_of:
        return True
    return begun_within(instrument_span(instrument, data_as_of), day)


def begun_within(span: Span, day: dt.date) -> bool | None:
    """Whether something that exists over ``span`` had begun by ``day`` (see `begun_by`, which
    answers yes on or after the dataset's ``data_as_of`` whatever the span)."""
    if span.latest_start is not None and span.latest_start <= day:
        return True
    if span.earliest_start is not None and day < span.earliest_start:
        return False
    return None


def as_of(partnership: Partnership | Dataset, date: dt.date | str) -> Snapshot:
    """The partnership as it stood on ``date``, with "not known" where the dates leave it open.

    Examples:
        >>> import datetime, bilateral
        >>> p = bilateral.datasets.partnership("russia-venezuela")
        >>> treaty = "strategic-partnership-treaty-2025"
        >>> [as_of(p, day).state(treaty).active for day in (datetime.date(2025, 10, 1), datetime.date(2025, 11, 1), p.data_as_of)]
        [False, None, None]
    """
    partnership = partnership_of(partnership, "as_of")
    date = day_of(date, "date", "as_of")
    data_as_of = partnership.data_as_of
    return Snapshot(
        partnership=partnership,
        date=date,
        instruments=tuple(
            InstrumentState(
                i,
                started_by(i.signed, date),
                is_active(i, date, data_as_of),
                begun_by(i, date, data_as_of),
            )
            for i in partnership.instruments
        ),
        measures=tuple(
            MeasureState(m, measure_in_force(m, date), m.last_confirmation) for m in partnership.sanctions
        ),
        disruptions=tuple(DisruptionState(d, period_state(d.period, date)) for d in partnership.disruptions),
    )
