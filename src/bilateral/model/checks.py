"""Value checks shared by the records: codes, identifiers and amounts.

Each check raises `ValueError` with a message that names the bad value. The
records run them when built in Python (as attrs validators), and the io layer
runs the same checks while reading a file, where the error keeps its path.
A field declares its check with ``attrs.field(**checks(...))``, which stores
it in the field's metadata under `CHECK`.
"""

import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs

from bilateral.errors import shown

__all__ = [
    "CHECK",
    "MAX_PLACES",
    "MAX_WHOLE_DIGITS",
    "REFERS",
    "SINGLE_DATE",
    "Check",
    "bounded",
    "checks",
    "country",
    "currency",
    "identifier",
    "language",
    "non_empty",
    "non_negative",
    "places",
    "refers",
    "run_check",
    "single_date",
]

CHECK = "bilateral.check"
REFERS = "bilateral.refers"
SINGLE_DATE = "bilateral.single_date"
Check = Callable[[Any], None]

_ID_RE = re.compile(r"[a-z0-9][a-z0-9_.-]*", re.ASCII)


# What pycountry answered, by kind of code: each code is asked once (pycountry, its import and
# each of its tables, is loaded when a code is first asked). Asked only of three capitals (two
# lower-case letters for a language), so the answers stay few. `_confirmed` and `_confirm` let
# the bundle's cache file keep the codes it holds (see `bilateral.datasets`).
_ANSWERS: dict[str, dict[str, bool]] = {"country": {}, "currency": {}, "language": {}}


def _is_country(code: str) -> bool:
    answers = _ANSWERS["country"]
    known = answers.get(code)
    if known is None:
        import pycountry

        known = answers[code] = (
            pycountry.countries.get(alpha_3=code) is not None
            or pycountry.historic_countries.get(alpha_3=code) is not None
        )
    return known


def _is_currency(code: str) -> bool:
    answers = _ANSWERS["currency"]
    known = answers.get(code)
    if known is None:
        import pycountry

        known = answers[code] = pycountry.currencies.get(alpha_3=code) is not None
    return known


def _is_language(code: str) -> bool:
    answers = _ANSWERS["language"]
    known = answers.get(code)
    if known is None:
        import pycountry

        known = answers[code] = pycountry.languages.get(alpha_2=code) is not None
    return known


def _confirmed() -> dict[str, list[str]]:
    """The codes pycountry has confirmed in this process, by kind (``country``, ``currency``, ``language``)."""
    return {kind: sorted(code for code, ok in answers.items() if ok) for kind, answers in _ANSWERS.items()}


def _confirm(codes: object) -> None:
    """Take as confirmed, without asking pycountry, the codes that `_confirmed` gave in another
    process with the same pycountry; anything not of that shape is ignored."""
    if not isinstance(codes, dict):
        return
    for kind, found in codes.items():
        answers = _ANSWERS.get(kind) if isinstance(kind, str) else None
        if answers is not None and isinstance(found, list):
            answers.update((code, True) for code in found if isinstance(code, str))


def country(code: str) -> None:
    """An ISO 3166-1 alpha-3 code in capitals, current or historic (``SUN``)."""
    if not (len(code) == 3 and code.isascii() and code.isupper() and _is_country(code)):
        raise ValueError(f"{shown(code)} is not an ISO 3166-1 alpha-3 country code")


def currency(code: str) -> None:
    """An ISO 4217 currency code in capitals."""
    if not (len(code) == 3 and code.isascii() and code.isupper() and _is_currency(code)):
        raise ValueError(f"{shown(code)} is not an ISO 4217 currency code")


def language(code: str) -> None:
    """An ISO 639-1 two-letter language code in lower case."""
    if not (len(code) == 2 and code.isascii() and code.islower() and _is_language(code)):
        raise ValueError(f"{shown(code)} is not an ISO 639-1 language code")


