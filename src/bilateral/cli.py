"""The ``bilateral`` command.

Exit codes: 0 for success, 1 for bad data (every problem on stderr, no
traceback), 2 for a usage error.
"""

import argparse
import datetime as dt
import functools
import importlib.util
import os
import shutil
import signal
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import attrs

from bilateral import __version__, datasets
from bilateral.errors import InvalidDataError, MissingExtraError, UnsupportedScriptError
from bilateral.model.partnership import Dataset, Partnership
from bilateral.render.formats import TABLE_FORMATS

# What the options offer, written here so that parsing the command line imports
# no reader, writer, chart or report it does not run (a test checks that each
# is the one its module defines).
FORMATS = ("json", "toml", "yaml")  # bilateral.io.formats.FORMATS
MAX_SIZE = 16_000_000  # bilateral.io.formats.MAX_SIZE
EXPORT_FORMATS = ("csv", "parquet")  # bilateral.io.package.FORMATS
CHART_FORMATS = ("svg", "png", "pdf")  # bilateral.render.charts.CHART_FORMATS
REPORT_FORMATS = ("md", "html", "latex")  # bilateral.render.report.REPORT_FORMATS
LATEX_ENGINES = ("pdflatex", "lualatex")  # bilateral.render.scripts.LATEX_ENGINES

__all__ = ["main", "run"]

_EPILOG = {
    "list": "example:\n  bilateral list",
    "schema": (
        "example:\n  bilateral schema -o bilateral.schema.json\n"
        "then, as the first line of a YAML file:\n"
        "  # yaml-language-server: $schema=bilateral.schema.json"
    ),
    "validate": (
        "examples:\n  bilateral validate                 # the bundled datasets\n"
        "  bilateral validate mine.yaml theirs.toml"
    ),
    "convert": "example:\n  bilateral convert mine.yaml --to toml -o mine.toml",
    "summary": "examples:\n  bilateral summary\n  bilateral summary russia-venezuela --as-of 2025-04-30 --format latex -o summary.tex",
    "instruments": (
        "examples:\n  bilateral instruments --area finance\n"
        "  bilateral instruments russia-venezuela --format latex --citations footnotes -o instruments.tex"
    ),
    "timeline": "example:\n  bilateral timeline russia-venezuela --format csv -o timeline.csv",
    "exposure": "example:\n  bilateral exposure --as-of 2025-12-31",
    "sanctions": "example:\n  bilateral sanctions russia-iran --as-of 2024-01-01",
    "conflicts": "example:\n  bilateral conflicts --format html -o conflicts.html",
    "sources": "example:\n  bilateral sources --format csv",
    "compare": "example:\n  bilateral compare russia-venezuela mine.yaml --format latex_booktabs",
    "diff": "example:\n  bilateral diff old.yaml new.yaml",
    "report": "examples:\n  bilateral report russia-venezuela --format latex -o report.tex\n"
    "  bilateral report mine.yaml --format latex --engine lualatex -o report.tex  # Persian or CJK text",
    "chart": (
        "examples:\n  bilateral chart russia-venezuela -o instruments.svg\n"
        "  bilateral chart russia-venezuela --area defence --as-of 2015-01-01 -o defence.png\n"
        "  bilateral chart russia-venezuela --trade -o trade.pdf"
    ),
    "export": (
        "examples:\n  bilateral export --to tables            # all the bundled data, as CSV\n"
        "  bilateral export mine.yaml --to tables --format parquet\n"
        "then:\n  frictionless validate tables/datapackage.json"
    ),
}


def _partnership_option(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "-p",
        "--partnership",
        metavar="ID",
        help="the partnership to use in a data file that holds several (or write FILE#ID)",
    )


def _max_size_option(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "--max-size",
        type=_size,
        default=MAX_SIZE,
        metavar="BYTES",
        help=f"read data files up to this size, in bytes or with a suffix: 500KB, 100MB, 2GB "
        f"(powers of 1000; default: {MAX_SIZE:,}, i.e. {MAX_SIZE // 10**6}MB); a larger file is refused unread",
    )


_UNITS = {"": 1, "KB": 10**3, "MB": 10**6, "GB": 10**9}


