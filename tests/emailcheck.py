"""A reusable checker for a rendered email: what mailbox providers and email frameworks expect.

``check_email(html, text, eml)`` returns a list of problems in plain words (empty when all is
well); each argument is optional so a test can check one face alone. It knows nothing of our
templates' class names: any digest-like email can be checked with it.
"""

from __future__ import annotations

import re
from email import policy
from email.parser import BytesParser

import lxml.html

from digest.emailtext import GMAIL_CLIP_BYTES

STYLE_MAX_BYTES = 16 * 1024  # Gmail ignores a <style> block past 16 KB
TEXT_WIDTH = 78
MIN_FONT_PX = 14.0
MIN_CONTRAST = 4.5
SAFE_SCHEMES = ("http", "https", "mailto")
FORBIDDEN_TAGS = ("script", "form", "iframe", "object", "embed", "frame", "frameset", "applet",
                  "base", "input", "button", "textarea", "select")
VAGUE_LINK_TEXT = {"here", "click here", "click", "read more", "more", "link", "this", "this link",
                   "learn more", "go", "continue", "read", "view", "details"}
PREHEADER_FILLER = "\u034f\u200c\u00a0\u2007\u200b\ufeff\u00ad \t\r\n"
SINGLE_HEADERS = ("From", "To", "Subject", "Date", "Message-ID", "MIME-Version")


def check_email(html: str | None = None, text: str | None = None, eml: bytes | None = None,
                *, unsubscribe_url: str | None = None) -> list[str]:
    """Return every problem found in the HTML, the plain text and the MIME message given."""
    problems: list[str] = []
    if html is not None:
        problems += check_html(html)
    if text is not None:
        problems += check_text(text, unsubscribe_url=unsubscribe_url)
    if eml is not None:
        problems += check_mime(eml, html=html, text=text)
    return problems


# --- HTML ------------------------------------------------------------------------------


def check_html(html: str) -> list[str]:
    """Return the problems of an email's final HTML."""
    problems = _check_raw(html)
    doc = lxml.html.document_fromstring(html)
    for check in (_check_head, _check_tables, _check_headings, _check_images, _check_preheader,
                  _check_links, _check_forbidden, _check_font_sizes, _check_contrast):
        problems += check(doc)
    return problems


def _check_raw(html: str) -> list[str]:
    """Checks on the source string: size, style blocks, doctype, conditional comments."""
    problems = []
    size = len(html.encode("utf-8"))
    if size >= GMAIL_CLIP_BYTES:
        problems.append(f"html is {size} bytes: Gmail clips past {GMAIL_CLIP_BYTES}")
    for i, css in enumerate(re.findall(r"<style[^>]*>(.*?)</style>", html, re.S | re.I), 1):
        if len(css.encode("utf-8")) > STYLE_MAX_BYTES:
            problems.append(f"<style> block {i} is {len(css.encode())} bytes: Gmail drops > 16 KB")
    if not re.match(r"\s*<!doctype html>", html, re.I):
        problems.append("the doctype is missing: html must start with <!doctype html>")
    opened = len(re.findall(r"<!--\[if", html))
    closed = len(re.findall(r"<!\[endif\]-->", html))
    if opened != closed:
        problems.append(f"Outlook conditional comments unbalanced: {opened} opened, {closed} closed")
    if not _comments_nest(html):
        problems.append("Outlook conditional comments close before they open")
    if re.search(r"<\s*script", html, re.I):
        problems.append("html contains <script> (even inside a comment)")
    return problems


def _comments_nest(html: str) -> bool:
    depth = 0
    for token in re.findall(r"<!--\[if|<!\[endif\]-->", html):
        depth += 1 if token.startswith("<!--") else -1
        if depth < 0:
            return False
    return True


