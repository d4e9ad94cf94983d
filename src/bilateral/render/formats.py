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
    "₽": r"RUB\,",  # no ruble sign in pdflatex's fonts: the ISO code, as a thin-spaced prefix
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


_URL = re.compile(r"(https?://[^\s<>\"]*[^\s<>\".,;:)])")


# Runs of Cyrillic, Greek or Arabic-script words (with the spaces and punctuation between them), set
# in their language: Russian, Greek, Persian.
# What may stand between the words of a run of one script: spaces, digits, punctuation, and
# brackets and guillemets as long as they pair up inside the run (not “”: ``'' are other
# glyphs in LGR).
_BETWEEN = r"[\s\d.,:;!?()«»\-–—]+"
_PAIRS = {"(": ")", "«": "»"}
_RUNS = {
    "russian": "[\u0400-\u04ff]",
    "greek": "[\u0370-\u03ff\u1f00-\u1fff]",
    "persian": "[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefe\u200c\u200d]",  # with ZWNJ, ZWJ
}
_LANGUAGES = re.compile(
    "|".join(f"(?P<{name}>{letter}+(?:{_BETWEEN}{letter}+)*[)»]*)" for name, letter in _RUNS.items())
)


def _balanced(run: str, letter: re.Pattern[str]) -> int:
    """How much of ``run`` to set as one: up to its last letter or closing mark outside any unclosed pair."""
    open_: list[str] = []
    end = 1
    for i, char in enumerate(run):
        closed = bool(open_) and char == open_[-1]
        if char in _PAIRS:
            open_.append(_PAIRS[char])
        elif closed:
            open_.pop()
        elif char in _PAIRS.values():
            return end  # a closing mark the run did not open
        if not open_ and (closed or letter.fullmatch(char)):
            end = i + 1
    return end


_LETTERS = {name: re.compile(letter) for name, letter in _RUNS.items()}


def _latex_text(text: str) -> str:
    r"""Text with LaTeX's specials escaped, and Cyrillic, Greek and Arabic script in ``\foreignlanguage``.

    The language switch selects the T2A or LGR font encoding under pdflatex,
    and the font and the right-to-left direction under lualatex (and
    hyphenation in both); Cyrillic is set as Russian, Arabic script as
    Persian. A run takes in the spaces, punctuation and paired brackets
    between its words, so that a right-to-left phrase is set as one.
    """
    out, at = [], 0
    while (match := _LANGUAGES.search(text, at)) is not None:
        name = match.lastgroup or ""
        end = match.start() + _balanced(match.group(0), _LETTERS[name])
        out.append(_LATEX_RE.sub(lambda m: _LATEX[m.group(0)], text[at : match.start()]))
        inner = _LATEX_RE.sub(lambda m: _LATEX[m.group(0)], text[match.start() : end])
        out.append(f"\\foreignlanguage{{{name}}}{{{inner}}}")
        at = end
    out.append(_LATEX_RE.sub(lambda m: _LATEX[m.group(0)], text[at:]))
    return "".join(out)


def _latex_url(url: str) -> str:
    """A URL in LaTeX, free to break after ``/``, ``.``, ``-`` and the like."""
    pieces = re.split(r"(?<=[/.\-_=?&#])", url)
    return "\\allowbreak{}".join(_LATEX_RE.sub(lambda m: _LATEX[m.group(0)], p) for p in pieces if p)


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
        return "".join(
            _latex_url(piece) if _URL.fullmatch(piece) else _latex_text(piece) for piece in _URL.split(text)
        )
    if fmt == "mediawiki":
        return text.replace("|", "{{!}}").replace("\n", "<br />")
    if fmt == "orgtbl":
        return text.replace("|", "\\vert{}").replace("\n", " ")
    if fmt in ("rst", "plain"):
        return text.replace("\n", " ")
    if fmt == "html":
        return html.escape(text).replace("\n", "<br />")
    return text  # grid keeps line breaks; the csv module quotes what CSV and TSV need


def raw_table(
    headers: Sequence[str], rows: Sequence[Sequence[str]], fmt: TableFormat, fit: bool = True
) -> str:
    """The table in ``fmt`` of cells that are already escaped for it (see `escape`).

    LaTeX tables are ``longtable`` environments, which break across pages
    and repeat their header; with ``fit`` (the default) their columns wrap
    and share the text width (see `fit_latex`).
    """
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
    if fmt in ("latex", "latex_booktabs"):
        return _longtable(headers, rows, fmt == "latex_booktabs", fit)
    return tabulate(
        [list(row) for row in rows],
        headers=list(headers),
        tablefmt=fmt,
        disable_numparse=True,
    )


