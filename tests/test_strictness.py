"""Bad data is refused with every problem listed, each with its path and what is wrong."""

import json
import re
import textwrap
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest

import bilateral
from bilateral.io.converter import structure

VALID = textwrap.dedent(
    """\
    schema_version: 2
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


def _errors(data: dict[str, Any], schema_sees: bool = True) -> list[str]:
    """The problems `loads` finds; where one is of form, the JSON Schema must refuse the data too
    (``schema_sees=False`` for the few form rules a schema cannot state, such as dates in order)."""
    with pytest.raises(bilateral.InvalidDataError) as info:
        bilateral.loads(json.dumps(data), "json")
    if schema_sees and _form_problem(data):
        assert list(_SCHEMA.iter_errors(json.loads(json.dumps(data)))), "the JSON Schema accepts a bad form"
    # Every problem of a JSON text has its line and column (`TestPlaces` checks them); here, the rest.
    assert all(p.line is not None and p.column is not None for p in info.value.problems)
    return [f"{p.path}: {p.message}" for p in info.value.problems]


_SCHEMA = jsonschema.Draft7Validator(bilateral.schema())


def _form_problem(data: Any) -> bool:
    """Whether the first round of checks (form: types, codes, dates, fields) refuses the data."""
    if not isinstance(data, dict) or "schema_version" not in data:
        return True
    version = data["schema_version"]
    if (
        not isinstance(version, int)
        or isinstance(version, bool)
        or not 1 <= version <= bilateral.SCHEMA_VERSION
    ):
        return True
    try:
        structure(data, bilateral.Dataset, version)
    except bilateral.InvalidDataError:
        return True
    return False


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
        """An unknown field is named, with the likely intended one and the fields that are allowed."""
        data = _data()
        data["colour"] = "red"
        _instrument(data)["signd"] = "2025"
        assert _errors(data) == [
            f"{INS}.signd: unknown field; did you mean 'signed'? (expected one of: alternatives, announced, areas, citations, ends, "
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
            f"{P}.parties[1]: 'XXX' is not an ISO 3166-1 alpha-3 country code",
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
            f"{INS}.quantities[0].value: 'NaN' is not a number (write digits, a point and an exponent only: '1.5e9')",
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

    def test_no_announcement_after_the_end(self) -> None:
        """An instrument is not announced or signed, in a milestone, after it ended; other steps may follow."""
        data = _data()
        instrument = _instrument(data)
        instrument["ends"] = "2025-12"
        instrument["milestones"] = [
            {"kind": "signed", "date": "2026-02-01", "description": "signed late"},
            {"kind": "other", "date": "2026-03", "description": "a review after the end"},
            {"kind": "announced", "date": "2025", "description": "announced that year"},
        ]
        assert _errors(data, schema_sees=False) == [
            f"{INS}.milestones[0].date: signed 2026-02-01 is after ends 2025-12: "
            "an instrument is not announced or signed after it ended"
        ]

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
        # A schema's pattern cannot compare the two dates of a period: this one is for validate alone.
        assert _errors(data, schema_sees=False) == [
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

    def test_reference_chains_may_not_come_back(self) -> None:
        """An actor that owns itself, and an instrument part of one that is part of it, are refused."""
        data = _data()
        data["actors"][0]["parent"] = "pdvsa"
        data["partnerships"][0]["instruments"].append(dict(_instrument(data), id="loan", part_of="treaty"))
        _instrument(data)["part_of"] = "loan"
        assert _errors(data) == [
            "$.actors[0].parent: the chain of parent comes back to 'pdvsa' (pdvsa → pdvsa); "
            "a record cannot contain itself",
            f"{INS}.part_of: the chain of part_of comes back to 'treaty' (treaty → loan → treaty); "
            "a record cannot contain itself",
            f"{P}.instruments[1].part_of: the chain of part_of comes back to 'loan' (loan → treaty → loan); "
            "a record cannot contain itself",
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
        data["schema_version"] = 3
        assert _errors(data) == [
            "$.schema_version: the file uses schema version 3, newer than the 2 this release of "
            "bilateral reads; upgrade bilateral to read it"
        ]

    def test_schema_version_is_required(self) -> None:
        """A file without a schema version is refused."""
        data = _data()
        del data["schema_version"]
        assert _errors(data) == ["$.schema_version: is required but missing (this release writes 2)"]

    def test_a_missing_schema_version_hides_nothing(self) -> None:
        """Without a schema version, the file's other problems are listed too, read as this release writes."""
        data = _data()
        del data["schema_version"]
        _instrument(data)["signed"] = "2025-13"
        data["sources"].append(dict(data["sources"][0]))
        assert _errors(data) == [
            "$.schema_version: is required but missing (this release writes 2)",
            f"{INS}.signed: '2025-13' is not a valid date (month must be 1 to 12)",
        ]
        del _instrument(data)["signed"]
        assert _errors(data) == [
            "$.schema_version: is required but missing (this release writes 2)",
            "$.sources[1].id: duplicate id 'rt' (first used at $.sources[0].id)",
        ]

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
                "line 1, column 23: $: not valid JSON: duplicate key 'schema_version' in an object",
            ),
            (
                "yaml",
                "schema_version: 1\nschema_version: 1\n",
                "line 2, column 1: $: not valid YAML: duplicate key 'schema_version'",
            ),
            (
                "json",
                "{",
                "line 1, column 2: $: not valid JSON: Expecting property name enclosed in double quotes",
            ),
            ("toml", "a = ", "line 1, column 5: $: not valid TOML: Invalid value"),
            ("toml", "a = 1\nb = [1,\n", "line 3, column 1: $: not valid TOML: Invalid value"),
            (
                "yaml",
                "- 1\n",
                "line 1, column 1: $: expected a mapping with schema_version and partnerships at the top",
            ),
        ],
    )
    def test_malformed_text(self, fmt: str, text: str, message: str) -> None:
        """Text that does not parse, or repeats a key, is refused with its line."""
        with pytest.raises(bilateral.InvalidDataError) as info:
            bilateral.loads(text, fmt)
        assert str(info.value) == message

    def test_yaml_syntax_error_names_the_line(self) -> None:
        """A YAML syntax error says where (the wording is the YAML parser's own)."""
        with pytest.raises(bilateral.InvalidDataError) as info:
            bilateral.loads("a: 1\nb: [1, 2\n", "yaml")
        assert re.fullmatch(r"line [23], column \d+: \$: not valid YAML: .+", str(info.value))

    def test_yaml_dates_unquoted_or_quoted(self) -> None:
        """YAML's unquoted dates and quoted ones read the same."""
        quoted = VALID.replace("data_as_of: 2026-01-06", 'data_as_of: "2026-01-06"')
        assert bilateral.loads(quoted, "yaml") == bilateral.loads(VALID, "yaml")


