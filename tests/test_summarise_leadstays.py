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
from digest.summarise.readsfirst import reads_first as _reads_first
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


@pytest.mark.parametrize(("follow", "dek_of_last_resort"), [
    # a thing the headline has not named: below the headline it may still be the dek of last resort (round 88's
    # reviewer graded "The dramatic incident took place ..." over the lead A)
    ("The dramatic ceremony took place in front of the state capitol in Pierre on Tuesday.", True),
    # a thing the headline has not named, placed or dated (review 73)
    ("The ceremony in Pierre was interrupted by protesters outside the state capitol on Tuesday.", True),
    ("The Tuesday ceremony was interrupted by protesters outside the state capitol in Pierre.", True),
    # a pronoun for its object, someone's kin the reader has not met, a word that ties it on: no dek at all
    ("Noem's aides briefed them on the rules for growers in Pierre on Tuesday night.", False),
    ("Heather Grant's husband, a grower, was arrested in Pierre on Tuesday night.", False),
    ("Hours later, police officers arrested two growers near Elk Point on Tuesday night.", False),
])
def test_a_sentence_that_leans_on_the_lead_stays_below_it(follow, dek_of_last_resort):
    made = brief(f"{LEAD}\n\n{follow}\n\nThe law takes effect in July.")
    # nor does the lead move up over it: opening What happened it would tell a detail, not the event (rounds 87, 88)
    assert made.what_happened[0] == LEAD
    assert (made.dek == follow) is dek_of_last_resort


def test_a_now_follow_up_is_the_news_under_the_lead():
    # "Now Adam Kramer ... has posted an explanation" after the scene its lead set: the lead moves up as the dek
    follow = "Now police officers have arrested two growers near Elk Point on Tuesday night."
    made = brief(f"{LEAD}\n\n{follow}\n\nThe law takes effect in July.")
    assert made.dek == LEAD and made.what_happened[0] == follow


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
    # review 73: an empty "it", whole words against the headline, apostrophes and accents in names
    ("The bill made it legal for patients to grow three plants.", "Noem signs marijuana bill", True),
    ("Heather Miller’s husband was arrested in Pierre.", "Noem signs $2 million marijuana bill", False),
    ("O’Brien’s aides briefed reporters in Pierre.", "O’Brien signs marijuana bill", True),
    ("Sánchez’s aides briefed reporters in Pierre.", "Sánchez signs marijuana bill", True),
    # a day's own ("Monday's blaze") tells when, not whose; a nation's body is one of a kind
    ("Monday's blaze, in Jilin province, was China's deadliest fire since 2000.", "Poultry plant fire kills 119", True),
    ("Rahami's arrest came after a cellphone alert.", "Bombing suspect arrested", False),
    ("The Greek cabinet agreed on yet another round of austerity measures today.", "Developments in Athens", True),
    ("The cabinet agreed on yet another round of austerity measures today.", "Developments in Athens", False),
    # review 89: "The U.S. military" is a nation's body, "The Tuesday police raid" a thing, "Two hours later" a tie,
    # "So-called" none; "they found" of the police themselves, "who is also" of a relative clause, lean on nothing
    ("The U.S. military struck targets in Syria on Tuesday.", "Noem signs medical marijuana bill", True),
    ("The Tuesday police raid on two growers took place in Pierre.", "Noem signs medical marijuana bill", False),
    ("Two hours later, police arrested two growers near Elk Point.", "Noem signs medical marijuana bill", False),
    ("So-called sovereign citizens blocked the road to Pierre on Tuesday.", "Noem signs medical marijuana bill", True),
    ("Police said they found 300 plants at two growers near Elk Point.", "Noem signs medical marijuana bill", True),
    ("Jane Noem, who is also the party's treasurer, was arrested on Tuesday.", "Noem signs medical marijuana bill", True),
    ("Theresa May's husband Philip was jeered in Pierre.", "Noem signs medical marijuana bill", False),
    # a pronoun for its subject (round 89: "It came after Boehner publicly chided Obama ..."), not an empty "it"
    ("It came after Noem publicly chided lawmakers on Friday for the delay.", "Noem signs medical marijuana bill", False),
    ("They had waited six years for the law in Pierre.", "Noem signs medical marijuana bill", False),
    ("It was announced on Tuesday that the law takes effect in July.", "Noem signs medical marijuana bill", True),
])
def test_what_reads_before_the_event_is_told(sentence, headline, reads):
    assert _reads_first(sentence, headline) is reads


