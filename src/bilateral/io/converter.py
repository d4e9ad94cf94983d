"""The cattrs converter that turns plain data into records and back, strictly.

One converter serves every format: JSON, TOML and YAML all parse to the same
plain values (dicts, lists, strings, numbers, and for TOML and YAML dates),
and all are written from the same plain values. It is built once, at import.

Strictness, where cattrs would be lenient:
- no coercion: a string is not an int, an int is not a string, a bool is not
  an int, a string is not a list;
- unknown keys are errors, and so are unknown enum values;
- every field check the model declares (`bilateral.model.checks`) runs here,
  where the error keeps its path.

An alternative claim's value is read with the type and the checks of the
field it disputes (`bilateral.model.typecheck.claimed_type`), so a bad date or
currency inside one is a problem at ``…alternatives[0].value``. Schema version
1 wrote that value as text; its converter decodes the text here, the one
place that does.

A bare date where a period is expected (``period: 2018-11-27``) is refused,
unless the field gives a single date a meaning of its own (a trade figure's
``2024`` is the year).

`structure` raises `InvalidDataError` with every problem found, each with its
path (``$.partnerships[0].instruments[3].signed``).
"""

import datetime as dt
import difflib
import enum
import functools
import re
import types
import typing
from collections.abc import Callable, Iterator
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from bilateral.errors import InvalidDataError, Problem, child_path, shown
from bilateral.io.formats import Unreadable, parse
from bilateral.model.checks import CHECK, SINGLE_DATE, places, run_check
from bilateral.model.dates import PartialDate, Period
from bilateral.model.partnership import SCHEMA_VERSION
from bilateral.model.sources import AlternativeClaim, claimable
from bilateral.model.typecheck import claimed_type

__all__ = ["structure", "unstructure"]

T = TypeVar("T")


def _describe(value: object) -> str:
    """Name the type of a plain value as a user sees it in a file."""
    if isinstance(value, bool):
        return f"a boolean ({str(value).lower()})"
    if isinstance(value, (int, Decimal, float)):
        text = str(value)
        return f"a number ({text if len(text) <= 40 else text[:40] + f'… ({len(text):,} characters)'})"
    if isinstance(value, str):
        return f"text ({shown(value)})"
    if isinstance(value, Unreadable):
        return "a value with no single reading"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, dt.datetime):
        return f"a date and time ({value.isoformat()})"
    if isinstance(value, dt.date):
        return f"a date ({value.isoformat()})"
    if value is None:
        return "nothing (null)"
    return type(value).__name__


def _str(value: Any, _: type) -> str:
    if isinstance(value, bool):
        raise TypeError(
            f"expected text, got {_describe(value)}; YAML reads unquoted yes/no/on/off as true or false, "
            "so quote the text"
        )
    if isinstance(value, dt.datetime):  # an unquoted 2024-01-05 10:00 in YAML or TOML
        raise TypeError(
            f"expected text, got {_describe(value)}; an unquoted date is read as a date, so quote it"
        )
    if isinstance(value, dt.date):
        raise TypeError(
            f"expected text, got {_describe(value)}; an unquoted date is read as a date, "
            f"so quote it: '{value.isoformat()}'"
        )
    if not isinstance(value, str):
        raise TypeError(f"expected text, got {_describe(value)}")
    return value


def _int(value: Any, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"expected a whole number, got {_describe(value)}")
    return value


def _bool(value: Any, _: type) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"expected true or false, got {_describe(value)}")
    return value


_NUMBER = re.compile(r"[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?", re.ASCII)
_THOUSANDS = re.compile(r"[-+]?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?", re.ASCII)
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)


def _decimal(value: Any, _: type) -> Decimal:
    if isinstance(value, bool):
        raise TypeError(f"expected a number, got {_describe(value)}")
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, str):
        if _THOUSANDS.fullmatch(value):
            raise ValueError(
                f"{shown(value)} is not a number (a number is written without thousands separators): "
                f"did you mean {value.replace(',', '')}?"
            )
        if not _NUMBER.fullmatch(value):
            raise ValueError(
                f"{shown(value)} is not a number (write digits, a point and an exponent only: '1.5e9')"
            )
        try:
            result = Decimal(value)
        except InvalidOperation:
            raise ValueError(f"{shown(value)} is not a number") from None
    else:
        raise TypeError(f"expected a number, got {_describe(value)}")
    if not result.is_finite():
        raise ValueError(f"{value} is not a finite number")
    places(result)
    return result


