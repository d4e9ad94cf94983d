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
from collections.abc import Callable, Iterator
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
        yield from _problems(value, path)


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
    if _well_typed(type(record))(record):  # most records are: then no path is written
        return []
    return _problems(record, path)


def _problems(record: Any, path: str) -> list[Problem]:
    found: list[Problem] = []
    hints = _hints(type(record))  # type: ignore[arg-type]  # a class is hashable
    for name, hint in hints:
        found.extend(_check(getattr(record, name), hint, f"{path}.{name}"))
    names = {name for name, _ in hints}
    claims = getattr(record, "alternatives", ())
    for index, claim in enumerate(claims if isinstance(claims, tuple) else ()):  # else: a problem above
        field = getattr(claim, "field", None)
        if isinstance(field, str) and field in names:
            where = f"{path}.alternatives[{index}].value"
            found.extend(_check(claim.value, claimed_type(type(record), field), where))
    return found


# -- Whether a record is well typed, by a test generated once per class -----------------------------

_TESTS: dict[Any, Callable[[Any], bool]] = {}


def _test_of(t: Any) -> Callable[[Any], bool]:
    """A test of a value against ``t`` that passes exactly when `_check` finds no problem."""
    known = _TESTS.get(t)
    if known is not None:
        return known
    origin, args = typing.get_origin(t), typing.get_args(t)
    test: Callable[[Any], bool]
    if origin in (types.UnionType, typing.Union):
        inner = [_test_of(a) for a in args if a is not type(None)]
        nullable = type(None) in args

        def test(v: Any) -> bool:
            return (v is None and nullable) or any(i(v) for i in inner)

    elif origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            item = _test_of(args[0])

            def test(v: Any) -> bool:
                return isinstance(v, tuple) and all(map(item, v))

        else:
            items = [_test_of(a) for a in args]

            def test(v: Any) -> bool:
                return isinstance(v, tuple) and len(v) == len(items) and all(i(x) for i, x in zip(items, v))  # noqa: B905

    else:
        if t is bool:
            kind: Callable[[Any], bool] = lambda v: isinstance(v, bool)  # noqa: E731
        elif t is int:
            kind = lambda v: isinstance(v, int) and not isinstance(v, bool)  # noqa: E731
        elif t is dt.date:
            kind = lambda v: isinstance(v, dt.date) and not isinstance(v, dt.datetime)  # noqa: E731
        elif isinstance(t, type) and t is not object and t is not Any:
            kind = lambda v: isinstance(v, t)  # noqa: E731
        else:  # Any, object, and what is no class: any value, whose own fields are then tested
            kind = lambda v: True  # noqa: E731

        def test(v: Any) -> bool:  # a record is tested as the class it is, like `_check` does
            return kind(v) and (not attrs.has(type(v)) or _well_typed(type(v))(v))

    _TESTS[t] = test
    return test


_RECORD_TESTS: dict[type, Callable[[Any], bool]] = {}


def _well_typed(cls: type) -> Callable[[Any], bool]:
    """Whether a record of ``cls`` has no problem `type_problems` would report (built once per class)."""
    known = _RECORD_TESTS.get(cls)
    if known is not None:
        return known
    slot: list[Callable[[Any], bool]] = []
    _RECORD_TESTS[cls] = lambda record: slot[0](record)
    if not attrs.has(cls):
        slot.append(lambda record: True)
        _RECORD_TESTS[cls] = slot[0]
        return slot[0]
    hints = _hints(cls)
    tests = [(name, _test_of(hint)) for name, hint in hints]
    names = {name for name, _ in hints}
    claims = {name: _test_of(claimed_type(cls, name)) for name in names}
    has_alternatives = "alternatives" in names

    def well_typed(record: Any) -> bool:
        for name, test in tests:
            if not test(getattr(record, name)):
                return False
        if has_alternatives:
            for claim in record.alternatives:
                field = getattr(claim, "field", None)
                if isinstance(field, str) and field in claims and not claims[field](claim.value):
                    return False
        return True

    slot.append(well_typed)
    _RECORD_TESTS[cls] = well_typed
    return well_typed
