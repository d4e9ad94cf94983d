"""Tables of analysis results and whole reports, as a user pastes them."""

import csv
import datetime as dt
import html
import io
import re
import xml.etree.ElementTree as ET
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import attrs
import pytest

import bilateral
from bilateral.render import tables
from bilateral.render.formats import TABLE_FORMATS, escape
from bilateral.render.report import REPORT_FORMATS, report
from tests.conftest import pdflatex


@pytest.fixture(scope="module")
def venezuela() -> bilateral.Partnership:
    return bilateral.datasets.load("russia-venezuela")


def _small() -> bilateral.Partnership:
    sources = (
        bilateral.Source("rt", "What connects Russia and Venezuela", "RT", bilateral.SourceKind.STATE_MEDIA),
        bilateral.Source(
            "tass",
            "Treaty signed",
            "TASS",
            bilateral.SourceKind.WIRE,
            published=bilateral.PartialDate(2025, 5, 7),
        ),
    )
    treaty = bilateral.Instrument(
        "treaty",
        bilateral.InstrumentKind.TREATY,
        "Strategic partnership | treaty",
        (bilateral.CooperationArea.ENERGY,),
        bilateral.Status.SIGNED,
        signed=bilateral.PartialDate(2025, 5),
        citations=(bilateral.Citation("rt"), bilateral.Citation("tass")),
    )
    mir = bilateral.Instrument(
        "mir",
        bilateral.InstrumentKind.PAYMENT_LINK,
        "Mir cards",
        (bilateral.CooperationArea.FINANCE,),
        bilateral.Status.OPERATING,
        in_force=bilateral.PartialDate(2023, 8),
        value=bilateral.Money(Decimal("200000000"), "USD", bilateral.Qualifier.ABOUT),
        citations=(bilateral.Citation("rt"),),
    )
    return bilateral.Partnership(
        "p",
        ("RUS", "VEN"),
        "Russia–Venezuela",
        dt.date(2026, 1, 6),
        sources=sources,
        instruments=(treaty, mir),
    )


class TestInstrumentsTable:
    def test_markdown_with_footnotes(self) -> None:
        """Cells are ours; markers follow the first cell; sources are listed under the table."""
        text = tables.render(tables.instruments(_small()), "github")
        assert text == (
            "| instrument                                        | kind         | areas   | status    | signed   | in force    | ends   | value and quantities   |\n"
            "|---------------------------------------------------|--------------|---------|-----------|----------|-------------|--------|------------------------|\n"
            "| Strategic partnership &#124; treaty<sup>1,2</sup> | treaty       | energy  | signed    | May 2025 |             |        |                        |\n"
            "| Mir cards<sup>1</sup>\\*§                          | payment link | finance | operating |          | August 2023 |        | ≈ $200m                |\n"
            "\n"
            "1. RT, “What connects Russia and Venezuela”, date unknown\n"
            "2. TASS, “Treaty signed”, 7 May 2025\n"
            "\n"
            "\\* rests on a single source; § rests on state-affiliated media alone."
        )

    def test_source_column(self) -> None:
        """With citations as a column, each row names its sources."""
        text = tables.render(tables.instruments(_small()), "csv", "column")
        header, _, row = text.splitlines()[:3]
        assert header.endswith(",sources,marks")  # the marks in a column of their own, not glued on
        assert row.endswith(',"RT, “What connects Russia and Venezuela”, date unknown",*§')

    def test_filters(self, venezuela: bilateral.Partnership) -> None:
        """Filtering by area, status and kind keeps only matching instruments."""
        t = tables.instruments(
            venezuela, area=bilateral.CooperationArea.DEFENCE, kind=bilateral.InstrumentKind.ARMS_ORDER
        )
        kinds = {row[1] for row in t.rows}
        assert kinds == {"arms order"}
        assert all("defence" in row[2] for row in t.rows)

    def test_conflicting_claims_show_both_values(self, venezuela: bilateral.Partnership) -> None:
        """A disputed date shows the record's value and the other claimed, both in words."""
        t = tables.instruments(venezuela, kind=bilateral.InstrumentKind.ARMS_ORDER)
        (row,) = [r for r in t.rows if r[0].startswith("Order for 24 Su-30MK2")]
        assert row[4] == "August 2006 (also claimed: 17 Jul 2006)"

    def test_conflicting_change_is_written_like_the_value(self, venezuela: bilateral.Partnership) -> None:
        """A disputed percentage change shows the other claim with its sign and unit."""
        changes = tuple(
            attrs.evolve(
                c,
                alternatives=(
                    bilateral.AlternativeClaim("value", Decimal("64"), (bilateral.Citation("eseuro-84312"),)),
                ),
            )
            if c.id == "trade-growth-2018-2024"
            else c
            for c in venezuela.trade.changes
        )
        disputed = attrs.evolve(venezuela, trade=attrs.evolve(venezuela.trade, changes=changes))
        t = tables.trade(disputed)
        (row,) = [r for r in t.rows if r[2] == "2018 to 2024"]
        assert row[3] == "≈ +54% (also claimed: +64%)"

    def test_select_keeps_columns_and_sources(self, venezuela: bilateral.Partnership) -> None:
        """select() keeps the named columns in the order named, and each row's sources."""
        full = tables.instruments(venezuela, area=bilateral.CooperationArea.TOURISM)
        narrow = full.select("signed", "instrument")
        assert narrow.headers == ("signed", "instrument")
        assert [r[1] for r in narrow.rows] == [r[0] for r in full.rows]
        assert narrow.row_sources == full.row_sources
        with pytest.raises(KeyError, match="no column 'colour' \\(columns: instrument, kind,"):
            full.select("instrument", "colour")


