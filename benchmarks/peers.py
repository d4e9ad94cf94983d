"""Peer models of bilateral's file format, in msgspec and in pydantic v2, for `bench_scale.py`.

Each library is given the schema of ``docs/schema/bilateral.schema.json``
(and ``src/bilateral/model/*.py``) as its own typed models, so that the
benchmark can time them decoding and encoding the very bytes bilateral reads.

What the peer models check, in both libraries:

- every record of the schema is a model: datasets, partnerships, sources,
  actors, sanction measures and their targets and confirmations,
  instruments, milestones, quantities, money, trade figures, changes and
  targets, debt restructurings, disruptions, citations and alternative
  claims; unknown fields are refused (``forbid_unknown_fields`` /
  ``extra="forbid"``) and required fields are required;
- strict types: no string is taken for a number or a number for a string
  (pydantic in strict mode, msgspec always);
- enumerations are bilateral's own `enum.Enum` classes, decoded by value;
- amounts, quantities, trade changes and years are `decimal.Decimal`, read
  from the strings bilateral writes; pydantic checks their bounds (zero or
  more where bilateral says so, below 1e20), msgspec cannot (it has no
  bounds for a Decimal);
- ids, country, currency and language codes match the schema's patterns;
  partial dates (``2019-02~``) and periods (``2019/..``) are strings that
  match the schema's patterns; ``data_as_of`` is a `datetime.date`;
- ``parties`` is a pair of country codes.

What they do not check, and bilateral does (so they do less work):

- the value of an alternative claim is left as whatever JSON gives (``Any``):
  its type depends on the field it disputes, which the models do not follow;
  its ``field`` is checked against the fields the record can dispute
  (`bilateral.model.sources.claimable`);
- no partial date is checked against the calendar (``2019-02-30`` passes the
  pattern), and no period's end is checked to come after its start;
- no reference is resolved (citations naming sources, actors, instruments),
  no id is checked to be unique, no rule tying records together (date order,
  weak sources, flows between the parties) is checked; ISO codes are only
  checked for their form, not looked up; text is not scanned for control
  characters;
- nothing is folded: there is no `Dataset.partnership`.

`check` decodes a text with both and asserts that each reads it, and that
encoding the result again gives the same plain data back.
"""

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any, Literal

import msgspec
import orjson
import pydantic
from pydantic import ConfigDict, Field

from bilateral.model.actors import ActorKind
from bilateral.model.amounts import ChangeUnit, Qualifier
from bilateral.model.areas import CooperationArea
from bilateral.model.debt import DebtKind, DebtRestructuring
from bilateral.model.disruptions import Disruption, DisruptionCause, Severity, Stance
from bilateral.model.instruments import Instrument, InstrumentKind, MilestoneKind, Status
from bilateral.model.sanctions import MeasureStage, MeasureType, Objective, SanctionMeasure
from bilateral.model.sources import SourceKind, claimable
from bilateral.model.trade import TradeChange, TradeFigure, TradeTarget

__all__ = ["MsgspecDataset", "PydanticDataset", "check", "msgspec_decoder", "msgspec_encoder"]

# The schema's patterns (docs/schema/bilateral.schema.json).
_ID = r"^[a-z0-9][a-z0-9_.-]*$"
_COUNTRY = r"^[A-Z]{3}$"
_LANGUAGE = r"^[a-z]{2}$"
_DATE = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?[~?%]?$"
_DATE_IN = _DATE[1:-1]
_PERIOD = rf"^({_DATE_IN})?/({_DATE_IN}|\.\.)?$"
_TRADE_PERIOD = rf"^(({_DATE_IN})?/({_DATE_IN}|\.\.)?|{_DATE_IN})$"
_TEXT = r"\S"

_MAX = 10**20  # the schema's exclusiveMaximum for amounts


# ---------------------------------------------------------------- msgspec


def _m(pattern: str) -> Any:
    return Annotated[str, msgspec.Meta(pattern=pattern)]


