"""Submodules imported on first use, so that importing a package costs only what is used.

``import bilateral`` then ``bilateral.render.report.report(...)`` works as it
always did, but a command that writes no report never imports the reports.
"""

import importlib
from types import ModuleType

__all__ = ["submodule"]


def submodule(package: str, name: str) -> ModuleType:
    """The submodule ``name`` of ``package``, imported now if it was not (for a package's ``__getattr__``).

    Raises:
        AttributeError: ``package`` has no such submodule, as for any missing attribute.
    """
    if not name.startswith("__"):
        try:
            return importlib.import_module(f"{package}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{package}.{name}":
                raise
    raise AttributeError(f"module {package!r} has no attribute {name!r}")
