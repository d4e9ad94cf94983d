"""The one exception for bad data, and the problems it carries."""

import attrs

__all__ = ["InvalidDataError", "MissingExtraError", "Problem"]


@attrs.frozen
class Problem:
    """One thing wrong with some data.

    Attributes:
        path: Where, as a JSONPath from the document's root (``$.instruments[3].signed``).
        message: What is wrong, naming the bad value.
        file: The file it is in, if the data came from one.
    """

    path: str
    message: str
    file: str | None = None

    def sort_key(self) -> tuple[str, list[tuple[int, int | str]]]:
        """Order by file, then by path, with list indexes as numbers ([10] after [9])."""
        key: list[tuple[int, int | str]] = []
        for part in self.path.replace("[", ".[").split("."):
            if part.startswith("[") and part[1:-1].isdigit():
                key.append((0, int(part[1:-1])))
            else:
                key.append((1, part))
        return (self.file or "", key)

    def __str__(self) -> str:
        where = f"{self.file}: {self.path}" if self.file else self.path
        return f"{where}: {self.message}"


class InvalidDataError(ValueError):
    """Data that does not make a valid dataset, with every problem found in it.

    ``str()`` of the error is one line per problem, each with the file and the
    path inside it:

    Examples:
        >>> import bilateral
        >>> bilateral.loads('{"schema_version": 1, "partnerships": [], "colour": "red"}', "json")
        Traceback (most recent call last):
        ...
        bilateral.errors.InvalidDataError: $.colour: unknown field (expected one of: actors, partnerships, sanctions, schema_version, sources)

    Attributes:
        problems: Every problem found, in document order.
    """

    def __init__(self, problems: "list[Problem] | tuple[Problem, ...]") -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def in_file(self, file: str) -> "InvalidDataError":
        """The same problems, said to be in ``file``."""
        return InvalidDataError([attrs.evolve(p, file=file) for p in self.problems])


class MissingExtraError(ImportError):
    """A feature needs an optional dependency that is not installed.

    The message names the extra that brings it: ``pip install 'bilateral[parquet]'``.

    Attributes:
        extra: The name of the extra.
    """

    def __init__(self, feature: str, module: str, extra: str) -> None:
        self.extra = extra
        super().__init__(
            f"{feature} needs {module}, which is not installed; "
            f"install bilateral with the '{extra}' extra: pip install 'bilateral[{extra}]'",
            name=module,
        )
