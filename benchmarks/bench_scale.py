"""Fast at scale (issue 14): every ratio the issue sets, against its target, with peers side by side.

    python benchmarks/bench_scale.py                      # 24, 1,008 and 4,000 partnerships
    python benchmarks/bench_scale.py --quick              # a small run, under a minute
    python benchmarks/bench_scale.py --sizes 24,1008 --rounds 5 --json results.json

What it measures, on synthetic datasets of N partnerships (`generate.py`: the
bundled partnerships cloned under new ids, each clone with its own records
and sources, so a resolved partnership is as large at N = 4,000 as at 24):

``load``
    ``bilateral.loads(text, "json")`` (parse, structure, every check) as a
    ratio to ``orjson.loads(text)``, the floor. Beside it, on the same text:
    ``json.loads``, msgspec decoding into typed Structs, pydantic
    ``model_validate_json`` into strict models (`peers.py` says what these
    check and what they do not), and bilateral's own parse alone
    (`bilateral.io.formats.parse`). Target: at most 2x at ~1k and ~4k,
    3x at the small size.
``dump``
    ``bilateral.dumps(dataset, "json")`` as a ratio to ``orjson.loads`` of
    its output. Beside it: ``orjson.dumps`` and ``json.dumps`` (indented, as
    bilateral writes) of the plain data, msgspec and pydantic encoding their
    own decoded objects. Target: at most 1x at every size.
``yaml``, ``toml``
    ``bilateral.loads(text, fmt)`` as a ratio to bilateral's parse alone
    (`bilateral.io.formats.parse`); beside it the raw parsers
    (``yaml.load(text, Loader=yaml.CSafeLoader)``, ``tomllib.loads``) as
    ratios to the same parse. Target: at most 1.3x. Small sizes only
    (``--text-sizes``, default 24 and 96): YAML is slow.
``memory``
    Retained memory after a load, as a ratio to the input's size in bytes,
    each library in a fresh subprocess (see "How memory is measured").
    Target for bilateral: at most 4x.
``analysis``
    Time per partnership at each larger size as a ratio to the time per
    partnership at the smallest size (target: at most 1.2x), for
    `Dataset.partnership` of every id, the integrity checks
    (`bilateral.model.integrity.problems`) of the whole dataset, and, per
    resolved partnership: `summarize`, `as_of`, `compare` (with the next
    partnership), `exposure`, `timeline`, `conflicts`, `diff` (with its
    clone, six partnerships on: every record renamed) and every table of
    `bilateral.render.tables`, built and rendered as GitHub Markdown. At a
    size above 200 partnerships the per-partnership operations run on a
    sample of 198, evenly spread and balanced over the six bundled
    partnerships (the smallest size, 24, takes them all); `Dataset.partnership`
    and the integrity checks always run over the whole dataset.
``pass``
    ``summarize + exposure`` of every partnership of a dataset (each resolved
    with `Dataset.partnership`) and one `compare` of all of them, as a ratio
    to ``bilateral.loads`` of the dataset, timed in the same rounds as the
    load. Target: at most 0.5x.
``cold``
    Wall time of the ``bilateral summary`` command (a fresh process) as a
    ratio to ``python -c "import attrs, cattrs, tabulate"``, and beside it
    ``python -c "import bilateral"``, the median ratio, and the ratios of
    the processes' CPU time. Target: at most 1.5x.

How: every ratio is of two timings taken in the same run, in interleaved
rounds (each round runs every candidate once, so all of them see the same
machine), and each timing is the best of its rounds (``--rounds``); a
candidate that takes under 50 ms is repeated within a round and its mean
taken. Ratios, not seconds, are what to compare between runs: the machines
are shared and noisy. The seconds of each baseline are printed so the
ratios can be read.

The in-process timings are of this process's CPU time (``time.process_time``)
unless ``--clock wall``: on a shared machine with more runnable processes
than cores (a load average of 3 to 4 on 2 cores while this was written),
wall time counts the time the process waits for a core, and CPU time does
not; it still counts what sharing the caches and the memory bus costs. The
cold start is timed in wall time, as the issue asks, with the children's
CPU time (``RUSAGE_CHILDREN``) beside it. The header gives the load average
before and after the run.

How memory is measured: a subprocess imports everything, decodes a tiny
dataset (``WARM_UP``) so that what loads lazily on first use, such as
pycountry's tables, is counted before, not in, the result, collects
garbage, calls glibc's ``malloc_trim(0)`` and reads the resident set size
from ``/proc/self/statm`` (``base``); it
reads the file into a ``str`` (``text``: a text with characters above
U+00FF is two bytes a character), decodes it and keeps the result; then it
drops the text, collects garbage and calls glibc's ``malloc_trim(0)`` so that
freed memory goes back to the system, and reads the RSS again. Retained =
that RSS - ``base``: what the result holds, with the fragmentation it leaves,
and without the text (or the UTF-8 copy that orjson, msgspec and pydantic
make of a ``str`` and cache on it). Also printed: ``kept``, the RSS growth
with the text still alive and no trim (RSS after decoding - RSS after
reading), ``peak``, the largest RSS from ``base`` on (``VmHWM`` after
resetting it through ``/proc/self/clear_refs``; else ``ru_maxrss``) less
``base``, and ``text``, the footprint of the text itself; each as a ratio
to the file's bytes.

Generated files are cached under ``$TMPDIR/bilateral-bench`` (``--cache``),
keyed by N, the format and a hash of the bundled data and of `generate.py`,
so that runs before and after a change read the same bytes. Generating is
slow (about 20 s per 1,000 partnerships); the first run says what it makes.
At the current bundle one partnership is about 80 KB of JSON, so 4,000 are
about 320 MB; files above 16 MB are read with a larger ``max_size``.

What each step bought
---------------------
Ratios of this script, CPU time, best of 3 rounds, on a shared two-core
machine (load average 2-4): before = ``src/`` at 16ae82b; after = 63fdd8f.
The steps in between were measured one by one with a smaller script (same
method, one process, the component alone as a ratio to ``orjson.loads`` at
1,008 partnerships unless said), so they add up only roughly.

- The fast path (`bilateral.io.fast`: readers generated per record class,
  the detailed converter only for the messages; texts checked once; dates
  shared; GC paused): structuring 10.1x -> 1.4x, the text checks 7.8x -> 0
  as a walk of their own. This script, between them: load 6.0x -> 3.1x at
  1,008 and 24.8x -> 7.2x at 24.
- Alternative claims read by generated readers, and ids and codes checked
  once per distinct text: the reader 0.72x of what it was (A/B in one
  process, 24 partnerships).
- Integrity: references resolved as sets of ids first (collectors generated
  per class), paths only for a reference that names nothing: 1.46x -> 0.46x.
- dumps: no second check of a dataset that was read, a generated writer,
  orjson for the text (the `fast` extra): 35x -> 2.1x at 1,008.
- `type_problems` (datasets built in Python only): 106 ms -> 36 ms for 24
  partnerships.
- The cold start (lazy imports, the bundle kept in a cache file): 5.1x ->
  2.3x; lazy imports alone bought 10-15 ms, the cache the rest.
- `Dataset.partnership` by index, `exposure` and `compare` without their
  repeated walks: per-partnership times flat from 24 to 4,000 (they were
  already close to flat on this generator, whose shared pools do not grow).

Second round (2026-12-02; each figure an A/B of the tree as it then was
against the round's start, 778fdc9, in alternating processes, best of 10-15
rounds, 24 partnerships unless said, so the figures are cumulative; the
machine had a load average of 3-8, so each is good to about 10%):

- The load's parsed data dropped before the collector resumes, and the
  records read moved straight to the oldest generation (`gc.freeze` then
  `gc.unfreeze`): the collector's first pass after a load of 1,008
  partnerships no longer walks every record (0.33 s of a 4.1 s load, CPU).
- Readers that set each slot directly, read an absent optional field as its
  null, and inline the blank-text test; writers that build the fields always
  written in one dict display: load 6.7x -> 5.6x, dumps 2.2x -> 1.7x.
- Integrity: each record class's rules found once, weak sources as a set of
  ids, no walk into fields that cannot hold a reference: 15-21 ms -> 9 ms
  (`integrity.problems` alone, best of 30).
- `PartialDate.earliest`, `.latest` and the EDTF text kept on the record once
  worked out; numbers written as text read once per distinct text: with the
  steps above, load 8.4x -> 5.4x, dumps 2.8x -> 1.7x.
- dumps with orjson: each record's own mapping handed to orjson as it comes
  (tuples, enums and days written by orjson), not the whole plain data built
  first: 1.7x -> 1.25x (the start: 2.7-3.1x in the same runs).
- The cold start: options built for the command that runs only, pycountry
  and the comparison, exposure and LaTeX helpers not imported by `summary`,
  the cache key from the code files' sizes and times, and each bundled
  partnership kept resolved in a cache file of its own.

| check | 24 before -> after | 1,008 | 4,000 | target |
| --- | --- | --- | --- | --- |
| JSON loads / orjson.loads | 24.8 -> 7.49 | 6.01 -> 2.34 | 8.51 -> 1.98 | 3 / 2 / 2 |
| dumps / orjson.loads of the output | 51.7 -> 2.07 | 35.0 -> 2.12 | 23.3 -> 2.01 | 1 |
| summarize+exposure+compare / loads | 0.74 -> 1.04 | 0.68 -> 1.10 | 0.83 -> 1.09 | 0.5 |
| YAML loads / parse | 1.26 -> 0.62 | | | 1.3 |
| TOML loads / parse | 1.65 -> 1.17 | | | 1.3 |
| retained memory / input | 2.34 -> 1.95 | 2.80 -> 2.70 | 2.80 -> 2.67 | 4 |
| bilateral summary / imports | 5.10 -> 2.34 | | | 1.5 |

(The pass's ratio rose because the load it is divided by fell by 3-4x.)

After the second round, one run of this script at 6fc9369 (an installed wheel,
load average 1.0-1.1, CPU time, best of 3), beside the round's start (778fdc9,
an editable install, load average 2.5-2.7, sizes 24 and 1,008 only):

| check | 24 | 1,008 | 4,000 | target |
| --- | --- | --- | --- | --- |
| JSON loads / orjson.loads | 5.93 -> 7.46 | 3.06 -> 1.88 | 1.59 | 3 / 2 / 2 |
| dumps / orjson.loads of the output | 2.04 -> 1.45 | 1.80 -> 1.28 | 1.11 | 1 |
| summarize+exposure+compare / loads | 1.10 -> 0.71 | 1.17 -> 0.70 | 1.07 | 0.5 |
| YAML loads / parse | 0.54 | | | 1.3 |
| TOML loads / parse | 1.56 (0.87 at 96) | | | 1.3 |
| retained memory / input | 2.02 | 2.66 | 2.63 | 4 |
| bilateral summary / imports | 2.70 -> 1.29 | | | 1.5 |

Third round (2026-12-02, e72826c and after; one run of the dump section,
load average 0.5-0.9, editable install): nested records written inline,
only the dataset's own records through orjson's ``default``, enum values and
EDTF texts without a call: dumps / orjson.loads of the output 0.97 at 24,
0.71 at 1,008, 1.01 at 4,000 (A/B at 24 in alternating processes: 1.14-1.42
-> 1.06-1.27). Enums hashing by identity (`Vocabulary`): the pass over 24
partnerships about 10% less CPU time (A/B, best of 9, three pairs).

The ratio to orjson at 24 partnerships moves with the machine more than with
the code (the A/B runs above, in alternating processes, put it at 8.4x -> 5.4x);
orjson's own time at the large sizes includes its garbage collections, which
walk whatever the process holds.
"""

