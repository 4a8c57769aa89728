"""HTML fragments from feeds -> clean plain text: paragraphs kept, whitespace squashed, and
no character (or numeric reference to one) that XML forbids."""

from __future__ import annotations

import re
from typing import Any, AnyStr

import lxml.html
from lxml import etree

from digest.emailtext import XML_ILLEGAL, xml_safe

_CHAR_REF = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));")
_CHAR_REF_BYTES = re.compile(_CHAR_REF.pattern.encode())


def drop_illegal_refs(markup: AnyStr) -> AnyStr:
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
    return not 0x80 <= code <= 0x9F and bool(XML_ILLEGAL.match(chr(code)))


_BLOCKS = frozenset("""address article aside blockquote br dd div dl dt figcaption figure footer
form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody td th thead tr ul
""".split())
_DROP = ("script", "style", "noscript", "template", "iframe", "head",
         "title", "svg", "math", "select", "button")
# Unwrapped, not dropped: an object's children are the fallback text a browser shows, and
# libxml2 reads the (void) embed as a container that swallows the text after it.
_UNWRAP = ("object", "embed")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*>", re.IGNORECASE)


def _cp1252(code: int) -> str:
    try:
        return bytes([code]).decode("cp1252")
    except UnicodeDecodeError:  # 0x81, 0x8D, 0x8F, 0x90, 0x9D name nothing
        return ""


_C1_REF = re.compile(r"&#(?:0*(1[2-5]\d)|[xX]0*([89][0-9a-fA-F]));")  # leading zeros too: "&#0150;"


def _c1_ref(match: re.Match[str]) -> str:
    code = int(match.group(1)) if match.group(1) else int(match.group(2), 16)
    return _cp1252(code) if 0x80 <= code <= 0x9F else match.group(0)


def html_to_text(html: str) -> str:
    """Plain text of an HTML fragment: paragraphs joined by blank lines, spaces normalised."""
    if not html or not html.strip():
        return ""
    html = _prepared(html)
    if "<" not in html:
        text = html if "&" not in html else _references_decoded(html)
        if text is not None:
            return squash_paragraphs(text)
    elif _BARE_PARAGRAPHS.fullmatch(html):
        return squash_paragraphs(_P_TAG.sub("\n\n", html))
    return _parsed_text(html)


def _prepared(html: str) -> str:
    """``html`` without an XML declaration, XML-illegal characters or references to them;
    "&#146;" is the Windows-1252 ’ (HTML5 reads it so; older lxml makes it a control, then lost)."""
    return drop_illegal_refs(_C1_REF.sub(_c1_ref, xml_safe(_XML_DECL.sub("", html))))


# Bare paragraphs (no attribute, entity or other tag, no CR, which libxml2 reads as a line end)
# need no parser: lxml would give the same paragraphs (tests/test_parse.py compares the two on
# every character). Many feeds send their content so.
_BARE_PARAGRAPHS = re.compile(r"[ \t\n]*(?:<p>[^<&\r]*</p>[ \t\n]*)+")
_P_TAG = re.compile(r"</?p>")
# Text with no tag whose every "&" opens one of these references needs no parser either: lxml
# reads each as the character it names (tests/test_parse.py compares every character reference).
# Not a C1 number: lxml reads those as Windows-1252.
_REFERENCE = re.compile(r"&(?:(amp|lt|gt|quot|apos)|#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6}));")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}


def _references_decoded(text: str) -> str | None:
    """``text`` with its references decoded, or None when an "&" opens anything else."""
    found = _REFERENCE.findall(text)
    codes = [int(dec) if dec else int(hexa, 16) for name, dec, hexa in found if not name]
    if len(found) != text.count("&") or any(0x80 <= code <= 0x9F for code in codes):
        return None
    return _REFERENCE.sub(_decoded, text)


def _decoded(match: re.Match[str]) -> str:
    name, dec, hexa = match.groups()
    return _NAMED[name] if name else chr(int(dec) if dec else int(hexa, 16))


def _parsed_text(html: str) -> str:
    """The text of ``html`` as lxml reads it, blocks set apart by blank lines."""
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return squash_paragraphs(html)
    for bad in list(root.iter(*_DROP)):
        bad.drop_tree()
    for shell in list(root.iter(*_UNWRAP)):
        shell.drop_tag()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCKS:
            element.text = "\n\n" + (element.text or "")
            element.tail = "\n\n" + (element.tail or "")
    return squash_paragraphs(root.text_content())


_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def squash_paragraphs(text: str) -> str:
    """Collapse whitespace inside paragraphs; paragraphs (blank-line separated) kept; XML-illegal
    characters dropped (every multi-paragraph text field of every feed format passes here)."""
    paragraphs = (" ".join(p.split()) for p in _PARAGRAPH_BREAK.split(xml_safe(text or "")))
    return "\n\n".join(p for p in paragraphs if p)


def squash(text: str) -> str:
    """One line: every run of whitespace (CR/LF included) becomes one space; XML-illegal
    characters dropped (every one-line text field of every feed format passes here)."""
    return " ".join(xml_safe(text or "").split())


def plain(html: Any) -> str:
    """Plain one-line text of a short HTML field (titles, names)."""
    if not isinstance(html, str):
        return ""
    return squash(html_to_text(html).replace("\n\n", " "))
