"""Where in a file's text a problem is: its line and column, found only once there are problems.

Reading a file never keeps positions: the parsers build plain data, and the
checks name each problem by its path (``$.instruments[3].signed``). Once a
read has failed, `located` reads the text again for positions alone and gives
each problem that has none the line and column of the value it is about:

- YAML: the nodes of `yaml.compose`, with the reader's own loader (so the same
  keys and the same limits); an alias is placed where its anchor is written;
- JSON: a small scan that records where each value and key begins (no values
  are built), and where the first repeated key or ``NaN`` is, which
  the JSON parser reports with no place;
- TOML: `tomllib` keeps no positions for values, so only its syntax errors
  have a line (it gives them itself).

A problem about a value that the file holds is placed at the value; about an
unknown field, at its key; about a list or mapping written as a block under
its key, at the key; about a field that is missing, at the mapping that lacks
it. Lines and columns count from 1, in characters.

A thousands separator (``80,000,000``) that breaks the syntax or a key gets
the number meant: "did you mean 80000000?" (one inside a value that reads as
text is named by the converter, with no need of the text).

Nothing here runs while a file reads without problems: `bilateral.loads`
calls `located` only on its way out with an `InvalidDataError`.
"""

import bisect
import json.decoder
import re
from collections.abc import Callable
from typing import Any

import attrs
import yaml

from bilateral.errors import InvalidDataError, Problem, child_path
from bilateral.io import formats

__all__ = ["located"]

_Finder = Callable[[Problem], tuple[int, int]]

# The messages about a key rather than its value: an unknown field, a key with a control character.
_ABOUT_THE_KEY = ("unknown field", "the key ")


def located(exc: InvalidDataError, text: str, fmt: str, max_size: int = formats.MAX_SIZE) -> InvalidDataError:
    """``exc`` with a line and a column for each problem that has none and a place in ``text``,
    and the number meant where a thousands separator broke a value."""
    if len(text) > max_size:  # refused unread: its problem is about the whole text
        return exc
    text = text.removeprefix("\ufeff")  # as the parser reads it
    lines = _Lines(text)
    finder = None
    if any(p.line is None for p in exc.problems):
        try:
            finder = _finder(text, fmt, lines)
        except RecursionError:  # pragma: no cover - the parser refused such a text first
            finder = None
    thousands = _THOUSANDS.search(text) is not None
    placed = []
    for problem in exc.problems:
        if problem.line is None and finder is not None:
            try:
                line, column = finder(problem)
            except RecursionError:  # pragma: no cover - merges (<<) nested as deep as the parser allows
                line, column = None, None
            problem = attrs.evolve(problem, line=line, column=column)
        placed.append(_with_hint(problem, lines) if thousands else problem)
    return InvalidDataError(placed)


class _Lines:
    """The lines of a text, found once: the line and column of an offset, the text of a line."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: list[int] | None = None

    @property
    def starts(self) -> list[int]:
        if self._starts is None:
            self._starts = [0, *(m.end() for m in re.finditer("\n", self.text))]
        return self._starts

    def position(self, offset: int) -> tuple[int, int]:
        """The line and column (from 1) of the character at ``offset``; lines end at ``\\n``, as JSON's do."""
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1

    def line(self, number: int) -> str:
        """The text of line ``number`` (from 1), without its end; empty past the last."""
        if not 0 < number <= len(self.starts):
            return ""
        end = self.text.find("\n", self.starts[number - 1])
        return self.text[self.starts[number - 1] : end if end >= 0 else len(self.text)]


def _finder(text: str, fmt: str, lines: _Lines) -> _Finder | None:
    if fmt == "yaml":
        found = _yaml_tree(text)
        if found is None:
            return None
        root, key_of = found
        if root is None:  # no document, only blanks and comments: its problem is at the start
            return lambda problem: (1, 1)
        return lambda problem: _yaml_place(root, key_of, problem)
    if fmt == "json":
        tree, anomaly = _json_tree(text)
        if tree is None:
            return None
        return lambda problem: lines.position(_json_place(tree, anomaly, problem))
    return None  # TOML: tomllib keeps no positions


# -- YAML ------------------------------------------------------------------------------------------


