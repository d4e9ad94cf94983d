"""The fast way in: one structuring function per record class, generated once, for data with no problem.

`bilateral.io.converter.structure` reads with cattrs' detailed validation, so
that every problem is found with its path; that bookkeeping costs more than
the reading. Most files have no problem at all. For them, `structure_valid`
builds the same records in a fraction of the time, and for anything else it
gives up at the first value it does not accept, raising `Refused`; the caller
then reads the data again with the detailed converter, which names every
problem. So a message never comes from here, and nothing here decides what a
problem is:

- each value is tested as the converter's hook for its type tests it (text is
  text, a whole number is not a boolean, an enum value is one of its values),
  and the hooks themselves read what needs reading (decimals, dates, periods);
- the field checks (codes, ids, amounts) run where the converter's do: in the
  records' own attrs validators, when each record is built;
- a text is accepted only if `read_problems` would find nothing in it (no
  control character, bidirectional control or lone surrogate, no more than
  `MAX_TEXT` characters); keys are accepted only if they are field names;
- an alternative claim's value is read and checked as the field it disputes.

A partial date or period is read once per distinct text and shared: the
records are frozen, and a file repeats its dates.

The tests check that this accepts what the converter accepts and builds equal
records (``tests/test_fast.py``), on the bundled data and on generated and
mutated documents.
"""

import datetime as dt
import enum
import re
import types
import typing
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs

from bilateral.io import converter
from bilateral.io.formats import _SUSPECT, MAX_TEXT, read_problems
from bilateral.model.checks import CHECK, SINGLE_DATE, non_empty, run_check
from bilateral.model.dates import PartialDate, Period
from bilateral.model.partnership import Dataset
from bilateral.model.sources import AlternativeClaim, Citation, claimable
from bilateral.model.typecheck import _hints, claimed_type

__all__ = ["Refused", "structure_valid"]


class Refused(Exception):
    """The data holds something the fast path does not accept: read it with the detailed converter."""


_REFUSED = Refused()
_MISSING = object()
_SEQUENCES = (list, tuple)
# The most dates, periods, ids and codes remembered, so that a hostile file cannot grow them without end.
_CACHE_LIMIT = 100_000


def _text(value: Any) -> str:
    if value.__class__ is not str or len(value) > MAX_TEXT or _SUSPECT.search(value):
        raise _REFUSED
    return value


def _date(value: Any) -> dt.date:
    return converter._date(value, dt.date)


