"""Charts that draw what is not known: instruments over time, and trade against its target.

A source dates a signature to a month, an entry into force to a year, and
often gives no end at all. `lifecycle` draws each instrument as a bar over
the bounds bilateral knows (`bilateral.analysis.spans.instrument_span`): solid
where it certainly existed, hatched over a start or an end known only to lie
between two days, fading in where nothing bounds its start, and with an
arrow where it runs on past the dataset's date. A date is never drawn as a
day it does not have: a step dated to a month is a bracket over that month.
`trade` draws the trade figures over the periods they cover, the stated
target, and the path the target needs.

matplotlib is an optional dependency (the ``charts`` extra); without it these
functions raise `bilateral.errors.MissingExtraError`. Charts are drawn with
matplotlib's object API (no pyplot, no global backend), and `save` writes them
byte for byte the same on every run.
"""

import datetime as dt
import importlib
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

import attrs

from bilateral.analysis.growth import implied_baseline, target_progress
from bilateral.analysis.spans import Span, instrument_span, measure_span
from bilateral.errors import MissingExtraError
from bilateral.model.amounts import Qualifier
from bilateral.model.areas import CooperationArea
from bilateral.model.dates import PartialDate
from bilateral.model.instruments import Instrument, MilestoneKind, Status
from bilateral.model.partnership import Partnership
from bilateral.model.sources import Source, SourceKind
from bilateral.render import cells
from bilateral.render.tables import _source_line as source_line  # one way to write a source

__all__ = ["CHART_FORMATS", "Chart", "lifecycle", "save", "trade"]

#: The file formats a chart can be saved in.
CHART_FORMATS = ("svg", "png", "pdf")

_ROW = 0.32  # inches per row
_BAR = 0.56  # bar height, in rows
_STATUS_COLOURS = {
    "not yet": "#9ecae1",  # announced, signed, ratified
    "running": "#31a354",  # in force, operating
    "over": "#969696",  # completed, expired, cancelled
    "halted": "#e6550d",  # suspended
    "unknown": "#bcbddc",
}
_STATUS_GROUP = {
    Status.ANNOUNCED: "not yet",
    Status.SIGNED: "not yet",
    Status.RATIFIED: "not yet",
    Status.IN_FORCE: "running",
    Status.OPERATING: "running",
    Status.COMPLETED: "over",
    Status.EXPIRED: "over",
    Status.CANCELLED: "over",
    Status.SUSPENDED: "halted",
    Status.UNKNOWN: "unknown",
}
_GLYPHS = {
    MilestoneKind.ANNOUNCED: "o",
    MilestoneKind.SIGNED: "s",
    MilestoneKind.APPROVED: "d",
    MilestoneKind.RATIFIED: "D",
    MilestoneKind.IN_FORCE: "^",
    MilestoneKind.STARTED: ">",
    MilestoneKind.DELIVERED: "P",
    MilestoneKind.COMPLETED: "*",
    MilestoneKind.EXTENDED: "+",
    MilestoneKind.SUSPENDED: "x",
    MilestoneKind.RESUMED: "<",
    MilestoneKind.ENDED: "X",
    MilestoneKind.OTHER: ".",
}
_SENDER_COLOURS = ("#08519c", "#6a51a3", "#8c6d31", "#525252", "#843c39", "#7b4173")
_SINGLE, _STATE_ONLY = "*", "§"


@attrs.frozen
class Chart:
    """A chart and what it rests on.

    Attributes:
        figure: The matplotlib `Figure`.
        sources: The sources its labels number, in the order of their numbers
            (the numbering of the instruments table of the same partnership).
        caption: The chart's caption: what it shows, its marks, and the
            numbered sources, one per line.
        instruments: The ids of the instruments drawn, top to bottom.
    """

    figure: Any
    sources: tuple[Source, ...]
    caption: str
    instruments: tuple[str, ...] = ()


def _matplotlib() -> Any:
    try:
        importlib.import_module("matplotlib")
        return importlib.import_module("matplotlib.figure")
    except ImportError:
        raise MissingExtraError("Charts", "matplotlib", "charts") from None


def _num(day: dt.date) -> float:
    """A day as matplotlib's date number (days since 1970-01-01)."""
    return float((day - dt.date(1970, 1, 1)).days)


