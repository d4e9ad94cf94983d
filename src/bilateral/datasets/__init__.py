"""The datasets bundled with bilateral, read through the same strict io as a user's file.

What each returns, beside `bilateral.load`, which reads *a file*:

| call | returns |
| --- | --- |
| `bilateral.load(path)` | a `Dataset`: every partnership of the file and the records they share |
| `datasets.partnership(name)` | a `Partnership`: one bundled partnership, shared records folded in |
| `datasets.bundle()` | a `Dataset`: every bundled partnership |
| `datasets.load(name)` | the same as `datasets.partnership(name)`, a `Partnership` (the older name) |

`Dataset.partnership(id)` takes one partnership out of a dataset, and the
analysis functions take a `Partnership` or a `Dataset` of one.

Examples:
    >>> from bilateral import datasets
    >>> "russia-venezuela" in datasets.names()
    True
    >>> type(datasets.partnership("russia-iran")).__name__, type(datasets.bundle()).__name__
    ('Partnership', 'Dataset')
"""

import functools
from importlib.resources import files

from bilateral.errors import InvalidDataError
from bilateral.io.documents import loads
from bilateral.model.partnership import Dataset, Partnership

__all__ = ["DEFAULT", "bundle", "load", "names", "partnership"]

#: The reference dataset, used when no dataset is named.
DEFAULT = "russia-venezuela"
_FILE = "partnerships.yaml"


@functools.cache
def bundle() -> Dataset:
    """The whole bundled dataset: every partnership and the records they share.

    Read once, then cached.
    """
    resource = files(__package__).joinpath("data", _FILE)
    try:
        return loads(resource.read_text(encoding="utf-8"), "yaml")
    except InvalidDataError as exc:  # a packaging bug, not a user error
        raise exc.in_file(f"bilateral/datasets/data/{_FILE}") from None


def names() -> tuple[str, ...]:
    """The ids of the bundled partnerships, in the order the file gives them."""
    return bundle().ids()


def partnership(name: str = DEFAULT) -> Partnership:
    """A bundled partnership (a `Partnership`, not a `Dataset`), with the shared records it uses folded in.

    Unlike `bilateral.load`, which reads a file into a `Dataset`, this takes
    the name of a bundled partnership (`names` lists them).

    Raises:
        LookupError: No bundled partnership has this name; the message lists them.

    Examples:
        >>> partnership("russia-cuba").parties
        ('RUS', 'CUB')
    """
    if name not in names():
        raise LookupError(f"no bundled dataset is called {name!r} (there are: {', '.join(names())})")
    return bundle().partnership(name)


def load(name: str = DEFAULT) -> Partnership:
    """The same as `partnership`: a bundled `Partnership`, not a `Dataset` as `bilateral.load` returns.

    Kept, and kept working, for the code written with it; new code reads
    better with `partnership`, whose name says what it returns.

    Raises:
        LookupError: No bundled partnership has this name; the message lists them.
    """
    return partnership(name)
