"""The analysis functions: properties over generated partnerships."""

import datetime as dt
from collections import Counter
from decimal import Decimal

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import bilateral
from bilateral.analysis.conflicts import records
from bilateral.testing import partnerships

_SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
DAYS = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))


class TestSummary:
    @_SETTINGS
    @given(partnerships(), DAYS)
    def test_counts_equal_record_counts(self, partnership: bilateral.Partnership, day: dt.date) -> None:
        """Per area, the status counts add up to the instruments begun by the day; so do the claims."""
        summary = bilateral.summarize(partnership, as_of=day)
        snapshot = bilateral.as_of(partnership, day)
        for area in summary.areas:
            serving = [i for i in partnership.instruments if area.area in i.areas]
            assert sum(n for _, n in area.by_status) == len(area.instruments)
            assert [i.id for i in area.instruments] == [
                i.id for i in serving if snapshot.state(i.id).begun is True
            ]
            assert [i.id for i in area.maybe_begun] == [
                i.id for i in serving if snapshot.state(i.id).begun is None
            ]
            assert set(area.active).isdisjoint(area.not_known)
        covered = {
            a for i in partnership.instruments for a in i.areas if snapshot.state(i.id).begun is not False
        }
        assert {a.area for a in summary.areas} == covered
        if day >= partnership.data_as_of:  # every recorded instrument had begun by then
            assert sum(len(a.instruments) for a in summary.areas) == sum(
                len(i.areas) for i in partnership.instruments
            )
        assert summary.sources.claims == len(list(records(partnership)))
        assert summary.sources.single_source <= summary.sources.claims
        assert len(summary.disruptions) == len(partnership.disruptions)
        stated = [t for t in partnership.trade.targets if t.stated is None or t.stated.earliest <= day]
        assert len(summary.trade.targets) == (
            len(partnership.trade.targets) if day >= partnership.data_as_of else len(stated)
        )

    @_SETTINGS
    @given(partnerships(), DAYS)
    def test_states_agree_with_as_of(self, partnership: bilateral.Partnership, day: dt.date) -> None:
        """The active and open instruments of each area, and the measures, are those as_of finds."""
        summary = bilateral.summarize(partnership, as_of=day)
        snapshot = bilateral.as_of(partnership, day)
        for area in summary.areas:
            ids = {i.id for i in partnership.instruments if area.area in i.areas}
            assert area.active == tuple(i for i in snapshot.active if i.id in ids)
            assert area.not_known == tuple(i for i in snapshot.not_known if i.id in ids)
        assert summary.sanctions.not_known == tuple(
            m.measure for m in snapshot.measures if m.in_force is None
        )
        in_force = {m.measure.id for m in snapshot.measures if m.in_force is True}
        assert {m.id for _, found in summary.sanctions.on_parties for m in found} <= in_force


class TestAsOf:
    @_SETTINGS
    @given(partnerships(), DAYS, DAYS)
    def test_monotone_for_instruments_that_never_end(
        self, partnership: bilateral.Partnership, first: dt.date, second: dt.date
    ) -> None:
        """An instrument in force with no end goes no -> not known -> yes, and never back."""
        early, late = sorted((first, second))
        rank = {False: 0, None: 1, True: 2}
        for instrument in partnership.instruments:
            if instrument.ends is not None or instrument.status not in (
                bilateral.Status.IN_FORCE,
                bilateral.Status.OPERATING,
            ):
                continue
            before = bilateral.as_of(partnership, early).state(instrument.id).active
            after = bilateral.as_of(partnership, late).state(instrument.id).active
            assert rank[before] <= rank[after]

    def test_partial_dates_are_read_exactly(self) -> None:
        """Signed "2025-05" and in force: not on 30 April, not known on 15 May, yes on 31 May."""
        treaty = bilateral.Instrument(
            "t",
            bilateral.InstrumentKind.AGREEMENT,
            "Treaty",
            (bilateral.CooperationArea.ENERGY,),
            bilateral.Status.IN_FORCE,
            signed=bilateral.PartialDate(2025, 5),
            citations=(bilateral.Citation("s"),),
        )
        partnership = bilateral.Partnership(
            "p",
            ("RUS", "VEN"),
            "t",
            dt.date(2026, 1, 1),
            instruments=(treaty,),
            sources=(bilateral.Source("s", "t", "p", bilateral.SourceKind.WIRE),),
        )
        answers = [
            bilateral.as_of(partnership, dt.date(2025, m, d)).state("t").active
            for m, d in ((4, 30), (5, 15), (5, 31))
        ]
        assert answers == [False, None, True]


