"""All SQL lives here: the SQLite state of feeds, entries, article texts and sent stories.

WAL mode and one transaction per logical write keep the file consistent if the process is
killed at any moment; a lock file beside the database keeps a second run out. Migrations are
numbered and tracked with ``PRAGMA user_version``.
"""

from __future__ import annotations

import fcntl
import logging
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from digest.errors import StoreError
from digest.model import Answer, Entry, Prompt, SentStory

log = logging.getLogger(__name__)

MIGRATIONS: tuple[str, ...] = (
    # 1: the first schema
    """
    CREATE TABLE feeds (
        url TEXT PRIMARY KEY,
        etag TEXT, last_modified TEXT,
        last_attempt TEXT, last_success TEXT, last_full_fetch TEXT,
        failures INTEGER NOT NULL DEFAULT 0, next_attempt TEXT, last_error TEXT,
        moved_to TEXT, dead INTEGER NOT NULL DEFAULT 0, last_entries INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE entries (
        uid TEXT PRIMARY KEY, feed_url TEXT NOT NULL, feed TEXT NOT NULL,
        title TEXT NOT NULL, link TEXT, summary TEXT NOT NULL, content TEXT NOT NULL,
        published TEXT NOT NULL, author TEXT, date_note TEXT,
        first_seen TEXT NOT NULL, updated_at TEXT NOT NULL
    );
    CREATE INDEX entries_published ON entries (published);
    CREATE TABLE articles (
        url TEXT PRIMARY KEY, text TEXT NOT NULL, error TEXT, fetched_at TEXT NOT NULL
    );
    CREATE TABLE story_members (uid TEXT PRIMARY KEY, story_id TEXT NOT NULL);
    CREATE TABLE sent (
        story_id TEXT NOT NULL, uid TEXT NOT NULL, sent_at TEXT NOT NULL,
        PRIMARY KEY (story_id, uid)
    );
    """,
    # 2: delivery attempts, so that a failed send's stories are still caught up the next day
    """
    CREATE TABLE attempts (
        day TEXT PRIMARY KEY, window_start TEXT NOT NULL, sent INTEGER NOT NULL DEFAULT 0
    );
    """,
    # 3: language-model answers, so the same sources are never paid for twice
    """
    CREATE TABLE llm_answers (
        model TEXT NOT NULL, instruction TEXT NOT NULL, sources_hash TEXT NOT NULL,
        answer TEXT NOT NULL, prompt_tokens INTEGER, completion_tokens INTEGER,
        asked_at TEXT NOT NULL,
        PRIMARY KEY (model, instruction, sources_hash)
    );
    """,
    # 4: each entry's kind (report, opinion …) with the signal that decided it; what each
    # article page says about itself (its kind and its own publication date)
    """
    ALTER TABLE entries ADD COLUMN kind TEXT NOT NULL DEFAULT 'report';
    ALTER TABLE entries ADD COLUMN kind_signal TEXT;
    ALTER TABLE articles ADD COLUMN kind TEXT;
    ALTER TABLE articles ADD COLUMN kind_signal TEXT;
    ALTER TABLE articles ADD COLUMN published TEXT;
    """,
    # 5: editions in a table of their own (they were `edition:DAY` rows in sent, uid = recipient),
    # and the indexes that pruning by age reads
    """
    CREATE TABLE editions (
        day TEXT NOT NULL, recipient TEXT NOT NULL, sent_at TEXT NOT NULL,
        PRIMARY KEY (day, recipient)
    );
    INSERT OR IGNORE INTO editions (day, recipient, sent_at)
        SELECT substr(story_id, 9), uid, sent_at FROM sent WHERE story_id LIKE 'edition:%';
    DELETE FROM sent WHERE story_id LIKE 'edition:%';
    CREATE INDEX sent_sent_at ON sent (sent_at);
    CREATE INDEX articles_fetched_at ON articles (fetched_at);
    CREATE INDEX entries_updated_at ON entries (updated_at);
    CREATE INDEX llm_answers_asked_at ON llm_answers (asked_at);
    """,
    # 6: stage results a later build with the same inputs reuses (key: a fingerprint of them)
    """
    CREATE TABLE build_cache (key TEXT PRIMARY KEY, value TEXT NOT NULL, saved_at TEXT NOT NULL);
    CREATE INDEX build_cache_saved_at ON build_cache (saved_at);
    """,
)

CACHE_DAYS = 7  # reused results older than this are dropped (a story is news for a day or two)

