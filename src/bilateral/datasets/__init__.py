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
import importlib
import importlib.util
import os
import pickle
import re
import sys
from importlib.resources import files
from pathlib import Path
from typing import Any, Protocol

from bilateral.errors import InvalidDataError
from bilateral.model.checks import _confirm, _confirmed
from bilateral.model.partnership import Dataset, Partnership

__all__ = ["CACHE_VARIABLE", "DEFAULT", "bundle", "load", "names", "partnership"]

#: The reference dataset, used when no dataset is named.
DEFAULT = "russia-venezuela"
_FILE = "partnerships.yaml"
#: The environment variable naming the folder of the bundle's cache (empty: no cache).
CACHE_VARIABLE = "BILATERAL_CACHE_DIR"
# What reading the bundle depends on besides bilateral's own code and the data.
_DEPENDENCIES = ("attr", "attrs", "cattrs", "yaml", "pycountry")
# The tables that a library reads its answers from, in a folder of its own (the cache keeps
# the codes pycountry confirmed: they hold while these files are the same).
_TABLES = {"pycountry": "databases"}


@functools.cache
def bundle() -> Dataset:
    """The whole bundled dataset: every partnership and the records they share.

    Read once, then cached. The YAML file is the data; reading it (parsing,
    checking every value and rule) takes a few hundred milliseconds, so the
    dataset read is also kept in a cache file, in ``$BILATERAL_CACHE_DIR``
    (default: ``$XDG_CACHE_HOME/bilateral``, else ``~/.cache/bilateral``; set
    it empty for none). The file is used only while the YAML, bilateral's
    code, Python and the files of the libraries that read it are exactly
    those it was made with (its name is a digest of them: of the YAML's text,
    and of the code files' sizes and times, as Python's own bytecode cache
    tells a changed file), and only if no one
    but the user can write it; otherwise the YAML is read again and the cache
    rewritten. With the dataset, the file keeps the country, currency and
    language codes that pycountry confirmed while it was read, so that a
    command that builds records of those codes need not load pycountry again.
    """
    text, key = _source()
    cached = _cached(key)
    if isinstance(cached, Dataset):
        return cached
    from bilateral.io.documents import loads  # only when reading: parsing needs the whole io layer

    try:
        dataset = loads(text, "yaml")
    except InvalidDataError as exc:  # a packaging bug, not a user error
        raise exc.in_file(f"bilateral/datasets/data/{_FILE}") from None
    _store(key, dataset)
    return dataset


@functools.cache
def _source() -> tuple[str, str]:
    """The bundled YAML's text, and the key of its cache files."""
    text = files(__package__).joinpath("data", _FILE).read_text(encoding="utf-8")
    return text, _key(text)


class _Hash(Protocol):
    def update(self, data: bytes, /) -> None: ...

    def hexdigest(self) -> str: ...


def _sha256() -> _Hash:
    """A SHA-256 hash object: the interpreter's built-in one if it has one (``hashlib`` loads
    OpenSSL first, which costs a command a few milliseconds), else ``hashlib``'s."""
    for name in ("_sha2", "_sha256"):  # Python 3.12 and later, 3.11
        try:
            found: _Hash = importlib.import_module(name).sha256()
        except (ImportError, AttributeError):
            continue
        return found
    import hashlib

    return hashlib.sha256()


def _key(text: str) -> str:
    """A digest of everything the dataset read from ``text`` depends on."""
    digest = _sha256()
    digest.update(f"{sys.version}\0{sys.implementation.cache_tag}\0{pickle.HIGHEST_PROTOCOL}\0".encode())
    package = Path(__file__).resolve().parent.parent
    for source, status in _sources(str(package)):  # by size and time, as Python's bytecode cache is
        digest.update(f"{source}\0{status.st_size}\0{status.st_mtime_ns}\0".encode())
    for name in _DEPENDENCIES:
        spec = importlib.util.find_spec(name)
        origin = None if spec is None else spec.origin
        info = os.stat(origin) if origin else None
        digest.update(f"{name}\0{origin}\0{info and (info.st_size, info.st_mtime_ns)}\0".encode())
        if origin and name in _TABLES:
            for table in sorted((Path(origin).parent / _TABLES[name]).glob("*")):
                info = table.stat()
                digest.update(f"{table.name}\0{info.st_size}\0{info.st_mtime_ns}\0".encode())
    digest.update(text.encode("utf-8"))
    return digest.hexdigest()[:32]


