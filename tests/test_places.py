"""Every problem of a JSON or YAML text gives the line and column of what it is about (issue 15, item 8),
and a message names the fix where there is one: quote a date used as text, drop thousands separators.

The bad files are in ``tests/data``; each test gives the exact messages, through `bilateral.load`
and through ``bilateral validate``.
"""

import json
from pathlib import Path

import pytest

import bilateral
from bilateral.cli import main
from bilateral.io import documents, positions
from tests.conftest import REPO
from tests.test_strictness import VALID

DATA = REPO / "tests" / "data"
INS = "$.partnerships[0].instruments[0]"
_SOURCE_FIELDS = (
    "country, id, kind, language, notes, published, publisher, reliability, republisher, title, url, weak"
)

# The bad files, and the exact lines that `bilateral validate` prints for each (the file's name first).
FILES = {
    "places.yaml": [
        ":3:1: $.schema_version: is required but missing (this release writes 2)",
        ":5:12: $.sources[0].title: expected text, got a date (2024-01-05); an unquoted date is read as a date, "
        "so quote it: '2024-01-05'",
        f":8:5: $.sources[0].colour: unknown field (expected one of: {_SOURCE_FIELDS})",
        f":17:9: {INS}.areas: expected a list, got a mapping",
        f":21:19: {INS}.value.amount: '80,000,000' is not a number (a number is written without thousands "
        "separators): did you mean 80000000?",
        f":15:9: {INS}.kind: is required but missing",
    ],
    "places.json": [
        f":19:28: {INS}.participants[0]: 'pdvsa' names no actor defined in this file",
        f":20:36: {INS}.citations[0].source: 'tass' names no source defined in this file",
        f":23:17: $.partnerships[0].instruments[1].id: duplicate id 'treaty' (first used at {INS}.id)",
    ],
    "duplicate-key.json": [":9:7: $: not valid JSON: duplicate key 'id' in an object"],
    "thousands-in-a-flow-mapping.yaml": [
        ":14:32: $: not valid YAML: duplicate key '000'; a comma separates items, so 80,000,000 is not one "
        "number: did you mean 80000000?"
    ],
    # tomllib gives no positions for values: the path alone, after the file's name.
    "places.toml": [
        ": $.partnerships[0].colour: unknown field (expected one of: actors, data_as_of, debts, description, "
        "disruptions, id, instruments, notes, parties, sanctions, sources, title, trade)"
    ],
}


@pytest.mark.parametrize("name", sorted(FILES))
def test_load_gives_file_line_and_column(name: str) -> None:
    """`load` names the file, the line and the column (as compilers do: ``file:line:column:``), then the path."""
    path = DATA / name
    with pytest.raises(bilateral.InvalidDataError) as info:
        bilateral.load(path)
    assert str(info.value).splitlines() == [f"{path}{line}" for line in FILES[name]]