def _date(value: Any, _: type) -> dt.date:
    if isinstance(value, dt.datetime):
        raise TypeError(f"expected a date, got {_describe(value)}")
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise TypeError(f"expected a date (YYYY-MM-DD), got {_describe(value)}")
    try:
        if not _ISO_DATE.fullmatch(value):
            raise ValueError("expected YYYY-MM-DD")
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise ValueError(f"{shown(value)} is not a valid date ({exc})") from None


def _partial_date(value: Any, _: type) -> PartialDate:
    if isinstance(value, dt.datetime):
        raise TypeError(f"expected a date, got {_describe(value)}")
    if isinstance(value, dt.date):
        return PartialDate.of(value)
    if isinstance(value, int) and not isinstance(value, bool):
        raise TypeError(
            f"expected a date as text, got a number ({value}); write the year in quotes: '{value}'"
        )
    if not isinstance(value, str):
        raise TypeError(f"expected a date such as '2025', '2025-05' or '2025-05-07', got {_describe(value)}")
    return PartialDate.parse(value)


def _period(value: Any, _: type) -> Period:
    if isinstance(value, dt.datetime):
        raise TypeError(f"expected a period, got {_describe(value)}")
    if isinstance(value, dt.date):
        return Period.single(PartialDate.of(value))
    if isinstance(value, int) and not isinstance(value, bool):
        raise TypeError(f"expected a period as text, got a number ({value}); write it in quotes: '{value}'")
    if not isinstance(value, str):
        raise TypeError(f"expected a period such as '2024' or '2026/2041', got {_describe(value)}")
    return Period.parse(value)


def _enum_hook(cls: type[enum.Enum]) -> Callable[[Any, type], enum.Enum]:
    values = [str(member.value) for member in cls]
    noun = _enum_noun(cls)

    def structure(value: Any, _: type) -> enum.Enum:
        if not isinstance(value, str):
            raise TypeError(f"expected {noun} as text, got {_describe(value)}")
        try:
            return cls(value)
        except ValueError:
            raise ValueError(
                f"{shown(value)} is not a valid {noun} (expected one of: {', '.join(values)})"
            ) from None

    return structure


def _enum_noun(cls: type) -> str:
    """``CooperationArea`` -> ``cooperation area``."""
    words: list[str] = []
    for char in cls.__name__:
        if char.isupper() and words:
            words.append(" ")
        words.append(char.lower())
    return "".join(words)


def _is_tuple(t: Any) -> bool:
    return typing.get_origin(t) is tuple


def _tuple_hook(converter: cattrs.Converter) -> Callable[[Any], Callable[[Any, Any], tuple[Any, ...]]]:
    def factory(type_: Any) -> Callable[[Any, Any], tuple[Any, ...]]:
        args = typing.get_args(type_)
        variadic = len(args) == 2 and args[1] is Ellipsis

        def structure(value: Any, _: Any) -> tuple[Any, ...]:
            if not isinstance(value, (list, tuple)):
                raise TypeError(f"expected a list, got {_describe(value)}")
            if not variadic and len(value) != len(args):
                raise ValueError(f"expected a list of {len(args)} items, got {len(value)}")
            items: list[Any] = []
            errors: list[Exception] = []
            for index, item in enumerate(value):
                item_type = args[0] if variadic else args[index]
                try:
                    items.append(converter.structure(item, item_type))
                except Exception as exc:
                    exc.__notes__ = [
                        *getattr(exc, "__notes__", []),
                        IterableValidationNote(f"Structuring item @ index {index}", index, item_type),
                    ]
                    errors.append(exc)
            if errors:
                raise IterableValidationError(f"While structuring {type_!r}", errors, type_)
            return tuple(items)

        return structure

    return factory


def _is_period(t: Any) -> bool:
    return t is Period or (
        typing.get_origin(t) in (typing.Union, types.UnionType) and Period in typing.get_args(t)
    )


