"""The bundled reference dataset (Russia–Venezuela): sourcing, coverage of the article, real answers.

The article and the research notes live in ../shared/sources beside the repository; the tests
that read them skip, with the reason, when they are not there.
"""

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

import bilateral
from bilateral import datasets
from bilateral.render import tables
from tests.dataset_checks import ARTICLE, ARTICLE_ID, NOTES, read_source
from tests.dataset_checks import citations as _citations
from tests.dataset_checks import nodes as _nodes

NAME = "russia-venezuela"
DOCS = Path(__file__).resolve().parents[1] / "docs" / "reference-dataset.md"
NUMBERS = (
    "no",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
)


@pytest.fixture(scope="module")
def article() -> str:
    """The reference article's text."""
    return read_source(ARTICLE)


@pytest.fixture(scope="module")
def notes() -> str:
    """The research notes' text."""
    return read_source(NOTES)


@pytest.fixture(scope="module")
def partnership() -> bilateral.Partnership:
    return datasets.load(NAME)


def _ids(p: bilateral.Partnership) -> set[str]:
    """The ids of every record a coverage entry may name."""
    records: tuple[Any, ...] = (
        *p.instruments,
        *p.trade.figures,
        *p.trade.changes,
        *p.trade.targets,
        *p.debts,
        *p.disruptions,
        *p.sanctions,
        *p.actors,
    )
    return {r.id for r in records}


def _record(p: bilateral.Partnership, record_id: str) -> Any:
    """The record with this id, wherever it sits in the partnership."""
    for path, node in _nodes(p):
        if attrs.has(type(node)) and getattr(node, "id", None) == record_id and path != "$":
            return node
    raise LookupError(record_id)


class TestBundle:
    def test_names_include_the_reference(self) -> None:
        """The bundled names include russia-venezuela."""
        assert NAME in datasets.names()

    def test_load_gives_the_pair(self, partnership: bilateral.Partnership) -> None:
        """load returns a Partnership between Russia and Venezuela."""
        assert isinstance(partnership, bilateral.Partnership)
        assert partnership.parties == ("RUS", "VEN")

    @pytest.mark.parametrize("fmt", ["json", "toml", "yaml"])
    def test_round_trip(self, fmt: str) -> None:
        """The bundled data reads back equal from JSON, TOML and YAML."""
        ds = datasets.bundle()
        assert bilateral.loads(bilateral.dumps(ds, fmt), fmt) == ds

    def test_valid(self) -> None:
        """The bundled data breaks no dataset-wide rule."""
        assert bilateral.validate(datasets.bundle()) == []

    def test_shared_pools(self) -> None:
        """The states, Mir, PDVSA and every sanction measure sit in the shared pools, each on a bundled party."""
        ds = datasets.bundle()
        shared = {a.id for a in ds.actors}
        assert {"russia", "venezuela", "mir", "pdvsa"} <= shared
        assert ds.partnerships[0].sanctions == ()
        assert ds.sanctions
        actors = {a.id: a for a in ds.actors}

        def countries(actor_id: str | None) -> set[str | None]:
            """The country of an actor and of the actors that own it."""
            found: set[str | None] = set()
            while actor_id is not None:
                found.add(actors[actor_id].country)
                actor_id = actors[actor_id].parent
            return found

        parties = {c for p in ds.partnerships for c in p.parties}
        for measure in ds.sanctions:
            targeted = {t.country for t in measure.targets}
            for target in measure.targets:
                targeted |= countries(target.actor)
            assert targeted & parties, f"{measure.id} targets no bundled party nor their entities"

    def test_data_as_of_is_the_latest_event(self, partnership: bilateral.Partnership) -> None:
        """data_as_of is the day of the latest dated event encoded, and no event comes after it."""
        dates: list[bilateral.PartialDate] = []
        for _, node in _nodes(partnership):
            if isinstance(node, bilateral.Milestone):
                dates.append(node.date)
            elif isinstance(node, bilateral.Instrument):
                dates += [d for d in (node.announced, node.signed) if d is not None]
            elif isinstance(node, (bilateral.Disruption, bilateral.SanctionMeasure)) and node.period.start:
                dates.append(node.period.start)
        assert max(d.earliest for d in dates) == partnership.data_as_of == dt.date(2026, 1, 6)


