"""Where a record stands on a given day: yes, no, or not known.

The answers come from the record's partial dates, read with their exact
bounds, and from its status as of the partnership's ``data_as_of``. None
means the sources do not settle it, and the result says so rather than guess.
"""

import datetime as dt

from bilateral.model.dates import PartialDate, Period
from bilateral.model.instruments import Instrument, InstrumentKind, MilestoneKind, Status

__all__ = ["is_active", "period_state", "started_by"]

_RUNNING = frozenset({Status.IN_FORCE, Status.OPERATING})
_NOT_YET = frozenset({Status.ANNOUNCED, Status.SIGNED, Status.RATIFIED})
_OVER = frozenset({Status.COMPLETED, Status.EXPIRED, Status.CANCELLED, Status.SUSPENDED})
_NOT_BEFORE = frozenset({MilestoneKind.SIGNED, MilestoneKind.RATIFIED, MilestoneKind.APPROVED})


def started_by(date: PartialDate | None, day: dt.date) -> bool | None:
    """Whether ``date`` had come by ``day``; None if it is unknown or straddles the day."""
    return None if date is None else date.on_or_before(day)


def _ended_by(end: PartialDate | None, day: dt.date) -> bool | None:
    """Whether something that ends with ``end`` is over on ``day`` (it runs through ``end``)."""
    if end is None:
        return None
    if end.latest < day:
        return True
    if end.earliest >= day:
        return False
    return None


def _and(a: bool | None, b: bool | None) -> bool | None:
    if a is False or b is False:
        return False
    if a is True and b is True:
        return True
    return None


def is_active(instrument: Instrument, day: dt.date, data_as_of: dt.date) -> bool | None:
    """Whether ``instrument`` was in force or operating on ``day``: True, False or None.

    It starts with ``in_force`` or, if the sources give no such date, with
    ``signed`` (a treaty, which needs ratification, starts at an unknown day
    after its signature and its last ratification) and runs through ``ends``. Its status as of ``data_as_of`` settles what the
    dates leave open: an instrument only announced, signed or ratified then
    was not yet in force on any day up to then; one in force or operating
    then is taken to go on until its stated end.
    """
    start = instrument.in_force or (None if _needs_ratification(instrument) else instrument.signed)
    started = started_by(start, day)
    if start is None:
        started = _started_unknown_date(instrument, day)
    ends = instrument.ends
    not_ended = None if ends is None else _negate(_ended_by(ends, day))
    status = instrument.status
    if status in _NOT_YET:
        if day <= data_as_of:
            return False
        return _and(started, _and(not_ended, None))
    if status in _RUNNING:
        if start is None and day >= data_as_of:
            started = True
        if ends is None:
            not_ended = True
        return _and(started, not_ended)
    if status in _OVER:
        if ends is None:
            not_ended = False if day >= data_as_of else None
        return _and(started, not_ended)
    return _and(started, _and(not_ended, None))  # UNKNOWN: never a yes


def _needs_ratification(instrument: Instrument) -> bool:
    return instrument.kind is InstrumentKind.TREATY


def _started_unknown_date(instrument: Instrument, day: dt.date) -> bool | None:
    """Whether an instrument with no entry-into-force date had started: no before it could have.

    A treaty cannot be in force before its signature and its last ratification.
    """
    floor = [d for d in (instrument.signed, instrument.announced) if d is not None]
    floor += [m.date for m in instrument.milestones if m.kind in _NOT_BEFORE]
    if floor and day < max(d.earliest for d in floor):
        return False
    return None


def _negate(value: bool | None) -> bool | None:
    return None if value is None else not value


def period_state(period: Period, day: dt.date) -> bool | None:
    """Whether ``day`` falls within ``period``: True, False or None."""
    return period.contains(day)
