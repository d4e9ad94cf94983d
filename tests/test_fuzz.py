"""No input breaks bilateral: a structure-aware fuzz test over the bundled data and the examples.

Each example takes a small valid document (an example file, or a bundled
partnership cut to a few records), mutates its parsed tree (deletes, replaces,
duplicates, moves and wraps values; puts odd YAML scalars and tags, huge and
zero numbers, far dates and broken text in their place) or its bytes, and
writes it as JSON, TOML or YAML. Then:

1. `bilateral.loads` (or `load`, for bytes) returns a dataset or raises
   `InvalidDataError`, and nothing else;
2. whatever it accepts survives every analysis function and every table;
3. whatever it accepts is written by `dumps` in every format and read back equal.

The normal run is a few seconds. For a long run, give the ``fuzz`` profile
(registered in ``tests/conftest.py``), whose example count these tests take up:

    pytest tests/test_fuzz.py --hypothesis-profile fuzz
"""

import copy
import json
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import tomli_w
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

import bilateral
from bilateral.render import tables
from bilateral.render.report import report
from tests.conftest import REPO

FORMATS = ("json", "toml", "yaml")

# The count of the profile in use when it asks for a long run (``--hypothesis-profile fuzz``), else a few.
_EXAMPLES = settings.default.max_examples if settings.default.max_examples >= 1000 else 25
_FUZZ = settings(
    max_examples=_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)


def _strings(node: Any, found: set[str]) -> set[str]:
    if isinstance(node, str):
        found.add(node)
    elif isinstance(node, dict):
        for item in node.values():
            _strings(item, found)
    elif isinstance(node, list):
        for item in node:
            _strings(item, found)
    return found


def _cut(partnership_id: str) -> dict[str, Any]:
    """A bundled partnership cut to one record of each kind, with the actors and sources it still uses."""
    data: dict[str, Any] = json.loads(
        bilateral.dumps(bilateral.datasets.bundle().partnership(partnership_id), "json")
    )
    part = data["partnerships"][0]
    for key in ("instruments", "debts", "disruptions", "sanctions"):
        if key in part:
            part[key] = part[key][:1]
    for key in part.get("trade", {}):
        part["trade"][key] = part["trade"][key][:1]
    used = _strings({k: v for k, v in part.items() if k not in ("sources", "actors")}, set())
    actors = part.get("actors", [])
    while more := {a.get("parent") for a in actors if a["id"] in used} - {None} - used:
        used |= more
    if "actors" in part:
        part["actors"] = [a for a in actors if a["id"] in used]
    cited = _strings({k: v for k, v in part.items() if k != "sources"}, set())
    if "sources" in part:
        part["sources"] = [s for s in part["sources"] if s["id"] in cited]
    return data


def _valid(data: dict[str, Any]) -> bool:
    try:
        bilateral.loads(json.dumps(data), "json")
    except bilateral.InvalidDataError:
        return False
    return True


def _seeds() -> list[dict[str, Any]]:
    """Valid documents to mutate, as plain JSON data: the examples, and each bundled partnership cut down."""
    found = [
        json.loads(bilateral.dumps(bilateral.load(REPO / "examples" / name), "json"))
        for name in ("my-partnership.yaml", "my-partnership-updated.yaml", "trade-and-payments.yaml")
    ]
    cuts = [_cut(partnership_id) for partnership_id in bilateral.datasets.names()]
    return found + [cut for cut in cuts if _valid(cut)]


SEEDS = _seeds()

