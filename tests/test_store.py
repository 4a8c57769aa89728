"""The SQLite store, on a real file: migrations, entries, validators, backoff, locking, corruption."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest

from digest.errors import StoreError
from digest.model import Answer, Entry, Prompt
from digest.store import Store
from digest.store.entries import PageFacts
from digest.store.migrations import MIGRATIONS

NOW = datetime(2026, 11, 23, 6, 0, tzinfo=timezone.utc)


def entry(uid: str = "u1", **over) -> Entry:
    base = dict(uid=uid, feed="Outlet", feed_url="https://o.test/feed", title=f"Title {uid}",
                link=f"https://o.test/{uid}", summary="Summary.", content="",
                published=NOW - timedelta(hours=1))
    return Entry(**{**base, **over})


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "state" / "digest.sqlite3"


def test_new_store_is_migrated_and_in_wal_mode(db_path):
    with Store.open(db_path):
        pass
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_entries_round_trip_and_are_never_duplicated(db_path):
    e = entry(author="A. Writer")
    with Store.open(db_path) as store:
        assert store.record_feed_success(e.feed_url, [e], now=NOW, etag='"v1"',
                                         last_modified=None, full=True) == 1
        assert store.record_feed_success(e.feed_url, [e], now=NOW, etag='"v1"',
                                         last_modified=None, full=True) == 0
        assert store.recent_entries(NOW - timedelta(hours=2)) == [e]
        assert store.count_entries() == 1


def test_edited_entry_updates_in_place(db_path):
    e = entry()
    with Store.open(db_path) as store:
        store.record_feed_success(e.feed_url, [e], now=NOW, etag=None, last_modified=None, full=True)
        edited = replace(e, title="Corrected title", content="More text.")
        assert store.record_feed_success(e.feed_url, [edited], now=NOW, etag=None,
                                         last_modified=None, full=True) == 0
        assert store.recent_entries(NOW - timedelta(days=1)) == [edited]


def test_undated_entry_keeps_its_first_seen_date(db_path):
    e = entry(published=None, date_note="missing")
    with Store.open(db_path) as store:
        store.record_feed_success(e.feed_url, [e], now=NOW, etag=None, last_modified=None, full=True)
        later = NOW + timedelta(hours=5)
        store.record_feed_success(e.feed_url, [e], now=later, etag=None, last_modified=None, full=True)
        (saved,) = store.recent_entries(NOW - timedelta(days=1))
    assert saved.published == NOW and saved.date_note == "missing"


def test_recent_entries_filters_by_time_and_feed(db_path):
    old = entry("old", published=NOW - timedelta(hours=50))
    other = entry("other", feed_url="https://p.test/feed")
    fresh = entry("fresh")
    with Store.open(db_path) as store:
        store.record_feed_success(old.feed_url, [old, fresh], now=NOW, etag=None, last_modified=None, full=True)
        store.record_feed_success(other.feed_url, [other], now=NOW, etag=None, last_modified=None, full=True)
        got = store.recent_entries(NOW - timedelta(hours=36), feed_urls=[fresh.feed_url])
    assert [e.uid for e in got] == ["fresh"]
    with Store.open(db_path) as store:  # a clock set back must not see entries from its future
        assert store.recent_entries(NOW - timedelta(hours=60), until=NOW - timedelta(hours=2)) == [old]


def test_validators_and_success_state(db_path):
    with Store.open(db_path) as store:
        store.record_feed_success("https://o.test/feed", [entry()], now=NOW, etag='"abc"',
                                  last_modified="Mon, 23 Nov 2026 05:00:00 GMT", full=True,
                                  moved_to="https://o.test/new-feed")
        state = store.feed_state("https://o.test/feed")
    assert (state.etag, state.last_modified) == ('"abc"', "Mon, 23 Nov 2026 05:00:00 GMT")
    assert state.last_success == NOW and state.last_full_fetch == NOW
    assert state.moved_to == "https://o.test/new-feed" and state.failures == 0


def test_failures_back_off_exponentially_and_respect_retry_after(db_path):
    url = "https://o.test/feed"
    with Store.open(db_path) as store:
        first = store.record_feed_failure(url, "HTTP 500", now=NOW)
        second = store.record_feed_failure(url, "HTTP 500", now=NOW)
        third = store.record_feed_failure(url, "HTTP 429", now=NOW, retry_after=6 * 3600)
        gone = store.record_feed_failure(url, "HTTP 410", now=NOW, gone=True)
        store.record_feed_success(url, [], now=NOW, etag=None, last_modified=None, full=True)
        healed = store.feed_state(url)
    assert first.failures == 1 and second.failures == 2
    assert second.next_attempt - NOW == 2 * (first.next_attempt - NOW)
    assert third.next_attempt - NOW == timedelta(hours=6)
    assert gone.dead and gone.last_error == "HTTP 410"
    assert healed.failures == 0 and healed.next_attempt is None and not healed.dead


def test_articles_story_ids_and_sent_history(db_path):
    with Store.open(db_path) as store:
        store.save_article("https://o.test/a", "Body text.", now=NOW)
        store.save_article("https://o.test/b", "", now=NOW, error="HTTP 404")
        assert store.article_texts(["https://o.test/a", "https://o.test/b", "https://o.test/c"]) == {
            "https://o.test/a": "Body text.", "https://o.test/b": ""}
        store.save_story_ids([("u1", "s1"), ("u2", "s1")])
        assert store.story_ids(["u1", "u2", "u3"]) == {"u1": "s1", "u2": "s1"}
        store.mark_sent([("s1", ["u1", "u2"])], now=NOW)
        history = store.sent_history()
    assert history["s1"].uids == frozenset({"u1", "u2"}) and history["s1"].sent_at == NOW


def test_second_run_is_refused_while_one_holds_the_store(db_path):
    with Store.open(db_path):
        with pytest.raises(StoreError, match="in use by another digest run"):
            with Store.open(db_path):
                pass
    with Store.open(db_path):  # released afterwards
        pass


def test_corrupt_database_is_a_clear_error_and_is_not_recreated(db_path):
    db_path.parent.mkdir(parents=True)
    junk = b"this is not sqlite" * 500
    db_path.write_bytes(junk)
    with pytest.raises(StoreError, match="not a readable digest database") as caught:
        with Store.open(db_path):
            pass
    assert str(db_path) in str(caught.value)
    assert db_path.read_bytes() == junk


def test_store_from_a_newer_digest_is_refused(db_path):
    with Store.open(db_path):
        pass
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer digest"):
        with Store.open(db_path):
            pass


def test_unsent_attempts_are_remembered_until_an_edition_goes_out(db_path):
    with Store.open(db_path) as store:
        assert store.unsent_since() is None
        store.record_attempt("2026-11-23", window_start=NOW - timedelta(hours=36))
        store.record_attempt("2026-11-24", window_start=NOW - timedelta(hours=12))
        store.record_attempt("2026-11-24", window_start=NOW)  # the day's first window stands
        assert store.unsent_since() == NOW - timedelta(hours=36)
        store.close_attempts("2026-11-24")
        assert store.unsent_since() is None


def test_a_schema_1_store_is_migrated_in_place(db_path):
    db_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(db_path)
    conn.executescript(MIGRATIONS[0] + "PRAGMA user_version = 1;")
    conn.execute("INSERT INTO story_members VALUES ('u1', 's1')")
    conn.commit()
    conn.close()
    with Store.open(db_path) as store:
        assert store.story_ids(["u1"]) == {"u1": "s1"} and store.unsent_since() is None
    assert sqlite3.connect(db_path).execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)


def test_kinds_and_what_pages_say_are_kept(db_path):
    with Store.open(db_path) as store:
        store.record_feed_success("https://o.test/feed", [entry("u1"), entry("u2", kind="deals",
                                  kind_signal="url /deals/")], now=NOW, etag=None, last_modified=None,
                                  full=True)
        store.save_article("https://o.test/u1", "Text.", now=NOW,
                           page=PageFacts(kind="opinion", kind_signal="json-ld OpinionNewsArticle",
                                          published=NOW - timedelta(days=400)))
        store.save_kinds([("u1", "opinion", "json-ld OpinionNewsArticle")])
        kinds = {e.uid: (e.kind, e.kind_signal) for e in store.recent_entries(NOW - timedelta(days=1))}
        facts = store.page_facts(["https://o.test/u1", "https://o.test/u2"])
        counts = store.kind_counts()
    assert kinds == {"u1": ("opinion", "json-ld OpinionNewsArticle"), "u2": ("deals", "url /deals/")}
    assert facts == {"https://o.test/u1": PageFacts(kind="opinion", kind_signal="json-ld OpinionNewsArticle",
                                                    published=NOW - timedelta(days=400))}
    assert counts == {"https://o.test/feed": {"deals": 1, "opinion": 1}}


def test_entries_stored_before_kinds_existed_read_as_reports(db_path):
    db_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(db_path)
    conn.executescript(MIGRATIONS[0] + MIGRATIONS[1] + "PRAGMA user_version = 2;")
    conn.execute("INSERT INTO entries (uid, feed_url, feed, title, summary, content, published, first_seen,"
                 " updated_at) VALUES ('u1', 'f', 'F', 'T', 'S', '', ?, ?, ?)",
                 (NOW.isoformat(), NOW.isoformat(), NOW.isoformat()))
    conn.commit()
    conn.close()
    with Store.open(db_path) as store:
        [old] = store.recent_entries(NOW - timedelta(hours=1))
    assert (old.kind, old.kind_signal) == ("report", None)


def test_a_schema_2_store_moves_its_edition_rows_out_of_sent(db_path):
    db_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(db_path)
    conn.executescript(MIGRATIONS[0] + MIGRATIONS[1] + "PRAGMA user_version = 2;")
    conn.executemany("INSERT INTO sent VALUES (?, ?, ?)", [
        ("edition:2026-11-22", "ann@example.org", "2026-11-22T06:00:00+00:00"),
        ("edition:2026-11-22", "bob@example.net", "2026-11-22T06:05:00+00:00"),
        ("s1", "u1", "2026-11-22T06:00:00+00:00")])
    conn.commit()
    conn.close()
    with Store.open(db_path) as store:
        edition = store.edition("2026-11-22")
        assert edition is not None and edition.uids == {"ann@example.org", "bob@example.net"}
        assert edition.sent_at == datetime(2026, 11, 22, 6, tzinfo=timezone.utc)
        assert set(store.sent_history()) == {"s1"} and store.edition("2026-11-23") is None


def test_prune_forgets_old_rows_but_keeps_what_a_feed_still_lists(db_path):
    old, new = NOW - timedelta(days=40), NOW - timedelta(days=1)
    with Store.open(db_path) as store:
        store.record_feed_success("https://o.test/feed", [entry("gone", published=old), entry("listed", published=old)],
                                  now=old, etag=None, last_modified=None, full=True)
        store.record_feed_success("https://o.test/feed", [entry("listed", published=old), entry("fresh", published=new)],
                                  now=new, etag=None, last_modified=None, full=True)
        store.save_story_ids([("gone", "s-old"), ("listed", "s-old"), ("fresh", "s-new")])
        store.save_article("https://o.test/gone", "old text", now=old)
        store.save_article("https://o.test/fresh", "new text", now=new)
        store.mark_sent([("s-old", ["gone"])], now=old, edition=("2026-10-14", ["ann@example.org"]))
        store.mark_sent([("s-new", ["fresh"])], now=new, edition=("2026-11-22", ["ann@example.org"]))
        asked = [Prompt(model="m", version="1", sources_hash=h, system="", user="") for h in ("old", "new")]
        store.save_llm_answer(asked[0], Answer(text="{}"), now=old)
        store.save_llm_answer(asked[1], Answer(text="{}"), now=new)
        removed = store.prune(before=NOW - timedelta(days=30))
        assert removed == {"entries": 1, "story_members": 1, "articles": 1, "sent": 1, "editions": 1,
                           "attempts": 0, "llm_answers": 1}
        assert store.llm_answer(asked[0]) is None and store.llm_answer(asked[1]) is not None
        assert [e.uid for e in store.recent_entries(old - timedelta(days=1))] == ["listed", "fresh"]
        assert store.story_ids(["gone", "listed", "fresh"]) == {"listed": "s-old", "fresh": "s-new"}
        assert store.article_texts(["https://o.test/gone", "https://o.test/fresh"]) == {"https://o.test/fresh": "new text"}
        assert set(store.sent_history()) == {"s-new"}
        assert store.edition("2026-10-14") is None and store.edition("2026-11-22") is not None


def _simulate_day(store: Store, day: int, start: datetime) -> None:
    """One daily run: 3 feeds each listing its latest 20 entries (10 new a day, 2 KB each), the
    new entries' article texts, story ids, ten stories and the edition sent, then the pruning
    a build ends with (30 days)."""
    now = start + timedelta(days=day)
    text = " ".join(f"word{(day * 7 + i) % 997}" for i in range(300))
    for feed in range(3):
        listed = [entry(f"d{d}-f{feed}-{i}", feed_url=f"https://o{feed}.test/feed", content=text,
                        published=start + timedelta(days=d, minutes=i))
                  for d in (day - 1, day) if d >= 0 for i in range(10)]
        store.record_feed_success(f"https://o{feed}.test/feed", listed, now=now, etag=None,
                                  last_modified=None, full=True)
        for e in listed[-10:]:
            store.save_article(e.link or "", text * 2, now=now)
    uids = [f"d{day}-f{feed}-{i}" for feed in range(3) for i in range(10)]
    store.save_story_ids((uid, f"s{day}-{n % 15}") for n, uid in enumerate(uids))
    store.mark_sent([(f"s{day}-{n}", uids[n::15]) for n in range(10)], now=now,
                    edition=(now.date().isoformat(), ["ann@example.org", "bob@example.net"]))
    store.prune(before=now - timedelta(days=30))
    store.compact()


@pytest.mark.slow
def test_four_hundred_daily_runs_keep_the_file_size_level(db_path):
    """The size after day 400 stays within a small factor of the size after day 60: pruning
    (and the free pages SQLite reuses) bound the store; it does not grow with every run."""
    start = datetime(2025, 10, 1, 6, tzinfo=timezone.utc)
    sizes = {}
    for day in range(400):
        with Store.open(db_path) as store:
            _simulate_day(store, day, start)
            if day == 399:
                assert store.count_entries() == 32 * 30  # 31 days, and the day before still listed
        sizes[day + 1] = db_path.stat().st_size  # the WAL is checkpointed into the file on close
    print(f"store size after day 30: {sizes[30]:,}, 60: {sizes[60]:,}, 200: {sizes[200]:,}, "
          f"400: {sizes[400]:,} bytes")
    assert sizes[400] <= 1.25 * sizes[60]
    assert sizes[60] >= 2 * sizes[10]  # the workload is big enough for growth to show


def test_compact_vacuums_only_when_much_of_the_file_is_free(db_path):
    start = datetime(2025, 10, 1, 6, tzinfo=timezone.utc)
    with Store.open(db_path) as store:
        for day in range(20):
            _simulate_day(store, day, start)
        assert store.compact() is False  # daily pruning frees little: SQLite reuses it
        store.prune(before=start + timedelta(days=30))  # e.g. keep_days lowered: most rows go
        full = db_path.stat().st_size
        assert store.compact() is True and store.compact() is False
    assert db_path.stat().st_size < full / 4
