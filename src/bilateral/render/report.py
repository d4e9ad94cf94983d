"""Whole documents: a report on one partnership, or a comparison, in Markdown, HTML or LaTeX.

The LaTeX is a complete document for ``pdflatex`` (Latin, Cyrillic, Greek)
or ``lualatex`` (those and Arabic script and CJK too), its tables breaking
across pages; the HTML is a complete page that opens in a browser; the
Markdown pastes into any report.
"""

import datetime as dt
import html
from collections.abc import Callable, Sequence
from typing import Literal

from bilateral.analysis.comparison import compare
from bilateral.model.partnership import Partnership
from bilateral.render import scripts, tables
from bilateral.render.formats import TableFormat, escape
from bilateral.render.scripts import LatexEngine
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
    engine: LatexEngine = "pdflatex",
) -> str:
    """A whole document on one partnership, or comparing several.

    Contents: title, key figures, the tables (areas, instruments, trade, debt,
    disruptions, sanctions, sanctions exposure, conflicting claims, timeline)
    with their sources, and the list of sources. Every row of every table is
    there, and no cell is shortened.

    In LaTeX, each table is a ``longtable`` fitted to the text width, which
    breaks across pages and repeats its header; ``engine`` chooses the
    preamble: ``pdflatex`` (the default) typesets Latin, Cyrillic and Greek,
    ``lualatex`` adds Arabic script and CJK (see `bilateral.render.scripts`).

    Raises:
        ValueError: No partnership was given, or an unknown engine.
        UnsupportedScriptError: The LaTeX engine cannot typeset some text of the
            data; the error names the text and its script.
    """
    if not partnerships:
        raise ValueError("a report needs at least one partnership")
    if engine not in scripts.LATEX_ENGINES:
        raise ValueError(f"unknown LaTeX engine {engine!r} (choose from {', '.join(scripts.LATEX_ENGINES)})")
    heading = title or " · ".join(p.title for p in partnerships)
    day = (
        f"as of {as_of.isoformat()}"
        if as_of
        else "data as of " + ", ".join(p.data_as_of.isoformat() for p in partnerships)
    )
    table_format = _TABLE_FORMAT[fmt]
    parts = _sections(partnerships, as_of)
    if fmt == "latex":
        _check(heading, day, parts, engine)
    body: list[str] = []
    for level, text, table in parts:
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
                body.append(rendered)
    if fmt == "md":
        return "\n\n".join([f"# {heading}", f"*{day}; made with bilateral*", *body]) + "\n"
    if fmt == "html":
        return _HTML.format(title=html.escape(heading), day=html.escape(day), body="\n".join(body))
    return _LATEX.format(
        preamble=_PREAMBLES[engine],
        title=escape(heading, table_format),
        day=escape(day, table_format),
        body="\n\n".join(body),
    )


def _check(
    heading: str, day: str, parts: Sequence[tuple[int, str, Table | None]], engine: LatexEngine
) -> None:
    """Raise `UnsupportedScriptError` for the first text of the document that ``engine`` cannot typeset."""
    scripts.check(heading, engine, "the report's title")
    scripts.check(day, engine, "the report's date line")
    for _, text, table in parts:
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
{preamble}
\usepackage[a4paper,landscape,margin=1.5cm]{{geometry}}
\usepackage{{booktabs,longtable,array}}
\usepackage{{url}}
\tracinglostchars=2
\begin{{document}}
\section*{{{title}}}
\emph{{{day}; made with bilateral}}

{body}

\end{{document}}
"""

_PREAMBLES: dict[LatexEngine, str] = {
    # T1 for Latin with accents, T2A for Cyrillic, LGR for Greek; English is the main language.
    "pdflatex": r"""% pdflatex: texlive-latex-recommended, texlive-latex-extra, texlive-lang-cyrillic,
% texlive-lang-greek and cm-super (Debian); or write it for lualatex (--engine lualatex).
\usepackage[utf8]{inputenc}
\usepackage[LGR,T2A,T1]{fontenc}
\usepackage{textcomp}
\usepackage[russian,greek,english]{babel}
\input{glyphtounicode}\pdfgentounicode=1""",
    # Fonts by script through babel: Arabic script right to left, CJK in WenQuanYi Micro Hei.
    "lualatex": r"""% lualatex: texlive-latex-recommended, texlive-latex-extra, texlive-luatex,
% fonts-dejavu-core and fonts-wqy-microhei (Debian).
\usepackage[bidi=basic]{babel}
\babelprovide[import,main]{english}
\babelprovide[import]{russian}
\babelprovide[import]{greek}
\babelprovide[import,onchar=ids fonts]{persian}
\babelprovide[import,onchar=ids fonts]{chinese}
\babelprovide[import,onchar=ids fonts]{japanese}
\babelprovide[import,onchar=ids fonts]{korean}
\babelfont{rm}{DejaVu Serif}
\babelfont{sf}{DejaVu Sans}
\babelfont{tt}{DejaVu Sans Mono}
\babelfont[persian]{rm}[Renderer=HarfBuzz]{DejaVu Sans}
\babelfont[chinese,japanese,korean]{rm}{WenQuanYi Micro Hei}""",
}
