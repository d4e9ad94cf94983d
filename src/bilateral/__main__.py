"""``python -m bilateral``: the same as the ``bilateral`` command."""

from bilateral.cli import run

run()
