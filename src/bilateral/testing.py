"""Hypothesis strategies for bilateral's records, for your own tests and ours.

Every strategy here builds data that passes bilateral's validation: ids are
unique, references resolve, dates are in order and every claim cites a source
that is not weak.

They are drawn so that the answers worth testing turn up, not only empty
ones: most dates fall between 1995 and 2035, parties and targets come often
from a few states, and a partnership often holds a measure that reaches one
of its instruments and a trade series whose growth can be computed. In 150
partnerships drawn with hypothesis's ``ci`` profile (measured by
``tests/test_strategies.py``, which fails below one in twenty), the shares
were: exposure hits via an actor 21%, via a sector 29%, via a country 27%;
an exposure hit known to overlap in time 39%; a derived trade value 40%; a
target's required growth 49%; a sanction confirmation 18%; a conflict 85%;
alternatives of each type of field from 15% (decimals) to 74% (lists).

Use them to test code that consumes partnerships:

Examples:
    >>> from hypothesis import HealthCheck, given, settings
    >>> from bilateral.testing import partnerships
    >>> @settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    ... @given(partnerships())
    ... def test_titles_are_text(partnership):
    ...     assert isinstance(partnership.title, str)
    >>> test_titles_are_text()

    A whole partnership is a large example, slow to draw on a busy machine:
    the settings keep hypothesis's health checks from failing the test for it.
    Needs hypothesis (``pip install "bilateral[test]"``).
"""

import datetime as dt
import enum
import string
import typing
from collections.abc import Sequence
from decimal import ROUND_DOWN, Decimal
from typing import Any, TypeVar

import attrs
import pycountry
from hypothesis import strategies as st

from bilateral.analysis.exposure import TYPE_AREAS
from bilateral.model import checks
from bilateral.model.actors import Actor, ActorKind
from bilateral.model.amounts import ChangeUnit, Money, Qualifier, Quantity
from bilateral.model.areas import CooperationArea
from bilateral.model.dates import PartialDate, Period
from bilateral.model.debt import DebtKind, DebtRestructuring
from bilateral.model.disruptions import Disruption, DisruptionCause, Severity, Stance
from bilateral.model.instruments import Instrument, InstrumentKind, Milestone, MilestoneKind, Status
from bilateral.model.partnership import Dataset, Partnership
from bilateral.model.sanctions import (
    Confirmation,
    MeasureStage,
    MeasureType,
    Objective,
    SanctionMeasure,
    SanctionTarget,
)
from bilateral.model.sources import AlternativeClaim, Citation, Source, SourceKind, claimable
from bilateral.model.trade import Trade, TradeChange, TradeFigure, TradeTarget
from bilateral.model.typecheck import claimed_type

__all__ = [
    "amounts",
    "countries",
    "currencies",
    "datasets",
    "money",
    "numbers",
    "partial_dates",
    "partnerships",
    "periods",
    "texts",
]

T = TypeVar("T")

# Text as people write it, from any script, with tabs and newlines, but no lone
# surrogates (they are not characters and cannot be written to a file), no other
# control characters and no bidirectional controls (a file may not hold them).
_CHARACTERS = st.characters(
    exclude_categories=["Cs", "Cc"],
    include_characters="\t\n",
    exclude_characters="".join(map(chr, [*range(0x202A, 0x202F), *range(0x2066, 0x206A)])),
)
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


def numbers(min_value: Decimal | int | None = None) -> st.SearchStrategy[Decimal]:
    """Any number a file may hold: below 10²⁰ in size, with up to 8 places after the point,
    written in any of the ways `Decimal` keeps (``1.10``, ``1E+5``, ``0.00000001``);
    of ``min_value`` or more if given (0 or more: amounts)."""
    signs = st.just(1) if min_value is not None and min_value >= 0 else st.sampled_from((1, 1, -1))
    placed = st.builds(
        _number,
        signs,
        st.integers(0, 10**checks.MAX_WHOLE_DIGITS - 1),
        st.integers(0, 10**checks.MAX_PLACES - 1),
        st.integers(0, checks.MAX_PLACES),
    )
    scaled = st.builds(  # 1E+5, 2.5E+12: positive exponents, as Decimal keeps them
        lambda sign, digits, exponent: sign * Decimal(digits).scaleb(exponent),
        signs,
        st.integers(1, 999),
        st.integers(1, checks.MAX_WHOLE_DIGITS - 3),
    )
    low = None if min_value is None else Decimal(min_value)
    return (placed | scaled).filter(lambda value: low is None or value >= low)


