"""Faults editors named in round 20 (a snapshot of 40 briefs), one crafted case each.

Every test failed before its rule.
"""

from __future__ import annotations

import pytest

from digest.model import RankedStory, Story
from digest.summarise import get_summariser
from tests.builders import make_entry


def brief(text: str, **kw):
    entry = make_entry(content=text, summary=kw.pop("summary", ""), **kw)
    return get_summariser("extractive").summarise(RankedStory(Story("s", (entry,)), rank=1, score=1.0, why="t"))


# Dek ------------------------------------------------------------------------------------------

_RANKING = ("VELMORA -- Tomas Brandt is the highest-paid rower in the northern league for the second straight season.\n\n"
            "The sculler is projected to earn $9 million in 2026, according to the Harbour Gazette's annual list "
            "released Wednesday. Anna Lind is a distant second at $5.5 million.\n\n"
            "Jon Marr climbs into the list at third place thanks to a new contract signed before last season.")


def test_an_opener_the_standfirst_repeats_is_the_dek_when_nothing_else_can_be():
    # The opener names no day and no figure, so What happened opens on the sentence after it;
    # the publisher's description repeats it word for word: it is the news, and the dek.
    standfirst = "Tomas Brandt is the highest-paid rower in the northern league for the second straight season."
    b = brief(_RANKING, title="Gazette: sculler projected to earn $9 million in 2026", summary=standfirst)
    assert b.dek == standfirst
    assert b.what_happened[0].startswith("The sculler is projected to earn $9 million")


def test_without_the_standfirst_the_opener_stays_out():
    b = brief(_RANKING, title="Gazette: sculler projected to earn $9 million in 2026")
    # (the learned dek may give a detail instead: "Anna Lind is a distant second at $5.5 million.")
    assert "highest-paid rower" not in (b.dek or "")
    assert not any("highest-paid rower" in s for s in b.what_happened)


def test_a_guessing_standfirst_is_no_dek_even_when_it_repeats_the_opener():
    text = ("Looks like Velmora Telecom has itself a new handset.\n\n"
            "Velmora Telecom this morning announced that it will sell the Orla F3 from June 14, with a launch in "
            "all its stores on June 21.")
    b = brief(text, title="Velmora Telecom to sell Orla F3 from June 14",
              summary="Looks like Velmora Telecom has itself a new handset.")
    assert b.dek != "Looks like Velmora Telecom has itself a new handset."


# Who said what ---------------------------------------------------------------------------------

def _speakers(text: str) -> list[str]:
    from digest.summarise.quotes import find_statements
    from digest.summarise.sentences import sentences_of
    return [s.speaker for s in find_statements(sentences_of(text))]


def test_a_credit_inside_brackets_is_the_asides_not_the_sentences():
    # The writer's claim, with a reader's share of it credited in passing: no statement.
    assert _speakers("Version 1.9 of the guide will finally add a wide grid to those boxes and it looks like many "
                     "of our suggestions (and yours, according to Director of Product Management Joe Ambeault) "
                     "made it in.") == []
    assert _speakers("Many of the changes came from customers, according to Director of Product Management "
                     "Joe Ambeault, who spoke on Monday.") == ["Director of Product Management Joe Ambeault"]


def test_a_name_given_as_an_example_of_a_group_is_no_speaker():
    assert _speakers("Now former rowing greats like Jon Sieben says today's announcement of a funding cut of "
                     "about half a million dollars has dealt a further blow.") == []
    assert _speakers("Critics including Senator Ana Ruiz said the cut would hurt rowers across the state for "
                     "years.") == ["Senator Ana Ruiz"]


def test_a_role_too_long_to_show_keeps_its_job_before_a_relative_clause():
    from digest.summarise.roles import roles_in
    text = ("When the price was described, Dr. Paula Brandt, a professor of gynecology at the Velmora University "
            "School of Medicine who has pioneered cervical cancer prevention techniques in poor countries, said, "
            "“Mazel tov!”")
    assert roles_in(text) == [("Dr. Paula Brandt", "Dr. Paula Brandt, a professor of gynecology at the Velmora "
                                                   "University School of Medicine")]


