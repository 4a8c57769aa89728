"""Collection benchmark: `digest fetch` and `digest build`, cold and warm, as a user runs them.

    python bench/collect.py            # writes bench/collect_results.md (a few minutes)
    python bench/collect.py --quick    # 24 feeds, short delay: a smoke run

200 RSS feeds x 20 items; the server answers every request after 250 ms; the feeds are on 50
loopback hosts (127.0.0.2 …) or all on one. Every digest figure is a whole command in a fresh
interpreter (start-up included), median of the runs. Baselines measured in the same run: a
strictly sequential urllib + feedparser loop, and reader 3.26 (16 workers, collect only) from
its own venv (``/tmp/readervenv``; left out, and said so, when it is not installed there).
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path[:0] = [str(HERE), str(REPO)]

import feedparser  # noqa: E402
from server import FeedServer  # noqa: E402
from workloads import NOW, news_feeds  # noqa: E402

from digest.config import FetchSettings  # noqa: E402

READER_PYTHON = Path("/tmp/readervenv/bin/python")
READER_SCRIPT = """
import sys
from reader import make_reader
reader = make_reader(sys.argv[1])
for url in open(sys.argv[2]).read().split():
    reader.add_feed(url, exist_ok=True)
reader.update_feeds(workers=16)
"""


@dataclass(frozen=True)
class Plan:
    feeds: int  # feeds served
    items: int  # items per feed
    delay: float  # seconds before every answer
    runs: int  # runs per figure (median)
    sequential: int  # feeds in the sequential baseline (scaled to all)
    hosts: tuple[int, ...]  # host counts measured


FULL = Plan(feeds=200, items=20, delay=0.25, runs=3, sequential=40, hosts=(50, 1))
QUICK = Plan(feeds=24, items=5, delay=0.02, runs=1, sequential=6, hosts=(4, 1))


def config_text(urls: list[str], store: Path, *, recheck: bool = False) -> str:
    """A config.toml for the served feeds with the default [fetch] settings (``recheck``:
    fresh_minutes = 0, so that every run asks every feed again)."""
    lines = ["[digest]", 'title = "Bench Brief"', "[articles]", "fetch = false",
             "[fetch]", "timeout = 60", *(["fresh_minutes = 0"] if recheck else []),
             "[store]", f'path = "{store}"', "[email]",
             'from = "Bench <bench@example.com>"', 'to = ["reader@example.com"]',
             'postal_address = "1 Bench Street"']
    for i, url in enumerate(urls):
        lines += ["[[feeds]]", f'name = "Outlet {i % 40}"', f'url = "{url}"']
    return "\n".join(lines) + "\n"


# As installed: pip compiles a package's modules when it installs it, so the commands run with
# bytecode (compile_checkouts), whatever PYTHONDONTWRITEBYTECODE this shell has.
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def compile_checkouts(*repos: Path) -> None:
    """Compile each checkout's package to bytecode, as installing it would."""
    for repo in repos:
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(repo / "digest")], check=True, env=_ENV)


def timed(cmd: list[str], cwd: Path = REPO) -> float:
    """Seconds one command takes (run in ``cwd``), start-up included; it must succeed."""
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, check=False, env=_ENV)
    seconds = time.perf_counter() - start
    if done.returncode:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{done.stdout[-1500:]}{done.stderr[-1500:]}")
    return seconds


def digest_cmd(command: str, config: Path, out: Path) -> list[str]:
    now = NOW.isoformat()
    extra = ["--out", str(out)] if command == "build" else []
    return [sys.executable, "-m", "digest", command, "--config", str(config), "--now", now, *extra]


def cold_commands(urls: list[str], server: FeedServer, folder: Path, cwd: Path = REPO) -> tuple[dict[str, float], int]:
    """Seconds of `digest fetch` and `digest build` cold (run in ``cwd``), each into its own
    store in ``folder``, and the most connections the fetch had open at once."""
    seconds, most = {}, 0
    for kind in ("fetch", "build"):
        config = folder / f"{kind}.toml"
        config.write_text(config_text(urls, folder / f"{kind}.sqlite3"), encoding="utf-8")
        server.reset()
        seconds[kind] = timed(digest_cmd(kind, config, folder / "out"), cwd=cwd)
        if kind == "fetch":
            most = server.max_open
    return seconds, most


