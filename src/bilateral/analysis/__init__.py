"""Analysis: the questions the library exists for, answered as typed records.

Every function here is pure and deterministic, and returns attrs records in a
stable order, for scripts and tables to consume.
"""

from types import ModuleType

from bilateral._lazy import submodule


def __getattr__(name: str) -> ModuleType:  # a submodule, imported on first use
    return submodule(__name__, name)
