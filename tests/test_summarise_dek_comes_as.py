"""A publisher's dek that tells what its headline's step comes with ("The move comes as International Trade Secretary
Liz Truss faces growing Parliamentary pressure ...") is written to stand under its own headline: round 75's reviewer
asked for exactly that standfirst, which the brief had left out as leaning on an earlier sentence."""

from __future__ import annotations

import pytest

from digest.model import RankedStory, Story
from digest.summarise import get_summariser
from tests.builders import make_entry

LEAD = ("A powerful alliance of Velmora chefs and charities today urges the prime minister to block sub-standard "
        "foods from flooding into the country under new trade deals.")


def dek_of(standfirst: str) -> str | None:
    entry = make_entry(title="Chefs urge Velmora ban on sub-standard food imports", summary=standfirst,
                       content=f"{LEAD}\n\nThe open letter is signed by 40 chefs.\n\nMinisters said standards would stay high.")
    return get_summariser("extractive").summarise(RankedStory(Story("s", (entry,)), rank=1, score=1.0, why="t")).dek


@pytest.mark.parametrize("standfirst", [
    "The move comes as trade minister Tor Lund faces growing pressure in parliament to protect food standards.",
    "The announcement comes days after ministers refused to write food standards into the new trade bill.",
    # review 78's variants
    "The move comes ahead of a vote in parliament on food standards in the new trade bill next week.",
    "The move comes two days after ministers refused to write food standards into the new trade bill.",
    "The decision, taken by the chefs' alliance, comes as ministers face growing pressure over food standards.",
])
def test_a_standfirst_on_what_the_step_comes_with_is_the_dek(standfirst):
    assert dek_of(standfirst) == standfirst


@pytest.mark.parametrize("standfirst", [
    "The move was criticised by trade minister Tor Lund in parliament on Tuesday evening.",
    "It comes as trade minister Tor Lund faces growing pressure in parliament to protect food standards.",
])
def test_other_standfirsts_leaning_back_are_still_no_dek(standfirst):
    assert dek_of(standfirst) != standfirst


def test_a_standfirst_naming_another_day_for_another_step_is_still_the_dek():
    # round 75: "Bloomberg's debate debut on Wednesday comes as he faces intensifying questions ..." was left out
    # for naming Wednesday over a What happened of Tuesday's tweet
    standfirst = ("Tor Lund's debate debut on Wednesday comes as he faces intensifying questions about past statements "
                  "that critics say demeaned his rivals.")
    entry = make_entry(title="As his first debate nears, Lund is having to answer about his past", summary=standfirst,
                       content="On Tuesday, President Ana Ruiz pointed on Twitter to the former mayor's lavish gifts to "
                               "the campaigns of so many politicians supporting him now.\n\n"
                               "Lund has spent 200 million crowns on advertising in Velmora since he entered the race.")
    made = get_summariser("extractive").summarise(RankedStory(Story("s", (entry,)), rank=1, score=1.0, why="t"))
    assert made.dek == standfirst


def test_a_standfirst_naming_another_day_for_the_same_step_is_no_dek():
    # review 78: "The strike ... begins on Monday" over "Train drivers ... will walk out on Tuesday" shares no words
    standfirst = "The strike by Velmora rail workers begins on Monday and will last for three days, halting most services."
    entry = make_entry(title="Velmora rail workers strike over pay", summary=standfirst,
                       content="Train drivers across Velmora will walk out on Tuesday in a dispute over pay and conditions, "
                               "their union said.\n\nThe operator said it would run a reduced timetable.")
    made = get_summariser("extractive").summarise(RankedStory(Story("s", (entry,)), rank=1, score=1.0, why="t"))
    assert made.dek != standfirst
