"""Type checks for records built in Python, where nothing else checks the types.

Reading a file checks every value's type on the way in. Records built in
code are checked by their attrs validators for codes, ids and amounts, but a
string where an enum belongs, or a list where a tuple does, gets through;
`type_problems` finds each of them, with its path.
"""

import datetime as dt
import functools
import types
import typing
from collections.abc import Iterator
from typing import Any

import attrs

from bilateral.errors import Problem

__all__ = ["claimed_type", "type_problems"]


def _name(t: Any) -> str:
    if isinstance(t, type):
        return t.__name__
    return str(t).replace("typing.", "")


def _check(value: Any, t: Any, path: str) -> Iterator[Problem]:
    origin = typing.get_origin(t)
    args = typing.get_args(t)
    if origin in (types.UnionType, typing.Union):
        if value is None and type(None) in args:
            return
        inner = [a for a in args if a is not type(None)]
        if len(inner) == 1:
            yield from _check(value, inner[0], path)
        elif not any(not list(_check(value, a, path)) for a in inner):
            yield Problem(path, f"expected {_name(t)}, got {type(value).__name__} {value!r}")
        return
    if origin is tuple:
        if not isinstance(value, tuple):
            yield Problem(path, f"expected a tuple, got {type(value).__name__} {value!r}")
            return
        variadic = len(args) == 2 and args[1] is Ellipsis
        if not variadic and len(value) != len(args):
            yield Problem(path, f"expected a tuple of {len(args)} items, got {len(value)}")
            return
        for index, item in enumerate(value):
            yield from _check(item, args[0] if variadic else args[index], f"{path}[{index}]")
        return
    if t is bool:
        ok = isinstance(value, bool)
    elif t is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif t is dt.date:
        ok = isinstance(value, dt.date) and not isinstance(value, dt.datetime)
    elif t is Any or t is object:
        ok = True
    elif isinstance(t, type):
        ok = isinstance(value, t)
    else:
        ok = True
    if not ok:
        yield Problem(path, f"expected {_name(t)}, got {type(value).__name__} {value!r}")
        return
    if attrs.has(type(value)):
        yield from type_problems(value, path)


@functools.cache
def _hints(cls: type) -> tuple[tuple[str, Any], ...]:
    hints = typing.get_type_hints(cls)
    return tuple((field.name, hints[field.name]) for field in attrs.fields(cls))


def claimed_type(cls: type, name: str) -> Any:
    """The type an alternative claim's value has when it disputes field ``name`` of ``cls``:
    the field's type without None (a claim states a value)."""
    hint = dict(_hints(cls))[name]
    if typing.get_origin(hint) in (types.UnionType, typing.Union):
        inner = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(inner) == 1:
            return inner[0]
        return typing.Union[tuple(inner)]  # noqa: UP007 - built from a tuple of types
    return hint


def type_problems(record: Any, path: str = "$") -> list[Problem]:
    """Every field of ``record`` (and of the records in it) whose value is not of its declared type.

    An alternative claim's value must have the type of the field it disputes.
    """
    found: list[Problem] = []
    hints = _hints(type(record))  # type: ignore[arg-type]  # a class is hashable
    for name, hint in hints:
        found.extend(_check(getattr(record, name), hint, f"{path}.{name}"))
    names = {name for name, _ in hints}
    for index, claim in enumerate(getattr(record, "alternatives", ())):
        field = getattr(claim, "field", None)
        if isinstance(field, str) and field in names:
            where = f"{path}.alternatives[{index}].value"
            found.extend(_check(claim.value, claimed_type(type(record), field), where))
    return found
