"""`digest fetch`: collect into the store without building, so a build later loses nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from digest.cli import app
from tests.hostile import HostileServer

runner = CliRunner()
PAGE = ("<html><body><article><h1>{title}</h1>" + "<p>{title} was confirmed on Monday by officials "
        "who said the work would take three more weeks to finish in full.</p>" * 4
        + "</article></body></html>")


def feed(server: HostileServer, titles: list[str]) -> bytes:
    items = "".join(
        f"<item><title>{t}</title><link>{server.url('/page/' + t.replace(' ', '-'))}</link>"
        f"<guid>{t}</guid><pubDate>Mon, 23 Nov 2026 0{i}:00:00 GMT</pubDate>"
        f"<description>{t} in brief.</description></item>"
        for i, t in enumerate(titles, start=1))
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>N</title>{items}'
            "</channel></rss>").encode()


def serve_feed(server: HostileServer, titles: list[str]) -> str:
    for t in titles:
        server.add("/page/" + t.replace(" ", "-"), body=PAGE.format(title=t).encode(),
                   headers={"Content-Type": "text/html; charset=utf-8"})
    return server.add("/busy.xml", body=feed(server, titles),
                      headers={"Content-Type": "application/rss+xml"})


def write_config(tmp_path: Path, feeds: dict[str, str]) -> Path:
    text = "[fetch]\ntimeout = 2\nconnect_timeout = 1\n[email]\nto = [\"r@example.com\"]\n"
    text += "[rank]\nmin_score = 0.0\n[digest]\nlookback_hours = 48\nmax_stories = 20\n"
    text += "".join(f'[[feeds]]\nname = "{n}"\nurl = "{u}"\n' for n, u in feeds.items())
    path = tmp_path / "config.toml"
    path.write_text(text)
    return path


@pytest.fixture
def server():
    with HostileServer() as running:
        yield running


def invoke(*args: str):
    return runner.invoke(app, list(args))


def test_fetch_stores_entries_and_pages_and_writes_no_digest(server, tmp_path):
    url = serve_feed(server, ["Bridge opens", "Dam repaired"])
    config = write_config(tmp_path, {"Busy": url, "Missing": server.url("/status/404")})
    result = invoke("fetch", "--config", str(config), "--now", "2026-11-23T05:00:00Z")
    assert result.exit_code == 0, result.output
    assert result.output.strip().splitlines()[-1] == (
        f"Fetched 1/2 feeds (0 not modified): 2 entries read, 2 article pages → "
        f"{tmp_path / '.digest' / 'state.sqlite3'} (1 feed failed: see digest feeds)")
    assert not (tmp_path / "out").exists()
    pages = [s.path for s in server.seen if s.path.startswith("/page/")]
    assert sorted(pages) == ["/page/Bridge-opens", "/page/Dam-repaired"]
    health = invoke("feeds", "--config", str(config))
    assert "Missing" in health.output and "failing" in health.output


def test_items_that_roll_off_between_builds_still_reach_the_digest(server, tmp_path):
    # A busy feed keeps two items: the hourly fetch saw the first two, the build sees the next.
    config = write_config(tmp_path, {"Busy": serve_feed(server, ["Bridge opens", "Dam repaired"])})
    assert invoke("fetch", "--config", str(config), "--now", "2026-11-23T03:00:00Z").exit_code == 0
    serve_feed(server, ["Storm warning", "Ferry delayed"])
    out = tmp_path / "out"
    built = invoke("build", "--config", str(config), "--out", str(out), "--now", "2026-11-23T06:00:00Z")
    assert built.exit_code == 0, built.output
    headlines = {s["headline"] for s in json.loads((out / "digest.json").read_text())["stories"]}
    assert headlines == {"Bridge opens", "Dam repaired", "Storm warning", "Ferry delayed"}
    pages = [s.path for s in server.seen if s.path.startswith("/page/")]
    assert len(pages) == len(set(pages)) == 4  # each page fetched once, by fetch or by build


def test_fetch_when_every_feed_fails_is_exit_1_with_one_line(server, tmp_path):
    config = write_config(tmp_path, {"Missing": server.url("/status/404")})
    result = invoke("fetch", "--config", str(config))
    assert result.exit_code == 1
    assert "every feed failed: Missing: HTTP 404" in result.output


def test_a_build_right_after_fetch_asks_no_feed_again(server, tmp_path):
    config = write_config(tmp_path, {"Busy": serve_feed(server, ["Bridge opens", "Dam repaired"])})
    assert invoke("fetch", "--config", str(config), "--now", "2026-11-23T05:55:00Z").exit_code == 0
    asked = sum(s.path == "/busy.xml" for s in server.seen)
    out = tmp_path / "out"
    built = invoke("build", "--config", str(config), "--out", str(out), "--now", "2026-11-23T06:00:00Z")
    assert built.exit_code == 0, built.output
    assert sum(s.path == "/busy.xml" for s in server.seen) == asked == 1
    doc = json.loads((out / "digest.json").read_text())
    assert [(f["status"], f["entries"]) for f in doc["feeds"]] == [("not_modified", 0)]
    assert {s["headline"] for s in doc["stories"]} == {"Bridge opens", "Dam repaired"}
    # Ten minutes (the default [fetch] fresh_minutes) after it answered, it is asked again.
    later = invoke("fetch", "--config", str(config), "--now", "2026-11-23T06:05:00Z")
    assert later.exit_code == 0 and sum(s.path == "/busy.xml" for s in server.seen) == 2
    # A clock set back (or an earlier --now) is no reason to trust the store: asked again.
    earlier = invoke("fetch", "--config", str(config), "--now", "2026-11-23T06:00:00Z")
    assert earlier.exit_code == 0 and sum(s.path == "/busy.xml" for s in server.seen) == 3


def test_fresh_minutes_zero_asks_every_time(server, tmp_path):
    config = write_config(tmp_path, {"Busy": serve_feed(server, ["Bridge opens"])})
    config.write_text(config.read_text().replace("[fetch]\n", "[fetch]\nfresh_minutes = 0\n"))
    for _ in range(2):
        assert invoke("fetch", "--config", str(config), "--now", "2026-11-23T05:55:00Z").exit_code == 0
    assert sum(s.path == "/busy.xml" for s in server.seen) == 2
