r"""LaTeX as bilateral writes it: text escaped and set in its language, tables that break across pages and fit the line.

Text: LaTeX's specials escaped, typographic marks as commands, runs of
Cyrillic, Greek and Arabic script in ``\foreignlanguage`` (see
`bilateral.render.scripts` for what each engine can typeset). Tables:
``longtable`` environments whose header repeats on every page, their
ragged-right columns sharing ``\linewidth``. Documents: the preamble for
``pdflatex`` or ``lualatex``.
"""

import re
from collections.abc import Sequence

from bilateral.render.scripts import LatexEngine

__all__ = ["document", "escape", "fit", "longtable"]

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


# A straight double quote opens at the start, or after a space or an opening bracket; else it closes.
_OPENING_QUOTE = re.compile(r'(?:(?<=^)|(?<=[\s(\[{]))"')


def _text(text: str) -> str:
    r"""Text with LaTeX's specials escaped, and Cyrillic, Greek and Arabic script in ``\foreignlanguage``.

    The language switch selects the T2A or LGR font encoding under pdflatex,
    and the font and the right-to-left direction under lualatex (and
    hyphenation in both); Cyrillic is set as Russian, Arabic script as
    Persian. A run takes in the spaces, punctuation and paired brackets
    between its words, so that a right-to-left phrase is set as one.
    """
    text = _OPENING_QUOTE.sub("“", text).replace('"', "”")  # typeset as ``quotes''
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


def _url(url: str) -> str:
    """A URL in LaTeX, free to break after ``/``, ``.``, ``-`` and the like."""
    pieces = re.split(r"(?<=[/.\-_=?&#])", url)
    return "\\allowbreak{}".join(_LATEX_RE.sub(lambda m: _LATEX[m.group(0)], p) for p in pieces if p)


def escape(text: str) -> str:
    """``text`` for a LaTeX document: specials escaped, URLs free to break, other scripts in their language.

    Examples:
        >>> escape("≈ $200m & 50%")
        '\\\\ensuremath{\\\\approx} \\\\$200m \\\\& 50\\\\%'
    """
    return "".join(_url(piece) if _URL.fullmatch(piece) else _text(piece) for piece in _URL.split(text))


def longtable(headers: Sequence[str], rows: Sequence[Sequence[str]], booktabs: bool, fit: bool) -> str:
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


_TABULAR = re.compile(r"\\begin\{tabular\}\{(l+)\}(.*?)\\end\{tabular\}", re.S)


def fit(text: str) -> str:
    """Each ``tabular`` of ``l`` columns in ``text`` as a fitted ``longtable`` (see `bilateral.render.formats.fit_latex`)."""

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
        return longtable(rows[0], rows[1:], r"\toprule" in rules, fit=True)

    return _TABULAR.sub(fitted, text)


def document(title: str, day: str, body: str, engine: LatexEngine) -> str:
    """A whole document for ``engine`` around ``body``; ``title`` and ``day`` are escaped already."""
    return _DOCUMENT.format(preamble=_PREAMBLES[engine], title=title, day=day, body=body)


_DOCUMENT = r"""\documentclass[10pt]{{article}}
{preamble}
\usepackage[a4paper,landscape,margin=1.5cm]{{geometry}}
\usepackage{{booktabs,longtable,array}}
\usepackage{{url}}
\usepackage{{graphicx}}
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