# Values that have broken, or could break, a reader, an analysis or a table.
ODD_VALUES: list[Any] = [
    "",
    " ",
    "x",
    0,
    -1,
    1,
    2**70,
    10**400,
    1.5,
    1e300,
    True,
    None,
    [],
    {},
    ["x"],
    {"x": 1},
    "0",
    "-0",
    "-1",
    "100",
    "-100",
    "1e20",
    "99999999999999999999.99999999",
    "0.00000001",
    "0.000000001",
    "1e-99999",
    "1E+999999999",
    "NaN",
    "Infinity",
    "\ud800",
    "a\x00b",
    "\x1b[31mred\x1b[0m",
    "\u202etxet",
    "line\nbreak\r\n",
    "|pipe|",
    "\\textbf{x}",
    "<b>&amp;</b>",
    "x" * 300,
    "2025-13",
    "2025-02-29",
    "2024-02-29",
    "9999-12-31",
    "9999",
    "0001-01-01",
    "0001",
    "0000",
    "2025/..",
    "2025/",
    "../2025",
    "/",
    "2025-05-07/2025-05-06",
    "0001/9999",
    "9999~",
    "2025-05%",
    "RUS",
    "VEN",
    "USD",
    "XXX",
    "about",
    "percent",
    "factor",
    "energy",
    "in_force",
    "treaty",
]
# Plain YAML written in place of a value (or a key): scalars with no single reading, tags, aliases.
YAML_TOKENS = [
    "190:20:30.15",
    "1:30",
    "!!float text",
    "!!float ''",
    "!!float 1e99999999999999999999",
    "1e99999999999999999999",
    "1.0e+99999999999",
    "!!timestamp text",
    "!!timestamp 2025-02-30",
    "2001-12-14t21:59:43.10-05:00",
    "2025-05-07",
    "9999-12-31",
    "!!bool maybe",
    "!!int x",
    "!!int 0x1F",
    "!!null x",
    "!!str 12",
    "!!binary AAAA",
    "!!set {a}",
    "!!omap [a: 1]",
    "!!map x",
    "!!seq x",
    "!!python/object:os.system x",
    "!custom x",
    "010",
    "007",
    "0o17",
    "0b101",
    "0x1F",
    "1_000",
    "1_000.5",
    ".inf",
    "-.inf",
    ".nan",
    "~",
    "null",
    "yes",
    "no",
    "on",
    "off",
    "&anchor [x]",
    "*nowhere",
    "&a [*a]",
    '"\\ud800"',
    '"\\x85\\u2028"',
    '"\\0"',
    "'\u202e'",
    "{a: 1, a: 2}",
    "[[[[[[[[]]]]]]]]",
]


# Values of the same kind as one in the document, which a file may well hold: far dates, the
# largest and smallest numbers, text that tables and terminals must escape.
SIMILAR = {
    "number": [
        "0",
        "0.0",
        "0E-8",
        "1",
        "100",
        "-100",
        "-99.99999999",
        "12345678901234567890",
        "99999999999999999999.99999999",
        "0.00000001",
        "1E+19",
        "1e20",
        "1e-9",
    ],
    "date": [
        "0001",
        "9999",
        "0001-01-01",
        "9999-12-31",
        "2024-02-29",
        "2025-05~",
        "2025?",
        "2025-05-07%",
        "0001/9999",
        "2025/..",
        "2025/",
        "1900/2100",
        "9999-12-31/..",
    ],
    "text": [
        "",
        "x",
        " padded ",
        "\x1b[31mred\x1b[0m",
        "\u202eright to left",
        "line\nbreak",
        "carriage\rreturn",
        "|a|b|",
        "\\textbf{x} & % $ # _ { } ~ ^",
        "<script>&amp;</script>",
        "é" * 300,
        "a\tb",
        "\x85\u2028\u2029\ufeff",
        "'\"",
        "null",
        "true",
        "2025-05-07",
        "010",
        "1:30",
        "- item",
        "key: value",
        "# comment",
        "&anchor",
        "*alias",
        "!tag",
        "%",
        "@",
        "`",
        "😀",
        "\x00",
    ],
}


_TEXT_FIELDS = {
    "locator",
    "title",
    "notes",
    "note",
    "excerpt",
    "url",
    "publisher",
    "republisher",
    "description",
    "unit",
    "name",
    "item",
    "legal_basis",
    "aliases",
    "items",
    "commodities",
    "schedule",
    "agreed",
}


