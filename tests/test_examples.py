"""The example scripts run and print what they promise."""

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

EXAMPLES = sorted((REPO / "examples").glob("*.py"))


@pytest.mark.parametrize("script", EXAMPLES, ids=lambda p: p.name)
def test_example_runs(script: Path) -> None:
    """Each example starts with a docstring, exits 0 and writes nothing to stderr."""
    assert script.read_text(encoding="utf-8").startswith('"""')
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


def test_validate_your_file_output() -> None:
    """validate_your_file.py shows the valid file's instruments and all four problems of the broken one."""
    script = REPO / "examples" / "validate_your_file.py"
    result = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=120, check=True
    )
    assert result.stdout.splitlines() == [
        "Russia–Venezuela (two sentences): 2 instruments",
        "  coordination_forum   Coordination on global energy issues within OPEC+ (signed: date unknown)",
        "  treaty               Strategic partnership treaty (signed: 2025-05)",
        "",
        "broken-partnership.yaml has 4 problems:",
        "  $.sources[0].kind: 'state media' is not a valid source kind (expected one of: official, wire, "
        "state_media, independent_media, law_firm, academic, company, ngo, other)",
        "  $.actors[0].country: 'RU' is not an ISO 3166-1 alpha-3 country code",
        "  $.partnerships[0].instruments[0].areas: expected a list, got text ('energy')",
        "  $.partnerships[0].instruments[0].signed: '2025-13' is not a valid date (month must be 1 to 12)",
    ]
