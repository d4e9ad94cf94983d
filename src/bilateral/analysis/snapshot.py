"""`as_of`: a partnership as it stood on a given day."""

import datetime as dt

import attrs

from bilateral.analysis.states import is_active, period_state, started_by
from bilateral.model.disruptions import Disruption
from bilateral.model.instruments import Instrument
from bilateral.model.partnership import Partnership
from bilateral.model.sanctions import MeasureStage, SanctionMeasure

__all__ = ["DisruptionState", "InstrumentState", "MeasureState", "Snapshot", "as_of"]


@attrs.frozen
class InstrumentState:
    """An instrument on a day.

    Attributes:
        instrument: The instrument.
        signed: Whether it had been signed (None: not known, or no date given).
        active: Whether it was in force or operating (None: not known).
    """

    instrument: Instrument
    signed: bool | None
    active: bool | None


@attrs.frozen
class MeasureState:
    """A sanction measure on a day.

    Attributes:
        measure: The measure.
        in_force: Whether it applied: imposed, and the day within its period.
    """

    measure: SanctionMeasure
    in_force: bool | None


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
    """Whether a measure applied on ``day``: imposed, and the day within its period."""
    if measure.stage is not MeasureStage.IMPOSED:
        return False
    return period_state(measure.period, day)


def as_of(partnership: Partnership, date: dt.date) -> Snapshot:
    """The partnership as it stood on ``date``, with "not known" where the dates leave it open.

    Examples:
        >>> import datetime, bilateral
        >>> p = bilateral.datasets.load("russia-venezuela")
        >>> treaty = "strategic-partnership-treaty-2025"
        >>> [as_of(p, day).state(treaty).active for day in (datetime.date(2025, 10, 1), datetime.date(2025, 11, 1), p.data_as_of)]
        [False, None, True]
    """
    return Snapshot(
        partnership=partnership,
        date=date,
        instruments=tuple(
            InstrumentState(i, started_by(i.signed, date), is_active(i, date, partnership.data_as_of))
            for i in partnership.instruments
        ),
        measures=tuple(MeasureState(m, measure_in_force(m, date)) for m in partnership.sanctions),
        disruptions=tuple(DisruptionState(d, period_state(d.period, date)) for d in partnership.disruptions),
    )
