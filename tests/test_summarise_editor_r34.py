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
    assert b.dek == f"{standfirst}."  # shown as a sentence, with its stop


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


# Faults a snapshot of 40 unseen-by-graders briefs found (round 34) -------------------------------

def test_what_next_never_points_at_a_thing_the_reader_was_not_told_of():
    text = ("Velmora will fine bars that play recorded music louder than 85 decibels from Monday, under rules the council "
            "published on Friday.\n\n"
            "Inspectors measured the volume in twelve bars last month, the council said.\n\n"
            "Live music will continue to be permitted above this volume.\n\n"
            "The council will review the rules in March, a spokesman said.")
    b = brief(text, title="Velmora to fine loud bars")
    assert not any("this volume" in s for s in b.what_next)


def test_what_next_never_ends_on_a_bare_demonstrative_or_opens_at_the_same_time():
    text = ("Velmora Audio showed rings that turn a player's hand movements into music at the city's trade fair on "
            "Thursday.\n\n"
            "Musicians have rarely thought of rings as instruments.\n\n"
            "Velmora Audio hopes to change that.\n\n"
            "At the same time, Velmora Audio plans to open a store in Estrava next year.\n\n"
            "A set of rings will go on sale in the spring for $25, the company said.")
    b = brief(text, title="Velmora Audio shows music rings at trade fair")
    assert not any(s.endswith("change that.") or s.startswith("At the same time") for s in b.what_next)
    assert any("go on sale in the spring" in s for s in b.what_next)


def test_a_drop_cap_word_set_in_capitals_before_a_name_is_calmed():
    from digest.summarise.shape import tidy
    assert tidy("SOUTH Korea has swiftly endorsed the offer of talks.") == "South Korea has swiftly endorsed the offer of talks."
    assert tidy("NEW York police said two men were held.") == "New York police said two men were held."
    # an acronym before a name stays
    assert tidy("NASA Administrator Ana Lind said the launch will go ahead.").startswith("NASA Administrator")
    assert tidy("UK Prime Minister Ana Lind spoke.").startswith("UK Prime")


def test_a_person_from_an_institution_speaks_not_the_institution():
    from digest.summarise.attribution import attribute
    assert attribute("Ana Lind from Velmora Observatory, Estrava, stated that the images used only 26 of the 66 "
                     "antennas.") == ("Ana Lind from Velmora Observatory", False)
    assert attribute("Tom Hale from the University of Velmora said the study moves us closer to an answer.") == (
        "Tom Hale from the University of Velmora", False)
    # "ambassador to Estrava Liu Xiaoming": a place, then the person, as before
    assert attribute("China's ambassador to Estrava Liu Xiaoming said the talks would go on.") == ("Liu Xiaoming", False)


def test_a_university_owning_its_person_is_named_without_an_article():
    from digest.summarise.speakers import clean_speaker
    assert clean_speaker("Velmora State University's Ana Lind") == "Ana Lind of Velmora State University"
    assert clean_speaker("Wilson Center's Tom Hale") == "Tom Hale of the Wilson Center"


def test_a_teaser_after_the_news_in_a_title_is_left_out_of_the_headline():
    from digest.summarise.headline import clean_headline
    assert clean_headline("A named tropical storm is likely in the Velmora Gulf by Monday. Here’s how it could affect "
                          "weekend plans") == "A named tropical storm is likely in the Velmora Gulf by Monday"
    assert clean_headline("Velmora council passes budget - what you need to know") == "Velmora council passes budget"
    # a title that is only the tease stays as it is
    assert clean_headline("Here's what we know about the Velmora storm") == "Here's what we know about the Velmora storm"


def test_a_side_fact_told_with_also_does_not_follow_the_lead_moved_up_as_the_dek():
    # The lead moves up as the dek only over a firm sentence of its own; "also" adds a side fact
    # ("Brightstar also handles trade-ins for ..."), which under the dek read as the news.
    text = ("Velmora Phones is starting a trade-in program this month aimed at getting users to upgrade to its new "
            "model, people with knowledge of the plans said.\n\n"
            "Miami-based Estrava also started trade-in programs for two carriers in stores last week, amid brisk demand "
            "for refurbished phones.\n\n"
            "“This will help them sell more phones,” said Ana Lind, an analyst at Velmora Research.\n\n"
            "A spokeswoman for Velmora Phones declined to comment.")
    b = brief(text, title="Velmora Phones said to start trade-in program in stores")
    assert b.what_happened[0].startswith("Velmora Phones is starting a trade-in program")
    assert not any("also started" in s for s in b.what_happened)


