"""Every file of feedparser's own test suite goes loopback HTTP -> fetch -> parse -> clean text.

No crash, no hang, and nothing unsafe in any field a template could show.
"""

from __future__ import annotations

import io
import re
import time
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import feedparser
import pytest

from digest.config import FetchSettings
from digest.fetch import Fetcher, FetchRequest
from digest.parse import html_to_text, parse_feed
from tests.hostile import HostileServer

pytestmark = [pytest.mark.slow, pytest.mark.corpus]  # ~10 s: 1,118 files over loopback HTTP

NOW = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)
# What must never reach an email: markup that runs code or loads things unasked.
UNSAFE_TAG = re.compile(r"^<\s*/?\s*(script|iframe|object|embed|form|input|style|meta|link|base"
                        r"|svg|math|frame|applet)\b", re.IGNORECASE)
UNSAFE_ATTR = re.compile(r"\s(on[a-z]+|style|formaction|srcdoc)\s*=|(javascript|vbscript|data):",
                         re.IGNORECASE)
REAL_TAG = re.compile(r"<[a-zA-Z/][^>]*>")  # escaped text (&lt;…&gt;) is inert and not matched
UNSAFE_TEXT = re.compile(r"<\s*script|javascript:|\bon(error|load|click|mouseover)\s*=",
                         re.IGNORECASE)


@pytest.fixture(scope="module")
def files(corpus) -> list[Path]:
    """Every file of feedparser's suite, under the corpus's feeds/feedparser."""
    return sorted(p for p in (corpus / "feeds" / "feedparser").rglob("*") if p.is_file() and p.name != "LICENSE")


def test_corpus_is_there(files, corpus):
    assert len(files) > 1000, f"feedparser corpus missing under {corpus}"


@pytest.fixture(scope="module")
def fetched(files, corpus):
    settings = replace(FetchSettings(), timeout=10.0, concurrency=32, per_host=32)
    with HostileServer(corpus=corpus / "feeds" / "feedparser") as server:
        urls = [server.url("/corpus/" + p.relative_to(corpus / "feeds" / "feedparser").as_posix()) for p in files]
        started = time.monotonic()
        results = Fetcher(settings).fetch_all([FetchRequest(u) for u in urls])
        elapsed = time.monotonic() - started
    return results, elapsed


def test_every_corpus_file_is_fetched(fetched, files):
    results, elapsed = fetched
    assert len(results) == len(files)
    failed = {r.url.split("/corpus/", 1)[1]: r.error for r in results if r.error}
    # Only the files that are meant to fail may fail: HTTP errors and broken compression.
    assert all(path.startswith(("http/", "compression/")) for path in failed), failed
    assert elapsed < 60


def test_every_corpus_feed_parses_to_safe_plain_text(fetched):
    results, _ = fetched
    problems = []
    started = time.monotonic()
    for result in results:
        if result.error or result.status != 200:
            continue
        parsed = parse_feed(result.body, feed_name="corpus", feed_url=result.final_url,
                            headers=dict(result.headers), now=NOW, budget_s=5.0)
        assert parsed.error is None or parsed.entries == ()
        for entry in parsed.entries:
            for name in ("title", "summary", "content", "author", "link"):
                value = getattr(entry, name) or ""
                if UNSAFE_TEXT.search(value):
                    problems.append((result.url, name, value[:120]))
            assert "\n" not in entry.title and "\r" not in entry.title
            assert entry.link is None or entry.link.startswith(("http://", "https://"))
            assert entry.published is None or entry.published.tzinfo is not None
    assert problems == []
    assert time.monotonic() - started < 60


def unsafe_markup(html: str) -> list[str]:
    """Real tags in ``html`` that could run code or load something."""
    return [t for t in REAL_TAG.findall(html) if UNSAFE_TAG.search(t) or UNSAFE_ATTR.search(t)]


def test_feed_html_fields_are_made_safe_by_html_to_text(fetched):
    results, _ = fetched
    checked, problems = 0, []
    for result in results:
        if not result.body:
            continue
        # feedparser's own sanitiser is off: ours must stand alone.
        raw = feedparser.parse(io.BytesIO(result.body), sanitize_html=False)
        for entry in raw.entries:
            fields = [entry.get("title", ""), entry.get("summary", "")]
            fields += [c.get("value", "") for c in entry.get("content", [])]
            for html in fields:
                checked += 1
                bad = unsafe_markup(html_to_text(html))
                if bad:
                    problems.append((result.url, bad))
    assert checked > 1000
    assert problems == []


def test_every_corpus_entry_reaches_a_safe_email(fetched):
    """fetch -> parse -> summarise -> render for every entry of every file: the email passes
    the checker (no script, form, iframe, handlers or unsafe links; doctype; size) every time."""
    from digest.model import RankedStory, Story
    from digest.render import RenderSettings, render_digest
    from digest.summarise import get_summariser
    from tests.builders import make_digest
    from tests.emailcheck import check_html

    results, _ = fetched
    summariser, briefs = get_summariser("extractive"), []
    for result in results:
        if result.error:
            continue
        parsed = parse_feed(result.body, feed_name="Corpus", feed_url=result.url,
                            headers=dict(result.headers), now=NOW)
        for entry in parsed.entries[:5]:
            story = RankedStory(story=Story(id=entry.uid, entries=(entry,)), rank=len(briefs) + 1,
                                score=1.0, why="corpus")
            briefs.append(summariser.summarise(story))
    assert len(briefs) > 500  # the files that hold entries (many test channel-level fields only)
    problems = []
    for start in range(0, len(briefs), 40):
        chunk = tuple(briefs[start : start + 40])
        html = render_digest(make_digest(stories=chunk), settings=RenderSettings()).html
        problems += [f"briefs {start}+: {p}" for p in check_html(html)]
        assert not UNSAFE_TEXT.search(html), f"briefs {start}+ carry unsafe text"
    assert not problems, problems[:10]
