"""Tables in every format a report needs: one dialect per output family.

A `Dialect` holds what its family does differently: how it escapes a cell,
how a footnote marker and the list of sources under a table look, whether
anything may stand under the rows at all, and how a table is fitted (LaTeX
to the text width, the terminal formats to a number of columns). There are
five families: plain text (``plain``, ``grid``, ``rst``, ``orgtbl``,
``mediawiki``), Markdown (``github``, ``pipe``), HTML, LaTeX (``latex``,
``latex_booktabs``) and delimited text for spreadsheets (``csv``, ``tsv``).
`dialect` finds a format's, and refuses a format it does not know.

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

from bilateral.render.scripts import LatexEngine

__all__ = [
    "CITATIONS",
    "TABLE_FORMATS",
    "Citations",
    "Delimited",
    "Dialect",
    "Entry",
    "Html",
    "Latex",
    "Markdown",
    "TableFormat",
    "Text",
    "check_citations",
    "dialect",
    "escape",
    "fit_latex",
    "raw_table",
    "table",
]

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

Citations = Literal["footnotes", "column", "none"]
#: How a table may carry its sources: numbered footnotes, a column, or not at all.
CITATIONS: tuple[Citations, ...] = typing.get_args(Citations)

#: A source as listed under a table: its line of text, and its address if it has one to link.
Entry = tuple[str, str | None]

SINGLE, STATE_ONLY = "*", "§"


class Dialect:
    """How one output family writes a table, its footnote markers and the notes under it.

    Attributes:
        format: The table format this dialect writes.
        footers: Whether anything may stand under the rows (not in CSV or
            TSV, where it would be read as more rows); where not, a table's
            sources are a column.
        wraps: Whether `table` can wrap cells to a number of columns (the
            terminal formats).
    """

    footers = True
    wraps = False

    def __init__(self, format: TableFormat) -> None:
        self.format = format

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.format!r})"

    def escape(self, text: str) -> str:
        """``text`` made safe for a cell: what the format reads as markup, and line breaks."""
        return text.replace("\n", " ")

    def flags(self, flags: str) -> str:
        """The marks ``*`` and ``§`` as the format writes them."""
        return flags

    def paragraphs(self, texts: Sequence[str]) -> str:
        """Paragraphs of running text, each escaped, a blank line between them."""
        return "\n\n".join(self.escape(t) for t in texts)

    def marker(self, numbers: Sequence[int], flags: str, anchor: str) -> str:
        """What follows a row's first cell: its sources' numbers, in order, then its marks."""
        text = ",".join(str(n) for n in sorted(numbers))
        return (f" [{text}]" if text else "") + self.flags(flags)

    def table(self, headers: Sequence[str], rows: Sequence[Sequence[str]], fit: bool = True) -> str:
        """The table of cells that are escaped already; ``fit`` is the dialect's (see the subclasses)."""
        return tabulate(
            [list(row) for row in rows], headers=list(headers), tablefmt=self.format, disable_numparse=True
        )

    def footer(self, listed: Sequence[Entry], notes: Sequence[str], anchor: str) -> str:
        """The numbered list of sources under a table, then its notes ('' when there is neither)."""
        if not listed and not notes:
            return ""
        numbered = [f"[{n}] {line}" for n, (line, _) in enumerate(listed, 1)]
        return "\n\n" + "\n".join([*numbered, *([""] if numbered and notes else []), *notes])


