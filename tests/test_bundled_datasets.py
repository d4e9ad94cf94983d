"""All six bundled datasets: the sourcing checks every one must pass, shared records, and the
comparators' real answers (the reference dataset's own are in tests/test_reference_dataset.py).

russia-iran, russia-north-korea, russia-cuba, china-venezuela and iran-venezuela are encoded from the
project's research notes alone. The notes (and the reference article, which the shared Mir record
quotes) live in ../shared/sources beside the repository; the tests that read them skip, with the
reason, when they are not there.
"""

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import bilateral
from bilateral import datasets
from tests.dataset_checks import ARTICLE, ARTICLE_ID, NOTES, read_source
from tests.dataset_checks import citations as _citations
from tests.dataset_checks import citing as _citing
from tests.dataset_checks import nodes as _nodes

REFERENCE = "russia-venezuela"

# Each bundled partnership: its parties and the day its data runs to (the latest sourced event).
COMPARATORS: dict[str, tuple[tuple[str, str], dt.date]] = {
    "russia-iran": (("RUS", "IRN"), dt.date(2025, 12, 17)),
    "russia-north-korea": (("RUS", "PRK"), dt.date(2025, 7, 27)),
    "russia-cuba": (("RUS", "CUB"), dt.date(2026, 3, 31)),
    "china-venezuela": (("CHN", "VEN"), dt.date(2026, 1, 27)),
    "iran-venezuela": (("IRN", "VEN"), dt.date(2025, 12, 30)),
}
ALL: dict[str, tuple[tuple[str, str], dt.date]] = {
    REFERENCE: (("RUS", "VEN"), dt.date(2026, 1, 6)),
    **COMPARATORS,
}
RUSSIAN = ("russia-venezuela", "russia-iran", "russia-north-korea", "russia-cuba")
VENEZUELAN = ("russia-venezuela", "china-venezuela", "iran-venezuela")


@pytest.fixture(scope="module")
def notes() -> str:
    """The research notes' text."""
    return read_source(NOTES)


@pytest.fixture(scope="module")
def article() -> str:
    """The reference article's text (quoted by shared records such as Mir)."""
    return read_source(ARTICLE)


def _own(name: str) -> bilateral.Partnership:
    """The partnership as the file holds it, without the shared records folded in."""
    (own,) = [p for p in datasets.bundle().partnerships if p.id == name]
    return own


def _events(p: bilateral.Partnership) -> list[bilateral.PartialDate]:
    """The dated events of a partnership's records: milestones, announcements, signatures, starts."""
    dates: list[bilateral.PartialDate] = []
    for _, node in _nodes(p):
        if isinstance(node, bilateral.Milestone):
            dates.append(node.date)
        elif isinstance(node, bilateral.Instrument):
            dates += [d for d in (node.announced, node.signed) if d is not None]
        elif isinstance(node, (bilateral.Disruption, bilateral.SanctionMeasure)) and node.period.start:
            dates.append(node.period.start)
    return dates


@pytest.fixture(scope="module", params=list(ALL))
def partnership(request: pytest.FixtureRequest) -> bilateral.Partnership:
    """Each bundled partnership, loaded with its shared records folded in."""
    return datasets.load(request.param)


@pytest.fixture(scope="module")
def loaded() -> dict[str, bilateral.Partnership]:
    return {name: datasets.load(name) for name in ALL}


class TestBundle:
    def test_names_list_all_six(self) -> None:
        """names() lists the reference first, then the five comparators."""
        assert datasets.names() == tuple(ALL)

    @pytest.mark.parametrize("name", list(ALL))
    def test_loads_with_the_right_parties(self, name: str) -> None:
        """Each bundled partnership loads strictly and is between the right two states."""
        p = datasets.load(name)
        assert isinstance(p, bilateral.Partnership)
        assert (p.id, p.parties) == (name, ALL[name][0])

    def test_which_load_returns_what(self, tmp_path: Path) -> None:
        """datasets.partnership(name) returns a Partnership, as datasets.load(name), its older name, does;
        bilateral.load(path) reads a file into a Dataset, which partnership(id) opens."""
        p = datasets.partnership("russia-iran")
        assert isinstance(p, bilateral.Partnership)
        assert datasets.load("russia-iran") == p
        assert datasets.partnership() == datasets.load() == datasets.partnership(datasets.DEFAULT)
        path = tmp_path / "iran.yaml"
        bilateral.dump(p, path)
        read = bilateral.load(path)
        assert isinstance(read, bilateral.Dataset)
        assert read.partnership("russia-iran") == p
        for function in (datasets.partnership, datasets.load):
            with pytest.raises(
                LookupError, match=r"^no bundled dataset is called 'russia-mars' \(there are: "
            ):
                function("russia-mars")

    @pytest.mark.parametrize("fmt", ["json", "toml", "yaml"])
    @pytest.mark.parametrize("name", list(ALL))
    def test_round_trip(self, name: str, fmt: str) -> None:
        """A loaded partnership, shared records folded in, reads back equal from JSON, TOML and YAML."""
        p = datasets.load(name)
        assert bilateral.loads(bilateral.dumps(p, fmt), fmt).partnership() == p

    @pytest.mark.parametrize("name", list(ALL))
    def test_data_as_of_is_the_latest_event(self, name: str) -> None:
        """data_as_of is the day of the latest sourced event of the pair, and no event of its own comes after it."""
        p = _own(name)
        assert p.data_as_of == ALL[name][1]
        assert max(d.earliest for d in _events(p)) <= p.data_as_of

    @pytest.mark.parametrize("name", list(COMPARATORS))
    def test_description_and_notes_state_the_gaps(self, name: str) -> None:
        """Each comparator says it is thinner than the reference, and that a blank is a gap, not no cooperation."""
        p = datasets.load(name)
        assert p.description is not None
        assert "a blank is a gap in the notes, not an absence of cooperation" in p.description
        assert p.notes is not None
        assert "does not mean there is no cooperation" in p.notes


