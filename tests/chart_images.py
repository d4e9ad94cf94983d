"""Draws the charts that docs/charts.md shows, from the bundled data.

    python -m tests.chart_images

Writes docs/images/*.svg; the charts are the same bytes on every run with the
same matplotlib, so a change in the files is a change in the charts.
"""

import datetime as dt

import bilateral
from bilateral.io.documents import write_atomic
from bilateral.render import charts
from tests.conftest import REPO

IMAGES = REPO / "docs" / "images"


def main() -> None:
    venezuela = bilateral.datasets.load("russia-venezuela")
    drawn = {
        "lifecycle-russia-venezuela.svg": charts.lifecycle(venezuela),
        "lifecycle-russia-venezuela-defence-2015.svg": charts.lifecycle(
            venezuela, bilateral.CooperationArea.DEFENCE, dt.date(2015, 1, 1)
        ),
        "trade-russia-venezuela.svg": charts.trade(venezuela),
        "lifecycle-russia-north-korea.svg": charts.lifecycle(bilateral.datasets.load("russia-north-korea")),
    }
    IMAGES.mkdir(exist_ok=True)
    for name, chart in drawn.items():
        write_atomic(IMAGES / name, charts.save(chart, "svg"))
        print(f"docs/images/{name}")


if __name__ == "__main__":
    main()
