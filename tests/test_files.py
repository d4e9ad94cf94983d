"""Files: the format comes from the suffix, and writes are atomic."""

import os
from pathlib import Path

import pytest

import bilateral
from tests.test_strictness import VALID


@pytest.fixture
def dataset() -> bilateral.Dataset:
    return bilateral.loads(VALID, "yaml")


class TestLoadDump:
    @pytest.mark.parametrize("name", ["data.json", "data.toml", "data.yaml", "data.yml", "DATA.YAML"])
    def test_suffix_gives_the_format(self, tmp_path: Path, dataset: bilateral.Dataset, name: str) -> None:
        """dump and load pick the format from the file's suffix."""
        path = tmp_path / name
        bilateral.dump(dataset, path)
        assert bilateral.load(path) == dataset

    def test_explicit_format_wins(self, tmp_path: Path, dataset: bilateral.Dataset) -> None:
        """A format named by the caller overrides the suffix."""
        path = tmp_path / "data.txt"
        bilateral.dump(dataset, path, format="toml")
        assert path.read_text().startswith("schema_version = 2")
        assert bilateral.load(path, format="toml") == dataset

    def test_unknown_suffix_is_refused(self, tmp_path: Path, dataset: bilateral.Dataset) -> None:
        """A suffix that names no format is a ValueError that says what to do."""
        with pytest.raises(ValueError, match=r"cannot tell the format of 'data.txt'"):
            bilateral.dump(dataset, tmp_path / "data.txt")

    def test_partnership_is_written_as_a_dataset_of_one(
        self, tmp_path: Path, dataset: bilateral.Dataset
    ) -> None:
        """Dumping a partnership writes a dataset that holds just it."""
        partnership = dataset.partnership()
        path = tmp_path / "one.json"
        bilateral.dump(partnership, path)
        assert bilateral.load(path).partnership() == partnership

    def test_invalid_data_is_not_written(self, tmp_path: Path, dataset: bilateral.Dataset) -> None:
        """Data that would not read back is refused before anything is written."""
        import attrs

        partnership = dataset.partnership()
        broken = attrs.evolve(partnership, parties=("VEN", "VEN"))
        path = tmp_path / "out.yaml"
        with pytest.raises(bilateral.InvalidDataError, match="two states, not VEN twice"):
            bilateral.dump(broken, path)
        assert not path.exists()

    def test_not_utf8(self, tmp_path: Path) -> None:
        """A file that is not UTF-8 is reported as such, with its name."""
        path = tmp_path / "latin1.yaml"
        path.write_bytes("title: Boquerón".encode("latin-1"))
        with pytest.raises(bilateral.InvalidDataError, match=r"latin1.yaml: \$: not UTF-8 text"):
            bilateral.load(path)


class TestAtomicWrite:
    def test_failure_mid_write_leaves_the_old_file(
        self, tmp_path: Path, dataset: bilateral.Dataset, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """If the write fails half-way, the old file is untouched and no temporary file is left."""
        path = tmp_path / "data.yaml"
        path.write_text("old contents\n")

        def fail(fd: int) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(os, "fsync", fail)
        with pytest.raises(OSError, match="No space left"):
            bilateral.dump(dataset, path)
        assert path.read_text() == "old contents\n"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["data.yaml"]

    def test_keeps_the_permissions_of_the_file_it_replaces(
        self, tmp_path: Path, dataset: bilateral.Dataset
    ) -> None:
        """Replacing a file keeps its mode."""
        path = tmp_path / "data.yaml"
        path.write_text("old\n")
        path.chmod(0o640)
        bilateral.dump(dataset, path)
        assert path.stat().st_mode & 0o777 == 0o640