class TestCompare:
    @_SETTINGS
    @given(partnerships(), partnerships())
    def test_mirror(self, a: bilateral.Partnership, b: bilateral.Partnership) -> None:
        """Comparing A with B is the mirror image of comparing B with A."""
        assert bilateral.compare(a, b).reversed() == bilateral.compare(b, a)

    @_SETTINGS
    @given(partnerships(), partnerships())
    def test_rows_count_instruments(self, a: bilateral.Partnership, b: bilateral.Partnership) -> None:
        """Each cell counts the partnership's instruments in the area; areas covered by none are left out."""
        comparison = bilateral.compare(a, b)
        for row in comparison.areas:
            for p, cell in zip((a, b), row.cells, strict=True):
                assert cell.instruments == sum(1 for i in p.instruments if row.area in i.areas)
            assert any(c.instruments for c in row.cells)
        assert set(comparison.only_some) <= set(comparison.areas)

    @_SETTINGS
    @given(partnerships(), partnerships(), st.one_of(st.none(), DAYS))
    def test_cells_agree_with_as_of_and_exposure(
        self, a: bilateral.Partnership, b: bilateral.Partnership, day: dt.date | None
    ) -> None:
        """Each cell says what as_of and exposure say of the partnership on the day."""
        comparison = bilateral.compare(a, b, as_of=day)
        for column, p in enumerate((a, b)):
            snapshot = bilateral.as_of(p, day or p.data_as_of)
            for row in comparison.areas:
                states = [s for s in snapshot.instruments if row.area in s.instrument.areas]
                cell = row.cells[column]
                assert cell.instruments == sum(1 for s in states if s.begun is True)
                assert cell.maybe_begun == sum(1 for s in states if s.begun is None)
                assert cell.active == sum(1 for s in states if s.active is True)
                assert cell.not_known == sum(1 for s in states if s.active is None)
            found = bilateral.exposure(p, snapshot.date)
            cell = comparison.exposure[column]
            assert cell.exposed == len(found.instruments)
            assert cell.measures == sum(1 for m in snapshot.measures if m.in_force is True)
            assert cell.not_known == sum(1 for m in snapshot.measures if m.in_force is None)


class TestTimeline:
    @_SETTINGS
    @given(partnerships())
    def test_ordered_by_earliest_bound(self, partnership: bilateral.Partnership) -> None:
        """Events come in order of their earliest possible day, then their latest."""
        events = bilateral.timeline(partnership)
        keys = [e.date.sort_key() for e in events]
        assert keys == sorted(keys)

    @_SETTINGS
    @given(partnerships())
    def test_every_date_is_an_event(self, partnership: bilateral.Partnership) -> None:
        """Each instrument date and milestone gives an event; a date a milestone repeats gives one."""
        events = bilateral.timeline(partnership)
        for i in partnership.instruments:
            fields = {"announced": i.announced, "signed": i.signed, "in_force": i.in_force, "ended": i.ends}
            expected = {(d, kind) for kind, d in fields.items() if d is not None}
            expected |= {(m.date, m.kind.value) for m in i.milestones}
            got = {
                (e.date, e.kind.value) for e in events if e.record_type == "instrument" and e.record == i.id
            }
            assert got == expected


class TestDiff:
    @_SETTINGS
    @given(partnerships())
    def test_diff_with_itself_is_empty(self, partnership: bilateral.Partnership) -> None:
        """diff(x, x) is empty."""
        assert not bilateral.diff(partnership, partnership)

    @_SETTINGS
    @given(partnerships(), st.data())
    def test_reports_exactly_the_edits(self, partnership: bilateral.Partnership, data: st.DataObject) -> None:
        """Removing one instrument, retitling another and adding a third shows as exactly those changes."""
        instruments = list(partnership.instruments)
        expected = set()
        if instruments:
            removed = instruments.pop(data.draw(st.integers(0, len(instruments) - 1)))
            expected.add(("instrument", removed.id, "removed", ()))
        if instruments:
            index = data.draw(st.integers(0, len(instruments) - 1))
            old = instruments[index]
            instruments[index] = attrs.evolve(old, title=old.title + " (renamed)")
            expected.add(("instrument", old.id, "changed", ("title",)))
        source = bilateral.Source("zz-source", "New", "TASS", bilateral.SourceKind.WIRE)
        added = bilateral.Instrument(
            "zz-new",
            bilateral.InstrumentKind.PROGRAMME,
            "New",
            (bilateral.CooperationArea.EDUCATION,),
            bilateral.Status.ANNOUNCED,
            citations=(bilateral.Citation(source.id),),
        )
        instruments.append(added)
        expected |= {("instrument", "zz-new", "added", ()), ("source", "zz-source", "added", ())}
        new = attrs.evolve(
            partnership, instruments=tuple(instruments), sources=(*partnership.sources, source)
        )
        got = {
            (c.record_type, c.record, c.kind, tuple(f.field for f in c.fields))
            for c in bilateral.diff(partnership, new).changes
        }
        assert got == expected