class TestSourcing:
    """Checks of this dataset's own sources. The checks every bundled dataset must pass (every
    record cites, citations resolve, nothing rests on weak sources alone, every source is cited,
    weak flags follow the notes) run over all six in tests/test_bundled_datasets.py."""

    def test_article_excerpts_are_verbatim(self, partnership: bilateral.Partnership, article: str) -> None:
        """Every excerpt quoted from the article appears in it word for word."""
        quoted = [(path, c.excerpt) for path, c in _citations(partnership) if c.source == ARTICLE_ID]
        assert quoted
        assert [(path, e) for path, e in quoted if e is not None and e not in article] == []

    def test_other_excerpts_are_verbatim_in_the_notes(
        self, partnership: bilateral.Partnership, notes: str
    ) -> None:
        """Every excerpt quoted from another source appears word for word in the research notes."""
        quoted = [
            (path, c.excerpt) for path, c in _citations(partnership) if c.source != ARTICLE_ID and c.excerpt
        ]
        assert quoted
        assert [(path, e) for path, e in quoted if e not in notes] == []

    def test_article_source(self, partnership: bilateral.Partnership) -> None:
        """The article is RT state media republished by PressBee, dated January 2026 as an estimate."""
        source = partnership.source(ARTICLE_ID)
        assert (source.kind, source.publisher, source.republisher) == (
            bilateral.SourceKind.STATE_MEDIA,
            "RT",
            "PressBee",
        )
        assert source.published == bilateral.PartialDate.parse("2026-01~")
        assert source.notes is not None
        assert "last year" in source.notes
        assert not source.weak

    @pytest.mark.parametrize(
        "record_id",
        [
            "trade-turnover-2024",
            "trade-growth-2018-2024",
            "evrofinance-correspondent-accounts",
            "ak103-local-assembly",
        ],
    )
    def test_unverified_claims_rest_on_the_article_alone(
        self, partnership: bilateral.Partnership, record_id: str
    ) -> None:
        """The article's unverified claims cite the article alone and say they are unverified."""
        record = _record(partnership, record_id)
        assert {c.source for c in record.citations} == {ARTICLE_ID}
        assert "UNVERIFIED" in record.notes

    def test_temporary_is_the_articles_alone(self, partnership: bilateral.Partnership) -> None:
        """'Played down as temporary by both sides' is an unverified alternative cited to the article."""
        disruption = _record(partnership, "russian-tourism-2025")
        assert isinstance(disruption, bilateral.Disruption)
        assert disruption.stance is bilateral.Stance.PLAYED_DOWN
        assert disruption.stance_by == ("russia-transport-ministry",)
        (alternative,) = disruption.alternatives
        assert alternative.field == "stance_by"
        assert {c.source for c in alternative.citations} == {ARTICLE_ID}
        assert alternative.note is not None
        assert "UNVERIFIED" in alternative.note


