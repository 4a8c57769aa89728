"""What next: faults round 74's reviewers named, mended in the session after it.

Every test failed before its rule.
"""

from __future__ import annotations

import pytest

from digest.summarise.outlook import outlook_score


@pytest.mark.parametrize("ahead", [
    "All briefs in the case are due Aug. 14.",  # round 74: the appeal's schedule was left out
    "The report is due on Friday.",
    "The bill is due for a vote next week.",
    # review 77: the commonest shapes in court and business news
    "He is due in court on Monday.",
    "She is due back in court Feb. 3 for a status hearing.",
    "Final bids are due at noon Friday.",
    "The report is due Aug. 14th.",
    "The bill is due for a final vote.",
    # a step told in the present with its day ahead (round 74-75 reviewers' missed steps)
    "Her last day is April 1.",
    "The law takes effect Jan. 1.",
    "The appointment runs through this fall.",
    "The new rules come into force on Monday.",
    "The exhibition opens on Friday.",
])
def test_a_step_due_on_a_day_or_for_a_stage_looks_ahead(ahead):
    assert outlook_score(ahead) >= 2.0


@pytest.mark.parametrize("not_ahead", [
    "The rent was due on Monday.",
    "He is due a pay rise.",
    "Payment is due upon receipt.",
    "The sale ended Sunday.",
    "The museum opens daily at 9.",
    "The story begins in 1995.",
])
def test_due_without_a_day_or_a_stage_ahead_does_not(not_ahead):
    assert outlook_score(not_ahead) < 2.0


def test_as_a_result_of_a_thing_the_report_told_reads_whole_in_what_next():
    from digest.summarise.candidates import build_candidates
    from digest.summarise.nextsteps import _answered
    from tests.builders import make_entry
    text = ("Velmora Governor Ana Ruiz called for calm on Thursday after federal agents arrested Premier Tor Lind in Miami.\n\n"
            "As a result of Lind’s arrest, Deputy Premier Mia Holt will function as acting premier.")
    told = build_candidates((make_entry(content=text, summary=""),))
    assert _answered(told[-1], told) == "Deputy Premier Mia Holt will function as acting premier."
    # review 77: the owner as first named, title and all
    titled = build_candidates((make_entry(content=text.replace("As a result of Lind’s", "As a result of Premier Tor Lind’s"),
                                          summary=""),))
    assert _answered(titled[-1], titled) == "Deputy Premier Mia Holt will function as acting premier."
    # a thing the report never told stays leaning on something unseen
    unseen = build_candidates((make_entry(content=text.replace("arrested", "met"), summary=""),))
    assert _answered(unseen[-1], unseen) == unseen[-1].sentence.text


@pytest.mark.parametrize(("lead", "states"), [
    # what tends to be is no event, and a flourish after it makes the lead colour (rounds 71 and 75)
    ("Velmora and harbour policy have a tendency of surfacing in council politics in rather combustible ways.", False),
    ("Mayor Ana Ruiz is heading to the harbour for a speech Thursday, but not before an old-fashioned scolding.", False),
    ("Harbour disputes tend to surface in Velmora council politics every election year.", False),
    ("Mayor Ana Ruiz is heading to the harbour for a speech on Thursday morning.", True),
])
def test_a_tendency_or_a_flourish_is_no_lead_stating_the_event(lead, states):
    from digest.summarise.event import lead_states_event
    assert lead_states_event(lead) is states


def _what_next(text: str, title: str) -> tuple[str, ...]:
    from digest.model import RankedStory, Story
    from digest.summarise import get_summariser
    from tests.builders import make_entry
    entry = make_entry(content=text, summary="", title=title)
    return get_summariser("extractive").summarise(RankedStory(Story("s", (entry,)), rank=1, score=1.0, why="t")).what_next


def test_a_short_step_sharing_words_with_the_event_is_still_its_next_step():
    # round 79: "The federal subpoenas are due Feb. 5." was left out as a repeat of "Federal prosecutors have subpoenaed ..."
    lead = ("Federal prosecutors have issued subpoenas to Velmora Gov. Tor Lund's re-election campaign and the state "
            "party, escalating their inquiry into the harbour lane closures.")
    assert "The federal subpoenas are due Feb. 5." in _what_next(
        f"{lead}\n\nThe campaign hired a lawyer last week.\n\nThe federal subpoenas are due Feb. 5.",
        "Prosecutors subpoena Velmora governor's campaign")


@pytest.mark.parametrize("ahead", [
    # round 79's reviewers' missed steps
    "Police are now going to designate the Gamble Heights community as a crime hotspot.",
    "The ministry is also expected to send a vaccination bus to the schools.",
])
def test_a_step_with_an_adverb_before_its_cue_looks_ahead(ahead):
    assert outlook_score(ahead) >= 2.0


def test_who_stands_in_is_a_step_not_a_timeless_will():
    from digest.summarise.nextsteps import _timeless_will
    assert not _timeless_will("As a result of Lind's arrest, Deputy Premier Tor Hale will function as Acting Premier.")
    assert not _timeless_will("Ana Ruiz will serve as interim chief executive.")
    assert _timeless_will("Velmora Steel's sales force will drive adoption of the new alloys.")
    # review 81: what a thing is to be is no step
    assert _timeless_will("The closure will serve as a warning to other harbour towns.")
    assert _timeless_will("Robots will take over many of the jobs at the harbour.")