def _number(sign: int, whole: int, fraction: int, places: int) -> Decimal:
    value = Decimal(whole) + Decimal(fraction).scaleb(-checks.MAX_PLACES)
    value = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_DOWN)
    return value if sign > 0 or not value else -value


def amounts() -> st.SearchStrategy[Decimal]:
    """Decimals of zero or more, with up to 8 places: any amount a file may hold."""
    return numbers(min_value=0)


def money() -> st.SearchStrategy[Money]:
    """Amounts of money with any qualifier."""
    return st.builds(Money, amounts(), currencies(), st.sampled_from(Qualifier))


@st.composite
def partial_dates(
    draw: st.DrawFn, min_value: dt.date = dt.date(1, 1, 1), max_value: dt.date = dt.date(9999, 12, 31)
) -> PartialDate:
    """Valid partial dates of every precision, with and without qualifiers, around days in a range."""
    day = draw(st.dates(min_value=min_value, max_value=max_value))
    precision = draw(st.sampled_from(("year", "month", "day")))
    return PartialDate(
        day.year,
        None if precision == "year" else day.month,
        day.day if precision == "day" else None,
        draw(st.booleans()),
        draw(st.booleans()),
    )


@st.composite
def periods(draw: st.DrawFn, dates: st.SearchStrategy[PartialDate] | None = None) -> Period:
    """Periods with known, unknown or ongoing ends, the end never before the start."""
    dates = partial_dates() if dates is None else dates
    start = draw(_optional(dates))
    ongoing = draw(st.booleans())
    end = None if ongoing else draw(_optional(dates))
    if start is not None and end is not None and end.latest < start.earliest:
        start, end = end, start
        if end.latest < start.earliest:  # overlapping bounds cannot be swapped into order
            end = None
    if start is None and end is None:
        ongoing = True  # a period with nothing known is no period
    return Period(start, end, ongoing)


_TEXT = texts()
_OPT_TEXT = _optional(_TEXT)
# Most dates fall in the decades the datasets cover, so that records meet in
# time (exposure, as-of answers); some fall anywhere in the calendar.
_NEAR = (dt.date(1995, 1, 1), dt.date(2035, 12, 31))
_DATE = partial_dates(*_NEAR) | partial_dates(*_NEAR) | partial_dates()
_OPT_DATE = _optional(_DATE)
_DAY = st.dates(min_value=dt.date(2000, 1, 1), max_value=_NEAR[1]) | st.dates()
# Amounts as trade and debt records hold them, and sometimes any decimal at all.
_AMOUNT = st.decimals(min_value=1, max_value=10**13, places=0) | amounts()
_CURRENCY = st.sampled_from(("USD", "EUR", "RUB")) | currencies()
_MONEY = st.builds(Money, _AMOUNT, _CURRENCY, st.sampled_from(Qualifier))
_OPT_MONEY = _optional(_MONEY)
_PERIOD = periods(_DATE)
# Parties drawn often from a few states, so that shared measures meet them.
_COMMON = ("RUS", "VEN", "IRN", "CUB")
_COUNTRY = st.sampled_from(_COMMON) | countries()
# Areas drawn often from those that country-wide measures bear on, so that exposure is met.
_AREA = st.sampled_from(
    (CooperationArea.ENERGY, CooperationArea.FINANCE, CooperationArea.DEFENCE)
) | st.sampled_from(CooperationArea)
_STAGE = st.sampled_from((MeasureStage.IMPOSED, MeasureStage.IMPOSED, MeasureStage.THREATENED))
# Changes as sources state them ("+54%", "tripled"), and sometimes any decimal at all.
_CHANGES = st.decimals(min_value=-99, max_value=500, places=1) | st.deferred(numbers)
_FACTORS = st.decimals(min_value=Decimal("0.1"), max_value=20, places=1) | st.deferred(
    lambda: numbers(min_value=0)
).filter(lambda d: d > 0)


_ID_CHARACTERS = string.ascii_lowercase + string.digits


def _ids(prefix: str) -> st.SearchStrategy[str]:
    return st.text(_ID_CHARACTERS, min_size=1, max_size=6).map(lambda tail: prefix + tail)