def _flags(ids: Sequence[str], kinds: dict[str, SourceKind]) -> str:
    flags = _SINGLE if len(ids) == 1 else ""
    if ids and all(kinds.get(i) is SourceKind.STATE_MEDIA for i in ids):
        flags += _STATE_ONLY
    return flags


def _cited(instrument: Instrument) -> tuple[str, ...]:
    return tuple(dict.fromkeys(c.source for c in instrument.citations))


def _short(text: str, width: int = 46) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _numbered(number: int, source: Source) -> str:
    """A caption's source line, as the tables' footnotes write it."""
    return f"{number}. {source_line(source)}"


def _groups(
    partnership: Partnership, area: CooperationArea | None
) -> list[tuple[CooperationArea, list[Instrument]]]:
    """Instruments under their first area (or only those serving ``area``), in area order."""
    by_area: dict[CooperationArea, list[Instrument]] = {}
    for instrument in partnership.instruments:
        if area is not None and area not in instrument.areas:
            continue
        by_area.setdefault(area or instrument.areas[0], []).append(instrument)
    return [(a, by_area[a]) for a in CooperationArea if a in by_area]


def _bounds(spans: Iterable[Span], steps: Iterable[PartialDate], last: dt.date) -> tuple[float, float]:
    days = [last]
    for span in spans:
        days += [d for d in (span.earliest_start, span.latest_start, span.earliest_end, span.latest_end) if d]
    days += [d for step in steps for d in (step.earliest, step.latest)]
    days = [d for d in days if d != dt.date.max]
    first, end = min(days), max(days)
    pad = max((end - first).days * 0.02, 30)
    return _num(first) - pad, _num(end) + pad


class _Drawing:
    """One lifecycle chart being drawn."""

    def __init__(self, axes: Any, left: float, right: float, data_as_of: dt.date) -> None:
        self.axes, self.left, self.right, self.data_as_of = axes, left, right, data_as_of
        self.fade = (right - left) * 0.03

    def zone(
        self, gid: str, x0: float, x1: float, y: float, colour: str, hatch: str | None, alpha: float
    ) -> None:
        from matplotlib.patches import Rectangle

        patch = Rectangle(
            (x0, y - _BAR / 2),
            max(x1 - x0, 0.0),
            _BAR,
            facecolor=colour,
            edgecolor=colour if hatch else "none",
            hatch=hatch,
            alpha=alpha,
            linewidth=0.0,
        )
        patch.set_gid(gid)
        self.axes.add_patch(patch)

    def bar(self, gid: str, span: Span, y: float, colour: str, goes_on: bool = True) -> None:
        """A span: fuzzy start, solid middle, fuzzy end, fade or arrow where a bound is open.

        With no end known, it runs on with an arrow from the data's date when
        ``goes_on``; otherwise, or from an earlier day, it fades out.
        """
        start_sure = span.latest_start
        if span.earliest_start is not None and start_sure is not None and span.earliest_start < start_sure:
            self.zone(f"{gid}-start", _num(span.earliest_start), _num(start_sure), y, colour, "////", 0.45)
        elif span.earliest_start is None and start_sure is not None:
            for step in range(4):  # fades in: nothing bounds its start
                x0 = _num(start_sure) - self.fade * (4 - step) / 4
                self.zone(f"{gid}-fade-in-{step}", x0, x0 + self.fade / 4, y, colour, None, 0.12 * (step + 1))
        end_sure = span.earliest_end
        if start_sure is not None and end_sure is not None and end_sure >= start_sure:
            right = min(_num(end_sure), self.right) if end_sure == dt.date.max else _num(end_sure)
            self.zone(f"{gid}-sure", _num(start_sure), right, y, colour, None, 0.95)
        first_open = end_sure if end_sure is not None else start_sure
        if span.latest_end is not None and first_open is not None and span.latest_end > first_open:
            self.zone(f"{gid}-end", _num(first_open), _num(span.latest_end), y, colour, "\\\\\\\\", 0.45)
        elif span.latest_end is None and end_sure is not None and (end_sure < self.data_as_of or not goes_on):
            for step in range(4):  # fades out: nothing says when, or whether, it ended
                x0 = _num(end_sure) + self.fade * step / 4
                self.zone(
                    f"{gid}-fade-out-{step}", x0, x0 + self.fade / 4, y, colour, None, 0.12 * (4 - step)
                )
        elif span.latest_end is None and end_sure is not None:
            x = min(_num(end_sure), self.right)
            arrow = self.axes.annotate(
                "",
                xy=(x + self.fade, y),
                xytext=(x, y),
                arrowprops={"arrowstyle": "-|>", "color": colour, "linewidth": 1.2},
                gid=f"{gid}-goes-on",
            )
            if arrow.arrow_patch is not None:
                arrow.arrow_patch.set_gid(f"{gid}-goes-on-arrow")

    def step(self, gid: str, date: PartialDate, kind: MilestoneKind, y: float) -> None:
        """A dated step: a glyph on its day, or a bracket over the days it may be, glyph hollow."""
        exact = date.earliest == date.latest
        x0, x1 = _num(date.earliest), _num(date.latest) + (0 if exact else 1)
        middle = (x0 + x1) / 2
        if not exact:
            self.axes.plot(
                [x0, x1], [y, y], color="black", linewidth=1.0, solid_capstyle="butt", gid=f"{gid}-bounds"
            )
        self.axes.plot(
            [middle],
            [y],
            marker=_GLYPHS[kind],
            markersize=5,
            color="black",
            fillstyle="full" if exact else "none",
            linestyle="none",
            gid=gid,
        )
        if date.qualified:
            mark = "%" if date.approximate and date.uncertain else "~" if date.approximate else "?"
            self.axes.text(middle, y - 0.42, mark, ha="center", va="bottom", fontsize=7, gid=f"{gid}-mark")