def _sources(folder: str, prefix: str = "") -> list[tuple[str, os.stat_result]]:
    """Each ``.py`` file under ``folder`` (its path from there) and its status, in path order."""
    found = []
    with os.scandir(folder) as entries:
        for entry in sorted(entries, key=lambda e: e.name):
            if entry.is_dir(follow_symlinks=False) and entry.name != "__pycache__":
                found += _sources(entry.path, f"{prefix}{entry.name}/")
            elif entry.name.endswith(".py") and entry.is_file():
                found.append((f"{prefix}{entry.name}", entry.stat()))
    return found


def _folder() -> Path | None:
    """The folder of the cache, or None for no cache."""
    chosen = os.environ.get(CACHE_VARIABLE)
    if chosen is not None:
        return Path(chosen) if chosen else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "bilateral"


def _trusted(path: Path) -> bool:
    """Whether only the user can have written ``path`` (on systems that say)."""
    info = path.stat()
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        return False
    return not info.st_mode & 0o022


def _file(key: str, name: str | None) -> str:
    """The name of the cache file of the bundle, or of one of its partnerships, resolved."""
    return f"bundle-{key}.pickle" if name is None else f"bundle-{key}.{name}.pickle"


def _cached(key: str, name: str | None = None) -> Any:
    """What the cache file keeps (the bundle, or the partnership ``name`` resolved), if it is
    there and trusted, and of the kind it should be; else None."""
    folder = _folder()
    if folder is None:
        return None
    path = folder / _file(key, name)
    try:
        if not (_trusted(folder) and _trusted(path)):
            return None
        found = pickle.loads(path.read_bytes())
    except Exception:  # missing, unreadable, or not a pickle of this code: read the YAML
        return None
    codes = None
    if isinstance(found, tuple) and len(found) == 2:  # the record, and the codes pycountry confirmed
        found, codes = found
    if not (
        isinstance(found, Dataset) if name is None else isinstance(found, Partnership) and found.id == name
    ):
        return None
    _confirm(codes)  # made with this same pycountry: the key says so
    return found


def _store(key: str, kept: Dataset | Partnership, name: str | None = None) -> None:
    """Write a cache file atomically, and remove those of other keys; never fail for it."""
    import tempfile  # only when writing

    folder = _folder()
    if folder is None:
        return
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        for old in folder.glob("bundle-*.pickle"):
            if not old.name.startswith(f"bundle-{key}."):
                old.unlink(missing_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".bundle-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                pickle.dump((kept, _confirmed()), out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, folder / _file(key, name))
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError:  # a read-only home, a full disk: the cache is only a cache
        return


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
    found = _PARTNERSHIPS.get(name)
    if found is not None:
        return found
    _, key = _source()
    # Each partnership resolved is kept in a cache file of its own too: a command on one of
    # them need not read the whole bundle. (Only an id names a file: it is letters, digits, ".-_".)
    found = _cached(key, name) if _ID.fullmatch(name) else None
    if found is None:
        if name not in names():
            raise LookupError(f"no bundled dataset is called {name!r} (there are: {', '.join(names())})")
        found = bundle().partnership(name)
        _store(key, found, name)
    _PARTNERSHIPS[name] = found
    return found


# The bundled partnerships resolved in this process, by name.
_PARTNERSHIPS: dict[str, Partnership] = {}
_ID = re.compile(r"[a-z0-9][a-z0-9_.-]*", re.ASCII)


def load(name: str = DEFAULT) -> Partnership:
    """The same as `partnership`: a bundled `Partnership`, not a `Dataset` as `bilateral.load` returns.

    Kept, and kept working, for the code written with it; new code reads
    better with `partnership`, whose name says what it returns.

    Raises:
        LookupError: No bundled partnership has this name; the message lists them.
    """
    return partnership(name)
