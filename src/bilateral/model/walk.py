"""Walking a tree of records, with the path of each node as a file would show it."""

import typing
from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import Any

import attrs

from bilateral.model.checks import REFERS
from bilateral.model.typecheck import _hints

__all__ = ["referenced", "references", "walk"]


def walk(value: Any, path: str = "$") -> Iterator[tuple[str, Any]]:
    """Every record and value nested in ``value`` with its path, depth first.

    Examples:
        >>> from bilateral.model.amounts import Money
        >>> from decimal import Decimal
        >>> [p for p, _ in walk(Money(Decimal(1), "USD"))]
        ['$', '$.amount', '$.currency', '$.qualifier']
    """
    yield path, value
    if isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from walk(item, f"{path}[{index}]")
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            yield from walk(getattr(value, field.name), f"{path}.{field.name}")


_RECORDS: dict[type, bool] = {}
_Plan = tuple[tuple[tuple[str, str], ...], tuple[str, ...], dict[str, str]]
_PLANS: dict[type, _Plan] = {}


def _is_record(cls: type) -> bool:
    known = _RECORDS.get(cls)
    if known is None:
        known = _RECORDS[cls] = attrs.has(cls)
    return known


def _plan(cls: type) -> _Plan:
    """For a record class: its reference fields with the kind each names, all its field
    names, and the kind named by each reference field (for the claims that dispute one)."""
    plan = _PLANS.get(cls)
    if plan is None:
        fields = attrs.fields(cls)
        refers = tuple((f.name, f.metadata[REFERS]) for f in fields if REFERS in f.metadata)
        plan = _PLANS[cls] = (refers, tuple(f.name for f in fields), dict(refers))
    return plan


def _ids(path: str, kind: str, ref: object) -> Iterator[tuple[str, str, str]]:
    if isinstance(ref, str):
        yield path, kind, ref
    elif isinstance(ref, tuple):
        for index, item in enumerate(ref):
            if isinstance(item, str):
                yield f"{path}[{index}]", kind, item


def references(value: Any, path: str = "$") -> Iterator[tuple[str, str, str]]:
    """Every reference inside ``value``: its path, the kind of record it names, and the id.

    Depth first, like `walk`, but it only visits records and tuples: this runs
    on every file read, and most nodes are text. An alternative claim that
    disputes a reference field (``participants``) names ids of the same kind.

    Examples:
        >>> from bilateral.model.sources import Citation
        >>> list(references((Citation("rt"),), "$.citations"))
        [('$.citations[0].source', 'source', 'rt')]
    """
    if isinstance(value, tuple):
        for index, item in enumerate(value):
            if isinstance(item, tuple) or _is_record(type(item)):
                yield from references(item, f"{path}[{index}]")
        return
    if not _is_record(type(value)):
        return
    refers, names, kinds = _plan(type(value))
    for name, kind in refers:
        yield from _ids(f"{path}.{name}", kind, getattr(value, name))
    for name in names:
        child = getattr(value, name)
        if isinstance(child, tuple) or _is_record(type(child)):
            yield from references(child, f"{path}.{name}")
    if kinds and "alternatives" in names:
        for index, claim in enumerate(value.alternatives):
            claimed = kinds.get(claim.field)
            if claimed is not None:
                yield from _ids(f"{path}.alternatives[{index}].value", claimed, claim.value)


def referenced(value: Any, found: dict[str, set[str]] | None = None) -> dict[str, set[str]]:
    """The ids that `references` finds inside ``value``, by the kind of record they name.

    The same walk without the paths, for the callers that only need the ids
    (resolving a partnership's shared records, the integrity check when all
    is well); ``found`` collects into an existing mapping. It follows the
    declared types of the fields (by code generated once per record class),
    so it needs records whose fields hold what they declare, as every record
    read or type-checked does.

    Examples:
        >>> from bilateral.model.sources import Citation
        >>> found = referenced((Citation("rt"), Citation("tass"), Citation("rt")))
        >>> list(found), sorted(found["source"])
        (['source'], ['rt', 'tass'])
    """
    found = {} if found is None else found
    collected: defaultdict[str, set[str]] = defaultdict(set)
    _collect(value, collected)
    for kind, ids in collected.items():
        if ids:
            found.setdefault(kind, set()).update(ids)
    return found


def _collect(value: Any, found: defaultdict[str, set[str]]) -> None:
    if isinstance(value, tuple):
        for item in value:
            if isinstance(item, tuple) or _is_record(type(item)):
                _collect(item, found)
    elif _is_record(type(value)):
        _collector(type(value))(value, found)


