"""Nothing new, nothing redone: a build reuses what an earlier build computed from the same inputs,
and its files are byte for byte those of a build that computes everything again."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from digest import pipeline
from digest.pipeline import reuse
from digest.config.load import load_config
from digest.fetch import Fetcher
from digest.store import Store
from digest.summarise import get_summariser
from tests.test_cli import sample_config

NOW = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)
ITEM = ("<item><title>{title}</title><link>https://extra.example/{n}</link><guid>extra-{n}</guid>"
        "<pubDate>Mon, 23 Nov 2026 0{n}:10:00 +0000</pubDate><description>{text}</description></item>")
NEW_ITEMS = [
    ("Lighthouse on Cape Arlen relit after a two-year restoration",
     "The Cape Arlen lighthouse was relit on Monday after a two-year restoration, the trust said."),
    ("City council approves waterfront housing plan in late-night vote",
     "The city council approved the waterfront housing plan in a late-night vote on Sunday."),
]


class Counting:
    """The real summariser, counting the briefs it writes (our own seam)."""

    def __init__(self) -> None:
        self.inner = get_summariser("extractive")
        self.calls = 0

    def summarise(self, story):
        self.calls += 1
        return self.inner.summarise(story)


def extra_feed(path: Path, items: list[tuple[str, str]]) -> None:
    body = "".join(ITEM.format(title=t, text=x, n=n) for n, (t, x) in enumerate(items, start=1))
    path.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>Extra</title>{body}'
                    "</channel></rss>", encoding="utf-8")


def make_config(tmp_path: Path) -> Path:
    extra_feed(tmp_path / "extra.xml", NEW_ITEMS[1:0])
    path = sample_config(tmp_path, **{"fetch = true": "fetch = false"})
    path.write_text(path.read_text() + '\n[[feeds]]\nname = "Extra Gazette"\nurl = "extra.xml"\n')
    return path


def build(config_path: Path, out: Path, *, store_path: Path | None = None) -> tuple[int, dict[str, bytes]]:
    """Build into ``out``; return how many briefs were written afresh and the files."""
    config = load_config(config_path)
    counting = Counting()
    with Store.open(store_path or config.store.path) as store:
        digest = pipeline.build(config, now=NOW, fetcher=Fetcher(config.fetch), store=store,
                                summariser=counting)
    built = pipeline.write_digest(digest, config, out_dir=out, now=NOW)
    return counting.calls, {p.name: p.read_bytes() for p in built.paths}


@pytest.fixture
def config(tmp_path):
    return make_config(tmp_path)


def cold_copy(tmp_path: Path) -> Path:
    """A copy of the store with nothing to reuse."""
    cold = tmp_path / "cold.sqlite3"
    shutil.copy(tmp_path / ".digest" / "state.sqlite3", cold)
    with sqlite3.connect(cold) as db:
        db.execute("DELETE FROM build_cache")
    return cold


def test_a_build_with_unchanged_inputs_reuses_grouping_and_every_brief(config, tmp_path, monkeypatch):
    written, first = build(config, tmp_path / "a")
    assert written >= 3
    cold = cold_copy(tmp_path)
    with monkeypatch.context() as patch:
        patch.setattr(reuse, "group_entries", lambda *a, **k: pytest.fail("regrouped"))
        again, second = build(config, tmp_path / "b")
    assert again == 0
    everything, full = build(config, tmp_path / "c", store_path=cold)
    assert second == first == full
    assert everything == written


def test_a_few_new_entries_redo_only_their_stories_byte_identical_to_a_full_rebuild(config, tmp_path):
    written, _ = build(config, tmp_path / "a")
    extra_feed(tmp_path / "extra.xml", NEW_ITEMS)  # one new story, one more outlet on another
    cold = cold_copy(tmp_path)

    redone, incremental = build(config, tmp_path / "b")
    everything, full = build(config, tmp_path / "c", store_path=cold)
    assert incremental == full
    assert 1 <= redone < everything
    assert b"Lighthouse on Cape Arlen relit" in full["digest.json"]


def write(config_path: Path, out: Path, *, store_path: Path | None = None) -> dict[str, bytes]:
    """Build, then write the files with the store open (as `digest build` does); return them."""
    config = load_config(config_path)
    with Store.open(store_path or config.store.path) as store:
        digest = pipeline.build(config, now=NOW, fetcher=Fetcher(config.fetch), store=store,
                                summariser=get_summariser("extractive"))
        built = pipeline.write_digest(digest, config, out_dir=out, now=NOW, store=store)
    return {p.name: p.read_bytes() for p in built.paths}


def test_an_unchanged_build_reuses_the_rendered_email_byte_for_byte(config, tmp_path, monkeypatch):
    first = write(config, tmp_path / "a")
    with monkeypatch.context() as patch:
        patch.setattr(reuse, "render_digest", lambda *a, **k: pytest.fail("rendered again"))
        second = write(config, tmp_path / "b")
    assert second == first
    fresh = write(config, tmp_path / "c", store_path=cold_copy(tmp_path))
    assert fresh == first


def test_a_changed_setting_renders_again(config, tmp_path):
    first = write(config, tmp_path / "a")
    config.write_text(config.read_text().replace("[digest]\n", '[digest]\nweb_url = "https://news.example/today"\n', 1))
    second = write(config, tmp_path / "b")
    assert b"https://news.example/today" in second["digest.html"]
    assert b"https://news.example/today" not in first["digest.html"]
    with sqlite3.connect(tmp_path / ".digest" / "state.sqlite3") as db:  # one email kept, the last
        kept = db.execute("SELECT value FROM build_cache WHERE value LIKE '%\"inputs\":%'").fetchall()
    assert len(kept) == 1 and "https://news.example/today" in kept[0][0]


def test_a_reused_render_moves_the_same_briefs_to_more_stories(config, tmp_path):
    from digest.render import RenderSettings

    cfg = load_config(config)
    with Store.open(cfg.store.path) as store:
        digest = pipeline.build(cfg, now=NOW, fetcher=Fetcher(cfg.fetch), store=store,
                                summariser=get_summariser("extractive"))
        settings = RenderSettings(html_budget=20_000)  # too small for every brief
        made = reuse._render_reusing(digest, settings, store=store, now=NOW)
        reused = reuse._render_reusing(digest, settings, store=store, now=NOW)
    assert made.digest is not None and len(made.digest.stories) < len(digest.stories)  # briefs were moved
    assert reused == made