# The article's factual sentences, verbatim, each with the ids of the records that encode it.
COVERAGE: dict[str, tuple[str, ...]] = {
    "Deepening cooperation across several sectors has brought the two countries closer as allies": (
        "strategic-partnership-treaty-2025",
    ),
    "Russia and Venezuela have strengthened cooperation in areas including energy, defense, and trade in "
    "recent years, as both countries have faced prolonged Western sanctions.": (
        "strategic-partnership-treaty-2025",
        "us-eo-13692",
        "us-eo-13808",
        "eu-venezuela-2017",
        "us-eo-13850",
        "us-pdvsa-2019",
        "us-eo-13884",
        "us-evrofinance-2019",
        "us-rosneft-trading-2020",
        "us-tnk-trading-2020",
        "eu-russia-2014-individual",
        "eu-russia-2014-sectoral",
        "eu-russia-2022-expansion",
        "us-rosneft-lukoil-2025",
        "uk-rosneft-lukoil-2025",
    ),
    "Caracas has become one of Moscow’s most vocal supporters over the Ukraine conflict, expanding "
    "diplomatic and economic ties while opposing measures imposed by the US and its allies.": (
        "venezuela-support-russia",
    ),
    "The Kremlin recently reaffirmed its backing for Venezuela amid renewed American pressure on the "
    "South American country.": ("russia-backing-venezuela",),
    "As major oil exporters, Russia and Venezuela coordinate closely on global energy issues, including "
    "within OPEC+.": ("opec-plus",),
    "Energy cooperation has expanded in recent years through joint ventures and long-term agreements.": (
        "rzn-pdvsa-joint-ventures",
        "jv-extension-2025",
        "strategic-partnership-treaty-2025",
    ),
    "Last year, Caracas approved a 15-year extension of oil projects between state firm PDVSA and Russia’s "
    "Roszarubezhneft, keeping operations at the Boqueron and Perija fields running through 2041.": (
        "jv-extension-2025",
    ),
    "A strategic partnership treaty signed in May 2025 further commits the two sides to cooperation in oil "
    "and gas exploration, boosting output at existing fields and expanding crude trading.": (
        "strategic-partnership-treaty-2025",
    ),
    "Venezuelan officials have also said Caracas plans to pursue new projects with Russia’s Gazprom.": (
        "gazprom-gas-projects",
    ),
    "The deepening ties reflect shared efforts to stabilize energy markets while countering Western "
    "sanctions.": ("opec-plus",),
    "Russia has long been a key defense partner for Venezuela, supplying a broad range of military hardware "
    "and technical support.": (
        "su30mk2-order-2006",
        "helicopters-contract-2005",
        "helicopter-deliveries",
        "arms-loan-2009",
        "t72-deliveries",
        "armoured-vehicles-deliveries",
        "air-defence-deliveries",
        "maintenance-service-facilities",
    ),
    "Venezuelan forces operate Russian-made Su-30MK2 fighter jets, Mi-17, Mi-35 and Mi-26 helicopters, as "
    "well as T-72 tanks and other armoured vehicles delivered under earlier agreements.": (
        "su30mk2-order-2006",
        "helicopters-contract-2005",
        "helicopter-deliveries",
        "t72-deliveries",
        "armoured-vehicles-deliveries",
    ),
    "Caracas has also acquired air defense systems, including medium- and long-range platforms.": (
        "air-defence-deliveries",
    ),
    "Cooperation extends beyond arms deliveries to maintenance and service facilities for Russian "
    "equipment, as well as defense-industrial projects.": (
        "maintenance-service-facilities",
        "su30mk2-service-life-2015",
        "ak103-licence-2006",
    ),
    "This includes plans to locally assemble Kalashnikov small arms, such as AK-103 assault rifles and "
    "ammunition, at facilities in Venezuela.": ("ak103-local-assembly", "ak103-licence-2006"),
    "Economic ties between Russia and Venezuela have grown steadily in recent years, with bilateral trade "
    "reaching about $200 million in 2024, up roughly 54% from 2018 despite sanctions and financial "
    "constraints.": ("trade-turnover-2024", "trade-growth-2018-2024"),
    "Moscow has said it aims to double turnover to around $400 million by 2030 and rank Venezuela among "
    "its top trading partners in Latin America.": ("trade-target-2030", "intergovernmental-commission"),
    "Venezuelan shipments to Russia have risen sharply, with imports of cocoa, coffee, and seafood tripling "
    "in 2025.": ("ven-exports-tripled-2025",),
    "Russia, in turn, supplies fertilizers, wheat, vegetable oils, medicines, and other industrial and "
    "consumer goods, while dozens of Russian companies have expressed interest in expanding deliveries.": (
        "russian-supplies",
    ),
    "Financial links have also widened.": ("mir-venezuela", "evrofinance-mosnarbank"),
    "Since August 2023, Venezuela has gradually adopted Russia’s Mir payment system, while the joint bank "
    "Evrofinance Mosnarbank has set up correspondent accounts with major state lenders, allowing companies "
    "to settle trade in national currencies.": (
        "mir-venezuela",
        "mir",
        "evrofinance-mosnarbank",
        "evrofinance-correspondent-accounts",
    ),
    "Cooperation also spans education, culture, and parliamentary exchanges, supported by visa-free travel "
    "and academic programs.": (
        "education-culture-parliamentary-exchanges",
        "visa-free-agreement-2008",
        "state-scholarships",
    ),
    "Cultural ties include joint festivals, film weeks, and ballet and classical music tours, while a "
    "growing number of Venezuelan students are studying at Russian universities on state-funded "
    "scholarships.": ("cultural-events", "state-scholarships"),
    "Venezuela’s debt to Russia, largely stemming from earlier arms purchases, has been handled through "
    "restructuring deals that eased repayment and supported broader bilateral relations.": (
        "state-credit-2011",
        "debt-restructuring-2016",
        "debt-restructuring-2017",
        "debt-restructuring-2018",
    ),
    "Security concerns in 2025 also caused short-term disruptions to tourism and air travel, briefly "
    "affecting logistics and exchanges, though officials on both sides have played down the impact as "
    "temporary.": ("airline-suspensions-2025", "russian-tourism-2025", "nordwind-moscow-margarita"),
}

