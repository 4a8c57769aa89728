"""Article extraction: main text in, page chrome out, on built pages and real ones."""

from __future__ import annotations

import importlib.util
import statistics
import sys
from pathlib import Path

import pytest

from digest.extract import extract_article
from digest.extract.chrome import is_chrome
from digest.parse import html_to_text

BENCH = Path(__file__).parents[1] / "bench" / "extract_eval.py"

PROSE = [
    "The city council voted on Tuesday to approve a new budget for the coming year, ending "
    "weeks of negotiations between the mayor and members of the finance committee.",
    "Under the plan, spending on public transport rises by twelve percent, while the parks "
    "department will see its allocation cut for the second year in a row.",
    "Council member Ana Ruiz said the compromise was imperfect but necessary, adding that "
    "residents would notice better bus service by the spring.",
    "Opponents argued that the cuts to parks would fall hardest on neighbourhoods with the "
    "fewest alternatives, and promised to revisit the question next year.",
    "The budget takes effect on the first of January after a final procedural vote.",
]


def page(*middle: str, tail: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in PROSE[:3]) + "".join(middle) + "".join(
        f"<p>{p}</p>" for p in PROSE[3:]) + tail
    return (
        "<html><head><title>Council passes budget</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sport'>Sport</a></nav>"
        "<div class='cookie-banner'>We use cookies to improve your experience. Accept all</div>"
        f"<article><h1>Council passes budget</h1>{body}</article>"
        "<footer>Copyright 2026 Example News Ltd. All rights reserved.</footer></body></html>"
    )


def test_main_text_is_kept_as_paragraphs():
    text = extract_article(page())
    for paragraph in PROSE:
        assert paragraph in text.split("\n\n")


def test_chrome_inside_the_article_is_removed():
    chrome = ("<p>Sign up for our free newsletter to get the day's news in your inbox.</p>"
              "<p>Read more: Mayor unveils transit plan</p>"
              "<figure><img src='x.jpg'><figcaption>Photo: Jane Doe/Getty Images"
              "</figcaption></figure>"
              "<p>Subscribe now for unlimited digital access.</p>"
              "<p>ADVERTISEMENT</p>")
    text = extract_article(page(chrome))
    lowered = text.lower()
    for phrase in ("newsletter", "read more", "getty", "subscribe", "advertisement", "cookies",
                   "all rights reserved", "home news sport"):
        assert phrase not in lowered, phrase
    assert PROSE[0] in text and PROSE[-1] in text


def test_trailing_teaser_block_is_cut():
    teasers = ("<p>Other Opinion Columns</p><p>Mayor's legacy: a long look back at a decade of "
               "city politics and what it means for voters</p>")
    text = extract_article(page(tail=teasers))
    assert "Other Opinion Columns" not in text
    assert "legacy" not in text
    assert PROSE[-1] in text


@pytest.mark.parametrize("html", ["", b"", "<html></html>", b"\x00\x01\x02binary\xff\xfe",
                                  "just some words", "<html><body><nav>Home</nav></body></html>"])
def test_nothing_to_extract_gives_empty_text(html):
    assert extract_article(html) == ""


@pytest.mark.parametrize("text, chrome", [
    ("Sign up for our newsletter", True),
    ("We use cookies to give you the best experience.", True),
    ("© 2026 Example Media. All rights reserved.", True),
    ("Read more: the budget in numbers", True),
    ("Photo: Jane Doe/Getty Images", True),
    ("Related:", True),
    ("The senator said she would subscribe to no such theory of the case.", False),
    ("Shares in the company fell 4% after the report.", False),
    ("The council will vote again in March.", False),
])
def test_is_chrome(text, chrome):
    assert is_chrome(text) is chrome


@pytest.mark.parametrize("name", ["bbc-1", "guardian-1", "nytimes-2", "engadget"])
def test_real_pages_match_the_expected_text(name, corpus):
    folder = corpus / "articles" / "readability" / name
    got = extract_article((folder / "source.html").read_bytes())
    expected = html_to_text((folder / "expected.html").read_text(encoding="utf-8"))
    precision, recall, f1 = _bench().f1_score(got, expected)
    assert f1 >= 0.95, (precision, recall)


@pytest.mark.slow
def test_whole_article_corpus_meets_the_bar(corpus):
    bench = _bench()
    scores = bench.evaluate(corpus / "articles")
    english = [s for s in scores if s.english]
    assert len(scores) >= 34
    assert statistics.fmean(s.f1 for s in english) >= 0.90
    assert sum(s.chrome for s in scores) == 0


def _bench():
    """The evaluation script, loaded as a module (bench/ is not a package)."""
    spec = importlib.util.spec_from_file_location("extract_eval", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("body", [b"%PDF-1.7\n" + b"x" * 2000, b"\x89PNG\r\n\x1a\n" + bytes(500),
                                  "<p>" + "word " * 50 + "</p>\x00\x00"])
def test_binary_bodies_are_not_articles(body):
    assert extract_article(body) == ""


def test_a_slideshow_of_captions_and_photo_credits_is_not_the_article():
    from digest.extract.chrome import clean
    slides = "\n\n".join(f"Gulls LB Jon Marr{n} ({n}) is coming off a toe injury and will now anchor the defense.\n\n"
                         f"Ana Lind{n}, USA TODAY Sports" for n in range(3))
    text = ("Velmora Gulls lineman Josh Brent is retiring from the league.\n\n"
            "The team made the announcement Thursday afternoon.\n\n" + slides)
    assert clean(text) == ("Velmora Gulls lineman Josh Brent is retiring from the league.\n\n"
                           "The team made the announcement Thursday afternoon.")


def test_one_or_two_photo_credits_leave_the_paragraphs_alone():
    from digest.extract.chrome import clean
    text = ("The harbour reopened on Tuesday.\n\nAna Lind, USA TODAY Sports\n\nShips queued all day.\n\n"
            "Jon Marr/Getty Images\n\nThe port expects 40 ships a day.")
    assert "The harbour reopened on Tuesday." in clean(text) and "Ships queued all day." in clean(text)