@pytest.mark.parametrize(("lead", "detail", "names"), [
    ("A plan to bring a Margaritaville Resort to the Bay Area is one step closer.",
     "The Napa County Board of Supervisors approved a move to enter into exclusive negotiations.", True),
    # review 73: an unnamed subject with a figure, a plural, and a body told in lower case
    ("A $90 million plan to bring a resort to the lake is one step closer.",
     "The Napa County Board of Supervisors approved a move to enter into exclusive negotiations.", True),
    ("Plans to bring a resort to the lake moved ahead.", "Napa County supervisors voted 4-1 to open talks.", True),
    ("Governor Kristi Noem signed the bill on Tuesday.", "Napa County supervisors voted 4-1 to open talks.", False),
])
def test_an_unnamed_lead_over_a_named_body_acting(lead, detail, names):
    from digest.summarise.storydek import _names_whom_lead_does_not
    assert _names_whom_lead_does_not(detail, lead) is names


def test_a_later_newsy_sentence_replaces_the_opener_only_when_it_reads_without_it():
    # Round 86 (NOW Grenada): "The annual forum, proposed by ..., was one of the action items on the agenda of
    # Wednesday's ... Roundtable" names a day and the headline's words, but leans on the opener that introduced
    # the forum: What happened opens on the opener. A standfirst in other words that tells of the forum lets it read.
    lead = "Velmora’s Prime Minister Ana Ruiz has voiced her support for an annual banking forum for small island states."
    later = "The annual forum was one of the items on the agenda of Wednesday’s banking roundtable in Velmora."
    rest = "Ruiz was among several leaders who attended the roundtable, which drew bankers from eleven countries."
    title = "Premier attends banking roundtable in Velmora"

    def made(summary: str):
        entry = make_entry(content=f"{lead}\n\n{later}\n\n{rest}", summary=summary, title=title,
                           published=datetime(2026, 11, 23, 5, tzinfo=UTC))
        return get_summariser("extractive").summarise(RankedStory(Story("s", (entry,)), rank=1, score=1.0, why="t"))

    assert made("").what_happened[0] == lead
    told = "Island leaders backed plans for a yearly banking forum at a roundtable in Velmora this week."
    shown = made(told)
    assert shown.dek == told and shown.what_happened[0] == later


@pytest.mark.parametrize(("sentence", "kin"), [
    ("Heather Grant's husband, a grower, was arrested in Pierre on Tuesday night.", True),
    ("Grant's lawyer said the grower would plead not guilty in Pierre.", True),
    ("Theresa May's husband, a grower, was arrested in Pierre on Tuesday night.", True),
    # a country's or a body's own, and a day's, is no one's kin (review 89)
    ("Greece's cabinet agreed on Tuesday to cut pensions by a further 12 percent.", False),
    ("Monday's blaze, in Jilin province, was China's deadliest fire since 2000.", False),
    ("Noem's aides briefed reporters in Pierre.", False),  # the headline gave Noem
])
def test_kin_the_headline_has_not_given_is_no_dek_of_last_resort(sentence, kin):
    from digest.summarise.readsfirst import kin_unmet
    assert kin_unmet(sentence, TITLE) is kin


def test_a_now_follow_up_after_a_colour_opener_is_the_news_too():
    # review 89: the lead may follow a colour opener passed over; the "Now" sentence right after it is still the news
    follow = "Now police officers have arrested two growers near Elk Point on Tuesday night."
    made = brief(f"Nobody in Pierre expected the day to end this way.\n\n{LEAD}\n\n{follow}\n\nThe law takes effect in July.")
    assert made.dek == LEAD and made.what_happened[0] == follow


def test_a_short_standfirst_never_shown_lets_no_leaning_sentence_replace_the_opener():
    # review 89: a 7-word standfirst is too short to be the dek, so "The annual forum ..." may not open What happened
    lead = "Velmora’s Prime Minister Ana Ruiz has voiced her support for an annual banking forum for small island states."
    later = "The annual forum was one of the items on the agenda of Wednesday’s banking roundtable in Velmora."
    rest = "Ruiz was among several leaders who attended the roundtable, which drew bankers from eleven countries."
    entry = make_entry(content=f"{lead}\n\n{later}\n\n{rest}", summary="Bankers will gather yearly at the forum.",
                       title="Premier attends banking roundtable in Velmora", published=datetime(2026, 11, 23, 5, tzinfo=UTC))
    made = get_summariser("extractive").summarise(RankedStory(Story("s", (entry,)), rank=1, score=1.0, why="t"))
    assert made.what_happened[0] == lead
