"""The stage order. With deliver.py, the only modules that call both edges (fetch, store,
output) and stages.

``build`` reads top to bottom like the diagram in DESIGN.md: collect feeds, keep what is
recent, add article text, group, rank, summarise. ``collect`` is what `digest fetch` runs, and
``write_digest`` writes a build's files. Feeds are fetched and saved in ``feeds``, article
pages in ``articles``; ``reuse`` runs the stages a build with nothing new need not redo.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path

from digest.config import Config, FeedConfig
from digest.errors import NoFeedsError
from digest.fetch import Fetcher
from digest.llmclient import ChatClient
from digest.model import FEED_ERROR, Answer, Brief, Digest, Entry, FeedReport, Prompt, Story
from digest.output import json_bytes, write_outputs
from digest.pipeline.articles import add_article_text, fetch_articles, split_stale
from digest.pipeline.feeds import collect_feeds
from digest.pipeline.reuse import group_stories, render_files, summarise_stories
from digest.rank import rank_stories
from digest.render import Rendered
from digest.schema import digest_to_dict
from digest.store import Store
from digest.summarise import Summariser

log = logging.getLogger(__name__)

EMAIL_FILES = ("digest.html", "digest.txt", "digest.eml", "digest.mjml")


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
