"""Feed bytes -> ParsedFeed of plain-text Entries (RSS, RDF and Atom through feedparser).

feedparser only ever sees ``io.BytesIO(body)`` and the response headers (never a URL or a
path: it would fetch or open them itself, with no timeout). JSON Feed is read by
``jsonfeed`` (feedparser's release does not read it), HTML fields become text in ``clean``,
and ``entries`` gives every entry its identity and date rules. Nothing here raises for a bad
body: the problem is returned in ``ParsedFeed.error`` in plain words.
"""

from __future__ import annotations

import io
import logging
import re
import threading
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from html import unescape
from typing import Any


from digest.model import ParsedFeed
from digest.parse.clean import drop_illegal_refs, html_to_text, plain, squash
from digest.parse.entries import MAX_ENTRIES, Context, RawEntry, parse_date, safe_link, unique_entries
from digest.parse.fast import read_feed
from digest.parse.jsonfeed import parse_json_feed

__all__ = ["MAX_ENTRIES", "html_to_text", "parse_feed"]

log = logging.getLogger(__name__)

_DOCTYPE = re.compile(rb"<!DOCTYPE[^>\[]*(\[[^\]]*\])?[^>]*>", re.IGNORECASE)
_BINARY_MAGIC = (b"\x1f\x8b", b"\x89PNG", b"%PDF", b"PK\x03\x04", b"GIF8", b"\xff\xd8\xff",
                 b"\x00\x00\x01\x00", b"BZh", b"\xfd7zXZ", b"7z\xbc\xaf")


# --------------------------------------------------------------------------- feeds


def parse_feed(
    body: bytes,
    *,
    feed_name: str,
    feed_url: str,
    headers: Mapping[str, str] | None = None,
    now: datetime,
    budget_s: float = 10.0,
    feedparser_passes: bool = False,
    feedparser_only: bool = False,
) -> ParsedFeed:
    """Parse one feed body (RSS, RDF, Atom or JSON Feed); return entries or a plain error.

    ``feedparser_passes`` turns feedparser's own HTML sanitiser and relative-URI pass back on
    (off by default, see ``_feedparser``); the corpus test compares both ways. A plain RSS 2.0 or
    Atom 1.0 body is read by ``fast.read_feed`` (same result, far less time) unless
    ``feedparser_only`` or ``feedparser_passes``; tests/test_parse_fast.py compares both ways.
    """
    problem = _not_a_feed(body)
    if problem:
        return ParsedFeed(entries=(), error=problem)
    ctx = Context(feed_name=feed_name, feed_url=feed_url, now=now)
    if _looks_like_json(body):
        return parse_json_feed(body, ctx)
    given = body
    body, warning = _trim(drop_illegal_refs(_DOCTYPE.sub(b"", body, count=1)))
    # Only a body that none of the three steps changed: feedparser would read another one.
    quick = None if feedparser_only or feedparser_passes or body != given else read_feed(body, headers)
    if quick is not None:
        return _from_feedparser(quick, body, ctx=ctx, warning=warning)
    result = _run_with_budget(lambda: _feedparser(body, headers, feedparser_passes), budget_s)
    if result is None:
        return ParsedFeed(entries=(), error=f"feed took longer than {budget_s:g} s to parse")
    if isinstance(result, BaseException):
        return ParsedFeed(entries=(), error=f"unreadable feed: {result}")
    return _from_feedparser(result, body, ctx=ctx, warning=warning)


def _not_a_feed(body: bytes) -> str | None:
    """A plain reason when ``body`` cannot be a feed at all, else None."""
    if not body or not body.strip():
        return "empty response"
    if body.startswith(_BINARY_MAGIC):
        return "not a feed (got binary data)"
    head = body[:4096]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff",
                                                b"\xff\xfe\x00\x00")) and not _utf16ish(head):
        return "not a feed (got binary data)"
    return None


def _utf16ish(head: bytes) -> bool:
    """True when NUL bytes look like UTF-16/32 text without a BOM ('<\\0?\\0x\\0')."""
    return head[:2] in (b"<\x00", b"\x00<") or head[:4] in (b"<\x00\x00\x00", b"\x00\x00\x00<")


def _looks_like_json(body: bytes) -> bool:
    return body.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"[")


def _feedparser(body: bytes, headers: Mapping[str, str] | None, passes: bool) -> Any:
    """feedparser's result for ``body``; its sanitiser and relative-URI pass only if ``passes``.

    Why both passes are off (they were ~40% of feedparser's time): each re-parses every HTML
    field (title, summary, content) to rewrite its tags and attributes, and digest keeps no
    tag and no attribute of feed HTML. Every such field becomes plain text in
    ``html_to_text`` (lxml's text content, with script, style, iframe and the like dropped
    whole), the templates escape that text, and links come only from the entries' own link
    elements, which feedparser resolves against the feed's base in either case. So no feed
    markup can reach the email whatever the passes did (tests/test_corpus_feeds.py renders
    feedparser's hostile suite into emails, tests/test_parse.py hostile fields). On the corpus,
    the samples and the bench workload the entries are the same with and without them except
    the text of a handful of hostile test files (tests/test_parse_passes.py lists them).
    """
    clean = {k.lower(): v for k, v in (headers or {}).items()
             if k.lower() not in ("content-encoding", "content-length", "transfer-encoding")}
    import feedparser  # ~20 ms of start-up (chardet, sgmllib): only bodies the fast path declines need it

    return feedparser.parse(io.BytesIO(body), response_headers=clean, sanitize_html=passes,
                            resolve_relative_uris=passes)


