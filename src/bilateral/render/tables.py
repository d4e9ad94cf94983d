"""Tables of analysis results, with their citations, ready to paste into a report.

Each function takes a partnership (or a comparison) and returns a `Table`:
headers, rows of cell text, and for each row the sources behind it. `render`
turns a table into text in any format, with the sources as numbered
footnotes under it, or as a column.
"""

import datetime as dt
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import attrs

from bilateral.analysis.conflicts import conflicts as find_conflicts
from bilateral.analysis.conflicts import records as claim_records
from bilateral.analysis.snapshot import as_of as snapshot_on
from bilateral.analysis.summary import DisruptionPhase, summarize
from bilateral.analysis.timeline import Event, EventKind
from bilateral.analysis.timeline import timeline as find_timeline
from bilateral.model.amounts import Qualifier
from bilateral.model.areas import CooperationArea
from bilateral.model.dates import PartialDate
from bilateral.model.instruments import InstrumentKind, Status
from bilateral.model.partnership import Partnership
from bilateral.model.sanctions import SanctionTarget
from bilateral.model.sources import Citation, Source, SourceKind
from bilateral.model.trade import TradeChange
from bilateral.model.walk import walk
from bilateral.render import cells
from bilateral.render.formats import (
    SINGLE,
    STATE_ONLY,
    Citations,
    Entry,
    TableFormat,
    Text,
    check_citations,
    dialect,
)

if TYPE_CHECKING:  # imported by the tables that need them: a diff reads records as a file writes them
    from bilateral.analysis.comparison import Comparison
    from bilateral.analysis.diff import Diff
    from bilateral.analysis.exposure import Route

__all__ = [
    "Citations",
    "Table",
    "areas",
    "bibliography",
    "comparison",
    "conflicts",
    "debt",
    "diff",
    "disruptions",
    "evidence",
    "exposure",
    "instruments",
    "overview",
    "render",
    "sanctions",
    "slug",
    "sources",
    "timeline",
    "trade",
]


@attrs.frozen
class Table:
    """A table of cell text, with the sources behind each row.

    Attributes:
        title: What the table shows.
        headers: The column headers.
        rows: The rows, each a tuple of cell text as long as ``headers``.
        row_sources: For each row, the ids of the sources behind it (may be empty).
        sources: Every source the rows may name, by id.
        notes: Lines to print under the table (a legend, a caveat).
        row_flags: Whether each row's marker says it rests on a single source
            (``*``) or on state-affiliated media alone (``§``); off for a table
            whose rows are one citation each, where the marks would say nothing.
    """

    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    row_sources: tuple[tuple[str, ...], ...] = ()
    sources: tuple[Source, ...] = ()
    notes: tuple[str, ...] = ()
    row_flags: bool = True

    def select(self, *headers: str) -> "Table":
        """The same table with only the columns named, in the order named.

        The rows keep their sources, so footnotes still follow them.

        Raises:
            KeyError: A header is not one of the table's, naming those it has.

        Examples:
            >>> t = Table("t", ("a", "b", "c"), (("1", "2", "3"),))
            >>> t.select("c", "a").rows
            (('3', '1'),)
        """
        missing = [h for h in headers if h not in self.headers]
        if missing:
            raise KeyError(f"no column {', '.join(map(repr, missing))} (columns: {', '.join(self.headers)})")
        keep = [self.headers.index(h) for h in headers]
        return attrs.evolve(
            self, headers=tuple(headers), rows=tuple(tuple(row[i] for i in keep) for row in self.rows)
        )


def _cited(citations: Sequence[Citation]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(c.source for c in citations))


def _flags(ids: Sequence[str], by_id: dict[str, Source]) -> str:
    flags = ""
    if len(ids) == 1:
        flags += SINGLE
    if ids and all(by_id[i].kind is SourceKind.STATE_MEDIA for i in ids if i in by_id):
        flags += STATE_ONLY
    return flags


def _source_line(source: Source) -> str:
    parts = [source.publisher, f"“{source.title}”"]
    if source.republisher:
        parts.append(f"via {source.republisher}")
    parts.append(cells.date(source.published) or "date unknown")
    if source.url:
        parts.append(source.url)
    line = ", ".join(parts)
    return f"{line} [weak]" if source.weak else line