def test_a_titled_surname_is_the_person_first_introduced_with_that_title():
    from digest.summarise.namebook import NameBook
    book = NameBook()
    book.read("But Dr. Seth Marr, the alliance’s chief executive, said he hoped the price would fall.", 0)
    book.read("The alliance, Dr. Marr said, has already cut the price of another vaccine.", 1)
    assert book.resolve("he", 2) == "Dr. Seth Marr"
    assert book.with_role(book.resolve("he", 2)) == "Dr. Seth Marr, the alliance’s chief executive"


def test_a_quote_parts_the_capitalised_words_around_it():
    from digest.summarise.namebook import NameBook
    book = NameBook()
    book.read("TideSnitch “breaks harbour radio encryption, and it might enable advanced attacks,” Anna Lind, "
              "the lead author of the research paper, said in an interview.", 0)
    assert book.with_role("Anna Lind") == "Anna Lind, the lead author of the research paper"


def test_a_nickname_in_quotes_stays_inside_the_name():
    from digest.summarise.namebook import NameBook
    book = NameBook()
    book.read('"The picture is extremely exciting," said Chunhua "Charlie" Marr, one of the lead authors.', 0)
    assert book.full("Marr") == "Chunhua Marr"


def test_a_groups_reaction_in_the_writers_words_does_not_open_what_happened():
    text = ("VELMORA -- The Velmora Sports Commission on Tuesday cut about half a million dollars from the budget "
            "it gives rowing, the sport it has funded most for a decade.\n\n"
            "Now former rowing greats like Jon Sieben says today's announcement of a funding cut of about half a "
            "million dollars for the next year has dealt a further blow to the sport.")
    b = brief(text, title="Rowing funding cut by half a million dollars")
    assert not any("like Jon Sieben" in s for s in b.what_happened)
    assert not any("like Jon Sieben" in q.text for q in b.who_said_what)


# What next -------------------------------------------------------------------------------------

def _next(text: str, title: str) -> list[str]:
    from digest.summarise.candidates import build_candidates
    from digest.summarise.nextsteps import pick_next
    return [c.sentence.text for c in pick_next(build_candidates((make_entry(content=text, title=title, summary=""),)),
                                               used=set())]


def test_a_future_inside_an_embedded_question_is_no_next_step():
    text = ("Velmora researchers on Tuesday published the results of a harbour screening trial of 5,000 sailors.\n\n"
            "The purpose of the study was to decide which sailor in the trial will accrue the highest benefit from "
            "the screening.\n\n"
            "The team will present the full results to the port board in March.")
    assert _next(text, "Velmora screening trial results published") == [
        "The team will present the full results to the port board in March."]


def test_the_writers_cheer_is_no_next_step():
    text = ("Velmora Apps on Tuesday opened a test of Tide, its new calendar app, to 2,000 users.\n\n"
            "Tide is still in beta but will be launching later this summer -- better yet, the company's promising a "
            "suite of connected apps.")
    assert _next(text, "Velmora Apps opens Tide calendar test") == []


# What happened ---------------------------------------------------------------------------------

def test_a_state_that_explains_the_news_does_not_follow_the_standfirst_in_what_happened():
    text = ("Velmora’s Senior Vice President Ana Ruiz used her time at the 2026 harbour fair podium to announce "
            "“the end of search as we know it.” While some of the search enhancements she announced won’t actually "
            "mark the end of search, they do point to cool new ways to interact with information.\n\n"
            "Anticipation and answers\n\n"
            "Velmora’s tide graph technology organizes harbour data by its relationship to other bits of data. "
            "Velmora plans on kicking its tide graph up a notch going forward. According to Ana Ruiz, the graph "
            "now holds more than 750 million entries and “as it grows, it becomes more useful,” she said.")
    b = brief(text, title="Velmora's vision for harbour search highlights tide graph, speech",
              summary="Velmora announced new anticipatory harbour search elements as well as handsfree voice search.")
    assert b.what_happened[0] == ("Velmora announced new anticipatory harbour search elements as well as handsfree "
                                  "voice search.")
    assert not any("organizes harbour data" in s for s in b.what_happened)


def test_the_writer_speaking_for_themself_is_no_event():
    from digest.summarise.shape import not_news
    assert not_news("Sometimes, if I’m in the middle of editing, I don’t always notice when someone on my team "
                    "writes to me on Tidechat, the popular work messaging app.")
    assert not_news("Streaming TV to phones is nice, but we enjoy watching TV on the TV, and Velmora had plenty of "
                    "that to talk about today.")
    # "I" as a numeral and "our" galaxy are no writer's voice
    assert not not_news("Velmora launched its Phase I trial of the harbour vaccine on Tuesday in 12 ports.")
    assert not not_news("New views from the Velmora telescope show stars forming in our galaxy's barren outskirts.")


