"""Faults editors named in round 17 (a blind A/B on the labelled pages), one crafted case each.

Every test failed before its rule.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from digest.model import RankedStory, Story
from digest.summarise import get_summariser
from digest.summarise.candidates import build_candidates
from digest.summarise.headline import headline_of
from digest.summarise.nextsteps import pick_next
from digest.summarise.quotes import find_statements
from digest.summarise.roles import roles_in
from digest.summarise.sentences import sentences_of, split_sentences
from digest.summarise.voices import pick_said
from digest.summarise.shape import furniture
from tests.builders import make_entry


def brief(text: str, **kw):
    entry = make_entry(content=text, summary=kw.pop("summary", ""), **kw)
    return get_summariser("extractive").summarise(RankedStory(Story("s", (entry,)), rank=1, score=1.0, why="t"))


def candidates(text: str, title: str):
    return build_candidates((make_entry(content=text, title=title, summary=""),))


def speakers(text: str) -> list[str]:
    return [s.speaker for s in find_statements(sentences_of(text))]


# Headline -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("title", "headline"), [
    # a press release's issuer, named again in its title
    ("Velmora Shipping Oyj: Velmora Shipping Corporation's half year report January-June 2026",
     "Velmora Shipping Corporation's half year report January-June 2026"),
    # an archive's label on an old story
    ("The Wedding? I'm Here for the Harbour Cookies (Published 2009)", "The Wedding? I'm Here for the Harbour Cookies"),
    # an amount shouted and glued to its figure
    ("Velmora banker offers $1MILLION prize to anyone who can solve the tide problem",
     "Velmora banker offers $1 million prize to anyone who can solve the tide problem"),
])
def test_release_issuers_archive_labels_and_shouted_amounts_leave_the_headline(title, headline):
    assert headline_of(make_entry(title=title)) == headline


def test_a_source_named_before_a_colon_stays_on_the_headline():
    # "Reuters: ..." or "Report: ..." attributes the claim; only a company's legal name named again goes.
    assert headline_of(make_entry(title="Velmora Port Inc.: a new crane for the harbour")) == \
        "Velmora Port Inc.: a new crane for the harbour"


# What next ------------------------------------------------------------------------------------

def test_a_bracketed_link_to_another_story_is_furniture():
    assert furniture("[ The multitude of devices will test many IT teams' mobile application plans.")
    assert not furniture("The council voted 7-2 on Monday to build the sea wall.")


def test_what_moved_on_speculation_about_the_future_is_no_next_step():
    moved = ("Velmora bonds fell with regional debt as speculation mounted that the central bank will "
             "prolong its buying programme.")
    planned = "The Velmora council said that it will vote on the sea wall plan next week."
    entry = make_entry(content=f"The Velmora council voted on the harbour budget on Monday. {moved} {planned}",
                       title="Velmora council votes on harbour budget", summary="")
    cands = build_candidates((entry,))
    chosen = [c.sentence.text for c in pick_next(cands, used=set())]
    assert moved not in chosen and planned in chosen


# Who said what --------------------------------------------------------------------------------

def test_a_role_after_he_and_is_read_before_the_name():
    # "He and U.S. astronaut Chris Cassidy were ...": the role is "U.S. astronaut", not cut away.
    found = dict(roles_in("He and Velmoran astronaut Ana Ruiz were 30 minutes into the spacewalk when the leak began."))
    assert found["Ana Ruiz"] == "Velmoran astronaut Ana Ruiz"


def test_a_company_with_an_ampersand_is_whole_in_the_speakers_role():
    said = speakers("Earlier Wednesday, Holt & Marsh CEO Ana Ruiz said that the harbour deal would "
                    "\"change the business terms for everyone.\"")
    assert said == ["Holt & Marsh CEO Ana Ruiz"]


def test_according_to_an_institutions_officer_names_the_officer_and_media_reports_name_no_one():
    assert speakers("According to Velmora Institute director Holt, the harbour plan is "
                    "\"the reason the whole project broke down at the border.\"") == ["Velmora Institute director Holt"]
    assert speakers("According to Velmoran media reports, an international warrant was sought by the justice "
                    "minister in December.") == []


def test_a_role_never_runs_on_into_the_sentences_own_verb():
    found = dict(roles_in("Ana Ruiz, a professor of film studies at the University of Velmora, Skarn, begs to differ."))
    assert found["Ana Ruiz"] == "Ana Ruiz, a professor of film studies at the University of Velmora, Skarn"


def test_a_tally_of_what_someone_did_is_no_statement():
    assert speakers("In three seasons with the Velmora Tides, Ana Ruiz posted 274 career tackles in 41 games.") == []
    assert speakers("In a policy statement last year, the Velmora Port Authority noted it does not have the "
                    "money to police every berth.") == ["Velmora Port Authority"]


def test_one_speaker_named_with_an_affiliation_and_later_by_title_is_one_voice():
    # Round 14: "Dr Mark Loewen from the University of Utah and Natural History Museum of Utah" and,
    # for "He added that ...", "Dr Loewen": two entries for one man (keyed on "Utah" and "Loewen").
    text = ("Scientists in Velmora described a new species of horned dinosaur on Monday.\n\n"
            "\"The horns are by far the largest of any member of its group,\" explained Dr Mark Holt.\n\n"
            "Dr Holt said that other unusual new species were also emerging from the site near the river.\n\n"
            "\"We had never seen a skull like it before in these rocks,\" said Ana Ruiz, a curator at the museum.")
    cands = candidates(text, "Horned dinosaur found in Velmora")
    # as the pages named him: in full with his affiliation by the quote, by title alone for the pronoun
    named = {1: "Dr Mark Holt from the University of Velmora and the Natural History Museum of Skarn", 2: "Dr Holt"}
    cands = [replace(c, statement=replace(c.statement, speaker=named[c.sentence.position]))
             if c.statement and c.sentence.position in named else c for c in cands]
    picked = [c.statement.speaker for c in pick_said(cands, used=set(), outlets=1)]
    assert sum("Holt" in s for s in picked) == 1 and any("Ruiz" in s for s in picked)


# Sentences ------------------------------------------------------------------------------------

def test_a_manufacturers_abbreviation_does_not_end_the_sentence():
    assert split_sentences("The department said that Velmora Electric Mfg. Co. agreed to plead guilty. "
                           "It will pay a fine.") == [
        "The department said that Velmora Electric Mfg. Co. agreed to plead guilty.", "It will pay a fine."]


@pytest.mark.parametrize(("prose", "name", "shown"), [
    # an affiliation set off after the name, with "also"
    ("\"It probably has no star in it,\" said Ana Ruiz, also from the Velmora Institute, who leads the team.",
     "Ana Ruiz", "Ana Ruiz from the Velmora Institute"),
    # two roles, each whole, too long together: the first is shown
    ("\"Forests store carbon,\" said Ana Ruiz, a senior associate scientist with the Center for Velmoran Forestry "
     "Research (CVFR) and a professor of biodiversity and human development at Skarn Metropolitan University.",
     "Ana Ruiz", "Ana Ruiz, a senior associate scientist with the Center for Velmoran Forestry Research (CVFR)"),
    ("That is a problem, said Ana Ruiz, an attorney at Holt & Marsh and the director of the international tax "
     "program at the Velmora University School of Law.", "Ana Ruiz", "Ana Ruiz, an attorney at Holt & Marsh"),
    # a role after the name too long to show leaves the one before it
    ("\"A device like ours could help,\" said lead author Ana Ruiz, a biomedical engineering doctoral student in "
     "the Holt lab in the biomedical engineering department in the School of Engineering at Velmora University.",
     "Ana Ruiz", "lead author Ana Ruiz"),
    ("\"The harbour will be busy for years,\" wrote journalist Ana Ruiz.", "Ana Ruiz", "journalist Ana Ruiz"),
    # a role owned by someone named ("Orb's trainer"), a trainer by the job
    ("\"He is a nice horse,\" said Ana Ruiz, Velmora Star's trainer.", "Ana Ruiz", "Ana Ruiz, Velmora Star's trainer"),
    ("After the Skarn Derby, the owners, along with trainer Ana Ruiz, chose the race.", "Ana Ruiz", "trainer Ana Ruiz"),
    # an office after "who is" without a comma; a court role after the name; what kind of artist or host
    ("\"It is smaller,\" said Ana Ruiz who is Velmora County Public Works Director.", "Ana Ruiz",
     "Ana Ruiz, Velmora County Public Works Director"),
    ("Ana Ruiz, prosecuting, said: \"It is obvious what effect the death has had.\"", "Ana Ruiz",
     "Ana Ruiz, prosecuting"),
    ("Both Holt and tattoo artist Ana Ruiz were surprised by the interest.", "Ana Ruiz", "tattoo artist Ana Ruiz"),
    ("Holt had endorsements from activists like radio host Ana Ruiz and others.", "Ana Ruiz", "radio host Ana Ruiz"),
    # a qualifier before a capitalised role is the role's ("senior Nature editor", "former ... adviser")
    ("The find came at a pivotal time, said senior Velmora Post editor Dr Ana Ruiz, when the planet was warm.",
     "Dr Ana Ruiz", "senior Velmora Post editor Dr Ana Ruiz"),
    ("The plan was backed by former Velmora Port adviser Ana Ruiz on Monday.", "Ana Ruiz",
     "former Velmora Port adviser Ana Ruiz"),
    # a journalist is known by the job
    ("Conservative journalist Ana Ruiz took a look back at Velmoran history.", "Ana Ruiz",
     "Conservative journalist Ana Ruiz"),
])
def test_roles_editors_found_missing(prose, name, shown):
    assert (name, shown) in roles_in(prose)


def test_two_sentences_a_page_glued_together_are_split_but_domains_and_initials_are_not():
    # Round 14: What happened read "... to cooler habitats.Previous studies had documented ...".
    assert split_sentences("Fish moved toward the poles to cooler habitats.Previous studies had documented shifts.") == [
        "Fish moved toward the poles to cooler habitats.", "Previous studies had documented shifts."]
    assert len(split_sentences("Orders on the Velmora.Com site rose as U.S.Army units left.")) == 1


def test_a_person_introduced_by_an_office_with_of_keeps_it_when_named_again():
    # Round 18: "Inspector General of BSF Jammu Frontier Rajeev Krishna" and, for "Krishna said",
    # a bare "Rajeev Krishna": two entries, the second without the role.
    text = ("Four people were killed when troops fired on a crowd in Velmora on Thursday.\n\n"
            "Inspector General of the Velmora Frontier Force Ana Ruiz said a picket of troops had stopped a man "
            "at a check-point.\n\n"
            "Asked if the deaths were due to the firing, Ruiz said, \"Police officials and officers were on the spot.\"")
    cands = candidates(text, "Four killed in Velmora firing")
    office = "Inspector General of the Velmora Frontier Force Ana Ruiz"
    assert [c.statement.speaker for c in cands if c.statement] == [office, office]
    assert [c.statement.speaker for c in pick_said(cands, used=set(), outlets=1)] == [office]


def test_a_look_ahead_credited_to_the_official_of_an_earlier_sentence_is_no_next_step():
    # Round 18: "The official said ..." under a Palestinian official's entry read as his words.
    ahead = "The official said Kerry will fly to the West Bank on Saturday to press for new talks."
    entry = make_entry(content=f"Kerry met the chief Palestinian negotiator in Amman on Friday. {ahead}",
                       title="Kerry meets Palestinian negotiator in Amman", summary="")
    assert ahead not in [c.sentence.text for c in pick_next(build_candidates((entry,)), used=set())]


def test_a_word_only_shouted_when_written_in_capitals_keeps_its_case_otherwise():
    # Round 19: "Napa Co. enters exclusive agreement ..." became "... enters Exclusive agreement ...".
    assert headline_of(make_entry(title="Velmora enters exclusive agreement on the harbour resort")) == \
        "Velmora enters exclusive agreement on the harbour resort"
    assert headline_of(make_entry(title="Velmora council must act on the HUGE harbour storm")) == \
        "Velmora council must act on the Huge harbour storm"


def test_a_statement_opening_on_he_said_names_the_speaker_instead():
    # Round 19 (snapshot): an entry read "He said ..." beside its speaker's name and role.
    text = ("Donors pledged $4 billion for Velmora at a conference in Skarn on Wednesday.\n\n"
            "Interim president Ana Ruiz thanked the donors for their support at the conference.\n\n"
            "She said the election would be held on July 28 as planned, whatever the cost.")
    made = brief(text, title="Donors pledge $4 billion for Velmora")
    texts = [q.text for q in made.who_said_what] + list(made.what_next)
    assert any(t.startswith("Ana Ruiz said the election") for t in texts)
    assert not any(t.startswith("She said") for t in texts)


def test_a_sites_name_with_its_expansion_in_brackets_leaves_the_headline():
    title = "Swimming greats slam funding cuts - Velmora News (Velmora Broadcasting Corporation)"
    assert headline_of(make_entry(title=title, feed="Velmora News")) == "Swimming greats slam funding cuts"


def test_a_role_owned_by_someone_unseen_is_not_read_after_and():
    # "and his lawyer Ana Ruiz": whose lawyer the entry could not say (as "their Haitian-born mother")
    assert ("Ana Ruiz", "his lawyer Ana Ruiz") not in roles_in("The court heard Holt and his lawyer Ana Ruiz on Monday.")