def _check_head(doc) -> list[str]:
    problems = []
    lang = (doc.get("lang") or "").strip()
    if not lang or lang.lower() == "und":
        problems.append(f"<html lang> must name the language, got {lang!r}")
    metas = doc.xpath('//meta[@name="color-scheme"]')
    if not metas or "dark" not in (metas[0].get("content") or ""):
        problems.append('missing <meta name="color-scheme" content="light dark">')
    css = " ".join(s.text or "" for s in doc.iter("style"))
    if "prefers-color-scheme" not in css:
        problems.append("no @media (prefers-color-scheme: dark) rules in a <style> block")
    if "[data-ogsc]" not in css:
        problems.append("no Outlook.com [data-ogsc] dark-mode rules in a <style> block")
    if not doc.xpath('//meta[@name="viewport"]'):
        problems.append("missing the viewport meta tag")
    return problems


def _check_tables(doc) -> list[str]:
    bad = [t for t in doc.iter("table") if t.get("role") != "presentation"]
    return [f"{len(bad)} layout table(s) without role=\"presentation\""] if bad else []


def _check_headings(doc) -> list[str]:
    levels = [int(h.tag[1]) for h in doc.iter("h1", "h2", "h3", "h4", "h5", "h6")]
    problems = []
    if levels.count(1) != 1:
        problems.append(f"expected exactly one <h1>, found {levels.count(1)}")
    if levels and levels[0] != 1:
        problems.append(f"the first heading is h{levels[0]}, not h1")
    for before, after in zip(levels, levels[1:], strict=False):
        if after > before + 1:
            problems.append(f"heading level skipped: h{before} followed by h{after}")
    return problems


def _check_images(doc) -> list[str]:
    return [f"<img src={img.get('src')!r}> has no alt attribute"
            for img in doc.iter("img") if img.get("alt") is None]


def _check_preheader(doc) -> list[str]:
    body = doc.find("body")
    hidden = next((d for d in body.iter("div") if _is_hidden(d)), None) if body is not None else None
    if hidden is None:
        return ["no hidden preheader at the top of the body"]
    raw = hidden.text_content()
    words = raw.strip(PREHEADER_FILLER)
    words = re.split(f"[{PREHEADER_FILLER[:-4]}]{{3,}}", words)[0].strip()
    problems = []
    if not 40 <= len(words) <= 130:
        problems.append(f"preheader is {len(words)} characters, want 40-130: {words!r}")
    if len(raw) - len(words) < 40:
        problems.append("preheader has no filler after it: clients will show body text")
    return problems


def _check_links(doc) -> list[str]:
    problems = []
    ids = {e.get("id") for e in doc.iter() if isinstance(e.tag, str) and e.get("id")}
    for a in doc.iter("a"):
        href = (a.get("href") or "").strip()
        label = " ".join(a.text_content().split()) or " ".join(i.get("alt") or "" for i in a.iter("img"))
        if href.startswith("#"):
            if href[1:] not in ids:
                problems.append(f"link to {href} has no matching id")
        elif href and href.split(":", 1)[0].lower() not in SAFE_SCHEMES:
            problems.append(f"unsafe link scheme: {href[:60]!r}")
        elif not href:
            problems.append(f"link {label!r} has no href")
        if not label.strip():
            problems.append(f"link to {href[:60]!r} has no text")
        elif label.lower().strip(" .:!…") in VAGUE_LINK_TEXT:
            problems.append(f"link text {label!r} means nothing out of context")
    return problems


def _check_forbidden(doc) -> list[str]:
    problems = [f"forbidden <{el.tag}> element" for el in doc.iter(*FORBIDDEN_TAGS)]
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        for name, value in el.attrib.items():
            if name.lower().startswith("on"):
                problems.append(f"event handler attribute {name} on <{el.tag}>")
            if name in ("href", "src", "action") and re.match(r"\s*(javascript|data|vbscript):", value, re.I):
                problems.append(f"unsafe {name}={value[:40]!r} on <{el.tag}>")
    for meta in doc.xpath("//meta[@http-equiv]"):
        if meta.get("http-equiv").lower() == "refresh":
            problems.append("meta refresh")
    return problems