@pytest.mark.parametrize("name", sorted(FILES))
def test_validate_prints_them(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    """``bilateral validate FILE`` prints the same lines and the count, exit 1, no traceback."""
    path = str(DATA / name)
    assert main(["validate", path]) == 1
    out, err = capsys.readouterr()
    count = len(FILES[name])
    assert (out, err.splitlines()) == (
        "",
        [*(f"{path}{line}" for line in FILES[name]), f"{path}: {count} problem{'s' if count > 1 else ''}"],
    )


def test_the_problems_carry_line_and_column() -> None:
    """`Problem.line` and `Problem.column` count from 1; a problem read from text has no file."""
    with pytest.raises(bilateral.InvalidDataError) as info:
        bilateral.loads((DATA / "duplicate-key.json").read_text(encoding="utf-8"), "json")
    (problem,) = info.value.problems
    assert (problem.path, problem.file, problem.line, problem.column) == ("$", None, 9, 7)
    assert str(problem) == "line 9, column 7: $: not valid JSON: duplicate key 'id' in an object"


@pytest.mark.parametrize(
    ("problem", "shown"),
    [
        (bilateral.Problem("$.a", "m", "f.yaml", 3, 4), "f.yaml:3:4: $.a: m"),
        (bilateral.Problem("$.a", "m", None, 3, 4), "line 3, column 4: $.a: m"),
        (bilateral.Problem("$.a", "m", "f.toml"), "f.toml: $.a: m"),
        (bilateral.Problem("$.a", "m"), "$.a: m"),
    ],
)
def test_the_forms_of_a_message(problem: bilateral.Problem, shown: str) -> None:
    """The place comes first: file, line and column where there are; the path always."""
    assert str(problem) == shown


def _lines(text: str, fmt: str) -> list[str]:
    with pytest.raises(bilateral.InvalidDataError) as info:
        bilateral.loads(text, fmt)
    return str(info.value).splitlines()


_GOOD_JSON = bilateral.dumps(bilateral.loads(VALID, "yaml"), "json")
_GOOD_TOML = bilateral.dumps(bilateral.loads(VALID, "yaml"), "toml")


class TestJson:
    def test_a_value_a_key_and_a_missing_field(self) -> None:
        """A bad value at the value, an unknown field at its key, a missing field at the object that lacks it."""
        text = _GOOD_JSON.replace('"publisher": "RT",', '"publisher": "\\u001b[31mRT", "colour": "red",')
        assert _lines(text.replace('"kind": "treaty",', ""), "json") == [
            "line 7, column 20: $.sources[0].publisher: holds a control character ('\\x1b' at character 1), "
            "which a terminal may act on; remove it (a tab and a newline are fine)",
            f"line 7, column 36: $.sources[0].colour: unknown field (expected one of: {_SOURCE_FIELDS})",
            f"line 29, column 9: {INS}.kind: is required but missing",
        ]

    def test_nan_and_a_nested_duplicate_key(self) -> None:
        """The two refusals the JSON parser gives no place for are placed: NaN, and the repeated key it names."""
        assert _lines('{"a": [1,\n  {"b": NaN}]}', "json") == [
            "line 2, column 9: $: not valid JSON: NaN is not a number JSON allows"
        ]
        # The inner object closes first, so its key is the one named.
        assert _lines('{"a": 1, "a": {"b": 1, "b": 2}}', "json") == [
            "line 1, column 24: $: not valid JSON: duplicate key 'b' in an object"
        ]

    def test_a_refusal_before_a_later_break(self) -> None:
        """The parser stops at the first refusal, so text broken after it does not lose its place."""
        assert _lines('{"a": {"b": 1,\n "b": 2}, "c": 1e}', "json") == [
            "line 2, column 2: $: not valid JSON: duplicate key 'b' in an object"
        ]
        assert _lines('[NaN, {"c": ]', "json") == [
            "line 1, column 2: $: not valid JSON: NaN is not a number JSON allows"
        ]

    def test_thousands_separators(self) -> None:
        """80,000,000 breaks JSON's syntax, and as text it is not a number: both name 80000000."""
        assert _lines(_GOOD_JSON.replace('"amount": "200000000"', '"amount": 80,000,000'), "json") == [
            "line 43, column 26: $: not valid JSON: Expecting property name enclosed in double quotes; a comma "
            "separates items, so 80,000,000 is not one number: did you mean 80000000?"
        ]
        assert _lines(_GOOD_JSON.replace('"amount": "200000000"', '"amount": "80,000,000"'), "json") == [
            f"line 43, column 23: {INS}.value.amount: '80,000,000' is not a number (a number is written "
            "without thousands separators): did you mean 80000000?"
        ]

    def test_a_byte_order_mark_is_not_a_column(self) -> None:
        """Columns count from the first character after a byte-order mark, as editors show them."""
        text = _GOOD_JSON.replace('"publisher": "RT",', '"publisher": "RT", "colour": "red",')
        assert _lines("\ufeff" + text, "json") == _lines(text, "json")

    def test_syntax_errors_keep_the_parsers_place(self) -> None:
        """A syntax error is placed where the parser stopped."""
        assert _lines('{\n  "a": }', "json") == ["line 2, column 8: $: not valid JSON: Expecting value"]
        assert _lines('{\n  "a": "x\x01"}', "json") == [
            "line 2, column 10: $: not valid JSON: the control character '\\x01' is not allowed in JSON text; "
            "remove it (a newline or a tab inside text is written \\n or \\t)"
        ]


class TestYaml:
    def test_a_flow_mapping_with_one_separator(self) -> None:
        """``{amount: 80,000}`` reads as 80 and a key '000': the unknown key names the number meant."""
        text = VALID.replace('value: {amount: "200000000"', "value: {amount: 80,000")
        assert _lines(text, "yaml") == [
            f"line 22, column 28: {INS}.value['000']: unknown field (expected one of: amount, currency, "
            "qualifier); a comma separates items, so 80,000 is not one number: did you mean 80000?"
        ]

    def test_a_missing_field_of_a_flow_mapping(self) -> None:
        """A field missing from ``{…}`` is placed at its brace."""
        text = VALID.replace(
            'value: {amount: "200000000", currency: USD, qualifier: about}', "value: {currency: USD}"
        )
        assert _lines(text, "yaml") == [f"line 22, column 16: {INS}.value.amount: is required but missing"]

    def test_a_date_and_time_in_a_text_field(self) -> None:
        """An unquoted date and time in a text field says to quote it."""
        assert _lines(VALID.replace("publisher: RT", "publisher: 2024-01-05 10:00:00"), "yaml") == [
            "line 5, column 16: $.sources[0].publisher: expected text, got a date and time (2024-01-05T10:00:00); "
            "an unquoted date is read as a date, so quote it"
        ]

    def test_items_odd_keys_and_merged_values(self) -> None:
        """A list item, a key that is not a plain name, and a value merged with ``<<`` are placed where written."""
        text = VALID.replace("participants: [pdvsa]", "participants:\n          - pdvsa\n          - Bad")
        text = text.replace("publisher: RT", "publisher: RT\n    a.b: 1")
        text = text.replace(
            "  - {id: pdvsa, name: PDVSA, kind: state_company, country: VEN}",
            "  - &pdvsa {id: pdvsa, name: PDVSA, kind: state_company, country: VE}\n  - {<<: *pdvsa, id: pdvsa-2}",
        )
        assert _lines(text, "yaml") == [
            f"line 6, column 5: $.sources[0]['a.b']: unknown field (expected one of: {_SOURCE_FIELDS})",
            "line 9, column 67: $.actors[0].country: 'VE' is not an ISO 3166-1 alpha-3 country code",
            "line 9, column 67: $.actors[1].country: 'VE' is not an ISO 3166-1 alpha-3 country code",
            f"line 24, column 13: {INS}.participants[1]: 'Bad' is not a valid id (use lower-case letters, "
            "digits, '-', '_' and '.', starting with a letter or digit)",
        ]

    def test_a_missing_schema_version_is_one_problem_among_the_others(self) -> None:
        """Without a schema version, the other problems are listed too; the missing one is placed at the top."""
        text = VALID.replace("schema_version: 2\n", "").replace('signed: "2025-05"', 'signed: "2025-13"')
        assert _lines(text, "yaml") == [
            "line 1, column 1: $.schema_version: is required but missing (this release writes 2)",
            f"line 20, column 17: {INS}.signed: '2025-13' is not a valid date (month must be 1 to 12)",
        ]


class TestToml:
    def test_values_have_no_line(self) -> None:
        """tomllib keeps no positions for values: the problem names its path alone, with the fix."""
        assert _lines(_GOOD_TOML.replace('publisher = "RT"', "publisher = 2024-01-05"), "toml") == [
            "$.sources[0].publisher: expected text, got a date (2024-01-05); an unquoted date is read as a "
            "date, so quote it: '2024-01-05'"
        ]

    def test_syntax_errors_have_theirs(self) -> None:
        """A TOML syntax error has tomllib's line and column, and a thousands separator the number meant."""
        assert _lines(_GOOD_TOML.replace('amount = "200000000"', "amount = 80,000,000"), "toml") == [
            "line 39, column 12: $: not valid TOML: Expected newline or end of document after a statement; "
            "a comma separates items, so 80,000,000 is not one number: did you mean 80000000?"
        ]


class TestTheHappyPathPaysNothing:
    def test_positions_are_looked_for_only_when_there_are_problems(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Reading valid files never looks for a position; a refused one does, once."""
        calls: list[str] = []

        def spy(
            exc: bilateral.InvalidDataError, text: str, fmt: str, *rest: int
        ) -> bilateral.InvalidDataError:  # rest: the max_size, if given
            calls.append(fmt)
            return positions.located(exc, text, fmt, *rest)

        monkeypatch.setattr(documents, "located", spy)
        text = (REPO / "src" / "bilateral" / "datasets" / "data" / "partnerships.yaml").read_text(
            encoding="utf-8"
        )
        dataset = bilateral.loads(text, "yaml")
        for fmt in ("json", "toml", "yaml"):
            bilateral.loads(bilateral.dumps(dataset, fmt), fmt)
        bilateral.load(REPO / "examples" / "my-partnership.yaml")
        assert calls == []
        with pytest.raises(bilateral.InvalidDataError):
            bilateral.loads(json.dumps({"schema_version": 2, "x": 1}), "json")
        assert calls == ["json"]

    def test_a_problem_with_a_place_keeps_it(self) -> None:
        """A problem that already has its line (a syntax error) is not looked for again."""
        problem = bilateral.Problem("$", "m", None, 2, 3)
        (kept,) = positions.located(bilateral.InvalidDataError([problem]), "{\n  x", "json").problems
        assert kept == problem


def test_every_bad_file_is_in_this_test() -> None:
    """The bad files of tests/data are each checked above, so that none is left without its messages."""
    bad = {p.name for p in Path(DATA).iterdir() if p.suffix in (".json", ".toml", ".yaml")}
    assert bad - {"cyrillic-greek-latin.yaml"} == set(FILES)