# VACUUM once free pages pass both: SQLite reuses freed pages for new rows, so a store pruned
# every day stops growing without it; VACUUM only hands space back after a one-off shrink.
VACUUM_FREE_SHARE = 0.25  # of the file's pages
VACUUM_FREE_PAGES = 256  # 1 MiB at the default 4 KiB page size: never for a small file

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


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(timezone.utc).isoformat()


def _time(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


class Store:
    """An open state database. Use ``Store.open(path)`` as a context manager."""

    def __init__(self, conn: sqlite3.Connection, path: Path, lock_fd: int) -> None:
        self._conn = conn
        self.path = path
        self._lock_fd = lock_fd

    @classmethod
    @contextmanager
    def open(cls, path: Path) -> Iterator[Store]:
        """Open (creating if absent) and migrate the store at ``path``; hold its lock."""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the folder for the store {path}: "
                             f"{exc.strerror or exc} (check [store] path)") from None
        lock_fd = _take_lock(path)
        try:
            conn = _connect(path)
            try:
                yield cls(conn, path, lock_fd)
            finally:
                conn.close()
        finally:
            os.close(lock_fd)

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        """One transaction: all of it lands, or none of it."""
        try:
            with self._conn:
                yield self._conn
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: database write failed: {exc}") from exc

    # -- feeds -------------------------------------------------------------------------

    def feed_state(self, url: str) -> FeedState:
        """The remembered state of ``url`` (defaults when never seen)."""
        row = self._conn.execute("SELECT * FROM feeds WHERE url = ?", (url,)).fetchone()
        if row is None:
            return FeedState(url=url)
        return FeedState(
            url=url, etag=row["etag"], last_modified=row["last_modified"],
            last_success=_time(row["last_success"]), last_full_fetch=_time(row["last_full_fetch"]),
            failures=row["failures"], next_attempt=_time(row["next_attempt"]),
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
                (url, etag, last_modified, _iso(now), _iso(now), _iso(now) if full else None,
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
                (url, _iso(now), failures, _iso(now + wait), error, int(gone)),
            )
        return self.feed_state(url)

    # -- entries -----------------------------------------------------------------------

    def _save_entries(self, db: sqlite3.Connection, entries: Sequence[Entry], now: datetime) -> int:
        """Insert new entries, update edited ones in place; return how many were new.

        An entry without a date is dated when first seen, and keeps that date on later runs.
        """
        known = {
            r["uid"] for r in _select_in(db, "SELECT uid FROM entries WHERE uid IN ({})",
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
                 _iso(e.published or now), e.author, e.date_note, _iso(now), _iso(now),
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
            (_iso(since), _iso(until) if until else "9999"),
        ).fetchall()
        wanted = None if feed_urls is None else set(feed_urls)
        return [_entry(r) for r in rows if wanted is None or r["feed_url"] in wanted]

    def count_entries(self) -> int:
        """How many entries the store holds."""
        return self._conn.execute("SELECT COUNT(*) FROM entries").fetchone()[0]

    # -- article pages -----------------------------------------------------------------

    def article_texts(self, urls: Iterable[str]) -> dict[str, str]:
        """Extracted text for each already-fetched URL (failed fetches map to '')."""
        rows = _select_in(self._conn, "SELECT url, text FROM articles WHERE url IN ({})", list(urls))
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
                (url, text, error, _iso(now), page.kind, page.kind_signal, _iso(page.published)),
            )

    def page_facts(self, urls: Iterable[str]) -> dict[str, PageFacts]:
        """The kind and own publication date recorded for each already-fetched page."""
        rows = _select_in(self._conn, "SELECT url, kind, kind_signal, published FROM articles "
                          "WHERE url IN ({})", list(urls))
        return {r["url"]: PageFacts(kind=r["kind"], kind_signal=r["kind_signal"],
                                    published=_time(r["published"])) for r in rows}

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

    # -- stories -----------------------------------------------------------------------

    def story_ids(self, uids: Iterable[str]) -> dict[str, str]:
        """Story id assigned in earlier runs to each of ``uids`` that has one."""
        rows = _select_in(self._conn, "SELECT uid, story_id FROM story_members WHERE uid IN ({})",
                          list(uids))
        return {r["uid"]: r["story_id"] for r in rows}

    def save_story_ids(self, members: Iterable[tuple[str, str]]) -> None:
        """Remember (uid, story id) pairs so later runs keep the same ids."""
        with self._tx() as db:
            db.executemany(
                "INSERT OR REPLACE INTO story_members (uid, story_id) VALUES (?, ?)", list(members)
            )

    def sent_history(self) -> dict[str, SentStory]:
        """Every story sent before, with the entries it carried then."""
        history: dict[str, tuple[datetime, set[str]]] = {}
        for row in self._conn.execute("SELECT story_id, uid, sent_at FROM sent ORDER BY sent_at"):
            at, uids = history.setdefault(row["story_id"], (datetime.fromisoformat(row["sent_at"]), set()))
            uids.add(row["uid"])
        return {sid: SentStory(id=sid, sent_at=at, uids=frozenset(u)) for sid, (at, u) in history.items()}

    def mark_sent(self, stories: Iterable[tuple[str, Iterable[str]]], *, now: datetime,
                  edition: tuple[str, Iterable[str]] | None = None) -> None:
        """Record that each (story id, entry uids) went out at ``now``, and with ``edition``
        (day, recipients) that the day's edition did; one transaction."""
        rows = [(sid, uid, _iso(now)) for sid, uids in stories for uid in uids]
        with self._tx() as db:
            db.executemany("INSERT OR IGNORE INTO sent (story_id, uid, sent_at) VALUES (?, ?, ?)", rows)
            if edition is not None:
                day, recipients = edition
                db.executemany("INSERT OR IGNORE INTO editions (day, recipient, sent_at) VALUES (?, ?, ?)",
                               [(day, r, _iso(now)) for r in recipients])

    # -- reused stage results ----------------------------------------------------------

    def cached(self, keys: Iterable[str]) -> dict[str, str]:
        """The saved value of each of ``keys`` that has one."""
        rows = _select_in(self._conn, "SELECT key, value FROM build_cache WHERE key IN ({})",
                          list(keys))
        return {r["key"]: r["value"] for r in rows}

    def save_cached(self, items: Iterable[tuple[str, str]], *, now: datetime) -> None:
        """Save (key, value) pairs; drop those saved more than CACHE_DAYS before ``now``."""
        with self._tx() as db:
            db.executemany("INSERT OR REPLACE INTO build_cache (key, value, saved_at) VALUES (?, ?, ?)",
                           [(k, v, _iso(now)) for k, v in items])
            db.execute("DELETE FROM build_cache WHERE saved_at < ?",
                       (_iso(now - timedelta(days=CACHE_DAYS)),))

    def edition(self, day: str) -> SentStory | None:
        """The edition of ``day`` (YYYY-MM-DD) as it first went out (uids: its recipients), or None."""
        rows = self._conn.execute("SELECT recipient, sent_at FROM editions WHERE day = ? ORDER BY sent_at",
                                  (day,)).fetchall()
        if not rows:
            return None
        return SentStory(id=day, sent_at=datetime.fromisoformat(rows[0]["sent_at"]),
                         uids=frozenset(r["recipient"] for r in rows))

    # -- retention ----------------------------------------------------------------------

    def prune(self, before: datetime) -> dict[str, int]:
        """Forget what is older than ``before``; return the rows removed per table.

        Entries go once both published and last seen in a feed before then (a feed still
        listing an undated item would otherwise bring it back dated today), with their story
        map rows; article texts fetched, stories sent, editions, closed attempts and cached
        model answers before then.
        """
        cutoff = _iso(before)
        statements = {
            "entries": ("DELETE FROM entries WHERE published < ? AND updated_at < ?", (cutoff, cutoff)),
            "story_members": ("DELETE FROM story_members WHERE NOT EXISTS "
                              "(SELECT 1 FROM entries WHERE entries.uid = story_members.uid)", ()),
            "articles": ("DELETE FROM articles WHERE fetched_at < ?", (cutoff,)),
            "sent": ("DELETE FROM sent WHERE sent_at < ?", (cutoff,)),
            "editions": ("DELETE FROM editions WHERE sent_at < ?", (cutoff,)),
            "attempts": ("DELETE FROM attempts WHERE sent = 1 AND window_start < ?", (cutoff,)),
            "llm_answers": ("DELETE FROM llm_answers WHERE asked_at < ?", (cutoff,)),
        }
        with self._tx() as db:
            return {table: db.execute(sql, args).rowcount for table, (sql, args) in statements.items()}

    def compact(self) -> bool:
        """VACUUM when enough of the file is free pages (see VACUUM_FREE_SHARE); True if it did."""
        pages = self._conn.execute("PRAGMA page_count").fetchone()[0]
        free = self._conn.execute("PRAGMA freelist_count").fetchone()[0]
        if free < VACUUM_FREE_PAGES or free < pages * VACUUM_FREE_SHARE:
            return False
        try:
            self._conn.execute("VACUUM")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: VACUUM failed: {exc}") from exc
        return True

    # -- delivery attempts --------------------------------------------------------------

    def unsent_since(self) -> datetime | None:
        """Start of the earliest window built for an edition that has not gone out, or None."""
        row = self._conn.execute("SELECT MIN(window_start) FROM attempts WHERE sent = 0").fetchone()
        return _time(row[0])

    def record_attempt(self, day: str, *, window_start: datetime) -> None:
        """Remember that the edition of ``day`` covers entries from ``window_start`` on."""
        with self._tx() as db:
            db.execute("INSERT OR IGNORE INTO attempts (day, window_start) VALUES (?, ?)",
                       (day, _iso(window_start)))

    def close_attempts(self, day: str) -> None:
        """The edition of ``day`` went out: it covered every earlier unsent attempt too."""
        with self._tx() as db:
            db.execute("UPDATE attempts SET sent = 1 WHERE day <= ?", (day,))

    # -- language-model answers ---------------------------------------------------------

    def llm_answer(self, prompt: Prompt) -> Answer | None:
        """The answer saved for ``prompt`` (same model, instruction and sources), or None."""
        row = self._conn.execute(
            "SELECT * FROM llm_answers WHERE model = ? AND instruction = ? AND sources_hash = ?",
            (prompt.model, prompt.version, prompt.sources_hash),
        ).fetchone()
        if row is None:
            return None
        return Answer(text=row["answer"], prompt_tokens=row["prompt_tokens"],
                      completion_tokens=row["completion_tokens"], cached=True)

    def save_llm_answer(self, prompt: Prompt, answer: Answer, *, now: datetime) -> None:
        """Remember what the model answered to ``prompt``; ``answer.text`` must be set."""
        assert answer.text is not None
        with self._tx() as db:
            db.execute(
                """INSERT OR REPLACE INTO llm_answers (model, instruction, sources_hash, answer,
                       prompt_tokens, completion_tokens, asked_at) VALUES (?, ?, ?, ?, ?, ?, ?)""",
                (prompt.model, prompt.version, prompt.sources_hash, answer.text,
                 answer.prompt_tokens, answer.completion_tokens, _iso(now)),
            )


def _entry(row: sqlite3.Row) -> Entry:
    return Entry(
        uid=row["uid"], feed=row["feed"], feed_url=row["feed_url"], title=row["title"],
        link=row["link"], summary=row["summary"], content=row["content"],
        published=_time(row["published"]), author=row["author"], date_note=row["date_note"],
        kind=row["kind"], kind_signal=row["kind_signal"],
    )


def _select_in(db: sqlite3.Connection, sql: str, values: list[str]) -> list[sqlite3.Row]:
    """Run ``sql`` with an IN (...) list, in chunks under SQLite's variable limit."""
    rows: list[sqlite3.Row] = []
    for i in range(0, len(values), 500):
        chunk = values[i : i + 500]
        rows += db.execute(sql.format(",".join("?" * len(chunk))), chunk).fetchall()
    return rows


def _take_lock(path: Path) -> int:
    """Hold an exclusive lock on ``<db>.lock`` or raise StoreError: one run at a time."""
    lock_path = path.with_name(path.name + ".lock")
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise StoreError(f"cannot open {lock_path}: {exc.strerror or exc} (check [store] path)") from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise StoreError(
            f"{path} is in use by another digest run; wait for it to finish "
            f"(or remove {lock_path} if no digest process is running)"
        ) from None
    return fd


def _connect(path: Path) -> sqlite3.Connection:
    """Open, check and migrate the database; never recreate a corrupt one."""
    try:
        conn = sqlite3.connect(path, timeout=10, isolation_level=None)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise StoreError(
            f"{path} is not a readable digest database ({exc}); move it aside to start afresh "
            "or restore it from a backup"
        ) from exc
    conn.isolation_level = "DEFERRED"  # `with conn:` now wraps each write in a transaction
    _migrate(conn, path, version)
    return conn


def _migrate(conn: sqlite3.Connection, path: Path, version: int) -> None:
    """Apply the migrations after ``version``, each in its own transaction."""
    if version > len(MIGRATIONS):
        raise StoreError(f"{path} was written by a newer digest (schema {version}); upgrade digest")
    for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
        log.info("migrating %s to schema %d", path, number)
        try:
            conn.executescript(f"BEGIN;\n{script}\nPRAGMA user_version = {number};\nCOMMIT;")
        except sqlite3.DatabaseError as exc:
            conn.rollback()
            raise StoreError(f"{path}: migration {number} failed: {exc}") from exc