class TestEveryTableInEveryFormat:
    @pytest.mark.parametrize("fmt", TABLE_FORMATS)
    def test_renders(self, venezuela: bilateral.Partnership, fmt: str) -> None:
        """Every table renders in every format, and Markdown rows line up."""
        built = [
            tables.overview(venezuela),
            tables.areas(venezuela),
            tables.instruments(venezuela),
            tables.trade(venezuela),
            tables.timeline(venezuela),
            tables.debt(venezuela),
            tables.disruptions(venezuela),
            tables.exposure(venezuela),
            tables.conflicts(venezuela),
            tables.sources(venezuela),
            tables.comparison(bilateral.compare(venezuela, bilateral.datasets.load("russia-iran"))),
        ]
        for t in built:
            text = tables.render(t, fmt)  # type: ignore[arg-type]
            assert text
            if fmt in ("github", "pipe"):
                lines = text.split("\n\n")[0].split("\n")
                assert len({line.count("|") - line.count("&#124;") for line in lines}) == 1
            if fmt == "html":
                ET.fromstring("<div>" + text.replace("<br />", "") + "</div>")


class TestReports:
    def test_html_is_a_complete_page(self, venezuela: bilateral.Partnership) -> None:
        """The HTML report is a whole page whose tags all close."""
        page = report([venezuela], "html")
        assert page.startswith("<!DOCTYPE html>")

        class Checker(HTMLParser):
            def __init__(self) -> None:
                super().__init__()
                self.stack: list[str] = []

            def handle_starttag(self, tag: str, attrs: object) -> None:
                if tag not in ("meta", "br"):
                    self.stack.append(tag)

            def handle_endtag(self, tag: str) -> None:
                assert self.stack.pop() == tag

        checker = Checker()
        checker.feed(page)
        assert checker.stack == []
        for heading in ("Key figures", "Instruments", "Trade and targets", "Sanctions exposure", "Sources"):
            assert f">{heading}</h2>" in page

    def test_markdown_comparison(self, venezuela: bilateral.Partnership) -> None:
        """A comparison report starts with the comparison, then each partnership."""
        text = report([venezuela, bilateral.datasets.load("russia-cuba")], "md")
        headings = re.findall(r"^#+ .*$", text, re.M)
        assert headings[:5] == [
            "# Russia–Venezuela · Russia–Cuba",
            "## Comparison",
            "## Russia–Venezuela",
            "### About the data",
            "### Key figures",
        ]

    def test_latex_is_a_complete_document(self, venezuela: bilateral.Partnership, tmp_path: Path) -> None:
        """The LaTeX report is a whole document, and pdflatex compiles it where pdflatex is installed."""
        text = report([venezuela], "latex")
        assert text.startswith("\\documentclass")
        assert text.rstrip().endswith("\\end{document}")
        (tmp_path / "r.tex").write_text(text, encoding="utf-8")
        pdflatex(tmp_path, "r.tex")
        assert (tmp_path / "r.pdf").exists()

    @pytest.mark.parametrize("fmt", REPORT_FORMATS)
    def test_every_report_format(self, venezuela: bilateral.Partnership, fmt: str) -> None:
        """Each format holds the key figures and the numbered source list."""
        text = report([venezuela], fmt)  # type: ignore[arg-type]
        assert "≈ $200m" in text or "\\ensuremath{\\approx} \\$200m" in text


class TestNothingIsShortened:
    @pytest.mark.parametrize("name", bilateral.datasets.names())
    def test_developments_are_whole_in_every_file_format(self, name: str) -> None:
        """Each area's first and latest development is written in full, in CSV, HTML, Markdown and LaTeX."""
        partnership = bilateral.datasets.load(name)
        areas = tables.areas(partnership)
        described = [
            e.description for a in bilateral.summarize(partnership).areas for e in (a.first, a.latest) if e
        ]
        assert described
        csv_cells = "\n".join(c for row in csv.reader(io.StringIO(tables.render(areas, "csv"))) for c in row)
        html_text = tables.render(areas, "html")
        markdown = tables.render(areas, "github")
        latex = tables.render(areas, "latex")
        for description in described:
            assert description in csv_cells
            assert html.escape(description) in html_text
            assert description.replace("|", "&#124;") in markdown
            assert escape(description, "latex") in latex

    def test_the_longest_development_is_not_cut(self) -> None:
        """A development longer than 90 characters (once cut with "…") reaches the CSV whole."""
        partnership = bilateral.datasets.load("russia-cuba")
        cells = [c for row in tables.areas(partnership).rows for c in row[3:5]]
        assert max(len(c) for c in cells) > 90
        assert not any(c.endswith("…") for c in cells)