class TestEdgesOfTheFormats:
    def test_every_bad_item_of_a_list(self) -> None:
        """Each bad id or code in a list is reported with its index, not only the first."""
        data = _data()
        data["partnerships"][0]["parties"] = ["rus", "ven"]
        _instrument(data)["participants"] = ["Bad A", "pdvsa", "Bad B"]
        assert _errors(data) == [
            f"{P}.parties[0]: 'rus' is not an ISO 3166-1 alpha-3 country code",
            f"{P}.parties[1]: 'ven' is not an ISO 3166-1 alpha-3 country code",
            f"{INS}.participants[0]: 'Bad A' is not a valid id (use lower-case letters, digits, '-', '_' and '.', "
            "starting with a letter or digit)",
            f"{INS}.participants[2]: 'Bad B' is not a valid id (use lower-case letters, digits, '-', '_' and '.', "
            "starting with a letter or digit)",
        ]

    @pytest.mark.parametrize(
        ("written", "message"),
        [
            ("0x10", "'0x10' is not a number (write digits, a point and an exponent only: '1.5e9')"),
            (
                "1:30",
                "1:30 has two readings: YAML 1.1 reads it as a base-60 number, YAML 1.2 as text; "
                "quote it ('1:30') for text, or write the number in plain digits",
            ),
            (
                "010",
                "010 has two readings: YAML 1.1 reads it as the octal number 8, YAML 1.2 as 10; "
                "write 10 for the number, or quote it ('010') for text",
            ),
            (
                "1_000",
                "1_000 has two readings: YAML 1.1 reads it as a number, YAML 1.2 as text; "
                "quote it ('1_000') for text, or write the number in plain digits",
            ),
            ("'١٢٣'", "'١٢٣' is not a number (write digits, a point and an exponent only: '1.5e9')"),
            ("'1_000'", "'1_000' is not a number (write digits, a point and an exponent only: '1.5e9')"),
        ],
    )
    def test_yaml_numbers_never_change_value(self, written: str, message: str) -> None:
        """YAML 1.1 octal, hexadecimal and base-60 numbers, and non-ASCII digits, are refused, not converted;
        a form YAML 1.1 and 1.2 read differently is refused with both readings and the fix."""
        text = VALID.replace('amount: "200000000"', f"amount: {written}")
        assert written in text
        with pytest.raises(bilateral.InvalidDataError) as info:
            bilateral.loads(text, "yaml")
        assert str(info.value) == f"line 22, column 25: {INS}.value.amount: {message}"

    def test_leading_zero_of_one_reading_is_read(self) -> None:
        """`007` is seven to YAML 1.1 and 1.2 alike, so it is read; `010` has two readings and is refused (above)."""
        text = VALID.replace('amount: "200000000"', "amount: 007")
        value = bilateral.loads(text, "yaml").partnership().instruments[0].value
        assert value is not None
        assert value.amount == 7

    def test_yes_and_no_need_quotes(self) -> None:
        """YAML reads an unquoted `no` as false; the message says to quote it."""
        text = VALID.replace("publisher: RT", "publisher: RT\n    language: no")
        with pytest.raises(bilateral.InvalidDataError) as info:
            bilateral.loads(text, "yaml")
        assert str(info.value) == (
            "line 6, column 15: $.sources[0].language: expected text, got a boolean (false); YAML reads unquoted "
            "yes/no/on/off as true or false, so quote the text"
        )

    def test_merge_keys_may_be_overridden(self) -> None:
        """A YAML merge (<<) followed by a key that overrides a merged one is fine."""
        text = VALID.replace(
            "  - {id: pdvsa, name: PDVSA, kind: state_company, country: VEN}",
            "  - &pdvsa {id: pdvsa, name: PDVSA, kind: state_company, country: VEN}\n"
            "  - {<<: *pdvsa, id: pdvsa-2, name: PDVSA again}",
        )
        assert [a.id for a in bilateral.loads(text, "yaml").actors] == ["pdvsa", "pdvsa-2"]

    @pytest.mark.parametrize(
        ("fmt", "text", "message"),
        [
            ("json", '{"a": NaN}', "line 1, column 7: $: not valid JSON: NaN is not a number JSON allows"),
            ("json", "[" * 100_000, "$: not readable JSON: nested too deeply"),
            (
                "yaml",
                "schema_version: 1\n? [a, b]\n: x\n",
                "line 2, column 3: $: not valid YAML: a key must be plain text, not a list or a mapping",
            ),
        ],
    )
    def test_unreadable_input(self, fmt: str, text: str, message: str) -> None:
        """Input no parser should accept is refused with a message, never a traceback."""
        with pytest.raises(bilateral.InvalidDataError) as info:
            bilateral.loads(text, fmt)
        assert str(info.value) == message

    @pytest.mark.parametrize("fmt", ["json", "toml", "yaml"])
    def test_byte_order_mark(self, fmt: str) -> None:
        """A leading byte-order mark, as some editors write, is ignored in every format."""
        text = bilateral.dumps(bilateral.loads(VALID, "yaml"), fmt)
        assert bilateral.loads("\ufeff" + text, fmt) == bilateral.loads(text, fmt)

    def test_odd_keys_keep_a_readable_path(self) -> None:
        """An unknown key that is not a plain name is quoted in the path."""
        data = _data()
        data["a.b"] = 1
        assert _errors(data)[0].startswith("$['a.b']: unknown field")

    def test_trailing_newline_is_not_a_valid_id(self) -> None:
        """Ids and dates must match whole: a trailing newline is not ignored."""
        data = _data()
        data["sources"][0]["id"] = "rt\n"
        _instrument(data)["signed"] = "2025-05\n"
        errors = _errors(data)
        assert errors[0].startswith("$.sources[0].id: 'rt\\n' is not a valid id")
        assert (
            errors[1]
            == f"{INS}.signed: '2025-05\\n' is not a valid date (expected YYYY, YYYY-MM or YYYY-MM-DD, optionally followed by ~, ? or %)"
        )