def _no_bare_date(value: Any) -> None:
    """Refuse a single date where a period is expected, naming the fixes."""
    if isinstance(value, (dt.datetime, bool)):
        return
    if isinstance(value, dt.date):
        text, date = value.isoformat(), PartialDate.of(value)
    elif isinstance(value, (str, int)) and "/" not in str(value):  # a year written as a number too
        text = str(value)
        try:
            date = PartialDate.parse(text)
        except ValueError:
            return  # not a date either: the period's own reading names what is wrong
    else:
        return
    span = {"day": "that one day", "month": "that month alone", "year": "that year alone"}[date.precision]
    raise ValueError(
        f"{shown(text)} is a single date, not a period: write '{text}/..' if it still applies, "
        f"'{text}/' if its end is not known, or '{text}/{text}' for {span}"
    )


def _value_hook(converter: cattrs.Converter, type_: Any, check: Any, bare_date: bool) -> Callable[[Any], Any]:
    """Structure a value of ``type_``, then run ``check`` on it (on each item of a tuple)."""
    no_bare = _is_period(type_) and not bare_date

    def structure(value: Any) -> Any:
        if no_bare:
            _no_bare_date(value)
        result = converter.structure(value, type_)
        if check is None:
            return result
        if not isinstance(result, tuple):
            run_check(check, result)
            return result
        errors: list[Exception] = []
        for index, item in enumerate(result):  # every bad item, each with its index
            try:
                run_check(check, item)
            except ValueError as exc:
                exc.__notes__ = [IterableValidationNote(f"Checking item @ index {index}", index, type(item))]
                errors.append(exc)
        if errors:
            raise IterableValidationError("While checking items", errors, type_)
        return result

    return structure


def _field_hook(converter: cattrs.Converter, field: "attrs.Attribute[Any]") -> Callable[[Any], Any]:
    return _value_hook(converter, field.type, field.metadata.get(CHECK), SINGLE_DATE in field.metadata)


def _ignoring_type(hook: Callable[[Any], Any]) -> Callable[[Any, Any], Any]:
    """A cattrs structure hook (value, type) from a hook of the value alone."""

    def structure(value: Any, _: Any) -> Any:
        return hook(value)

    return structure


def _noted(exc: Exception, note: Any) -> Exception:
    exc.__notes__ = [note, *getattr(exc, "__notes__", [])]
    return exc


def _legacy_value(value: Any, read: Callable[[Any], Any], listed: bool) -> Any:
    """A claimed value as schema version 1 wrote it: text, itself YAML for an amount or a list.

    Version 1 took a single word for a list field (``value: prk``): it is read as a list of one.
    """
    if not isinstance(value, str):
        raise TypeError(
            f"expected text, got {_describe(value)} (schema version 1 writes a claimed value as text)"
        )
    try:
        return read(value)
    except Exception as direct:
        try:
            plain = parse(value, "yaml")
        except InvalidDataError:
            raise direct from None
        if isinstance(plain, (dict, list)):
            return read(plain)
        if listed:
            return read([value])
        raise direct from None


def _claims_hook(converter: cattrs.Converter, cls: type, legacy: bool) -> Callable[[Any, Any], Any]:
    """Structure a record's alternative claims, each value with the type and checks of its field."""
    fields = {f.name: f for f in attrs.fields(cls)}
    names = claimable(cls)
    readers = {
        name: _value_hook(
            converter,
            claimed_type(cls, name),
            fields[name].metadata.get(CHECK),
            SINGLE_DATE in fields[name].metadata,
        )
        for name in names
    }
    listed = {name for name in names if _is_tuple(claimed_type(cls, name))}

    def one(item: Any) -> AlternativeClaim:
        errors: list[Exception] = []
        claim: AlternativeClaim | None = None
        try:
            claim = converter.structure(item, AlternativeClaim)  # the value as read, for now
        except ClassValidationError as exc:
            errors.extend(exc.exceptions)
        name = item.get("field")
        value: Any = None
        if isinstance(name, str) and name in readers:
            if "value" in item:
                read = readers[name]
                try:
                    raw = item["value"]
                    value = _legacy_value(raw, read, name in listed) if legacy else read(raw)
                except Exception as exc:
                    errors.append(_noted(exc, AttributeValidationNote("Structuring value", "value", Any)))
        elif isinstance(name, str) and name.strip():  # a blank one is named by the field's own check
            error = ValueError(
                f"{shown(name)} is not a field a claim can be about (one of: {', '.join(sorted(names))})"
            )
            errors.append(_noted(error, AttributeValidationNote("Structuring field", "field", str)))
        if errors or claim is None:
            raise ClassValidationError("While structuring AlternativeClaim", errors, AlternativeClaim)
        return attrs.evolve(claim, value=value)

    def structure(value: Any, _: Any) -> tuple[AlternativeClaim, ...]:
        if not isinstance(value, (list, tuple)):
            raise TypeError(f"expected a list, got {_describe(value)}")
        items: list[AlternativeClaim] = []
        errors: list[Exception] = []
        for index, item in enumerate(value):
            try:
                if not isinstance(item, dict):
                    raise TypeError(
                        f"expected a mapping with the fields of alternative claim, got {_describe(item)}"
                    )
                items.append(one(item))
            except Exception as exc:
                errors.append(
                    _noted(exc, IterableValidationNote(f"Structuring item @ index {index}", index, Any))
                )
        if errors:
            raise IterableValidationError("While structuring alternatives", errors, tuple)
        return tuple(items)

    return structure