def _yaml_tree(text: str) -> tuple[yaml.Node | None, Callable[[yaml.Node], Any]] | None:
    """The composed node graph of ``text`` (None for no document), and a function giving a key node's
    key as the reader reads it; None if the text does not compose (its problem has its place then)."""
    loader = formats._Loader(text)
    try:
        root = loader.get_single_node()
    except yaml.YAMLError:
        return None

    def key_of(node: Any) -> Any:
        try:
            return formats._key(loader, node)
        except (yaml.YAMLError, ValueError, TypeError, RecursionError):  # refused keys have their own problem
            return None

    return root, key_of


def _yaml_children(node: yaml.MappingNode) -> list[tuple[yaml.Node, yaml.Node]]:
    """The (key node, value node) pairs of a mapping, written ones before merged (``<<``) ones."""
    written = [(k, v) for k, v in node.value if k.tag != "tag:yaml.org,2002:merge"]
    merged: list[tuple[Any, Any]] = []
    for key, value in node.value:
        if key.tag == "tag:yaml.org,2002:merge":
            sources = value.value if isinstance(value, yaml.SequenceNode) else [value]
            for source in sources:
                if isinstance(source, yaml.MappingNode):
                    merged.extend(_yaml_children(source))
    return written + merged


def _yaml_place(root: yaml.Node, key_of: Callable[[yaml.Node], Any], problem: Problem) -> tuple[int, int]:
    node: yaml.Node = root
    key_node: yaml.Node | None = None
    here, path = "$", problem.path
    while here != path:
        step: tuple[str, yaml.Node | None, yaml.Node] | None = None
        if isinstance(node, yaml.SequenceNode):
            index = _index_after(path, here)
            if index is not None and index < len(node.value):
                step = (f"{here}[{index}]", None, node.value[index])
        elif isinstance(node, yaml.MappingNode):
            for key, value in _yaml_children(node):
                name = child_path(here, key_of(key))
                if _leads_to(path, name):
                    step = (name, key, value)
                    break
        if step is None:
            break
        here, key_node, node = step
    if here == path and key_node is not None:
        block = isinstance(node, (yaml.SequenceNode, yaml.MappingNode)) and not node.flow_style
        if block or problem.message.startswith(_ABOUT_THE_KEY):
            node = key_node
    mark = node.start_mark
    return mark.line + 1, mark.column + 1


_INDEX = re.compile(r"\[([0-9]+)\]")


def _index_after(path: str, here: str) -> int | None:
    """The list index that follows ``here`` in ``path``."""
    match = _INDEX.match(path, len(here))
    return int(match.group(1)) if match else None


def _leads_to(path: str, step: str) -> bool:
    """Whether ``step`` is ``path`` or a path on the way to it."""
    return path == step or (path.startswith(step) and path[len(step)] in ".[")


# -- JSON ------------------------------------------------------------------------------------------


@attrs.define(slots=True)
class _Node:
    """Where a JSON value begins, and for an object or an array, where its items are."""

    offset: int
    keys: dict[str, tuple[int, "_Node"]] | None = None
    items: list["_Node"] | None = None


_WS = re.compile(r"[ \t\n\r]*")
_SCALAR = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?|true|false|null")
_CONSTANT = re.compile(r"NaN|-?Infinity")


