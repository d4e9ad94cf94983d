"""LaTeX that compiles and loses nothing: every report of every bundled dataset, a
comparison, files titled in Russian, Persian, Chinese, Greek and accented Latin,
and the CLI's tables, compiled and read back with pdftotext.

Each document is written through the CLI as a user types it, compiled once
(module-scoped, two at a time), and its text extracted. The expected rows and
footnotes come from the Markdown report of the same data: every row's first
cell must appear in the PDF, in order, and every footnote number under every
table. An ``Overfull \\vbox`` or ``\\hbox``, a missing character or a non-zero
exit fails. With ``BILATERAL_REQUIRE_TEX`` set (as in CI), missing TeX tools
fail the tests; otherwise they skip.
"""

import datetime as dt
import html
import os
import re
import shutil
import subprocess
import unicodedata
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import attrs
import pytest

import bilateral
from bilateral.cli import main
from bilateral.errors import UnsupportedScriptError
from bilateral.render import scripts
from bilateral.render.report import report
from tests.conftest import REPO

DATA = REPO / "tests" / "data"
MANY_SCRIPTS = str(REPO / "examples" / "many-scripts.yaml")
CYRILLIC_GREEK_LATIN = str(DATA / "cyrillic-greek-latin.yaml")

#: The preamble docs/tables-and-reports.md gives for \input-ing a table into a paper.
PAPER = r"""\documentclass{article}
%s
\usepackage[LGR,T2A,T1]{fontenc}
\usepackage[russian,greek,english]{babel}
\usepackage{booktabs,longtable,array}
\begin{document}
\input{table}
\end{document}
"""


@attrs.frozen
class Document:
    """What a user asks for: a report (``report`` arguments), or a table command's LaTeX \\input in a paper."""

    arguments: tuple[str, ...]
    engine: str = "pdflatex"
    table_format: str | None = None  # a table command's --format; None for a report
    landscape: bool = False


DOCUMENTS = {
    **{name: Document((name,)) for name in bilateral.datasets.names()},
    "comparison": Document(("russia-venezuela", "russia-cuba")),
    "cyrillic-greek-latin": Document((CYRILLIC_GREEK_LATIN,)),
    "many-scripts": Document((MANY_SCRIPTS,), engine="lualatex"),
    "timeline-table": Document(("timeline", "russia-venezuela"), table_format="latex_booktabs"),
    "summary-tables": Document(("summary", "russia-cuba"), table_format="latex"),
    # Eight columns want a landscape page; a portrait one squeezes them (and TeX hyphenates).
    "instruments-table": Document(("instruments", "russia-venezuela"), table_format="latex", landscape=True),
}


@attrs.frozen
class Compiled:
    returncode: int
    log: str
    text: str  # pdftotext -raw: each cell's text in the order TeX set it
    markdown: str  # the same tables, as Markdown
    latex: str


def _require(*tools: str) -> None:
    missing = [tool for tool in tools if shutil.which(tool) is None]
    if missing:
        message = f"{', '.join(missing)} not installed (Debian: see docs/tables-and-reports.md)"
        if os.environ.get("BILATERAL_REQUIRE_TEX"):
            pytest.fail(f"{message}, and BILATERAL_REQUIRE_TEX says the compile tests must run")
        pytest.skip(message)


def _missing_fonts() -> list[str]:
    listed = (
        subprocess.run(["fc-list"], capture_output=True, text=True).stdout if shutil.which("fc-list") else ""
    )
    return [font for font in ("DejaVu Serif", "DejaVu Sans", "WenQuanYi Micro Hei") if font not in listed]


def _get(compiled: dict[str, Compiled], name: str) -> Compiled:
    """The compiled document, or a skip (a failure under BILATERAL_REQUIRE_TEX) where its engine is missing."""
    if name not in compiled:
        _require("lualatex")
        message = f"fonts for lualatex not installed: {', '.join(_missing_fonts())} (fonts-dejavu-core, fonts-wqy-microhei)"
        if os.environ.get("BILATERAL_REQUIRE_TEX"):
            pytest.fail(message)
        pytest.skip(message)
    return compiled[name]


def _write(folder: Path, document: Document) -> tuple[Path, str]:
    """The .tex file (written by the CLI) to compile, and the Markdown of the same tables."""
    folder.mkdir()
    md = folder / "same.md"
    if document.table_format is not None:
        assert (
            main([*document.arguments, "--format", document.table_format, "-o", str(folder / "table.tex")])
            == 0
        )
        assert main([*document.arguments, "-o", str(md)]) == 0
        page = r"\usepackage[landscape,margin=2cm]{geometry}" if document.landscape else ""
        (folder / "doc.tex").write_text(PAPER % page, encoding="utf-8")
        return folder / "doc.tex", md.read_text(encoding="utf-8")
    tex = folder / "doc.tex"
    assert (
        main(
            ["report", *document.arguments, "--format", "latex", "--engine", document.engine, "-o", str(tex)]
        )
        == 0
    )
    assert main(["report", *document.arguments, "--format", "md", "-o", str(md)]) == 0
    return tex, md.read_text(encoding="utf-8")


