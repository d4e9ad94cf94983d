"""Tables in every format a report needs, with cells escaped for each.

tabulate draws the text formats; CSV and TSV come from the csv module, and
HTML is written here so that it is well formed and escaped. Cells are text
already (see `bilateral.render.cells`): tabulate's number parsing is off.
"""

import csv
import html
import io
import re
import typing
from collections.abc import Sequence
from typing import Literal

from tabulate import tabulate

__all__ = ["TABLE_FORMATS", "TableFormat", "escape", "raw_table", "table"]

TableFormat = Literal[
    "github",
    "pipe",
    "latex",
    "latex_booktabs",
    "html",
    "rst",
    "mediawiki",
    "orgtbl",
    "plain",
    "grid",
    "csv",
    "tsv",
]
#: Every table format, Markdown first.
TABLE_FORMATS: tuple[TableFormat, ...] = typing.get_args(TableFormat)

_LATEX = {
    "\\": r"\textbackslash{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "{": r"\{",
    "}": r"\}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    "≈": r"\ensuremath{\approx}",
    "≥": r"\ensuremath{\geq}",
    "≤": r"\ensuremath{\leq}",
    "<": r"\ensuremath{<}",
    ">": r"\ensuremath{>}",
    "–": "--",
    "—": "---",
    "€": r"\texteuro{}",
    "£": r"\pounds{}",
    "|": r"\textbar{}",
    "→": r"\ensuremath{\rightarrow}",
    "×": r"\ensuremath{\times}",
    "“": "``",
    "”": "''",
    "‘": "`",
    "’": "'",
    "«": r"\guillemotleft{}",
    "»": r"\guillemotright{}",
    "§": r"\S{}",
    "\n": " ",
}
_LATEX_RE = re.compile("|".join(re.escape(k) for k in _LATEX))


def escape(text: str, fmt: TableFormat) -> str:
    """``text`` made safe for a cell of ``fmt``: pipes, newlines, LaTeX specials.

    Examples:
        >>> escape("a|b\\nc", "github")
        'a&#124;b<br>c'
        >>> escape("≈ $200m & 50%", "latex")
        '\\\\ensuremath{\\\\approx} \\\\$200m \\\\& 50\\\\%'
    """
    if fmt in ("github", "pipe"):
        return html.escape(text, quote=False).replace("|", "&#124;").replace("\n", "<br>")
    if fmt in ("latex", "latex_booktabs"):
        return _LATEX_RE.sub(lambda m: _LATEX[m.group(0)], text)
    if fmt == "mediawiki":
        return text.replace("|", "{{!}}").replace("\n", "<br />")
    if fmt == "orgtbl":
        return text.replace("|", "\\vert{}").replace("\n", " ")
    if fmt in ("rst", "plain"):
        return text.replace("\n", " ")
    if fmt == "html":
        return html.escape(text).replace("\n", "<br />")
    return text  # grid keeps line breaks; the csv module quotes what CSV and TSV need


def raw_table(headers: Sequence[str], rows: Sequence[Sequence[str]], fmt: TableFormat) -> str:
    """The table in ``fmt`` of cells that are already escaped for it (see `escape`)."""
    if fmt in ("csv", "tsv"):
        out = io.StringIO()
        writer = csv.writer(out, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(headers)
        writer.writerows(rows)
        return out.getvalue().rstrip("\n")
    if fmt == "html":
        head = "".join(f"<th>{h}</th>" for h in headers)
        body = "\n".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
        return f"<table>\n<thead>\n<tr>{head}</tr>\n</thead>\n<tbody>\n{body}\n</tbody>\n</table>"
    text = tabulate(
        [list(row) for row in rows],
        headers=list(headers),
        tablefmt="latex_raw" if fmt.startswith("latex") else fmt,  # cells are escaped already
        disable_numparse=True,
    )
    if fmt == "latex_booktabs":
        rules = iter((r"\toprule", r"\midrule", r"\bottomrule"))
        text = "\n".join(next(rules, line) if line == r"\hline" else line for line in text.split("\n"))
    return text


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], fmt: TableFormat) -> str:
    """The table of ``rows`` under ``headers`` in ``fmt``; every cell is text.

    Examples:
        >>> print(table(["area", "value"], [["trade", "≈ $200m"]], "github"))
        | area   | value   |
        |--------|---------|
        | trade  | ≈ $200m |
    """
    return raw_table([escape(h, fmt) for h in headers], [[escape(c, fmt) for c in row] for row in rows], fmt)