import argparse
import contextlib
import ctypes
import datetime as dt
import gc
import hashlib
import json
import math
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import orjson
import yaml
from tabulate import tabulate

import bilateral
from bilateral.io.formats import parse
from bilateral.model.integrity import problems
from bilateral.model.partnership import Dataset, Partnership
from bilateral.render import tables

HERE = Path(__file__).resolve().parent
BIG = 1 << 40  # max_size for files of any size
SAMPLE = 198  # partnerships sampled for the per-partnership analysis: 33 of each bundled one
AS_OF = dt.date(2022, 6, 30)
MIN_TIME = 0.05
#: The clock of the in-process timings (``--clock``): CPU time of this process by default.
CLOCK: list[Callable[[], float]] = [time.process_time]
SECTIONS = ["load", "pass", "dump", "yaml", "toml", "memory", "analysis", "cold"]  # the order of the tables

try:  # run as a script, benchmarks/ is on the path
    import peers
except ImportError as exc:  # msgspec or pydantic missing: their columns stay empty
    peers = None  # type: ignore[assignment]
    PEERS_MISSING = str(exc)
else:
    PEERS_MISSING = ""

Row = dict[str, Any]

#: A tiny dataset that every decoder reads before memory is measured: it looks up a country,
#: a language and a currency, and so loads what bilateral loads lazily on the first of each.
WARM_UP = json.dumps(
    {
        "schema_version": 2,
        "sources": [
            {"id": "s", "title": "t", "publisher": "p", "kind": "wire", "country": "RUS", "language": "en"}
        ],
        "partnerships": [
            {
                "id": "a-b",
                "parties": ["RUS", "VEN"],
                "title": "t",
                "data_as_of": "2025-01-01",
                "instruments": [
                    {
                        "id": "i",
                        "kind": "loan",
                        "title": "t",
                        "areas": ["finance"],
                        "status": "signed",
                        "signed": "2024-05~",
                        "value": {"amount": "1", "currency": "USD"},
                        "citations": [{"source": "s"}],
                    }
                ],
            }
        ],
    }
)


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


