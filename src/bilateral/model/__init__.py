"""The model: typed, frozen records for what sources say about a partnership.

Nothing here knows about files, tables or terminals.
"""

from types import ModuleType

from bilateral._lazy import submodule


def __getattr__(name: str) -> ModuleType:  # a submodule, imported on first use
    return submodule(__name__, name)
