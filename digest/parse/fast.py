"""Plain RSS 2.0 and Atom 1.0 bodies -> the part of feedparser's result that digest reads, via lxml.

feedparser is most of the time spent parsing a well-kept feed (pure Python, one SAX event at
a time); lxml reads the same bytes about ten times faster. ``read_feed`` gives the
fields ``digest.parse`` takes from feedparser's result (feed title, version, bozo; per entry
content, summary, title and its type, id, link, dates, author, tags), shaped the same, so the
mapping code is shared. RSS is read here, Atom in ``atom``, the rules every field follows in
``fields``. It only answers for the common case it can map exactly as feedparser
6.0 does (each rule below names the feedparser rule it mirrors); on anything else (another
format, an element, attribute or namespace it does not model, a repeated field, a title
feedparser might read as HTML, text its mojibake or Windows-1252 repair would change, a
non-UTF-8 body, headers that matter, a date its strict parsers cannot read, a DOCTYPE,
comments or markup inside a field, any XML error) it returns None and feedparser reads the
feed. It never raises. tests/test_parse_fast.py proves the results equal on every feed of
the corpus, the samples and the bench workload, and tests/test_parse_fast_mutants.py on
thousands of randomly changed ones.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from lxml import etree

from digest.parse import atom
from digest.parse.fields import Decline, check_url, children, strict_date, tags, text

__all__ = ["read_feed"]

_CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_MEDIA = ("{http://search.yahoo.com/mrss/}", "{http://search.yahoo.com/mrss}")
_ATOM_LINK = "{http://www.w3.org/2005/Atom}link"
_WFW, _SLASH = "{http://wellformedweb.org/CommentAPI/}", "{http://purl.org/rss/1.0/modules/slash/}"
_SY = "{http://purl.org/rss/1.0/modules/syndication/}"
_ANY = None  # any attributes: feedparser only stores them

# Item children and the attributes each may carry. Any other child means "not plain".
_ITEM: dict[str, frozenset[str] | None] = {
    "title": frozenset(), "link": frozenset(), "guid": frozenset({"isPermaLink"}),
    "pubDate": frozenset(), "description": frozenset(), "author": frozenset(),
    "category": frozenset({"domain"}), "comments": frozenset(),
    "enclosure": frozenset({"url", "length", "type"}),
    f"{_CONTENT}encoded": frozenset(), f"{_DC}creator": frozenset(), f"{_DC}date": frozenset(),
    **{f"{ns}content": _ANY for ns in _MEDIA},
    # No feedparser handler: each is filed under its own name (wfw_commentrss, slash_comments).
    f"{_WFW}commentRss": frozenset(), f"{_SLASH}comments": frozenset(),
}
_MEDIA_CREDIT = {f"{ns}credit" for ns in _MEDIA}
_REPEATABLE = {"category", *(f"{ns}content" for ns in _MEDIA)}
_AUTHORS = ("author", f"{_DC}creator")
# Channel children that cannot reach the feed title or the entries (feedparser files them
# under other keys); image may hold its own title, url, link, size and description.
_CHANNEL = {"title", "link", "description", "language", "copyright", "managingEditor",
            "webMaster", "pubDate", "lastBuildDate", "generator", "docs", "ttl",
            f"{_DC}date", f"{_DC}language", f"{_DC}rights",
            f"{_SY}updatePeriod", f"{_SY}updateFrequency", f"{_SY}updateBase"}
_IMAGE = {"title", "url", "link", "width", "height", "description"}

# How a plain body starts: a UTF-8 (or no) encoding declaration, a comment or the root. With
# no declaration and no BOM both parsers read UTF-8 (XML's default, feedparser's RFC 3023 one).
_START = re.compile(rb"""<\?xml version=(["'])1\.0\1(?: encoding=(["'])(?i:utf-8)\2)?"""
                    rb"""(?: standalone=(["'])(?:yes|no)\3)? ?\?>|<!--|<(?:rss|feed)[\s>]""")
_DECLARATION = re.compile(rb"<!(?i:doctype|entity|element|attlist|notation)")
_MAYBE_HTML = re.compile(r"</\w+>|&#?\w+;")  # feedparser's looks_like_html needs one of them
_XML_TYPES = ("application/xml", "text/xml")


def read_feed(body: bytes, headers: Mapping[str, str] | None) -> dict[str, Any] | None:
    """feedparser's result (feed title, version, bozo, entries) for a plain RSS 2.0 or Atom
    1.0 body served with ``headers``; None when the body is anything else (feedparser's job)."""
    try:
        if not _START.match(body) or _DECLARATION.search(body) or not _plain_headers(headers):
            return None
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                                 load_dtd=False, strip_cdata=True)
        root = etree.fromstring(body, parser)
        return atom.read(root) if root.tag == atom.FEED else _feed(root)
    except Exception:  # Decline, an XML error or anything unforeseen: never raised, feedparser's job
        return None


