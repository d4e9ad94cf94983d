"""How much strict reading costs over parsing alone, as ratios measured in one run.

    python benchmarks/bench_io.py

For each format it times, side by side and interleaved, parsing the bundled
data's text alone and `bilateral.loads` (parsing, structuring and every check),
and prints the ratio. Ratios, not seconds, are what to compare between runs:
the machines are shared and noisy.

Target: for YAML, the format people write by hand, strict reading costs at
most 1.5 times parsing alone. JSON's parser is C, so its ratio is high while
its absolute time stays far below YAML's; it is shown for reference.
"""

import statistics
import time
from collections.abc import Callable

import bilateral
from bilateral.io.formats import parse

ROUNDS = 7


def best(fn: Callable[[], object]) -> float:
    """The shortest of ROUNDS timings of ``fn``, in seconds."""
    times = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    dataset = bilateral.datasets.bundle()
    print(f"{'format':<6} {'parse ms':>9} {'loads ms':>9} {'ratio':>6}")
    for fmt in ("json", "toml", "yaml"):
        text = bilateral.dumps(dataset, fmt)
        parse_times, load_times = [], []
        for _ in range(3):  # interleave, so that both see the same machine
            parse_times.append(best(lambda: parse(text, fmt)))  # type: ignore[arg-type]  # noqa: B023
            load_times.append(best(lambda: bilateral.loads(text, fmt)))  # noqa: B023
        p, loaded = statistics.median(parse_times), statistics.median(load_times)
        print(f"{fmt:<6} {p * 1000:9.2f} {loaded * 1000:9.2f} {loaded / p:6.2f}")


if __name__ == "__main__":
    main()
