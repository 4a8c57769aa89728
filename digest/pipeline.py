"""The stage order. The only module that calls both edges (fetch, store, output) and stages.

``build`` reads top to bottom like the diagram in DESIGN.md: collect feeds, keep what is
recent, add article text, group, rank, summarise.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from email.utils import parseaddr
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from digest.config import Config, FeedConfig
from digest.errors import ConfigError, DigestFileError, NoFeedsError, SendError
from digest.esp import Letter
from digest.esp import payload as esp_payload
from digest.extract import extract_article
from digest.fetch import Fetcher, FetchRequest
from digest.group import group_entries
from digest.mail import build_message, message_bytes
from digest.model import (FEED_ERROR, FEED_NOT_MODIFIED, FEED_OK, Digest, Entry, Fetched, FeedReport,
                          ParsedFeed, SentStory)
from digest.output import json_bytes, read_json, write_outputs
from digest.parse import parse_feed
from digest.rank import rank_stories
from digest.render import Rendered, RenderSettings, render_digest
from digest.schema import digest_from_dict, digest_to_dict
from digest.send import Delivery, Outgoing, Sender, unsubscribe_token
from digest.serve import Preview
from digest.store import FeedState, Store
from digest.summarise import Summariser

log = logging.getLogger(__name__)

EMAIL_FILES = ("digest.html", "digest.txt", "digest.eml", "digest.mjml")
# Feed bodies beyond this many bytes in one run are parsed on every core: feedparser is pure
# Python and most of a big run's time (bench/results.md); below it a pool costs more than it saves.
PARALLEL_PARSE_BYTES = 4 * 1024 * 1024


@dataclass(frozen=True)
class Built:
    """What a build produced: the digest and the files written for it."""

    digest: Digest  # the edition as rendered (briefs moved to "more" included)
    paths: tuple[Path, ...]  # files written, digest.json last
    rendered: Rendered | None  # the email, or None on a quiet day


def build(config: Config, *, now: datetime, fetcher: Fetcher, store: Store,
          summariser: Summariser, since: datetime | None = None) -> Digest:
    """Run every stage from feeds to briefs; return the Digest (nothing is written).

    Entries published from ``since`` (default: now - lookback_hours) up to ``now`` count.
    """
    reports = collect_feeds(config.feeds, now=now, fetcher=fetcher, store=store,
                            full_fetch_hours=config.fetch.full_fetch_hours)
    if all(r.status == FEED_ERROR for r in reports):
        raise NoFeedsError("every feed failed: " + "; ".join(f"{r.name}: {r.error}" for r in reports))
    since = since or now - timedelta(hours=config.digest.lookback_hours)
    window_hours = (now - since).total_seconds() / 3600
    entries = store.recent_entries(since, until=now, feed_urls=[f.url for f in config.feeds])
    if config.articles.fetch:
        entries = add_article_text(entries, now=now, fetcher=fetcher, store=store)
    stories = group_entries(entries, known=store.story_ids(e.uid for e in entries))
    store.save_story_ids((e.uid, s.id) for s in stories for e in s.entries)
    ranked = rank_stories(
        stories, now=now, lookback_hours=window_hours,
        weights=outlet_weights(config.feeds), settings=config.rank,
        history=store.sent_history(), limit=config.digest.max_stories,
    )
    log.info("%d entries, %d stories, %d ranked", len(entries), len(stories), len(ranked))
    briefs = tuple(summariser.summarise(r) for r in ranked)
    forget_old(store, config, now=now)
    return Digest(title=config.digest.title, date=now.date().isoformat(), generated_at=now,
                  stories=briefs, feeds=tuple(reports), intro=config.digest.intro)


def outlet_weights(feeds: Sequence[FeedConfig]) -> dict[str, float]:
    """Ranking weight per outlet name; an outlet with several feeds gets its highest weight."""
    weights: dict[str, float] = {}
    for feed in feeds:
        weights[feed.name] = max(weights.get(feed.name, feed.weight), feed.weight)
    return weights


def forget_old(store: Store, config: Config, *, now: datetime) -> None:
    """Prune the store to ``[store] keep_days``, never inside what a build or a catch-up reads,
    and compact it when enough of the file is free."""
    keep = max(timedelta(days=config.store.keep_days),
               timedelta(hours=config.digest.lookback_hours) + MAX_CATCH_UP)
    removed = store.prune(before=now - keep)
    log.info("forgot what is older than %d days: %s", keep.days,
             ", ".join(f"{n} {table}" for table, n in removed.items() if n) or "nothing")
    if store.compact():
        log.info("compacted %s", store.path)


def collect_feeds(feeds: Sequence[FeedConfig], *, now: datetime, fetcher: Fetcher, store: Store,
                  full_fetch_hours: float) -> list[FeedReport]:
    """Fetch every due feed, save its entries, and report how each fared (config order)."""
    states = {f.url: store.feed_state(f.url) for f in feeds}
    due = [f for f in feeds if _is_due(states[f.url], now)]
    requests = [_feed_request(f, states[f.url], now, full_fetch_hours) for f in due]
    responses = dict(zip((f.url for f in due), fetcher.fetch_all(requests, label="feeds")))
    parsed = _parse_all([(f, responses[f.url]) for f in due if _readable(responses[f.url])], now=now)
    reports = []
    for feed in feeds:
        if feed.url in responses:
            reports.append(_save_feed(feed, responses[feed.url], now=now, store=store,
                                      parsed=parsed.get(feed.url)))
        else:
            reports.append(_backing_off(feed, states[feed.url]))
    return reports


def _is_due(state: FeedState, now: datetime) -> bool:
    return state.next_attempt is None or state.next_attempt <= now


def _feed_request(feed: FeedConfig, state: FeedState, now: datetime,
                  full_fetch_hours: float) -> FetchRequest:
    """Ask with validators, except now and then: some servers answer 304 when they should not."""
    stale = state.last_full_fetch is None or now - state.last_full_fetch >= timedelta(hours=full_fetch_hours)
    url = state.moved_to or feed.source
    # Trust is for the host written in config.toml, not for wherever a 301 once pointed.
    origin = urlsplit(feed.source).hostname or ""
    if stale:
        return FetchRequest(url=url, trusted=True, origin_host=origin)
    return FetchRequest(url=url, trusted=True, origin_host=origin, etag=state.etag,
                        last_modified=state.last_modified)


def _backing_off(feed: FeedConfig, state: FeedState) -> FeedReport:
    when = state.next_attempt.strftime("%Y-%m-%d %H:%M UTC") if state.next_attempt else "later"
    error = f"skipped: {state.failures} failure(s) in a row, next attempt {when} (last: {state.last_error})"
    return FeedReport(name=feed.name, url=feed.url, status=FEED_ERROR, entries=0, error=error)


def _readable(resp: Fetched) -> bool:
    """True for a response that carries a feed body to parse."""
    return not resp.error and resp.status == 200


def _parse_one(feed: FeedConfig, resp: Fetched, now: datetime) -> ParsedFeed:
    return parse_feed(resp.body, feed_name=feed.name, feed_url=feed.url,
                      headers=dict(resp.headers), now=now)


def _parse_all(todo: list[tuple[FeedConfig, Fetched]], *, now: datetime) -> dict[str, ParsedFeed]:
    """Parse every (feed, response); on all cores when the bodies are big. Keyed by feed URL."""
    workers = min(os.cpu_count() or 1, len(todo))
    if workers < 2 or sum(len(r.body) for _, r in todo) < PARALLEL_PARSE_BYTES:
        return {f.url: _parse_one(f, r, now) for f, r in todo}
    # fork: the workers inherit the loaded modules, so they start in milliseconds.
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        results = pool.map(_parse_one, *zip(*todo), [now] * len(todo), chunksize=1)
        return {f.url: parsed for (f, _), parsed in zip(todo, results)}


def _save_feed(feed: FeedConfig, resp: Fetched, *, now: datetime, store: Store,
               parsed: ParsedFeed | None = None) -> FeedReport:
    """Record one response (parsed here unless ``parsed`` is given); return the feed's report."""
    def fail(error: str) -> FeedReport:
        store.record_feed_failure(feed.url, error, now=now, retry_after=resp.retry_after,
                                  gone=resp.status == 410)
        log.warning("%s: %s", feed.name, error)
        return FeedReport(name=feed.name, url=feed.url, status=FEED_ERROR, entries=0, error=error)

    if resp.status == 410:
        return fail("HTTP 410 Gone: the publisher has removed this feed; take it out of config.toml")
    if resp.error or resp.status not in (200, 304):
        return fail(resp.error or f"HTTP {resp.status}")
    state = store.feed_state(feed.url)
    if resp.status == 304:
        store.record_feed_success(feed.url, (), now=now, etag=resp.header("etag") or state.etag,
                                  last_modified=resp.header("last-modified") or state.last_modified,
                                  full=False, moved_to=resp.permanent_url)
        return FeedReport(name=feed.name, url=feed.url, status=FEED_NOT_MODIFIED, entries=0)
    parsed = parsed or _parse_one(feed, resp, now)
    if parsed.error:
        return fail(parsed.error)
    if parsed.warning:
        log.warning("%s: %s", feed.name, parsed.warning)
    new = store.record_feed_success(feed.url, parsed.entries, now=now, etag=resp.header("etag"),
                                    last_modified=resp.header("last-modified"), full=True,
                                    moved_to=resp.permanent_url)
    log.info("%s: %d entries (%d new)", feed.name, len(parsed.entries), new)
    return FeedReport(name=feed.name, url=feed.url, status=FEED_OK, entries=len(parsed.entries))


