"""The stage order. With deliver.py, the only modules that call both edges (fetch, store,
output) and stages.

``build`` reads top to bottom like the diagram in DESIGN.md: collect feeds, keep what is
recent, add article text, group, rank, summarise.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

from digest.config import Config, FeedConfig
from digest.errors import NoFeedsError
from digest.extract import extract_article
from digest.extract.page import page_metadata
from digest.fetch import Fetcher, FetchRequest
from digest.group import group_entries
from digest.kinds import PageMeta, classify, combine
from digest.mail import build_message, message_bytes
from digest.memo import brief_from_json, brief_to_json, describe, fingerprint
from digest.model import (FEED_ERROR, FEED_NOT_MODIFIED, FEED_OK, Brief, Digest, Entry, Fetched, FeedReport,
                          ParsedFeed, RankedStory, Story)
from digest.output import json_bytes, write_outputs
from digest.parse import parse_feed
from digest.parse.pool import FeedParsers
from digest.rank import rank_stories
from digest.render import (Rendered, RenderSettings, demote_briefs, render_digest, render_inputs, rendered_from_json,
                           rendered_to_json, xml_safe_digest)
from digest.schema import digest_to_dict
from digest.store import Store
from digest.store.entries import FeedState, PageFacts
from digest.llmclient import ChatClient
from digest.model import Answer, Prompt
from digest.summarise import Summariser, summarise_all

log = logging.getLogger(__name__)

EMAIL_FILES = ("digest.html", "digest.txt", "digest.eml", "digest.mjml")
# Runs with this many due feeds or more parse them on every core: feedparser is pure Python and
# most of a big run's time (bench/results.md); on a few feeds a pool costs more than it saves.
PARALLEL_PARSE_FEEDS = 16


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
                            full_fetch_hours=config.fetch.full_fetch_hours,
                            fresh_minutes=config.fetch.fresh_minutes)
    _check_some_feed(reports)
    since = since or now - timedelta(hours=config.digest.lookback_hours)
    window_hours = (now - since).total_seconds() / 3600
    entries = store.recent_entries(since, until=now, feed_urls=[f.url for f in config.feeds])
    stale: list[Entry] = []
    if config.articles.fetch:
        entries = add_article_text(entries, now=now, fetcher=fetcher, store=store)
        entries, stale = split_stale(entries, since=since)
    stories = group_stories(entries, store=store, now=now)
    store.save_story_ids((e.uid, s.id) for s in stories for e in s.entries)
    ranked = rank_stories(
        stories, now=now, lookback_hours=window_hours,
        weights=outlet_weights(config.feeds), settings=config.rank,
        history=store.sent_history(), limit=config.digest.max_stories,
    )
    log.info("%d entries, %d stories, %d ranked", len(entries), len(stories), len(ranked))
    written = summarise_stories(ranked, summariser=summariser, store=store, now=now)
    briefs = tuple(with_source_kinds(b, r.story) for b, r in zip(written, ranked))
    forget_old(store, config, now=now, since=since)
    return Digest(title=config.digest.title, date=now.date().isoformat(), generated_at=now,
                  stories=briefs, feeds=tuple(reports), intro=config.digest.intro,
                  stale=tuple(e.link or e.uid for e in stale))


def with_source_kinds(brief: Brief, story: Story) -> Brief:
    """The brief with each source marked with its entry's kind (matched by link), so that
    digest.json and the email tell further reading from reports."""
    kinds = {e.link: e.kind for e in story.entries if e.link}
    return replace(brief, sources=tuple(replace(s, kind=kinds.get(s.url or "", s.kind))
                                        for s in brief.sources))


def split_stale(entries: Sequence[Entry], *, since: datetime) -> tuple[list[Entry], list[Entry]]:
    """(kept, left out): an entry whose page dates it before ``since`` is old news re-dated by
    its feed, and is left out (logged with its URL)."""
    kept, stale = [], []
    for entry in entries:
        if entry.published and entry.published < since and entry.date_note == PAGE_DATE:
            log.warning("left out %s: its page is dated %s, before the lookback", entry.link,
                        entry.published.date().isoformat())
            stale.append(entry)
        else:
            kept.append(entry)
    return kept, stale


def ask_with_cache(prompts: Sequence[Prompt], *, client: ChatClient, store: Store,
                   now: datetime) -> list[Answer]:
    """Each prompt's answer: from the store when the same model was asked about the same
    sources before, else from the server (and then saved: it is paid for once)."""
    known = [store.llm_answer(p) for p in prompts]
    todo = [p for p, a in zip(prompts, known) if a is None]
    fresh = iter(client.ask_all(todo))
    answers = []
    for prompt, answer in zip(prompts, known):
        if answer is None:
            answer = next(fresh)
            if answer.text is not None:
                store.save_llm_answer(prompt, answer, now=now)
        answers.append(answer)
    return answers


def group_stories(entries: Sequence[Entry], *, store: Store, now: datetime) -> list[Story]:
    """Group ``entries`` into stories, or reuse the grouping of a build that saw the same ones."""
    known = store.story_ids(e.uid for e in entries)
    key = fingerprint("group", entries, sorted(known.items()))
    saved = store.cached([key]).get(key)
    if saved is not None:
        log.info("entries unchanged since the last build: its grouping reused")
        by_uid = {e.uid: e for e in entries}
        return [Story(id=i, entries=tuple(by_uid[u] for u in uids)) for i, uids in json.loads(saved)]
    stories = list(group_entries(entries, known=known))
    members = json.dumps([[s.id, [e.uid for e in s.entries]] for s in stories], separators=(",", ":"))
    # The next build sees the ids saved from this grouping as known: file it under that too.
    # Grouping keeps a story's known id, so with its own ids as known it groups the same.
    after = sorted({**known, **{e.uid: s.id for s in stories for e in s.entries}}.items())
    store.save_cached([(key, members), (fingerprint("group", entries, after), members)], now=now)
    return stories


def summarise_stories(ranked: Sequence[RankedStory], *, summariser: Summariser, store: Store,
                      now: datetime) -> tuple[Brief, ...]:
    """One brief per ranked story; a story whose every input is unchanged reuses its brief.

    A backend that writes all briefs at once (the language model) keeps its own cache of
    answers and reports what it asked and reused: it is always called.
    """
    if getattr(summariser, "summarise_all", None):
        return summarise_all(summariser, ranked)
    keys = [fingerprint("brief", [r], describe(summariser)) for r in ranked]
    saved = store.cached(keys)
    fresh = iter(summarise_all(summariser, [r for k, r in zip(keys, ranked) if k not in saved]))
    briefs = tuple(brief_from_json(saved[k]) if k in saved else next(fresh) for k in keys)
    store.save_cached([(k, brief_to_json(b)) for k, b in zip(keys, briefs) if k not in saved],
                      now=now)
    log.info("%d brief(s) written, %d reused", len(keys) - len(saved), len(saved))
    return briefs


@dataclass(frozen=True)
class Collected:
    """What `digest fetch` stored."""

    feeds: tuple[FeedReport, ...]  # one report per configured feed, config order
    articles: int  # article pages fetched (and their text stored) this run


def collect(config: Config, *, now: datetime, fetcher: Fetcher, store: Store) -> Collected:
    """Fetch the due feeds, and with ``[articles] fetch`` the new article pages, into the store.

    Nothing is grouped or written: a later build reads what is stored. Raises NoFeedsError
    when every feed failed.
    """
    reports = collect_feeds(config.feeds, now=now, fetcher=fetcher, store=store,
                            full_fetch_hours=config.fetch.full_fetch_hours,
                            fresh_minutes=config.fetch.fresh_minutes)
    _check_some_feed(reports)
    articles = 0
    if config.articles.fetch:
        since = now - timedelta(hours=config.digest.lookback_hours)
        entries = store.recent_entries(since, until=now, feed_urls=[f.url for f in config.feeds])
        links = list(dict.fromkeys(e.link for e in entries if e.link))
        articles = fetch_articles(entries, now=now, fetcher=fetcher, store=store,
                                  texts=store.article_texts(links), facts=store.page_facts(links))
    return Collected(feeds=tuple(reports), articles=articles)


def _check_some_feed(reports: Sequence[FeedReport]) -> None:
    """Raise NoFeedsError when every feed failed: there is nothing to build from."""
    if all(r.status == FEED_ERROR for r in reports):
        raise NoFeedsError("every feed failed: " + "; ".join(f"{r.name}: {r.error}" for r in reports))


def outlet_weights(feeds: Sequence[FeedConfig]) -> dict[str, float]:
    """Ranking weight per outlet name; an outlet with several feeds gets its highest weight."""
    weights: dict[str, float] = {}
    for feed in feeds:
        weights[feed.name] = max(weights.get(feed.name, feed.weight), feed.weight)
    return weights


def forget_old(store: Store, config: Config, *, now: datetime, since: datetime) -> None:
    """Prune the store to ``[store] keep_days``, never inside this build's window (``since``)
    nor the window a pending catch-up on an unsent edition will need, and compact it when
    enough of the file is free."""
    pending = catch_up_since(store, now=now, lookback_hours=config.digest.lookback_hours)
    before = min(now - timedelta(days=config.store.keep_days), since, pending)
    removed = store.prune(before=before)
    log.info("forgot what is older than %s: %s", before.isoformat(),
             ", ".join(f"{n} {table}" for table, n in removed.items() if n) or "nothing")
    if store.compact():
        log.info("compacted %s", store.path)


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


def add_article_text(entries: Sequence[Entry], *, now: datetime, fetcher: Fetcher,
                     store: Store) -> list[Entry]:
    """Fetch each linked page once (ever), extract its main text, and use it when it is fuller."""
    links = list(dict.fromkeys(e.link for e in entries if e.link))
    texts, facts = store.article_texts(links), store.page_facts(links)
    fetch_articles(entries, now=now, fetcher=fetcher, store=store, texts=texts, facts=facts)
    out = [_with_page(e, texts.get(e.link or "", ""), facts.get(e.link or "")) for e in entries]
    store.save_kinds((e.uid, e.kind, e.kind_signal) for e in out if e.link in facts)
    return out


def fetch_articles(entries: Sequence[Entry], *, now: datetime, fetcher: Fetcher, store: Store,
                   texts: dict[str, str], facts: dict[str, PageFacts]) -> int:
    """Fetch the linked pages not in ``texts`` yet, store them and add them to ``texts`` and
    ``facts``; return how many were fetched."""
    todo = {e.link: e for e in entries if e.link and e.link not in texts}
    requests = [
        FetchRequest(url=link, trusted=False, origin_host=urlsplit(e.feed_url).hostname)
        for link, e in todo.items()
    ]
    for link, resp in zip(todo, fetcher.fetch_all(requests, label="articles")):
        readable = resp.status == 200 and not resp.error
        text = extract_article(resp.body, url=resp.final_url) if readable else ""
        page = page_metadata(resp.body) if readable else PageMeta()
        kind, signal = classify(title=todo[link].title, url=resp.final_url or link, text=text, page=page)
        facts[link] = PageFacts(kind=kind, kind_signal=signal, published=page.published)
        error = resp.error or (None if text else "no article text found")
        store.save_article(link, text, now=now, error=error, page=facts[link])
        texts[link] = text
    return len(todo)


PAGE_DATE = "page date"  # date_note of an entry dated by its page rather than its feed
PAGE_DATE_SLACK = timedelta(days=1)  # feed and page dates closer than this are the same date


def _with_page(entry: Entry, text: str, page: PageFacts | None) -> Entry:
    """The entry with its page's text (when fuller), its kind weighed against the page's, and
    the page's own date when it differs from the feed's by more than a day."""
    if len(text) > len(entry.text):
        entry = replace(entry, content=text)
    if page is None:
        return entry
    if page.kind:
        kind, signal = combine((entry.kind, entry.kind_signal), (page.kind, page.kind_signal))
        entry = replace(entry, kind=kind, kind_signal=signal)
    when = page.published
    if when and (entry.published is None or abs(when - entry.published) > PAGE_DATE_SLACK):
        entry = replace(entry, published=when, date_note=PAGE_DATE)
    return entry


def render_files(digest: Digest, config: Config, *, now: datetime,
                 store: Store | None = None) -> tuple[Digest, Rendered, dict[str, bytes]]:
    """Render the email in every format; return the digest as rendered, the email and the files.

    With ``store``, an email rendered before from the same stories, settings, templates and code
    is reused (digest.eml is still made anew: its Date is ``now``).
    """
    settings = RenderSettings.from_config(config)
    rendered = _render_reusing(digest, settings, store=store, now=now) if store else render_digest(
        digest, settings=settings)
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


def _render_reusing(digest: Digest, settings: RenderSettings, *, store: Store, now: datetime) -> Rendered:
    """``render_digest``'s email, or the one saved for the same inputs (MJML and premailer are
    most of a build that has nothing new: ~0.2 s)."""
    key = fingerprint("render", [digest.title, digest.date, digest.intro, digest.stories, digest.more],
                      repr(settings), render_inputs(settings.templates_dir))
    saved = store.cached([_LAST_RENDER]).get(_LAST_RENDER)
    found = rendered_from_json(saved, inputs=key) if saved is not None else None
    if found is not None:
        rendered, moved = found
        edition = xml_safe_digest(digest)
        return replace(rendered, digest=demote_briefs(edition, moved) if moved else edition)
    rendered = render_digest(digest, settings=settings)
    moved = len(digest.stories) - len((rendered.digest or digest).stories)
    store.save_cached([(_LAST_RENDER, rendered_to_json(rendered, moved, inputs=key))], now=now)
    return rendered


# Only the last email is kept (~100-200 KB): it is what a build with nothing new renders again.
_LAST_RENDER = "render:last"


def write_digest(digest: Digest, config: Config, *, out_dir: Path, now: datetime,
                 store: Store | None = None) -> Built:
    """Write the digest's files into ``out_dir``; on a quiet day only digest.json, and no email.

    ``store``: reuse an email rendered before from the same inputs (see ``render_files``)."""
    if not digest.stories:
        for name in EMAIL_FILES:  # a stale email from an earlier day must not be sent by mistake
            (out_dir / name).unlink(missing_ok=True)
        paths = write_outputs(out_dir, {"digest.json": json_bytes(digest_to_dict(digest))})
        return Built(digest=digest, paths=tuple(paths), rendered=None)
    digest, rendered, files = render_files(digest, config, now=now, store=store)
    return Built(digest=digest, paths=tuple(write_outputs(out_dir, files)), rendered=rendered)
