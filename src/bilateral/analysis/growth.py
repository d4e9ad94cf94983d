"""Trade arithmetic: values implied by stated changes, and the growth targets need.

Every derived value says what it was derived from, and is approximate when
any input is (or when the arithmetic itself rounds, as a root does).
"""

from decimal import ROUND_HALF_EVEN, Decimal, DecimalException, localcontext

import attrs

from bilateral.model.amounts import ChangeUnit, Money, Qualifier
from bilateral.model.checks import bounded
from bilateral.model.trade import TradeChange, TradeFigure, TradeTarget

__all__ = ["DerivedValue", "TargetProgress", "implied_baseline", "target_progress"]


@attrs.frozen
class DerivedValue:
    """A value bilateral computed from the records, not one a source states.

    Attributes:
        description: What the value is ("trade in 2018 implied by +54% to 2024").
        value: The value.
        inputs: The ids of the records it was computed from.
        figure: The figure it was computed from.
        change: The stated change it was computed from.
    """

    description: str
    value: Money
    inputs: tuple[str, ...]
    figure: TradeFigure | None = None
    change: TradeChange | None = None

    @property
    def approximate(self) -> bool:
        """True if any input was approximate."""
        return self.value.approximate


@attrs.frozen
class TargetProgress:
    """How far a trade target is from its baseline, and the growth it needs.

    Attributes:
        target: The target.
        baseline: The figure it starts from, if the target names one.
        years: Years from the end of the baseline period to the target date.
        required_growth: The compound annual growth, in percent, that takes the
            baseline to the target in those years (None without a baseline).
        achieved: The baseline as a share of the target, in percent.
        approximate: True if the target or the baseline is approximate.
    """

    target: TradeTarget
    baseline: TradeFigure | None
    years: int | None
    required_growth: Decimal | None
    achieved: Decimal | None
    approximate: bool


def _within_bounds(amount: Decimal) -> bool:
    try:
        bounded(amount)
    except ValueError:
        return False
    return True


def _qualifier(*approximate: bool) -> Qualifier:
    return Qualifier.ABOUT if any(approximate) else Qualifier.EXACT


def implied_baseline(change: TradeChange, figure: TradeFigure) -> DerivedValue | None:
    """The value at the start of a stated change, from the figure at its end.

    "About $200m in 2024, up roughly 54% from 2018" implies about $130m in 2018.
    None if the change names no baseline, the figure has no value, the
    change is not of the figure's period and direction, or the value cannot
    be computed (a fall of 100% or more, a factor of 0, or an amount beyond
    the bounds of a number: 10²⁰).

    Examples:
        >>> from bilateral import Money, Period, Qualifier, TradeChange, TradeFigure
        >>> figure = TradeFigure("f", Period.parse("2024"), value=Money(Decimal(200_000_000), "USD", Qualifier.ABOUT))
        >>> change = TradeChange("c", Period.parse("2024"), Decimal(54), ChangeUnit.PERCENT, Qualifier.ABOUT,
        ...                      baseline=Period.parse("2018"))
        >>> derived = implied_baseline(change, figure)
        >>> derived.value.amount, derived.approximate
        (Decimal('129870130'), True)
    """
    if change.baseline is None or figure.value is None:
        return None
    if change.period != figure.period or (change.origin, change.destination) != (
        figure.origin,
        figure.destination,
    ):
        return None
    try:
        with localcontext() as context:
            context.prec = 28
            factor = change.value if change.unit is ChangeUnit.FACTOR else 1 + change.value / 100
            if factor <= 0:
                return None
            amount = (figure.value.amount / factor).quantize(Decimal(1), rounding=ROUND_HALF_EVEN)
            exact_division = amount * factor == figure.value.amount
    except DecimalException:  # amounts or changes too large or too small to compute with
        return None
    if not _within_bounds(amount):  # more than a file could hold: not computable, rather than rounded
        return None
    qualifier = _qualifier(figure.value.approximate, change.qualifier.approximate, not exact_division)
    sign = "+" if change.value >= 0 else ""
    unit = "%" if change.unit is ChangeUnit.PERCENT else "x"
    return DerivedValue(
        description=f"value in {change.baseline} implied by {sign}{change.value}{unit} to {figure.period}",
        value=Money(amount, figure.value.currency, qualifier),
        inputs=(figure.id, change.id),
        figure=figure,
        change=change,
    )


def target_progress(target: TradeTarget, baseline: TradeFigure | None) -> TargetProgress:
    """The growth a target needs from its baseline, and how much of it the baseline is.

    $200m in 2024 to $400m by 2030 needs about 12.2% a year.

    Examples:
        >>> from bilateral import Money, PartialDate, Period, Qualifier, TradeFigure, TradeTarget
        >>> base = TradeFigure("f", Period.parse("2024"), value=Money(Decimal(200_000_000), "USD", Qualifier.ABOUT))
        >>> aim = TradeTarget("t", Money(Decimal(400_000_000), "USD", Qualifier.ABOUT), PartialDate(2030), baseline="f")
        >>> progress = target_progress(aim, base)
        >>> progress.years, progress.required_growth, progress.achieved
        (6, Decimal('12.2'), Decimal('50.0'))
    """
    approximate = target.value.approximate
    value = baseline.value if baseline is not None else None
    end = baseline.period.end if baseline is not None else None
    if value is None or end is None or value.currency != target.value.currency or value.amount <= 0:
        return TargetProgress(target, baseline, None, None, None, approximate)
    years = target.by.year - end.year
    achieved = required = None
    try:
        with localcontext() as context:
            context.prec = 28
            if target.value.amount > 0:
                achieved = (value.amount / target.value.amount * 100).quantize(Decimal("0.1"))
            if years > 0:
                ratio = target.value.amount / value.amount
                growth = ratio ** (Decimal(1) / Decimal(years)) - 1
                required = (growth * 100).quantize(Decimal("0.1"))
    except DecimalException:  # amounts too large or too small to compute with: not computed
        pass
    return TargetProgress(target, baseline, years, required, achieved, approximate or value.approximate)
