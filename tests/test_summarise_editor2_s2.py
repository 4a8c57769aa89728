"""The editors' second grading (issue 12): Who said what, What next and page furniture.

One crafted paragraph per failure class; every test failed before its rule.
"""

from __future__ import annotations

from digest.extract.chrome import clean
from digest.model import RankedStory, Story
from digest.summarise import get_summariser
from digest.summarise.quotes import find_statements
from digest.summarise.sentences import is_chrome, sentences_of
from tests.builders import make_entry


def speakers(text: str) -> list[str]:
    """The speaker of each statement found in ``text``."""
    return [s.speaker for s in find_statements(sentences_of(text))]


def brief(text: str):
    story = Story("s", (make_entry(content=text),))
    return get_summariser("extractive").summarise(RankedStory(story, rank=1, score=1.0, why="t"))


# Who said what: who is a speaker -------------------------------------------------------------

def test_a_field_or_an_adjective_is_never_the_speaker():
    assert speakers("\"The results are striking,\" Neuroscience said in a statement about the sleep study.") == []
    assert speakers("\"We expect more flights next year,\" Maryland-based said in its filing.") == []
    text = ("Rep. Peter King, R-N.Y., who opposes the project, said Monday that the White House softened its "
            "original comments.")
    assert speakers(text) == ["Rep. Peter King, R-N.Y."]  # his party and state are his role (session of 2026-12-07)
    assert speakers("Rep. Peter King (R-N.Y.) said the mosque should be built somewhere else in the city.") == [
        "Rep. Peter King"]


def test_an_unnamed_title_is_never_the_speaker():
    assert speakers("International Trade Secretary said the deal would create thousands of new jobs across the country.") == []
    assert speakers("\"The deal is done,\" the International Trade Secretary said on Monday.") == []


def test_a_person_from_an_institution_is_credited_with_the_institution_as_role():
    text = ("\"The sanctions will bite within months,\" said the Wilson Center's Robert Daly, "
            "who has followed the talks since 2019.")
    assert speakers(text) == ["Robert Daly of the Wilson Center"]
    text = "\"The sanctions will bite within months,\" the Wilson Center's Robert Daly said on Monday."
    assert speakers(text) == ["Robert Daly of the Wilson Center"]
    text = "According to the Wilson Center's Robert Daly, the sanctions will bite within months."
    assert speakers(text) == ["Robert Daly of the Wilson Center"]
    text = "\"The sanctions will bite within months,\" the Wilson Center's Asia director, Robert Daly, said."
    assert speakers(text) == ["Wilson Center's Asia director Robert Daly"]


def test_a_data_source_is_not_a_statement():
    assert speakers("Flights from the airport fell 30 percent last month, according to Cirium data.") == []
    assert speakers("Sales fell 4 percent in the quarter, according to figures from the Census Bureau.") == []


def test_a_quote_left_open_is_not_shown():
    text = "\"The deal is a disaster for the region and we will fight it, Mayor Ann Lee said on Monday."
    assert speakers(text) == []


# Who said what: names and roles --------------------------------------------------------------

def test_name_particles_are_part_of_the_name():
    text = "\"The museum will reopen its doors in the spring,\" said Laurence des Cars on Monday."
    assert speakers(text) == ["Laurence des Cars"]
    assert speakers("Laurence des Cars said the museum would reopen its doors in the spring after repairs.") == [
        "Laurence des Cars"]
    assert speakers("\"We are not leaving,\" said Ahmed al-Sharaa on Monday.") == ["Ahmed al-Sharaa"]


def test_a_role_before_the_name_in_an_earlier_sentence_is_kept():
    text = ("Throgs Neck resident Michael Lopiano has lived on the street for 30 years.\n\n"
            "\"The flooding is worse every year,\" Lopiano said.")
    assert speakers(text) == ["Throgs Neck resident Michael Lopiano"]


