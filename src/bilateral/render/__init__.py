"""Render: analysis results as text for documents (tables in every format, reports)."""

from types import ModuleType

from bilateral._lazy import submodule


def __getattr__(name: str) -> ModuleType:  # a submodule, imported on first use
    return submodule(__name__, name)
