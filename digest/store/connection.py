"""The open database file: its lock, its connection and the transaction every write goes through.

A lock file beside the database keeps a second run out; the connection is in WAL mode and is
migrated when it opens (``migrations``). ``Database`` holds the connection the table methods of
``Store`` share, and times and IN lists are written to SQL here the same way for every table.
"""

from __future__ import annotations

import fcntl
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from digest.errors import StoreError
from digest.store.migrations import migrate


class Database:
    """An open connection, its path and the lock held for it; the base of ``Store``."""

    def __init__(self, conn: sqlite3.Connection, path: Path, lock_fd: int) -> None:
        self._conn = conn
        self.path = path
        self._lock_fd = lock_fd

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        """One transaction: all of it lands, or none of it."""
        try:
            with self._conn:
                yield self._conn
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: database write failed: {exc}") from exc


def iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(timezone.utc).isoformat()


def from_iso(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


def select_in(db: sqlite3.Connection, sql: str, values: list[str]) -> list[sqlite3.Row]:
    """Run ``sql`` with an IN (...) list, in chunks under SQLite's variable limit."""
    rows: list[sqlite3.Row] = []
    for i in range(0, len(values), 500):
        chunk = values[i : i + 500]
        rows += db.execute(sql.format(",".join("?" * len(chunk))), chunk).fetchall()
    return rows


def take_lock(path: Path) -> int:
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


def connect(path: Path) -> sqlite3.Connection:
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
    migrate(conn, path, version)
    return conn
