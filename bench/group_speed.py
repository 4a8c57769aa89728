"""Grouping speed before and after kinds: today's digest.group against main's, same entries.

Usage: python bench/group_speed.py [--size N] [--base REF]

Groups the generated 20,000-entry day of bench/group_eval.py (events told by 1-6 outlets,
~450-word article bodies) with the digest.group of git REF (default ``main``, read with
``git show`` into a temporary folder, so the baseline runs in this same process, on this
same machine, at the same load) and with the working tree's, best of three each, and prints
the ratio (also written to bench/group_speed.md). Also times kind detection (kinds.classify on headline, address and text) per entry.
"""

from __future__ import annotations

import argparse
import os
import importlib.util
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "bench"), str(ROOT)]

from group_eval import synthetic_day  # noqa: E402

RESULTS = ROOT / "bench" / "group_speed.md"

from digest.group import group_entries  # noqa: E402
from digest.kinds import classify  # noqa: E402


def load_base(ref: str, folder: Path):
    """main's digest.group as a separate package ``base_group`` (imports of digest.model and
    the rest resolve to the working tree, which only added fields)."""
    package = folder / "base_group"
    package.mkdir()
    for name in ("__init__.py", "vectors.py"):
        text = subprocess.run(["git", "-C", str(ROOT), "show", f"{ref}:digest/group/{name}"],
                              check=True, capture_output=True, text=True).stdout
        (package / name).write_text(text.replace("from digest.group.vectors", "from base_group.vectors"))
    spec = importlib.util.spec_from_file_location("base_group", package / "__init__.py",
                                                  submodule_search_locations=[str(package)])
    module = importlib.util.module_from_spec(spec)
    sys.modules["base_group"] = module
    spec.loader.exec_module(module)
    return module.group_entries


def best_of(work, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=20_000)
    parser.add_argument("--base", default="main")
    args = parser.parse_args(argv)
    entries, _ = synthetic_day(args.size)
    with tempfile.TemporaryDirectory() as tmp:
        base = load_base(args.base, Path(tmp))
        before = best_of(lambda: base(entries))
        after = best_of(lambda: group_entries(entries))
    start = time.perf_counter()
    for e in entries:
        classify(title=e.title, url=e.link, text=e.text)
    per_entry = (time.perf_counter() - start) / len(entries) * 1000
    line = (f"grouping {len(entries):,} entries: {args.base} {before:.2f} s, now {after:.2f} s, "
            f"ratio {after / before:.2f}x; kind detection {per_entry:.3f} ms an entry")
    print(line)
    RESULTS.write_text("# Grouping speed against main\n\nProduced by `python bench/group_speed.py` "
                       f"(best of three each, same process; load average {os.getloadavg()[0]:.1f}, "
                       f"{os.cpu_count()} cores shared with other jobs):\n\n{line}\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
