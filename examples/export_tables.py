"""Tidy tables for other tools: export the bundled data as CSV, and read it back with no library.

Writes every bundled partnership as a Frictionless Data Package (one CSV file
per table, and datapackage.json) into a folder, then reads the instruments
back with the standard library's csv module and asks which had begun
(been announced, signed or in force) by 30 June 2015. A date known only to its month or year has its
earliest and latest day in two columns, so the answer can be "yes", "no", or
"not known" where the date straddles the day: nothing is guessed.

    python examples/export_tables.py [FOLDER]
"""

import csv
import datetime as dt
import sys
import tempfile
from collections import Counter
from pathlib import Path

import bilateral

folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp())
descriptor = bilateral.export.write(bilateral.datasets.bundle(), folder)
print(f"wrote {descriptor.name} and {len(bilateral.export.layout())} CSV files")

DAY = dt.date(2015, 6, 30)


def begun(row: dict[str, str]) -> str:
    """Whether the instrument had been announced, signed or in force by DAY: yes, no, not known or undated."""
    bounds = [
        (dt.date.fromisoformat(row[f"{step}_earliest"]), dt.date.fromisoformat(row[f"{step}_latest"]))
        for step in ("announced", "signed", "in_force")
        if row[step]  # empty: the sources give no date
    ]
    if not bounds:
        return "undated"
    if any(latest <= DAY for _, latest in bounds):
        return "yes"
    if all(earliest > DAY for earliest, _ in bounds):
        return "no"
    return "not known"


with (folder / "instruments.csv").open(encoding="utf-8", newline="") as handle:
    rows = list(csv.DictReader(handle))

counts: dict[str, Counter[str]] = {}
for row in rows:
    counts.setdefault(row["partnership"], Counter())[begun(row)] += 1
print(f"\nbegun (announced, signed or in force) by {DAY:%d %B %Y}:")
print(f"{'partnership':<20} {'yes':>4} {'no':>4} {'not known':>10} {'undated':>8}")
for partnership, found in counts.items():
    print(
        f"{partnership:<20} {found['yes']:>4} {found['no']:>4} {found['not known']:>10} {found['undated']:>8}"
    )
