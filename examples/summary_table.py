"""A summary of a partnership as Markdown tables, ready to paste into a report.

Prints the key figures of the bundled Russia–Venezuela dataset, then its
cooperation areas: for each, the instruments by status and how many were in
force on the dataset's date ("not known" where the sources leave it open).

    python examples/summary_table.py > summary.md
"""

import bilateral
from bilateral.render import tables

venezuela = bilateral.datasets.partnership("russia-venezuela")

print(f"## {venezuela.title}, as of {venezuela.data_as_of.day} {venezuela.data_as_of:%B %Y}\n")
print(tables.render(tables.overview(venezuela), "github"))
print()
# The areas table also names each area's first and latest development;
# a summary needs fewer columns.
areas = tables.areas(venezuela).select("area", "instruments", "by status", "in force")
print(tables.render(areas, "github", citations="none"))