@contextlib.contextmanager
def took(what: str) -> Iterator[None]:
    """Log how long the block took."""
    start = time.perf_counter()
    yield
    log(f"  {what}: {time.perf_counter() - start:,.0f} s")


# ---------------------------------------------------------------- data


def cache_key() -> str:
    """A hash of what the generated files depend on: the bundled data and the generator."""
    digest = hashlib.sha256()
    data = Path(bilateral.datasets.__file__).parent / "data"
    for path in sorted(data.iterdir()):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    digest.update((HERE / "generate.py").read_bytes())
    return digest.hexdigest()[:12]


def dataset_file(n: int, fmt: str, cache: Path) -> Path:
    """The file of ``n`` partnerships in ``fmt``, generated once and cached."""
    path = cache / f"partnerships-{n}-{cache_key()}.{fmt}"
    if path.exists():
        log(f"using {path} ({path.stat().st_size / 1e6:.1f} MB, cached)")
        return path
    log(f"generating {n:,} partnerships as {fmt.upper()} (about {max(1, n // 50)} s) into {path} ...")
    import generate  # run as a script, benchmarks/ is on the path

    start = time.perf_counter()
    text = bilateral.dumps(generate.build(n), fmt)
    cache.mkdir(parents=True, exist_ok=True)
    temp = path.with_suffix(f".{os.getpid()}.tmp")
    temp.write_text(text, encoding="utf-8")
    temp.replace(path)
    log(f"  {len(text.encode()) / 1e6:.1f} MB in {time.perf_counter() - start:.0f} s")
    return path


