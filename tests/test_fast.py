"""The fast way in and out accepts, builds and writes exactly what the detailed converter does.

`bilateral.io.fast` reads a file with no problem without cattrs' detailed
bookkeeping, and gives up on anything else, which the detailed converter then
reads for its messages. These tests hold the two to each other: on the bundled
data, on generated datasets, and on the fuzzer's mutated documents, whatever
the fast path accepts the detailed one accepts as an equal dataset; and the
fast writer gives the converter's plain data, written to the same bytes with
or without orjson.
"""

import copy
import datetime as dt
import enum
import gc
import json
import pickle
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import bilateral
from bilateral import testing
from bilateral.io import converter, documents, fast, formats
from bilateral.model import typecheck
from bilateral.model.dates import PartialDate
from bilateral.model.partnership import Dataset
from bilateral.model.vocabulary import Vocabulary
from bilateral.model.walk import referenced, references, walk
from tests.test_fuzz import mutated

_SETTINGS = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _detailed(data: Any) -> Dataset | tuple[bilateral.Problem, ...]:
    """What `from_data` gives with the fast path turned off: the dataset, or the problems."""
    saved = documents.structure_valid

    def refuse(data: Any, texts_checked: bool = False) -> Dataset:
        raise fast.Refused

    documents.structure_valid = refuse  # type: ignore[assignment]
    try:
        return bilateral.io.documents.from_data(data)
    except bilateral.InvalidDataError as exc:
        return exc.problems
    finally:
        documents.structure_valid = saved


def _fast(data: Any, texts_checked: bool = False) -> Dataset | None:
    """The dataset the fast path builds, or None where it gives up."""
    try:
        return fast.structure_valid(data, texts_checked)
    except Exception:
        return None