def test_a_standfirst_stating_the_news_is_what_happened_when_the_opening_is_colour():
    # The news scorer all but rules the opening out: shown as What happened under the standfirst as
    # the dek, the brief would tell colour as the news ("As far as we know, there are no Saturnians").
    text = ("OK, everybody, wave at Velmora!\n\n"
            "As far as we know, there are no Velmorans on Velmora.\n\n"
            "There are no sirens on its moons nor large, monolithic stargates floating just outside them.\n\n"
            "And even if there were, they couldn't see us.\n\n"
            "We're more than a billion kilometers away.\n\n"
            "“We want everybody to step outside and smile for the camera,” said Ana Lind, a scientist at Estrava.\n\n"
            "You can find the times for your town on the agency's website.\n\n"
            "“It will be the first picture of its kind that people know in advance,” Lind said.\n\n"
            "Will you be outside to wave?")
    standfirst = "On Friday, the Estrava spacecraft will take pictures of the planet Velmora."
    b = brief(text.replace("wave at Velmora", "wave at the ringed planet"), title="OK, everybody, wave at the ringed planet!",
              summary=standfirst)
    assert b.what_happened[0] == standfirst
    assert not any("Velmorans" in s for s in b.what_happened)


def test_a_next_step_closing_on_he_said_names_its_speaker():
    text = ("Velmora's Christians greeted the army's removal of President Tomas Brandt with relief on Thursday, church "
            "leaders said.\n\n"
            "Youssef Lind, a prominent Christian commentator and editor of the weekly Al-Velmora, said the church had "
            "kept out of politics.\n\n"
            "The biggest threat was that liberals and moderate Muslims in Velmora will fail again to overcome their "
            "divisions, he said.")
    b = brief(text, title="Velmora's Christians relieved at Brandt's fall")
    assert b.what_next and b.what_next[0].endswith("divisions, Youssef Lind said.")


def test_also_in_a_relative_clause_of_a_role_is_left_out():
    from digest.summarise.roleshow import with_role
    assert with_role("Ana Lind", "a researcher at Velmora University, who also was not involved in the study",
                     after=True) == "Ana Lind, a researcher at Velmora University, who was not involved in the study"


def test_words_said_at_the_time_of_an_old_event_and_their_continuation_are_no_statement_on_this_news():
    from digest.summarise.quotes import said_earlier
    assert said_earlier("“I looked at the first reaction of our partners,” Brandt said at the time.")
    assert said_earlier("“It is hard to make an auditor laugh,” Ana Lind told the Velmora Post then.")
    assert not said_earlier("“We will win,” Lind said at the time of the vote on Monday.")
    assert not said_earlier("Lind said the vote would be held then.")
    text = ("Velmora's former president Tomas Brandt has long blamed Estrava for the protests against him, officials "
            "said on Monday, as Estrava accused his allies of hacking its election.\n\n"
            "In 2011, Brandt accused Estrava of stirring up the crowds in the capital.\n\n"
            "“I looked at the first reaction of our partners,” Brandt said at the time.\n\n"
            "“They heard the signal and began active work,” Brandt continued.\n\n"
            "Estrava's foreign minister Ana Lind said on Monday that the hacking was “an attack on our democracy.”")
    b = brief(text, title="Estrava accuses Brandt's allies of hacking its election")
    assert not any("at the time" in q.text or "continued" in q.text for q in b.who_said_what)


# A code review by a separate session (round 34's rules) ----------------------------------------
# Each test restates a place where a new rule reached too far or fell short, and fails on the rules
# as first committed (b72fa42).

_BRIDGE = ("Nobody in Velmora ever liked the old bridge.\n\n"
           "Could it be that the city is finally getting a new one?\n\n"
           "The council approved a new river bridge on Monday after a decade of debate, with a vote of 7-2.\n\n"
           "The bridge will cost $40 million and take three years to build.\n\n"
           "“We have waited long enough,” said Mayor Tom Hale.\n\n"
           "Councillor Ana Lind, who voted against, said the money should go to schools.\n\n"
           "Residents will be asked to choose the bridge's name in a vote next spring.\n\n"
           "Across the river, Estrava's mayor Rosa Tamm resigned after a row over bus fares.\n\n"
           "The Herald is the city's oldest newspaper, founded in 1871.")


