"""Shared fixtures. Hypothesis profiles are left alone: with CI set, hypothesis
loads its own derandomised ``ci`` profile."""

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SOURCES = REPO.parent / "shared" / "sources"


@pytest.fixture
def article() -> str:
    """The reference article's text, or a skip when ../shared/sources is absent."""
    path = SOURCES / "russia-venezuela-rt.txt"
    if not path.exists():
        pytest.skip(f"the reference article is not at {path}")
    return path.read_text(encoding="utf-8")