class TestSourcing:
    def test_every_record_cites(self, partnership: bilateral.Partnership) -> None:
        """Every instrument, milestone, trade record, debt, disruption, sanction, actor and alternative cites a source."""
        assert [path for path, node in _citing(partnership) if not node.citations] == []

    def test_citations_resolve(self, partnership: bilateral.Partnership) -> None:
        """Every citation names a source of the partnership."""
        known = {s.id for s in partnership.sources}
        assert [(path, c.source) for path, c in _citations(partnership) if c.source not in known] == []

    def test_no_claim_rests_on_weak_sources_alone(self, partnership: bilateral.Partnership) -> None:
        """No record or milestone has only weak sources among its citations (alternatives may)."""
        weak = {s.id for s in partnership.sources if s.weak}
        offenders = [
            path
            for path, node in _citing(partnership)
            if not isinstance(node, bilateral.AlternativeClaim)
            and node.citations
            and all(c.source in weak for c in node.citations)
        ]
        assert offenders == []

    def test_every_source_is_cited(self, partnership: bilateral.Partnership) -> None:
        """Every source of the partnership is cited by one of its records."""
        cited = {c.source for _, c in _citations(partnership)}
        assert {s.id for s in partnership.sources} - cited == set()

    def test_excerpts_are_verbatim(
        self, partnership: bilateral.Partnership, notes: str, article: str
    ) -> None:
        """Every excerpt appears word for word in the research notes (the article's, in the article)."""
        quoted = [(path, c.source, c.excerpt) for path, c in _citations(partnership) if c.excerpt]
        assert quoted
        wrong = [
            (path, excerpt)
            for path, source, excerpt in quoted
            if excerpt not in (article if source == ARTICLE_ID else notes)
        ]
        assert wrong == []

    def test_weak_flags_follow_the_notes(self, partnership: bilateral.Partnership, notes: str) -> None:
        """A source has a URL the notes give, and is weak exactly when the notes tag that line [weak]."""
        tag = re.compile(r"\[(wire|official|secondary|weak|law firm|industry)[^\]]*\]")
        wrong = []
        for source in partnership.sources:
            assert source.url, source.id
            lines = [line for line in notes.splitlines() if source.url in line]
            assert lines, f"{source.id}: its URL is not in the notes"
            tags = [m.group(0) for line in lines for m in tag.finditer(line)]
            if any(t.startswith("[weak") for t in tags) != source.weak:
                wrong.append((source.id, source.weak, tags))
        assert wrong == []

    @pytest.mark.parametrize("name", list(COMPARATORS))
    def test_locators_point_into_the_notes(self, name: str) -> None:
        """Every citation of a comparator's own records says where in the research notes it comes from."""
        p = _own(name)
        missing = [
            (path, c.source)
            for path, c in _citations(p)
            if c.source != ARTICLE_ID and not (c.locator or "").startswith("research notes §")
        ]
        assert missing == []

    @pytest.mark.parametrize("name", list(COMPARATORS))
    def test_comparators_flag_weak_sources(self, name: str) -> None:
        """Each comparator cites some source the notes tag [weak], and flags it (iran-venezuela too, since §6 grew)."""
        weak = [s.id for s in datasets.load(name).sources if s.weak]
        assert weak


