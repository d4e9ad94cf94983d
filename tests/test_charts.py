"""Charts: uncertain dates drawn over exactly their bounds, one SVG group per instrument, the same bytes every run."""

import contextlib
import datetime as dt
import io
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import attrs
import pytest

import bilateral
from bilateral.analysis.spans import instrument_span
from bilateral.cli import main
from bilateral.errors import MissingExtraError
from bilateral.render import charts, tables
from bilateral.render.report import report_charts

SVG = "{http://www.w3.org/2000/svg}"
RV = bilateral.datasets.load()


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def _groups(svg: bytes) -> dict[str, ET.Element]:
    root = ET.fromstring(svg)
    found: dict[str, ET.Element] = {}
    for group in root.iter(f"{SVG}g"):
        gid = group.get("id")
        if gid is not None:
            assert gid not in found, f"two elements have the id {gid}"
            found[gid] = group
    return found


def _x_extent(group: ET.Element) -> tuple[float, float]:
    """The leftmost and rightmost x of the first path of a group (a rectangle's outline)."""
    path = next(group.iter(f"{SVG}path"))
    numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", path.get("d", ""))]
    xs = numbers[0::2]
    return min(xs), max(xs)


def _to_svg_x(chart: charts.Chart, day: dt.date) -> float:
    """Where a day falls in the SVG, through the chart's own axis scale (SVG units are points)."""
    axes = chart.figure.axes[0]
    pixels = axes.transData.transform((float((day - dt.date(1970, 1, 1)).days), 0.0))[0]
    return float(pixels) * 72 / chart.figure.dpi


@pytest.fixture(scope="module")
def lifecycle() -> tuple[charts.Chart, bytes]:
    chart = charts.lifecycle(RV)
    return chart, charts.save(chart, "svg")


class TestLifecycle:
    def test_one_group_per_instrument(self, lifecycle: tuple[charts.Chart, bytes]) -> None:
        chart, svg = lifecycle
        groups = _groups(svg)
        assert chart.instruments
        assert sorted(chart.instruments) == sorted(i.id for i in RV.instruments)
        for instrument in RV.instruments:
            group = groups[f"instrument-{instrument.id}"]
            parts = {g.get("id") for g in group.iter(f"{SVG}g")} - {group.get("id"), None}
            assert parts, instrument.id  # its zones, arrow and steps are inside its group
            assert all(str(part).startswith(f"instrument-{instrument.id}-") for part in parts)

    def test_fuzzy_zones_span_exactly_their_bounds(self, lifecycle: tuple[charts.Chart, bytes]) -> None:
        """A start known to a month is hatched from its first day to its last, within half a pixel."""
        chart, svg = lifecycle
        groups = _groups(svg)
        checked = 0
        for instrument in RV.instruments:
            span = instrument_span(instrument, RV.data_as_of)
            zone = groups.get(f"instrument-{instrument.id}-start")
            if (
                span.earliest_start is None
                or span.latest_start is None
                or span.earliest_start == span.latest_start
            ):
                assert zone is None, instrument.id
                continue
            assert zone is not None, instrument.id
            left, right = _x_extent(zone)
            assert abs(left - _to_svg_x(chart, span.earliest_start)) <= 0.5
            assert abs(right - _to_svg_x(chart, span.latest_start)) <= 0.5
            checked += 1
        assert checked >= 3

    def test_solid_only_where_certain(self, lifecycle: tuple[charts.Chart, bytes]) -> None:
        chart, svg = lifecycle
        groups = _groups(svg)
        for instrument in RV.instruments:
            span = instrument_span(instrument, RV.data_as_of)
            sure = groups.get(f"instrument-{instrument.id}-sure")
            if sure is None:
                continue
            assert span.latest_start is not None
            left, _ = _x_extent(sure)
            assert abs(left - _to_svg_x(chart, span.latest_start)) <= 0.5

    def test_a_month_is_a_bracket_not_a_day(self, lifecycle: tuple[charts.Chart, bytes]) -> None:
        """The Su-30MK2 order, signed in August 2006, has a bracket over August, and no filled glyph."""
        chart, svg = lifecycle
        groups = _groups(svg)
        bracket = groups["instrument-su30mk2-order-2006-signed-bounds"]
        left, right = _x_extent(bracket)
        assert abs(left - _to_svg_x(chart, dt.date(2006, 8, 1))) <= 0.5
        assert abs(right - _to_svg_x(chart, dt.date(2006, 9, 1))) <= 0.5  # through the end of the 31st

    def test_the_same_bytes_every_time(self, lifecycle: tuple[charts.Chart, bytes]) -> None:
        chart, svg = lifecycle
        assert charts.save(charts.lifecycle(RV), "svg") == svg
        assert charts.save(chart, "svg") == svg  # saving again changes nothing
        assert b"<dc:date>" not in svg
        assert charts.save(chart, "pdf") == charts.save(charts.lifecycle(RV), "pdf")

    def test_caption_numbers_as_the_instruments_table(self, lifecycle: tuple[charts.Chart, bytes]) -> None:
        chart, _ = lifecycle
        table = tables.render(tables.instruments(RV), "github")
        footnotes = [line for line in table.splitlines() if re.match(r"\d+\. ", line)]
        assert [line for line in chart.caption.splitlines() if re.match(r"\d+\. ", line)] == footnotes
        labels = [t.get_text() for t in chart.figure.axes[0].get_yticklabels()]
        assert any(label.endswith("*§") for label in labels)

    def test_one_area_and_a_day(self) -> None:
        chart = charts.lifecycle(RV, bilateral.CooperationArea.DEFENCE, dt.date(2015, 1, 1))
        assert set(chart.instruments) == {
            i.id for i in RV.instruments if bilateral.CooperationArea.DEFENCE in i.areas
        }
        assert "as-of" in _groups(charts.save(chart, "svg"))

    @pytest.mark.parametrize("name", bilateral.datasets.names())
    def test_every_bundled_partnership(self, name: str) -> None:
        p = bilateral.datasets.load(name)
        groups = _groups(charts.save(charts.lifecycle(p), "svg"))
        assert all(f"instrument-{i.id}" in groups for i in p.instruments)


