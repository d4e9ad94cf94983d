"""Reading and writing datasets: `load`, `loads`, `dump` and `dumps`.

A document is checked in two rounds, and each round reports every problem it
finds: first the form of each value (types, codes, dates, amounts, unknown
fields), then, if the form is sound, the rules that tie records together
(unique ids, references, date order, citations).
"""

import codecs
import contextlib
import errno
import gc
import glob
import os
import re
import stat
import tempfile
import weakref
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, BinaryIO

import attrs

from bilateral.errors import InvalidDataError, Problem, shown
from bilateral.io.converter import structure
from bilateral.io.fast import shallow_dataset, structure_valid, unstructure_dataset, write_record
from bilateral.io.formats import (
    MAX_SIZE,
    Format,
    check_format,
    format_of,
    parse,
    read_problems,
    render,
    render_json_with,
)
from bilateral.io.positions import located
from bilateral.model.integrity import problems
from bilateral.model.partnership import SCHEMA_VERSION, Dataset, Partnership
from bilateral.model.typecheck import type_problems

__all__ = ["dump", "dumps", "from_data", "load", "loads", "to_data", "validate"]


def loads(text: str, format: str, *, max_size: int = MAX_SIZE) -> Dataset:
    """Read a dataset from text in ``format`` (``"json"``, ``"toml"`` or ``"yaml"``).

    A text longer than ``max_size`` characters is refused unread (the default,
    `MAX_SIZE <bilateral.io.formats.MAX_SIZE>`, keeps the time and memory an
    untrusted file can cost bounded; raise it for a large file you trust).

    Each problem gives the line and column of the value it is about (in JSON
    and YAML; in TOML, for a syntax error only).

    Raises:
        InvalidDataError: With every problem found in the text.
        ValueError: ``format`` is not a known format.
    """
    fmt = check_format(format)
    try:
        with _gc_paused(kept=True):
            data = parse(text, fmt, max_size)
            # Where a JSON text writes no refused character in ASCII, only its non-ASCII texts need a look.
            clean = fmt == "json" and "\x7f" not in text and _JSON_ESCAPES.search(text) is None
            dataset = _from_data(data, texts_checked=clean)
            # Gone before the collector runs again: its first pass would walk every dict of it.
            del data
        return dataset
    except InvalidDataError as exc:  # only now are the lines and columns of the problems looked for
        raise located(exc, text, fmt, max_size) from None


# How a JSON text writes a control character (but \n and \t), a surrogate or a bidirectional
# control in ASCII: an escape (raw C0 controls the JSON parser refuses itself, DEL is looked for
# apart). It may match more than it must (an escaped backslash before a "u"): then every text is
# tested whole.
_JSON_ESCAPES = re.compile(
    r"\\(?:[bfr]|u(?:00[0189][0-9a-fA-F]|007[fF]|[dD][89a-fA-F]|202[a-eA-E]|206[6-9]))"
)


