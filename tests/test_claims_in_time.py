"""Typed claims and exact answers in time: alternatives typed as their field, periods that say
what they mean, confirmations of sanctions, exposure and comparison as of a day."""

import datetime as dt
import json
import textwrap
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

import bilateral
from bilateral.analysis.spans import instrument_span, measure_span
from bilateral.cli import main
from bilateral.io.formats import parse
from bilateral.render import tables
from bilateral.testing import datasets, partnerships
from tests.test_schema import _as_editors_read
from tests.test_strictness import _SCHEMA, _form_problem

_SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

BASE = textwrap.dedent(
    """\
    schema_version: 2
    sources:
      - {id: rt, title: What connects Russia and Venezuela, publisher: RT, kind: state_media}
      - {id: tass, title: Report, publisher: TASS, kind: wire}
    actors:
      - {id: russia, name: Russia, kind: state, country: RUS}
      - {id: eu, name: European Union, kind: international_organisation}
      - {id: pdvsa, name: PDVSA, kind: state_company, country: VEN}
    partnerships:
      - id: rv
        parties: [RUS, VEN]
        title: Russia–Venezuela
        data_as_of: 2026-01-06
    """
)
P = "$.partnerships[0]"
V1 = BASE.replace("schema_version: 2", "schema_version: 1")


def _load(extra: str, top: str = "") -> bilateral.Dataset:
    return bilateral.loads(BASE.replace("partnerships:\n", top + "partnerships:\n") + extra, "yaml")


def _errors(extra: str, top: str = "") -> list[str]:
    """The problems `loads` finds; where one is of form, the JSON Schema must refuse the file too."""
    text = BASE.replace("partnerships:\n", top + "partnerships:\n") + extra
    with pytest.raises(bilateral.InvalidDataError) as info:
        bilateral.loads(text, "yaml")
    data = parse(text, "yaml")
    if _form_problem(data):
        assert list(_SCHEMA.iter_errors(_as_editors_read(data))), "the JSON Schema accepts a bad form"
    # Every problem has its line and column (tests/test_places.py checks them); here, the rest.
    assert all(p.line is not None and p.column is not None for p in info.value.problems)
    return [f"{p.path}: {p.message}" for p in info.value.problems]


INSTRUMENT = """\
    instruments:
      - id: jv
        kind: joint_venture
        title: Joint venture
        areas: [energy]
        status: operating
        participants: [pdvsa]
        signed: "2010-05"
        value: {amount: "200000000", currency: USD, qualifier: about}
        citations: [{source: rt}]
"""


