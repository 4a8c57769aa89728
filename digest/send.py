"""Senders: hand finished messages to a mail server (SMTP) or to a folder (.eml files).

A sender takes ``Outgoing`` values (envelope plus the exact bytes for the wire) and returns a
``Delivery`` saying who got the message and who did not. It knows nothing of digests or MIME.
Senders are a ``Protocol`` plus a registry chosen by ``[email] transport``.

Secrets never come from the config file: the SMTP password and the unsubscribe-token secret
are read from environment variables the config names, and only when they are needed.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import re
import smtplib
import ssl
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from digest.config import SmtpSettings
from digest.errors import ConfigError, SendError
from digest.output import write_atomic

log = logging.getLogger(__name__)

TOKEN_LENGTH = 32  # hex characters of the unsubscribe token (128 bits)
_UNSAFE_FILENAME = re.compile(r"[^A-Za-z0-9@._+-]+")


@dataclass(frozen=True)
class Outgoing:
    """One message for one recipient, exactly as it goes on the wire."""

    sender: str  # envelope sender, a bare address (MAIL FROM)
    recipient: str  # envelope recipient, a bare address (RCPT TO)
    data: bytes  # the RFC 5322 message, CRLF line ends


@dataclass(frozen=True)
class Delivery:
    """What became of a batch of messages."""

    sent: tuple[str, ...] = ()  # recipients the server (or folder) accepted
    refused: tuple[tuple[str, str], ...] = ()  # (recipient, reason) for each one refused


class Sender(Protocol):
    """Something that can deliver messages."""

    def describe(self) -> str:
        """Where messages go, in a few words (for --dry-run and the summary line)."""
        ...

    def send_all(self, messages: Sequence[Outgoing]) -> Delivery:
        """Deliver each message; raise SendError when none could be, else report per recipient."""
        ...


class SmtpSender:
    """Send over one SMTP connection: STARTTLS, implicit TLS (ssl) or none."""

    def __init__(self, settings: SmtpSettings, *, password: str | None = None,
                 context: ssl.SSLContext | None = None) -> None:
        self.settings = settings
        self._password = password
        self._context = context or ssl.create_default_context()

    def describe(self) -> str:
        s = self.settings
        login = f" as {s.username}" if s.username else ""
        return f"SMTP {s.host}:{s.port} ({s.security}){login}"

    def send_all(self, messages: Sequence[Outgoing]) -> Delivery:
        if not messages:
            return Delivery()
        with self._connect() as smtp:
            sent: list[str] = []
            refused: list[tuple[str, str]] = []
            for i, message in enumerate(messages):
                try:
                    _send_one(smtp, message)
                except (smtplib.SMTPRecipientsRefused, smtplib.SMTPResponseException) as exc:
                    refused.append((message.recipient, _reason(exc)))
                    log.warning("%s refused: %s", message.recipient, refused[-1][1])
                except OSError as exc:  # disconnected or timed out: the rest cannot go either
                    lost = f"connection lost: {exc or type(exc).__name__}"
                    refused += [(m.recipient, lost) for m in messages[i:]]
                    break
                else:
                    sent.append(message.recipient)
                    log.info("sent to %s", message.recipient)
        if not sent:
            raise SendError(f"{self.describe()} refused every message: " + _refusals(refused))
        return Delivery(sent=tuple(sent), refused=tuple(refused))

    def _connect(self) -> smtplib.SMTP:
        """Open, secure and log in; every failure becomes a SendError saying what to check."""
        s = self.settings
        where = f"SMTP server {s.host}:{s.port}"
        try:
            smtp = self._open()
        except smtplib.SMTPServerDisconnected as exc:  # no greeting: wrong port or TLS mode
            raise SendError(f"{where} hung up or did not answer within {s.timeout:g} s ({exc}); check "
                            "[smtp] port and security (ssl on 465, starttls on 587)") from exc
        except smtplib.SMTPException as exc:  # before OSError: SMTPException is one
            raise SendError(f"{where} failed at the start: {_reason(exc)}") from exc
        except ssl.SSLError as exc:
            raise SendError(_tls_hint(where, s.security, exc)) from exc
        except OSError as exc:  # refused, unreachable, unknown host, timed out
            raise SendError(f"cannot reach {where}: {exc.strerror or exc}; check [smtp] host and "
                            "port and that the server is running") from exc
        try:
            self._login(smtp)
        except BaseException:
            smtp.close()
            raise
        return smtp

    def _open(self) -> smtplib.SMTP:
        s = self.settings
        if s.security == "ssl":
            return smtplib.SMTP_SSL(s.host, s.port, timeout=s.timeout, context=self._context)
        smtp = smtplib.SMTP(s.host, s.port, timeout=s.timeout)
        if s.security == "starttls":
            try:
                smtp.starttls(context=self._context)
            except smtplib.SMTPNotSupportedError as exc:
                smtp.close()
                raise SendError(f"SMTP server {s.host}:{s.port} does not offer STARTTLS; set "
                                "[smtp] security = \"ssl\" (port 465) or \"none\"") from exc
            except BaseException:
                smtp.close()
                raise
        return smtp

    def _login(self, smtp: smtplib.SMTP) -> None:
        s = self.settings
        if not s.username:
            return
        if self._password is None:
            raise SendError(f"[smtp] username is set but ${s.password_env} is empty: export the "
                            "SMTP password in that environment variable")
        if s.security == "none" and s.host not in ("localhost", "127.0.0.1", "::1"):
            log.warning("sending the SMTP password to %s without TLS ([smtp] security = none)", s.host)
        try:
            smtp.login(s.username, self._password)
        except smtplib.SMTPAuthenticationError as exc:
            raise SendError(f"SMTP login as {s.username} refused ({_reason(exc)}): check [smtp] "
                            f"username and ${s.password_env}") from exc
        except smtplib.SMTPException as exc:
            raise SendError(f"SMTP login as {s.username} failed: {_reason(exc)}") from exc


def _send_one(smtp: smtplib.SMTP, message: Outgoing) -> None:
    """Send one message to its one recipient; smtplib resets the session after a refusal."""
    refused = smtp.sendmail(message.sender, [message.recipient], message.data)
    if refused:  # only possible with several recipients; kept for completeness
        raise smtplib.SMTPRecipientsRefused(refused)


def _reason(exc: BaseException) -> str:
    """The server's code and words, e.g. ``550 mailbox unavailable``."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        code, text = next(iter(exc.recipients.values()))
        return f"{code} {_text(text)}"
    if isinstance(exc, smtplib.SMTPResponseException):
        return f"{exc.smtp_code} {_text(exc.smtp_error)}"
    return str(exc) or type(exc).__name__