def _entry(source: Source | str) -> Entry:
    """A source as listed under a table: its line and its address (an id no source has, alone)."""
    if isinstance(source, Source):
        return _source_line(source), source.url
    return source, None


_LEGEND = f"{SINGLE} rests on a single source; {STATE_ONLY} rests on state-affiliated media alone."


def render(
    tbl: Table,
    fmt: TableFormat = "github",
    citations: Citations = "footnotes",
    fit: bool = True,
    numbering: dict[str, int] | None = None,
    width: int | None = None,
) -> str:
    """The table as text in ``fmt``, with its sources as footnotes, a column, or not at all.

    No cell is shortened, in any format. A LaTeX table is a ``longtable``
    that breaks across pages and repeats its header; with ``fit`` (the
    default) its columns wrap to share the text width
    (``\\usepackage{longtable,array}``, and ``booktabs`` for ``latex_booktabs``).

    Footnote markers follow the first cell of each row, in order; ``*`` marks
    a row that rests on a single source and ``§`` one that rests on
    state-affiliated media alone. In HTML each marker links to its source's
    entry (``#<table-id>-source-N``), and each source's URL is a link.

    With ``citations="column"``, the sources are a ``sources`` column, and
    the marks a ``marks`` column of their own. CSV and TSV, which can hold
    nothing under the rows, always take the sources as those columns.

    With ``numbering`` (a document's, shared by its tables), the footnotes
    take their numbers from it, new sources are added to it, and the table
    lists no sources of its own: the document lists them once (see
    `bibliography`).

    With ``width``, a table in a terminal format (``github``, ``pipe``,
    ``plain``, ``grid``, ``rst``, ``orgtbl``) wraps its longest cells onto
    more lines to fit that many columns, and a note under it says so; no
    word is dropped. The other formats ignore it.

    Raises:
        ValueError: ``fmt`` is not a table format, or ``citations`` not a
            citation mode; the message lists the choices.
    """
    d = dialect(fmt)
    citations = check_citations(citations)
    by_id = {s.id: s for s in tbl.sources}
    row_sources = tbl.row_sources or tuple(() for _ in tbl.rows)
    if not d.footers and citations == "footnotes":
        citations = "column"
    if not tbl.row_sources:  # a table of what no source states (an overview, the sources themselves)
        citations = "none"
    headers, rows = list(tbl.headers), [list(r) for r in tbl.rows]
    shared = numbering is not None
    numbering = {} if numbering is None else numbering
    anchor = "source" if shared else f"{slug(tbl.title)}-source"
    if citations == "column":
        headers.append("sources")
        if tbl.row_flags:
            headers.append("marks")
        for row, ids in zip(rows, row_sources, strict=True):
            row.append("; ".join(_source_line(by_id[i]) if i in by_id else i for i in ids))
            if tbl.row_flags:
                row.append(_flags(ids, by_id))
    escaped = [[d.escape(c) for c in row] for row in rows]
    if citations == "footnotes":
        for ids in row_sources:
            for i in ids:
                numbering.setdefault(i, len(numbering) + 1)
        for row, ids in zip(escaped, row_sources, strict=True):
            if row:
                flags = _flags(ids, by_id) if tbl.row_flags else ""
                row[0] += d.marker([numbering[i] for i in ids], flags, anchor)
    escaped_headers = [d.escape(h) for h in headers]
    notes = list(tbl.notes)
    wraps = width is not None and isinstance(d, Text) and d.wraps
    if wraps:
        assert isinstance(d, Text)
        assert width is not None
        body, wrapped = d.wrapped(escaped_headers, escaped, width)
        if wrapped:
            notes.append(f"Cells wrapped to fit {width} columns; --wide shows each on one line.")
    else:
        body = d.table(escaped_headers, escaped, fit)
    if not d.footers:
        return body
    if citations != "none" and tbl.row_flags and any(_flags(ids, by_id) for ids in row_sources):
        notes.append(_LEGEND)
    listed = [] if shared or citations != "footnotes" else [_entry(by_id.get(i, i)) for i in numbering]
    footer = d.footer(listed, notes, anchor)
    if wraps:
        assert isinstance(d, Text)
        assert width is not None
        footer = d.wrapped_lines(footer, width)
    return body + footer


