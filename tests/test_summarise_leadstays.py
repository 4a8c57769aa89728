"""The lead stays What happened's; the firm sentence after it goes above as the dek when it reads there.

Where a report gives no standfirst the brief used to move the lead up as the dek and open What happened on
the next firm sentence, a detail ("Workers in hazmat outfits were seen stacking wooden coffins ...") that
editors graded as "not the event". Now the lead is What happened and the detail the dek, when it reads
before the event is told.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from digest.model import RankedStory, Story
from digest.summarise import get_summariser
from digest.summarise.storydek import _reads_first
from tests.builders import make_entry

LEAD = "Governor Kristi Noem signed a bill on Tuesday legalising medical marijuana in South Dakota."
TITLE = "Noem signs medical marijuana bill in South Dakota"


def brief(text: str):
    entry = make_entry(content=text, summary="", title=TITLE, published=datetime(2026, 11, 23, 5, tzinfo=UTC))
    return get_summariser("extractive").summarise(RankedStory(Story("s", (entry,)), rank=1, score=1.0, why="t"))


@pytest.mark.parametrize("follow", [
    "Police officers arrested two men near the border crossing at Elk Point on Tuesday night.",
    "The Health Department said Tuesday it approved the first licences for growers in Pierre and Sioux Falls.",
    "Officers raided two unlicensed growers in Pierre on Tuesday night, seizing 300 plants, police said.",
])
def test_the_lead_is_what_happened_and_the_firm_sentence_after_it_the_dek(follow):
    made = brief(f"{LEAD}\n\n{follow}\n\nThe law takes effect in July.")
    assert made.what_happened[0] == LEAD
    assert made.dek == follow and follow not in made.what_happened


@pytest.mark.parametrize("follow", [
    # a thing the headline has not named
    "The dramatic ceremony took place in front of the state capitol in Pierre on Tuesday.",
    # a pronoun for its object
    "Noem's aides briefed them on the rules for growers in Pierre on Tuesday night.",
    # someone's kin the reader has not met
    "Heather Grant's husband, a grower, was arrested in Pierre on Tuesday night.",
    # a word that ties it on
    "Now police officers have arrested two growers near Elk Point on Tuesday night.",
])
def test_a_sentence_that_leans_on_the_lead_stays_below_it(follow):
    made = brief(f"{LEAD}\n\n{follow}\n\nThe law takes effect in July.")
    assert made.dek != follow


@pytest.mark.parametrize(("sentence", "headline", "reads"), [
    ("The dramatic incident took place in front of the station.", "Woman attacks inspector with stone", False),
    ("The ruling has grouped Amazon with other retailers.", "Amazon liable, rules appellate court", False),
    ("The grant was announced by Gov. Deval Patrick.", "UMass to receive $95M life sciences grant", True),
    ("The 30-member blue-chip index jumped to a record.", "U.S. stocks rise to records", False),
    ("The 38-year-old Applewhite had been the offensive coordinator.", "Houston hires Applewhite", True),
    ("The Russian Foreign Ministry declared Ryan Fogle persona non grata.", "Moscow spy saga", True),
    ("Zelensky's meetings came on the same day.", "Zelensky's crucial day in Washington", True),
    ("Heather Grant's husband was badly injured in the crash.", "Crash victims identified", False),
    ("Beck wrote “Progressivism” on it to underscore his belief.", "Glenn Beck rips progressivism", False),
    ("While some topics were controversial, many were debated, they found.", "Wikipedia edit wars", False),
    ("Woods shot an up-and-down 2-under 69.", "Tiger Woods opens with 69", True),
])
def test_what_reads_before_the_event_is_told(sentence, headline, reads):
    assert _reads_first(sentence, headline) is reads