def identifier(value: str) -> None:
    """A record id: lower-case letters, digits, ``-``, ``_`` and ``.``."""
    if not _ID_RE.fullmatch(value):
        raise ValueError(
            f"{shown(value)} is not a valid id (use lower-case letters, digits, '-', '_' and '.',"
            " starting with a letter or digit)"
        )


def non_empty(value: str) -> None:
    """Text that is not blank."""
    if not value.strip():
        raise ValueError("must not be empty")


#: The most digits a number (an amount, a quantity, a change) may have before its point: it is below 10²⁰.
MAX_WHOLE_DIGITS = 20
#: The most digits a number written in a file may have after its point. With `MAX_WHOLE_DIGITS`,
#: every number read has at most 28 digits, which `Decimal` computes with exactly. (A number
#: computed in Python may have more places; it is refused only when written, by `places`.)
MAX_PLACES = 8


def _number_text(value: Decimal) -> str:
    text = str(value)
    return text if len(text) <= 40 else f"{text[:40]}… ({len(text):,} characters)"


def bounded(value: Decimal) -> None:
    """A finite `Decimal` below 10²⁰ in size."""
    if not isinstance(value, Decimal) or isinstance(value, bool):
        raise TypeError(
            f"expected a Decimal, got {type(value).__name__} {shown(value)} (write Decimal('{value}'))"
        )
    if not value.is_finite():
        raise ValueError(f"{value} is not a finite number")
    if value and value.adjusted() >= MAX_WHOLE_DIGITS:
        raise ValueError(
            f"{_number_text(value)} is too large (a number has at most {MAX_WHOLE_DIGITS} digits "
            "before the point)"
        )


def places(value: Decimal) -> None:
    """A `Decimal` of at most `MAX_PLACES` places after the point, as a file may hold."""
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and -exponent > MAX_PLACES:
        raise ValueError(
            f"{_number_text(value)} has {-exponent:,} places after the point, more than the "
            f"{MAX_PLACES} a number may have; round it"
        )


def non_negative(value: Decimal) -> None:
    """A finite `Decimal` of zero or more, within the bounds of `bounded`."""
    bounded(value)
    if value < 0:
        raise ValueError(f"{value} is negative (amounts must be zero or more)")


def run_check(check: Check, value: object) -> None:
    """Apply ``check`` to a value, to each item of a tuple, and not to None."""
    if value is None:
        return
    if isinstance(value, tuple):
        for item in value:
            check(item)
        return
    check(value)


def _validator(check: Check) -> Callable[[object, "attrs.Attribute[Any]", object], None]:
    def validate(_instance: object, _attribute: "attrs.Attribute[Any]", value: object) -> None:
        run_check(check, value)

    return validate


def checks(check: Check) -> dict[str, Any]:
    """Arguments for `attrs.field` that run ``check`` when a record is built,
    and tell the io layer to run it while reading: ``attrs.field(**checks(country))``."""
    return {"validator": _validator(check), "metadata": {CHECK: check}}


def refers(kind: str) -> dict[str, Any]:
    """Arguments for `attrs.field` for a field that holds the id, or a tuple of
    ids, of another record of ``kind``: ``attrs.field(**refers("actor"))``.

    ``kind`` is ``"actor"``, ``"source"``, ``"instrument"`` or ``"trade_figure"``.
    The integrity check resolves every reference; `Dataset.partnership` uses
    them to know which shared records a partnership needs.
    """
    return {"validator": _validator(identifier), "metadata": {CHECK: identifier, REFERS: kind}}


def single_date(meaning: str) -> dict[str, Any]:
    """Arguments for `attrs.field` for a `Period` field where a single date has a meaning of its own.

    A bare date where a period is expected is ambiguous (a one-day sanction,
    or one whose end is not given?), so the io layer refuses it, unless the
    field declares what it means: ``attrs.field(**single_date("the whole
    period it names: 2024 is the year 2024"))``. ``meaning`` is shown in the
    format reference.
    """
    return {"metadata": {SINGLE_DATE: meaning}}
