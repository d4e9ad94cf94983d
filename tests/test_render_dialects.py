"""The output families: one dialect each, unknown formats refused, CSV for spreadsheets, tables that fit a terminal."""

import collections
import csv
import io
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import bilateral
from bilateral.cli import main
from bilateral.render import formats, tables

NAMES = bilateral.datasets.names()
TERMINAL = ("github", "pipe", "plain", "grid", "rst", "orgtbl")


@pytest.fixture(scope="module")
def loaded() -> dict[str, bilateral.Partnership]:
    return {name: bilateral.datasets.load(name) for name in NAMES}


def _every_table(p: bilateral.Partnership) -> list[tables.Table]:
    return [
        tables.overview(p),
        tables.areas(p),
        tables.instruments(p),
        tables.trade(p),
        tables.debt(p),
        tables.disruptions(p),
        tables.sanctions(p),
        tables.exposure(p),
        tables.conflicts(p),
        tables.evidence(p),
        tables.timeline(p),
        tables.sources(p),
    ]


class TestDialects:
    def test_every_format_has_the_dialect_of_its_family(self) -> None:
        families = {fmt: type(formats.dialect(fmt)).__name__ for fmt in formats.TABLE_FORMATS}
        assert families == {
            "github": "Markdown",
            "pipe": "Markdown",
            "latex": "Latex",
            "latex_booktabs": "Latex",
            "html": "Html",
            "rst": "Text",
            "mediawiki": "Text",
            "orgtbl": "Text",
            "plain": "Text",
            "grid": "Text",
            "csv": "Delimited",
            "tsv": "Delimited",
        }

    def test_an_unknown_format_is_refused_with_the_choices(
        self, loaded: dict[str, bilateral.Partnership]
    ) -> None:
        table = tables.overview(loaded["russia-venezuela"])
        with pytest.raises(ValueError, match=r"^unknown table format") as caught:
            tables.render(table, "markdown")  # type: ignore[arg-type]
        assert str(caught.value) == (
            "unknown table format 'markdown' (choose from github, pipe, latex, latex_booktabs, html, rst, "
            "mediawiki, orgtbl, plain, grid, csv, tsv)"
        )

    def test_an_unknown_citation_mode_is_refused_with_the_choices(
        self, loaded: dict[str, bilateral.Partnership]
    ) -> None:
        table = tables.instruments(loaded["russia-venezuela"])
        with pytest.raises(
            ValueError, match=r"^unknown citations mode 'footnote' \(choose from footnotes, column, none\)$"
        ):
            tables.render(table, "github", "footnote")  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="unknown citations mode 'footnote'"):
            bilateral.render.report.report([loaded["russia-venezuela"]], "md", citations="footnote")  # type: ignore[arg-type]

    def test_an_unknown_report_format_is_refused(self, loaded: dict[str, bilateral.Partnership]) -> None:
        with pytest.raises(
            ValueError, match=r"^unknown report format 'pdf' \(choose from md, html, latex\)$"
        ):
            bilateral.render.report.report([loaded["russia-venezuela"]], "pdf")  # type: ignore[arg-type]

    @pytest.mark.parametrize("fmt", formats.TABLE_FORMATS)
    def test_markers_are_sorted(self, fmt: formats.TableFormat) -> None:
        """Each dialect writes a row's source numbers in order, whatever order they come in."""
        d = formats.dialect(fmt)
        assert d.marker([3, 1, 2], "*", "a") == d.marker([1, 2, 3], "*", "a")
        assert d.marker([3, 1, 2], "", "a").index("1") < d.marker([3, 1, 2], "", "a").index("3")

    def test_latex_sets_straight_double_quotes_as_quotes(self) -> None:
        """Seen in a compiled report: a straight quote came out as a closing quote on both sides."""
        assert formats.escape('the article "Oil, arms" ("x")', "latex") == "the article ``Oil, arms'' (``x'')"


