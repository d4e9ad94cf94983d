"""The file formats: JSON, TOML and YAML, between text and plain data.

Reading keeps every number exact (decimals become `Decimal`, never `float`),
refuses duplicate keys instead of keeping the last, and turns a parser's
complaint into a `Problem` with its line. A YAML value with no single reading
(``010``, ``190:20:30.15``, ``!!float text``, an unsupported tag) stays in its
place as an `Unreadable`, so that its problem has a path; `read_problems` lists
those, with what no file may hold (lone surrogates, control characters, text
past `MAX_TEXT`, nesting past `MAX_DEPTH`). Aliases may not expand a document
past `MAX_SIZE`. Writing is deterministic: the same data always gives the same
text.
"""

import json
import re
import tomllib
import types
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

import attrs
import tomli_w
import yaml

from bilateral.errors import InvalidDataError, Problem, child_path, shown

orjson: types.ModuleType | None
try:
    import orjson
except ImportError:  # pragma: no cover - the `fast` extra is not installed
    orjson = None

__all__ = [
    "FORMATS",
    "MAX_DEPTH",
    "MAX_SIZE",
    "MAX_TEXT",
    "Format",
    "Unreadable",
    "check_format",
    "format_of",
    "parse",
    "read_problems",
    "render",
]

Format = Literal["json", "toml", "yaml"]
#: The formats, by name.
FORMATS: tuple[Format, ...] = ("json", "toml", "yaml")
_SUFFIXES: dict[str, Format] = {".json": "json", ".toml": "toml", ".yaml": "yaml", ".yml": "yaml"}


def format_of(name: str) -> Format:
    """The format a file name's suffix stands for.

    Raises:
        ValueError: The suffix is none of .json, .toml, .yaml and .yml.
    """
    for suffix, fmt in _SUFFIXES.items():
        if name.lower().endswith(suffix):
            return fmt
    raise ValueError(
        f"cannot tell the format of {name!r} (name it .json, .toml, .yaml or .yml, or give the format)"
    )


def check_format(fmt: str) -> Format:
    """``fmt`` if it names a format.

    Raises:
        ValueError: It does not.
    """
    for known in FORMATS:
        if fmt.lower() == known:
            return known
    if fmt.lower() == "yml":
        return "yaml"
    raise ValueError(f"unknown format {fmt!r} (expected one of: {', '.join(FORMATS)})")


#: The most characters a text may hold (bytes, for a file), and the most its YAML aliases may expand to.
MAX_SIZE = 16_000_000
#: The most characters in one text value (a title, a note, an excerpt), or in a key.
MAX_TEXT = 100_000
#: The deepest lists and mappings may nest.
MAX_DEPTH = 64


@attrs.frozen
class Unreadable:
    """A value as written that has no single reading (``!!float text``, ``010``, ``190:20:30.15``).

    The reader keeps it in its place, so that the problem it makes names its
    path, and is listed with every other problem of the file.

    Attributes:
        message: What is wrong with it, and where in the text, for the user.
    """

    message: str


class _DuplicateKeyError(ValueError):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) == len(pairs):
        return result
    seen: set[str] = set()
    for key, _ in pairs:  # pragma: no branch - a key is repeated
        if key in seen:
            raise _DuplicateKeyError(f"duplicate key {shown(key)} in an object")
        seen.add(key)
    raise AssertionError("unreachable")  # pragma: no cover


def _no_constant(name: str) -> object:
    raise _DuplicateKeyError(f"{name} is not a number JSON allows")


def _exact(text: str) -> Decimal | Unreadable:
    """A number written in a file, exactly; an exponent too large for `Decimal` is a problem."""
    try:
        return Decimal(text)
    except InvalidOperation:
        return Unreadable(f"{shown(text)} is too large or too small a number to read")


def _whole(text: str) -> int | Decimal | Unreadable:
    """A whole number of JSON; one of more digits than Python converts is read as a `Decimal`."""
    return int(text) if len(text) <= 100 else _exact(text)


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """YAML's safe loader (libyaml's parser where PyYAML has it, about 9 times faster),
    with exact decimals, no silent duplicate keys, no value with two readings, and
    aliases that may not expand the document past `MAX_SIZE`."""

    def get_single_data(self) -> Any:
        node = self.get_single_node()
        if node is None:
            return None
        _check_expansion(node)
        return self.construct_document(node)