def _longtable(headers: Sequence[str], rows: Sequence[Sequence[str]], booktabs: bool, fit: bool) -> str:
    r"""A ``longtable``: its header repeats on every page, and a note says where it goes on.

    Needs ``\usepackage{longtable,array}`` (and ``booktabs`` for booktabs rules).
    """
    top, mid, bottom = (r"\toprule", r"\midrule", r"\bottomrule") if booktabs else (r"\hline",) * 3
    count = len(headers)
    widths, spec = _column_spec(headers, rows) if fit else ([], "l" * count)
    head = " & ".join(headers) + r" \\"
    lines = [
        r"{\small\setlength{\tabcolsep}{3pt}\setlength{\LTleft}{0pt}%",
        *widths,
        f"\\begin{{longtable}}{{{spec}}}",
        top,
        head,
        mid,
        r"\endfirsthead",
        f"\\multicolumn{{{count}}}{{l}}{{\\footnotesize\\emph{{(continued)}}}} \\\\",
        top,
        head,
        mid,
        r"\endhead",
        mid,
        f"\\multicolumn{{{count}}}{{r}}{{\\footnotesize\\emph{{(continued on the next page)}}}} \\\\",
        r"\endfoot",
        bottom,
        r"\endlastfoot",
        *(" & ".join(row) + r" \\" for row in rows),
        r"\end{longtable}",
        "}",
    ]
    return "\n".join(lines)


_CELL_SPLIT = re.compile(r"(?<!\\)&")
_NARROW = "\\edef\\{name}{{\\the\\dimexpr(\\linewidth-{gaps}\\tabcolsep)*{share}/1000\\relax}}%"
_NATURAL = "\\edef\\{name}{{{width:.1f}em}}%"
_WIDE = "\\edef\\{name}{{\\the\\dimexpr{floor:.1f}em+(\\linewidth-{floors:.1f}em-{gaps}\\tabcolsep)*{share}/1000\\relax}}%"