def _compile(tex: Path, engine: str, markdown: str) -> Compiled:
    result = subprocess.run(
        [engine, "-interaction=nonstopmode", "-halt-on-error", tex.name],
        cwd=tex.parent,
        capture_output=True,
        timeout=300,
    )
    log = tex.with_suffix(".log").read_text(encoding="utf-8", errors="replace")
    pdf = tex.with_suffix(".pdf")
    text = ""
    if pdf.exists():
        text = subprocess.run(
            ["pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True
        ).stdout.decode("utf-8")
    latex = tex.read_text(encoding="utf-8")
    if (tex.parent / "table.tex").exists():
        latex = (tex.parent / "table.tex").read_text(encoding="utf-8")
    return Compiled(result.returncode, log, text, markdown, latex)


@pytest.fixture(scope="module")
def compiled(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Compiled]:
    """Every document, written and compiled once."""
    _require("pdflatex", "pdftotext")
    lualatex = shutil.which("lualatex") is not None and not _missing_fonts()
    root = tmp_path_factory.mktemp("latex")
    jobs = []
    for name, document in DOCUMENTS.items():
        if document.engine == "lualatex" and not lualatex:
            continue  # its tests skip, or fail under BILATERAL_REQUIRE_TEX
        tex, markdown = _write(root / name, document)
        jobs.append((name, tex, document.engine, markdown))
    with ThreadPoolExecutor(max_workers=2) as pool:
        # The slowest (lualatex) first, so the two workers finish together.
        jobs.sort(key=lambda job: job[2] != "lualatex")
        done = {name: pool.submit(_compile, tex, engine, markdown) for name, tex, engine, markdown in jobs}
        return {name: future.result() for name, future in done.items()}


def _squash(text: str) -> str:
    """Text as a PDF gives it back, for comparing: no spaces or line breaks, no hyphens (they may be breaks)."""
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00ad": None}))
    # T2A sets the Cyrillic letters that look Latin (Ukrainian і, Serbian ј, ѕ) with the Latin
    # glyphs, and pdftotext reads them back as Latin.
    text = text.translate(str.maketrans("іІјЈѕЅ", "iIjJsS"))
    return "".join(c for c in text if not c.isspace() and unicodedata.category(c) != "Cf" and c not in "-‐")


def _markdown_tables(markdown: str) -> Iterator[tuple[list[str], list[str]]]:
    """Each Markdown table's first cells (without footnote marks) and its footnotes (``12. Publisher, …``)."""
    lines = markdown.splitlines()
    i = 0
    while i < len(lines):
        if not (lines[i].startswith("|") and i + 1 < len(lines) and lines[i + 1].startswith("|-")):
            i += 1
            continue
        first_cells = []
        i += 2
        while i < len(lines) and lines[i].startswith("|"):
            cell = lines[i].split("|")[1]
            cell = re.sub(r"<sup>[^<]*</sup>|\\\*|§", "", cell).replace("<br>", " ")
            first_cells.append(html.unescape(cell).strip())
            i += 1
        numbers = []
        while i < len(lines) and not lines[i].startswith(("|", "#")):
            if re.match(r"\d+\. ", lines[i]):
                numbers.append(lines[i])
            i += 1
        yield first_cells, numbers


@pytest.mark.parametrize("name", DOCUMENTS)
class TestCompiled:
    def test_compiles_without_overfull_boxes_or_missing_characters(
        self, compiled: dict[str, Compiled], name: str
    ) -> None:
        """The engine exits 0; no box is overfull and no character is missing from the fonts."""
        doc = _get(compiled, name)
        assert doc.returncode == 0, doc.log[-3000:]
        for warning in ("Overfull \\vbox", "Overfull \\hbox", "Missing character", "Font shape"):
            found = [line for line in doc.log.splitlines() if warning in line]
            assert not found, found[:5]
        assert doc.text.strip()

    def test_every_row_reaches_the_pdf(self, compiled: dict[str, Compiled], name: str) -> None:
        """Every table is a longtable, and every row's first cell is in the PDF's text, in order."""
        doc = _get(compiled, name)
        tables = list(_markdown_tables(doc.markdown))
        assert tables
        assert doc.latex.count("\\begin{longtable}") == len(tables)
        assert "\\begin{tabular}" not in doc.latex
        text = _squash(doc.text)
        at, rows = 0, 0
        for first_cells, _ in tables:
            for cell in first_cells:
                found = text.find(_squash(cell), at)
                assert found >= 0, f"row {cell!r} is not in the PDF after {text[max(at - 80, 0) : at]!r}"
                at, rows = found + len(_squash(cell)), rows + 1
        assert rows == sum(len(cells) for cells, _ in tables)

    def test_every_footnote_number_reaches_the_pdf(self, compiled: dict[str, Compiled], name: str) -> None:
        """Under each table, its numbered sources 1, 2, … all appear, each number with its source, in order."""
        doc = _get(compiled, name)
        footnotes = [line for _, lines in _markdown_tables(doc.markdown) for line in lines]
        text = _squash(doc.text)
        at = 0
        for line in footnotes:
            number, rest = line.split(". ", 1)
            start = _squash(f"{number}. {rest[:30]}")
            found = text.find(start, at)
            assert found >= 0, f"footnote {start!r} is not in the PDF after {text[max(at - 80, 0) : at]!r}"
            at = found + len(start)
        labels = [int(n) for n in re.findall(r"^\f?(\d+)\. ", doc.text, re.M)]  # \f: a new page
        assert len(labels) >= len(footnotes)


def test_the_bundled_timeline_is_all_there(compiled: dict[str, Compiled]) -> None:
    """The Russia–Venezuela report's timeline holds every event (it stopped at about 30 of 81 in one tabular)."""
    events = bilateral.analysis.timeline.timeline(bilateral.datasets.load("russia-venezuela"))
    assert len(events) > 60
    timeline = (
        compiled["russia-venezuela"]
        .latex.split("\\subsection*{Timeline}")[-1]
        .split("\\section*{Sources}")[0]
    )
    assert timeline.count("\\\\\n") >= len(events)


def test_every_character_pdflatex_is_said_to_set_compiles(tmp_path: Path) -> None:
    """Each character `scripts.check` lets through for pdflatex typesets, with no missing glyph."""
    _require("pdflatex")
    allowed = []
    for code in range(0xA0, 0x10200):
        char = chr(code)
        try:
            scripts.check(char, "pdflatex", "a test")
        except UnsupportedScriptError:
            continue
        if not unicodedata.category(char).startswith(("Z", "C")):
            allowed.append(char)
    assert len(allowed) > 700
    chunks = [" ".join(allowed[i : i + 40]) for i in range(0, len(allowed), 40)]
    sources = tuple(
        bilateral.Source(f"s{i}", chunk, "P", bilateral.SourceKind.OTHER) for i, chunk in enumerate(chunks)
    )
    partnership = bilateral.Partnership(
        "p", ("RUS", "VEN"), "Characters", dt.date(2026, 1, 1), sources=sources
    )
    (tmp_path / "chars.tex").write_text(report([partnership], "latex"), encoding="utf-8")
    result = subprocess.run(
        ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "chars.tex"],
        cwd=tmp_path,
        capture_output=True,
        timeout=300,
    )
    log = (tmp_path / "chars.log").read_text(encoding="utf-8", errors="replace")
    assert result.returncode == 0, re.findall(r"^!.*", log, re.M)[:5]
    assert "Missing character" not in log