def test_a_role_set_off_by_commas_before_the_name_is_kept():
    text = ("The university's interim president, Sarah Cole, told staff that the campus would reopen on Monday "
            "after the storm.\n\n\"We are ready for the students,\" Cole said.")
    assert speakers(text) == ["interim president Sarah Cole"] * 2
    text = ("The Ministry of Education’s Chief Education Officer, Dr Ramona Archer-Bradshaw, visited the school.\n\n"
            "“We are very glad to see this, and we expect more parents to agree,” Archer-Bradshaw added.")
    assert speakers(text) == ["Ministry of Education’s Chief Education Officer Dr Ramona Archer-Bradshaw"]
    text = "Meanwhile, Chief Executive, John Smith, said the company would cut 100 jobs at the plant."
    assert speakers(text) == ["Chief Executive John Smith"]


def test_a_sentence_opener_is_no_part_of_a_role():
    text = "Then White House spokesman Bill Burton said Obama was \"not backing off his original remarks.\""
    assert speakers(text) == ["White House spokesman Bill Burton"]


def test_a_later_surname_resolves_to_the_full_name_and_role():
    text = ("Chief Education Officer Dr Ramona Archer-Bradshaw visited the school on Monday.\n\n"
            "\"We are very glad to see this, and we expect more parents to agree,\" Archer-Bradshaw said.")
    assert speakers(text) == ["Chief Education Officer Dr Ramona Archer-Bradshaw"]


# Who said what: pronouns and choice ----------------------------------------------------------

def test_he_is_never_a_woman_and_she_never_a_man():
    text = ("Bank official Mary Munive led the inquiry into the complaints.\n\n"
            "\"I offer my most sincere apologies to these colleagues,\" he said.")
    assert speakers(text) == []
    text = ("Ms. Jordan Price led the inquiry into the complaints.\n\n"
            "\"I offer my most sincere apologies to these colleagues,\" he said.")
    assert speakers(text) == []
    text = ("Finance Minister Robert Hale led the inquiry into the complaints.\n\n"
            "\"I offer my most sincere apologies to these colleagues,\" she said.")
    assert speakers(text) == []
    text = ("Finance Minister Robert Hale led the inquiry into the complaints.\n\n"
            "\"I offer my most sincere apologies to these colleagues,\" he said.")
    assert speakers(text) == ["Finance Minister Robert Hale"]


def test_a_substantive_statement_beats_a_trivial_one():
    text = ("The city council voted on Monday to close the Harrow Street bridge for repairs.\n\n"
            "\"I want to thank everyone who came out tonight, and all of our wonderful staff at City Hall,\" "
            "Mayor Ann Lee said.\n\n"
            "\"The bridge carries 40,000 cars a day and its cables are failing,\" said Tom Reyes, the city engineer.\n\n"
            "Residents packed the meeting at the town hall.")
    said = brief(text).who_said_what
    assert [q.speaker for q in said] == ["Tom Reyes, the city engineer"]


# What next -----------------------------------------------------------------------------------

def test_a_past_pledge_is_not_what_next():
    text = ("The Velmora Labour Party won the general election on Thursday with a majority of 40 seats.\n\n"
            "Turnout was 61 percent, the electoral commission said.\n\n"
            "In its manifesto the party promised it would cut taxes next year.\n\n"
            "Leader Ana Ruiz announced in 2019 she would step down as leader after the election.")
    ahead = brief(text).what_next
    assert not any("manifesto" in s or "announced in 2019" in s for s in ahead)
    from digest.summarise.outlook import outlook_score
    assert outlook_score("In its manifesto the party promised it would cut taxes next year.") > 0  # the cue is there



def test_a_fragment_is_not_what_next():
    text = ("The city council voted on Monday to close the Harrow Street bridge for repairs.\n\n"
            "This volume will be published next year.\n\n"
            "Engineers said repairs would take six months.")
    assert not any(s.startswith("This volume") for s in brief(text).what_next)


# Furniture -----------------------------------------------------------------------------------

def test_captions_are_furniture():
    for caption in ("Pictured: Mayor Ann Lee speaks to residents outside the town hall on Monday.",
                    "FILE - Mayor Ann Lee speaks to residents outside the town hall on Monday.",
                    "Mayor Ann Lee speaks to residents on Monday. (Photo: Tom Reyes)"):
        assert is_chrome(caption), caption
        assert caption not in " ".join(s.text for s in sentences_of(caption + "\n\nThe council met on Monday."))


