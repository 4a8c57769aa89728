"""ESP payloads: the JSON body each mail service's send API takes, built from our messages.

Every payload is made from the very per-recipient messages ``digest send`` would hand to SMTP,
so subject, bodies and List-Unsubscribe headers are the same whichever way the digest leaves.
Each recipient gets a message of their own (nobody sees the other addresses):

- ``postmark``: an array for ``POST https://api.postmarkapp.com/email/batch`` (From, To,
  Subject, HtmlBody, TextBody, ReplyTo, Headers [{Name, Value}], MessageStream).
- ``sendgrid``: one body for ``POST https://api.sendgrid.com/v3/mail/send`` with one
  ``personalizations`` entry per recipient; per-recipient tokens travel as ``substitutions``.
- ``mailgun``: the form fields for ``POST https://api.mailgun.net/v3/DOMAIN/messages`` (from,
  to, subject, text, html, ``h:`` headers, ``recipient-variables`` for batch sending).
- ``ses``: an array of SESv2 ``SendEmail`` requests (``POST /v2/email/outbound-emails``), one
  per recipient: FromEmailAddress, Destination, Content.Simple {Subject, Body, Headers}.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import getaddresses, parseaddr
from typing import Any

from digest.errors import DigestError

SENDGRID_TAG = "-digest-token-"  # substitution tag SendGrid replaces with each recipient's token
MAILGUN_TAG = "%recipient.token%"  # Mailgun's recipient-variable reference
SENDGRID_MAX = 1000  # personalizations per request (SendGrid's limit)
MAILGUN_MAX = 1000  # recipients per batch request (Mailgun's limit)
POSTMARK_MAX = 500  # messages per batch request (Postmark's limit)
POSTMARK_STREAM = "broadcast"  # Postmark's default stream for newsletters (not transactional)
_PASSED_HEADERS = ("List-Unsubscribe", "List-Unsubscribe-Post")


@dataclass(frozen=True)
class Letter:
    """One recipient's finished message."""

    recipient: str  # bare address
    message: EmailMessage  # the multipart/alternative message built for them
    token: str | None = None  # their unsubscribe token, when the URL holds {token}


@dataclass(frozen=True)
class _Parts:
    """What every payload needs from one message."""

    sender: str
    subject: str
    reply_to: str | None
    text: str
    html: str
    headers: tuple[tuple[str, str], ...]


def _parts(message: EmailMessage) -> _Parts:
    """Read the fields the payloads need from ``message``."""
    text, html = message.get_body(("plain",)), message.get_body(("html",))
    if text is None or html is None:
        raise DigestError("the message lacks a text or an HTML part: run `digest render` again")
    return _Parts(
        sender=str(message["From"]), subject=str(message["Subject"]),
        reply_to=str(message["Reply-To"]) if message["Reply-To"] else None,
        text=text.get_content(), html=html.get_content(),
        headers=tuple((n, str(message[n])) for n in _PASSED_HEADERS if message[n]),
    )


def _check_count(letters: Sequence[Letter], limit: int, name: str) -> None:
    if not letters:
        raise DigestError("no recipients: add addresses to [email] to")
    if len(letters) > limit:
        raise DigestError(f"{name} takes at most {limit} recipients per request; this digest "
                          f"has {len(letters)}: send in batches or use `digest send`")


def postmark(letters: Sequence[Letter]) -> list[dict[str, Any]]:
    """Return the Postmark batch body: one message object per recipient."""
    _check_count(letters, POSTMARK_MAX, "Postmark's batch API")
    out = []
    for letter in letters:
        p = _parts(letter.message)
        body: dict[str, Any] = {"From": p.sender, "To": letter.recipient, "Subject": p.subject,
                                "HtmlBody": p.html, "TextBody": p.text}
        if p.reply_to:
            body["ReplyTo"] = p.reply_to
        body["Headers"] = [{"Name": n, "Value": v} for n, v in p.headers]
        body["MessageStream"] = POSTMARK_STREAM
        out.append(body)
    return out