class TestSharedRecords:
    def test_each_record_is_defined_once(self) -> None:
        """No source, actor or measure is defined twice in the bundle, under its id or (a source) its URL."""
        ds = datasets.bundle()
        pools: list[bilateral.Dataset | bilateral.Partnership] = [ds, *ds.partnerships]
        for field in ("sources", "actors", "sanctions"):
            ids = [r.id for pool in pools for r in getattr(pool, field)]
            assert len(ids) == len(set(ids)), field
        urls = [s.url for pool in pools for s in pool.sources]
        assert len(urls) == len(set(urls))
        states = [a.country for pool in pools for a in pool.actors if a.kind is bilateral.ActorKind.STATE]
        assert len(states) == len(set(states))

    def test_states_shared_when_two_partnerships_have_them(self) -> None:
        """A state is in the shared pool exactly when more than one partnership has it as a party."""
        ds = datasets.bundle()
        parties = [c for p in ds.partnerships for c in p.parties]
        shared = {
            a.country for a in ds.actors if a.kind is bilateral.ActorKind.STATE and a.country in parties
        }
        assert shared == {c for c in parties if parties.count(c) > 1} == {"RUS", "VEN", "IRN"}

    def test_mir_is_shared(self, loaded: dict[str, bilateral.Partnership]) -> None:
        """Mir is defined once, in the shared pool, and folded into every partnership with a Mir link."""
        ds = datasets.bundle()
        assert [a.id for a in ds.actors].count("mir") == 1
        assert all("mir" not in {a.id for a in p.actors} for p in ds.partnerships)
        with_mir = {name for name, p in loaded.items() if any("mir" in i.participants for i in p.instruments)}
        assert with_mir == {"russia-venezuela", "russia-iran", "russia-cuba"}
        for name, p in loaded.items():
            assert ("mir" in {a.id for a in p.actors}) == (name in with_mir), name

    @pytest.mark.parametrize(
        ("country", "expected"),
        [
            ("VEN", {"russia-venezuela", "china-venezuela", "iran-venezuela"}),
            ("IRN", {"russia-iran", "iran-venezuela"}),
            ("RUS", {"russia-venezuela", "russia-iran", "russia-north-korea", "russia-cuba"}),
        ],
    )
    def test_sanctions_on_a_party_are_shared_and_folded(
        self, loaded: dict[str, bilateral.Partnership], country: str, expected: set[str]
    ) -> None:
        """The measures on a state two partnerships share live once in the shared pool and reach exactly those."""
        ds = datasets.bundle()
        measures = {
            m.id for m in ds.sanctions if any(t.country == country and t.actor is None for t in m.targets)
        }
        assert measures
        assert all(not measures & {m.id for m in p.sanctions} for p in ds.partnerships)
        for name, p in loaded.items():
            folded = measures & {m.id for m in p.sanctions}
            assert folded == (measures if name in expected else set()), name

    def test_pdvsa_is_shared(self, loaded: dict[str, bilateral.Partnership]) -> None:
        """PDVSA is a shared actor that both Venezuelan partnerships with PDVSA dealings name."""
        assert "pdvsa" in {a.id for a in datasets.bundle().actors}
        swap = next(i for i in loaded["iran-venezuela"].instruments if i.id == "condensate-crude-swap")
        assert "pdvsa" in swap.participants
        assert "pdvsa" in {a.id for a in loaded["iran-venezuela"].actors}

    def test_records_moved_to_the_shared_pool(self, loaded: dict[str, bilateral.Partnership]) -> None:
        """Records a second partnership now needs moved to the shared pool, ids unchanged, and are used by both."""
        ds = datasets.bundle()
        assert {"russia-islworld-2025-05-13", "moscowtimes-2025-05-07"} <= {s.id for s in ds.sources}
        assert {"putin", "state-duma", "federation-council"} <= {a.id for a in ds.actors}
        for name in ("russia-venezuela", "russia-iran"):
            assert "russia-islworld-2025-05-13" in {c.source for _, c in _citations(_own(name))}, name
        chains = {
            name: {m.actor for i in _own(name).instruments for m in i.milestones}
            for name in ("russia-venezuela", "russia-north-korea", "russia-cuba")
        }
        for name, actors in chains.items():
            assert {"putin", "state-duma", "federation-council"} <= actors, name


