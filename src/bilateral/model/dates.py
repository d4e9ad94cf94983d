"""Partial dates and periods, written in EDTF (ISO 8601-2) notation.

Sources rarely give a full date. "May 2025" is a month, "2006" is a year, and an
estimate is not a fact. A `PartialDate` keeps exactly what the source gives, with
the EDTF qualifiers ``~`` (approximate), ``?`` (uncertain) and ``%`` (both), and
knows the earliest and latest day it can mean. A `Period` joins two of them,
with an end that may be unknown or open (still going on).
"""

import calendar
import datetime as dt
import functools
import re
from typing import Literal

import attrs

from bilateral.errors import shown

__all__ = ["PartialDate", "Period", "Precision"]

Precision = Literal["year", "month", "day"]

_DATE_RE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?([~?%])?", re.ASCII)
_QUALIFIERS = {"": (False, False), "~": (True, False), "?": (False, True), "%": (True, True)}


@functools.lru_cache(maxsize=4096)
def _last_day(year: int, month: int) -> int:
    """The number of days in a month (asked again and again by the analysis)."""
    return calendar.monthrange(year, month)[1]


def _check_parts(year: int, month: int | None, day: int | None) -> str | None:
    """Return why these parts make no date, or None if they do."""
    if not 1 <= year <= 9999:
        return "year must be 1 to 9999"
    if month is None:
        return "a day needs a month" if day is not None else None
    if not 1 <= month <= 12:
        return "month must be 1 to 12"
    if day is None:
        return None
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        return f"day must be 1 to {last} in {calendar.month_name[month]} {year}"
    return None


def _validate(instance: "PartialDate", _attribute: "attrs.Attribute[int | None]", _value: int | None) -> None:
    problem = _check_parts(instance.year, instance.month, instance.day)
    if problem is not None:
        raise ValueError(f"{instance.edtf()!r} is not a valid date ({problem})")