def _unique(
    strategy: st.SearchStrategy[T], max_size: int = _MAX, min_size: int = 0
) -> st.SearchStrategy[tuple[T, ...]]:
    def record_id(record: T) -> str:
        return str(getattr(record, "id"))  # noqa: B009 - T is any record with an id

    return st.lists(strategy, min_size=min_size, max_size=max_size, unique_by=record_id).map(tuple)


def _some_ids(prefix: str) -> st.SearchStrategy[list[str]]:
    """Ids for a list of records: as often one or more as none or more."""
    return st.integers(min_value=0, max_value=1).flatmap(
        lambda least: st.lists(_ids(prefix), min_size=least, max_size=_MAX, unique=True)
    )


@attrs.frozen
class _Scope:
    """What references may name, while a dataset is being drawn."""

    strong_sources: tuple[str, ...]
    sources: tuple[str, ...]
    actors: tuple[str, ...]
    instruments: tuple[str, ...] = ()
    figures: tuple[str, ...] = ()

    def pool(self, kind: str) -> tuple[str, ...]:
        """The ids a reference of ``kind`` may name."""
        return {
            "actor": self.actors,
            "source": self.sources,
            "instrument": self.instruments,
            "trade_figure": self.figures,
        }[kind]


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


def _claim_value(cls: type, name: str, scope: _Scope) -> st.SearchStrategy[Any] | None:
    """Values a source could claim for field ``name``, of the field's type; None if there are none
    (a reference with nothing to name)."""
    field = next(f for f in attrs.fields(cls) if f.name == name)
    return _of_type(claimed_type(cls, name), field.metadata, scope)


def _of_type(hint: Any, metadata: Any, scope: _Scope) -> st.SearchStrategy[Any] | None:
    check = metadata.get(checks.CHECK)
    refers = metadata.get(checks.REFERS)
    if typing.get_origin(hint) is tuple:
        item = _of_type(typing.get_args(hint)[0], metadata, scope)
        if item is None:
            return None
        return st.lists(item, min_size=1, max_size=2).map(tuple)
    if refers is not None:
        pool = scope.pool(refers)
        return st.sampled_from(pool) if pool else None
    if hint is PartialDate:
        return _DATE
    if hint is Period:
        return _PERIOD
    if hint is Money:
        return _MONEY
    if hint is Quantity:
        return st.builds(Quantity, _AMOUNT, _TEXT, st.sampled_from(Qualifier), _OPT_TEXT)
    if hint is Decimal:
        return _AMOUNT if check is checks.non_negative else _CHANGES
    if hint is Milestone:
        return _milestone(scope)
    if hint is SanctionTarget:
        return _targets(scope.actors, ())
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return st.sampled_from(list(hint))
    if hint is str and check is not None:
        return {
            checks.country: countries(),
            checks.currency: currencies(),
            checks.language: st.sampled_from(LANGUAGE_CODES),
        }.get(check, _TEXT)
    if hint is str:
        return _TEXT
    return None


def _alternatives(cls: type, scope: _Scope) -> st.SearchStrategy[tuple[AlternativeClaim, ...]]:
    values = {name: v for name in claimable(cls) if (v := _claim_value(cls, name, scope)) is not None}
    by_type: dict[str, list[str]] = {}
    for name in sorted(values):  # each type of value as likely as any other, whatever its fields
        by_type.setdefault(str(claimed_type(cls, name)), []).append(name)
    groups = [by_type[t] for t in sorted(by_type)]

    @st.composite
    def claim(draw: st.DrawFn) -> AlternativeClaim:
        name = draw(st.sampled_from(draw(st.sampled_from(groups))))
        return AlternativeClaim(name, draw(values[name]), draw(_citations(scope)), draw(_OPT_TEXT))

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


def _targets(actors: Sequence[str], parties: Sequence[str]) -> st.SearchStrategy[SanctionTarget]:
    country = st.sampled_from(parties) | _COUNTRY if parties else _COUNTRY
    state = st.builds(SanctionTarget, country=country, description=_OPT_TEXT)
    sector = st.builds(SanctionTarget, country=country, sector=_AREA, description=_OPT_TEXT)
    if not actors:
        return state | sector
    actor = st.builds(
        SanctionTarget, country=_optional(countries()), actor=st.sampled_from(actors), description=_OPT_TEXT
    )
    return state | sector | actor