def test_review_a_standfirst_about_a_side_item_late_in_the_text_is_neither_dek_nor_what_happened():
    side = "Estrava mayor Rosa Tamm resigned after a row over bus fares."
    b = brief(_BRIDGE, title="Velmora finally gets its bridge", summary=side)
    assert b.dek != side and side not in b.what_happened
    blurb = "News, analysis and opinion from the Herald, the city's oldest newspaper since 1871."
    assert brief(_BRIDGE, title="Velmora finally gets its bridge", summary=blurb).dek != blurb


def test_review_an_opening_clause_whose_time_dates_the_main_verb_still_makes_the_standfirst_stale():
    from digest.summarise import dek
    for stale in ("During a visit to Estrava in March 2019, Mayor Tom Hale promised the city a new river bridge.",
                  "Speaking in Estrava two years ago, Mayor Tom Hale promised the city a new river bridge."):
        assert dek.long_before(dek._without_participle(stale))
    # the clause's time is background only when the main clause names its own day
    assert not dek.long_before(dek._without_participle(
        "Calling the vote two months ago a test, the Velmora council said yesterday it was satisfied with the bridge."))


def test_review_this_week_with_a_comma_still_leans_back():
    from digest.summarise.dek import _stands
    assert not _stands("This week, he quit as chair of the Velmora water board after a row over a rise in prices.",
                       standfirst=True)
    assert not _stands("This week, however, the Velmora water board lost its chair after a row over prices.",
                       standfirst=True)
    assert _stands("This week's Velmora water board meeting saw the chair quit after a row over a rise in prices.",
                   standfirst=True)


def test_review_acronyms_before_a_name_are_not_calmed():
    from digest.summarise.shape import tidy
    assert tidy("IT Minister Ana Lind said on Monday that the network would reach every home.").startswith("IT Minister")
    assert tidy("AS Roma beat Velmora United 2-0 on Sunday.").startswith("AS Roma")
    assert tidy("HONG Kong police said two men were held.").startswith("Hong Kong")


def test_review_a_label_before_a_colon_keeps_its_headline_and_watch_the_noun_is_news():
    from digest.summarise.headline import clean_headline
    assert clean_headline("Velmora mayor Ana Lind: Here's why I am stepping down") == \
        "Velmora mayor Ana Lind: Here's why I am stepping down"
    assert clean_headline("Tropical storm nears Velmora coast: Watch issued for the islands") == \
        "Tropical storm nears Velmora coast: Watch issued for the islands"


def test_review_a_person_from_a_company_named_like_a_person_speaks_and_a_title_or_a_group_is_no_person():
    from digest.summarise.attribution import attribute
    assert attribute("Tom Hale from Velmora Water said the rise was needed to pay for new pipes across the city.") == (
        "Tom Hale from Velmora Water", False)
    assert attribute("Chief Economist at Velmora University Ana Lind said that the rates would rise.") == ("Ana Lind", False)
    assert attribute("Senior Analysts at Velmora Bank said that the rates would rise.") is None


def test_review_other_words_for_also_keep_a_side_fact_out_from_under_the_dek():
    for side in ("Miami-based Estrava started trade-in programs for two carriers in stores last week as well, amid brisk "
                 "demand for refurbished phones.",
                 "Miami-based Estrava, meanwhile, started trade-in programs for two carriers in stores last week, amid "
                 "brisk demand for refurbished phones.",
                 "Rival Estrava started similar trade-in programs for two carriers in stores last week, amid brisk "
                 "demand for refurbished phones."):
        text = ("Velmora Phones is starting a trade-in program this month aimed at getting users to upgrade to its new "
                "model, people with knowledge of the plans said.\n\n" + side + "\n\n"
                "“This will help them sell more phones,” said Ana Lind, an analyst at Velmora Research.\n\n"
                "A spokeswoman for Velmora Phones declined to comment.")
        b = brief(text, title="Velmora Phones said to start trade-in program in stores")
        assert b.what_happened[0].startswith("Velmora Phones is starting"), side


def test_review_a_time_inside_its_own_sentence_is_no_pointer_back():
    from digest.summarise.nextsteps import _BARE_DEMONSTRATIVE
    from digest.summarise.shape import leans_back
    assert not _BARE_DEMONSTRATIVE.search("Construction will start in March, and the ferry will stop running soon after that.")
    assert _BARE_DEMONSTRATIVE.search("Velmora Audio hopes to change that.")
    assert not leans_back("At the same time as the pool closes in March, the council will open a temporary pool.")
    assert leans_back("At the same time, the council will open a temporary pool.")


