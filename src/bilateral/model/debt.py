"""Debt restructurings: rescheduling, forgiveness and refinancing between the parties."""

from decimal import Decimal

import attrs

from bilateral.model.amounts import Money
from bilateral.model.checks import checks, identifier, non_empty, non_negative, refers
from bilateral.model.dates import PartialDate
from bilateral.model.sources import AlternativeClaim, Citation
from bilateral.model.vocabulary import Vocabulary

__all__ = ["DebtKind", "DebtRestructuring"]


class DebtKind(Vocabulary):
    """What a restructuring does (after AidData's flow types).

    Attributes:
        RESCHEDULING: New dates for the same debt.
        FORGIVENESS: Part or all of the debt written off.
        REFINANCING: Old debt paid with new debt.
        CONSOLIDATION: Several debts made one.
    """

    RESCHEDULING = "rescheduling"
    FORGIVENESS = "forgiveness"
    REFINANCING = "refinancing"
    CONSOLIDATION = "consolidation"


@attrs.frozen
class DebtRestructuring:
    """An agreement that changes what one party owes the other.

    Attributes:
        id: The id other records use.
        kind: What the restructuring does.
        title: A short description.
        creditor: The id of the actor owed.
        debtor: The id of the actor that owes.
        origin: Where the debt comes from ("state credit for arms purchases").
        origin_instrument: The id of the instrument the debt comes from, if recorded.
        agreed: When it was agreed or signed.
        amount: The amount restructured, or written off for forgiveness.
        remaining: What is left to repay afterwards, if the sources say.
        term_years: Years over which the rest is repaid.
        grace_years: Years of grace or of minimal payments at the start.
        schedule: When payments fall due, in words ("twice a year, in March and September").
        instalment: The size of one instalment, if given.
        first_payment: When the first payment falls due.
        final_payment: When the final payment falls due.
        notes: Anything a reader should know.
        citations: The sources for the restructuring.
        alternatives: Values other sources claim instead.
    """

    id: str = attrs.field(**checks(identifier))
    kind: DebtKind
    title: str = attrs.field(**checks(non_empty))
    creditor: str = attrs.field(**refers("actor"))
    debtor: str = attrs.field(**refers("actor"))
    origin: str | None = None
    origin_instrument: str | None = attrs.field(default=None, **refers("instrument"))
    agreed: PartialDate | None = None
    amount: Money | None = None
    remaining: Money | None = None
    term_years: Decimal | None = attrs.field(default=None, **checks(non_negative))
    grace_years: Decimal | None = attrs.field(default=None, **checks(non_negative))
    schedule: str | None = None
    instalment: Money | None = None
    first_payment: PartialDate | None = None
    final_payment: PartialDate | None = None
    notes: str | None = None
    citations: tuple[Citation, ...] = ()
    alternatives: tuple[AlternativeClaim, ...] = ()
