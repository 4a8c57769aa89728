"""ESP payloads against each provider's documented send-API body.

Shapes checked (from the providers' API references):
- Postmark POST /email/batch: array of {From, To, Subject, HtmlBody, TextBody, ReplyTo,
  Headers: [{Name, Value}], MessageStream}; at most 500 messages.
- SendGrid POST /v3/mail/send: {personalizations: [{to: [{email}], headers, substitutions}],
  from: {email, name}, reply_to, subject, content: [{type: "text/plain", value}, {type:
  "text/html", value}]} (text/plain first); at most 1000 personalizations.
- Mailgun POST /v3/DOMAIN/messages (form fields): from, to (repeated), subject, text, html,
  h:<Header>, recipient-variables (a JSON string); %recipient.KEY% is substituted.
- SES v2 SendEmail: {FromEmailAddress, Destination: {ToAddresses}, ReplyToAddresses,
  Content: {Simple: {Subject: {Data, Charset}, Body: {Text, Html}, Headers: [{Name, Value}]}}}.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from digest import deliver
from digest.config import Config, DigestSettings, EmailSettings
from digest.errors import DigestError
from digest.esp import MAILGUN_TAG, SENDGRID_TAG, mailgun, payload, postmark, sendgrid, ses
from digest.render import RenderSettings, render_digest
from digest.send import unsubscribe_token
from tests.builders import NOW, make_digest

TO = ("ann@example.org", "bob@example.net")
SECRET = "test-secret"
FROM = "The Daily Brief <brief@example.com>"


def config(tmp_path: Path, **email) -> Config:
    values = {"sender": FROM, "to": TO, "reply_to": "Desk <desk@example.com>",
              "unsubscribe_url": "https://example.com/unsubscribe?u={token}"}
    values.update(email)
    return Config(path=tmp_path / "config.toml", digest=DigestSettings(), feeds=(),
                  email=EmailSettings(**values))


def letters(tmp_path: Path, **email):
    """Per-recipient messages made the way `digest send` makes them, from files in tmp_path."""
    cfg = config(tmp_path, **email)
    digest = make_digest()
    rendered = render_digest(digest, settings=RenderSettings.from_config(cfg))
    (tmp_path / "digest.html").write_text(rendered.html, encoding="utf-8")
    (tmp_path / "digest.txt").write_text(rendered.text, encoding="utf-8")
    return deliver.make_letters(digest, cfg, out_dir=tmp_path, now=NOW, secret=SECRET)


@pytest.fixture(scope="module")
def tokened(tmp_path_factory):
    return letters(tmp_path_factory.mktemp("esp"))


def token(address: str) -> str:
    return unsubscribe_token(address, secret=SECRET)


def test_each_letter_carries_its_own_token_and_no_placeholder(tokened):
    for letter in tokened:
        raw = letter.message.as_string()
        assert letter.token == token(letter.recipient)
        assert letter.message["List-Unsubscribe"].startswith(f"<https://example.com/unsubscribe?u={letter.token}>")
        html = letter.message.get_body(("html",)).get_content()
        text = letter.message.get_body(("plain",)).get_content()
        assert f"u={letter.token}" in html and f"u={letter.token}" in text
        assert deliver.TOKEN_PLACEHOLDER not in raw and "preview" not in html.split("unsubscribe?u=")[1][:40]
        assert letter.message["To"] == letter.recipient


def test_postmark_is_a_batch_array_of_documented_message_objects(tokened):
    body = postmark(tokened)
    assert isinstance(body, list) and len(body) == 2
    for message, letter in zip(body, tokened):
        assert list(message) == ["From", "To", "Subject", "HtmlBody", "TextBody", "ReplyTo", "Headers",
                                 "MessageStream"]
        assert message["From"] == FROM and message["To"] == letter.recipient
        assert message["ReplyTo"] == "Desk <desk@example.com>"
        assert message["Subject"] == str(letter.message["Subject"])
        assert message["HtmlBody"].lstrip().lower().startswith("<!doctype html>")
        assert letter.token in message["HtmlBody"] and letter.token in message["TextBody"]
        assert message["Headers"] == [
            {"Name": "List-Unsubscribe", "Value": f"<https://example.com/unsubscribe?u={letter.token}>"},
            {"Name": "List-Unsubscribe-Post", "Value": "List-Unsubscribe=One-Click"},
        ]
        assert message["MessageStream"] == "broadcast"


def test_sendgrid_shares_content_and_personalises_to_headers_and_token(tokened):
    body = sendgrid(tokened)
    assert set(body) == {"personalizations", "from", "reply_to", "subject", "content"}
    assert body["from"] == {"email": "brief@example.com", "name": "The Daily Brief"}
    assert body["reply_to"] == {"email": "desk@example.com", "name": "Desk"}
    assert [c["type"] for c in body["content"]] == ["text/plain", "text/html"]
    assert all(isinstance(c["value"], str) and SENDGRID_TAG in c["value"] for c in body["content"])
    assert not any(token(a) in c["value"] for c in body["content"] for a in TO)
    for item, address in zip(body["personalizations"], TO):
        assert item["to"] == [{"email": address}]
        assert item["substitutions"] == {SENDGRID_TAG: token(address)}
        assert item["headers"]["List-Unsubscribe"] == f"<https://example.com/unsubscribe?u={token(address)}>"
        assert item["headers"]["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # Substituting gives each recipient exactly the body SMTP would send them.
    for item, letter in zip(body["personalizations"], tokened):
        html = body["content"][1]["value"].replace(SENDGRID_TAG, item["substitutions"][SENDGRID_TAG])
        assert html == letter.message.get_body(("html",)).get_content()


def test_mailgun_form_fields_batch_with_recipient_variables(tokened):
    fields = mailgun(tokened)
    assert set(fields) == {"from", "to", "subject", "text", "html", "h:Reply-To", "h:List-Unsubscribe",
                           "h:List-Unsubscribe-Post", "recipient-variables"}
    assert fields["from"] == FROM and fields["to"] == list(TO)
    assert json.loads(fields["recipient-variables"]) == {a: {"token": token(a)} for a in TO}
    assert fields["h:List-Unsubscribe"] == f"<https://example.com/unsubscribe?u={MAILGUN_TAG}>"
    assert MAILGUN_TAG in fields["html"] and MAILGUN_TAG in fields["text"]
    assert all(isinstance(v, str) for k, v in fields.items() if k != "to")


def test_ses_is_one_send_email_request_per_recipient(tokened):
    body = ses(tokened)
    assert len(body) == 2
    for request, letter in zip(body, tokened):
        assert set(request) == {"FromEmailAddress", "Destination", "ReplyToAddresses", "Content"}
        assert request["FromEmailAddress"] == FROM
        assert request["Destination"] == {"ToAddresses": [letter.recipient]}
        assert request["ReplyToAddresses"] == ["desk@example.com"]
        simple = request["Content"]["Simple"]
        assert set(simple) == {"Subject", "Body", "Headers"}
        assert simple["Subject"] == {"Data": str(letter.message["Subject"]), "Charset": "UTF-8"}
        assert set(simple["Body"]) == {"Text", "Html"}
        assert simple["Body"]["Html"]["Charset"] == "UTF-8" and letter.token in simple["Body"]["Html"]["Data"]
        assert {"Name": "List-Unsubscribe-Post", "Value": "List-Unsubscribe=One-Click"} in simple["Headers"]


def test_without_token_or_reply_to_the_optional_fields_are_left_out(tmp_path):
    plain = letters(tmp_path, unsubscribe_url="https://example.com/unsubscribe", reply_to=None)
    assert all(x.token is None for x in plain)
    assert "ReplyTo" not in postmark(plain)[0]
    grid = sendgrid(plain)
    assert "reply_to" not in grid and all("substitutions" not in p for p in grid["personalizations"])
    assert json.loads(mailgun(plain)["recipient-variables"]) == {a: {} for a in TO}
    assert "ReplyToAddresses" not in ses(plain)[0]


def test_letters_that_differ_beyond_the_token_cannot_share_one_batch(tokened):
    odd = replace(tokened[1], token="not-in-the-body")
    with pytest.raises(DigestError, match="differs from the others"):
        sendgrid([tokened[0], odd])


def test_unknown_format_and_no_recipients_are_user_errors(tokened):
    with pytest.raises(DigestError, match="unknown export format 'carrier-pigeon'"):
        payload("carrier-pigeon", tokened)
    with pytest.raises(DigestError, match="no recipients"):
        payload("postmark", [])


def test_payloads_serialise_to_json(tokened):
    for name in ("postmark", "sendgrid", "mailgun", "ses"):
        assert json.loads(deliver.export_payload(name, tokened)) == payload(name, tokened)
