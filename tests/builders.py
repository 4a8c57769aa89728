"""Builders for model objects: sensible defaults, any field overridable.

``make_entry(title="…")``, ``make_brief(rank=2)``, ``make_digest(stories=(…))`` return frozen
model values; tests state only what they care about.
"""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import feedparser
import lxml.html

from digest.model import Brief, Digest, Entry, FeedReport, Quote, Source

NOW = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)


def make_entry(**overrides: Any) -> Entry:
    """Return an Entry from one feed, with ``overrides`` applied."""
    values: dict[str, Any] = {
        "uid": "entry-1",
        "feed": "Example Times",
        "feed_url": "https://example.com/rss.xml",
        "title": "Council approves new river bridge after decade of debate",
        "link": "https://example.com/news/bridge",
        "summary": "The city council voted 7-2 to fund a new bridge over the river.",
        "content": "",
        "published": datetime(2026, 11, 23, 5, 10, tzinfo=UTC),
        "author": None,
    }
    values.update(overrides)
    return Entry(**values)


def summarised(text: str, **overrides: Any) -> Brief:
    """The extractive brief of a one-entry story whose text is ``text`` (``overrides`` go to make_entry)."""
    from digest.model import RankedStory, Story
    from digest.summarise import get_summariser
    entry = make_entry(content=text, **overrides)
    return get_summariser("extractive").summarise(RankedStory(Story("s", (entry,)), rank=1, score=1.0, why="t"))


def make_quote(**overrides: Any) -> Quote:
    """Return a Quote, with ``overrides`` applied."""
    values: dict[str, Any] = {
        "speaker": "Mayor Ana Ruiz",
        "text": "This bridge will connect two halves of our city.",
        "source": "Example Times",
    }
    values.update(overrides)
    return Quote(**values)


def make_source(**overrides: Any) -> Source:
    """Return a Source, with ``overrides`` applied."""
    values: dict[str, Any] = {
        "name": "Example Times",
        "title": "Council approves new river bridge",
        "url": "https://example.com/news/bridge",
        "published": datetime(2026, 11, 23, 5, 10, tzinfo=UTC),
    }
    values.update(overrides)
    return Source(**values)


def make_brief(**overrides: Any) -> Brief:
    """Return a Brief with all three blocks and two sources, with ``overrides`` applied."""
    values: dict[str, Any] = {
        "id": "story-1",
        "rank": 1,
        "score": 12.5,
        "why": "2 outlets · first seen 05:10 · weight 1.0",
        "headline": "Council approves new river bridge after decade of debate",
        "dek": "The 7-2 vote ends a ten-year fight over the crossing.",
        "what_happened": (
            "The city council voted 7-2 on Sunday to fund a new bridge over the river.",
            "Construction is due to start in the spring.",
        ),
        "who_said_what": (make_quote(),),
        "what_next": ("A public consultation on the design opens next month.",),
        "sources": (
            make_source(),
            make_source(
                name="Daily Courier",
                title="Bridge vote passes",
                url="https://courier.example.org/bridge-vote",
            ),
        ),
        "update": False,
    }
    values.update(overrides)
    return Brief(**values)


def make_briefs(count: int, **overrides: Any) -> tuple[Brief, ...]:
    """Return ``count`` briefs ranked 1..count with distinct ids and headlines."""
    return tuple(
        make_brief(
            id=f"story-{i}",
            rank=i,
            score=20.0 - i,
            headline=f"Story number {i}: council approves new river bridge",
            **overrides,
        )
        for i in range(1, count + 1)
    )


def make_digest(**overrides: Any) -> Digest:
    """Return a Digest of three briefs and one feed report, with ``overrides`` applied."""
    values: dict[str, Any] = {
        "title": "The Daily Brief",
        "date": "2026-11-23",
        "generated_at": NOW,
        "stories": make_briefs(3),
        "feeds": (
            FeedReport(name="Example Times", url="https://example.com/rss.xml", status="ok", entries=12),
        ),
        "intro": None,
        "more": (),
    }
    values.update(overrides)
    return Digest(**values)


GUARDIAN = Path("feeds") / "real" / "guardian-us-2018-01-31.rss"  # inside the corpus


def real_digest(corpus: Path, count: int = 10, **overrides: Any) -> Digest:
    """Return a Digest of ``count`` briefs written from the real Guardian feed items in ``corpus``.

    Each brief is as full as the summariser makes them (three sentences, two quotes, two
    outlook sentences, four sources), so sizes measured on it are a realistic worst case.
    """
    items = _guardian_items(corpus)[:count]
    briefs = tuple(_real_brief(i, item, items) for i, item in enumerate(items, 1))
    return make_digest(**{"stories": briefs, "intro": items[0][1], **overrides})


def _guardian_items(corpus: Path) -> list[tuple[str, str, list[str], str]]:
    """(title, standfirst, body sentences, link) for every item of the Guardian capture."""
    parsed = feedparser.parse(io.BytesIO((corpus / GUARDIAN).read_bytes()))
    items = []
    for e in parsed.entries:
        paras = [" ".join(p.text_content().split()) for p in lxml.html.fragment_fromstring(
            e.summary, create_parent="div").iter("p")]
        paras = [p for p in paras if p and not p.startswith("Related:")]
        sentences = re.split(r"(?<=[.!?”])\s+", " ".join(paras[1:])) or [paras[0]]
        items.append((e.title, paras[0] if paras else e.title, sentences, e.link))
    return items


def _real_brief(rank: int, item, items) -> Brief:
    title, standfirst, sentences, link = item
    others = [it for it in items if it is not item][:3]
    quote_text = next((s for s in sentences if "“" in s), sentences[0])
    return make_brief(
        id=f"guardian-{rank}", rank=rank, score=30.0 - rank, headline=title, dek=standfirst,
        what_happened=tuple(sentences[:3]),
        who_said_what=(make_quote(text=quote_text, source="The Guardian"),
                       make_quote(speaker="A White House spokesperson", source="Example Wire",
                                  text=sentences[-1])),
        what_next=("Congress returns to the question next week.", *sentences[3:4]),
        sources=(make_source(name="The Guardian", title=title, url=link),
                 *(make_source(name=f"Outlet {n}", title=o[0], url=o[3]) for n, o in enumerate(others, 2))),
    )