def read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


# ---------------------------------------------------------------- timing


def race(
    candidates: dict[str, Callable[[], object]],
    rounds: int,
    after: Callable[[str], None] | None = None,
) -> dict[str, float]:
    """The best time of one call of each candidate, in seconds, over interleaved rounds.

    The first round also calibrates: a candidate under MIN_TIME is then called
    as many times as make MIN_TIME, and the mean of those calls is one timing.
    ``after(name)`` runs, untimed, after each candidate.
    """
    numbers: dict[str, int] = {}
    best = dict.fromkeys(candidates, math.inf)
    for _ in range(rounds):
        for name, fn in candidates.items():
            number = numbers.get(name, 1)
            gc.collect()
            start = CLOCK[0]()
            for _ in range(number):
                fn()
            elapsed = (CLOCK[0]() - start) / number
            numbers.setdefault(name, max(1, math.ceil(MIN_TIME / max(elapsed, 1e-9))))
            best[name] = min(best[name], elapsed)
            if after is not None:
                after(name)
    return best


def row(
    section: str,
    check: str,
    size: int | str,
    baseline: str,
    seconds: float,
    ratio: float,
    target: float | None,
    peers_: dict[str, float | None] | None = None,
    **extra: Any,
) -> Row:
    return {
        "section": section,
        "check": check,
        "size": size,
        "baseline": baseline,
        "baseline_seconds": seconds,
        "bilateral": ratio,
        "target": target,
        "met": None if target is None else ratio <= target,
        "peers": peers_ or {},
        **extra,
    }


# ---------------------------------------------------------------- load and dump


def analysis_pass(dataset: Dataset) -> None:
    """summarize and exposure of every partnership of the dataset, and one compare of all of them."""
    resolved = [dataset.partnership(i) for i in dataset.ids()]
    for p in resolved:
        bilateral.summarize(p)
        bilateral.exposure(p)
    if len(resolved) >= 2:
        bilateral.compare(*resolved)


def bench_load(n: int, text: str, rounds: int) -> list[Row]:
    """JSON load against orjson and the peers, and the analysis pass against the load."""
    log(f"load: {n:,} partnerships, {rounds} rounds ...")
    if peers is not None:
        peers.check(text)
    state: dict[str, Dataset] = {}

    def load() -> None:
        state["dataset"] = bilateral.loads(text, "json", max_size=BIG)

    candidates: dict[str, Callable[[], object]] = {
        "orjson": lambda: orjson.loads(text),
        "json.loads": lambda: json.loads(text),
        "bilateral parse": lambda: parse(text, "json", BIG),
    }
    if peers is not None:
        candidates["msgspec"] = lambda: peers.msgspec_decoder.decode(text)
        candidates["pydantic"] = lambda: peers.PydanticDataset.model_validate_json(text)
    candidates["bilateral"] = load
    candidates["pass"] = lambda: analysis_pass(state["dataset"])

    def drop(name: str) -> None:
        if name == "pass":
            state.clear()

    t = race(candidates, rounds, drop)
    floor = t["orjson"]
    others = {k: t[k] / floor for k in ("json.loads", "msgspec", "pydantic", "bilateral parse") if k in t}
    target = 3.0 if n < 100 else 2.0
    return [
        row(
            "load",
            "JSON loads / orjson.loads",
            n,
            f"orjson.loads {floor * 1000:,.1f} ms",
            floor,
            t["bilateral"] / floor,
            target,
            others,
            timings=t,
            bytes=len(text.encode()),
        ),
        row(
            "pass",
            "summarize+exposure+compare / loads",
            n,
            f"bilateral.loads {t['bilateral']:,.2f} s",
            t["bilateral"],
            t["pass"] / t["bilateral"],
            0.5,
            timings={"pass": t["pass"], "bilateral": t["bilateral"]},
        ),
    ]