def slug(text: str) -> str:
    """An HTML id made of a title: ``Russia–Venezuela: instruments`` → ``russia-venezuela-instruments``."""
    words = re.findall(r"\w+", text.lower())
    return "-".join(words) or "table"


def bibliography(numbering: dict[str, int], sources: Sequence[Source], fmt: TableFormat) -> str:
    """The numbered list of a document's sources, by the numbers its tables' footnotes gave them.

    In HTML each entry has the id its markers link to (``source-N``) and its URL is a link.
    """
    by_id = {s.id: s for s in sources}
    listed = [_entry(by_id.get(i, i)) for i in sorted(numbering, key=numbering.__getitem__)]
    return dialect(fmt).footer(listed, (), "source").lstrip("\n")


def _table(
    title: str,
    headers: Sequence[str],
    partnership: Partnership | None,
    items: Sequence[Any],
    row: Any,
    notes: Sequence[str] = (),
) -> Table:
    rows, cited = [], []
    for item in items:
        cells_, citations = row(item)
        rows.append(tuple(cells_))
        cited.append(_cited(citations))
    return Table(
        title,
        tuple(headers),
        tuple(rows),
        tuple(cited),
        partnership.sources if partnership else (),
        tuple(notes),
    )


def _disputed(record: Any, name: str, text: str) -> str:
    """``text``, with the other values claimed for the field, where sources disagree."""
    others = [_claimed(record, name, a.value) for a in getattr(record, "alternatives", ()) if a.field == name]
    return f"{text} (also claimed: {'; '.join(others)})" if others else text


def _claimed(record: Any, name: str, value: Any, own: bool = False) -> str:
    """A value of field ``name`` of ``record`` in words, as the record's own value would be written.

    A stated change's value takes the record's unit (``+64%``), and its hedge
    only where it is the record's ``own`` value: the hedge is not what is disputed.
    An empty list is ``none``.
    """
    if isinstance(record, TradeChange) and name == "value" and value is not None:
        return cells.change(value, record.unit, record.qualifier if own else Qualifier.EXACT)
    if value == ():
        return "none"
    return cells.value(value)


def instruments(
    partnership: Partnership,
    area: CooperationArea | None = None,
    status: Status | None = None,
    kind: InstrumentKind | None = None,
) -> Table:
    """The instruments, filtered by area, status and kind."""
    chosen = [
        i
        for i in partnership.instruments
        if (area is None or area in i.areas)
        and (status is None or i.status is status)
        and (kind is None or i.kind is kind)
    ]

    def row(i: Any) -> tuple[list[str], Sequence[Citation]]:
        amounts = [cells.money(i.value)] if i.value else []
        amounts += [cells.quantity(q) for q in i.quantities]
        return [
            i.title,
            cells.label(i.kind),
            ", ".join(a.label for a in i.areas),
            _disputed(i, "status", cells.label(i.status)),
            _disputed(i, "signed", cells.date(i.signed)),
            _disputed(i, "in_force", cells.date(i.in_force)),
            cells.date(i.ends),
            "; ".join(amounts),
        ], i.citations

    what = ", ".join(
        x for x in (area and area.label, status and cells.label(status), kind and cells.label(kind)) if x
    )
    title = f"{partnership.title}: instruments" + (f" ({what})" if what else "")
    headers = ["instrument", "kind", "areas", "status", "signed", "in force", "ends", "value and quantities"]
    return _table(title, headers, partnership, chosen, row)