def _steps(instrument: Instrument) -> list[tuple[str, PartialDate, MilestoneKind]]:
    steps = [
        (name, date, kind)
        for name, date, kind in (
            ("announced", instrument.announced, MilestoneKind.ANNOUNCED),
            ("signed", instrument.signed, MilestoneKind.SIGNED),
            ("in-force", instrument.in_force, MilestoneKind.IN_FORCE),
            ("ends", instrument.ends, MilestoneKind.ENDED),
        )
        if date is not None
    ]
    steps += [(f"milestone-{n}", m.date, m.kind) for n, m in enumerate(instrument.milestones)]
    return steps


def lifecycle(
    partnership: Partnership, area: CooperationArea | None = None, as_of: dt.date | None = None
) -> Chart:
    """The instruments of a partnership over time, grouped by cooperation area.

    Each instrument is one SVG group, ``instrument-<id>``, holding its zones
    (``-start``, ``-sure``, ``-end``, ``-fade-in-N``, ``-fade-out-N``), its arrow (``-goes-on``)
    and its steps. Above them, one lane per sender shows its sanction measures
    on the parties or their actors (``sanctions-<sender>-<measure>``), solid
    where certainly in force, hatched where the sources leave it open. With
    ``as_of``, a line marks that day. Labels carry the numbers of the
    instruments table's footnotes, and its ``*`` and ``§`` marks.

    Raises:
        bilateral.errors.MissingExtraError: matplotlib is not installed.
        ValueError: No instrument to draw (none, or none in ``area``).
    """
    figures = _matplotlib()
    groups = _groups(partnership, area)
    if not groups:
        where = f" in the area {area.value!r}" if area is not None else ""
        raise ValueError(f"{partnership.id} has no instrument{where} to draw")
    data_as_of = partnership.data_as_of
    kinds = {s.id: s.kind for s in partnership.sources}
    by_id = {s.id: s for s in partnership.sources}
    numbering: dict[str, int] = {}  # as the instruments table numbers them: in dataset order
    for instrument in partnership.instruments:
        if area is None or area in instrument.areas:
            for source in _cited(instrument):
                numbering.setdefault(source, len(numbering) + 1)
    spans = {i.id: instrument_span(i, data_as_of) for _, ins in groups for i in ins}
    last = max(data_as_of, as_of or data_as_of)
    # Measures that applied (not only threatened) and had begun by the last day drawn.
    measures = [
        (m, span)
        for m in partnership.sanctions
        if (span := measure_span(m)) is not None
        and (span.earliest_start is None or span.earliest_start <= last)
    ]
    senders = list(dict.fromkeys(m.sender for m, _ in measures))
    left, right = _bounds(
        [*spans.values(), *(s for _, s in measures)],
        [d for _, ins in groups for i in ins for _, d, _ in _steps(i)],
        last,
    )
    rows = len(senders) + sum(len(ins) + 1 for _, ins in groups)
    figure = figures.Figure(figsize=(11, 1.6 + rows * _ROW), dpi=100, layout="constrained")
    axes = figure.add_subplot()
    drawing = _Drawing(axes, left, right, data_as_of)
    labels: list[tuple[float, str, bool]] = []
    y = 0.0
    names = {a.id: a.name for a in partnership.actors}
    for n, sender in enumerate(senders):
        colour = _SENDER_COLOURS[n % len(_SENDER_COLOURS)]
        for measure, span in measures:
            if measure.sender == sender:
                drawing.bar(f"sanctions-{sender}-{measure.id}", span, y, colour)
        labels.append((y, f"sanctions by {names.get(sender, sender)}", True))
        y += 1
    drawn: list[str] = []
    for group_area, instruments in groups:
        labels.append((y, group_area.label.capitalize(), True))
        y += 1
        for instrument in instruments:
            ids = _cited(instrument)
            numbers = ",".join(str(n) for n in sorted(numbering[i] for i in ids))
            mark = f" [{numbers}]" if numbers else ""
            labels.append((y, _short(instrument.title) + mark + _flags(ids, kinds), False))
            parts_before = (len(axes.patches), len(axes.lines), len(axes.texts))
            gid = f"instrument-{instrument.id}"
            colour = _STATUS_COLOURS[_STATUS_GROUP[instrument.status]]
            # Of an instrument whose status is not known, nothing says it goes on: it fades out.
            drawing.bar(gid, spans[instrument.id], y, colour, goes_on=instrument.status is not Status.UNKNOWN)
            for name, date, kind in _steps(instrument):
                drawing.step(f"{gid}-{name}", date, kind, y)
            _group(axes, gid, parts_before)
            drawn.append(instrument.id)
            y += 1
    axes.set_ylim(y - 0.5, -0.7)
    axes.set_xlim(left, right)
    axes.set_yticks([at for at, _, _ in labels], [text for _, text, _ in labels], fontsize=8)
    for tick, (_, _, heading) in zip(axes.get_yticklabels(), labels, strict=True):
        if heading:
            tick.set_fontweight("bold")
    axes.tick_params(axis="y", length=0)
    _date_axis(axes)
    axes.axvline(_num(data_as_of), color="black", linewidth=0.8, linestyle=":", gid="data-as-of")
    if as_of is not None and as_of != data_as_of:
        axes.axvline(_num(as_of), color="#de2d26", linewidth=1.0, gid="as-of")
    axes.grid(axis="x", color="#dddddd", linewidth=0.5)
    axes.set_axisbelow(True)
    for side in ("top", "right", "left"):
        axes.spines[side].set_visible(False)
    title = partnership.title + (f": {area.label}" if area is not None else "")
    axes.set_title(
        f"{title}: instruments over time (data as of {cells.day(data_as_of)})", fontsize=10, loc="left"
    )
    _legend(axes, bool(senders))
    sources = tuple(by_id[i] for i in numbering if i in by_id)
    caption = "\n".join(
        [
            f"{title}: {len(drawn)} instruments by cooperation area, as the sources date them.",
            "Solid: certainly existed. Hatched: a start or an end known only to lie between two days. "
            "Fading in: nothing bounds its start; fading out: not known after that day (or, status unknown, "
            "whether it goes on). "
            "Arrow: runs on past the data's date (dotted line). "
            "Hollow glyph over a bracket: a step dated to a month or a year; ~ approximate, ? uncertain.",
            f"{_SINGLE} rests on a single source; {_STATE_ONLY} rests on state-affiliated media alone.",
            *(_numbered(n, s) for n, s in enumerate(sources, 1)),
        ]
    )
    _freeze(figure)
    return Chart(figure, sources, caption, tuple(drawn))


