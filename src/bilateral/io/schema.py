"""The JSON Schema of the file format, generated from the model.

The records' fields, types, checks and docstrings are the one declaration of
the format: the converter reads files by them, ``docs/data-format.md`` is
written from them, and so is this schema (JSON Schema draft 7, what the
common YAML editor extensions load). The schema checks the form of a file
(fields, types, enums, patterns for ids, codes and dates); the rules between
records (references, date order, citations) and the code lists themselves
(is ``XYZ`` a country?) are checked by `bilateral.validate` only.

Examples:
    >>> import bilateral
    >>> bilateral.schema()["$id"]
    'urn:bilateral:dataset:schema-version-2'
"""

import copy
import datetime as dt
import enum
import functools
import inspect
import re
import types
import typing
from decimal import Decimal
from typing import Any

import attrs

from bilateral.model import checks
from bilateral.model.dates import PartialDate, Period
from bilateral.model.partnership import SCHEMA_VERSION, Dataset
from bilateral.model.sources import AlternativeClaim, claimable
from bilateral.model.typecheck import claimed_type

__all__ = ["descriptions", "schema", "summary"]

_DATE = r"[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?[~?%]?"
_NUMBER = r"[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?"
_PLAIN_NUMBER = r"\+?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?"
_CHECKED: dict[Any, dict[str, Any]] = {
    checks.identifier: {"type": "string", "pattern": "^[a-z0-9][a-z0-9_.-]*$"},
    checks.country: {"type": "string", "pattern": "^[A-Z]{3}$", "description": "ISO 3166-1 alpha-3 code"},
    checks.currency: {"type": "string", "pattern": "^[A-Z]{3}$", "description": "ISO 4217 code"},
    checks.language: {"type": "string", "pattern": "^[a-z]{2}$", "description": "ISO 639-1 code"},
    checks.non_empty: {"type": "string", "pattern": r"\S"},
    checks.non_negative: {
        "type": ["string", "integer", "number"],
        "pattern": f"^{_PLAIN_NUMBER}$",
        "minimum": 0,
        "exclusiveMaximum": 10**checks.MAX_WHOLE_DIGITS,
        "description": "a number of zero or more, below 10^20, with at most 8 places after the point; "
        "write it as text to keep every digit",
    },
    checks.bounded: {
        "type": ["string", "integer", "number"],
        "pattern": f"^{_NUMBER}$",
        "exclusiveMinimum": -(10**checks.MAX_WHOLE_DIGITS),
        "exclusiveMaximum": 10**checks.MAX_WHOLE_DIGITS,
        "description": "a number below 10^20 in size, with at most 8 places after the point; "
        "write it as text to keep every digit",
    },
}


def descriptions(cls: type) -> dict[str, str]:
    """The ``Attributes:`` section of a record's or an enum's Google-style docstring, by name."""
    doc = inspect.getdoc(cls) or ""
    found: dict[str, str] = {}
    section = doc.split("Attributes:", 1)[1] if "Attributes:" in doc else ""
    current = None
    for line in section.splitlines():
        match = re.match(r"^    (\w+): (.*)$", line)
        if match:
            current = match.group(1)
            found[current] = match.group(2).strip()
        elif current and line.startswith("        "):
            found[current] += " " + line.strip()
        elif line.strip() and not line.startswith(" "):
            break
    return found


def summary(cls: type) -> str:
    """The first paragraph of a record's or an enum's docstring, on one line."""
    return (inspect.getdoc(cls) or "").split("\n\n", 1)[0].replace("\n", " ")


def _period(single_date: bool) -> dict[str, Any]:
    interval = f"({_DATE})?/({_DATE}|\\.\\.)?"
    if single_date:
        return {"type": "string", "pattern": f"^({interval}|{_DATE})$"}
    return {
        "type": "string",
        "pattern": f"^{interval}$",
        "description": "an EDTF interval: 2026/2041, 2025-11-21/.. (ongoing), 2025-11-21/ (end unknown)",
    }