def _check_font_sizes(doc) -> list[str]:
    problems = set()
    for el in _text_elements(doc):
        size = _inherited(el, "font-size")
        px = _px(size) if size else None
        if px is not None and px < MIN_FONT_PX:
            problems.add(f"text {_snippet(el)!r} is {size}: below {MIN_FONT_PX:g}px")
    return sorted(problems)


def _check_contrast(doc) -> list[str]:
    """Light-mode contrast from the inlined colours (the browser test covers dark mode)."""
    problems = set()
    for el in _text_elements(doc):
        fg, bg = _rgb(_inherited(el, "color")), _background(el)
        if fg and bg and (ratio := contrast(fg, bg)) < MIN_CONTRAST:
            problems.add(f"text {_snippet(el)!r} has contrast {ratio:.2f}:1, below 4.5:1")
    return sorted(problems)


# --- HTML helpers ------------------------------------------------------------------------


def _styles(el) -> dict[str, str]:
    out = {}
    for decl in (el.get("style") or "").split(";"):
        if ":" in decl:
            k, v = decl.split(":", 1)
            out[k.strip().lower()] = v.strip().lower().replace("!important", "").strip()
    return out


def _is_hidden(el) -> bool:
    s = _styles(el)
    return s.get("display") == "none"


def _text_elements(doc):
    """Yield elements with their own visible, non-blank text, outside hidden subtrees."""
    body = doc.find("body")
    for el in body.iter() if body is not None else ():
        if not isinstance(el.tag, str) or el.tag in ("style", "title"):
            continue
        own = (el.text or "") + "".join(c.tail or "" for c in el)
        if own.strip() and not any(_is_hidden(a) for a in el.iterancestors()) and not _is_hidden(el):
            yield el


def _inherited(el, prop: str) -> str | None:
    for node in [el, *el.iterancestors()]:
        value = _styles(node).get(prop)
        if value and value != "inherit":
            return value
    return None


def _background(el) -> tuple[float, float, float] | None:
    for node in [el, *el.iterancestors()]:
        s = _styles(node)
        for value in (s.get("background-color"), s.get("background"), node.get("bgcolor")):
            if value and value != "transparent":
                rgb = _rgb(value.split()[0])
                if rgb:
                    return rgb
    return (1.0, 1.0, 1.0)  # an email client's canvas is white unless told otherwise


def _px(value: str) -> float | None:
    m = re.match(r"([\d.]+)(px|pt)?$", value.strip())
    if not m:
        return None  # em, %, keywords: relative to something we cannot see statically
    number = float(m.group(1))
    return number * 4 / 3 if m.group(2) == "pt" else number


def _snippet(el) -> str:
    return " ".join(el.text_content().split())[:40]