def _remembering(read: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """``read``, run once per distinct text (its result is frozen, so it is shared); other values
    (numbers, dates that YAML or TOML read themselves) are read each time."""
    known: dict[str, Any] = {}

    def remembering(value: Any) -> Any:
        if value.__class__ is not str:
            return read(value)
        found = known.get(value)
        if found is None:
            found = read(value)
            if len(known) < _CACHE_LIMIT:
                known[value] = found
        return found

    return remembering


def _bare_date_refused(value: Any) -> Period:
    converter._no_bare_date(value)
    return converter._period(value, Period)


_partial_date = _remembering(lambda value: converter._partial_date(value, PartialDate))
_period = _remembering(lambda value: converter._period(value, Period))
# A period where a single date is refused (see the converter's ``_no_bare_date``).
_strict_period = _remembering(_bare_date_refused)


def _whole(value: Any) -> int:
    if value.__class__ is not int:
        raise _REFUSED
    return value


def _boolean(value: Any) -> bool:
    if value.__class__ is not bool:
        raise _REFUSED
    return value


# A number written as text is read once per distinct text too: amounts repeat.
_decimal = _remembering(lambda value: converter._decimal(value, Decimal))


def _sequence(value: Any) -> Any:
    if value.__class__ not in _SEQUENCES:
        raise _REFUSED
    return value


def _optional(read: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def optional(value: Any) -> Any:
        return None if value is None else read(value)

    return optional


def _enum(cls: type[enum.Enum]) -> Callable[[Any], Any]:
    members = cls._value2member_map_

    def member(value: Any) -> Any:
        if value.__class__ is not str:
            raise _REFUSED
        return members[value]

    return member


def _items(read: Callable[[Any], Any]) -> Callable[[Any], tuple[Any, ...]]:
    def items(value: Any) -> tuple[Any, ...]:
        return tuple([read(item) for item in _sequence(value)])

    return items


def _texts(value: Any) -> tuple[str, ...]:
    for item in _sequence(value):
        _text(item)
    return tuple(value)


def _pair(first: Callable[[Any], Any], second: Callable[[Any], Any]) -> Callable[[Any], tuple[Any, Any]]:
    def pair(value: Any) -> tuple[Any, Any]:
        if len(_sequence(value)) != 2:
            raise _REFUSED
        return first(value[0]), second(value[1])

    return pair


def _reader(t: Any, single_date: bool, clean: bool) -> Callable[[Any], Any] | None:
    """The fast reader of a value of type ``t`` that is not a text, or None for a type it leaves
    to the converter."""
    origin, args = typing.get_origin(t), typing.get_args(t)
    if origin in (types.UnionType, typing.Union):
        inner = [a for a in args if a is not type(None)]
        if len(inner) == 1 and len(args) == 2:
            read = _reader(inner[0], single_date, clean)
            return None if read is None else _optional(read)
        return None
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            read = _reader(args[0], single_date, clean)
            return None if read is None else _items(read)
        if len(args) == 2:
            first, second = _reader(args[0], single_date, clean), _reader(args[1], single_date, clean)
            return None if first is None or second is None else _pair(first, second)
        return None
    if t is str:
        return _text if not clean else _clean_text
    if t is bool:
        return _boolean
    if t is int:
        return _whole
    if t is Decimal:
        return _decimal
    if t is dt.date:
        return _date
    if t is PartialDate:
        return _partial_date
    if t is Period:
        return _period if single_date else _strict_period
    if isinstance(t, type) and issubclass(t, enum.Enum):
        return _enum(t)
    if attrs.has(t):
        return _record(t, clean)
    return None


def _clean_text(value: Any) -> str:
    if (
        value.__class__ is not str
        or len(value) > MAX_TEXT
        or (not value.isascii() and _SUSPECT.search(value))
    ):
        raise _REFUSED
    return value


_RECORDS: dict[tuple[type, bool], Callable[[Any], Any]] = {}


def _claims(cls: type, clean: bool) -> Callable[[Any], Any]:
    """A record's alternative claims: each value read as the field it disputes is, and checked
    as it is (see the converter's ``_claims_hook``)."""
    fields = attrs.fields_dict(cls)
    readers: dict[str, Callable[[Any], Any]] = {}
    for name in claimable(cls):
        read = _reader(claimed_type(cls, name), SINGLE_DATE in fields[name].metadata, clean)
        if read is None:  # pragma: no cover - every claimable type has a fast reader today
            return _detailed_claims(cls)
        readers[name] = _checked(read, fields[name].metadata.get(CHECK))
    citations = _reader(tuple[Citation, ...], False, clean)
    note = _optional(_clean_text if clean else _text)
    allowed = frozenset(f.name for f in attrs.fields(AlternativeClaim))
    assert citations is not None

    def claim(item: Any) -> AlternativeClaim:
        if item.__class__ is not dict or not item.keys() <= allowed:
            raise _REFUSED
        name = item["field"]
        return AlternativeClaim(
            name, readers[name](item["value"]), citations(item["citations"]), note(item.get("note"))
        )

    def claims(value: Any) -> tuple[AlternativeClaim, ...]:
        return tuple([claim(item) for item in _sequence(value)])

    return claims


def _checked(read: Callable[[Any], Any], check: Any) -> Callable[[Any], Any]:
    if check is None:
        return read

    def checked(value: Any) -> Any:
        result = read(value)
        run_check(check, result)
        return result

    return checked


def _detailed_claims(cls: type) -> Callable[[Any], Any]:  # pragma: no cover - see `_claims`
    """A record's alternative claims, read by the converter's own hook once their texts are clean."""
    hook = converter._claims_hook(converter._CONVERTER, cls, legacy=False)

    def claims(value: Any) -> Any:
        if read_problems(value):
            raise _REFUSED
        return hook(value, tuple)

    return claims


def _text_test(var: str, clean: bool) -> str:
    """The condition under which ``var`` is not a text the converter and `read_problems` accept."""
    test = f"{var}.__class__ is not _str or len({var}) > _MAX_TEXT"
    return f"{test} or (not {var}.isascii() and _suspect({var}))" if clean else f"{test} or _suspect({var})"


def _read_lines(t: Any, index: int, env: dict[str, Any], single_date: bool, clean: bool) -> list[str] | None:
    """Lines that turn ``x`` into the value of a field of type ``t``, inline for the common types;
    None for a type with no fast reader."""
    origin, args = typing.get_origin(t), typing.get_args(t)
    optional = origin in (types.UnionType, typing.Union) and len(args) == 2 and type(None) in args
    inner = next(a for a in args if a is not type(None)) if optional else t
    guard = "x is not None and " if optional else ""
    if inner is str:
        return [f"if {guard}({_text_test('x', clean)}):", "    raise _REFUSED"]
    if isinstance(inner, type) and issubclass(inner, enum.Enum):
        env[f"_members{index}"] = inner._value2member_map_
        if optional:
            return ["if x is not None:", f"    x = _members{index}[x]"]
        return [f"x = _members{index}[x]"]
    if typing.get_origin(inner) is tuple and typing.get_args(inner)[1:] == (Ellipsis,) and not optional:
        item = typing.get_args(inner)[0]
        lines = ["if x.__class__ not in _SEQUENCES:", "    raise _REFUSED"]
        if item is str:
            return [
                *lines,
                "for v in x:",
                f"    if {_text_test('v', clean)}:",
                "        raise _REFUSED",
                "x = tuple(x)",
            ]
        if isinstance(item, type) and issubclass(item, enum.Enum):
            env[f"_members{index}"] = item._value2member_map_
            return [*lines, f"x = tuple([_members{index}[v] for v in x])"]
        read = _reader(item, single_date, clean)
        if read is None:
            return None
        env[f"_read{index}"] = read
        return [*lines, f"x = tuple(map(_read{index}, x))"]
    read = _reader(inner, single_date, clean)
    if read is None:
        return None
    env[f"_read{index}"] = read
    return ["if x is not None:", f"    x = _read{index}(x)"] if optional else [f"x = _read{index}(x)"]


def _record(cls: type, clean: bool) -> Callable[[Any], Any]:
    """The fast reader of a record of ``cls`` (its texts already checked if ``clean``)."""
    known = _RECORDS.get((cls, clean))
    if known is not None:
        return known
    # A record may hold records of its own class: the placeholder lets such a cycle
    # resolve to the finished function when it runs.
    slot: list[Callable[[Any], Any]] = []
    _RECORDS[cls, clean] = lambda value: slot[0](value)
    if hasattr(cls, "__attrs_post_init__") or hasattr(cls, "__attrs_pre_init__"):  # pragma: no cover
        raise TypeError(f"{cls.__name__}: the fast path builds records without their __init__")
    hints = dict(_hints(cls))
    fields = attrs.fields(cls)
    env: dict[str, Any] = {
        "_cls": cls,
        "_new": object.__new__,
        "_setter": object.__setattr__.__get__,
        "_REFUSED": _REFUSED,
        "_MISSING": _MISSING,
        "_dict": dict,
        "_str": str,
        "_SEQUENCES": _SEQUENCES,
        "_MAX_TEXT": MAX_TEXT,
        "_suspect": _SUSPECT.search,
        "_allowed": frozenset(f.name for f in fields),
    }
    lines = [
        "def structure(d):",
        "    if d.__class__ is not _dict or not d.keys() <= _allowed:",
        "        raise _REFUSED",
        "    o = _new(_cls)",
    ]
    hints_optional = {
        f.name: typing.get_origin(hints[f.name]) in (types.UnionType, typing.Union)
        and type(None) in typing.get_args(hints[f.name])
        for f in fields
    }
    for index, field in enumerate(fields):
        if field.converter is not None or field.on_setattr not in (
            None,
            attrs.setters.NO_OP,
        ):  # pragma: no cover
            raise TypeError(f"{cls.__name__}.{field.name}: the fast path sets fields as attrs' __init__ does")
        check = field.metadata.get(CHECK)
        if field.validator is not None and check is None:  # pragma: no cover - checks() sets both
            raise TypeError(f"{cls.__name__}.{field.name}: a validator that is not a field check")
        if field.name == "alternatives" and cls is not AlternativeClaim:
            env[f"_read{index}"] = _claims(cls, clean)
            read = [f"x = _read{index}(x)"]
        else:
            found = _read_lines(hints[field.name], index, env, SINGLE_DATE in field.metadata, clean)
            if found is None:  # a type with no fast reader: the converter's own hook for the field
                env[f"_read{index}"] = _whole_value(converter._field_hook(converter._CONVERTER, field))
                found = [f"x = _read{index}(x)"]
                check = None  # the hook runs it
            read = found
        if check is not None:  # as the field's attrs validator would (`run_check`): on each item, not on None
            hint = hints[field.name]
            env[f"_check{index}"] = check
            if check is not non_empty and str in (hint, *typing.get_args(hint)):  # ids and codes repeat
                env[f"_check{index}"], env[f"_passed{index}"] = _remembered(check)
                run = [f"if {{0}} not in _passed{index}:", f"    _check{index}({{0}})"]
            elif check is non_empty and hint is str:  # the check's own test, inline; the call says why
                run = ["if not {0}.strip():", f"    _check{index}({{0}})"]
            else:
                run = [f"_check{index}({{0}})"]
            if typing.get_origin(hint) is tuple:
                read = [*read, "for v in x:", *(f"    {line.format('v')}" for line in run)]
            elif typing.get_origin(hint) in (types.UnionType, typing.Union):
                read = [*read, "if x is not None:", *(f"    {line.format('x')}" for line in run)]
            else:
                read = [*read, *(line.format("x") for line in run)]
        if field.default is attrs.NOTHING:
            lines.append(f"    x = d[{field.name!r}]")
            lines += [f"    {line}" for line in read]
        elif field.default is None and hints_optional[field.name]:  # absent reads as written null
            lines.append(f"    x = d.get({field.name!r})")
            lines += [f"    {line}" for line in read]
        else:
            if isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
                if field.default.takes_self:  # pragma: no cover - none today
                    raise TypeError(f"{cls.__name__}.{field.name}: a default that takes self")
                env[f"_default{index}"] = field.default.factory
                default = f"_default{index}()"
            else:
                env[f"_default{index}"] = field.default
                default = f"_default{index}"
            lines += [
                f"    x = d.get({field.name!r}, _MISSING)",
                "    if x is _MISSING:",
                f"        x = {default}",
                "    else:",
            ]
            lines += [f"        {line}" for line in read]
        slot_of = getattr(cls, field.name, None)
        if isinstance(slot_of, types.MemberDescriptorType):  # the slot itself, as object.__setattr__ finds it
            env[f"_set{index}"] = slot_of.__set__
            lines.append(f"    _set{index}(o, x)")
        else:  # pragma: no cover - every record class is slotted
            lines.append(f"    _setter(o)({field.name!r}, x)")
    lines.append("    return o")
    source = "\n".join(lines)
    exec(compile(source, f"<bilateral fast reader of {cls.__name__}>", "exec"), env)
    function: Callable[[Any], Any] = env["structure"]
    slot.append(function)
    _RECORDS[cls, clean] = function
    return function


_PASSED: dict[Any, set[str]] = {}


def _remembered(check: Callable[[Any], None]) -> tuple[Callable[[Any], None], set[str]]:
    """``check``, and the texts it has passed: a file names the same ids and codes again and
    again, and the reader runs the check only on a text it has not passed."""
    passed = _PASSED.setdefault(check, set())

    def remembered(value: Any) -> None:
        check(value)
        if len(passed) < _CACHE_LIMIT:
            passed.add(value)

    return remembered, passed


def _whole_value(hook: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """A converter hook for a value that may hold texts: used only when its texts are clean."""

    def read(value: Any) -> Any:
        if read_problems(value):
            raise _REFUSED
        return hook(value)

    return read


_DATASET = _record(Dataset, clean=False)
_CLEAN_DATASET = _record(Dataset, clean=True)


def structure_valid(data: Any, texts_checked: bool = False) -> Dataset:
    """The dataset in plain data of the current schema version, if it has no problem.

    With ``texts_checked``, the caller vouches that no text in ASCII holds a character that
    `read_problems` refuses (a JSON text with no escape that writes one, and no DEL): then only
    texts with other characters are searched.

    Raises:
        Refused: Or any error of the hooks and checks: something in it is not accepted as it
            stands, and the detailed converter should read it to say what.
    """
    return (_CLEAN_DATASET if texts_checked else _DATASET)(data)  # type: ignore[no-any-return]


# -- The way out -----------------------------------------------------------------------------------

_WRITERS: dict[tuple[type, bool], Callable[[Any], Any]] = {}


def _writer_of(
    t: Any, explicit_period: bool, index: int, env: dict[str, Any], shallow: bool, defer: bool
) -> str | None:
    """An expression for the plain value of ``x``, a value of type ``t`` (not None), inline for the
    common types; None for a type the converter writes. ``shallow``: leave what orjson writes
    itself as it is (tuples of texts and numbers, days); an enum's value is taken here all the
    same, as orjson would take it through the slower ``value`` property. ``defer``: leave records
    too, for orjson to hand to `write_record` one by one."""
    origin, args = typing.get_origin(t), typing.get_args(t)
    if origin in (types.UnionType, typing.Union):
        return None
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            item = args[0]
            if item in (str, int, bool):
                return "x" if shallow else "list(x)"
            if isinstance(item, type) and issubclass(item, enum.Enum):
                return "[v._value_ for v in x]"
            if attrs.has(item) and item not in (PartialDate, Period):
                if defer:
                    return "x"
                env[f"_write{index}"] = _writer(item, shallow)
                return f"list(map(_write{index}, x))"
        return None
    if t in (str, int, bool):
        return "x"
    if isinstance(t, type) and issubclass(t, enum.Enum):
        return "x._value_"
    if t is Decimal:
        return "_str(x)"
    if t is dt.date:
        return "x" if shallow else "x.isoformat()"
    if t is PartialDate:
        return "x._edtf"  # what edtf() returns, without the call
    if t is Period:
        return "_period_text(x)" if explicit_period else "x._edtf"
    if attrs.has(t):
        if defer:
            return "x"
        env[f"_write{index}"] = _writer(t, shallow)
        return f"_write{index}(x)"
    return None


def _writer(cls: type, shallow: bool = False) -> Callable[[Any], Any]:
    """The plain data of a record of ``cls``, as `bilateral.io.converter.unstructure` gives it:
    the fields in order, those left at their default omitted. ``shallow``: for orjson, with the
    values it writes itself left as they are; a dataset's own records are left to it too, to
    hand to `write_record` one at a time."""
    known = _WRITERS.get((cls, shallow))
    if known is not None:
        return known
    slot: list[Callable[[Any], Any]] = []
    _WRITERS[cls, shallow] = lambda value: slot[0](value)
    hints = dict(_hints(cls))
    defer = shallow and cls is Dataset
    env: dict[str, Any] = {
        "_str": str,
        "_period_text": converter._period_text,
        "_plain": converter.unstructure,
    }
    lines = ["def unstructure(o):"]
    shown: list[str] = []  # the leading fields always written: one dict display, the rest added
    for index, field in enumerate(attrs.fields(cls)):
        hint = hints[field.name]
        origin, args = typing.get_origin(hint), typing.get_args(hint)
        optional = origin in (types.UnionType, typing.Union) and len(args) == 2 and type(None) in args
        inner = next(a for a in args if a is not type(None)) if optional else hint
        explicit = converter._is_period(hint) and SINGLE_DATE not in field.metadata
        if field.name == "alternatives" and cls is not AlternativeClaim:
            env[f"_write{index}"] = converter._claims_unstructure(converter._CONVERTER, cls)
            expression: str | None = f"_write{index}(x)"
        else:
            expression = _writer_of(inner, explicit, index, env, shallow, defer)
        if expression is None:  # the converter's own way, for the value as it is at run time
            expression = "_plain(x)"
        elif optional and field.default is not None:  # (left at None, it is not written)
            expression = f"None if x is None else {expression}"
        inline = re.sub(r"\bx\b", f"o.{field.name}", expression)
        if field.default is attrs.NOTHING and len(shown) == index and inline.count(f"o.{field.name}") == 1:
            shown.append(f"{field.name!r}: {inline}")
            continue
        if len(shown) == index:
            lines.append(f"    d = {{{', '.join(shown)}}}")
        lines.append(f"    x = o.{field.name}")
        if field.default is attrs.NOTHING:
            lines.append(f"    d[{field.name!r}] = {expression}")
            continue
        if isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]  # pragma: no cover - none
            env[f"_default{index}"] = field.default.factory
            default = f"_default{index}()"
        else:
            env[f"_default{index}"] = field.default
            default = f"_default{index}"
        # The same tests, without a call: None by identity, an empty tuple or False by truth (values are type-checked).
        if field.default is None:
            test = "x is not None"
        else:
            empty = (field.default == () and origin is tuple) or (field.default is False and hint is bool)
            test = "x" if empty else f"x != {default}"
        lines += [f"    if {test}:", f"        d[{field.name!r}] = {expression}"]
    whole = len(shown) == len(attrs.fields(cls))  # every field always written: the display is all
    lines.append(f"    return {{{', '.join(shown)}}}" if whole else "    return d")
    name = f"<bilateral {'shallow ' if shallow else ''}fast writer of {cls.__name__}>"
    exec(compile("\n".join(lines), name, "exec"), env)
    function: Callable[[Any], Any] = env["unstructure"]
    slot.append(function)
    _WRITERS[cls, shallow] = function
    return function


_WRITE_DATASET = _writer(Dataset)


def unstructure_dataset(dataset: Dataset) -> dict[str, Any]:
    """The plain data of a dataset, equal to what `bilateral.io.converter.unstructure` gives."""
    return _WRITE_DATASET(dataset)  # type: ignore[no-any-return]


def shallow_dataset(dataset: Dataset) -> dict[str, Any]:
    """The mapping of a dataset alone, its own records left as they are, for orjson to write with
    `write_record`: the same text as the plain data of `unstructure_dataset`, without building
    all of it first (each of the dataset's records, a partnership with all it holds, is made
    plain when orjson reaches it and dropped once written; orjson writes tuples of texts and
    numbers, and days, itself)."""
    return _writer(Dataset, shallow=True)(dataset)  # type: ignore[no-any-return]


def write_record(value: Any) -> Any:
    """orjson's ``default``: the plain data of one of a dataset's own records (see `shallow_dataset`)."""
    write = _WRITERS.get((value.__class__, True))
    if write is None:
        if not attrs.has(value.__class__):
            raise TypeError(f"no plain value for {value.__class__.__name__}")
        write = _writer(value.__class__, shallow=True)
    return write(value)