class Text(Dialect):
    """Plain text for a terminal or a wiki: ``plain``, ``grid``, ``rst``, ``orgtbl``, ``mediawiki``.

    With a ``width``, `wrap` gives the widths that make a table fit that many columns.
    """

    def __init__(self, format: TableFormat) -> None:
        super().__init__(format)
        self.wraps = format != "mediawiki"

    def escape(self, text: str) -> str:
        if self.format == "mediawiki":
            return text.replace("|", "{{!}}").replace("\n", "<br />")
        if self.format == "orgtbl":
            return text.replace("|", "\\vert{}").replace("\n", " ")
        if self.format == "grid":
            return text  # grid keeps line breaks
        return text.replace("\n", " ")

    def wrapped(self, headers: Sequence[str], rows: Sequence[Sequence[str]], width: int) -> tuple[str, bool]:
        """The table with its longest cells wrapped onto more lines so that it fits ``width`` columns.

        Returns the table and whether any cell was wrapped. Every character
        of every cell is kept; a word longer than its column is broken. A
        table of so many columns that 8 characters each cannot fit is
        drawn at 8 each, wider than ``width``.
        """
        columns = [[h, *(r[i] for r in rows if i < len(r))] for i, h in enumerate(headers)]
        natural = [max((_longest_line(c) for c in cells), default=1) for cells in columns]
        drawn = self.table(headers, rows)
        if _longest_line(drawn) <= width:
            return drawn, False
        overhead = _longest_line(drawn) - sum(natural)
        # Each column gets room for its longest word (8 to 16 characters), and the rest of the line
        # is shared by how much text the columns hold, none wider than its longest cell.
        words = [max((len(w) for c in cells for w in c.split()), default=1) for cells in columns]
        widths = [min(n, max(8, min(w, 16))) for n, w in zip(natural, words, strict=True)]
        text = [sum(len(c) for c in cells[1:]) or 1 for cells in columns]
        spare = width - overhead - sum(widths)
        while spare > 0:
            growing = [i for i, (w, n) in enumerate(zip(widths, natural, strict=True)) if w < n]
            if not growing:
                break
            total = sum(text[i] for i in growing)
            given = 0
            for i in growing:
                more = min(natural[i] - widths[i], max(1, spare * text[i] // total))
                more = min(more, spare - given)
                widths[i] += more
                given += more
            spare -= given
            if given == 0:
                break
        fitted = None  # the widest drawing that fits
        for _ in range(len(widths) * 4):
            limits = [w if n > w else None for w, n in zip(widths, natural, strict=True)]
            drawn = self.table(
                [_wrap(h, limit) for h, limit in zip(headers, limits, strict=True)],
                [[_wrap(str(cell), limit) for cell, limit in zip(row, limits, strict=False)] for row in rows],
            )
            over = _longest_line(drawn) - width
            if over > 0:  # a marker that cannot break, or padding, widened a column: narrow the widest
                if fitted is not None:
                    break
                widest = max(range(len(widths)), key=widths.__getitem__)
                if widths[widest] <= 8:
                    break
                widths[widest] = max(8, widths[widest] - over)
                continue
            fitted = drawn
            short = [i for i, (w, n) in enumerate(zip(widths, natural, strict=True)) if w < n]
            if over == 0 or not short:
                break
            grow = max(short, key=lambda i: text[i] / widths[i])  # room left: to the most crowded column
            widths[grow] = min(natural[grow], widths[grow] - over)
        return fitted or drawn, True

    def wrapped_lines(self, text: str, width: int) -> str:
        """Lines of text (the sources and notes under a table) wrapped at spaces to ``width``.

        A numbered entry's later lines are indented under its text; a word
        longer than the line (an address) stays whole, to be copied as one.
        """
        out = []
        for line in text.split("\n"):
            number = re.match(r"(\[\d+\] |\d+\. )", line)
            indent = " " * len(number.group(1)) if number else ""
            wrapped = _wrap_words(line, width, indent)
            out.append(wrapped)
        return "\n".join(out)


def _wrap_words(line: str, width: int, indent: str) -> str:
    """``line`` broken at spaces into lines of at most ``width`` (a longer word alone on its line)."""
    if len(line) <= width:
        return line
    lines, current = [], ""
    for word in line.split(" "):
        candidate = f"{current} {word}" if current else word
        if len(candidate) <= width or not current.strip():
            current = candidate
        else:
            lines.append(current)
            current = indent + word
    lines.append(current)
    return "\n".join(lines)


class Markdown(Text):
    """Markdown tables, GitHub's or PHP Markdown Extra's pipes: ``github``, ``pipe``."""

    def __init__(self, format: TableFormat) -> None:
        super().__init__(format)
        self.wraps = True

    def escape(self, text: str) -> str:
        return html.escape(text, quote=False).replace("|", "&#124;").replace("\n", "<br>")

    def flags(self, flags: str) -> str:
        return flags.replace("*", "\\*")  # a lone * would start emphasis

    def marker(self, numbers: Sequence[int], flags: str, anchor: str) -> str:
        text = ",".join(str(n) for n in sorted(numbers))
        return f"<sup>{text}</sup>{self.flags(flags)}" if text else self.flags(flags)

    def footer(self, listed: Sequence[Entry], notes: Sequence[str], anchor: str) -> str:
        if not listed and not notes:
            return ""
        numbered = [f"{n}. {line}" for n, (line, _) in enumerate(listed, 1)]
        notes = [n.replace("*", "\\*") for n in notes]  # a leading * would make a list item
        return "\n\n" + "\n".join([*numbered, *([""] if numbered and notes else []), *notes])

    def heading(self, level: int, text: str, anchor: str) -> str:
        """A section heading of a document."""
        return f"{'#' * level} {text}"

    def document(
        self,
        title: str,
        day: str,
        contents: Sequence[tuple[int, str, str]],
        body: Sequence[str],
        engine: LatexEngine = "pdflatex",
    ) -> str:
        """A whole document of the parts in ``body``, under ``title`` and ``day`` (not escaped yet).

        ``contents`` (level, id, text of each heading) is HTML's table of
        contents; ``engine`` is LaTeX's. Markdown needs neither.
        """
        return "\n\n".join([f"# {title}", f"*{day}; made with bilateral*", *body]) + "\n"


class Html(Dialect):
    """HTML: tables, each marker a link to its source's entry, each source's address a link."""

    def escape(self, text: str) -> str:
        return html.escape(text).replace("\n", "<br />")

    def marker(self, numbers: Sequence[int], flags: str, anchor: str) -> str:
        links = ",".join(f'<a href="#{anchor}-{n}">{n}</a>' for n in sorted(numbers))
        return f"<sup>{links}</sup>{flags}" if numbers else flags

    def table(self, headers: Sequence[str], rows: Sequence[Sequence[str]], fit: bool = True) -> str:
        head = "".join(f"<th>{h}</th>" for h in headers)
        body = "\n".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
        return f"<table>\n<thead>\n<tr>{head}</tr>\n</thead>\n<tbody>\n{body}\n</tbody>\n</table>"

    def footer(self, listed: Sequence[Entry], notes: Sequence[str], anchor: str) -> str:
        if not listed and not notes:
            return ""
        items = "".join(f'<li id="{anchor}-{n}">{_linked(entry)}</li>' for n, entry in enumerate(listed, 1))
        parts = [f'<ol class="sources">{items}</ol>'] if listed else []
        parts += [f"<p>{html.escape(n)}</p>" for n in notes]
        return "\n" + "\n".join(parts)

    def heading(self, level: int, text: str, anchor: str) -> str:
        return f'<h{level} id="{anchor}">{html.escape(text)}</h{level}>'

    def paragraphs(self, texts: Sequence[str]) -> str:
        return "\n".join(f"<p>{html.escape(t)}</p>" for t in texts)

    def document(
        self,
        title: str,
        day: str,
        contents: Sequence[tuple[int, str, str]],
        body: Sequence[str],
        engine: LatexEngine = "pdflatex",
    ) -> str:
        """A whole page: title, date line, a table of contents of ``contents`` (level, id, text), ``body``."""
        toc = "\n".join(
            f'<li class="level-{level}"><a href="#{anchor}">{html.escape(text)}</a></li>'
            for level, anchor, text in contents
        )
        return _PAGE.format(title=html.escape(title), day=html.escape(day), toc=toc, body="\n".join(body))


def _linked(entry: Entry) -> str:
    """A source's line in HTML, its address a link (a site's name alone, with no scheme, is no link)."""
    line, url = entry
    if not url or not url.startswith(("http://", "https://")) or url not in line:
        return html.escape(line)
    before, after = line.split(url, 1)
    address = html.escape(url)
    return f'{html.escape(before)}<a href="{address}">{address}</a>{html.escape(after)}'


class Latex(Dialect):
    r"""LaTeX: ``longtable`` tables that break across pages, fitted to ``\linewidth`` unless told not to."""

    def escape(self, text: str) -> str:
        from bilateral.render import latex  # its patterns are compiled only for LaTeX

        return latex.escape(text)

    def flags(self, flags: str) -> str:
        return flags.replace(STATE_ONLY, r"\S{}")

    def marker(self, numbers: Sequence[int], flags: str, anchor: str) -> str:
        text = ",".join(str(n) for n in sorted(numbers))
        return (f"\\textsuperscript{{{text}}}" if text else "") + self.flags(flags)

    def table(self, headers: Sequence[str], rows: Sequence[Sequence[str]], fit: bool = True) -> str:
        from bilateral.render import latex

        return latex.longtable(headers, rows, self.format == "latex_booktabs", fit)

    def footer(self, listed: Sequence[Entry], notes: Sequence[str], anchor: str) -> str:
        if not listed and not notes:
            return ""
        parts = []
        if listed:
            items = "\n".join(f"  \\item {self.escape(line)}" for line, _ in listed)
            parts.append(
                f"\\begin{{enumerate}}\\small\\raggedright\\setlength{{\\itemsep}}{{0pt}}\n{items}\n\\end{{enumerate}}"
            )
        parts += [f"\\par\\noindent {self.escape(n)}\\par" for n in notes]  # a paragraph each
        return "\n" + "\n".join(parts)

    def heading(self, level: int, text: str, anchor: str) -> str:
        command = "section" if level <= 2 else "subsection"
        return f"\\{command}*{{{self.escape(text)}}}"

    def document(
        self,
        title: str,
        day: str,
        contents: Sequence[tuple[int, str, str]],
        body: Sequence[str],
        engine: LatexEngine = "pdflatex",
    ) -> str:
        """A whole document for ``engine`` (its preamble: see `bilateral.render.latex`)."""
        from bilateral.render import latex

        return latex.document(self.escape(title), self.escape(day), "\n\n".join(body), engine)


class Delimited(Dialect):
    """CSV and TSV for spreadsheets: one table, its header row first, nothing under the rows."""

    footers = False

    def escape(self, text: str) -> str:
        return text  # the csv module quotes what needs it

    def table(self, headers: Sequence[str], rows: Sequence[Sequence[str]], fit: bool = True) -> str:
        out = io.StringIO()
        writer = csv.writer(out, delimiter="," if self.format == "csv" else "\t", lineterminator="\n")
        writer.writerow(headers)
        writer.writerows(rows)
        return out.getvalue().rstrip("\n")

    def footer(self, listed: Sequence[Entry], notes: Sequence[str], anchor: str) -> str:
        return ""  # anything under the rows would be read as more rows


_FAMILIES: dict[TableFormat, type[Dialect]] = {
    "github": Markdown,
    "pipe": Markdown,
    "latex": Latex,
    "latex_booktabs": Latex,
    "html": Html,
    "rst": Text,
    "mediawiki": Text,
    "orgtbl": Text,
    "plain": Text,
    "grid": Text,
    "csv": Delimited,
    "tsv": Delimited,
}
_DIALECTS: dict[str, Dialect] = {name: family(name) for name, family in _FAMILIES.items()}


def dialect(fmt: str) -> Dialect:
    """The dialect that writes ``fmt``.

    Raises:
        ValueError: ``fmt`` is not a table format; the message lists them.

    Examples:
        >>> dialect("github"), dialect("latex_booktabs")
        (Markdown('github'), Latex('latex_booktabs'))
        >>> dialect("markdown")
        Traceback (most recent call last):
        ...
        ValueError: unknown table format 'markdown' (choose from github, pipe, latex, latex_booktabs, html, rst, mediawiki, orgtbl, plain, grid, csv, tsv)
    """
    found = _DIALECTS.get(fmt)
    if found is None:
        raise ValueError(f"unknown table format {fmt!r} (choose from {', '.join(TABLE_FORMATS)})")
    return found


def check_citations(citations: str) -> Citations:
    """``citations`` if it is a citation mode.

    Raises:
        ValueError: It is not; the message lists the modes.
    """
    for mode in CITATIONS:
        if citations == mode:
            return mode
    raise ValueError(f"unknown citations mode {citations!r} (choose from {', '.join(CITATIONS)})")


def escape(text: str, fmt: TableFormat) -> str:
    """``text`` made safe for a cell of ``fmt``: pipes, newlines, LaTeX specials.

    Examples:
        >>> escape("a|b\\nc", "github")
        'a&#124;b<br>c'
        >>> escape("≈ $200m & 50%", "latex")
        '\\\\ensuremath{\\\\approx} \\\\$200m \\\\& 50\\\\%'
    """
    return dialect(fmt).escape(text)


def raw_table(
    headers: Sequence[str], rows: Sequence[Sequence[str]], fmt: TableFormat, fit: bool = True
) -> str:
    """The table in ``fmt`` of cells that are already escaped for it (see `escape`).

    LaTeX tables are ``longtable`` environments, which break across pages
    and repeat their header; with ``fit`` (the default) their columns wrap
    and share the text width (see `fit_latex`).
    """
    return dialect(fmt).table(headers, rows, fit)


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
    d = dialect(fmt)
    return d.table([d.escape(h) for h in headers], [[d.escape(c) for c in row] for row in rows], fit)


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
    from bilateral.render import latex

    return latex.fit(text)


def _longest_line(text: str) -> int:
    return max((len(line) for line in text.splitlines()), default=0)


# What a line may not break inside: a marker (``<sup>1,2</sup>``), other markup, a character reference (``&#124;``).
_UNBREAKABLE = re.compile(r"<sup>.*?</sup>|<[^<>\s]*>|&#?\w+;")


def _wrap(cell: str, width: int | None) -> str:
    """``cell`` on lines of at most ``width`` characters, every character kept.

    Lines break at spaces; a word longer than the line breaks where it
    must, preferably after ``/``, ``-``, ``.`` or ``,``, and never inside
    markup or a character reference.
    """
    if width is None or _longest_line(cell) <= width:
        return cell
    lines: list[str] = []
    for text in cell.splitlines() or [""]:
        line = ""
        for word in text.split(" "):
            pieces = _pieces(word, width)
            for n, piece in enumerate(pieces):
                joined = f"{line} {piece}" if line and n == 0 else line + piece
                if len(joined) <= width or not line:
                    line = joined
                else:
                    lines.append(line)
                    line = piece
        lines.append(line)
    return "\n".join(lines)


def _pieces(word: str, width: int) -> list[str]:
    """``word`` cut into pieces of at most ``width`` characters (a piece of markup may be longer)."""
    if len(word) <= width:
        return [word]
    atoms, at = [], 0
    for match in _UNBREAKABLE.finditer(word):
        atoms += [*word[at : match.start()], match.group(0)]
        at = match.end()
    atoms += list(word[at:])
    pieces, piece, good = [], "", -1  # good: where in ``piece`` a break reads best
    for atom in atoms:
        if piece and len(piece) + len(atom) > width:
            cut = good if good > 0 else len(piece)
            pieces.append(piece[:cut])
            piece, good = piece[cut:], -1
        piece += atom
        if atom in "/-.,":
            good = len(piece)
    return [*pieces, piece] if piece else pieces


_PAGE = """<!DOCTYPE html>
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
figure {{ margin: 1em 0; }}
figure svg {{ max-width: 100%; height: auto; }}
figcaption {{ font-size: 0.85em; max-width: 60em; }}
ol.contents {{ list-style: none; padding-left: 0; }}
ol.contents li.level-3 {{ padding-left: 1.5em; }}
ol.sources li:target {{ background: #ffd; }}
@media print {{
  body {{ margin: 0; font-size: 10pt; }}
  nav {{ display: none; }}
  a {{ color: inherit; text-decoration: none; }}
  tr, figure {{ break-inside: avoid; }}
  thead {{ display: table-header-group; }}
  h2, h3 {{ break-after: avoid; }}
}}
</style>
</head>
<body>
<h1>{title}</h1>
<p><em>{day}; made with bilateral</em></p>
<nav aria-label="Contents">
<h2 id="contents">Contents</h2>
<ol class="contents">
{toc}
</ol>
</nav>
{body}
</body>
</html>
"""
