"""Smoke test of the benchmark entry point: ``bench/run.py --quick`` on tiny sizes.

It runs the real fetch (loopback delay server), pipeline (subprocess per size) and render
benchmarks, then checks the results file holds every table with figures in it.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

import workloads  # noqa: E402
from server import FeedServer  # noqa: E402


def test_quick_run_writes_every_table(tmp_path: Path) -> None:
    out = tmp_path / "results.md"
    done = subprocess.run([sys.executable, str(REPO / "bench" / "run.py"), "--quick", "--out", str(out)],
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    text = out.read_text(encoding="utf-8")
    for heading in ("## Targets", "## Fetch:", "## Pipeline:", "## Render:"):
        assert heading in text
    assert re.search(r"\| 16 \| 4 \| 1 \| \d+ \| [\d.]+ \| [\d.]+x \| [\d.]+ \| 100% \|", text)
    pipeline = text.split("## Pipeline:")[1].split("## Render:")[0]
    rows = re.findall(r"^\| ([\d,]+) \| [\d,]+ \| \d \| ([\d.]+) \|", pipeline, flags=re.M)
    assert [int(n) for n, _ in rows] == [100, 200]  # every entry reached the store and back
    assert "Python 3." in text and "CPUs" in text
    assert re.search(r"MRML \(mjml-python\): \d+ ms", text)


def test_workload_is_seeded_and_repeats_events_across_outlets() -> None:
    first = workloads.news_feeds(300, feeds=10)
    assert first == workloads.news_feeds(300, feeds=10)
    assert first != workloads.news_feeds(300, feeds=10, seed=9)
    items = [i for feed in workloads.generate_items(300, feeds=10) for i in feed]
    assert len(items) == 300
    events = [i.guid.rsplit("/", 1)[1] for i in items]
    assert len(set(events)) < len(events) * 0.8  # many events told by more than one outlet
    assert all(i.published <= workloads.NOW for i in items)
    assert any("\u201c" in p for i in items for p in i.paragraphs)  # quotes to attribute


def test_server_answers_304_to_its_own_etag() -> None:
    import httpx

    with FeedServer({"/a.xml": b"<rss/>"}, delay=0.0) as server:
        url = server.urls()[0]
        with httpx.Client(trust_env=False) as client:
            first = client.get(url)
            second = client.get(url, headers={"If-None-Match": first.headers["etag"]})
    assert (first.status_code, first.content) == (200, b"<rss/>")
    assert second.status_code == 304
    assert server.statuses == {200: 1, 304: 1}


def test_collect_quick_run_writes_its_table(tmp_path: Path) -> None:
    out = tmp_path / "collect.md"
    done = subprocess.run([sys.executable, str(REPO / "bench" / "collect.py"), "--quick", "--out", str(out)],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    rows = re.findall(r"^\| (\d+) \| [\d.]+ s \| .+ \| [\d.]+ s \(\d+x\) \| [\d.]+ s \| [\d.]+ s / [\d.]+ s \| "
                      r"[\d.]+ s \| (\d+) \|$",
                      out.read_text(encoding="utf-8"), flags=re.M)
    assert [hosts for hosts, _ in rows] == ["4", "1"]
    assert 1 <= int(rows[1][1]) <= 16  # one host: never more than per_host_max connections
