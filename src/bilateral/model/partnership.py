"""Partnerships, and the datasets that hold them with the records they share.

A `Partnership` is an undirected pair of states and everything the sources say
of their cooperation. A `Dataset` is what a file holds: one or more
partnerships, and the sources, actors and sanction measures they share, so
that the sanctions on Russia are written once for every Russian partnership.
`Dataset.partnership` returns a partnership with the shared records it uses
folded in, ready for analysis.
"""

import datetime as dt
from collections.abc import Iterable
from typing import TypeVar

import attrs

from bilateral.model.actors import Actor, ActorKind
from bilateral.model.checks import checks, country, identifier, non_empty
from bilateral.model.debt import DebtRestructuring
from bilateral.model.disruptions import Disruption
from bilateral.model.instruments import Instrument
from bilateral.model.sanctions import SanctionMeasure
from bilateral.model.sources import Source
from bilateral.model.trade import Trade
from bilateral.model.walk import references

__all__ = ["SCHEMA_VERSION", "Dataset", "Partnership"]

#: The version of the file format this release writes. It reads every version
#: from 1: version 1 wrote an alternative claim's value as text
#: (``value: '{amount: "3200000000", currency: USD}'``), version 2 writes it as
#: the disputed field itself is written.
SCHEMA_VERSION = 2


@attrs.frozen
class Partnership:
    """Two states and what the sources say of their cooperation.

    The pair is undirected: ``parties`` lists both states in the order the
    dataset's author chose, and `pair` compares without order. Flows within it
    (trade, credit, arms) carry their own direction.

    Attributes:
        id: The id of the partnership (``russia-venezuela``).
        parties: The two states (ISO 3166-1 alpha-3).
        title: Its name for tables and reports.
        data_as_of: The date the data runs to: statuses are as of this day.
        description: A paragraph on what the dataset covers.
        sources: Sources defined for this partnership alone.
        actors: Actors defined for this partnership alone.
        sanctions: Sanction measures defined for this partnership alone.
        instruments: The instruments of cooperation.
        trade: Trade figures, changes and targets.
        debts: Debt restructurings.
        disruptions: Disruptions.
        notes: Coverage, gaps and anything else a reader should know.
    """

    id: str = attrs.field(**checks(identifier))
    parties: tuple[str, str] = attrs.field(**checks(country))
    title: str = attrs.field(**checks(non_empty))
    data_as_of: dt.date
    description: str | None = None
    sources: tuple[Source, ...] = ()
    actors: tuple[Actor, ...] = ()
    sanctions: tuple[SanctionMeasure, ...] = ()
    instruments: tuple[Instrument, ...] = ()
    trade: Trade = Trade()  # noqa: RUF009 - frozen, so one shared default is safe
    debts: tuple[DebtRestructuring, ...] = ()
    disruptions: tuple[Disruption, ...] = ()
    notes: str | None = None

    @property
    def pair(self) -> frozenset[str]:
        """The two parties, without order."""
        return frozenset(self.parties)

    def source(self, source_id: str) -> Source:
        """The source with this id.

        Raises:
            LookupError: No source has this id.
        """
        return _find(self.sources, source_id, "source")

    def actor(self, actor_id: str) -> Actor:
        """The actor with this id.

        Raises:
            LookupError: No actor has this id.
        """
        return _find(self.actors, actor_id, "actor")

    def instrument(self, instrument_id: str) -> Instrument:
        """The instrument with this id.

        Raises:
            LookupError: No instrument has this id.
        """
        return _find(self.instruments, instrument_id, "instrument")


@attrs.frozen
class Dataset:
    """What a data file holds: partnerships and the records they share.

    Attributes:
        schema_version: The version of the file format.
        sources: Sources that any partnership may cite.
        actors: Actors that any partnership may name.
        sanctions: Sanction measures that bear on any partnership whose
            parties or actors they target.
        partnerships: The partnerships.
    """

    schema_version: int = SCHEMA_VERSION
    sources: tuple[Source, ...] = ()
    actors: tuple[Actor, ...] = ()
    sanctions: tuple[SanctionMeasure, ...] = ()
    partnerships: tuple[Partnership, ...] = ()

    @classmethod
    def of(cls, *partnerships: Partnership) -> "Dataset":
        """A dataset that holds these partnerships and nothing shared."""
        return cls(partnerships=partnerships)

    def ids(self) -> tuple[str, ...]:
        """The ids of the partnerships, in file order."""
        return tuple(p.id for p in self.partnerships)

    def partnership(self, partnership_id: str | None = None) -> Partnership:
        """A partnership with the shared records it uses folded in.

        The result holds the partnership's own records, then the shared actors
        it names or whose country is a party, the shared sanction measures that
        target a party or one of its actors, and the shared sources that any of
        these cite. With no id, the dataset must hold exactly one partnership.

        Raises:
            LookupError: No partnership has this id, or none was named and
                the dataset holds more than one.
        """
        if partnership_id is None:
            if len(self.partnerships) != 1:
                raise LookupError(
                    f"the dataset holds {len(self.partnerships)} partnerships "
                    f"({', '.join(self.ids()) or 'none'}); name one"
                )
            own = self.partnerships[0]
        else:
            own = _find(self.partnerships, partnership_id, "partnership")
        return _resolve(self, own)


_Record = TypeVar("_Record", Source, Actor, Instrument, Partnership)


def _find(records: Iterable[_Record], record_id: str, what: str) -> _Record:
    for record in records:
        if record.id == record_id:
            return record
    raise LookupError(f"no {what} has the id {record_id!r}")


def _refs(value: object, kind: str) -> set[str]:
    return {ref for _, k, ref in references(value) if k == kind}


def _resolve(dataset: Dataset, own: Partnership) -> Partnership:
    """Fold into ``own`` the shared records it uses (see `Dataset.partnership`)."""
    own_ids = {a.id for a in own.actors}
    named = _refs((own.instruments, own.trade, own.debts, own.disruptions, own.actors), "actor")
    named |= _refs(own.sanctions, "actor")
    shared = {a.id: a for a in dataset.actors if a.id not in own_ids}
    wanted = {
        a.id
        for a in shared.values()
        if a.id in named or (a.kind is ActorKind.STATE and a.country in own.parties)
    }
    sanctions = tuple(
        m
        for m in dataset.sanctions
        if any(t.country in own.parties or t.actor in wanted | own_ids for t in m.targets)
    )
    # Follow references from the shared records that come along (a measure's
    # sender, an actor's parent) until nothing new is named.
    while True:
        more = _refs((sanctions, tuple(shared[i] for i in wanted)), "actor") & shared.keys()
        if more <= wanted:
            break
        wanted |= more
    actors = tuple(a for a in dataset.actors if a.id in wanted)
    cited = _refs((own, actors, sanctions), "source")
    own_sources = {s.id for s in own.sources}
    sources = tuple(s for s in dataset.sources if s.id in cited and s.id not in own_sources)
    return attrs.evolve(
        own,
        sources=(*own.sources, *sources),
        actors=(*own.actors, *actors),
        sanctions=(*own.sanctions, *sanctions),
    )