# What is not a claim of the article: its "Read more" headlines (run into the next sentence in the
# copy), its section headings, and PressBee's closing boilerplate (lines that start so).
READ_MORE = (
    "Read more Venezuela extends Russian oil ventures",
    "Read more Russia has withstood sanctions – Maduro",
    "Read more Venezuela unveils Victory Day monument",
)
HEADINGS = (
    "Extensive energy cooperation",
    "Long-standing defense and military-technical ties",
    "Growing trade and economic cooperation",
    "Cultural and humanitarian links",
    "Challenges",
)
BOILERPLATE = (
    "Hence then, the article about oil arms and longstanding ties",
    "Read More Details",
    "Finally We wish PressBee provided you",
    "Also on site :",
)


def body_sentences(text: str) -> list[str]:
    """The sentences of the article's body, without headlines, headings and boilerplate."""
    sentences: list[str] = []
    for raw in text.splitlines():
        line = raw.strip()
        for headline in READ_MORE:
            line = line.removeprefix(headline)
        if not line or line in HEADINGS or line.startswith(BOILERPLATE):
            continue
        sentences += re.split(r"(?<=[.!?])\s+(?=[A-Z])", line)
    return sentences


class TestCoverage:
    def test_sentences_are_verbatim(self, article: str) -> None:
        """Every sentence in the coverage list appears in the article word for word."""
        assert [s for s in COVERAGE if s not in article] == []

    def test_exclusions_are_in_the_article(self, article: str) -> None:
        """Everything the coverage leaves out is in the article (the list does not rot)."""
        lines = [line.strip() for line in article.splitlines()]
        assert all(h in article for h in READ_MORE)
        assert all(h in lines or any(line.endswith(h) for line in lines) for h in HEADINGS)
        assert all(any(line.startswith(b) for line in lines) for b in BOILERPLATE)

    def test_mapped_ids_exist(self, partnership: bilateral.Partnership) -> None:
        """Every record id the coverage names is in the dataset."""
        ids = _ids(partnership)
        assert sorted({i for mapped in COVERAGE.values() for i in mapped} - ids) == []

    def test_every_sentence_is_encoded(self, article: str) -> None:
        """Every sentence of the article's body is in the coverage list, so none goes unrecorded."""
        sentences = body_sentences(article)
        assert len(sentences) == len(COVERAGE)
        assert [s for s in sentences if s not in COVERAGE] == []

    def test_each_sentence_has_a_record_citing_the_article(self, partnership: bilateral.Partnership) -> None:
        """For every sentence, at least one of its records cites the article."""

        def cites_article(record_id: str) -> bool:
            record = _record(partnership, record_id)
            return any(c.source == ARTICLE_ID for _, c in _citations(record))

        assert [s for s, ids in COVERAGE.items() if not any(cites_article(i) for i in ids)] == []