def test_paywall_and_ad_policy_text_is_furniture():
    for line in ("Please subscribe to keep reading this article and support local journalism.",
                 "To continue reading, log in or create a free account with us.",
                 "We may earn a commission when you buy through links on our site.",
                 "Read our advertising policy to learn how we make money from affiliate links.",
                 "Already a subscriber? Log in to read the rest of the story.",
                 "You have reached your limit of free articles for this month.",
                 "This post contains affiliate links, and we may receive compensation for purchases.",
                 "Every product is independently selected by our editors, and we may get a share of sales."):
        assert is_chrome(line), line
        assert clean(f"The council met on Monday to vote on the bridge.\n{line}") == (
            "The council met on Monday to vote on the bridge.")


def test_a_drop_cap_letter_is_joined_back_to_its_word():
    text = "T\n\nurkey's parliament voted on Monday to approve the bridge over the Bosphorus."
    assert [s.text for s in sentences_of(text)] == [
        "Turkey's parliament voted on Monday to approve the bridge over the Bosphorus."]
    assert sentences_of("T urkey's parliament voted on Monday to approve the new bridge.")[0].text.startswith("Turkey's")
    assert clean("T\nurkey's parliament voted on Monday to approve the bridge.").startswith("Turkey's")


def test_a_quoted_fragment_is_not_a_statement_shown_alone():
    text = ("The city council voted on Monday to close the Harrow Street bridge for repairs.\n\n"
            "\"... and that is why the bridge has to close now,\" said Tom Reyes, the city engineer.\n\n"
            "Residents packed the meeting at the town hall.")
    assert brief(text).who_said_what == ()


def test_a_next_step_about_something_never_introduced_is_left_out():
    text = ("The city council voted on Monday to close the Harrow Street bridge for repairs.\n\n"
            "Engineers found cracks in two of its cables last month.\n\n"
            "The second part of this volume will be published in the spring.")
    assert not any("this volume" in s for s in brief(text).what_next)


def test_a_next_step_with_a_pronoun_nobody_in_it_names_is_left_out():
    text = ("The city council voted on Monday to close the Harrow Street bridge for repairs.\n\n"
            "Engineers found cracks in two of its cables last month.\n\n"
            "The council confirmed that she will step down as chair of the works committee next month.")
    assert not any("she will" in s for s in brief(text).what_next)
    text = text.replace("The council confirmed that she", "Mayor Ann Lee confirmed that she")
    assert any("she will" in s for s in brief(text).what_next)


def test_a_next_step_credited_to_a_pronoun_the_story_never_resolves_is_left_out():
    # round 64: '... will give voters "a live demonstration of ...," she said Tuesday.' under no named woman
    # (two women named before it: which "she", the story cannot tell)
    text = ("Council candidates clashed over the Harrow Street bridge at a debate in Velmora on Monday.\n\n"
            "Ana Ruiz and Eva Lind both attacked the mayor's repair plan.\n\n"
            "Tom Hale will face voters at the next debate on Thursday in Velmora, she said Tuesday.")
    assert not any("next debate" in s for s in brief(text).what_next)
    text = text.replace("she said Tuesday", "the council said Tuesday")
    assert any("next debate" in s for s in brief(text).what_next)
    # review 64: "they" may credit a group the story names as such: not this rule's to drop
    from digest.summarise.nextsteps import _PRONOUN_CREDIT
    assert _PRONOUN_CREDIT.search("The closure will last until March, she said Tuesday.")
    assert not _PRONOUN_CREDIT.search("The closure will last until March, they said Tuesday.")


def test_photo_credits_at_a_captions_end_are_furniture():
    for caption in ("Firefighters battle the blaze on Elm Street on Monday. Credit: Jane Doe",
                    "Firefighters battle the blaze on Elm Street on Monday. Jane Doe | Staff Photographer",
                    "Firefighters battle the blaze on Elm Street on Monday. (Jane Doe for The Velmora Times)"):
        assert is_chrome(caption), caption


