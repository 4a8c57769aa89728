"""`digest run`, `send` and `export` end to end: the sample feeds, a real SMTP server on loopback.

Never twice a day, --force sends again, a failed send marks nothing so the next run has the
same stories, and `send` sends exactly what DIR holds (an edited digest.json needs a render).
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from digest.cli import app
from digest.deliver import TOKEN_PLACEHOLDER
from digest.send import unsubscribe_token
from tests.smtpserver import Recorder, free_port, smtp_server

REPO = Path(__file__).resolve().parents[1]
NOW = "2026-11-23T06:00:00Z"
LATER = "2026-11-23T18:00:00Z"
SECRET = "a-test-secret"
runner = CliRunner()
pytestmark = pytest.mark.slow  # each test builds the sample digest (~1 s)


def make_config(tmp_path: Path, port: int, *, to=("ann@example.org", "bob@example.net")) -> Path:
    """The bundled config with absolute sample feeds, its store in tmp_path and SMTP on ``port``."""
    text = (REPO / "config.toml").read_text(encoding="utf-8")
    text = text.replace('url = "samples/', f'url = "{REPO}/samples/')
    text = text.replace('to = ["reader@example.com"]', "to = [" + ", ".join(f'"{a}"' for a in to) + "]")
    text = text.replace('host = "localhost"\nport = 587\nsecurity = "starttls"',
                        f'host = "127.0.0.1"\nport = {port}\nsecurity = "none"')
    text = re.sub(r"(?m)^timeout = 30\b.*$", "timeout = 5", text)  # [smtp] timeout: tests fail fast
    assert f"port = {port}" in text and "ann@example.org" in text and "timeout = 5" in text
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def invoke(*args: str, env: dict | None = None):
    return runner.invoke(app, list(args), env={"DIGEST_TOKEN_SECRET": SECRET, **(env or {})})


def sent_ids(tmp_path: Path) -> set[str]:
    db = tmp_path / ".digest" / "state.sqlite3"
    with sqlite3.connect(db) as conn:
        return {row[0] for row in conn.execute("SELECT DISTINCT story_id FROM sent")}


def stored_entries(tmp_path: Path) -> int:
    with sqlite3.connect(tmp_path / ".digest" / "state.sqlite3") as conn:
        return conn.execute("SELECT COUNT(*) FROM entries").fetchone()[0]


def edition_days(tmp_path: Path) -> set[str]:
    with sqlite3.connect(tmp_path / ".digest" / "state.sqlite3") as conn:
        return {row[0] for row in conn.execute("SELECT DISTINCT day FROM editions")}


def stories(out: Path) -> list[str]:
    doc = json.loads((out / "digest.json").read_text(encoding="utf-8"))
    return [s["id"] for s in doc["stories"] + doc["more"]]


@pytest.fixture
def env(tmp_path):
    """A port for the SMTP server and a config pointing at it."""
    port = free_port()
    return tmp_path, make_config(tmp_path, port), tmp_path / "out", port


def run(config: Path, out: Path, *extra: str, now: str = NOW):
    return invoke("run", "--config", str(config), "--out", str(out), "--now", now, *extra)


def test_run_sends_once_a_day_and_force_sends_again(env):
    tmp, config, out, port = env
    handler = Recorder()
    with smtp_server(handler, port=port):
        first = run(config, out)
        assert first.exit_code == 0, first.output
        assert [r.recipients for r in handler.received] == [["ann@example.org"], ["bob@example.net"]]
        assert "Sent the 2026-11-23 edition" in first.output and "to 2/2 recipient(s)" in first.output
        assert set(stories(out)) == sent_ids(tmp) and edition_days(tmp) == {"2026-11-23"}

        second = run(config, out, now=LATER)
        assert second.exit_code == 0, second.output
        assert "Already sent the 2026-11-23 edition" in second.output and "--force" in second.output
        assert len(handler.received) == 2

        forced = run(config, out, "--force", now=LATER)
        assert forced.exit_code == 0, forced.output
        assert len(handler.received) == 4
        assert stories(out), "--force rebuilds the same edition rather than an empty one"


def test_each_recipient_gets_their_own_unsubscribe_token(env):
    tmp, config, out, port = env
    handler = Recorder()
    with smtp_server(handler, port=port):
        assert run(config, out).exit_code == 0
    for received in handler.received:
        address = received.recipients[0]
        token = unsubscribe_token(address, secret=SECRET)
        message = received.message
        assert message["To"] == address
        assert message["List-Unsubscribe"].strip() == f"<https://example.com/unsubscribe?u={token}>"
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        html = message.get_body(("html",)).get_content()
        text = message.get_body(("plain",)).get_content()
        assert f"u={token}" in html and f"u={token}" in text
        assert TOKEN_PLACEHOLDER not in html + text and "u=preview" not in html
    ids = [r.message["Message-ID"] for r in handler.received]
    assert len(set(ids)) == len(ids)


@pytest.mark.parametrize("server", ["down", "rejecting"])
def test_failed_send_exits_1_marks_nothing_and_the_next_run_sends_the_same_stories(env, server):
    tmp, config, out, port = env
    if server == "down":
        failed = run(config, out)
    else:
        with smtp_server(Recorder(reject_all=True), port=port):
            failed = run(config, out)
    assert failed.exit_code == 1
    assert "error:" in failed.output and (f"127.0.0.1:{port}" in failed.output or "550" in failed.output)
    assert sent_ids(tmp) == set()
    first_try = stories(out)
    handler = Recorder()
    with smtp_server(handler, port=port):
        retry = run(config, out, now=LATER)
    assert retry.exit_code == 0, retry.output
    assert len(handler.received) == 2
    assert set(first_try) <= set(stories(out)), "the stories not sent come back in the next run"


def test_a_send_that_failed_yesterday_is_caught_up_today_though_past_the_lookback(env):
    tmp, config, out, port = env
    assert run(config, out).exit_code == 1  # no server: the 23 November edition fails
    first_try = stories(out)
    next_day = "2026-11-24T06:00:00Z"  # the sample entries are now 27-46 h old; lookback is 36 h
    handler = Recorder()
    with smtp_server(handler, port=port):
        retry = run(config, out, now=next_day)
    assert retry.exit_code == 0, retry.output
    assert set(first_try) <= set(stories(out)), "a day's outage must not lose its stories"
    assert set(stories(out)) <= sent_ids(tmp), "every story sent, the caught-up ones too, is marked"
    assert "not in the store" not in retry.output
    with smtp_server(Recorder(), port=port):  # once sent, the window is the usual one again
        assert run(config, out, now="2026-11-25T06:00:00Z").exit_code == 0
    assert json.loads((out / "digest.json").read_text())["stories"] == []


def roll_feeds(samples: Path) -> None:
    """The feeds move on: yesterday's items are gone from every sample feed."""
    for path in samples.glob("*.xml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"<entry>.*</entry>|<item>.*</item>", "", text, flags=re.S), encoding="utf-8")
    feed = json.loads((samples / "capital-ledger.json").read_text(encoding="utf-8"))
    (samples / "capital-ledger.json").write_text(json.dumps({**feed, "items": []}), encoding="utf-8")


def test_a_build_keeps_what_a_pending_catch_up_still_needs(env):
    tmp, config, out, port = env
    shutil.copytree(REPO / "samples", tmp / "samples")
    text = config.read_text(encoding="utf-8").replace(f'url = "{REPO}/samples/', f'url = "{tmp}/samples/')
    config.write_text(re.sub(r"(?m)^# keep_days = 30\b.*$", "keep_days = 1", text), encoding="utf-8")
    assert run(config, out).exit_code == 1  # no server: the 23 November edition fails
    first_try = stories(out)
    roll_feeds(tmp / "samples")
    held = stored_entries(tmp)
    preview = invoke("build", "--config", str(config), "--out", str(tmp / "preview"),
                     "--now", "2026-11-25T05:30:00Z")  # keep_days = 1 would forget 23 November
    assert preview.exit_code == 0, preview.output
    assert stored_entries(tmp) == held > 0, "the build kept the unsent edition's entries"
    with smtp_server(Recorder(), port=port):
        retry = run(config, out, now="2026-11-25T06:00:00Z")
    assert retry.exit_code == 0, retry.output
    # The same stories as a catch-up with no build in between (two fall to the ranking's decay).
    assert len(set(first_try) & set(stories(out))) >= len(first_try) - 2


def test_a_partial_send_marks_the_edition_and_exits_1_naming_who_was_refused(env):
    tmp, config, out, port = env
    handler = Recorder(reject={"bob@example.net"})
    with smtp_server(handler, port=port):
        result = run(config, out)
    assert result.exit_code == 1
    assert "to 1/2 recipient(s)" in result.output and "bob@example.net: 550" in result.output
    assert "digest send --to bob@example.net --force" in result.output
    assert edition_days(tmp) == {"2026-11-23"}
    handler.reject.clear()
    with smtp_server(handler, port=port):
        args = ("send", "--config", str(config), "--out", str(out))
        assert "Already sent" in invoke(*args, "--to", "bob@example.net").output
        retry = invoke(*args, "--to", "bob@example.net", "--force")
        assert retry.exit_code == 0, retry.output
        assert invoke(*args, "--to", "eve@example.com", "--force").exit_code == 2
    assert [r.recipients for r in handler.received] == [["ann@example.org"], ["bob@example.net"]]


def test_send_sends_exactly_what_dir_holds_and_refuses_an_unrendered_edit(env):
    tmp, config, out, port = env
    assert invoke("build", "--config", str(config), "--out", str(out), "--now", NOW).exit_code == 0
    doc = json.loads((out / "digest.json").read_text(encoding="utf-8"))
    doc["stories"][0]["headline"] = "An editor rewrote this headline"
    doc["stories"] = doc["stories"][:2]
    (out / "digest.json").write_text(json.dumps(doc), encoding="utf-8")
    handler = Recorder()
    with smtp_server(handler, port=port):
        stale = invoke("send", "--config", str(config), "--out", str(out))
        assert stale.exit_code == 1 and "digest render" in stale.output
        assert handler.received == [] and sent_ids(tmp) == set()
        assert invoke("render", "--config", str(config), "--out", str(out)).exit_code == 0
        sent = invoke("send", "--config", str(config), "--out", str(out))
        assert sent.exit_code == 0, sent.output
    html = handler.received[0].message.get_body(("html",)).get_content().replace("\r\n", "\n")
    assert "An editor rewrote this headline" in html
    on_disk = (out / "digest.html").read_text(encoding="utf-8")
    token = unsubscribe_token("ann@example.org", secret=SECRET)
    assert html == on_disk.replace("u=preview", f"u={token}")
    assert sent_ids(tmp) == {s["id"] for s in doc["stories"] + doc["more"]}
    assert edition_days(tmp) == {"2026-11-23"}


def test_dry_run_prints_what_would_go_where_and_sends_nothing(env):
    tmp, config, out, port = env
    assert invoke("build", "--config", str(config), "--out", str(out), "--now", NOW).exit_code == 0
    handler = Recorder()
    with smtp_server(handler, port=port):
        result = invoke("send", "--config", str(config), "--out", str(out), "--dry-run")
    assert result.exit_code == 0, result.output
    assert f"via SMTP 127.0.0.1:{port} (none)" in result.output
    assert "ann@example.org" in result.output and "bob@example.net" in result.output
    assert handler.received == [] and sent_ids(tmp) == set()


def test_token_url_without_the_secret_is_refused_before_building(env):
    tmp, config, out, port = env
    result = runner.invoke(app, ["run", "--config", str(config), "--out", str(out), "--now", NOW],
                           env={"DIGEST_TOKEN_SECRET": ""})
    assert result.exit_code == 1 and "$DIGEST_TOKEN_SECRET is not set" in result.output
    assert not (out / "digest.json").exists()


def test_file_transport_writes_the_messages_into_the_outbox(env):
    tmp, config, out, port = env
    config.write_text(config.read_text().replace("[email]\n", '[email]\ntransport = "file"\n'))
    result = run(config, out)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (out / "outbox").iterdir()) == ["001-ann@example.org.eml",
                                                                  "002-bob@example.net.eml"]


def test_export_writes_each_format(env):
    tmp, config, out, port = env
    assert invoke("build", "--config", str(config), "--out", str(out), "--now", NOW).exit_code == 0
    for name in ("postmark", "sendgrid", "mailgun", "ses"):
        result = invoke("export", "--format", name, "--config", str(config), "--out", str(out))
        assert result.exit_code == 0, result.output
        assert json.loads((out / f"{name}.json").read_text(encoding="utf-8"))
    bad = invoke("export", "--format", "fax", "--config", str(config), "--out", str(out))
    assert bad.exit_code == 2 and "postmark" in bad.output