@pytest.fixture
def fallbacks(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """The data that the fast path gave up on, during a test."""
    given_up: list[Any] = []
    real = documents.structure_valid

    def spy(data: Any, texts_checked: bool = False) -> Dataset:
        try:
            return real(data, texts_checked)
        except Exception:
            given_up.append(data)
            raise

    monkeypatch.setattr(documents, "structure_valid", spy)
    return given_up


class TestTheWayIn:
    def test_the_bundled_data_takes_the_fast_path(self, fallbacks: list[Any]) -> None:
        """Valid files are read by the fast path in every format, to the dataset the detailed one builds."""
        bundle = bilateral.datasets.bundle()
        for fmt in formats.FORMATS:
            text = bilateral.dumps(bundle, fmt)
            assert bilateral.loads(text, fmt) == bundle
        assert fallbacks == []
        assert _detailed(documents.to_data(bundle)) == bundle

    @_SETTINGS
    @given(testing.datasets())
    def test_generated_datasets_take_the_fast_path(self, dataset: Dataset) -> None:
        """Any valid dataset is read fast, from plain data and from its JSON, and equals the detailed read."""
        data = documents.to_data(dataset)
        assert _fast(data) == dataset
        assert _detailed(data) == dataset
        text = bilateral.dumps(dataset, "json")
        assert _fast(json.loads(text), texts_checked=True) == dataset

    @settings(
        max_examples=120,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )
    @given(mutated())
    def test_it_accepts_nothing_the_detailed_reader_refuses(self, case: tuple[str, str]) -> None:
        """On mutated documents, what `loads` reads is what the detailed reader reads, problems and all."""
        text, fmt = case
        try:
            data = formats.parse(text, fmt)  # type: ignore[arg-type]
        except bilateral.InvalidDataError:
            return
        detailed = _detailed(data)
        try:
            read: Dataset | tuple[bilateral.Problem, ...] = bilateral.loads(text, fmt)
        except bilateral.InvalidDataError as exc:
            read = tuple(p for p in exc.problems)
        if isinstance(detailed, tuple):
            assert isinstance(read, tuple)
            assert [(p.path, p.message) for p in read] == [(p.path, p.message) for p in detailed]
        else:
            assert read == detailed
        # The fast reader alone, where `from_data` would use it (it leaves the version to `from_data`).
        if isinstance(data, dict) and data.get("schema_version") == bilateral.SCHEMA_VERSION:
            fast_read = _fast(data)
            if fast_read is not None and not bilateral.model.integrity.problems(fast_read):
                assert fast_read == detailed

    @pytest.mark.parametrize(
        ("escape", "message"),
        [
            ("\\u001b", "holds a control character ('\\x1b' at character 3)"),
            ("\\r", "holds a control character ('\\r' at character 3)"),
            ("\\u202e", "holds a bidirectional control (U+202E at character 3)"),
            ("\\ud800", "holds a lone surrogate ('\\ud800' at character 3)"),
        ],
    )
    def test_an_escaped_character_is_found(self, escape: str, message: str) -> None:
        """A JSON text that writes a refused character as an escape is refused, as with no fast path."""
        text = bilateral.dumps(bilateral.datasets.bundle(), "json").replace('"RT"', f'"RT{escape}"', 1)
        with pytest.raises(bilateral.InvalidDataError) as caught:
            bilateral.loads(text, "json")
        assert [p.message.split("), ")[0] + ")" for p in caught.value.problems] == [message]

    @pytest.mark.parametrize("character", ["\x7f", "\u0085", "\u2066", "\ud800"])
    def test_a_raw_character_is_found(self, character: str) -> None:
        """A refused character written as itself, inside text that is not ASCII or is, is refused."""
        for title in (f"Ré{character}", f"R{character}"):
            text = bilateral.dumps(bilateral.datasets.bundle(), "json").replace('"RT"', json.dumps(title), 1)
            if character == "\ud800":  # json.dumps escapes it; write it raw, as a str given to loads may hold
                text = text.replace("\\ud800", "\ud800")
            with pytest.raises(bilateral.InvalidDataError, match="holds a"):
                bilateral.loads(text, "json")

    def test_the_collector_is_restored(self) -> None:
        """Reading pauses the cyclic garbage collector and restores it, after a refusal too."""
        text = bilateral.dumps(bilateral.datasets.bundle(), "json")
        assert gc.isenabled()
        bilateral.loads(text, "json")
        assert gc.isenabled()
        with pytest.raises(bilateral.InvalidDataError):
            bilateral.loads(text.replace('"RT"', "1", 1), "json")
        assert gc.isenabled()
        gc.disable()
        try:
            bilateral.loads(text, "json")
            assert not gc.isenabled()
        finally:
            gc.enable()

    def test_what_is_read_is_not_walked_again(self) -> None:
        """The records read go to the oldest generation: the collector's next young pass has
        almost nothing to walk. A program's own frozen objects stay frozen."""
        text = bilateral.dumps(bilateral.datasets.bundle(), "json")
        gc.collect()
        dataset = bilateral.loads(text, "json")
        assert gc.get_count()[0] < 100  # the thousands of records are not counted as young
        assert any(o is dataset for o in gc.get_objects(generation=2))
        held = [[] for _ in range(10)]
        gc.freeze()
        try:
            frozen = gc.get_freeze_count()
            bilateral.loads(text, "json")
            assert gc.get_freeze_count() == frozen  # nothing thawed
        finally:
            gc.unfreeze()
        del held


# Plain data as JSON holds it: text with any character but a lone surrogate, and nested lists and mappings.
_TEXT = st.text(st.characters(exclude_categories=["Cs"]))
_PLAIN = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | _TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_TEXT, inner, max_size=4),
    max_leaves=20,
)


