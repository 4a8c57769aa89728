"""JSON Feed 1.0/1.1 bytes -> ParsedFeed, read by hand (feedparser's release does not)."""

from __future__ import annotations

import json
from typing import Any

from digest.model import ParsedFeed
from digest.parse.clean import html_to_text, plain, squash, squash_paragraphs
from digest.parse.entries import MAX_ENTRIES, Context, RawEntry, parse_date, safe_link, unique_entries


def parse_json_feed(body: bytes, ctx: Context) -> ParsedFeed:
    """JSON Feed 1.0/1.1 (https://jsonfeed.org/version/1.1), parsed by hand."""
    try:
        doc = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        return ParsedFeed(entries=(), error=f"malformed JSON: {str(exc)[:200]}")
    items = doc.get("items") if isinstance(doc, dict) else None
    version = str(doc.get("version", "")) if isinstance(doc, dict) else ""
    if not isinstance(items, list) or ("jsonfeed.org" not in version and not items):
        return ParsedFeed(entries=(), error="not a feed (got JSON that is not a JSON Feed)")
    warning = None
    if len(items) > MAX_ENTRIES:
        warning = f"feed has {len(items):,} items; kept the first {MAX_ENTRIES:,}"
    made = [_entry_from_json(i, ctx) for i in items[:MAX_ENTRIES] if isinstance(i, dict)]
    title = squash(str(doc.get("title") or "")) or None
    return ParsedFeed(entries=unique_entries(made, ctx), title=title, warning=warning)


def _entry_from_json(item: dict[str, Any], ctx: Context) -> RawEntry:
    html = _text_field(item, "content_html")
    content = html_to_text(html) if html else squash_paragraphs(_text_field(item, "content_text"))
    summary = squash_paragraphs(_text_field(item, "summary"))
    when = parse_date(_text_field(item, "date_published")) or parse_date(
        _text_field(item, "date_modified"))
    return RawEntry(
        guid=squash(str(item.get("id") or "")),
        link=safe_link(_text_field(item, "url") or _text_field(item, "external_url"),
                        ctx.feed_url),
        title=plain(_text_field(item, "title")),
        summary=summary,
        content=content,
        published=when,
        author=_json_author(item),
    )


def _text_field(item: dict[str, Any], key: str) -> str:
    value = item.get(key)
    return value if isinstance(value, str) else ""


def _json_author(item: dict[str, Any]) -> str | None:
    authors = item.get("authors")
    if not isinstance(authors, list):
        authors = [item.get("author")]
    names = [squash(str(a.get("name") or "")) for a in authors if isinstance(a, dict)]
    return ", ".join(n for n in names if n) or None