class TestAnswers:
    def test_north_korea_treaty(self, loaded: dict[str, bilateral.Partnership]) -> None:
        """The 2024 treaty: signed 19 June (18 June per a weak mirror, attributed), in force 4 December 2024."""
        p = loaded["russia-north-korea"]
        treaty = p.instrument("comprehensive-strategic-partnership-treaty-2024")
        assert treaty.kind is bilateral.InstrumentKind.TREATY
        assert treaty.in_force == bilateral.PartialDate.parse("2024-12-04")
        assert treaty.signed == bilateral.PartialDate.parse("2024-06-19")
        (alternative,) = treaty.alternatives
        assert (alternative.field, alternative.value) == ("signed", bilateral.PartialDate.parse("2024-06-18"))
        assert all(p.source(c.source).weak for c in alternative.citations)
        assert bilateral.CooperationArea.DEFENCE in treaty.areas  # Article 4, mutual military assistance
        active = [
            bilateral.as_of(p, day).state(treaty.id).active
            for day in (dt.date(2024, 12, 3), dt.date(2024, 12, 4))
        ]
        assert active == [False, True]
        assert p.instrument("friendship-treaty-2000").signed == bilateral.PartialDate.parse("2000-02-09")

    def test_iran_treaty(self, loaded: dict[str, bilateral.Partnership]) -> None:
        """The 2025 treaty is in force from 2 October 2025; July 2025 stands beside it, attributed."""
        p = loaded["russia-iran"]
        (conflict,) = [
            c for c in bilateral.conflicts(p) if c.id == "comprehensive-strategic-partnership-treaty-2025"
        ]
        assert (conflict.id, conflict.field, conflict.value) == (
            "comprehensive-strategic-partnership-treaty-2025",
            "in_force",
            bilateral.PartialDate.parse("2025-10-02"),
        )
        assert [(a.value, [c.source for c in a.citations]) for a in conflict.alternatives] == [
            (bilateral.PartialDate.parse("2025-07"), ["intellinews-2025-07"])
        ]
        treaty = p.instrument(conflict.id)
        assert treaty is conflict.record
        assert treaty.signed == bilateral.PartialDate.parse("2025-01-17")

    def test_cuba_remaining_debt(self, loaded: dict[str, bilateral.Partnership]) -> None:
        """About $3.5bn is left after the 90% write-off, with Reuters' $3.2bn as an alternative; 10 years, 2014-2024."""
        debt = next(d for d in loaded["russia-cuba"].debts if d.id == "soviet-debt-write-off-2014")
        assert debt.kind is bilateral.DebtKind.FORGIVENESS
        assert debt.remaining == bilateral.Money(Decimal("3500000000"), "USD", bilateral.Qualifier.ABOUT)
        (alternative,) = [a for a in debt.alternatives if a.field == "remaining"]
        assert alternative.value == bilateral.Money(Decimal("3200000000"), "USD", bilateral.Qualifier.ABOUT)
        assert [c.source for c in alternative.citations] == ["stabroek-reuters-2013-12-10"]
        assert (debt.term_years, str(debt.first_payment), str(debt.final_payment)) == (
            Decimal("10"),
            "2014-10-25",
            "2024-04-25",
        )

    def test_north_korea_shells_keep_the_hedge(self, loaded: dict[str, bilateral.Partnership]) -> None:
        """Seoul's August 2024 estimate is "up to" 6 million shells (at_most), as the notes say, not "about"."""
        transfers = loaded["russia-north-korea"].instrument("artillery-ammunition-transfers")
        (seoul,) = [m for m in transfers.milestones if str(m.date) == "2024-08"]
        assert [(q.value, q.qualifier) for q in seoul.quantities] == [
            (Decimal("6000000"), bilateral.Qualifier.AT_MOST)
        ]
        assert "over 6 million" in seoul.description  # the headline's hedge, kept beside it
        assert transfers.notes is not None
        assert "over 6 million" in transfers.notes

    def test_china_venezuela_statement_is_signed(self, loaded: dict[str, bilateral.Partnership]) -> None:
        """The all-weather strategic partnership is a joint statement announced and signed, not in force."""
        statement = loaded["china-venezuela"].instrument("all-weather-strategic-partnership-2023")
        assert statement.status is bilateral.Status.SIGNED
        assert statement.in_force is None
        assert str(statement.signed) == "2023-09-13"

    def test_iran_venezuela_plan(self, loaded: dict[str, bilateral.Partnership]) -> None:
        """The twenty-year cooperation plan was signed on 11 June 2022."""
        plan = loaded["iran-venezuela"].instrument("cooperation-plan-2022")
        assert plan.signed == bilateral.PartialDate.parse("2022-06-11")
        assert bilateral.CooperationArea.ENERGY in plan.areas

    def test_flows_have_their_direction(self, loaded: dict[str, bilateral.Partnership]) -> None:
        """Arms flow from Iran and North Korea to Russia; credit from Russia and China; fuel from Iran."""
        flows = {
            (name, i.id): (i.provider, i.recipient)
            for name, p in loaded.items()
            for i in p.instruments
            if i.kind is bilateral.InstrumentKind.ARMS_DELIVERY
            or i.id in ("rasht-astara-loan", "credit-line-2014")
        }
        assert flows[("russia-iran", "iran-drone-transfers")] == ("iran", "russia")
        assert flows[("russia-north-korea", "ballistic-missiles-2024")] == ("north-korea", "russia")
        assert flows[("russia-iran", "rasht-astara-loan")] == ("russia", "iran")
        assert flows[("china-venezuela", "credit-line-2014")] == ("china", "venezuela")

    def test_unverified_claims_are_left_out(self, loaded: dict[str, bilateral.Partnership]) -> None:
        """What §8 lists as unverified is not stated: 2024 Russia-Iran trade, Mir-Shetab stage 3, the signature of
        the Rosneft supply agreement with Cuba, Russia-Cuba trade in dollars for 2023-2024, the Paraguaná contract,
        a single total of Chinese lending or of Venezuela's debt to China."""
        iran = loaded["russia-iran"]
        assert [f for f in iran.trade.figures if str(f.period) == "2024"] == []
        link = iran.instrument("mir-shetab-link")
        assert {m.kind for m in link.milestones} <= {
            bilateral.MilestoneKind.STARTED,
            bilateral.MilestoneKind.ANNOUNCED,
        }
        assert iran.instrument("rasht-astara-railway").status is bilateral.Status.SIGNED
        cuba = loaded["russia-cuba"]
        rosneft = cuba.instrument("rosneft-oil-supply-agreement-2023")
        assert (rosneft.status, rosneft.signed) == (bilateral.Status.ANNOUNCED, None)
        assert not [f for f in cuba.trade.figures if f.period.start and f.period.start.year >= 2023]
        assert cuba.notes is not None
        assert "now sourced by its TWEA renewals (§8.12, §9.7)" in cuba.notes  # §8.9 resolved in §8.12
        china = loaded["china-venezuela"]
        assert china.instrument("loans-for-oil").value is None
        assert all(d.remaining is None for d in china.debts)
        paraguana = loaded["iran-venezuela"].instrument("paraguana-revamp-2023")
        assert (paraguana.status, paraguana.signed) == (bilateral.Status.ANNOUNCED, None)
        (snapback,) = [m for m in iran.sanctions if m.id == "un-iran-snapback-2025"]
        assert snapback.period.start == bilateral.PartialDate.parse("2025-09-27")  # resolved in §8.12
        railway = iran.instrument("rasht-astara-railway")
        assert str(max(m.date.earliest for m in railway.milestones)) == "2025-12-17"  # still not signed


