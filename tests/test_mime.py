"""mail.py: the MIME message around a rendered digest."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from email import policy
from email.parser import BytesParser

import pytest

from digest.config import EmailSettings
from digest.errors import SendError
from digest.mail import build_message, message_bytes, unsubscribe_headers
from digest.render import Rendered, RenderSettings, render_digest
from tests.builders import NOW, make_brief, make_digest, real_digest
from tests.emailcheck import check_mime

EMAIL = EmailSettings(
    sender="Dáily Brief <brief@example.com>", to=("reader@example.com", "Zoë <zoe@example.org>"),
    unsubscribe_url="https://example.com/unsubscribe?u={token}",
    unsubscribe_mailto="unsubscribe@example.com", postal_address="1 Example Street",
)


@pytest.fixture(scope="module")
def rendered(corpus) -> Rendered:
    return render_digest(real_digest(corpus, 10), settings=RenderSettings(email=EMAIL))


def parse(data: bytes):
    return BytesParser(policy=policy.default).parsebytes(data)


def test_message_passes_the_mime_checker(rendered):
    data = message_bytes(build_message(rendered, email=EMAIL, now=NOW))
    assert check_mime(data, html=rendered.html, text=rendered.text) == []


def test_parts_headers_and_round_trip(rendered):
    msg = parse(message_bytes(build_message(rendered, email=EMAIL, now=NOW, token="tok-1")))
    assert msg.get_content_type() == "multipart/alternative"
    plain, html = msg.iter_parts()
    assert (plain.get_content_type(), html.get_content_type()) == ("text/plain", "text/html")
    assert plain.get_content().replace("\r\n", "\n") == rendered.text
    assert html.get_content().replace("\r\n", "\n") == rendered.html
    assert str(msg["From"]) == "Dáily Brief <brief@example.com>"
    assert msg["To"].addresses[1].display_name == "Zoë"
    assert str(msg["Subject"]) == rendered.subject
    assert msg["Date"].datetime == NOW
    assert msg["MIME-Version"] == "1.0"
    assert str(msg["List-Unsubscribe"]) == (
        "<https://example.com/unsubscribe?u=tok-1>, <mailto:unsubscribe@example.com?subject=unsubscribe>")
    assert str(msg["List-Unsubscribe-Post"]) == "List-Unsubscribe=One-Click"


def test_same_inputs_same_bytes_and_message_id_changes_with_time(rendered):
    one = message_bytes(build_message(rendered, email=EMAIL, now=NOW))
    two = message_bytes(build_message(rendered, email=EMAIL, now=NOW))
    later = parse(message_bytes(build_message(rendered, email=EMAIL, now=NOW + timedelta(days=1))))
    assert one == two
    assert parse(one)["Message-ID"] != later["Message-ID"]
    assert parse(one)["Message-ID"].endswith("@example.com>")


def test_given_message_id_recipient_and_reply_to(rendered):
    email = replace(EMAIL, reply_to="editor@example.com")
    msg = build_message(rendered, email=email, now=NOW, recipient="one@example.net",
                        message_id="<fixed@example.com>")
    assert (msg["Message-ID"], msg["To"], msg["Reply-To"]) == (
        "<fixed@example.com>", "one@example.net", "editor@example.com")


def test_wire_format_is_crlf_7bit_and_short_lines(rendered):
    data = message_bytes(build_message(rendered, email=EMAIL, now=NOW))
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert max(len(line) for line in data.split(b"\r\n")) <= 998
    assert all(b < 128 for b in data)


def test_http_unsubscribe_gets_no_one_click_header():
    email = replace(EMAIL, unsubscribe_url="http://example.com/u/{token}", unsubscribe_mailto=None)
    assert unsubscribe_headers(email, token="t") == [("List-Unsubscribe", "<http://example.com/u/t>")]


def test_mailto_only_and_nothing_configured():
    email = replace(EMAIL, unsubscribe_url=None, unsubscribe_mailto="mailto:off@example.com?subject=stop")
    assert unsubscribe_headers(email) == [("List-Unsubscribe", "<mailto:off@example.com?subject=stop>")]
    assert unsubscribe_headers(EmailSettings()) == []


def test_the_token_is_url_quoted_in_the_header():
    headers = dict(unsubscribe_headers(EMAIL, token="a b&c>"))
    assert headers["List-Unsubscribe"].startswith("<https://example.com/unsubscribe?u=a%20b%26c%3E>")


def test_newlines_in_subject_and_sender_cannot_inject_headers():
    rendered = Rendered(subject="Hi\r\nBcc: victim@example.net", preheader="p" * 40, mjml="",
                        html="<p>x</p>", text="x\n")
    email = replace(EMAIL, sender="Evil\nBcc: x@example.net <brief@example.com>")
    data = message_bytes(build_message(rendered, email=email, now=NOW))
    head = data.split(b"\r\n\r\n", 1)[0]
    assert b"\r\nBcc:" not in head
    assert parse(data)["Bcc"] is None


def test_feed_text_in_a_rendered_digest_reaches_no_header():
    brief = make_brief(headline="Storm\nBcc: victim@example.net")
    settings = RenderSettings(email=replace(EMAIL, subject="{top}"))
    rendered = render_digest(make_digest(stories=(brief,)), settings=settings)
    data = message_bytes(build_message(rendered, email=EMAIL, now=NOW))
    assert check_mime(data) == []
    assert str(parse(data)["Subject"]) == "Storm Bcc: victim@example.net"


@pytest.mark.parametrize("subject", [
    "=?utf-8?b?RG9jayBzdHJpa2UgZW5kcw0KQmNjOiBhdHRhY2tlckBldmlsLmV4YW1wbGUNCkNvbnRlbnQtVHlwZTogdGV4dC9odG1s"
    "DQoNCjxoMT5wd25lZDwvaDE+?=",  # CR/LF, Bcc, Content-Type and a body, base64 in an encoded word
    "=?utf-8?q?Hi=0D=0ABcc:_x@evil.example?=",
    "=?utf-8?b?PT91dGYtOD9xP0hpPTBEPTBBQmNjOl94QGV2aWwuZXhhbXBsZT89?=",  # an encoded word inside one
])
def test_encoded_words_in_feed_text_cannot_inject_headers_or_a_body(subject):
    rendered = Rendered(subject=subject, preheader="p" * 40, mjml="", html="<p>x</p>", text="x\n")
    data = message_bytes(build_message(rendered, email=EMAIL, now=NOW))
    head = data.split(b"\r\n\r\n", 1)[0]
    message = parse(data)
    assert b"\r\nBcc:" not in head and message["Bcc"] is None
    assert message.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in message.iter_parts()] == ["text/plain", "text/html"]
    assert "\n" not in str(message["Subject"]) and "\r" not in str(message["Subject"])


def test_no_recipients_is_a_send_error(rendered):
    with pytest.raises(SendError, match="email.to"):
        build_message(rendered, email=replace(EMAIL, to=()), now=NOW)


def test_date_header_keeps_the_given_offset(rendered):
    now = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)
    assert build_message(rendered, email=EMAIL, now=now)["Date"] == "Mon, 23 Nov 2026 07:00:00 +0000"


# --- the checker catches broken messages ---------------------------------------------------


def _good(rendered) -> bytes:
    return message_bytes(build_message(rendered, email=EMAIL, now=NOW))


MUTATIONS = {
    "bare LF": lambda d: d.replace(b"\r\n", b"\n", 3),
    "long line": lambda d: d.replace(b"\r\n\r\n", b"\r\nX-Long: " + b"a" * 1000 + b"\r\n\r\n", 1),
    "no Message-ID": lambda d: b"\r\n".join(x for x in d.split(b"\r\n") if not x.startswith(b"Message-ID")),
    "two subjects": lambda d: d.replace(b"Subject:", b"Subject: x\r\nSubject:", 1),
    "injected Bcc": lambda d: d.replace(b"Subject:", b"Bcc: a@example.net\r\nSubject:", 1),
    "html first": lambda d: d.replace(b"text/plain", b"text/xxx", 1).replace(b"text/html", b"text/plain", 1)
                             .replace(b"text/xxx", b"text/html", 1),
    "no post": lambda d: d.replace(b"List-Unsubscribe-Post", b"X-Nothing", 1),
    "8bit": lambda d: d.replace(b"Content-Transfer-Encoding: quoted-printable", b"Content-Transfer-Encoding: 8bit", 1),
}


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_mime_checker_catches(rendered, name):
    good = _good(rendered)
    bad = MUTATIONS[name](good)
    assert bad != good
    assert check_mime(bad), f"checker missed: {name}"
