"""What a command costs before it runs: the imports it does not need are not made, and the
bundled data is read from its cache only while the cache is exactly what the YAML reads as."""

import os
import pickle
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import pytest

import bilateral
from bilateral import cli, datasets
from bilateral.io import formats, package
from bilateral.model import checks
from bilateral.render import charts, report, scripts


def _text() -> str:
    return files("bilateral.datasets").joinpath("data", "partnerships.yaml").read_text(encoding="utf-8")


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh cache folder for the bundle."""
    folder = tmp_path / "cache"
    monkeypatch.setenv(datasets.CACHE_VARIABLE, str(folder))
    return folder


class TestBundleCache:
    def test_the_cache_reads_as_the_yaml(self, cache: Path) -> None:
        """The first read writes one cache file; the second reads it, and both equal the YAML read."""
        read = bilateral.loads(_text(), "yaml")
        assert datasets.bundle.__wrapped__() == read
        (written,) = cache.iterdir()
        assert written.name == f"bundle-{datasets._key(_text())}.pickle"
        assert datasets._cached(datasets._key(_text())) == read
        assert datasets.bundle.__wrapped__() == read

    def test_a_broken_cache_is_read_again(self, cache: Path) -> None:
        """A cache file that is not a pickle of a dataset is ignored, and rewritten."""
        cache.mkdir(mode=0o700)
        path = cache / f"bundle-{datasets._key(_text())}.pickle"
        for junk in (b"not a pickle", pickle.dumps({"partnerships": []})):
            path.write_bytes(junk)
            path.chmod(0o600)
            assert datasets.bundle.__wrapped__() == bilateral.loads(_text(), "yaml")
            assert datasets._cached(datasets._key(_text())) is not None

    @pytest.mark.skipif(not hasattr(os, "getuid"), reason="permissions are POSIX's")
    def test_a_cache_others_can_write_is_not_read(self, cache: Path) -> None:
        """A cache file (or folder) that others could have written is not trusted."""
        cache.mkdir(mode=0o700)
        path = cache / f"bundle-{datasets._key(_text())}.pickle"
        path.write_bytes(pickle.dumps(bilateral.Dataset()))
        path.chmod(0o666)
        assert datasets._cached(datasets._key(_text())) is None
        path.chmod(0o600)
        assert datasets._cached(datasets._key(_text())) == bilateral.Dataset()
        cache.chmod(0o777)
        assert datasets._cached(datasets._key(_text())) is None

    def test_old_files_are_removed(self, cache: Path) -> None:
        """Writing the cache removes the files of other keys (older data or code)."""
        cache.mkdir(mode=0o700)
        (cache / "bundle-0123.pickle").write_bytes(b"old")
        datasets.bundle.__wrapped__()
        assert [p.name for p in cache.iterdir()] == [f"bundle-{datasets._key(_text())}.pickle"]

    def test_the_key_follows_the_data(self) -> None:
        """Another text, even by one character, is another key."""
        assert datasets._key(_text()) == datasets._key(_text())
        assert datasets._key(_text()) != datasets._key(_text() + "\n")

    def test_an_empty_variable_means_no_cache(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """BILATERAL_CACHE_DIR set empty: no cache is read or written."""
        monkeypatch.setenv(datasets.CACHE_VARIABLE, "")
        assert datasets._folder() is None
        assert datasets.bundle.__wrapped__() == bilateral.loads(_text(), "yaml")

    def test_an_unwritable_folder_is_no_error(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """A cache that cannot be written (here, a file in the way) only costs the time."""
        blocker = tmp_path / "file"
        blocker.write_text("in the way")
        monkeypatch.setenv(datasets.CACHE_VARIABLE, str(blocker / "cache"))
        assert datasets.bundle.__wrapped__() == bilateral.loads(_text(), "yaml")


def _imported(code: str, cache: Path) -> set[str]:
    """The bilateral modules, and the libraries of interest, that ``code`` imports in a new process."""
    probe = f"{code}\nimport sys\nprint(' '.join(sorted(sys.modules)))"
    env = {**os.environ, datasets.CACHE_VARIABLE: str(cache)}
    ran = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=env, timeout=120
    )
    return set(ran.stdout.split())


class TestLazyImports:
    def test_import_bilateral_imports_little(self, cache: Path) -> None:
        """`import bilateral` imports none of the analysis, io or render modules."""
        found = _imported("import bilateral", cache)
        assert not {
            m for m in found if m.startswith(("bilateral.analysis.", "bilateral.io.", "bilateral.render."))
        }

    def test_every_public_name_still_imports(self) -> None:
        """Every name of __all__ is there, from `bilateral.X` and `from bilateral import X`."""
        for name in bilateral.__all__:
            assert getattr(bilateral, name) is not None
        namespace: dict[str, object] = {}
        exec(f"from bilateral import {', '.join(bilateral.__all__)}", namespace)
        assert all(namespace[name] is getattr(bilateral, name) for name in bilateral.__all__)
        assert bilateral.render.report.report is report.report  # submodules, as attributes
        with pytest.raises(AttributeError, match="module 'bilateral' has no attribute 'nothing'"):
            _ = bilateral.nothing  # type: ignore[attr-defined]
        with pytest.raises(AttributeError, match=r"module 'bilateral\.render' has no attribute 'nothing'"):
            _ = bilateral.render.nothing

    def test_summary_of_a_bundled_dataset(self, cache: Path) -> None:
        """`bilateral summary`, once the bundle is cached, reads no file format, draws no chart,
        writes no report and imports no cattrs."""
        code = "from bilateral.cli import main\nmain(['summary', '-o', '-'])"
        _imported(code, cache)  # writes the cache
        found = _imported(code, cache)
        unused = {
            "cattrs",
            "yaml",
            "bilateral.io.converter",
            "bilateral.io.documents",
            "bilateral.io.package",
            "bilateral.io.schema",
            "bilateral.io.tidy",
            "bilateral.render.charts",
            "bilateral.render.report",
            "bilateral.analysis.diff",
        }
        assert found & unused == set()

    def test_the_options_offer_what_the_modules_define(self) -> None:
        """The choices the command line states itself are those of the modules it leaves unimported."""
        assert cli.FORMATS == formats.FORMATS
        assert cli.MAX_SIZE == formats.MAX_SIZE
        assert cli.EXPORT_FORMATS == package.FORMATS
        assert cli.CHART_FORMATS == charts.CHART_FORMATS
        assert cli.REPORT_FORMATS == report.REPORT_FORMATS
        assert cli.LATEX_ENGINES == scripts.LATEX_ENGINES


class TestWhatSummaryLeavesOut:
    def test_summary_of_a_cached_bundle_imports_no_more_than_it_uses(self, cache: Path) -> None:
        """`bilateral summary` on a cached bundle loads no pycountry (the cache keeps the codes it
        confirmed), no OpenSSL hashlib, and neither the comparison, the exposure nor the LaTeX helpers."""
        code = "from bilateral.cli import main\nmain(['summary', '-o', '-'])"
        _imported(code, cache)  # writes the cache
        found = _imported(code, cache)
        unused = {
            "pycountry",
            "hashlib",
            "bilateral.analysis.comparison",
            "bilateral.analysis.exposure",
            "bilateral.render.latex",
        }
        assert found & unused == set()
        assert "bilateral.render.tables" in found  # it did run

    def test_the_model_imports_no_pycountry(self, cache: Path) -> None:
        """Importing the records loads pycountry only when a code is checked."""
        assert "pycountry" not in _imported("import bilateral.model.partnership", cache)
        assert "pycountry" in _imported("from bilateral.model.checks import country\ncountry('RUS')", cache)

    @pytest.mark.parametrize("setting", ["fresh", "cached", "none"])
    def test_summary_reads_the_same_every_way(self, tmp_path: Path, setting: str) -> None:
        """The output of `bilateral summary` (and of a table that builds computed amounts) is the
        same with a fresh cache folder, a cache written by the run before, and no cache at all."""

        def run(folder: str) -> str:
            code = "from bilateral.cli import main\nmain(['summary'])\nmain(['summary', '--as-of', '2020-01-01'])"
            env = {**os.environ, datasets.CACHE_VARIABLE: folder}
            ran = subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env, timeout=120
            )
            return ran.stdout

        expected = run("")  # no cache: every code is asked of pycountry
        folder = {"fresh": str(tmp_path / "fresh"), "cached": str(tmp_path / "cached"), "none": ""}[setting]
        if setting == "cached":
            run(folder)
        assert run(folder) == expected
        if setting != "none":  # the bundle's file, and that of the partnership summarised
            key = datasets._key(_text())
            written = sorted(p.name for p in Path(folder).glob("bundle-*.pickle"))
            assert written == [f"bundle-{key}.pickle", f"bundle-{key}.{datasets.DEFAULT}.pickle"]


class TestPartnershipCache:
    def test_a_partnership_reads_as_the_bundles(self, cache: Path) -> None:
        """A bundled partnership kept in its own cache file is the one the bundle resolves, and a
        command on it reads no more than that file."""
        read = bilateral.loads(_text(), "yaml")
        for name in read.ids():
            datasets._PARTNERSHIPS.clear()
            assert datasets.partnership(name) == read.partnership(name)  # written
            datasets._PARTNERSHIPS.clear()
            assert datasets._cached(datasets._key(_text()), name) == read.partnership(name)
            assert datasets.partnership(name) == read.partnership(name)  # read back
        code = (
            "import pickle\nloaded = []\nreal = pickle.loads\n"
            "pickle.loads = lambda b: loaded.append(len(b)) or real(b)\n"
            "from bilateral import datasets\ndatasets.partnership()\nprint(len(loaded))"
        )
        env = {**os.environ, datasets.CACHE_VARIABLE: str(cache)}
        ran = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
        )
        assert ran.stdout.strip() == "1"  # the partnership's file alone, not the bundle's

    def test_a_name_that_is_not_an_id_names_no_file(self, cache: Path) -> None:
        """A name with a slash or a leading dot is never made into a cache file's name."""
        datasets.bundle.__wrapped__()
        for name in ("../x", "a/b", ".hidden"):
            with pytest.raises(LookupError, match="no bundled dataset"):
                datasets.partnership(name)
        assert all(p.parent == cache for p in cache.rglob("*"))


