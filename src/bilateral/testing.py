"""Hypothesis strategies for bilateral's records, for your own tests and ours.

Every strategy here builds data that passes bilateral's validation: ids are
unique, references resolve, dates are in order and every claim cites a source
that is not weak. Use them to test code that consumes partnerships:

Examples:
    >>> from hypothesis import given
    >>> from bilateral.testing import partnerships
    >>> @given(partnerships())
    ... def test_titles_are_text(partnership):
    ...     assert isinstance(partnership.title, str)
    >>> test_titles_are_text()

    Needs hypothesis (``pip install "bilateral[test]"``).
"""

import datetime as dt
import enum
import string
import types
import typing
from collections.abc import Sequence
from decimal import Decimal
from typing import TypeVar

import attrs
import pycountry
from hypothesis import strategies as st

from bilateral.model import checks
from bilateral.model.actors import Actor, ActorKind
from bilateral.model.amounts import ChangeUnit, Money, Qualifier, Quantity
from bilateral.model.areas import CooperationArea
from bilateral.model.dates import PartialDate, Period
from bilateral.model.debt import DebtKind, DebtRestructuring
from bilateral.model.disruptions import Disruption, DisruptionCause, Severity, Stance
from bilateral.model.instruments import Instrument, InstrumentKind, Milestone, MilestoneKind, Status
from bilateral.model.partnership import Dataset, Partnership
from bilateral.model.sanctions import MeasureStage, MeasureType, Objective, SanctionMeasure, SanctionTarget
from bilateral.model.sources import AlternativeClaim, Citation, Source, SourceKind
from bilateral.model.trade import Trade, TradeChange, TradeFigure, TradeTarget

__all__ = [
    "amounts",
    "countries",
    "currencies",
    "datasets",
    "money",
    "partial_dates",
    "partnerships",
    "periods",
    "texts",
]

T = TypeVar("T")

# Text as people write it, from any script, but no lone surrogates (they are
# not characters and cannot be written to a file).
_CHARACTERS = st.characters(exclude_categories=["Cs"])
_MAX = 2  # items per generated list: enough to matter, small enough to be quick

COUNTRY_CODES: tuple[str, ...] = tuple(sorted(c.alpha_3 for c in pycountry.countries))
CURRENCY_CODES: tuple[str, ...] = tuple(sorted(c.alpha_3 for c in pycountry.currencies))
LANGUAGE_CODES: tuple[str, ...] = tuple(
    sorted(lang.alpha_2 for lang in pycountry.languages if hasattr(lang, "alpha_2"))
)


def texts(min_size: int = 1) -> st.SearchStrategy[str]:
    """Non-blank text in any script (``min_size=0`` allows empty text)."""
    base = st.text(_CHARACTERS, min_size=min_size, max_size=30)
    return base.filter(str.strip) if min_size else base


def _optional(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.none() | strategy


def countries() -> st.SearchStrategy[str]:
    """ISO 3166-1 alpha-3 codes of current countries."""
    return st.sampled_from(COUNTRY_CODES)


def currencies() -> st.SearchStrategy[str]:
    """ISO 4217 currency codes."""
    return st.sampled_from(CURRENCY_CODES)


def amounts() -> st.SearchStrategy[Decimal]:
    """Finite decimals of zero or more, with any number of places."""
    return st.decimals(min_value=0, allow_nan=False, allow_infinity=False)


def money() -> st.SearchStrategy[Money]:
    """Amounts of money with any qualifier."""
    return st.builds(Money, amounts(), currencies(), st.sampled_from(Qualifier))


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    """Valid partial dates of every precision, with and without qualifiers."""
    day = draw(st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))
    precision = draw(st.sampled_from(("year", "month", "day")))
    return PartialDate(
        day.year,
        None if precision == "year" else day.month,
        day.day if precision == "day" else None,
        draw(st.booleans()),
        draw(st.booleans()),
    )


@st.composite
def periods(draw: st.DrawFn) -> Period:
    """Periods with known, unknown or ongoing ends, the end never before the start."""
    start = draw(_optional(partial_dates()))
    ongoing = draw(st.booleans())
    end = None if ongoing else draw(_optional(partial_dates()))
    if start is not None and end is not None and end.latest < start.earliest:
        start, end = end, start
        if end.latest < start.earliest:  # overlapping bounds cannot be swapped into order
            end = None
    if start is None and end is None:
        ongoing = True  # a period with nothing known is no period
    return Period(start, end, ongoing)


