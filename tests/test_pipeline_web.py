"""A build against a real HTTP server on loopback: good, broken, hanging and conditional feeds,
and article pages fetched once, ever."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from digest.cli import app
from tests.hostile import ETAG, HostileServer

PAGE = "/corpus/articles/newspaper4k/cnn_001/source.html"
runner = CliRunner()


def news_feed(server: HostileServer, day: str = "Mon, 23 Nov 2026") -> bytes:
    """An RSS feed whose two items link to real article pages on the same server."""
    items = "".join(
        f"<item><title>{title}</title><link>{server.url(path)}</link><guid>{path}</guid>"
        f"<pubDate>{day} 0{i}:00:00 GMT</pubDate><description>Short teaser.</description></item>"
        for i, (title, path) in enumerate([("A real article page", PAGE),
                                           ("A page that is gone", "/status/404")], start=1)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>N</title>{items}</channel></rss>'.encode()


def conditional_feed_route(server: HostileServer) -> str:
    return server.url("/conditional")


def write_config(tmp_path: Path, server: HostileServer) -> Path:
    # Dated as the real page dates itself (its own date wins when the feed's differs).
    news = news_feed(server, day="Mon, 06 Nov 2023")
    feeds = {
        "News": server.add("/news.xml", body=news, headers={"Content-Type": "application/rss+xml"}),
        "Missing": server.url("/status/404"),
        "Hanging": server.url("/hang"),
        "Conditional": conditional_feed_route(server),
    }
    text = "[fetch]\ntimeout = 1.5\nconnect_timeout = 1\n[email]\nto = [\"r@example.com\"]\n"
    text += "[rank]\nmin_score = 0.0\n[digest]\nlookback_hours = 8760\n"
    text += "".join(f'[[feeds]]\nname = "{n}"\nurl = "{u}"\n' for n, u in feeds.items())
    path = tmp_path / "config.toml"
    path.write_text(text)
    return path


def build(config: Path, out: Path, now: str):
    start = time.monotonic()
    result = runner.invoke(app, ["build", "--config", str(config), "--out", str(out), "--now", now])
    return result, time.monotonic() - start


@pytest.fixture
def server(corpus):
    with HostileServer(corpus=corpus) as srv:
        yield srv


def test_a_web_build_reports_each_failure_keeps_the_good_feeds_and_fetches_pages_once(server, tmp_path, corpus):
    config = write_config(tmp_path, server)
    first, took = build(config, tmp_path / "out", "2023-11-07T06:00:00Z")
    assert first.exit_code == 0, first.output
    assert took < 30, "a hanging feed must be cut off by the 1.5 s timeout"
    doc = json.loads((tmp_path / "out" / "digest.json").read_text())
    status = {f["name"]: (f["status"], f["error"]) for f in doc["feeds"]}
    assert status["News"] == ("ok", None) and status["Conditional"][0] == "ok"
    assert status["Missing"] == ("error", "HTTP 404")
    assert status["Hanging"][0] == "error" and "timeout" in status["Hanging"][1]
    assert "2 feeds failed" in first.stdout

    # The linked page's extracted text, not the feed's teaser, feeds the brief.
    expected = (corpus / "articles/newspaper4k/cnn_001/expected.txt").read_text().split()
    real = next(s for s in doc["stories"] if s["headline"] == "A real article page")
    shown = " ".join(real["what_happened"]).split()
    assert len(set(shown) & set(expected)) >= 0.8 * len(set(shown))

    second, _ = build(config, tmp_path / "out2", "2023-11-07T06:20:00Z")
    assert second.exit_code == 0, second.output
    doc2 = json.loads((tmp_path / "out2" / "digest.json").read_text())
    status2 = {f["name"]: (f["status"], f["error"]) for f in doc2["feeds"]}
    assert status2["Conditional"] == ("not_modified", None)
    assert status2["Missing"][0] == "error" and status2["Missing"][1].startswith("skipped: 1 failure")
    conditional = [s for s in server.seen if s.path == "/conditional"]
    assert len(conditional) == 2 and conditional[1].headers.get("if-none-match") == ETAG
    assert sum(s.path == PAGE for s in server.seen) == 1, "an article page is fetched once, ever"
    assert sum(s.path == "/status/404" for s in server.seen) == 2  # the feed once (then backing off), the dead link once
    assert doc2["stories"][0]["id"] in {s["id"] for s in doc["stories"]}


def test_every_hostile_feed_at_once_the_run_goes_on_and_keeps_the_good_stories(server, tmp_path):
    crlf = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>C</title><item>'
            b"<title>Harbour reopens\r\nBcc: victim@example.com</title><link>https://c.example/1</link>"
            b"<pubDate>Mon, 23 Nov 2026 05:00:00 GMT</pubDate><description>It reopened.</description>"
            b"</item></channel></rss>")
    feeds = {
        "Good": server.add("/good.xml", body=news_feed(server)),
        "Bomb": server.url("/bomb?mib=100"),
        "Huge": server.url("/big?mib=50"),
        "Loop": server.url("/loop"),
        "Drip": server.url("/drip?interval=0.5"),
        "Gone": server.url("/status/410"),
        "Busy": server.url("/status/429?retry_after=7200"),
        "Broken": server.url("/status/500"),
        "Page": server.add("/page.html", body=b"<html><body><p>Hello</p></body></html>",
                           headers={"Content-Type": "text/html"}),
        "Binary": server.add("/bin", body=bytes(range(256)) * 64),
        "Empty": server.add("/empty.xml", body=b""),
        "Many": server.url("/feed?items=50000"),
        "CRLF": server.add("/crlf.xml", body=crlf),
    }
    text = ("[fetch]\ntimeout = 3\nconnect_timeout = 1\n[articles]\nfetch = false\n"
            '[email]\nto = ["r@example.com"]\n[rank]\nmin_score = 0.0\n[digest]\nlookback_hours = 8760\n')
    text += "".join(f'[[feeds]]\nname = "{n}"\nurl = "{u}"\n' for n, u in feeds.items())
    (tmp_path / "config.toml").write_text(text)
    result, took = build(tmp_path / "config.toml", tmp_path / "out", "2026-11-23T06:00:00Z")
    assert result.exit_code == 0, result.output
    assert took < 90  # timeouts are 3 s; generous for a loaded 2-core machine, but no hang
    doc = json.loads((tmp_path / "out" / "digest.json").read_text())
    status = {f["name"]: (f["status"], f["error"] or "") for f in doc["feeds"]}
    for name in ("Good", "Many", "CRLF"):
        assert status[name][0] == "ok", (name, status[name])
    expected = {"Bomb": "too large", "Huge": "too large", "Loop": "redirect", "Drip": "timeout",
"Gone": "410", "Busy": "429", "Broken": "500",
                "Page": "HTML", "Binary": "binary", "Empty": "empty"}
    for name, words in expected.items():
        assert status[name][0] == "error" and words.lower() in status[name][1].lower(), (name, status[name])
    assert "10 feeds failed" in result.stdout
    headlines = [s["headline"] for s in doc["stories"]]
    assert "A real article page" in headlines
    assert any(h.startswith("Harbour reopens") and "\r" not in h and "\n" not in h for h in headlines)
    eml = (tmp_path / "out" / "digest.eml").read_bytes()
    assert b"\nBcc:" not in eml and b"\r\nBcc:" not in eml