def _group(axes: Any, gid: str, before: tuple[int, int, int]) -> None:
    """Put the patches, lines and texts drawn since there were ``before`` of each into one SVG group ``gid``."""
    from matplotlib.artist import Artist

    patches, lines, texts = before
    parts = [*axes.patches[patches:], *axes.lines[lines:], *axes.texts[texts:]]

    class Group(Artist):
        def draw(self, renderer: Any) -> None:
            renderer.open_group("instrument", gid=gid)
            for part in parts:
                part.draw(renderer)
            renderer.close_group("instrument")

    for part in parts:
        part.remove()
    group = Group()
    group.set_zorder(2)
    axes.add_artist(group)
    group.parts = parts  # type: ignore[attr-defined]  # kept reachable for tests and tight layout
    for part in parts:
        part.set_figure(axes.figure)
        part.axes = axes


def _date_axis(axes: Any) -> None:
    dates: Any = importlib.import_module("matplotlib.dates")  # its locators are not typed
    locator = dates.AutoDateLocator(minticks=4, maxticks=12)
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(dates.ConciseDateFormatter(locator))
    axes.tick_params(axis="x", labelsize=8)


def _legend(axes: Any, sanctions: bool) -> None:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles: list[Any] = [
        Patch(facecolor=_STATUS_COLOURS["not yet"], label="announced, signed or ratified"),
        Patch(facecolor=_STATUS_COLOURS["running"], label="in force or operating"),
        Patch(facecolor=_STATUS_COLOURS["halted"], label="suspended"),
        Patch(facecolor=_STATUS_COLOURS["over"], label="completed, expired or cancelled"),
        Patch(facecolor=_STATUS_COLOURS["unknown"], label="status unknown"),
        Patch(facecolor="white", edgecolor="#555555", hatch="////", label="start or end between two days"),
    ]
    if sanctions:
        handles.append(
            Patch(facecolor=_SENDER_COLOURS[0], alpha=0.95, label="sanctions in force (lane per sender)")
        )
    for kind in (  # every glyph a chart can hold, in lifecycle order
        MilestoneKind.ANNOUNCED,
        MilestoneKind.SIGNED,
        MilestoneKind.APPROVED,
        MilestoneKind.RATIFIED,
        MilestoneKind.IN_FORCE,
        MilestoneKind.STARTED,
        MilestoneKind.DELIVERED,
        MilestoneKind.EXTENDED,
        MilestoneKind.SUSPENDED,
        MilestoneKind.RESUMED,
        MilestoneKind.COMPLETED,
        MilestoneKind.ENDED,
        MilestoneKind.OTHER,
    ):
        handles.append(
            Line2D(
                [],
                [],
                marker=_GLYPHS[kind],
                color="black",
                linestyle="none",
                markersize=5,
                label=kind.value.replace("_", " "),
            )
        )
    handles.append(
        Line2D(
            [],
            [],
            marker="s",
            color="black",
            fillstyle="none",
            linestyle="-",
            markersize=5,
            label="dated to a month or year",
        )
    )
    axes.legend(
        handles=handles,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.04),
        ncols=4,
        fontsize=7,
        frameon=False,
    )


