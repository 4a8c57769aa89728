"""`digest build` with summariser = "llm" on the sample feeds, against a scripted loopback server."""

from __future__ import annotations

import json
import re
import socket
from pathlib import Path

from digest.cli import app
from tests.chatserver import ChatServer, Reply
from tests.test_cli import OUTPUTS, build, runner, sample_config

QUOTED = re.compile(r"“([^”]{25,}?)[,.]?” (?:said|says) ((?:[A-Z][\w’'-]+ ){1,2}[A-Z][\w’'-]+)")


def sources(body: dict) -> list[tuple[str, str, str]]:
    """(outlet, headline, text) of each source in a request."""
    blocks = body["messages"][1]["content"].split("\n\n")
    return [re.match(r"Source \d+: (.*)\nHeadline: (.*)\nText: (.*)", b, re.DOTALL).groups() for b in blocks]


def editor(body: dict, n: int) -> Reply:
    """A model that copies well, except that it invents a number in The Tech Current's headlines."""
    outlet, headline, text = sources(body)[0]
    first = re.split(r"(?<=[.!?])\s+(?=[A-Z“])", text)[0]
    quotes = [{"speaker": m.group(2), "text": m.group(1), "source": o}
              for o, _, t in sources(body) for m in QUOTED.finditer(t)][:2]
    if outlet == "The Tech Current":
        headline = f"{headline}, 999 say"
    doc = {"headline": headline, "dek": "", "what_happened": [first], "who_said_what": quotes, "what_next": []}
    return Reply(json.dumps(doc, ensure_ascii=False), usage=(1000, 100))


def llm_config(tmp_path: Path, base_url: str, extra: str = "") -> Path:
    path = sample_config(tmp_path, **{'summariser = "extractive"': 'summariser = "llm"'})
    path.write_text(path.read_text(encoding="utf-8") + f'\n[llm]\nbase_url = "{base_url}"\n'
                    f'model = "editor-1"\ntimeout = 5\n{extra}', encoding="utf-8")
    return path


def stories(out: Path) -> list[dict]:
    return json.loads((out / "digest.json").read_text(encoding="utf-8"))["stories"]


def test_llm_build_uses_faithful_parts_counts_rejections_and_pays_once(tmp_path):
    with ChatServer(editor) as server:
        config = llm_config(tmp_path, server.url)
        first = build(config, tmp_path / "out")
        assert first.exit_code == 0, first.output
        asked = len(server.requests)
        built = stories(tmp_path / "out")
        assert asked == len(built) >= 3  # one request per ranked story
        line = first.stdout.strip().splitlines()[-1]
        written = sum(w == "llm" for s in built for w in s["written_by"].values())
        rejected = sum(s["sources"][0]["name"] == "The Tech Current" for s in built)
        assert rejected >= 1 and f"model wrote {written} of {5 * len(built)} parts ({rejected} rejected)" in line
        assert f"{asked} asked, 0 from the cache, {asked * 1100:,} tokens" in line
        for story in built:
            assert story["written_by"]["what_happened"] == "llm"
            wire = story["sources"][0]["name"] == "The Tech Current"
            assert story["written_by"]["headline"] == ("extractive" if wire else "llm")
            assert "999" not in story["headline"]
        assert any(s["written_by"]["who_said_what"] == "llm" for s in built)

        again = build(config, tmp_path / "again")
        assert again.exit_code == 0, again.output
        assert len(server.requests) == asked  # answers come from the store
        assert f"0 asked, {asked} from the cache" in again.stdout
        for name in OUTPUTS:
            assert (tmp_path / "again" / name).read_bytes() == (tmp_path / "out" / name).read_bytes(), name

        rendered = runner.invoke(app, ["render", "--config", str(config), "--out", str(tmp_path / "out")])
        assert rendered.exit_code == 0, rendered.output
        assert len(server.requests) == asked and stories(tmp_path / "out") == built


def test_a_server_that_is_down_gives_the_extractive_digest(tmp_path):
    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    offline = build(sample_config(tmp_path), tmp_path / "plain")
    down = build(llm_config(tmp_path, f"http://127.0.0.1:{port}/v1"), tmp_path / "out")
    assert offline.exit_code == 0 and down.exit_code == 0, down.output
    assert "fell back" in down.stdout and "cannot reach" in down.stdout
    plain, llm = stories(tmp_path / "plain"), stories(tmp_path / "out")
    assert [{k: v for k, v in s.items() if k != "written_by"} for s in llm] == plain
    assert all(set(s["written_by"].values()) == {"extractive"} for s in llm)


def test_llm_config_errors_are_exit_1_with_key_paths(tmp_path):
    config = sample_config(tmp_path, **{'summariser = "extractive"': 'summariser = "llm"'})
    config.write_text(config.read_text(encoding="utf-8") + '\n[llm]\nbase_url = "ftp://x"\nconcurrency = 0\n',
                      encoding="utf-8")
    result = build(config, tmp_path / "out")
    assert result.exit_code == 1 and "Traceback" not in result.output
    for key in ("llm.base_url", "llm.model", "llm.concurrency"):
        assert key in result.stderr, key
