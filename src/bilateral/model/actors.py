"""Actors: the states, companies, banks, bodies and systems that take part."""

import attrs

from bilateral.model.checks import checks, country, identifier, non_empty, refers
from bilateral.model.sources import Citation
from bilateral.model.vocabulary import Vocabulary

__all__ = ["Actor", "ActorKind"]


class ActorKind(Vocabulary):
    """What an actor is.

    Attributes:
        STATE: A state as a whole (its government).
        STATE_COMPANY: A company the state owns or controls (PDVSA, Rosneft).
        COMPANY: A private or listed company.
        BANK: A bank, state-owned or not.
        CENTRAL_BANK: A central bank.
        MINISTRY: A ministry or other executive body.
        LEGISLATURE: A parliament or one of its chambers.
        AGENCY: A regulator or government agency (OFAC, the FAA).
        INTERNATIONAL_ORGANISATION: OPEC+, the EU, the UN Security Council.
        PAYMENT_SYSTEM: A card or payment network (Mir, Shetab).
        PERSON: A named person acting in office.
    """

    STATE = "state"
    STATE_COMPANY = "state_company"
    COMPANY = "company"
    BANK = "bank"
    CENTRAL_BANK = "central_bank"
    MINISTRY = "ministry"
    LEGISLATURE = "legislature"
    AGENCY = "agency"
    INTERNATIONAL_ORGANISATION = "international_organisation"
    PAYMENT_SYSTEM = "payment_system"
    PERSON = "person"


@attrs.frozen
class Actor:
    """Someone or something that takes part in a partnership or a sanction.

    Attributes:
        id: The id other records use to name the actor.
        name: The actor's name in English.
        kind: What the actor is.
        country: Its country (ISO 3166-1 alpha-3); None for international bodies.
        aliases: Other names and spellings (``Petróleos de Venezuela, S.A.``).
        parent: The id of the actor that owns or contains this one.
        notes: Anything a reader should know.
        citations: The sources for what is said of the actor.
    """

    id: str = attrs.field(**checks(identifier))
    name: str = attrs.field(**checks(non_empty))
    kind: ActorKind
    country: str | None = attrs.field(default=None, **checks(country))
    aliases: tuple[str, ...] = ()
    parent: str | None = attrs.field(default=None, **refers("actor"))
    notes: str | None = None
    citations: tuple[Citation, ...] = ()
