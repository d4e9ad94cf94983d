"""Whole documents: a report on one partnership, or a comparison, in Markdown, HTML or LaTeX.

The LaTeX is a complete document for ``pdflatex`` (Latin, Cyrillic, Greek)
or ``lualatex`` (those and Arabic script and CJK too), its tables breaking
across pages; the HTML is a complete page that opens in a browser; the
Markdown pastes into any report.
"""

import contextlib
import datetime as dt
import html
from collections.abc import Callable, Sequence
from typing import Literal

from bilateral.analysis.comparison import compare
from bilateral.model.partnership import Partnership
from bilateral.render import charts as charts_module
from bilateral.render import scripts, tables
from bilateral.render.formats import Html, Latex, Markdown, TableFormat, check_citations, escape
from bilateral.render.scripts import LatexEngine
from bilateral.render.tables import Citations, Table

__all__ = ["REPORT_FORMATS", "ReportFormat", "report", "report_charts"]

ReportFormat = Literal["md", "html", "latex"]
#: The report formats.
REPORT_FORMATS: tuple[ReportFormat, ...] = ("md", "html", "latex")
_TABLE_FORMAT: dict[ReportFormat, TableFormat] = {"md": "github", "html": "html", "latex": "latex_booktabs"}
_DIALECTS: dict[ReportFormat, Markdown | Html | Latex] = {
    "md": Markdown("github"),
    "html": Html("html"),
    "latex": Latex("latex_booktabs"),
}

_SECTIONS: tuple[tuple[str, Callable[[Partnership, dt.date | None], Table]], ...] = (
    ("Key figures", tables.overview),
    ("Cooperation areas", tables.areas),
    ("Instruments", lambda p, _: tables.instruments(p)),
    ("Trade and targets", lambda p, _: tables.trade(p)),
    ("Debt", lambda p, _: tables.debt(p)),
    ("Disruptions", tables.disruptions),
    ("Sanctions", tables.sanctions),
    ("Sanctions exposure", tables.exposure),
    ("Conflicting claims", lambda p, _: tables.conflicts(p)),
    ("Evidence", lambda p, _: tables.evidence(p)),
    ("Timeline", lambda p, _: tables.timeline(p)),
    ("Sources", lambda p, _: tables.sources(p)),
)


def _sections(
    partnerships: Sequence[Partnership], as_of: dt.date | None, evidence: bool = True
) -> list[tuple[int, str, Table | None, str]]:
    """(heading level, heading, table, the partnership's id or "") in document order.

    A section with no table opens a partnership: its heading in a
    comparison, and "About the data" (its description and notes) where it has them.
    """
    parts: list[tuple[int, str, Table | None, str]] = []
    if len(partnerships) > 1:
        parts.append((2, "Comparison", tables.comparison(compare(*partnerships, as_of=as_of)), ""))
    for partnership in partnerships:
        if len(partnerships) > 1:
            parts.append((2, partnership.title, None, partnership.id))
        level = 3 if len(partnerships) > 1 else 2
        if partnership.description or partnership.notes:
            parts.append((level, _ABOUT, None, partnership.id))
        for heading, build in _SECTIONS:
            if heading == "Evidence" and not evidence:
                continue
            table = build(partnership, as_of)
            if table.rows:
                parts.append((level, heading, table, partnership.id))
    return parts


_ABOUT = "About the data"


def _about(partnership: Partnership) -> list[str]:
    """The paragraphs that open a partnership's part: what the data covers, and its caveats."""
    return [text for text in (partnership.description, partnership.notes) if text]


_CHART_FORMAT: dict[ReportFormat, str] = {"md": "svg", "html": "svg", "latex": "pdf"}


