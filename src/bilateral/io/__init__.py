"""Reading and writing: cattrs converters and the JSON, TOML and YAML formats."""

from types import ModuleType

from bilateral._lazy import submodule


def __getattr__(name: str) -> ModuleType:  # a submodule, imported on first use
    return submodule(__name__, name)