AGREEMENTS = (
    bilateral.InstrumentKind.TREATY,
    bilateral.InstrumentKind.AGREEMENT,
    bilateral.InstrumentKind.MEMORANDUM,
)


# The comparators whose research notes give trade figures or changes. Iran-Venezuela's give none: Raisi's
# "current $3 billion" (June 2023) is "economic and trade cooperation" and may not be trade (§8.13), so
# it is in the partnership's notes, not a trade record.
WITH_TRADE = ("russia-iran", "russia-north-korea", "russia-cuba", "china-venezuela")


class TestDepth:
    @pytest.mark.parametrize("name", list(COMPARATORS))
    def test_trade_agreement_and_confirmed_sanction(
        self, loaded: dict[str, bilateral.Partnership], name: str
    ) -> None:
        """Each comparator has a treaty or agreement and a sanction measure with dated evidence that it
        still applied, and trade records where its notes give trade figures (all but Iran-Venezuela)."""
        p = loaded[name]
        assert bool(p.trade.figures or p.trade.changes) == (name in WITH_TRADE)
        assert any(i.kind in AGREEMENTS for i in p.instruments)
        assert any(m.confirmed for m in p.sanctions)

    def test_iran_venezuela_has_no_trade_figure(self, loaded: dict[str, bilateral.Partnership]) -> None:
        """Raisi's "current $3 billion" may mean cooperation rather than trade (§8.13): in notes, not a figure."""
        p = loaded["iran-venezuela"]
        assert (p.trade.figures, p.trade.changes, p.trade.targets) == ((), (), ())
        assert p.notes is not None
        assert "$3 billion" in p.notes
        assert "$10bn first and then $20bn" in p.notes

    def test_russia_north_korea_covers_what_the_notes_give(
        self, loaded: dict[str, bilateral.Partnership]
    ) -> None:
        """Russia-North Korea: the trade series 2018-2024 with its inconsistent "record", the 2012 debt
        write-off, oil beyond the UN cap, and the US emergency confirmed by its 2025 continuation."""
        p = loaded["russia-north-korea"]
        values = {str(f.period): f.value.amount for f in p.trade.figures if f.value}
        assert values == {
            "2018": Decimal("34000000"),
            "2019": Decimal("47900000"),
            "2020": Decimal("42740000"),
            "2023": Decimal("34400000"),
            "2024": Decimal("34000000"),
        }
        (debt,) = p.debts
        assert (debt.kind, debt.remaining, debt.term_years) == (
            bilateral.DebtKind.FORGIVENESS,
            bilateral.Money(Decimal("1000000000"), "USD", bilateral.Qualifier.ABOUT),
            Decimal("20"),
        )
        oil = p.instrument("russian-refined-oil-supplies")
        assert (oil.provider, oil.recipient) == ("russia", "north-korea")
        emergency = next(m for m in p.sanctions if m.id == "us-dprk-eo-13466")
        assert emergency.last_confirmation is not None
        assert str(emergency.last_confirmation.on) == "2025-06-20"
        state = {s.measure.id: s.in_force for s in bilateral.as_of(p, dt.date(2025, 6, 20)).measures}
        assert state["us-dprk-eo-13466"] is True

    def test_russia_iran_covers_what_the_notes_give(self, loaded: dict[str, bilateral.Partnership]) -> None:
        """Russia-Iran: trade series with its conflicts side by side, energy, payments, arms both ways, and
        the EU's Iran measures (one confirmed by its 2024 renewal)."""
        p = loaded["russia-iran"]
        fields = {(c.id, c.field) for c in bilateral.conflicts(p)}
        assert {
            ("comprehensive-strategic-partnership-treaty-2025", "in_force"),
            ("trade-turnover-2022", "value"),
            ("trade-growth-2025", "value"),
            ("rasht-astara-loan", "value"),
        } <= fields
        growth = next(c for c in p.trade.changes if c.id == "trade-growth-2025")
        assert (growth.value, [a.value for a in growth.alternatives]) == (Decimal("8"), [Decimal("22")])
        kinds = {i.kind for i in p.instruments if bilateral.CooperationArea.ENERGY in i.areas}
        assert {bilateral.InstrumentKind.MEMORANDUM, bilateral.InstrumentKind.CONTRACT} <= kinds
        assert p.instrument("sirik-nuclear-plants-2025").value == bilateral.Money(
            Decimal("25000000000"), "USD"
        )
        assert {i.id for i in p.instruments if i.kind is bilateral.InstrumentKind.PAYMENT_LINK} == {
            "mir-shetab-link",
            "sepam-spfs-link",
        }
        flows = {
            (i.provider, i.recipient) for i in p.instruments if bilateral.CooperationArea.DEFENCE in i.areas
        }
        assert {("iran", "russia"), ("russia", "iran")} <= flows
        measure = next(m for m in p.sanctions if m.id == "eu-iran-military-support-russia")
        assert [(str(c.on), str(c.until)) for c in measure.confirmed] == [("2024-07-15", "2025-07-27")]
        state = {s.measure.id: s.in_force for s in bilateral.as_of(p, dt.date(2025, 1, 1)).measures}
        assert state["eu-iran-military-support-russia"] is True
        assert state["eu-iran-nuclear-2025"] is False

    def test_russia_cuba_covers_what_the_notes_give(self, loaded: dict[str, bilateral.Partnership]) -> None:
        """Russia-Cuba: a trade series with the conflicting 2022 dollar values side by side, three debt
        restructurings, the debt's size in dispute, and the US embargo confirmed by its TWEA renewals."""
        p = loaded["russia-cuba"]
        values = {str(f.period): f.value.amount for f in p.trade.figures if f.value}
        assert values == {
            "2013": Decimal("180000000"),
            "2018?": Decimal("450000000"),  # the notes' 2018; "last year" in a piece of January 2020
            "2021-01/2021-10": Decimal("97900000"),
            "2022": Decimal("452000000"),
        }
        turnover = next(f for f in p.trade.figures if f.id == "trade-turnover-2022")
        assert [(a.value.amount, a.value.currency) for a in turnover.alternatives] == [
            (Decimal("60000000000"), "RUB"),
            (Decimal("834000000"), "USD"),
            (Decimal("730000000"), "USD"),
        ]
        changes = {c.id: (c.value, c.unit) for c in p.trade.changes}
        assert changes["trade-change-2023-01-04"] == (Decimal("9"), bilateral.ChangeUnit.FACTOR)
        assert changes["trade-change-2021-01-10"] == (Decimal("-14.5"), bilateral.ChangeUnit.PERCENT)
        debts = {d.id: d for d in p.debts}
        assert str(debts["export-credit-deferral-2021"].final_payment) == "2027-12-15"
        assert debts["hydrocarbon-credit-rescheduling-2023"].amount == bilateral.Money(
            Decimal("277200000"), "USD"
        )
        write_off = debts["soviet-debt-write-off-2014"]
        assert {a.field: a.value for a in write_off.alternatives}[
            "origin"
        ] == "Cuba's debt to the Soviet Union, $32bn"
        protocols = p.instrument("hydrocarbon-credit-protocols-2023")
        assert [(m.kind, str(m.date)) for m in protocols.milestones] == [
            (bilateral.MilestoneKind.SIGNED, "2023-04-27"),
            (bilateral.MilestoneKind.RATIFIED, "2024-02-21"),
            (bilateral.MilestoneKind.RATIFIED, "2024-03-11"),
        ]
        assert p.instrument("trade-economic-programme-2030").kind is bilateral.InstrumentKind.AGREEMENT
        embargo = next(m for m in p.sanctions if m.id == "us-cuba-embargo")
        assert [(str(c.on), str(c.until)) for c in embargo.confirmed] == [
            ("2022-09-02", "2023-09-14"),
            ("2024-09-13", "2025-09-14"),
            ("2025-08-29", "2026-09-14"),
        ]
        restricted = next(m for m in p.sanctions if m.id == "us-cuba-restricted-list-2025")
        assert [str(a.value) for a in restricted.alternatives] == ["2025-02-06/"]
        state = {s.measure.id: s.in_force for s in bilateral.as_of(p, p.data_as_of).measures}
        assert state["us-cuba-embargo"] is True
        assert [str(a.value) for a in embargo.alternatives] == ["1962-02-07/"]  # Radio Rebelde
        tariffs = next(m for m in p.sanctions if m.id == "us-cuba-oil-tariffs-2026")
        assert tariffs.stage is bilateral.MeasureStage.THREATENED  # as EO 14245 is
        settlement = p.instrument("debt-settlement-agreement-2013")
        assert (str(settlement.signed), [str(a.value) for a in settlement.alternatives]) == (
            "2013-10",
            ["2013-12"],
        )
        kolodkin = next(m for m in p.instrument("russian-oil-supplies").milestones if m.date.year == 2026)
        assert str(kolodkin.date) == "2026-03-08?"  # the day rests on a weak source alone
        assert p.instrument("mir-cuba").status is bilateral.Status.UNKNOWN  # last evidence December 2023
        assert p.instrument("intergovernmental-commission").status is bilateral.Status.UNKNOWN

    def test_china_venezuela_covers_what_the_notes_give(
        self, loaded: dict[str, bilateral.Partnership]
    ) -> None:
        """China-Venezuela: the loan architecture with its sourced amounts and no single total, two grace
        periods, trade with 2011's conflicting figures, oil flows from tanker data, and the measures on China."""
        p = loaded["china-venezuela"]
        loans = {
            i.id: i.value.amount for i in p.instruments if i.kind is bilateral.InstrumentKind.LOAN and i.value
        }
        assert loans == {
            "fccv-tranche-a": Decimal("4000000000"),
            "large-volume-long-term-fund-2010": Decimal("20000000000"),
            "credit-line-2014": Decimal("4000000000"),
            "cdb-loan-2015": Decimal("10000000000"),
            "credit-line-2018": Decimal("5000000000"),
        }
        fund = p.instrument("joint-fund-framework-2007")
        assert (fund.kind, str(fund.signed)) == (bilateral.InstrumentKind.AGREEMENT, "2007-11-06")
        assert [str(m.date) for m in fund.milestones] == ["2007-11-06", "2008-09-18"]
        grace = next(d for d in p.debts if d.id == "cdb-grace-period-2020")
        assert grace.amount == bilateral.Money(Decimal("19000000000"), "USD", bilateral.Qualifier.ABOUT)
        trade = next(f for f in p.trade.figures if f.id == "trade-turnover-2011")
        assert trade.value == bilateral.Money(Decimal("12000000000"), "USD", bilateral.Qualifier.ABOUT)
        assert [a.value for a in trade.alternatives] == [bilateral.Money(Decimal("18000000000"), "USD")]
        quarter = next(f for f in p.trade.figures if f.id == "trade-turnover-2019-q1")
        assert quarter.value == bilateral.Money(Decimal("1973300000"), "USD")
        flows = p.instrument("venezuelan-oil-to-china")
        assert (flows.provider, flows.recipient) == ("venezuela", "china")
        assert {str(m.date): m.quantities[0].value for m in flows.milestones}["2025-05"] == Decimal("584000")
        assert p.instrument("ccrc-production-sharing-2024").value is None  # >$1bn is planned investment
        for record in ("high-level-commission", "caracas-guangzhou-flight"):
            assert p.instrument(record).status is bilateral.Status.UNKNOWN, record  # no evidence after 2024
        own = {m.id: m for m in p.sanctions}
        assert own["us-eo-14245-venezuelan-oil-tariffs"].stage is bilateral.MeasureStage.THREATENED
        assert str(own["us-ceiec-2020"].period.start) == "2020-11-30"
        assert own["eu-venezuela-2017"].last_confirmation is not None
        state = {s.measure.id: s.in_force for s in bilateral.as_of(p, p.data_as_of).measures}
        assert state["eu-venezuela-2017"] is True  # renewed on 15 Dec 2025 until 10 Jan 2027

    def test_iran_venezuela_covers_what_the_notes_give(
        self, loaded: dict[str, bilateral.Partnership]
    ) -> None:
        """Iran-Venezuela: the refinery contracts with the El Palito value in dispute, the swap's phases, the
        count of the 2023 documents in dispute, three seizures, the US designations, and the EU renewals."""
        p = loaded["iran-venezuela"]
        fields = {(c.id, c.field) for c in bilateral.conflicts(p)}
        assert {
            ("el-palito-repair-2022", "value"),
            ("raisi-visit-documents-2023", "quantities"),
            ("sadra-tankers", "quantities"),
        } <= fields
        palito = p.instrument("el-palito-repair-2022")
        assert palito.value == bilateral.Money(Decimal("110000000"), "EUR")
        assert [a.value for a in palito.alternatives] == [bilateral.Money(Decimal("114000000"), "USD")]
        paraguana = p.instrument("paraguana-revamp-2023")
        assert paraguana.value == bilateral.Money(Decimal("460000000"), "EUR")
        swap = p.instrument("condensate-crude-swap")
        # "last month" in a report of about 26 Oct 2021; the notes' October is the alternative
        assert (str(swap.signed), [str(a.value) for a in swap.alternatives]) == ("2021-09", ["2021-10"])
        assert swap.ends is None  # the 2021-2023 run rests on a weak reprint alone
        documents = p.instrument("raisi-visit-documents-2023")
        assert [q.value for q in documents.quantities] == [Decimal("19")]
        assert {str(d.period.start) for d in p.disruptions} == {"2020-08", "2022-06-06", "2025-12-10"}
        assert p.trade.figures == ()  # the "$3 billion" may not be trade (§8.13)
        aircraft = p.instrument("mahan-air-aircraft-to-conviasa")
        assert [m.kind for m in aircraft.milestones] == [
            bilateral.MilestoneKind.DELIVERED,
            bilateral.MilestoneKind.OTHER,  # the A340's first flight, not its delivery
        ]
        (drones,) = p.instrument("mohajer-drones").milestones
        assert drones.kind is bilateral.MilestoneKind.OTHER  # coordinated deliveries, not EANSA's start
        gold = p.source("laprensa-bloomberg-2020")
        assert (gold.publisher, gold.kind) == ("La Prensa (Panamá)", bilateral.SourceKind.INDEPENDENT_MEDIA)
        own = {m.id for m in _own("iran-venezuela").sanctions}
        assert own == {
            "us-conviasa-2020",
            "us-mahan-air-2011",
            "bis-mahan-air-2008",
            "bis-emtrasur-tdo-2022",
            "us-eansa-2025",
        }
        state = {s.measure.id: s.in_force for s in bilateral.as_of(p, p.data_as_of).measures}
        assert state["eu-venezuela-2017"] is True
        assert state["us-eansa-2025"] is True