class TestAnswers:
    def test_treaty_signed(self, partnership: bilateral.Partnership) -> None:
        """The strategic partnership treaty was signed on 7 May 2025 and ratified by both sides."""
        treaty = partnership.instrument("strategic-partnership-treaty-2025")
        assert treaty.kind is bilateral.InstrumentKind.TREATY
        assert treaty.signed == bilateral.PartialDate.parse("2025-05-07")
        ratified = {
            (m.date.edtf(), m.actor) for m in treaty.milestones if m.kind is bilateral.MilestoneKind.RATIFIED
        }
        assert ratified == {
            ("2025-09-30", "venezuela-national-assembly"),
            ("2025-10-21", "state-duma"),
            ("2025-10-27", "putin"),
        }
        assert treaty.in_force is None  # the formal entry into force is unverified
        assert treaty.status is bilateral.Status.UNKNOWN  # ratified by both, in force not known
        active = [
            bilateral.as_of(partnership, day).state(treaty.id).active
            for day in (dt.date(2025, 10, 26), dt.date(2025, 12, 1), partnership.data_as_of)
        ]
        assert active == [False, None, None]  # not before Russia's ratification; not known after

    def test_jv_extension_runs_to_2041(self, partnership: bilateral.Partnership) -> None:
        """The joint-venture extension, approved on 20 Nov 2025, runs to 2041 with about $616m; 2026 is
        the planned start of production, not an entry into force, so it is in the notes only."""
        extension = partnership.instrument("jv-extension-2025")
        assert extension.kind is bilateral.InstrumentKind.LICENCE_EXTENSION
        assert extension.ends == bilateral.PartialDate.parse("2041")
        assert extension.in_force is None
        assert extension.status is bilateral.Status.RATIFIED
        assert extension.notes is not None
        assert "planned start of production" in extension.notes
        assert extension.value == bilateral.Money(Decimal("616000000"), "USD", bilateral.Qualifier.ABOUT)
        approved = [m for m in extension.milestones if m.kind is bilateral.MilestoneKind.APPROVED]
        assert [m.date.edtf() for m in approved] == ["2025-11-20"]

    def test_2017_restructuring(self, partnership: bilateral.Partnership) -> None:
        """The 15 Nov 2017 protocol restructured $3.15bn over 10 years, minimal payments for 6."""
        (debt,) = [d for d in partnership.debts if d.agreed == bilateral.PartialDate.parse("2017-11-15")]
        assert debt.amount == bilateral.Money(Decimal("3150000000"), "USD")
        assert debt.term_years == 10
        assert debt.grace_years == 6
        assert (debt.creditor, debt.debtor) == ("russia", "venezuela")

    def test_su30_signing_month_keeps_both_claims(self, partnership: bilateral.Partnership) -> None:
        """The Su-30MK2 order keeps August 2006 and records the weak source's July 2006 beside it."""
        order = partnership.instrument("su30mk2-order-2006")
        assert order.signed == bilateral.PartialDate.parse("2006-08")
        assert order.notes is not None
        assert "August 2006" in order.notes
        assert "17 July 2006" in order.notes
        weak = {s.id for s in partnership.sources if s.weak}
        july = [c for c in order.citations if c.excerpt and "17 July 2006" in c.excerpt]
        assert july
        assert all(c.source in weak for c in july)
        assert any(c.source not in weak for c in order.citations)
        (alternative,) = order.alternatives
        assert (alternative.field, alternative.value) == ("signed", bilateral.PartialDate.parse("2006-07-17"))
        assert [c.source for c in alternative.citations] == ["willitflyblog-2017-03-26"]

    def test_trade_growth_metrics_are_not_paired(self, partnership: bilateral.Partnership) -> None:
        """The article's +54% since 2018 has no alternative: Putin's +64% compares 2024 with 2023, a
        different metric, and rests on a weak source alone, so it is in the notes, not a record."""
        change = next(c for c in partnership.trade.changes if c.id == "trade-growth-2018-2024")
        assert change.value == 54
        assert change.alternatives == ()
        assert change.notes is not None
        assert "+64% in 2024 over 2023" in change.notes
        assert all(c.value != 64 for c in partnership.trade.changes)
        assert partnership.source("eseuro-84312").weak

    def test_mir_start_disagreement(self, partnership: bilateral.Partnership) -> None:
        """Mir starts with the first acceptance of cards, July 2023 (uncertain); the June 2023
        connection and the article's August 2023 stand beside it as alternatives."""
        mir = partnership.instrument("mir-venezuela")
        assert mir.in_force == bilateral.PartialDate.parse("2023-07?")
        assert [(a.field, a.value) for a in mir.alternatives] == [
            ("in_force", bilateral.PartialDate.parse("2023-06-15")),
            ("in_force", bilateral.PartialDate.parse("2023-08")),
        ]
        assert {m.date.edtf() for m in mir.milestones} >= {"2023-06-15", "2023-10-01", "2023-11-16"}

    def test_ranges_are_not_cut_to_one_end(self, partnership: bilateral.Partnership) -> None:
        """The EU's expansion of 23-24 Feb 2022 starts in February 2022 (both days within), and the
        airline suspensions start with the first suspension (22 Nov), not the FAA advisory (21 Nov)."""
        expansion = next(m for m in partnership.sanctions if m.id == "eu-russia-2022-expansion")
        start = expansion.period.start
        assert start is not None
        assert (start.earliest, start.latest) == (dt.date(2022, 2, 1), dt.date(2022, 2, 28))
        assert expansion.notes is not None
        assert "23-24 Feb 2022" in expansion.notes
        airlines = _record(partnership, "airline-suspensions-2025")
        assert airlines.period.start == bilateral.PartialDate.parse("2025-11-22")

    def test_victory_day_monument(self, partnership: bilateral.Partnership) -> None:
        """The article's "Read more" item on the Victory Day monument is a record: unveiled 14 May 2025
        (MENAFN), with 13 May (the Venezuelan government site) as an alternative."""
        monument = partnership.instrument("victory-day-monument-2025")
        assert any(
            c.source == ARTICLE_ID and c.excerpt == "Venezuela unveils Victory Day monument"
            for c in monument.citations
        )
        assert monument.in_force == bilateral.PartialDate.parse("2025-05-14")
        (alternative,) = monument.alternatives
        assert (alternative.field, alternative.value) == (
            "in_force",
            bilateral.PartialDate.parse("2025-05-13"),
        )
        assert [c.source for c in alternative.citations] == ["fundalanavial-2025-05"]
        assert partnership.source("fundalanavial-2025-05").kind is bilateral.SourceKind.OFFICIAL

    def test_trade_figures(self, partnership: bilateral.Partnership) -> None:
        """Trade: about $200m in 2024, up about 54% on 2018, aiming at about $400m by 2030."""
        (figure,) = partnership.trade.figures
        assert figure.turnover
        assert figure.value == bilateral.Money(Decimal("200000000"), "USD", bilateral.Qualifier.ABOUT)
        growth = _record(partnership, "trade-growth-2018-2024")
        assert isinstance(growth, bilateral.TradeChange)
        assert (growth.value, growth.unit, growth.qualifier) == (
            Decimal("54"),
            bilateral.ChangeUnit.PERCENT,
            bilateral.Qualifier.ABOUT,
        )
        assert growth.baseline == bilateral.Period.parse("2018")
        (target,) = partnership.trade.targets
        assert target.value == bilateral.Money(Decimal("400000000"), "USD", bilateral.Qualifier.ABOUT)
        assert target.by == bilateral.PartialDate.parse("2030")
        assert target.baseline == figure.id

    def test_imports_tripled_with_direction(self, partnership: bilateral.Partnership) -> None:
        """Venezuela's exports to Russia tripled in 2025; the garbled 2024 claim stays as an alternative."""
        change = _record(partnership, "ven-exports-tripled-2025")
        assert isinstance(change, bilateral.TradeChange)
        assert (change.origin, change.destination, change.unit) == ("VEN", "RUS", bilateral.ChangeUnit.FACTOR)
        assert change.value == 3
        assert {(a.field, a.value) for a in change.alternatives} == {
            ("period", bilateral.Period.parse("2024")),
            ("origin", "RUS"),
        }

    def test_visa_free_agreement(self, partnership: bilateral.Partnership) -> None:
        """The visa-free agreement was signed on 26 Nov 2008 and in force from 6 Mar 2009."""
        visa = partnership.instrument("visa-free-agreement-2008")
        assert (visa.signed.edtf(), visa.in_force.edtf()) == ("2008-11-26", "2009-03-06")  # type: ignore[union-attr]

    def test_sanctions_on_both_parties(self, partnership: bilateral.Partnership) -> None:
        """The folded partnership holds sanctions on Russia and on Venezuela, with dates and legal bases."""
        by_id = {m.id: m for m in partnership.sanctions}
        assert by_id["us-pdvsa-2019"].period.start == bilateral.PartialDate.parse("2019-01-28")
        assert by_id["us-evrofinance-2019"].period.start == bilateral.PartialDate.parse("2019-03-11")
        assert by_id["us-rosneft-lukoil-2025"].legal_basis == "Executive Order 14024"
        countries = {t.country for m in partnership.sanctions for t in m.targets}
        assert {"RUS", "VEN"} <= countries

    def test_after_the_article(self, partnership: bilateral.Partnership) -> None:
        """The 3 Jan 2026 strikes and the 6 Jan 2026 support for Rodríguez rest on wire sources."""
        strikes = _record(partnership, "us-strikes-maduro-capture-2026")
        support = partnership.instrument("russia-support-rodriguez-2026")
        assert isinstance(strikes, bilateral.Disruption)
        assert strikes.period.start == bilateral.PartialDate.parse("2026-01-03")
        assert support.announced == bilateral.PartialDate.parse("2026-01-06")
        kinds = {partnership.source(c.source).kind for c in (*strikes.citations, *support.citations)}
        assert kinds <= {bilateral.SourceKind.WIRE, bilateral.SourceKind.STATE_MEDIA}


