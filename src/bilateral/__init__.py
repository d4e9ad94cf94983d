"""bilateral: typed, sourced records of partnerships between states under sanctions.

Read a dataset, check it, and get at its partnerships:

Examples:
    >>> import bilateral
    >>> partnership = bilateral.datasets.partnership("russia-venezuela")
    >>> partnership.parties
    ('RUS', 'VEN')
"""

import importlib
from typing import TYPE_CHECKING, Any

from bilateral._lazy import submodule

if TYPE_CHECKING:  # the names, for type checkers and readers; at run time each is imported when first used
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

# Where each public name lives: ``bilateral.summarize`` imports the analysis
# it needs on first use, so that a command that draws no chart never imports
# the charts (and ``import bilateral`` stays quick).
_LAZY: dict[str, str] = {
    "Actor": "bilateral.model.actors",
    "ActorKind": "bilateral.model.actors",
    "AlternativeClaim": "bilateral.model.sources",
    "ChangeUnit": "bilateral.model.amounts",
    "Citation": "bilateral.model.sources",
    "Comparison": "bilateral.analysis.comparison",
    "Confirmation": "bilateral.model.sanctions",
    "Conflict": "bilateral.analysis.conflicts",
    "CooperationArea": "bilateral.model.areas",
    "Dataset": "bilateral.model.partnership",
    "DebtKind": "bilateral.model.debt",
    "DebtRestructuring": "bilateral.model.debt",
    "Diff": "bilateral.analysis.diff",
    "Disruption": "bilateral.model.disruptions",
    "DisruptionCause": "bilateral.model.disruptions",
    "Event": "bilateral.analysis.timeline",
    "EventKind": "bilateral.analysis.timeline",
    "Exposure": "bilateral.analysis.exposure",
    "ExposureHit": "bilateral.analysis.exposure",
    "Instrument": "bilateral.model.instruments",
    "InstrumentKind": "bilateral.model.instruments",
    "InvalidDataError": "bilateral.errors",
    "MeasureStage": "bilateral.model.sanctions",
    "MeasureType": "bilateral.model.sanctions",
    "Milestone": "bilateral.model.instruments",
    "MilestoneKind": "bilateral.model.instruments",
    "Money": "bilateral.model.amounts",
    "Objective": "bilateral.model.sanctions",
    "PartialDate": "bilateral.model.dates",
    "Partnership": "bilateral.model.partnership",
    "Period": "bilateral.model.dates",
    "Problem": "bilateral.errors",
    "Qualifier": "bilateral.model.amounts",
    "Quantity": "bilateral.model.amounts",
    "Route": "bilateral.analysis.exposure",
    "SCHEMA_VERSION": "bilateral.model.partnership",
    "SanctionMeasure": "bilateral.model.sanctions",
    "SanctionTarget": "bilateral.model.sanctions",
    "Severity": "bilateral.model.disruptions",
    "Snapshot": "bilateral.analysis.snapshot",
    "Source": "bilateral.model.sources",
    "SourceKind": "bilateral.model.sources",
    "Stance": "bilateral.model.disruptions",
    "Status": "bilateral.model.instruments",
    "Summary": "bilateral.analysis.summary",
    "Trade": "bilateral.model.trade",
    "TradeChange": "bilateral.model.trade",
    "TradeFigure": "bilateral.model.trade",
    "TradeTarget": "bilateral.model.trade",
    "as_of": "bilateral.analysis.snapshot",
    "compare": "bilateral.analysis.comparison",
    "conflicts": "bilateral.analysis.conflicts",
    "diff": "bilateral.analysis.diff",
    "dump": "bilateral.io.documents",
    "dumps": "bilateral.io.documents",
    "exposure": "bilateral.analysis.exposure",
    "load": "bilateral.io.documents",
    "loads": "bilateral.io.documents",
    "schema": "bilateral.io.schema",
    "summarize": "bilateral.analysis.summary",
    "timeline": "bilateral.analysis.timeline",
    "validate": "bilateral.io.documents",
}

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


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:  # a submodule (bilateral.render), or nothing
        return submodule(__name__, name)
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # looked up once
    return value


def __dir__() -> list[str]:
    return list(__all__)
