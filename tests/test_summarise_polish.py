"""Second polish round: cross-block repeats, plans, outlet spread, the core event, self-contained quotes."""

from __future__ import annotations

from datetime import datetime, timezone

from digest.model import Entry, RankedStory, Story
from digest.summarise.briefs import summarise_story
from digest.summarise.names import named_in_full


def entry(feed: str, text: str, *, hour: int = 8, title: str = "A title") -> Entry:
    """Build an Entry from one outlet."""
    return Entry(uid=feed, feed=feed, feed_url=f"https://{len(feed)}.example/rss", title=title,
                 link=f"https://{len(feed)}.example/{hour}", summary="", content=text,
                 published=datetime(2026, 11, 22, hour, tzinfo=timezone.utc))


def ranked(*entries: Entry) -> RankedStory:
    return RankedStory(Story("s1", tuple(entries)), rank=1, score=3.0, why="test")


LAUNCH_A = (
    "Kestrel Aerospace launched a Wren-2 rocket from Cape Sorrel on Sunday and placed the Osprey-1 "
    "satellite into orbit, the first orbital launch from Estravan soil.\n\n"
    "“Nine minutes, and a whole country’s space programme changed,” said Livia Marrow, Kestrel’s chief "
    "executive.\n\n"
    "Agency director Ivo Carrick said that it plans to buy four more launches from Kestrel by 2029."
)
LAUNCH_B = (
    "A Kestrel rocket carried the Osprey-1 satellite to orbit from Cape Sorrel on Sunday night.\n\n"
    "\"Tonight Estrava stopped renting other people's rockets,\" Kestrel chief executive Livia Marrow said.\n\n"
    "Ivo Carrick, director of the Estravan Space Agency, said that the agency had contributed 22 million "
    "crowns to the flight and expected to order four more launches before 2029.\n\n"
    "Carrick said that the satellite's images would be free for farmers and researchers."
)


def launch_brief():
    return summarise_story(ranked(entry("The Tech Current", LAUNCH_A, hour=7), entry("Meridian Wire", LAUNCH_B, hour=9)))


def test_a_fact_in_what_next_is_not_repeated_under_who_said_what():
    brief = launch_brief()
    assert any("four more launches" in s for s in brief.what_next)
    assert not any("four more launches" in q.text for q in brief.who_said_what)


def test_a_speaker_both_outlets_quote_goes_to_the_outlet_with_no_other_voice():
    brief = launch_brief()
    assert {q.source for q in brief.who_said_what} == {"The Tech Current", "Meridian Wire"}
    assert len({q.speaker.split(",")[0].split()[-1] for q in brief.who_said_what}) == len(brief.who_said_what)


PORT = (
    "The nine-day strike at the Port of Portvale ended on Sunday when the union and the Port Authority "
    "agreed a pay deal worth 11% over three years for 3,400 dockworkers.\n\n"
    "Trade Minister Anselm Dravik welcomed the settlement on Sunday evening in a short statement.\n\n"
    "“This deal is fair to the workers and affordable for the port,” said Maren Holt, chief executive of "
    "the Port Authority.\n\n"
    "Dravik said the government plans to propose new mediation rules for ports early next year."
)


def test_a_reported_plan_is_a_next_step_named_in_full_not_a_voice():
    brief = summarise_story(ranked(entry("Meridian Wire", PORT)))
    assert brief.what_next == (
        "Trade Minister Anselm Dravik said the government plans to propose new mediation rules for ports "
        "early next year.",)
    assert all("mediation" not in q.text for q in brief.who_said_what)


def test_what_happened_leads_with_the_plain_event_over_an_attributed_consequence():
    consequence = (
        "The theft of data belonging to 2.3 million Lumenfold users has cast doubt on the company's plan to "
        "list its shares next spring, according to two investors in the business.\n\n"
        "Lumenfold disclosed on Sunday that hackers had used a contractor's stolen credentials to copy "
        "email addresses and hashed passwords.\n\n"
        "The listing had been planned for the spring, and bankers had been hired in September."
    )
    plain = (
        "Hackers copied email addresses and hashed passwords of 2.3 million Lumenfold users, the "
        "photo-storage company disclosed on Sunday.\n\n"
        "The company said no photos were accessed and that payment details are held elsewhere."
    )
    brief = summarise_story(ranked(entry("Capital Ledger", consequence, hour=9), entry("Tech Current", plain, hour=6)))
    assert "cast doubt" not in brief.what_happened[0]
    assert "disclosed on Sunday" in brief.what_happened[0]


def test_named_in_full_expands_only_a_leading_bare_surname():
    assert named_in_full("Dravik said the plan was sound.", "Trade Minister Anselm Dravik") == (
        "Trade Minister Anselm Dravik said the plan was sound.")
    assert named_in_full("Holt said the deal was fair.", "Maren Holt, chief executive of the Port Authority") == (
        "Maren Holt, chief executive of the Port Authority, said the deal was fair.")
    assert named_in_full("Mr. Holt said so.", "Maren Holt") == "Maren Holt said so."
    unchanged = ["“I’m not against homes,” Orme said.", "Holtby said so.", "Maren Holt said so."]
    assert [named_in_full(t, "Maren Holt") for t in unchanged] == unchanged


def test_one_shared_multiword_name_does_not_make_a_next_step_a_duplicate():
    from digest.summarise.centrality import near_duplicate

    event = ("The Bank of Estrava raised its main interest rate by half a percentage point to 4.25% "
             "on Sunday, its first increase in 18 months.")
    next_step = "The Bank of Estrava will review rates again on 14 January."
    assert not near_duplicate(next_step, event)
    assert near_duplicate("A Wren-2 rocket reached orbit on Sunday night from Cape Sorrel.",
                          "Kestrel's Wren-2 reached orbit from the Cape Sorrel spaceport on Sunday.")


def test_a_story_told_two_thousand_times_is_summarised_quickly():
    import time

    from digest.model import RankedStory, Story
    from digest.summarise.briefs import summarise_story
    from digest.summarise.candidates import MAX_READ, read_entries
    from tests.builders import make_entry

    text = ("The council approved the harbour plan on Sunday. "
            "“It is a good day,” said Mayor Ana Ruiz. The work will start next week. ") * 12
    entries = tuple(make_entry(uid=f"u{i}", feed=f"Outlet {i % 40}", content=text) for i in range(2000))
    started = time.perf_counter()
    brief = summarise_story(RankedStory(story=Story(id="s", entries=entries), rank=1, score=1.0, why="x"))
    assert time.perf_counter() - started < 5
    assert brief.what_happened and len(brief.sources) == 2000
    read = read_entries(entries)
    assert len(read) == MAX_READ and len({e.feed for e in read}) == MAX_READ
    assert read[0] is entries[0]
