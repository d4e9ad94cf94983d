"""Cooperation areas, the one taxonomy every record is filed under.

Each area maps to the World Treaty Index (WTI) topic codes that cover it, so
that records can be joined to treaty datasets. Where the WTI has no topic code
for an area, the mapping names only the WTI topic group, or nothing, rather
than a guess.
"""

from bilateral.model.vocabulary import Vocabulary

__all__ = ["WTI_TOPIC_GROUPS", "CooperationArea"]

#: The WTI topic group of each topic code used here.
WTI_TOPIC_GROUPS: dict[str, str] = {
    "ALLY": "diplomacy",
    "AMITY": "diplomacy",
    "TRADE": "economic",
    "INVES": "economic",
    "PAYMT": "economic",
    "TOUR": "economic",
    "TECH": "economic",
    "LOAN": "aid",
    "MILIT": "aid",
    "ATOM": "aid",
    "MEDIA": "communications",
    "TELCO": "communications",
    "CULT": "culture",
    "EDUC": "culture",
    "SCIEN": "culture",
    "SPACE": "culture",
    "ENERG": "resources",
    "METAL": "resources",
    "AGRIC": "resources",
    "FISH": "resources",
    "VISAS": "administration",
}


class CooperationArea(Vocabulary):
    """The areas in which two states cooperate.

    Attributes:
        ENERGY: Oil, gas, power, energy-market coordination.
        DEFENCE: Arms, military-technical cooperation, defence industry.
        TRADE: Trade in goods and services.
        FINANCE: Payments, banking, credit and debt.
        INVESTMENT: Direct investment and joint ventures as investments.
        MINING: Mining and natural resources other than energy.
        AGRICULTURE: Agriculture, food and fisheries.
        TRANSPORT: Transport links and infrastructure.
        COMMUNICATIONS: Telecommunications and media.
        SCIENCE_TECHNOLOGY: Science, technology, space and nuclear research.
        EDUCATION: Education, study places, scholarships.
        CULTURE: Culture, arts and humanitarian exchange.
        HEALTH: Health, medicines and vaccines.
        DIPLOMACY: Political relations, alliances, mutual support, parliaments.
        SECURITY: Internal security, counter-terrorism, law enforcement.
        TOURISM: Tourism, air travel and visa regimes.
    """

    ENERGY = "energy"
    DEFENCE = "defence"
    TRADE = "trade"
    FINANCE = "finance"
    INVESTMENT = "investment"
    MINING = "mining"
    AGRICULTURE = "agriculture"
    TRANSPORT = "transport"
    COMMUNICATIONS = "communications"
    SCIENCE_TECHNOLOGY = "science_technology"
    EDUCATION = "education"
    CULTURE = "culture"
    HEALTH = "health"
    DIPLOMACY = "diplomacy"
    SECURITY = "security"
    TOURISM = "tourism"

    @property
    def wti_topics(self) -> tuple[str, ...]:
        """The World Treaty Index topic codes that cover this area (may be empty).

        Examples:
            >>> CooperationArea.FINANCE.wti_topics
            ('PAYMT', 'LOAN')
        """
        return _WTI_TOPICS[self]

    @property
    def wti_group(self) -> str | None:
        """The World Treaty Index topic group of this area, if there is one."""
        topics = _WTI_TOPICS[self]
        if topics:
            return WTI_TOPIC_GROUPS[topics[0]]
        return _WTI_GROUP_ONLY.get(self)

    @property
    def label(self) -> str:
        """The area's name in plain English ("science and technology")."""
        return self.value.replace("_", " and ")


_WTI_TOPICS: dict[CooperationArea, tuple[str, ...]] = {
    CooperationArea.ENERGY: ("ENERG",),
    CooperationArea.DEFENCE: ("MILIT",),
    CooperationArea.TRADE: ("TRADE",),
    CooperationArea.FINANCE: ("PAYMT", "LOAN"),
    CooperationArea.INVESTMENT: ("INVES",),
    CooperationArea.MINING: ("METAL",),
    CooperationArea.AGRICULTURE: ("AGRIC", "FISH"),
    CooperationArea.TRANSPORT: (),
    CooperationArea.COMMUNICATIONS: ("TELCO", "MEDIA"),
    CooperationArea.SCIENCE_TECHNOLOGY: ("SCIEN", "TECH", "SPACE", "ATOM"),
    CooperationArea.EDUCATION: ("EDUC",),
    CooperationArea.CULTURE: ("CULT",),
    CooperationArea.HEALTH: (),
    CooperationArea.DIPLOMACY: ("AMITY", "ALLY"),
    CooperationArea.SECURITY: (),
    CooperationArea.TOURISM: ("TOUR", "VISAS"),
}

# Areas whose WTI topic group is known but which no topic code of ours covers.
_WTI_GROUP_ONLY: dict[CooperationArea, str] = {
    CooperationArea.TRANSPORT: "transport",
    CooperationArea.HEALTH: "welfare",
}