def add_article_text(entries: Sequence[Entry], *, now: datetime, fetcher: Fetcher,
                     store: Store) -> list[Entry]:
    """Fetch each linked page once (ever), extract its main text, and use it when it is fuller."""
    links = list(dict.fromkeys(e.link for e in entries if e.link))
    texts = store.article_texts(links)
    todo = {e.link: e for e in entries if e.link and e.link not in texts}
    requests = [
        FetchRequest(url=link, trusted=False, origin_host=urlsplit(e.feed_url).hostname)
        for link, e in todo.items()
    ]
    for link, resp in zip(todo, fetcher.fetch_all(requests, label="articles")):
        text = extract_article(resp.body, url=resp.final_url) if resp.status == 200 and not resp.error else ""
        error = resp.error or (None if text else "no article text found")
        store.save_article(link, text, now=now, error=error)
        texts[link] = text
    return [
        replace(e, content=texts[e.link]) if e.link and len(texts.get(e.link, "")) > len(e.text) else e
        for e in entries
    ]


def render_files(digest: Digest, config: Config, *, now: datetime) -> tuple[Digest, Rendered, dict[str, bytes]]:
    """Render the email in every format; return the digest as rendered, the email and the files."""
    rendered = render_digest(digest, settings=RenderSettings.from_config(config))
    digest = rendered.digest or digest  # briefs that did not fit the size budget moved to "More stories"
    message = build_message(rendered, email=config.email, now=now)
    files = {
        "digest.mjml": rendered.mjml.encode("utf-8"),
        "digest.html": rendered.html.encode("utf-8"),
        "digest.txt": rendered.text.encode("utf-8"),
        "digest.eml": message_bytes(message),
        "digest.json": json_bytes(digest_to_dict(digest)),
    }
    return digest, rendered, files