def trade(partnership: Partnership) -> Chart:
    """Trade figures over the periods they cover, each target, and the path a target needs.

    A figure is a line across its whole period (a year's turnover spans the
    year); one "about" a value is drawn over a wide pale band, which marks
    the hedge, not an interval the sources give, and one "at least" or "more
    than" (or "up to", "less than") has an arrow up (or down). A target is a bracket
    over the days its date may mean; the path it needs is the compound growth
    from its baseline, with the growth labelled.

    Raises:
        bilateral.errors.MissingExtraError: matplotlib is not installed.
        ValueError: The partnership has no trade figure with a value, and no target.
    """
    figures_module = _matplotlib()
    series = [f for f in partnership.trade.figures if f.value is not None and f.period.start is not None]
    targets = partnership.trade.targets
    if not series and not targets:
        raise ValueError(f"{partnership.id} has no trade figure with a value, and no target, to draw")
    currencies = {f.value.currency for f in series if f.value is not None} | {
        t.value.currency for t in targets
    }
    if len(currencies) > 1:
        raise ValueError(
            f"{partnership.id} states trade in several currencies ({', '.join(sorted(currencies))})"
        )
    scale = Decimal(1_000_000)
    figure = figures_module.Figure(figsize=(9, 4.5), dpi=100, layout="constrained")
    axes = figure.add_subplot()
    by_id = {f.id: f for f in partnership.trade.figures}
    directions: dict[tuple[str | None, str | None], str] = {}
    palette = ("#3182bd", "#e6550d", "#31a354", "#756bb1")
    kinds = {s.id: s.kind for s in partnership.sources}
    numbering: dict[str, int] = {}
    for cited in (*(f.citations for f in series), *(t.citations for t in targets)):
        for c in cited:
            numbering.setdefault(c.source, len(numbering) + 1)
    tops: list[float] = []
    for f in series:
        assert f.value is not None
        assert f.period.start is not None
        key = (f.origin, f.destination)
        colour = directions.setdefault(key, palette[len(directions) % len(palette)])
        end = f.period.end or f.period.start
        x0, x1 = _num(f.period.start.earliest), _num(end.latest) + 1
        value = float(f.value.amount / scale)
        tops.append(value)
        _hedge(axes, f.value.qualifier, x0, x1, value, colour, f"figure-{f.id}-hedge")
        axes.plot(
            [x0, x1], [value, value], color=colour, linewidth=2, solid_capstyle="butt", gid=f"figure-{f.id}"
        )
        ids = tuple(dict.fromkeys(c.source for c in f.citations))
        marks = ",".join(str(n) for n in sorted(numbering[i] for i in ids))
        _below(
            axes,
            f"{cells.money(f.value)} ({f.period})" + (f" [{marks}]" if marks else "") + _flags(ids, kinds),
            x0,
            value,
        )
    for change in partnership.trade.changes:
        for f in series:
            derived = implied_baseline(change, f)
            if derived is None or change.baseline is None or change.baseline.start is None:
                continue
            base_end = change.baseline.end or change.baseline.start
            x0, x1 = _num(change.baseline.start.earliest), _num(base_end.latest) + 1
            value = float(derived.value.amount / scale)
            colour = directions.get((f.origin, f.destination), palette[0])
            axes.plot(
                [x0, x1],
                [value, value],
                color=colour,
                linewidth=2,
                linestyle="--",
                gid=f"derived-{change.id}-{f.id}",
            )
            stated = cells.change(change.value, change.unit, change.qualifier)
            _below(
                axes,
                f"derived {cells.money(derived.value)} ({change.baseline}), from {stated}",
                x0,
                value,
                "#555555",
            )
            tops.append(value)
    for target in targets:
        progress = target_progress(target, by_id.get(target.baseline) if target.baseline else None)
        x0, x1 = _num(target.by.earliest), _num(target.by.latest) + 1
        value = float(target.value.amount / scale)
        tops.append(value)
        axes.plot(
            [x0, x1], [value, value], color="black", linewidth=2, linestyle="--", gid=f"target-{target.id}"
        )
        label = f"target {cells.target(target)}"
        base = progress.baseline
        if (
            base is not None
            and base.value is not None
            and progress.required_growth is not None
            and progress.years
        ):
            start_day = (base.period.end or base.period.start or target.by).latest
            start = float(base.value.amount / scale)
            rate = float(progress.required_growth) / 100
            years = progress.years
            xs = [
                _num(start_day) + 365.25 * k * (x1 - _num(start_day)) / (365.25 * years)
                for k in range(years + 1)
            ]
            ys = [start * (1 + rate) ** k for k in range(years + 1)]
            axes.plot(xs, ys, color="black", linewidth=1, linestyle=":", gid=f"target-{target.id}-path")
            label += f"; needs {cells.growth(progress.required_growth, progress.approximate)}"
            gap = cells.money(attrs.evolve(target.value, amount=target.value.amount - base.value.amount))
            gap_arrow = axes.annotate(
                "",
                xy=(_num(start_day), value),
                xytext=(_num(start_day), start),
                arrowprops={"arrowstyle": "<->", "color": "#de2d26", "linewidth": 1},
                gid=f"target-{target.id}-gap-label",
            )
            if gap_arrow.arrow_patch is not None:
                gap_arrow.arrow_patch.set_gid(f"target-{target.id}-gap")
            axes.annotate(
                f"gap {gap}: {progress.achieved}% of the way in {cells.day(start_day)}",
                xy=(_num(start_day), (start + value) / 2),
                xytext=(-5, 0),
                textcoords="offset points",
                ha="right",
                va="center",
                fontsize=8,
                color="#de2d26",
            )
        ids = tuple(dict.fromkeys(c.source for c in target.citations))
        marks = ",".join(str(n) for n in sorted(numbering[i] for i in ids))
        axes.annotate(
            label + (f" [{marks}]" if marks else ""),
            xy=((x0 + x1) / 2, value),
            xytext=(0, 6),
            textcoords="offset points",
            ha="right",
            fontsize=8,
        )
    currency = next(iter(currencies))
    axes.set_ylabel(f"millions of {currency}", fontsize=8)
    axes.set_ylim(0, max(tops, default=1.0) * 1.18)
    _trade_legend(axes)
    _date_axis(axes)
    axes.tick_params(axis="y", labelsize=8)
    axes.grid(color="#dddddd", linewidth=0.5)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.set_title(f"{partnership.title}: trade and its targets", fontsize=10, loc="left")
    by_source = {s.id: s for s in partnership.sources}
    sources = tuple(by_source[i] for i in numbering if i in by_source)
    caption = "\n".join(
        [
            f"{partnership.title}: trade figures over the periods they cover, and the stated targets.",
            "A pale band marks a figure given as about a value (the sources give no interval), an arrow up or "
            "down one given as a lower or upper bound; a dashed bracket a target "
            "over the days its date may mean; a dotted line the compound growth the target needs.",
            f"{_SINGLE} rests on a single source; {_STATE_ONLY} rests on state-affiliated media alone.",
            *(_numbered(n, s) for n, s in enumerate(sources, 1)),
        ]
    )
    _freeze(figure)
    return Chart(figure, sources, caption)