@contextlib.contextmanager
def _gc_paused(kept: bool = False) -> Iterator[None]:
    """No cyclic garbage collection while a dataset is read or written: records hold no cycles,
    and the collector would walk the growing heap again and again. Restored on the way out.

    With ``kept`` (a dataset was read, and lives on), the objects made go straight to the oldest
    generation when all went well: otherwise the collector's first pass after the pause would walk
    every record once, to find nothing (a tenth of a large load). Young objects made before
    the call go there with them, as if they had survived two passes. Not done when the program
    has frozen objects itself (`gc.freeze`): unfreezing would thaw them.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
        if kept and not gc.get_freeze_count():
            gc.freeze()  # every tracked object to the permanent generation, and the count of new ones to 0
            gc.unfreeze()  # and all of them back into the oldest generation, none of them walked
    finally:
        if enabled:
            gc.enable()


def load(path: str | os.PathLike[str], format: str | None = None, *, max_size: int = MAX_SIZE) -> Dataset:
    """Read a dataset from a file; its suffix gives the format unless ``format`` does.

    A file larger than ``max_size`` bytes is refused unread (see `loads`).

    The file is read as bytes and decoded as UTF-8, newlines untouched, so
    that it reads exactly as its text does with `loads`.

    Raises:
        InvalidDataError: With every problem found, each naming the file (and, in JSON and YAML,
            its line and column).
        OSError: The file cannot be read.
    """
    path = Path(path)
    fmt = check_format(format) if format is not None else format_of(path.name)
    with path.open("rb") as handle:
        raw = _read_at_most(handle, max_size)
    if len(raw) > max_size:
        raise InvalidDataError(
            [
                Problem(
                    "$",
                    f"the file is larger than the {max_size:,} bytes a file may hold; a larger max_size reads it",
                    str(path),
                )
            ]
        )
    try:
        text = raw.decode("utf-8")  # a leading byte-order mark is dropped by the parser
    except UnicodeDecodeError as exc:
        wide = any(raw.startswith(bom) for bom, _ in _BOMS)  # the whole file, not one place in it
        line, column = (None, None) if wide else _line_of_byte(raw, exc.start)
        raise InvalidDataError([Problem("$", _not_utf8(raw, exc), str(path), line, column)]) from None
    try:
        return loads(text, fmt, max_size=max_size)
    except InvalidDataError as exc:
        raise exc.in_file(str(path)) from None


def _read_at_most(handle: BinaryIO, limit: int) -> bytes:
    """The bytes of a file, or its first ``limit + 1`` if it has more; never a buffer of ``limit``
    bytes made ahead (a large limit is no promise of a large file)."""
    info = os.fstat(handle.fileno())
    if stat.S_ISREG(info.st_mode):
        if info.st_size > limit:
            return handle.read(limit + 1)
        return handle.read()  # what it holds now, grown or not: the caller checks the length
    chunks, total = [], 0
    while total <= limit:  # a pipe or a device: as it comes
        chunk = handle.read(min(1 << 20, limit + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)


def _line_of_byte(raw: bytes, offset: int) -> tuple[int, int]:
    """The line and column (from 1, in characters) of the byte at ``offset``."""
    start = raw.rfind(b"\n", 0, offset) + 1
    return raw.count(b"\n", 0, offset) + 1, len(raw[start:offset].decode("utf-8", "replace")) + 1


def _not_utf8(raw: bytes, exc: UnicodeDecodeError) -> str:
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return f"not UTF-8 text but {name} (it starts with a {name} byte-order mark); save it as UTF-8"
    return f"not UTF-8 text ({exc.reason} at byte {exc.start}); save it as UTF-8"


def from_data(data: Any) -> Dataset:
    """A dataset from plain data (dicts, lists, strings, numbers), checked strictly.

    Raises:
        InvalidDataError: With every problem found.
    """
    return _from_data(data, texts_checked=False)


def _from_data(data: Any, texts_checked: bool) -> Dataset:
    if data.__class__ is dict and data.get("schema_version") == SCHEMA_VERSION:
        try:  # most data has no problem: read it fast, and only if that fails, again for the messages
            dataset = structure_valid(data, texts_checked)
        except Exception:
            pass
        else:
            if not problems(dataset):
                _CHECKED[id(dataset)] = dataset
                return dataset
    odd = read_problems(data)
    odd_paths = {problem.path for problem in odd}

    def refuse(found: Sequence[Problem]) -> InvalidDataError:
        # A value with no single reading is named by its own problem, not by what its type is not.
        kept = [p for p in found if p.path not in odd_paths or p.message.startswith("unknown field")]
        return InvalidDataError(_in_document_order([*odd, *kept], data))

    if not isinstance(data, dict):
        raise refuse([Problem("$", "expected a mapping with schema_version and partnerships at the top")])
    version = data.get("schema_version")
    missing = []
    if "schema_version" not in data:  # one problem among the others, read as this release writes
        missing = [
            Problem("$.schema_version", f"is required but missing (this release writes {SCHEMA_VERSION})")
        ]
        data = {"schema_version": SCHEMA_VERSION, **data}
    if isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA_VERSION:
        raise refuse(
            [
                Problem(
                    "$.schema_version",
                    f"the file uses schema version {shown(version)}, newer than the {SCHEMA_VERSION} "
                    "this release of bilateral reads; upgrade bilateral to read it",
                )
            ]
        )
    if isinstance(version, int) and not isinstance(version, bool) and version < 1:
        raise refuse(
            [Problem("$.schema_version", f"{shown(version)} is not a schema version (they start at 1)")]
        )
    try:
        read_as = version if isinstance(version, int) and not isinstance(version, bool) else SCHEMA_VERSION
        dataset = structure(data, Dataset, read_as)
    except InvalidDataError as exc:
        raise refuse([*missing, *exc.problems]) from None
    # What is read is what this release writes; `dumps` writes the current version.
    dataset = (
        attrs.evolve(dataset, schema_version=SCHEMA_VERSION)
        if dataset.schema_version != SCHEMA_VERSION
        else dataset
    )
    found = [*missing, *problems(dataset)]
    if found or odd:
        raise refuse(found)
    _CHECKED[id(dataset)] = dataset
    return dataset


def _in_document_order(found: Sequence[Problem], data: Any) -> list[Problem]:
    """Sort problems in the order their places come in the document."""
    return sorted(found, key=lambda problem: _position(problem.path, data))


def _position(path: str, data: Any) -> list[int]:
    """Where ``path`` comes in ``data``: the index of each key and item on the way."""
    position: list[int] = []
    node = data
    for part in path.replace("[", ".[").split(".")[1:]:
        if part.startswith("[") and part[1:-1].isdigit() and isinstance(node, list):
            index = int(part[1:-1])
            position.append(index)
            node = node[index] if index < len(node) else None
        elif isinstance(node, dict):
            keys = list(node)
            position.append(keys.index(part) if part in keys else len(keys))
            node = node.get(part)
        else:
            position.append(0)
            node = None
    return position


def validate(
    obj: Dataset | Partnership | str | os.PathLike[str],
    format: str | None = None,
    *,
    max_size: int = MAX_SIZE,
) -> list[Problem]:
    """Every problem in a dataset or partnership built in Python, or in a file ([] if none).

    A path (text or `os.PathLike`) is read with `load`, its suffix giving the
    format unless ``format`` does; its problems name the file, and in JSON and
    YAML the line and column.

    Raises:
        OSError: The file cannot be read.
        ValueError: The format of the file cannot be told.
        TypeError: ``obj`` is none of these.
    """
    try:
        if isinstance(obj, (str, os.PathLike)):
            load(obj, format, max_size=max_size)
        elif isinstance(obj, (Dataset, Partnership)):
            from_data(to_data(obj))
        else:
            raise TypeError(
                f"validate() takes a Dataset, a Partnership or the path of a file, not {type(obj).__name__}"
            )
    except InvalidDataError as exc:
        return list(exc.problems)
    return []


def to_data(obj: Dataset | Partnership) -> dict[str, Any]:
    """Plain data for a dataset, or for a dataset of one partnership.

    Raises:
        InvalidDataError: A field holds a value of the wrong type (records built in Python).
    """
    dataset = obj if isinstance(obj, Dataset) else Dataset.of(obj)
    if not _is_checked(dataset):
        wrong = type_problems(dataset)
        if wrong:
            raise InvalidDataError(wrong)
    return _versioned(unstructure_dataset(dataset))


def _versioned(data: dict[str, Any]) -> dict[str, Any]:
    """A dataset's mapping with the version this release writes, first: its values are typed,
    and written as this release writes them."""
    data.pop("schema_version", None)
    return {"schema_version": SCHEMA_VERSION, **data}


def dumps(obj: Dataset | Partnership, format: str) -> str:
    """The text of a dataset (or of a dataset of one partnership) in ``format``.

    Raises:
        InvalidDataError: The data breaks a rule, and would not read back.
    """
    written = _written(obj, check_format(format))
    return written if isinstance(written, str) else written.decode()


def _written(obj: Dataset | Partnership, fmt: Format) -> str | bytes:
    """The text of `dumps`, or its UTF-8 bytes where orjson wrote them (a file needs no more)."""
    dataset = obj if isinstance(obj, Dataset) else Dataset.of(obj)
    with _gc_paused():
        if fmt == "json" and _is_checked(dataset):  # with orjson: each record written as it comes
            written = render_json_with(_versioned(shallow_dataset(dataset)), write_record)
            if written is not None:
                return written
        data = to_data(dataset)
        if not _is_checked(dataset):
            from_data(data)  # refuse to write what could not be read back
            _CHECKED[id(dataset)] = dataset
        text = render(data, fmt)
        del data  # gone before the collector runs again (see `loads`)
    return text


# The datasets read or written here, by identity: records are frozen, so one that was read back
# whole stays so, and need not be checked again on its way out. (Equal is not enough: a dataset
# built in Python equal to a checked one is checked anew, at the cost of hashing neither.)
_CHECKED: weakref.WeakValueDictionary[int, Dataset] = weakref.WeakValueDictionary()


def _is_checked(dataset: Dataset) -> bool:
    return _CHECKED.get(id(dataset)) is dataset


def dump(obj: Dataset | Partnership, path: str | os.PathLike[str], format: str | None = None) -> None:
    """Write a dataset to a file, atomically: the file is whole or as it was.

    The text goes to a temporary file beside the target, which then replaces
    it in one step; if anything fails on the way, the old file is untouched.

    Raises:
        InvalidDataError: The data breaks a rule.
        OSError: The file cannot be written.
    """
    path = Path(path)
    fmt = check_format(format) if format is not None else format_of(path.name)
    write_atomic(path, _written(obj, fmt))


def write_atomic(path: Path, text: str | bytes) -> None:
    """Write ``text`` (or bytes) to ``path`` through a temporary file and a rename.

    A symbolic link is followed: the file it points to is replaced, not the
    link. A target that exists and is not a regular file (``/dev/null``, a
    FIFO, a terminal) is written to directly, never replaced. An error names
    ``path``, never the temporary file.
    """
    target = path.resolve() if path.is_symlink() else path
    try:
        mode: int | None = target.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, str(path)) from None
    if mode is not None and stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, "it is a folder, not a file", str(path))
    if mode is not None and not stat.S_ISREG(mode):
        try:
            with target.open("wb") as handle:
                handle.write(text.encode("utf-8") if isinstance(text, str) else text)
        except OSError as exc:
            raise OSError(exc.errno, exc.strerror, str(path)) from None
        return
    if not target.parent.is_dir():
        raise FileNotFoundError(2, f"cannot write {path}: the folder {target.parent} does not exist")
    _sweep(target)
    try:
        fd, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp")
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, str(path)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8") if isinstance(text, str) else text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, mode & 0o777 if mode is not None else 0o666 & ~_umask())
        os.replace(temp, target)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise OSError(exc.errno, exc.strerror, str(path)) from None
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _sweep(target: Path) -> None:
    """Remove the temporary files that writers of ``target`` killed mid-write left behind.

    A temporary file's name holds its writer's process id; one whose writer
    is gone is removed, one whose writer still runs is left alone.
    """
    pattern = re.compile(re.escape(f".{target.name}.") + r"([0-9]+)\.[A-Za-z0-9_]+\.tmp")
    try:
        siblings = list(target.parent.glob(f".{glob.escape(target.name)}.*.tmp"))
    except OSError:
        return
    for sibling in siblings:
        match = pattern.fullmatch(sibling.name)
        if match and not _running(int(match.group(1))):
            with contextlib.suppress(OSError):  # another sweeper took it, or it is not ours to remove
                sibling.unlink(missing_ok=True)


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
