"""What happened states the event (issue 12, item 3): who did what, where, when.

The dek takes a report's lead; What happened then takes the next sentences only when they state
the event, never background, colour, a side detail, a bare statistic or a method detail. When no
later sentence does, the lead goes back to What happened. One crafted paragraph per failure class;
every test failed before its rule.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from digest.model import RankedStory, Story
from digest.summarise import get_summariser
from digest.summarise.shape import states_event_firmly
from tests.builders import make_entry

LEAD = "Governor Kristi Noem signed a bill on Tuesday legalising medical marijuana in South Dakota."


def brief(*texts: str, summary: str = ""):
    entries = tuple(make_entry(uid=f"e{i}", feed=f"Outlet {i}", content=text, summary=summary,
                               title="Noem signs medical marijuana bill in South Dakota",
                               published=datetime(2026, 11, 23, 5 + i, tzinfo=UTC))
                    for i, text in enumerate(texts))
    story = Story("s", entries)
    return get_summariser("extractive").summarise(RankedStory(story, rank=1, score=1.0, why="t"))


def assert_states_event(text: str, bad: str) -> None:
    result = brief(text)
    assert bad not in result.what_happened and result.dek != bad
    assert result.what_happened, "What happened is never empty"
    shown = [result.dek or "", *result.what_happened]
    assert LEAD in shown
    assert all(states_event_firmly(s) for s in result.what_happened) or result.what_happened[0] == LEAD


def test_background_is_not_what_happened():
    bad = ("After trashing the proposal for months, Noem changed her tune last October and began to court "
           "the cannabis lobby in Pierre.")
    assert_states_event(f"{LEAD} {bad} The law takes effect in July, officials said.", bad)
    assert not states_event_firmly(bad)
    assert not states_event_firmly("In 2015, the state legislature rejected a similar bill by a wide margin.")
    assert not states_event_firmly("Lawmakers in Pierre have fought over the issue for years without a vote.")


@pytest.mark.parametrize("bad", [
    "The signing drew a crowd of supporters, setting expectations high -- but apparently not too high.",  # colour
    "Only lunches were sold at the ceremony, cash only, from a single stand near the Capitol steps.",  # side item
    "About 42 percent of voters backed the idea in the survey, up from 31 percent the year before.",  # statistic
    "The poll of 1,000 adults was conducted by telephone and weighted by age, region and party.",  # method
])
def test_colour_side_items_statistics_and_method_are_not_what_happened(bad):
    assert_states_event(f"{LEAD} {bad}", bad)
    assert not states_event_firmly(bad)


def test_colour_and_bare_statistics_do_not_state_the_event():
    assert not states_event_firmly("It was, by any measure, a remarkable turnaround for a famously cautious governor.")
    assert not states_event_firmly("Some 70 percent of the 1,200 respondents, or 840 people, said yes.")


def test_other_outlets_leads_come_before_deeper_sentences():
    second = ("Patients in Sioux Falls lined up at clinics on Wednesday after lawmakers in Pierre passed the measure "
              "by 50 votes to 20.")
    first = (f"{LEAD} The governor's office in Pierre said the ceremony lasted ten minutes. "
             "Noem's aides had described the bill for years as a dead letter, while she campaigned against it in 2018.")
    result = brief(first, second)
    assert second in [result.dek, *result.what_happened]
    assert not any("for years" in s for s in result.what_happened)


def test_sentences_that_state_the_event_pass():
    assert states_event_firmly(LEAD)
    assert states_event_firmly("Police arrested two men in Leeds on Monday after a stabbing outside a nightclub.")
    assert states_event_firmly("The European Central Bank has raised its main interest rate to 4 percent.")
    assert states_event_firmly("NASA will launch the Artemis rocket from Florida on December 15.")


def test_the_past_and_the_writers_asides_do_not_state_the_event():
    assert not states_event_firmly("Noem, a Watertown native, once stood at the lectern where she signed the bill today.")
    assert not states_event_firmly("Previously, the state sent patients to clinics in Minnesota for treatment.")
    assert not states_event_firmly("My favourite is simply the name the governor's aides gave the bill in Pierre.")
    assert not states_event_firmly("Nonetheless, Noem makes a convincing case for the law as a model for the region.")
    assert not states_event_firmly("Governor Mike Rounds vetoed a similar bill in March 2010, citing federal law.")
    assert not states_event_firmly("Ahh, if only Pierre had passed the bill before Minnesota did.")
    assert not states_event_firmly("North Dakota, by contrast, has a program that serves 9,000 patients.")