class TestSanctionsLastSeenInForce:
    def test_renewals_settle_what_the_periods_leave_open(self, partnership: bilateral.Partnership) -> None:
        """The EU's December 2025 renewal puts its Venezuela measures in force on the data's day; the US
        emergency is last confirmed in March 2025, so it is not known then (research notes §9)."""
        rows = {row[0]: row[-1] for row in tables.sanctions(partnership).rows}
        eu = next(k for k in rows if k.startswith("EU restrictive measures on Venezuela"))
        assert rows[eu].startswith("in force (last confirmed 15 Dec 2025, until 10 Jan 2027)")
        us = next(k for k in rows if k.startswith("EO 13692"))
        assert rows[us].startswith("not known (last confirmed 27 Mar 2025)")
        table = tables.sanctions(partnership)
        cited = dict(zip((row[0] for row in table.rows), table.row_sources, strict=True))
        assert {"kudupinter-efe-2025-12-15", "guacamaya-2025-12-15"} <= set(
            cited[eu]
        )  # the renewal's sources
        state = {s.measure.id: s.in_force for s in bilateral.as_of(partnership, dt.date(2024, 1, 1)).measures}
        assert state["eu-venezuela-2017"] is True  # the Nov 2023 renewal runs to 14 May 2024
        assert state["us-eo-13692"] is True  # continued in 2025, so it applied in 2024
        assert state["us-pdvsa-2019"] is None  # no evidence after the designation