_COLLECTORS: dict[type, Callable[[Any, defaultdict[str, set[str]]], None]] = {}


def _holds_records(t: Any) -> bool:
    """Whether a value of type ``t`` may hold records (or is of a type that says nothing)."""
    origin, args = typing.get_origin(t), typing.get_args(t)
    if origin is not None:
        return any(_holds_records(a) for a in args if a is not Ellipsis)
    return t is Any or (isinstance(t, type) and attrs.has(t))


_MAY_REFER: dict[type, bool] = {}


def _may_refer(t: Any) -> bool:
    """Whether a value of type ``t`` may hold a reference (or is of a type that says nothing):
    a date or an amount never does, and the walk need not look inside one."""
    origin, args = typing.get_origin(t), typing.get_args(t)
    if origin is not None:
        return any(_may_refer(a) for a in args if a is not Ellipsis)
    if t is Any:
        return True
    if not (isinstance(t, type) and attrs.has(t)):
        return False
    known = _MAY_REFER.get(t)
    if known is None:
        _MAY_REFER[t] = True  # while a class that holds itself is looked at
        refers, names, _ = _plan(t)
        hints = dict(_hints(t))
        known = _MAY_REFER[t] = bool(refers) or any(_may_refer(hints[name]) for name in names)
    return known


def _record_type(t: Any) -> type | None:
    """The record class of a field of type ``R``, ``R | None`` or ``tuple[R, ...]``, if it is one."""
    origin, args = typing.get_origin(t), typing.get_args(t)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        inner = args[0]
    elif origin is not None and len(args) == 2 and type(None) in args:  # R | None
        inner = next(a for a in args if a is not type(None))
    else:
        inner = t
    return inner if isinstance(inner, type) and attrs.has(inner) else None


def _collector(cls: type) -> Callable[[Any, defaultdict[str, set[str]]], None]:
    """A function adding the ids a record of ``cls`` names to ``found``, generated once per class:
    its reference fields, the fields whose type may hold records (walked like `references`), and
    the claims that dispute a reference field."""
    known = _COLLECTORS.get(cls)
    if known is not None:
        return known
    slot: list[Callable[[Any, defaultdict[str, set[str]]], None]] = []
    _COLLECTORS[cls] = lambda value, found: slot[0](value, found)  # for a class that holds itself
    refers, names, kinds = _plan(cls)
    hints = dict(_hints(cls))
    env: dict[str, Any] = {"_str": str, "_tuple": tuple, "_collect": _collect, "_kinds": kinds}
    lines = ["def collect(o, found):"]
    for name, kind in refers:
        lines += [
            f"    x = o.{name}",
            "    if x.__class__ is _str:",
            f"        found[{kind!r}].add(x)",
            "    elif x.__class__ is _tuple:",
            f"        found[{kind!r}].update([v for v in x if v.__class__ is _str])",
        ]
    for index, name in enumerate(names):
        hint = hints[name]
        if not _holds_records(hint) or not _may_refer(hint):
            continue
        record = _record_type(hint)
        if record is None:
            lines += [f"    x = o.{name}", "    if x:", "        _collect(x, found)"]
            continue
        env[f"_class{index}"], env[f"_collect{index}"] = record, _collector(record)
        if typing.get_origin(hint) is tuple:
            lines += [
                f"    for x in o.{name}:",
                f"        if x.__class__ is _class{index}:",
                f"            _collect{index}(x, found)",
                "        else:",
                "            _collect(x, found)",
            ]
        else:
            lines += [
                f"    x = o.{name}",
                f"    if x.__class__ is _class{index}:",
                f"        _collect{index}(x, found)",
                "    elif x is not None:",
                "        _collect(x, found)",
            ]
    if kinds and "alternatives" in names:
        lines += [
            "    for claim in o.alternatives:",
            "        kind = _kinds.get(claim.field)",
            "        if kind is not None:",
            "            x = claim.value",
            "            if x.__class__ is _str:",
            "                found[kind].add(x)",
            "            elif x.__class__ is _tuple:",
            "                found[kind].update([v for v in x if v.__class__ is _str])",
        ]
    lines.append("    return None")
    exec(compile("\n".join(lines), f"<bilateral references of {cls.__name__}>", "exec"), env)
    function: Callable[[Any, defaultdict[str, set[str]]], None] = env["collect"]
    slot.append(function)
    _COLLECTORS[cls] = function
    return function