def _freeze(figure: Any) -> None:
    """Lay the figure out once and keep that layout, so that every save draws the same."""
    figure.draw_without_rendering()
    figure.set_layout_engine("none")


def _hedge(axes: Any, qualifier: Qualifier, x0: float, x1: float, y: float, colour: str, gid: str) -> None:
    """How a value is hedged: "about" a pale band; "at least" or "more than" an arrow up, "up to" or
    "less than" an arrow down, from the middle of its line (the sources give no interval)."""
    if qualifier is Qualifier.ABOUT:
        axes.plot([x0, x1], [y, y], color=colour, linewidth=9, alpha=0.25, solid_capstyle="butt", gid=gid)
    elif qualifier is not Qualifier.EXACT:
        up = qualifier in (Qualifier.AT_LEAST, Qualifier.MORE_THAN)
        axes.annotate(
            "",
            xy=((x0 + x1) / 2, y),
            xytext=(0, 14 if up else -14),
            textcoords="offset points",
            arrowprops={"arrowstyle": "<|-", "color": colour, "linewidth": 1.2},
            gid=gid,
        )


def _below(axes: Any, text: str, x: float, y: float, colour: str = "black") -> None:
    """A label just under the left end of a line."""
    axes.annotate(
        text,
        xy=(x, y),
        xytext=(0, -8),
        textcoords="offset points",
        ha="left",
        va="top",
        fontsize=8,
        color=colour,
    )