class TestTheWayOut:
    @_SETTINGS
    @given(testing.datasets())
    def test_the_writer_gives_the_converters_plain_data(self, dataset: Dataset) -> None:
        """The generated writer and cattrs' converter give the same plain data, in the same key order."""
        written = fast.unstructure_dataset(dataset)
        assert json.dumps(written) == json.dumps(converter.unstructure(dataset))

    @settings(max_examples=200, deadline=None)
    @given(_PLAIN)
    def test_orjson_writes_the_same_bytes(self, data: Any) -> None:
        """With the `fast` extra or without it, a JSON file is the same, byte for byte."""
        assert formats.orjson is not None, "the test extra installs the fast extra"
        with_orjson = formats.render({"x": data}, "json")
        saved = formats.orjson
        formats.orjson = None
        try:
            assert formats.render({"x": data}, "json") == with_orjson
        finally:
            formats.orjson = saved

    @_SETTINGS
    @given(testing.datasets())
    def test_records_handed_to_orjson_write_the_same_text(self, dataset: Dataset) -> None:
        """`dumps` of a dataset that was read hands its records to orjson one by one; the text is
        the standard library's of the whole plain data, byte for byte."""
        read = bilateral.loads(json.dumps(documents.to_data(dataset)), "json")
        assert documents._is_checked(read)
        plain = json.dumps(documents.to_data(read), indent=2, ensure_ascii=False) + "\n"
        assert bilateral.dumps(read, "json") == plain

    def test_the_bundled_data_handed_to_orjson_writes_the_same_text(self) -> None:
        """The same on the bundled data, read from its own JSON."""
        text = bilateral.dumps(bilateral.datasets.bundle(), "json")
        read = bilateral.loads(text, "json")
        assert bilateral.dumps(read, "json") == text
        assert json.dumps(documents.to_data(read), indent=2, ensure_ascii=False) + "\n" == text

    def test_a_flag_set_and_nested_records_are_written_by_the_generated_writer(self) -> None:
        """A source marked weak (a False default set) and the nested records of a partnership
        (citations, milestones, amounts) come out of orjson's path as the standard library writes them."""
        bundle = bilateral.datasets.bundle()
        weak = attrs.evolve(bundle.sources[0], id="an-extra-weak-source", weak=True)
        changed = attrs.evolve(bundle, sources=(*bundle.sources, weak))
        read = bilateral.loads(bilateral.dumps(changed, "json"), "json")
        assert documents._is_checked(read)
        text = bilateral.dumps(read, "json")
        assert text == json.dumps(documents.to_data(read), indent=2, ensure_ascii=False) + "\n"
        before = bilateral.dumps(bundle, "json")
        assert text.count('"weak": true') == before.count('"weak": true') + 1
        assert '"weak": false' not in text
        assert '"citations": [' in text
        assert '"milestones": [' in text

    def test_a_file_holds_the_bytes_of_the_text(self, tmp_path: Any) -> None:
        """`dump` writes orjson's bytes as they come: the UTF-8 of what `dumps` gives."""
        read = bilateral.loads(bilateral.dumps(bilateral.datasets.bundle(), "json"), "json")
        bilateral.dump(read, tmp_path / "bundle.json")
        assert (tmp_path / "bundle.json").read_bytes() == bilateral.dumps(read, "json").encode("utf-8")

    def test_a_number_past_64_bits_is_written(self) -> None:
        """A whole number orjson cannot write is written by the standard library instead."""
        assert formats.render({"n": 2**70}, "json") == '{\n  "n": 1180591620717411303424\n}\n'

    def test_a_dataset_built_in_python_is_still_checked(self) -> None:
        """A dataset that was read is written without a second check; one built or changed in Python is checked."""
        bundle = bilateral.datasets.bundle()
        source = bundle.sources[0]
        broken = bilateral.Dataset(sources=(source, source), partnerships=bundle.partnerships)
        with pytest.raises(bilateral.InvalidDataError, match="duplicate id"):
            bilateral.dumps(broken, "json")


_WRONG = [3, True, "x", None, (), ("a", "b"), ["a"], Decimal("1"), dt.date(2024, 1, 1), PartialDate(2024)]


