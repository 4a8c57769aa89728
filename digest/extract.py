"""Article page -> main text (trafilatura), with page chrome left out.

trafilatura finds the article body; what it still lets through (subscribe prompts, "Read
more" teasers, photo credits, author bios, cookie notices) is removed paragraph by paragraph
by ``is_chrome``.
"""

from __future__ import annotations

import json
import logging
import re
from html import unescape
from datetime import datetime, timezone


from digest.kinds import PageMeta

log = logging.getLogger(__name__)

_CHROME_PATTERNS = [
    r"\b(subscribe|subscribers?|subscription)\b.{0,80}\b(newsletter|today|now|here|free|access|"
    r"unlimited|digital|offer)\b",
    r"\bsign(ing)? up\b.{0,80}\b(newsletter|email|free|updates|alerts|account|for)\b",
    r"\b(newsletter|inbox|email alerts?)\b.{0,60}\b(sign up|subscribe|delivered|get|receive)\b",
    r"\b(get|receive)\b.{0,40}\b(newsletter|our emails?|email updates)\b",
    r"\bcookies?\b.{0,80}\b(consent|accept|policy|settings|use|browsing|experience)\b",
    r"^\s*(advertisement|advertising|sponsored( content)?|ad)\s*$",
    r"(©|\(c\)|copyright\b).{0,80}\b(\d{4}|all rights reserved|inc\.?|ltd|llc|media|news)\b",
    r"\ball rights reserved\b",
    r"^\s*(read|see|click here for|watch)( the)? (more|also|full story|next|related)\b",
    r"^\s*(related|more|recommended|most read|most popular|trending|also read|read next|"
    r"you may also like|more from)( stories| articles| coverage)?\s*[:|]",
    r"^\s*(related|read more|more stories|recommended|most read|most popular|trending now)\s*$",
    r"\b(photo|image|picture|video|illustration)( credit)?s?\s*:\s*\S",
    r"\((photo|image|picture|credit)s?[^)]{0,60}(getty|ap|reuters|afp|shutterstock|/)[^)]{0,60}\)",
    r"^\s*(getty images|associated press|reuters|afp|shutterstock)\s*$",
    r"\b(via|credit:|photograph:)\s*(getty|ap photo|reuters|afp|shutterstock)",
    r"^\s*(share|tweet|email|print|comment)( this)?( (story|article|page|on \w+))?\s*$",
    r"\bfollow (us|him|her|them|@\w+) on (twitter|facebook|instagram|x)\b",
    r"\b(is|was) a (staff |senior |contributing )?(writer|reporter|editor|correspondent)"
    r" (for|at|with)\b.{0,120}$",
    r"\bjavascript\b.{0,40}\b(enable|disabled|required)\b",
    r"\bthis (article|story|content) (was|is) (originally )?(published|produced|updated)\b",
    r"\b(terms of (use|service)|privacy policy)\b",
    r"\bclick here\b",
    r"\bdownload (the|our) app\b",
    r"\bplease (subscribe|log in|sign in|register)\b|\bto (continue|keep) reading\b",
    r"\b(we|may) (may )?earn (a|an affiliate) commission\b|\b(advertising|affiliate) (policy|disclosure)\b",
    r"\balready a subscriber\b|\b(limit|number) of free (articles|stories)\b|\bfor subscribers only\b",
    r"\bcontains affiliate links\b|\bmay (receive|get|earn) (compensation|a share of (sales|revenue))\b",
    r"\bindependently selected by our editors\b",
    r"^\s*(pictured|above|inset)\s*:|^\s*FILE( PHOTO)?\s*[-–—:]",
]
CHROME = re.compile("|".join(f"(?:{p})" for p in _CHROME_PATTERNS), re.IGNORECASE)


def is_chrome(paragraph: str) -> bool:
    """True when ``paragraph`` is page furniture rather than article prose."""
    return bool(CHROME.search(paragraph))


def extract_article(html: bytes | str, *, url: str | None = None) -> str:
    """Main text of an article page as plain text (paragraphs joined by '\n\n'), '' if none."""
    if not html or _is_binary(html):
        return ""
    html = _inline_drop_caps(html)
    text = _trafilatura(html, url=url, favor_precision=True)
    if len(text.split()) < _SHORT_WORDS:
        # Precision mode sometimes keeps one fragment of an article split over many
        # containers; check a short result against the balanced mode.
        balanced = _trafilatura(html, url=url, favor_precision=False)
        if len(text.split()) < _FRAGMENT_SHARE * len(balanced.split()):
            text = balanced
    text = _clean(text)
    # A handful of words is a menu or a label, not an article: let the feed's text stand.
    return text if len(text.split()) >= _MIN_WORDS else ""