_TEXT = texts()
_OPT_TEXT = _optional(_TEXT)
_DATE = partial_dates()
_OPT_DATE = _optional(_DATE)
_MONEY = money()
_OPT_MONEY = _optional(_MONEY)
_AMOUNT = amounts()
_PERIOD = periods()
_CHANGES = st.decimals(allow_nan=False, allow_infinity=False)
_FACTORS = st.decimals(min_value=0, allow_nan=False, allow_infinity=False).filter(lambda d: d > 0)


_ID_CHARACTERS = string.ascii_lowercase + string.digits


def _ids(prefix: str) -> st.SearchStrategy[str]:
    return st.text(_ID_CHARACTERS, min_size=1, max_size=6).map(lambda tail: prefix + tail)


def _unique(strategy: st.SearchStrategy[T], max_size: int = _MAX) -> st.SearchStrategy[tuple[T, ...]]:
    def record_id(record: T) -> str:
        return str(getattr(record, "id"))  # noqa: B009 - T is any record with an id

    return st.lists(strategy, max_size=max_size, unique_by=record_id).map(tuple)


@attrs.frozen
class _Scope:
    """What references may name, while a dataset is being drawn."""

    strong_sources: tuple[str, ...]
    sources: tuple[str, ...]
    actors: tuple[str, ...]


@st.composite
def _citations(draw: st.DrawFn, scope: _Scope, min_size: int = 1) -> tuple[Citation, ...]:
    count = draw(st.integers(min_value=min_size, max_value=3))
    if count == 0:
        return ()
    ids = [draw(st.sampled_from(scope.strong_sources))]
    ids += [draw(st.sampled_from(scope.sources)) for _ in range(count - 1)]
    return tuple(Citation(source, draw(_OPT_TEXT), draw(_OPT_TEXT)) for source in ids)


def _refs(pool: Sequence[str], max_size: int = _MAX) -> st.SearchStrategy[tuple[str, ...]]:
    if not pool:
        return st.just(())
    return st.lists(st.sampled_from(pool), max_size=max_size).map(tuple)


def _ref(pool: Sequence[str]) -> st.SearchStrategy[str | None]:
    return _optional(st.sampled_from(pool)) if pool else st.none()


def _claim_value(cls: type, name: str) -> st.SearchStrategy[str]:
    """Values a source could claim for field ``name``, written as in a file."""
    field = next(f for f in attrs.fields(cls) if f.name == name)
    hint = typing.get_type_hints(cls)[name]
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    base = args[0] if typing.get_origin(hint) in (types.UnionType, typing.Union) and len(args) == 1 else hint
    check = field.metadata.get(checks.CHECK)
    if base is PartialDate:
        return _DATE.map(PartialDate.edtf)
    if base is Period:
        return _PERIOD.map(Period.edtf)
    if isinstance(base, type) and issubclass(base, enum.Enum):
        return st.sampled_from([str(m.value) for m in base])
    if base is str and check is not None:
        return {
            checks.country: countries(),
            checks.currency: currencies(),
            checks.language: st.sampled_from(LANGUAGE_CODES),
            checks.identifier: _ids("x"),
        }.get(check, _TEXT)
    return texts(0)


def _alternatives(cls: type, scope: _Scope) -> st.SearchStrategy[tuple[AlternativeClaim, ...]]:
    fields = sorted(
        f.name for f in attrs.fields(cls) if f.name not in ("id", "citations", "alternatives", "notes")
    )

    @st.composite
    def claim(draw: st.DrawFn) -> AlternativeClaim:
        name = draw(st.sampled_from(fields))
        return AlternativeClaim(name, draw(_claim_value(cls, name)), draw(_citations(scope)), draw(_OPT_TEXT))

    return st.lists(claim(), max_size=2).map(tuple)


