"""Two partnerships compared, area by area, as a Markdown table.

Compares the bundled Russia–Venezuela and Russia–Iran datasets on the same
metrics: per cooperation area, how many instruments each records and how
many were in force on its dataset's date, and the kinds of instrument; then
the areas that only one of them covers, the actors they share, and how many
of each one's instruments run into sanctions.

A blank area in Russia–Iran means "not encoded", not "no cooperation": the
comparator datasets are much thinner than the reference one.

    python examples/compare_partnerships.py
"""

import bilateral
from bilateral.render import tables

venezuela = bilateral.datasets.partnership("russia-venezuela")
iran = bilateral.datasets.partnership("russia-iran")
comparison = bilateral.compare(venezuela, iran)

print(tables.render(tables.comparison(comparison), "github"))
print()
only = [row.area.label for row in comparison.only_some]
print(f"Areas recorded for only one of them ({len(only)}): {', '.join(only)}")
for cell, partnership in zip(comparison.exposure, comparison.partnerships, strict=True):
    print(f"{partnership.title}: {cell.exposed} of {cell.instruments} instruments exposed to sanctions")