def _check_expansion(root: yaml.Node) -> None:
    """Refuse a node graph whose aliases expand it past `MAX_SIZE` characters, or that holds itself.

    Safe loading stops code from running, not expansion: ten nested anchors of
    ten aliases each (a "billion laughs") are 10⁹ values once expanded.
    """
    weights: dict[int, int] = {}
    open_nodes: set[int] = set()  # the nodes on the way from the root to the current one
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        children: list[yaml.Node] = []
        if isinstance(node, yaml.SequenceNode):
            children = list(node.value)
        elif isinstance(node, yaml.MappingNode):
            children = [item for pair in node.value for item in pair]
        if done:
            open_nodes.discard(key)
            weight = 1 + (len(node.value) if isinstance(node, yaml.ScalarNode) else 0)
            weight += sum(weights[id(child)] for child in children)
            if weight > MAX_SIZE:
                raise yaml.constructor.ConstructorError(
                    None,
                    None,
                    f"its aliases expand the document past {MAX_SIZE:,} characters, "
                    "the most a file may hold; write the values out, or use fewer aliases",
                    node.start_mark,
                )
            weights[key] = weight
        elif key in open_nodes:
            raise yaml.constructor.ConstructorError(
                None, None, "an alias refers to a list or mapping that holds it", node.start_mark
            )
        elif key not in weights:
            open_nodes.add(key)
            stack.append((node, True))
            stack.extend((child, False) for child in children)


def _tag(node: yaml.Node) -> str:
    return str(node.tag).replace("tag:yaml.org,2002:", "!!")


def _two_readings(text: str, node: yaml.Node, numbers: str) -> Unreadable:
    return Unreadable(
        f"{text} has two readings: YAML 1.1 reads it as {numbers}, YAML 1.2 as text; "
        f"quote it ('{text}') for text, or write the number in plain digits"
    )


# What YAML 1.1 (PyYAML) reads as a whole number without a tag; the rest is an explicit !!int.
_YAML11_INT = re.compile(
    r"[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+"
)
_DECIMAL_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)", re.ASCII)
_OCTAL = re.compile(r"[-+]?0[0-7]+", re.ASCII)
_PLAIN_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?", re.ASCII)


def _construct_int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int | Decimal | str | Unreadable:
    """A whole number written in decimal. ``0x10`` stays text for the checks to name; what YAML 1.1
    and 1.2 read differently (``010``, ``1_000``, ``1:30``, ``0b11``) is a problem, naming the fix."""
    text = str(loader.construct_scalar(node))
    if _DECIMAL_INT.fullmatch(text):
        return int(text) if len(text) <= 100 else _exact(text)
    if _OCTAL.fullmatch(text):
        octal, decimal = int(text, 8), int(text, 10)
        if octal == decimal:  # 00 or 07: the same number either way
            return text
        return Unreadable(
            f"{text} has two readings: YAML 1.1 reads it as the octal number {octal}, YAML 1.2 as {decimal}; "
            f"write {decimal} for the number, or quote it ('{text}') for text"
        )
    if ":" in text and _YAML11_INT.fullmatch(text):
        return _two_readings(text, node, "a base-60 number")
    if "_" in text and _YAML11_INT.fullmatch(text):
        return _two_readings(text, node, "a number")
    if text.lstrip("+-").startswith("0b") and _YAML11_INT.fullmatch(text):
        return _two_readings(text, node, "a binary number")
    if _YAML11_INT.fullmatch(text):  # hexadecimal
        return text
    return Unreadable(f"!!int {shown(text)} is not a whole number")


