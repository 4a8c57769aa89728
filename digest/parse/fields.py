"""The rules feedparser applies to every field it stores, for the lxml fast path (``fast``,
``atom``): text as feedparser stores it, its tags, strict dates, link checks, and ``Decline``
for whatever these rules do not model (feedparser then reads the feed).
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any

_C1 = re.compile("[\x80-\x9f]")  # feedparser maps these to Windows-1252's characters
_BROKEN_QUERY = re.compile(r"&[A-Za-z0-9_]+;")  # feedparser's link "query variable" repair


class Decline(Exception):
    """The body is not the plain case: feedparser reads it."""


def text(element: Any, attributes: frozenset[str] | None = frozenset()) -> str:
    """An element's text as feedparser stores it (stripped, after its UTF-8 mojibake repair
    and Windows-1252 mapping, which must change nothing here); declines attributes outside
    ``attributes`` (None: any) and child elements, comments or processing instructions."""
    if len(element) or (attributes is not None and not set(element.attrib) <= attributes):
        raise Decline
    value = (element.text or "").strip()
    if value.isascii():
        return value
    if _C1.search(value):
        raise Decline
    try:
        repaired = value.encode("iso-8859-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return value
    if repaired != value:
        raise Decline
    return value


def children(parent: Any, allowed: dict[str, Any], repeatable: set[str],
             own: frozenset[str] = frozenset()) -> dict[str, list[Any]]:
    """``parent``'s child elements by tag, in order; declines an attribute on ``parent`` not
    in ``own``, a tag not in ``allowed`` or one repeated outside ``repeatable``. Comments and
    PIs between fields are skipped, as feedparser's SAX handler skips them."""
    if not set(parent.attrib) <= own:
        raise Decline
    found: dict[str, list[Any]] = {}
    for child in parent:
        tag = child.tag
        if not isinstance(tag, str):
            continue
        if tag not in allowed or (tag in found and tag not in repeatable):
            raise Decline
        found.setdefault(tag, []).append(child)
    return found


def check_url(value: str | None) -> str:
    """``value`` when feedparser keeps a link or id as it is; declines an empty one, one its
    ``_urljoin`` would change ("http:///x") and one its query-variable repair would change."""
    if not value or ":///" in value or _BROKEN_QUERY.search(value):
        raise Decline
    return value


Category = tuple[str | None, str | None, str | None, str]  # term, scheme, label, text


def tags(categories: list[Category]) -> list[dict[str, str | None]]:
    """feedparser's tags: each category's attributes open a tag (unless one equal to it is
    listed) that its text then fills, if the last tag has no term yet (_start_category /
    _end_category)."""
    out: list[dict[str, str | None]] = []

    def add(term: str | None, scheme: str | None, label: str | None) -> None:
        tag = {"term": term, "scheme": scheme, "label": label}
        if (term or scheme or label) and tag not in out:
            out.append(tag)

    for term, scheme, label, words in categories:
        add(term, scheme, label)
        if not words:
            continue
        if out and not out[-1]["term"]:
            out[-1]["term"] = words
        else:
            add(words, None, None)
    return out


_MONTHS = {m: i for i, m in enumerate("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(), 1)}
_RFC822 = re.compile(r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?(\d{1,2}) (" + "|".join(_MONTHS)
                     + r") (\d{4}) (\d\d):(\d\d)(?::(\d\d))? (?:GMT|UT|UTC|Z|([+-])(\d\d)(\d\d))")
_W3C = re.compile(r"(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:Z|([+-])(\d\d):(\d\d))")


def strict_date(value: str) -> tuple[str, Any]:
    """``value`` and feedparser's parsed UTC time tuple for it (a strict RFC 822 or W3C-DTF
    date); declines any other form, an impossible date, or a year outside 1900-2999."""
    match = _RFC822.fullmatch(value)
    if match:
        day, month, year, hour, minute, second, sign, off_h, off_m = match.groups()
        parts = [int(year), _MONTHS[month], int(day), int(hour), int(minute), int(second or 0)]
    else:
        match = _W3C.fullmatch(value)
        if not match:
            raise Decline
        *numbers, sign, off_h, off_m = match.groups()
        parts = [int(n) for n in numbers]
    if not 1900 <= parts[0] <= 2999 or (sign and (int(off_h) > 23 or int(off_m) > 59)):
        raise Decline
    offset = timedelta(hours=int(off_h or 0), minutes=int(off_m or 0)) * (-1 if sign == "-" else 1)
    year, month, day, hour, minute, second = parts
    try:
        when = datetime(year, month, day, hour, minute, second) - offset
    except ValueError as exc:  # a 30 February, a 25th hour
        raise Decline from exc
    return value, when.utctimetuple()