class TestMoreRules:
    def test_claimed_values_are_checked(self) -> None:
        """An alternative value for a date, an enum or a code must be a valid one."""
        data = _data()
        _instrument(data)["alternatives"] = [
            {"field": "signed", "value": "banana", "citations": [{"source": "rt"}]},
            {"field": "status", "value": "done", "citations": [{"source": "rt"}]},
            {"field": "title", "value": "anything goes", "citations": [{"source": "rt"}]},
        ]
        assert _errors(data) == [
            f"{INS}.alternatives[0].value: 'banana' is not a valid date (expected YYYY, YYYY-MM or YYYY-MM-DD, "
            "optionally followed by ~, ? or %)",
            f"{INS}.alternatives[1].value: 'done' is not a valid status (expected one of: announced, signed, "
            "ratified, in_force, operating, completed, suspended, expired, cancelled, unknown)",
        ]

    def test_dates_in_order_across_records(self) -> None:
        """A debt's final payment, a target's date and an instrument's end come after what precedes them."""
        data = _data()
        _instrument(data)["announced"] = "2030"
        _instrument(data)["ends"] = "2029"
        data["actors"].append({"id": "bcv", "name": "BCV", "kind": "central_bank", "country": "VEN"})
        data["partnerships"][0]["debts"] = [
            {
                "id": "d",
                "kind": "rescheduling",
                "title": "t",
                "creditor": "bcv",
                "debtor": "pdvsa",
                "first_payment": "2020",
                "final_payment": "2019",
                "citations": [{"source": "rt"}],
            }
        ]
        data["partnerships"][0]["trade"] = {
            "targets": [
                {
                    "id": "t",
                    "value": {"amount": "1", "currency": "USD"},
                    "by": "2030",
                    "stated": "2031",
                    "citations": [{"source": "rt"}],
                }
            ]
        }
        assert _errors(data) == [
            f"{INS}.ends: ends 2029 is before announced 2030",
            f"{P}.debts[0].final_payment: final_payment 2019 is before first_payment 2020",
            f"{P}.trade.targets[0].by: by 2030 is before stated 2031",
        ]

    def test_periods_need_something_known(self) -> None:
        """'/' says nothing; an open start '..' is refused rather than silently made unknown."""
        for text, why in [
            ("/", "give a start, an end, or both"),
            ("../2025", "an open start is not supported; leave it empty if unknown"),
        ]:
            with pytest.raises(ValueError, match=why):
                bilateral.Period.parse(text)


