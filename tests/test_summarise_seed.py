"""The model brief end to end: The Week's speed read, served as a page with all its chrome.

A feed on a loopback server links to a page built from ../shared/corpus/seed/the-week-speed-read.txt
inside the page furniture it was captured with (navigation, newsletter prompts, the author's bio,
related links); `digest build` must turn it into the page's own brief and nothing else.
"""

from __future__ import annotations

import html
import json

import pytest
from typer.testing import CliRunner

from digest.cli import app
from tests.hostile import HostileServer

_HEADS = {"What happened", "Who said what", "What next?"}


def seed_page(text: str) -> tuple[str, str, bytes]:
    """(headline, dek, page HTML): the seed's article inside its captured chrome."""
    lines = [line.strip() for line in text.splitlines()]
    headline, dek, body = lines[0], lines[1], lines[2:]
    cut = body.index("Subscribe to The Week")
    article = [line for line in body[:cut] if line]
    chrome = [line for line in body[cut:] if line and line != "-"]
    e = html.escape
    parts = "".join(f"<h2>{e(x)}</h2>" if x in _HEADS else f"<p>{e(x)}</p>" for x in article)
    prompts = "".join(f"<p>{e(x)}</p>" for x in chrome[:8])
    related = "".join(f"<li><a href='/related/{i}'>{e(x)}</a></li>" for i, x in enumerate(chrome[8:]))
    page = (
        f"<html><head><title>{e(headline)} | The Week</title><meta name='description' content='{e(dek)}'></head>"
        "<body><nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/subscribe'>Subscribe</a></nav>"
        f"<article><h1>{e(headline)}</h1><p class='standfirst'>{e(dek)}</p>{parts}"
        f"<div class='newsletter'>{prompts}</div></article>"
        f"<aside><h3>Related</h3><ul>{related}</ul></aside><footer><p>© 2024 Future US LLC</p></footer></body></html>"
    )
    return headline, dek, page.encode()


@pytest.fixture
def built(tmp_path, corpus):
    text = (corpus / "seed" / "the-week-speed-read.txt").read_text(encoding="utf-8")
    headline, dek, page = seed_page(text)
    with HostileServer(corpus=corpus) as server:
        link = server.add("/speed-read/us-ukraine-strikes", body=page, headers={"Content-Type": "text/html"})
        feed = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>The Week</title><item>'
                f"<title>{html.escape(headline)} | The Week</title><link>{link}</link><guid>{link}</guid>"
                f"<pubDate>Thu, 30 May 2024 10:00:00 GMT</pubDate><description>{html.escape(dek)}</description>"
                "</item></channel></rss>").encode()
        url = server.add("/feed.xml", body=feed, headers={"Content-Type": "application/rss+xml"})
        config = tmp_path / "config.toml"
        config.write_text('[email]\nto = ["r@example.com"]\n[rank]\nmin_score = 0.0\n[digest]\nlookback_hours = 48\n'
                          f'[[feeds]]\nname = "The Week"\nurl = "{url}"\n')
        result = CliRunner().invoke(app, ["build", "--config", str(config), "--out", str(tmp_path / "out"),
                                          "--now", "2024-05-30T18:00:00Z"])
    assert result.exit_code == 0, result.output
    [story] = json.loads((tmp_path / "out" / "digest.json").read_text(encoding="utf-8"))["stories"]
    return text, story


def test_the_seed_page_gives_its_own_headline_and_what_happened(built):
    text, story = built
    lines = text.splitlines()
    assert story["headline"] == lines[0]
    assert story["what_happened"] == [lines[lines.index("What happened") + 1]]
    assert story["dek"] == f"{lines[1]}."  # the page's standfirst, shown as a sentence with its stop


def test_the_seed_page_names_every_voice_macron_on_his_own(built):
    _, story = built
    speakers = [q["speaker"] for q in story["who_said_what"]]
    assert speakers == ["Secretary of State Antony Blinken", "NATO Secretary General Jens Stoltenberg",
                        "French President Emmanuel Macron", "Politico"]
    stoltenberg, macron = story["who_said_what"][1:3]
    assert "Macron" not in stoltenberg["text"] and "Stoltenberg" not in macron["text"]
    assert macron["text"].startswith("French President Emmanuel Macron on Tuesday endorsed")


def test_the_seed_page_keeps_both_forward_looking_statements(built):
    _, story = built
    assert len(story["what_next"]) == 2
    assert "reversal of the U.S. ban is \"inevitable,\"" in story["what_next"][0]
    assert "will just start landing on Russian military targets" in story["what_next"][1]


def test_no_chrome_reaches_the_seed_brief(built):
    text, story = built
    chrome = text[text.index("Subscribe to The Week"):]
    shown = [story["headline"], story["dek"] or "", *story["what_happened"], *story["what_next"],
             *(q["text"] for q in story["who_said_what"]), *(q["speaker"] for q in story["who_said_what"])]
    for line in (x.strip() for x in chrome.splitlines()):
        if len(line) > 3:
            assert all(line not in s for s in shown), line
    assert not any(word in " ".join(shown) for word in ("Subscribe", "Newsletter", "inbox", "cartoons"))