def _attrs_hook(converter: cattrs.Converter, legacy: bool) -> Callable[[Any], Callable[[Any, Any], Any]]:
    def factory(cls: Any) -> Callable[[Any, Any], Any]:
        overrides = {}
        for field in attrs.fields(cls):
            if field.name == "alternatives" and cls is not AlternativeClaim:
                overrides[field.name] = override(struct_hook=_claims_hook(converter, cls, legacy))
            elif CHECK in field.metadata or (_is_period(field.type) and SINGLE_DATE not in field.metadata):
                overrides[field.name] = override(struct_hook=_ignoring_type(_field_hook(converter, field)))
        inner = make_dict_structure_fn(
            cls,
            converter,
            _cattrs_forbid_extra_keys=True,
            **overrides,  # type: ignore[arg-type]
        )
        fields = sorted(f.name for f in attrs.fields(cls))

        def structure(value: Any, type_: Any) -> Any:
            if not isinstance(value, dict):
                raise TypeError(
                    f"expected a mapping with the fields of {_enum_noun(cls)}, got {_describe(value)}"
                )
            try:
                return inner(value, type_)
            except ForbiddenExtraKeysError as exc:
                exc.allowed = fields  # type: ignore[attr-defined]
                raise
            except ClassValidationError as exc:
                for sub in exc.exceptions:
                    if isinstance(sub, ForbiddenExtraKeysError):
                        sub.allowed = fields  # type: ignore[attr-defined]
                raise

        return structure

    return factory


def _period_text(value: Period) -> str:
    """A period's EDTF text, a one-day (or one-month) period written as an interval."""
    if value.start is not None and value.start == value.end and not value.ongoing:
        return f"{value.start.edtf()}/{value.end.edtf()}"
    return value.edtf()


def _claims_unstructure(converter: cattrs.Converter, cls: type) -> Callable[[Any], list[Any]]:
    fields = {f.name: f for f in attrs.fields(cls)}
    explicit = {
        name
        for name in claimable(cls)
        if _is_period(fields[name].type) and SINGLE_DATE not in fields[name].metadata
    }

    def unstructure(claims: tuple[AlternativeClaim, ...]) -> list[Any]:
        plain = []
        for claim in claims:
            data = converter.unstructure(claim)
            if claim.field in explicit and isinstance(claim.value, Period):
                data["value"] = _period_text(claim.value)
            plain.append(data)
        return plain

    return unstructure


def _unstructure_attrs(converter: cattrs.Converter) -> Callable[[Any], Callable[[Any], Any]]:
    def factory(cls: Any) -> Callable[[Any], Any]:
        overrides = {}
        for field in attrs.fields(cls):
            if field.name == "alternatives" and cls is not AlternativeClaim:
                overrides[field.name] = override(unstruct_hook=_claims_unstructure(converter, cls))
            elif _is_period(field.type) and SINGLE_DATE not in field.metadata:
                overrides[field.name] = override(
                    unstruct_hook=lambda value: None if value is None else _period_text(value)
                )
        return make_dict_unstructure_fn(
            cls,
            converter,
            _cattrs_omit_if_default=True,
            **overrides,  # type: ignore[arg-type]
        )

    return factory


