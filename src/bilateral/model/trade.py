"""Trade: figures, stated changes and targets, each with its direction.

A flow with an ``origin`` and a ``destination`` runs one way (exports of one
party are imports of the other); with neither it is the total turnover
between the parties.
"""

from decimal import Decimal

import attrs

from bilateral.model.amounts import ChangeUnit, Money, Qualifier
from bilateral.model.checks import bounded, checks, country, identifier, refers, single_date
from bilateral.model.dates import PartialDate, Period
from bilateral.model.sources import AlternativeClaim, Citation

__all__ = ["Trade", "TradeChange", "TradeFigure", "TradeTarget"]

_WHOLE = "the whole period it names: `2024` is the year"


@attrs.frozen
class TradeFigure:
    """The value of trade over a period.

    Attributes:
        id: The id other records use (a target's baseline).
        period: The period the figure covers (``2024``, ``2024-01/2024-09``).
        origin: The exporting party (ISO 3166-1 alpha-3); None for turnover.
        destination: The importing party; None for turnover.
        value: The value, if the sources give one.
        commodities: What is traded ("cocoa", "fertilizers").
        notes: Anything a reader should know.
        citations: The sources for the figure.
        alternatives: Values other sources claim instead.
    """

    id: str = attrs.field(**checks(identifier))
    period: Period = attrs.field(**single_date(_WHOLE))
    origin: str | None = attrs.field(default=None, **checks(country))
    destination: str | None = attrs.field(default=None, **checks(country))
    value: Money | None = None
    commodities: tuple[str, ...] = ()
    notes: str | None = None
    citations: tuple[Citation, ...] = ()
    alternatives: tuple[AlternativeClaim, ...] = ()

    @property
    def turnover(self) -> bool:
        """True if the figure is total trade in both directions."""
        return self.origin is None and self.destination is None


@attrs.frozen
class TradeChange:
    """A change in trade as a source states it: "tripled", "up roughly 54% from 2018".

    Attributes:
        id: The id other records use.
        period: The period the change leads up to (``2024``).
        baseline: The period it is measured from (``2018``), if the source says.
        value: The size of the change: a percentage, or a factor.
        unit: Whether ``value`` is a percentage or a factor.
        qualifier: How exact the source is ("roughly" is `Qualifier.ABOUT`).
        origin: The exporting party; None for turnover.
        destination: The importing party; None for turnover.
        commodities: The goods the change concerns, if not all.
        notes: Anything a reader should know (what the metric is exactly).
        citations: The sources for the change.
        alternatives: Values other sources claim instead.
    """

    id: str = attrs.field(**checks(identifier))
    period: Period = attrs.field(**single_date(_WHOLE))
    value: Decimal = attrs.field(**checks(bounded))
    unit: ChangeUnit
    qualifier: Qualifier = Qualifier.EXACT
    baseline: Period | None = attrs.field(default=None, **single_date(_WHOLE))
    origin: str | None = attrs.field(default=None, **checks(country))
    destination: str | None = attrs.field(default=None, **checks(country))
    commodities: tuple[str, ...] = ()
    notes: str | None = None
    citations: tuple[Citation, ...] = ()
    alternatives: tuple[AlternativeClaim, ...] = ()


@attrs.frozen
class TradeTarget:
    """A stated aim for trade: "around $400 million by 2030".

    Attributes:
        id: The id other records use.
        value: The value aimed at.
        by: The date by which it is aimed at (``2030``).
        baseline: The id of the `TradeFigure` the target starts from.
        origin: The exporting party; None for turnover.
        destination: The importing party; None for turnover.
        stated_by: The id of the actor that set the target.
        stated: When it was set.
        notes: Anything a reader should know.
        citations: The sources for the target.
        alternatives: Values other sources claim instead.
    """

    id: str = attrs.field(**checks(identifier))
    value: Money
    by: PartialDate
    baseline: str | None = attrs.field(default=None, **refers("trade_figure"))
    origin: str | None = attrs.field(default=None, **checks(country))
    destination: str | None = attrs.field(default=None, **checks(country))
    stated_by: str | None = attrs.field(default=None, **refers("actor"))
    stated: PartialDate | None = None
    notes: str | None = None
    citations: tuple[Citation, ...] = ()
    alternatives: tuple[AlternativeClaim, ...] = ()


@attrs.frozen
class Trade:
    """All that the sources say of trade between the parties.

    Attributes:
        figures: Values over periods.
        changes: Stated changes.
        targets: Stated aims.
    """

    figures: tuple[TradeFigure, ...] = ()
    changes: tuple[TradeChange, ...] = ()
    targets: tuple[TradeTarget, ...] = ()