def run_digest(urls: list[str], server: FeedServer, runs: int) -> dict[str, float]:
    """Median seconds of fetch cold, build cold, a build right after the fetch and one right
    after the cold build (no feed asked again: fresh_minutes), and a warm build that asks every
    feed again (all 304); most connections seen."""
    figures: dict[str, list[float]] = {"fetch": [], "build": [], "after": [], "again": [],
                                       "warm": [], "connections": []}
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="digest-collect-") as tmp:
            folder = Path(tmp)
            cold, most = cold_commands(urls, server, folder)
            for kind, seconds in cold.items():
                figures[kind].append(seconds)
            figures["connections"].append(most)
            server.reset()
            figures["after"].append(timed(digest_cmd("build", folder / "fetch.toml", folder / "out")))
            assert sum(server.statuses.values()) == 0, "the build right after the fetch asked a feed"
            figures["again"].append(timed(digest_cmd("build", folder / "build.toml", folder / "out")))
            assert sum(server.statuses.values()) == 0, "the build right after a build asked a feed"
            recheck = folder / "recheck.toml"
            recheck.write_text(config_text(urls, folder / "build.sqlite3", recheck=True), encoding="utf-8")
            server.reset()
            figures["warm"].append(timed(digest_cmd("build", recheck, folder / "out")))
            assert server.statuses.get(304, 0) == len(urls), "the warm build was not all 304"
    medians = {k: statistics.median(v) for k, v in figures.items() if k != "connections"}
    return {**medians, "connections": max(figures["connections"])}


def run_baseline(urls: list[str], server: FeedServer, runs: int, repo: Path) -> dict[str, float]:
    """Median seconds of another checkout's fetch cold, build cold and a build right after
    that build (whatever it asks the server), all with its own defaults."""
    figures: dict[str, list[float]] = {"fetch": [], "build": [], "again": []}
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="digest-baseline-") as tmp:
            folder = Path(tmp)
            for kind, seconds in cold_commands(urls, server, folder, cwd=repo)[0].items():
                figures[kind].append(seconds)
            server.reset()
            figures["again"].append(timed(digest_cmd("build", folder / "build.toml", folder / "out"),
                                          cwd=repo))
    return {k: statistics.median(v) for k, v in figures.items()}


def run_reader(urls: list[str], server: FeedServer, runs: int) -> dict[str, float] | None:
    """Median seconds of reader's cold and warm update_feeds(workers=16), the requests its
    warm run made and the most connections its cold run opened; None if reader is absent."""
    if not READER_PYTHON.exists():
        return None
    cold, warm, asked, connections = [], [], [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="reader-") as tmp:
            listing = Path(tmp) / "urls.txt"
            listing.write_text("\n".join(urls))
            cmd = [str(READER_PYTHON), "-c", READER_SCRIPT, str(Path(tmp) / "db.sqlite"), str(listing)]
            server.reset()
            cold.append(timed(cmd))
            connections.append(server.max_open)
            server.reset()
            warm.append(timed(cmd))
            asked.append(sum(server.statuses.values()))
    return {"cold": statistics.median(cold), "warm": statistics.median(warm),
            "warm_requests": max(asked), "connections": max(connections)}


def run_sequential(urls: list[str]) -> float:
    """Seconds for urllib + feedparser one feed after another over ``urls``."""
    start = time.perf_counter()
    for url in urls:
        with urllib.request.urlopen(url, timeout=30) as answer:  # noqa: S310 (loopback)
            feedparser.parse(io.BytesIO(answer.read()))
    return time.perf_counter() - start


def measure(plan: Plan, baseline: Path | None = None) -> list[dict]:
    bodies = {f"/feed/{i}.xml": body for i, (_, body) in
              enumerate(news_feeds(plan.feeds * plan.items, feeds=plan.feeds, seed=3))}
    rows = []
    for hosts in plan.hosts:
        with FeedServer(bodies, delay=plan.delay, hosts=hosts) as server:
            urls = server.urls()
            sequential = run_sequential(urls[: plan.sequential]) * len(urls) / plan.sequential
            row = {"hosts": hosts, "sequential": sequential, **run_digest(urls, server, plan.runs),
                   "reader": run_reader(urls, server, plan.runs),
                   "baseline": baseline and run_baseline(urls, server, plan.runs, baseline)}
            print(row, flush=True)
            rows.append(row)
    return rows


