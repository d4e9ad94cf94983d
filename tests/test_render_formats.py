"""Tables in every format parse back: Markdown rows line up, HTML is well formed,
LaTeX has no unescaped specials, CSV round-trips."""

import csv
import io
import re
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import bilateral
from bilateral.render import cells
from bilateral.render.formats import TABLE_FORMATS, escape, fit_latex, table

TEXT = st.text(
    st.characters(exclude_categories=["Cs", "Cc"]) | st.sampled_from("|\n&%$#_{}~^\\<>≈–"), max_size=12
)
TABLES = st.integers(1, 4).flatmap(
    lambda n: st.tuples(
        st.lists(TEXT, min_size=n, max_size=n), st.lists(st.lists(TEXT, min_size=n, max_size=n), max_size=4)
    )
)


class TestParseBack:
    @given(TABLES)
    def test_markdown_rows_line_up(self, data: tuple[list[str], list[list[str]]]) -> None:
        """Every line of a Markdown table has the same number of cell separators."""
        headers, rows = data
        for fmt in ("github", "pipe"):
            lines = table(headers, rows, fmt).split("\n")
            assert len(lines) == len(rows) + 2
            assert len({line.count("|") for line in lines}) == 1
            assert lines[0].count("|") == len(headers) + 1

    @given(TABLES)
    def test_html_is_well_formed(self, data: tuple[list[str], list[list[str]]]) -> None:
        """The HTML parses as XML and holds the cells' text."""
        headers, rows = data
        root = ET.fromstring(table(headers, rows, "html"))
        cells_found = [["".join(td.itertext()) for td in tr] for tr in root.iter("tr")]
        assert cells_found == [[c.replace("\n", "") for c in r] for r in [headers, *rows]]

    @given(TEXT)
    def test_latex_has_no_unescaped_specials(self, text: str) -> None:
        """After removing LaTeX's escapes, no special character is left in a cell."""
        escaped = re.sub(
            r"\\foreignlanguage\{(russian|greek|persian)\}\{((?:\\.|[^{}\\]|\{\})*)\}",
            r"\2",
            escape(text, "latex"),
        )
        bare = re.sub(r"\\ensuremath\{(\\[a-z]+|[<>])\}|\\[A-Za-z]+\{\}|\\[&%$#_{}]", "", escaped)
        assert not re.search(r"[&%$#_{}~^\\]", bare)

    @given(TABLES)
    def test_csv_and_tsv_round_trip(self, data: tuple[list[str], list[list[str]]]) -> None:
        """Reading the CSV or TSV back with the csv module gives the cells."""
        headers, rows = data
        for fmt, delimiter in (("csv", ","), ("tsv", "\t")):
            back = list(csv.reader(io.StringIO(table(headers, rows, fmt), newline=""), delimiter=delimiter))
            assert back == [headers, *rows]

    @pytest.mark.parametrize("fmt", TABLE_FORMATS)
    def test_every_format_keeps_text_as_text(self, fmt: str) -> None:
        """Codes that look like numbers keep their digits; nothing is re-aligned as a number."""
        out = table(["code", "value"], [["004", "1.10"]], fmt)  # type: ignore[arg-type]
        assert "004" in out
        assert "1.10" in out


class TestCells:
    def test_money(self) -> None:
        """Money is written with its hedge and a scale: exact amounts keep every digit."""
        usd = [
            (Decimal("200000000"), bilateral.Qualifier.ABOUT, "≈ $200m"),
            (Decimal("3150000000"), bilateral.Qualifier.EXACT, "$3.15bn"),
            (Decimal("4000000000"), bilateral.Qualifier.AT_MOST, "≤ $4bn"),
            (Decimal("129870130"), bilateral.Qualifier.ABOUT, "≈ $130m"),
            (Decimal("342000000"), bilateral.Qualifier.EXACT, "$342m"),
            (Decimal("480000"), bilateral.Qualifier.EXACT, "$480,000"),
        ]
        assert [cells.money(bilateral.Money(a, "USD", q)) for a, q, _ in usd] == [t for *_, t in usd]
        assert cells.money(bilateral.Money(Decimal("1300000000"), "EUR")) == "€1.3bn"
        assert cells.money(bilateral.Money(Decimal("111000000"), "VES")) == "111m VES"

    def test_dates_and_periods(self) -> None:
        """Partial dates read as people write them, with estimates and doubts marked."""
        dates = ["2025", "2025-05", "2025-05-07", "2023~", "2006-11-30?", "2026-01%"]
        assert [cells.date(bilateral.PartialDate.parse(d)) for d in dates] == [
            "2025",
            "May 2025",
            "7 May 2025",
            "2023 (est.)",
            "30 Nov 2006 (?)",
            "January 2026 (est.?)",
        ]
        periods = ["2026/2041", "2025-11-21/..", "2025-11-21/", "/2024", "2024"]
        assert [cells.period(bilateral.Period.parse(p)) for p in periods] == [
            "2026–2041",
            "since 21 Nov 2025",
            "21 Nov 2025 – ?",
            "?–2024",
            "2024",
        ]

    def test_quantities_statuses_answers(self) -> None:
        """Quantities, statuses and three-valued answers are written out."""
        q = bilateral.Quantity(Decimal(24), "aircraft", item="Su-30MK2")
        assert cells.quantity(q) == "24 aircraft (Su-30MK2)"
        assert cells.quantity(
            bilateral.Quantity(Decimal(100), "ballistic missiles", bilateral.Qualifier.AT_LEAST)
        ) == ("≥ 100 ballistic missiles")
        assert cells.label(bilateral.Status.IN_FORCE) == "in force"
        assert [cells.answer(a) for a in (True, False, None)] == ["yes", "no", "not known"]