def report_charts(
    partnerships: Sequence[Partnership],
    fmt: ReportFormat,
    as_of: dt.date | None = None,
    prefix: str = "report",
) -> dict[str, bytes]:
    """The chart files a report with ``charts=True`` names, by file name: write them beside it.

    For each partnership, its instruments over time (``{prefix}-{id}-instruments``)
    and, where it has trade figures or a target, its trade
    (``{prefix}-{id}-trade``): SVG for Markdown and HTML, PDF for LaTeX.
    HTML reports hold their charts inline and need no file.

    Raises:
        bilateral.errors.MissingExtraError: matplotlib is not installed.
    """
    return {
        name: charts_module.save(chart, _CHART_FORMAT[fmt])
        for name, chart in _charts(partnerships, fmt, as_of, prefix).values()
    }


def _charts(
    partnerships: Sequence[Partnership], fmt: ReportFormat, as_of: dt.date | None, prefix: str
) -> dict[tuple[str, str], tuple[str, charts_module.Chart]]:
    """By (partnership id, the section it opens): the chart's file name and the chart."""
    found = {}
    suffix = _CHART_FORMAT[fmt]
    for p in partnerships:
        if p.instruments:
            chart = charts_module.lifecycle(p, as_of=as_of)
            found[(p.id, "Instruments")] = (f"{prefix}-{p.id}-instruments.{suffix}", chart)
        figures = [f for f in p.trade.figures if f.value is not None and f.period.start is not None]
        if figures or p.trade.targets:
            with contextlib.suppress(ValueError):  # several currencies: no one axis to draw them on
                found[(p.id, "Trade and targets")] = (
                    f"{prefix}-{p.id}-trade.{suffix}",
                    charts_module.trade(p),
                )
    return found


def _figure(fmt: ReportFormat, name: str, chart: charts_module.Chart, table_format: TableFormat) -> str:
    """A chart in the report: inline SVG in HTML, an included PDF in LaTeX, a linked SVG in Markdown.

    Its caption says what the marks mean; its sources are the table's below, by the same numbers.
    """
    lines = [line for line in chart.caption.splitlines() if not line[:1].isdigit()]
    caption = " ".join(lines) + " Sources as numbered in the table below."
    if fmt == "html":
        svg = charts_module.save(chart, "svg").decode("utf-8")
        svg = svg[svg.index("<svg") :]
        return f'<figure id="chart-{name.rsplit(".", 1)[0]}">\n{svg}\n<figcaption>{html.escape(caption)}</figcaption>\n</figure>'
    if fmt == "latex":
        return (
            "\\begin{center}\n"
            f"\\includegraphics[width=\\linewidth,height=0.8\\textheight,keepaspectratio]{{{name}}}\n"
            "\\end{center}\n"
            f"{{\\small {escape(caption, table_format)}\\par}}"
        )
    return f"![{caption}]({name})"


