"""Faults editors named in round 20 (a snapshot of 40 briefs), one crafted case each.

Every test failed before its rule.
"""

from __future__ import annotations

from digest.model import RankedStory, Story
from digest.summarise import get_summariser
from tests.builders import make_entry


def brief(text: str, **kw):
    entry = make_entry(content=text, summary=kw.pop("summary", ""), **kw)
    return get_summariser("extractive").summarise(RankedStory(Story("s", (entry,)), rank=1, score=1.0, why="t"))


# Dek ------------------------------------------------------------------------------------------

_RANKING = ("VELMORA -- Tomas Brandt is the highest-paid rower in the northern league for the second straight season.\n\n"
            "The sculler is projected to earn $9 million in 2026, according to the Harbour Gazette's annual list "
            "released Wednesday. Anna Lind is a distant second at $5.5 million.\n\n"
            "Jon Marr climbs into the list at third place thanks to a new contract signed before last season.")


def test_an_opener_the_standfirst_repeats_is_the_dek_when_nothing_else_can_be():
    # The opener names no day and no figure, so What happened opens on the sentence after it;
    # the publisher's description repeats it word for word: it is the news, and the dek.
    standfirst = "Tomas Brandt is the highest-paid rower in the northern league for the second straight season."
    b = brief(_RANKING, title="Gazette: sculler projected to earn $9 million in 2026", summary=standfirst)
    assert b.dek == standfirst
    assert b.what_happened[0].startswith("The sculler is projected to earn $9 million")


def test_without_the_standfirst_the_opener_stays_out():
    b = brief(_RANKING, title="Gazette: sculler projected to earn $9 million in 2026")
    assert b.dek is None
    assert not any("highest-paid rower" in s for s in b.what_happened)


def test_a_guessing_standfirst_is_no_dek_even_when_it_repeats_the_opener():
    text = ("Looks like Velmora Telecom has itself a new handset.\n\n"
            "Velmora Telecom this morning announced that it will sell the Orla F3 from June 14, with a launch in "
            "all its stores on June 21.")
    b = brief(text, title="Velmora Telecom to sell Orla F3 from June 14",
              summary="Looks like Velmora Telecom has itself a new handset.")
    assert b.dek != "Looks like Velmora Telecom has itself a new handset."