@st.composite
def _confirmations(draw: st.DrawFn, scope: _Scope, period: Period) -> tuple[Confirmation, ...]:
    """Confirmations within the measure's period, each until a day not before it."""
    found = []
    for _ in range(draw(st.integers(min_value=0, max_value=2))):
        on, until = draw(_DATE), draw(_OPT_DATE)
        start, end = period.start, period.end
        if start is not None and on.latest < start.earliest:
            continue
        if end is not None and on.earliest > end.latest:
            continue
        if until is not None and (
            until.latest < on.earliest or (end is not None and until.earliest > end.latest)
        ):
            until = None
        found.append(Confirmation(on, until, draw(_citations(scope)), draw(_OPT_TEXT)))
    return tuple(found)


@st.composite
def _period_around(draw: st.DrawFn, day: dt.date) -> Period:
    """A period begun in the twenty years up to ``day``, with an unknown, ongoing or later end."""
    year = max(day.year - draw(st.integers(0, 20)), 1)
    start = draw(partial_dates(dt.date(year, 1, 1), day))
    end = draw(st.none() | partial_dates(day, dt.date(min(day.year + 10, 9999), 12, 31)))
    if end is not None and end.latest < start.earliest:
        end = None
    return Period(start, end, end is None and draw(st.booleans()))


def _measures(
    prefix: str, scope: _Scope, parties: Sequence[str] = (), day: dt.date | None = None
) -> st.SearchStrategy[tuple[SanctionMeasure, ...]]:
    if not scope.actors:
        return st.just(())
    periods = _PERIOD if day is None else _PERIOD | _period_around(day)

    @st.composite
    def measure(draw: st.DrawFn) -> SanctionMeasure:
        period = draw(periods)
        stage = draw(_STAGE)
        return SanctionMeasure(
            id=draw(_ids(prefix)),
            title=draw(_TEXT),
            sender=draw(st.sampled_from(scope.actors)),
            targets=tuple(draw(st.lists(_targets(scope.actors, parties), min_size=1, max_size=2))),
            types=tuple(draw(st.lists(st.sampled_from(MeasureType), min_size=1, max_size=3, unique=True))),
            period=period,
            legal_basis=draw(_OPT_TEXT),
            programme=draw(_OPT_TEXT),
            stage=stage,
            objectives=tuple(draw(st.lists(st.sampled_from(Objective), max_size=2, unique=True))),
            notes=draw(_OPT_TEXT),
            citations=draw(_citations(scope)),
            alternatives=draw(_alternatives(SanctionMeasure, scope)),
            confirmed=draw(_confirmations(scope, period)) if stage is MeasureStage.IMPOSED else (),
        )

    return st.integers(min_value=0, max_value=1).flatmap(lambda least: _unique(measure(), min_size=least))


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


def _milestone(scope: _Scope) -> st.SearchStrategy[Milestone]:
    return st.builds(
        Milestone,
        kind=st.sampled_from(MilestoneKind),
        date=_DATE,
        description=_TEXT,
        actor=_ref(scope.actors),
        quantities=_quantities(),
        citations=_citations(scope, min_size=0),
    )


def _quantities() -> st.SearchStrategy[tuple[Quantity, ...]]:
    quantity = st.builds(Quantity, _AMOUNT, _TEXT, st.sampled_from(Qualifier), _OPT_TEXT)
    return st.lists(quantity, max_size=2).map(tuple)


_FIRST_STEPS = (MilestoneKind.ANNOUNCED, MilestoneKind.SIGNED)


