"""Raw feed items -> Entries: stable identity, repeats dropped, date rules, safe links.

Shared by the feedparser path (``digest.parse``) and ``jsonfeed``.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

from digest.emailtext import xml_safe
from digest.kinds import classify
from digest.model import Entry, stand_in_title

MAX_ENTRIES = 2000  # entries kept from one body; feeds list newest first
_FUTURE_SLACK = timedelta(hours=1)
_EARLIEST = datetime(1995, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Context:
    """Where the entries come from, and the run's clock."""

    feed_name: str  # outlet name
    feed_url: str  # configured feed URL (identity and relative-link base)
    now: datetime  # the run's clock, for future-date clamping


@dataclass(frozen=True)
class RawEntry:
    """An entry before identity and date rules are applied."""

    guid: str
    link: str | None
    title: str
    summary: str
    content: str
    published: datetime | None
    author: str | None
    categories: tuple[str, ...] = ()  # feed categories, which can tell an entry's kind


def unique_entries(raws: list[RawEntry], ctx: Context) -> tuple[Entry, ...]:
    """Entries with stable uids; exact repeats dropped, repeated guids told apart."""
    seen: dict[str, RawEntry] = {}
    out = []
    for raw in raws:
        identity = _identity(raw)
        uid = _uid(ctx.feed_url, identity)
        if uid in seen and _same(seen[uid], raw):
            continue
        if uid in seen:
            # The feed reuses a guid for a different item: tell them apart by link, then
            # by position among the repeats, which is stable while the feed keeps its order.
            uid = _uid(ctx.feed_url, f"{identity}\0{raw.link or _content_hash(raw)}")
            n = 2
            while uid in seen:
                uid, n = _uid(ctx.feed_url, f"{identity}\0{raw.link}\0{n}"), n + 1
        seen[uid] = raw
        out.append(_finish(raw, uid, ctx))
    return tuple(out)


def _identity(raw: RawEntry) -> str:
    if raw.guid:
        return f"guid:{raw.guid}"
    if raw.link:
        return f"link:{raw.link}"
    return f"hash:{_content_hash(raw)}"


def _content_hash(raw: RawEntry) -> str:
    text = "\0".join((raw.title, raw.summary, raw.content))
    return hashlib.sha256(text.encode("utf-8", "replace")).hexdigest()[:16]


def _uid(feed_url: str, identity: str) -> str:
    return hashlib.sha256(f"{feed_url}\0{identity}".encode("utf-8", "replace")).hexdigest()[:16]


def _same(a: RawEntry, b: RawEntry) -> bool:
    return (a.title, a.link, a.summary, a.content) == (b.title, b.link, b.summary, b.content)


def _finish(raw: RawEntry, uid: str, ctx: Context) -> Entry:
    published, note = _checked_date(raw.published, ctx.now)
    title = raw.title or stand_in_title(raw.summary or raw.content) or "(untitled)"
    kind, signal = classify(title=title, url=raw.link, text=raw.content or raw.summary,
                            categories=raw.categories)
    return Entry(uid=uid, feed=ctx.feed_name, feed_url=ctx.feed_url, title=title,
                 link=raw.link, summary=raw.summary, content=raw.content,
                 published=published, author=raw.author, date_note=note,
                 kind=kind, kind_signal=signal)


def _checked_date(when: datetime | None, now: datetime) -> tuple[datetime | None, str | None]:
    """Apply the date rules: missing, in the future (clamped to now), before 1995 (dropped)."""
    if when is None:
        return None, "missing"
    if when > now + _FUTURE_SLACK:
        return now.astimezone(UTC), "future"
    if when < _EARLIEST:
        return None, "before 1995"
    return when, None


def safe_link(link: Any, base: str) -> str | None:
    """An absolute http(s) URL, or None (javascript:, data:, file: and junk are dropped)."""
    if not isinstance(link, str):
        return None
    link = _URL_JUNK.sub("", xml_safe(link))  # browsers ignore these in URLs
    if _PLAIN_URL.fullmatch(link):
        return link  # what _joined would make of it, unchanged
    return _joined(link, base) if link else None


def _joined(link: str, base: str) -> str | None:
    """``link`` made absolute against an http(s) ``base``, if it is then an http(s) URL with a host."""
    if base.startswith(("http://", "https://")):
        link = urljoin(base, link)
    try:
        parts = urlsplit(link)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return link


_URL_JUNK = re.compile(r"[\x00-\x20\x7f]+")
# An absolute http(s) URL with a plain host name: urljoin returns it as it is (it takes its
# own scheme and host; an empty "?" or "#", or a ";" that urlparse reads as params, would be
# rewritten, so they go the long way), and it has a host. Most feed links are like this.
_PLAIN_URL = re.compile(r"https?://[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*(?::[0-9]+)?(?:/[^?#;]*)?(?:\?[^#]+)?(?:#.+)?")


def parse_date(text: str) -> datetime | None:
    """A date in RFC 822 or ISO 8601/RFC 3339 form as aware UTC; naive means UTC."""
    text = (text or "").strip()
    if not text:
        return None
    for parse in (datetime.fromisoformat, parsedate_to_datetime):
        try:
            when = parse(text)
            if isinstance(when, datetime):
                # Inside the try: an offset can push a date at the calendar's edge past it.
                return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)
        except (TypeError, ValueError, IndexError, OverflowError):
            continue
    return None
