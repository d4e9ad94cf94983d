"""Every format reads back exactly what it wrote, for any valid data."""

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings

import bilateral
from bilateral.testing import amounts, datasets, partial_dates, periods

FORMATS = ["json", "toml", "yaml"]
_SLOW = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)


class TestRoundTrip:
    @pytest.mark.parametrize("fmt", FORMATS)
    @_SLOW
    @given(dataset=datasets())
    def test_loads_dumps_is_identity(self, fmt: str, dataset: bilateral.Dataset) -> None:
        """loads(dumps(x)) == x in every format, for generated datasets."""
        assert bilateral.loads(bilateral.dumps(dataset, fmt), fmt) == dataset

    @pytest.mark.parametrize("fmt", FORMATS)
    @_SLOW
    @given(dataset=datasets())
    def test_dumps_is_stable(self, fmt: str, dataset: bilateral.Dataset) -> None:
        """Writing what was read gives the same text again."""
        text = bilateral.dumps(dataset, fmt)
        assert bilateral.dumps(bilateral.loads(text, fmt), fmt) == text

    @_SLOW
    @given(dataset=datasets())
    def test_resolved_partnerships_are_valid(self, dataset: bilateral.Dataset) -> None:
        """A partnership with its shared records folded in is a valid dataset of its own."""
        for pid in dataset.ids():
            partnership = dataset.partnership(pid)
            assert bilateral.validate(partnership) == []
            assert bilateral.loads(bilateral.dumps(partnership, "yaml"), "yaml").partnership() == partnership

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_tricky_values_survive(self, fmt: str) -> None:
        """Decimal places, qualifiers, empty text, non-ASCII and 'looks like a number' text survive."""
        source = bilateral.Source(
            "s1", "Заголовок «кавычки» — 2025", "TASS", bilateral.SourceKind.WIRE, notes=""
        )
        figure = bilateral.TradeFigure(
            "f1",
            bilateral.Period.parse("2024-01~/2024-09?"),
            value=bilateral.Money(Decimal("1.10"), "USD", bilateral.Qualifier.ABOUT),
            commodities=("004", "true", "2025-05-07", "null", ""),
            citations=(bilateral.Citation("s1", excerpt="«1.10»"),),
        )
        partnership = bilateral.Partnership(
            "p",
            ("RUS", "VEN"),
            "Россия–Venezuela",
            __import__("datetime").date(2026, 1, 6),
            sources=(source,),
            trade=bilateral.Trade(figures=(figure,)),
        )
        back = bilateral.loads(bilateral.dumps(partnership, fmt), fmt).partnership()
        assert back == partnership
        value = back.trade.figures[0].value
        assert value is not None
        assert str(value.amount) == "1.10"


class TestPrimitives:
    @given(partial_dates())
    def test_partial_date_text_round_trip(self, date: bilateral.PartialDate) -> None:
        """A partial date's EDTF text parses back to the same date."""
        assert bilateral.PartialDate.parse(date.edtf()) == date

    @given(partial_dates())
    def test_bounds_are_ordered(self, date: bilateral.PartialDate) -> None:
        """The earliest day never comes after the latest."""
        assert date.earliest <= date.latest

    @given(periods())
    def test_period_text_round_trip(self, period: bilateral.Period) -> None:
        """A period's EDTF text parses back to the same period."""
        text = period.edtf()
        parsed = bilateral.Period.parse(text)
        assert parsed == period or (parsed.start == parsed.end == period.start == period.end)

    @given(amounts())
    def test_amounts_keep_their_digits(self, amount: Decimal) -> None:
        """An amount reads back with the same digits, not merely the same value."""
        money = bilateral.Money(amount, "EUR")
        figure = bilateral.TradeFigure(
            "f", bilateral.Period.parse("2024"), value=money, citations=(bilateral.Citation("s"),)
        )
        p = bilateral.Partnership(
            "p",
            ("RUS", "IRN"),
            "t",
            __import__("datetime").date(2025, 1, 1),
            sources=(bilateral.Source("s", "t", "p", bilateral.SourceKind.WIRE),),
            trade=bilateral.Trade(figures=(figure,)),
        )
        for fmt in FORMATS:
            back = bilateral.loads(bilateral.dumps(p, fmt), fmt).partnership()
            got = back.trade.figures[0].value
            assert got is not None
            assert str(got.amount) == str(amount)
