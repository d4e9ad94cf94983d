"""Bad data is refused with every problem listed, each with its path and what is wrong."""

import json
import textwrap
from pathlib import Path
from typing import Any

import pytest

import bilateral

VALID = textwrap.dedent(
    """\
    schema_version: 1
    sources:
      - id: rt
        title: What connects Russia and Venezuela
        publisher: RT
        kind: state_media
    actors:
      - {id: pdvsa, name: PDVSA, kind: state_company, country: VEN}
    partnerships:
      - id: russia-venezuela
        parties: [RUS, VEN]
        title: Russia–Venezuela
        data_as_of: 2026-01-06
        instruments:
          - id: treaty
            kind: treaty
            title: Strategic partnership treaty
            areas: [energy, diplomacy]
            status: in_force
            participants: [pdvsa]
            signed: "2025-05"
            value: {amount: "200000000", currency: USD, qualifier: about}
            citations: [{source: rt}]
    """
)


def _data() -> dict[str, Any]:
    data = bilateral.loads(VALID, "yaml")
    return json.loads(bilateral.dumps(data, "json"))


def _errors(data: dict[str, Any]) -> list[str]:
    with pytest.raises(bilateral.InvalidDataError) as info:
        bilateral.loads(json.dumps(data), "json")
    return str(info.value).splitlines()


def _instrument(data: dict[str, Any]) -> dict[str, Any]:
    return data["partnerships"][0]["instruments"][0]


P = "$.partnerships[0]"
INS = f"{P}.instruments[0]"


class TestValid:
    def test_the_base_document_is_valid(self) -> None:
        """The document the other tests break is itself valid."""
        dataset = bilateral.loads(VALID, "yaml")
        assert dataset.partnership().instruments[0].signed == bilateral.PartialDate(2025, 5)

    def test_error_is_a_value_error(self) -> None:
        """InvalidDataError is a ValueError, so generic handlers catch it."""
        assert issubclass(bilateral.InvalidDataError, ValueError)


class TestForm:
    def test_unknown_keys(self) -> None:
        """An unknown field is named, with the fields that are allowed."""
        data = _data()
        data["colour"] = "red"
        _instrument(data)["signd"] = "2025"
        assert _errors(data) == [
            f"{INS}.signd: unknown field (expected one of: alternatives, announced, areas, citations, ends, "
            "id, in_force, items, kind, milestones, notes, part_of, participants, provider, quantities, "
            "recipient, signed, status, title, value)",
            "$.colour: unknown field (expected one of: actors, partnerships, sanctions, schema_version, sources)",
        ]

    def test_no_coercion(self) -> None:
        """A number is not text, text is not a number, a year is not text, a string is not a list."""
        data = _data()
        data["partnerships"][0]["title"] = 1
        data["schema_version"] = "1"
        _instrument(data)["signed"] = 2025
        _instrument(data)["areas"] = "energy"
        _instrument(data)["value"]["amount"] = True
        assert _errors(data) == [
            "$.schema_version: expected a whole number, got text ('1')",
            f"{P}.title: expected text, got a number (1)",
            f"{INS}.areas: expected a list, got text ('energy')",
            f"{INS}.signed: expected a date as text, got a number (2025); write the year in quotes: '2025'",
            f"{INS}.value.amount: expected a number, got a boolean (true)",
        ]

    def test_unknown_enum_values_and_codes(self) -> None:
        """Enum values, country codes and currency codes are checked against their lists."""
        data = _data()
        _instrument(data)["areas"] = ["energy", "oil"]
        _instrument(data)["status"] = "In force"
        _instrument(data)["value"]["currency"] = "usd"
        data["actors"][0]["country"] = "VE"
        data["partnerships"][0]["parties"] = ["RUS", "XXX"]
        assert _errors(data) == [
            "$.actors[0].country: 'VE' is not an ISO 3166-1 alpha-3 country code",
            f"{P}.parties: 'XXX' is not an ISO 3166-1 alpha-3 country code",
            f"{INS}.areas[1]: 'oil' is not a valid cooperation area (expected one of: energy, defence, "
            "trade, finance, investment, mining, agriculture, transport, communications, "
            "science_technology, education, culture, health, diplomacy, security, tourism)",
            f"{INS}.status: 'In force' is not a valid status (expected one of: announced, signed, ratified, "
            "in_force, operating, completed, suspended, expired, cancelled, unknown)",
            f"{INS}.value.currency: 'usd' is not an ISO 4217 currency code",
        ]

    def test_impossible_dates(self) -> None:
        """Months past 12 and days past the month's end are refused, saying why."""
        data = _data()
        _instrument(data)["signed"] = "2025-13"
        _instrument(data)["in_force"] = "2025-02-30"
        _instrument(data)["ends"] = "May 2025"
        data["partnerships"][0]["data_as_of"] = "2026-1-6"
        assert _errors(data) == [
            f"{P}.data_as_of: '2026-1-6' is not a valid date (expected YYYY-MM-DD)",
            f"{INS}.signed: '2025-13' is not a valid date (month must be 1 to 12)",
            f"{INS}.in_force: '2025-02-30' is not a valid date (day must be 1 to 28 in February 2025)",
            f"{INS}.ends: 'May 2025' is not a valid date (expected YYYY, YYYY-MM or YYYY-MM-DD, "
            "optionally followed by ~, ? or %)",
        ]

    def test_negative_and_non_finite_amounts(self) -> None:
        """Amounts below zero, and numbers that are not finite, are refused."""
        data = _data()
        _instrument(data)["value"]["amount"] = "-5"
        _instrument(data)["quantities"] = [{"value": "NaN", "unit": "aircraft"}]
        assert _errors(data) == [
            f"{INS}.value.amount: -5 is negative (amounts must be zero or more)",
            f"{INS}.quantities[0].value: NaN is not a finite number",
        ]

    def test_missing_required_fields(self) -> None:
        """A missing required field is named."""
        data = _data()
        del _instrument(data)["title"]
        del _instrument(data)["kind"]
        assert _errors(data) == [
            f"{INS}.kind: is required but missing",
            f"{INS}.title: is required but missing",
        ]


