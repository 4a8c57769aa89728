"""End to end: `digest build` on the bundled sample feeds through typer's CliRunner."""

from __future__ import annotations

import email
import html
import json
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from digest.cli import app
from digest.model import KINDS
from digest.schema import digest_from_dict

REPO = Path(__file__).resolve().parents[1]
NOW = "2026-11-23T06:00:00Z"
OUTPUTS = ("digest.html", "digest.txt", "digest.eml", "digest.json", "digest.mjml")

runner = CliRunner()


def sample_config(tmp_path: Path, **replace: str) -> Path:
    """The bundled config.toml with its sample feeds made absolute and its store in tmp_path."""
    text = (REPO / "config.toml").read_text(encoding="utf-8")
    if not (tmp_path / "samples").exists():
        (tmp_path / "samples").symlink_to(REPO / "samples")
    for old, new in replace.items():
        text = text.replace(old, new)
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def build(config: Path, out: Path, *extra: str):
    return runner.invoke(app, ["build", "--config", str(config), "--out", str(out), "--now", NOW, *extra])


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("e2e")
    result = build(sample_config(tmp), tmp / "out")
    assert result.exit_code == 0, result.output
    return tmp, result


def test_build_writes_every_output_file_and_one_summary_line(built):
    tmp, result = built
    for name in OUTPUTS:
        assert (tmp / "out" / name).stat().st_size > 0, name
    line = result.stdout.strip().splitlines()[-1]
    assert line.startswith("Built digest: ") and "from 5/5 feeds" in line and "digest.html" in line


def test_digest_json_follows_the_contract(built):
    tmp, _ = built
    doc = json.loads((tmp / "out" / "digest.json").read_text(encoding="utf-8"))
    digest = digest_from_dict(doc)  # validates every field
    contract_top = ["title", "date", "generated_at", "stories", "feeds"]
    assert [k for k in doc if k in contract_top] == contract_top  # the contract's keys, in order
    contract_story = ["id", "rank", "score", "why", "headline", "dek", "what_happened",
                      "who_said_what", "what_next", "sources"]
    for story in doc["stories"]:
        assert [k for k in story if k in contract_story] == contract_story
        assert all(list(q) == ["speaker", "text", "source"] for q in story["who_said_what"])
        assert all(list(s) == ["name", "title", "url", "published", "kind"] for s in story["sources"])
        assert all(s["kind"] in KINDS for s in story["sources"])
    assert all(list(f) == ["name", "url", "status", "entries", "error"] for f in doc["feeds"])
    assert doc["feeds"][0]["url"] == "samples/harbor-herald.xml"  # as written, not a local path
    assert doc["title"] == "The Daily Brief" and doc["date"] == "2026-11-23"
    assert doc["generated_at"] == "2026-11-23T06:00:00+00:00"
    assert [f["status"] for f in doc["feeds"]] == ["ok"] * 5
    assert all(f["entries"] > 0 and f["error"] is None for f in doc["feeds"])
    assert 1 <= len(digest.stories) <= 10
    assert [s.rank for s in digest.stories] == list(range(1, len(digest.stories) + 1))
    assert len({s.id for s in digest.stories}) == len(digest.stories)
    top = digest.stories[0]
    assert len({s.name for s in top.sources}) >= 2, "the top story should gather several outlets"
    for story in digest.stories:
        assert story.headline and 1 <= len(story.what_happened) <= 3
        assert story.why


def test_grouping_shows_in_the_demo(built):
    tmp, _ = built
    digest = digest_from_dict(json.loads((tmp / "out" / "digest.json").read_text(encoding="utf-8")))
    multi = [s for s in digest.stories if len({src.name for src in s.sources}) >= 2]
    assert len(multi) >= 3
    quoted = [s for s in digest.stories if s.who_said_what]
    ahead = [s for s in digest.stories if s.what_next]
    assert len(quoted) >= 3 and len(ahead) >= 3