def _json_tree(text: str) -> tuple[_Node | None, int | None]:
    """Where each value of a JSON text begins, and where the JSON parser's first refusal with no place is:
    the first repeated key of the first object to close with one, or the first ``NaN`` or ``Infinity``.

    ``(None, None)`` for a text that is not JSON in other ways before any such refusal (its error has
    its place already); the parser stops at the first refusal, so a text broken only after it is
    scanned as far as the break.
    """
    scan = json.decoder.scanstring  # type: ignore[attr-defined]
    anomaly: int | None = None
    root: _Node | None = None
    # Open objects and arrays: the node, the key being read, its offset, the offset of a first repeat.
    stack: list[list[Any]] = []
    i, n = _WS.match(text, 0).end(), len(text)  # type: ignore[union-attr]
    expect = "value"
    try:
        while True:
            if expect == "value":
                if i >= n:
                    return _so_far(root, anomaly)
                char = text[i]
                node = _Node(i)
                if char == "{":
                    node.keys = {}
                elif char == "[":
                    node.items = []
                elif char == '"':
                    _, end = scan(text, i + 1)
                else:
                    match = _SCALAR.match(text, i) or _CONSTANT.match(text, i)
                    if match is None:
                        return _so_far(root, anomaly)
                    if anomaly is None and match.re is _CONSTANT:
                        anomaly = i
                    end = match.end()
                if stack:
                    frame = stack[-1]
                    parent = frame[0]
                    if parent.items is not None:
                        parent.items.append(node)
                    elif frame[1] in parent.keys:
                        if frame[3] is None:
                            frame[3] = frame[2]
                    else:
                        parent.keys[frame[1]] = (frame[2], node)
                else:
                    root = node
                if char in "{[":
                    stack.append([node, None, 0, None])
                    i = _WS.match(text, i + 1).end()  # type: ignore[union-attr]
                    if i < n and text[i] == ("}" if char == "{" else "]"):
                        expect = "after"
                        continue
                    expect = "key" if char == "{" else "value"
                    continue
                i = end
                expect = "after"
            elif expect == "key":
                if i >= n or text[i] != '"':
                    return _so_far(root, anomaly)
                key, end = scan(text, i + 1)
                stack[-1][1], stack[-1][2] = key, i
                i = _WS.match(text, end).end()  # type: ignore[union-attr]
                if i >= n or text[i] != ":":
                    return _so_far(root, anomaly)
                i = _WS.match(text, i + 1).end()  # type: ignore[union-attr]
                expect = "value"
            else:  # after a value, or at the close of an empty object or array
                i = _WS.match(text, i).end()  # type: ignore[union-attr]
                if not stack:
                    return root, anomaly
                if i >= n:
                    return _so_far(root, anomaly)
                frame = stack[-1]
                is_object = frame[0].keys is not None
                if text[i] == "," and not (frame[0].items == [] or frame[0].keys == {}):
                    i = _WS.match(text, i + 1).end()  # type: ignore[union-attr]
                    expect = "key" if is_object else "value"
                elif text[i] == ("}" if is_object else "]"):
                    if anomaly is None and frame[3] is not None:
                        anomaly = frame[3]
                    stack.pop()
                    i += 1
                else:
                    return _so_far(root, anomaly)
    except (ValueError, IndexError):  # a bad string or escape: not the JSON the parser read
        return _so_far(root, anomaly)


def _so_far(root: _Node | None, anomaly: int | None) -> tuple[_Node | None, int | None]:
    """A scan that met text the parser would refuse: kept if the parser stopped earlier, at ``anomaly``."""
    return (root, anomaly) if anomaly is not None else (None, None)


def _json_place(root: _Node, anomaly: int | None, problem: Problem) -> int:
    """The offset of the value (or key) a problem is about."""
    path = problem.path
    if path == "$" and anomaly is not None:
        return anomaly
    node, here, key_offset = root, "$", None
    while here != path:
        step: tuple[str, int | None, _Node] | None = None
        if node.items is not None:
            index = _index_after(path, here)
            if index is not None and index < len(node.items):
                step = (f"{here}[{index}]", None, node.items[index])
        elif node.keys is not None:
            for key, (offset, value) in node.keys.items():
                name = child_path(here, key)
                if _leads_to(path, name):
                    step = (name, offset, value)
                    break
        if step is None:
            break
        here, key_offset, node = step
    if here == path and key_offset is not None and problem.message.startswith(_ABOUT_THE_KEY):
        return key_offset
    return node.offset


# -- Hints -----------------------------------------------------------------------------------------

# A number written with thousands separators, as a person writes it: 80,000,000 or 1,250.5.
_THOUSANDS = re.compile(r"(?<![0-9.])(?<![0-9],)[-+]?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?(?![0-9]|,[0-9])")


def _with_hint(problem: Problem, lines: _Lines) -> Problem:
    """A problem placed inside a number written with thousands separators, with the number meant."""
    if problem.line is None or problem.column is None or "did you mean" in problem.message:
        return problem
    for match in _THOUSANDS.finditer(lines.line(problem.line)):
        if match.start() <= problem.column - 1 <= match.end():
            return attrs.evolve(
                problem,
                message=f"{problem.message}; a comma separates items, so {match.group()} is not one number: "
                f"did you mean {match.group().replace(',', '')}?",
            )
    return problem
