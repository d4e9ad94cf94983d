"""Synthetic datasets of N partnerships, for measuring bilateral at scale.

    python benchmarks/generate.py 4000 -o /tmp/big.json

Partnership ``i`` is a clone of bundled partnership ``i mod 6``: every record
it defines itself (sources, actors, sanction measures, instruments, trade
figures, debts, disruptions) gets a new id with the suffix ``-c<i>``, and
every reference to one of them follows. References to the records the bundle
shares (its pools of sources, actors and measures) stay as they are, and the
pools are written once. So the file grows with N as a real dataset does: each
clone holds its own records and cites its own sources, and a partnership
resolved from it (`Dataset.partnership`) is as large at N = 4,000 as at
N = 24. The result is checked by `bilateral.loads`, like any file.

The ids of clone 0 of each bundled partnership are left as they are, so
``build(6)`` is the bundle itself.
"""

import argparse
import copy
import re
import sys
from pathlib import Path
from typing import Any

import bilateral
from bilateral.model.partnership import Dataset, Partnership
from bilateral.model.walk import references, walk

__all__ = ["build", "build_data"]

_STEP = re.compile(r"\.([A-Za-z_]+)|\[([0-9]+)\]")


def _own_ids(partnership: Partnership) -> dict[str, set[str]]:
    """The ids of the records a partnership defines itself, by the kind of reference that names them."""
    trade_ids = {
        record.id
        for _, record in walk(partnership.trade)
        if hasattr(record, "id") and isinstance(record.id, str)
    }
    return {
        "source": {s.id for s in partnership.sources},
        "actor": {a.id for a in partnership.actors},
        "instrument": {i.id for i in partnership.instruments},
        "trade_figure": trade_ids,
    }


def _set(data: Any, path: str, value: str) -> None:
    steps = [(m.group(1), m.group(2)) for m in _STEP.finditer(path)]
    node = data
    for name, index in steps[:-1]:
        node = node[name] if name is not None else node[int(index)]
    name, index = steps[-1]
    if name is not None:
        node[name] = value
    else:
        node[int(index)] = value


def _rename_records(node: Any, suffix: str) -> None:
    """Give every record with an ``id`` in ``node`` a new id (claims and citations have none)."""
    if isinstance(node, dict):
        if isinstance(node.get("id"), str):
            node["id"] = node["id"] + suffix
        for value in node.values():
            _rename_records(value, suffix)
    elif isinstance(node, list):
        for item in node:
            _rename_records(item, suffix)


def _clone(plain: dict[str, Any], partnership: Partnership, suffix: str) -> dict[str, Any]:
    data = copy.deepcopy(plain)
    own = _own_ids(partnership)
    for path, kind, ref in references(partnership):
        if ref in own.get(kind, set()):
            _set(data, path, ref + suffix)
    _rename_records(data, suffix)
    return data


def build_data(n: int, bundle: Dataset | None = None) -> dict[str, Any]:
    """The plain data (as `bilateral.to_data` gives it) of a dataset of ``n`` partnerships."""
    bundle = bundle if bundle is not None else bilateral.datasets.bundle()
    plain = bilateral.io.documents.to_data(bundle)
    originals = list(zip(plain["partnerships"], bundle.partnerships, strict=True))
    partnerships = []
    for i in range(n):
        data, record = originals[i % len(originals)]
        clone = i // len(originals)
        partnerships.append(copy.deepcopy(data) if clone == 0 else _clone(data, record, f"-c{clone}"))
    return {**plain, "partnerships": partnerships}


def build(n: int) -> Dataset:
    """A dataset of ``n`` partnerships, read (and so checked) as a file is."""
    return bilateral.io.documents.from_data(build_data(n))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="how many partnerships")
    parser.add_argument("-o", "--output", required=True, help="the file to write (.json, .yaml or .toml)")
    args = parser.parse_args(argv)
    dataset = build(args.n)
    bilateral.dump(dataset, args.output)
    size = Path(args.output).stat().st_size
    print(f"{args.output}: {args.n:,} partnerships, {size / 1e6:.1f} MB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
