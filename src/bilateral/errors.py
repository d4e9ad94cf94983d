"""The one exception for bad data, and the problems it carries."""

import re
import unicodedata

import attrs

__all__ = [
    "InvalidDataError",
    "MissingExtraError",
    "Problem",
    "UnsupportedScriptError",
    "child_path",
    "shown",
]

#: The most characters of a value that a message quotes; a longer one is cut, with its length.
SHOWN = 60


def shown(value: object) -> str:
    """``repr`` of a value for a message, cut to `SHOWN` characters with its length if it is longer.

    Examples:
        >>> shown("pdvsa"), shown("x" * 100)
        ("'pdvsa'", "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…' (100 characters)")
    """
    if isinstance(value, str) and len(value) > SHOWN:
        cut = repr(value[:SHOWN])
        return f"{cut[:-1]}…{cut[-1]} ({len(value):,} characters)"
    text = repr(value)
    return text if len(text) <= SHOWN else f"{text[:SHOWN]}… ({len(text):,} characters)"


_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*", re.ASCII)


def child_path(path: str, key: object) -> str:
    """The path of ``key`` inside ``path``: ``$.key`` for a plain key, ``$["odd key"]`` for any other."""
    if isinstance(key, str) and _KEY.fullmatch(key):
        return f"{path}.{key}"
    return f"{path}[{shown(key)}]"


@attrs.frozen
class Problem:
    """One thing wrong with some data.

    ``str()`` of a problem puts the place first, as compilers do, so that an
    editor can jump to it: ``file.yaml:12:5: $.instruments[3].signed: …`` for a
    file, ``line 12, column 5: $.instruments[3].signed: …`` for a text read
    with `loads`, and the path alone where there is no line (TOML values, data
    built in Python).

    Attributes:
        path: Where, as a JSONPath from the document's root (``$.instruments[3].signed``).
        message: What is wrong, naming the bad value.
        file: The file it is in, if the data came from one.
        line: The line (from 1) of the value it is about in the text read, if the format gives one.
        column: The column (from 1, in characters) of that value, with ``line``.
    """

    path: str
    message: str
    file: str | None = None
    line: int | None = None
    column: int | None = None

    def sort_key(self) -> tuple[str, list[tuple[int, int | str]]]:
        """Order by file, then by path, with list indexes as numbers ([10] after [9])."""
        key: list[tuple[int, int | str]] = []
        for part in self.path.replace("[", ".[").split("."):
            if part.startswith("[") and part[1:-1].isdigit():
                key.append((0, int(part[1:-1])))
            else:
                key.append((1, part))
        return (self.file or "", key)

    def __str__(self) -> str:
        if self.line is not None:
            at = f"{self.line}:{self.column}" if self.file else f"line {self.line}, column {self.column}"
            where = f"{self.file}:{at}: {self.path}" if self.file else f"{at}: {self.path}"
        else:
            where = f"{self.file}: {self.path}" if self.file else self.path
        return f"{where}: {self.message}"


class InvalidDataError(ValueError):
    """Data that does not make a valid dataset, with every problem found in it.

    ``str()`` of the error is one line per problem, each with the file, the line
    and column, and the path inside it:

    Examples:
        >>> import bilateral
        >>> bilateral.loads('{"schema_version": 1, "partnerships": [], "colour": "red"}', "json")
        Traceback (most recent call last):
        ...
        bilateral.errors.InvalidDataError: line 1, column 43: $.colour: unknown field (expected one of: actors, partnerships, sanctions, schema_version, sources)

    Attributes:
        problems: Every problem found, in document order.
    """

    def __init__(self, problems: "list[Problem] | tuple[Problem, ...]") -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def in_file(self, file: str) -> "InvalidDataError":
        """The same problems, said to be in ``file``."""
        return InvalidDataError([attrs.evolve(p, file=file) for p in self.problems])


class MissingExtraError(ImportError):
    """A feature needs an optional dependency that is not installed.

    The message names the extra that brings it: ``pip install 'bilateral[parquet]'``.

    Attributes:
        extra: The name of the extra.
    """

    def __init__(self, feature: str, module: str, extra: str) -> None:
        self.extra = extra
        super().__init__(
            f"{feature} needs {module}, which is not installed; "
            f"install bilateral with the '{extra}' extra: pip install 'bilateral[{extra}]'",
            name=module,
        )


_SETUPS = {"pdflatex": "Latin, Cyrillic, Greek", "lualatex": "Latin, Cyrillic, Greek, Arabic, CJK"}


class UnsupportedScriptError(ValueError):
    """Text that a LaTeX engine, as bilateral sets it up, cannot typeset.

    Raised before any TeX runs, so that the message names the text and its
    script rather than leaving it to a TeX log.

    Attributes:
        text: The text (a cell, a title, a note).
        script: The script of the first character that cannot be typeset (``Arabic``, ``CJK``, ``symbol``).
        char: That character.
        engine: The engine (``pdflatex`` or ``lualatex``).
        where: What the text is (``the title of table 'Russia–Iran: sources'``).
    """

    def __init__(self, text: str, script: str, char: str, engine: str, where: str) -> None:
        self.text, self.script, self.char, self.engine, self.where = text, script, char, engine, where
        shown = text if len(text) <= 80 else text[:79] + "…"
        what = f"its {script} script" if script != "symbol" else "a symbol"
        hint = (
            'write the document for lualatex (engine="lualatex", or --engine lualatex)'
            if engine == "pdflatex" and script != "symbol"
            else "remove or replace the character"
        )
        name = unicodedata.name(char, "unnamed")
        super().__init__(
            f"{engine} cannot typeset {where}, {shown!r}: {what} ({char}, U+{ord(char):04X} {name}) "
            f"is not in {engine}'s setup ({_SETUPS.get(engine, '')}); {hint}"
        )