def _rgb(value: str | None) -> tuple[float, float, float] | None:
    m = re.fullmatch(r"#([0-9a-f]{3}|[0-9a-f]{6})", (value or "").strip().lower())
    if not m:
        return None
    h = m.group(1)
    h = "".join(c * 2 for c in h) if len(h) == 3 else h
    return tuple(int(h[i:i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def luminance(rgb: tuple[float, float, float]) -> float:
    """WCAG relative luminance of 0-1 sRGB components."""
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    """WCAG contrast ratio between two 0-1 sRGB colours."""
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


# --- plain text --------------------------------------------------------------------------


def check_text(text: str, *, unsubscribe_url: str | None = None) -> list[str]:
    """Return the problems of the plain-text twin."""
    problems = []
    lines = text.splitlines()
    for n, line in enumerate(lines, 1):
        if len(line) > TEXT_WIDTH and not re.fullmatch(r"\s*(https?://|mailto:)\S+", line):
            problems.append(f"text line {n} is {len(line)} characters (max {TEXT_WIDTH}): {line[:40]!r}…")
    cited = set(re.findall(r"(?<!^)\[(\d+)\]", text, re.M))
    defined = set(re.findall(r"^\[(\d+)\] ", text, re.M))
    if cited - defined:
        problems.append(f"text cites [{', '.join(sorted(cited - defined))}] with no reference line")
    if defined - cited:
        problems.append(f"text lists references [{', '.join(sorted(defined - cited))}] nothing cites")
    if re.search(r"<(a|p|div|br|table)\b", text, re.I):
        problems.append("text contains HTML tags")
    tail = [line for line in lines if line.strip()][-3:]
    if unsubscribe_url and (not tail or tail[-1].strip() != unsubscribe_url):
        problems.append(f"text does not end with the unsubscribe URL {unsubscribe_url}")
    elif not any("unsubscribe" in line.lower() for line in tail):
        problems.append("text does not end with an unsubscribe link")
    return problems


# --- MIME --------------------------------------------------------------------------------


def check_mime(eml: bytes, *, html: str | None = None, text: str | None = None) -> list[str]:
    """Return the problems of a serialised message (and whether it carries ``html``/``text``)."""
    problems = _check_wire(eml)
    msg = BytesParser(policy=policy.default).parsebytes(eml)
    problems += _check_headers(msg)
    if msg.get_content_type() != "multipart/alternative":
        return problems + [f"top-level type is {msg.get_content_type()}, want multipart/alternative"]
    parts = list(msg.iter_parts())
    kinds = [p.get_content_type() for p in parts]
    if kinds != ["text/plain", "text/html"]:
        problems.append(f"parts are {kinds}, want text/plain then text/html")
    for part in parts:
        if (part.get_content_charset() or "").lower() != "utf-8":
            problems.append(f"{part.get_content_type()} charset is {part.get_content_charset()}, want utf-8")
        if part.get("Content-Transfer-Encoding", "").lower() != "quoted-printable":
            problems.append(f"{part.get_content_type()} is not quoted-printable")
    bodies = {p.get_content_type(): p.get_content() for p in parts}
    if text is not None and bodies.get("text/plain", "").replace("\r\n", "\n") != text:
        problems.append("text/plain part differs from the plain text")
    if html is not None and bodies.get("text/html", "").replace("\r\n", "\n") != html.replace("\r\n", "\n"):
        problems.append("text/html part differs from the HTML")
    return problems


def _check_wire(eml: bytes) -> list[str]:
    problems = []
    if re.search(rb"(?<!\r)\n", eml) or re.search(rb"\r(?!\n)", eml):
        problems.append("message has bare LF or CR: lines must end in CRLF")
    longest = max(len(line) for line in eml.split(b"\r\n"))
    if longest > 998:
        problems.append(f"message has a {longest}-byte line (max 998)")
    if any(b > 127 for b in eml):
        problems.append("message has raw 8-bit bytes: encode the body and headers")
    return problems


def _check_headers(msg) -> list[str]:
    problems = []
    for name in SINGLE_HEADERS:
        count = len(msg.get_all(name) or [])
        if count != 1:
            problems.append(f"header {name} appears {count} times, want exactly once")
    for name in ("Bcc", "Cc", "Content-Disposition"):
        if msg.get(name) is not None:
            problems.append(f"unexpected header {name}: a header injection?")
    subject = str(msg.get("Subject", ""))
    if "\r" in subject or "\n" in subject:
        problems.append("Subject holds a line break")
    unsub = str(msg.get("List-Unsubscribe", ""))
    if not re.search(r"<(https?://|mailto:)[^>]+>", unsub):
        problems.append("List-Unsubscribe missing or without an <https://…> or <mailto:…> target")
    if "<https://" in unsub and str(msg.get("List-Unsubscribe-Post", "")) != "List-Unsubscribe=One-Click":
        problems.append("https List-Unsubscribe without List-Unsubscribe-Post: List-Unsubscribe=One-Click")
    return problems
