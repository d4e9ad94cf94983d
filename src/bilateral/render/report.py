"""Whole documents: a report on one partnership, or a comparison, in Markdown, HTML or LaTeX.

The LaTeX is a complete document (``pdflatex`` compiles it); the HTML is a
complete page that opens in a browser; the Markdown pastes into any report.
"""

import datetime as dt
import html
from collections.abc import Callable, Sequence
from typing import Literal

from bilateral.analysis.comparison import compare
from bilateral.model.partnership import Partnership
from bilateral.render import tables
from bilateral.render.formats import TableFormat, escape, fit_latex
from bilateral.render.tables import Citations, Table

__all__ = ["REPORT_FORMATS", "ReportFormat", "report"]

ReportFormat = Literal["md", "html", "latex"]
#: The report formats.
REPORT_FORMATS: tuple[ReportFormat, ...] = ("md", "html", "latex")
_TABLE_FORMAT: dict[ReportFormat, TableFormat] = {"md": "github", "html": "html", "latex": "latex_booktabs"}

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
    ("Timeline", lambda p, _: tables.timeline(p)),
    ("Sources", lambda p, _: tables.sources(p)),
)


def _sections(
    partnerships: Sequence[Partnership], as_of: dt.date | None
) -> list[tuple[int, str, Table | None]]:
    """(heading level, heading, table) in document order."""
    parts: list[tuple[int, str, Table | None]] = []
    if len(partnerships) > 1:
        parts.append((2, "Comparison", tables.comparison(compare(*partnerships, as_of=as_of))))
    for partnership in partnerships:
        if len(partnerships) > 1:
            parts.append((2, partnership.title, None))
        level = 3 if len(partnerships) > 1 else 2
        for heading, build in _SECTIONS:
            table = build(partnership, as_of)
            if table.rows:
                parts.append((level, heading, table))
    return parts


def report(
    partnerships: Sequence[Partnership],
    fmt: ReportFormat = "md",
    as_of: dt.date | None = None,
    citations: Citations = "footnotes",
    title: str | None = None,
) -> str:
    """A whole document on one partnership, or comparing several.

    Contents: title, key figures, the tables (areas, instruments, trade, debt,
    disruptions, sanctions, sanctions exposure, conflicting claims, timeline)
    with their sources, and the list of sources.

    Raises:
        ValueError: No partnership was given.
    """
    if not partnerships:
        raise ValueError("a report needs at least one partnership")
    heading = title or " · ".join(p.title for p in partnerships)
    day = (
        f"as of {as_of.isoformat()}"
        if as_of
        else "data as of " + ", ".join(p.data_as_of.isoformat() for p in partnerships)
    )
    table_format = _TABLE_FORMAT[fmt]
    body: list[str] = []
    for level, text, table in _sections(partnerships, as_of):
        rendered = tables.render(table, table_format, citations) if table is not None else None
        if fmt == "md":
            body.append(f"{'#' * level} {text}")
            if rendered:
                body.append(rendered)
        elif fmt == "html":
            body.append(f"<h{level}>{html.escape(text)}</h{level}>")
            if rendered:
                body.append(rendered)
        else:
            command = "section" if level == 2 else "subsection"
            body.append(f"\\{command}*{{{escape(text, table_format)}}}")
            if rendered:
                body.append(fit_latex(rendered))
    if fmt == "md":
        return "\n\n".join([f"# {heading}", f"*{day}; made with bilateral*", *body]) + "\n"
    if fmt == "html":
        return _HTML.format(title=html.escape(heading), day=html.escape(day), body="\n".join(body))
    return _LATEX.format(
        title=escape(heading, table_format), day=escape(day, table_format), body="\n\n".join(body)
    )


_HTML = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ font-family: sans-serif; margin: 2em; line-height: 1.4; }}
table {{ border-collapse: collapse; margin: 1em 0; font-size: 0.9em; }}
th, td {{ border: 1px solid #bbb; padding: 0.25em 0.5em; text-align: left; vertical-align: top; }}
th {{ background: #eee; }}
ol {{ font-size: 0.85em; }}
</style>
</head>
<body>
<h1>{title}</h1>
<p><em>{day}; made with bilateral</em></p>
{body}
</body>
</html>
"""

_LATEX = r"""\documentclass[10pt]{{article}}
\usepackage[utf8]{{inputenc}}
\usepackage[T1]{{fontenc}}
\usepackage{{textcomp}}
\usepackage[a4paper,landscape,margin=1.5cm]{{geometry}}
\usepackage{{booktabs}}
\usepackage{{array}}
\usepackage{{url}}
\usepackage{{newunicodechar}}
\newunicodechar{{≈}}{{\ensuremath{{\approx}}}}
\newunicodechar{{≥}}{{\ensuremath{{\geq}}}}
\newunicodechar{{≤}}{{\ensuremath{{\leq}}}}
\newunicodechar{{→}}{{\ensuremath{{\rightarrow}}}}
\newunicodechar{{—}}{{---}}
\newunicodechar{{–}}{{--}}
\begin{{document}}
\section*{{{title}}}
\emph{{{day}; made with bilateral}}

{body}

\end{{document}}
"""
