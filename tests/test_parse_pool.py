"""FeedParsers: feed bodies parsed in worker processes give what parse_feed gives in-process."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from digest.parse import parse_feed
from digest.parse.pool import FeedParsers

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import workloads  # noqa: E402

NOW = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)


def test_workers_give_the_same_feeds_as_parsing_in_process():
    feeds = workloads.news_feeds(200, feeds=10, seed=5) + [("Broken", b"%PDF-1.4 not a feed")]
    with FeedParsers(2) as parsers:
        for i, (name, body) in enumerate(feeds):
            parsers.submit(f"feed{i}", body, feed_name=name, feed_url=f"https://o{i}.example/rss",
                           headers={"content-type": "application/rss+xml"}, now=NOW)
        got = parsers.results()
    assert list(got) == [f"feed{i}" for i in range(len(feeds))]
    for i, (name, body) in enumerate(feeds):
        assert got[f"feed{i}"] == parse_feed(body, feed_name=name, feed_url=f"https://o{i}.example/rss",
                                             headers={"content-type": "application/rss+xml"}, now=NOW)
    assert sum(len(p.entries) for p in got.values()) == 200
    assert got[f"feed{len(feeds) - 1}"].error


def test_one_worker_parses_in_process():
    with FeedParsers(1) as parsers:
        parsers.submit("a", b"", feed_name="A", feed_url="https://a.example/", headers={}, now=NOW)
        assert parsers.results()["a"].error == "empty response"


def test_killed_workers_leave_the_feeds_to_this_process():
    feeds = workloads.news_feeds(100, feeds=6, seed=7)
    before = {c.pid for c in multiprocessing.active_children()}
    with FeedParsers(2) as parsers:
        workers = [c.pid for c in multiprocessing.active_children() if c.pid not in before]
        assert len(workers) == 2
        for pid in workers:
            os.kill(pid, signal.SIGKILL)
        for i, (name, body) in enumerate(feeds):
            parsers.submit(str(i), body, feed_name=name, feed_url=f"https://o{i}.example/rss",
                           headers={}, now=NOW)
        got = parsers.results()
    assert [len(got[str(i)].entries) for i in range(len(feeds))] == [
        len(parse_feed(body, feed_name=name, feed_url=f"https://o{i}.example/rss", now=NOW).entries)
        for i, (name, body) in enumerate(feeds)]
    assert sum(len(p.entries) for p in got.values()) == 100


def test_a_build_parsed_in_workers_is_byte_identical_to_one_parsed_here(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from digest.cli import app
    from digest.pipeline import feeds as pipeline_feeds
    from server import FeedServer

    bodies = {f"/feed/{i}.xml": body for i, (_, body) in enumerate(workloads.news_feeds(400, feeds=20, seed=9))}
    outputs = []
    with FeedServer(bodies, delay=0.0, hosts=1) as server:
        for run, limit in (("workers", pipeline_feeds.PARALLEL_PARSE_FEEDS), ("here", 10**9)):
            monkeypatch.setattr(pipeline_feeds, "PARALLEL_PARSE_FEEDS", limit)
            assert (pipeline_feeds.parse_workers(20) > 1) == (run == "workers" and (os.cpu_count() or 1) > 1)
            config = tmp_path / f"{run}.toml"
            config.write_text("[articles]\nfetch = false\n[email]\nto = [\"r@example.com\"]\n"
                              f'[store]\npath = "{run}.sqlite3"\n'
                              + "".join(f'[[feeds]]\nname = "Outlet {i}"\nurl = "{u}"\n'
                                        for i, u in enumerate(server.urls())))
            done = CliRunner().invoke(app, ["build", "--config", str(config), "--out", str(tmp_path / run),
                                            "--now", workloads.NOW.isoformat()])
            assert done.exit_code == 0, done.output
            outputs.append({p.name: p.read_bytes() for p in sorted((tmp_path / run).iterdir())})
    assert len(outputs[0]) == 5 and outputs[0] == outputs[1]


def test_workers_die_with_the_process_that_started_them():
    """kill -9 of a run must not leave workers behind holding what they inherited (the lock)."""
    import subprocess

    script = ("import multiprocessing, sys, time\n"
              "from digest.parse.pool import FeedParsers\n"
              "with FeedParsers(2):\n"
              "    print(*[c.pid for c in multiprocessing.active_children()], flush=True)\n"
              "    time.sleep(60)\n")
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True,
                            cwd=Path(__file__).resolve().parents[1])
    workers = [int(pid) for pid in proc.stdout.readline().split()]
    assert len(workers) == 2
    proc.kill()
    proc.wait(timeout=10)
    for _ in range(100):
        alive = [pid for pid in workers if Path(f"/proc/{pid}").exists()
                 and "zombie" not in Path(f"/proc/{pid}/status").read_text(errors="replace")]
        if not alive:
            break
        time.sleep(0.05)
    assert alive == []