MId = _m(_ID)
MCountry = _m(_COUNTRY)
MDate = _m(_DATE)
MPeriod = _m(_PERIOD)
MTradePeriod = _m(_TRADE_PERIOD)
MText = _m(_TEXT)
MAmount = Decimal  # msgspec has no bounds for a Decimal: neither sign nor size is checked
MSigned = Decimal


class _Struct(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True, kw_only=True):
    pass


def _list() -> Any:
    return msgspec.field(default_factory=list)


class MCitation(_Struct):
    source: MId
    excerpt: str | None = None
    locator: str | None = None


def _m_alternative(fields: tuple[str, ...]) -> type[_Struct]:
    """An alternative claim about one of ``fields``; its value is not checked (see the docstring)."""

    class MAlternative(_Struct):
        field: Literal[fields]  # type: ignore[valid-type]
        value: Any
        citations: list[MCitation]
        note: str | None = None

    return MAlternative


class MMoney(_Struct):
    amount: MAmount
    currency: MCountry  # the same form: three capitals
    qualifier: Qualifier = Qualifier.EXACT


class MQuantity(_Struct):
    value: MAmount
    unit: MText
    qualifier: Qualifier = Qualifier.EXACT
    item: str | None = None


class MSource(_Struct):
    id: MId
    title: MText
    publisher: MText
    kind: SourceKind
    country: MCountry | None = None
    url: str | None = None
    published: MDate | None = None
    republisher: str | None = None
    language: _m(_LANGUAGE) | None = None  # type: ignore[valid-type]
    reliability: str | None = None
    weak: bool = False
    notes: str | None = None


class MActor(_Struct):
    id: MId
    name: MText
    kind: ActorKind
    country: MCountry | None = None
    aliases: list[str] = _list()
    parent: MId | None = None
    notes: str | None = None
    citations: list[MCitation] = _list()


class MSanctionTarget(_Struct):
    country: MCountry | None = None
    sector: CooperationArea | None = None
    actor: MId | None = None
    description: str | None = None


class MConfirmation(_Struct):
    on: MDate
    until: MDate | None = None
    citations: list[MCitation] = _list()
    note: str | None = None


_MMeasureAlt = _m_alternative(claimable(SanctionMeasure))


class MSanctionMeasure(_Struct):
    id: MId
    title: MText
    sender: MId
    targets: list[MSanctionTarget]
    types: list[MeasureType]
    period: MPeriod
    legal_basis: str | None = None
    programme: str | None = None
    stage: MeasureStage = MeasureStage.IMPOSED
    objectives: list[Objective] = _list()
    notes: str | None = None
    citations: list[MCitation] = _list()
    alternatives: list[_MMeasureAlt] = _list()  # type: ignore[valid-type]
    confirmed: list[MConfirmation] = _list()


class MMilestone(_Struct):
    kind: MilestoneKind
    date: MDate
    description: MText
    actor: MId | None = None
    quantities: list[MQuantity] = _list()
    citations: list[MCitation] = _list()


_MInstrumentAlt = _m_alternative(claimable(Instrument))


class MInstrument(_Struct):
    id: MId
    kind: InstrumentKind
    title: MText
    areas: list[CooperationArea]
    status: Status
    participants: list[MId] = _list()
    provider: MId | None = None
    recipient: MId | None = None
    part_of: MId | None = None
    announced: MDate | None = None
    signed: MDate | None = None
    in_force: MDate | None = None
    ends: MDate | None = None
    value: MMoney | None = None
    quantities: list[MQuantity] = _list()
    items: list[str] = _list()
    milestones: list[MMilestone] = _list()
    notes: str | None = None
    citations: list[MCitation] = _list()
    alternatives: list[_MInstrumentAlt] = _list()  # type: ignore[valid-type]


_MFigureAlt = _m_alternative(claimable(TradeFigure))


class MTradeFigure(_Struct):
    id: MId
    period: MTradePeriod
    origin: MCountry | None = None
    destination: MCountry | None = None
    value: MMoney | None = None
    commodities: list[str] = _list()
    notes: str | None = None
    citations: list[MCitation] = _list()
    alternatives: list[_MFigureAlt] = _list()  # type: ignore[valid-type]


