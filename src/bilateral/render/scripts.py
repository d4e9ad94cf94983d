"""Which scripts a LaTeX engine can typeset, and a clear error for text it cannot.

bilateral writes LaTeX for two setups (see ``docs/tables-and-reports.md``
for the Debian packages each needs):

- ``pdflatex``: T1, T2A and LGR font encodings with babel, for Latin with
  its accents, Cyrillic and Greek (every character that LaTeX's ``utf8``
  input encoding maps into those encodings; the compile tests typeset them all).
- ``lualatex``: fontspec through babel, in DejaVu fonts and WenQuanYi Micro
  Hei, adding Arabic script (Persian, Arabic; set right to left) and CJK
  (Chinese, Japanese kana, Korean Hangul).

Text outside its engine's scripts is refused before any TeX runs, with an
`UnsupportedScriptError` that names the text, the script and the engine.
"""

import bisect
import unicodedata
from typing import Literal

from bilateral.errors import UnsupportedScriptError

__all__ = ["LATEX_ENGINES", "LatexEngine", "check", "script"]

LatexEngine = Literal["pdflatex", "lualatex"]
#: The LaTeX engines bilateral writes documents for; pdflatex first, the default.
LATEX_ENGINES: tuple[LatexEngine, ...] = ("pdflatex", "lualatex")

# The characters beyond ASCII that LaTeX's utf8 input encoding maps into the
# T1, TS1, T2A and LGR encodings and that pdflatex typesets with cm-super and
# cbfonts: from t1enc.dfu, ts1enc.dfu, t2aenc.dfu, lgrenc.dfu and utf8enc.dfu
# (TeX Live 2022), less those that failed to compile there.
_PDFLATEX_RANGES = (
    (0x00A0, 0x0125),
    (0x0128, 0x0137),
    (0x0139, 0x013E),
    (0x0141, 0x0148),
    (0x014A, 0x0165),
    (0x0168, 0x017E),
    (0x0192, 0x0192),
    (0x01C4, 0x01D4),
    (0x01E2, 0x01E3),
    (0x01E6, 0x01EB),
    (0x01F0, 0x01F0),
    (0x01F4, 0x01F5),
    (0x0218, 0x021B),
    (0x0232, 0x0233),
    (0x0237, 0x0237),
    (0x02C6, 0x02C7),
    (0x02D8, 0x02D9),
    (0x02DB, 0x02DD),
    (0x0374, 0x0375),
    (0x037A, 0x037A),
    (0x037E, 0x037E),
    (0x0384, 0x038A),
    (0x038C, 0x038C),
    (0x038E, 0x03A1),
    (0x03A3, 0x03CE),
    (0x03D8, 0x03DD),
    (0x03DF, 0x03E1),
    (0x0400, 0x045F),
    (0x0490, 0x0493),
    (0x0496, 0x049D),
    (0x04A0, 0x04A5),
    (0x04AA, 0x04AB),
    (0x04AE, 0x04B3),
    (0x04B6, 0x04BB),
    (0x04C0, 0x04C2),
    (0x04D0, 0x04DF),
    (0x04E2, 0x04E9),
    (0x04EC, 0x04F5),
    (0x04F8, 0x04F9),
    (0x0E3F, 0x0E3F),
    (0x1E02, 0x1E03),
    (0x1E0D, 0x1E0D),
    (0x1E1E, 0x1E21),
    (0x1E25, 0x1E25),
    (0x1E30, 0x1E31),
    (0x1E37, 0x1E37),
    (0x1E43, 0x1E43),
    (0x1E45, 0x1E45),
    (0x1E47, 0x1E47),
    (0x1E5B, 0x1E5B),
    (0x1E63, 0x1E63),
    (0x1E6D, 0x1E6D),
    (0x1E8E, 0x1E91),
    (0x1E9E, 0x1E9E),
    (0x1EF2, 0x1EF3),
    (0x1F00, 0x1F15),
    (0x1F18, 0x1F1D),
    (0x1F20, 0x1F45),
    (0x1F48, 0x1F4D),
    (0x1F50, 0x1F57),
    (0x1F59, 0x1F59),
    (0x1F5B, 0x1F5B),
    (0x1F5D, 0x1F5D),
    (0x1F5F, 0x1F7D),
    (0x1F80, 0x1FB4),
    (0x1FB6, 0x1FC4),
    (0x1FC6, 0x1FD3),
    (0x1FD6, 0x1FDB),
    (0x1FDD, 0x1FEF),
    (0x1FF2, 0x1FF4),
    (0x1FF6, 0x1FFE),
    (0x2010, 0x2016),
    (0x2018, 0x201A),
    (0x201C, 0x201E),
    (0x2020, 0x2022),
    (0x2026, 0x2026),
    (0x2030, 0x2031),
    (0x2039, 0x203B),
    (0x203D, 0x203D),
    (0x2044, 0x2044),
    (0x204E, 0x204E),
    (0x2052, 0x2052),
    (0x20A1, 0x20A1),
    (0x20A4, 0x20A4),
    (0x20A6, 0x20A6),
    (0x20A9, 0x20A9),
    (0x20AB, 0x20AC),
    (0x20B1, 0x20B1),
    (0x2103, 0x2103),
    (0x2116, 0x2117),
    (0x211E, 0x211E),
    (0x2120, 0x2120),
    (0x2122, 0x2122),
    (0x2126, 0x2127),
    (0x212E, 0x212E),
    (0x2190, 0x2193),
    (0x2329, 0x232A),
    (0x2422, 0x2423),
    (0x25E6, 0x25E6),
    (0x25EF, 0x25EF),
    (0x266A, 0x266A),
    (0x27E8, 0x27E9),
    (0x3008, 0x3009),
    (0xFB00, 0xFB06),
)
_STARTS = [a for a, _ in _PDFLATEX_RANGES]
# Written as LaTeX commands by `bilateral.render.formats.escape`.
_ESCAPED = frozenset("≈≥≤→×–—“”‘’«»§€£₽")
_LUALATEX_SCRIPTS = frozenset(
    {"Latin", "Cyrillic", "Greek", "Arabic", "CJK", "Hiragana", "Katakana", "Hangul", "Ideographic"}
)
# Blocks of punctuation and symbols that the lualatex fonts hold besides their letters.
_LUALATEX_BLOCKS = (
    (0x00A0, 0x024F),  # Latin-1 Supplement, Latin Extended-A and -B
    (0x2000, 0x206F),  # General Punctuation
    (0x20A0, 0x20CF),  # Currency Symbols
    (0x2100, 0x21FF),  # Letterlike Symbols, Number Forms, Arrows
    (0x2200, 0x22FF),  # Mathematical Operators
    (0x3000, 0x303F),  # CJK Symbols and Punctuation
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms
)
_NAMED = {"CJK": "CJK", "KATAKANA-HIRAGANA": "Katakana"}


