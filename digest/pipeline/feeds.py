"""Feeds into the store: which feeds are due, a conditional request for each, and every
response saved (entries and validators) or counted as a failure with its backoff.

Each feed body is parsed as soon as it arrives, in worker processes on a big run, while the
others are still on the way. A feed that is not due is reported from what the store knows.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from digest.config import FeedConfig
from digest.fetch import Fetcher, FetchRequest
from digest.model import FEED_ERROR, FEED_NOT_MODIFIED, FEED_OK, Fetched, FeedReport, ParsedFeed
from digest.parse import parse_feed
from digest.parse.pool import FeedParsers
from digest.store import Store
from digest.store.entries import FeedState

log = logging.getLogger(__name__)

# Runs with this many due feeds or more parse them on every core: feedparser is pure Python and
# most of a big run's time (bench/results.md); on a few feeds a pool costs more than it saves.
PARALLEL_PARSE_FEEDS = 16


def collect_feeds(feeds: Sequence[FeedConfig], *, now: datetime, fetcher: Fetcher, store: Store,
                  full_fetch_hours: float, fresh_minutes: float = 0.0) -> list[FeedReport]:
    """Fetch every due feed, save its entries, and report how each fared (config order).

    A web feed that answered less than ``fresh_minutes`` ago is not due: what it had to say
    is in the store (a build right after `digest fetch` asks no server again; it is reported
    as a 304 would be). Local files are read every time: that costs no server anything.
    """
    fresh = timedelta(minutes=fresh_minutes)
    states = {f.url: store.feed_state(f.url) for f in feeds}
    due = [f for f in feeds if _is_due(f, states[f.url], now, fresh)]
    requests = [_feed_request(f, states[f.url], now, full_fetch_hours) for f in due]
    with FeedParsers(parse_workers(len(due))) as parsers:

        def parse_on_arrival(index: int, resp: Fetched) -> None:
            # Parsed as soon as it arrives (in a worker process on a big run), while the
            # others are still on the way.
            if _readable(resp):
                parsers.submit(due[index].url, resp.body, feed_name=due[index].name,
                               feed_url=due[index].url, headers=dict(resp.headers), now=now)

        fetched = fetcher.fetch_all(requests, label="feeds", on_result=parse_on_arrival)
        parsed = parsers.results()
    responses = dict(zip((f.url for f in due), fetched))
    reports = []
    for feed in feeds:
        if feed.url in responses:
            reports.append(_save_feed(feed, responses[feed.url], now=now, store=store,
                                      parsed=parsed.get(feed.url)))
        elif _is_fresh(feed, states[feed.url], now, fresh):
            log.info("%s: answered at %s, not asked again", feed.name, states[feed.url].last_success)
            reports.append(FeedReport(name=feed.name, url=feed.url, status=FEED_NOT_MODIFIED, entries=0))
        else:
            reports.append(_backing_off(feed, states[feed.url]))
    return reports


def parse_workers(feeds: int) -> int:
    """Processes to parse ``feeds`` feed bodies in: one per core on a big run, else none (1)."""
    return (os.cpu_count() or 1) if feeds >= PARALLEL_PARSE_FEEDS else 1


def _is_due(feed: FeedConfig, state: FeedState, now: datetime, fresh: timedelta) -> bool:
    if state.next_attempt is not None:
        return state.next_attempt <= now
    return not _is_fresh(feed, state, now, fresh)


def _is_fresh(feed: FeedConfig, state: FeedState, now: datetime, fresh: timedelta) -> bool:
    """True when a web feed answered less than ``fresh`` before ``now`` (not after it: a
    clock set back, or an earlier --now, asks again)."""
    return (feed.source.startswith(("http://", "https://")) and state.last_success is not None
            and timedelta(0) <= now - state.last_success < fresh)


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
