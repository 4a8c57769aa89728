"""Benchmarks for digest: fetch, pipeline and render at scale, on fixed generated workloads.

    python bench/run.py            # the full run (a few minutes); writes bench/results.md
    python bench/run.py --quick    # tiny sizes, a few seconds (the smoke test uses it)

Figures are medians of several runs and ratios against baselines measured in the same run.
Each pipeline size runs in a fresh subprocess so its peak RSS is its own. ``--profile`` also
writes bench/profile.txt (cProfile of one mid-size pipeline run).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import platform
import pstats
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

import feedparser  # noqa: E402
import httpx  # noqa: E402

from digest.config import FetchSettings  # noqa: E402
from digest.config.load import load_config  # noqa: E402
from digest.fetch import Fetcher, FetchRequest  # noqa: E402
from digest.group import group_entries  # noqa: E402
from digest.model import Digest  # noqa: E402
from digest.parse import parse_feed  # noqa: E402
from digest.pipeline import feeds as pipeline_feeds  # noqa: E402
from digest.pipeline.feeds import collect_feeds  # noqa: E402
from digest.pipeline.reuse import render_files  # noqa: E402
from digest.rank import rank_stories  # noqa: E402
from digest.store import Store  # noqa: E402
from digest.summarise import get_summariser  # noqa: E402
from server import FeedServer  # noqa: E402
from workloads import NOW, news_feeds  # noqa: E402


@dataclass(frozen=True)
class Plan:
    """How big each part of the run is."""

    feeds: int  # feeds served in the fetch benchmark
    delay: float  # server delay per request, seconds
    sequential: int  # feeds fetched one by one for the sequential baseline
    repeats: int  # runs per fetch setting (median reported)
    sizes: tuple[int, ...]  # pipeline entry counts
    pipeline_repeats: dict[int, int]  # runs per size (median reported)
    render_repeats: int  # renders of the 10-brief digest
    fetch_settings: tuple[tuple[int, int, int], ...]  # (concurrency, per_host, hosts) rows
    render_entries: int = 1000  # size of the generated day the 10 briefs are taken from
    serial_row: bool = True  # also time the largest size with parsing on one core (the "before")


# The default (96 in flight, 4 per host) first, then others; one host is the worst case
# for per_host, 50 hosts is a day of feeds from many outlets.
FULL = Plan(feeds=200, delay=0.25, sequential=40, repeats=3, sizes=(1000, 5000, 20000),
            pipeline_repeats={1000: 3, 5000: 3, 20000: 2}, render_repeats=9,
            fetch_settings=((96, 4, 1), (96, 96, 1), (96, 4, 50), (16, 4, 50), (32, 4, 50),
                            (64, 4, 50), (128, 4, 50)))
QUICK = Plan(feeds=24, delay=0.02, sequential=8, repeats=1, sizes=(100, 200),
             pipeline_repeats={100: 1, 200: 1}, render_repeats=2,
             fetch_settings=((16, 4, 1), (32, 32, 1), (16, 4, 4)), render_entries=300,
             serial_row=False)


# -- helpers ------------------------------------------------------------------------------


def median_time(work: Callable[[], object], repeats: int) -> tuple[float, object]:
    """Median wall time of ``repeats`` calls of ``work``; also the last result."""
    times, result = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def config_text(feed_files: list[tuple[str, Path]], store: Path) -> str:
    """A config.toml for the generated feeds (file paths; no article fetching)."""
    lines = ['[digest]', 'title = "Bench Brief"', "max_stories = 10", "lookback_hours = 36",
             "[articles]", "fetch = false", "[store]", f'path = "{store}"',
             "[email]", 'from = "Bench <bench@example.com>"', 'to = ["reader@example.com"]',
             'unsubscribe_url = "https://example.com/u?t={token}"',
             'postal_address = "1 Bench Street"']
    for name, path in feed_files:
        lines += ["[[feeds]]", f'name = "{name}"', f'url = "{path}"']
    return "\n".join(lines) + "\n"


def write_workload(total: int, folder: Path) -> Path:
    """Write ``total`` entries as 100 feed files and a config into ``folder``; return the config."""
    files = []
    for i, (name, body) in enumerate(news_feeds(total)):
        path = folder / f"feed{i:03d}.xml"
        path.write_bytes(body)
        files.append((name, path))
    config = folder / "config.toml"
    config.write_text(config_text(files, folder / "state.sqlite3"), encoding="utf-8")
    return config


# -- fetch --------------------------------------------------------------------------------


def fetch_sequential(urls: list[str]) -> float:
    """Seconds to fetch ``urls`` strictly one after another with a plain client."""
    start = time.perf_counter()
    with httpx.Client(trust_env=False, timeout=30) as client:
        for url in urls:
            client.get(url).raise_for_status()
    return time.perf_counter() - start


def fetch_cold_warm(urls: list[str], server: FeedServer, settings: FetchSettings) -> dict:
    """One cold fetch of ``urls`` then one warm (conditional) fetch; times and 304 share."""
    fetcher = Fetcher(settings)
    start = time.perf_counter()
    cold = fetcher.fetch_all([FetchRequest(url=u) for u in urls])
    cold_s = time.perf_counter() - start
    ok = sum(r.status == 200 for r in cold)
    warm_requests = [FetchRequest(url=u, etag=r.header("etag")) for u, r in zip(urls, cold)]
    server.reset()
    start = time.perf_counter()
    warm = fetcher.fetch_all(warm_requests)
    warm_s = time.perf_counter() - start
    not_modified = sum(r.status == 304 for r in warm)
    return {"cold": cold_s, "warm": warm_s, "ok": ok, "not_modified": not_modified / len(urls),
            "server_304": server.statuses[304]}


def bench_fetch(plan: Plan) -> dict:
    """Sequential baseline and concurrent cold/warm runs for each FETCH_SETTINGS row."""
    bodies = {f"/feed/{i}.xml": body for i, (_, body) in
              enumerate(news_feeds(plan.feeds * 20, feeds=plan.feeds, seed=3))}
    rows, sequential = [], None
    for hosts in sorted({h for _, _, h in plan.fetch_settings}):
        with FeedServer(bodies, delay=plan.delay, hosts=hosts) as server:
            urls = server.urls()
            if sequential is None:
                seconds = fetch_sequential(urls[: plan.sequential])
                sequential = {"subset": plan.sequential, "seconds": seconds,
                              "scaled": seconds * len(urls) / plan.sequential}
                print(f"  sequential: {plan.sequential} feeds in {seconds:.2f} s", flush=True)
            for conc, per_host, h in plan.fetch_settings:
                if h != hosts:
                    continue
                settings = FetchSettings(concurrency=conc, per_host=per_host, timeout=60)
                repeats = 1 if per_host * min(hosts, conc) < 16 else plan.repeats
                runs = [fetch_cold_warm(urls, server, settings) for _ in range(repeats)]
                row = {"concurrency": conc, "per_host": per_host, "hosts": hosts, "runs": repeats}
                for key in runs[0]:
                    row[key] = statistics.median(r[key] for r in runs)
                rows.append(row)
                print(f"  fetch c={conc} per_host={per_host} hosts={hosts}: cold {row['cold']:.2f} s, "
                      f"warm {row['warm']:.2f} s, 304 {row['not_modified']:.0%}", flush=True)
    return {"feeds": plan.feeds, "delay": plan.delay, "sequential": sequential, "rows": rows}


# -- pipeline (runs in a child process per size) ------------------------------------------


def maxrss_mb() -> float:
    """Peak resident set size of this process so far, in MB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_stages(config_path: Path) -> tuple[dict[str, float], dict[str, int]]:
    """parse -> store -> group -> rank -> summarise -> render, timed stage by stage.

    The same calls, in the same order, as ``pipeline.build`` then ``render_files`` (with
    article fetching off): timed here one by one to show where the time goes.
    """
    config = load_config(config_path)
    t: dict[str, float] = {}
    with Store.open(config.store.path) as store:
        mark = time.perf_counter()

        def lap(name: str) -> None:
            nonlocal mark
            now_ = time.perf_counter()
            t[name] = now_ - mark
            mark = now_

        collect_feeds(config.feeds, now=NOW, fetcher=Fetcher(config.fetch), store=store,
                      full_fetch_hours=config.fetch.full_fetch_hours)
        lap("read+parse+store")
        since = NOW - timedelta(hours=config.digest.lookback_hours)
        entries = store.recent_entries(since, feed_urls=[f.url for f in config.feeds])
        lap("load")
        stories = group_entries(entries, known=store.story_ids(e.uid for e in entries))
        store.save_story_ids((e.uid, s.id) for s in stories for e in s.entries)
        lap("group")
        ranked = rank_stories(stories, now=NOW, lookback_hours=config.digest.lookback_hours,
                              weights={f.name: f.weight for f in config.feeds}, settings=config.rank,
                              history=store.sent_history(), limit=config.digest.max_stories)
        lap("rank")
        summariser = get_summariser(config.digest.summariser)
        briefs = tuple(summariser.summarise(r) for r in ranked)
        lap("summarise")
        digest = Digest(title=config.digest.title, date=NOW.date().isoformat(), generated_at=NOW,
                        stories=briefs)
        render_files(digest, config, now=NOW)
        lap("render")
    counts = {"entries": len(entries), "stories": len(stories), "briefs": len(briefs)}
    return t, counts