class TestBuiltInPython:
    def test_wrong_types_are_problems_not_crashes(self) -> None:
        """Records built in Python with strings for enums and dates get problems with paths."""
        import datetime as dt

        instrument = bilateral.Instrument(
            "t",
            "treaty",
            "T",
            [bilateral.CooperationArea.ENERGY],
            bilateral.Status.SIGNED,  # type: ignore[arg-type]
            signed="2025-05",  # type: ignore[arg-type]
            value=bilateral.Money(Decimal(1), "USD", "about"),  # type: ignore[arg-type]
            citations=(bilateral.Citation("s"),),
        )
        partnership = bilateral.Partnership(
            "p",
            ("RUS", "VEN"),
            "t",
            dt.datetime(2025, 1, 1),
            instruments=(instrument,),
            sources=(bilateral.Source("s", "t", "p", bilateral.SourceKind.WIRE),),
        )
        assert [str(p) for p in bilateral.validate(partnership)] == [
            "$.partnerships[0].data_as_of: expected date, got datetime datetime.datetime(2025, 1, 1, 0, 0)",
            "$.partnerships[0].instruments[0].kind: expected InstrumentKind, got str 'treaty'",
            "$.partnerships[0].instruments[0].areas: expected a tuple, got list [<CooperationArea.ENERGY: 'energy'>]",
            "$.partnerships[0].instruments[0].signed: expected PartialDate, got str '2025-05'",
            "$.partnerships[0].instruments[0].value.qualifier: expected Qualifier, got str 'about'",
        ]
        with pytest.raises(bilateral.InvalidDataError):
            bilateral.dumps(partnership, "json")

    def test_checks_run_when_built(self) -> None:
        """Codes, amounts and dates are checked when a record is built in Python."""

        with pytest.raises(ValueError, match="'usd' is not an ISO 4217 currency code"):
            bilateral.Money(Decimal(1), "usd")
        with pytest.raises(TypeError, match=r"expected a Decimal, got int 5"):
            bilateral.Money(5, "USD")  # type: ignore[arg-type]
        with pytest.raises(ValueError, match=r"'2025-02-30' is not a valid date \(day must be 1 to 28"):
            bilateral.PartialDate(2025, 2, 30)