_MChangeAlt = _m_alternative(claimable(TradeChange))


class MTradeChange(_Struct):
    id: MId
    period: MTradePeriod
    value: MSigned
    unit: ChangeUnit
    qualifier: Qualifier = Qualifier.EXACT
    baseline: MTradePeriod | None = None
    origin: MCountry | None = None
    destination: MCountry | None = None
    commodities: list[str] = _list()
    notes: str | None = None
    citations: list[MCitation] = _list()
    alternatives: list[_MChangeAlt] = _list()  # type: ignore[valid-type]


_MTargetAlt = _m_alternative(claimable(TradeTarget))


class MTradeTarget(_Struct):
    id: MId
    value: MMoney
    by: MDate
    baseline: MId | None = None
    origin: MCountry | None = None
    destination: MCountry | None = None
    stated_by: MId | None = None
    stated: MDate | None = None
    notes: str | None = None
    citations: list[MCitation] = _list()
    alternatives: list[_MTargetAlt] = _list()  # type: ignore[valid-type]


class MTrade(_Struct):
    figures: list[MTradeFigure] = _list()
    changes: list[MTradeChange] = _list()
    targets: list[MTradeTarget] = _list()


_MDebtAlt = _m_alternative(claimable(DebtRestructuring))


class MDebtRestructuring(_Struct):
    id: MId
    kind: DebtKind
    title: MText
    creditor: MId
    debtor: MId
    origin: str | None = None
    origin_instrument: MId | None = None
    agreed: MDate | None = None
    amount: MMoney | None = None
    remaining: MMoney | None = None
    term_years: MAmount | None = None
    grace_years: MAmount | None = None
    schedule: str | None = None
    instalment: MMoney | None = None
    first_payment: MDate | None = None
    final_payment: MDate | None = None
    notes: str | None = None
    citations: list[MCitation] = _list()
    alternatives: list[_MDebtAlt] = _list()  # type: ignore[valid-type]


_MDisruptionAlt = _m_alternative(claimable(Disruption))


class MDisruption(_Struct):
    id: MId
    title: MText
    period: MPeriod
    cause: DisruptionCause
    areas: list[CooperationArea]
    severity: Severity | None = None
    stance: Stance | None = None
    stance_by: list[MId] = _list()
    actors: list[MId] = _list()
    notes: str | None = None
    citations: list[MCitation] = _list()
    alternatives: list[_MDisruptionAlt] = _list()  # type: ignore[valid-type]


class MPartnership(_Struct):
    id: MId
    parties: tuple[MCountry, MCountry]
    title: MText
    data_as_of: dt.date
    description: str | None = None
    sources: list[MSource] = _list()
    actors: list[MActor] = _list()
    sanctions: list[MSanctionMeasure] = _list()
    instruments: list[MInstrument] = _list()
    trade: MTrade = msgspec.field(default_factory=MTrade)
    debts: list[MDebtRestructuring] = _list()
    disruptions: list[MDisruption] = _list()
    notes: str | None = None


class MsgspecDataset(_Struct):
    """A dataset as msgspec reads it."""

    schema_version: Literal[1, 2]
    sources: list[MSource] = _list()
    actors: list[MActor] = _list()
    sanctions: list[MSanctionMeasure] = _list()
    partnerships: list[MPartnership] = _list()


msgspec_decoder = msgspec.json.Decoder(MsgspecDataset)
msgspec_encoder = msgspec.json.Encoder()


# ---------------------------------------------------------------- pydantic


def _p(pattern: str) -> Any:
    return Annotated[str, Field(pattern=pattern)]


PId = _p(_ID)
PCountry = _p(_COUNTRY)
PDate = _p(_DATE)
PPeriod = _p(_PERIOD)
PTradePeriod = _p(_TRADE_PERIOD)
PText = _p(_TEXT)
PAmount = Annotated[Decimal, Field(ge=0, lt=_MAX)]
PSigned = Annotated[Decimal, Field(gt=-_MAX, lt=_MAX)]


