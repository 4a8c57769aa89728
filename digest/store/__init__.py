"""All SQL lives in this package: the SQLite state of feeds, entries, article texts and sent stories.

WAL mode and one transaction per logical write keep the file consistent if the process is
killed at any moment; a lock file beside the database keeps a second run out (``connection``).
Migrations are numbered and tracked with ``PRAGMA user_version`` (``migrations``). ``Store``
joins the tables a fetch fills (``entries``) and those a run leaves for the next (``runs``), and
keeps the file small: what is older than the retention goes, and free pages are handed back.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from digest.errors import StoreError
from digest.store.connection import connect, iso, take_lock
from digest.store.entries import EntryTables
from digest.store.runs import RunTables

# VACUUM once free pages pass both: SQLite reuses freed pages for new rows, so a store pruned
# every day stops growing without it; VACUUM only hands space back after a one-off shrink.
VACUUM_FREE_SHARE = 0.25  # of the file's pages
VACUUM_FREE_PAGES = 256  # 1 MiB at the default 4 KiB page size: never for a small file


class Store(EntryTables, RunTables):
    """An open state database. Use ``Store.open(path)`` as a context manager."""

    @classmethod
    @contextmanager
    def open(cls, path: Path) -> Iterator[Store]:
        """Open (creating if absent) and migrate the store at ``path``; hold its lock."""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the folder for the store {path}: "
                             f"{exc.strerror or exc} (check [store] path)") from None
        lock_fd = take_lock(path)
        try:
            conn = connect(path)
            try:
                yield cls(conn, path, lock_fd)
            finally:
                conn.close()
        finally:
            os.close(lock_fd)

    # -- retention ----------------------------------------------------------------------

    def prune(self, before: datetime) -> dict[str, int]:
        """Forget what is older than ``before``; return the rows removed per table.

        Entries go once both published and last seen in a feed before then (a feed still
        listing an undated item would otherwise bring it back dated today), with their story
        map rows; article texts fetched, stories sent, editions, closed attempts and cached
        model answers before then.
        """
        cutoff = iso(before)
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
