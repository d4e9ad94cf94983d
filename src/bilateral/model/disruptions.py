"""Disruptions: spells during which cooperation was interrupted or hampered."""

import attrs

from bilateral.model.areas import CooperationArea
from bilateral.model.checks import checks, identifier, non_empty, refers
from bilateral.model.dates import Period
from bilateral.model.sources import AlternativeClaim, Citation
from bilateral.model.vocabulary import Vocabulary

__all__ = ["Disruption", "DisruptionCause", "Severity", "Stance"]


class DisruptionCause(Vocabulary):
    """Why cooperation was disrupted.

    Attributes:
        SECURITY: Military activity, conflict, security warnings.
        SANCTIONS: Sanctions or fear of them.
        POLITICAL: A political decision or crisis.
        FINANCIAL_DISTRESS: Default, inability to pay, currency crisis.
        LOGISTICS: Transport or supply problems.
        NATURAL: Natural disasters.
        HEALTH: Epidemics.
    """

    SECURITY = "security"
    SANCTIONS = "sanctions"
    POLITICAL = "political"
    FINANCIAL_DISTRESS = "financial_distress"
    LOGISTICS = "logistics"
    NATURAL = "natural"
    HEALTH = "health"


class Severity(Vocabulary):
    """How much a disruption hampered cooperation.

    Attributes:
        MINOR: Some exchanges affected, briefly.
        MODERATE: A whole channel interrupted for a time.
        MAJOR: Cooperation in an area halted.
    """

    MINOR = "minor"
    MODERATE = "moderate"
    MAJOR = "major"


class Stance(Vocabulary):
    """The official line on a disruption.

    Attributes:
        PLAYED_DOWN: Called temporary or minor.
        ACKNOWLEDGED: Admitted as a problem.
        PROTESTED: Blamed on another party, protested or condemned.
        SILENT: No official comment found.
    """

    PLAYED_DOWN = "played_down"
    ACKNOWLEDGED = "acknowledged"
    PROTESTED = "protested"
    SILENT = "silent"


@attrs.frozen
class Disruption:
    """A spell in which cooperation was interrupted or hampered.

    Attributes:
        id: The id other records use.
        title: A short description.
        period: When it lasted; the end may be unknown or ongoing.
        cause: Why it happened.
        areas: The cooperation areas it affected (at least one).
        severity: How much it hampered cooperation, if the sources allow a judgement.
        stance: The official line on it, if any.
        stance_by: The ids of the actors who took that line.
        actors: The ids of the actors involved (carriers, regulators).
        notes: Anything a reader should know.
        citations: The sources for the disruption.
        alternatives: Values other sources claim instead.
    """

    id: str = attrs.field(**checks(identifier))
    title: str = attrs.field(**checks(non_empty))
    period: Period
    cause: DisruptionCause
    areas: tuple[CooperationArea, ...]
    severity: Severity | None = None
    stance: Stance | None = None
    stance_by: tuple[str, ...] = attrs.field(default=(), **refers("actor"))
    actors: tuple[str, ...] = attrs.field(default=(), **refers("actor"))
    notes: str | None = None
    citations: tuple[Citation, ...] = ()
    alternatives: tuple[AlternativeClaim, ...] = ()