def overview(partnership: Partnership, as_of: dt.date | None = None) -> Table:
    """Key figures of a partnership on a day."""
    s = summarize(partnership, as_of)
    snapshot = snapshot_on(partnership, s.date)
    measures = [m.in_force for m in snapshot.measures]
    target = s.trade.targets[0] if s.trade.targets else None
    latest = s.trade.latest[0] if s.trade.latest else None
    rows = [
        ("parties", " and ".join(partnership.parties)),
        ("data as of", cells.date(_day(s.date))),
        ("instruments", _count(len(snapshot.begun), len(snapshot.maybe_begun))),
        ("in force or operating", str(len(snapshot.active))),
        ("cooperation areas", str(len(s.areas))),
        (
            "latest trade figure",
            f"{cells.money(latest.value)} ({cells.period(latest.period)})"
            if latest and latest.value
            else "not known",
        ),
        ("trade target", cells.target(target.target) if target else "none stated"),
        (
            "growth the target needs",
            cells.growth(target.required_growth, target.approximate)
            if target and target.required_growth is not None
            else "not known",
        ),
        ("debt restructurings", _count(*_agreed_by(partnership, s.date))),
        (
            "disruptions",
            _count(
                sum(
                    1
                    for d in s.disruptions
                    if d.phase not in (DisruptionPhase.NOT_STARTED, DisruptionPhase.NOT_KNOWN)
                ),
                sum(1 for d in s.disruptions if d.phase is DisruptionPhase.NOT_KNOWN),
            ),
        ),
        ("sanction measures in force", f"{measures.count(True)} ({measures.count(None)} not known)"),
        ("claims on a single source", f"{s.sources.single_source} of {s.sources.claims}"),
        ("claims on state media alone", f"{s.sources.state_media_only} of {s.sources.claims}"),
    ]
    return Table(f"{partnership.title}: overview", ("figure", "value"), tuple(rows))


def _day(day: dt.date) -> PartialDate:
    return PartialDate.of(day)


def _agreed_by(partnership: Partnership, day: dt.date) -> tuple[int, int]:
    """How many debt restructurings had certainly been agreed by the day, and how many may have."""
    if day >= partnership.data_as_of:
        return len(partnership.debts), 0
    answers = [None if d.agreed is None else d.agreed.on_or_before(day) for d in partnership.debts]
    return answers.count(True), answers.count(None)


def _count(sure: int, maybe: int) -> str:
    """``12``, or ``12 (+1 not known)`` where some may or may not count."""
    return f"{sure} (+{maybe} not known)" if maybe else str(sure)


def areas(partnership: Partnership, as_of: dt.date | None = None) -> Table:
    """Per cooperation area: instruments by status, first and latest development, what is in force."""
    s = summarize(partnership, as_of)
    rows = []
    for a in s.areas:
        rows.append(
            (
                a.area.label,
                _count(len(a.instruments), len(a.maybe_begun)),
                ", ".join(f"{n} {cells.label(st)}" for st, n in a.by_status),
                _event(a.first),
                _event(a.latest),
                f"{len(a.active)} ({len(a.not_known)} not known)",
            )
        )
    headers = ("area", "instruments", "by status", "first development", "latest development", "in force")
    notes: tuple[str, ...] = ()
    if s.date != partnership.data_as_of:
        notes = (
            f"Instruments and their statuses are as recorded on {cells.date(_day(partnership.data_as_of))}; "
            f"the developments and what was in force are as of {cells.date(_day(s.date))}.",
        )
    return Table(f"{partnership.title}: cooperation areas", headers, tuple(rows), notes=notes)


def _event(event: Event | None) -> str:
    return "" if event is None else f"{cells.date(event.date)}: {_what(event)}"


def _what(event: Event) -> str:
    """What happened at an event, its values written by the cell writers."""
    if event.kind is EventKind.TARGET_STATED and event.value is not None:
        return f"{event.description}: {cells.value(event.value)}"
    if event.kind is EventKind.SANCTION_CONFIRMED and event.value is not None:
        return f"{event.description} (until {cells.value(event.value)})"
    return event.description


