"""Pure string helpers for the templates: safe links, one-line headers, subject, preheader, wrap."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from datetime import date as Date
from urllib.parse import urlsplit

from digest.emailtext import PREVIEW_TOKEN, fill_token, one_line, xml_safe  # noqa: F401 - re-exported
from digest.model import Brief, Digest
TEXT_WIDTH = 78  # plain-text line length (RFC 5322 recommends 78)
SAFE_SCHEMES = ("http", "https", "mailto")
NBSP = "\u00a0"  # no-break space: wrap_text never ends a line at one
_BREAKABLE = re.compile(r"[^\S\u00a0]+")  # whitespace but the no-break space


def xml_safe_digest(digest: Digest) -> Digest:
    """Return ``digest`` with every string in it (briefs, quotes, sources, feed reports) made
    ``xml_safe``. parse already cleans feed text; this guards a hand-edited digest.json."""
    return _xml_safe_value(digest)


def _xml_safe_value(value):
    """``value`` rebuilt with clean strings: str, tuple and dataclass walked; others kept."""
    if isinstance(value, str):
        return xml_safe(value)
    if isinstance(value, tuple):
        return tuple(_xml_safe_value(v) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: _xml_safe_value(getattr(value, f.name))
                   for f in dataclasses.fields(value) if f.init}
        return dataclasses.replace(value, **changes)
    return value


def safe_url(url: str | None, *, schemes: tuple[str, ...] = SAFE_SCHEMES) -> str | None:
    """Return ``url`` when it is a well-formed link in one of ``schemes``, else None."""
    if not url or any(ord(c) <= 32 or ord(c) == 127 for c in url):
        return None
    parts = urlsplit(url)
    if parts.scheme.lower() not in schemes:
        return None
    if parts.scheme.lower() in ("http", "https") and not parts.hostname:
        return None
    return url


def safe_font(stack: str, fallback: str) -> str:
    """Return a CSS font stack cleaned of anything that could end a style or attribute."""
    cleaned = re.sub(r"[^A-Za-z0-9 ,'\-]", "", stack or "").strip(" ,")
    return cleaned or fallback


def format_date(iso: str) -> str:
    """Return ``2026-11-23`` as ``Monday 23 November 2026`` (unchanged if not a date)."""
    try:
        day = Date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day:%A} {day.day} {day:%B %Y}"


def make_subject(template: str, *, title: str, long_date: str, top: tuple[Brief, ...]) -> str:
    """Return the one-line subject from ``template`` with {title}, {date} and {top} filled."""
    headline = top[0].headline if top else ""
    short_date = long_date.split(" ", 1)[-1]
    subject = (template or "{title}").replace("{title}", title)
    subject = subject.replace("{date}", short_date).replace("{top}", headline)
    return shorten(one_line(subject), 200)


def make_preheader(digest: Digest) -> str:
    """Return 40-130 characters naming the top stories, for the inbox preview line."""
    headlines = [one_line(b.headline) for b in digest.stories if one_line(b.headline)]
    text = ""
    for h in headlines:
        candidate = f"{text} · {h}" if text else h
        if len(candidate) > 130:
            break
        text = candidate
    if not text and headlines:
        text = shorten(headlines[0], 130)
    if len(text) < 40:
        count = len(digest.stories)
        tail = f"{count} {'story' if count == 1 else 'stories'} in today's {one_line(digest.title)}"
        text = f"{text} — {tail}" if text else f"{tail}, {format_date(digest.date)}"
    if len(text) < 40:
        text = f"{text}: the news that matters, briefly"
    return shorten(text, 130)


def shorten(text: str, limit: int) -> str:
    """Return ``text`` cut at a word boundary to at most ``limit`` characters, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:·—-")
    return cut + "…"


def nobreak(text: str, *, limit: int = 40) -> str:
    """Return ``text`` (an outlet with its marker: "— Name", "Name [3]") that no line break
    can split: its spaces become no-break spaces. Past ``limit`` characters only the first and
    last space do, so the marker stays with the name while a long name can still wrap on a
    phone. ``wrap_text`` honours them and writes plain spaces back."""
    if len(text) <= limit:
        return text.replace(" ", NBSP)
    head, _, rest = text.partition(" ")
    middle, _, tail = rest.rpartition(" ")
    return f"{head}{NBSP}{middle}{NBSP}{tail}" if middle else f"{head}{NBSP}{rest}"


def wrap_text(text: str, width: int = TEXT_WIDTH, indent: str = "", first: str | None = None) -> str:
    """Return ``text`` word-wrapped to ``width``, later lines prefixed with ``indent``.

    ``first`` prefixes the first line (default ``indent``). A URL too long for a line gets a
    line to itself rather than being broken; any other over-long word is split. Words joined
    by a no-break space (``nobreak``) stay on one line, and come out joined by a plain space.
    """
    lines: list[str] = []
    prefix, words = indent if first is None else first, list[str]()
    for word in _pieces(_BREAKABLE.sub(" ", text or "").strip(" "), width - len(indent)):
        if words and len(prefix) + len(" ".join(words)) + 1 + len(word) > width:
            lines.append(prefix + " ".join(words))
            prefix, words = indent, []
        words.append(word)
        if len(prefix) + len(word) > width:  # a lone long URL: nothing may share its line
            lines.append(prefix + word)
            prefix, words = indent, []
    if words:
        lines.append(prefix + " ".join(words))
    return "\n".join(lines).replace(NBSP, " ")


def _pieces(text: str, room: int) -> Iterator[str]:
    """Yield the words of ``text``, splitting any non-URL word longer than ``room``."""
    for word in text.split(" "):
        while len(word) > room and "://" not in word:
            yield word[:room]
            word = word[room:]
        if word:
            yield word


def tidy_text(text: str) -> str:
    """Return ``text`` with trailing spaces gone and runs of blank lines squeezed to one."""
    lines = [line.rstrip() for line in text.splitlines()]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip("\n") + "\n"


def language_tag(code: str) -> str:
    """Return a BCP 47 tag for <html lang>; "en" when the config gives nothing usable."""
    code = (code or "").strip()
    return code if re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", code) and code != "und" else "en"


_RTL = {"ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ku", "ps", "sd", "ug", "ur", "yi"}


def text_direction(tag: str) -> str:
    """Return "rtl" for languages written right to left (Arabic, Hebrew, Persian …), else "ltr"."""
    return "rtl" if tag.split("-")[0].lower() in _RTL else "ltr"
