"""What an article page says about itself, read from its raw HTML by ``page_metadata``.

Its JSON-LD types, ``og:type``, sections and tags, its own publication date (stated, else the
day in its own address) and a kind label set by its headline ("Analysis", "Opinion") become a
``kinds.PageMeta``, which ``kinds.classify`` weighs with the page's text.
"""

from __future__ import annotations

import json
import re
from datetime import datetime, timezone
from html import unescape

from digest.extract import is_binary
from digest.kinds import PageMeta

_META_KEYS = {"og:type": "og_type", "article:section": "sections", "article:tag": "tags",
              "article:published_time": "published", "og:article:published_time": "published",
              "datepublished": "published", "date": "published", "parsely-section": "sections",
              "keywords": "tags", "news_keywords": "tags", "og:url": "urls"}
_LD_TYPES = ("@type", "datePublished", "articleSection", "keywords")


def page_metadata(html: bytes | str) -> PageMeta:
    """What the page states about itself: JSON-LD ``@type``, ``datePublished``, ``og:type``,
    ``article:section``/``article:tag``, ``<time datetime>``, else the date in its own address
    (og:url, rel=canonical); an empty PageMeta when it says nothing.

    Read with regular expressions over the raw page, not a second HTML parse: a few
    milliseconds on the largest pages, and a broken page still gives up what it has.
    """
    if not html or is_binary(html):
        return PageMeta()
    page = html[:_META_BYTES].decode("utf-8", "replace") if isinstance(html, bytes) else html[:_META_BYTES]
    found: dict[str, list[str]] = {"types": [], "og_type": [], "sections": [], "tags": [], "published": [],
                                   "urls": []}
    for block in _LD_BLOCK.findall(page)[:20]:
        _read_json_ld(block, found)
    for tag in _META_TAG.findall(page):
        attrs = {k.lower(): unescape(a or b or c) for k, a, b, c in _ATTR.findall(tag)}
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        if key in _META_KEYS and attrs.get("content"):
            found[_META_KEYS[key]].append(attrs["content"])
    found["published"] += _TIME.findall(page)[:1]
    dates = [d for d in map(_page_date, found["published"]) if d]
    # The day in the page's own address only when nothing better is stated: the search costs.
    dates = dates or [d for d in map(_url_date, found["urls"] + _canonical(page)) if d]
    return PageMeta(types=tuple(dict.fromkeys(found["types"])), og_type=next(iter(found["og_type"]), None),
                    sections=_terms(found["sections"]), tags=_terms(found["tags"]),
                    published=dates[0] if dates else None, labels=_headline_labels(page))


_META_BYTES = 3_000_000  # metadata sits in the head or near the article; skip the rest of a huge page
_LD_BLOCK = re.compile(r"<script[^>]*application/ld\+json[^>]*>(.*?)</script>", re.IGNORECASE | re.DOTALL)
_META_TAG = re.compile(r"<meta\s[^>]{0,2000}>", re.IGNORECASE)
_ATTR = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
# A label set above or below the headline ("Analysis", "Opinion"), as a whole element's text.
_H1 = re.compile(r"<h1[\s>]", re.IGNORECASE)
_LABEL = re.compile(r">\s*((?:news )?analysis|opinion|perspective|commentary|editorial|column|explainer"
                    r"|fact check)\s*<", re.IGNORECASE)
_MENU = re.compile(r"<li[\s>]|<nav|menu|<option", re.IGNORECASE)
_MENU_END = re.compile(r"</(?:ul|ol|nav|select)>", re.IGNORECASE)
_LINK_TAG = re.compile(r"<link\s[^>]{0,2000}>", re.IGNORECASE)
# The day in a news site's address: /2015/03/18/, /2015/mar/18/ (the Guardian), /2015-03-18/.
_URL_DAY = re.compile(r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2]|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
                      r"[/-](0?[1-9]|[12]\d|3[01])(?=/|$)", re.IGNORECASE)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_TIME = re.compile(r"""<time\s[^>]*?datetime\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)


def _read_json_ld(text: str, found: dict[str, list[str]]) -> None:
    """Add the types, dates, sections and keywords of one JSON-LD block (graphs included)."""
    try:
        doc = json.loads(text)
    except (ValueError, RecursionError):
        return  # broken (or hostilely deep) JSON-LD is common: the rest of the page still speaks
    stack, seen = [doc], 0
    while stack and seen < 200:  # a page's graph is small; a hostile one is cut short
        item, seen = stack.pop(0), seen + 1
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            stack.extend(item.get("@graph", []) if isinstance(item.get("@graph"), list) else [])
            for key, into in (("@type", "types"), ("datePublished", "published"),
                              ("articleSection", "sections"), ("keywords", "tags")):
                found[into] += _strings(item.get(key))


def _strings(value: object) -> list[str]:
    """A JSON-LD value as its strings: a string alone, the strings of a list, else none (numbers, booleans)."""
    if isinstance(value, str):
        return [value]
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _headline_labels(page: str) -> tuple[str, ...]:
    """Kind labels within a short stretch around the first <h1>, lower case; menu items (a
    site's navigation lists every section) do not count."""
    h1 = _H1.search(page)
    if not h1:
        return ()
    start = max(0, h1.start() - 1500)
    window = page[start:h1.start() + 600]
    return tuple(dict.fromkeys(m.group(1).lower() for m in _LABEL.finditer(window)
                               if not _in_menu(window[max(0, m.start() - 150):m.start()])))


def _in_menu(before: str) -> bool:
    """True when a list, menu or navigation opened in ``before`` is still open at its end."""
    return bool(_MENU.search(_MENU_END.split(before)[-1]))


def _terms(values: list[str]) -> tuple[str, ...]:
    """Section and tag values, split on commas, stripped, lower-cased, de-duplicated."""
    out = (t.strip().lower() for v in values for t in v.split(","))
    return tuple(dict.fromkeys(t for t in out if t))[:40]


def _canonical(page: str) -> list[str]:
    """The page's rel=canonical address, as a list of none or one."""
    for tag in _LINK_TAG.findall(page):
        attrs = {k.lower(): unescape(a or b or c) for k, a, b, c in _ATTR.findall(tag)}
        if attrs.get("rel", "").lower() == "canonical" and attrs.get("href"):
            return [attrs["href"]]
    return []


def _url_date(url: str) -> datetime | None:
    """The day a page's address names (noon UTC: the day is all it says, so the feed's time
    within it stands), or None."""
    found = _URL_DAY.search(url.split("?", 1)[0].split("#", 1)[0])
    if not found:
        return None
    year, month, day = found.groups()
    number = int(month) if month.isdigit() else _MONTHS.index(month.lower()) + 1
    try:
        return datetime(int(year), number, int(day), 12, tzinfo=timezone.utc)
    except ValueError:  # 2015/02/31
        return None


def _page_date(text: str) -> datetime | None:
    """An ISO 8601 date or time as aware UTC (a bare date is midnight UTC), or None."""
    text = text.strip().replace("Z", "+00:00")
    try:
        when = datetime.fromisoformat(text[:32])
        # An offset can push a date at the edge of the calendar past it (9999-12-31T23:59-23:59).
        return (when if when.tzinfo else when.replace(tzinfo=timezone.utc)).astimezone(timezone.utc)
    except (ValueError, OverflowError):
        return None