def test_review_an_article_the_writer_used_stays():
    from digest.summarise.speakers import clean_speaker
    assert clean_speaker("Army's Tom Hale") == "Tom Hale of the Army"
    assert clean_speaker("Open University's Ana Lind") == "Ana Lind of the Open University"


def test_an_also_after_a_comma_clause_tells_the_lead_on_and_the_lead_stays_the_dek():
    # Round 36, a blind A/B: letting "also" anywhere before the verb turn the lead back into What
    # happened cost two briefs their dek (A -> C, B -> C); an "also" after a clause set off by commas
    # tells the lead's own event on ("The killings ..., around 200 km from Jammu, also cast a shadow ...").
    from digest.summarise.storydek import _ALSO
    assert not _ALSO.match("The killings in the Gool area of Velmora district, around 200 km from the capital, also cast "
                           "a shadow over the Estrava pilgrimage, which was suspended.")
    assert not _ALSO.match("Working off a script from his advisers, Mr. Brandt is also tempering his language on trade.")
    assert _ALSO.match("Miami-based Estrava also started trade-in programs for two carriers in stores last week.")
    assert _ALSO.match("Miami-based Estrava, meanwhile, started trade-in programs for two carriers in stores last week.")


# Wrong speakers round 37's snapshot found ---------------------------------------------------------

def test_he_after_an_unnamed_speaker_is_not_the_last_named_person():
    from digest.summarise.candidates import tidied
    from digest.summarise.quotes import find_statements
    text = ("The Velmora Foreign Ministry declared Tom Hale, a third secretary in the Estrava embassy's political "
            "section, persona non grata on Wednesday and ordered him to leave the country.\n\n"
            "\"I have done nothing wrong,\" Hale told reporters at the airport.\n\n"
            "State television aired footage on Wednesday claiming that another Estravan spy was expelled earlier this "
            "year.\n\n"
            "In the footage, a man sitting in near darkness who was identified only as a security operative said a "
            "\"foreign agent\" was expelled in January. He said the service then asked its Estravan counterparts to "
            "halt this \"disturbing activity.\"")
    statements = find_statements(tidied(text))
    assert [st.speaker for st in statements if st.sentence.text.startswith("He said")] == []
    assert statements and statements[0].speaker.startswith("Tom Hale")


def test_a_name_after_said_that_opens_the_quoted_words_is_no_speaker():
    from digest.summarise.attribution import attribute
    assert attribute("The Velmora Times, quoting \"people in the operation,\" said Hale \"was trying to recruit an "
                     "officer in charge of the border.\"") is None
    # an inverted speaker still speaks
    assert attribute("“We will win,” said Ana Lind, a professor.") == ("Ana Lind", True)


def test_a_second_voice_after_but_takes_the_sentence_from_the_first():
    from digest.summarise.attribution import attribute
    assert attribute("Velmora Phones says it sold 10 million handsets in a month, but Estrava Bank analysts say that "
                     "the phone's \"peak-quarter number seems way below our estimates.\"") is None


def test_according_to_a_country_s_officials_names_no_one():
    from digest.summarise.attribution import attribute
    assert attribute("Velmora sought to find out why Estrava was asking, but received no answer, according to U.S. "
                     "officials.") is None
    assert attribute("The plant will close in March, according to Velmora Steel, which employs 400 people.") == (
        "Velmora Steel", False)


def test_a_participle_clause_asking_why_is_a_fragment_no_one_speaks_in():
    from digest.summarise.attribution import attribute
    assert attribute("Explaining why he argued as recently as 2015 that stopping young men \"up against walls\" was a "
                     "smart policy.") is None
    assert attribute("Explaining why the plan failed, Ana Lind said the money ran out in March.") == ("Ana Lind", False)



def test_words_said_at_the_time_stay_old_when_a_clause_follows():
    from digest.summarise.quotes import said_earlier
    # round 83's pack: Bloomberg's stop-and-frisk line of years before, shown as his word on this news
    assert said_earlier("“You can just take the description and pass it out,” Michael R. Bloomberg said at the time, "
                        "boasting of the success stop and frisk had in reducing homicides.")
    assert said_earlier("“It is hard to make an auditor laugh,” Ana Lind said then, adding that it was true.")
    assert not said_earlier("“We will win,” Lind said at the time of the vote, adding that it was close.")