class TestTrade:
    def test_figures_over_their_periods_and_the_path_to_the_target(self) -> None:
        chart = charts.trade(RV)
        svg = charts.save(chart, "svg")
        root = ET.fromstring(svg)
        ids = {g.get("id") for g in root.iter(f"{SVG}g")}
        figure = RV.trade.figures[0]
        assert f"figure-{figure.id}" in ids
        assert f"figure-{figure.id}-hedge" in ids  # about $200m: the hedge is drawn
        target = RV.trade.targets[0]
        assert {f"target-{target.id}", f"target-{target.id}-path", f"target-{target.id}-gap"} <= ids
        assert "needs ≈ 12.2% a year" in svg.decode() or any(
            "12.2%" in t.get_text() for t in chart.figure.axes[0].texts
        )

    def test_nothing_to_draw(self) -> None:
        """A partnership with no trade figure and no target has no trade chart (every bundled one has one now)."""
        without = attrs.evolve(bilateral.datasets.load("russia-cuba"), trade=bilateral.Trade())
        with pytest.raises(
            ValueError, match="russia-cuba has no trade figure with a value, and no target, to draw"
        ):
            charts.trade(without)


class TestCommandLine:
    def test_writes_the_chart_and_prints_its_caption(self, tmp_path: Path) -> None:
        target = tmp_path / "rv.svg"
        code, out, err = _run("chart", "-o", str(target))
        assert (code, err) == (0, "")
        assert out.startswith(
            f"wrote {target}\n\nRussia–Venezuela: {len(RV.instruments)} instruments by cooperation area"
        )
        assert "\n1. RT, “Oil, arms and longstanding ties" in out
        assert target.read_bytes() == charts.save(charts.lifecycle(RV), "svg")

    @pytest.mark.parametrize("suffix", ["png", "pdf"])
    def test_other_formats(self, suffix: str, tmp_path: Path) -> None:
        target = tmp_path / f"trade.{suffix}"
        assert _run("chart", "--trade", "-o", str(target))[0] == 0
        magic = {"png": b"\x89PNG", "pdf": b"%PDF"}[suffix]
        assert target.read_bytes().startswith(magic)

    def test_usage_errors(self, tmp_path: Path) -> None:
        for argv in (
            ["chart", "-o", "x.gif"],
            ["chart", "--trade", "--area", "energy", "-o", "x.svg"],
            ["chart"],
        ):
            with pytest.raises(SystemExit) as exit:
                _run(*argv)
            assert exit.value.code == 2

    def test_without_matplotlib(self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
        monkeypatch.setitem(sys.modules, "matplotlib", None)
        with pytest.raises(MissingExtraError, match=r"pip install 'bilateral\[charts\]'"):
            charts.lifecycle(RV)
        code, out, err = _run("chart", "-o", str(tmp_path / "x.svg"))
        assert (code, out) == (1, "")
        assert err == (
            "bilateral: Charts needs matplotlib, which is not installed; install bilateral with the "
            "'charts' extra: pip install 'bilateral[charts]'\n"
        )
        assert not (tmp_path / "x.svg").exists()


class TestInReports:
    def test_html_holds_its_charts_inline(self, tmp_path: Path) -> None:
        target = tmp_path / "rv.html"
        assert _run("report", "--format", "html", "-o", str(target))[0] == 0
        page = target.read_text(encoding="utf-8")
        instruments = page.index('<figure id="chart-rv-russia-venezuela-instruments">')
        assert (
            page.index('<h2 id="russia-venezuela-instruments">Instruments</h2>')
            < instruments
            < page.index("<table", instruments)
        )
        assert '<figure id="chart-rv-russia-venezuela-trade">' in page
        assert page.count("<svg ") == 2
        assert list(tmp_path.iterdir()) == [target]  # nothing beside it

    @pytest.mark.parametrize(("fmt", "suffix", "link"), [("md", "svg", "]({})"), ("latex", "pdf", "{{{}}}")])
    def test_md_and_latex_write_them_beside(self, fmt: str, suffix: str, link: str, tmp_path: Path) -> None:
        target = tmp_path / f"rv.{'tex' if fmt == 'latex' else 'md'}"
        assert _run("report", "--format", fmt, "-o", str(target))[0] == 0
        text = target.read_text(encoding="utf-8")
        for kind in ("instruments", "trade"):
            name = f"rv-russia-venezuela-{kind}.{suffix}"
            assert (tmp_path / name).read_bytes() == report_charts([RV], fmt, prefix="rv")[name]
            assert link.format(name) in text

    def test_no_charts(self, tmp_path: Path) -> None:
        target = tmp_path / "rv.md"
        assert _run("report", "--no-charts", "-o", str(target))[0] == 0
        assert "![" not in target.read_text(encoding="utf-8")
        assert list(tmp_path.iterdir()) == [target]

    def test_standard_output(self) -> None:
        code, out, _ = _run("report", "russia-iran")
        assert code == 0
        assert "![" not in out  # a Markdown report on standard output has nowhere to put its files
        code, out, err = _run("report", "russia-iran", "--charts")
        assert (code, out) == (1, "")
        assert err == (
            "bilateral: charts in a md report are files beside it: name the report with -o FILE, "
            "or use --no-charts\n"
        )

    def test_without_matplotlib(self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
        """A report is still written without the extra, with no charts; asking for them names the extra."""
        monkeypatch.setitem(sys.modules, "matplotlib", None)
        monkeypatch.setattr("importlib.util.find_spec", lambda name, *_: None)
        assert _run("report", "--format", "html", "-o", str(tmp_path / "a.html"))[0] == 0
        assert "<svg" not in (tmp_path / "a.html").read_text(encoding="utf-8")
        code, _, err = _run("report", "--charts", "-o", str(tmp_path / "b.md"))
        assert code == 1
        assert "pip install 'bilateral[charts]'" in err
