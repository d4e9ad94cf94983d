"""bilateral: typed, sourced records of partnerships between states under sanctions.

Read a dataset, check it, and get at its partnerships:

Examples:
    >>> import bilateral
    >>> partnership = bilateral.datasets.partnership("russia-venezuela")
    >>> partnership.parties
    ('RUS', 'VEN')
"""

from bilateral import datasets, export
from bilateral.analysis.comparison import Comparison, compare
from bilateral.analysis.conflicts import Conflict, conflicts
from bilateral.analysis.diff import Diff, diff
from bilateral.analysis.exposure import Exposure, ExposureHit, Route, exposure
from bilateral.analysis.snapshot import Snapshot, as_of
from bilateral.analysis.summary import Summary, summarize
from bilateral.analysis.timeline import Event, EventKind, timeline
from bilateral.errors import InvalidDataError, Problem
from bilateral.io.documents import dump, dumps, load, loads, validate
from bilateral.io.schema import schema
from bilateral.model.actors import Actor, ActorKind
from bilateral.model.amounts import ChangeUnit, Money, Qualifier, Quantity
from bilateral.model.areas import CooperationArea
from bilateral.model.dates import PartialDate, Period
from bilateral.model.debt import DebtKind, DebtRestructuring
from bilateral.model.disruptions import Disruption, DisruptionCause, Severity, Stance
from bilateral.model.instruments import Instrument, InstrumentKind, Milestone, MilestoneKind, Status
from bilateral.model.partnership import SCHEMA_VERSION, Dataset, Partnership
from bilateral.model.sanctions import (
    Confirmation,
    MeasureStage,
    MeasureType,
    Objective,
    SanctionMeasure,
    SanctionTarget,
)
from bilateral.model.sources import AlternativeClaim, Citation, Source, SourceKind
from bilateral.model.trade import Trade, TradeChange, TradeFigure, TradeTarget

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "Actor",
    "ActorKind",
    "AlternativeClaim",
    "ChangeUnit",
    "Citation",
    "Comparison",
    "Confirmation",
    "Conflict",
    "CooperationArea",
    "Dataset",
    "DebtKind",
    "DebtRestructuring",
    "Diff",
    "Disruption",
    "DisruptionCause",
    "Event",
    "EventKind",
    "Exposure",
    "ExposureHit",
    "Instrument",
    "InstrumentKind",
    "InvalidDataError",
    "MeasureStage",
    "MeasureType",
    "Milestone",
    "MilestoneKind",
    "Money",
    "Objective",
    "PartialDate",
    "Partnership",
    "Period",
    "Problem",
    "Qualifier",
    "Quantity",
    "Route",
    "SanctionMeasure",
    "SanctionTarget",
    "Severity",
    "Snapshot",
    "Source",
    "SourceKind",
    "Stance",
    "Status",
    "Summary",
    "Trade",
    "TradeChange",
    "TradeFigure",
    "TradeTarget",
    "__version__",
    "as_of",
    "compare",
    "conflicts",
    "datasets",
    "diff",
    "dump",
    "dumps",
    "export",
    "exposure",
    "load",
    "loads",
    "schema",
    "summarize",
    "timeline",
    "validate",
]


def __dir__() -> list[str]:
    return list(__all__)
