"""Makes the pictures of a report that docs/tables-and-reports.md shows, from the bundled data.

    python -m tests.report_images

Writes the Russia–Venezuela report as LaTeX, compiles it with pdflatex (twice,
as longtable asks) and renders two of its pages with pdftoppm: the first page,
and the page where the timeline breaks onto the next, to show the repeated
header; then writes the same report as HTML and takes a screenshot of it in
headless Chromium. Needs pdflatex and poppler-utils (see the TeX packages in
docs/tables-and-reports.md) and Debian's chromium. The PNGs are written to
docs/images/; like any screenshot they differ by a few bytes between runs.
"""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

import bilateral
from bilateral.render.report import report, report_charts
from tests.conftest import REPO

IMAGES = REPO / "docs" / "images"


def _run(*command: str, cwd: Path) -> str:
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        sys.exit(f"{command[0]} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return done.stdout


def _page_of(pdf: Path, text: str, folder: Path) -> int:
    """The first page of ``pdf`` whose text holds ``text``."""
    pages = _run("pdftotext", "-layout", pdf.name, "-", cwd=folder).split("\f")
    return next(n for n, page in enumerate(pages, 1) if text in page)


def latex_pages(folder: Path) -> list[Path]:
    venezuela = bilateral.datasets.load("russia-venezuela")
    (folder / "report.tex").write_text(report([venezuela], "latex", charts=True), encoding="utf-8")
    for name, content in report_charts([venezuela], "latex").items():
        (folder / name).write_bytes(content)
    for _ in range(2):
        _run("pdflatex", "-interaction=nonstopmode", "-halt-on-error", "report.tex", cwd=folder)
    pdf = folder / "report.pdf"
    continued = _page_of(pdf, "(continued)", folder)  # a table going on from one page to the next
    written = []
    for page, name in ((1, "report-latex-page-1"), (continued, "report-latex-continued")):
        _run(
            "pdftoppm",
            "-png",
            "-r",
            "60",
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            pdf.name,
            name,
            cwd=folder,
        )
        target = IMAGES / f"{name}.png"
        shutil.copyfile(folder / f"{name}.png", target)
        written.append(target)
    return written


def _chromium(folder: Path, *options: str) -> str:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        sys.exit("no chromium: apt-get install chromium")
    common = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run"]
    common += ["--disable-background-networking", "--disable-component-update", "--disable-sync"]
    return _run(chromium, *common, f"--user-data-dir={folder / 'profile'}", *options, cwd=folder)


def html_screenshot(folder: Path) -> Path:
    """The HTML report in Chromium, from its sanctions section: rows whose markers link to the sources cited."""
    venezuela = bilateral.datasets.load("russia-venezuela")
    page = folder / "report.html"
    page.write_text(report([venezuela], "html", charts=True), encoding="utf-8")
    # Where the section starts on the page, in pixels: a copy of the page writes it into itself.
    probe = folder / "probe.html"
    where = "<script>document.title = 'top=' + document.getElementById('russia-venezuela-sanctions').offsetTop</script>"
    probe.write_text(page.read_text(encoding="utf-8").replace("</body>", where + "</body>"), encoding="utf-8")
    dom = _chromium(folder, "--window-size=1200,1000", "--dump-dom", probe.as_uri())
    top = int(dom.split("<title>top=", 1)[1].split("<", 1)[0])
    tall = folder / "tall.png"
    _chromium(folder, f"--window-size=1200,{top + 1100}", f"--screenshot={tall}", page.as_uri())
    target = IMAGES / "report-html.png"
    with Image.open(tall) as image:
        image.crop((0, max(0, top - 20), 1200, top + 1080)).save(target, optimize=True)
    return target


def main() -> None:
    IMAGES.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        for image in [*latex_pages(Path(work)), html_screenshot(Path(work))]:
            print(image.relative_to(REPO))


if __name__ == "__main__":
    main()