def _run_with_budget(work: Callable[[], Any], budget_s: float) -> Any:
    """Run ``work`` in a daemon thread; its result, its exception, or None on timeout.

    A thread cannot be killed; a runaway parse keeps a core busy until it ends, but the run
    goes on and the process can still exit (daemon). The DOCTYPE strip and the entry cap make
    runaway parses unlikely in the first place.
    """
    box: list[Any] = []

    def target() -> None:
        try:
            box.append(work())
        except Exception as exc:  # reported, never raised: one bad feed must not stop a run
            box.append(exc)

    worker = threading.Thread(target=target, name="parse-feed", daemon=True)
    worker.start()
    worker.join(budget_s)
    return box[0] if box else None


_ITEM_END = re.compile(rb"</(?:[\w.-]+:)?(?:item|entry)\s*>", re.IGNORECASE)


def _trim(body: bytes) -> tuple[bytes, str | None]:
    """Keep the first MAX_ENTRIES items and the document's closing tags."""
    ends = 0
    cut = None
    for match in _ITEM_END.finditer(body):
        ends += 1
        if ends == MAX_ENTRIES:
            cut = match.end()
    if cut is None or ends == MAX_ENTRIES:
        return body, None
    last = None
    for match in _ITEM_END.finditer(body, cut):
        last = match
    tail = body[last.end():] if last else b""
    warning = f"feed has {ends:,} items; kept the first {MAX_ENTRIES:,}"
    log.warning(warning)
    return body[:cut] + tail, warning


def _from_feedparser(result: Any, body: bytes, *, ctx: Context,
                     warning: str | None) -> ParsedFeed:
    """Entries from a feedparser result, or the reason it is not a feed."""
    entries = result.get("entries") or []
    title = plain(result.get("feed", {}).get("title")) or None
    if not entries and (not result.get("version") or _broken(result)):
        return ParsedFeed(entries=(), title=title, error=_why_unreadable(result, body))
    if result.get("bozo") and entries:
        problem = f"malformed feed, read anyway: {_bozo_reason(result)}"
        warning = f"{warning}; {problem}" if warning else problem
    made = [_entry_from_feedparser(e, ctx) for e in entries[:MAX_ENTRIES]]
    return ParsedFeed(entries=unique_entries(made, ctx), title=title, warning=warning)


def _broken(result: Any) -> bool:
    """True when feedparser hit real XML damage, not just a charset or media-type quibble."""
    import feedparser

    benign = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)
    return bool(result.get("bozo")) and not isinstance(result.get("bozo_exception"), benign)


def _why_unreadable(result: Any, body: bytes) -> str:
    head = body[:2048].lower()
    if b"<html" in head or b"<!doctype html" in head or b"<body" in head:
        return "not a feed (got an HTML page)"
    if result.get("bozo"):
        return f"malformed XML: {_bozo_reason(result)}"
    return "not a feed (no RSS, Atom or JSON Feed found)"


def _bozo_reason(result: Any) -> str:
    exc = result.get("bozo_exception")
    text = str(exc) if exc else "unknown problem"
    return text.splitlines()[0][:200] if text else type(exc).__name__


def _entry_from_feedparser(raw: Any, ctx: Context) -> RawEntry:
    contents = [c.get("value", "") for c in raw.get("content") or [] if isinstance(c, Mapping)]
    content = max((html_to_text(c) for c in contents), key=len, default="")
    summary = html_to_text(raw.get("summary", "") or "")
    title_type = (raw.get("title_detail") or {}).get("type", "text/html")
    title = raw.get("title", "") or ""
    # Plain-typed titles are unescaped once more: double-escaped "&amp;amp;" is common.
    title = plain(title) if "html" in title_type else squash(unescape(title))
    when = _first_date(raw)
    return RawEntry(
        guid=squash(str(raw.get("id") or "")),
        link=safe_link(raw.get("link"), ctx.feed_url),
        title=title,
        summary=summary,
        content=content,
        published=when,
        author=plain(raw.get("author")) or None,
        categories=_categories(raw),
    )


def _categories(raw: Any) -> tuple[str, ...]:
    """The entry's feed categories (RSS <category>, Atom term or label), as plain text."""
    tags = [t for t in raw.get("tags") or [] if isinstance(t, Mapping)]
    return tuple(squash(str(t.get("term") or t.get("label") or "")) for t in tags[:20])


def _first_date(raw: Any) -> datetime | None:
    """The entry's publication time as aware UTC, from parsed or raw date fields."""
    for key in ("published", "updated", "created"):
        parsed = raw.get(f"{key}_parsed")
        if parsed:
            try:
                year, month, day, hour, minute, second = parsed[:6]
                return datetime(year, month, day, hour, minute, second, tzinfo=UTC)
            except (TypeError, ValueError):
                pass
        text = raw.get(key)
        if text:
            when = parse_date(text)
            if when:
                return when
    return None