class TestConfirmedCodes:
    def test_the_cache_keeps_what_pycountry_confirmed(self, cache: Path) -> None:
        """The cache file holds the dataset and the codes pycountry confirmed while it was read;
        each is one pycountry knows."""
        import pycountry

        datasets.bundle.__wrapped__()
        (written,) = cache.iterdir()
        dataset, codes = pickle.loads(written.read_bytes())
        assert dataset == bilateral.loads(_text(), "yaml")
        assert {"RUS", "VEN", "IRN"} <= set(codes["country"])
        assert "USD" in codes["currency"]
        for code in codes["country"]:
            assert pycountry.countries.get(alpha_3=code) or pycountry.historic_countries.get(alpha_3=code)
        for code in codes["currency"]:
            assert pycountry.currencies.get(alpha_3=code)
        for code in codes["language"]:
            assert pycountry.languages.get(alpha_2=code)

    def test_confirmed_codes_still_check(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A code taken as confirmed passes; any other is still asked of pycountry, and a malformed
        list of codes is ignored."""
        answers: dict[str, dict[str, bool]] = {"country": {}, "currency": {}, "language": {}}
        monkeypatch.setattr(checks, "_ANSWERS", answers)
        checks._confirm({"country": ["VEN"], "currency": "USD", "other": ["X"], 1: ["RUS"]})
        assert answers == {"country": {"VEN": True}, "currency": {}, "language": {}}
        checks._confirm(["VEN"])
        checks.country("VEN")
        with pytest.raises(ValueError, match="'QQQ' is not an ISO 3166-1 alpha-3 country code"):
            checks.country("QQQ")
        with pytest.raises(ValueError, match="'QQQ' is not an ISO 4217 currency code"):
            checks.currency("QQQ")
        assert answers["country"] == {"VEN": True, "QQQ": False}
        assert checks._confirmed() == {"country": ["VEN"], "currency": [], "language": []}

    def test_the_key_is_sha256(self) -> None:
        """The key's digest is SHA-256, whichever implementation computes it."""
        import hashlib

        digest = datasets._sha256()
        digest.update(b"bilateral")
        assert digest.hexdigest() == hashlib.sha256(b"bilateral").hexdigest()


class TestOneCommandsParser:
    def test_a_parser_for_one_command_reads_as_the_whole(self) -> None:
        """The parser made for one command has the same help, and that command the same help,
        usage and options, as the parser of every command."""
        whole = cli._parser()
        for name in cli._COMMANDS:
            one = cli._parser(name)
            assert one.format_help() == whole.format_help()
            assert cli._subparser(one, name).format_help() == cli._subparser(whole, name).format_help()
            assert cli._subparser(one, name).format_usage() == cli._subparser(whole, name).format_usage()

    def test_the_command_is_the_first_word(self) -> None:
        """The command is the first word that is not an option, if it is one."""
        assert cli._command(["summary", "--as-of", "2020-01-01"]) == "summary"
        assert cli._command(["--version", "list"]) == "list"
        assert cli._command(["-", "summary"]) is None
        assert cli._command(["nothing", "summary"]) is None
        assert cli._command([]) is None