def trade(partnership: Partnership) -> Table:
    """Trade figures, stated changes, derived values and targets, one line each."""
    t = partnership.trade
    s = summarize(partnership)

    def flow(r: Any) -> str:
        return "turnover" if r.origin is None else f"{r.origin} → {r.destination}"

    rows: list[tuple[str, ...]] = []
    cited: list[tuple[str, ...]] = []
    for f in t.figures:
        rows.append(
            (
                "figure",
                flow(f),
                cells.period(f.period),
                _disputed(f, "value", cells.money(f.value) if f.value else "not known"),
                ", ".join(f.commodities),
            )
        )
        cited.append(_cited(f.citations))
    for c in t.changes:
        since = (
            f"{cells.period(c.baseline)} to {cells.period(c.period)}"
            if c.baseline
            else cells.period(c.period)
        )
        text = cells.change(c.value, c.unit, c.qualifier)
        rows.append(("change", flow(c), since, _disputed(c, "value", text), ", ".join(c.commodities)))
        cited.append(_cited(c.citations))
    for d in s.trade.derived:
        what = d.description
        if d.change is not None and d.figure is not None and d.change.baseline is not None:
            change = cells.change(d.change.value, d.change.unit, d.change.qualifier)
            what = (
                f"value in {cells.period(d.change.baseline)} implied by {change} "
                f"to {cells.period(d.figure.period)}"
            )
        rows.append(("derived", flow(d.figure) if d.figure else "", what, cells.money(d.value), ""))
        cited.append(())
    for p in s.trade.targets:
        growth = (
            f"; needs {cells.growth(p.required_growth, p.approximate)}"
            if p.required_growth is not None
            else ""
        )
        rows.append(
            (
                "target",
                flow(p.target),
                f"by {cells.date(p.target.by)}",
                cells.money(p.target.value) + growth,
                "",
            )
        )
        cited.append(_cited(p.target.citations))
    notes = (
        "Derived values are computed by bilateral from the figures and changes above, not stated by a source.",
    )
    return Table(
        f"{partnership.title}: trade",
        ("kind", "flow", "period", "value", "goods"),
        tuple(rows),
        tuple(cited),
        partnership.sources,
        notes,
    )


def timeline(partnership: Partnership) -> Table:
    """Every dated event, in order."""
    return _table(
        f"{partnership.title}: timeline",
        ("date", "event", "what"),
        partnership,
        find_timeline(partnership),
        lambda e: ([cells.date(e.date), e.kind.label, _what(e)], e.citations),
    )


def debt(partnership: Partnership) -> Table:
    """The debt restructurings and their terms."""

    def row(d: Any) -> tuple[list[str], Sequence[Citation]]:
        terms = []
        if d.term_years is not None:
            terms.append(f"{cells.number(d.term_years)} years")
        if d.grace_years is not None:
            terms.append(f"{cells.number(d.grace_years)} years of grace or minimal payments")
        if d.schedule:
            terms.append(d.schedule)
        return [
            d.title,
            cells.label(d.kind),
            cells.date(d.agreed),
            _disputed(d, "amount", cells.money(d.amount) if d.amount else ""),
            "; ".join(terms),
            cells.date(d.final_payment),
        ], d.citations

    headers = ("restructuring", "kind", "agreed", "amount", "terms", "final payment")
    return _table(f"{partnership.title}: debt", headers, partnership, partnership.debts, row)


def disruptions(partnership: Partnership, as_of: dt.date | None = None) -> Table:
    """The disruptions and where each stands on the day."""
    s = summarize(partnership, as_of)
    return _table(
        f"{partnership.title}: disruptions",
        ("disruption", "period", "cause", "areas", "stance", "on the day"),
        partnership,
        s.disruptions,
        lambda d: (
            [
                d.disruption.title,
                cells.period(d.disruption.period),
                cells.label(d.disruption.cause),
                ", ".join(a.label for a in d.disruption.areas),
                _disputed(
                    d.disruption,
                    "stance",
                    cells.label(d.disruption.stance) if d.disruption.stance else "",
                ),
                cells.label(d.phase),
            ],
            d.disruption.citations,
        ),
    )


def exposure(partnership: Partnership, as_of: dt.date | None = None, via: "Route | None" = None) -> Table:
    """Instruments that run through sanctioned actors or sectors, with the measures.

    ``via`` keeps only the hits of one route: `Route.ACTOR` for the measures
    that name one of an instrument's actors (or an owner of one). The
    "together" column says whether the measure applied while the instrument
    existed, from the earliest day it can have.
    """
    from bilateral.analysis.exposure import exposure as find_exposure

    found = find_exposure(partnership, as_of)
    return _table(
        f"{partnership.title}: sanctions exposure",
        ("instrument", "measure", "sender", "legal basis", "together", "via", "on the day"),
        partnership,
        [h for h in found.hits if via is None or h.route is via],
        lambda h: (
            [
                h.instrument.title,
                h.measure.title,
                h.measure.sender,
                h.measure.legal_basis or "",
                _together(h.overlap, h.overlap_from),
                f"{h.route.value}: {h.through}",
                cells.in_force(h.in_force, h.measure.last_confirmation),
            ],
            h.measure.citations,
        ),
    )


def _together(overlap: bool | None, since: dt.date | None) -> str:
    answer = "yes" if overlap else "not known"
    return f"{answer}, from {cells.day(since)} at the earliest" if since is not None else answer