def _trade_legend(axes: Any) -> None:
    from matplotlib.lines import Line2D

    handles = [
        Line2D([], [], color="#3182bd", linewidth=2, label="a figure, over its period"),
        Line2D([], [], color="#3182bd", linewidth=9, alpha=0.25, label="about (no interval given)"),
        Line2D(
            [], [], color="#3182bd", marker="$↑$", linestyle="none", label="at least / more than (↓: at most)"
        ),
        Line2D([], [], color="#3182bd", linewidth=2, linestyle="--", label="derived from a stated change"),
        Line2D([], [], color="black", linewidth=2, linestyle="--", label="target, over its date's days"),
        Line2D([], [], color="black", linewidth=1, linestyle=":", label="growth the target needs"),
    ]
    axes.legend(
        handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.1), ncols=3, fontsize=7, frameon=False
    )


def save(chart: Chart, fmt: str) -> bytes:
    """The chart as an SVG, PNG or PDF file's bytes, the same bytes on every run.

    Raises:
        ValueError: ``fmt`` is not one of `CHART_FORMATS`.
    """
    if fmt not in CHART_FORMATS:
        raise ValueError(f"{fmt!r} is not a chart format (choose from: {', '.join(CHART_FORMATS)})")
    import matplotlib

    every: dict[str, dict[str, Any]] = {
        "svg": {"Date": None, "Creator": "bilateral"},
        "pdf": {"CreationDate": None, "ModDate": None, "Creator": "bilateral", "Producer": "bilateral"},
        "png": {"Software": "bilateral"},
    }
    metadata = every[fmt]
    out = io.BytesIO()
    with matplotlib.rc_context({"svg.hashsalt": "bilateral", "svg.fonttype": "path", "pdf.fonttype": 42}):
        chart.figure.savefig(out, format=fmt, metadata=metadata)
    return out.getvalue()
