"""Sources, the citations that point to them, and claims that disagree.

Every claim in a dataset rests on citations. A `Citation` names a `Source` by
id and may quote it. Where sources disagree on a value, the record holds the
value it prefers, and each other claimed value stands beside it as an
`AlternativeClaim` with citations of its own.
"""

import re
from typing import Any

import attrs

from bilateral.errors import shown
from bilateral.model.checks import checks, country, identifier, language, non_empty, refers
from bilateral.model.dates import PartialDate
from bilateral.model.vocabulary import Vocabulary

__all__ = ["AlternativeClaim", "Citation", "Source", "SourceKind", "claimable"]

_GRADE_RE = re.compile(r"[A-F][1-6]", re.ASCII)


def _grade(value: str) -> None:
    if not _GRADE_RE.fullmatch(value):
        raise ValueError(
            f"{shown(value)} is not an Admiralty grade (a letter A-F for the source's "
            "reliability and a digit 1-6 for the information's credibility, e.g. 'B2')"
        )


class SourceKind(Vocabulary):
    """What kind of publisher a source is (after AidData's source types).

    Attributes:
        OFFICIAL: A government, parliament, court or international body's own document.
        WIRE: A wire or news agency (TASS, RIA, Interfax, Reuters, AP, AFP, Bloomberg).
        STATE_MEDIA: State-affiliated media (RT, Sputnik, teleSUR).
        INDEPENDENT_MEDIA: Other news media.
        LAW_FIRM: A law firm's or compliance firm's summary.
        ACADEMIC: Research institutes, universities, datasets.
        COMPANY: A company's own statement.
        NGO: A non-governmental organisation.
        OTHER: Blogs, aggregators, forums and anything else.
    """

    OFFICIAL = "official"
    WIRE = "wire"
    STATE_MEDIA = "state_media"
    INDEPENDENT_MEDIA = "independent_media"
    LAW_FIRM = "law_firm"
    ACADEMIC = "academic"
    COMPANY = "company"
    NGO = "ngo"
    OTHER = "other"


@attrs.frozen
class Source:
    """A document that claims are taken from.

    Attributes:
        id: The id citations use.
        title: The document's title, or a description where it has none.
        publisher: Who published it.
        kind: What kind of publisher that is.
        country: The publisher's country (ISO 3166-1 alpha-3), if it has one.
        url: Where the copy consulted is.
        published: When it was published; None if unknown. An estimate is
            marked approximate (``2026-01~``) and explained in ``notes``.
        republisher: Who republished the copy consulted, if not the publisher.
        language: The language of the copy consulted (ISO 639-1).
        reliability: An Admiralty grade such as ``B2``, if one was given.
        weak: The source may only corroborate: a claim resting on weak
            sources alone is not supported.
        notes: Anything a reader should know about the source.
    """

    id: str = attrs.field(**checks(identifier))
    title: str = attrs.field(**checks(non_empty))
    publisher: str = attrs.field(**checks(non_empty))
    kind: SourceKind
    country: str | None = attrs.field(default=None, **checks(country))
    url: str | None = None
    published: PartialDate | None = None
    republisher: str | None = None
    language: str | None = attrs.field(default=None, **checks(language))
    reliability: str | None = attrs.field(default=None, **checks(_grade))
    weak: bool = False
    notes: str | None = None


@attrs.frozen
class Citation:
    """A pointer from a claim to the source that makes it.

    Attributes:
        source: The id of the `Source`.
        excerpt: A short verbatim quotation, in the source's language.
        locator: Where in the source (a paragraph, a page, a section).
    """

    source: str = attrs.field(**refers("source"))
    excerpt: str | None = None
    locator: str | None = None


@attrs.frozen
class AlternativeClaim:
    """A value of a record's field that another source claims instead.

    The value has the type of the field it disputes: a `PartialDate` for
    ``signed``, a `Money` for ``value``, a `Status` for ``status``, a tuple of
    actor ids for ``participants``. Files write it as they write the field
    itself (``value: {amount: "3200000000", currency: USD}``), and it is
    checked as the field is: its codes, its dates, the ids it names.

    Attributes:
        field: The name of the field the claim is about (``signed``).
        value: The claimed value, of the disputed field's type (never None, or null in a file:
            a claim that a value is not known is no claim).
        citations: The sources that claim it.
        note: Why the record's own value was preferred, or what to make of this one.

    Examples:
        >>> from bilateral import PartialDate
        >>> claim = AlternativeClaim("signed", PartialDate.parse("2006-07-17"), (Citation("blog"),))
        >>> claim.value.precision
        'day'
    """

    field: str = attrs.field(**checks(non_empty))
    value: Any
    citations: tuple[Citation, ...]
    note: str | None = None


#: Fields that no alternative claim can be about.
_UNCLAIMABLE = frozenset({"id", "citations", "alternatives", "notes", "confirmed"})


def claimable(cls: type) -> tuple[str, ...]:
    """The fields of a record class that an `AlternativeClaim` can dispute, in field order.

    Examples:
        >>> from bilateral import TradeFigure
        >>> claimable(TradeFigure)
        ('period', 'origin', 'destination', 'value', 'commodities')
    """
    return tuple(f.name for f in attrs.fields(cls) if f.name not in _UNCLAIMABLE)