def _kind(key: Any, value: Any) -> str | None:
    """Which values of `SIMILAR` may stand in for ``value`` under ``key``, if any."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return None
    if key in _TEXT_FIELDS or (isinstance(key, int) and isinstance(value, str) and " " in value):
        return "text"
    if isinstance(value, str) and re.fullmatch(r"[0-9.]+([eE][-+]?[0-9]+)?", value):
        return "number"
    if isinstance(value, str) and re.match(r"[0-9]{4}", value):
        return "date"
    return None


def _kind_at(tree: Any, path: tuple[Any, ...]) -> str | None:
    key = path[-2] if isinstance(path[-1], int) and len(path) > 1 else path[-1]
    return _kind(key, _at(tree, path))


def _places(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """The path of every value in a tree, the root's children first."""
    if isinstance(node, dict):
        for key, item in node.items():
            yield (*path, key)
            yield from _places(item, (*path, key))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield (*path, index)
            yield from _places(item, (*path, index))


def _at(tree: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        tree = tree[key]
    return tree


_OPS = ["similar"] * 6 + ["delete"] * 3 + ["replace", "token", "move", "duplicate", "wrap", "rename"]


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, str]:
    """A seed in one format, with one to four of its values mutated: (text, format)."""
    fmt = draw(st.sampled_from(FORMATS))
    tree = copy.deepcopy(draw(st.sampled_from(SEEDS)))
    tokens: dict[str, str] = {}
    for _ in range(draw(st.sampled_from([1, 1, 1, 2, 2, 3, 4]))):
        places = list(_places(tree))
        if not places:
            break
        op = draw(st.sampled_from(_OPS))
        kinds = {place: _kind_at(tree, place) for place in places} if op == "similar" else {}
        similar = [place for place, kind in kinds.items() if kind is not None]
        path = draw(st.sampled_from(similar or places))
        parent, key = _at(tree, path[:-1]), path[-1]
        if op == "similar" and similar:
            parent[key] = draw(st.sampled_from(SIMILAR[kinds[path] or "text"]))
        elif op == "token" and fmt == "yaml":
            token = f"ZZTOKEN{len(tokens)}ZZ"
            tokens[token] = draw(st.sampled_from(YAML_TOKENS))
            parent[key] = token
        elif op in ("replace", "token", "similar"):
            parent[key] = copy.deepcopy(draw(st.sampled_from(ODD_VALUES)))
        elif op == "delete":
            del parent[key]
        elif op == "move":  # a value from elsewhere in the document: the right shape in the wrong place
            parent[key] = copy.deepcopy(_at(tree, draw(st.sampled_from(places))))
        elif op == "duplicate" and isinstance(parent, list):
            parent.insert(key, copy.deepcopy(parent[key]))
        elif op == "wrap":
            parent[key] = [parent[key]]
        elif isinstance(parent, dict):  # rename, or duplicate under a near name
            value = parent[key] if op == "duplicate" else parent.pop(key)
            parent[draw(st.sampled_from([f"{key}s", str(key).upper(), f"{key}_", "x"]))] = value
    return _write(tree, fmt, tokens), fmt


def _write(tree: Any, fmt: str, tokens: dict[str, str]) -> str:
    if fmt == "json":
        return json.dumps(tree, ensure_ascii=False)
    if fmt == "toml":
        try:
            return tomli_w.dumps(tree)
        except (TypeError, ValueError):  # TOML has no null, and its top is a table
            return json.dumps(tree, ensure_ascii=False)
    text = yaml.safe_dump(tree, allow_unicode=True, sort_keys=False, width=200)
    for token, written in tokens.items():
        text = text.replace(token, written)
    return text


def _survives(dataset: bilateral.Dataset) -> None:
    """Every analysis and table works on an accepted dataset, and it writes back and reads back equal."""
    for fmt in FORMATS:
        assert bilateral.loads(bilateral.dumps(dataset, fmt), fmt) == dataset, fmt
    for partnership_id in dataset.ids():
        p = dataset.partnership(partnership_id)
        bilateral.summarize(p)
        bilateral.exposure(p)
        bilateral.conflicts(p)
        bilateral.timeline(p)
        bilateral.as_of(p, "0001-01-01")
        bilateral.summarize(p, as_of="9999-12-31")
        built = [
            tables.overview(p),
            tables.areas(p),
            tables.instruments(p),
            tables.trade(p),
            tables.timeline(p),
            tables.debt(p),
            tables.disruptions(p),
            tables.exposure(p),
            tables.sanctions(p),
            tables.conflicts(p),
            tables.sources(p),
            tables.comparison(bilateral.compare(p, p)),
            tables.diff(bilateral.diff(p, p)),
        ]
        for table in built:
            for table_format in ("github", "latex", "csv"):
                tables.render(table, table_format, "footnotes")
        report([p], "md", None, "footnotes")


