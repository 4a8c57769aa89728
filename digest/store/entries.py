"""Feeds, their entries and the article pages they link to: the tables a fetch fills.

A feed's validators are saved in the same transaction as the entries they vouch for, and a
failure puts its next attempt off with exponential backoff; each article page is fetched once,
and its text and what it says about itself (kind, own date) are kept for every later build.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from digest.model import Entry
from digest.store.connection import Database, from_iso, iso, select_in

BACKOFF_BASE = timedelta(minutes=30)  # first wait after a failure; doubles each time
BACKOFF_MAX = timedelta(hours=24)


@dataclass(frozen=True)
class PageFacts:
    """What an article page said about itself when it was fetched."""

    kind: str | None = None  # the kind the page alone gave (see kinds.classify), None if unknown
    kind_signal: str | None = None  # what decided that kind
    published: datetime | None = None  # the page's own publication date, if it states one


@dataclass(frozen=True)
class FeedState:
    """What the store knows about one feed URL."""

    url: str  # the configured URL
    etag: str | None = None  # validator from the last full response
    last_modified: str | None = None  # validator from the last full response
    last_success: datetime | None = None  # last time it answered with a feed or a 304
    last_full_fetch: datetime | None = None  # last time it answered 200
    failures: int = 0  # failures in a row
    next_attempt: datetime | None = None  # do not try before this (backoff, Retry-After)
    last_error: str | None = None  # the latest failure in plain words
    moved_to: str | None = None  # permanent redirect target to use instead
    dead: bool = False  # answered 410 Gone


class EntryTables(Database):
    """Reads and writes of the feeds, entries and articles tables."""

    # -- feeds -------------------------------------------------------------------------

    def feed_state(self, url: str) -> FeedState:
        """The remembered state of ``url`` (defaults when never seen)."""
        row = self._conn.execute("SELECT * FROM feeds WHERE url = ?", (url,)).fetchone()
        if row is None:
            return FeedState(url=url)
        return FeedState(
            url=url, etag=row["etag"], last_modified=row["last_modified"],
            last_success=from_iso(row["last_success"]), last_full_fetch=from_iso(row["last_full_fetch"]),
            failures=row["failures"], next_attempt=from_iso(row["next_attempt"]),
            last_error=row["last_error"], moved_to=row["moved_to"], dead=bool(row["dead"]),
        )

    def record_feed_success(
        self, url: str, entries: Sequence[Entry], *, now: datetime,
        etag: str | None, last_modified: str | None, full: bool, moved_to: str | None = None,
    ) -> int:
        """Save a feed's entries, then its validators, in one transaction; return new entries.

        Validators are stored only together with the entries they vouch for, so a run killed
        half-way never leaves a 304 hiding entries that were not saved.
        """
        with self._tx() as db:
            new = self._save_entries(db, entries, now)
            db.execute(
                """INSERT INTO feeds (url, etag, last_modified, last_attempt, last_success,
                       last_full_fetch, failures, next_attempt, last_error, moved_to, last_entries)
                   VALUES (?, ?, ?, ?, ?, ?, 0, NULL, NULL, ?, ?)
                   ON CONFLICT (url) DO UPDATE SET etag = excluded.etag,
                       last_modified = excluded.last_modified, last_attempt = excluded.last_attempt,
                       last_success = excluded.last_success,
                       last_full_fetch = COALESCE(excluded.last_full_fetch, last_full_fetch),
                       failures = 0, next_attempt = NULL, last_error = NULL, dead = 0,
                       moved_to = COALESCE(excluded.moved_to, moved_to),
                       last_entries = excluded.last_entries""",
                (url, etag, last_modified, iso(now), iso(now), iso(now) if full else None,
                 moved_to, len(entries)),
            )
        return new

    def record_feed_failure(
        self, url: str, error: str, *, now: datetime,
        retry_after: float | None = None, gone: bool = False,
    ) -> FeedState:
        """Count a failure, schedule the next attempt with exponential backoff; return the state."""
        failures = self.feed_state(url).failures + 1
        wait = min(BACKOFF_BASE * 2 ** (failures - 1), BACKOFF_MAX)
        if retry_after is not None:
            wait = max(wait, timedelta(seconds=min(retry_after, BACKOFF_MAX.total_seconds())))
        with self._tx() as db:
            db.execute(
                """INSERT INTO feeds (url, last_attempt, failures, next_attempt, last_error, dead)
                   VALUES (?, ?, ?, ?, ?, ?)
                   ON CONFLICT (url) DO UPDATE SET last_attempt = excluded.last_attempt,
                       failures = excluded.failures, next_attempt = excluded.next_attempt,
                       last_error = excluded.last_error, dead = excluded.dead""",
                (url, iso(now), failures, iso(now + wait), error, int(gone)),
            )
        return self.feed_state(url)

    # -- entries -----------------------------------------------------------------------

    def _save_entries(self, db: sqlite3.Connection, entries: Sequence[Entry], now: datetime) -> int:
        """Insert new entries, update edited ones in place; return how many were new.

        An entry without a date is dated when first seen, and keeps that date on later runs.
        """
        known = {
            r["uid"] for r in select_in(db, "SELECT uid FROM entries WHERE uid IN ({})",
                                        [e.uid for e in entries])
        }
        db.executemany(
            """INSERT INTO entries (uid, feed_url, feed, title, link, summary, content,
                   published, author, date_note, first_seen, updated_at, kind, kind_signal)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT (uid) DO UPDATE SET feed = excluded.feed, title = excluded.title,
                   kind = excluded.kind, kind_signal = excluded.kind_signal,
                   link = excluded.link, summary = excluded.summary, content = excluded.content,
                   author = excluded.author, updated_at = excluded.updated_at,
                   published = CASE WHEN excluded.date_note IS NULL
                                    THEN excluded.published ELSE published END,
                   date_note = excluded.date_note""",
            [
                (e.uid, e.feed_url, e.feed, e.title, e.link, e.summary, e.content,
                 iso(e.published or now), e.author, e.date_note, iso(now), iso(now),
                 e.kind, e.kind_signal)
                for e in entries
            ],
        )
        return len({e.uid for e in entries} - known)

    def recent_entries(self, since: datetime, *, until: datetime | None = None,
                       feed_urls: Iterable[str] | None = None) -> list[Entry]:
        """Entries published in [since, until] (optionally only from ``feed_urls``), oldest first."""
        rows = self._conn.execute(
            "SELECT * FROM entries WHERE published >= ? AND published <= ? ORDER BY published, uid",
            (iso(since), iso(until) if until else "9999"),
        ).fetchall()
        wanted = None if feed_urls is None else set(feed_urls)
        return [_entry(r) for r in rows if wanted is None or r["feed_url"] in wanted]

    def count_entries(self) -> int:
        """How many entries the store holds."""
        return self._conn.execute("SELECT COUNT(*) FROM entries").fetchone()[0]

    # -- article pages -----------------------------------------------------------------

    def article_texts(self, urls: Iterable[str]) -> dict[str, str]:
        """Extracted text for each already-fetched URL (failed fetches map to '')."""
        rows = select_in(self._conn, "SELECT url, text FROM articles WHERE url IN ({})", list(urls))
        return {r["url"]: r["text"] for r in rows}

    def save_article(self, url: str, text: str, *, now: datetime, error: str | None = None,
                     page: PageFacts | None = None) -> None:
        """Remember a page's extracted text (or its failure), and what the page says about
        itself, so it is never fetched twice."""
        page = page or PageFacts()
        with self._tx() as db:
            db.execute(
                """INSERT OR REPLACE INTO articles (url, text, error, fetched_at, kind, kind_signal,
                       published) VALUES (?, ?, ?, ?, ?, ?, ?)""",
                (url, text, error, iso(now), page.kind, page.kind_signal, iso(page.published)),
            )

    def page_facts(self, urls: Iterable[str]) -> dict[str, PageFacts]:
        """The kind and own publication date recorded for each already-fetched page."""
        rows = select_in(self._conn, "SELECT url, kind, kind_signal, published FROM articles "
                         "WHERE url IN ({})", list(urls))
        return {r["url"]: PageFacts(kind=r["kind"], kind_signal=r["kind_signal"],
                                    published=from_iso(r["published"])) for r in rows}

    def save_kinds(self, kinds: Iterable[tuple[str, str, str | None]]) -> None:
        """Record (uid, kind, signal) for entries whose kind their page decided."""
        with self._tx() as db:
            db.executemany("UPDATE entries SET kind = ?, kind_signal = ? WHERE uid = ?",
                           [(kind, signal, uid) for uid, kind, signal in kinds])

    def kind_counts(self) -> dict[str, dict[str, int]]:
        """Stored entries per feed URL and kind: {feed_url: {kind: count}}."""
        counts: dict[str, dict[str, int]] = {}
        for row in self._conn.execute(
                "SELECT feed_url, kind, COUNT(*) AS n FROM entries GROUP BY feed_url, kind ORDER BY kind"):
            counts.setdefault(row["feed_url"], {})[row["kind"]] = row["n"]
        return counts


def _entry(row: sqlite3.Row) -> Entry:
    return Entry(
        uid=row["uid"], feed=row["feed"], feed_url=row["feed_url"], title=row["title"],
        link=row["link"], summary=row["summary"], content=row["content"],
        published=from_iso(row["published"]), author=row["author"], date_note=row["date_note"],
        kind=row["kind"], kind_signal=row["kind_signal"],
    )
