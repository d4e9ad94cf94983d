"""What the tests of the bundled datasets share: where the sources are, and walkers over records."""

from collections.abc import Iterator
from pathlib import Path
from typing import Any, Protocol, cast

import attrs
import pytest

import bilateral

SOURCES = Path(__file__).resolve().parents[1].parent / "shared" / "sources"
ARTICLE = SOURCES / "russia-venezuela-rt.txt"
NOTES = SOURCES / "research-notes.md"
ARTICLE_ID = "rt-2026"

# The records that make claims, by the types that carry citations.
CITING = (
    bilateral.Actor,
    bilateral.Instrument,
    bilateral.Milestone,
    bilateral.TradeFigure,
    bilateral.TradeChange,
    bilateral.TradeTarget,
    bilateral.DebtRestructuring,
    bilateral.Disruption,
    bilateral.SanctionMeasure,
    bilateral.Confirmation,
    bilateral.AlternativeClaim,
)


def read_source(path: Path) -> str:
    """A shared source's text, or a skip when ../shared/sources is not beside the repository."""
    if not path.exists():
        pytest.skip(f"{path.name} is not at {path} (the shared sources are not beside the repository)")
    return path.read_text(encoding="utf-8")


def nodes(value: object, path: str = "$") -> Iterator[tuple[str, object]]:
    """Every record nested in ``value``, with its path."""
    yield path, value
    if isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from nodes(item, f"{path}[{index}]")
    elif attrs.has(type(value)):
        for field in attrs.fields(cast(Any, type(value))):
            yield from nodes(getattr(value, field.name), f"{path}.{field.name}")


class Citing(Protocol):
    citations: tuple[bilateral.Citation, ...]


def citing(p: bilateral.Partnership) -> list[tuple[str, Citing]]:
    """Every record of the partnership that must cite a source, with its path."""
    return [(path, cast(Citing, node)) for path, node in nodes(p) if isinstance(node, CITING)]


def citations(p: object) -> list[tuple[str, bilateral.Citation]]:
    """Every citation inside ``p``, with its path."""
    return [(path, node) for path, node in nodes(p) if isinstance(node, bilateral.Citation)]