def write_digest(digest: Digest, config: Config, *, out_dir: Path, now: datetime) -> Built:
    """Write the digest's files into ``out_dir``; on a quiet day only digest.json, and no email."""
    if not digest.stories:
        for name in EMAIL_FILES:  # a stale email from an earlier day must not be sent by mistake
            (out_dir / name).unlink(missing_ok=True)
        paths = write_outputs(out_dir, {"digest.json": json_bytes(digest_to_dict(digest))})
        return Built(digest=digest, paths=tuple(paths), rendered=None)
    digest, rendered, files = render_files(digest, config, now=now)
    return Built(digest=digest, paths=tuple(write_outputs(out_dir, files)), rendered=rendered)


# -- delivery ----------------------------------------------------------------------------
# Send what DIR holds, one message per recipient; mark its stories sent only once the mail
# server took the message; `run` builds and sends at most one edition a day.

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
    built = write_digest(digest, config, out_dir=out_dir, now=now)
    if built.rendered is None:  # a quiet day: nothing to send, so nothing to catch up on
        store.close_attempts(day)
        return RunResult(built=built)
    edition = load_edition(out_dir)
    letters = make_letters(edition, config, out_dir=out_dir, now=now, secret=secret)
    sent = send_edition(edition, letters, config, sender=sender, store=store, now=now)
    return RunResult(built=built, sent=sent)


MAX_CATCH_UP = timedelta(days=7)  # after a longer outage, older news is history, not news


def catch_up_since(store: Store, *, now: datetime, lookback_hours: float) -> datetime:
    """Where today's window starts: the usual lookback, or earlier when an edition built
    since the last one that went out was never sent (its stories must not be lost)."""
    usual = now - timedelta(hours=lookback_hours)
    pending = store.unsent_since()
    if pending is None or pending >= usual:
        return usual
    log.info("an earlier edition was not sent: catching up on entries since %s", pending.isoformat())
    return max(pending, now - MAX_CATCH_UP)


def export_payload(format: str, letters: Sequence[Letter]) -> bytes:
    """The ESP payload of ``format`` for ``letters`` as JSON bytes."""
    return json_bytes(esp_payload(format, letters))


def preview_of(config: Config, out_dir: Path) -> Preview:
    """What the preview page shows for the build in ``out_dir`` (files as written)."""
    digest = load_edition(out_dir)
    common: dict[str, Any] = {"title": digest.title, "date": digest.date, "feeds": digest.feeds}
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
