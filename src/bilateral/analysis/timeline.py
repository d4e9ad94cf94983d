"""`timeline`: every dated event of a partnership, in order, each date as precise as its source."""

from collections.abc import Iterator
from typing import Any

import attrs

from bilateral.analysis.arguments import partnership_of
from bilateral.model.areas import CooperationArea
from bilateral.model.dates import PartialDate
from bilateral.model.instruments import MilestoneKind
from bilateral.model.partnership import Dataset, Partnership
from bilateral.model.sources import Citation
from bilateral.model.vocabulary import Vocabulary

__all__ = ["Event", "EventKind", "timeline"]


class EventKind(Vocabulary):
    """What happened at an event of the timeline."""

    ANNOUNCED = "announced"
    SIGNED = "signed"
    APPROVED = "approved"
    RATIFIED = "ratified"
    IN_FORCE = "in_force"
    STARTED = "started"
    DELIVERED = "delivered"
    COMPLETED = "completed"
    EXTENDED = "extended"
    SUSPENDED = "suspended"
    RESUMED = "resumed"
    ENDED = "ended"
    OTHER = "other"
    DISRUPTION_STARTED = "disruption_started"
    DISRUPTION_ENDED = "disruption_ended"
    SANCTION_IMPOSED = "sanction_imposed"
    SANCTION_LIFTED = "sanction_lifted"
    SANCTION_CONFIRMED = "sanction_confirmed"
    DEBT_AGREED = "debt_agreed"
    PAYMENT_DUE = "payment_due"
    TARGET_STATED = "target_stated"

    @property
    def label(self) -> str:
        """The kind in plain words ("sanction imposed")."""
        return self.value.replace("_", " ")


_ORDER = {kind: index for index, kind in enumerate(EventKind)}


@attrs.frozen
class Event:
    """One dated event.

    Attributes:
        date: When, as precisely as the source says.
        kind: What happened.
        record: The id of the record it belongs to.
        record_type: The kind of record ("instrument", "disruption", "sanction", "debt", "trade target").
        description: What happened, in words.
        areas: The cooperation areas of the record.
        citations: The sources for the event (the milestone's, else the record's).
        value: A typed value the event states, for the tables to write in words
            (a trade target's `TradeTarget`, a confirmation's ``until`` date).
    """

    date: PartialDate
    kind: EventKind
    record: str
    record_type: str
    description: str
    areas: tuple[CooperationArea, ...] = ()
    citations: tuple[Citation, ...] = ()
    value: Any = None

    def sort_key(self) -> tuple[object, ...]:
        """Earliest bound first, then the latest, then a fixed order of kinds and ids."""
        date = self.date  # its bounds as `PartialDate.sort_key` gives them, without the call
        return (
            date.earliest,
            date.latest,
            _ORDER[self.kind],
            self.record_type,
            self.record,
            self.description,
        )


#: The event of each kind of milestone.
_OF_MILESTONE = {kind: EventKind(kind.value) for kind in MilestoneKind}
#: The dates of an instrument that are events: its field, the event with its label, and the
#: milestone that tells the same.
_DATES = tuple(
    (field, kind, kind.label, MilestoneKind(kind.value))
    for field, kind in (
        ("announced", EventKind.ANNOUNCED),
        ("signed", EventKind.SIGNED),
        ("in_force", EventKind.IN_FORCE),
        ("ends", EventKind.ENDED),
    )
)


def _instrument_events(partnership: Partnership) -> Iterator[Event]:
    for i in partnership.instruments:
        for field, kind, label, step in _DATES:
            date = getattr(i, field)
            # A milestone of the same kind and day says more.
            if date is not None and not any(m.kind is step and m.date == date for m in i.milestones):
                yield Event(date, kind, i.id, "instrument", f"{i.title}: {label}", i.areas, i.citations)
        for m in i.milestones:
            yield Event(
                m.date,
                _OF_MILESTONE[m.kind],
                i.id,
                "instrument",
                f"{i.title}: {m.description}",
                i.areas,
                m.citations or i.citations,
            )


def _other_events(partnership: Partnership) -> Iterator[Event]:
    for d in partnership.disruptions:
        if d.period.start is not None:
            yield Event(
                d.period.start,
                EventKind.DISRUPTION_STARTED,
                d.id,
                "disruption",
                d.title,
                d.areas,
                d.citations,
            )
        if d.period.end is not None:
            yield Event(
                d.period.end, EventKind.DISRUPTION_ENDED, d.id, "disruption", d.title, d.areas, d.citations
            )
    for m in partnership.sanctions:
        if m.period.start is not None:
            yield Event(
                m.period.start, EventKind.SANCTION_IMPOSED, m.id, "sanction", m.title, (), m.citations
            )
        if m.period.end is not None:
            yield Event(m.period.end, EventKind.SANCTION_LIFTED, m.id, "sanction", m.title, (), m.citations)
        for c in m.confirmed:
            text = f"{m.title}: {c.note}" if c.note else m.title
            yield Event(c.on, EventKind.SANCTION_CONFIRMED, m.id, "sanction", text, (), c.citations, c.until)
    finance = (CooperationArea.FINANCE,)
    for debt in partnership.debts:
        if debt.agreed is not None:
            yield Event(
                debt.agreed, EventKind.DEBT_AGREED, debt.id, "debt", debt.title, finance, debt.citations
            )
        for label, date in (("first payment", debt.first_payment), ("final payment", debt.final_payment)):
            if date is not None:
                yield Event(
                    date,
                    EventKind.PAYMENT_DUE,
                    debt.id,
                    "debt",
                    f"{debt.title}: {label}",
                    finance,
                    debt.citations,
                )
    trade = (CooperationArea.TRADE,)
    for target in partnership.trade.targets:
        if target.stated is not None:
            yield Event(
                target.stated,
                EventKind.TARGET_STATED,
                target.id,
                "trade target",
                "trade target",
                trade,
                target.citations,
                target,
            )


def timeline(partnership: Partnership | Dataset) -> tuple[Event, ...]:
    """Every dated event of the partnership, ordered by its earliest possible day.

    Events dated only to a month or a year keep that precision, and sort by
    the first day they can mean; ties keep a fixed order, so the result is
    always the same.

    Examples:
        >>> import bilateral
        >>> events = timeline(bilateral.datasets.partnership())
        >>> [(str(e.date), e.kind.label) for e in events if e.record == "visa-free-agreement-2008"]
        [('2008-11-26', 'signed'), ('2009-03-06', 'in force')]
    """
    partnership = partnership_of(partnership, "timeline")
    events = [*_instrument_events(partnership), *_other_events(partnership)]
    return tuple(sorted(events, key=Event.sort_key))