def _text(value: bytes | str) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def _refusals(refused: Sequence[tuple[str, str]]) -> str:
    return "; ".join(f"{who}: {why}" for who, why in refused) or "no reason given"


def _tls_hint(where: str, security: str, exc: ssl.SSLError) -> str:
    """A TLS failure, with the usual cause: the wrong security mode for the port."""
    if isinstance(exc, ssl.SSLCertVerificationError):
        return (f"{where}: certificate not trusted ({exc.verify_message}); point SSL_CERT_FILE at "
                "the server's CA bundle")
    other = "starttls (port 587)" if security == "ssl" else "ssl (port 465)"
    return f"TLS with {where} failed ({exc.reason or exc}); is [smtp] security meant to be {other}?"


class FileSender:
    """Write each message as ``NN-recipient.eml`` into a folder (a pickup directory, or a test)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def describe(self) -> str:
        return f"files in {self.folder}"

    def send_all(self, messages: Sequence[Outgoing]) -> Delivery:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            for n, message in enumerate(messages, start=1):
                name = f"{n:03d}-{_UNSAFE_FILENAME.sub('_', message.recipient)}.eml"
                write_atomic(self.folder / name, message.data)  # 0644: the MTA runs as another user
        except OSError as exc:
            raise SendError(f"cannot write messages into {self.folder}: {exc.strerror or exc}") from exc
        return Delivery(sent=tuple(m.recipient for m in messages))


SenderFactory = Callable[..., Sender]


def _smtp(*, smtp: SmtpSettings, env: Mapping[str, str], outbox: Path) -> Sender:
    password = env.get(smtp.password_env) or None
    return SmtpSender(smtp, password=password)


def _file(*, smtp: SmtpSettings, env: Mapping[str, str], outbox: Path) -> Sender:
    return FileSender(outbox)


SENDERS: dict[str, SenderFactory] = {"smtp": _smtp, "file": _file}  # by config.TRANSPORTS name


def make_sender(transport: str, *, smtp: SmtpSettings, env: Mapping[str, str], outbox: Path) -> Sender:
    """Return the sender registered as ``transport``; ``outbox`` is the folder of the file sender."""
    try:
        factory = SENDERS[transport]
    except KeyError:
        raise ConfigError("config.toml", [f"email.transport: {transport!r} is not one of "
                                          f"{', '.join(sorted(SENDERS))}"]) from None
    return factory(smtp=smtp, env=env, outbox=outbox)


def unsubscribe_token(address: str, *, secret: str) -> str:
    """Return the recipient's unsubscribe token: HMAC-SHA256(secret, lower-cased address), hex.

    Deterministic, so the unsubscribe endpoint can check a token by recomputing it, and not
    guessable without the secret. Returns the first TOKEN_LENGTH hex characters.
    """
    mac = hmac.new(secret.encode("utf-8"), address.strip().lower().encode("utf-8"), hashlib.sha256)
    return mac.hexdigest()[:TOKEN_LENGTH]


def read_secret(env: Mapping[str, str], name: str, *, purpose: str) -> str:
    """Return the value of environment variable ``name``, or raise SendError saying why it is needed."""
    value = env.get(name, "")
    if not value:
        raise SendError(f"${name} is not set: it holds the secret for {purpose}; export it "
                        "(any long random string, e.g. `openssl rand -hex 32`) and keep it stable")
    return value
