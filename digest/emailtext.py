"""Rules any text bound for the email obeys, shared by config, parse, render, mail and serve.

Kept below every other module (it imports nothing of ours) so that each layer can use the one
definition: the characters XML forbids, one-line text, the unsubscribe token's stand-in, and
the size at which Gmail clips a message.
"""

from __future__ import annotations

import re
from urllib.parse import quote

# Characters XML 1.0 forbids (C0 controls but tab/LF/CR, DEL and C1 controls, lone surrogates,
# U+FFFE/U+FFFF): the MJML step is an XML parser and one of them fails the whole email; a
# surrogate cannot even be written as UTF-8.
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
PREVIEW_TOKEN = "preview"  # stands in for {token} in files rendered for no one in particular
GMAIL_CLIP_BYTES = 102 * 1024  # Gmail clips a message whose HTML passes ~102 KB
_SPACE = re.compile(r"\s+")  # str.split's whitespace: CR, LF, tabs, U+2028 and friends


def xml_safe(text: str) -> str:
    """Return ``text`` without the characters XML 1.0 forbids."""
    return XML_ILLEGAL.sub("", text) if text else ""


def one_line(text: str) -> str:
    """Return ``text`` with every run of whitespace (CR, LF, tabs, U+2028) as one space, stripped."""
    return _SPACE.sub(" ", text or "").strip()


def fill_token(url: str | None, token: str | None) -> str | None:
    """Return the unsubscribe ``url`` with ``{token}`` filled (URL-quoted; ``PREVIEW_TOKEN``
    when None), or None when there is no URL or it holds a space, control, ``<``, ``>`` or
    ``"`` (it could end the attribute or the List-Unsubscribe header it goes into)."""
    if not url or any(ord(c) <= 32 or ord(c) == 127 or c in '<>"' for c in url):
        return None
    return url.replace("{token}", quote(token or PREVIEW_TOKEN, safe=""))