def _value(t: Any, metadata: Any, definitions: dict[str, Any]) -> dict[str, Any]:
    """The schema of a value of type ``t``, with the field's check and meaning of a single date."""
    if t is Any:
        return {}  # an alternative's value: its record's schema says which
    origin = typing.get_origin(t)
    if origin in (types.UnionType, typing.Union):
        inner = [a for a in typing.get_args(t) if a is not type(None)]
        options = [_value(a, metadata, definitions) for a in inner]
        return {"anyOf": [*options, {"type": "null"}]}
    if origin is tuple:
        args = typing.get_args(t)
        if len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": _value(args[0], metadata, definitions)}
        return {
            "type": "array",
            "items": [_value(a, metadata, definitions) for a in args],
            "minItems": len(args),
            "maxItems": len(args),
            "additionalItems": False,
        }
    check = metadata.get(checks.CHECK)
    if check in _CHECKED:
        return dict(_CHECKED[check])
    if t is Period:
        return _period(checks.SINGLE_DATE in metadata)
    if t is PartialDate:
        return {
            "type": "string",
            "pattern": f"^{_DATE}$",
            "description": "an EDTF date: 2025, 2025-05, 2025-05-07~",
        }
    if t is dt.date:
        return {
            "type": "string",
            "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$",
            "format": "date",
        }
    if t is Decimal:
        return {"type": ["string", "integer", "number"], "pattern": f"^{_NUMBER}$"}
    if t is bool:
        return {"type": "boolean"}
    if t is int:
        return {"type": "integer"}
    if t is str:
        return {"type": "string"}
    if isinstance(t, type) and issubclass(t, enum.Enum):
        return {"$ref": f"#/definitions/{_enum(t, definitions)}"}
    if attrs.has(t):
        return {"$ref": f"#/definitions/{_record(t, definitions)}"}
    raise TypeError(f"no schema for {t!r}")  # a new type in the model needs a line here


def _enum(cls: type[enum.Enum], definitions: dict[str, Any]) -> str:
    name = cls.__name__
    if name not in definitions:
        meanings = descriptions(cls)
        definitions[name] = {
            "description": summary(cls),
            "oneOf": [{"const": m.value, "description": meanings.get(m.name, "")} for m in cls],
        }
    return name


def _claims(cls: type, definitions: dict[str, Any]) -> dict[str, Any]:
    """Alternative claims on a record of ``cls``: each value has the schema of the field it disputes."""
    fields = {f.name: f for f in attrs.fields(cls)}
    names = claimable(cls)
    claim = dict(_record_schema(AlternativeClaim, definitions))
    claim["properties"] = {**claim["properties"], "field": {"enum": list(names)}}
    claim["allOf"] = [
        {
            "if": {"properties": {"field": {"const": name}}, "required": ["field"]},
            "then": {
                "properties": {"value": _value(claimed_type(cls, name), fields[name].metadata, definitions)}
            },
        }
        for name in names
    ]
    return {"type": "array", "items": claim}


def _record_schema(cls: type, definitions: dict[str, Any]) -> dict[str, Any]:
    meanings = descriptions(cls)
    properties: dict[str, Any] = {}
    required = []
    for field in attrs.fields(cls):
        if field.name == "alternatives" and cls is not AlternativeClaim:
            value = _claims(cls, definitions)
        elif field.name == "schema_version":
            value = {"const": SCHEMA_VERSION}
        else:
            value = _value(field.type, field.metadata, definitions)
        if meanings.get(field.name):
            value = {**value, "description": meanings[field.name]}
        properties[field.name] = value
        if field.default is attrs.NOTHING or field.name == "schema_version":
            required.append(field.name)
    return {
        "type": "object",
        "description": summary(cls),
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def _record(cls: type, definitions: dict[str, Any]) -> str:
    name = cls.__name__
    if name not in definitions:
        definitions[name] = {}  # taken, so that a record that holds itself ends
        definitions[name] = _record_schema(cls, definitions)
    return name


def _whole(node: Any) -> Any:
    """Make every pattern hold for the whole text: Python's ``$`` also matches before a final
    newline, so each patterned string also refuses a newline (as ``bilateral.validate`` does)."""
    if isinstance(node, dict):
        node = {k: _whole(v) for k, v in node.items()}
        if "pattern" in node and str(node["pattern"]).endswith("$"):
            node["not"] = {"type": "string", "pattern": "\n"}
        return node
    if isinstance(node, list):
        return [_whole(v) for v in node]
    return node


@functools.cache
def _build() -> dict[str, Any]:
    definitions: dict[str, Any] = {}
    root = _record_schema(Dataset, definitions)
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": f"urn:bilateral:dataset:schema-version-{SCHEMA_VERSION}",
        "title": f"bilateral data file, schema version {SCHEMA_VERSION}",
        **_whole(root),
        "definitions": _whole(dict(sorted(definitions.items()))),
    }


def schema() -> dict[str, Any]:
    """The JSON Schema (draft 7) of a data file of the current schema version.

    Point an editor at it to check a file as it is typed; the schema checks
    form only, `bilateral.validate` checks everything.
    """
    return copy.deepcopy(_build())
