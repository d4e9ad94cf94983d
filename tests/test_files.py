"""Files: the format comes from the suffix, and writes are atomic."""

import os
import stat
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import attrs
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
        with pytest.raises(bilateral.InvalidDataError) as info:
            bilateral.load(path)
        assert str(info.value) == (
            f"{path}:1:14: $: not UTF-8 text (invalid continuation byte at byte 13); save it as UTF-8"
        )


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

    def test_not_a_regular_file_is_written_through(self, tmp_path: Path, dataset: bilateral.Dataset) -> None:
        """A FIFO (as /dev/null, a device) is written to, never replaced by a regular file."""
        fifo = tmp_path / "pipe.yaml"
        os.mkfifo(fifo)
        got: list[bytes] = []
        reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
        reader.start()
        bilateral.dump(dataset, fifo)
        reader.join(timeout=30)
        assert stat.S_ISFIFO(fifo.stat().st_mode)
        assert bilateral.loads(got[0].decode("utf-8"), "yaml") == dataset
        assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe.yaml"]

    def test_a_fifo_is_read_up_to_the_limit(self, tmp_path: Path, dataset: bilateral.Dataset) -> None:
        """A pipe is read as it comes, and refused once it passes the limit, with no buffer made ahead."""
        fifo = tmp_path / "pipe.json"
        text = bilateral.dumps(dataset, "json").encode("utf-8")
        for limit, refused in ((1 << 50, False), (len(text) - 1, True)):
            os.mkfifo(fifo)
            writer = threading.Thread(target=lambda: fifo.write_bytes(text))
            writer.start()
            problems = bilateral.validate(fifo, max_size=limit)
            writer.join(timeout=30)
            fifo.unlink()
            assert [p.message.startswith("the file is larger than") for p in problems] == (
                [True] if refused else []
            )

    def test_dev_null_stays_a_device(self, dataset: bilateral.Dataset) -> None:
        """Writing to /dev/null leaves it a character device."""
        bilateral.dump(dataset, "/dev/null", format="json")
        assert stat.S_ISCHR(os.stat("/dev/null").st_mode)

    def test_an_error_names_the_path_given(
        self, tmp_path: Path, dataset: bilateral.Dataset, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A failure to write names the file asked for, not the temporary file beside it."""
        path = tmp_path / "out.yaml"

        def refuse(*args: object, **kwargs: object) -> None:
            raise PermissionError(13, "Permission denied", str(tmp_path / ".out.yaml.x.tmp"))

        monkeypatch.setattr(tempfile, "mkstemp", refuse)
        with pytest.raises(PermissionError) as info:
            bilateral.dump(dataset, path)
        assert (info.value.filename, info.value.strerror) == (str(path), "Permission denied")

    def test_a_folder_is_not_replaced(self, tmp_path: Path, dataset: bilateral.Dataset) -> None:
        """A folder given as the file to write is an error naming it."""
        with pytest.raises(IsADirectoryError) as info:
            bilateral.dump(dataset, tmp_path, format="yaml")
        assert str(info.value) == f"[Errno 21] it is a folder, not a file: '{tmp_path}'"

    def test_a_writer_killed_mid_write(self, tmp_path: Path, dataset: bilateral.Dataset) -> None:
        """kill -9 during a write leaves the old file whole; the next write removes the leftover."""
        path = tmp_path / "data.yaml"
        path.write_text("old contents\n")
        writer = subprocess.Popen(
            [
                sys.executable,
                "-c",
                "import os, sys, time, bilateral\n"
                "def stall(fd):\n"
                "    print('writing', flush=True)\n"
                "    time.sleep(600)\n"
                "os.fsync = stall\n"
                f"bilateral.dump(bilateral.datasets.bundle(), {str(path)!r})\n",
            ],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert writer.stdout is not None
        assert writer.stdout.readline() == "writing\n"
        writer.kill()
        writer.wait(timeout=30)
        writer.stdout.close()
        assert path.read_text() == "old contents\n"
        (left,) = [p.name for p in tmp_path.iterdir() if p.name != "data.yaml"]
        assert left.startswith(f".data.yaml.{writer.pid}.")
        bilateral.dump(dataset, path)
        assert bilateral.load(path) == dataset
        assert sorted(p.name for p in tmp_path.iterdir()) == ["data.yaml"]


class TestReadingBytes:
    def test_load_reads_as_loads_does(self, tmp_path: Path) -> None:
        """A bare CR in a TOML multi-line string is refused by load as by loads: no newline translation."""
        good = bilateral.dumps(bilateral.loads(VALID, "yaml"), "toml")
        text = good.replace('title = "Strategic partnership treaty"', 'title = """Strategic\rpartnership"""')
        assert text != good
        path = tmp_path / "cr.toml"
        path.write_bytes(text.encode("utf-8"))
        with pytest.raises(bilateral.InvalidDataError) as from_text:
            bilateral.loads(text, "toml")
        with pytest.raises(bilateral.InvalidDataError) as from_file:
            bilateral.load(path)
        assert from_file.value.problems == tuple(
            attrs.evolve(p, file=str(path)) for p in from_text.value.problems
        )
        assert (
            str(from_file.value)
            == f"{path}:{str(from_text.value).removeprefix('line ').replace(', column ', ':', 1)}"
        )

    def test_utf16_is_named(self, tmp_path: Path) -> None:
        """A UTF-16 file (as some Windows editors save) is named as such, with the fix."""
        path = tmp_path / "wide.yaml"
        path.write_bytes("schema_version: 2\n".encode("utf-16"))
        assert bilateral.validate(path) == [
            bilateral.Problem(
                "$",
                "not UTF-8 text but UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8",
                str(path),
            )
        ]

    def test_validate_reads_a_path(self, tmp_path: Path) -> None:
        """validate("file.yaml") reads the file and lists its problems, each naming it."""
        path = tmp_path / "mine.yaml"
        path.write_text(VALID.replace('signed: "2025-05"', 'signed: "2025-13"'), encoding="utf-8")
        assert [str(p) for p in bilateral.validate(str(path))] == [
            f"{path}:21:17: $.partnerships[0].instruments[0].signed: '2025-13' is not a valid date (month must be 1 to 12)"
        ]
        path.write_text(VALID, encoding="utf-8")
        assert bilateral.validate(path) == []

    def test_validate_of_something_else(self) -> None:
        """validate of neither a record nor a path says what it takes."""
        with pytest.raises(
            TypeError, match=r"^validate\(\) takes a Dataset, a Partnership or the path of a file, not int$"
        ):
            bilateral.validate(3)  # type: ignore[arg-type]