def _sources(prefix: str) -> st.SearchStrategy[tuple[Source, ...]]:
    source = st.builds(
        Source,
        id=_ids(prefix),
        title=_TEXT,
        publisher=_TEXT,
        kind=st.sampled_from(SourceKind),
        country=_optional(countries()),
        url=_OPT_TEXT,
        published=_OPT_DATE,
        republisher=_OPT_TEXT,
        language=_optional(st.sampled_from(LANGUAGE_CODES)),
        reliability=_optional(st.from_regex(r"[A-F][1-6]", fullmatch=True)),
        weak=st.booleans(),
        notes=_OPT_TEXT,
    )
    return _unique(source)


def _actors(prefix: str, scope: _Scope, parents: Sequence[str]) -> st.SearchStrategy[tuple[Actor, ...]]:
    actor = st.builds(
        Actor,
        id=_ids(prefix),
        name=_TEXT,
        kind=st.sampled_from(ActorKind),
        country=_optional(countries()),
        aliases=st.lists(_TEXT, max_size=2).map(tuple),
        parent=_ref(parents),
        notes=_OPT_TEXT,
        citations=_citations(scope, min_size=0),
    )
    return _unique(actor)


def _targets(actors: Sequence[str]) -> st.SearchStrategy[SanctionTarget]:
    state = st.builds(SanctionTarget, country=countries(), description=_OPT_TEXT)
    sector = st.builds(
        SanctionTarget, country=countries(), sector=st.sampled_from(CooperationArea), description=_OPT_TEXT
    )
    if not actors:
        return state | sector
    actor = st.builds(
        SanctionTarget, country=_optional(countries()), actor=st.sampled_from(actors), description=_OPT_TEXT
    )
    return state | sector | actor


def _measures(prefix: str, scope: _Scope) -> st.SearchStrategy[tuple[SanctionMeasure, ...]]:
    if not scope.actors:
        return st.just(())
    measure = st.builds(
        SanctionMeasure,
        id=_ids(prefix),
        title=_TEXT,
        sender=st.sampled_from(scope.actors),
        targets=st.lists(_targets(scope.actors), min_size=1, max_size=2).map(tuple),
        types=st.lists(st.sampled_from(MeasureType), min_size=1, max_size=3, unique=True).map(tuple),
        period=_PERIOD,
        legal_basis=_OPT_TEXT,
        programme=_OPT_TEXT,
        stage=st.sampled_from(MeasureStage),
        objectives=st.lists(st.sampled_from(Objective), max_size=2, unique=True).map(tuple),
        notes=_OPT_TEXT,
        citations=_citations(scope),
        alternatives=_alternatives(SanctionMeasure, scope),
    )
    return _unique(measure)


def _in_order(dates: list[PartialDate | None]) -> list[PartialDate | None]:
    """Drop each date that would come before an earlier one."""
    kept: list[PartialDate | None] = []
    for date in dates:
        known = [d for d in kept if d is not None]
        if date is not None and any(date.latest < d.earliest for d in known):
            kept.append(None)
        else:
            kept.append(date)
    return kept


def _quantities() -> st.SearchStrategy[tuple[Quantity, ...]]:
    quantity = st.builds(Quantity, _AMOUNT, _TEXT, st.sampled_from(Qualifier), _OPT_TEXT)
    return st.lists(quantity, max_size=2).map(tuple)


@st.composite
def _instrument(draw: st.DrawFn, scope: _Scope, earlier: Sequence[str], rid: str) -> Instrument:
    signed, in_force, ends = _in_order([draw(_OPT_DATE) for _ in range(3)])
    announced = draw(_OPT_DATE)
    if announced is not None and ends is not None and ends.latest < announced.earliest:
        announced = None
    milestone = st.builds(
        Milestone,
        kind=st.sampled_from(MilestoneKind),
        date=_DATE,
        description=_TEXT,
        actor=_ref(scope.actors),
        quantities=_quantities(),
        citations=_citations(scope, min_size=0),
    )
    return Instrument(
        id=rid,
        kind=draw(st.sampled_from(InstrumentKind)),
        title=draw(_TEXT),
        areas=tuple(draw(st.lists(st.sampled_from(CooperationArea), min_size=1, max_size=3, unique=True))),
        status=draw(st.sampled_from(Status)),
        participants=draw(_refs(scope.actors)),
        provider=draw(_ref(scope.actors)),
        recipient=draw(_ref(scope.actors)),
        part_of=draw(_ref(earlier)),
        announced=announced,
        signed=signed,
        in_force=in_force,
        ends=ends,
        value=draw(_OPT_MONEY),
        quantities=draw(_quantities()),
        items=tuple(draw(st.lists(_TEXT, max_size=2))),
        milestones=tuple(draw(st.lists(milestone, max_size=2))),
        notes=draw(_OPT_TEXT),
        citations=draw(_citations(scope)),
        alternatives=draw(_alternatives(Instrument, scope)),
    )


