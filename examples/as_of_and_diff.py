"""What stood on a given day, and what changed between two versions of a file.

First, snapshots of the bundled Russia–Venezuela dataset on four days: how
many instruments were certainly in force, and how many the sources leave
open ("not known", never guessed), with the instruments whose answer changed
from one day to the next. Many answers settle on the dataset's own date,
because the status it records says what held on that day.

Then a diff. ``my-partnership.yaml`` (beside this script) records the
strategic partnership treaty as "signed in May 2025", as the RT article
says. The reference dataset has its full title and exact day, from other
sources; refining the record with them, and citing those sources, is the
kind of edit ``diff`` reports field by field. The refined record also
answers an as-of question that the first one could not.

    python examples/as_of_and_diff.py
"""

import datetime as dt
import itertools
from pathlib import Path

import attrs

import bilateral
from bilateral.render import tables

venezuela = bilateral.datasets.partnership("russia-venezuela")
days = [dt.date(2025, 1, 1), dt.date(2025, 6, 1), dt.date(2025, 11, 1), venezuela.data_as_of]
snapshots = [bilateral.as_of(venezuela, day) for day in days]

print(f"{venezuela.title}: {len(venezuela.instruments)} instruments")
for snapshot in snapshots:
    print(f"  {snapshot.date}: {len(snapshot.active):>2} in force, {len(snapshot.not_known):>2} not known")

answer = {True: "in force", False: "not in force", None: "not known"}
for before, after in itertools.pairwise(snapshots):
    for old, new in zip(before.instruments, after.instruments, strict=True):
        if old.active != new.active:
            print(
                f"  {before.date} → {after.date}: {new.instrument.id}: "
                f"{answer[old.active]} → {answer[new.active]}"
            )

# The user's own file, and the same partnership with the treaty refined.
mine = bilateral.load(Path(__file__).with_name("my-partnership.yaml")).partnership()
treaty = mine.instrument("strategic-partnership-treaty")
reference = venezuela.instrument("strategic-partnership-treaty-2025")
cited = {c.source for c in reference.citations}
refined = attrs.evolve(
    treaty, title=reference.title, signed=reference.signed, citations=treaty.citations + reference.citations
)
updated = attrs.evolve(
    mine,
    instruments=tuple(refined if i.id == treaty.id else i for i in mine.instruments),
    sources=mine.sources + tuple(s for s in venezuela.sources if s.id in cited and s not in mine.sources),
)

print()
print(tables.render(tables.diff(bilateral.diff(mine, updated)), "github"))
day = dt.date(2025, 5, 15)
yes_no = {True: "yes", False: "no", None: "not known"}
for label, version in (("before", mine), ("after", updated)):
    state = bilateral.as_of(version, day).state(treaty.id)
    print(f"Signed by {day}? {label} the edit: {yes_no[state.signed]}")
