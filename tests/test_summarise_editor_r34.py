"""Deks the publisher wrote that the brief went without, and other faults found in the packs at 4794f16.

Counted from the 200 single-report briefs of the editor packs that had no dek: 36 of them had a
standfirst other than their lead, several of them a plain statement of the news that a check meant
for something else turned away. Every test failed before its rule.
"""

from __future__ import annotations

from digest.model import RankedStory, Story
from digest.summarise import get_summariser
from tests.builders import make_entry


def brief(text: str, **kw):
    entry = make_entry(content=text, summary=kw.pop("summary", ""), **kw)
    return get_summariser("extractive").summarise(RankedStory(Story("s", (entry,)), rank=1, score=1.0, why="t"))


_QUARANTINE = (
    "Turkey, Poland and the islands of Bonaire and Saba have been removed from the Velmora government's list of "
    "travel corridors, said Justice Secretary Tom Falk on Thursday.\n\n"
    "Travellers arriving from those countries from 4am on Saturday must isolate for 14 days.\n\n"
    "Mr Falk told the chamber that the list is reviewed every week and that Greece and Italy remain on it.\n\n"
    "Airlines were told of the change on Wednesday evening, a spokesman for the airport said.\n\n"
    "Mr Falk also said that the fines for those who refuse to self-isolate are to be increased, to a maximum of "
    "£10,000 for repeat offenders, from next month.\n\n"
    "The changes follow a rise in cases in all four countries over the past fortnight, officials said.")


def test_a_standfirst_the_article_tells_in_other_words_is_the_dek():
    # The standfirst tells the penalties, which the article tells in its third paragraph: it shares
    # a fifth of its words with no opening sentence, yet it is the publisher's own summary.
    standfirst = "Penalties for those who refuse to self-isolate are to be increased to a maximum of £10,000 for repeat offenders"
    b = brief(_QUARANTINE, title="Turkey and Poland added to Velmora quarantine list", summary=standfirst)
    assert b.dek == standfirst


def test_a_site_blurb_or_a_tease_with_no_name_is_no_dek_even_when_its_words_are_in_the_text():
    body = _QUARANTINE + ("\n\nFor the latest news and headlines on travel, see the Velmora government's pages.\n\n"
                          "At a dinner, the most powerful man in media warned his staff about the enemy within.")
    for blurb in ("The latest news and headlines on travel from the Velmora government.",
                  "The most powerful, and predatory, man in media warned his staff about the enemy within."):
        b = brief(body, title="Turkey and Poland added to Velmora quarantine list", summary=blurb)
        assert b.dek != blurb


def test_a_standfirst_naming_its_week_does_not_lean_on_what_came_before():
    text = ("According to a report in the Velmora Journal, the domain board's advisory committee advised against giving "
            "the online retailer Estrava its own name, after protests from the river countries.\n\n"
            "The committee's advice is not binding, but the board has rarely gone against it, the report said.")
    standfirst = ("This week's domain board conference in Velmora saw the approval of several new domains and a new twist "
                  "in Estrava's pursuit of its own name.")
    b = brief(text, title="River countries challenge Estrava's bid for its own domain", summary=standfirst)
    assert b.dek == standfirst
    # "This" pointing back is still no dek
    b = brief(text, title="River countries challenge Estrava's bid for its own domain",
              summary="This decision by the domain board in Velmora marks a new twist in Estrava's pursuit of its own name.")
    assert b.dek is None or not b.dek.startswith("This decision")


def test_the_time_of_an_opening_participle_clause_does_not_date_the_standfirst():
    text = ("Calling the return to school two months ago the litmus test, the Velmora education ministry said yesterday "
            "it was satisfied children can safely continue to attend classes, even as the island deals with a surge "
            "in cases.\n\n"
            "Chief Education Officer Ana Lind said consent forms had been sent to parents, and more than 130 had replied.\n\n"
            "“We are very glad to see this,” she added.")
    b = brief(text, title="Schools safe amidst surge, ministry says",
              summary="Calling the return to school two months ago the litmus test, the Velmora education ministry said "
                      "yesterday it was satisfied children can safely continue to attend classes.")
    # the ministry's finding is the news, whichever block tells it; before, only Lind's forms were shown
    shown = [b.dek or "", *b.what_happened]
    assert any("satisfied children can safely continue" in s for s in shown)
    # a standfirst dated long before in its own main clause still is not the dek
    b = brief(text, title="Schools safe amidst surge, ministry says",
              summary="The Velmora education ministry first opened the island's schools two months ago after a long closure.")
    assert b.dek is None or "two months ago" not in b.dek