def _direction(parties: tuple[str, str]) -> st.SearchStrategy[tuple[str | None, str | None]]:
    a, b = parties
    return st.sampled_from([(None, None), (a, b), (b, a)])


@st.composite
def _trade(draw: st.DrawFn, scope: _Scope, parties: tuple[str, str]) -> Trade:
    figures = []
    for rid in draw(st.lists(_ids("f-"), max_size=_MAX, unique=True)):
        origin, destination = draw(_direction(parties))
        figures.append(
            TradeFigure(
                id=rid,
                period=draw(_PERIOD),
                origin=origin,
                destination=destination,
                value=draw(_OPT_MONEY),
                commodities=tuple(draw(st.lists(_TEXT, max_size=2))),
                notes=draw(_OPT_TEXT),
                citations=draw(_citations(scope)),
                alternatives=draw(_alternatives(TradeFigure, scope)),
            )
        )
    changes = []
    for rid in draw(st.lists(_ids("c-"), max_size=_MAX, unique=True)):
        origin, destination = draw(_direction(parties))
        unit = draw(st.sampled_from(ChangeUnit))
        changes.append(
            TradeChange(
                id=rid,
                period=draw(_PERIOD),
                value=draw(_FACTORS if unit is ChangeUnit.FACTOR else _CHANGES),
                unit=unit,
                qualifier=draw(st.sampled_from(Qualifier)),
                baseline=draw(_optional(_PERIOD)),
                origin=origin,
                destination=destination,
                commodities=tuple(draw(st.lists(_TEXT, max_size=2))),
                notes=draw(_OPT_TEXT),
                citations=draw(_citations(scope)),
                alternatives=draw(_alternatives(TradeChange, scope)),
            )
        )
    figure_ids = [f.id for f in figures]
    targets = []
    for rid in draw(st.lists(_ids("t-"), max_size=2, unique=True)):
        origin, destination = draw(_direction(parties))
        stated, by = _in_order([draw(_OPT_DATE), draw(_DATE)])
        if by is None:  # the target date is required; drop the statement date instead
            stated, by = None, draw(_DATE)
        targets.append(
            TradeTarget(
                id=rid,
                value=draw(_MONEY),
                by=by,
                baseline=draw(_ref(figure_ids)),
                origin=origin,
                destination=destination,
                stated_by=draw(_ref(scope.actors)),
                stated=stated,
                notes=draw(_OPT_TEXT),
                citations=draw(_citations(scope)),
                alternatives=draw(_alternatives(TradeTarget, scope)),
            )
        )
    return Trade(tuple(figures), tuple(changes), tuple(targets))


@st.composite
def _debt(draw: st.DrawFn, scope: _Scope, instruments: Sequence[str], rid: str) -> DebtRestructuring:
    creditor, debtor = draw(st.lists(st.sampled_from(scope.actors), min_size=2, max_size=2, unique=True))
    agreed, first, final = draw(_OPT_DATE), draw(_OPT_DATE), draw(_OPT_DATE)
    first, final = _in_order([first, final])
    agreed, final = _in_order([agreed, final])
    return DebtRestructuring(
        id=rid,
        kind=draw(st.sampled_from(DebtKind)),
        title=draw(_TEXT),
        creditor=creditor,
        debtor=debtor,
        origin=draw(_OPT_TEXT),
        origin_instrument=draw(_ref(instruments)),
        agreed=agreed,
        amount=draw(_OPT_MONEY),
        remaining=draw(_OPT_MONEY),
        term_years=draw(_optional(_AMOUNT)),
        grace_years=draw(_optional(_AMOUNT)),
        schedule=draw(_OPT_TEXT),
        instalment=draw(_OPT_MONEY),
        first_payment=first,
        final_payment=final,
        notes=draw(_OPT_TEXT),
        citations=draw(_citations(scope)),
        alternatives=draw(_alternatives(DebtRestructuring, scope)),
    )


