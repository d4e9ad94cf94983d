"""Partnerships, and the datasets that hold them with the records they share.

A `Partnership` is an undirected pair of states and everything the sources say
of their cooperation. A `Dataset` is what a file holds: one or more
partnerships, and the sources, actors and sanction measures they share, so
that the sanctions on Russia are written once for every Russian partnership.
`Dataset.partnership` returns a partnership with the shared records it uses
folded in, ready for analysis.
"""

import datetime as dt
import weakref
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
from bilateral.model.walk import referenced

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
            found = _index(self).partnerships.get(partnership_id)
            if found is None:
                raise LookupError(f"no partnership has the id {partnership_id!r}")
            own = found
        return _resolve(self, own)


_Record = TypeVar("_Record", Source, Actor, Instrument, Partnership)


def _find(records: Iterable[_Record], record_id: str, what: str) -> _Record:
    for record in records:
        if record.id == record_id:
            return record
    raise LookupError(f"no {what} has the id {record_id!r}")


class _Index:
    """What `_resolve` needs of a dataset, by id and by country, worked out once per dataset.

    A dataset is frozen and holds frozen records, so what is found once stays
    true. The references of each shared record are walked the first time a
    partnership needs them, then kept.
    """

    def __init__(self, dataset: Dataset) -> None:
        self.partnerships: dict[str, Partnership] = {}
        for p in dataset.partnerships:
            self.partnerships.setdefault(p.id, p)
        self.actors = dataset.actors
        # The last actor of an id, as a dict keeps it.
        self.shared: dict[str, Actor] = {a.id: a for a in dataset.actors}
        self.actor_places = _places(dataset.actors)
        self.states: dict[str, list[str]] = {}
        for a in self.shared.values():
            if a.kind is ActorKind.STATE and a.country is not None:
                self.states.setdefault(a.country, []).append(a.id)
        self.sanctions = dataset.sanctions
        self.on_country: dict[str, list[int]] = {}
        self.on_actor: dict[str, list[int]] = {}
        for index, m in enumerate(dataset.sanctions):
            for t in m.targets:
                if t.country is not None:
                    self.on_country.setdefault(t.country, []).append(index)
                if t.actor is not None:
                    self.on_actor.setdefault(t.actor, []).append(index)
        self.sources = dataset.sources
        self.source_places = _places(dataset.sources)
        self._actor_refs: dict[str, set[str]] = {}
        self._measure_refs: dict[int, dict[str, set[str]]] = {}
        self._actor_record_refs: dict[int, dict[str, set[str]]] = {}

    def actor_refs(self, actor_id: str) -> set[str]:
        """The actors that the shared actor with this id (the last of the id) names."""
        found = self._actor_refs.get(actor_id)
        if found is None:
            found = self._actor_refs[actor_id] = referenced(self.shared[actor_id]).get("actor", set())
        return found

    def measure_refs(self, index: int) -> dict[str, set[str]]:
        """What the shared measure at ``index`` names, by kind."""
        found = self._measure_refs.get(index)
        if found is None:
            found = self._measure_refs[index] = referenced(self.sanctions[index])
        return found

    def actor_record_refs(self, index: int) -> dict[str, set[str]]:
        """What the shared actor at ``index`` (this record, of any id) names, by kind."""
        found = self._actor_record_refs.get(index)
        if found is None:
            found = self._actor_record_refs[index] = referenced(self.actors[index])
        return found


def _places(records: Iterable[_Record]) -> dict[str, list[int]]:
    """The positions of the records of each id."""
    places: dict[str, list[int]] = {}
    for index, record in enumerate(records):
        places.setdefault(record.id, []).append(index)
    return places


# Keyed by the dataset's identity, not its value: hashing a dataset walks all of it.
_INDEXES: dict[int, tuple["weakref.ref[Dataset]", _Index]] = {}


def _index(dataset: Dataset) -> _Index:
    key = id(dataset)
    entry = _INDEXES.get(key)
    if entry is not None and entry[0]() is dataset:
        return entry[1]
    index = _Index(dataset)

    def forget(ref: "weakref.ref[Dataset]") -> None:
        if _INDEXES.get(key, (None,))[0] is ref:
            del _INDEXES[key]

    _INDEXES[key] = (weakref.ref(dataset, forget), index)
    return index


def _resolve(dataset: Dataset, own: Partnership) -> Partnership:
    """Fold into ``own`` the shared records it uses (see `Dataset.partnership`).

    The shared actors are those it names or whose country is a party; the
    shared measures, those that target a party or one of those actors (or
    its own); then every actor the measures and actors that come along name
    (a measure's sender, an actor's parent), until nothing new is named; and
    the shared sources that any of these cite. Each comes in dataset order.
    """
    index = _index(dataset)
    own_ids = {a.id for a in own.actors}
    found = referenced((own.instruments, own.trade, own.debts, own.disruptions, own.actors, own.sanctions))
    named = found.get("actor", set())
    cited = found.get("source", set()) | referenced(own.sources).get("source", set())
    wanted = {i for i in named if i in index.shared and i not in own_ids}
    for party in own.parties:
        wanted.update(i for i in index.states.get(party, ()) if i not in own_ids)
    targeted = wanted | own_ids
    chosen = {m for party in own.parties for m in index.on_country.get(party, ())}
    chosen.update(m for actor in targeted for m in index.on_actor.get(actor, ()))
    picked = sorted(chosen)
    # Follow references from the shared records that come along (a measure's
    # sender, an actor's parent) until nothing new is named.
    from_measures: set[str] = set()
    for m in picked:
        from_measures |= index.measure_refs(m).get("actor", set())
    while True:
        more = set(from_measures)
        for i in wanted:
            more |= index.actor_refs(i)
        more = {i for i in more if i in index.shared and i not in own_ids}
        if more <= wanted:
            break
        wanted |= more
    places = sorted(p for i in wanted for p in index.actor_places[i])
    actors = tuple(index.actors[p] for p in places)
    for p in places:
        cited |= index.actor_record_refs(p).get("source", set())
    for m in picked:
        cited |= index.measure_refs(m).get("source", set())
    own_sources = {s.id for s in own.sources}
    sources = tuple(
        index.sources[p]
        for p in sorted(p for i in cited - own_sources for p in index.source_places.get(i, ()))
    )
    return attrs.evolve(
        own,
        sources=(*own.sources, *sources),
        actors=(*own.actors, *actors),
        sanctions=(*own.sanctions, *(index.sanctions[m] for m in picked)),
    )
