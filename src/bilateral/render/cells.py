"""The text of table cells: money, partial dates, periods, quantities, statuses.

Cells are written here, never by tabulate's number parsing, so that "≈ $200m"
keeps its "≈", "May 2025" reads as a month and a code such as "004" stays
text. Every function returns plain Unicode text; escaping for a format
happens later (`bilateral.render.formats`).
"""

import calendar
import datetime as dt
import enum
from decimal import Decimal

from bilateral.model.amounts import ChangeUnit, Money, Qualifier, Quantity
from bilateral.model.dates import PartialDate, Period
from bilateral.model.instruments import Milestone
from bilateral.model.sanctions import Confirmation, SanctionTarget
from bilateral.model.trade import TradeTarget

__all__ = [
    "answer",
    "change",
    "date",
    "day",
    "growth",
    "hedge",
    "in_force",
    "label",
    "money",
    "number",
    "period",
    "quantity",
    "target",
    "value",
]

_MARKS = {
    Qualifier.EXACT: "",
    Qualifier.ABOUT: "≈ ",
    Qualifier.AT_LEAST: "≥ ",
    Qualifier.MORE_THAN: "> ",
    Qualifier.AT_MOST: "≤ ",
    Qualifier.LESS_THAN: "< ",
}
_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "RUB": "₽", "CNY": "¥"}
_SCALES = ((Decimal(10) ** 12, "tn"), (Decimal(10) ** 9, "bn"), (Decimal(10) ** 6, "m"))


def number(value: Decimal, approximate: bool = False) -> str:
    """A number with thousands separators; approximate ones to three significant digits.

    Examples:
        >>> number(Decimal("16600")), number(Decimal("129870130"), approximate=True)
        ('16,600', '130,000,000')
    """
    if approximate and value != 0:
        value = Decimal(format(value, ".3g"))  # three significant digits, at any scale
    text = f"{value.normalize():,f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def money(value: Money) -> str:
    """Money as people write it: ``$200m``, ``≈ $130m``, ``≤ $4bn``, ``€1.3bn``, ``616,000 CNY``.

    Exact amounts keep every digit; approximate ones are shown to three
    significant digits, after their mark.

    Examples:
        >>> money(Money(Decimal("200000000"), "USD", Qualifier.ABOUT))
        '≈ $200m'
        >>> money(Money(Decimal("3150000000"), "USD")), money(Money(Decimal("129870130"), "USD", Qualifier.ABOUT))
        ('$3.15bn', '≈ $130m')
    """
    amount = value.amount
    scaled, suffix = amount, ""
    for size, name in _SCALES:
        if amount >= size:
            scaled, suffix = amount / size, name
            break
    text = number(scaled, value.approximate) + suffix
    symbol = _SYMBOLS.get(value.currency)
    body = f"{symbol}{text}" if symbol else f"{text} {value.currency}"
    return _MARKS[value.qualifier] + body


def hedge(qualifier: Qualifier) -> str:
    """The mark of a qualifier, with its space: ``≈ ``, ``≥ ``, ``< ``; empty for an exact number."""
    return _MARKS[qualifier]


def change(amount: Decimal, unit: ChangeUnit, qualifier: Qualifier = Qualifier.EXACT) -> str:
    """A stated change: ``≈ +54%``, ``-12%``, ``3×``.

    Examples:
        >>> change(Decimal("54"), ChangeUnit.PERCENT, Qualifier.ABOUT), change(Decimal("3"), ChangeUnit.FACTOR)
        ('≈ +54%', '3×')
    """
    if unit is ChangeUnit.PERCENT:
        sign = "+" if amount >= 0 else ""
        return f"{_MARKS[qualifier]}{sign}{number(amount)}%"
    return f"{_MARKS[qualifier]}{number(amount)}×"


def growth(rate: Decimal, approximate: bool) -> str:
    """A yearly growth rate: ``≈ 12.2% a year``."""
    return f"{'≈ ' if approximate else ''}{number(rate)}% a year"


def target(value: TradeTarget) -> str:
    """A trade target: ``≈ $400m by 2030``."""
    return f"{money(value.value)} by {date(value.by)}"


