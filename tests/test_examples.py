"""The example scripts run, say what they show, and print what the docs say they print.

Their exact output is checked where it is shown: docs/examples.md holds a
``$ python examples/NAME.py`` console block for each, which tests/test_docs.py
runs and compares.
"""

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, pdflatex

EXAMPLES = sorted((REPO / "examples").glob("*.py"))


def test_there_is_an_example_per_task() -> None:
    """Nine scripts: summary, LaTeX, comparison, as-of and diff, exposure, your own file, trade target,
    tidy tables, a chart."""
    assert [p.stem for p in EXAMPLES] == [
        "as_of_and_diff",
        "compare_partnerships",
        "export_tables",
        "latex_instruments_table",
        "lifecycle_chart",
        "sanctions_exposure",
        "summary_table",
        "trade_target",
        "validate_your_file",
    ]


@pytest.mark.parametrize("script", EXAMPLES, ids=lambda p: p.name)
def test_example_has_a_docstring(script: Path) -> None:
    """Each example opens with a docstring that says what it shows and how to run it."""
    doc = ast.get_docstring(ast.parse(script.read_text(encoding="utf-8")))
    assert doc is not None
    assert f"python examples/{script.name}" in doc


@pytest.mark.parametrize("script", EXAMPLES, ids=lambda p: p.name)
def test_example_output_is_shown_and_checked(script: Path) -> None:
    """docs/examples.md runs each example in a console block, so its output is checked there."""
    page = (REPO / "docs" / "examples.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```console\n(.*?)^```", page, re.M | re.S)
    commands = [line for block in blocks for line in block.splitlines() if line.startswith("$ ")]
    assert f"$ python examples/{script.name}" in commands


@pytest.mark.parametrize("script", EXAMPLES, ids=lambda p: p.name)
def test_example_runs_from_anywhere(script: Path, tmp_path: Path) -> None:
    """Each example runs from another folder too, exits 0 and writes nothing to stderr."""
    result = subprocess.run(
        [sys.executable, str(script)], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.strip()


def test_latex_example_compiles(tmp_path: Path) -> None:
    """The LaTeX table example, \\input in a document with booktabs, longtable and array, compiles with pdflatex."""
    table = subprocess.run(
        [sys.executable, str(REPO / "examples" / "latex_instruments_table.py")],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    assert table.startswith("{\\small")
    assert "\\textsuperscript{1" in table
    (tmp_path / "defence.tex").write_text(table, encoding="utf-8")
    (tmp_path / "paper.tex").write_text(
        "\\documentclass{article}\n\\usepackage[T1]{fontenc}\n\\usepackage{booktabs,longtable,array}\n"
        "\\begin{document}\n\\input{defence}\n\\end{document}\n",
        encoding="utf-8",
    )
    log = pdflatex(tmp_path, "paper.tex")
    assert "Overfull \\hbox" not in log
