"""`kill -9` at any moment leaves a consistent store, and the next run completes as if nothing happened."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

NOW = "2026-11-23T06:00:00Z"
FEEDS, ITEMS = 20, 300


def write_feeds(folder: Path) -> Path:
    """20 RSS files of 300 items each, and a config.toml naming them."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = ['[articles]\nfetch = false\n[email]\nto = ["reader@example.com"]\n']
    for f in range(FEEDS):
        items = "".join(
            f"<item><title>Outlet {f} story {i}: council votes on plan {i}</title>"
            f"<link>https://o{f}.example/{i}</link><guid>g{i}</guid>"
            f"<pubDate>Mon, 23 Nov 2026 0{i % 6}:{i % 60:02d}:00 GMT</pubDate>"
            f"<description>The council voted on plan {i}. Mayor Ann Lee said it will go ahead next week."
            f"</description></item>"
            for i in range(ITEMS)
        )
        (folder / f"f{f}.xml").write_text(f'<?xml version="1.0"?><rss version="2.0"><channel>'
                                          f"<title>F{f}</title>{items}</channel></rss>")
        lines.append(f'[[feeds]]\nname = "Outlet {f}"\nurl = "f{f}.xml"\n')
    config = folder / "config.toml"
    config.write_text("\n".join(lines))
    return config


def build(config: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "digest", "build", "--config", str(config), "--out", str(out), "--now", NOW],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=Path(__file__).resolve().parents[1],
    )


@pytest.mark.slow
def test_kill_9_at_any_moment_then_a_clean_run(tmp_path):
    config = write_feeds(tmp_path / "feeds")  # entry ids hash the feed path: one folder for both
    start = time.monotonic()
    proc = build(config, tmp_path / "reference")
    assert proc.wait(timeout=120) == 0, proc.stderr.read().decode()
    full = time.monotonic() - start
    db = tmp_path / "feeds" / ".digest" / "state.sqlite3"
    db.parent.rename(tmp_path / "reference-state")  # the victim starts from an empty store

    for fraction in (0.3, 0.45, 0.6, 0.75, 0.9):
        proc = build(config, tmp_path / "victim")
        time.sleep(full * fraction)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        if db.exists():  # whatever was left must be a consistent database
            conn = sqlite3.connect(db)
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            conn.close()

    proc = build(config, tmp_path / "victim")
    assert proc.wait(timeout=120) == 0, proc.stderr.read().decode()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT COUNT(*) FROM entries").fetchone()[0] == FEEDS * ITEMS
    for name in ("digest.json", "digest.txt", "digest.mjml"):
        assert (tmp_path / "victim" / name).read_bytes() == (tmp_path / "reference" / name).read_bytes(), name
