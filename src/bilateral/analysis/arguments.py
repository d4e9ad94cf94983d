"""What the analysis functions take: a partnership, or a dataset of one; a day, as a date or ISO text.

`bilateral.load` returns a `Dataset`, while `bilateral.datasets.partnership`
(and its older name `datasets.load`) returns a `Partnership`: every analysis
function takes either, so that a newcomer's first try works, and says what to
pass when it cannot.
"""

import datetime as dt
import re

from bilateral.model.partnership import Dataset, Partnership

__all__ = ["day_of", "partnership_of"]

_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)


def partnership_of(value: Partnership | Dataset, function: str) -> Partnership:
    """``value`` itself, or the one partnership of a dataset (with its shared records folded in).

    Raises:
        TypeError: ``value`` is neither, or a dataset of more or fewer than one partnership.

    Examples:
        >>> import bilateral
        >>> partnership_of(bilateral.datasets.bundle(), "summarize")
        Traceback (most recent call last):
        ...
        TypeError: summarize() takes one partnership, but this Dataset holds 6 (russia-venezuela, russia-iran, russia-north-korea, russia-cuba, china-venezuela, iran-venezuela): pass dataset.partnership('russia-venezuela')
    """
    if isinstance(value, Partnership):
        return value
    if isinstance(value, Dataset):
        if len(value.partnerships) == 1:
            return value.partnership()
        if not value.partnerships:
            raise TypeError(f"{function}() takes one partnership, but this Dataset holds none")
        raise TypeError(
            f"{function}() takes one partnership, but this Dataset holds {len(value.partnerships)} "
            f"({', '.join(value.ids())}): pass dataset.partnership({value.ids()[0]!r})"
        )
    raise TypeError(
        f"{function}() takes a Partnership, or a Dataset of one, not {type(value).__name__} "
        "(read a file with bilateral.load, or a bundled one with bilateral.datasets.partnership)"
    )


def day_of(value: dt.date | str, name: str, function: str) -> dt.date:
    """A day given as a `datetime.date` or as ISO text (``"2024-01-01"``).

    Raises:
        TypeError: ``value`` is neither (a `datetime.datetime` is not a day).
        ValueError: The text is not a real day in the form YYYY-MM-DD.
    """
    if isinstance(value, dt.datetime):
        raise TypeError(f"{function}(): {name} is a day, not a date and time: pass {name}.date()")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            if not _ISO_DAY.fullmatch(value):
                raise ValueError
            return dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{function}(): {name}={value!r} is not a day (write YYYY-MM-DD)") from None
    raise TypeError(
        f"{function}(): {name} is a datetime.date or text such as '2024-01-01', not {type(value).__name__}"
    )