def naive_pipeline(bodies: list[bytes]) -> int:
    """The floor: feedparser, one INSERT per entry, group by exact title, top 10 as text."""
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE e (feed INTEGER, title TEXT, summary TEXT)")
    for i, body in enumerate(bodies):
        for e in feedparser.parse(io.BytesIO(body)).entries:
            db.execute("INSERT INTO e VALUES (?, ?, ?)", (i, e.get("title", ""), e.get("summary", "")))
    top = db.execute("SELECT title, COUNT(*) n, MIN(summary) FROM e GROUP BY lower(title) "
                     "ORDER BY n DESC, title LIMIT 10").fetchall()
    text = "\n\n".join(f"{title}\n{summary.split('. ')[0]}." for title, _, summary in top)
    return len(text)


def floors(folder: Path) -> dict[str, float]:
    """Raw feedparser time over the same bytes, and the naive pipeline's time."""
    bodies = [p.read_bytes() for p in sorted(folder.glob("feed*.xml"))]
    start = time.perf_counter()
    for body in bodies:
        feedparser.parse(io.BytesIO(body))
    raw = time.perf_counter() - start
    start = time.perf_counter()
    naive_pipeline(bodies)
    return {"feedparser": raw, "naive": time.perf_counter() - start}


def pipeline_child(size: int, *, profile: Path | None = None) -> dict:
    """Generate ``size`` entries, run the stages once; times, counts, peak RSS, floors."""
    with tempfile.TemporaryDirectory(prefix="digest-bench-") as tmp:
        config_path = write_workload(size, Path(tmp))
        before = maxrss_mb()
        profiler = cProfile.Profile() if profile else None
        if profiler:
            profiler.enable()
        start = time.perf_counter()
        stages, counts = run_stages(config_path)
        total = time.perf_counter() - start
        if profiler:
            profiler.disable()
            write_profile(profiler, profile, size)
        peak = maxrss_mb()
        return {"size": size, "total": total, "stages": stages, "counts": counts,
                "rss_peak_mb": peak, "rss_before_mb": before, **floors(Path(tmp))}


