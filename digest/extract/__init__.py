"""Article page -> main text (trafilatura), with page chrome left out.

trafilatura finds the article body; what it still lets through (subscribe prompts, "Read
more" teasers, photo credits, author bios, cookie notices) is removed paragraph by paragraph
by ``chrome``. What the page says about itself (type, sections, its own date) is read by
``page``.
"""

from __future__ import annotations

import logging
import re

from digest.extract.chrome import clean

log = logging.getLogger(__name__)


def extract_article(html: bytes | str, *, url: str | None = None) -> str:
    """Main text of an article page as plain text (paragraphs joined by '\n\n'), '' if none."""
    if not html or is_binary(html):
        return ""
    html = _inline_drop_caps(html)
    text = _trafilatura(html, url=url, favor_precision=True)
    if len(text.split()) < _SHORT_WORDS:
        # Precision mode sometimes keeps one fragment of an article split over many
        # containers; check a short result against the balanced mode.
        balanced = _trafilatura(html, url=url, favor_precision=False)
        if len(text.split()) < _FRAGMENT_SHARE * len(balanced.split()):
            text = balanced
    text = clean(text)
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


def is_binary(page: bytes | str) -> bool:
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

