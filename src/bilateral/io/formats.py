"""The file formats: JSON, TOML and YAML, between text and plain data.

Reading keeps every number exact (decimals become `Decimal`, never `float`),
refuses duplicate keys instead of keeping the last, and turns a parser's
complaint into a `Problem` with its line. Writing is deterministic: the same
data always gives the same text.
"""

import json
import re
import tomllib
from decimal import Decimal
from typing import Any, Literal

import tomli_w
import yaml

from bilateral.errors import InvalidDataError, Problem

__all__ = ["FORMATS", "Format", "check_format", "format_of", "parse", "render"]

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


class _DuplicateKeyError(ValueError):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKeyError(f"duplicate key {key!r} in an object")
        result[key] = value
    return result


def _no_constant(name: str) -> object:
    raise _DuplicateKeyError(f"{name} is not a number JSON allows")


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """YAML's safe loader (libyaml's parser where PyYAML has it, about 9 times faster),
    with exact decimals and no silent duplicate keys."""


def _construct_float(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Decimal:
    text = str(loader.construct_scalar(node)).replace("_", "")
    lowered = text.lower()
    if lowered in (".inf", "+.inf", "-.inf", ".nan"):
        return Decimal("NaN") if lowered == ".nan" else Decimal(lowered.replace(".", ""))
    return Decimal(text)


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    """A mapping; a key written twice is an error, while a key may override a merged (``<<``) one."""
    written: list[Any] = []
    for key_node, _ in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge":
            continue
        key = _key(loader, key_node)
        if key is not None and not isinstance(key, (str, int, bool, Decimal)):
            raise yaml.constructor.ConstructorError(
                None, None, "a key must be plain text, not a list or a mapping", key_node.start_mark
            )
        if key in written:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
        written.append(key)
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


def _construct_int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int | str:
    """A whole number written in decimal; ``010``, ``0x10`` or ``1:30`` stay text for the checks to name."""
    text = str(loader.construct_scalar(node))
    if re.fullmatch(r"[-+]?(0|[1-9][0-9]*)", text, re.ASCII):
        return int(text)
    return text


def _construct_timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> object:
    """A date or time as YAML reads it; an impossible one stays text, for the checks to name."""
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError:
        return str(loader.construct_scalar(node))


_Loader.add_constructor("tag:yaml.org,2002:float", _construct_float)
_Loader.add_constructor("tag:yaml.org,2002:int", _construct_int)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
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


def parse(text: str, fmt: Format) -> Any:
    """Plain data from the text of a file.

    Raises:
        InvalidDataError: The text is not well-formed in this format.
    """
    text = text.removeprefix("\ufeff")  # a byte-order mark, as some editors write
    name = {"json": "JSON", "toml": "TOML", "yaml": "YAML"}[fmt]
    try:
        if fmt == "json":
            return json.loads(
                text, parse_float=Decimal, parse_constant=_no_constant, object_pairs_hook=_no_duplicates
            )
        if fmt == "toml":
            return tomllib.loads(text, parse_float=Decimal)
        return yaml.load(text, Loader=_Loader)
    except json.JSONDecodeError as exc:
        raise InvalidDataError(
            [Problem("$", f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})")]
        ) from None
    except _DuplicateKeyError as exc:  # also a NaN or Infinity literal
        raise InvalidDataError([Problem("$", f"not valid JSON: {exc}")]) from None
    except tomllib.TOMLDecodeError as exc:
        raise InvalidDataError([Problem("$", f"not valid TOML: {exc}")]) from None
    except yaml.YAMLError as exc:
        raise InvalidDataError([Problem("$", f"not valid YAML: {_yaml_message(exc)}")]) from None
    except RecursionError:
        raise InvalidDataError([Problem("$", f"not readable {name}: nested too deeply")]) from None
    except (ValueError, TypeError) as exc:  # e.g. numbers of thousands of digits
        raise InvalidDataError([Problem("$", f"not readable {name}: {exc}")]) from None


def _yaml_message(exc: yaml.YAMLError) -> str:
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    if mark is not None:
        return f"{problem} (line {mark.line + 1}, column {mark.column + 1})"
    return str(problem)


def render(data: Any, fmt: Format) -> str:
    """The text of a file holding plain data."""
    if fmt == "json":
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if fmt == "toml":
        return tomli_w.dumps(data)
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