class TestScriptsAnEngineCannotSet:
    def test_pdflatex_refuses_persian_naming_the_text_and_script(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """`report --format latex` of a file with Persian text stops with one line naming it, not a TeX log."""
        assert main(["report", MANY_SCRIPTS, "--format", "latex"]) == 1
        captured = capsys.readouterr()
        assert captured.out == ""
        message = captured.err.strip()
        assert len(message.splitlines()) == 1
        assert "Arabic script" in message
        assert "ایران" in message
        assert "--engine lualatex" in message

    def test_the_error_names_where_the_text_is(self) -> None:
        """The error says which field of which source holds the text, and carries its script."""
        partnership = bilateral.Partnership(
            "p",
            ("RUS", "IND"),
            "Russia–India",
            dt.date(2026, 1, 1),
            sources=(bilateral.Source("pti", "रूस और भारत", "PTI", bilateral.SourceKind.WIRE),),
        )
        for engine in scripts.LATEX_ENGINES:
            with pytest.raises(UnsupportedScriptError) as caught:
                report([partnership], "latex", engine=engine)  # type: ignore[arg-type]
            assert caught.value.script == "Devanagari"
            assert caught.value.text == "रूस और भारत"
            assert "'title' of row 1 of table 'Russia–India: sources'" in str(caught.value)

    def test_an_unknown_engine_lists_the_choices(self) -> None:
        """An engine bilateral does not write for is an error that names those it does."""
        with pytest.raises(ValueError, match="pdflatex, lualatex"):
            report([bilateral.datasets.load("russia-cuba")], "latex", engine="xelatex")  # type: ignore[arg-type]
        assert main(["report", "russia-cuba", "--format", "latex", "--engine", "lualatex"]) == 0
