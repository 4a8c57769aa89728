"""The page's own date wins over its feed's; a page older than the lookback is left out and
reported. Real loopback HTTP server, real SQLite store, the CLI end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from digest.cli import app
from digest.config.load import load_config
from digest.deliver import preview_of
from digest.serve import preview_page
from tests.hostile import HostileServer

runner = CliRunner()
NOW = "2026-11-23T06:00:00Z"
BODY = ("<p>The Portvale city council voted 7-2 on Tuesday to fund the Estrava river bridge, ending a "
        "decade of debate over the crossing between the two halves of the city.</p>"
        "<p>Mayor Ana Ruiz said construction would start in the spring and take three years, with the "
        "bridge open to buses and bicycles first and to cars a year later.</p>")


def page(title: str, *, published: str, kind: str = "NewsArticle") -> bytes:
    ld = json.dumps({"@context": "https://schema.org", "@type": kind, "datePublished": published})
    return (f"<html><head><title>{title}</title><script type='application/ld+json'>{ld}</script>"
            f"</head><body><article><h1>{title}</h1>{BODY}</article></body></html>").encode()


def feed(items: list[tuple[str, str]]) -> bytes:
    """Every item dated today by the feed, whatever its page says."""
    body = "".join(f"<item><title>{t}</title><link>{link}</link><guid>{link}</guid>"
                   "<pubDate>Mon, 23 Nov 2026 05:00:00 GMT</pubDate><description>Teaser.</description></item>"
                   for t, link in items)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{body}</channel></rss>'.encode()


@pytest.fixture
def built(tmp_path: Path):
    with HostileServer() as server:
        fresh = server.add("/news/fresh", body=page("Estrava bridge approved", published="2026-11-23T04:30:00Z"))
        old = server.add("/news/old", body=page("Estrava bridge approved last year", published="2025-11-22T09:00:00Z"))
        moved = server.add("/news/moved", body=page("Estrava bridge design unveiled", published="2026-11-21T08:00:00Z"))
        column = server.add("/news/column", body=page("The bridge we waited for", published="2026-11-23T03:00:00Z",
                                                      kind="OpinionNewsArticle"))
        url = server.add("/feed.xml", body=feed([("Estrava bridge approved", fresh), ("Bridge approved", old),
                                                  ("Bridge design unveiled", moved), ("The bridge", column)]))
        config = tmp_path / "config.toml"
        config.write_text(f'[[feeds]]\nname = "Herald"\nurl = "{url}"\n[email]\nto = ["r@example.com"]\n'
                          "[rank]\nmin_score = 0.0\n[digest]\nlookback_hours = 72\n", encoding="utf-8")
        result = runner.invoke(app, ["build", "--config", str(config), "--out", str(tmp_path / "out"),
                                     "--now", NOW])
        feeds = runner.invoke(app, ["feeds", "--config", str(config)])
        preview = preview_page(preview_of(load_config(config), tmp_path / "out"), {"version": 1, "error": None})
    doc = json.loads((tmp_path / "out" / "digest.json").read_text(encoding="utf-8"))
    sources = {s["url"]: s for story in doc["stories"] for s in story["sources"]}
    return result, (feeds, preview), sources, result.stderr, {"fresh": fresh, "old": old, "moved": moved, "column": column}


def test_a_page_a_year_older_than_its_feed_date_is_left_out_and_reported(built):
    result, _, sources, log_text, urls = built
    assert result.exit_code == 0, result.output
    assert urls["old"] not in sources
    assert urls["fresh"] in sources
    assert "(1 entry left out: page dated before the lookback)" in result.stdout
    assert f"left out {urls['old']}: its page is dated 2025-11-22" in log_text


def test_a_page_date_more_than_a_day_off_replaces_the_feed_date(built):
    _, _, sources, _, urls = built
    assert sources[urls["moved"]]["published"] == "2026-11-21T08:00:00+00:00"
    assert sources[urls["fresh"]]["published"] == "2026-11-23T05:00:00+00:00"  # within a day: the feed's


def test_digest_feeds_and_the_preview_count_each_kind(built):
    _, (feeds, preview), _, _, _ = built
    assert feeds.exit_code == 0, feeds.output
    assert "report 3 · opinion 1" in feeds.stdout
    assert "<th>Kinds</th>" in preview and "<td>report 3 · opinion 1</td>" in preview


def test_digest_json_marks_each_source_with_its_kind(built):
    _, _, sources, _, urls = built
    assert sources[urls["column"]]["kind"] == "opinion"
    assert sources[urls["fresh"]]["kind"] == "report"


def test_a_page_dated_only_by_its_address_a_year_back_is_left_out(tmp_path: Path):
    with HostileServer() as server:
        old = "http://127.0.0.1/news/2025/11/22/estrava-bridge-approved"  # the page's canonical address
        body = (f"<html><head><title>Bridge approved</title><link rel='canonical' href='{old}'></head>"
                f"<body><article><h1>Bridge approved</h1>{BODY}</article></body></html>").encode()
        link = server.add("/news/bridge", body=body)
        url = server.add("/feed.xml", body=feed([("Bridge approved", link)]))
        config = tmp_path / "config.toml"
        config.write_text(f'[[feeds]]\nname = "Herald"\nurl = "{url}"\n[email]\nto = ["r@example.com"]\n'
                          "[rank]\nmin_score = 0.0\n", encoding="utf-8")
        result = runner.invoke(app, ["build", "--config", str(config), "--out", str(tmp_path / "out"),
                                     "--now", NOW])
    assert result.exit_code == 0, result.output
    assert "(1 entry left out: page dated before the lookback)" in result.stdout
    assert f"left out {link}: its page is dated 2025-11-22" in result.stderr
