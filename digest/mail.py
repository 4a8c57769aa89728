"""The MIME message: a Rendered email wrapped as RFC 5322 multipart/alternative.

This part is self-contained: it builds and serialises a message and talks to nobody. Senders
(SMTP, ESP payloads) take the message this module returns.
"""

from __future__ import annotations

import hashlib
import logging
from datetime import datetime
from email import policy
from email.header import decode_header, make_header
from email.message import EmailMessage
from email.utils import format_datetime, parseaddr
from typing import Protocol
from urllib.parse import quote, urlsplit

from digest.config import EmailSettings
from digest.emailtext import fill_token, one_line
from digest.errors import SendError

log = logging.getLogger(__name__)

# CRLF line ends, headers folded at 78, and never a raw 8-bit body: what SMTP wants.
WIRE_POLICY = policy.SMTP.clone(max_line_length=78, cte_type="7bit")


class Rendered(Protocol):
    """What a message is made of (``render.Rendered`` fits; mail does not import render).

    Read-only properties, so that a frozen dataclass satisfies the protocol.
    """

    @property
    def subject(self) -> str: ...  # one line

    @property
    def html(self) -> str: ...  # final HTML

    @property
    def text(self) -> str: ...  # plain-text twin


def build_message(rendered: Rendered, *, email: EmailSettings, now: datetime,
                  recipient: str | None = None, token: str | None = None,
                  message_id: str | None = None) -> EmailMessage:
    """Return the multipart/alternative message for ``rendered`` (text/plain, then text/html).

    Both parts are UTF-8 and quoted-printable. ``recipient`` overrides the configured To;
    ``token`` fills ``{token}`` in List-Unsubscribe (``PREVIEW_TOKEN`` when None). The
    Message-ID, when not given, is derived from the content, the recipient and ``now``, so the
    same inputs give the same bytes.
    """
    msg = EmailMessage(policy=WIRE_POLICY)
    msg["From"] = _header(email.sender)
    to = [recipient] if recipient else list(email.to)
    if not to:
        raise SendError("email.to is empty: add at least one recipient to config.toml")
    msg["To"] = ", ".join(_header(a) for a in to)
    if email.reply_to:
        msg["Reply-To"] = _header(email.reply_to)
    msg["Subject"] = _header(rendered.subject)
    msg["Date"] = format_datetime(now)
    msg["Message-ID"] = message_id or make_message_id(rendered, sender=email.sender,
                                                       now=now, recipient=",".join(to))
    msg["MIME-Version"] = "1.0"
    for name, value in unsubscribe_headers(email, token=token):
        msg[name] = value
    msg.set_content(rendered.text, subtype="plain", charset="utf-8", cte="quoted-printable")
    msg.add_alternative(rendered.html, subtype="html", charset="utf-8", cte="quoted-printable")
    # The library picks a random boundary; one derived from the Message-ID keeps output stable.
    msg.set_boundary("=_digest_" + hashlib.sha256(msg["Message-ID"].encode()).hexdigest()[:24])
    return msg


def message_bytes(msg: EmailMessage) -> bytes:
    """Return ``msg`` serialised for the wire: CRLF line ends, no line over 998 bytes."""
    data = msg.as_bytes(policy=WIRE_POLICY)
    longest = max((len(line) for line in data.split(b"\r\n")), default=0)
    if longest > 998:  # quoted-printable makes this impossible; guard the promise anyway
        raise SendError(f"message has a {longest}-byte line; RFC 5322 allows 998")
    return data


def unsubscribe_headers(email: EmailSettings, *, token: str | None = None) -> list[tuple[str, str]]:
    """Return List-Unsubscribe (and List-Unsubscribe-Post for https, RFC 8058) headers."""
    targets, one_click = [], False
    url = fill_token(email.unsubscribe_url, token)
    if url:
        targets.append(f"<{url}>")
        one_click = urlsplit(url).scheme == "https"
    mailto = _mailto(email.unsubscribe_mailto)
    if mailto:
        targets.append(f"<{mailto}>")
    headers = [("List-Unsubscribe", ", ".join(targets))] if targets else []
    if one_click:
        headers.append(("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"))
    return headers


def make_message_id(rendered: Rendered, *, sender: str, now: datetime, recipient: str = "") -> str:
    """Return a Message-ID hashed from the content, recipient and time, at the sender's domain."""
    digest = hashlib.sha256()
    for part in (rendered.subject, rendered.text, rendered.html, recipient, now.isoformat()):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    domain = parseaddr(sender)[1].rpartition("@")[2] or "digest.invalid"
    return f"<{digest.hexdigest()[:32]}@{domain}>"


def _mailto(value: str | None) -> str | None:
    """Return ``value`` as a mailto: URI with an unsubscribe subject, or None."""
    if not value:
        return None
    value = one_line(value)
    address = value[7:] if value.lower().startswith("mailto:") else value
    if "@" not in address or any(c in address for c in "<>, "):
        log.warning("email.unsubscribe_mailto %r is not an address; left out", value)
        return None
    if "?" in address:
        return f"mailto:{address}"
    return f"mailto:{address}?subject={quote('unsubscribe')}"


def _header(value: str) -> str:
    """Return ``value`` on one line: feed text must never start a header of its own.

    The email library decodes RFC 2047 encoded words (``=?utf-8?b?…?=``) when a header is
    set and writes what they hold out raw, CR/LF included: so encoded words are decoded here
    first, the result is put on one line, and any ``=?`` left is broken up so that nothing
    is decoded again.
    """
    text = one_line(value)
    for _ in range(3):  # nested encodings unwrap one level at a time
        if "=?" not in text:
            break
        try:
            text = one_line(str(make_header(decode_header(text))))
        except (ValueError, LookupError, UnicodeError):
            break
    return text.replace("=?", "= ?")