def _size(text: str) -> int:
    """A size in bytes: digits, with an optional KB, MB or GB (powers of 1000, any case)."""
    digits = text.rstrip("BbKkMmGg")
    unit = text[len(digits) :].upper()
    if not digits.isascii() or not digits.isdigit() or unit not in _UNITS:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a size (write bytes, as 100000000, or with KB, MB or GB, as 100MB)"
        )
    value = int(digits) * _UNITS[unit]
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is no size at all: a file needs at least 1 byte")
    return value


def _width_options(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "--width",
        type=_columns,
        metavar="N",
        help="wrap the cells of text tables to fit N columns "
        "(default: the terminal's width when writing to one; files and pipes get each cell on one line)",
    )
    sub.add_argument("--wide", action="store_true", help="never wrap: each cell on one line, however long")


def _columns(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of columns") from None
    if value < 40:
        raise argparse.ArgumentTypeError(f"{value} columns is too narrow for a table (40 at least)")
    return value


def _width(args: argparse.Namespace) -> int | None:
    """The columns to fit text tables to: ``--width``, else a terminal's; none with ``--wide`` or a file."""
    if args.wide:
        return None
    if args.width is not None:
        return int(args.width)
    if args.output in (None, "-") and sys.stdout.isatty():
        return max(40, shutil.get_terminal_size().columns)
    return None


_SUMMARY_TABLES = ("overview", "areas", "sanctions")
_SUFFIXES = {"csv": "csv", "tsv": "tsv", "html": "html", "latex": "tex", "latex_booktabs": "tex"}
_SUFFIXES |= {"github": "md", "pipe": "md"}


def _citations_option(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "--citations",
        default="footnotes",
        choices=("footnotes", "column", "none"),
        help="sources as numbered footnotes (default), as a column, or none",
    )


def _schema_options(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "-o", "--output", metavar="FILE", help="write here, atomically (default: standard output)"
    )


def _validate_options(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("files", nargs="*", metavar="FILE", help="files to check (default: the bundled data)")
    sub.add_argument("--format", choices=(*FORMATS, "yml"), help="the files' format (default: each suffix)")
    _max_size_option(sub)


def _convert_options(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("file", metavar="FILE", help="the data file to rewrite")
    sub.add_argument(
        "--from", dest="source_format", choices=(*FORMATS, "yml"), help="its format (default: its suffix)"
    )
    sub.add_argument(
        "--to", choices=(*FORMATS, "yml"), help="the format to write (default: the output file's suffix)"
    )
    sub.add_argument("-o", "--output", metavar="FILE", help="where to write (default: standard output)")
    _max_size_option(sub)


def _table_options(sub: argparse.ArgumentParser, many: bool = False, dated: bool = True) -> None:
    """The arguments and options of every table command."""
    if many:
        sub.add_argument("datasets", nargs="+", metavar="DATASET|FILE", help="bundled names or data files")
    else:
        sub.add_argument(
            "dataset",
            nargs="?",
            default=datasets.DEFAULT,
            metavar="DATASET|FILE",
            help=f"a bundled dataset or a data file (default: {datasets.DEFAULT})",
        )
    _partnership_option(sub)
    if dated:  # the other tables show every record, whatever the day
        sub.add_argument("--as-of", type=_day, metavar="YYYY-MM-DD", help="the day to answer for")
    sub.add_argument(
        "--format", default="github", choices=TABLE_FORMATS, help="the table format (default: github)"
    )
    _citations_option(sub)
    sub.add_argument(
        "-o", "--output", metavar="FILE", help="write here, atomically (default: standard output)"
    )
    _width_options(sub)
    _max_size_option(sub)


def _summary_options(sub: argparse.ArgumentParser) -> None:
    _table_options(sub)
    for action in sub._actions:
        if action.dest == "output":
            action.help = (
                "write here, atomically; a folder (DIR/) gets one file per table (default: standard output)"
            )
    sub.add_argument(
        "--table",
        choices=_SUMMARY_TABLES,
        help="only this table (CSV and TSV hold one table: choose one, or write each with -o DIR/)",
    )


def _instruments_options(sub: argparse.ArgumentParser) -> None:
    from bilateral.model.areas import CooperationArea
    from bilateral.model.instruments import InstrumentKind, Status

    _table_options(sub, dated=False)
    sub.add_argument(
        "--area", choices=[a.value for a in CooperationArea], help="only the instruments in this area"
    )
    sub.add_argument(
        "--status", choices=[s.value for s in Status], help="only the instruments with this status"
    )
    sub.add_argument(
        "--kind", choices=[k.value for k in InstrumentKind], help="only the instruments of this kind"
    )


def _exposure_options(sub: argparse.ArgumentParser) -> None:
    from bilateral.analysis.exposure import Route

    _table_options(sub)
    sub.add_argument(
        "--via",
        choices=[r.value for r in Route],
        help="only the measures that reach an instrument through its actors, a sector, or a whole country",
    )


def _diff_options(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("old", metavar="OLD", help="the earlier version: a bundled dataset or a data file")
    sub.add_argument("new", metavar="NEW", help="the later version: a bundled dataset or a data file")
    _partnership_option(sub)
    sub.add_argument(
        "--format", default="github", choices=TABLE_FORMATS, help="the table format (default: github)"
    )
    sub.add_argument(
        "-o", "--output", metavar="FILE", help="write here, atomically (default: standard output)"
    )
    _width_options(sub)
    _max_size_option(sub)


def _report_options(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "datasets",
        nargs="*",
        metavar="DATASET|FILE",
        help=f"bundled datasets or data files (default: {datasets.DEFAULT})",
    )
    _partnership_option(sub)
    sub.add_argument("--format", default="md", choices=REPORT_FORMATS, help="md (default), html or latex")
    sub.add_argument("--as-of", type=_day, metavar="YYYY-MM-DD", help="the day to answer for")
    _citations_option(sub)
    sub.add_argument(
        "--engine",
        default="pdflatex",
        choices=LATEX_ENGINES,
        help="the LaTeX engine to write for: pdflatex (default; Latin, Cyrillic, Greek) "
        "or lualatex (also Arabic script and CJK)",
    )
    sub.add_argument(
        "-o", "--output", metavar="FILE", help="write here, atomically (default: standard output)"
    )
    sub.add_argument(
        "--evidence",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="the evidence section: every claim's excerpts, locators and kinds of source (default: on)",
    )
    sub.add_argument(
        "--charts",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="charts of the instruments and the trade (default: when the 'charts' extra is installed); "
        "inline in HTML, files beside FILE for md and latex",
    )
    _max_size_option(sub)


def _chart_options(sub: argparse.ArgumentParser) -> None:
    from bilateral.model.areas import CooperationArea

    sub.add_argument(
        "dataset",
        nargs="?",
        default=datasets.DEFAULT,
        metavar="DATASET|FILE",
        help=f"a bundled dataset or a data file (default: {datasets.DEFAULT})",
    )
    sub.add_argument(
        "-o",
        "--output",
        required=True,
        type=_chart_file,
        metavar="FILE",
        help="the chart to write: .svg, .png or .pdf (atomically)",
    )
    sub.add_argument(
        "--area", choices=[a.value for a in CooperationArea], help="only the instruments of this area"
    )
    sub.add_argument("--as-of", type=_day, metavar="YYYY-MM-DD", help="mark this day with a line")
    sub.add_argument(
        "--trade", action="store_true", help="trade figures, targets and the growth they need, instead"
    )
    _partnership_option(sub)
    _max_size_option(sub)
    sub.set_defaults(usage_error=sub.error)


def _export_options(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "dataset",
        nargs="?",
        metavar="DATASET|FILE",
        help="a bundled partnership or a data file (default: all the bundled data)",
    )
    sub.add_argument(
        "--to",
        dest="directory",
        required=True,
        metavar="DIR",
        help="the folder to write into (made if missing)",
    )
    sub.add_argument(
        "--format",
        default="csv",
        choices=EXPORT_FORMATS,
        help="csv (default), or parquet (needs the 'parquet' extra: pip install 'bilateral[parquet]')",
    )
    _max_size_option(sub)


def _no_options(sub: argparse.ArgumentParser) -> None:
    return None


# Every command, in the order of the help: what it does, and what adds its arguments and options.
_COMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None]]] = {
    "list": ("List the bundled datasets.", _no_options),
    "schema": (
        "Print the JSON Schema of the file format, for editors that check a file as it is typed.",
        _schema_options,
    ),
    "validate": ("Check data files and list every problem (exit 1 if there is any).", _validate_options),
    "convert": ("Rewrite a data file in another format.", _convert_options),
    "summary": ("Key figures, the cooperation areas and the sanctions of a partnership.", _summary_options),
    "instruments": ("The instruments of a partnership, filtered.", _instruments_options),
    "timeline": (
        "Every dated event of a partnership, in order.",
        functools.partial(_table_options, dated=False),
    ),
    "exposure": ("Instruments that run through sanctioned actors or sectors.", _exposure_options),
    "sanctions": (
        "The sanction measures around a partnership, and whether each applied on the day.",
        _table_options,
    ),
    "conflicts": (
        "The claims on which sources disagree, side by side.",
        functools.partial(_table_options, dated=False),
    ),
    "sources": (
        "The sources of a partnership and how many claims cite each.",
        functools.partial(_table_options, dated=False),
    ),
    "compare": (
        "Two or more partnerships side by side, area by area.",
        functools.partial(_table_options, many=True),
    ),
    "diff": ("The records added, removed and changed between two versions.", _diff_options),
    "report": ("A whole document on one partnership, or comparing several.", _report_options),
    "chart": (
        "Draw a partnership's instruments over time, uncertain dates as what they are; or its trade (--trade).",
        _chart_options,
    ),
    "export": (
        "Write a dataset as tidy tables: a Frictionless Data Package of CSV or Parquet files.",
        _export_options,
    ),
}


def _parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser of the command line. With ``command``, only that command's arguments and
    options are added: every command is still listed, with its help, but the others' own
    options (and what they import to offer their choices) are left out."""
    parser = argparse.ArgumentParser(
        prog="bilateral",
        description="Sourced records of partnerships between states under sanctions.",
        epilog="example:\n  bilateral validate mine.yaml",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"bilateral {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (help, options) in _COMMANDS.items():
        sub = commands.add_parser(
            name,
            help=help,
            description=help,
            epilog=_EPILOG[name],
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        if command is None or command == name:
            options(sub)
    return parser


def _command(argv: Sequence[str]) -> str | None:
    """The command that ``argv`` names, if it names one: its first word that is not an option
    (the program's own options take no value), when that word is a command."""
    for word in argv:
        if word == "-" or not word.startswith("-"):
            return word if word in _COMMANDS else None
    return None


def _day(text: str) -> dt.date:
    try:
        if len(text) != 10:
            raise ValueError
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def _chart_file(name: str) -> str:
    if Path(name).suffix.lower().lstrip(".") not in CHART_FORMATS:
        raise argparse.ArgumentTypeError(f"{name!r} does not end in .svg, .png or .pdf")
    return name


class _Refused(Exception):
    """What the user asked for cannot be done, for a reason the message gives (exit 1)."""


def _partnership(name: str, partnership_id: str | None = None, max_size: int = MAX_SIZE) -> Partnership:
    """A bundled dataset by name, or a partnership of a data file: its only one, the one
    ``FILE#ID`` names, or the one ``--partnership ID`` names."""
    try:
        return datasets.partnership(name)  # a bundled one, from its own cache file if it has one
    except LookupError:
        pass
    from bilateral.io.documents import load  # a file: the io layer reads it

    path = name
    if not Path(name).exists() and "#" in name and Path(name.rsplit("#", 1)[0]).exists():
        path, partnership_id = name.rsplit("#", 1)
    if not Path(path).exists():
        raise _Refused(f"{name!r} is neither a bundled dataset ({', '.join(datasets.names())}) nor a file")
    if not _has_format(path):
        raise _Refused(f"cannot tell the format of {path!r} (name it .json, .toml or .yaml)")
    dataset = load(path, max_size=max_size)
    if partnership_id is not None and partnership_id not in dataset.ids():
        raise _Refused(
            f"{path}: no partnership has the id {partnership_id!r} (there are: {', '.join(dataset.ids()) or 'none'})"
        )
    try:
        return dataset.partnership(partnership_id)
    except LookupError as exc:  # several partnerships, and none named
        raise _Refused(f"{path}: {exc} with --partnership ID, or as {path}#ID") from None


def _emit(text: str, output: str | None) -> None:
    text = text if text.endswith("\n") else text + "\n"
    if output is None or output == "-":
        sys.stdout.write(text)
    else:
        from bilateral.io.documents import write_atomic

        write_atomic(Path(output), text)


def _inputs(args: argparse.Namespace) -> list[str]:
    """The files a command reads, by the names given."""
    names: list[str] = []
    for attribute in ("file", "dataset", "old", "new"):
        value = getattr(args, attribute, None)
        if isinstance(value, str):
            names.append(value)
    names.extend(getattr(args, "datasets", None) or [])
    files = [name if Path(name).exists() else name.rsplit("#", 1)[0] for name in names]  # FILE#ID
    return [name for name in files if Path(name).exists()]


def _overwrites_input(args: argparse.Namespace) -> str | None:
    """The input file that ``-o`` names, if it names one."""
    output = getattr(args, "output", None)
    if output is None or output == "-":
        return None
    target = Path(output).resolve()
    for name in _inputs(args):
        if Path(name).resolve() == target:
            return name
    return None


def _folder(output: str | None) -> Path | None:
    """The folder ``-o`` names (ending in ``/`` or one that exists), if it names one."""
    if output is None or output == "-":
        return None
    if output.endswith(("/", os.sep)) or Path(output).is_dir():
        return Path(output)
    return None


def _tables(args: argparse.Namespace, usage: argparse.ArgumentParser) -> int:
    from bilateral.render import tables

    fmt, cite, width = args.format, args.citations, _width(args)
    if args.command == "compare":
        from bilateral.analysis.comparison import compare

        found = [_partnership(n, args.partnership, args.max_size) for n in args.datasets]
        text = tables.render(tables.comparison(compare(*found, as_of=args.as_of)), fmt, cite, width=width)
        _emit(text, args.output)
        return 0
    p = _partnership(args.dataset, args.partnership, args.max_size)
    built: list[tables.Table]
    if args.command == "summary":
        every = {
            "overview": lambda: tables.overview(p, args.as_of),
            "areas": lambda: tables.areas(p, args.as_of),
            "sanctions": lambda: tables.sanctions(p, args.as_of),
        }
        names = [args.table] if args.table else list(every)
        folder = _folder(args.output)
        if folder is not None:  # one file per table
            from bilateral.io.documents import write_atomic

            folder.mkdir(parents=True, exist_ok=True)
            suffix = _SUFFIXES.get(fmt, "txt")
            for name in names:
                text = tables.render(every[name](), fmt, cite, width=width)
                write_atomic(folder / f"{name}.{suffix}", text if text.endswith("\n") else text + "\n")
            return 0
        if len(names) > 1 and fmt in ("csv", "tsv"):
            usage.error(
                f"a {fmt.upper()} file holds one table and summary has {len(names)}: "
                f"choose one with --table {{{','.join(names)}}}, or write one file each with -o DIR/"
            )
        built = [every[name]() for name in names]
    elif args.command == "instruments":
        from bilateral.model.areas import CooperationArea
        from bilateral.model.instruments import InstrumentKind, Status

        built = [
            tables.instruments(
                p,
                CooperationArea(args.area) if args.area else None,
                Status(args.status) if args.status else None,
                InstrumentKind(args.kind) if args.kind else None,
            )
        ]
    elif args.command == "timeline":
        built = [tables.timeline(p)]
    elif args.command == "exposure":
        from bilateral.analysis.exposure import Route

        built = [tables.exposure(p, args.as_of, Route(args.via) if args.via else None)]
    elif args.command == "sanctions":
        built = [tables.sanctions(p, args.as_of)]
    elif args.command == "conflicts":
        built = [tables.conflicts(p)]
    else:
        built = [tables.sources(p)]
    _emit("\n\n".join(tables.render(t, fmt, cite, width=width) for t in built), args.output)
    return 0


def _diff(args: argparse.Namespace) -> int:
    from bilateral.analysis.diff import diff
    from bilateral.render import tables

    found = diff(
        _partnership(args.old, args.partnership, args.max_size),
        _partnership(args.new, args.partnership, args.max_size),
    )
    text = tables.render(tables.diff(found), args.format, width=_width(args))
    _emit(text if found else "no changes", args.output)
    return 0


def _write_report(args: argparse.Namespace) -> int:
    from bilateral.io.documents import write_atomic
    from bilateral.render.report import report, report_charts

    names = args.datasets or [datasets.DEFAULT]
    found = [_partnership(n, args.partnership, args.max_size) for n in names]
    drawn = args.charts
    if drawn is None:  # by default, charts where they can be drawn and placed
        drawn = importlib.util.find_spec("matplotlib") is not None and (
            args.format == "html" or args.output is not None
        )
    if drawn and args.format != "html" and args.output is None:
        raise _Refused(
            f"charts in a {args.format} report are files beside it: name the report with -o FILE, or use --no-charts"
        )
    prefix = Path(args.output).stem if args.output else "report"
    text = report(
        found,
        args.format,
        args.as_of,
        args.citations,
        engine=args.engine,
        charts=drawn,
        chart_prefix=prefix,
        evidence=args.evidence,
    )
    if drawn and args.format != "html":
        folder = Path(args.output).parent
        for name, content in report_charts(found, args.format, args.as_of, prefix).items():
            write_atomic(folder / name, content)
    _emit(text, args.output)
    return 0


def _dataset(name: str | None, max_size: int = MAX_SIZE) -> Dataset:
    """All the bundled data, one bundled partnership with the shared records, or a file's dataset."""
    from bilateral.io.documents import load

    bundle = datasets.bundle()
    if name is None:
        return bundle
    if name in bundle.ids():
        own = next(p for p in bundle.partnerships if p.id == name)
        return attrs.evolve(bundle, partnerships=(own,))
    if not Path(name).exists():
        raise _Refused(f"{name!r} is neither a bundled dataset ({', '.join(bundle.ids())}) nor a file")
    return load(name, max_size=max_size)


def _chart(args: argparse.Namespace) -> int:
    from bilateral.io.documents import write_atomic
    from bilateral.model.areas import CooperationArea
    from bilateral.render import charts

    fmt = Path(args.output).suffix.lower().lstrip(".")
    if args.trade and (args.area or args.as_of):
        args.usage_error("--trade draws all the trade; --area and --as-of are for the instruments chart")
    p = _partnership(args.dataset, args.partnership, args.max_size)
    try:
        if args.trade:
            drawn = charts.trade(p)
        else:
            drawn = charts.lifecycle(p, CooperationArea(args.area) if args.area else None, args.as_of)
    except ValueError as exc:  # nothing to draw: the documented refusal
        raise _Refused(str(exc)) from None
    write_atomic(Path(args.output), charts.save(drawn, fmt))
    print(f"wrote {args.output}\n\n{drawn.caption}")
    return 0


def _export(args: argparse.Namespace) -> int:
    from bilateral.io.package import write as write_package
    from bilateral.io.tidy import layout

    dataset = _dataset(args.dataset, args.max_size)
    try:
        target = write_package(dataset, args.directory, args.format)
    except ValueError as exc:  # a value Parquet cannot hold: the documented refusal
        raise _Refused(str(exc)) from None
    count = len(dataset.partnerships)
    print(
        f"wrote {len(layout())} {args.format} tables of {count} partnership{'s' if count != 1 else ''} "
        f"into {target.parent}, described by {target.name}"
    )
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command with ``argv`` (default: the process's arguments); return the exit code."""
    argv = sys.argv[1:] if argv is None else argv
    parser = _parser(_command(argv))  # only the command that runs gets its options
    args = parser.parse_args(argv)
    usage = _subparser(parser, args.command)  # a usage error shows the command's own usage
    if args.command == "convert":
        args.to = _target_format(usage, args.to, args.output)
    if args.command == "compare" and len(args.datasets) < 2:
        usage.error("compare needs two or more datasets")
    overwritten = _overwrites_input(args)
    if overwritten is not None:
        usage.error(f"-o {args.output} would replace the input file {overwritten}; write elsewhere")
    try:
        if args.command == "list":
            return _list()
        if args.command == "schema":
            import json

            from bilateral.io.schema import schema

            _emit(json.dumps(schema(), indent=2, ensure_ascii=False), args.output)
            return 0
        if args.command == "validate":
            return _validate(args.files, args.format, args.max_size)
        if args.command in (
            "summary",
            "instruments",
            "timeline",
            "exposure",
            "sanctions",
            "conflicts",
            "sources",
            "compare",
        ):
            return _tables(args, usage)
        if args.command == "diff":
            return _diff(args)
        if args.command == "report":
            return _write_report(args)
        if args.command == "export":
            return _export(args)
        if args.command == "chart":
            return _chart(args)
        return _convert(args.file, args.source_format, args.to, args.output, args.max_size)
    except InvalidDataError as exc:
        print(_as_typed(exc), file=sys.stderr)
        return 1
    except (MissingExtraError, UnsupportedScriptError) as exc:
        print(f"bilateral: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"bilateral: {where}{exc.strerror or exc}", file=sys.stderr)
        return 1
    except _Refused as exc:
        print(f"bilateral: {exc}", file=sys.stderr)
        return 1


def _subparser(parser: argparse.ArgumentParser, name: str) -> argparse.ArgumentParser:
    """The parser of the command ``name``."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            found: argparse.ArgumentParser = action.choices[name]
            return found
    return parser


def _list() -> int:
    bundle = datasets.bundle()
    for name in bundle.ids():
        partnership = bundle.partnership(name)
        print(f"{name}\t{partnership.title} (data as of {partnership.data_as_of.isoformat()})")
    return 0


def _count(n: int, noun: str) -> str:
    """``1 instrument``, ``2 instruments``."""
    return f"{n} {noun}" if n == 1 else f"{n:,} {noun}s"


# Above this many partnerships, `validate` gives their totals rather than one line's worth each.
_LISTED = 10


def _describe(dataset: Dataset) -> str:
    ps = dataset.partnerships
    if len(ps) > _LISTED:
        return (
            f"{len(ps):,} partnerships: {_count(sum(len(p.instruments) for p in ps), 'instrument')}, "
            f"{_count(sum(len(p.trade.figures) for p in ps), 'trade figure')}, "
            f"{_count(sum(len(p.debts) for p in ps), 'debt restructuring')}, "
            f"{_count(sum(len(p.disruptions) for p in ps), 'disruption')}"
        )
    parts = []
    for p in ps:
        parts.append(
            f"{p.id}: {_count(len(p.instruments), 'instrument')}, {_count(len(p.trade.figures), 'trade figure')}, "
            f"{_count(len(p.debts), 'debt restructuring')}, {_count(len(p.disruptions), 'disruption')}"
        )
    return "; ".join(parts) or "no partnerships"


def _target_format(parser: argparse.ArgumentParser, to: str | None, output: str | None) -> str:
    """The format to convert to: ``--to``, or the output's suffix; they must agree."""
    from bilateral.io.formats import check_format, format_of

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


_LARGER = "a larger max_size reads it"


def _as_typed(exc: InvalidDataError) -> InvalidDataError:
    """The problems, with the way past the size limit named as the command takes it (``--max-size``)."""
    if not any(p.message.endswith(_LARGER) for p in exc.problems):
        return exc
    return InvalidDataError(
        [
            attrs.evolve(p, message=p.message.removesuffix(_LARGER) + "a larger --max-size reads it")
            if p.message.endswith(_LARGER)
            else p
            for p in exc.problems
        ]
    )


def _report(file: str, exc: InvalidDataError) -> None:
    count = len(exc.problems)
    print(_as_typed(exc), file=sys.stderr)
    print(f"{file}: {count} problem{'s' if count != 1 else ''}", file=sys.stderr)


def _validate(files: Sequence[str], fmt: str | None, max_size: int = MAX_SIZE) -> int:
    if not files:
        print(f"bundled data: valid ({_describe(datasets.bundle())})")
        return 0
    from bilateral.io.documents import load

    failed = False
    for file in files:
        if fmt is None and not _has_format(file):
            failed = True
            print(
                f"{file}: cannot tell its format (name it .json, .toml or .yaml, or use --format)",
                file=sys.stderr,
            )
            continue
        try:
            dataset = load(file, fmt, max_size=max_size)
        except InvalidDataError as exc:
            failed = True
            _report(file, exc)
        except OSError as exc:
            failed = True
            print(f"{file}: cannot read it ({exc.strerror or exc})", file=sys.stderr)
        else:
            print(f"{file}: valid ({_describe(dataset)})")
    return 1 if failed else 0


def _has_format(file: str) -> bool:
    """Whether the name's suffix gives a format."""
    from bilateral.io.formats import format_of

    try:
        format_of(file)
    except ValueError:
        return False
    return True


def _convert(
    file: str, source_format: str | None, to: str, output: str | None, max_size: int = MAX_SIZE
) -> int:
    from bilateral.io.documents import dump, dumps, load

    if source_format is None and not _has_format(file):
        raise _Refused(f"cannot tell the format of {file!r} (name it .json, .toml or .yaml, or use --from)")
    try:
        dataset = load(file, source_format, max_size=max_size)
    except InvalidDataError as exc:
        _report(file, exc)
        return 1
    if output is None or output == "-":
        sys.stdout.write(dumps(dataset, to))
    else:
        dump(dataset, Path(output), to)
    return 0


def run() -> None:
    """Entry point for ``python -m bilateral``: exit with `main`'s code."""
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `bilateral ... | head` ends quietly
    sys.exit(main())