class TestTypeChecks:
    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(testing.datasets(), st.data())
    def test_the_quick_test_agrees_with_the_problems(self, dataset: Dataset, data: st.DataObject) -> None:
        """`type_problems` answers "none" from a test made once per class exactly when it finds none."""
        dataset = copy.deepcopy(dataset)  # records it shares (a default Trade()) are not changed for others
        records = [value for _, value in walk(dataset) if attrs.has(type(value))]
        record = data.draw(st.sampled_from(records))
        field = data.draw(st.sampled_from([f.name for f in attrs.fields(type(record))]))
        object.__setattr__(record, field, data.draw(st.sampled_from(_WRONG)))  # as a careless script might
        assert typecheck._well_typed(Dataset)(dataset) == (typecheck._problems(dataset, "$") == [])
        assert typecheck.type_problems(dataset) == typecheck._problems(dataset, "$")

    @pytest.mark.parametrize("wrong", [Decimal("1"), 3, None])
    def test_alternatives_that_are_no_tuple_are_a_problem_not_a_crash(self, wrong: Any) -> None:
        """A record whose alternatives are not a tuple at all is named, as any wrong type is."""
        bundle = bilateral.datasets.bundle()
        partnership = bundle.partnerships[0]
        instrument = copy.deepcopy(partnership.instruments[0])
        object.__setattr__(instrument, "alternatives", wrong)  # as a careless script might
        broken = attrs.evolve(bundle, partnerships=(attrs.evolve(partnership, instruments=(instrument,)),))
        with pytest.raises(bilateral.InvalidDataError) as caught:
            bilateral.dumps(broken, "json")
        assert [p.path for p in caught.value.problems] == ["$.partnerships[0].instruments[0].alternatives"]


class TestReferences:
    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(testing.datasets())
    def test_the_ids_without_paths_are_the_ids_with_them(self, dataset: Dataset) -> None:
        """`referenced` (generated per class) finds the ids that `references` (a walk with paths) finds."""
        for value in (dataset, *dataset.partnerships, dataset.sanctions):
            with_paths: dict[str, set[str]] = {}
            for _, kind, ref in references(value):
                with_paths.setdefault(kind, set()).add(ref)
            assert referenced(value) == with_paths

    def test_a_reference_that_names_nothing_is_found(self) -> None:
        """The integrity check's quick answer gives way to the full one when an id names nothing."""
        bundle = bilateral.datasets.bundle()
        p = bundle.partnerships[0]
        broken = attrs.evolve(
            p, instruments=(attrs.evolve(p.instruments[0], part_of="nothing"), *p.instruments[1:])
        )
        found = bilateral.model.integrity.problems(attrs.evolve(bundle, partnerships=(broken,)))
        assert [str(problem) for problem in found] == [
            "$.partnerships[0].instruments[0].part_of: 'nothing' names no instrument defined in this file"
        ]


class TestVocabulary:
    """Every enumeration of bilateral hashes by identity, and works as a key as before."""

    def _enums(self) -> list[type]:
        found = []
        for name in bilateral.__all__:
            value = getattr(bilateral, name)
            if isinstance(value, type) and issubclass(value, enum.Enum):
                found.append(value)
        return found

    def test_every_public_enum_is_a_vocabulary(self) -> None:
        enums = self._enums()
        assert len(enums) >= 15
        assert [e.__name__ for e in enums if not issubclass(e, Vocabulary)] == []

    def test_members_are_keys_across_pickling(self) -> None:
        """A dict or set keyed by members finds them after a pickle round trip (members are singletons)."""
        for kind in self._enums():
            members = list(kind)
            table = {m: m.value for m in members}
            back = pickle.loads(pickle.dumps(members))
            assert [table[m] for m in back] == [m.value for m in members]
            assert set(back) == set(members)
            assert all(hash(m) == object.__hash__(m) for m in back)