def _target(target: SanctionTarget, names: dict[str, str]) -> str:
    if target.actor is not None:
        return names.get(target.actor, target.actor)
    assert target.country is not None
    return f"{target.country}: {target.sector.label}" if target.sector is not None else target.country


def sanctions(partnership: Partnership, as_of: dt.date | None = None) -> Table:
    """The sanction measures around the partnership, and whether each applied on the day.

    A measure with no sourced end is in force up to its last confirmation
    and not known after it; the column says when it was last confirmed, and
    the row cites the sources of that confirmation beside the measure's own.
    """
    snapshot = snapshot_on(partnership, as_of or partnership.data_as_of)
    names = {a.id: a.name for a in partnership.actors}
    return _table(
        f"{partnership.title}: sanctions",
        ("measure", "sender", "targets", "types", "period", "on the day"),
        partnership,
        snapshot.measures,
        lambda m: (
            [
                m.measure.title,
                m.measure.sender,
                "; ".join(_target(t, names) for t in m.measure.targets),
                ", ".join(cells.label(t) for t in m.measure.types),
                _disputed(m.measure, "period", cells.period(m.measure.period))
                + ("" if m.measure.stage.value == "imposed" else f" ({cells.label(m.measure.stage)})"),
                cells.in_force(m.in_force, m.confirmation),
            ],
            (*m.measure.citations, *(m.confirmation.citations if m.confirmation is not None else ())),
        ),
    )


def conflicts(partnership: Partnership) -> Table:
    """The disputed values, side by side, each with its sources."""
    rows, cited = [], []
    for c in find_conflicts(partnership):
        rows.append((c.title, c.field, _claimed(c.record, c.field, c.value, own=True), "record"))
        cited.append(_cited(c.citations))
        for a in c.alternatives:
            rows.append(("", "", _claimed(c.record, c.field, a.value), a.note or "alternative"))
            cited.append(_cited(a.citations))
    return Table(
        f"{partnership.title}: conflicting claims",
        ("record", "field", "value", "note"),
        tuple(rows),
        tuple(cited),
        partnership.sources,
    )


def _kind_and_grade(source: Source | None) -> str:
    if source is None:
        return ""
    parts = [cells.label(source.kind)]
    if source.reliability:
        parts.append(f"graded {source.reliability}")
    if source.weak:
        parts.append("weak: corroborates only")
    return ", ".join(parts)


def evidence(partnership: Partnership) -> Table:
    """Every claim with what its sources say: the excerpt, where it is, the kind and grade of source.

    One row per citation of each claim record (instruments, trade records,
    debts, disruptions, sanction measures), then one per citation of each
    value other sources claim instead, with the note that weighs it. The
    record's own notes are on its first row. The markers number the sources
    as every other table does; ``*`` and ``§`` mark a record on one source, or
    on state-affiliated media alone.
    """
    by_id = {s.id: s for s in partnership.sources}
    rows: list[tuple[str, ...]] = []
    cited: list[tuple[str, ...]] = []
    for kind, record in claim_records(partnership):
        name = str(getattr(record, "title", record.id))
        first = True
        ids = _cited(record.citations)
        flags = _flags(ids, by_id)
        for citation in record.citations:
            rows.append(
                (
                    f"{name} ({kind}){flags}" if first else "",
                    "as recorded",
                    citation.excerpt or "",
                    citation.locator or "",
                    _kind_and_grade(by_id.get(citation.source)),
                    (record.notes or "") if first else "",
                )
            )
            cited.append((citation.source,))
            first = False
        for claim in getattr(record, "alternatives", ()):
            for n, citation in enumerate(claim.citations):
                rows.append(
                    (
                        "",
                        f"also claimed: {claim.field} {_claimed(record, claim.field, claim.value)}",
                        citation.excerpt or "",
                        citation.locator or "",
                        _kind_and_grade(by_id.get(citation.source)),
                        (claim.note or "") if n == 0 else "",
                    )
                )
                cited.append((citation.source,))
    return Table(
        f"{partnership.title}: evidence",
        ("claim", "what", "excerpt", "where", "source", "notes"),
        tuple(rows),
        tuple(cited),
        partnership.sources,
        (
            "Excerpts are verbatim, in the source's language; an empty excerpt means the record quotes none.",
            f"{SINGLE} after a claim: it rests on a single source; {STATE_ONLY}: on state-affiliated media alone.",
        ),
        row_flags=False,  # each row is one citation: the claim's own marks say what it rests on
    )


