"""The schema, as numbered migrations tracked with ``PRAGMA user_version``.

Each migration runs in a transaction of its own when a store opens, so a store written by any
earlier digest is brought up to date in place; one written by a newer digest is refused.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from digest.errors import StoreError

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


def migrate(conn: sqlite3.Connection, path: Path, version: int) -> None:
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
