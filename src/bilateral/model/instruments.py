"""Instruments, the unit of cooperation: treaties, ventures, deals, links, programmes.

An instrument has a kind, a status in a documented lifecycle, the four dates
that place it in time (announced, signed, in force, ends) and, for the steps
in between, dated `Milestone` records: ratifications, deliveries, suspensions.
"""

import attrs

from bilateral.model.amounts import Money, Quantity
from bilateral.model.areas import CooperationArea
from bilateral.model.checks import checks, identifier, non_empty, refers
from bilateral.model.dates import PartialDate
from bilateral.model.sources import AlternativeClaim, Citation
from bilateral.model.vocabulary import Vocabulary

__all__ = ["Instrument", "InstrumentKind", "Milestone", "MilestoneKind", "Status"]


class InstrumentKind(Vocabulary):
    """What kind of instrument a record is.

    Attributes:
        TREATY: A treaty between states, subject to ratification.
        AGREEMENT: An intergovernmental or inter-agency agreement or protocol.
        MEMORANDUM: A memorandum of understanding, letter of intent, joint statement.
        JOINT_VENTURE: A jointly owned company or project.
        LICENCE_EXTENSION: The extension of a licence or concession.
        CONTRACT: A commercial contract.
        LOAN: A loan or credit line.
        ARMS_ORDER: An order for arms.
        ARMS_DELIVERY: A delivery of arms (under an order, or with none known).
        LICENSED_PRODUCTION: Production under licence (arms or other).
        MAINTENANCE: Maintenance and service of equipment.
        PAYMENT_LINK: A link between payment systems.
        BANKING_CHANNEL: A bank or correspondent channel for settlement.
        PROGRAMME: A programme such as scholarships or study quotas.
        CULTURAL_EXCHANGE: Festivals, tours, film weeks, exchanges.
        VISA_REGIME: A visa-free or visa-facilitation regime.
        COORDINATION_FORUM: A forum both take part in (OPEC+, a commission).
        DECLARATION: A declaration or statement of support.
        SUPPLY: Shipments of a commodity (oil, fuel, grain).
        PROJECT: An infrastructure or industrial project.
    """

    TREATY = "treaty"
    AGREEMENT = "agreement"
    MEMORANDUM = "memorandum"
    JOINT_VENTURE = "joint_venture"
    LICENCE_EXTENSION = "licence_extension"
    CONTRACT = "contract"
    LOAN = "loan"
    ARMS_ORDER = "arms_order"
    ARMS_DELIVERY = "arms_delivery"
    LICENSED_PRODUCTION = "licensed_production"
    MAINTENANCE = "maintenance"
    PAYMENT_LINK = "payment_link"
    BANKING_CHANNEL = "banking_channel"
    PROGRAMME = "programme"
    CULTURAL_EXCHANGE = "cultural_exchange"
    VISA_REGIME = "visa_regime"
    COORDINATION_FORUM = "coordination_forum"
    DECLARATION = "declaration"
    SUPPLY = "supply"
    PROJECT = "project"


class Status(Vocabulary):
    """Where an instrument stands in its lifecycle, as of the dataset's date.

    The usual path runs ``announced → signed → ratified → in_force →
    operating → completed``; any stage may lead to ``suspended`` (which may
    return to the stage before), ``expired`` or ``cancelled``.

    Attributes:
        ANNOUNCED: Announced or pledged; nothing binding yet (AidData "pledge").
        SIGNED: Signed, not yet ratified or in force (AidData "commitment").
        RATIFIED: Ratified by at least one side, not yet in force.
        IN_FORCE: In force, or ratified by both sides.
        OPERATING: Being carried out: operating, producing, delivering.
        COMPLETED: Delivered or completed.
        SUSPENDED: Halted, possibly for a time.
        EXPIRED: Ended at the end of its term.
        CANCELLED: Cancelled or abandoned before completion.
        UNKNOWN: The sources do not say.
    """

    ANNOUNCED = "announced"
    SIGNED = "signed"
    RATIFIED = "ratified"
    IN_FORCE = "in_force"
    OPERATING = "operating"
    COMPLETED = "completed"
    SUSPENDED = "suspended"
    EXPIRED = "expired"
    CANCELLED = "cancelled"
    UNKNOWN = "unknown"