def _cells(comparison: bilateral.Comparison) -> dict[str, tuple[Any, ...]]:
    return {row.area.value: row.cells for row in comparison.areas}


@pytest.fixture(scope="module")
def russian() -> bilateral.Comparison:
    """Russia's four partnerships side by side."""
    return bilateral.compare(*[datasets.load(n) for n in RUSSIAN])


@pytest.fixture(scope="module")
def venezuelan() -> bilateral.Comparison:
    """Venezuela's three partnerships side by side."""
    return bilateral.compare(*[datasets.load(n) for n in VENEZUELAN])


class TestComparisons:
    def test_russian_treaties(self, russian: bilateral.Comparison) -> None:
        """Venezuela, Iran and North Korea have a strategic-partnership treaty with Russia; Cuba's notes give
        none, only the intergovernmental commission."""
        diplomacy = _cells(russian)["diplomacy"]
        has_treaty = [bilateral.InstrumentKind.TREATY in cell.kinds for cell in diplomacy]
        assert has_treaty == [True, True, True, False]
        assert diplomacy[3].kinds == (bilateral.InstrumentKind.COORDINATION_FORUM,)

    def test_russian_payment_links(self, russian: bilateral.Comparison) -> None:
        """Mir links Russia with Venezuela, Iran and Cuba (Cuba's "unknown": its last evidence is of 2023); North
        Korea has none in the notes."""
        finance = _cells(russian)["finance"]
        assert [bilateral.InstrumentKind.PAYMENT_LINK in cell.kinds for cell in finance] == [
            True,
            True,
            False,
            True,
        ]
        mir = next(a for a in russian.shared_actors if a.actor == "mir")
        assert mir.partnerships == (True, True, False, True)

    def test_russian_defence(self, russian: bilateral.Comparison) -> None:
        """Arms flow to Russia from Iran and North Korea; North Korea's treaty adds mutual military assistance;
        Cuba's one defence record is the Northern Fleet's visit to Havana."""
        defence = _cells(russian)["defence"]
        assert [cell.instruments for cell in defence] == [13, 4, 4, 1]
        assert defence[3].kinds == (bilateral.InstrumentKind.PROGRAMME,)
        assert bilateral.InstrumentKind.ARMS_DELIVERY in defence[1].kinds
        assert {bilateral.InstrumentKind.TREATY, bilateral.InstrumentKind.ARMS_DELIVERY} <= set(
            defence[2].kinds
        )
        assert defence[2].active == 2  # the treaty and the ammunition transfers
        assert _cells(russian)["science_technology"][2].instruments == 1  # only the DPRK treaty names it

    def test_russian_debt_and_exposure(self, russian: bilateral.Comparison) -> None:
        """Debt relief is Venezuela's, North Korea's and Cuba's; the EU's measures on Russia reach every
        Russian partnership, and Russia-Cuba also has the US embargo, in force by its 2025 renewal;
        North Korea's oil, payment channel and trade forum meet the measures on it.

        The T-72 deliveries, completed in 2012, are not exposed to the EU's arms embargo of 2017."""
        assert [len(p.debts) for p in russian.partnerships] == [3, 0, 1, 3]
        exposure = [(cell.measures, cell.exposed, cell.instruments) for cell in russian.exposure]
        # The EU measures on Venezuela are in force by their renewal of 15 Dec 2025; the T-72s ended in 2012.
        assert exposure == [(4, 22, 32), (3, 13, 15), (3, 3, 13), (4, 11, 13)]
        korean = {(h.instrument.id, h.measure.id) for h in bilateral.exposure(russian.partnerships[2]).hits}
        assert ("dprk-russia-payment-channel", "us-dprk-russia-payments-2024") in korean
        hits = bilateral.exposure(russian.partnerships[0]).hits
        assert not [
            h for h in hits if h.instrument.id == "t72-deliveries" and h.measure.id == "eu-venezuela-2017"
        ]

    def test_venezuelan_energy_and_finance(self, venezuelan: bilateral.Comparison) -> None:
        """Energy links all three; China lends (the fund and the loans repaid in oil, all "not known" on the
        data date), Iran ships fuel, repairs a refinery and swaps condensate."""
        cells = _cells(venezuelan)
        assert all(cell.instruments for cell in cells["energy"])
        assert cells["finance"][1].kinds == (
            bilateral.InstrumentKind.AGREEMENT,
            bilateral.InstrumentKind.LOAN,
        )
        assert (cells["finance"][1].instruments, cells["finance"][1].not_known) == (7, 7)
        assert {bilateral.InstrumentKind.SUPPLY, bilateral.InstrumentKind.CONTRACT} <= set(
            cells["energy"][2].kinds
        )
        assert [cell.instruments for cell in cells["diplomacy"]] == [7, 3, 2]

    def test_venezuelan_exposure(self, venezuelan: bilateral.Comparison) -> None:
        """Most instruments of each pair run into a sanction; PDVSA, in all three, links the swap to the measures on it."""
        exposure = [(cell.exposed, cell.instruments) for cell in venezuelan.exposure]
        assert exposure == [(22, 32), (12, 16), (12, 13)]
        pdvsa = next(a for a in venezuelan.shared_actors if a.actor == "pdvsa")
        assert pdvsa.partnerships == (True, True, True)
        found = bilateral.exposure(venezuelan.partnerships[2])
        via_pdvsa = {
            h.measure.id
            for h in found.hits
            if h.instrument.id == "condensate-crude-swap" and h.through == "pdvsa"
        }
        assert via_pdvsa == {"us-eo-13808", "us-pdvsa-2019", "us-eo-13884"}