class TestConflicts:
    @_SETTINGS
    @given(partnerships())
    def test_one_conflict_per_disputed_field(self, partnership: bilateral.Partnership) -> None:
        """Every alternative claim appears in exactly one conflict, beside its record's own value."""
        found = bilateral.conflicts(partnership)
        listed = [a for c in found for a in c.alternatives]
        expected = [a for _, r in records(partnership) for a in r.alternatives]
        assert Counter(map(id, listed)) == Counter(map(id, expected))
        for conflict in found:
            assert all(a.field == conflict.field for a in conflict.alternatives)


class TestExposure:
    @_SETTINGS
    @given(partnerships())
    def test_hits_are_in_force_or_not_known(self, partnership: bilateral.Partnership) -> None:
        """No hit comes from a measure certainly not in force; groups hold every hit once."""
        found = bilateral.exposure(partnership)
        assert all(h.in_force is not False for h in found.hits)
        assert sum(len(hits) for _, hits in found.by_sender()) == len(found.hits)
        assert len({(h.instrument.id, h.measure.id) for h in found.hits}) == len(found.hits)


class TestGrowth:
    @_SETTINGS
    @given(partnerships())
    def test_a_derived_baseline_grows_back_to_the_figure(self, partnership: bilateral.Partnership) -> None:
        """A value implied by a change, grown by the change, gives the figure back to within rounding."""
        for derived in bilateral.summarize(partnership).trade.derived:
            assert derived.figure is not None
            assert derived.change is not None
            assert derived.figure.value is not None
            change = derived.change
            factor = change.value if change.unit is bilateral.ChangeUnit.FACTOR else 1 + change.value / 100
            assert factor > 0
            assert abs(derived.value.amount * factor - derived.figure.value.amount) <= factor
            assert derived.value.currency == derived.figure.value.currency
            assert derived.approximate >= (derived.figure.value.approximate or change.qualifier.approximate)

    @_SETTINGS
    @given(partnerships())
    def test_required_growth_reaches_the_target(self, partnership: bilateral.Partnership) -> None:
        """The baseline grown at the required rate for the years given reaches the target, to rounding."""
        for progress in bilateral.summarize(partnership).trade.targets:
            if progress.required_growth is None:
                continue
            assert progress.baseline is not None
            assert progress.baseline.value is not None
            assert progress.years is not None
            assert progress.years > 0
            start, goal = progress.baseline.value.amount, progress.target.value.amount
            rate = progress.required_growth / 100
            low, high = (1 + rate - Decimal("0.0005")), (1 + rate + Decimal("0.0005"))
            grown_low = start * max(low, Decimal(0)) ** progress.years
            grown_high = start * high**progress.years
            assert grown_low <= goal <= grown_high


class TestConflictsTyped:
    @_SETTINGS
    @given(partnerships())
    def test_values_are_typed_as_the_field(self, partnership: bilateral.Partnership) -> None:
        """A conflict's record holds its value; every alternative's value is of the field's type (validate
        checks each one's type), and no alternative claims that a value is unknown."""
        assert bilateral.validate(partnership) == []
        for conflict in bilateral.conflicts(partnership):
            assert getattr(conflict.record, conflict.field) == conflict.value
            assert all(claim.value is not None for claim in conflict.alternatives)


