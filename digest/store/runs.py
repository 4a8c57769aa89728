"""What one run leaves for the next: story ids, the stories and editions sent, delivery
attempts, reused stage results and language-model answers.

Stories keep their ids from run to run; what was sent, and which editions were built but never
went out, decide what a later edition carries; stage results (``build_cache``) and model answers
are kept so the same inputs are never worked out, or paid for, twice.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from digest.model import Answer, Prompt, SentStory
from digest.store.connection import Database, from_iso, iso, select_in

CACHE_DAYS = 7  # reused results older than this are dropped (a story is news for a day or two)


class RunTables(Database):
    """Reads and writes of the story, sent, edition, attempt, cache and answer tables."""

    # -- stories -----------------------------------------------------------------------

    def story_ids(self, uids: Iterable[str]) -> dict[str, str]:
        """Story id assigned in earlier runs to each of ``uids`` that has one."""
        rows = select_in(self._conn, "SELECT uid, story_id FROM story_members WHERE uid IN ({})",
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
        rows = [(sid, uid, iso(now)) for sid, uids in stories for uid in uids]
        with self._tx() as db:
            db.executemany("INSERT OR IGNORE INTO sent (story_id, uid, sent_at) VALUES (?, ?, ?)", rows)
            if edition is not None:
                day, recipients = edition
                db.executemany("INSERT OR IGNORE INTO editions (day, recipient, sent_at) VALUES (?, ?, ?)",
                               [(day, r, iso(now)) for r in recipients])

    # -- reused stage results ----------------------------------------------------------

    def cached(self, keys: Iterable[str]) -> dict[str, str]:
        """The saved value of each of ``keys`` that has one."""
        rows = select_in(self._conn, "SELECT key, value FROM build_cache WHERE key IN ({})",
                         list(keys))
        return {r["key"]: r["value"] for r in rows}

    def save_cached(self, items: Iterable[tuple[str, str]], *, now: datetime) -> None:
        """Save (key, value) pairs; drop those saved more than CACHE_DAYS before ``now``."""
        with self._tx() as db:
            db.executemany("INSERT OR REPLACE INTO build_cache (key, value, saved_at) VALUES (?, ?, ?)",
                           [(k, v, iso(now)) for k, v in items])
            db.execute("DELETE FROM build_cache WHERE saved_at < ?",
                       (iso(now - timedelta(days=CACHE_DAYS)),))

    def edition(self, day: str) -> SentStory | None:
        """The edition of ``day`` (YYYY-MM-DD) as it first went out (uids: its recipients), or None."""
        rows = self._conn.execute("SELECT recipient, sent_at FROM editions WHERE day = ? ORDER BY sent_at",
                                  (day,)).fetchall()
        if not rows:
            return None
        return SentStory(id=day, sent_at=datetime.fromisoformat(rows[0]["sent_at"]),
                         uids=frozenset(r["recipient"] for r in rows))

    # -- delivery attempts --------------------------------------------------------------

    def unsent_since(self) -> datetime | None:
        """Start of the earliest window built for an edition that has not gone out, or None."""
        row = self._conn.execute("SELECT MIN(window_start) FROM attempts WHERE sent = 0").fetchone()
        return from_iso(row[0])

    def record_attempt(self, day: str, *, window_start: datetime) -> None:
        """Remember that the edition of ``day`` covers entries from ``window_start`` on."""
        with self._tx() as db:
            db.execute("INSERT OR IGNORE INTO attempts (day, window_start) VALUES (?, ?)",
                       (day, iso(window_start)))

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
                 answer.prompt_tokens, answer.completion_tokens, iso(now)),
            )