def report(plan: Plan, rows: list[dict], quick: bool, load: tuple[float, float]) -> str:
    most = FetchSettings().per_host_max
    lines = ["# Collection benchmark", "",
             f"Written by `python bench/collect.py{' --quick' if quick else ''}`: {plan.feeds} RSS "
             f"feeds x {plan.items} items, every answer after {plan.delay * 1000:.0f} ms, default "
             f"[fetch] settings (concurrency {FetchSettings().concurrency}, per_host "
             f"{FetchSettings().per_host} growing to per_host_max {most}). Whole commands, "
             f"interpreter start included, modules compiled to bytecode as an install leaves "
             f"them, medians of {plan.runs} run(s). Load average (1 min) "
             f"{load[0]:.1f} at the start, {load[1]:.1f} at the end, on {os.cpu_count()} CPUs: "
             "compare figures within this table, not with runs on a quiet machine.", "",
             "| hosts | sequential urllib+feedparser | reader 3.26, 16 workers (cold / warm) | "
             "digest fetch cold | digest build cold | digest build right after fetch / after a "
             "build (no request) | digest build warm (all 304) | most connections open (fetch) |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        reader = (f"{r['reader']['cold']:.2f} s / {r['reader']['warm']:.2f} s "
                  f"({r['reader']['warm_requests']} requests warm, at most "
                  f"{r['reader']['connections']} connections)" if r["reader"] else "not installed")
        lines.append(f"| {r['hosts']} | {r['sequential']:.1f} s | {reader} | {r['fetch']:.2f} s "
                     f"({r['sequential'] / r['fetch']:.0f}x) | {r['build']:.2f} s | "
                     f"{r['after']:.2f} s / {r['again']:.2f} s | {r['warm']:.2f} s | {r['connections']} |")
    lines += ["", "The sequential baseline fetched the first "
              f"{plan.sequential} feeds and is scaled to all {plan.feeds} (each costs the same). "
              "Most connections open counts TCP connections at the server, all hosts together; "
              f"on one host it must stay at or under per_host_max ({most}). A build right after "
              "a fetch or a build asks no feed again (each answered less than [fetch] "
              "fresh_minutes ago): after the fetch it groups and summarises the stored entries "
              "for the first time, after the cold build it reuses that build's work (nothing "
              "new). The warm build asks every feed again "
              f"(fresh_minutes = 0, the store of the cold build) and gets {plan.feeds} x 304."]
    if any(r["baseline"] for r in rows):
        lines += ["", f"Before and after, same run: `--baseline {rows[0]['baseline_path']}` "
                  "(another checkout, its own defaults) against this one.", "",
                  "| hosts | fetch cold (before → after) | build cold | build right after a build |",
                  "|---:|---:|---:|---:|"]
        lines += [f"| {r['hosts']} | {r['baseline']['fetch']:.2f} s → {r['fetch']:.2f} s | "
                  f"{r['baseline']['build']:.2f} s → {r['build']:.2f} s | "
                  f"{r['baseline']['again']:.2f} s → {r['again']:.2f} s |" for r in rows]
    notes = HERE / "collect_notes.md"
    if notes.exists() and not quick:
        lines += ["", notes.read_text(encoding="utf-8").strip()]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--baseline", type=Path, default=None,
                        help="another checkout of digest to time in the same run (before/after)")
    args = parser.parse_args(argv)
    plan = QUICK if args.quick else FULL
    compile_checkouts(REPO, *([args.baseline] if args.baseline else []))
    before = os.getloadavg()[0]
    rows = measure(plan, args.baseline)
    for row in rows:
        row["baseline_path"] = args.baseline
    text = report(plan, rows, args.quick, (before, os.getloadavg()[0]))
    out = args.out or (HERE / "out" / "collect_quick.md" if args.quick else HERE / "collect_results.md")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