class MilestoneKind(Vocabulary):
    """What happened at a milestone.

    Attributes:
        ANNOUNCED: Announced or pledged.
        SIGNED: Signed.
        APPROVED: Approved by a body (a parliament, a cabinet).
        RATIFIED: Ratified.
        IN_FORCE: Entered into force.
        STARTED: Work or operation started.
        DELIVERED: A delivery.
        COMPLETED: Completed.
        EXTENDED: Extended.
        SUSPENDED: Suspended.
        RESUMED: Resumed.
        ENDED: Ended, expired or cancelled.
        OTHER: Anything else, said in the description.
    """

    ANNOUNCED = "announced"
    SIGNED = "signed"
    APPROVED = "approved"
    RATIFIED = "ratified"
    IN_FORCE = "in_force"
    STARTED = "started"
    DELIVERED = "delivered"
    COMPLETED = "completed"
    EXTENDED = "extended"
    SUSPENDED = "suspended"
    RESUMED = "resumed"
    ENDED = "ended"
    OTHER = "other"


@attrs.frozen
class Milestone:
    """A dated step in an instrument's life.

    Attributes:
        kind: What happened.
        date: When.
        description: What happened, in a sentence.
        actor: The id of the actor that took the step, if one did.
        quantities: What was delivered or counted at this step.
        citations: The sources for the step.
    """

    kind: MilestoneKind
    date: PartialDate
    description: str = attrs.field(**checks(non_empty))
    actor: str | None = attrs.field(default=None, **refers("actor"))
    quantities: tuple[Quantity, ...] = ()
    citations: tuple[Citation, ...] = ()


@attrs.frozen
class Instrument:
    """A unit of cooperation between the parties.

    Attributes:
        id: The id other records use.
        kind: What kind of instrument it is.
        title: Its name or a short description.
        areas: The cooperation areas it serves (at least one).
        status: Where it stands in its lifecycle as of the dataset's date.
        participants: The ids of the actors taking part.
        provider: For a flow (arms, credit, supplies): the id of the actor it comes from.
        recipient: For a flow: the id of the actor it goes to.
        part_of: The id of the instrument this one belongs to (a delivery
            under a contract, an extension of a venture).
        announced: When it was announced or pledged.
        signed: When it was signed.
        in_force: When it entered into force or began operating.
        ends: When it ends or ended.
        value: Its value, if the sources give one.
        quantities: Counts and measures (24 aircraft, 16,600 barrels a day).
        items: Designations of what it covers (``Su-30MK2``, ``AK-103``).
        milestones: The dated steps in between.
        notes: Anything a reader should know.
        citations: The sources for the instrument.
        alternatives: Values of its fields that other sources claim instead.
    """

    id: str = attrs.field(**checks(identifier))
    kind: InstrumentKind
    title: str = attrs.field(**checks(non_empty))
    areas: tuple[CooperationArea, ...]
    status: Status
    participants: tuple[str, ...] = attrs.field(default=(), **refers("actor"))
    provider: str | None = attrs.field(default=None, **refers("actor"))
    recipient: str | None = attrs.field(default=None, **refers("actor"))
    part_of: str | None = attrs.field(default=None, **refers("instrument"))
    announced: PartialDate | None = None
    signed: PartialDate | None = None
    in_force: PartialDate | None = None
    ends: PartialDate | None = None
    value: Money | None = None
    quantities: tuple[Quantity, ...] = ()
    items: tuple[str, ...] = ()
    milestones: tuple[Milestone, ...] = ()
    notes: str | None = None
    citations: tuple[Citation, ...] = ()
    alternatives: tuple[AlternativeClaim, ...] = ()