def bench_dump(n: int, text: str, rounds: int) -> list[Row]:
    """JSON dumps against orjson.loads of the output, with the peers' encoders beside it."""
    log(f"dump: {n:,} partnerships, {rounds} rounds ...")
    dataset = bilateral.loads(text, "json", max_size=BIG)
    out = bilateral.dumps(dataset, "json")
    plain = orjson.loads(out)
    candidates: dict[str, Callable[[], object]] = {
        "orjson.loads(out)": lambda: orjson.loads(out),
        "bilateral": lambda: bilateral.dumps(dataset, "json"),
        "orjson.dumps": lambda: orjson.dumps(plain),
        "json.dumps": lambda: json.dumps(plain, indent=2, ensure_ascii=False),
    }
    if peers is not None:
        by_msgspec = peers.msgspec_decoder.decode(text)
        by_pydantic = peers.PydanticDataset.model_validate_json(text)
        candidates["msgspec"] = lambda: peers.msgspec_encoder.encode(by_msgspec)
        candidates["pydantic"] = lambda: peers.pydantic_dump(by_pydantic)
    t = race(candidates, rounds)
    floor = t["orjson.loads(out)"]
    others = {k: t[k] / floor for k in ("orjson.dumps", "json.dumps", "msgspec", "pydantic") if k in t}
    return [
        row(
            "dump",
            "JSON dumps / orjson.loads(output)",
            n,
            f"orjson.loads {floor * 1000:,.1f} ms",
            floor,
            t["bilateral"] / floor,
            1.0,
            others,
            timings=t,
            same_text=out == text,
        )
    ]


def bench_text(n: int, fmt: str, text: str, rounds: int) -> list[Row]:
    """YAML or TOML loads against bilateral's parse alone, and the raw parser beside it."""
    log(f"{fmt}: {n:,} partnerships, {rounds} rounds ...")
    raw: Callable[[], object]
    if fmt == "yaml":
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        raw = lambda: yaml.load(text, Loader=loader)  # noqa: E731
        raw_name = f"yaml.load {loader.__name__}"
    else:
        raw = lambda: tomllib.loads(text)  # noqa: E731
        raw_name = "tomllib.loads"
    t = race(
        {
            "parse": lambda: parse(text, fmt, BIG),  # type: ignore[arg-type]
            "raw": raw,
            "bilateral": lambda: bilateral.loads(text, fmt, max_size=BIG),
        },
        rounds,
    )
    return [
        row(
            fmt,
            f"{fmt.upper()} loads / parse",
            n,
            f"bilateral parse {t['parse'] * 1000:,.0f} ms",
            t["parse"],
            t["bilateral"] / t["parse"],
            1.3,
            {raw_name: t["raw"] / t["parse"]},
            timings=t,
            bytes=len(text.encode()),
        )
    ]


# ---------------------------------------------------------------- memory