@pytest.mark.parametrize(("sentence", "found"), [
    ("Anna Lind is Tidechat’s editorial director who apparently delighted her coworkers.",
     [("Anna Lind", "Anna Lind, Tidechat’s editorial director")]),
    ("Ana Ruiz is a professor of history at Velmora University.",
     [("Ana Ruiz", "Ana Ruiz, a professor of history at Velmora University")]),
    ("Jon Marr is the best player in the league this year.", []),  # a judgement is no role
])
def test_a_sentence_saying_what_a_named_person_is_gives_their_role(sentence, found):
    from digest.summarise.roles import roles_in
    assert roles_in(sentence) == found


def test_a_short_quote_about_it_with_nothing_more_is_no_statement():
    from digest.summarise.candidates import build_candidates
    from digest.summarise.voices import substantive
    text = ("The alliance has already cut the price of another vaccine, Dr. Seth Marr said.\n\n"
            "“Now we’ve got it down to $1.19,” he said.\n\n"
            "“We will keep pushing the price of the harbour vaccine down,” he said. “It is what the alliance is for.”")
    kept = {c.sentence.text for c in build_candidates((make_entry(content=text, title="t", summary=""),))
            if c.statement is not None and substantive(c)}
    assert "“Now we’ve got it down to $1.19,” he said." not in kept
    assert "“We will keep pushing the price of the harbour vaccine down,” he said." in kept


# Headline --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("title", "headline"), [
    ("It's official: Brandt-Lind on Sept. 14", "Brandt-Lind on Sept. 14"),
    ("Confirmed: Harbour bridge to close for a year", "Harbour bridge to close for a year"),
    ("Official figures show rise in harbour traffic", "Official figures show rise in harbour traffic"),
    ("Gulls game notes: Jon Marr leads Gulls to statement victory over Terns",
     "Jon Marr leads Gulls to statement victory over Terns"),
])
def test_a_teaser_or_a_teams_notes_label_leaves_the_headline(title, headline):
    from digest.summarise.headline import headline_of
    assert headline_of(make_entry(title=title)) == headline


@pytest.mark.parametrize(("sentence", "found"), [
    # a company's chief, named before the job
    ("Jim Marr, Velmora Space Systems CEO and a founding member of Tidecraft, said the delay was expected.",
     [("Jim Marr", "Jim Marr, Velmora Space Systems CEO and a founding member of Tidecraft")]),
    ("Ana Lind, Velmora CEO, said so.", [("Ana Lind", "Ana Lind, Velmora CEO")]),
    # a science with a prefix
    ("“It matters,” said Boris Lind, a biophysicist at Velmora University Medical Center.",
     [("Boris Lind", "Boris Lind, a biophysicist at Velmora University Medical Center")]),
    # what the person does, in the relative clause that introduces them
    ("Andrew Marr, who co-authored the paper, said the device was small.",
     [("Andrew Marr", "Andrew Marr, who co-authored the paper")]),
    ("Maria Lopez, who sponsored the bill, said it would pass.", []),
    ("“It works,” said Jeanne Marr, who led the team at the University of Velmora.",
     [("Jeanne Marr", "Jeanne Marr, who led the team at the University of Velmora")]),
    ("Neha Lind, who spearheaded the research at the university said that it works.", []),  # runs into the verb
    ("Testifying at the trial, Russell Marr, veep for Kindle content, said so.",
     [("Russell Marr", "Russell Marr, veep for Kindle content")]),
    # round 25's
    ("Troubled Velmora Gulls defensive lineman Josh Marr was charged on Tuesday.",
     [("Josh Marr", "Velmora Gulls defensive lineman Josh Marr")]),
    ("The deal was praised by investor Carl Lind on Tuesday.", [("Carl Lind", "investor Carl Lind")]),
    ("“It is wonderful,” said Tom Marr, Dr. Lind’s colleague at Velmora University.",
     [("Tom Marr", "Tom Marr, Dr. Lind’s colleague at Velmora University")]),
    ("Another villager, Haji Baqi, whose brother was killed, said: “We want justice.”",
     [("Haji Baqi", "Haji Baqi, a villager")]),
])
def test_roles_the_reviewers_found_missing(sentence, found):
    from digest.summarise.roles import roles_in
    assert roles_in(sentence) == found