@st.composite
def _instrument(draw: st.DrawFn, scope: _Scope, earlier: Sequence[str], rid: str) -> Instrument:
    signed, in_force, ends = _in_order([draw(_OPT_DATE) for _ in range(3)])
    announced = draw(_OPT_DATE)
    if announced is not None and ends is not None and ends.latest < announced.earliest:
        announced = None
    milestone = _milestone(scope)
    scope = attrs.evolve(scope, instruments=tuple(earlier))
    return Instrument(
        id=rid,
        kind=draw(st.sampled_from(InstrumentKind)),
        title=draw(_TEXT),
        areas=tuple(draw(st.lists(_AREA, min_size=1, max_size=3, unique=True))),
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
        milestones=tuple(
            m
            for m in draw(st.lists(milestone, max_size=2))
            # an announcement or a signature comes before the end
            if not (m.kind in _FIRST_STEPS and ends is not None and ends.latest < m.date.earliest)
        ),
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
    for rid in draw(_some_ids("f-")):
        origin, destination = draw(_direction(parties))
        figures.append(
            TradeFigure(
                id=rid,
                period=draw(_PERIOD),
                origin=origin,
                destination=destination,
                value=draw(_MONEY | _OPT_MONEY),
                commodities=tuple(draw(st.lists(_TEXT, max_size=2))),
                notes=draw(_OPT_TEXT),
                citations=draw(_citations(scope)),
            )
        )
    changes = []
    for rid in draw(_some_ids("c-")):
        origin, destination = draw(_direction(parties))
        period = draw(_PERIOD)
        leads_to_figure = bool(figures) and draw(st.sampled_from((True, True, False)))
        if leads_to_figure:  # a change that leads up to a figure: a value can be derived
            figure = draw(st.sampled_from(figures))
            origin, destination, period = figure.origin, figure.destination, figure.period
        unit = draw(st.sampled_from(ChangeUnit))
        changes.append(
            TradeChange(
                id=rid,
                period=period,
                value=draw(_FACTORS if unit is ChangeUnit.FACTOR else _CHANGES),
                unit=unit,
                qualifier=draw(st.sampled_from(Qualifier)),
                baseline=draw(_optional(_PERIOD) | _PERIOD),
                origin=origin,
                destination=destination,
                commodities=tuple(draw(st.lists(_TEXT, max_size=2))),
                notes=draw(_OPT_TEXT),
                citations=draw(_citations(scope)),
                alternatives=draw(_alternatives(TradeChange, scope)),
            )
        )
    figure_ids = [f.id for f in figures]
    scope = attrs.evolve(scope, figures=tuple(figure_ids))
    for index, figure in enumerate(figures):  # alternatives may name figures now that they exist
        figures[index] = attrs.evolve(figure, alternatives=draw(_alternatives(TradeFigure, scope)))
    targets = []
    for rid in draw(_some_ids("t-")):
        origin, destination = draw(_direction(parties))
        stated, by = _in_order([draw(_OPT_DATE), draw(_DATE)])
        if by is None:  # the target date is required; drop the statement date instead
            stated, by = None, draw(_DATE)
        baseline = draw(st.sampled_from(figure_ids) | _ref(figure_ids)) if figure_ids else None
        value = draw(_MONEY)
        base = next((f for f in figures if f.id == baseline), None)
        end = base.period.end if base is not None else None
        if base is not None and base.value is not None and end is not None and draw(st.booleans()):
            # a target a growth rate can be computed for: same currency, some years on
            value = attrs.evolve(value, currency=base.value.currency)
            by = PartialDate(min(end.year + draw(st.integers(1, 20)), 9999))
            stated = stated if stated is None or stated.latest <= by.earliest else None
        targets.append(
            TradeTarget(
                id=rid,
                value=value,
                by=by,
                baseline=baseline,
                origin=origin,
                destination=destination,
                stated_by=draw(_ref(scope.actors)),
                stated=stated,
                notes=draw(_OPT_TEXT),
                citations=draw(_citations(scope)),
                alternatives=draw(_alternatives(TradeTarget, scope)),
            )
        )
    if draw(st.booleans()):
        figures, changes, targets = _series(draw, scope, parties, figures, changes, targets)
    return Trade(tuple(figures), tuple(changes), tuple(targets))


def _series(
    draw: st.DrawFn,
    scope: _Scope,
    parties: tuple[str, str],
    figures: list[TradeFigure],
    changes: list[TradeChange],
    targets: list[TradeTarget],
) -> tuple[list[TradeFigure], list[TradeChange], list[TradeTarget]]:
    """One more figure, a change that leads up to it and a target from it: a series whose
    baseline and growth can be computed."""
    taken = {r.id for r in figures} | {r.id for r in changes} | {r.id for r in targets}
    if {"f-series", "c-series", "t-series"} & taken:
        return figures, changes, targets
    origin, destination = draw(_direction(parties))
    year = draw(st.integers(2000, 2030))
    period = Period.single(PartialDate(year))
    value = Money(draw(st.decimals(1, 10**12, places=0)), draw(_CURRENCY), draw(st.sampled_from(Qualifier)))
    figure = TradeFigure("f-series", period, origin, destination, value, citations=draw(_citations(scope)))
    change = TradeChange(
        "c-series",
        period,
        draw(st.decimals(-90, 300, places=0)),
        ChangeUnit.PERCENT,
        draw(st.sampled_from(Qualifier)),
        baseline=Period.single(PartialDate(year - draw(st.integers(1, 10)))),
        origin=origin,
        destination=destination,
        citations=draw(_citations(scope)),
    )
    target = TradeTarget(
        "t-series",
        Money(draw(st.decimals(1, 10**12, places=0)), value.currency, draw(st.sampled_from(Qualifier))),
        PartialDate(year + draw(st.integers(1, 15))),
        baseline=figure.id,
        origin=origin,
        destination=destination,
        citations=draw(_citations(scope)),
    )
    return [*figures, figure], [*changes, change], [*targets, target]


@st.composite
def _exposed(
    draw: st.DrawFn,
    prefix: str,
    scope: _Scope,
    parties: tuple[str, str],
    instrument: Instrument,
    day: dt.date,
) -> SanctionMeasure:
    """A measure in force around ``day`` that reaches ``instrument`` by an actor, a sector or its country."""
    actors = [a for a in (*instrument.participants, instrument.provider, instrument.recipient) if a]
    area = draw(st.sampled_from(instrument.areas))
    bearing = [t for t in MeasureType if t is not MeasureType.OTHER and area in TYPE_AREAS[t]]
    routes = ["sector", *(["actor"] if actors else []), *(["country", "country"] if bearing else [])]
    route = draw(st.sampled_from(routes))
    types: tuple[MeasureType, ...] = (draw(st.sampled_from(MeasureType)),)
    if route == "actor":
        target = SanctionTarget(actor=draw(st.sampled_from(actors)))
    elif route == "sector":
        target = SanctionTarget(draw(st.sampled_from(parties)), area)
    else:
        target = SanctionTarget(draw(st.sampled_from(parties)))
        types = (draw(st.sampled_from(bearing)),)
    period = draw(_period_around(day))
    return SanctionMeasure(
        id=f"{prefix}exposed",
        title=draw(_TEXT),
        sender=draw(st.sampled_from(scope.actors)),
        targets=(target,),
        types=types,
        period=period,
        citations=draw(_citations(scope)),
        confirmed=draw(_confirmations(scope, period)),
    )


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
        alternatives=draw(
            _alternatives(DebtRestructuring, attrs.evolve(scope, instruments=tuple(instruments)))
        ),
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
    data_as_of = draw(_DAY)
    parties = tuple(draw(st.lists(_COUNTRY, min_size=2, max_size=2, unique=True)))
    assert len(parties) == 2
    own_sources = draw(_sources(prefix + "s"))
    sources = shared.sources + tuple(s.id for s in own_sources)
    strong = shared.strong_sources + tuple(s.id for s in own_sources if not s.weak)
    scope = _Scope(strong, sources, shared.actors)
    own_actors = draw(_actors(prefix + "a", scope, shared.actors))
    scope = _Scope(strong, sources, shared.actors + tuple(a.id for a in own_actors))
    instruments: list[Instrument] = []
    for rid in draw(_some_ids("i-")):
        instruments.append(draw(_instrument(scope, [i.id for i in instruments], rid)))
    measures = draw(_measures(prefix + "m", scope, parties, data_as_of))
    if instruments and scope.actors and draw(st.sampled_from((True, True, False))):
        pair = (parties[0], parties[1])
        measures += (draw(_exposed(prefix, scope, pair, draw(st.sampled_from(instruments)), data_as_of)),)
    debts = []
    if len(scope.actors) >= 2:
        for rid in draw(st.lists(_ids("d-"), max_size=2, unique=True)):
            debts.append(draw(_debt(scope, [i.id for i in instruments], rid)))
    return Partnership(
        id=f"partnership-{index}",
        parties=(parties[0], parties[1]),
        title=draw(_TEXT),
        data_as_of=data_as_of,
        description=draw(_OPT_TEXT),
        sources=own_sources,
        actors=own_actors,
        sanctions=measures,
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
