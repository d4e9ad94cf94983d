"""Trade against the 2030 target: how far it is, and what growth it needs.

The bundled Russia–Venezuela dataset records trade of about $200m in 2024,
up about 54% since 2018, and a target of about $400m by 2030. This example
prints the trade table (figures, stated changes, derived values and the
target, with footnoted sources), then the year-by-year path the target
implies, beside the path at the 2018–2024 pace.

Both paths are arithmetic on approximate inputs, not forecasts: bilateral
marks them as derived, and every input is "about".

    python examples/trade_target.py
"""

from decimal import Decimal

import bilateral
from bilateral.render import cells, tables

venezuela = bilateral.datasets.partnership("russia-venezuela")
print(tables.render(tables.trade(venezuela), "github"))
print()

(progress,) = bilateral.summarize(venezuela).trade.targets
baseline, target = progress.baseline, progress.target
start = baseline.period.end or baseline.period.start
print(
    f"From {cells.money(baseline.value)} in {start.year} to {cells.money(target.value)} by {target.by}: "
    f"{progress.achieved}% of the way, needing about {progress.required_growth}% a year for {progress.years} years."
)

# The pace of 2018-2024: "up roughly 54%" over six years. The rate the target
# needs is computed unrounded, so the path ends on the target.
change = next(c for c in venezuela.trade.changes if c.id == "trade-growth-2018-2024")
span = change.period.start.year - change.baseline.start.year
past_pace = (1 + change.value / 100) ** (Decimal(1) / span) - 1
needed = (target.value.amount / baseline.value.amount) ** (Decimal(1) / progress.years) - 1

rows = []
for year in range(start.year, target.by.year + 1):
    n = year - start.year
    at_needed = baseline.value.amount * (1 + needed) ** n
    at_past = baseline.value.amount * (1 + past_pace) ** n
    rows.append(
        (
            str(year),
            cells.money(bilateral.Money(at_needed, "USD", bilateral.Qualifier.ABOUT)),
            cells.money(bilateral.Money(at_past, "USD", bilateral.Qualifier.ABOUT)),
        )
    )
path = tables.Table(
    title="Trade paths (derived)",
    headers=(
        "year",
        f"at {progress.required_growth}% a year (reaches the target)",
        f"at {past_pace * 100:.1f}% a year (the 2018–2024 pace)",
    ),
    rows=tuple(rows),
    notes=("Derived by arithmetic from approximate figures; not a forecast.",),
)
print()
print(tables.render(path, "github"))
