"""Shared fixtures. Hypothesis profiles are left alone: with CI set, hypothesis
loads its own derandomised ``ci`` profile. One more is registered, not loaded:
``fuzz``, for a long run of ``tests/test_fuzz.py`` (``--hypothesis-profile fuzz``)."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "fuzz",
    max_examples=int(os.environ.get("BILATERAL_FUZZ_EXAMPLES", "50000")),
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)

REPO = Path(__file__).resolve().parents[1]
SOURCES = REPO.parent / "shared" / "sources"


@pytest.fixture
def article() -> str:
    """The reference article's text, or a skip when ../shared/sources is absent."""
    path = SOURCES / "russia-venezuela-rt.txt"
    if not path.exists():
        pytest.skip(f"the reference article is not at {path}")
    return path.read_text(encoding="utf-8")


def pdflatex(folder: Path, document: str) -> str:
    """Compile ``folder/document`` with pdflatex and return its log; skip where pdflatex is absent.

    Fails the test if pdflatex stops with an error.
    """
    if shutil.which("pdflatex") is None:
        if os.environ.get("BILATERAL_REQUIRE_TEX"):
            pytest.fail("pdflatex is not installed, and BILATERAL_REQUIRE_TEX says the compile step must run")
        pytest.skip("pdflatex is not installed, so the compile step is not run")
    result = subprocess.run(
        ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", document],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stdout[-2000:]
    return result.stdout
