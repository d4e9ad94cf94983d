"""Writes docs/data-format.md from the model, so that the reference cannot drift.

    python -m tests.data_format > docs/data-format.md

`tests/test_data_format.py` checks that the page is what this writes.
"""

import datetime as dt
import enum
import types
import typing
from decimal import Decimal
from typing import Any

import attrs

import bilateral
from bilateral.errors import SHOWN
from bilateral.io.formats import MAX_DEPTH, MAX_SIZE, MAX_TEXT
from bilateral.io.schema import descriptions, summary
from bilateral.model import checks
from bilateral.model.integrity import CLAIMS

RECORDS: list[type] = [
    bilateral.Dataset,
    bilateral.Partnership,
    bilateral.Source,
    bilateral.Citation,
    bilateral.AlternativeClaim,
    bilateral.Actor,
    bilateral.Instrument,
    bilateral.Milestone,
    bilateral.Trade,
    bilateral.TradeFigure,
    bilateral.TradeChange,
    bilateral.TradeTarget,
    bilateral.DebtRestructuring,
    bilateral.Disruption,
    bilateral.SanctionMeasure,
    bilateral.SanctionTarget,
    bilateral.Confirmation,
    bilateral.Money,
    bilateral.Quantity,
]

_CHECKS = {
    checks.country: "ISO 3166-1 alpha-3 code (`RUS`)",
    checks.currency: "ISO 4217 code (`USD`)",
    checks.language: "ISO 639-1 code (`en`)",
    checks.identifier: "id (`a-z`, `0-9`, `-`, `_`, `.`)",
    checks.non_empty: "text, not blank",
    checks.non_negative: "number ≥ 0 (below 10²⁰, at most 8 places after the point)",
    checks.bounded: "number (below 10²⁰ in size, at most 8 places after the point)",
}
_PLAIN = {
    str: "text",
    int: "whole number",
    bool: "`true` or `false`",
    Decimal: 'number (write it as text to keep every digit: `"1.10"`)',
    dt.date: "date (`YYYY-MM-DD`)",
    bilateral.PartialDate: "partial date (`2025`, `2025-05`, `2025-05-07`, with `~` `?` `%`)",
    bilateral.Period: "period (`2026/2041`, `2025-11-21/..` ongoing, `2025-11-21/` end unknown; not a bare date)",
}


def _anchor(cls: type) -> str:
    return cls.__name__.lower()


def _type(t: Any) -> str:
    origin = typing.get_origin(t)
    args = typing.get_args(t)
    if origin in (types.UnionType, typing.Union):
        return _type(next(a for a in args if a is not type(None)))
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return f"list of {_type(args[0])}"
        return f"list of {len(args)} × {_type(args[0])}"
    if isinstance(t, type) and issubclass(t, enum.Enum):
        return f"[{t.__name__}](#{_anchor(t)})"
    if attrs.has(t) and t in RECORDS:
        return f"[{t.__name__}](#{_anchor(t)})"
    return _PLAIN.get(t, getattr(t, "__name__", str(t)))


def _describe_type(field: "attrs.Attribute[Any]") -> str:
    if field.type is Any:
        return "the disputed field's type, written as that field is"
    if checks.SINGLE_DATE in field.metadata:
        return f"period (`2026/2041`, `2025-11-21/..`, `2025-11-21/`; a single date is {field.metadata[checks.SINGLE_DATE]})"
    kind = field.metadata.get(checks.REFERS)
    if kind is not None:
        what = f"id of {'an' if kind[0] in 'aeiou' else 'a'} {kind.replace('_', ' ')}"
        return f"list of {what}s" if typing.get_origin(field.type) is tuple else what
    check = field.metadata.get(checks.CHECK)
    if check in _CHECKS:
        base = _CHECKS[check]
        return f"list of {base}" if typing.get_origin(field.type) is tuple else base
    return _type(field.type)


def _default(cls: type, field: "attrs.Attribute[Any]") -> str:
    if field.name == "citations" and issubclass(cls, (*CLAIMS, bilateral.Confirmation)):
        return "**required** (at least one)"
    if field.default is attrs.NOTHING or field.name == "schema_version":  # files must say their version
        return "**required**"
    default = field.default
    if default is None:
        return "optional"
    if default == ():
        return "optional (empty)"
    if isinstance(default, enum.Enum):
        return f"optional (`{default.value}`)"
    if isinstance(default, bool):
        return f"optional (`{str(default).lower()}`)"
    return "optional"


def _enums() -> list[type[enum.Enum]]:
    seen: list[type[enum.Enum]] = []
    for cls in RECORDS:
        for field in attrs.fields(cls):
            for t in (field.type, *typing.get_args(field.type)):
                for inner in (t, *typing.get_args(t)):
                    if isinstance(inner, type) and issubclass(inner, enum.Enum) and inner not in seen:
                        seen.append(inner)
    return seen