_NOT_SUPPORTED = (
    "is not supported (a file holds text, numbers, true or false, dates, lists and mappings): remove the tag"
)


class TestValuesWithNoSingleReading:
    @pytest.mark.parametrize(
        ("written", "message"),
        [
            (
                "190:20:30.15",
                "190:20:30.15 has two readings: YAML 1.1 reads it as a base-60 number, YAML 1.2 as text; "
                "quote it ('190:20:30.15') for text, or write the number in plain digits",
            ),
            ("!!float text", "!!float 'text' is not a number"),
            ("!!timestamp text", "!!timestamp 'text' is not a date"),
            ("!!bool maybe", "!!bool 'maybe' is not true or false"),
            ("!!int ten", "!!int 'ten' is not a whole number"),
            ("!!null x", "!!null 'x' is not null"),
            ("!!binary AAAA", f"the YAML tag !!binary {_NOT_SUPPORTED}"),
            ("!!set {a}", f"the YAML tag !!set {_NOT_SUPPORTED}"),
            ("!!python/name:os.system", f"the YAML tag !!python/name:os.system {_NOT_SUPPORTED}"),
            ("!ruby/object x", f"the YAML tag !ruby/object {_NOT_SUPPORTED}"),
        ],
    )
    def test_in_a_field(self, written: str, message: str) -> None:
        """A YAML scalar or tag that no reader could take for text is a problem at its path, with its line."""
        with pytest.raises(bilateral.InvalidDataError) as info:
            bilateral.loads(VALID.replace("publisher: RT", f"publisher: {written}"), "yaml")
        assert str(info.value) == f"line 5, column 16: $.sources[0].publisher: {message}"

    @pytest.mark.parametrize(
        ("written", "message"),
        [
            (
                "190:20:30.15",
                "190:20:30.15 has two readings: YAML 1.1 reads it as a base-60 number, YAML 1.2 as text; "
                "quote it ('190:20:30.15') for text, or write the number in plain digits",
            ),
            ("!!float text", "!!float 'text' is not a number"),
            ("!!timestamp text", "!!timestamp 'text' is not a date"),
            ("!!bool maybe", "!!bool 'maybe' is not true or false"),
        ],
    )
    def test_under_an_unknown_key(self, written: str, message: str) -> None:
        """Under a key the format does not know, the value is named as well as the key: no crash."""
        with pytest.raises(bilateral.InvalidDataError) as info:
            bilateral.loads(VALID + f"x: {written}\n", "yaml")
        lines = str(info.value).splitlines()
        assert lines[0] == f"line 24, column 4: $.x: {message}"
        assert lines[1:] == [
            "line 24, column 1: $.x: unknown field (expected one of: actors, partnerships, sanctions, "
            "schema_version, sources)"
        ]

    def test_listed_with_every_other_problem(self) -> None:
        """A value with no single reading is one problem among the others, in document order."""
        text = VALID.replace("publisher: RT", "publisher: !!float x").replace(
            'signed: "2025-05"', "signed: 2025-13"
        )
        assert str(_refused(text)).splitlines() == [
            "line 5, column 16: $.sources[0].publisher: !!float 'x' is not a number",
            f"line 21, column 17: {INS}.signed: '2025-13' is not a valid date (month must be 1 to 12)",
        ]