def test_an_outlet_credit_before_the_lead_is_stripped_and_the_sentence_kept():
    from digest.summarise.sentences import strip_dateline
    assert strip_dateline("Kaieteur News – Two loggers were found dead on Monday.") == (
        "Two loggers were found dead on Monday.")
    assert strip_dateline("KVELLER via JTA — My daughter started school this week.") == (
        "My daughter started school this week.")
    assert strip_dateline("Mayor Ann Lee – a former nurse – won the vote.") == "Mayor Ann Lee – a former nurse – won the vote."


def test_a_vague_line_is_not_what_next():
    base = ("The city council voted on Monday to close the Harrow Street bridge for repairs.\n\n"
            "Engineers found cracks in two of its cables last month.\n\n")
    for line in ("More information will be released as it becomes available.",
                 "Police said more details will be released later.",
                 "The investigation is expected to continue.",
                 "Officials said the situation will be reviewed in the coming days."):
        assert brief(base + line).what_next == (), line
    assert brief(base + "The council will vote on a replacement bridge on March 3.").what_next



def test_a_drop_cap_lost_by_extraction_is_put_back():
    from digest.extract import extract_article
    body = "<p>" + "The council met again on Tuesday to discuss the bridge and the budget for next year. " * 4 + "</p>"
    for lead in ('<div class="dropcap">T</div><p>urkey\'s parliament voted on Monday to approve the new bridge.</p>',
                 '<p><img alt="T" src="t.png">urkey\'s parliament voted on Monday to approve the new bridge.</p>'):
        html = f"<html><body><article><h1>Vote</h1>{lead}{body}</article></body></html>"
        assert "Turkey's parliament voted" in extract_article(html), lead
    # The letter gone altogether: the word it starts is restored from elsewhere in the text.
    text = "urkey's parliament voted on Monday to approve the bridge.\n\nThe vote gives Turkey a second crossing."
    assert sentences_of(text)[0].text.startswith("Turkey's parliament")
    # ... its word followed by a comma too (round 71: "urkey, Poland and the Caribbean islands ... have been removed")
    text = "urkey, Poland and Saba have been removed from the list.\n\nTurkey, Poland and Saba were added in June."
    assert sentences_of(text)[0].text.startswith("Turkey, Poland")
    assert sentences_of("iPhone sales rose 4 percent in the quarter, Apple said on Monday.")[0].text.startswith("iPhone")
    text = "and then the council voted again.\n\nHand-counted ballots and a recount followed."
    assert sentences_of(text)[0].text.startswith("and then")


def test_a_family_name_says_nothing_about_gender():
    text = ("Senator Kelly toured the flooded district on Monday.\n\n"
            "\"We need the money now, not next year,\" he said.")
    assert speakers(text) == ["Senator Kelly"]


def test_statements_from_teasers_to_other_stories_are_cut_with_them():
    story = "\n".join(["The council voted on Monday to close the Harrow Street bridge for repairs."] * 3)
    for heading in ("In other news", "Don't miss", "Editor's picks", "You might also like", "Most viewed"):
        text = clean(f"{story}\n{heading}\n\"We won the final,\" coach Tom Reyes said after the match on Sunday.")
        assert "Reyes" not in text, heading


def test_a_teaser_for_another_story_cut_off_with_an_ellipsis_is_furniture():
    # Set 6: a science page's sidebar teasers ("New clinical trials were halted after the Indian
    # Ministry ... adopted rules that require...") came through the extractor and opened What happened.
    from digest.summarise.shape import furniture
    assert furniture("New clinical trials were halted after the Velmora health ministry adopted rules that require...")
    assert furniture("Small clusters of infections are popping up in harbour towns…")
    # A quotation trailing off keeps its closing mark, and is prose.
    assert not furniture("“The tide is coming...” the harbour master said.")
    assert not furniture("He said: “Next year is the year of the flood...the sea is coming...”")


def test_a_dateline_whose_dash_the_page_lost_is_cut():
    # Set 5: "WASHINGTON The U.S. Federal Reserve raised interest rates on Wednesday ..." as a dek.
    from digest.summarise.shape import tidy
    assert tidy("VELMORA The harbour board raised port fees on Wednesday.") == "The harbour board raised port fees on Wednesday."
    assert tidy("NEW VELMORA A ferry ran aground on Tuesday.") == "A ferry ran aground on Tuesday."
    assert tidy("TWO men were arrested in Velmora.") == "Two men were arrested in Velmora."  # a shouted word, calmed
    assert tidy("NATO announced new exercises.") == "NATO announced new exercises."