def _build(legacy: bool) -> cattrs.Converter:
    converter = cattrs.Converter(detailed_validation=True)
    converter.register_structure_hook(str, _str)
    converter.register_structure_hook(int, _int)
    converter.register_structure_hook(bool, _bool)
    converter.register_structure_hook(Decimal, _decimal)
    converter.register_structure_hook(dt.date, _date)
    converter.register_structure_hook(PartialDate, _partial_date)
    converter.register_structure_hook(Period, _period)
    converter.register_structure_hook_factory(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _enum_hook
    )
    converter.register_structure_hook_factory(_is_tuple, _tuple_hook(converter))
    converter.register_structure_hook_factory(
        lambda t: attrs.has(t) and t not in (PartialDate, Period), _attrs_hook(converter, legacy)
    )

    converter.register_unstructure_hook(Decimal, str)
    converter.register_unstructure_hook(dt.date, dt.date.isoformat)
    converter.register_unstructure_hook(PartialDate, PartialDate.edtf)
    converter.register_unstructure_hook(Period, Period.edtf)
    converter.register_unstructure_hook_factory(_is_tuple, lambda _: _unstructure_tuple(converter))
    converter.register_unstructure_hook_factory(
        lambda t: attrs.has(t) and t not in (PartialDate, Period), _unstructure_attrs(converter)
    )
    return converter


def _unstructure_tuple(converter: cattrs.Converter) -> Callable[[tuple[Any, ...]], list[Any]]:
    def unstructure(value: tuple[Any, ...]) -> list[Any]:
        return [converter.unstructure(item) for item in value]

    return unstructure


_CONVERTER = _build(legacy=False)


@functools.cache
def _legacy_converter() -> cattrs.Converter:
    """The converter for schema version 1 files, built the first time one is read."""
    return _build(legacy=True)


# What the hooks raise for bad data (cattrs raises KeyError for a missing field); anything else is a bug.
_DATA_ERRORS = (ValueError, TypeError, KeyError)


def structure(data: Any, cls: type[T], version: int = SCHEMA_VERSION) -> T:
    """Turn plain data into a record of ``cls``, as a file of schema ``version`` writes it.

    Raises:
        InvalidDataError: With every problem found, each with its path.
    """
    converter = _legacy_converter() if version == 1 else _CONVERTER
    try:
        return converter.structure(data, cls)
    except (ClassValidationError, IterableValidationError, ForbiddenExtraKeysError, *_DATA_ERRORS) as exc:
        # every problem with the data becomes a problem with a path; any other error is a bug, and raised
        raise InvalidDataError(sorted(_problems(exc, "$"), key=Problem.sort_key)) from None


def unstructure(record: object) -> Any:
    """Turn a record into plain data: dicts, lists, strings, numbers, booleans.

    Fields left at their default value are omitted, so that the output holds
    no nulls (TOML has none) and stays short.
    """
    return _CONVERTER.unstructure(record)


def _problems(exc: BaseException, path: str) -> Iterator[Problem]:
    if isinstance(exc, (ClassValidationError, IterableValidationError)):
        for sub in exc.exceptions:
            notes = getattr(sub, "__notes__", [])
            note = next(
                (n for n in notes if isinstance(n, (AttributeValidationNote, IterableValidationNote))), None
            )
            if isinstance(note, AttributeValidationNote):
                yield from _problems(sub, child_path(path, note.name))
            elif isinstance(note, IterableValidationNote):
                yield from _problems(sub, f"{path}[{note.index!r}]")
            else:
                yield from _problems(sub, path)
        return
    if isinstance(exc, ForbiddenExtraKeysError):
        allowed = getattr(exc, "allowed", None)
        hint = f" (expected one of: {', '.join(allowed)})" if allowed else ""
        for key in sorted(exc.extra_fields, key=repr):
            close = difflib.get_close_matches(str(key), allowed or (), n=1, cutoff=0.75)
            guess = f"; did you mean {close[0]!r}?" if close else ""
            yield Problem(child_path(path, key), f"unknown field{guess}{hint}")
        return
    if isinstance(exc, KeyError):
        yield Problem(path, "is required but missing")
        return
    if not isinstance(exc, _DATA_ERRORS) or isinstance(exc, ArithmeticError):
        raise exc  # not a problem with the data, but a bug in a hook
    yield Problem(path, str(exc) or type(exc).__name__)