def test_a_title_said_to_be_former_keeps_former_in_the_label():
    from digest.summarise.namebook import NameBook
    book = NameBook()
    book.read("The former Cardinal Jorge Marr of Velmora has set a humble tone for the papacy.", 0)
    assert book.with_role(book.resolve("he", 1)) == "former Cardinal Jorge Marr of Velmora"
    book = NameBook()
    book.read("Cardinal Jorge Marr of Velmora has set a humble tone for the papacy.", 0)
    assert book.with_role(book.resolve("he", 1)) == "Cardinal Jorge Marr of Velmora"


@pytest.mark.parametrize(("text", "speaker", "shown"), [
    ("Marr added: “We believe Tony will be ready.”", "coach Jason Marr",
     "Jason Marr added: “We believe Tony will be ready.”"),
    ("Lind said it works.", "lead author Josh Lind, a doctoral student", "Josh Lind, a doctoral student, said it works."),
    ("Holt said the port would open.", "Maren Holt, chief executive of the Port Authority",
     "Maren Holt, chief executive of the Port Authority, said the port would open."),
])
def test_a_surname_given_in_full_never_opens_the_entry_in_lower_case(text, speaker, shown):
    from digest.summarise.names import named_in_full
    assert named_in_full(text, speaker) == shown


@pytest.mark.parametrize("sentence", [
    # a call to the reader, its "will" rhetorical
    "Ask Jon Marr, the director behind the harbour film (which opens on December 9th), and he will answer at once.",
    # the writer's reading of remarks already made
    "Without naming the mayor, Ana Lind quietly tore into him, insinuating that the town will lose its harbour.",
    # a figure, its "won't" inside a concession
    "The figures show seven of every 100 pupils were out of school, even though officials have told parents they "
    "won't share their names.",
    # a survey result leaning on the one before
    "In comparison, fewer than three-quarters of the harbour pilots, 74 percent, think the port will reopen.",
])
def test_no_next_step_from_a_call_to_the_reader_a_reading_a_concession_or_a_comparison(sentence):
    text = f"The Velmora port board on Tuesday voted to close the harbour for a year.\n\n{sentence}"
    assert _next(text, "Velmora port board votes to close harbour") == []


@pytest.mark.parametrize(("sentence", "earlier"), [
    ("He has long said he wants the church to focus on helping the poor.", True),
    ("Italy had previously said Lady was the only one who could be extradited.", True),
    ("Police have said the suspect was armed when officers arrived after Tuesday's shooting.", False),
    ("“Ana Lind has said that she is determined,” Jon Marr said on Sunday.", False),
    ("Jon Marr said the plan had said nothing about ports.", False),
])
def test_a_position_on_record_is_said_earlier(sentence, earlier):
    from digest.summarise.quotes import said_earlier
    assert said_earlier(sentence) is earlier


def test_a_surname_a_letter_off_is_the_same_voice():
    from digest.summarise.candidates import build_candidates
    from digest.summarise.voices import pick_said
    text = ("The harbour trial went on in Velmora on Tuesday.\n\n"
            "“We were discriminated against by these publishers,” Russell Grandinetti, a Velmora vice president, "
            "said in court on Tuesday.\n\n"
            "Graninetti said the first meeting was “tense” and the harbour later agreed to a new deal.")
    said = pick_said(build_candidates((make_entry(content=text, title="t", summary=""),)), used=set(), outlets=1)
    assert [c.statement.speaker for c in said if c.statement] == ["Russell Grandinetti, a Velmora vice president"]


@pytest.mark.parametrize(("sentence", "speakers"), [
    # a reporter cited in an "As X reported," opener is not the speaker; the one in the main clause is
    ("As Steven Marr reported, Jon Lind, the partner from Velmora Capital, told Page that he needed a seasoned "
     "executive.", ["Jon Lind, the partner from Velmora Capital"]),
    ('As The Gazette famously once said in a headline, "Holy cow, Man Walks on Moon."', []),
    # a quotation someone said, credited on to the outlet that reported it, is not the outlet's
    ("When fans began to stir, Paczkowski, his view blocked by bushes, tried to quiet them and said, "
     "\"the other player hasn't hit yet,\" the Velmora Times reported.", []),
])
def test_a_reporter_or_outlet_passing_words_on_is_not_their_speaker(sentence, speakers):
    assert _speakers(sentence) == speakers