def _read(text: str, fmt: str) -> bilateral.Dataset | tuple[bilateral.Problem, ...]:
    """The dataset ``loads`` reads, or the problems it finds."""
    try:
        return bilateral.loads(text, fmt)
    except bilateral.InvalidDataError as exc:
        return exc.problems


# The problems about a whole text, which have no line: its size, its encoding as a whole, its depth.
_WHOLE = ("the text is ", "the file is larger", "not UTF-8 text but", "not readable ")


def _placed(problems: tuple[bilateral.Problem, ...], fmt: str) -> None:
    """In JSON and YAML, every problem but one about the whole text gives its line and column (item 8)."""
    if fmt in ("json", "yaml"):
        unplaced = [p for p in problems if p.line is None and not p.message.startswith(_WHOLE)]
        assert not unplaced, unplaced
        assert all(
            p.line is None or (p.line >= 1 and p.column is not None and p.column >= 1) for p in problems
        )


class TestFuzz:
    def test_the_seeds_are_valid(self) -> None:
        """Every seed reads as it is, so that a refusal is the mutation's doing; there are several."""
        assert len(SEEDS) >= 5

    @_FUZZ
    @given(mutated())
    def test_mutated_documents(self, case: tuple[str, str]) -> None:
        """A mutated document is refused with problems, or accepted and survives analysis, tables and writing."""
        text, fmt = case
        read = _read(text, fmt)
        event("accepted" if isinstance(read, bilateral.Dataset) else "refused")
        if isinstance(read, bilateral.Dataset):
            _survives(read)
        else:
            assert read, "an InvalidDataError with no problem"
            _placed(read, fmt)

    @_FUZZ
    @given(
        st.sampled_from(SEEDS),
        st.sampled_from(FORMATS),
        st.lists(
            st.tuples(st.floats(0, 1), st.binary(max_size=4), st.integers(0, 4)), min_size=1, max_size=4
        ),
    )
    def test_mutated_bytes(
        self, seed: dict[str, Any], fmt: str, edits: list[tuple[float, bytes, int]]
    ) -> None:
        """A file with bytes inserted, replaced or cut anywhere is read by load or refused with problems."""
        raw = bytearray(_write(seed, fmt, {}).encode("utf-8"))
        for where, inserted, cut in edits:
            at = int(where * len(raw))
            raw[at : at + cut] = inserted
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / f"data.{fmt}"
            path.write_bytes(bytes(raw))
            try:
                read: bilateral.Dataset | tuple[bilateral.Problem, ...] = bilateral.load(path)
            except bilateral.InvalidDataError as exc:
                read = exc.problems
        event("accepted" if isinstance(read, bilateral.Dataset) else "refused")
        if isinstance(read, bilateral.Dataset):
            _survives(read)
        else:
            assert read, "an InvalidDataError with no problem"
            assert {p.file for p in read} == {str(path)}
            _placed(read, fmt)

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_accepted_values_round_trip(self, fmt: str) -> None:
        """Hard values that are valid (largest and smallest numbers, far dates) survive everything."""
        data = copy.deepcopy(SEEDS[0])
        instrument = data["partnerships"][0]["instruments"][0]
        instrument["value"] = {
            "amount": "99999999999999999999.99999999",
            "currency": "USD",
            "qualifier": "about",
        }
        instrument["quantities"] = [{"value": "0.00000001", "unit": "tonnes"}]
        dataset = bilateral.loads(json.dumps(data), "json")
        _survives(bilateral.loads(bilateral.dumps(dataset, fmt), fmt))
