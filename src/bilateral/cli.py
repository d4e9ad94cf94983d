"""The ``bilateral`` command.

Exit codes: 0 for success, 1 for bad data (every problem on stderr, no
traceback), 2 for a usage error.
"""

import argparse
import signal
import sys
from collections.abc import Sequence
from pathlib import Path

from bilateral import __version__, datasets
from bilateral.errors import InvalidDataError
from bilateral.io.documents import dump, dumps, load
from bilateral.io.formats import FORMATS, check_format, format_of
from bilateral.model.partnership import Dataset

__all__ = ["main", "run"]

_EPILOG = {
    "list": "example:\n  bilateral list",
    "validate": (
        "examples:\n  bilateral validate                 # the bundled datasets\n"
        "  bilateral validate mine.yaml theirs.toml"
    ),
    "convert": "example:\n  bilateral convert mine.yaml --to toml -o mine.toml",
}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bilateral",
        description="Sourced records of partnerships between states under sanctions.",
        epilog="example:\n  bilateral validate mine.yaml",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"bilateral {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help: str) -> argparse.ArgumentParser:
        return commands.add_parser(
            name,
            help=help,
            description=help,
            epilog=_EPILOG[name],
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )

    command("list", "List the bundled datasets.")
    validate = command("validate", "Check data files and list every problem (exit 1 if there is any).")
    validate.add_argument(
        "files", nargs="*", metavar="FILE", help="files to check (default: the bundled data)"
    )
    validate.add_argument(
        "--format", choices=(*FORMATS, "yml"), help="the files' format (default: each suffix)"
    )
    convert = command("convert", "Rewrite a data file in another format.")
    convert.add_argument("file", metavar="FILE")
    convert.add_argument(
        "--from", dest="source_format", choices=(*FORMATS, "yml"), help="its format (default: its suffix)"
    )
    convert.add_argument(
        "--to", choices=(*FORMATS, "yml"), help="the format to write (default: the output file's suffix)"
    )
    convert.add_argument("-o", "--output", metavar="FILE", help="where to write (default: standard output)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command with ``argv`` (default: the process's arguments); return the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "convert":
        args.to = _target_format(parser, args.to, args.output)
    try:
        if args.command == "list":
            return _list()
        if args.command == "validate":
            return _validate(args.files, args.format)
        return _convert(args.file, args.source_format, args.to, args.output)
    except InvalidDataError as exc:
        print(exc, file=sys.stderr)
        return 1
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"bilateral: {where}{exc.strerror or exc}", file=sys.stderr)
        return 1
    except ValueError as exc:
        print(f"bilateral: {exc}", file=sys.stderr)
        return 1


def _list() -> int:
    bundle = datasets.bundle()
    for name in bundle.ids():
        partnership = bundle.partnership(name)
        print(f"{name}\t{partnership.title} (data as of {partnership.data_as_of.isoformat()})")
    return 0


def _describe(dataset: Dataset) -> str:
    parts = []
    for p in dataset.partnerships:
        parts.append(
            f"{p.id}: {len(p.instruments)} instruments, {len(p.trade.figures)} trade figures, "
            f"{len(p.debts)} debt restructurings, {len(p.disruptions)} disruptions"
        )
    return "; ".join(parts) or "no partnerships"


def _target_format(parser: argparse.ArgumentParser, to: str | None, output: str | None) -> str:
    """The format to convert to: ``--to``, or the output's suffix; they must agree."""
    implied = None
    if output is not None:
        try:
            implied = format_of(output)
        except ValueError:
            implied = None
    chosen = check_format(to) if to is not None else implied
    if chosen is None:
        parser.error("convert needs --to json|toml|yaml, or an output file named .json, .toml or .yaml")
    if implied is not None and chosen != implied:
        parser.error(f"--to {to} does not match the output file {output!r}, which would read as {implied}")
    return chosen


def _report(file: str, exc: InvalidDataError) -> None:
    count = len(exc.problems)
    print(exc, file=sys.stderr)
    print(f"{file}: {count} problem{'s' if count != 1 else ''}", file=sys.stderr)


def _validate(files: Sequence[str], fmt: str | None) -> int:
    if not files:
        print(f"bundled data: valid ({_describe(datasets.bundle())})")
        return 0
    failed = False
    for file in files:
        try:
            dataset = load(file, fmt)
        except InvalidDataError as exc:
            failed = True
            _report(file, exc)
        except OSError as exc:
            failed = True
            print(f"{file}: cannot read it ({exc.strerror or exc})", file=sys.stderr)
        except ValueError:  # a name whose suffix gives no format
            failed = True
            print(
                f"{file}: cannot tell its format (name it .json, .toml or .yaml, or use --format)",
                file=sys.stderr,
            )
        else:
            print(f"{file}: valid ({_describe(dataset)})")
    return 1 if failed else 0


def _convert(file: str, source_format: str | None, to: str, output: str | None) -> int:
    try:
        dataset = load(file, source_format)
    except InvalidDataError as exc:
        _report(file, exc)
        return 1
    if output is None:
        sys.stdout.write(dumps(dataset, to))
    else:
        dump(dataset, Path(output), to)
    return 0


def run() -> None:
    """Entry point for ``python -m bilateral``: exit with `main`'s code."""
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `bilateral ... | head` ends quietly
    sys.exit(main())
