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