class _Model(pydantic.BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class PCitation(_Model):
    source: PId
    excerpt: str | None = None
    locator: str | None = None


def _p_alternative(fields: tuple[str, ...]) -> type[_Model]:
    """An alternative claim about one of ``fields``; its value is not checked (see the docstring)."""

    class PAlternative(_Model):
        field: Literal[fields]  # type: ignore[valid-type]
        value: Any
        citations: list[PCitation]
        note: str | None = None

    return PAlternative


class PMoney(_Model):
    amount: PAmount
    currency: PCountry
    qualifier: Qualifier = Qualifier.EXACT


class PQuantity(_Model):
    value: PAmount
    unit: PText
    qualifier: Qualifier = Qualifier.EXACT
    item: str | None = None


class PSource(_Model):
    id: PId
    title: PText
    publisher: PText
    kind: SourceKind
    country: PCountry | None = None
    url: str | None = None
    published: PDate | None = None
    republisher: str | None = None
    language: _p(_LANGUAGE) | None = None  # type: ignore[valid-type]
    reliability: str | None = None
    weak: bool = False
    notes: str | None = None


class PActor(_Model):
    id: PId
    name: PText
    kind: ActorKind
    country: PCountry | None = None
    aliases: list[str] = []
    parent: PId | None = None
    notes: str | None = None
    citations: list[PCitation] = []


class PSanctionTarget(_Model):
    country: PCountry | None = None
    sector: CooperationArea | None = None
    actor: PId | None = None
    description: str | None = None


class PConfirmation(_Model):
    on: PDate
    until: PDate | None = None
    citations: list[PCitation] = []
    note: str | None = None


_PMeasureAlt = _p_alternative(claimable(SanctionMeasure))


class PSanctionMeasure(_Model):
    id: PId
    title: PText
    sender: PId
    targets: list[PSanctionTarget]
    types: list[MeasureType]
    period: PPeriod
    legal_basis: str | None = None
    programme: str | None = None
    stage: MeasureStage = MeasureStage.IMPOSED
    objectives: list[Objective] = []
    notes: str | None = None
    citations: list[PCitation] = []
    alternatives: list[_PMeasureAlt] = []  # type: ignore[valid-type]
    confirmed: list[PConfirmation] = []


class PMilestone(_Model):
    kind: MilestoneKind
    date: PDate
    description: PText
    actor: PId | None = None
    quantities: list[PQuantity] = []
    citations: list[PCitation] = []


_PInstrumentAlt = _p_alternative(claimable(Instrument))


class PInstrument(_Model):
    id: PId
    kind: InstrumentKind
    title: PText
    areas: list[CooperationArea]
    status: Status
    participants: list[PId] = []
    provider: PId | None = None
    recipient: PId | None = None
    part_of: PId | None = None
    announced: PDate | None = None
    signed: PDate | None = None
    in_force: PDate | None = None
    ends: PDate | None = None
    value: PMoney | None = None
    quantities: list[PQuantity] = []
    items: list[str] = []
    milestones: list[PMilestone] = []
    notes: str | None = None
    citations: list[PCitation] = []
    alternatives: list[_PInstrumentAlt] = []  # type: ignore[valid-type]


_PFigureAlt = _p_alternative(claimable(TradeFigure))


class PTradeFigure(_Model):
    id: PId
    period: PTradePeriod
    origin: PCountry | None = None
    destination: PCountry | None = None
    value: PMoney | None = None
    commodities: list[str] = []
    notes: str | None = None
    citations: list[PCitation] = []
    alternatives: list[_PFigureAlt] = []  # type: ignore[valid-type]


_PChangeAlt = _p_alternative(claimable(TradeChange))


class PTradeChange(_Model):
    id: PId
    period: PTradePeriod
    value: PSigned
    unit: ChangeUnit
    qualifier: Qualifier = Qualifier.EXACT
    baseline: PTradePeriod | None = None
    origin: PCountry | None = None
    destination: PCountry | None = None
    commodities: list[str] = []
    notes: str | None = None
    citations: list[PCitation] = []
    alternatives: list[_PChangeAlt] = []  # type: ignore[valid-type]


_PTargetAlt = _p_alternative(claimable(TradeTarget))


class PTradeTarget(_Model):
    id: PId
    value: PMoney
    by: PDate
    baseline: PId | None = None
    origin: PCountry | None = None
    destination: PCountry | None = None
    stated_by: PId | None = None
    stated: PDate | None = None
    notes: str | None = None
    citations: list[PCitation] = []
    alternatives: list[_PTargetAlt] = []  # type: ignore[valid-type]


class PTrade(_Model):
    figures: list[PTradeFigure] = []
    changes: list[PTradeChange] = []
    targets: list[PTradeTarget] = []


_PDebtAlt = _p_alternative(claimable(DebtRestructuring))


class PDebtRestructuring(_Model):
    id: PId
    kind: DebtKind
    title: PText
    creditor: PId
    debtor: PId
    origin: str | None = None
    origin_instrument: PId | None = None
    agreed: PDate | None = None
    amount: PMoney | None = None
    remaining: PMoney | None = None
    term_years: PAmount | None = None
    grace_years: PAmount | None = None
    schedule: str | None = None
    instalment: PMoney | None = None
    first_payment: PDate | None = None
    final_payment: PDate | None = None
    notes: str | None = None
    citations: list[PCitation] = []
    alternatives: list[_PDebtAlt] = []  # type: ignore[valid-type]


_PDisruptionAlt = _p_alternative(claimable(Disruption))


class PDisruption(_Model):
    id: PId
    title: PText
    period: PPeriod
    cause: DisruptionCause
    areas: list[CooperationArea]
    severity: Severity | None = None
    stance: Stance | None = None
    stance_by: list[PId] = []
    actors: list[PId] = []
    notes: str | None = None
    citations: list[PCitation] = []
    alternatives: list[_PDisruptionAlt] = []  # type: ignore[valid-type]


class PPartnership(_Model):
    id: PId
    parties: tuple[PCountry, PCountry]
    title: PText
    data_as_of: dt.date
    description: str | None = None
    sources: list[PSource] = []
    actors: list[PActor] = []
    sanctions: list[PSanctionMeasure] = []
    instruments: list[PInstrument] = []
    trade: PTrade = PTrade()
    debts: list[PDebtRestructuring] = []
    disruptions: list[PDisruption] = []
    notes: str | None = None


class PydanticDataset(_Model):
    """A dataset as pydantic reads it."""

    schema_version: Literal[1, 2]
    sources: list[PSource] = []
    actors: list[PActor] = []
    sanctions: list[PSanctionMeasure] = []
    partnerships: list[PPartnership] = []


def pydantic_dump(dataset: PydanticDataset) -> bytes:
    """JSON of a pydantic dataset, leaving out the defaults as bilateral does."""
    return dataset.model_dump_json(exclude_defaults=True).encode()


def check(text: str) -> None:
    """Assert that both peers read ``text``, and write back the same plain data.

    Raises:
        AssertionError: A peer does not read the text, or writes other data back.
    """
    plain = orjson.loads(text)
    try:
        by_msgspec = msgspec_decoder.decode(text)
    except msgspec.ValidationError as exc:
        raise AssertionError(f"msgspec does not read the text: {exc}") from exc
    try:
        by_pydantic = PydanticDataset.model_validate_json(text)
    except pydantic.ValidationError as exc:
        raise AssertionError(f"pydantic does not read the text: {exc}") from exc
    again = orjson.loads(msgspec_encoder.encode(by_msgspec))
    for partnership in again.get("partnerships", ()):  # msgspec writes an empty trade made by a factory
        if partnership.get("trade") == {}:
            del partnership["trade"]
    assert again == plain, "msgspec writes other data back"
    assert orjson.loads(pydantic_dump(by_pydantic)) == plain, "pydantic writes other data back"
