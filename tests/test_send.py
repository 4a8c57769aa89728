"""Senders against a real SMTP server on loopback: accepts, down, rejects, STARTTLS, TLS, AUTH."""

from __future__ import annotations

import os
import socket
import ssl
import stat
import time
from pathlib import Path

import pytest

from digest.config import TRANSPORTS, SmtpSettings
from digest.errors import ConfigError, SendError
from digest.send import SENDERS, FileSender, Outgoing, SmtpSender, make_sender, read_secret, unsubscribe_token

from tests.smtpserver import (PASSWORD, USER, Recorder, _openssl_self_signed, check_password, free_port,
                              self_signed, smtp_server)

SENDER = "brief@example.com"


def letter(to: str, subject: str = "Hello") -> Outgoing:
    data = (f"From: {SENDER}\r\nTo: {to}\r\nSubject: {subject}\r\nMessage-ID: <{to}@x>\r\n\r\n"
            f"Body for {to}\r\n").encode()
    return Outgoing(sender=SENDER, recipient=to, data=data)


def settings(port: int, **overrides) -> SmtpSettings:
    values = {"host": "127.0.0.1", "port": port, "security": "none", "timeout": 5.0}
    values.update(overrides)
    return SmtpSettings(**values)


@pytest.fixture(scope="module")
def cert(tmp_path_factory):
    return self_signed(tmp_path_factory.mktemp("tls"))


def test_accepting_server_gets_one_message_per_recipient_with_its_own_envelope():
    with smtp_server() as (handler, port):
        delivery = SmtpSender(settings(port)).send_all([letter("a@example.org"), letter("b@example.org")])
    assert delivery.sent == ("a@example.org", "b@example.org") and not delivery.refused
    assert [r.recipients for r in handler.received] == [["a@example.org"], ["b@example.org"]]
    assert all(r.sender == SENDER for r in handler.received)
    assert b"Body for b@example.org" in handler.received[1].data
    assert handler.received[0].message["Subject"] == "Hello"


def test_server_down_is_a_send_error_naming_host_and_port():
    port = free_port()
    with pytest.raises(SendError, match=rf"cannot reach SMTP server 127\.0\.0\.1:{port}"):
        SmtpSender(settings(port)).send_all([letter("a@example.org")])


def test_a_server_that_never_greets_times_out_with_a_send_error():
    with socket.socket() as silent:  # accepts connections (backlog) and never says a word
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        port = silent.getsockname()[1]
        started = time.monotonic()
        with pytest.raises(SendError, match=r"did not answer within 0.5 s .*timed out"):
            SmtpSender(settings(port, timeout=0.5)).send_all([letter("a@example.org")])
    assert time.monotonic() - started < 3


def test_openssl_makes_the_same_kind_of_certificate(tmp_path):
    cert = _openssl_self_signed(tmp_path)
    with smtp_server(tls_context=cert.server_context(), require_starttls=True) as (handler, port):
        sender = SmtpSender(settings(port, security="starttls", host="localhost"), context=cert.client_context())
        assert not sender.send_all([letter("a@example.org")]).refused


def test_one_rejected_recipient_is_reported_and_the_others_still_get_it():
    with smtp_server(Recorder(reject={"gone@example.org"})) as (handler, port):
        delivery = SmtpSender(settings(port)).send_all([letter("gone@example.org"), letter("b@example.org")])
    assert delivery.sent == ("b@example.org",)
    assert delivery.refused[0][0] == "gone@example.org" and delivery.refused[0][1].startswith("550")
    assert [r.recipients for r in handler.received] == [["b@example.org"]]


def test_server_rejecting_everyone_is_a_send_error_with_its_reply():
    with smtp_server(Recorder(reject_all=True)) as (handler, port):
        with pytest.raises(SendError, match="550 5.1.1 mailbox unavailable"):
            SmtpSender(settings(port)).send_all([letter("a@example.org")])
    assert handler.received == []


def test_starttls_with_a_trusted_self_signed_certificate(cert):
    with smtp_server(tls_context=cert.server_context(), require_starttls=True) as (handler, port):
        sender = SmtpSender(settings(port, security="starttls", host="localhost"),
                            context=cert.client_context())
        assert sender.send_all([letter("a@example.org")]).sent == ("a@example.org",)
    assert len(handler.received) == 1


def test_starttls_refuses_an_untrusted_certificate(cert):
    with smtp_server(tls_context=cert.server_context(), require_starttls=True) as (handler, port):
        sender = SmtpSender(settings(port, security="starttls", host="localhost"),
                            context=ssl.create_default_context())
        with pytest.raises(SendError, match="certificate not trusted"):
            sender.send_all([letter("a@example.org")])
    assert handler.received == []