def write_profile(profiler: cProfile.Profile, path: Path, size: int) -> None:
    """Top entries by own time and by cumulative time into ``path``."""
    out = io.StringIO()
    out.write(f"cProfile of one pipeline run on {size} entries (python bench/run.py --profile)\n\n")
    for key in ("tottime", "cumulative"):
        out.write(f"== top 30 by {key} ==\n")
        stats = pstats.Stats(profiler, stream=out)
        stats.strip_dirs().sort_stats(key).print_stats(30)
    path.write_text(out.getvalue(), encoding="utf-8")


def spawn_pipeline(size: int, *, profile: Path | None = None, serial: bool = False) -> dict:
    """Run one pipeline size in a fresh interpreter; return its JSON report.

    ``serial`` parses every feed in the main process, as before the parallel-parse fix.
    """
    cmd = [sys.executable, str(Path(__file__).resolve()), "--pipeline-child", str(size)]
    if profile:
        cmd += ["--profile-out", str(profile)]
    if serial:
        cmd += ["--serial-parse"]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode:
        raise RuntimeError(f"pipeline child for {size} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def bench_pipeline(plan: Plan) -> list[dict]:
    """Median of the runs for each size (peak RSS: the largest seen)."""
    rows = []
    for size in plan.sizes:
        runs = [spawn_pipeline(size) for _ in range(plan.pipeline_repeats[size])]
        best = sorted(runs, key=lambda r: r["total"])[len(runs) // 2]
        row = dict(best, runs=len(runs), total=statistics.median(r["total"] for r in runs),
                   rss_peak_mb=max(r["rss_peak_mb"] for r in runs))
        rows.append(row)
        print(f"  pipeline {size}: {row['total']:.2f} s, peak {row['rss_peak_mb']:.0f} MB, "
              f"{row['counts']}", flush=True)
    if not plan.serial_row:
        return rows
    largest = plan.sizes[-1]
    before = [spawn_pipeline(largest, serial=True) for _ in range(plan.pipeline_repeats[largest])]
    row = dict(sorted(before, key=lambda r: r["total"])[len(before) // 2], runs=len(before),
               total=statistics.median(r["total"] for r in before), serial=True,
               rss_peak_mb=max(r["rss_peak_mb"] for r in before))
    rows.append(row)
    print(f"  pipeline {largest} (serial parse, before the fix): {row['total']:.2f} s", flush=True)
    return rows


# -- render -------------------------------------------------------------------------------


@contextmanager
def timed_calls(owner: object, name: str, bucket: list[float]):
    """Record the wall time of every call of ``owner.name`` into ``bucket`` meanwhile."""
    original = getattr(owner, name)

    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            bucket.append(time.perf_counter() - start)

    setattr(owner, name, wrapper)
    try:
        yield
    finally:
        setattr(owner, name, original)


def ten_brief_digest(config_path: Path) -> tuple[Digest, object]:
    """The top 10 briefs of a generated day, via the real stages."""
    config = load_config(config_path)
    entries = []
    for feed in config.feeds:
        parsed = parse_feed(Path(feed.url).read_bytes(), feed_name=feed.name, feed_url=feed.url, now=NOW)
        entries += parsed.entries
    ranked = rank_stories(group_entries(entries), now=NOW, lookback_hours=36, weights={},
                          settings=config.rank, history={}, limit=10)
    summariser = get_summariser("extractive")
    briefs = tuple(summariser.summarise(r) for r in ranked)
    return Digest(title="Bench Brief", date=NOW.date().isoformat(), generated_at=NOW, stories=briefs), config


def bench_render(plan: Plan) -> dict:
    """Median time of render_files on 10 briefs; shares in MRML and in premailer."""
    import mjml
    from premailer import Premailer

    with tempfile.TemporaryDirectory(prefix="digest-bench-") as tmp:
        digest, config = ten_brief_digest(write_workload(plan.render_entries, Path(tmp)))
    render_files(digest, config, now=NOW)  # warm up: template compilation, imports
    totals, mrml, inline = [], [], []
    with timed_calls(mjml, "mjml2html", mrml), timed_calls(Premailer, "transform", inline):
        for _ in range(plan.render_repeats):
            start = time.perf_counter()
            _, rendered, files = render_files(digest, config, now=NOW)
            totals.append(time.perf_counter() - start)
    total = statistics.median(totals)
    row = {"briefs": len(rendered.digest.stories), "more": len(rendered.digest.more),
           "total": total, "mrml": statistics.median(mrml) * len(mrml) / len(totals),
           "premailer": statistics.median(inline) * len(inline) / len(totals),
           "html_kb": len(files["digest.html"]) / 1024, "runs": len(totals)}
    print(f"  render: {total * 1000:.0f} ms (MRML {row['mrml'] * 1000:.0f} ms, "
          f"premailer {row['premailer'] * 1000:.0f} ms)", flush=True)
    return row


# -- report -------------------------------------------------------------------------------


def verdict(ok: bool) -> str:
    return "met" if ok else "**missed**"


def fetch_table(f: dict) -> list[str]:
    seq = f["sequential"]
    lines = [
        f"Strictly sequential baseline (plain httpx.Client, one request after another): "
        f"{seq['subset']} of the {f['feeds']} feeds in {seq['seconds']:.2f} s, scaled to all "
        f"{f['feeds']}: **{seq['scaled']:.1f} s** (measured on a subset to keep the run short; "
        f"each request costs the same {f['delay'] * 1000:.0f} ms, so it scales linearly).",
        "",
        "| concurrency | per_host | hosts | runs | cold (s) | speed-up vs sequential | warm (s) | warm 304 |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in f["rows"]:
        lines.append(f"| {r['concurrency']} | {r['per_host']} | {r['hosts']} | {r['runs']} | "
                     f"{r['cold']:.2f} | {seq['scaled'] / r['cold']:.1f}x | {r['warm']:.2f} | "
                     f"{r['not_modified']:.0%} |")
    return lines


def pipeline_table(rows: list[dict]) -> list[str]:
    stage_names = list(rows[0]["stages"])
    lines = ["| entries | stories | runs | total (s) | " + " | ".join(stage_names)
             + " | peak RSS (MB) | feedparser floor (s) | naive pipeline (s) | total / naive |",
             "|---:|---:|---:|---:|" + "---:|" * len(stage_names) + "---:|---:|---:|---:|"]
    for r in rows:
        stages = " | ".join(f"{r['stages'][s]:.2f}" for s in stage_names)
        label = f"{r['counts']['entries']:,}" + (" (serial parse)" if r.get("serial") else "")
        lines.append(f"| {label} | {r['counts']['stories']:,} | {r['runs']} | "
                     f"{r['total']:.2f} | {stages} | {r['rss_peak_mb']:.0f} | {r['feedparser']:.2f} | "
                     f"{r['naive']:.2f} | {r['total'] / r['naive']:.1f}x |")
    return lines


def targets(f: dict, rows: list[dict], plan: Plan) -> list[str]:
    """One line per target in the issue, with the figure and met/missed."""
    seq = f["sequential"]["scaled"]
    default = f["rows"][0]  # the default settings, all feeds on one host
    spread = next((r for r in f["rows"] if (r["concurrency"], r["per_host"]) ==
                   (default["concurrency"], default["per_host"]) and r["hosts"] > 1), default)
    cold, warm = seq / spread["cold"], spread
    out = [f"- Fetch cold >= 20x sequential, default settings (c={spread['concurrency']}, "
           f"per_host={spread['per_host']}) with the feeds on {spread['hosts']} host(s): {cold:.1f}x — "
           f"{verdict(cold >= 20)}. All {f['feeds']} feeds on ONE host: {seq / default['cold']:.1f}x, "
           f"capped by per_host={default['per_host']} on purpose (politeness to one server)",
           f"- Fetch warm >= 95% 304 in < 1 s, same default settings and hosts: "
           f"{warm['not_modified']:.0%} in {warm['warm']:.2f} s — "
           f"{verdict(warm['not_modified'] >= 0.95 and warm['warm'] < 1)}; one host: "
           f"{default['warm']:.2f} s"]
    by_size = {r["size"]: r for r in rows if not r.get("serial")}
    if 20000 in by_size and 5000 in by_size:
        big, mid = by_size[20000], by_size[5000]
        out += [f"- 20k entries < 60 s: {big['total']:.1f} s — {verdict(big['total'] < 60)}",
                f"- 20k peak RSS < 500 MB: {big['rss_peak_mb']:.0f} MB — {verdict(big['rss_peak_mb'] < 500)}",
                f"- 20k time <= 5x 5k time: {big['total'] / mid['total']:.2f}x — "
                f"{verdict(big['total'] <= 5 * mid['total'])}"]
    return out


def report(plan: Plan, f: dict, rows: list[dict], r: dict, quick: bool) -> str:
    lines = ["# digest benchmarks", "",
             f"Written by `python bench/run.py{' --quick' if quick else ''}`. Machine: {os.cpu_count()} "
             f"CPUs (nproc), Python {platform.python_version()}, {platform.system()} "
             f"{platform.machine()}. Medians of the runs shown.", "",
             "## Targets", "", *targets(f, rows, plan), "",
             f"## Fetch: {f['feeds']} feeds, server answers every request after {f['delay'] * 1000:.0f} ms",
             "", *fetch_table(f), "",
             "Hosts > 1: the feeds are spread round-robin over servers on 127.0.0.2, 127.0.0.3 …, "
             "as feeds from many outlets would be; per_host caps requests in flight to one host. "
             "Warm = the same fetch again with the ETag of the cold run (If-None-Match); "
             "the server waits the same delay before each 304.", "",
             "## Pipeline: parse -> store -> group -> rank -> summarise -> render, 100 feeds", "",
             *pipeline_table(rows), "",
             "Each size runs in a fresh subprocess; peak RSS is that process's ru_maxrss "
             "(Python, libraries and the pipeline). Stages: read+parse+store = collect_feeds "
             "(feed files, feedparser, SQLite), load = recent_entries, render = HTML + text + "
             ".eml + JSON of the 10 briefs. The naive floor is feedparser + one INSERT per entry + "
             "group by exact title + first sentence: no clustering, no summary, no email. "
             "The (serial parse) row is the largest size with every feed parsed in the main "
             "process, as before the parallel-parse fix (same run, same workload).", "",
             "## Render: one 10-brief digest to HTML, text and .eml", "",
             f"Median of {r['runs']}: **{r['total'] * 1000:.0f} ms** for {r['briefs']} briefs "
             f"({r['more']} moved to More stories), {r['html_kb']:.1f} KB of HTML. "
             f"MRML (mjml-python): {r['mrml'] * 1000:.0f} ms ({r['mrml'] / r['total']:.0%}); "
             f"premailer: {r['premailer'] * 1000:.0f} ms ({r['premailer'] / r['total']:.0%}); "
             f"the rest (Jinja2, text, MIME, JSON): {(r['total'] - r['mrml'] - r['premailer']) * 1000:.0f} ms.",
             ""]
    notes = HERE / "results_notes.md"
    if notes.exists() and not quick:
        lines += [notes.read_text(encoding="utf-8").strip(), ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="tiny sizes, for the smoke test")
    parser.add_argument("--out", type=Path, default=None,
                        help="results file (default bench/results.md; bench/out/quick.md with --quick)")
    parser.add_argument("--profile", action="store_true", help="also write bench/profile.txt")
    parser.add_argument("--pipeline-child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--profile-out", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--serial-parse", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serial_parse:
        pipeline_feeds.PARALLEL_PARSE_FEEDS = sys.maxsize
    if args.pipeline_child:
        print(json.dumps(pipeline_child(args.pipeline_child, profile=args.profile_out)))
        return 0
    plan = QUICK if args.quick else FULL
    started = time.perf_counter()
    print("fetch …", flush=True)
    fetched = bench_fetch(plan)
    print("pipeline …", flush=True)
    rows = bench_pipeline(plan)
    print("render …", flush=True)
    rendered = bench_render(plan)
    if args.profile:
        spawn_pipeline(plan.sizes[len(plan.sizes) // 2], profile=HERE / "profile.txt")
    text = report(plan, fetched, rows, rendered, args.quick)
    # A quick run must not overwrite the committed full results.
    args.out = args.out or (HERE / "out" / "quick.md" if args.quick else HERE / "results.md")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(text)
    print(f"done in {time.perf_counter() - started:.0f} s -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
