"""Delivery: send what DIR holds, build-and-send once a day (`run`), catch up on unsent days.

One message per recipient; an edition's stories are marked sent only once the mail server
took the message; `run` builds (through ``pipeline``) and sends at most one edition a day.
Also what reads a finished build back: the ESP export and the preview page.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from email.utils import parseaddr
from pathlib import Path
from typing import Any

from digest.config import Config
from digest.errors import ConfigError, DigestFileError, SendError, StoreError
from digest.esp import Letter
from digest.esp import payload as esp_payload
from digest.fetch import Fetcher
from digest.kinds import count_text
from digest.mail import build_message, message_bytes
from digest.model import Digest, SentStory
from digest.output import json_bytes, read_json
from digest.pipeline import Built, build, catch_up_since, write_digest
from digest.render import Rendered, RenderSettings, render_digest
from digest.schema import digest_from_dict
from digest.send import Delivery, Outgoing, Sender, unsubscribe_token
from digest.serve import Preview
from digest.store import Store
from digest.summarise import Summariser

log = logging.getLogger(__name__)

TOKEN_PLACEHOLDER = "tokenplaceholdertokenplaceholder"  # as long as a real token: same line wrap


@dataclass(frozen=True)
class Sent:
    """The outcome of sending one edition."""

    digest: Digest  # the edition that went out
    delivery: Delivery  # who got it and who did not
    sender: str  # where it went, in words


@dataclass(frozen=True)
class RunResult:
    """What `digest run` did: skipped (already sent today), built only (quiet day), or sent."""

    built: Built | None = None  # the build, unless skipped
    sent: Sent | None = None  # the send, when there was something to send
    earlier: SentStory | None = None  # today's earlier send, when this run was skipped


def load_edition(out_dir: Path) -> Digest:
    """Read and validate ``out_dir/digest.json`` (raises DigestFileError naming the bad field)."""
    path = out_dir / "digest.json"
    return digest_from_dict(read_json(path), where=str(path))


def make_letters(digest: Digest, config: Config, *, out_dir: Path, now: datetime,
                 secret: str | None) -> list[Letter]:
    """Return one message per ``[email] to`` recipient for the edition in ``out_dir``.

    The email is rendered again from digest.json and must match digest.html and digest.txt
    byte for byte: what is sent is what was previewed. When the unsubscribe URL holds
    ``{token}`` each recipient gets HMAC token of their own (``secret`` is then required).
    """
    if not config.email.to:
        raise ConfigError(str(config.path), ["email.to: no recipients: add at least one address"])
    settings = RenderSettings.from_config(config)
    rendered = render_digest(digest, settings=settings)
    _check_files(rendered, out_dir)
    if "{token}" not in (config.email.unsubscribe_url or ""):
        return [Letter(to, build_message(rendered, email=config.email, now=now, recipient=to))
                for to in config.email.to]
    if secret is None:
        raise SendError("the unsubscribe URL holds {token} but no token secret was given")
    template = render_digest(digest, settings=settings, token=TOKEN_PLACEHOLDER)
    letters = []
    for to in config.email.to:
        token = unsubscribe_token(to, secret=secret)
        own = replace(template, html=template.html.replace(TOKEN_PLACEHOLDER, token),
                      text=template.text.replace(TOKEN_PLACEHOLDER, token))
        message = build_message(own, email=config.email, now=now, recipient=to, token=token)
        letters.append(Letter(to, message, token))
    return letters


def _check_files(rendered: Rendered, out_dir: Path) -> None:
    """Raise DigestFileError unless digest.html and digest.txt are what digest.json renders to."""
    for name, expected in (("digest.html", rendered.html), ("digest.txt", rendered.text)):
        path = out_dir / name
        try:
            actual = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise DigestFileError(f"{path} not found: run `digest render --out {out_dir}`") from None
        if actual != expected:
            raise DigestFileError(
                f"{path} is not what {out_dir / 'digest.json'} renders to (one of them was edited "
                f"after the last render): run `digest render --out {out_dir}`, check it, then send"
            )


def outgoing(letters: Sequence[Letter], *, sender: str) -> list[Outgoing]:
    """The wire form of each letter, with the bare From address as envelope sender."""
    envelope = parseaddr(sender)[1]
    return [Outgoing(sender=envelope, recipient=x.recipient, data=message_bytes(x.message))
            for x in letters]


def edition_sent(store: Store, day: str) -> SentStory | None:
    """The record of the edition of ``day`` (YYYY-MM-DD) going out, or None if it has not."""
    return store.edition(day)


def send_edition(digest: Digest, letters: Sequence[Letter], config: Config, *, sender: Sender,
                 store: Store, now: datetime) -> Sent:
    """Send ``letters``; then, and only then, mark the edition and its stories sent.

    Raises SendError (nothing marked) when no recipient got it. A partial send is marked and
    returned: its Delivery lists who was refused.
    """
    delivery = sender.send_all(outgoing(letters, sender=config.email.sender))
    if not delivery.sent:
        raise SendError(f"{sender.describe()} accepted no message")
    # The build's window: the usual lookback, or further back when it caught up on an unsent day.
    since = catch_up_since(store, now=digest.generated_at, lookback_hours=config.digest.lookback_hours)
    store.mark_sent(sent_records(digest, store, since=since), now=now, edition=(digest.date, delivery.sent))
    store.close_attempts(digest.date)  # whether `run` or `send` got it out, nothing is pending
    log.info("sent %s to %d recipient(s) via %s", digest.date, len(delivery.sent), sender.describe())
    return Sent(digest=digest, delivery=delivery, sender=sender.describe())


def sent_records(digest: Digest, store: Store, *, since: datetime) -> list[tuple[str, tuple[str, ...]]]:
    """(story id, entry uids) for every brief in the edition.

    digest.json keeps story ids but not entry uids: the uids are those the store filed under
    each id among the entries the build could see (published before it, within the lookback).
    """
    ids = [b.id for b in digest.stories + digest.more]
    seen = [e.uid for e in store.recent_entries(since)
            if e.published is None or e.published <= digest.generated_at]
    members: dict[str, list[str]] = {}
    for uid, story_id in store.story_ids(seen).items():
        members.setdefault(story_id, []).append(uid)
    missing = [i for i in ids if i not in members]
    if missing:
        log.warning("%d stor(ies) not in the store (was it reset?): they may be sent again", len(missing))
    return [(i, tuple(sorted(members[i]))) for i in ids if i in members]


class _ForgetDay:
    """The store as a build sees it, except stories first sent on ``day`` look unsent.

    `digest run --force` uses it to rebuild (and resend) the edition already sent today, which
    would otherwise rank its own stories as repeats. Everything else is the store itself.
    """

    def __init__(self, store: Store, day: str) -> None:
        self._store = store
        self._day = day

    def sent_history(self) -> dict[str, SentStory]:
        return {k: v for k, v in self._store.sent_history().items()
                if v.sent_at.date().isoformat() != self._day}

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)


def run(config: Config, *, out_dir: Path, now: datetime, fetcher: Fetcher, store: Store,
        summariser: Summariser, sender: Sender, secret: str | None, force: bool = False) -> RunResult:
    """Build and send today's edition, unless it already went out today (``force`` sends anyway).

    Returns what happened. Raises SendError when the send failed (no story marked sent).
    """
    day = now.date().isoformat()
    earlier = edition_sent(store, day)
    if earlier and not force:
        return RunResult(earlier=earlier)
    source = _ForgetDay(store, day) if earlier else store
    since = catch_up_since(store, now=now, lookback_hours=config.digest.lookback_hours)
    store.record_attempt(day, window_start=since)
    digest = build(config, now=now, fetcher=fetcher, store=source, summariser=summariser,  # type: ignore[arg-type]
                   since=since)
    built = write_digest(digest, config, out_dir=out_dir, now=now, store=store)
    if built.rendered is None:  # a quiet day: nothing to send, so nothing to catch up on
        store.close_attempts(day)
        return RunResult(built=built)
    edition = load_edition(out_dir)
    letters = make_letters(edition, config, out_dir=out_dir, now=now, secret=secret)
    sent = send_edition(edition, letters, config, sender=sender, store=store, now=now)
    return RunResult(built=built, sent=sent)


def export_payload(format: str, letters: Sequence[Letter]) -> bytes:
    """The ESP payload of ``format`` for ``letters`` as JSON bytes."""
    return json_bytes(esp_payload(format, letters))


def stored_kinds(config: Config) -> tuple[tuple[str, str], ...]:
    """(feed URL, "report 12 · opinion 3") for each feed the store holds entries of; none
    while another run holds the store or before the first build."""
    if not config.store.path.exists():
        return ()
    try:
        with Store.open(config.store.path) as store:
            counts = store.kind_counts()
    except StoreError as exc:
        log.info("no kind counts for the preview: %s", exc)
        return ()
    return tuple((url, count_text(c)) for url, c in sorted(counts.items()))


def preview_of(config: Config, out_dir: Path) -> Preview:
    """What the preview page shows for the build in ``out_dir`` (files as written)."""
    digest = load_edition(out_dir)
    common: dict[str, Any] = {"title": digest.title, "date": digest.date, "feeds": digest.feeds,
                              "kinds": stored_kinds(config)}
    if not digest.stories:
        return Preview(subject=None, preheader=None, html=None, text=None, **common,
                       note="A quiet day: no story passed the ranking threshold, so no email was written.")
    rendered = render_digest(digest, settings=RenderSettings.from_config(config))  # for subject, preheader
    try:
        page = (out_dir / "digest.html").read_text(encoding="utf-8")
        text = (out_dir / "digest.txt").read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise DigestFileError(f"{exc.filename} not found: run `digest render --out {out_dir}`") from None
    return Preview(subject=rendered.subject, preheader=rendered.preheader, html=page, text=text, **common)