class TestMeaning:
    def test_a_state_with_itself(self) -> None:
        """A partnership of a state with itself is refused."""
        data = _data()
        data["partnerships"][0]["parties"] = ["VEN", "VEN"]
        assert _errors(data) == [f"{P}.parties: a partnership needs two states, not VEN twice"]

    def test_end_before_start(self) -> None:
        """An instrument cannot end before it was signed; a period cannot end before it starts."""
        data = _data()
        _instrument(data)["ends"] = "2024"
        data["partnerships"][0]["disruptions"] = [
            {
                "id": "d",
                "title": "t",
                "period": "2025/2024",
                "cause": "security",
                "areas": ["tourism"],
                "citations": [{"source": "rt"}],
            }
        ]
        assert _errors(data) == [
            f"{P}.disruptions[0].period: '2025/2024' is not a valid period (the end is before the start)",
        ]
        del data["partnerships"][0]["disruptions"]
        assert _errors(data) == [f"{INS}.ends: ends 2024 is before signed 2025-05"]

    def test_duplicate_ids(self) -> None:
        """Ids are unique among sources, actors and each partnership's records."""
        data = _data()
        data["sources"].append(dict(data["sources"][0]))
        data["partnerships"][0]["instruments"].append(dict(_instrument(data)))
        assert _errors(data) == [
            "$.sources[1].id: duplicate id 'rt' (first used at $.sources[0].id)",
            f"{P}.instruments[1].id: duplicate id 'treaty' (first used at {INS}.id)",
        ]

    def test_dangling_references(self) -> None:
        """A citation of a missing source, or a participant defined nowhere, is refused."""
        data = _data()
        _instrument(data)["participants"] = ["pdvsa", "rosneft"]
        _instrument(data)["citations"].append({"source": "tass"})
        assert _errors(data) == [
            f"{INS}.participants[1]: 'rosneft' names no actor defined in this file",
            f"{INS}.citations[1].source: 'tass' names no source defined in this file",
        ]

    def test_claims_need_citations(self) -> None:
        """A claim with no citation is refused."""
        data = _data()
        del _instrument(data)["citations"]
        assert _errors(data) == [
            f"{INS}.citations: cites no source (every claim needs at least one citation)"
        ]

    def test_every_problem_is_listed(self) -> None:
        """Problems of form are all listed together, in document order, not only the first."""
        data = _data()
        _instrument(data)["signed"] = "2025-13"
        _instrument(data)["status"] = "done"
        data["actors"][0]["kind"] = "oil major"
        assert len(_errors(data)) == 3


class TestVersionsAndFiles:
    def test_newer_schema_is_refused(self) -> None:
        """A file from a newer schema version is refused, and the message says so."""
        data = _data()
        data["schema_version"] = 2
        assert _errors(data) == [
            "$.schema_version: the file uses schema version 2, newer than the 1 this release of "
            "bilateral reads; upgrade bilateral to read it"
        ]

    def test_schema_version_is_required(self) -> None:
        """A file without a schema version is refused."""
        data = _data()
        del data["schema_version"]
        assert _errors(data) == ["$.schema_version: is required but missing (this release writes 1)"]

    def test_errors_name_the_file(self, tmp_path: Path) -> None:
        """Each line of the error starts with the file's name."""
        path = tmp_path / "partners.toml"
        data = _data()
        _instrument(data)["signed"] = "2025-13"
        path.write_text(
            bilateral.dumps(bilateral.loads(VALID, "yaml"), "toml").replace('"2025-05"', '"2025-13"')
        )
        with pytest.raises(bilateral.InvalidDataError) as info:
            bilateral.load(path)
        assert str(info.value) == (
            f"{path}: {INS}.signed: '2025-13' is not a valid date (month must be 1 to 12)"
        )
        assert info.value.problems[0].file == str(path)

    @pytest.mark.parametrize(
        ("fmt", "text", "message"),
        [
            (
                "json",
                '{"schema_version": 1, "schema_version": 1}',
                "$: not valid JSON: duplicate key 'schema_version' in an object",
            ),
            (
                "yaml",
                "schema_version: 1\nschema_version: 1\n",
                "$: not valid YAML: duplicate key 'schema_version' (line 2, column 1)",
            ),
            (
                "json",
                "{",
                "$: not valid JSON: Expecting property name enclosed in double quotes (line 1, column 2)",
            ),
            (
                "yaml",
                "[1, 2",
                "$: not valid YAML: expected ',' or ']', but got '<stream end>' (line 1, column 6)",
            ),
            ("toml", "a = ", "$: not valid TOML: Invalid value (at end of document)"),
            ("yaml", "- 1\n", "$: expected a mapping with schema_version and partnerships at the top"),
        ],
    )
    def test_malformed_text(self, fmt: str, text: str, message: str) -> None:
        """Text that does not parse, or repeats a key, is refused with its line."""
        with pytest.raises(bilateral.InvalidDataError) as info:
            bilateral.loads(text, fmt)
        assert str(info.value) == message

    def test_yaml_dates_unquoted_or_quoted(self) -> None:
        """YAML's unquoted dates and quoted ones read the same."""
        quoted = VALID.replace("data_as_of: 2026-01-06", 'data_as_of: "2026-01-06"')
        assert bilateral.loads(quoted, "yaml") == bilateral.loads(VALID, "yaml")