def _statm_rss() -> int:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def _reset_peak() -> bool:
    """Reset the process's peak RSS (Linux 4.0 and later), so that it counts from now."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def _peak_rss() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    return 0


def _trim() -> None:
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def memory_child(lib: str, path: str) -> None:
    """In a fresh process: the RSS a decoded file keeps (see the module's docstring); prints JSON."""
    decoders: dict[str, Callable[[str], object]] = {
        "bilateral": lambda t: bilateral.loads(t, "json", max_size=BIG),
        "orjson": orjson.loads,
        "json": json.loads,
    }
    if peers is not None:
        decoders["msgspec"] = peers.msgspec_decoder.decode
        decoders["pydantic"] = peers.PydanticDataset.model_validate_json
    decode = decoders[lib]
    decode(WARM_UP)  # so that what loads lazily (pycountry's tables) is in base
    gc.collect()
    _trim()
    base = _statm_rss()
    peak_reset = _reset_peak()
    text: str | None = read(Path(path))
    gc.collect()
    with_text = _statm_rss()
    assert text is not None
    result = decode(text)
    gc.collect()
    kept = _statm_rss()
    text = None
    gc.collect()
    _trim()
    retained = _statm_rss()
    peak = _peak_rss() if peak_reset else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(
        json.dumps(
            {
                "lib": lib,
                "text": with_text - base,
                "kept": kept - with_text,
                "retained": retained - base,
                "peak": peak - base,
                "type": type(result).__name__,
            }
        )
    )


def bench_memory(n: int, path: Path) -> list[Row]:
    """Retained RSS after a load, each library in its own subprocess, as ratios to the file's bytes."""
    size = path.stat().st_size
    libs = ["bilateral", "orjson", "json"] + (["msgspec", "pydantic"] if peers is not None else [])
    found: dict[str, dict[str, Any]] = {}
    for lib in libs:
        log(f"memory: {n:,} partnerships, {lib} ...")
        done = subprocess.run(
            [sys.executable, __file__, "--memory-child", lib, str(path)],
            capture_output=True,
            text=True,
            check=True,
        )
        found[lib] = json.loads(done.stdout.strip().splitlines()[-1])
    b = found["bilateral"]
    return [
        row(
            "memory",
            "retained RSS / input bytes",
            n,
            f"input {size / 1e6:,.1f} MB",
            0.0,
            b["retained"] / size,
            4.0,
            {lib: found[lib]["retained"] / size for lib in libs if lib != "bilateral"},
            kept=b["kept"] / size,
            peak=b["peak"] / size,
            text=b["text"] / size,
            raw=found,
            bytes=size,
        )
    ]


# ---------------------------------------------------------------- analysis


def sample_ids(ids: Sequence[str], count: int = SAMPLE) -> list[int]:
    """Indices of ``count`` partnerships evenly spread, as many clones of each bundled one (all if few)."""
    n = len(ids)
    blocks = max(1, count // 6)
    if n <= blocks * 6 + 6:  # small: take them all
        return list(range(n))
    return [(k * (n // 6) // blocks) * 6 + j for k in range(blocks) for j in range(6)]


def every_table(p: Partnership, other: Partnership, clone: Partnership) -> None:
    """Build every table of `bilateral.render.tables` for ``p`` and render it as GitHub Markdown."""
    built = [
        tables.overview(p),
        tables.areas(p),
        tables.instruments(p),
        tables.trade(p),
        tables.timeline(p),
        tables.debt(p),
        tables.disruptions(p),
        tables.exposure(p),
        tables.sanctions(p),
        tables.conflicts(p),
        tables.evidence(p),
        tables.sources(p),
        tables.comparison(bilateral.compare(p, other)),
        tables.diff(bilateral.diff(p, clone)),
    ]
    for table in built:
        tables.render(table, "github")


def analysis_ops(dataset: Dataset, sample: int = SAMPLE) -> dict[str, tuple[int, Callable[[], object]]]:
    """Each operation, with how many partnerships one call covers."""
    ids = dataset.ids()
    n = len(ids)
    chosen = sample_ids(ids, sample)
    resolved = [dataset.partnership(ids[i]) for i in chosen]
    others = resolved[1:] + resolved[:1]
    clones = [dataset.partnership(ids[i + 6 if i + 6 < n else i - 6]) for i in chosen]
    k = len(resolved)
    pairs = list(zip(resolved, others, strict=True))
    with_clones = list(zip(resolved, clones, strict=True))
    triples = list(zip(resolved, others, clones, strict=True))
    return {
        "Dataset.partnership (every id)": (n, lambda: [dataset.partnership(i) for i in ids]),
        "integrity problems (dataset)": (n, lambda: problems(dataset)),
        "summarize": (k, lambda: [bilateral.summarize(p) for p in resolved]),
        "as_of": (k, lambda: [bilateral.as_of(p, AS_OF) for p in resolved]),
        "compare (with the next)": (k, lambda: [bilateral.compare(p, q) for p, q in pairs]),
        "exposure": (k, lambda: [bilateral.exposure(p) for p in resolved]),
        "timeline": (k, lambda: [bilateral.timeline(p) for p in resolved]),
        "conflicts": (k, lambda: [bilateral.conflicts(p) for p in resolved]),
        "diff (with its clone)": (k, lambda: [bilateral.diff(p, c) for p, c in with_clones]),
        "every table, rendered": (k, lambda: [every_table(p, q, c) for p, q, c in triples]),
    }


def bench_analysis(texts: dict[int, str], rounds: int, sample: int = SAMPLE) -> list[Row]:
    """Per-partnership time at each size over that at the smallest, in rounds interleaved across sizes."""
    sizes = sorted(texts)
    ops: dict[int, dict[str, tuple[int, Callable[[], object]]]] = {}
    for n in sizes:
        log(f"analysis: loading {n:,} partnerships ...")
        ops[n] = analysis_ops(bilateral.loads(texts[n], "json", max_size=BIG), sample)
    log(f"analysis: {len(sizes)} sizes, {rounds} rounds ...")
    candidates = {f"{n}|{name}": fn for n in sizes for name, (_, fn) in ops[n].items()}
    t = race(candidates, rounds)
    per = {key: t[key] / ops[int(key.split("|")[0])][key.split("|")[1]][0] for key in t}
    small = sizes[0]
    rows = []
    for n in sizes[1:]:
        for name, (count, _) in ops[n].items():
            base = per[f"{small}|{name}"]
            sampled = "" if count == n else f" (sample of {count})"
            rows.append(
                row(
                    "analysis",
                    f"{name}{sampled}",
                    n,
                    f"ms/partnership: {base * 1000:,.2f} at {small:,}, {per[f'{n}|{name}'] * 1000:,.2f} at {n:,}",
                    base,
                    per[f"{n}|{name}"] / base,
                    1.2,
                    per_partnership={small: base, n: per[f"{n}|{name}"]},
                )
            )
    return rows


# ---------------------------------------------------------------- cold start


def bench_cold(runs: int) -> list[Row]:
    """Wall time of fresh processes, interleaved, best and median of ``runs``."""
    exe = shutil.which("bilateral", path=str(Path(sys.executable).parent)) or shutil.which("bilateral")
    summary = [exe, "summary"] if exe else [sys.executable, "-m", "bilateral", "summary"]
    commands = {
        "imports": [sys.executable, "-c", "import attrs, cattrs, tabulate"],
        "import bilateral": [sys.executable, "-c", "import bilateral"],
        "bilateral summary": summary,
    }
    log(f"cold: {runs} runs of {len(commands)} commands ...")
    times: dict[str, list[float]] = {name: [] for name in commands}
    cpu: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
            times[name].append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu[name].append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    best = {name: min(v) for name, v in times.items()}
    median = {name: statistics.median(v) for name, v in times.items()}
    best_cpu = {name: min(v) for name, v in cpu.items()}
    floor = best["imports"]
    return [
        row(
            "cold",
            "bilateral summary / import attrs, cattrs, tabulate",
            "-",
            f"imports {floor * 1000:,.0f} ms (wall)",
            floor,
            best["bilateral summary"] / floor,
            1.5,
            {
                "import bilateral": best["import bilateral"] / floor,
                "summary (median)": median["bilateral summary"] / median["imports"],
                "summary (CPU)": best_cpu["bilateral summary"] / best_cpu["imports"],
                "import bilateral (CPU)": best_cpu["import bilateral"] / best_cpu["imports"],
            },
            best=best,
            median=median,
            best_cpu=best_cpu,
        )
    ]


# ---------------------------------------------------------------- output


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def show(rows: list[Row]) -> str:
    """One table per section, with that section's peers as columns, and a count of the targets met."""
    parts = []
    for section in dict.fromkeys(r["section"] for r in rows):
        chosen = [r for r in rows if r["section"] == section]
        peer_names = list(dict.fromkeys(k for r in chosen for k in r["peers"]))
        extra = ["kept", "peak", "text"] if section == "memory" else []
        headers = ["check", "size", "baseline", "bilateral", "target", "met", *peer_names, *extra]
        body = [
            [
                r["check"],
                f"{r['size']:,}" if isinstance(r["size"], int) else r["size"],
                r["baseline"],
                _cell(r["bilateral"]),
                "" if r["target"] is None else f"<= {r['target']:g}",
                {True: "met", False: "NOT MET", None: ""}[r["met"]],
                *[_cell(r["peers"].get(k)) for k in peer_names],
                *[_cell(r.get(k)) for k in extra],
            ]
            for r in chosen
        ]
        parts.append(f"## {section}\n\n" + tabulate(body, headers, disable_numparse=True))
    judged = [r for r in rows if r["met"] is not None]
    met = sum(r["met"] for r in judged)
    parts.append(f"{met} of {len(judged)} targets met.")
    return "\n\n".join(parts)


def _git_commit() -> str:
    try:
        done = subprocess.run(
            ["git", "-C", str(HERE), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
        )
    except OSError:
        return "unknown"
    return done.stdout.strip() or "unknown"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="24,1008,4000", help="partnerships in each JSON dataset")
    parser.add_argument("--text-sizes", default="24,96", help="partnerships in the YAML and TOML datasets")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds of each timing")
    parser.add_argument(
        "--sample",
        type=int,
        default=SAMPLE,
        help=f"partnerships sampled for the per-partnership analysis (default {SAMPLE}, a multiple of 6)",
    )
    parser.add_argument("--cold-runs", type=int, default=10, help="runs of each command for the cold start")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="a small run (sizes 24,72; YAML/TOML at 6; memory at 72 only; 2 rounds), under a minute",
    )
    parser.add_argument(
        "--sections",
        default="load,dump,text,memory,analysis,cold",
        help="which to run, of load,dump,text,memory,analysis,cold (load also times the pass)",
    )
    parser.add_argument(
        "--clock",
        choices=["cpu", "wall"],
        default="cpu",
        help="what the in-process timings measure: this process's CPU time (default) or wall time",
    )
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "bilateral-bench")
    parser.add_argument("--json", type=Path, help="also save the results to this file")
    parser.add_argument("--memory-child", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument(
        "--show", type=Path, metavar="FILE", help="print the results saved with --json, and stop"
    )
    args = parser.parse_args(argv)
    if args.show:
        saved = json.loads(args.show.read_text())
        print(report(saved["meta"], saved["rows"]))
        return 0
    if args.memory_child:
        memory_child(*args.memory_child)
        return 0
    if args.quick:
        args.sizes, args.text_sizes = "24,72", "6"
        args.rounds, args.cold_runs = min(args.rounds, 2), 5
    CLOCK[0] = time.process_time if args.clock == "cpu" else time.perf_counter
    load_before = os.getloadavg()
    sizes = sorted({int(s) for s in args.sizes.split(",")})
    text_sizes = sorted({int(s) for s in args.text_sizes.split(",")})
    sections = set(args.sections.split(","))
    if PEERS_MISSING:
        log(f"no msgspec and pydantic columns: {PEERS_MISSING}")
    started = time.perf_counter()
    rows: list[Row] = []
    texts: dict[int, str] = {}
    paths: dict[int, Path] = {}
    for n in sizes:
        paths[n] = dataset_file(n, "json", args.cache)
    if sections & {"load", "dump", "analysis"}:
        texts = {n: read(paths[n]) for n in sizes}
    for n in sizes:
        if "load" in sections:
            with took(f"load at {n:,}"):
                rows += bench_load(n, texts[n], args.rounds)
        if "dump" in sections:
            with took(f"dump at {n:,}"):
                rows += bench_dump(n, texts[n], args.rounds)
    if "text" in sections:
        for n in text_sizes:
            for fmt in ("yaml", "toml"):
                with took(f"{fmt} at {n:,}"):
                    rows += bench_text(n, fmt, read(dataset_file(n, fmt, args.cache)), args.rounds)
    if "memory" in sections:
        for n in sizes[-1:] if args.quick else sizes:
            with took(f"memory at {n:,}"):
                rows += bench_memory(n, paths[n])
    if "analysis" in sections and len(sizes) >= 2:
        with took("analysis"):
            rows += bench_analysis(texts, args.rounds, args.sample)
    if "cold" in sections:
        with took("cold start"):
            rows += bench_cold(args.cold_runs)
    rows.sort(key=lambda r: SECTIONS.index(r["section"]))  # stable: sizes stay in order
    elapsed = time.perf_counter() - started
    meta = {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "commit": _git_commit(),
        "python": platform.python_version(),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores",
        "sizes": sizes,
        "text_sizes": text_sizes,
        "rounds": args.rounds,
        "clock": args.clock,
        "load_average": [round(x, 1) for x in (*load_before[:1], *os.getloadavg()[:1])],
        "cache_key": cache_key(),
        "seconds": round(elapsed),
    }
    if args.json:
        args.json.write_text(json.dumps({"meta": meta, "rows": rows}, indent=2, default=str) + "\n")
    print(report(meta, rows))
    return 0


def report(meta: dict[str, Any], rows: list[Row]) -> str:
    """The whole printout: a line on the run, the tables, and the time the run took."""
    return (
        f"bilateral {bilateral.__version__} at {meta['commit']}, Python {meta['python']}, {meta['machine']}, "
        f"{meta['date']}; best of {meta['rounds']} interleaved rounds, {meta.get('clock', 'wall')} time; "
        f"load average {' then '.join(map(str, meta.get('load_average', ['?'])))}; ratios, lower is better\n\n"
        f"{show(rows)}\n\n({meta['seconds']} s)"
    )


if __name__ == "__main__":
    raise SystemExit(main())