def _construct_float(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Decimal | Unreadable:
    """A decimal number, exactly; YAML 1.1's base-60 and underscored forms are problems."""
    text = str(loader.construct_scalar(node))
    lowered = text.lower()
    if lowered in (".inf", "+.inf", "-.inf", ".nan"):
        return Decimal("NaN") if lowered == ".nan" else Decimal(lowered.replace(".", ""))
    if _PLAIN_FLOAT.fullmatch(text):
        return _exact(text)
    if ":" in text and re.fullmatch(r"[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*", text):
        return _two_readings(text, node, "a base-60 number")
    if "_" in text and re.fullmatch(r"[-+]?([0-9][0-9_]*)?\.[0-9_]*([eE][-+][0-9]+)?", text):
        return _two_readings(text, node, "a number")
    return Unreadable(f"!!float {shown(text)} is not a number")


def _construct_bool(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> bool | Unreadable:
    text = str(loader.construct_scalar(node))
    value: bool | None = loader.bool_values.get(text.lower())
    if value is None:
        return Unreadable(f"!!bool {shown(text)} is not true or false")
    return value


def _construct_null(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Unreadable | None:
    text = str(loader.construct_scalar(node))
    if text not in ("", "~", "null", "Null", "NULL"):
        return Unreadable(f"!!null {shown(text)} is not null")
    return None


def _construct_timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> object:
    """A date or time as YAML reads it; an impossible one stays text, for the checks to name."""
    text = str(loader.construct_scalar(node))
    if not loader.timestamp_regexp.match(text):
        return Unreadable(f"!!timestamp {shown(text)} is not a date")
    try:
        return loader.construct_yaml_timestamp(node)
    except (ValueError, OverflowError):
        return text


def _unsupported(loader: yaml.SafeLoader, *node: Any) -> Unreadable:
    """A value of any other tag: ``!!binary``, ``!!set``, ``!!omap``, ``!!python/…``, ``!custom``."""
    found: yaml.Node = node[-1]
    return Unreadable(
        f"the YAML tag {_tag(found)} is not supported (a file holds text, numbers, true or false, "
        f"dates, lists and mappings): remove the tag"
    )


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.Node) -> dict[Any, Any]:
    """A mapping; a key written twice is an error, while a key may override a merged (``<<``) one."""
    if not isinstance(node, yaml.MappingNode):
        raise yaml.constructor.ConstructorError(
            None,
            None,
            f"{_tag(node)} needs a mapping, but found {type(node).__name__.removesuffix('Node').lower()}",
            node.start_mark,
        )
    written: set[Any] = set()
    for key_node, _ in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge":
            continue
        key = _key(loader, key_node)
        if isinstance(key, Unreadable):
            raise yaml.constructor.ConstructorError(None, None, key.message, key_node.start_mark)
        if key is not None and not isinstance(key, (str, int, bool, Decimal)):
            raise yaml.constructor.ConstructorError(
                None, None, "a key must be plain text, not a list or a mapping", key_node.start_mark
            )
        if key in written:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {shown(key)}", key_node.start_mark
            )
        written.add(key)
    loader.flatten_mapping(node)
    result: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        result[_key(loader, key_node)] = loader.construct_object(value_node, deep=True)
    return result


def _key(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    """A mapping's key; a plain ``on``, ``off``, ``yes`` or ``no`` stays the word it is
    (YAML 1.1 would read ``on:`` as the key true, and no field is called true)."""
    if node.tag == "tag:yaml.org,2002:bool" and isinstance(node, yaml.ScalarNode) and not node.style:
        return node.value
    return loader.construct_object(node, deep=True)


_Loader.add_constructor("tag:yaml.org,2002:float", _construct_float)
_Loader.add_constructor("tag:yaml.org,2002:int", _construct_int)
_Loader.add_constructor("tag:yaml.org,2002:bool", _construct_bool)
_Loader.add_constructor("tag:yaml.org,2002:null", _construct_null)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
for _name in ("binary", "set", "omap", "pairs"):
    _Loader.add_constructor(f"tag:yaml.org,2002:{_name}", _unsupported)
_Loader.add_constructor(None, _unsupported)
_Loader.add_multi_constructor("", _unsupported)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


class _Dumper(yaml.SafeDumper):
    """YAML's safe dumper, with lists indented under their key."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


# Characters a YAML reader folds or drops unless they are escaped: line and
# paragraph separators, NEL, carriage returns, tabs and other control codes.
_ESCAPE = frozenset("\x85\u2028\u2029\r\t\ufeff") | frozenset(chr(c) for c in range(32) if c != 10)


# Text that a YAML 1.2 reader (yq, ruamel, js-yaml) would take for a number.
_NUMBER_LIKE = re.compile(
    r"[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?|0[xob].*|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)"
)


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if any(char in _ESCAPE for char in value) or value != value.strip(" "):
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')
    if _NUMBER_LIKE.fullmatch(value):
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="'")
    return dumper.represent_str(value)


_Dumper.add_representer(str, _represent_str)


def parse(text: str, fmt: Format, max_size: int = MAX_SIZE) -> Any:
    """Plain data from the text of a file of at most ``max_size`` characters.

    A value with no single reading stays in its place as an `Unreadable`;
    `read_problems` lists them, with the other limits a file must keep.

    Raises:
        InvalidDataError: The text is not well-formed in this format, or longer than ``max_size``.
    """
    if len(text) > max_size:
        raise InvalidDataError(
            [
                Problem(
                    "$",
                    f"the text is {len(text):,} characters long, more than the {max_size:,} a file may hold; "
                    "a larger max_size reads it",
                )
            ]
        )
    text = text.removeprefix("\ufeff")  # a byte-order mark, as some editors write
    name = {"json": "JSON", "toml": "TOML", "yaml": "YAML"}[fmt]
    try:
        if fmt == "json":
            return json.loads(
                text,
                parse_float=_exact,
                parse_int=_whole,
                parse_constant=_no_constant,
                object_pairs_hook=_no_duplicates,
            )
        if fmt == "toml":
            return tomllib.loads(text, parse_float=_exact)
        return yaml.load(text, Loader=_Loader)
    except json.JSONDecodeError as exc:
        message = exc.msg
        if message == "Invalid control character at":  # a raw one inside a string
            message = (
                f"the control character {text[exc.pos]!r} is not allowed in JSON text; remove it "
                "(a newline or a tab inside text is written \\n or \\t)"
            )
        raise InvalidDataError(
            [Problem("$", f"not valid JSON: {message}", line=exc.lineno, column=exc.colno)]
        ) from None
    except _DuplicateKeyError as exc:  # also a NaN or Infinity literal; its place is found with the others'
        raise InvalidDataError([Problem("$", f"not valid JSON: {exc}")]) from None
    except tomllib.TOMLDecodeError as exc:
        raise InvalidDataError([_toml_problem(str(exc), text)]) from None
    except yaml.YAMLError as exc:
        message, line, column = _yaml_message(exc, text)
        raise InvalidDataError(
            [Problem("$", f"not valid YAML: {message}", line=line, column=column)]
        ) from None
    except RecursionError:
        raise InvalidDataError([Problem("$", f"not readable {name}: nested too deeply")]) from None
    except ValueError as exc:  # a TOML integer of thousands of digits
        raise InvalidDataError([Problem("$", f"not readable {name}: {exc}")]) from None


def read_problems(data: Any) -> list[Problem]:
    """What no file may hold, wherever it is: values with no single reading (`Unreadable`),
    lone surrogates, control characters (but tab and newline) and bidirectional controls,
    text longer than `MAX_TEXT` and nesting deeper than `MAX_DEPTH`.

    Every such value is listed with its path, in the order of the document.
    """
    found: list[Problem] = []
    # (the parent's path, the key or index in it, the value, its depth): a path is written out only
    # for a mapping or a list (its items need it) or a value with a problem, so that the walk stays cheap.
    stack: list[tuple[str, object, Any, int]] = [("", None, data, 0)]
    while stack:
        parent, key, value, depth = stack.pop()
        if isinstance(value, str):
            if len(value) <= MAX_TEXT and not _SUSPECT.search(value):
                continue
            found.extend(Problem(_path(parent, key), message) for message in _text_problems(value))
            continue
        path = _path(parent, key)
        if isinstance(value, Unreadable):
            found.append(Problem(path, value.message))
        elif isinstance(value, (dict, list)) and depth >= MAX_DEPTH:
            found.append(Problem(path, f"lists and mappings nest more than {MAX_DEPTH} deep here"))
        elif isinstance(value, dict):
            items = list(value.items())
            for item_key, _ in items:
                if isinstance(item_key, str):
                    found.extend(
                        Problem(child_path(path, item_key), f"the key {m}") for m in _text_problems(item_key)
                    )
            stack.extend((path, item_key, item, depth + 1) for item_key, item in reversed(items))
        elif isinstance(value, list):
            stack.extend((path, index, item, depth + 1) for index, item in reversed(list(enumerate(value))))
    return found


_SURROGATE = re.compile("[\ud800-\udfff]")
# Characters a terminal acts on (C0 but tab and newline, DEL, C1: ESC starts an ANSI escape), and
# the bidirectional controls that make text display in an order other than it is stored.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


# Any character that `_text_problems` may report: most texts have none, and need no more look.
_SUSPECT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _path(parent: str, key: object) -> str:
    """The path of ``key`` in the value at ``parent`` (the root's: ``$``)."""
    if not parent:
        return "$"
    if isinstance(key, int) and not isinstance(key, bool):
        return f"{parent}[{key}]"
    return child_path(parent, key)


def _text_problems(text: str) -> list[str]:
    problems = []
    if len(text) > MAX_TEXT:
        problems.append(f"is {len(text):,} characters long, more than the {MAX_TEXT:,} a text may hold")
    control = _CONTROL.search(text)
    if control:
        problems.append(
            f"holds a control character ({control.group()!r} at character {control.start() + 1}), "
            "which a terminal may act on; remove it (a tab and a newline are fine)"
        )
    bidi = _BIDI.search(text)
    if bidi:
        problems.append(
            f"holds a bidirectional control (U+{ord(bidi.group()):04X} at character {bidi.start() + 1}), "
            "which shows text in an order other than it is written; remove it"
        )
    surrogate = _SURROGATE.search(text)
    if surrogate:
        problems.append(
            f"holds a lone surrogate ({surrogate.group()!r} at character {surrogate.start() + 1}), "
            "which is half of a character and cannot be written to a file in UTF-8; remove it"
        )
    return problems


def _yaml_message(exc: yaml.YAMLError, text: str) -> tuple[str, int | None, int | None]:
    """What a YAML parser's error says, and its line and column (from 1)."""
    if isinstance(exc, yaml.reader.ReaderError):  # a character YAML does not allow, at an offset
        before = text[: exc.position]
        line, column = before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1
        character = exc.character if isinstance(exc.character, str) else chr(exc.character)
        return f"the character {character!r} is not allowed in YAML; remove it", line, column
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    if mark is not None:
        return str(problem), mark.line + 1, mark.column + 1
    return str(problem), None, None


_TOML_AT = re.compile(r"(.*) \(at (?:line ([0-9]+), column ([0-9]+)|end of document)\)", re.DOTALL)


def _toml_problem(message: str, text: str) -> Problem:
    """A TOML syntax error, with the line and column that tomllib writes into its message."""
    match = _TOML_AT.fullmatch(message)
    if match is None:
        return Problem("$", f"not valid TOML: {message}")
    if match.group(2) is None:  # at the end of the document
        line = text.count("\n") + 1
        column = len(text) - (text.rfind("\n") + 1) + 1
    else:
        line, column = int(match.group(2)), int(match.group(3))
    return Problem("$", f"not valid TOML: {match.group(1)}", line=line, column=column)


def render_json_with(data: Any, default: Callable[[Any], Any]) -> bytes | None:
    """The JSON text `render` gives, in UTF-8, of data that holds values orjson writes itself
    (tuples, enums, days) or hands to ``default`` for their plain value; None without the `fast`
    extra, or for a value orjson does not write: then render the plain data."""
    if orjson is None:
        return None
    try:
        written: bytes = orjson.dumps(
            data, default=default, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE
        )
    except TypeError:  # a whole number past 64 bits
        return None
    return written


def render(data: Any, fmt: Format) -> str:
    """The text of a file holding plain data."""
    if fmt == "json":
        if orjson is not None:  # the `fast` extra: the same bytes, several times sooner
            try:
                written: bytes = orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)
                return written.decode()
            except TypeError:  # a value it does not write (a whole number past 64 bits)
                pass
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if fmt == "toml":
        return tomli_w.dumps(data)
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