def test_according_to_a_rule_or_a_standard_by_its_number_credits_no_one():
    # Set 6: "... require reporting according to IFRS 8 standard." showed "IFRS" as a speaker.
    from digest.summarise.quotes import find_statements
    from digest.summarise.sentences import sentences_of
    for text in ("Velmora Shipping does not have segments that require reporting according to IFRS 8 standard.",
                 "The port must publish its accounts according to Article 50 of the harbour code.",
                 "Fees rose 4% according to Velmora port rules."):
        assert find_statements(sentences_of(text)) == [], text
    assert find_statements(sentences_of("The ship was late, according to Velmora Port Authority officials."))


def test_a_second_affiliation_before_the_speech_verb_is_no_speaker():
    # Set 6: "... the study's lead author Sarah Willis of the Harvard-Smithsonian Center for
    # Astrophysics (CfA) and Iowa State University said in a statement." credited the university.
    from digest.summarise.quotes import find_statements
    from digest.summarise.sentences import sentences_of
    text = ('"The reef is growing faster than any we have measured," the study\'s lead author Ana Ruiz of the '
            'Velmora Marine Institute (VMI) and Skarn State University said in a statement.')
    assert all(s.speaker != "Skarn State University" for s in find_statements(sentences_of(text)))


def test_a_bare_surname_in_what_happened_is_given_in_full_where_the_brief_first_names_them():
    # rounds 64 and 68: "... suggested Cook be named ..." and "Giving updates ..., Tegnell, ..." left the reader asking who
    text = ("The Velmora Port Authority said Hale quit as director on Tuesday and suggested Ruiz be named to lead it.\n\n"
            "Deputy director Ana Ruiz has run the port's daily operations since 2019.\n\n"
            "Tom Hale led the authority for eleven years.")
    made = brief(text)
    assert any("suggested Ana Ruiz be named" in s for s in made.what_happened)
    # a family used as a modifier stays as the source has it, and so does a name the reader was given above
    from digest.summarise.blocks import surname_in_full
    assert surname_in_full("Funded by the Koch oil billionaires.", {"Koch": "David Koch"}, "") == (
        "Funded by the Koch oil billionaires.")
    assert surname_in_full("Hale quit on Tuesday.", {"Hale": "Tom Hale"}, "Tom Hale quits Velmora port") == "Hale quit on Tuesday."
    # review 65: a firm, a place, a family's government, a quotation in single marks stay as the source has them
    names = {"Ford": "Bill Ford", "Jackson": "Jesse Jackson", "Biden": "Jill Biden", "Ratcliffe": "Jim Ratcliffe"}
    for text in ("Shares of Ford fell on Monday.", "Homes in Jackson flooded.", "He drove his Ford pickup home.",
                 "Biden administration lawyers appealed.", "The union called it ‘a betrayal by Ratcliffe’ on Monday."):
        assert surname_in_full(text, names, "") == text
    # round 98: a possessive after a preposition is the person's ("a portrait of Tegnell's face"), a place's stays
    assert surname_in_full("He had a portrait of Tegnell's face inked on his arm.", {"Tegnell": "Anders Tegnell"}, "") == (
        "He had a portrait of Anders Tegnell's face inked on his arm.")
    # no possessive, or one after an article: as the source has it
    for text in ("The mayor of Jackson said no.", "Shares of Ford fell.", "A Ford's engine failed.",
                 "The city of Jackson's mayor resigned on Monday.", "Residents of Jackson's east side left."):
        assert surname_in_full(text, names, "") == text


def test_a_dek_opening_on_a_bare_surname_gives_the_name_in_full():
    # round 68: "Symonette spoke with Guardian Business ..." opened the dek; the story names "Super Value Debra Symonette"
    from digest.summarise.blocks import surname_in_full
    names = {"Symonette": "Super Value Debra Symonette"}
    assert surname_in_full("Symonette spoke with Guardian Business on Monday.", names, "Super Value stumped") == (
        "Debra Symonette spoke with Guardian Business on Monday.")