def _limits() -> list[str]:
    return [
        "## Limits",
        "",
        "So that any file reads in bounded time and memory, and every value reads one way and",
        "writes back the same, a file is refused, with a problem at the path of each value",
        "that breaks one of these:",
        "",
        "| what | limit |",
        "| --- | --- |",
        f"| a file | at most {MAX_SIZE:,} bytes (a text given to `loads`: characters); `max_size=` on `load`, "
        "`loads` and `validate`, and `--max-size` on the command line, raise it for a file you trust |",
        f"| YAML aliases | may not expand the document past {MAX_SIZE:,} characters, nor refer to a list "
        "or mapping that holds them |",
        f"| nesting | lists and mappings at most {MAX_DEPTH} deep |",
        f"| a text value or a key | at most {MAX_TEXT:,} characters, and no lone surrogate (`\\ud800`: "
        "half of a character, which JSON can escape and no file can hold) |",
        "| characters in text | no control character but a tab and a newline (an ANSI escape, a carriage "
        "return, DEL, C1), and no bidirectional control (U+202A–U+202E, U+2066–U+2069): a terminal acts on "
        "the first, and the second shows text in another order than it is written |",
        f"| a number (amount, quantity, change) | below 10²⁰ in size ({checks.MAX_WHOLE_DIGITS} digits before "
        f"the point) and at most {checks.MAX_PLACES} places after it: 28 digits, which `Decimal` computes "
        "with exactly |",
        f"| a value quoted in a message | cut to {SHOWN} characters, with its length |",
        "",
        "A plain YAML value that YAML 1.1 and YAML 1.2 read differently is refused with both",
        "readings and the fix: `010` (octal 8 to YAML 1.1, 10 to YAML 1.2), `1_000`, `1:30` and",
        "`190:20:30.15` (base 60), `0b101`. Quote it for text, or write the number in plain",
        "digits. `yes`, `no`, `on` and `off` are true and",
        "false, and refused as text with the advice to quote them. Of YAML's tags, `!!str`,",
        "`!!int`, `!!float`, `!!bool`, `!!null`, `!!timestamp`, `!!seq` and `!!map` are read",
        "when the value is one of their kind (`!!float text` and `!!bool maybe` are problems);",
        "every other tag (`!!binary`, `!!set`, `!!python/…`, `!custom`) is refused.",
        "",
        "## Messages",
        "",
        "Each problem names its place, then what is wrong and, where there is one, the fix:",
        "`file.yaml:12:5: $.instruments[3].signed: …` for a file (the form compilers use, which",
        "editors jump to), `line 12, column 5: $.instruments[3].signed: …` for a text read with",
        "`loads`. The line and column, counted from 1 in characters, are those of the value the",
        "problem is about (of its key, for an unknown field or a list or mapping written below",
        "its key; of the mapping that lacks it, for a missing field), in JSON and YAML, syntax",
        "errors, control characters and repeated keys included. Python's TOML reader keeps no",
        "positions for values: a TOML problem names its path alone, and a TOML syntax error its",
        "line and column. They are looked for only once a file is refused, so reading a valid",
        "file costs nothing more.",
        "",
    ]


def render() -> str:
    lines = [
        "# Data format reference",
        "",
        "<!-- Written by `python -m tests.data_format > docs/data-format.md`; a test checks it. -->",
        "",
        "A data file (JSON, TOML or YAML) holds one [Dataset](#dataset). Field names are the keys;",
        "optional fields may be left out, and are left out when bilateral writes a file.",
        f"This page describes schema version {bilateral.SCHEMA_VERSION}.",
        "",
        "The same declaration gives the [JSON Schema](schema/bilateral.schema.json) of the format",
        "(draft 7; `bilateral schema` prints it, `bilateral.schema()` returns it). An editor with a",
        "YAML extension (the YAML language server: VS Code, Neovim, Emacs, JetBrains) checks a file",
        "against it as it is typed, given this first line:",
        "",
        "```text",
        "# yaml-language-server: $schema=bilateral.schema.json",
        "```",
        "",
        "The schema checks the form of a file: fields, types, lists of values, the patterns of ids,",
        "codes and dates. `bilateral validate` checks that too, and more: that codes exist, that",
        "a day exists in its month, that a period ends after it starts, that references resolve,",
        "that dates come in order, that every claim cites a source.",
        "",
        "## Versions",
        "",
        "| version | what changed | reading it |",
        "| --- | --- | --- |",
        "| 2 | An alternative claim's `value` is written as the field it disputes is written: a mapping "
        'for an amount (`value: {amount: "3200000000", currency: USD}`), a list for a list, a date as '
        "text. A measure's or a disruption's `period` cannot be a bare date (nor in a version 1 file, "
        "where it read as one day: write `2018-11-27/2018-11-27` for that). Sanction measures have "
        "`confirmed`. | read and written |",
        "| 1 | An alternative claim's `value` was text, itself YAML for an amount or a list "
        "(`value: '{amount: \"3200000000\", currency: USD}'`). | read (the text is decoded as the field's "
        "type); `bilateral convert FILE --to yaml -o FILE2` writes version 2 |",
        "",
    ]
    lines += _limits()
    for cls in RECORDS:
        attributes = descriptions(cls)
        lines += [
            f"## {cls.__name__}",
            "",
            summary(cls),
            "",
            "| field | type | | meaning |",
            "| --- | --- | --- | --- |",
        ]
        for field in attrs.fields(cls):
            meaning = attributes.get(field.name, "").replace("|", "\\|")
            lines.append(f"| `{field.name}` | {_describe_type(field)} | {_default(cls, field)} | {meaning} |")
        lines.append("")
    lines += ["# Allowed values", ""]
    for cls in _enums():
        attributes = descriptions(cls)
        lines += [f"## {cls.__name__}", "", summary(cls), "", "| value | meaning |", "| --- | --- |"]
        for member in cls:
            meaning = attributes.get(member.name, "").replace("|", "\\|")
            lines.append(f"| `{member.value}` | {meaning} |")
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    print(render(), end="")
