"""What happened states the event (issue 12, item 3): who did what, where, when.

The dek takes a report's lead; What happened then takes the next sentences only when they state
the event, never background, colour, a side detail, a bare statistic or a method detail. When no
later sentence does, the lead goes back to What happened. One crafted paragraph per failure class;
every test failed before its rule.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from digest.model import Entry, RankedStory, Story
from digest.summarise import get_summariser
from digest.summarise.event import states_event_firmly
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


@pytest.mark.parametrize("bad", [
    "In recent times, Republicans such as former Governor Dennis Daugaard have called for the program to be scrapped.",
    "Saturday is the 75th anniversary of the state's first medical board, founded in 1951.",
    "Many lawmakers have opposed the program since its inception, saying it costs too much.",
])
def test_background_openers_and_anniversaries_are_not_what_happened(bad):
    assert_states_event(f"{LEAD} {bad} The law takes effect in July, officials said.", bad)
    assert not states_event_firmly(bad)


def test_a_second_sentence_naming_a_speaker_by_surname_alone_is_not_what_happened():
    # Fails without the rule: What happened's reader never met "Hoenig" (the lead calls him "a top
    # regional Federal Reserve official"; his full name is in a sentence What happened leaves out).
    lead = ("A top regional Federal Reserve official sharply criticised on Friday the Fed's policy of keeping "
            "interest rates near zero as a dangerous gamble.")
    intro = ("Federal Reserve Bank of Kansas City President Thomas M. Hoenig, the Fed's longest-serving policymaker "
             "and one of 10 people who decide what interest rates borrowers pay, said that the policy of near-zero "
             "rates risks new bubbles.")
    third = ("Hoenig, who has dissented from all five decisions this year, said the economy is in a \u201cmodest "
             "recovery, with mixed results\u201d and that rates should rise.")
    quote = "\u201cOf course the market wants zero rates to continue indefinitely,\u201d Hoenig said in a speech in Lincoln."
    bad = ('The economy grew by 3.2 percent during the first year of recovery following the current "Great '
           'Recession," Hoenig said.')
    result = brief(" ".join([lead, intro, third, quote, bad]))
    assert lead in result.what_happened
    assert bad not in result.what_happened


def test_a_now_sentence_after_the_lead_tells_the_news_and_stays_with_it():
    # The lead sets the scene; "Now X has ..." is the news. Fails without the rule: the quotes
    # and the next step took the budget and What happened kept only the scene.
    lead = ("Facebook caused a stir over the weekend with the revelation that it had been altering the content of "
            "some users' News Feeds in an attempt to study what causes people to post emotional material.")
    now = ("Now Adam Kramer, a Facebook data scientist and co-author of the study, has posted an explanation of "
           "the motivation behind the research, which he says serves as Facebook's statement on the matter.")
    rest = (
        "\u201cThe reason we did this research is because we care about the emotional impact of Facebook and the "
        "people that use our product,\u201d says Kramer. \u201cWe felt that it was important to investigate the "
        "common worry that seeing friends post positive content leads to people feeling negative or left out.\u201d "
        "Kramer notes that the study affected 0.04 percent of users over one week in 2012, though at Facebook's "
        "scale that covers hundreds of thousands of people. In a separate statement provided to The Guardian, "
        "Facebook said the research was designed to \u201cimprove our services and to make the content people see "
        "on Facebook as relevant and engaging as possible.\u201d Kramer says that Facebook has improved its "
        "internal review practices since 2012, and future research will take the reaction to this study into account.")
    result = brief(" ".join([lead, now, rest]))
    # The scene-setting lead is the dek (a brief needs one) or What happened's first sentence.
    assert [result.dek] + list(result.what_happened[:1]) == [lead, now] or result.what_happened[:2] == (lead, now)


# The lead as the dek (sixth pass): a brief without a dek lacks a part, so when no standfirst
# and no other report's lead can be the dek, the lead is, provided What happened keeps a firm
# event sentence of its own from a report's opening; else the lead stays What happened's.

def test_the_lead_is_the_dek_when_the_next_sentence_states_the_event():
    # (since round 74 the lead stays What happened's and the firm sentence is the dek above it:
    # tests/test_summarise_leadstays.py)
    follow = "Police officers arrested two men near the border crossing at Elk Point on Tuesday night."
    result = brief(f"{LEAD}\n\n{follow}\n\nThe law takes effect in July.", summary=LEAD)
    assert result.what_happened[0] == LEAD
    assert result.dek == follow and follow not in result.what_happened


@pytest.mark.parametrize("after", [
    "The governor signed a medical marijuana bill in South Dakota on Tuesday, her office said.",  # the lead again
    "Governor Kristi Noem vetoed a similar bill in 2019 after lobbying by sheriffs.",  # an earlier year
    "Governor Kristi Noem met the state's sheriffs on Monday to hear their objections.",  # another day
    "In all three cases, the governor sided with the state's sheriffs and vetoed the bill.",  # leans back
])
def test_the_lead_stays_in_what_happened_when_nothing_else_states_the_event(after):
    result = brief(f"{LEAD}\n\n{after}", summary=LEAD)
    assert result.dek is None
    assert result.what_happened[0] == LEAD


def test_what_happened_past_the_lead_is_never_dated_in_an_earlier_year():
    # brief() dates the report 2026: a sentence telling what happened in 2019 is background.
    old = "Governor Kristi Noem vetoed a similar bill in 2019 after a campaign by the state's sheriffs."
    result = brief(f"{LEAD} {old} Police officers arrested two growers in Pierre on Tuesday night.")
    assert old not in result.what_happened and result.what_happened
    from digest.summarise.tense import earlier_year
    assert earlier_year(old, 2026) and not earlier_year(old, 2019) and not earlier_year(old, None)
    assert not earlier_year("The plan takes effect in 2027.", 2026)
    # a year told as what it names ("in the 1989 film", "in her 2016 campaign") dates it too
    assert earlier_year("She won acclaim after her debut in the 1989 film “Harbor Lights.”", 2023)
    assert earlier_year("He ran on the same promise in his 2016 campaign.", 2023)
    assert not earlier_year("She is favoured in the 2023 race.", 2023)
    # and so does a full date
    assert earlier_year("On June 7th, 2021, the tribunal found that the director broke its rules.", 2022)
    assert earlier_year("The tribunal ruled on March 3 2020 that the firing was lawful.", 2022)
    assert not earlier_year("On June 7th, 2022, the tribunal found that the director broke its rules.", 2022)


def test_a_name_owning_the_subject_names_the_actor():
    # Round 9: "Portugal's ... coalition easily defeated a motion" was passed over for background.
    from digest.summarise.event import names_actor
    text = "Velmora's ruling coalition easily defeated a motion of no confidence in parliament on Thursday."
    assert names_actor(text) and states_event_firmly(text)
    assert not names_actor("Today's vote was closer than the one before it, and longer.")


def test_a_page_prompt_about_a_video_or_photos_is_chrome():
    from digest.summarise.furniture import is_chrome
    assert is_chrome("For more with Dr. Lind, watch his full interview above.")
    assert is_chrome("Our day's top images, in-depth photo essays and offbeat slices of life.")
    assert not is_chrome("Police said they would watch the area above the harbour.")


def test_what_used_to_be_so_is_background():
    from digest.summarise.tense import long_before
    assert long_before("Harbour testing used to mean checking the sea wall once a year.")
    assert not long_before("Divers tested the harbour wall on Monday.")


# Seventh pass (round 11's missing deks): a body telling what it did, a sentence framed by its
# attribution and one name acting can all keep What happened when the lead moves up.

@pytest.mark.parametrize("follow", [
    # a body's reported account: "The FDA said Wednesday it approved the drug ..."
    "The Health Department said Tuesday it approved the first licences for growers in Pierre and Sioux Falls.",
    # the report's narration framed by its credit: "..., police said."
    "Officers raided two unlicensed growers in Pierre on Tuesday night, seizing 300 plants, police said.",
    # one name acting: "Google reported ...", "Mansour pledged ..."
    "Noem signed the measure at a ceremony attended by two dozen patients and their families on Tuesday.",
])
def test_the_lead_is_the_dek_over_a_body_a_credited_report_or_one_name_acting(follow):
    result = brief(f"{LEAD}\n\n{follow}\n\nThe law takes effect in July.", summary=LEAD)
    assert result.what_happened[0] == LEAD
    assert result.dek == follow


def test_a_person_saying_or_a_credit_around_a_state_keeps_the_lead_in_what_happened():
    # A person's reported words are Who said what's; a credited sentence must still narrate
    # what happened ("..., is the state's largest", police said) to stand for the event.
    for after in ("Senator Mara Lund said Tuesday that the governor had ignored the sheriffs for months.",
                  "The clinic in Pierre is the state's largest, health officials said."):
        result = brief(f"{LEAD}\n\n{after}", summary=LEAD)
        assert result.dek is None and result.what_happened[0] == LEAD, after


def test_one_name_acting_names_the_actor_but_a_pronoun_or_quantifier_does_not():
    from digest.summarise.event import names_actor
    assert names_actor("Google reported profits of $9.7bn, up 16% from a year ago.")
    assert names_actor("Mansour pledged in his first public address to restore stability and security.")
    assert not names_actor("Nobody expected profits of that size, up 16% from a year ago.")
    assert not names_actor("Many fled when the water rose above the second floor of the houses.")
    assert not names_actor("Carlisle makes another par to stay one over.")  # a present tense: no event told


@pytest.mark.parametrize("predicate, text, expected", [
    # past the lead "36 million years ago" is background too (a lead may give a find's age: below);
    # "previously", "for a number of years", "last month's" are
    ("long_before", "Dying stars billions of years ago cooked up most of the lighter elements.", True),
    ("long_before", "The harbour master left the port two years ago.", True),
    ("states_event_firmly", "Dying stars billions of years ago cooked up most of the lighter elements.", False),
    ("states_event_firmly", "A million people took to the streets during last month's harbour festival.", False),
    # "It was announced Thursday that ..." is an empty "it"
    ("leans_back", "It was announced Thursday afternoon that Lind will defend his title on Sept. 14.", False),
    ("leans_back", "It was a long day for the harbour board.", True),
    ("states_event_firmly", "Velmora Ports and Skarn Shipping had previously been engaged in disputes.", False),
    ("states_event_firmly", "Velmora Ports and Skarn Shipping were engaged in disputes for a number of years.", False),
    # "Neither ..." and "the former" of two lean back; "the former head of ..." names a role
    ("leans_back", "Neither is the harbour community under any illusion that the vote ends its grievances.", True),
    ("leans_back", "The former said the vote was fair.", True),
    ("leans_back", "The former head of the Velmora Port Authority said he is aware of evidence of fraud.", False),
])
def test_background_and_leaning_back_round_11(predicate, text, expected):
    from digest.summarise import event, shape, tense
    check = next(getattr(module, predicate) for module in (event, shape, tense) if hasattr(module, predicate))
    assert check(text) is expected


def test_a_lead_in_reported_speech_of_an_unnamed_role_is_what_happened():
    # Round 11: "The former head of the U.S. Central Intelligence Agency said he is aware of hard
    # evidence ..." gave way to background ("... had previously been engaged in disputes").
    lead = ("The former head of the Velmora Port Authority said he is aware of hard evidence that Skarn Shipping "
            "bribed harbour officials, the Velmora Post reported on Friday.")
    old = "Skarn Shipping and the port had been engaged in disputes over fees for a number of years."
    result = brief(f"{lead} {old}")
    assert result.what_happened[0] == lead or result.dek == lead
    assert old not in result.what_happened


LUND = ("President Lund may cancel a scheduled trip to Skarn to meet its prime minister in September as the "
        "standoff over the fugitive engineer strains relations, officials said Thursday.")
LUND_BEFORE = "The White House announced the coming meeting when the two leaders met in Velmora last month."


def _titled(content: str, title: str):
    from digest.model import RankedStory, Story
    entry = make_entry(uid="h", feed="Outlet", content=content, title=title,
                       published=datetime(2026, 11, 23, 5, tzinfo=UTC))
    return get_summariser("extractive").summarise(RankedStory(Story("s", (entry,)), rank=1, score=1.0, why="t"))


def test_a_hedged_lead_is_the_news_when_the_title_hedges_the_same_way():
    assert _titled(f"{LUND} {LUND_BEFORE}", "Lund May Cancel Skarn Trip").what_happened[0] == LUND
    # Uncredited, a hedge the title does not share is speculation stated as fact, not the news.
    guess = LUND.removesuffix(", officials said Thursday.") + "."
    assert guess not in _titled(f"{guess} {LUND_BEFORE}", "Lund Weighs Skarn Trip").what_happened


def test_a_credited_hedge_in_a_lead_the_scorer_is_sure_of_is_the_news():
    # The news labels: "A U.S. official says Secretary of State John Kerry will fly to the West
    # Bank ..." and "... a finding published Wednesday in Science may help explain ..." state the
    # news; a lead crediting its hedge to a source reports it, it does not predict.
    assert _titled(f"{LUND} {LUND_BEFORE}", "Lund Weighs Skarn Trip").what_happened[0] == LUND


def test_past_the_first_sentence_what_happened_tells_what_happened_not_a_state():
    # Rounds 9-11: a second sentence explaining a state ("People with Down's syndrome have three
    # copies of chromosome 21.", "The prize money is being held in trust ...") was background.
    state = "The new dock in Velmora is being built by Skarn Shipping under a contract with the city."
    done = "Officers from the Velmora Port Authority seized two boats in the harbour on Tuesday night."
    assert states_event_firmly(state) and states_event_firmly(done)
    result = brief(f"{LEAD} {state}")
    assert state not in result.what_happened and LEAD in (*result.what_happened, result.dek)
    result = brief(f"{LEAD} {done}")
    assert done in (result.dek, *result.what_happened)


def test_round_11_leads_that_state_their_event():
    from digest.summarise.event import lead_states_event
    leads = (
        # "I/O" is no first-person aside
        "Velmora Harbour chief Tor Lind took the stage today to open the Velmora I/O developers conference here.",
        # a study acts ("an animal study showed"), as police or a court do
        "Stimulating a clock gene can boost endurance in harbour seals, an animal study showed on Monday.",
        # "overcame" is a past tense
        "San Velmora overcame a late surge by the Skarn Harbourers in winning Game 1 on Tuesday night.",
    )
    assert [lead for lead in leads if not lead_states_event(lead)] == []


def test_a_man_accused_is_introduced_and_those_doing_something_are_no_back_reference():
    from digest.summarise.shape import unintroduced
    assert not unintroduced("The man accused of holding three women for a decade has made his first court appearance.")
    assert not unintroduced("Mansour promised to fight those driving the nation towards chaos.")
    assert unintroduced("The pact binds those loggers to pay for the new road.")
    assert unintroduced("The official said the port would reopen.")


def test_a_dek_may_end_on_a_short_name_but_not_on_an_abbreviation():
    from digest.summarise.dek import _whole
    assert _whole("Tor Lind arrived for the 142nd Velmora Open with confidence after a win at the Skarn Open.", "")
    assert _whole("The boat set a record on San Velmora Bay.", "")
    assert not _whole("The shares were bought by Velmora Holdings Inc.", "")
    assert not _whole("The wall was paid for by the U.S.", "")


@pytest.mark.parametrize("follow, moves", [
    # a status a court gave, told in the present, is what was done
    ("Kristi Noem's aide, Tor Lind, 52, is charged with fraud over the bill's funding.", True),
])
def test_what_happened_under_a_lead_dek_round_11(follow, moves):
    result = brief(f"{LEAD}\n\n{follow}\n\nThe law takes effect in July.", summary=LEAD)
    assert (result.what_happened[0] == LEAD and result.dek == follow) is moves


def test_a_scheduled_step_after_the_lead_goes_to_what_next_and_the_lead_still_moves_up():
    # Round 11 (Egypt): "Brotherhood supporters will take to the streets on Friday" stood for What
    # happened under the dek, and its other day then kept the lead out of the dek.
    ahead = "Growers licensed under the new law will take their first crops to market in Pierre on Friday."
    done = "Noem vetoed two bills on policing at the same ceremony in Pierre on Tuesday."
    result = brief(f"{LEAD}\n\n{ahead}\n\n{done}", summary=LEAD)
    assert result.what_happened[0] == LEAD and result.dek == done and ahead in result.what_next


def test_plural_subjects_act_and_our_galaxy_is_no_aside():
    from digest.summarise.event import lead_states_event
    assert lead_states_event("West African leaders plan to open a two-day summit on Wednesday in Velmora.")
    assert lead_states_event("New views from the Velmora Space Telescope show young stars at the edge of our galaxy.")
    assert not lead_states_event("New views of the harbour show why we love our town.")


def test_a_sentence_going_on_from_the_lead_by_a_pronoun_reads_under_it_as_the_dek():
    # Round 11 (Down's syndrome): "US scientists say they have moved a step closer ..." then "They
    # have 'switched off' the chromosome ...": under the lead as the dek, "They" is plain.
    lead = "Velmora scientists say they have moved a step closer to treating a harbour seal virus."
    follow = "They have switched off the gene that lets the virus copy itself in seal cells in the lab."
    result = brief(f"{lead}\n\n{follow}\n\nThe work could one day help other animals.", summary=lead)
    assert result.dek == lead and result.what_happened[0] == follow
    # a pronoun sentence that tells a state or a plan stays out, and the lead keeps What happened
    for other in ("They are part of a team of forty at the university.", "They will test it on seals next year."):
        result = brief(f"{lead}\n\n{other}", summary=lead)
        assert result.dek is None and result.what_happened[0] == lead, other


def test_a_lead_with_its_hedge_in_a_relative_clause_or_a_numbered_subject_introduced_there_is_the_news():
    # Round 9-10 pages: "The two companies that make vaccines ... announced Thursday ..." and
    # "Astronomers have discovered an object ... that could act as a dust trap" gave way to background.
    for lead in ("The two companies that make harbour buoys announced Thursday that they would cut prices by half.",
                 "Astronomers at Velmora have discovered a cloud near a young star that could act as a dust trap."):
        background = "Velmora astronomers have long puzzled over the birth of planets and their moons."
        result = brief(f"{lead} {background}")
        assert lead in (*result.what_happened, result.dek) and background not in result.what_happened, lead
    from digest.summarise.shape import leans_back, tidy
    assert leans_back("The two said the vote was fair.")
    assert tidy("GAMES CONSOLE SHIFTER Velmora Soft has revealed its terms.") == "Velmora Soft has revealed its terms."
    assert tidy("NEW YORK Police said.") == "NEW YORK Police said."
    # set 5: "Heads up, travelers: Hundreds of workers are striking ..." opened What happened
    assert tidy("Heads up, travelers: Hundreds of dockers are striking at Velmora port.") == (
        "Hundreds of dockers are striking at Velmora port.")
    assert tidy("Attention to detail won the day for Velmora.") == "Attention to detail won the day for Velmora."


def test_a_lead_crediting_its_news_to_a_report_is_not_weighed_down_as_a_reading_of_it():
    # Round 9: "The National Security Agency has obtained direct access to ..., according to a top
    # secret document" gave way to its next sentence; past the lead, "according to" still weighs less.
    from digest.summarise.candidates import build_candidates
    from digest.summarise.happened import _event_value
    credited = ("The Velmora port authority has obtained direct access to the shipping records of three lines, "
                "according to a secret document.")
    plain = "The Velmora port authority has obtained direct access to the shipping records of three lines."
    for text, second in ((credited, plain), (plain, credited)):
        lead, after = build_candidates((make_entry(content=f"{text} {second}"),))[:2]
        assert (_event_value(lead, plain=True) > _event_value(after, plain=True)) is True
    lead, after = build_candidates((make_entry(content=f"{plain} {credited}"),))[:2]
    assert _event_value(after, plain=True) < 0.8 * _event_value(lead, plain=True)


def test_a_lead_may_give_the_age_of_a_find():
    from digest.summarise.tense import long_before
    lead = "A 6ft lizard that roamed the coast 36-40 million years ago has been named after a Velmora singer."
    assert not long_before(lead, lead=True) and long_before(lead)
    result = brief(f"{lead} The choice of name is a play on the singer's nickname, the Harbour King.")
    assert lead in (*result.what_happened, result.dek)


def test_a_sentence_opening_on_a_bare_surname_names_the_person_as_the_story_first_did():
    # Round 11 (Rudd): "Rudd and Papua New Guinea Prime Minister Peter O'Neill signed an agreement
    # ..." was passed over for background because it opened on a bare surname.
    lead = "Velmora Prime Minister Ana Ruiz says all boat arrivals will be resettled on the island of Skarn."
    signed = "Ruiz and Skarn Prime Minister Tor Lind signed an agreement in Velmora City on Friday."
    background = "The growing influx poses a major political problem for the ruling party before the election."
    result = brief(f"{lead} {signed} {background}")
    shown = (*result.what_happened, result.dek or "")
    assert "Velmora Prime Minister Ana Ruiz and Skarn Prime Minister Tor Lind signed an agreement in Velmora City on Friday." in shown
    assert background not in result.what_happened
    from digest.summarise.happened import in_full
    assert in_full("Mr. Lind fled on Friday.", {"Lind": "Tor Lind"}) == "Tor Lind fled on Friday."
    assert in_full("Lind fled with Tor Lind's papers.", {"Lind": "Tor Lind"}) == "Lind fled with Tor Lind's papers."
    assert in_full("Skarn fled.", {"Lind": "Tor Lind"}) == "Skarn fled."


@pytest.mark.parametrize("text, background", [
    ("One year ago, two papers described the pandemic risk of the Velmora flu strain.", True),
    ("Tor Lind had already demonstrated in earlier work that the harbour virus spreads by air.", True),
    ("Lind was given a 25-game ban during last season's playoffs for a late hit on Ana Ruiz.", True),
    ("Velmora Soft reported profits of $9.7bn, up 16% from a year ago.", False),
    ("Velmora police have already identified about 120 victims of the scheme.", False),  # news so far, not before
])
def test_what_came_before_is_background_past_the_lead(text, background):
    assert states_event_firmly(text) is not background


def test_the_lead_moves_up_when_a_colour_opener_the_blocks_pass_over_comes_before_it():
    # Set 5: pages open on a colour line no block shows; the news sentence after it is the lead.
    opener = "The giant harbour crane has begun its last slow turn."
    lead = "Velmora Port Authority engineers dismantled the 60-metre harbour crane on Tuesday after a safety review."
    follow = "Workers cut the crane's arm into four sections and lowered them onto barges in the inner harbour."
    entry = make_entry(uid="c", feed="Outlet", content=f"{opener} {lead} {follow} The site will become a park.",
                       title="Velmora engineers dismantle harbour crane after safety review",
                       published=datetime(2026, 11, 23, 5, tzinfo=UTC))
    result = get_summariser("extractive").summarise(RankedStory(Story("s", (entry,)), rank=1, score=1.0, why="t"))
    assert result.what_happened[0] == lead and result.dek == follow


def test_a_hedge_word_alone_does_not_keep_a_sure_lead_out_but_an_uncredited_prediction_does():
    # News labels: "NASA survived a close call ... on Tuesday when a spacewalking astronaut could
    # have drowned ..." and "In perhaps their biggest game ... the Sixers played host ..." are the news.
    lead = ("The Velmora Port Authority survived a close call in the harbour on Tuesday when a cargo ship "
            "could have struck the main breakwater during the storm.")
    after = "Harbour master Ana Ruiz said the ship's anchor had dragged for two hours before tugs reached it."
    assert _titled(f"{lead} {after}", "Velmora harbour close call as cargo ship nears breakwater").what_happened[0] == lead
    guess = "The Velmora Port Authority will close the harbour to cargo ships for a month after the storm."
    made = _titled(f"{guess} {after}", "Velmora harbour to close to cargo ships for a month")
    assert guess not in made.what_happened


@pytest.mark.parametrize("text, shown", [
    # a possessive surname opening the sentence names its owner as the story first did (round 57: "Grant's husband")
    ("Ortiz's husband, a police corporal, was badly injured in the crash.",
     "Ana Ortiz's husband, a police corporal, was badly injured in the crash."),
    ("Mr. Hale’s car was found on Tuesday near the harbour.", "Tom Hale’s car was found on Tuesday near the harbour."),
    ("Ortiz said the pumps failed.", "Ana Ortiz said the pumps failed."),
    ("Ana Ortiz's husband was hurt.", "Ana Ortiz's husband was hurt."),
])
def test_an_opening_surname_or_its_possessive_is_named_in_full(text, shown):
    from digest.summarise.happened import in_full
    assert in_full(text, {"Ortiz": "Ana Ortiz", "Hale": "Tom Hale"}) == shown


# Round 71: What happened told an older report's plan ("plans to invoke the Fifth Amendment ... on Wednesday") that
# the newer reports tell as done.

def test_a_step_told_as_planned_is_told_done_by_a_later_sentence_in_the_past() -> None:
    from digest.summarise.overtaken import told_done
    planned = "Ana Ruiz plans to invoke the Fifth Amendment at the hearing on Wednesday, the Velmora Times reports."
    assert told_done(planned, "She then invoked her Fifth Amendment right and declined to testify.")
    assert told_done(planned, "The Fifth Amendment was invoked by her lawyer.") is False  # its object not after it
    assert told_done(planned, "Her lawyer said she invoked the Fifth Amendment on advice.")
    assert not told_done("Ana Ruiz testified on Wednesday.", "She then invoked her right.")  # no plan to overtake
    # review 68: not done, or not this step
    for later in ("She has not invoked the Fifth Amendment.", "She never invoked the Fifth Amendment before.",
                  "She would have invoked the Fifth Amendment.", "The rarely invoked Fifth Amendment protects her.",
                  "She will be invoked the Fifth Amendment.", "If she invoked the Fifth Amendment, the hearing ends.",
                  "She refused to answer questions."):
        assert not told_done(planned, later), later
    assert not told_done("Ana Ruiz will face trial in March over the harbour fees.", "Ruiz faced criticism over the fees.")
    assert not told_done("Ana Ruiz will not resign, her office said.", "Ruiz noted the vote.")  # "not" is no step
    # irregular and spelled pasts
    assert told_done("The minister will meet union leaders on Friday.", "The minister met union leaders on Friday.")
    assert told_done("Ana Ruiz is expected to testify before the committee.", "Ruiz testified before the committee.")
    assert told_done("Ana Ruiz will admit the charges in court.", "Ruiz admitted the charges on Monday.")


def _port_report(feed: str, title: str, when: datetime, *paragraphs: str) -> Entry:
    return make_entry(uid=feed, feed=feed, title=title, summary="", published=when, link=f"https://{len(feed)}.example/a",
                      content="\n\n".join(paragraphs))


def _planned(title: str, *more: str) -> Entry:
    return _port_report(
        "Velmora Post", title, datetime(2026, 11, 21, 9, tzinfo=UTC),
        "Ana Ruiz, the head of the Velmora port authority, plans to invoke the Fifth Amendment during her testimony "
        "before the harbour committee on Wednesday, the Velmora Times reports.", *more)


def _done(title: str = "Port chief Ana Ruiz invokes Fifth Amendment at hearing") -> Entry:
    return _port_report(
        "Velmora Times", title, datetime(2026, 11, 22, 18, tzinfo=UTC),
        "The head of the Velmora port authority, Ana Ruiz, told the harbour committee on Wednesday that she had done "
        "nothing wrong and had broken no laws.",
        "She then invoked her Fifth Amendment right and declined to answer questions at the hearing.")


def test_what_happened_takes_the_newer_reports_account_over_an_older_reports_plan() -> None:
    older = _planned("Ana Ruiz will invoke Fifth Amendment at port hearing",
                     "Ruiz announced her plans in a letter from her lawyer to the committee on Monday.")
    newer = _done()
    brief = get_summariser("extractive").summarise(RankedStory(Story("s", (older, newer)), rank=1, score=1.0, why="t"))
    shown = " ".join([brief.dek or "", *brief.what_happened])
    assert "plans to invoke" not in shown
    assert "had done nothing wrong" in shown


def test_a_plan_overtaken_is_not_brought_back_as_the_lead_whose_title_the_others_share() -> None:
    older, newer = _planned("Ana Ruiz to invoke Fifth Amendment at port hearing"), _done("Ana Ruiz invokes Fifth Amendment at port hearing")
    newest = _port_report(
        "Velmora Wire", "Port chief faces more scrutiny over harbour fees", datetime(2026, 11, 23, 8, tzinfo=UTC),
        "The port official who refused to testify at a harbour committee hearing on Wednesday has become the focus "
        "of the inquiry into harbour fees.")
    story = Story("s", (newest, older, newer))
    brief = get_summariser("extractive").summarise(RankedStory(story, rank=1, score=1.0, why="t"))
    assert "plans to invoke" not in " ".join([brief.dek or "", *brief.what_happened])


def test_only_a_newer_report_overtakes_a_plan() -> None:
    from dataclasses import replace

    from digest.summarise.candidates import build_candidates
    from digest.summarise.overtaken import overtaken
    for plan_day, overtaken_expected in ((20, True), (24, False)):  # the plan told before, then after, the deed
        plan = replace(_planned("Ana Ruiz to invoke Fifth Amendment"), published=datetime(2026, 11, plan_day, tzinfo=UTC))
        readable = (plan, _done())
        candidates = build_candidates(readable)
        text = next(c.sentence.text for c in candidates if c.sentence.entry == 0 and c.sentence.position == 0)
        assert overtaken(text, candidates, readable, plan) is overtaken_expected
