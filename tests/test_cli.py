"""The bilateral command, as a user types it."""

import csv
import io
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

import bilateral
from bilateral.cli import main
from tests.conftest import REPO

GOOD = str(REPO / "examples" / "my-partnership.yaml")
BROKEN = str(REPO / "examples" / "broken-partnership.yaml")


class TestValidate:
    def test_bundled_data(self, capsys: pytest.CaptureFixture[str]) -> None:
        """With no file, validate checks the bundled data and exits 0."""
        assert main(["validate"]) == 0
        assert capsys.readouterr().out.startswith("bundled data: valid (russia-venezuela: ")

    def test_a_file_of_many_partnerships_gives_totals(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Above ten partnerships, validate says how many and what they hold in all, on one short line."""
        bundle = bilateral.datasets.bundle()
        clones = tuple(attrs.evolve(p, id=f"{p.id}-{n}") for n in range(2) for p in bundle.partnerships)
        path = tmp_path / "many.json"
        bilateral.dump(attrs.evolve(bundle, partnerships=clones), path)
        assert main(["validate", str(path)]) == 0
        instruments = 2 * sum(len(p.instruments) for p in bundle.partnerships)
        figures = 2 * sum(len(p.trade.figures) for p in bundle.partnerships)
        debts = 2 * sum(len(p.debts) for p in bundle.partnerships)
        disruptions = 2 * sum(len(p.disruptions) for p in bundle.partnerships)
        assert capsys.readouterr().out == (
            f"{path}: valid (12 partnerships: {instruments} instruments, {figures} trade figures, "
            f"{debts} debt restructurings, {disruptions} disruptions)\n"
        )

    def test_good_and_broken_files(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Every problem of every file goes to stderr, with a count, and the exit code is 1."""
        assert main(["validate", GOOD, BROKEN]) == 1
        out, err = capsys.readouterr()
        assert out == (
            f"{GOOD}: valid (my-russia-venezuela: 2 instruments, 0 trade figures, "
            "0 debt restructurings, 0 disruptions)\n"
        )
        assert err.splitlines() == [
            f"{BROKEN}:8:11: $.sources[0].kind: 'state media' is not a valid source kind (expected one of: "
            "official, wire, state_media, independent_media, law_firm, academic, company, ngo, other)",
            f"{BROKEN}:10:54: $.actors[0].country: 'RU' is not an ISO 3166-1 alpha-3 country code",
            f"{BROKEN}:21:16: $.partnerships[0].instruments[0].areas: expected a list, got text ('energy')",
            f"{BROKEN}:24:17: $.partnerships[0].instruments[0].signed: '2025-13' is not a valid date "
            "(month must be 1 to 12)",
            f"{BROKEN}: 4 problems",
        ]

    def test_missing_file(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A file that is not there is reported by name, exit 1, no traceback."""
        missing = tmp_path / "nope.yaml"
        assert main(["validate", str(missing)]) == 1
        assert capsys.readouterr().err == f"{missing}: cannot read it (No such file or directory)\n"


class TestConvert:
    def test_to_stdout(self, capsys: pytest.CaptureFixture[str]) -> None:
        """convert writes the other format to standard output, and it reads back the same."""
        assert main(["convert", GOOD, "--to", "toml"]) == 0
        text = capsys.readouterr().out
        assert bilateral.loads(text, "toml") == bilateral.load(GOOD)

    def test_to_file(self, tmp_path: Path) -> None:
        """convert -o writes the file."""
        out = tmp_path / "mine.json"
        assert main(["convert", GOOD, "--to", "json", "-o", str(out)]) == 0
        assert bilateral.load(out) == bilateral.load(GOOD)

    def test_broken_input(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """Converting a broken file writes nothing and exits 1."""
        out = tmp_path / "mine.json"
        assert main(["convert", BROKEN, "--to", "json", "-o", str(out)]) == 1
        assert "4" not in capsys.readouterr().out
        assert not out.exists()


class TestUsage:
    def test_list(self, capsys: pytest.CaptureFixture[str]) -> None:
        """list shows each bundled dataset with its title."""
        assert main(["list"]) == 0
        assert capsys.readouterr().out.startswith("russia-venezuela\t")

    @pytest.mark.parametrize(
        "argv",
        [
            [],
            ["frobnicate"],
            ["convert", GOOD, "--to", "xml"],
            ["compare", "russia-cuba"],
            ["instruments", "--as-of", "2025-01-01"],
            ["timeline", "--as-of", "2025-01-01"],
        ],
    )
    def test_usage_errors_exit_2(self, argv: list[str]) -> None:
        """Bad usage exits 2: unknown commands and formats, a comparison of one, a day for an undated table."""
        with pytest.raises(SystemExit) as info:
            main(argv)
        assert info.value.code == 2

    @pytest.mark.parametrize("command", ["list", "validate", "convert"])
    def test_help_shows_an_example(self, command: str, capsys: pytest.CaptureFixture[str]) -> None:
        """Every command's --help ends with a real example."""
        with pytest.raises(SystemExit) as info:
            main([command, "--help"])
        assert info.value.code == 0
        assert f"  bilateral {command}" in capsys.readouterr().out


class TestProcess:
    def test_python_dash_m(self) -> None:
        """python -m bilateral works like the command, and errors carry no traceback."""
        result = subprocess.run(
            [sys.executable, "-m", "bilateral", "validate", BROKEN],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 1
        assert "Traceback" not in result.stderr
        assert result.stderr.endswith("4 problems\n")

    def test_closed_pipe_is_quiet(self) -> None:
        """Piping into a reader that stops early prints no traceback."""
        result = subprocess.run(
            f"{sys.executable} -m bilateral convert {GOOD} --to yaml | head -1",
            shell=True,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.stdout == "schema_version: 2\n"
        assert result.stderr == ""


class TestTableCommands:
    @pytest.mark.parametrize(
        "command", ["summary", "instruments", "timeline", "exposure", "conflicts", "sources"]
    )
    def test_defaults_to_the_reference_dataset(
        self, command: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """With no dataset, each table command uses Russia–Venezuela and prints a Markdown table."""
        assert main([command]) == 0
        out = capsys.readouterr().out
        assert out.startswith("| ")
        assert "russia-venezuela" in out or "RUS and VEN" in out or "Russia" in out

    def test_instruments_filtered_to_latex_with_footnotes(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The issue's 'done when': a LaTeX instruments table with footnoted sources."""
        assert (
            main(["instruments", "russia-venezuela", "--area", "finance", "--format", "latex_booktabs"]) == 0
        )
        out = capsys.readouterr().out
        assert out.startswith("{\\small")
        assert "\\begin{longtable}{>{\\raggedright" in out  # breaks across pages, fitted to the width
        assert "\\textsuperscript{1" in out
        assert "\\begin{enumerate}" in out

    def test_summary_as_of(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--as-of moves the day the summary answers for."""
        assert main(["summary", "--as-of", "2025-04-30"]) == 0
        assert "| data as of                  | 30 Apr 2025" in capsys.readouterr().out

    def test_compare(self, capsys: pytest.CaptureFixture[str]) -> None:
        """compare puts the partnerships in columns."""
        assert main(["compare", "russia-venezuela", "russia-iran", "russia-north-korea", "russia-cuba"]) == 0
        header = capsys.readouterr().out.splitlines()[0]
        assert [h.strip() for h in header.strip("|").split("|")] == [
            "area",
            "Russia–Venezuela",
            "Russia–Iran",
            "Russia–North Korea",
            "Russia–Cuba",
        ]

    def test_diff(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """diff lists the changes between two files."""
        old = bilateral.load(GOOD)
        p = old.partnership()
        import attrs

        new = attrs.evolve(p, title="Retitled")
        bilateral.dump(new, tmp_path / "new.yaml")
        assert main(["diff", GOOD, str(tmp_path / "new.yaml")]) == 0
        out = capsys.readouterr().out
        assert (
            "| partnership | my-russia-venezuela | changed  | title: 'Russia–Venezuela (two sentences)' → 'Retitled' |"
            in out
        )

    def test_exposure_via_actor(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--via actor keeps only the measures that name an instrument's actor (or its owner)."""
        assert main(["exposure", "--via", "actor", "--format", "csv"]) == 0
        rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
        assert len(rows) == 10
        assert {row["via"] for row in rows} == {"actor: pdvsa", "actor: rosneft", "actor: evrofinance"}
        assert main(["exposure", "--via", "country", "--format", "csv"]) == 0
        assert "actor: pdvsa" not in capsys.readouterr().out

    def test_diff_of_lists_shows_their_length(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """A changed list of records is shown by its length, a list of words in full."""
        import attrs

        p = bilateral.load(GOOD).partnership()
        (treaty,) = [i for i in p.instruments if i.kind is bilateral.InstrumentKind.TREATY]
        changed = attrs.evolve(
            treaty,
            areas=(*treaty.areas, bilateral.CooperationArea.TRADE),
            citations=treaty.citations * 2,
        )
        new = attrs.evolve(p, instruments=tuple(changed if i is treaty else i for i in p.instruments))
        bilateral.dump(new, tmp_path / "new.yaml")
        assert main(["diff", GOOD, str(tmp_path / "new.yaml"), "--format", "plain"]) == 0
        assert capsys.readouterr().out.splitlines()[1].split(None, 3)[3].strip() == (
            "areas: [energy, diplomacy] → [energy, diplomacy, trade]; citations: 1 item → 2 items"
        )

    def test_summary_as_of_says_which_day_is_which(self, capsys: pytest.CaptureFixture[str]) -> None:
        """On another day, the areas table says statuses are as recorded, and cuts developments at the day."""
        assert main(["summary", "--as-of", "2025-04-30", "--citations", "none"]) == 0
        out = capsys.readouterr().out
        areas, sanctions = out.split("\n| measure ")
        assert areas.rstrip().endswith(
            "Instruments and their statuses are as recorded on 6 Jan 2026; "
            "the developments and what was in force are as of 30 Apr 2025."
        )
        assert "7 May 2025" not in out  # the treaty was signed after the day
        assert "| instruments                 | 15 (+16 not known) |" in areas  # 33 on 6 Jan 2026
        assert "| EU expansion of sanctions on Russia after 24 February 2022 " in sanctions

    def test_conflicts_in_words(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Both the record's value and the other claimed are written in words, as the other tables write them."""
        assert main(["conflicts", "russia-cuba", "--format", "csv"]) == 0
        rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
        assert [(r["field"], r["value"]) for r in rows] == [
            ("signed", "October 2013"),
            ("", "December 2013"),
            ("in_force", "5 Dec 2023"),
            ("", "13 Mar 2023"),
            ("quantities", "≥ 80,000 tonnes of diesel"),
            ("", "≈ 80,000 tonnes of diesel"),
            ("value", "$452m"),
            ("", "≈ ₽60bn"),
            ("", "$834m"),
            ("", "$730m"),
            ("origin", "Cuba's debt to the Soviet Union, $35.2bn"),
            ("", "Cuba's debt to the Soviet Union, $32bn"),
            ("amount", "≈ $32bn"),
            ("", "≈ $29bn"),
            ("remaining", "≈ $3.5bn"),
            ("", "≈ $3.2bn"),
            ("period", "8 Jul 1963 – ?"),
            ("", "7 Feb 1962 – ?"),
            ("period", "31 Jan 2025 – ?"),
            ("", "6 Feb 2025 – ?"),
        ]

    def test_tables_without_sources_get_no_sources_column(self, capsys: pytest.CaptureFixture[str]) -> None:
        """CSV carries sources as a column, but not for a table that no source stands behind."""
        assert main(["summary", "--format", "csv", "--table", "overview"]) == 0
        assert capsys.readouterr().out.startswith("figure,value\n")

    def test_report_to_file(self, tmp_path: Path) -> None:
        """report writes a whole document to -o."""
        out = tmp_path / "report.html"
        assert main(["report", "--format", "html", "-o", str(out)]) == 0
        assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")

    def test_unknown_dataset(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A name that is neither bundled nor a file is reported, exit 1."""
        assert main(["summary", "atlantis"]) == 1
        assert capsys.readouterr().err.startswith("bilateral: 'atlantis' is neither a bundled dataset")

    def test_bad_date_is_a_usage_error(self) -> None:
        """An impossible --as-of date is a usage error."""
        with pytest.raises(SystemExit) as info:
            main(["summary", "--as-of", "2025-13-01"])
        assert info.value.code == 2

    @pytest.mark.parametrize(
        "command",
        [
            "summary",
            "instruments",
            "timeline",
            "exposure",
            "conflicts",
            "sources",
            "compare",
            "diff",
            "report",
        ],
    )
    def test_help_shows_an_example(self, command: str, capsys: pytest.CaptureFixture[str]) -> None:
        """Every command's --help ends with a real example."""
        with pytest.raises(SystemExit):
            main([command, "--help"])
        assert f"  bilateral {command}" in capsys.readouterr().out

    def test_summary_into_head(self) -> None:
        """`bilateral summary | head -1` prints one line and no traceback."""
        result = subprocess.run(
            f"{sys.executable} -m bilateral summary | head -1",
            shell=True,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.stdout.startswith("| figure ")
        assert result.stderr == ""


class TestWrites:
    def test_output_to_dev_null(self, capsys: pytest.CaptureFixture[str]) -> None:
        """-o /dev/null writes into the device and leaves it one."""
        assert main(["summary", "-o", "/dev/null"]) == 0
        assert capsys.readouterr() == ("", "")
        assert stat.S_ISCHR(os.stat("/dev/null").st_mode)

    def test_output_dash_is_standard_output(self, capsys: pytest.CaptureFixture[str]) -> None:
        """-o - writes to standard output, for tables and for convert."""
        assert main(["convert", GOOD, "--to", "json", "-o", "-"]) == 0
        assert bilateral.loads(capsys.readouterr().out, "json") == bilateral.load(GOOD)
        assert main(["sources", "--format", "csv", "-o", "-"]) == 0
        assert capsys.readouterr().out.startswith("id,publisher,title,kind,published,claims\n")

    def test_output_over_an_input_is_a_usage_error(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """`bilateral summary mine.yaml -o mine.yaml` would replace the data with a table: exit 2, file kept."""
        mine = tmp_path / "mine.yaml"
        mine.write_text(Path(GOOD).read_text(encoding="utf-8"), encoding="utf-8")
        before = mine.read_bytes()
        with pytest.raises(SystemExit) as info:
            main(["summary", str(mine), "-o", str(tmp_path / "." / "mine.yaml")])
        assert info.value.code == 2
        assert capsys.readouterr().err.endswith(
            f"error: -o {tmp_path / '.' / 'mine.yaml'} would replace the input file {mine}; write elsewhere\n"
        )
        assert mine.read_bytes() == before

    def test_convert_over_its_input_is_a_usage_error(self, tmp_path: Path) -> None:
        """convert FILE -o FILE is refused too: a failed conversion must not cost the original."""
        mine = tmp_path / "mine.yaml"
        mine.write_text(Path(GOOD).read_text(encoding="utf-8"), encoding="utf-8")
        with pytest.raises(SystemExit) as info:
            main(["convert", str(mine), "--to", "yaml", "-o", str(mine)])
        assert info.value.code == 2


class TestRefusals:
    def test_a_file_of_several_partnerships(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A file of several partnerships is refused with their ids, exit 1, no traceback."""
        many = tmp_path / "many.yaml"
        bilateral.dump(bilateral.datasets.bundle(), many)
        assert main(["summary", str(many)]) == 1
        assert capsys.readouterr().err == (
            f"bilateral: {many}: the dataset holds 6 partnerships (russia-venezuela, russia-iran, "
            f"russia-north-korea, russia-cuba, china-venezuela, iran-venezuela); name one with "
            f"--partnership ID, or as {many}#ID\n"
        )

    def test_naming_a_partnership_of_a_file(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """--partnership ID, or FILE#ID, picks one partnership of a file that holds several."""
        many = tmp_path / "many.yaml"
        bilateral.dump(bilateral.datasets.bundle(), many)
        assert main(["summary", "russia-cuba", "--citations", "none"]) == 0
        bundled = capsys.readouterr().out
        assert main(["summary", str(many), "--partnership", "russia-cuba", "--citations", "none"]) == 0
        assert capsys.readouterr().out == bundled
        assert main(["summary", f"{many}#russia-cuba", "--citations", "none"]) == 0
        assert capsys.readouterr().out == bundled
        assert main(["compare", f"{many}#russia-cuba", f"{many}#russia-iran", "--format", "csv"]) == 0
        assert capsys.readouterr().out.splitlines()[0] == "area,Russia–Cuba,Russia–Iran"
        assert main(["diff", str(many), str(many), "-p", "russia-iran"]) == 0
        assert capsys.readouterr().out == "no changes\n"
        assert main(["summary", str(many), "-p", "atlantis"]) == 1
        assert capsys.readouterr().err == (
            f"bilateral: {many}: no partnership has the id 'atlantis' (there are: russia-venezuela, "
            "russia-iran, russia-north-korea, russia-cuba, china-venezuela, iran-venezuela)\n"
        )

    def test_a_file_of_no_known_format(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A data file named .txt is refused with the fix, by the table commands and by convert."""
        text = tmp_path / "mine.txt"
        text.write_text(Path(GOOD).read_text(encoding="utf-8"), encoding="utf-8")
        assert main(["summary", str(text)]) == 1
        assert capsys.readouterr().err == (
            f"bilateral: cannot tell the format of {str(text)!r} (name it .json, .toml or .yaml)\n"
        )
        assert main(["convert", str(text), "--to", "json"]) == 1
        assert capsys.readouterr().err == (
            f"bilateral: cannot tell the format of {str(text)!r} (name it .json, .toml or .yaml, or use --from)\n"
        )
        assert main(["convert", str(text), "--from", "yaml", "--to", "json"]) == 0

    def test_odd_yaml_in_a_file(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A YAML scalar that once crashed the reader is a problem with the file, the path and the line."""
        odd = tmp_path / "odd.yaml"
        odd.write_text(Path(GOOD).read_text(encoding="utf-8") + "x: !!bool maybe\n", encoding="utf-8")
        assert main(["validate", str(odd)]) == 1
        lines = capsys.readouterr().err.splitlines()
        line = len(Path(GOOD).read_text(encoding="utf-8").splitlines()) + 1
        assert lines == [
            f"{odd}:{line}:4: $.x: !!bool 'maybe' is not true or false",
            f"{odd}:{line}:1: $.x: unknown field (expected one of: actors, partnerships, sanctions, schema_version, sources)",
            f"{odd}: 2 problems",
        ]


class TestMaxSize:
    """--max-size BYTES: the size a data file may have, on every command that reads one."""

    SIZE = Path(GOOD).stat().st_size

    def test_a_file_over_the_limit(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A file larger than --max-size is refused unread, naming the limit and the option, exit 1."""
        assert main(["validate", GOOD, "--max-size", "1KB"]) == 1
        assert capsys.readouterr().err.splitlines() == [
            f"{GOOD}: $: the file is larger than the 1,000 bytes a file may hold; a larger --max-size reads it",
            f"{GOOD}: 1 problem",
        ]
        assert main(["summary", GOOD, "--max-size", str(self.SIZE - 1)]) == 1
        assert capsys.readouterr().err == (
            f"{GOOD}: $: the file is larger than the {self.SIZE - 1:,} bytes a file may hold; "
            "a larger --max-size reads it\n"
        )

    def test_a_file_within_the_limit(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A file of exactly --max-size bytes, or under a limit with a suffix in any case, reads."""
        assert main(["validate", GOOD, "--max-size", str(self.SIZE)]) == 0
        assert capsys.readouterr().out.startswith(f"{GOOD}: valid")
        assert main(["validate", GOOD, "--max-size", "2kb"]) == 0
        capsys.readouterr()
        assert main(["summary", GOOD, "--max-size", "1MB", "--citations", "none"]) == 0
        assert main(["summary", GOOD, "--citations", "none"]) == 0  # the default: 16 MB
        out = capsys.readouterr().out
        half = len(out) // 2
        assert out[:half] == out[half:]

    @pytest.mark.parametrize(
        "argv",
        [
            ["convert", GOOD, "--to", "json"],
            ["instruments", GOOD],
            ["timeline", GOOD],
            ["exposure", GOOD],
            ["sanctions", GOOD],
            ["conflicts", GOOD],
            ["sources", GOOD],
            ["compare", GOOD, "russia-cuba"],
            ["diff", GOOD, GOOD],
            ["report", GOOD, "--no-charts"],
            ["chart", GOOD, "-o", "never-written.svg"],
            ["export", GOOD, "--to", "never-written"],
        ],
    )
    def test_every_command_that_reads_a_file(
        self, argv: list[str], capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Each command that reads a data file takes --max-size, and refuses a larger file with exit 1."""
        assert main([*argv, "--max-size", "100"]) == 1
        err = capsys.readouterr().err
        assert err.startswith(f"{GOOD}: $: the file is larger than the 100 bytes a file may hold; ")
        assert "a larger --max-size reads it" in err

    @pytest.mark.parametrize(
        ("size", "why"),
        [
            ("ten", "'ten' is not a size (write bytes, as 100000000, or with KB, MB or GB, as 100MB)"),
            ("1.5MB", "'1.5MB' is not a size (write bytes, as 100000000, or with KB, MB or GB, as 100MB)"),
            ("100 MB", "'100 MB' is not a size (write bytes, as 100000000, or with KB, MB or GB, as 100MB)"),
            ("0", "'0' is no size at all: a file needs at least 1 byte"),
        ],
    )
    def test_a_size_that_is_none(self, size: str, why: str, capsys: pytest.CaptureFixture[str]) -> None:
        """A size that is not whole bytes (or KB, MB, GB) is a usage error, exit 2."""
        with pytest.raises(SystemExit) as exit:
            main(["validate", GOOD, "--max-size", size])
        assert exit.value.code == 2
        assert (
            capsys.readouterr().err.splitlines()[-1]
            == f"bilateral validate: error: argument --max-size: {why}"
        )

    def test_help(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The help says what --max-size takes and its default."""
        with pytest.raises(SystemExit):
            main(["summary", "--help"])
        help = " ".join(capsys.readouterr().out.split())
        assert (
            "--max-size BYTES read data files up to this size, in bytes or with a suffix: 500KB, 100MB, 2GB "
            "(powers of 1000; default: 16,000,000, i.e. 16MB); a larger file is refused unread"
        ) in help


COMMANDS = [
    "list",
    "schema",
    "validate",
    "convert",
    "summary",
    "instruments",
    "timeline",
    "exposure",
    "sanctions",
    "conflicts",
    "sources",
    "compare",
    "diff",
    "report",
]


class TestHelp:
    @pytest.mark.parametrize("command", COMMANDS)
    def test_every_argument_has_help(self, command: str, capsys: pytest.CaptureFixture[str]) -> None:
        """In every command's --help, each argument and option is followed by what it does."""
        with pytest.raises(SystemExit):
            main([command, "--help"])
        lines = capsys.readouterr().out.split("\n\nexample")[0].splitlines()
        entries = [i for i, line in enumerate(lines) if re.match(r"  \S", line)]
        bare = [
            lines[i].strip()
            for i in entries
            if not re.match(r"  \S.*?\s{2,}\S", lines[i])
            and not (i + 1 < len(lines) and re.match(r" {10,}\S", lines[i + 1]))
        ]
        assert entries
        assert bare == []

    def test_a_usage_error_shows_the_command_s_usage(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`bilateral compare russia-venezuela` shows compare's usage and the reason, not the top level's."""
        with pytest.raises(SystemExit) as info:
            main(["compare", "russia-venezuela"])
        assert info.value.code == 2
        err = capsys.readouterr().err
        assert err.startswith("usage: bilateral compare ")
        assert err.endswith("bilateral compare: error: compare needs two or more datasets\n")