def sendgrid(letters: Sequence[Letter]) -> dict[str, Any]:
    """Return the SendGrid v3 mail/send body: shared content, one personalization per recipient."""
    _check_count(letters, SENDGRID_MAX, "SendGrid's mail/send API")
    base = _shared(letters, SENDGRID_TAG)
    personalizations = []
    for letter in letters:
        own = _parts(letter.message)
        item: dict[str, Any] = {"to": [{"email": letter.recipient}]}
        if own.headers:
            item["headers"] = dict(own.headers)
        if letter.token:
            item["substitutions"] = {SENDGRID_TAG: letter.token}
        personalizations.append(item)
    body: dict[str, Any] = {"personalizations": personalizations, "from": _sendgrid_address(base.sender)}
    if base.reply_to:
        body["reply_to"] = _sendgrid_address(base.reply_to)
    body["subject"] = base.subject
    # SendGrid wants text/plain before text/html.
    body["content"] = [{"type": "text/plain", "value": base.text}, {"type": "text/html", "value": base.html}]
    return body


def _sendgrid_address(value: str) -> dict[str, str]:
    name, address = parseaddr(value)
    return {"email": address, "name": name} if name else {"email": address}


def mailgun(letters: Sequence[Letter]) -> dict[str, Any]:
    """Return Mailgun's form fields for one batch send (a list value means a repeated field)."""
    _check_count(letters, MAILGUN_MAX, "Mailgun's batch sending")
    base = _shared(letters, MAILGUN_TAG)
    fields: dict[str, Any] = {"from": base.sender, "to": [x.recipient for x in letters],
                              "subject": base.subject, "text": base.text, "html": base.html}
    if base.reply_to:
        fields["h:Reply-To"] = base.reply_to
    for name, value in base.headers:
        fields[f"h:{name}"] = value
    # Recipient variables make Mailgun send each address a message of its own.
    variables = {x.recipient: ({"token": x.token} if x.token else {}) for x in letters}
    fields["recipient-variables"] = json.dumps(variables, sort_keys=True)
    return fields


def ses(letters: Sequence[Letter]) -> list[dict[str, Any]]:
    """Return one SESv2 SendEmail request per recipient."""
    _check_count(letters, 10**6, "SES")
    out = []
    for letter in letters:
        p = _parts(letter.message)
        utf8 = lambda data: {"Data": data, "Charset": "UTF-8"}  # noqa: E731
        request: dict[str, Any] = {
            "FromEmailAddress": p.sender,
            "Destination": {"ToAddresses": [letter.recipient]},
        }
        if p.reply_to:
            request["ReplyToAddresses"] = [a for _, a in getaddresses([p.reply_to])]
        request["Content"] = {"Simple": {
            "Subject": utf8(p.subject),
            "Body": {"Text": utf8(p.text), "Html": utf8(p.html)},
            "Headers": [{"Name": n, "Value": v} for n, v in p.headers],
        }}
        out.append(request)
    return out


def _shared(letters: Sequence[Letter], tag: str) -> _Parts:
    """The first message with its token replaced by ``tag``: the body every recipient shares.

    Checks that every other message reduces to the same thing, so the service's substitution
    gives each recipient exactly the message SMTP would have sent them.
    """
    def reduce(letter: Letter) -> _Parts:
        p = _parts(letter.message)
        if not letter.token:
            return p
        swap = lambda s: s.replace(letter.token, tag)  # noqa: E731
        return _Parts(p.sender, p.subject, p.reply_to, swap(p.text), swap(p.html),
                      tuple((n, swap(v)) for n, v in p.headers))

    first = reduce(letters[0])
    for letter in letters[1:]:
        other = reduce(letter)
        if (other.subject, other.text, other.html) != (first.subject, first.text, first.html):
            raise DigestError(f"the message for {letter.recipient} differs from the others beyond "
                              "its token; it cannot go in one batch request")
    return first


FORMATS: dict[str, Callable[[Sequence[Letter]], Any]] = {
    "postmark": postmark, "sendgrid": sendgrid, "mailgun": mailgun, "ses": ses,
}


def payload(format: str, letters: Sequence[Letter]) -> Any:
    """Return the JSON-ready payload of ``format`` (postmark, sendgrid, mailgun, ses)."""
    try:
        build = FORMATS[format]
    except KeyError:
        raise DigestError(f"unknown export format {format!r}: use one of {', '.join(FORMATS)}") from None
    return build(letters)
