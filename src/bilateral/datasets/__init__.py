"""The datasets bundled with bilateral, read through the same strict io as a user's file.

Examples:
    >>> from bilateral import datasets
    >>> "russia-venezuela" in datasets.names()
    True
"""

import functools
from importlib.resources import files

from bilateral.errors import InvalidDataError
from bilateral.io.documents import loads
from bilateral.model.partnership import Dataset, Partnership

__all__ = ["DEFAULT", "bundle", "load", "names"]

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


def load(name: str = DEFAULT) -> Partnership:
    """A bundled partnership, with the shared records it uses folded in.

    Raises:
        LookupError: No bundled partnership has this name; the message lists them.
    """
    if name not in names():
        raise LookupError(f"no bundled dataset is called {name!r} (there are: {', '.join(names())})")
    return bundle().partnership(name)