def test_a_short_step_names_a_day_or_figure_of_its_own_to_pass_for_new():
    # review 81: a short line that names no day or figure of its own is the event again, under the looser limit too
    from digest.summarise.candidates import build_candidates
    from digest.summarise.nextsteps import _new_date
    from tests.builders import make_entry
    lead = ("Federal prosecutors have issued subpoenas to Velmora Gov. Tor Lund's re-election campaign on Monday.")
    entry = make_entry(content=f"{lead}\n\nThe federal subpoenas are due Feb. 5.\n\nThe federal subpoenas were issued on Monday.")
    shown, dated, again = build_candidates((entry,))[:3]
    assert _new_date(dated, [shown])
    assert not _new_date(again, [shown])


@pytest.mark.parametrize("text, ahead", [
    # round 79: the robot's page ended on its plan, and What next was empty
    ("Next steps include refining the device to improve success rates in patients with difficult veins.", True),
    ("The next step is a vote in the Senate.", True),
    ("The next step is to seek funding for a larger trial.", True),
    # a next step talked about, or one already taken, is no plan
    ("The next steps are unclear.", False),
    ("Officials discussed next steps on Monday.", False),
    ("The next step was a vote in the Senate.", False),
])
def test_a_stated_next_step_looks_ahead(text, ahead):
    assert (outlook_score(text) >= 2.0) is ahead


def _next(text: str, title: str, published=None) -> list[str]:
    from datetime import UTC, datetime

    from digest.model import RankedStory, Story
    from digest.summarise import get_summariser
    from tests.builders import make_entry
    entry = make_entry(content=text, title=title, published=published or datetime(2013, 6, 8, 12, tzinfo=UTC))
    return list(get_summariser("extractive").summarise(RankedStory(Story("s", (entry,)), rank=1, score=1.0,
                                                                   why="t")).what_next)


def test_the_reporter_not_knowing_is_no_next_step():
    # round 84: "What it accomplished among undecided voters, if anything, is hard to tell and will take days to sort
    # out." (a reviewer: "an unattributed aside")
    text = ("Vice President Ana Lind and Representative Jon Marr clashed on Thursday night in their only debate of the "
            "campaign in Velmora.\n\n"
            "What it accomplished among undecided voters, if anything, is hard to tell and will take days to sort out.\n\n"
            "It is unclear whether the two will meet again before the vote.\n\n"
            "The campaigns will hold rallies in the capital on Saturday.")
    assert _next(text, "Lind and Marr clash in Velmora debate") == ["The campaigns will hold rallies in the capital on Saturday."]


def test_a_step_dated_in_a_year_before_the_report_is_no_next_step():
    # round 84: "The list of briefings begins on May 12, 2009, with a classified hearing ..." in a report of 2013
    text = ("The White House on Friday released a list of the briefings it gave lawmakers on the data program.\n\n"
            "The list of briefings begins on May 12, 2009, with a classified hearing of the Senate intelligence "
            "committee on the program.\n\n"
            "The committee will hold an open hearing on the program on June 18.")
    assert _next(text, "White House lists briefings on data program") == [
        "The committee will hold an open hearing on the program on June 18."]


@pytest.mark.parametrize("verdict", [
    # rounds 87 and 88: "a correspondent's verdict on the outcome", "the outlet's own assessment"
    "The BBC's Ana Lind in Velmora says the outcome will be disappointing for Mr Marr after a week of talks.",
    "With its $29.99 price tag, the Velmora F3 will be one of the carrier's most affordable phones when it launches "
    "later this month.",
    "Analysts said the ruling will be a blow to the mayor's new budget.",
    # review 92: another, a major political, among the most, an adverb before the verdict
    "Analysts said the ruling will be another major political blow to the mayor's new budget.",
    "With its price, the Velmora F3 will be among the carrier's most affordable phones.",
    "The BBC's Ana Lind says the outcome will be bitterly disappointing for Mr Marr.",
])
def test_a_verdict_on_how_it_will_be_is_no_next_step(verdict):
    text = ("Velmora's harbour council rejected the mayor's plan for a new ferry terminal on Thursday.\n\n"
            f"{verdict}\n\n"
            "The mayor will ask the full city council to overturn the decision on June 18.")
    assert _next(text, "Velmora council rejects ferry terminal plan") == [
        "The mayor will ask the full city council to overturn the decision on June 18."]


@pytest.mark.parametrize("step", [
    # review 92: a dated step with a verdict tacked on, a step named by a noun, "welcome to attend", a hyphen
    "The full city council will vote on the plan on June 18, in what will be a crucial test for the mayor.",
    "The mayor's next step will be a legal challenge to the ruling, her spokesman said.",
    "Members of the public will be welcome to attend the full council hearing on June 18.",
    "The final will be best-of-seven, starting on June 18.",
    "The vote will be held on Tuesday.",
])
def test_a_step_with_a_verdict_word_still_looks_ahead(step):
    text = ("Velmora's harbour council rejected the mayor's plan for a new ferry terminal on Thursday.\n\n"
            f"{step}")
    assert _next(text, "Velmora council rejects ferry terminal plan") == [step]


def test_a_fronted_participle_is_no_main_clause():
    # review 92: "Having extended his visit to the region by a night amid signs of progress, Mr Kerry will return to
    # the US on Friday." was read up to its "amid", as if what moved were its news
    step = "Having extended his visit to the region by a night amid signs of progress, Mr Marr will return to Velmora on Friday."
    text = ("Velmora's harbour council rejected Mayor Jon Marr's plan for a new ferry terminal on Thursday.\n\n"
            f"{step}")
    assert _next(text, "Velmora council rejects ferry terminal plan") == [step]