@pytest.fixture(scope="module")
def page() -> str:
    """docs/reference-dataset.md, its prose re-wrapped on one line."""
    return " ".join(DOCS.read_text(encoding="utf-8").split())


class TestDocsCounts:
    """The numbers that docs/reference-dataset.md states in its prose are counted from the data (the
    printed blocks of the page are checked by tests/test_docs.py)."""

    def test_source_counts(self, partnership: bilateral.Partnership, page: str) -> None:
        """The notes' sources and the weak ones are counted as the data has them."""
        others = [s for s in partnership.sources if s.id != ARTICLE_ID]
        weak = [s for s in partnership.sources if s.weak]
        assert f"supply every other source: {len(others)} of them" in page
        assert f"**Weak sources** ({len(weak)}:" in page

    def test_record_counts_in_the_coverage_table(self, partnership: bilateral.Partnership, page: str) -> None:
        """The coverage table's counts of defence instruments, debts, disruptions and sanctions are the data's."""
        defence = [i for i in partnership.instruments if bilateral.CooperationArea.DEFENCE in i.areas]
        assert f"| Defence ({len(defence)} instruments) |" in page
        assert f"| Debt ({len(partnership.debts)} restructurings) |" in page
        assert f"| Disruptions ({len(partnership.disruptions)}) |" in page
        assert f"| Sanctions ({len(partnership.sanctions)}) |" in page

    def test_shortened_addresses(self, page: str) -> None:
        """The sources whose addresses the notes shorten with "…" are counted and named as the bundle has them."""
        ds = datasets.bundle()
        sources = [*ds.sources, *(s for p in ds.partnerships for s in p.sources)]
        shortened = sorted(s.id for s in sources if s.url and "…" in s.url)
        assert f"**{NUMBERS[len(shortened)].capitalize()} source addresses are shortened with" in page
        assert ", ".join(f"`{i}`" for i in shortened[:-1]) + f" and `{shortened[-1]}`" in page

    def test_sputnik_is_state_media(self, page: str) -> None:
        """Every Sputnik source is filed as state media, as the page says."""
        ds = datasets.bundle()
        sources = [*ds.sources, *(s for p in ds.partnerships for s in p.sources)]
        sputnik = [s for s in sources if s.publisher.startswith("Sputnik")]
        assert sputnik
        assert {s.kind for s in sputnik} == {bilateral.SourceKind.STATE_MEDIA}
        assert "`state_media` for RT, Sputnik" in page
