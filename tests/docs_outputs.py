"""Rewrites the outputs shown in README.md and docs/ with what the commands and code print now.

    python -m tests.docs_outputs            # rewrite every page whose outputs changed
    python -m tests.docs_outputs --check    # list the blocks that would change

It runs what `tests/test_docs.py` checks (``$ bilateral ...`` and ``$ python
examples/...`` lines of ``console`` blocks, and each ``python`` block with the
``text`` block after it) in a scratch folder holding the examples. An output
that elides with ``...`` and still matches is left as written. Read the diff
before committing: the point of the docs tests is that a change shows.
"""

import contextlib
import io
import os
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

from bilateral.cli import main
from tests.conftest import REPO
from tests.test_docs import FENCE, PAGES, _matches


def _run_command(command: str) -> str | None:
    words = shlex.split(command)
    if words[0] == "bilateral":
        out = io.StringIO()
        with (
            contextlib.redirect_stdout(out),
            contextlib.redirect_stderr(out),
            contextlib.suppress(SystemExit),
        ):
            main(words[1:])
        return out.getvalue().rstrip()
    if words[0] == "python" and (words[1].startswith("examples/") or words[1:3] == ["-m", "bilateral"]):
        ran = subprocess.run(
            [sys.executable, *words[1:]], cwd=REPO, capture_output=True, text=True, timeout=120
        )
        return (ran.stdout + ran.stderr).rstrip()
    return None


def _console(body: str) -> str:
    lines = body.splitlines()
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        out.append(line)
        index += 1
        if not line.startswith("$ "):
            continue
        shown: list[str] = []
        while index < len(lines) and not lines[index].startswith("$ "):
            shown.append(lines[index])
            index += 1
        printed = _run_command(line[2:])
        if printed is None or _matches(printed, "\n".join(shown).rstrip()):
            out.extend(shown)
        elif "..." in shown:  # an elided output: the same number of lines, then the elision
            kept = shown.index("...")
            out.extend([*printed.split("\n")[:kept], *shown[kept:]])
        else:
            trailing = len(shown) - len("\n".join(shown).rstrip("\n").split("\n")) if shown else 0
            out.extend(printed.split("\n") if printed else [])
            out.extend([""] * max(trailing, 0))
    return "\n".join(out) + ("\n" if body.endswith("\n") else "")


def rewrite(page: Path) -> str:
    text = page.read_text(encoding="utf-8")
    matches = list(FENCE.finditer(text))
    namespace: dict[str, object] = {"__name__": "__docs__"}
    replacements: list[tuple[int, int, str]] = []
    for index, match in enumerate(matches):
        lang, body = match.group(1), match.group(2)
        if lang == "console":
            new = _console(body)
            if new != body:
                replacements.append((match.start(2), match.end(2), new))
        elif lang == "python":
            printed = io.StringIO()
            with contextlib.redirect_stdout(printed):
                exec(compile(body, f"{page.name} block {index}", "exec"), namespace)
            following = matches[index + 1] if index + 1 < len(matches) else None
            if following is not None and following.group(1) == "text":
                shown = following.group(2)
                if printed.getvalue().rstrip() != shown.rstrip():
                    replacements.append(
                        (following.start(2), following.end(2), printed.getvalue().rstrip() + "\n")
                    )
    for start, end, new in reversed(replacements):
        text = text[:start] + new + text[end:]
    return text


def run(check: bool) -> int:
    changed = 0
    with tempfile.TemporaryDirectory() as scratch:
        (Path(scratch) / "examples").mkdir()
        for data in (REPO / "examples").glob("*.yaml"):
            (Path(scratch) / "examples" / data.name).write_text(
                data.read_text(encoding="utf-8"), encoding="utf-8"
            )
        here = os.getcwd()
        os.chdir(scratch)
        try:
            for page in PAGES:
                new = rewrite(page)
                if new != page.read_text(encoding="utf-8"):
                    changed += 1
                    print(f"{page.relative_to(REPO)}: outputs changed")
                    if not check:
                        page.write_text(new, encoding="utf-8")
        finally:
            os.chdir(here)
    return 1 if check and changed else 0


if __name__ == "__main__":
    sys.exit(run("--check" in sys.argv[1:]))