_WIDE = re.compile(r"\\dimexpr([0-9.]+)em\+\(\\linewidth-([0-9.]+)em-(\d+)\\tabcolsep\)\*(\d+)/1000\\relax")
_NARROW = re.compile(r"\\dimexpr\(\\linewidth-(\d+)\\tabcolsep\)\*(\d+)/1000\\relax")
_NATURAL = re.compile(r"\\edef\\bilateralcol[A-Z]+\{([0-9.]+)em\}%")


class TestFitLatex:
    @given(TABLES, st.sampled_from(["latex", "latex_booktabs"]))
    def test_columns_share_the_width(self, data: tuple[list[str], list[list[str]]], fmt: str) -> None:
        """Every column is a p column: their fixed parts and their shares of the rest fill the line exactly."""
        headers, rows = data
        text = table(headers, rows, fmt)  # type: ignore[arg-type]
        assert fit_latex(text) == text  # bilateral's tables are fitted already
        columns = _WIDE.findall(text)
        assert len(columns) == len(headers)
        assert text.count(">{\\raggedright\\arraybackslash\\hspace{0pt}}p{\\bilateralcol") == len(headers)
        floors = [float(f) for f, *_ in columns]
        assert all(float(t) == pytest.approx(sum(floors), abs=0.05 * len(floors)) for _, t, _, _ in columns)
        assert {int(gaps) for *_, gaps, _ in columns} == {2 * len(headers)}
        assert sum(int(share) for *_, share in columns) == 1000
        narrow = _NARROW.findall(text)
        assert len(narrow) == len(headers)
        assert sum(int(share) for _, share in narrow) == 1000
        natural = [float(w) for w in _NATURAL.findall(text)]
        assert len(natural) == len(headers)
        assert all(n >= f for n, f in zip(natural, floors, strict=True))  # never narrower than a word
        assert text.count("\\begin{longtable}") == 1
        assert "\\endhead" in text

    def test_long_words_get_room_and_the_rest_is_left_alone(self) -> None:
        """A column of long words gets more fixed room than one of short words; text around a tabular is kept."""
        legacy = "\\begin{tabular}{ll}\n\\toprule\n a & b \\\\\n\\midrule\n x & Kalashnikov Roszarubezhneft \\\\\n\\bottomrule\n\\end{tabular}\nafter"
        fitted = fit_latex(legacy)
        (narrow, *_), (wide, *_) = _WIDE.findall(fitted)
        assert float(wide) > 3 * float(narrow)
        assert fitted.endswith("\\end{longtable}\n}\nafter")
        assert "\\toprule" in fitted
        assert "\\begin{tabular}" not in fitted

    def test_unfitted_tables_still_break_across_pages(self) -> None:
        """fit=False keeps tabulate-like l columns, in a longtable all the same."""
        text = table(["a", "b"], [["x", "y"]], "latex", fit=False)
        assert "\\begin{longtable}{ll}" in text
        assert "\\hline" in text


def test_an_empty_latex_table_has_its_columns() -> None:
    """A LaTeX table with no rows still declares a column per header, and its header repeats."""
    text = table(["instrument", "status"], [], "latex_booktabs", fit=False)
    assert text.splitlines()[1:6] == [
        "\\begin{longtable}{ll}",
        "\\toprule",
        "instrument & status \\\\",
        "\\midrule",
        "\\endfirsthead",
    ]
    assert text.count("instrument & status") == 2


class TestScriptsInLatex:
    def test_a_phrase_in_another_script_is_set_in_its_language_as_one(self) -> None:
        """A Persian phrase with a bracket stays one right-to-left run; Cyrillic takes its guillemets."""
        persian = "قرارداد گازی ایران و روسیه (گازپروم) امضا می\u200cشود"
        assert escape(f"{persian}, 2025", "latex") == f"\\foreignlanguage{{persian}}{{{persian}}}, 2025"
        assert escape("«Роснефть» и PDVSA", "latex") == (
            "\\guillemotleft{}\\foreignlanguage{russian}{Роснефть}\\guillemotright{} "
            "\\foreignlanguage{russian}{и} PDVSA"
        )
        assert escape("Совместное «Петромонагас» (S.A.)", "latex") == (
            "\\foreignlanguage{russian}{Совместное \\guillemotleft{}Петромонагас\\guillemotright{}} (S.A.)"
        )

    def test_an_unclosed_bracket_is_left_outside(self) -> None:
        """A run never ends inside a bracket it opened, nor takes in one it did not open."""
        assert escape("Договор (2008", "latex") == "\\foreignlanguage{russian}{Договор} (2008"
        assert escape("x) Ελλάδα) y", "latex") == "x) \\foreignlanguage{greek}{Ελλάδα}) y"
