"""Sanction measures: who imposes what on whom, under which law, and when.

Most measures have no sourced end, so whether one still applied on a day is
often not known. A `Confirmation` is dated, cited evidence that a measure
still applied: a renewal, a designation list republished, an enforcement
action. It settles the days up to its date (or up to the day it was renewed
until).
"""

import datetime as dt

import attrs

from bilateral.model.areas import CooperationArea
from bilateral.model.checks import checks, country, identifier, non_empty, refers
from bilateral.model.dates import PartialDate, Period
from bilateral.model.sources import AlternativeClaim, Citation
from bilateral.model.vocabulary import Vocabulary

__all__ = ["Confirmation", "MeasureStage", "MeasureType", "Objective", "SanctionMeasure", "SanctionTarget"]


class MeasureType(Vocabulary):
    """The type of a measure, after the GSDB and OpenSanctions.

    Attributes:
        TRADE: Restrictions on trade in goods (GSDB trade).
        ARMS: Arms embargo (GSDB arms; OpenSanctions "arms embargo").
        MILITARY_ASSISTANCE: Suspension of military assistance (GSDB military).
        FINANCIAL: Financial restrictions, blocking of dealings (GSDB financial).
        TRAVEL: Travel bans (GSDB travel; OpenSanctions "travel ban").
        ASSET_FREEZE: Freezing or blocking of assets.
        INVESTMENT_BAN: Bans on new investment or debt.
        EXPORT_CONTROL: Export controls.
        OTHER: Anything else (GSDB other).
    """

    TRADE = "trade"
    ARMS = "arms"
    MILITARY_ASSISTANCE = "military_assistance"
    FINANCIAL = "financial"
    TRAVEL = "travel"
    ASSET_FREEZE = "asset_freeze"
    INVESTMENT_BAN = "investment_ban"
    EXPORT_CONTROL = "export_control"
    OTHER = "other"


class MeasureStage(Vocabulary):
    """How far a measure has gone (after TIES).

    Attributes:
        THREATENED: Threatened, not imposed.
        IMPOSED: Imposed.
    """

    THREATENED = "threatened"
    IMPOSED = "imposed"


class Objective(Vocabulary):
    """The stated objective of a measure (the GSDB's list).

    Attributes:
        DEMOCRACY: To restore or promote democracy.
        DESTAB_REGIME: To destabilise the target's regime.
        END_WAR: To end a war.
        HUMAN_RIGHTS: To improve human rights.
        POLICY_CHANGE: To change a policy of the target.
        PREVENT_WAR: To prevent a war.
        TERRITORIAL_CONFLICT: To settle a territorial conflict.
        TERRORISM: To fight terrorism.
        OTHER: Any other objective.
    """

    DEMOCRACY = "democracy"
    DESTAB_REGIME = "destab_regime"
    END_WAR = "end_war"
    HUMAN_RIGHTS = "human_rights"
    POLICY_CHANGE = "policy_change"
    PREVENT_WAR = "prevent_war"
    TERRITORIAL_CONFLICT = "territorial_conflict"
    TERRORISM = "terrorism"
    OTHER = "other"


@attrs.frozen
class SanctionTarget:
    """What a measure is aimed at: a state, a sector of a state, or an actor.

    Give ``actor`` for a designated entity; ``country`` for a whole state;
    ``country`` with ``sector`` for one sector of it.

    Attributes:
        country: The targeted state (ISO 3166-1 alpha-3).
        sector: The targeted sector of that state.
        actor: The id of the targeted actor.
        description: The target in the measure's own words ("the gold sector").
    """

    country: str | None = attrs.field(default=None, **checks(country))
    sector: CooperationArea | None = None
    actor: str | None = attrs.field(default=None, **refers("actor"))
    description: str | None = None


@attrs.frozen
class Confirmation:
    """Dated evidence that a measure still applied: a statement on a day, perhaps renewing it until a day.

    Attributes:
        on: The day (or month, or year) of the statement that the measure applies.
        until: The day it was said to apply until, if the statement gives one
            (a renewal "until 10 January 2027").
        citations: The sources of the statement (at least one).
        note: What the statement was (a renewal, an enforcement action).

    Examples:
        >>> c = Confirmation(PartialDate.parse("2025-12-15"), PartialDate.parse("2027-01-10"), (Citation("eu"),))
        >>> c.covers.isoformat()
        '2027-01-10'
    """

    on: PartialDate
    until: PartialDate | None = None
    citations: tuple[Citation, ...] = ()
    note: str | None = None

    @property
    def covers(self) -> "dt.date":
        """The last day the statement certainly shows the measure applied on."""
        return (self.until or self.on).earliest


@attrs.frozen
class SanctionMeasure:
    """A sanction measure.

    Attributes:
        id: The id other records use.
        title: A short name ("EO 13850: Venezuela sectors").
        sender: The id of the actor imposing it (a state or a body such as the EU).
        targets: What it is aimed at (at least one).
        types: What it does (at least one).
        period: When it applies: start when imposed, end when lifted. No end means the end is
            unknown (``2019-01-28/``); ``ongoing`` (``2019-01-28/..``) means the sources say
            it still applies. A bare date is refused: write ``2018-11-27/2018-11-27`` for a
            one-day measure.
        legal_basis: The law or order it rests on ("Executive Order 13850").
        programme: The sanctions programme it belongs to.
        stage: Threatened or imposed.
        objectives: Its stated objectives.
        notes: Anything a reader should know.
        citations: The sources for the measure.
        alternatives: Values other sources claim instead.
        confirmed: Dated evidence that it still applied, in any order.
    """

    id: str = attrs.field(**checks(identifier))
    title: str = attrs.field(**checks(non_empty))
    sender: str = attrs.field(**refers("actor"))
    targets: tuple[SanctionTarget, ...]
    types: tuple[MeasureType, ...]
    period: Period
    legal_basis: str | None = None
    programme: str | None = None
    stage: MeasureStage = MeasureStage.IMPOSED
    objectives: tuple[Objective, ...] = ()
    notes: str | None = None
    citations: tuple[Citation, ...] = ()
    alternatives: tuple[AlternativeClaim, ...] = ()
    confirmed: tuple[Confirmation, ...] = ()

    @property
    def last_confirmation(self) -> Confirmation | None:
        """The confirmation that reaches furthest (then the latest statement), if there is any."""
        if not self.confirmed:
            return None
        return max(self.confirmed, key=lambda c: (c.covers, c.on.sort_key()))
