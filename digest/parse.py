"""Feed bytes -> ParsedFeed of plain-text Entries; HTML -> clean text or sanitised HTML.

feedparser only ever sees ``io.BytesIO(body)`` and the response headers (never a URL or a
path: it would fetch or open them itself, with no timeout). JSON Feed is parsed here because
feedparser's release does not read it. Nothing here raises for a bad body: the problem is
returned in ``ParsedFeed.error`` in plain words.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import re
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from html import unescape
from typing import Any, AnyStr
from urllib.parse import urljoin, urlsplit

import feedparser
import lxml.html
import nh3
from lxml import etree

from digest.model import Entry, ParsedFeed

log = logging.getLogger(__name__)

MAX_ENTRIES = 2000  # entries kept from one body; feeds list newest first
_FUTURE_SLACK = timedelta(hours=1)
_EARLIEST = datetime(1995, 1, 1, tzinfo=UTC)
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
) -> ParsedFeed:
    """Parse one feed body (RSS, RDF, Atom or JSON Feed); return entries or a plain error."""
    problem = _not_a_feed(body)
    if problem:
        return ParsedFeed(entries=(), error=problem)
    ctx = _Context(feed_name=feed_name, feed_url=feed_url, now=now)
    if _looks_like_json(body):
        return _parse_json_feed(body, ctx)
    body, warning = _trim(_drop_illegal_refs(_DOCTYPE.sub(b"", body, count=1)))
    result = _run_with_budget(lambda: _feedparser(body, headers), budget_s)
    if result is None:
        return ParsedFeed(entries=(), error=f"feed took longer than {budget_s:g} s to parse")
    if isinstance(result, BaseException):
        return ParsedFeed(entries=(), error=f"unreadable feed: {result}")
    return _from_feedparser(result, body, ctx=ctx, warning=warning)


@dataclass(frozen=True)
class _Context:
    feed_name: str  # outlet name
    feed_url: str  # configured feed URL (identity and relative-link base)
    now: datetime  # the run's clock, for future-date clamping


_CHAR_REF = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));")
_CHAR_REF_BYTES = re.compile(_CHAR_REF.pattern.encode())


def _drop_illegal_refs(markup: AnyStr) -> AnyStr:
    """``markup`` (str or bytes) without numeric references to XML-illegal characters
    (``&#xD800;``, ``&#xFFFF;``): feedparser's fallback parser raises on a surrogate
    reference (the whole feed would be lost) and lxml refuses such text mid-tree."""
    if isinstance(markup, bytes):
        if b"&#" not in markup:
            return markup
        return _CHAR_REF_BYTES.sub(lambda m: b"" if _illegal_ref(*m.groups()) else m.group(0), markup)
    if "&#" not in markup:
        return markup
    return _CHAR_REF.sub(lambda m: "" if _illegal_ref(*m.groups()) else m.group(0), markup)


def _illegal_ref(hexa: str | bytes | None, dec: str | bytes | None) -> bool:
    """True when a numeric reference names no character or an XML-illegal one. C1 numbers
    are kept: parsers read ``&#150;`` as the Windows-1252 dash that feeds mean by it."""
    code = int(hexa, 16) if hexa else int(dec or 0)
    if code > 0x10FFFF:
        return True
    return not 0x80 <= code <= 0x9F and bool(_CONTROL.match(chr(code)))


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


def _feedparser(body: bytes, headers: Mapping[str, str] | None) -> Any:
    clean = {k.lower(): v for k, v in (headers or {}).items()
             if k.lower() not in ("content-encoding", "content-length", "transfer-encoding")}
    return feedparser.parse(io.BytesIO(body), response_headers=clean, sanitize_html=True,
                            resolve_relative_uris=True)


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


def _from_feedparser(result: Any, body: bytes, *, ctx: _Context,
                     warning: str | None) -> ParsedFeed:
    """Entries from a feedparser result, or the reason it is not a feed."""
    entries = result.get("entries") or []
    title = _plain(result.get("feed", {}).get("title")) or None
    if not entries and (not result.get("version") or _broken(result)):
        return ParsedFeed(entries=(), title=title, error=_why_unreadable(result, body))
    if result.get("bozo") and entries:
        problem = f"malformed feed, read anyway: {_bozo_reason(result)}"
        warning = f"{warning}; {problem}" if warning else problem
    made = [_entry_from_feedparser(e, ctx) for e in entries[:MAX_ENTRIES]]
    return ParsedFeed(entries=_unique(made, ctx), title=title, warning=warning)


def _broken(result: Any) -> bool:
    """True when feedparser hit real XML damage, not just a charset or media-type quibble."""
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


def _entry_from_feedparser(raw: Any, ctx: _Context) -> _RawEntry:
    contents = [c.get("value", "") for c in raw.get("content") or [] if isinstance(c, Mapping)]
    content = max((html_to_text(c) for c in contents), key=len, default="")
    summary = html_to_text(raw.get("summary", "") or "")
    title_type = (raw.get("title_detail") or {}).get("type", "text/html")
    title = raw.get("title", "") or ""
    # Plain-typed titles are unescaped once more: double-escaped "&amp;amp;" is common.
    title = _plain(title) if "html" in title_type else _squash(unescape(title))
    when = _first_date(raw)
    return _RawEntry(
        guid=_squash(str(raw.get("id") or "")),
        link=_safe_link(raw.get("link"), ctx.feed_url),
        title=title,
        summary=summary,
        content=content,
        published=when,
        author=_plain(raw.get("author")) or None,
    )


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
            when = _parse_date(text)
            if when:
                return when
    return None


# --------------------------------------------------------------------------- JSON Feed


def _parse_json_feed(body: bytes, ctx: _Context) -> ParsedFeed:
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
    title = _squash(str(doc.get("title") or "")) or None
    return ParsedFeed(entries=_unique(made, ctx), title=title, warning=warning)


def _entry_from_json(item: dict[str, Any], ctx: _Context) -> _RawEntry:
    html = _text_field(item, "content_html")
    content = html_to_text(html) if html else _squash_paragraphs(_text_field(item, "content_text"))
    summary = _squash_paragraphs(_text_field(item, "summary"))
    when = _parse_date(_text_field(item, "date_published")) or _parse_date(
        _text_field(item, "date_modified"))
    return _RawEntry(
        guid=_squash(str(item.get("id") or "")),
        link=_safe_link(_text_field(item, "url") or _text_field(item, "external_url"),
                        ctx.feed_url),
        title=_plain(_text_field(item, "title")),
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
    names = [_squash(str(a.get("name") or "")) for a in authors if isinstance(a, dict)]
    return ", ".join(n for n in names if n) or None


# --------------------------------------------------------------------------- entries


@dataclass(frozen=True)
class _RawEntry:
    """An entry before identity and date rules are applied."""

    guid: str
    link: str | None
    title: str
    summary: str
    content: str
    published: datetime | None
    author: str | None


def _unique(raws: list[_RawEntry], ctx: _Context) -> tuple[Entry, ...]:
    """Entries with stable uids; exact repeats dropped, repeated guids told apart."""
    seen: dict[str, _RawEntry] = {}
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


def _identity(raw: _RawEntry) -> str:
    if raw.guid:
        return f"guid:{raw.guid}"
    if raw.link:
        return f"link:{raw.link}"
    return f"hash:{_content_hash(raw)}"


def _content_hash(raw: _RawEntry) -> str:
    text = "\0".join((raw.title, raw.summary, raw.content))
    return hashlib.sha256(text.encode("utf-8", "replace")).hexdigest()[:16]


def _uid(feed_url: str, identity: str) -> str:
    return hashlib.sha256(f"{feed_url}\0{identity}".encode("utf-8", "replace")).hexdigest()[:16]


def _same(a: _RawEntry, b: _RawEntry) -> bool:
    return (a.title, a.link, a.summary, a.content) == (b.title, b.link, b.summary, b.content)


def _finish(raw: _RawEntry, uid: str, ctx: _Context) -> Entry:
    published, note = _checked_date(raw.published, ctx.now)
    title = raw.title or _title_from(raw.summary or raw.content) or "(untitled)"
    return Entry(uid=uid, feed=ctx.feed_name, feed_url=ctx.feed_url, title=title,
                 link=raw.link, summary=raw.summary, content=raw.content,
                 published=published, author=raw.author, date_note=note)


def _checked_date(when: datetime | None, now: datetime) -> tuple[datetime | None, str | None]:
    """Apply the date rules: missing, in the future (clamped to now), before 1995 (dropped)."""
    if when is None:
        return None, "missing"
    if when > now + _FUTURE_SLACK:
        return now.astimezone(UTC), "future"
    if when < _EARLIEST:
        return None, "before 1995"
    return when, None


def _title_from(text: str, limit: int = 90) -> str:
    """A stand-in headline from the first words of ``text``."""
    first = text.split("\n\n", 1)[0]
    if len(first) <= limit:
        return first
    return first[:limit].rsplit(" ", 1)[0] + "…"


def _safe_link(link: Any, base: str) -> str | None:
    """An absolute http(s) URL, or None (javascript:, data:, file: and junk are dropped)."""
    if not isinstance(link, str):
        return None
    link = re.sub(r"[\x00-\x20\x7f]+", "", clean_text(link))  # browsers ignore these in URLs
    if not link:
        return None
    if base.startswith(("http://", "https://")):
        link = urljoin(base, link)
    try:
        parts = urlsplit(link)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return link


def _parse_date(text: str) -> datetime | None:
    """A date in RFC 822 or ISO 8601/RFC 3339 form as aware UTC; naive means UTC."""
    text = (text or "").strip()
    if not text:
        return None
    for parse in (datetime.fromisoformat, parsedate_to_datetime):
        try:
            when = parse(text)
        except (TypeError, ValueError, IndexError, OverflowError):
            continue
        if isinstance(when, datetime):
            return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)
    return None


# --------------------------------------------------------------------------- HTML


_BLOCKS = frozenset("""address article aside blockquote br dd div dl dt figcaption figure footer
form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody td th thead tr ul
""".split())
_DROP = ("script", "style", "noscript", "template", "iframe", "object", "embed", "head",
         "title", "svg", "math", "select", "button")
# Characters XML 1.0 forbids (C0 controls but tab/LF/CR, DEL and C1 controls, lone
# surrogates, U+FFFE/U+FFFF): one of them in any text makes the MJML step (an XML parser)
# reject the whole digest, and a surrogate cannot even be written as UTF-8.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def clean_text(text: str) -> str:
    """Return ``text`` with every XML-illegal character (see ``_CONTROL``) removed."""
    return _CONTROL.sub("", text) if text else ""
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*>", re.IGNORECASE)


def html_to_text(html: str) -> str:
    """Plain text of an HTML fragment: paragraphs joined by blank lines, spaces normalised."""
    if not html or not html.strip():
        return ""
    html = _drop_illegal_refs(_CONTROL.sub("", _XML_DECL.sub("", html)))
    if "<" not in html and "&" not in html:
        return _squash_paragraphs(html)
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return _squash_paragraphs(html)
    for bad in list(root.iter(*_DROP)):
        bad.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCKS:
            element.text = "\n\n" + (element.text or "")
            element.tail = "\n\n" + (element.tail or "")
    return _squash_paragraphs(root.text_content())


def _squash_paragraphs(text: str) -> str:
    """Collapse whitespace inside paragraphs; paragraphs (blank-line separated) kept; XML-illegal
    characters dropped (every multi-paragraph text field of every feed format passes here)."""
    paragraphs = (_squash(p) for p in re.split(r"\n\s*\n", clean_text(text or "")))
    return "\n\n".join(p for p in paragraphs if p)


def _squash(text: str) -> str:
    """One line: every run of whitespace (CR/LF included) becomes one space; XML-illegal
    characters dropped (every one-line text field of every feed format passes here)."""
    return " ".join(clean_text(text or "").split())


def _plain(html: Any) -> str:
    """Plain one-line text of a short HTML field (titles, names)."""
    if not isinstance(html, str):
        return ""
    return _squash(html_to_text(html).replace("\n\n", " "))


_ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "dl", "dt",
    "em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "li",
    "ol", "p", "pre", "q", "s", "small", "strong", "sub", "sup", "table", "tbody", "td",
    "tfoot", "th", "thead", "tr", "u", "ul",
}
_ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height", "title"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan"},
    "abbr": {"title"},
    "q": {"cite"},
    "blockquote": {"cite"},
}
_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_PIXEL_SRC = re.compile(r"pixel|beacon|/track(ing)?[/?._-]|1x1|spacer\.gif|/open\.gif", re.I)
_DIMENSION = re.compile(r'\b(width|height)="\s*([0-9]+)', re.IGNORECASE)


def sanitize_html(html: str) -> str:
    """HTML safe to put in an email: an allow-list of tags and attributes (nh3), only
    http(s)/mailto links, no scripts, styles, frames, forms, event handlers, javascript: or
    data: URLs; tracking pixels (1x1 or pixel-like image URLs) removed."""
    if not html:
        return ""
    clean = nh3.clean(
        _drop_illegal_refs(_CONTROL.sub("", html)),
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
    return _IMG.sub(lambda m: "" if _is_pixel(m.group(0)) else m.group(0), clean)


def _is_pixel(tag: str) -> bool:
    """True for an image that is a tracker or nothing: tiny, src-less or pixel-named."""
    src = re.search(r'\bsrc="([^"]*)"', tag)
    if not src or not src.group(1).strip():
        return True
    if _PIXEL_SRC.search(src.group(1)):
        return True
    return any(int(v) <= 1 for _k, v in _DIMENSION.findall(tag))