def script(char: str) -> str:
    """The script a character belongs to, from its Unicode name, in words.

    Letters and marks are named by their script (``Cyrillic``, ``Arabic``,
    ``CJK``); anything else is ``symbol``.

    Examples:
        >>> script("Ж"), script("گ"), script("中"), script("é"), script("→")
        ('Cyrillic', 'Arabic', 'CJK', 'Latin', 'symbol')
    """
    name = unicodedata.name(char, "")
    if not unicodedata.category(char).startswith(("L", "M")) or not name:
        return "symbol"
    first = name.split()[0]
    return _NAMED.get(first, first.capitalize())


def _pdflatex(char: str) -> bool:
    code = ord(char)
    if code < 0x7F or char in _ESCAPED:
        return code >= 0x20 or char in "\t\n"
    at = bisect.bisect_right(_STARTS, code) - 1
    return at >= 0 and _PDFLATEX_RANGES[at][0] <= code <= _PDFLATEX_RANGES[at][1]


def _lualatex(char: str) -> bool:
    if _pdflatex(char):
        return True
    code = ord(char)
    if script(char) in _LUALATEX_SCRIPTS:
        return True
    return any(a <= code <= b for a, b in _LUALATEX_BLOCKS) or 0x0600 <= code <= 0x06FF


_OK = {"pdflatex": _pdflatex, "lualatex": _lualatex}


def check(text: str, engine: LatexEngine, where: str) -> None:
    """Raise if ``engine`` cannot typeset ``text``; ``where`` says what the text is.

    Raises:
        UnsupportedScriptError: A character of ``text`` is in a script the engine's setup lacks.

    Examples:
        >>> check("Российско-венесуэльские", "pdflatex", "a title")
        >>> check("روابط ایران", "pdflatex", "the title of source 'irna'")
        Traceback (most recent call last):
        ...
        bilateral.errors.UnsupportedScriptError: pdflatex cannot typeset the title of source 'irna', 'روابط ایران': its Arabic script (ر, U+0631 ARABIC LETTER REH) is not in pdflatex's setup (Latin, Cyrillic, Greek); write the document for lualatex (engine="lualatex", or --engine lualatex)
    """
    ok = _OK[engine]
    for char in text:
        if not ok(char):
            raise UnsupportedScriptError(text, script(char), char, engine, where)
