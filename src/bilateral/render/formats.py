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

__all__ = ["TABLE_FORMATS", "TableFormat", "escape", "fit_latex", "raw_table", "table"]

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
    if fmt.startswith("latex") and not rows:  # tabulate gives an empty table no columns
        text = text.replace("\\begin{tabular}{}", "\\begin{tabular}{" + "l" * len(headers) + "}", 1)
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


_TABULAR = re.compile(r"\\begin\{tabular\}\{(l+)\}(.*?)\\end\{tabular\}", re.S)
_CELL_SPLIT = re.compile(r"(?<!\\)&")


def fit_latex(text: str) -> str:
    r"""LaTeX tables made to fit the text width, their long cells wrapping.

    Each ``tabular`` of ``l`` columns gets ragged-right ``p`` columns that
    share ``\linewidth`` (less the gaps between them): each is wide enough for its longest word,
    and the rest is shared by how long the columns' cells are. The table is
    set in a small font with narrow gaps. Needs ``\usepackage{array}`` (and
    ``booktabs`` for ``latex_booktabs``). Anything else in ``text`` is left
    as it is.

    Examples:
        >>> text = fit_latex("\\begin{tabular}{ll}\n a & bbb \\\\\n\\end{tabular}")
        >>> re.findall(r"p\{\\dimexpr([0-9.]+)\\linewidth", text)
        ['0.267', '0.733']
    """

    def fitted(match: re.Match[str]) -> str:
        count = len(match.group(1))
        longest, word = [1] * count, [1] * count
        for line in match.group(2).splitlines():
            if not line.rstrip().endswith("\\\\"):
                continue
            cells = _CELL_SPLIT.split(line.rstrip()[:-2])
            for i, cell in enumerate(cells[:count]):
                longest[i] = max(longest[i], min(len(cell.strip()), 80))
                word[i] = max([word[i], *(len(w) for w in cell.split())])
        # About 60 characters of the small font (with the gaps) fill the width of an article's text.
        floors = [min(w + 2, 30) / 60 for w in word]
        rest = max(1 - sum(floors), 0.0)
        shares = [f + rest * n / sum(longest) for f, n in zip(floors, longest, strict=True)]
        shares = [s / sum(shares) for s in shares]
        spec = "".join(
            f">{{\\raggedright\\arraybackslash}}p{{\\dimexpr{s:.3f}\\linewidth-2\\tabcolsep\\relax}}"
            for s in shares
        )
        return "\\begin{tabular}{" + spec + "}" + match.group(2) + "\\end{tabular}"

    return "{\\small\\setlength{\\tabcolsep}{3pt}\n\\noindent" + _TABULAR.sub(fitted, text) + "\n}"
