"""Every code block in README.md and docs/ runs, and shows its real output.

Three kinds of block are checked:

- ``pycon`` blocks (``>>>`` examples) run as doctests;
- ``python`` blocks run in order, one namespace per page; a ``text`` block
  right after one is the output it must print;
- ``console`` blocks hold ``$ bilateral ...`` commands, each followed by the
  output it must print (run through `bilateral.cli.main`, in a scratch folder),
  and ``$ python examples/...`` and ``$ python -m bilateral ...`` commands,
  run from the repository's root.
"""

import contextlib
import doctest
import io
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from bilateral.cli import main
from tests.conftest import REPO

PAGES = sorted([REPO / "README.md", *(REPO / "docs").rglob("*.md")])
FENCE = re.compile(r"^```(\w+)[^\n]*\n(.*?)^```\s*$", re.M | re.S)


def _blocks(page: Path) -> list[tuple[str, str]]:
    return [(m.group(1), m.group(2)) for m in FENCE.finditer(page.read_text(encoding="utf-8"))]


def _with(*langs: str) -> list[Path]:
    """The pages that have a block of one of these kinds."""
    return [page for page in PAGES if any(lang in langs for lang, _ in _blocks(page))]


def _id(page: Path) -> str:
    return str(page.relative_to(REPO))


@pytest.fixture
def scratch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in an empty folder holding copies of the examples' data files in examples/, like the repository."""
    (tmp_path / "examples").mkdir()
    for data in (REPO / "examples").glob("*.yaml"):
        (tmp_path / "examples" / data.name).write_text(data.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("page", _with("pycon"), ids=_id)
def test_pycon_blocks(page: Path, scratch: Path) -> None:
    """The >>> examples of the page give the output they show."""
    examples = "\n".join(body for lang, body in _blocks(page) if lang == "pycon")
    test = doctest.DocTestParser().get_doctest(examples, {}, _id(page), str(page), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    output = io.StringIO()
    runner.run(test, out=output.write)
    assert runner.failures == 0, output.getvalue()


@pytest.mark.parametrize("page", _with("python"), ids=_id)
def test_python_blocks(page: Path, scratch: Path) -> None:
    """The python blocks of the page run, and print the text block that follows each."""
    blocks = _blocks(page)
    namespace: dict[str, object] = {"__name__": "__docs__"}
    for index, (lang, body) in enumerate(blocks):
        if lang != "python":
            continue
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            exec(compile(body, f"{_id(page)} block {index}", "exec"), namespace)
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if following is not None and following[0] == "text":
            assert printed.getvalue().rstrip() == following[1].rstrip()


@pytest.mark.parametrize("page", _with("console"), ids=_id)
def test_console_blocks(page: Path, scratch: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Each `$ bilateral ...` line of the page prints the lines shown under it."""
    sessions = [body for lang, body in _blocks(page) if lang == "console"]
    for session in sessions:
        for command, expected in _commands(session):
            words = shlex.split(command)
            if words[0] == "bilateral":
                try:
                    code = main(words[1:])
                except SystemExit as exit:  # --help, --version and usage errors
                    code = exit.code if isinstance(exit.code, int) else 2
                captured = capsys.readouterr()
                printed = (captured.out + captured.err).rstrip()
            elif words[0] == "python" and (
                words[1].startswith("examples/") or words[1:3] == ["-m", "bilateral"]
            ):
                ran = subprocess.run(
                    [sys.executable, *words[1:]], cwd=REPO, capture_output=True, text=True, timeout=120
                )
                code, printed = ran.returncode, (ran.stdout + ran.stderr).rstrip()
            else:
                continue  # pip and other set-up commands are shown, not run
            wanted = expected.rstrip()
            assert _matches(printed, wanted), (
                f"$ {command}\n--- printed ---\n{printed}\n--- shown ---\n{wanted}"
            )
            assert code in (0, 1)


def _commands(session: str) -> list[tuple[str, str]]:
    commands: list[tuple[str, list[str]]] = []
    for line in session.splitlines():
        if line.startswith("$ "):
            commands.append((line[2:], []))
        elif commands:
            commands[-1][1].append(line)
    return [(cmd, "\n".join(out)) for cmd, out in commands]


def _matches(printed: str, shown: str) -> bool:
    """Equal, with ``...`` in the shown text standing for any text."""
    pattern = ".*".join(re.escape(part) for part in shown.split("...")) if "..." in shown else None
    if pattern is None:
        return printed == shown
    return re.fullmatch(pattern, printed, re.S) is not None


def test_every_page_is_checked() -> None:
    """Code blocks use only the checked kinds (or bash/toml/yaml/json for display)."""
    allowed = {"pycon", "python", "text", "console", "bash", "yaml", "toml", "json"}
    for page in PAGES:
        for lang, _ in _blocks(page):
            assert lang in allowed, f"{_id(page)}: a ```{lang} block is neither checked nor plain data"


@pytest.mark.parametrize("page", _with("yaml", "json", "toml"), ids=_id)
def test_data_blocks(page: Path) -> None:
    """Data shown on the page parses; a whole document (with schema_version) is valid."""
    import bilateral
    from bilateral.io.formats import parse

    blocks = [(lang, body) for lang, body in _blocks(page) if lang in ("yaml", "json", "toml")]
    for lang, body in blocks:
        if "schema_version" in body:
            bilateral.loads(body, lang)
        else:
            parse(body, lang)  # type: ignore[arg-type]


def test_whole_files_shown_are_the_example_files() -> None:
    """A whole data file shown in the docs is one of examples/, verbatim, so the two cannot drift."""
    files = {f.read_text(encoding="utf-8") for f in (REPO / "examples").glob("*.yaml")}
    shown = [
        (page, body)
        for page in PAGES
        for lang, body in _blocks(page)
        if lang == "yaml" and "schema_version" in body
    ]
    assert shown, "no page shows a whole data file"
    for page, body in shown:
        assert body in files, f"{_id(page)} shows a data file that is not in examples/"