class TestAlternativesAreTyped:
    def test_values_are_read_as_their_field(self) -> None:
        """A date, an amount and a list of ids are read with the disputed field's own type."""
        data = _load(
            INSTRUMENT
            + """\
        alternatives:
          - {field: signed, value: "2010-06-01", citations: [{source: tass}]}
          - field: value
            value: {amount: "3200000000", currency: USD, qualifier: at_most}
            citations: [{source: tass}]
          - {field: participants, value: [pdvsa, russia], citations: [{source: tass}]}
"""
        )
        signed, value, participants = data.partnership().instrument("jv").alternatives
        assert signed.value == bilateral.PartialDate(2010, 6, 1)
        assert value.value == bilateral.Money(Decimal("3200000000"), "USD", bilateral.Qualifier.AT_MOST)
        assert participants.value == ("pdvsa", "russia")

    def test_every_problem_inside_alternatives_is_listed(self) -> None:
        """A negative amount, a bad currency, an unknown id and a bad date are each a problem at the value."""
        errors = _errors(
            INSTRUMENT
            + """\
        alternatives:
          - {field: value, value: {amount: "-5", currency: USDX}, citations: [{source: tass}]}
          - {field: participants, value: [pdvsa, rosneft], citations: [{source: tass}]}
          - {field: signed, value: "2010-13", citations: [{source: tass}]}
          - {field: colour, value: red, citations: [{source: tass}]}
"""
        )
        alt = f"{P}.instruments[0].alternatives"
        assert errors == [
            f"{alt}[0].value.amount: -5 is negative (amounts must be zero or more)",
            f"{alt}[0].value.currency: 'USDX' is not an ISO 4217 currency code",
            f"{alt}[2].value: '2010-13' is not a valid date (month must be 1 to 12)",
            f"{alt}[3].field: 'colour' is not a field a claim can be about (one of: announced, areas, ends, "
            "in_force, items, kind, milestones, part_of, participants, provider, quantities, recipient, "
            "signed, status, title, value)",
        ]
        # References are checked once the form is sound.
        errors = _errors(
            INSTRUMENT
            + """\
        alternatives:
          - {field: participants, value: [pdvsa, rosneft], citations: [{source: tass}]}
"""
        )
        assert errors == [f"{alt}[0].value[1]: 'rosneft' names no actor defined in this file"]

    def test_references_in_alternatives_bring_shared_records(self) -> None:
        """An actor named only by an alternative is folded into the partnership with the others."""
        data = _load(
            INSTRUMENT.replace("participants: [pdvsa]", "participants: []")
            + """\
        alternatives:
          - {field: participants, value: [pdvsa], citations: [{source: tass}]}
"""
        )
        assert "pdvsa" in {a.id for a in data.partnership().actors}

    def test_version_1_text_values_still_read(self) -> None:
        """Schema version 1 wrote values as text, YAML inside YAML; they read as the same typed values."""
        text = (
            V1
            + INSTRUMENT
            + """\
        alternatives:
          - field: value
            value: '{amount: "3200000000", currency: USD, qualifier: about}'
            citations: [{source: tass}]
          - {field: participants, value: "[pdvsa, russia]", citations: [{source: tass}]}
          - {field: signed, value: "2010-06", citations: [{source: tass}]}
"""
        )
        new = (
            text.replace("schema_version: 1", "schema_version: 2")
            .replace(
                """value: '{amount: "3200000000", currency: USD, qualifier: about}'""",
                """value: {amount: "3200000000", currency: USD, qualifier: about}""",
            )
            .replace('value: "[pdvsa, russia]"', "value: [pdvsa, russia]")
        )
        assert bilateral.loads(text, "yaml") == bilateral.loads(new, "yaml")

    def test_version_1_bad_text_is_named(self) -> None:
        """A version 1 value that is no value of its field is a problem at the value."""
        text = (
            V1
            + INSTRUMENT
            + """\
        alternatives:
          - {field: value, value: '{amount: "-1", currency: USD}', citations: [{source: tass}]}
          - {field: signed, value: 2010, citations: [{source: tass}]}
"""
        )
        with pytest.raises(bilateral.InvalidDataError) as info:
            bilateral.loads(text, "yaml")
        assert str(info.value).splitlines() == [
            # The amount is inside the text that version 1 writes: the text is the place.
            f"line 25, column 35: {P}.instruments[0].alternatives[0].value.amount: -1 is negative "
            "(amounts must be zero or more)",
            f"line 26, column 36: {P}.instruments[0].alternatives[1].value: expected text, got a number (2010) "
            "(schema version 1 writes a claimed value as text)",
        ]

    def test_convert_writes_version_2(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """`bilateral convert` of a version 1 file writes version 2, its values native, and means the same."""
        old = tmp_path / "old.yaml"
        old.write_text(
            V1
            + INSTRUMENT
            + """\
        alternatives:
          - field: value
            value: '{amount: "3200000000", currency: USD}'
            citations: [{source: tass}]
""",
            encoding="utf-8",
        )
        assert main(["convert", str(old), "--to", "json", "-o", str(tmp_path / "new.json")]) == 0
        data = json.loads((tmp_path / "new.json").read_text(encoding="utf-8"))
        assert data["schema_version"] == 2
        claim = data["partnerships"][0]["instruments"][0]["alternatives"][0]
        assert claim["value"] == {"amount": "3200000000", "currency": "USD"}
        assert main(["diff", str(old), str(tmp_path / "new.json")]) == 0
        assert capsys.readouterr().out == "no changes\n"

    def test_python_values_of_the_wrong_type(self) -> None:
        """An alternative built in Python with text for a date is named, not silently written."""
        instrument = bilateral.Instrument(
            "jv",
            bilateral.InstrumentKind.JOINT_VENTURE,
            "JV",
            (bilateral.CooperationArea.ENERGY,),
            bilateral.Status.OPERATING,
            citations=(bilateral.Citation("s"),),
            alternatives=(bilateral.AlternativeClaim("signed", "2010-06", (bilateral.Citation("s"),)),),
        )
        partnership = bilateral.Partnership(
            "p",
            ("RUS", "VEN"),
            "P",
            dt.date(2026, 1, 1),
            sources=(bilateral.Source("s", "t", "p", bilateral.SourceKind.WIRE),),
            instruments=(instrument,),
        )
        assert [str(p) for p in bilateral.validate(partnership)] == [
            "$.partnerships[0].instruments[0].alternatives[0].value: expected PartialDate, got str '2010-06'"
        ]


ID_CLASH = """\
    sanctions:
      - id: jv
        title: A measure with the id of an instrument
        sender: eu
        targets: [{actor: pdvsa}]
        types: [financial]
        period: 2019-01-28/
        citations: [{source: tass}]
        alternatives:
          - {field: period, value: 2019-02/, citations: [{source: rt}]}
"""


class TestConflictsCarryTheirRecord:
    def test_a_measure_and_an_instrument_with_one_id(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A measure that shares an id with an instrument is its own row in conflicts and reports."""
        file = tmp_path / "clash.yaml"
        file.write_text(
            BASE
            + ID_CLASH
            + INSTRUMENT
            + """\
        alternatives:
          - {field: signed, value: "2010-06", citations: [{source: tass}]}
""",
            encoding="utf-8",
        )
        assert main(["validate", str(file)]) == 0
        capsys.readouterr()
        assert main(["conflicts", str(file), "--format", "csv", "--citations", "none"]) == 0
        assert capsys.readouterr().out.splitlines() == [
            "record,field,value,note",
            "Joint venture,signed,May 2010,record",
            ",,June 2010,alternative",
            "A measure with the id of an instrument,period,28 Jan 2019 – ?,record",
            ",,February 2019 – ?,alternative",
        ]
        assert main(["report", str(file)]) == 0
        assert "## Conflicting claims" in capsys.readouterr().out


class TestPeriodsSayWhatTheyMean:
    @pytest.mark.parametrize("period", ["2018-11-27", '"2018-11-27"'])
    def test_a_bare_date_is_not_a_period(self, period: str) -> None:
        """A bare date for a measure's period is a problem that names the fixes."""
        text = period.strip('"')
        measure = ID_CLASH.split("        alternatives:")[0].replace("2019-01-28/", period)
        assert _errors("", top=textwrap.indent(textwrap.dedent(measure), "")) == [
            f"$.sanctions[0].period: '{text}' is a single date, not a period: write '{text}/..' if it still "
            f"applies, '{text}/' if its end is not known, or '{text}/{text}' for that one day"
        ]

    def test_every_period_field_without_a_single_date_meaning(self) -> None:
        """A disruption's period and an alternative period follow the same rule; a trade year does not."""
        errors = _errors(
            """\
    disruptions:
      - id: d
        title: Flights suspended
        period: "2025-11-21"
        cause: security
        areas: [tourism]
        citations: [{source: tass}]
        alternatives:
          - {field: period, value: "2025-11-22", citations: [{source: rt}]}
    trade:
      figures:
        - {id: f, period: "2024", value: {amount: "200000000", currency: USD}, citations: [{source: tass}]}
"""
        )
        assert [e.split(":")[0] for e in errors] == [
            f"{P}.disruptions[0].period",
            f"{P}.disruptions[0].alternatives[0].value",
        ]

    def test_one_day_built_in_python_round_trips(self) -> None:
        """A one-day period built in Python is written as an interval, and reads back the same."""
        day = bilateral.PartialDate(2018, 11, 27)
        data = _load("", top=textwrap.dedent(ID_CLASH.split("        alternatives:")[0]))
        measure = attrs.evolve(data.sanctions[0], period=bilateral.Period(day, day))
        one_day = attrs.evolve(data, sanctions=(measure,))
        text = bilateral.dumps(one_day, "yaml")
        assert "period: 2018-11-27/2018-11-27" in text
        assert bilateral.loads(text, "yaml") == one_day


CONFIRMED = """\
    sanctions:
      - id: eu-sectoral
        title: EU sectoral measures
        sender: eu
        targets: [{country: RUS}]
        types: [financial]
        period: 2014-07-31/
        citations: [{source: tass}]
        confirmed:
          - {on: 2025-12-15, until: 2026-07-31, citations: [{source: tass}], note: renewed for six months}
          - {on: "2024-06", citations: [{source: tass}]}
"""


class TestConfirmations:
    def test_in_force_up_to_the_last_confirmation(self) -> None:
        """Yes up to the day the last confirmation covers, not known after it, no before the start."""
        measure = _load("", top=textwrap.dedent(CONFIRMED)).sanctions[0]
        assert measure.last_confirmation is not None
        assert measure.last_confirmation.on == bilateral.PartialDate(2025, 12, 15)
        from bilateral.analysis.snapshot import measure_in_force

        days = [(2014, 7, 30), (2014, 7, 31), (2020, 1, 1), (2026, 7, 31), (2026, 8, 1)]
        assert [measure_in_force(measure, dt.date(*d)) for d in days] == [False, True, True, True, None]

    def test_the_summary_says_when_it_was_last_confirmed(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The sanctions table says "in force (last confirmed …)" and the confirmation is on the timeline."""
        partnership = _load("", top=textwrap.dedent(CONFIRMED)).partnership()
        table = tables.sanctions(partnership)
        assert table.rows[0][-1] == "in force (last confirmed 15 Dec 2025, until 31 Jul 2026)"
        after = tables.sanctions(partnership, dt.date(2027, 1, 1))
        assert after.rows[0][-1] == "not known (last confirmed 15 Dec 2025, until 31 Jul 2026)"
        events = [
            (str(e.date), e.kind.value) for e in bilateral.timeline(partnership) if e.record == "eu-sectoral"
        ]
        assert events == [
            ("2014-07-31", "sanction_imposed"),
            ("2024-06", "sanction_confirmed"),
            ("2025-12-15", "sanction_confirmed"),
        ]
        row = next(r for r in tables.timeline(partnership).rows if r[0] == "15 Dec 2025")
        assert row[2] == "EU sectoral measures: renewed for six months (until 31 Jul 2026)"

    def test_confirmations_must_fit_the_measure(self) -> None:
        """A confirmation before the start, after a sourced end, or of a threatened measure is a problem."""
        bad = (
            CONFIRMED.replace("2014-07-31/", "2014-07-31/2025-01-01")
            .replace('on: "2024-06"', 'on: "2013"')
            .replace("citations: [{source: tass}], note", "citations: [], note")
        )
        errors = _errors("", top=textwrap.dedent(bad))
        assert errors == [
            "$.sanctions[0].confirmed[0].on: 2025-12-15 is after the measure ended (2025-01-01)",
            "$.sanctions[0].confirmed[0].until: until 2026-07-31 is after the measure ended (2025-01-01)",
            "$.sanctions[0].confirmed[0].citations: cites no source (every claim needs at least one citation)",
            "$.sanctions[0].confirmed[1].on: 2013 is before the measure began (2014-07-31)",
        ]
        threatened = CONFIRMED.replace("types: [financial]", "types: [financial]\n        stage: threatened")
        assert _errors("", top=textwrap.dedent(threatened)) == [
            "$.sanctions[0].confirmed[0].on: a threatened measure cannot be confirmed in force",
            "$.sanctions[0].confirmed[1].on: a threatened measure cannot be confirmed in force",
        ]


DECLARATION = """\
    instruments:
      - id: declaration-2024
        kind: declaration
        title: Declaration of support
        areas: [energy, finance]
        status: signed
        participants: [pdvsa]
        signed: "2024-03-01"
        citations: [{source: rt}]
"""
PDVSA_MEASURE = """\
    sanctions:
      - id: us-pdvsa
        title: OFAC designation of PDVSA
        sender: eu
        targets: [{actor: pdvsa}]
        types: [financial]
        period: 2019-01-28/..
        citations: [{source: tass}]
"""


class TestExposureInTime:
    def test_as_of_leaves_out_what_came_later(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """On 1 Jan 2020 a declaration of 2024 is not exposed, and not counted; on 1 Jan 2025 it is."""
        data = _load(DECLARATION, top=textwrap.dedent(PDVSA_MEASURE))
        partnership = data.partnership()
        assert bilateral.exposure(partnership, dt.date(2020, 1, 1)).hits == ()
        (hit,) = bilateral.exposure(partnership, dt.date(2025, 1, 1)).hits
        assert (hit.overlap, hit.overlap_from) == (True, dt.date(2024, 3, 1))
        summary = bilateral.summarize(partnership, dt.date(2020, 1, 1))
        assert summary.areas == ()
        file = tmp_path / "mine.yaml"
        file.write_text(bilateral.dumps(data, "yaml"), encoding="utf-8")
        assert main(["exposure", str(file), "--as-of", "2020-01-01", "--format", "csv"]) == 0
        assert capsys.readouterr().out.splitlines() == [
            "instrument,measure,sender,legal basis,together,via,on the day"
        ]
        assert main(["exposure", str(file), "--format", "csv", "--citations", "none"]) == 0
        assert capsys.readouterr().out.splitlines()[1:] == [
            "Declaration of support,OFAC designation of PDVSA,eu,,"
            '"yes, from 1 Mar 2024 at the earliest",actor: pdvsa,in force'
        ]

    def test_comparison_counts_what_existed(self) -> None:
        """compare(as_of=D) counts the instruments begun by D; one dated to D's month is not known."""
        data = _load(DECLARATION.replace('"2024-03-01"', '"2024-03"'))
        mine = data.partnership()
        other = attrs.evolve(mine, id="other")
        early = bilateral.compare(mine, other, as_of=dt.date(2020, 1, 1))
        assert early.areas == ()
        mid = bilateral.compare(mine, other, as_of=dt.date(2024, 3, 15))
        assert [(c.instruments, c.maybe_begun) for c in mid.areas[0].cells] == [(0, 1), (0, 1)]
        rows = {row[0]: row for row in tables.comparison(mid).rows}
        assert rows[mid.areas[0].area.label][1] == "0 (+1 not known) (0 in force)"
        assert rows["compared on"][1:] == ("15 Mar 2024", "15 Mar 2024")
        late = bilateral.compare(mine, other, as_of=dt.date(2024, 4, 1))
        assert [(c.instruments, c.maybe_begun) for c in late.areas[0].cells] == [(1, 0), (1, 0)]

    @_SETTINGS
    @given(datasets(min_partnerships=1, max_partnerships=1))
    def test_a_measure_lifted_before_an_instrument_began_is_no_overlap(
        self, dataset: bilateral.Dataset
    ) -> None:
        """No hit pairs a measure whose last possible day comes before the instrument's first possible day."""
        partnership = dataset.partnership()
        for day in (partnership.data_as_of, dt.date(2010, 1, 1)):
            for hit in bilateral.exposure(partnership, day).hits:
                measure = measure_span(hit.measure)
                instrument = instrument_span(hit.instrument, partnership.data_as_of)
                assert measure is not None
                if measure.latest_end is not None and instrument.earliest_start is not None:
                    assert measure.latest_end >= instrument.earliest_start
                if hit.overlap_from is not None:
                    assert hit.overlap_from >= (instrument.earliest_start or dt.date.min)
                assert hit.instrument.id in {
                    i.id for i in partnership.instruments if instrument.contains(day) is not False
                }

    @_SETTINGS
    @given(partnerships())
    def test_spans_are_consistent(self, partnership: bilateral.Partnership) -> None:
        """Every span can begin before it must, and end before it must have: its bounds are in order."""
        spans = [instrument_span(i, partnership.data_as_of) for i in partnership.instruments]
        spans += [s for m in partnership.sanctions if (s := measure_span(m)) is not None]
        for span in spans:
            if span.earliest_start is not None and span.latest_start is not None:
                assert span.earliest_start <= span.latest_start
            if span.earliest_end is not None and span.latest_end is not None:
                assert span.earliest_end <= span.latest_end
            if span.earliest_start is not None and span.latest_end is not None:
                assert span.earliest_start <= span.latest_end

    @_SETTINGS
    @given(partnerships())
    def test_overlap_agrees_with_the_days(self, partnership: bilateral.Partnership) -> None:
        """A hit said to overlap has a day both were certainly in effect; one not known has a possible day."""
        for hit in bilateral.exposure(partnership).hits:
            measure = measure_span(hit.measure)
            instrument = instrument_span(hit.instrument, partnership.data_as_of)
            assert measure is not None
            day = hit.overlap_from
            if hit.overlap is True and day is not None:
                later = max(d for d in (measure.latest_start, instrument.latest_start, day) if d is not None)
                assert measure.contains(later) is True
                assert instrument.contains(later) is True
            elif day is not None:
                assert measure.contains(day) is not False
                assert instrument.contains(day) is not False


class TestCountsAndCells:
    def test_sources_count_every_citation(self) -> None:
        """A source cited only by a milestone or an alternative counts its claims."""
        data = _load(
            INSTRUMENT.replace(
                "citations: [{source: rt}]",
                "citations: [{source: rt}]\n        milestones:\n          - {kind: delivered, date: '2011', description: First oil, citations: [{source: tass}]}",
            )
            + """\
        alternatives:
          - {field: signed, value: "2010-06", citations: [{source: tass}]}
"""
        )
        rows = {row[0]: row[-1] for row in tables.sources(data.partnership()).rows}
        assert rows == {"rt": "1", "tass": "2"}

    def test_the_timeline_keeps_the_hedge(self) -> None:
        """A target on the timeline reads as in the overview: "≈ $400m by 2030"."""
        data = _load(
            """\
    trade:
      targets:
        - id: t
          value: {amount: "400000000", currency: USD, qualifier: about}
          by: "2030"
          stated: "2025-05"
          citations: [{source: rt}]
"""
        )
        partnership = data.partnership()
        (row,) = tables.timeline(partnership).rows
        assert row[2] == "trade target: ≈ $400m by 2030"
        overview = dict(tables.overview(partnership).rows)
        assert overview["trade target"] == "≈ $400m by 2030"


class TestFromReview:
    def test_a_confirmation_settles_days_a_sourced_end_leaves_open(self) -> None:
        """Lifted some time in 2025, confirmed on 15 Jun 2025: in force that day, not known after it."""
        from bilateral.analysis.snapshot import measure_in_force

        measure = _load(
            "",
            top=textwrap.dedent(CONFIRMED.replace("2014-07-31/", "2014-07-31/2025")).replace(
                "{on: 2025-12-15, until: 2026-07-31, citations: [{source: tass}], note: renewed for six months}",
                "{on: 2025-06-15, citations: [{source: tass}]}",
            ),
        ).sanctions[0]
        days = [(2025, 6, 15), (2025, 6, 16), (2026, 1, 1)]
        assert [measure_in_force(measure, dt.date(*d)) for d in days] == [True, None, False]

    @pytest.mark.parametrize(
        ("period", "meaning"),
        [("2021", "that year alone"), ('"2021"', "that year alone"), ('"2021-06"', "that month alone")],
    )
    def test_a_bare_year_or_month_names_its_span(self, period: str, meaning: str) -> None:
        """An unquoted year is refused as a bare date at once, and a month's fix says the month."""
        text = period.strip('"')
        measure = ID_CLASH.split("        alternatives:")[0].replace("2019-01-28/", period)
        assert _errors("", top=textwrap.dedent(measure)) == [
            f"$.sanctions[0].period: '{text}' is a single date, not a period: write '{text}/..' if it still "
            f"applies, '{text}/' if its end is not known, or '{text}/{text}' for {meaning}"
        ]

    def test_version_1_single_words_for_lists(self) -> None:
        """Version 1 took one word for a list field; it reads as a list of one, as before."""
        text = (
            V1
            + INSTRUMENT
            + """\
        alternatives:
          - {field: participants, value: russia, citations: [{source: tass}]}
          - {field: items, value: "Su-30MK2, AK-103", citations: [{source: tass}]}
          - {field: areas, value: finance, citations: [{source: tass}]}
"""
        )
        claims = bilateral.loads(text, "yaml").partnership().instrument("jv").alternatives
        assert [c.value for c in claims] == [
            ("russia",),
            ("Su-30MK2, AK-103",),
            (bilateral.CooperationArea.FINANCE,),
        ]

    def test_a_boolean_version_is_one_problem(self) -> None:
        """`schema_version: true` is named, and not read as version 1."""
        text = (
            BASE.replace("schema_version: 2", "schema_version: true")
            + INSTRUMENT
            + (
                "        alternatives:\n"
                '          - {field: signed, value: "2010-06", citations: [{source: tass}]}\n'
            )
        )
        with pytest.raises(bilateral.InvalidDataError) as info:
            bilateral.loads(text, "yaml")
        assert str(info.value).splitlines() == [
            "line 1, column 17: $.schema_version: expected a whole number, got a boolean (true)"
        ]

    def test_conflicts_write_every_type_in_words(self) -> None:
        """Targets, milestones and empty lists are written in words; the record's change keeps its hedge."""
        data = _load(
            INSTRUMENT
            + """\
        alternatives:
          - field: milestones
            value: [{kind: signed, date: "2010-06-01", description: Signed in Caracas}]
            citations: [{source: tass}]
    trade:
      changes:
        - id: growth
          period: "2024"
          value: "54"
          unit: percent
          qualifier: about
          citations: [{source: rt}]
          alternatives:
            - {field: value, value: "64", citations: [{source: tass}]}
""",
            top=textwrap.dedent(PDVSA_MEASURE)
            + "  - "
            + textwrap.dedent(
                """\
                id: m2
                  title: Sectoral
                  sender: eu
                  targets: [{country: VEN, sector: energy}]
                  types: [trade]
                  period: 2019-01-28/..
                  citations: [{source: tass}]
                  alternatives:
                    - {field: targets, value: [{country: VEN, sector: finance}, {actor: pdvsa}], citations: [{source: rt}]}
                """
            ).replace("\n  ", "\n    "),
        )
        rows = [row[2:] for row in tables.conflicts(data.partnership()).rows]
        assert rows == [
            ("none", "record"),
            ("signed 1 Jun 2010: Signed in Caracas", "alternative"),
            ("≈ +54%", "record"),
            ("+64%", "alternative"),
            ("VEN: energy", "record"),
            ("VEN: finance, pdvsa", "alternative"),
        ]

    def test_trade_and_debt_as_of_a_day(self) -> None:
        """Before the 2024 figure and the debt deals, the overview knows no trade figure and fewer deals."""
        venezuela = bilateral.datasets.load("russia-venezuela")
        rows = dict(tables.overview(venezuela, dt.date(2018, 1, 1)).rows)
        assert (rows["latest trade figure"], rows["trade target"], rows["disruptions"]) == (
            "not known",
            "none stated",
            "0",
        )
        assert rows["debt restructurings"] == "2"
        comparison = bilateral.compare(
            venezuela, bilateral.datasets.load("russia-iran"), as_of=dt.date(2010, 1, 1)
        )
        assert [c.instruments for c in comparison.exposure] == [27, 2]  # of 33 and 9: not those begun later