def report(
    partnerships: Sequence[Partnership],
    fmt: ReportFormat = "md",
    as_of: dt.date | None = None,
    citations: Citations = "footnotes",
    title: str | None = None,
    engine: LatexEngine = "pdflatex",
    charts: bool = False,
    chart_prefix: str = "report",
    evidence: bool = True,
) -> str:
    """A whole document on one partnership, or comparing several.

    Contents: title; for each partnership, what its data covers and its
    caveats (its description and notes), key figures, the tables (areas,
    instruments, trade, debt, disruptions, sanctions, sanctions exposure,
    conflicting claims, with ``evidence`` the evidence: every claim's
    excerpts, locators, kinds and grades of source, and the notes that weigh
    them; the timeline, the sources); and, with footnotes, the one numbered
    list of the sources cited. Every row of every table is
    there, and no cell is shortened.

    In LaTeX, each table is a ``longtable`` fitted to the text width, which
    breaks across pages and repeats its header; ``engine`` chooses the
    preamble: ``pdflatex`` (the default) typesets Latin, Cyrillic and Greek,
    ``lualatex`` adds Arabic script and CJK (see `bilateral.render.scripts`).

    With ``charts``, each partnership's instruments section opens with its
    chart of instruments over time, and its trade section with its trade
    chart (see `bilateral.render.charts`): inline SVG in HTML; in Markdown and
    LaTeX, links to the files `report_charts` gives (SVG, PDF), to be
    written beside the report.

    Raises:
        ValueError: No partnership was given, or an unknown format, citation mode or engine
            (the message lists the choices).
        bilateral.errors.MissingExtraError: ``charts`` without matplotlib installed.
        UnsupportedScriptError: The LaTeX engine cannot typeset some text of the
            data; the error names the text and its script.
    """
    if not partnerships:
        raise ValueError("a report needs at least one partnership")
    if engine not in scripts.LATEX_ENGINES:
        raise ValueError(f"unknown LaTeX engine {engine!r} (choose from {', '.join(scripts.LATEX_ENGINES)})")
    if fmt not in REPORT_FORMATS:
        raise ValueError(f"unknown report format {fmt!r} (choose from {', '.join(REPORT_FORMATS)})")
    citations = check_citations(citations)
    heading = title or " · ".join(p.title for p in partnerships)
    day = (
        f"as of {as_of.isoformat()}"
        if as_of
        else "data as of " + ", ".join(p.data_as_of.isoformat() for p in partnerships)
    )
    table_format = _TABLE_FORMAT[fmt]
    d = _DIALECTS[fmt]
    parts = _sections(partnerships, as_of, evidence)
    by_id = {p.id: p for p in partnerships}
    if fmt == "latex":
        _check(heading, day, parts, engine)
        for partnership in partnerships:
            for text in _about(partnership):
                scripts.check(text, engine, f"the description or notes of {partnership.id}")
    figures = _charts(partnerships, fmt, as_of, chart_prefix) if charts else {}
    numbering: dict[str, int] | None = {} if citations == "footnotes" else None  # one bibliography
    cited = {s.id: s for _, _, table, _ in parts if table is not None for s in table.sources}
    body: list[str] = []
    contents: list[tuple[int, str, str]] = []
    for level, text, table, owner in parts:
        rendered = (
            tables.render(table, table_format, citations, numbering=numbering) if table is not None else None
        )
        anchor = tables.slug(f"{owner} {text}" if owner and owner != text else text)
        if table is None and text == _ABOUT:
            rendered = d.paragraphs(_about(by_id[owner]))
        if fmt == "html" and rendered and table is not None:
            rendered = rendered.replace("<table", f'<table id="table-{anchor}"', 1)
        if (owner, text) in figures:
            name, chart = figures[(owner, text)]
            figure = _figure(fmt, name, chart, table_format)
            rendered = figure + "\n\n" + (rendered or "")
        body.append(d.heading(level, text, anchor))
        contents.append((level, anchor, text))
        if rendered:
            body.append(rendered)
    if numbering:
        body += [
            d.heading(2, "Sources cited", "sources-cited"),
            tables.bibliography(numbering, tuple(cited.values()), table_format),
        ]
        contents.append((2, "sources-cited", "Sources cited"))
    return d.document(heading, day, contents, body, engine)


def _check(
    heading: str, day: str, parts: Sequence[tuple[int, str, Table | None, str]], engine: LatexEngine
) -> None:
    """Raise `UnsupportedScriptError` for the first text of the document that ``engine`` cannot typeset."""
    scripts.check(heading, engine, "the report's title")
    scripts.check(day, engine, "the report's date line")
    for _, text, table, _ in parts:
        scripts.check(text, engine, "a heading")
        if table is None:
            continue
        name = f"table {table.title!r}"
        for header in table.headers:
            scripts.check(header, engine, f"a header of {name}")
        for number, row in enumerate(table.rows, 1):
            for header, cell in zip(table.headers, row, strict=False):
                scripts.check(cell, engine, f"the {header!r} of row {number} of {name}")
        for note in table.notes:
            scripts.check(note, engine, f"a note under {name}")
        for source in table.sources:
            for field in ("title", "publisher", "republisher", "url"):
                value = getattr(source, field)
                if value:
                    scripts.check(value, engine, f"the {field} of source {source.id!r}")