def test_starttls_against_a_server_without_it_says_which_setting_to_change():
    with smtp_server() as (_, port):
        with pytest.raises(SendError, match="does not offer STARTTLS"):
            SmtpSender(settings(port, security="starttls")).send_all([letter("a@example.org")])


def test_implicit_tls_against_a_plain_server_suggests_starttls():
    with smtp_server() as (handler, port):
        with pytest.raises(SendError, match=r"is \[smtp\] security meant to be starttls"):
            SmtpSender(settings(port, security="ssl", timeout=2.0)).send_all([letter("a@example.org")])
    assert handler.received == []


def test_implicit_tls(cert):
    with smtp_server(ssl_context=cert.server_context()) as (handler, port):
        sender = SmtpSender(settings(port, security="ssl", host="localhost"), context=cert.client_context())
        assert not sender.send_all([letter("a@example.org")]).refused
    assert len(handler.received) == 1


def test_auth_reads_the_password_from_the_named_environment_variable(cert, monkeypatch):
    monkeypatch.setenv("SSL_CERT_FILE", str(cert.cert))  # how a user trusts a private CA
    smtp = settings(0, security="starttls", host="localhost", username=USER, password_env="MY_SMTP_PW")
    with smtp_server(tls_context=cert.server_context(), require_starttls=True, auth_required=True,
                     authenticator=check_password) as (handler, port):
        smtp = SmtpSettings(**{**smtp.__dict__, "port": port})
        good = make_sender("smtp", smtp=smtp, env={"MY_SMTP_PW": PASSWORD}, outbox=Path("unused"))
        assert not good.send_all([letter("a@example.org")]).refused
        bad = SmtpSender(smtp, password="wrong", context=cert.client_context())
        with pytest.raises(SendError, match=r"login as brief@example.com refused \(535.*MY_SMTP_PW"):
            bad.send_all([letter("b@example.org")])
        missing = make_sender("smtp", smtp=smtp, env={}, outbox=Path("unused"))
        with pytest.raises(SendError, match=r"\$MY_SMTP_PW is empty"):
            missing.send_all([letter("c@example.org")])
    assert [r.recipients for r in handler.received] == [["a@example.org"]]


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_auth_required_but_no_username_is_refused_by_the_server():
    with smtp_server(auth_required=True, auth_require_tls=False, authenticator=check_password) as (h, port):
        with pytest.raises(SendError, match="530"):
            SmtpSender(settings(port)).send_all([letter("a@example.org")])
    assert h.received == []


def test_file_sender_writes_one_eml_per_recipient(tmp_path):
    delivery = FileSender(tmp_path / "outbox").send_all([letter("a@example.org"), letter("b/../x@example.org")])
    assert delivery.sent == ("a@example.org", "b/../x@example.org")
    names = sorted(p.name for p in (tmp_path / "outbox").iterdir())
    assert names == ["001-a@example.org.eml", "002-b_.._x@example.org.eml"]
    assert (tmp_path / "outbox" / names[0]).read_bytes() == letter("a@example.org").data


def test_file_sender_outbox_is_readable_by_a_separate_mta_user(tmp_path):
    old = os.umask(0o077)  # a strict umask must not make the messages private
    try:
        FileSender(tmp_path / "outbox").send_all([letter("a@example.org"), letter("b@example.org")])
    finally:
        os.umask(old)
    modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in (tmp_path / "outbox").iterdir()}
    assert modes == {"001-a@example.org.eml": 0o644, "002-b@example.org.eml": 0o644}  # no temp files left


def test_unknown_transport_is_a_config_error():
    with pytest.raises(ConfigError, match="email.transport: 'pigeon'"):
        make_sender("pigeon", smtp=SmtpSettings(), env={}, outbox=Path("x"))


def test_every_transport_config_accepts_has_a_sender_and_no_other():
    # config.py cannot import send.py (it sits below it): this keeps the two in step.
    assert sorted(SENDERS) == sorted(TRANSPORTS)


def test_unsubscribe_token_is_a_keyed_deterministic_hash_of_the_address():
    a = unsubscribe_token("Reader@Example.com", secret="s1")
    assert a == unsubscribe_token(" reader@example.com", secret="s1")  # case and spaces do not matter
    assert len(a) == 32 and int(a, 16) >= 0
    assert a != unsubscribe_token("other@example.com", secret="s1")
    assert a != unsubscribe_token("reader@example.com", secret="s2")


def test_missing_secret_names_the_variable():
    with pytest.raises(SendError, match=r"\$DIGEST_TOKEN_SECRET is not set"):
        read_secret({}, "DIGEST_TOKEN_SECRET", purpose="tokens")
    assert read_secret({"X": "v"}, "X", purpose="tokens") == "v"