def _refused(text: str, fmt: str = "yaml") -> bilateral.InvalidDataError:
    with pytest.raises(bilateral.InvalidDataError) as info:
        bilateral.loads(text, fmt)
    return info.value


class TestLimits:
    def test_aliases_that_expand_past_the_size_of_a_file(self) -> None:
        """A billion laughs (1.3 KB of nested aliases, 10⁹ values) is refused at once, with its line."""
        text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
            f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(8)
        )
        assert str(_refused(text)) == (
            "line 7, column 4: $: not valid YAML: its aliases expand the document past 16,000,000 characters, "
            "the most a file may hold; write the values out, or use fewer aliases"
        )

    def test_a_long_text_aliased_many_times(self) -> None:
        """A 1 MB text aliased 20 times is refused, not expanded into a 20 MB message."""
        text = "x: &s " + "y" * 1_000_000 + "\nl: [" + ", ".join(["*s"] * 20) + "]\n"
        assert str(_refused(text)).startswith(
            "line 2, column 4: $: not valid YAML: its aliases expand the document past"
        )

    def test_an_alias_inside_itself(self) -> None:
        """A list or mapping that holds itself through an alias is refused, not followed forever."""
        assert str(_refused("a: &a\n  b: *a\n")) == (
            "line 1, column 4: $: not valid YAML: an alias refers to a list or mapping that holds it"
        )

    def test_a_text_larger_than_a_file_may_be(self) -> None:
        """More than 16,000,000 characters are refused before parsing."""
        assert str(_refused(" " * 16_000_001)) == (
            "$: the text is 16,000,001 characters long, more than the 16,000,000 a file may hold; "
            "a larger max_size reads it"
        )

    def test_a_larger_limit_given(self, tmp_path: Path) -> None:
        """A large file one trusts reads with a larger ``max_size``; the file's own limit is in bytes."""
        text = bilateral.dumps(bilateral.datasets.bundle(), "json")
        small = len(text) - 1
        with pytest.raises(bilateral.InvalidDataError, match="a larger max_size reads it"):
            bilateral.loads(text, "json", max_size=small)
        assert bilateral.loads(text, "json", max_size=len(text)) == bilateral.datasets.bundle()
        path = tmp_path / "big.json"
        path.write_text(text, encoding="utf-8")
        assert str(bilateral.validate(path, max_size=1000)[0]) == (
            f"{path}: $: the file is larger than the 1,000 bytes a file may hold; a larger max_size reads it"
        )
        assert bilateral.validate(path, max_size=len(text.encode())) == []
        # A limit far beyond the memory of the machine is no promise of a file that large.
        assert bilateral.load(path, max_size=1 << 50) == bilateral.datasets.bundle()

    def test_a_long_text_value(self) -> None:
        """One text of more than 100,000 characters is refused, and the message does not quote it."""
        data = _data()
        data["sources"][0]["title"] = "a" * 100_001
        assert _errors(data, schema_sees=False) == [
            "$.sources[0].title: is 100,001 characters long, more than the 100,000 a text may hold"
        ]

    def test_deep_nesting(self) -> None:
        """Lists nested more than 64 deep are refused at the depth they pass it, under any key."""
        data = _data()
        data["x"] = json.loads("[" * 70 + "]" * 70)
        assert _errors(data) == [
            "$.x: unknown field (expected one of: actors, partnerships, sanctions, schema_version, sources)",
            "$.x" + "[0]" * 63 + ": lists and mappings nest more than 64 deep here",
        ]

    def test_a_long_bad_value_is_cut_in_the_message(self) -> None:
        """A message quotes at most 60 characters of a bad value, and says how long it is."""
        data = _data()
        data["sources"][0]["id"] = "Bad" * 100
        _instrument(data)["citations"][0]["source"] = "Bad" * 100
        assert _errors(data)[0] == (
            "$.sources[0].id: 'BadBadBadBadBadBadBadBadBadBadBadBadBadBadBadBadBadBadBadBad…' (300 characters) "
            "is not a valid id (use lower-case letters, digits, '-', '_' and '.', starting with a letter or digit)"
        )

    def test_terminal_controls_in_text(self) -> None:
        """An ANSI escape, a carriage return or a bidi override in a text is refused: a terminal acts on
        them, and the text would show otherwise than it is written. A tab and a newline are fine."""
        data = _data()
        data["sources"][0]["title"] = "\x1b[2J\x1b[31mred"
        data["sources"][0]["publisher"] = "RT\r\n"
        data["partnerships"][0]["title"] = "Russia\u202e–Venezuela"
        _instrument(data)["title"] = "Strategic\tpartnership\ntreaty"
        assert _errors(data, schema_sees=False) == [
            "$.sources[0].title: holds a control character ('\\x1b' at character 1), which a terminal may "
            "act on; remove it (a tab and a newline are fine)",
            "$.sources[0].publisher: holds a control character ('\\r' at character 3), which a terminal may "
            "act on; remove it (a tab and a newline are fine)",
            f"{P}.title: holds a bidirectional control (U+202E at character 7), which shows text in an order "
            "other than it is written; remove it",
        ]

    def test_a_raw_control_character_in_yaml(self) -> None:
        """A control character YAML itself refuses is named with its line and column."""
        text = VALID.replace("publisher: RT", "publisher: R\x01T")
        assert str(_refused(text)) == (
            "line 5, column 17: $: not valid YAML: the character '\\x01' is not allowed in YAML; remove it"
        )

    def test_a_lone_surrogate(self) -> None:
        """JSON can escape half a character (\\ud800); it cannot be written back, so it is refused."""
        text = json.dumps(_data()).replace('"RT"', '"R\\ud800T"')
        assert str(_refused(text, "json")) == (
            "line 1, column 108: $.sources[0].publisher: holds a lone surrogate ('\\ud800' at character 2), which is half of "
            "a character and cannot be written to a file in UTF-8; remove it"
        )

    def test_a_lone_surrogate_built_in_python(self) -> None:
        """A record built in Python with a lone surrogate is refused by validate and by dumps."""
        partnership = bilateral.loads(VALID, "yaml").partnership()
        broken = attrs.evolve(partnership, title="Russia\udc80")
        assert [str(p) for p in bilateral.validate(broken)] == [
            "$.partnerships[0].title: holds a lone surrogate ('\\udc80' at character 7), which is half of "
            "a character and cannot be written to a file in UTF-8; remove it"
        ]
        with pytest.raises(bilateral.InvalidDataError):
            bilateral.dumps(broken, "json")

    @pytest.mark.parametrize(
        ("amount", "message"),
        [
            ('"1e20"', "1E+20 is too large (a number has at most 20 digits before the point)"),
            (
                '"0.123456789"',
                "0.123456789 has 9 places after the point, more than the 8 a number may have; round it",
            ),
            (
                "1e999999999999999999999",
                "'1e999999999999999999999' is too large or too small a number to read",
            ),
            (
                "1" * 5000,
                "1111111111111111111111111111111111111111… (5,000 characters) is too large "
                "(a number has at most 20 digits before the point)",
            ),
        ],
    )
    def test_numbers_out_of_bounds(self, amount: str, message: str) -> None:
        """Amounts are below 10^20 with at most 8 places; the message never quotes thousands of digits."""
        text = json.dumps(_data()).replace('"200000000"', amount)
        found = _refused(text, "json").problems
        assert [f"{p.path}: {p.message}" for p in found] == [f"{INS}.value.amount: {message}"]
        assert (found[0].line, found[0].column) == (1, text.index(amount) + 1)

    def test_the_largest_number_is_read(self) -> None:
        """20 digits before the point and 8 after are read, exactly."""
        data = _data()
        _instrument(data)["value"]["amount"] = "99999999999999999999.99999999"
        dataset = bilateral.loads(json.dumps(data), "json")
        value = dataset.partnership().instruments[0].value
        assert value is not None
        assert str(value.amount) == "99999999999999999999.99999999"

    def test_a_change_is_bounded_too(self) -> None:
        """A stated change may be negative, but not beyond the bounds of a number."""
        with pytest.raises(ValueError, match=r"^-1E\+25 is too large"):
            bilateral.TradeChange(
                "c",
                bilateral.Period.parse("2024"),
                Decimal("-1e25"),
                bilateral.ChangeUnit.PERCENT,
            )
