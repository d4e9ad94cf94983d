"""Sanction measures: who imposes what on whom, under which law, and when."""

import enum

import attrs

from bilateral.model.areas import CooperationArea
from bilateral.model.checks import checks, country, identifier, non_empty, refers
from bilateral.model.dates import Period
from bilateral.model.sources import AlternativeClaim, Citation

__all__ = ["MeasureStage", "MeasureType", "Objective", "SanctionMeasure", "SanctionTarget"]


class MeasureType(enum.Enum):
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


class MeasureStage(enum.Enum):
    """How far a measure has gone (after TIES).

    Attributes:
        THREATENED: Threatened, not imposed.
        IMPOSED: Imposed.
    """

    THREATENED = "threatened"
    IMPOSED = "imposed"


class Objective(enum.Enum):
    """The stated objective of a measure (the GSDB's list)."""

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
class SanctionMeasure:
    """A sanction measure.

    Attributes:
        id: The id other records use.
        title: A short name ("EO 13850: Venezuela sectors").
        sender: The id of the actor imposing it (a state or a body such as the EU).
        targets: What it is aimed at (at least one).
        types: What it does (at least one).
        period: When it applies: start when imposed, end when lifted. No end means the end is
            unknown; ``ongoing`` (EDTF ``2019-01-28/..``) means the sources say it still applies.
        legal_basis: The law or order it rests on ("Executive Order 13850").
        programme: The sanctions programme it belongs to.
        stage: Threatened or imposed.
        objectives: Its stated objectives.
        notes: Anything a reader should know.
        citations: The sources for the measure.
        alternatives: Values other sources claim instead.
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
