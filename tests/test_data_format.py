"""docs/data-format.md is what the model says (regenerate with `python -m tests.data_format`)."""

from tests.conftest import REPO
from tests.data_format import render


def test_data_format_page_matches_the_model() -> None:
    """The data format reference lists exactly the model's records, fields and values."""
    page = (REPO / "docs" / "data-format.md").read_text(encoding="utf-8")
    assert page == render(), (
        "docs/data-format.md is stale: run `python -m tests.data_format > docs/data-format.md`"
    )