# A drop cap set in its own element ("<div class=dropcap>T</div><p>urkey ...") or as an image with the
# letter as its alt text: trafilatura drops the letter, so it is moved into the text first.
_DROP_CAP_ELEMENT = (r"<(span|div|p|strong|b|em|i)\b[^>]*class=[\"'][^\"']*[Dd]rop[-_ ]?[Cc]ap[^\"']*[\"'][^>]*>\s*([A-Z])\s*</\1>"
                     r"(?:\s*(<p\b[^>]*>))?")
_DROP_CAP_IMAGE = r"<img\b[^>]*\balt=[\"']([A-Z])[\"'][^>]*>(?=[a-z])"
_DROP_CAP_STR = (re.compile(_DROP_CAP_ELEMENT), re.compile(_DROP_CAP_IMAGE))
_DROP_CAP_BYTES = (re.compile(_DROP_CAP_ELEMENT.encode()), re.compile(_DROP_CAP_IMAGE.encode()))


def _inline_drop_caps(html: bytes | str) -> bytes | str:
    """Return ``html`` with drop-cap letters set in their own element or image joined to the text they open."""
    # An unmatched group (no <p> after the letter) is replaced by nothing.
    if isinstance(html, bytes):
        element, image = _DROP_CAP_BYTES
        return image.sub(rb"\1", element.sub(rb"\3\2", html))
    element_s, image_s = _DROP_CAP_STR
    return image_s.sub(r"\1", element_s.sub(r"\3\2", html))


def _is_binary(page: bytes | str) -> bool:
    """True for a PDF, an image or other non-text body served where a page was expected."""
    head = page[:1024] if isinstance(page, bytes) else page[:1024].encode("utf-8", "replace")
    return head.startswith((b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04")) or (
        b"\x00" in head)


_MIN_WORDS = 12  # fewer words than this is not an article
_SHORT_WORDS = 300  # below this, precision mode's result is double-checked
_FRAGMENT_SHARE = 0.25  # a precision result under this share of the balanced one is a fragment


def _trafilatura(html: bytes | str, *, url: str | None, favor_precision: bool) -> str:
    """trafilatura's plain-text extraction, '' when it fails or finds nothing."""
    # Imported on first use: ~75 ms of every command's start-up otherwise, and most runs of
    # `digest fetch` (no [articles] fetch, or no new page) never extract anything.
    import trafilatura

    try:
        text = trafilatura.extract(
            html,
            url=url,
            favor_precision=favor_precision,
            include_comments=False,
            include_tables=False,
            include_links=False,
            include_images=False,
            deduplicate=False,
            output_format="txt",
        )
    except Exception as exc:  # trafilatura/lxml raise many kinds on broken pages
        log.info("extraction failed for %s: %s", url or "page", exc)
        return ""
    return text or ""


_BULLET = re.compile(r"^[-*•]\s+")
# A heading that opens a block of teasers to other articles: the article ends before it.
_TEASER_HEADING = re.compile(
    r"^(other|more|related|recommended|popular|latest|top|trending|further)\b[\w\s’']{0,30}"
    r"\b(columns?|stories|articles|news|videos|reads|reading|coverage|posts|opinion)\s*:?$|"
    # Headings over teasers whose quotes belong to other stories: "In other news", "Don't miss".
    r"^(in other news|don['’]t miss|editor['’]?s['’]? picks|you (may|might) also like|most (viewed|read|shared)|"
    r"what to read next|also on \w+|elsewhere on \w+)\s*:?$",
    re.IGNORECASE,
)


def _clean(text: str) -> str:
    """Paragraphs normalised; chrome paragraphs and any trailing teaser block dropped."""
    paragraphs = _join_drop_caps([" ".join(p.split()) for p in re.split(r"\n+", text)])
    for i, paragraph in enumerate(paragraphs):
        if i >= len(paragraphs) // 2 and _TEASER_HEADING.match(paragraph):
            paragraphs = paragraphs[:i]
            break
    return "\n\n".join(p for p in paragraphs if not is_chrome(_BULLET.sub("", p)))


def _join_drop_caps(paragraphs: list[str]) -> list[str]:
    """Non-empty paragraphs, a lone drop-cap letter ("T") joined to the paragraph it opens ("urkey ...")."""
    out: list[str] = []
    for paragraph in paragraphs:
        if out and re.fullmatch(r"[B-HJ-Z]", out[-1]) and paragraph[:1].islower():
            out[-1] += paragraph
        elif paragraph:
            out.append(paragraph)
    return out


# --- what the page says about itself ------------------------------------------------------

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
    if not html or _is_binary(html):
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
