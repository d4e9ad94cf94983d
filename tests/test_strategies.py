"""The public strategies reach what the properties test: exposure, growth, typed alternatives, confirmations.

A property over exposure that never sees a hit passes vacuously. These tests
draw many partnerships and measure the share that hold each thing; the shares
are stated in `bilateral.testing`'s docstring.
"""

import enum
from collections import Counter
from decimal import Decimal

from hypothesis import HealthCheck, given, settings

import bilateral
from bilateral.analysis.conflicts import records
from bilateral.model.typecheck import claimed_type
from bilateral.testing import partnerships

DRAWS = 150


def _kind(value_type: object) -> str:
    """The kind of type an alternative's value has, for counting."""
    if isinstance(value_type, type) and issubclass(value_type, enum.Enum):
        return "enum"
    name = getattr(value_type, "__name__", str(value_type))
    return "tuple" if name == "tuple" or str(value_type).startswith("tuple") else name


def _shares() -> Counter[str]:
    seen: Counter[str] = Counter()

    @settings(
        max_examples=DRAWS,
        deadline=None,
        database=None,
        derandomize=True,  # the same draws every run: a share near the threshold cannot fail at random
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(partnerships())
    def draw(partnership: bilateral.Partnership) -> None:
        seen["drawn"] += 1
        hits = bilateral.exposure(partnership).hits
        for route in bilateral.Route:
            if any(h.route is route for h in hits):
                seen[f"exposure via {route.value}"] += 1
        if any(h.overlap is True for h in hits):
            seen["exposure overlap known"] += 1
        summary = bilateral.summarize(partnership)
        if summary.trade.derived:
            seen["derived value"] += 1
        if any(t.required_growth is not None for t in summary.trade.targets):
            seen["required growth"] += 1
        kinds = set()
        for _, record in records(partnership):
            for claim in record.alternatives:
                kinds.add(_kind(claimed_type(type(record), claim.field)))
        for kind in kinds:
            seen[f"alternative of {kind}"] += 1
        if any(m.confirmed for m in partnership.sanctions):
            seen["confirmation"] += 1
        if bilateral.conflicts(partnership):
            seen["conflict"] += 1

    draw()
    return seen


class TestReach:
    def test_properties_do_not_pass_vacuously(self) -> None:
        """Each thing the properties test turns up in at least one in twenty drawn partnerships."""
        seen = _shares()
        wanted = [
            "exposure via actor",
            "exposure via sector",
            "exposure via country",
            "exposure overlap known",
            "derived value",
            "required growth",
            "confirmation",
            "conflict",
            *(
                f"alternative of {kind}"
                for kind in ("PartialDate", "Period", "Money", "Decimal", "enum", "str", "tuple")
            ),
        ]
        shares = {name: Decimal(seen[name]) / seen["drawn"] for name in wanted}
        rare = {name: f"{share:.0%}" for name, share in shares.items() if share < Decimal(1) / 20}
        assert not rare, f"too rare in {seen['drawn']} draws: {rare}"
