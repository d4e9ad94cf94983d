"""The analysis functions on the Russia–Venezuela reference dataset: the real answers."""

import datetime as dt
from decimal import Decimal

import pytest

import bilateral

TREATY = "strategic-partnership-treaty-2025"


@pytest.fixture(scope="module")
def partnership() -> bilateral.Partnership:
    return bilateral.datasets.load("russia-venezuela")


class TestAsOf:
    def test_treaty_not_in_force_in_april_2025(self, partnership: bilateral.Partnership) -> None:
        """Signed on 7 May 2025, the treaty was neither signed nor in force on 30 April 2025."""
        state = bilateral.as_of(partnership, dt.date(2025, 4, 30)).state(TREATY)
        assert (state.signed, state.active) == (False, False)

    def test_treaty_not_known_at_the_data_date(self, partnership: bilateral.Partnership) -> None:
        """Ratified by both sides, but with its entry into force unverified (status unknown), whether it
        is in force on the dataset's date is not known."""
        assert bilateral.as_of(partnership, partnership.data_as_of).state(TREATY).active is None

    def test_joint_ventures_run_until_2041(self, partnership: bilateral.Partnership) -> None:
        """The extension runs through 2041, with no sourced start: not in force when only approved,
        not known mid-2030, over in 2042."""
        extension = partnership.instrument("jv-extension-2025")
        assert (extension.in_force, extension.ends) == (None, bilateral.PartialDate(2041))
        answers = [
            bilateral.as_of(partnership, day).state("jv-extension-2025").active
            for day in (dt.date(2025, 12, 1), dt.date(2030, 6, 1), dt.date(2042, 1, 1))
        ]
        assert answers == [False, None, False]


class TestSummary:
    def test_growth_needed_for_the_2030_target(self, partnership: bilateral.Partnership) -> None:
        """About $200m in 2024 to about $400m by 2030 needs about 12.2% a year; 2024 is half-way."""
        (target,) = bilateral.summarize(partnership).trade.targets
        assert (target.years, target.required_growth, target.achieved) == (
            6,
            Decimal("12.2"),
            Decimal("50.0"),
        )
        assert target.approximate

    def test_implied_2018_value(self, partnership: bilateral.Partnership) -> None:
        """ "About $200m in 2024, up roughly 54% from 2018" implies about $130m in 2018, marked derived."""
        (derived,) = bilateral.summarize(partnership).trade.derived
        assert derived.value == bilateral.Money(Decimal("129870130"), "USD", bilateral.Qualifier.ABOUT)
        assert derived.approximate

    def test_source_mix(self, partnership: bilateral.Partnership) -> None:
        """Counts of claims on one source, on state media alone and with an official document."""
        mix = bilateral.summarize(partnership).sources
        claims = [
            *partnership.instruments,
            *partnership.trade.figures,
            *partnership.trade.changes,
            *partnership.trade.targets,
            *partnership.debts,
            *partnership.disruptions,
            *partnership.sanctions,
        ]
        assert mix.claims == len(claims)
        assert mix.single_source == sum(1 for r in claims if len({c.source for c in r.citations}) == 1)


class TestExposure:
    def test_evrofinance_and_pdvsa(self, partnership: bilateral.Partnership) -> None:
        """The instruments that run through Evrofinance Mosnarbank or PDVSA, and the measures on them."""
        found = bilateral.exposure(partnership)
        by_actor = sorted(
            (hit.through, hit.instrument.id, hit.measure.id, hit.measure.legal_basis)
            for hit in found.hits
            if hit.route.value == "actor" and hit.through in ("evrofinance", "pdvsa")
        )
        assert by_actor == [
            (
                "evrofinance",
                "evrofinance-correspondent-accounts",
                "us-evrofinance-2019",
                "Executive Order 13850",
            ),
            ("evrofinance", "evrofinance-mosnarbank", "us-evrofinance-2019", "Executive Order 13850"),
            ("pdvsa", "gazprom-gas-projects", "us-eo-13808", "Executive Order 13808"),
            ("pdvsa", "gazprom-gas-projects", "us-eo-13884", "Executive Order 13884"),
            ("pdvsa", "gazprom-gas-projects", "us-pdvsa-2019", "Executive Order 13850"),
            ("pdvsa", "jv-extension-2025", "us-pdvsa-2019", "Executive Order 13850"),
            ("pdvsa", "rosneft-pdvsa-prepayments", "us-pdvsa-2019", "Executive Order 13850"),
            ("pdvsa", "rzn-pdvsa-joint-ventures", "us-pdvsa-2019", "Executive Order 13850"),
        ]

    def test_unknown_ends_are_not_known(self, partnership: bilateral.Partnership) -> None:
        """The US measures on Venezuela have no known end, so whether they applied is not known."""
        found = bilateral.exposure(partnership)
        pdvsa = [h for h in found.hits if h.measure.id == "us-pdvsa-2019"]
        assert pdvsa
        assert all(h.in_force is None for h in pdvsa)


class TestConflicts:
    def test_disagreements_side_by_side(self, partnership: bilateral.Partnership) -> None:
        """Each disputed field with the record's value and the other claims, typed as the field is."""
        found = {
            (c.id, c.field): (c.value, [a.value for a in c.alternatives])
            for c in bilateral.conflicts(partnership)
        }
        date = bilateral.PartialDate.parse
        assert found[("su30mk2-order-2006", "signed")] == (date("2006-08"), [date("2006-07-17")])
        assert ("trade-growth-2018-2024", "value") not in found  # +64% is another metric, in notes
        assert found[("mir-venezuela", "in_force")] == (
            date("2023-07?"),
            [date("2023-06-15"), date("2023-08")],
        )
        assert found[("victory-day-monument-2025", "in_force")] == (date("2025-05-14"), [date("2025-05-13")])

    def test_conflicts_carry_their_record(self, partnership: bilateral.Partnership) -> None:
        """A conflict holds the record itself, so nothing looks it up by id."""
        for conflict in bilateral.conflicts(partnership):
            assert getattr(conflict.record, conflict.field) == conflict.value
            assert conflict.record.alternatives


class TestTimeline:
    def test_treaty_ratification_chain(self, partnership: bilateral.Partnership) -> None:
        """The treaty's signature and ratifications come in order, with their own dates."""
        events = [(str(e.date), e.kind.value) for e in bilateral.timeline(partnership) if e.record == TREATY]
        assert events[:2] == [("2025-05-07", "signed"), ("2025-09-30", "ratified")]
        assert ("2025-10-27", "ratified") in events


class TestDiff:
    def test_a_new_version(self, partnership: bilateral.Partnership) -> None:
        """Changing the treaty's status shows as one field change on one record."""
        import attrs

        treaty = partnership.instrument(TREATY)
        edited = attrs.evolve(
            partnership,
            instruments=tuple(
                attrs.evolve(i, status=bilateral.Status.RATIFIED) if i.id == TREATY else i
                for i in partnership.instruments
            ),
        )
        (change,) = bilateral.diff(partnership, edited).changes
        assert (change.record, change.kind) == (treaty.id, "changed")
        assert [(f.field, f.old, f.new) for f in change.fields] == [("status", "unknown", "ratified")]
