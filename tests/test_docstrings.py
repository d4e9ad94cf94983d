"""The examples in the installed package's docstrings run and print what they show."""

import doctest
import importlib
import pkgutil

import pytest

import bilateral

MODULES = sorted(
    info.name
    for info in pkgutil.walk_packages(bilateral.__path__, "bilateral.")
    if info.name != "bilateral.__main__"
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    """Every >>> example in the module gives the output it shows."""
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0


def test_public_names() -> None:
    """dir() of the package shows exactly __all__, and every name in it exists."""
    assert dir(bilateral) == sorted(bilateral.__all__)
    for name in bilateral.__all__:
        assert hasattr(bilateral, name)
