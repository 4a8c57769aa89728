"""A lead's clause about a thing it names does not date or hedge the lead's own news.

A held-back page's lead ("The trust ... refused last week to hear long-sought answers about how the corridor will
work, saying meager responses to 28 questions asked last June finally arrived too late for thorough review.") was
passed over for a side detail further down: its "will" read as a prediction and its "last June" as background,
though both belong to the things the lead names.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from digest.model import RankedStory, Story
from digest.summarise import get_summariser
from digest.summarise.event import analysis_lede
from digest.summarise.shape import not_news
from digest.summarise.tense import long_before
from tests.builders import make_entry

LEAD = ("The Velmora transit trust refused last week to hear long-sought answers about how the new bus corridor will work, "
        "saying responses to 28 questions asked last June arrived too late for review.")
DETAIL = ("Under questioning, deputy director Tor Lund acknowledged on Tuesday that the department had never talked "
          "with the standards body about what was required.")


@pytest.mark.parametrize("sentence", [
    "The trust refused to hear answers about how the corridor will work.",
    "The council voted to end the questions over whether the law would apply to churches.",
])
def test_a_will_in_what_a_thing_is_about_predicts_nothing(sentence):
    assert not not_news(sentence, hedges=False)


@pytest.mark.parametrize("sentence", [
    "The corridor will work, the trust said.",
    "The trust would refuse to hear the answers, members said.",
    "About how many riders will use it, nobody knows yet.",
    # a subject's "about" leaves the sentence's own "will" (review 78)
    "Talks on how to share the water will resume next month.",
    "The decision on whether to strike will be taken by members next month.",
    "Tor Lund gave no details on how the cuts would be made but said the company would close three plants.",
])
def test_a_will_of_the_sentence_itself_still_predicts(sentence):
    assert not_news(sentence, hedges=False)


def test_a_date_qualifying_a_thing_a_recent_lead_names_is_no_background():
    assert not long_before(LEAD, lead=True)
    # the same clause without the lead's own recent day, or after the lead, is still read as dated long before
    assert long_before(LEAD.replace("refused last week", "refused"), lead=True)
    assert long_before(LEAD)
    # a lead whose own verb is dated long before stays background, a regular verb too (review 78)
    assert long_before("The trust met last June to hear answers, and members said on Tuesday they had none.", lead=True)
    assert long_before("The trust voted last June to hear answers, and members said on Tuesday they had none.", lead=True)
    # the lead's own day told as leads tell it (review 78)
    assert not long_before(LEAD.replace("The Velmora transit trust refused last week", "Last week, the Velmora transit trust refused"),
                           lead=True)
    assert not long_before(LEAD.replace("refused last week", "refused Thursday"), lead=True)


def test_such_a_lead_is_what_happened():
    entry = make_entry(content=f"{LEAD}\n\n{DETAIL}\n\nMembers asked for the documents ahead of a Nov. 29 meeting.",
                       summary="", title="Transit trust rejects county's corridor data",
                       published=datetime(2026, 11, 23, 5, tzinfo=UTC))
    made = get_summariser("extractive").summarise(RankedStory(Story("s", (entry,)), rank=1, score=1.0, why="t"))
    assert made.what_happened[0] == LEAD


@pytest.mark.parametrize(("sentence", "analysis"), [
    ("The resurgent controversy over the council's story-line on the bridge collapse underscores concerns about its "
     "failure to act on warnings.", True),
    ("The decision to close the plant highlights the firm's struggles in Europe.", True),
    ("The row over the budget raises new questions about the mayor's grip on the council.", True),
    ("The decision was announced on Monday by the council.", False),
    ("The controversy erupted on Monday when the council released 100 pages of emails.", False),
    ("Council leaders highlighted the bridge's cost on Monday.", False),
    ("The government's decision to close the plant highlights the firm's struggles in Europe.", True),
    # a noun spelled as the verb, a finite verb or a relative clause before it (review 78)
    ("The dispute over the faulty rail signals was settled on Monday when Velmora Rail agreed to pay.", False),
    ("The row over traffic signals at the junction ended on Tuesday when the council removed them.", False),
    ("A fight broke out at the stadium after fans unfurled a banner that highlights the club's debts.", False),
])
def test_an_analysis_lede_is_told_by_its_subject_and_verb(sentence, analysis):
    assert analysis_lede(sentence) is analysis


@pytest.mark.parametrize("reports", [3, 2])
def test_an_analysis_lede_is_neither_what_happened_nor_the_dek_when_another_report_tells_the_event(reports):
    when = datetime(2026, 11, 23, 5, tzinfo=UTC)
    analysis = ("The resurgent controversy over the council's story-line on the Velmora bridge collapse underscores concerns "
                "about its failure to act on documented warnings.")
    told = ("The Velmora city council on Wednesday released the full set of emails about its account of the bridge collapse, "
            "in response to charges from opposition members of a cover-up.")
    other = ("Emails released by the Velmora council on Wednesday revealed a fierce internal fight over its account of the "
             "bridge collapse in March.")
    entries = (
        make_entry(uid="a", feed="Velmora Post", title="Bridge emails underscore council's failure to act",
                   content=f"{analysis}\n\nThe emails run to 100 pages.", summary="", published=when),
        make_entry(uid="b", feed="Velmora Herald", title="Council releases bridge emails", link="https://example.com/b",
                   content=f"{told}\n\nThe emails run to 100 pages, officials said.", summary="", published=when),
        make_entry(uid="c", feed="Velmora Times", title="Emails show fight over bridge account", link="https://example.com/c",
                   content=f"{other}\n\nOpposition members said the emails proved their case.", summary="", published=when),
    )[:reports]
    made = get_summariser("extractive").summarise(RankedStory(Story("s", entries), rank=1, score=1.0, why="t"))
    assert made.what_happened[0] in (told, other)
    assert analysis not in (made.dek, *made.what_happened)


def test_the_but_tying_the_news_to_a_colour_opener_is_dropped():
    # round 75: "But on Monday, ... Agerblad ... had a portrait of Tegnell's ... face inked on his arm" was passed over
    # for background, as a sentence leaning on the one before
    colour = "Strange tattoos are plentiful around the world, but you would be hard pressed to find one of an epidemiologist."
    opening = "But on Monday, 32-year-old admirer Tor Lund from Velmora had a portrait of the epidemiologist inked on his arm."
    entry = make_entry(content=f"{colour}\n\n{opening}\n\nThe epidemiologist has given daily briefings since March.",
                       summary="", title="Velmora man has epidemiologist's face tattooed on his arm")
    made = get_summariser("extractive").summarise(RankedStory(Story("s", (entry,)), rank=1, score=1.0, why="t"))
    assert made.what_happened[0] == opening.removeprefix("But o").join(["O", ""])


_COLOUR = "Strange tattoos are plentiful around the world, but you would be hard pressed to find one of an epidemiologist."
_NEWS = "The Velmora council voted on Monday evening to approve the new harbour plan."


@pytest.mark.parametrize(("opening", "tidy"), [
    ("But last night, the government branded the letter misleading.", "Last night, the government branded the letter misleading."),
    ("But on March 26, she was invited to the parade.", "On March 26, she was invited to the parade."),
    ("But this week, 40 chefs signed the letter.", "This week, 40 chefs signed the letter."),
    ("But yesterday, 40 chefs signed the letter.", "Yesterday, 40 chefs signed the letter."),
    ("But late on Monday, 40 chefs signed the letter.", "Late on Monday, 40 chefs signed the letter."),
    ("But on the witness stand, his rhetoric was remarkable.", "But on the witness stand, his rhetoric was remarkable."),
    ("But on Monday's evidence, the case looks weak.", "But on Monday's evidence, the case looks weak."),
    ("But now, it is clear he made the right choice.", "But now, it is clear he made the right choice."),
])
def test_a_but_before_the_day_the_news_came_is_dropped_after_a_colour_opener(opening, tidy):
    from digest.summarise.candidates import tidied
    assert [s.text for s in tidied(f"{_COLOUR} {opening}")][-1] == tidy


def test_a_but_after_the_news_told_stays():
    # review 78: "But on Wednesday, the plan was thrown into doubt ..." after a news lead turns from it
    from digest.summarise.candidates import tidied
    opening = "But on Wednesday, the plan was thrown into doubt when the city refused to fund it."
    assert [s.text for s in tidied(f"{_NEWS} {opening}")][-1] == opening


def test_a_but_deeper_in_the_report_or_before_no_day_stays():
    from digest.summarise.candidates import tidied
    text = ("The Velmora council met on Monday. It heard the plan. It voted on it. "
            "But on Tuesday, the mayor vetoed the plan. But the council can still override her.")
    assert [s.text for s in tidied(text)][3:] == ["But on Tuesday, the mayor vetoed the plan.",
                                                   "But the council can still override her."]


def test_a_leads_relative_clause_dates_the_thing_it_names_not_the_news():
    lead = ("An expert advisory panel to the Velmora drug agency voted narrowly Thursday to recommend easing tough safety "
            "restrictions on the diabetes drug Glucora, which was all but banned nearly two years ago over heart risks.")
    detail = "Thirteen members of the 26-person panel voted to alter the safety restrictions, while seven voted to remove them."
    entry = make_entry(content=f"{lead}\n\n{detail}\n\nThe agency usually follows its panels' advice.", summary="",
                       title="Panel backs easing curbs on diabetes drug Glucora")
    made = get_summariser("extractive").summarise(RankedStory(Story("s", (entry,)), rank=1, score=1.0, why="t"))
    assert made.what_happened[0] == lead


def test_a_single_reports_analysis_lede_stays_for_want_of_another_telling():
    # review 78: with one report, dropping the lede made the background line after it What happened
    lede = ("The resurgent controversy over the Velmora bridge collapse underscores the council's failure to act on "
            "documented warnings from its engineers.")
    entry = make_entry(content=f"{lede}\n\nThe bridge's signals failed 40 times last winter, stranding thousands of "
                               "commuters.\n\nThe council has not commented.", summary="",
                       title="Bridge emails underscore council's failure")
    made = get_summariser("extractive").summarise(RankedStory(Story("s", (entry,)), rank=1, score=1.0, why="t"))
    assert "last winter" not in " ".join(made.what_happened)


@pytest.mark.parametrize(("lead", "states"), [
    # held/brief-27: the New York Times's lead, left out as a dek for the "could" that tells who he is
    ("Representative Tor Lund, a Republican of Velmora who has barely served two terms, jumped into the race for "
     "majority leader on Friday, offering himself as the more conservative alternative who could pull the House rightward.", True),
    ("The vacancies have created a void that could slow the rebuilding of Velmora.", False),
    # review 81: before the main verb the clause is the subject's own
    ("A 14-year-old boy who can barely swim rescued his sister from the Velmora river on Sunday.", True),
])
def test_a_persons_own_could_in_a_lead_is_no_hedge_of_its_news(lead, states):
    from digest.summarise.event import lead_states_event
    assert lead_states_event(lead) is states


@pytest.mark.parametrize("text, reads", [
    # round 84: a report's reading of what a visit stood for, taken for a statement of the event
    ("Secretary of State John Kerry's visit became a graphic illustration of the limits of Washington policy.", True),
    ("The strike has become a symbol of the city's anger over rents.", True),
    ("The ruling is a reminder of how far the court has moved.", True),
    # an example given, a sign put up, are events
    ("The council cited the bridge as an example of poor planning on Monday.", False),
    ("Protesters carried a sign of the union's logo to the town hall on Monday.", False),
])
def test_what_something_stands_for_is_the_writers_reading(text, reads):
    assert analysis_lede(text) is reads