def sources(partnership: Partnership) -> Table:
    """The sources, with how many claims cite each.

    A claim is anything that cites: a record, a milestone, an alternative
    claim, an actor, a confirmation. Each counts once for each source it cites.
    """
    counts: dict[str, int] = {}
    p = partnership
    for _, node in walk((p.actors, p.sanctions, p.instruments, p.trade, p.debts, p.disruptions)):
        citations = getattr(node, "citations", None)
        if isinstance(citations, tuple):
            for i in _cited(citations):
                counts[i] = counts.get(i, 0) + 1
    rows = tuple(
        (
            s.id,
            s.publisher,
            s.title,
            cells.label(s.kind) + (" (weak)" if s.weak else ""),
            cells.date(s.published) or "unknown",
            str(counts.get(s.id, 0)),
        )
        for s in partnership.sources
    )
    return Table(
        f"{partnership.title}: sources", ("id", "publisher", "title", "kind", "published", "claims"), rows
    )


def comparison(result: "Comparison") -> Table:
    """Partnerships as columns; as rows, how old each one's data is, the areas, trade, exposure and shared actors.

    Each column says the day its data runs to, since the partnerships of a
    comparison are rarely recorded to the same day; the trade rows (the
    latest figure, the target, the growth it needs) are the key figures of
    `overview`, on the comparison's day.
    """
    headers = ("area", *(p.title for p in result.partnerships))
    rows: list[tuple[str, ...]] = [
        ("data as of", *(cells.day(p.data_as_of) for p in result.partnerships)),
    ]
    if result.date is not None:
        rows.append(("compared on", *(cells.day(result.date) for _ in result.partnerships)))
    figures: list[dict[str, str]] = [
        {row[0]: row[1] for row in overview(p, result.date).rows} for p in result.partnerships
    ]
    for row in result.areas:
        rows.append(
            (
                row.area.label,
                *(
                    f"{_count(c.instruments, c.maybe_begun)} ({c.active} in force)"
                    + (f": {', '.join(cells.label(k) for k in c.kinds)}" if c.kinds else "")
                    if c.instruments or c.maybe_begun
                    else "—"
                    for c in row.cells
                ),
            )
        )
    rows.append(
        ("sanction measures in force", *(f"{c.measures} ({c.not_known} not known)" for c in result.exposure))
    )
    rows.append(("instruments exposed", *(f"{c.exposed} of {c.instruments}" for c in result.exposure)))
    for figure in ("latest trade figure", "trade target", "growth the target needs"):
        rows.append((figure, *(f.get(figure, "") for f in figures)))
    for actor in result.shared_actors:
        rows.append(
            (f"shared actor: {actor.name}", *("takes part" if named else "—" for named in actor.partnerships))
        )
    notes = (
        *(() if result.shared_actors else ("No actor takes part in more than one of them.",)),
        "— no instrument recorded in the area (which is not evidence of no cooperation).",
    )
    return Table("Comparison", headers, tuple(rows), notes=notes)


def _field_value(value: Any) -> str:
    """A field's value as a file writes it, short enough for a cell."""
    if value is None:
        return "(not set)"
    if isinstance(value, list):
        if all(isinstance(v, str | int | float | bool) for v in value):
            return "[" + ", ".join(map(str, value)) + "]"
        return f"{len(value)} item{'s' if len(value) != 1 else ''}"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_field_value(v)}" for k, v in value.items()) + "}"
    return repr(value) if isinstance(value, str) else str(value)


def diff(result: "Diff") -> Table:
    """The records added, removed and changed between two versions, with the fields that changed.

    Lists of records are shown by their length (``2 items → 3 items``); the
    `Diff` itself holds every value.
    """
    rows = tuple(
        (
            c.record_type,
            c.record,
            c.kind,
            "; ".join(f"{f.field}: {_field_value(f.old)} → {_field_value(f.new)}" for f in c.fields),
        )
        for c in result.changes
    )
    return Table("Changes", ("record", "id", "change", "fields"), rows)