def _plain_headers(headers: Mapping[str, str] | None) -> bool:
    """True when the headers leave feedparser on the declared UTF-8 with no warning and no
    base URL (its RFC 3023 rules; a Content-Location would become the relative-link base)."""
    given = {k.lower(): v for k, v in (headers or {}).items()
             if k.lower() not in ("content-encoding", "content-length", "transfer-encoding")}
    if not given:
        return True
    if "content-location" in given or "content-type" not in given:
        return False
    parts = (given["content-type"] or "").split(";")
    mime, charset = parts[0].strip(), ""
    for part in parts[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip("\"'")
    xmlish = mime in _XML_TYPES or (mime.startswith(("application/", "text/")) and mime.endswith("+xml"))
    if not xmlish:
        return False
    return charset.lower() == "utf-8" or (not charset and mime.startswith("application/"))


def _feed(root: Any) -> dict[str, Any]:
    """The result for an ``<rss version="2.0">`` root holding one plain channel."""
    if root.tag != "rss" or dict(root.attrib) != {"version": "2.0"} or len(root) != 1:
        raise Decline
    channel = root[0]
    if channel.tag != "channel" or channel.attrib:
        raise Decline
    items = [child for child in channel if child.tag == "item"]
    titles = [text(child) for child in channel if child.tag == "title"]
    if not items or len(titles) > 1:
        raise Decline
    for child in channel:
        _check_channel_child(child)
    feed = {"title": titles[0]} if titles else {}
    return {"feed": feed, "version": "rss20", "bozo": False, "entries": [_entry(i) for i in items]}


def _check_channel_child(child: Any) -> None:
    """Decline a channel child that is not text-only and known (image and atom:link aside)."""
    if child.tag in ("item", "title") or not isinstance(child.tag, str):  # str: not a comment
        return
    if child.tag == "image" and not child.attrib:
        for part in child:
            if part.tag not in _IMAGE:
                raise Decline
            text(part)
        return
    if child.tag == _ATOM_LINK and set(child.attrib) <= {"href", "rel", "type"} and not len(child):
        return
    if child.tag not in _CHANNEL:
        raise Decline
    text(child)


def _entry(item: Any) -> dict[str, Any]:
    """One item as feedparser's entry dict (the keys ``_entry_from_feedparser`` reads)."""
    fields = children(item, _ITEM, _REPEATABLE)
    if sum(tag in fields for tag in _AUTHORS) > 1:
        raise Decline
    one = {tag: text(found[0], _ITEM[tag]) for tag, found in fields.items() if tag not in _REPEATABLE}
    for media in (m for ns in _MEDIA for m in fields.get(f"{ns}content", [])):
        _check_media(media)
    entry: dict[str, Any] = {"tags": tags([(None, c.get("domain"), None, text(c, _ITEM["category"]))
                                           for c in fields.get("category", [])])}
    if "title" in one:
        if _MAYBE_HTML.search(one["title"]):  # feedparser may sniff it as HTML
            raise Decline
        entry["title"], entry["title_detail"] = one["title"], {"type": "text/plain"}
    _link_and_id(entry, one, fields)
    _content(entry, one)
    _dates(entry, one)
    for tag in _AUTHORS:
        if tag in one:
            entry["author"] = one[tag]
    return entry


def _check_media(media: Any) -> None:
    """media:content may hold only media:credit (feedparser files both under other keys)."""
    if (media.text or "").strip():
        raise Decline
    for credit in media:
        if credit.tag not in _MEDIA_CREDIT:
            raise Decline
        text(credit, None)


def _link_and_id(entry: dict[str, Any], one: dict[str, str], fields: dict[str, list[Any]]) -> None:
    """link and id: a permalink guid stands in for a missing link (feedparser's _end_guid)."""
    for tag in ("link", "guid"):
        if tag in one:
            check_url(one[tag])
    if "guid" in one:
        entry["id"] = one["guid"]
        if fields["guid"][0].get("isPermaLink", "true") == "true":
            entry["link"] = one["guid"]
    if "link" in one:
        entry["link"] = one["link"]


def _content(entry: dict[str, Any], one: dict[str, str]) -> None:
    """content:encoded is the content; the description is the summary, else the content is
    (feedparser's _end_content copies HTML content to a missing summary)."""
    encoded = one.get(f"{_CONTENT}encoded")
    if encoded is not None:
        entry["content"] = [{"type": "text/html", "value": encoded}]
        entry["summary"] = encoded
    if "description" in one:
        entry["summary"] = one["description"]


def _dates(entry: dict[str, Any], one: dict[str, str]) -> None:
    """pubDate is published, dc:date updated, each with its parsed UTC time tuple."""
    for tag, key in (("pubDate", "published"), (f"{_DC}date", "updated")):
        if tag in one:
            entry[key], entry[f"{key}_parsed"] = strict_date(one[tag])
