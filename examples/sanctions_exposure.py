"""Sanctions exposure: which instruments run into which sanction measures.

For the bundled Russia–Venezuela dataset, counts the instruments each
sender's measures reach, then lists the instruments that run through a
sanctioned actor (PDVSA, Rosneft, Evrofinance Mosnarbank), with the measure's
legal basis and date, as a Markdown table with footnoted sources.

"In force: not known" is an honest answer: none of these measures has an end
date in the sources, so whether it still applied on the dataset's date is
left open rather than assumed.

    python examples/sanctions_exposure.py
"""

import bilateral
from bilateral.render import tables

venezuela = bilateral.datasets.load("russia-venezuela")
found = bilateral.exposure(venezuela)

print(
    f"{venezuela.title}, as of {found.date}: {len(found.instruments)} of {len(venezuela.instruments)} instruments exposed"
)
for sender, hits in found.by_sender():
    reached = {hit.instrument.id for hit in hits}
    print(f"  {sender}: {len(reached)} instrument{'s' if len(reached) != 1 else ''}")
print()

# Only the measures that name one of an instrument's actors (or an owner of
# one); the country-wide routes are in tables.exposure(venezuela) too.
by_actor = tables.exposure(venezuela, via=bilateral.Route.ACTOR)
print(
    tables.render(
        by_actor.select("instrument", "sender", "legal basis", "since", "via", "in force"), "github"
    )
)