def test_eml_is_multipart_alternative_text_first(built):
    tmp, _ = built
    msg = email.message_from_bytes((tmp / "out" / "digest.eml").read_bytes())
    assert msg.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in msg.get_payload()] == ["text/plain", "text/html"]
    for header in ("From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "List-Unsubscribe"):
        assert msg[header], header
    assert msg["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_same_inputs_and_clock_give_byte_identical_outputs(built, tmp_path):
    first, _ = built
    again = build(sample_config(tmp_path), tmp_path / "out")  # a fresh store
    assert again.exit_code == 0, again.output
    rerun = build(sample_config(first), tmp_path / "out-rerun")  # the first run's store, now warm
    assert rerun.exit_code == 0, rerun.output
    for name in OUTPUTS:
        data = (first / "out" / name).read_bytes()
        assert (tmp_path / "out" / name).read_bytes() == data, name
        assert (tmp_path / "out-rerun" / name).read_bytes() == data, name


def test_bad_config_is_exit_1_with_the_key_path(tmp_path):
    config = sample_config(tmp_path, **{"max_stories = 10": 'max_stories = "many"'})
    result = build(config, tmp_path / "out")
    assert result.exit_code == 1
    assert "digest.max_stories" in result.stderr and "Traceback" not in result.output


def test_bad_now_is_a_usage_error(tmp_path):
    result = build(sample_config(tmp_path), tmp_path / "out", "--now", "yesterday-ish")
    assert result.exit_code == 2 and "--now" in result.stderr and "Traceback" not in result.output


def test_output_files_are_readable_by_others(built):
    tmp, _ = built
    assert all((tmp / "out" / name).stat().st_mode & 0o044 == 0o044 for name in OUTPUTS)


def test_missing_config_is_exit_1(tmp_path):
    result = build(tmp_path / "absent.toml", tmp_path / "out")
    assert result.exit_code == 1 and "file not found" in result.stderr


def test_every_feed_failing_is_exit_1_and_writes_nothing(tmp_path):
    config = sample_config(tmp_path, **{'url = "samples/': 'url = "missing/'})
    result = build(config, tmp_path / "out")
    assert result.exit_code == 1 and "every feed failed" in result.stderr
    assert not (tmp_path / "out" / "digest.html").exists()


def test_one_broken_feed_is_reported_not_fatal(tmp_path):
    broken = tmp_path / "broken.xml"
    broken.write_bytes(b"<html><body>Not a feed</body></html>")
    config = sample_config(tmp_path, **{"samples/tech-current.xml": str(broken)})
    result = build(config, tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "from 4/5 feeds" in result.stdout and "1 feed failed" in result.stdout
    doc = json.loads((tmp_path / "out" / "digest.json").read_text(encoding="utf-8"))
    failed = [f for f in doc["feeds"] if f["status"] == "error"]
    assert [f["name"] for f in failed] == ["The Tech Current"] and failed[0]["error"]


def test_quiet_day_writes_no_email(tmp_path):
    config = sample_config(tmp_path, **{"min_score = 1.0": "min_score = 100000.0"})
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "digest.html").write_text("yesterday's")
    result = build(config, tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "Nothing to send" in result.stdout
    assert not (tmp_path / "out" / "digest.html").exists()
    assert json.loads((tmp_path / "out" / "digest.json").read_text())["stories"] == []


def test_render_rebuilds_the_email_from_an_edited_digest_json(built, tmp_path):
    tmp, _ = built
    out = tmp_path / "out"
    out.mkdir()
    doc = json.loads((tmp / "out" / "digest.json").read_text(encoding="utf-8"))
    doc["stories"] = doc["stories"][:2]
    doc["stories"][0]["headline"] = "An editor's own headline"
    (out / "digest.json").write_text(json.dumps(doc), encoding="utf-8")
    result = runner.invoke(app, ["render", "--config", str(sample_config(tmp_path)), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "An editor's own headline" in (out / "digest.txt").read_text(encoding="utf-8")
    page = html.unescape((out / "digest.html").read_text(encoding="utf-8"))
    assert "An editor's own headline" in page


def test_render_names_the_bad_field(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "digest.json").write_text('{"title": "T", "date": "2026-11-23", "stories": [{"id": 3}]}')
    result = runner.invoke(app, ["render", "--config", str(sample_config(tmp_path)), "--out", str(out)])
    assert result.exit_code == 1
    assert "stories[0].id" in result.stderr and "generated_at" in result.stderr


def test_render_names_a_quote_that_is_not_an_object_and_a_date_that_is_not_one(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    story = {"id": "a", "rank": 1, "headline": "H", "what_happened": ["x"], "who_said_what": ["x"],
             "sources": [{"name": "N", "title": "t"}]}
    (out / "digest.json").write_text(json.dumps({"title": "T", "date": "Monday", "stories": [story],
                                                 "generated_at": "2026-11-23T06:00:00+00:00"}))
    result = runner.invoke(app, ["render", "--config", str(sample_config(tmp_path)), "--out", str(out)])
    assert result.exit_code == 1
    assert "stories[0].who_said_what[0]: expected an object" in result.stderr
    assert "date: 'Monday' is not an ISO date" in result.stderr and len(result.stderr.splitlines()) == 1


def test_feeds_prints_health_after_a_build(built):
    tmp, _ = built
    result = runner.invoke(app, ["feeds", "--config", str(tmp / "config.toml")])
    assert result.exit_code == 0, result.output
    assert "The Harbor Herald" in result.stdout and "last success" in result.stdout


def test_store_is_consistent_after_a_build(built):
    tmp, _ = built
    conn = sqlite3.connect(tmp / ".digest" / "state.sqlite3")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT COUNT(*) FROM entries").fetchone()[0] == 18


@pytest.mark.parametrize("command", ["build", "fetch", "render", "feeds", "send", "run", "export",
                                     "preview"])
def test_every_command_has_help_with_an_example(command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0 and "Example:" in result.stdout


def test_outputs_do_not_depend_on_the_hash_seed(tmp_path):
    """Set and dict order must not leak into ids, grouping or text: two processes, two seeds."""
    import os
    import subprocess
    import sys

    config = sample_config(tmp_path)
    outs = []
    for seed in ("1", "2"):
        out = tmp_path / f"out-{seed}"
        subprocess.run([sys.executable, "-m", "digest", "build", "--config", str(config), "--out", str(out),
                        "--now", NOW], check=True, cwd=REPO, capture_output=True,
                       env={**os.environ, "PYTHONHASHSEED": seed})
        (tmp_path / ".digest").rename(tmp_path / f"state-{seed}")  # each run starts cold
        outs.append(out)
    for name in OUTPUTS:
        assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes(), name


@pytest.mark.parametrize("now", ["9999-12-31T23:59:59-10:00", "0001-01-01T01:00:00Z"])
def test_an_extreme_clock_is_a_usage_error_not_a_traceback(tmp_path, now):
    result = runner.invoke(app, ["build", "--config", str(sample_config(tmp_path)), "--out",
                                 str(tmp_path / "out"), "--now", now])
    assert result.exit_code == 2 and "--now" in result.stderr and "Traceback" not in result.output


def test_an_unusable_store_path_is_one_line(tmp_path):
    config = sample_config(tmp_path, **{'path = ".digest/state.sqlite3"': 'path = "/proc/nope/state.sqlite3"'})
    result = build(config, tmp_path / "out")
    assert result.exit_code == 1 and "[store] path" in result.stderr, result.output


def test_an_edited_digest_json_with_nan_or_huge_scores_is_refused(built, tmp_path):
    tmp, _ = built
    out = tmp_path / "out"
    out.mkdir()
    text = (tmp / "out" / "digest.json").read_text(encoding="utf-8")
    doc = json.loads(text)
    for bad in ("NaN", "1e999", "1" + "0" * 400):
        raw = json.dumps(doc).replace(f'"score": {doc["stories"][0]["score"]}', f'"score": {bad}', 1)
        (out / "digest.json").write_text(raw, encoding="utf-8")
        result = runner.invoke(app, ["render", "--config", str(sample_config(tmp_path)), "--out", str(out)])
        assert result.exit_code == 1 and "stories[0].score" in result.stderr, (bad, result.output)


# --- global options and usage errors --------------------------------------------------------


def test_quiet_build_prints_nothing_but_writes_everything(tmp_path):
    result = runner.invoke(app, ["-q", "build", "--config", str(sample_config(tmp_path)),
                                 "--out", str(tmp_path / "out"), "--now", NOW])
    assert result.exit_code == 0, result.output
    assert (result.stdout, result.stderr) == ("", "")
    assert all((tmp_path / "out" / name).stat().st_size > 0 for name in OUTPUTS)


def test_quiet_fetch_prints_nothing_but_stores_everything(tmp_path):
    config = sample_config(tmp_path)
    result = runner.invoke(app, ["-q", "fetch", "--config", str(config), "--now", NOW])
    assert result.exit_code == 0, result.output
    assert (result.stdout, result.stderr) == ("", "")
    conn = sqlite3.connect(tmp_path / ".digest" / "state.sqlite3")
    assert conn.execute("SELECT COUNT(*) FROM entries").fetchone()[0] == 18


def test_quiet_build_still_reports_a_broken_feed(tmp_path):
    config = sample_config(tmp_path, **{'url = "samples/harbor-herald.xml"': 'url = "samples/absent.xml"'})
    result = runner.invoke(app, ["-q", "build", "--config", str(config), "--out", str(tmp_path / "out"),
                                 "--now", NOW])
    assert result.exit_code == 0 and result.stdout == ""
    assert "WARNING" in result.stderr and "absent.xml" in result.stderr


def test_quiet_keeps_what_was_asked_for(built):
    tmp, _ = built
    result = runner.invoke(app, ["-q", "feeds", "--config", str(tmp / "config.toml")])
    assert result.exit_code == 0 and "last success" in result.stdout


def test_version_comes_from_the_package():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert re.fullmatch(r"digest \d+\.\d+\.\d+\S*\n", result.stdout)
    done = subprocess.run([sys.executable, "-m", "digest", "--version"], cwd=REPO, capture_output=True,
                          text=True, timeout=60, check=False)
    assert (done.returncode, done.stdout) == (0, result.stdout)


def test_export_format_is_a_choice_shown_in_help():
    result = runner.invoke(app, ["export", "--help"])
    assert result.exit_code == 0 and "postmark|sendgrid|mailgun|ses" in result.stdout


@pytest.mark.parametrize("args", [
    ["build", "--bogus"],
    ["build", "--now", "soon"],
    ["export", "--format", "fax"],
    ["export"],
    ["preview", "--port", "99999"],
    ["-q", "nonsense"],
    ["send", "--to"],
])
def test_every_bad_option_is_exit_2_with_one_error_line(tmp_path, args):
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and "Traceback" not in result.output


def test_a_bad_option_is_exit_2_from_the_shell_too(tmp_path):
    done = subprocess.run([sys.executable, "-m", "digest", "export", "--format", "fax"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=60, check=False,
                          env={**os.environ, "PYTHONPATH": str(REPO)})
    assert done.returncode == 2 and "fax" in done.stderr and done.stdout == ""