@attrs.frozen
class PartialDate:
    """A date known to a year, a month or a day, perhaps approximate or uncertain.

    Attributes:
        year: The year, 1 to 9999.
        month: The month, 1 to 12, or None when only the year is known.
        day: The day of the month, or None when only the month is known.
        approximate: The source gives it as an estimate (EDTF ``~``).
        uncertain: The source is not sure of it (EDTF ``?``).

    Examples:
        >>> d = PartialDate.parse("2025-05")
        >>> d.earliest, d.latest
        (datetime.date(2025, 5, 1), datetime.date(2025, 5, 31))
        >>> str(PartialDate.parse("2026-01~"))
        '2026-01~'
    """

    year: int
    month: int | None = None
    day: int | None = attrs.field(default=None, validator=_validate)
    approximate: bool = False
    uncertain: bool = False

    @classmethod
    def parse(cls, text: str) -> "PartialDate":
        """Read an EDTF date: ``2025``, ``2025-05``, ``2025-05-07``, each optionally
        followed by ``~``, ``?`` or ``%``.

        Raises:
            ValueError: The text is no such date, or names a day that does not exist.
        """
        match = _DATE_RE.fullmatch(text)
        if match is None:
            raise ValueError(
                f"{shown(text)} is not a valid date (expected YYYY, YYYY-MM or YYYY-MM-DD, "
                "optionally followed by ~, ? or %)"
            )
        year, month, day = (int(g) if g else None for g in match.group(1, 2, 3))
        assert year is not None
        problem = _check_parts(year, month, day)
        if problem is not None:
            raise ValueError(f"{shown(text)} is not a valid date ({problem})")
        approximate, uncertain = _QUALIFIERS[match.group(4) or ""]
        return cls(year, month, day, approximate, uncertain)

    @classmethod
    def of(cls, day: dt.date) -> "PartialDate":
        """The exact day of a `datetime.date`."""
        return cls(day.year, day.month, day.day)

    @property
    def precision(self) -> Precision:
        """How much of the date is known: ``"year"``, ``"month"`` or ``"day"``."""
        if self.month is None:
            return "year"
        return "month" if self.day is None else "day"

    @property
    def qualified(self) -> bool:
        """True if the date is approximate or uncertain."""
        return self.approximate or self.uncertain

    # earliest, latest and the text are asked for again and again (by the checks, the analysis and
    # every write): each is worked out once, on the first asking, and kept (the record is frozen).
    @functools.cached_property
    def earliest(self) -> dt.date:
        """The first day the date can mean."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    @functools.cached_property
    def latest(self) -> dt.date:
        """The last day the date can mean."""
        month = self.month or 12
        day = self.day or _last_day(self.year, month)
        return dt.date(self.year, month, day)

    def on_or_before(self, day: dt.date) -> bool | None:
        """Whether this date had come by ``day``: True, False, or None for not known.

        Examples:
            >>> signed = PartialDate.parse("2025-05")
            >>> [signed.on_or_before(dt.date(2025, 5, d)) for d in (31, 15)]
            [True, None]
            >>> signed.on_or_before(dt.date(2025, 4, 30))
            False
        """
        if self.latest <= day:
            return True
        if self.earliest > day:
            return False
        return None

    def sort_key(self) -> tuple[dt.date, dt.date]:
        """Order by earliest bound, then latest (frozen records are not orderable)."""
        return (self.earliest, self.latest)

    def edtf(self) -> str:
        """The EDTF text of the date."""
        return self._edtf

    @functools.cached_property
    def _edtf(self) -> str:
        month, day = self.month, self.day
        if month is None:
            text = f"{self.year:04d}"
        elif day is None:
            text = f"{self.year:04d}-{month:02d}"
        else:
            text = f"{self.year:04d}-{month:02d}-{day:02d}"
        if not (self.approximate or self.uncertain):
            return text
        if self.approximate and self.uncertain:
            return text + "%"
        return text + "~" if self.approximate else text + "?"

    def __str__(self) -> str:
        return self.edtf()


def _validate_period(instance: "Period", _attribute: "attrs.Attribute[bool]", _value: bool) -> None:
    start, end = instance.start, instance.end
    if start is not None and end is not None and end.latest < start.earliest:
        raise ValueError(f"the end {end} is before the start {start}")
    if instance.ongoing and end is not None:
        raise ValueError("an ongoing period has no end date")
    if start is None and end is None and not instance.ongoing:
        raise ValueError("a period needs a start, an end, or both (or to be ongoing)")


@attrs.frozen
class Period:
    """A span of time between two partial dates.

    A missing start or end is unknown. An ``ongoing`` period has no end yet.
    Written in EDTF interval notation: ``2026/2041``, ``2025-11-21/..`` (ongoing),
    ``2025-11-21/`` (end unknown); a single date such as ``2024`` is the period
    that starts and ends with it.

    Attributes:
        start: When it began, or None if unknown.
        end: When it ended or ends, or None if unknown or ongoing.
        ongoing: It has not ended (EDTF ``..`` as the end).

    Examples:
        >>> p = Period.parse("2026/2041")
        >>> p.start.earliest, p.end.latest
        (datetime.date(2026, 1, 1), datetime.date(2041, 12, 31))
    """

    start: PartialDate | None = None
    end: PartialDate | None = None
    ongoing: bool = attrs.field(default=False, validator=_validate_period)

    @classmethod
    def parse(cls, text: str) -> "Period":
        """Read an EDTF interval, or a single date as a period of its own."""
        if "/" not in text:
            date = PartialDate.parse(text)
            return cls(date, date)
        first, _, second = text.partition("/")
        if "/" in second:
            raise ValueError(f"{shown(text)} is not a valid period (more than one '/')")
        if first == "..":
            raise ValueError(
                f"{shown(text)} is not a valid period (an open start is not supported; leave it empty if unknown)"
            )
        if first == "" and second == "":
            raise ValueError(f"{shown(text)} is not a valid period (give a start, an end, or both)")
        if first == "" and second == "..":
            return cls(None, None, True)
        start = PartialDate.parse(first) if first else None
        ongoing = second == ".."
        end = PartialDate.parse(second) if second not in ("", "..") else None
        if start is not None and end is not None and end.latest < start.earliest:
            raise ValueError(f"{shown(text)} is not a valid period (the end is before the start)")
        return cls(start, end, ongoing)

    @classmethod
    def single(cls, date: PartialDate) -> "Period":
        """The period that starts and ends with ``date``."""
        return cls(date, date)

    def contains(self, day: dt.date) -> bool | None:
        """Whether ``day`` falls inside the period: True, False, or None for not known."""
        started = None if self.start is None else self.start.on_or_before(day)
        if self.ongoing:
            ended: bool | None = False
        elif self.end is None:
            ended = None
        else:
            ended = _ended_before(self.end, day)
        if started is False or ended is True:
            return False
        if started is True and ended is False:
            return True
        return None

    def edtf(self) -> str:
        """The EDTF text of the period."""
        return self._edtf

    @functools.cached_property
    def _edtf(self) -> str:
        if self.start is not None and (self.start is self.end or self.start == self.end) and not self.ongoing:
            return self.start.edtf()
        first = "" if self.start is None else self.start.edtf()
        second = ".." if self.ongoing else ("" if self.end is None else self.end.edtf())
        return f"{first}/{second}"

    def __str__(self) -> str:
        return self.edtf()


def _ended_before(end: PartialDate, day: dt.date) -> bool | None:
    """Whether a period whose last day is ``end`` is over on ``day``."""
    if end.latest < day:
        return True
    if end.earliest >= day:
        return False
    return None