def quantity(value: Quantity) -> str:
    """``24 aircraft (Su-30MK2)``, ``≥ 100 ballistic missiles``."""
    text = f"{_MARKS[value.qualifier]}{number(value.value)} {value.unit}"
    return f"{text} ({value.item})" if value.item else text


def _plain(value: PartialDate) -> str:
    if value.month is None:
        return f"{value.year}"
    if value.day is None:
        return f"{calendar.month_name[value.month]} {value.year}"
    return f"{value.day} {calendar.month_abbr[value.month]} {value.year}"


def date(value: PartialDate | None) -> str:
    """A partial date in words: ``2025``, ``May 2025``, ``7 May 2025``, ``2023 (est.)``, ``2006 (?)``.

    Examples:
        >>> date(PartialDate.parse("2025-05")), date(PartialDate.parse("2026-01~")), date(None)
        ('May 2025', 'January 2026 (est.)', '')
    """
    if value is None:
        return ""
    text = _plain(value)
    if value.approximate and value.uncertain:
        return f"{text} (est.?)"
    if value.approximate:
        return f"{text} (est.)"
    return f"{text} (?)" if value.uncertain else text


def period(value: Period | None) -> str:
    """A period: ``2026–2041``, ``since 22 Oct 2025``, ``21 Nov 2025 – ?`` (end unknown).

    Examples:
        >>> period(Period.parse("2026/2041")), period(Period.parse("2025-11-21/..")), period(Period.parse("2025-11-21/"))
        ('2026–2041', 'since 21 Nov 2025', '21 Nov 2025 – ?')
    """
    if value is None:
        return ""
    start, end = date(value.start), date(value.end)
    if value.start is not None and value.start == value.end:
        return start
    if value.ongoing:
        return f"since {start}" if start else "ongoing"
    gap = "–" if " " not in start + end else " – "
    return f"{start or '?'}{gap}{end or '?'}"


def day(value: dt.date | None) -> str:
    """An exact day in words: ``15 Dec 2025``; empty for None."""
    return "" if value is None else date(PartialDate.of(value))


def in_force(state: bool | None, confirmation: Confirmation | None = None) -> str:
    """Whether a measure applied on a day, with its last confirmation.

    Examples:
        >>> last = Confirmation(PartialDate.parse("2025-12-15"))
        >>> in_force(True, last), in_force(None, last), in_force(False)
        ('in force (last confirmed 15 Dec 2025)', 'not known (last confirmed 15 Dec 2025)', 'not in force')
    """
    text = "not known" if state is None else ("in force" if state else "not in force")
    if confirmation is None or state is False:
        return text
    until = f", until {date(confirmation.until)}" if confirmation.until is not None else ""
    return f"{text} (last confirmed {date(confirmation.on)}{until})"


def label(value: enum.Enum) -> str:
    """An enum value in words: ``in force``, ``joint venture``."""
    return str(value.value).replace("_", " ")


def answer(value: bool | None) -> str:
    """A three-valued answer: ``yes``, ``no`` or ``not known``."""
    return "not known" if value is None else ("yes" if value else "no")


def value(field: object) -> str:
    """Any field's value in words, by its type; ``unknown`` for None, lists joined with commas.

    Examples:
        >>> value((PartialDate.parse("2025-05"), Money(Decimal("3200000000"), "USD", Qualifier.ABOUT)))
        'May 2025, ≈ $3.2bn'
    """
    if field is None:
        return "unknown"
    if isinstance(field, tuple):
        return ", ".join(value(item) for item in field)
    if isinstance(field, PartialDate):
        return date(field)
    if isinstance(field, Period):
        return period(field)
    if isinstance(field, Money):
        return money(field)
    if isinstance(field, Quantity):
        return quantity(field)
    if isinstance(field, TradeTarget):
        return target(field)
    if isinstance(field, SanctionTarget):
        where = field.actor or field.country or ""
        return f"{where}: {field.sector.label}" if field.sector is not None else where
    if isinstance(field, Milestone):
        return f"{label(field.kind)} {date(field.date)}: {field.description}"
    if isinstance(field, enum.Enum):
        return label(field)
    if isinstance(field, Decimal):
        return number(field)
    return str(field)
