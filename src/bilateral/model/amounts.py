"""Money, quantities and stated changes, with the wording of the source kept.

"About $200 million", "at least 100 missiles", "more than 5,000", "up to $4bn":
the `Qualifier` keeps the word the source used, so that no "about" is ever
dropped on the way to a table.
"""

from decimal import Decimal

import attrs

from bilateral.model.checks import checks, currency, non_empty, non_negative
from bilateral.model.vocabulary import Vocabulary

__all__ = ["ChangeUnit", "Money", "Qualifier", "Quantity"]


class Qualifier(Vocabulary):
    """How exact a number is, in the source's own terms.

    Attributes:
        EXACT: The number as stated, with no hedge.
        ABOUT: "about", "around", "roughly", "some", "~".
        AT_LEAST: "at least", "no fewer than".
        MORE_THAN: "more than", "over", ">".
        AT_MOST: "up to", "at most".
        LESS_THAN: "less than", "under", "<".
    """

    EXACT = "exact"
    ABOUT = "about"
    AT_LEAST = "at_least"
    MORE_THAN = "more_than"
    AT_MOST = "at_most"
    LESS_THAN = "less_than"

    @property
    def approximate(self) -> bool:
        """True for every qualifier but `EXACT`."""
        return self is not Qualifier.EXACT


class ChangeUnit(Vocabulary):
    """How a stated change is expressed.

    Attributes:
        PERCENT: "up 54%": the new value is (100 + value)% of the old.
        FACTOR: "tripled": the new value is value times the old.
    """

    PERCENT = "percent"
    FACTOR = "factor"


@attrs.frozen
class Money:
    """An amount of money in an ISO 4217 currency.

    Attributes:
        amount: The amount, a `Decimal` of zero or more, in whole units (dollars).
        currency: The ISO 4217 code, such as ``USD``, ``EUR`` or ``RUB``.
        qualifier: How exact the source is about it.

    Examples:
        >>> Money(Decimal("200000000"), "USD", Qualifier.ABOUT).approximate
        True
    """

    amount: Decimal = attrs.field(**checks(non_negative))
    currency: str = attrs.field(**checks(currency))
    qualifier: Qualifier = Qualifier.EXACT

    @property
    def approximate(self) -> bool:
        """True if the source hedges the amount ("about", "up to", ...)."""
        return self.qualifier.approximate


@attrs.frozen
class Quantity:
    """A count or a measure: 24 aircraft, 16,600 barrels per day.

    Attributes:
        value: The number, a `Decimal` of zero or more.
        unit: What is counted or measured, in the plural ("aircraft", "tanks").
        qualifier: How exact the source is about it.
        item: The designation, where the quantity is of one item ("Su-30MK2").
    """

    value: Decimal = attrs.field(**checks(non_negative))
    unit: str = attrs.field(**checks(non_empty))
    qualifier: Qualifier = Qualifier.EXACT
    item: str | None = None

    @property
    def approximate(self) -> bool:
        """True if the source hedges the number."""
        return self.qualifier.approximate