@pytest.mark.parametrize("sentence", [
    "Velmora Tide Mobile is available immediately for the Orla Q and the Orla M. New units will come ready to run it.",
    "All six films — yes, even the first one, unfortunately — will be launched on harbour video services in April.",
])
def test_no_next_step_from_what_is_on_offer_now_or_a_writers_aside(sentence):
    text = f"Velmora Tide on Tuesday announced new harbour video and phone services for 12 ports.\n\n{sentence}"
    assert _next(text, "Velmora Tide announces harbour services") == []


def test_a_standfirst_listing_headlines_is_no_dek():
    from digest.summarise.dek import standfirst_of
    assert standfirst_of("75 injured in harbour demonstrations; Lind calls for a new port on old lines; "
                         "Marr: the town does not want peace.") is None
    assert standfirst_of("Velmora's port reopened on Tuesday; ships queued all day.") is not None


def test_the_lead_stays_over_a_sentence_whose_news_is_the_one_told_above_it():
    text = ("Velmora Gulls defensive lineman Josh Marr is retiring from the harbour league.\n\n"
            "The team made the announcement Thursday afternoon.\n\n"
            "“This is the right decision for me,” Marr said in a statement.")
    b = brief(text, title="Gulls lineman Josh Marr announces retirement")
    assert b.what_happened[0] == "Velmora Gulls defensive lineman Josh Marr is retiring from the harbour league."
    # round 71: a word between ("made the bombshell announcement") points back all the same
    text = ("Velmora harbour master Ana Ruiz has been detained in Portvale on smuggling charges.\n\n"
            "Governor Tom Hale made the bombshell announcement in a press statement this afternoon.\n\n"
            "“I would call for calm at this time,” Hale said.")
    b = brief(text, title="Harbour master Ruiz detained on smuggling charges")
    assert b.what_happened[0] == "Velmora harbour master Ana Ruiz has been detained in Portvale on smuggling charges."


def test_the_review_of_this_sessions_rules_keeps_what_they_must_not_touch():
    from digest.extract.chrome import clean
    from digest.summarise.names import named_in_full
    from digest.summarise.namebook import NameBook
    from digest.summarise.quotes import said_earlier
    from digest.summarise.roles import roles_in
    from digest.summarise.shape import not_news
    # a one-word subordinate clause stays, a longer one is the speaker's sentence
    assert _speakers("After the hearing Ana Lind said, “We will appeal the ruling next week.”") == ["Ana Lind"]
    # a list of people is no role (the chief's own title before his name stays his)
    assert roles_in("Guests included Jon Marr, Velmora CEO Tim Lind and Ana Ruiz.") == [("Tim Lind", "Velmora CEO Tim Lind")]
    # a verdict and a deed are no roles
    assert roles_in("Jon Marr is the best player of his generation.") == []
    assert roles_in("Jane Lind, who managed to escape the fire, said it was terrifying.") == []
    # "former" belongs to the name it stands before
    book = NameBook()
    book.read("It was attended by former President Ana Lind and President Jon Robert Marr on Tuesday.", 0)
    assert not book.with_role("President Jon Robert Marr").startswith("former")
    # a name's particle stays in it
    assert named_in_full("Boer added: “We are ready.”", "coach Frank de Boer") == "Frank de Boer added: “We are ready.”"
    # present-perfect news is not said earlier; a numeral "I" is no writer; a store list is no group reaction
    assert not said_earlier("Velmora has said it is investigating the outage that hit 12 ports on Tuesday.")
    assert not not_news("World War I was the subject of the harbour exhibition that opened on Tuesday.")
    assert not not_news("Queen Elizabeth I had a palace built at the harbour, the museum said on Tuesday.")
    assert not not_news("Retailers such as Velmora Mart said Tuesday they would raise wages by 5 percent.")
    # three credits inside the article are not a slideshow pasted after it
    text = ("The harbour reopened.\n\nAna Lind, USA TODAY Sports\n\nShips queued.\n\nOut at sea, a storm.\n\n"
            "Jon Marr/Getty Images\n\nThe port expects 40 ships.\n\nPat Holt, AP Photo\n\nThe mayor spoke.")
    assert "Ships queued." in clean(text) and "The port expects 40 ships." in clean(text)