class TestSpreadsheets:
    @pytest.mark.parametrize("name", NAMES)
    @pytest.mark.parametrize("fmt", ["csv", "tsv"])
    def test_one_table_with_its_sources_and_marks_in_columns_of_their_own(
        self, loaded: dict[str, bilateral.Partnership], name: str, fmt: formats.TableFormat
    ) -> None:
        """Every cell whole, the sources a column, the marks another: nothing glued, nothing under the rows."""
        for table in _every_table(loaded[name]):
            text = tables.render(table, fmt)
            rows = list(csv.reader(io.StringIO(text), delimiter="," if fmt == "csv" else "\t"))
            header, body = rows[0], rows[1:]
            assert len(body) == len(table.rows), table.title
            cited = bool(table.row_sources)
            extra = (["sources", "marks"] if table.row_flags else ["sources"]) if cited else []
            assert header == [*table.headers, *extra]
            for row, cells, ids in zip(body, table.rows, table.row_sources or [()] * len(body), strict=True):
                assert row[: len(cells)] == list(cells)  # whole, not cut
                if cited and table.row_flags:
                    assert row[-1] in ("", "*", "§", "*§")
                    assert not row[-2].endswith(("*", "§"))
                    assert row[-1] == ("*" if len(ids) == 1 else "") + row[-1].lstrip("*")

    def test_a_summary_in_csv_asks_which_table(self, capsys: pytest.CaptureFixture[str]) -> None:
        with pytest.raises(SystemExit) as caught:
            main(["summary", "--format", "csv"])
        assert caught.value.code == 2
        assert capsys.readouterr().err.splitlines()[-1] == (
            "bilateral summary: error: a CSV file holds one table and summary has 3: choose one with "
            "--table {overview,areas,sanctions}, or write one file each with -o DIR/"
        )

    def test_one_table_by_name(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["summary", "--format", "csv", "--table", "areas"]) == 0
        rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
        assert rows[0][:2] == ["area", "instruments"]
        assert len(rows) == 1 + len(tables.areas(bilateral.datasets.load("russia-venezuela")).rows)

    @pytest.mark.parametrize(
        ("fmt", "suffix"), [("csv", "csv"), ("tsv", "tsv"), ("latex", "tex"), ("github", "md")]
    )
    def test_one_file_per_table_in_a_folder(self, tmp_path: Path, fmt: str, suffix: str) -> None:
        folder = tmp_path / "summary"
        assert main(["summary", "russia-iran", "--format", fmt, "-o", f"{folder}/"]) == 0
        assert sorted(p.name for p in folder.iterdir()) == [
            f"{n}.{suffix}" for n in ("areas", "overview", "sanctions")
        ]
        p = bilateral.datasets.load("russia-iran")
        expected = tables.render(tables.sanctions(p), fmt)  # type: ignore[arg-type]
        assert (folder / f"sanctions.{suffix}").read_text(encoding="utf-8") == expected + "\n"


def _visible(text: str) -> collections.Counter[str]:
    return collections.Counter(c for c in text if not c.isspace())


class TestTerminal:
    @settings(max_examples=40, deadline=None)
    @given(
        name=st.sampled_from(NAMES),
        which=st.integers(0, 11),
        width=st.integers(40, 160),
    )
    def test_wrapping_keeps_every_character(self, name: str, which: int, width: int) -> None:
        """Wrapped to any width, a plain table and its sources hold the same characters as on one line
        (and the note that says the cells were wrapped)."""
        table = _every_table(bilateral.datasets.load(name))[which]
        wide = tables.render(table, "plain")
        narrow = tables.render(table, "plain", width=width)
        note = f"Cells wrapped to fit {width} columns; --wide shows each on one line."
        said = _visible(note) if "Cells wrapped" in narrow else collections.Counter()
        assert _visible(narrow) == _visible(wide) + said

    @pytest.mark.parametrize("name", NAMES)
    @pytest.mark.parametrize("fmt", TERMINAL)
    def test_a_summary_fits_100_columns(
        self, capsys: pytest.CaptureFixture[str], name: str, fmt: str
    ) -> None:
        """Every line fits, but a line that is one unbreakable word (an address) or a row widened by a
        footnote marker that cannot break; a note says the cells were wrapped."""
        assert main(["summary", name, "--format", fmt, "--width", "100"]) == 0
        out = capsys.readouterr().out
        for line in out.splitlines():
            if len(line) > 100:
                assert len(line.split()) == 1, line
        assert "Cells wrapped to fit 100 columns; --wide shows each on one line." in out

    def test_wide_shows_each_cell_on_one_line(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["summary", "--wide", "--width", "100"]) == 0
        wide = capsys.readouterr().out
        assert main(["summary"]) == 0  # not a terminal: whole cells
        assert capsys.readouterr().out == wide
        assert "Cells wrapped" not in wide
        assert max(len(line) for line in wide.splitlines()) > 300

    def test_a_terminal_gets_tables_that_fit_it(self) -> None:
        """On a terminal of 100 columns, with no option, the summary fits it."""
        main_fd, terminal = pty.openpty()
        env = {**os.environ, "COLUMNS": "100", "LINES": "40"}
        process = subprocess.Popen(
            [sys.executable, "-m", "bilateral", "summary"], stdout=terminal, stderr=subprocess.PIPE, env=env
        )
        os.close(terminal)
        chunks = []
        while True:
            try:
                chunk = os.read(main_fd, 65536)
            except OSError:  # the terminal closed
                break
            if not chunk:
                break
            chunks.append(chunk)
        os.close(main_fd)
        _, errors = process.communicate(timeout=60)
        assert (process.returncode, errors) == (0, b"")
        out = b"".join(chunks).decode("utf-8").replace("\r\n", "\n")
        assert "Cells wrapped to fit 100 columns; --wide shows each on one line." in out
        assert all(len(line) <= 100 or len(line.split()) == 1 for line in out.splitlines())

    def test_width_is_checked(self, capsys: pytest.CaptureFixture[str]) -> None:
        with pytest.raises(SystemExit) as caught:
            main(["summary", "--width", "30"])
        assert caught.value.code == 2
        assert capsys.readouterr().err.splitlines()[-1] == (
            "bilateral summary: error: argument --width: 30 columns is too narrow for a table (40 at least)"
        )