def _column_spec(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> tuple[list[str], str]:
    r"""Ragged-right ``p`` columns that fit ``\linewidth``, whatever the page.

    Where every cell fits on one line, each column is as wide as its
    longest cell, and the table is narrower than the line. Otherwise each
    column gets room for its longest unbreakable word (up to 14em;
    text breaks at spaces, after hyphens, and in URLs), and the rest of the
    line is shared by how much text the columns hold on average. On a line
    too short for all those words (a portrait page and many columns), every
    column shrinks by its share of those words' room, a long word of letters
    counting as no more than 12 letters (TeX can hyphenate it, where it
    cannot break "known)" or "2024)"), and TeX hyphenates. Returns the lines that set the widths
    (``\bilateralcolA``, … inside the table's group, so nothing leaks) and
    the column spec.
    """
    count = len(headers)
    word, stiff, total, longest = [1] * count, [1] * count, [0] * count, [1] * count
    for row in [headers, *rows]:
        for i, cell in enumerate(list(row)[:count]):
            # A header's long word may be hyphenated once ("in-struments"): it asks for less room.
            words = _words(cell)
            pieces = [len(w) if row is not headers or len(w) < 8 else (len(w) + 1) // 2 + 2 for w in words]
            word[i] = max([word[i], *pieces])
            # On a short line a long word of letters is hyphenated, so it asks for no more than 12.
            bent = [min(n, 12) if w.isalpha() else n for n, w in zip(pieces, words, strict=True)]
            stiff[i] = max([stiff[i], *bent])
            longest[i] = max(longest[i], len(_visible(cell)))
    for row in rows or [headers]:
        for i, cell in enumerate(list(row)[:count]):
            total[i] += min(len(_visible(cell)), 300)
    # A character of the small font is about half an em wide.
    floors = [round(min(w * 0.55 + 0.5, 14.0), 1) for w in word]
    shares = _thousandths([max(t, 1) / sum(max(t, 1) for t in total) for t in total])
    # On a line too short for every word, every column shrinks by its share of the words' room.
    squeezed = [round(min(w * 0.55 + 0.5, 14.0), 1) for w in stiff]
    narrow = _thousandths([f / sum(squeezed) for f in squeezed])
    names = [f"bilateralcol{_letters(i)}" for i in range(count)]
    # On a line long enough for every cell, each column is as wide as its longest cell.
    natural = [max(round(n * 0.55 + 1.0, 1), f) for n, f in zip(longest, floors, strict=True)]
    gaps, room = 2 * count, sum(floors)
    widths = [
        f"\\ifdim\\linewidth<\\dimexpr{room:.1f}em+{gaps}\\tabcolsep\\relax",
        *(_NARROW.format(name=m, gaps=gaps, share=n) for m, n in zip(names, narrow, strict=True)),
        f"\\else\\ifdim\\linewidth<\\dimexpr{sum(natural):.1f}em+{gaps}\\tabcolsep\\relax",
        *(
            _WIDE.format(name=m, floor=f, floors=room, gaps=gaps, share=t)
            for m, f, t in zip(names, floors, shares, strict=True)
        ),
        r"\else",
        *(_NATURAL.format(name=m, width=w) for m, w in zip(names, natural, strict=True)),
        r"\fi\fi",
    ]
    column = ">{\\raggedright\\arraybackslash\\hspace{0pt}}p{\\%s}"
    return widths, "".join(column % m for m in names)


def _letters(index: int) -> str:
    """A, B, …, Z, AA, AB, …: a column's name in a TeX macro (which cannot hold digits)."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


def _thousandths(shares: Sequence[float]) -> list[int]:
    """Shares that add up to one, in thousandths that add up to 1000 exactly (largest remainders)."""
    exact = [s * 1000 for s in shares]
    whole = [int(e) for e in exact]
    by_remainder = sorted(range(len(exact)), key=lambda i: whole[i] - exact[i])
    for i in by_remainder[: 1000 - sum(whole)]:
        whole[i] += 1
    return whole


_COMMAND = re.compile(r"\\foreignlanguage\{\w+\}|\\[A-Za-z]+|[{}]")


def _visible(cell: str) -> str:
    """An escaped cell's text, roughly as printed: commands and braces removed."""
    return _COMMAND.sub("", cell)


def _words(cell: str) -> list[str]:
    """The pieces of an escaped cell that cannot break across lines."""
    text = _visible(cell.replace("\\allowbreak{}", " "))
    return re.sub(r"(?<=-)", " ", text).split()  # TeX breaks a line after a hyphen, not after a slash


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], fmt: TableFormat, fit: bool = True) -> str:
    """The table of ``rows`` under ``headers`` in ``fmt``; every cell is text, none is shortened.

    A LaTeX table is a ``longtable`` that breaks across pages; ``fit`` (the
    default) wraps its columns to the text width (see `raw_table`).

    Examples:
        >>> print(table(["area", "value"], [["trade", "≈ $200m"]], "github"))
        | area   | value   |
        |--------|---------|
        | trade  | ≈ $200m |
    """
    return raw_table(
        [escape(h, fmt) for h in headers], [[escape(c, fmt) for c in row] for row in rows], fmt, fit
    )


_TABULAR = re.compile(r"\\begin\{tabular\}\{(l+)\}(.*?)\\end\{tabular\}", re.S)


def fit_latex(text: str) -> str:
    r"""LaTeX tables of ``l`` columns made to fit the text width, their long cells wrapping.

    bilateral's own LaTeX tables are fitted already (see `raw_table`), and
    pass through unchanged. Each ``tabular`` of ``l`` columns in ``text``
    (from tabulate, say) becomes a ``longtable`` that breaks across pages,
    its ragged-right ``p`` columns sharing ``\linewidth``: each is wide
    enough for its longest word, and the rest is shared by how long the
    columns' cells are. Needs ``\usepackage{longtable,array}`` (and
    ``booktabs`` for booktabs rules). Anything else in ``text`` is left as it is.

    Examples:
        >>> text = fit_latex("\\begin{tabular}{ll}\n\\hline\n a & bbb \\\\\n\\hline\n\\end{tabular}")
        >>> "\\begin{longtable}" in text, text.count("p{\\bilateralcol"), "tabular" in text
        (True, 2, False)
    """

    def fitted(match: re.Match[str]) -> str:
        count = len(match.group(1))
        lines = [line.strip() for line in match.group(2).splitlines() if line.strip()]
        rules = [line for line in lines if not line.endswith("\\\\")]
        cells = [
            [c.strip() for c in _CELL_SPLIT.split(line[:-2])][:count]
            for line in lines
            if line.endswith("\\\\")
        ]
        if not cells:
            return match.group(0)
        rows = [row + [""] * (count - len(row)) for row in cells]
        return _longtable(rows[0], rows[1:], r"\toprule" in rules, fit=True)

    return _TABULAR.sub(fitted, text)
