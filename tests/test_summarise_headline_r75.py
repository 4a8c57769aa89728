"""Headlines: a title in one outlet's slanted words gives way to another report's plain title (round 75)."""

from __future__ import annotations

import pytest

from digest.summarise.headline import pick_headline_entry
from tests.builders import make_entry


@pytest.mark.parametrize("slanted", [
    "Dem running for Senate in Velmora mocks rival as farmer 'who never went to law school'",
    "Harbour emails underscore council's concern over failure to act on warnings",
    "Mayor mocks harbour board over pier closure vote",
])
def test_a_slanted_title_gives_way_to_a_plain_one(slanted):
    plain = "Velmora harbour board votes to close the north pier"
    entries = (make_entry(uid="a", title=slanted), make_entry(uid="b", title=plain))
    assert pick_headline_entry(entries).title == plain


def test_a_slanted_title_still_heads_the_brief_when_it_is_the_only_one():
    only = "Mayor mocks harbour board over pier closure vote"
    assert pick_headline_entry((make_entry(uid="a", title=only),)).title == only


@pytest.mark.parametrize("plain_news", [
    # review 77: words of hard news, not slant
    "Twin blasts kill 20 at Velmora mosque during Friday prayers",
    "Wildfire destroys 400 homes in Velmora hills",
    "Storm slams into Velmora coast as Category 4 hurricane",
    "EU agrees new sanctions over Russia's war on Ukraine",
    "DEM orders cleanup of Velmora Bay spill",
])
def test_hard_news_words_are_no_slant(plain_news):
    other = "Velmora officials respond to harbour incident"
    entries = (make_entry(uid="a", title=plain_news), make_entry(uid="b", title=other))
    from digest.summarise.headline import _SLANTED
    assert not _SLANTED.search(plain_news)
    assert pick_headline_entry(entries, happened=[plain_news]).title == plain_news


@pytest.mark.parametrize(("title", "headline"), [
    # a feature's hook before the news it tells (round 75: "Meet the ..." does not state the event)
    ("Meet the Swede who tattooed a state epidemiologist's face on his arm",
     "Swede tattooed a state epidemiologist's face on his arm"),
    ("How Velmora council women took down the harbour board", "Velmora council women took down the harbour board"),
    ("How the Velmora council saved its north pier", "The Velmora council saved its north pier"),
    # a question, a how-to, a guess and a show's name stay
    ("How does the Velmora council pay for its piers?", "How does the Velmora council pay for its piers?"),
    ("How to moor a boat at Velmora's north pier", "How to moor a boat at Velmora's north pier"),
    ("How Velmora could save its north pier", "How Velmora could save its north pier"),
    ("Meet the Press host grills Velmora senator", "Meet the Press host grills Velmora senator"),
    ("How we got here: the Velmora harbour dispute", "How we got here: the Velmora harbour dispute"),
])
def test_a_features_hook_gives_way_to_the_news_it_tells(title, headline):
    from digest.summarise.headline import headline_of
    assert headline_of(make_entry(title=title, content="The council met on Monday.")) == headline



@pytest.mark.parametrize("title", [
    # review 81: a question or a how-to in Title Case keeps its "How"
    "How Many Velmorans Lost Health Cover Last Year",
    "How To Watch the Velmora Cup Final Tonight",
])
def test_a_title_case_question_keeps_its_how(title):
    from digest.summarise.headline import headline_of
    assert headline_of(make_entry(title=title, content="The council met on Monday.")).startswith("How ")