def _disruptions(scope: _Scope) -> st.SearchStrategy[tuple[Disruption, ...]]:
    disruption = st.builds(
        Disruption,
        id=_ids("x-"),
        title=_TEXT,
        period=_PERIOD,
        cause=st.sampled_from(DisruptionCause),
        areas=st.lists(st.sampled_from(CooperationArea), min_size=1, max_size=3, unique=True).map(tuple),
        severity=_optional(st.sampled_from(Severity)),
        stance=_optional(st.sampled_from(Stance)),
        stance_by=_refs(scope.actors),
        actors=_refs(scope.actors),
        notes=_OPT_TEXT,
        citations=_citations(scope),
        alternatives=_alternatives(Disruption, scope),
    )
    return _unique(disruption)


@st.composite
def _partnership(draw: st.DrawFn, shared: _Scope, index: int) -> Partnership:
    prefix = f"p{index}-"
    parties = tuple(draw(st.lists(countries(), min_size=2, max_size=2, unique=True)))
    assert len(parties) == 2
    own_sources = draw(_sources(prefix + "s"))
    sources = shared.sources + tuple(s.id for s in own_sources)
    strong = shared.strong_sources + tuple(s.id for s in own_sources if not s.weak)
    scope = _Scope(strong, sources, shared.actors)
    own_actors = draw(_actors(prefix + "a", scope, shared.actors))
    scope = _Scope(strong, sources, shared.actors + tuple(a.id for a in own_actors))
    instruments: list[Instrument] = []
    for rid in draw(st.lists(_ids("i-"), max_size=_MAX, unique=True)):
        instruments.append(draw(_instrument(scope, [i.id for i in instruments], rid)))
    debts = []
    if len(scope.actors) >= 2:
        for rid in draw(st.lists(_ids("d-"), max_size=2, unique=True)):
            debts.append(draw(_debt(scope, [i.id for i in instruments], rid)))
    return Partnership(
        id=f"partnership-{index}",
        parties=(parties[0], parties[1]),
        title=draw(_TEXT),
        data_as_of=draw(st.dates()),
        description=draw(_OPT_TEXT),
        sources=own_sources,
        actors=own_actors,
        sanctions=draw(_measures(prefix + "m", scope)),
        instruments=tuple(instruments),
        trade=draw(_trade(scope, (parties[0], parties[1]))),
        debts=tuple(debts),
        disruptions=draw(_disruptions(scope)),
        notes=draw(_OPT_TEXT),
    )


_STRONG = st.builds(
    Source,
    id=_ids("s"),
    title=_TEXT,
    publisher=_TEXT,
    kind=st.sampled_from(SourceKind),
    weak=st.just(False),
)


@st.composite
def datasets(draw: st.DrawFn, min_partnerships: int = 0, max_partnerships: int = 2) -> Dataset:
    """Valid datasets: shared sources, actors and measures, and partnerships that use them."""
    anchor = draw(_STRONG)
    sources = tuple(s for s in draw(_sources("s")) if s.id != anchor.id)
    sources = (anchor, *sources)
    strong = tuple(s.id for s in sources if not s.weak)
    scope = _Scope(strong, tuple(s.id for s in sources), ())
    actors = draw(_actors("a", scope, ()))
    scope = _Scope(strong, scope.sources, tuple(a.id for a in actors))
    count = draw(st.integers(min_value=min_partnerships, max_value=max_partnerships))
    return Dataset(
        sources=sources,
        actors=actors,
        sanctions=draw(_measures("m", scope)),
        partnerships=tuple(draw(_partnership(scope, index)) for index in range(count)),
    )


def partnerships() -> st.SearchStrategy[Partnership]:
    """Valid partnerships that hold every record they use."""
    return datasets(min_partnerships=1, max_partnerships=1).map(lambda d: d.partnership())
