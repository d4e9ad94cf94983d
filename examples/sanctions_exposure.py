"""Sanctions exposure: which instruments run into which sanction measures.

For the bundled Russia–Venezuela dataset, counts the instruments reached by
each route and by each sender's measures, then lists the instruments that
run through a sanctioned actor (PDVSA, Rosneft, Evrofinance Mosnarbank),
with the measure's legal basis and date, as a Markdown table with footnoted
sources.

Most of the count comes through the broad "via country" route: an EU arms
embargo on Venezuela reaches the defence instruments that still existed when
it came (deliveries completed before 2017 are left out). A hit maps where
sanctions and cooperation meet, and says whether the two were in effect
together ("together": yes, or not known, from the earliest day they can have
been); it does not say the measure applies in law. The narrow reading, "via
actor", is the table.

"On the day: not known" is an honest answer: none of these measures has an
end date in the sources, and no confirmation that it still applied is
recorded, so whether it applied on the dataset's date is left open rather
than assumed.

    python examples/sanctions_exposure.py
"""

import bilateral
from bilateral.render import tables

venezuela = bilateral.datasets.partnership("russia-venezuela")
found = bilateral.exposure(venezuela)


def instruments(hits: tuple[bilateral.ExposureHit, ...]) -> str:
    """How many instruments the hits reach: ``1 instrument``, ``6 instruments``."""
    n = len({hit.instrument.id for hit in hits})
    return f"{n} instrument{'s' if n != 1 else ''}"


print(
    f"{venezuela.title}, as of {found.date}: {len(found.instruments)} of {len(venezuela.instruments)} instruments exposed"
)
for route in bilateral.Route:
    print(f"  via {route.value}: {instruments(tuple(h for h in found.hits if h.route is route))}")
for sender, hits in found.by_sender():
    print(f"  from {sender}: {instruments(hits)}")
print()

# Only the measures that name one of an instrument's actors (or an owner of
# one); the country-wide routes are in tables.exposure(venezuela) too.
by_actor = tables.exposure(venezuela, via=bilateral.Route.ACTOR)
print(
    tables.render(
        by_actor.select("instrument", "sender", "legal basis", "together", "via", "on the day"), "github"
    )
)
