"""Plain Atom 1.0 documents (an lxml tree) -> feedparser's result, for the fast path (``fast``).

Mirrors what feedparser 6.0 does with the Atom elements below; anything else declines
(``fields.Decline``) and feedparser reads the feed. The rules that differ from RSS: an entry's
``id`` is its link until an alternate HTML ``link`` names one (feedparser treats every Atom id
as a permalink guid); text constructs carry their own type (text or html; xhtml declines);
an author's name and email make "name (email)"; categories are term, scheme and label.
"""

from __future__ import annotations

from typing import Any

from digest.parse.fields import Category, Decline, check_url, children, strict_date, tags, text

NS = "{http://www.w3.org/2005/Atom}"
FEED = f"{NS}feed"
_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_TYPED = frozenset({"type"})
_LINK = frozenset({"rel", "type", "href", "hreflang", "title", "length"})
_CATEGORY = frozenset({"term", "scheme", "label"})
_PLAIN: frozenset[str] = frozenset()
_ENTRY: dict[str, frozenset[str]] = {
    f"{NS}{name}": attributes for name, attributes in (
        ("id", _PLAIN), ("title", _TYPED), ("link", _LINK), ("published", _PLAIN),
        ("updated", _PLAIN), ("author", _PLAIN), ("summary", _TYPED), ("content", _TYPED),
        ("category", _CATEGORY), ("rights", _TYPED))}
_FEED: dict[str, frozenset[str]] = {
    **{tag: _ENTRY[tag] for tag in (f"{NS}id", f"{NS}title", f"{NS}link", f"{NS}updated",
                                    f"{NS}author", f"{NS}category", f"{NS}rights")},
    f"{NS}subtitle": _TYPED, f"{NS}icon": _PLAIN, f"{NS}logo": _PLAIN,
    f"{NS}generator": frozenset({"uri", "version"}), f"{NS}entry": _PLAIN}
_REPEATABLE = {f"{NS}link", f"{NS}category", f"{NS}entry"}
_MIME = {"text": "text/plain", "html": "text/html"}  # feedparser's map_content_type, xhtml aside
_HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")
# Namespaces whose declaration before Atom's would set feedparser's version to RSS 1.0 / 0.90
# (then it sniffs plain-text fields for HTML as it does in RSS).
_OTHER_VERSIONS = {"http://purl.org/rss/1.0/", "http://my.netscape.com/rdf/simple/0.9/"}


def read(root: Any) -> dict[str, Any]:
    """The result for an Atom 1.0 ``<feed>`` root; declines anything not modelled."""
    if {uri.lower() for uri in root.nsmap.values()} & _OTHER_VERSIONS:
        raise Decline
    found = children(root, _FEED, _REPEATABLE, own=frozenset({_LANG}))  # the language is only filed
    entries = found.pop(f"{NS}entry", [])
    if not entries:
        raise Decline
    for tag, elements in found.items():
        for element in elements:
            _check_feed_child(tag, element)
    feed = {"title": text(found[f"{NS}title"][0], _TYPED)} if f"{NS}title" in found else {}
    return {"feed": feed, "version": "atom10", "bozo": False, "entries": [_entry(e) for e in entries]}


def _check_feed_child(tag: str, element: Any) -> None:
    """A feed-level element feedparser files away from the entries and the feed title."""
    if tag == f"{NS}author":
        _author(element)
    elif tag == f"{NS}link":
        _link(element)
    elif tag == f"{NS}category":
        _category(element)
    else:
        _typed(element) if _FEED[tag] is _TYPED else text(element, _FEED[tag])


def _entry(element: Any) -> dict[str, Any]:
    """One Atom entry as feedparser's entry dict (the keys ``_entry_from_feedparser`` reads)."""
    found = children(element, _ENTRY, _REPEATABLE)
    one = {tag[len(NS):]: nodes[0] for tag, nodes in found.items() if tag not in _REPEATABLE}
    entry: dict[str, Any] = {"tags": tags([_category(c) for c in found.get(f"{NS}category", [])])}
    if "title" in one:
        entry["title"], entry["title_detail"] = _typed(one["title"])
    if "id" in one:  # feedparser's _end_guid: the id is also the link, until a link says
        entry["id"] = entry["link"] = check_url(text(one["id"]))
    for link in found.get(f"{NS}link", []):
        href, alternate = _link(link)
        if alternate:
            entry["link"] = href
    for key in ("published", "updated"):
        if key in one:
            entry[key], entry[f"{key}_parsed"] = strict_date(text(one[key]))
    if "author" in one:
        entry["author"] = _author(one["author"])
    _content(entry, one)
    if "rights" in one:
        _typed(one["rights"])
    return entry


def _content(entry: dict[str, Any], one: dict[str, Any]) -> None:
    """content (text or html) is the content; summary the summary, else the content is
    (feedparser's _end_content copies text and HTML content to a missing summary)."""
    if "content" in one:
        value, _ = _typed(one["content"])
        entry["content"] = [{"value": value}]
        entry["summary"] = value
    if "summary" in one:
        entry["summary"], _ = _typed(one["summary"])


def _typed(element: Any) -> tuple[str, dict[str, str]]:
    """A text construct's text and feedparser's detail for it (type text or html only)."""
    kind = element.get("type", "text")
    if kind not in _MIME:
        raise Decline
    return text(element, _TYPED), {"type": _MIME[kind]}


def _link(element: Any) -> tuple[str, bool]:
    """A link's href, and whether feedparser makes it the entry's link (an alternate HTML one)."""
    if len(element) or (element.text or "").strip() or not set(element.attrib) <= _LINK:
        raise Decline
    rel = element.get("rel", "alternate")
    kind = element.get("type", "application/atom+xml" if rel == "self" else "text/html")
    if rel != rel.lower() or kind != kind.lower():  # feedparser lower-cases both
        raise Decline
    return check_url(element.get("href")), rel == "alternate" and kind in _HTML_TYPES


def _category(element: Any) -> Category:
    """A category's term, scheme and label (its text must be empty: feedparser would add it)."""
    if text(element, _CATEGORY):
        raise Decline
    return element.get("term"), element.get("scheme"), element.get("label"), ""


def _author(element: Any) -> str:
    """feedparser's author string: "name (email)", the name or the email."""
    found = children(element, {f"{NS}name": _PLAIN, f"{NS}email": _PLAIN, f"{NS}uri": _PLAIN}, set())
    if (element.text or "").strip() or any((c.tail or "").strip() for c in element):
        raise Decline
    name, email, uri = (text(found[f"{NS}{k}"][0]) if f"{NS}{k}" in found else None
                        for k in ("name", "email", "uri"))
    if name == "" or email == "" or uri == "" or not (name or email):
        raise Decline
    return f"{name} ({email})" if name and email else name or email or ""
