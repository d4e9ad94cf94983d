"""A chart of a partnership's instruments over time, uncertain dates drawn as what they are.

Draws the defence instruments of the bundled Russia–Venezuela dataset, marks
1 January 2015, and writes the chart as SVG (or PNG or PDF, by the file's
suffix). Prints what the chart holds: for each instrument, whether it is
drawn solid from a known day, or from a start known only to a month or a
year (hatched), or with no dated start (fading in). Needs the charts extra
(pip install "bilateral[charts]").

    python examples/lifecycle_chart.py [defence.svg]
"""

import datetime as dt
import sys
import tempfile
from pathlib import Path

import bilateral
from bilateral.analysis.spans import instrument_span
from bilateral.render import charts

venezuela = bilateral.datasets.partnership("russia-venezuela")
chart = charts.lifecycle(venezuela, bilateral.CooperationArea.DEFENCE, dt.date(2015, 1, 1))
target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp()) / "defence.svg"
target.write_bytes(charts.save(chart, target.suffix.lstrip(".")))
print(f"{len(chart.instruments)} defence instruments drawn, sources numbered 1 to {len(chart.sources)}")

for instrument_id in chart.instruments:
    span = instrument_span(venezuela.instrument(instrument_id), venezuela.data_as_of)
    if span.earliest_start is None:
        start = "no dated start (fades in)"
    elif span.earliest_start == span.latest_start:
        start = f"from {span.earliest_start:%d %b %Y}"
    else:
        start = f"from between {span.earliest_start:%d %b %Y} and {span.latest_start:%d %b %Y} (hatched)"
    print(f"  {instrument_id}: {start}")
