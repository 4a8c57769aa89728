"""Faults named by the editor rounds 45 and 50 and mended in the session after them.

Every test failed before its rule.
"""

from __future__ import annotations

import pytest

from digest.model import RankedStory, Story
from digest.summarise import get_summariser
from digest.summarise.quotes import said_earlier
from tests.builders import make_entry


def brief(text: str, **kw):
    entry = make_entry(content=text, summary=kw.pop("summary", ""), **kw)
    return get_summariser("extractive").summarise(RankedStory(Story("s", (entry,)), rank=1, score=1.0, why="t"))


@pytest.mark.parametrize("sentence", [
    # a month named bare, before the words or after the speech verb, is one gone by
    "Last December, Ms. Lind said that the workers who had accused the mayor “should be heard.”",
    "In June, Ana Ruiz tweeted a photo of the plant, adding, “Fact: the pipes were never checked.”",
    "In December, a similar leak was linked to the same pipe after 33 people fell ill, according to the CDC.",
    "The Velmora press secretary, Tom Hale, told reporters in January that a port tax was a non-starter.",
    "Earlier this month, prosecutor Ana Ruiz said only that her office was reviewing the matter.",
    "“We will win,” Ana Lind said in March.",
])
def test_words_dated_to_a_month_gone_by_are_said_earlier(sentence):
    assert said_earlier(sentence)


@pytest.mark.parametrize("sentence", [
    "Earlier Wednesday, Velmora Steel chief executive Ana Ruiz testified that she called the regulator.",
    "In August, a jury will decide whether he is sentenced to life, prosecutors said.",
    "Ana Lind said the vote would be held in March.",
    "Ana Lind said on Monday that sales in March fell by a fifth.",
])
def test_a_month_still_to_come_or_inside_the_words_is_not(sentence):
    assert not said_earlier(sentence)


def test_an_old_statement_on_another_matter_is_no_voice_of_this_news():
    b = brief(
        "Ana Lind resigned as Velmora's ambassador to the United Nations on Tuesday, the White House said.\n\n"
        "“It was a blessing to serve, but I think it's time,” Ms. Lind said at the White House on Tuesday.\n\n"
        "Last December, Ms. Lind said that the women who had accused the mayor of misconduct “should be heard, "
        "and they should be dealt with.”\n\n"
        "Tom Hale, the former chairman of the Velmora Party, said the resignation came as no surprise.")
    said = " ".join(q.text for q in b.who_said_what)
    assert "no surprise" in said
    assert "should be heard" not in said


@pytest.mark.parametrize("sentence, before", [
    ("The Velmora Hawks made the huge splash three summers ago, signing Ana Ruiz and Tom Hale.", True),
    ("Over the years, Velmora Steel has become the poster child for companies accused of sheltering profits.", True),
    ("For decades, the port has been run by one family.", True),
    ("The port, run by one family for decades, was sold on Monday.", False),
    ("Velmora Steel said on Monday it would close the plant it opened over the summer.", False),
])
def test_background_by_seasons_ago_or_by_its_opening(sentence, before):
    from digest.summarise.tense import long_before
    assert long_before(sentence) is before


def test_a_lead_of_background_is_no_dek():
    b = brief(
        "The Velmora Hawks made the huge splash three summers ago, signing Ana Ruiz, Tom Hale and Ben Lind to play "
        "together. After they did, Bears coach Sam Ortiz was one of the first people to call the Hawks' owner.\n\n"
        "“It's a total function of who those three guys are,” Ortiz said on Wednesday.\n\n"
        "The Bears and the Hawks open the league finals in Velmora on Thursday night.",
        title="Bears threesome quiet but effective")
    assert "three summers ago" not in (b.dek or "")