class TestWhatTheFunctionsTake:
    MINE = "examples/my-partnership.yaml"

    def test_a_dataset_of_one(self) -> None:
        """What bilateral.load returns can be passed to every analysis function, as its one partnership."""
        dataset = bilateral.load(self.MINE)
        partnership = dataset.partnership()
        assert bilateral.summarize(dataset) == bilateral.summarize(partnership)
        assert bilateral.exposure(dataset) == bilateral.exposure(partnership)
        assert bilateral.timeline(dataset) == bilateral.timeline(partnership)
        assert bilateral.conflicts(dataset) == bilateral.conflicts(partnership)
        assert bilateral.as_of(dataset, partnership.data_as_of) == bilateral.as_of(
            partnership, partnership.data_as_of
        )
        assert bilateral.compare(dataset, bilateral.datasets.load()) == bilateral.compare(
            partnership, bilateral.datasets.load()
        )
        assert not bilateral.diff(dataset, partnership)

    def test_a_dataset_of_several(self) -> None:
        """A dataset of several partnerships gets a TypeError naming dataset.partnership(id)."""
        with pytest.raises(TypeError) as info:
            bilateral.exposure(bilateral.datasets.bundle())
        assert str(info.value) == (
            "exposure() takes one partnership, but this Dataset holds 6 (russia-venezuela, russia-iran, "
            "russia-north-korea, russia-cuba, china-venezuela, iran-venezuela): "
            "pass dataset.partnership('russia-venezuela')"
        )

    def test_something_else(self) -> None:
        """A path where a partnership belongs says how to read one."""
        with pytest.raises(TypeError) as info:
            bilateral.summarize(self.MINE)  # type: ignore[arg-type]
        assert str(info.value) == (
            "summarize() takes a Partnership, or a Dataset of one, not str (read a file with "
            "bilateral.load, or a bundled one with bilateral.datasets.partnership)"
        )

    def test_days_as_iso_text(self) -> None:
        """A day may be ISO text; anything else that is not a date says what to write."""
        p = bilateral.datasets.load()
        assert bilateral.as_of(p, "2024-01-01") == bilateral.as_of(p, dt.date(2024, 1, 1))
        assert bilateral.summarize(p, as_of="2024-01-01") == bilateral.summarize(p, as_of=dt.date(2024, 1, 1))
        with pytest.raises(
            ValueError, match=r"^exposure\(\): as_of='2024-1-1' is not a day \(write YYYY-MM-DD\)$"
        ):
            bilateral.exposure(p, as_of="2024-1-1")
        with pytest.raises(TypeError) as timed:
            bilateral.as_of(p, dt.datetime(2024, 1, 1, 12))
        assert str(timed.value) == "as_of(): date is a day, not a date and time: pass date.date()"
        with pytest.raises(TypeError) as number:
            bilateral.compare(p, p, as_of=2024)  # type: ignore[arg-type]
        assert (
            str(number.value) == "compare(): as_of is a datetime.date or text such as '2024-01-01', not int"
        )


LARGEST = Decimal("99999999999999999999.99999999")


class TestArithmeticAtTheBounds:
    """Trade arithmetic on any amount and change a file may hold gives a value or "not computable" (None)."""

    @staticmethod
    def _figure(amount: Decimal) -> bilateral.TradeFigure:
        money = bilateral.Money(amount, "USD", bilateral.Qualifier.ABOUT)
        return bilateral.TradeFigure("f", bilateral.Period.parse("2024"), value=money)

    @pytest.mark.parametrize(
        ("value", "unit", "expected"),
        [
            (Decimal("-100"), bilateral.ChangeUnit.PERCENT, None),  # a fall of 100% leaves no baseline
            (Decimal("-99.99999999"), bilateral.ChangeUnit.PERCENT, None),  # past 10^20: not computable
            (Decimal("0"), bilateral.ChangeUnit.FACTOR, None),
            (Decimal("0.00000001"), bilateral.ChangeUnit.FACTOR, None),
            (LARGEST, bilateral.ChangeUnit.PERCENT, Decimal("100")),
            (Decimal("2"), bilateral.ChangeUnit.FACTOR, Decimal("50000000000000000000")),
        ],
    )
    def test_implied_baseline(
        self, value: Decimal, unit: bilateral.ChangeUnit, expected: Decimal | None
    ) -> None:
        """The largest amount over the smallest, largest and zero changes: a value, or None."""
        from bilateral.analysis.growth import implied_baseline

        change = bilateral.TradeChange(
            "c", bilateral.Period.parse("2024"), value, unit, baseline=bilateral.Period.parse("2018")
        )
        derived = implied_baseline(change, self._figure(LARGEST))
        assert (derived.value.amount if derived else None) == expected

    @pytest.mark.parametrize(
        ("baseline", "aim", "growth", "achieved"),
        [
            (Decimal("0.00000001"), LARGEST, Decimal("4641488.8"), Decimal("0.0")),
            (LARGEST, Decimal("0"), Decimal("-100.0"), None),
            (Decimal("0"), LARGEST, None, None),
            (Decimal("1"), Decimal("1"), Decimal("0.0"), Decimal("100.0")),
        ],
    )
    def test_target_progress(
        self, baseline: Decimal, aim: Decimal, growth: Decimal | None, achieved: Decimal | None
    ) -> None:
        """Zero, the smallest and the largest amounts as baseline and target: a rate, or None."""
        from bilateral.analysis.growth import target_progress

        target = bilateral.TradeTarget(
            "t", bilateral.Money(aim, "USD"), bilateral.PartialDate(2030), baseline="f"
        )
        progress = target_progress(target, self._figure(baseline))
        assert (progress.required_growth, progress.achieved) == (growth, achieved)
