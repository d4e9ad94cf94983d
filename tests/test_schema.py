"""The JSON Schema: generated from the model, valid draft 7, and in agreement with `validate`."""

import contextlib
import copy
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings

import bilateral
from bilateral.cli import main
from bilateral.io.formats import parse
from bilateral.testing import datasets
from tests.conftest import REPO

SCHEMA = bilateral.schema()
VALIDATOR = jsonschema.Draft7Validator(SCHEMA)
DOCS_COPY = REPO / "docs" / "schema" / "bilateral.schema.json"
EXAMPLES = sorted(p for p in (REPO / "examples").glob("*.yaml") if p.name != "broken-partnership.yaml")


def _as_editors_read(value: Any) -> Any:
    """YAML as a YAML 1.2 reader (an editor's) gives it: dates stay text."""
    if isinstance(value, dict):
        return {k: _as_editors_read(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_editors_read(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _schema_errors(data: Any) -> list[str]:
    return [e.message for e in VALIDATOR.iter_errors(_as_editors_read(data))]


class TestTheSchema:
    def test_is_draft_7(self) -> None:
        """The schema is itself valid JSON Schema draft 7, with an id that names the schema version."""
        jsonschema.Draft7Validator.check_schema(SCHEMA)
        assert SCHEMA["$schema"] == "http://json-schema.org/draft-07/schema#"
        assert SCHEMA["$id"].endswith(f"schema-version-{bilateral.SCHEMA_VERSION}")
        assert all(
            d.get("additionalProperties") is False
            for d in SCHEMA["definitions"].values()
            if "properties" in d
        )

    def test_enums_carry_their_meaning(self) -> None:
        """Each value of a list of values is described, as in the format reference."""
        status = {o["const"]: o["description"] for o in SCHEMA["definitions"]["Status"]["oneOf"]}
        assert status["signed"] == 'Signed, not yet ratified or in force (AidData "commitment").'

    def test_the_docs_copy_and_the_command_are_the_model(self) -> None:
        """docs/schema/bilateral.schema.json and `bilateral schema` are what the model gives now."""
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            assert main(["schema"]) == 0
        assert json.loads(printed.getvalue()) == SCHEMA
        assert DOCS_COPY.read_text(encoding="utf-8") == printed.getvalue(), (
            "docs/schema/bilateral.schema.json is stale: run `bilateral schema -o docs/schema/bilateral.schema.json`"
        )


class TestAgreesWithValidate:
    def test_bundled_data_and_examples_pass(self) -> None:
        """The bundled datasets and every example file are valid by the schema."""
        bundled = REPO / "src" / "bilateral" / "datasets" / "data" / "partnerships.yaml"
        for path in (bundled, *EXAMPLES):
            assert _schema_errors(parse(path.read_text(encoding="utf-8"), "yaml")) == [], path.name

    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(datasets())
    def test_what_bilateral_writes_passes(self, dataset: bilateral.Dataset) -> None:
        """Every dataset bilateral accepts, as it writes it, is valid by the schema."""
        assert _schema_errors(json.loads(bilateral.dumps(dataset, "json"))) == []

    def test_the_broken_example_fails_both(self) -> None:
        """The broken example is refused by the schema and by `validate`."""
        path = REPO / "examples" / "broken-partnership.yaml"
        assert _schema_errors(parse(path.read_text(encoding="utf-8"), "yaml"))
        with pytest.raises(bilateral.InvalidDataError):
            bilateral.load(path)


def _good() -> dict[str, Any]:
    return _as_editors_read(
        parse((REPO / "examples" / "trade-and-payments.yaml").read_text(encoding="utf-8"), "yaml")
    )


def _instrument(data: dict[str, Any]) -> dict[str, Any]:
    return data["partnerships"][0]["instruments"][0]


def _set(path: tuple[Any, ...], value: Any) -> Any:
    def edit(data: dict[str, Any]) -> None:
        node: Any = data
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value

    return edit


_I = ("partnerships", 0, "instruments", 0)
_MEASURE = {
    "id": "m",
    "title": "A measure",
    "sender": "venezuela",
    "targets": [{"country": "VEN"}],
    "types": ["financial"],
    "period": "2018-11-27/",
    "citations": [{"source": "rt-article"}],
}
BAD_FORMS = {
    "an unknown field at the top": _set(("colour",), "red"),
    "an unknown field of an instrument": _set((*_I, "signd"), "2025-05"),
    "a status off the list": _set((*_I, "status"), "done"),
    "a date in words": _set((*_I, "signed"), "May 2025"),
    "an id with a space": _set((*_I, "id"), "Bad Id"),
    "a two-letter country": _set(("partnerships", 0, "parties"), ["RU", "VEN"]),
    "three parties": _set(("partnerships", 0, "parties"), ["RUS", "VEN", "CUB"]),
    "an area not in a list": _set((*_I, "areas"), "energy"),
    "an amount with commas": _set((*_I, "value"), {"amount": "80,000,000", "currency": "USD"}),
    "a lower-case currency": _set((*_I, "value"), {"amount": "1", "currency": "usd"}),
    "a negative amount": _set((*_I, "value"), {"amount": "-1", "currency": "USD"}),
    "a missing title": lambda data: _instrument(data).pop("title"),
    "a newer schema version": _set(("schema_version",), 3),
    "an alternative date that is no date": _set(
        (*_I, "alternatives"),
        [{"field": "signed", "value": "banana", "citations": [{"source": "rt-article"}]}],
    ),
    "an alternative amount that is text": _set(
        (*_I, "alternatives"),
        [{"field": "value", "value": "3200000000", "citations": [{"source": "rt-article"}]}],
    ),
    "an alternative on a field no claim can be about": _set(
        (*_I, "alternatives"), [{"field": "notes", "value": "x", "citations": [{"source": "rt-article"}]}]
    ),
    "a measure's period as a bare date": _set(("sanctions",), [{**_MEASURE, "period": "2018-11-27"}]),
    "a confirmation without its day": _set(
        ("sanctions",), [{**_MEASURE, "confirmed": [{"citations": [{"source": "rt-article"}]}]}]
    ),
}


class TestBadForms:
    def test_the_good_file_passes_both(self) -> None:
        """The file the bad forms are made from is valid by both, with a measure and a confirmation too."""
        data = _good()
        assert _schema_errors(data) == []
        bilateral.loads(json.dumps(data), "json")
        confirmed = {"on": "2025-12-15", "until": "2026-07-31", "citations": [{"source": "rt-article"}]}
        data["sanctions"] = [{**_MEASURE, "confirmed": [confirmed]}]
        assert _schema_errors(data) == []
        bilateral.loads(json.dumps(data), "json")

    @pytest.mark.parametrize("name", sorted(BAD_FORMS))
    def test_each_bad_form_fails_both(self, name: str) -> None:
        """A file with a bad form is refused by the schema and by `validate`."""
        data = copy.deepcopy(_good())
        BAD_FORMS[name](data)
        assert _schema_errors(data), f"the schema accepts {name}"
        with pytest.raises(bilateral.InvalidDataError):
            bilateral.loads(json.dumps(data), "json")


def test_the_schema_is_linked_from_the_format_reference() -> None:
    """The format reference links the schema and shows the editor line."""
    page = (REPO / "docs" / "data-format.md").read_text(encoding="utf-8")
    assert "](schema/bilateral.schema.json)" in page
    assert "# yaml-language-server: $schema=bilateral.schema.json" in page
    assert Path(DOCS_COPY).exists()
