"""Who said what after the third blind grading (issue 12 item 4): roles, institutions, pronouns, old quotes.

One crafted paragraph per failure class the editors counted; each test failed before its rule.
"""

from __future__ import annotations

import pytest

from digest.model import Quote, RankedStory, Story
from digest.render.quoteview import quote_view
from digest.summarise import get_summariser
from digest.summarise.quotes import find_statements, said_earlier
from digest.summarise.roles import roles_in
from digest.summarise.sentences import sentences_of
from tests.builders import make_entry


def speakers(text: str) -> list[str]:
    """The speaker of each statement found in ``text``."""
    return [s.speaker for s in find_statements(sentences_of(text))]


def said(text: str) -> list[tuple[str, str]]:
    """(speaker, text) of each Who said what entry of a one-entry brief of ``text``."""
    story = Story("s", (make_entry(content=text),))
    brief = get_summariser("extractive").summarise(RankedStory(story, rank=1, score=1.0, why="t"))
    return [(q.speaker, q.text) for q in brief.who_said_what]


# 1. The role the article gives, in any of its shapes ------------------------------------------

def test_a_lower_case_title_before_the_name_is_the_role():
    text = ("The college board named interim president Steve Blackett on Monday after the vote.\n\n"
            "\"We will rebuild trust with every student,\" Blackett said.")
    assert speakers(text) == ["interim president Steve Blackett"]
    assert speakers("\"We will rebuild trust with every student,\" interim president Steve Blackett said.") == [
        "interim president Steve Blackett"]
    assert speakers("\"We will cut costs at every plant this year,\" acting CEO Gary Scott said.") == [
        "acting CEO Gary Scott"]
    text = ("The board appointed acting CEO Gary Scott last week.\n\n"
            "\"We will cut costs at every plant this year,\" Scott said.")
    assert speakers(text) == ["acting CEO Gary Scott"]


def test_a_role_after_an_inverted_said_opens_the_speaker():
    text = "\"The flooding gets worse every single year,\" said Throgs Neck resident Michael Lopiano."
    assert speakers(text) == ["Throgs Neck resident Michael Lopiano"]
    text = "\"The clinic denied me care for three years,\" said plaintiff Angela Bolger."
    assert speakers(text) == ["plaintiff Angela Bolger"]
    text = ("The suit was filed by plaintiff Angela Bolger in March.\n\n"
            "\"The clinic denied me care for three years,\" Bolger said.")
    assert speakers(text) == ["plaintiff Angela Bolger"]


def test_a_court_reports_role_is_kept():
    text = "\"He lied to the police again and again,\" prosecuting barrister Tim Townsend told the court."
    assert speakers(text) == ["prosecuting barrister Tim Townsend"]
    text = "Prosecuting, Tim Townsend said the defendant had lied to the police about the night of the fire."
    assert speakers(text) == ["Tim Townsend, prosecuting"]


def test_candidates_and_councilmen_have_roles():
    text = ("Republican presidential candidate Mitt Ramsey on Wednesday said he opposes the change.\n\n"
            "\"My view is that marriage is between a man and a woman,\" Ramsey told reporters.")
    assert speakers(text)[-1] == "Republican presidential candidate Mitt Ramsey"
    text = ("A Hoboken city councilman, David Mellor, also said that the mayor told him about the encounter "
            "months later.")
    assert speakers(text) == ["Hoboken city councilman David Mellor"]


def test_a_role_is_whole_or_absent():
    # "economic" qualifies the job: "adviser Larry Summers" alone would cut the role short.
    text = ("But outgoing senior economic adviser Larry Summers warned of a second downturn.\n\n"
            "\"It would significantly increase the risk,\" Summers replied.")
    assert speakers(text) == ["outgoing senior economic adviser Larry Summers"]
    text = ("The union hired talk show host Dana Pirelli for the rally.\n\n"
            "\"We will march again next month,\" Pirelli said.")
    assert speakers(text) == ["Dana Pirelli"]  # "show host": a noun before the job; the role may be cut


def test_a_role_owned_by_someone_unseen_is_dropped():
    text = ("Mekhi Lucky, 19, was shot on Friday near the school.\n\n"
            "Marie Joseph, their Haitian-born mother, asked for calm at the vigil.\n\n"
            "\"He wanted to be a nurse and help people,\" Joseph said.")
    assert speakers(text) == ["Marie Joseph"]
    text = ("The family of Mekhi Lucky gathered on Friday.\n\n"
            "\"He wanted to be a nurse and help people,\" said their Haitian-born mother Marie Lucky.")
    assert speakers(text) == ["Marie Lucky"]


def test_an_institution_after_of_is_the_role_and_resolves_a_later_surname():
    text = ("Michael Shadlen of Columbia's Zuckerman Institute led the study of forty volunteers.\n\n"
            "\"The brain makes up its mind in stages,\" Shadlen said.")
    assert speakers(text) == ["Michael Shadlen of Columbia's Zuckerman Institute"]
    text = "\"The brain makes up its mind in stages,\" said Michael Shadlen of Columbia's Zuckerman Institute."
    assert speakers(text) == ["Michael Shadlen of Columbia's Zuckerman Institute"]
    text = ("But Roger Pilon of the Cato Institute said the reading reminds Congress of its limits.\n\n"
            "\"Nothing could be further from the truth,\" Pilon said.")
    assert speakers(text) == ["Roger Pilon of the Cato Institute"] * 2


# 2. A person, not the institution or the data -------------------------------------------------

def test_the_person_is_credited_and_a_name_opening_the_reported_clause_is_not():
    text = ("Matthew Rojansky, director of the Wilson Center's Kennan Institute, said Moscow would not back "
            "down before the summit.")
    assert speakers(text) == ["Matthew Rojansky, director of the Wilson Center's Kennan Institute"]
    text = ("Kelly Ardent, a founder of the Greater Phoenix Tea Party, said Mr. Hale told them that he wanted "
            "to learn more about the bill.")
    assert speakers(text) == ["Kelly Ardent, a founder of the Greater Phoenix Tea Party"]
    text = "\"The talks will fail,\" said Matthew Rojansky of the Wilson Center's Kennan Institute."
    assert speakers(text) == ["Matthew Rojansky of the Wilson Center's Kennan Institute"]
    assert speakers("Wilson Center scholar Matthew Rojansky said the talks would fail within a month.") == [
        "Wilson Center scholar Matthew Rojansky"]


def test_data_is_not_a_speaker():
    for text in ("Flights fell 30 percent in May from a year earlier, according to Cirium data.",
                 "Data from Cirium showed flights fell 30 percent in May from a year earlier.",
                 "Cirium data showed that flights fell 30 percent in May from a year earlier.",
                 "According to a Cirium analysis, flights fell 30 percent in May from a year earlier."):
        assert speakers(text) == [], text


# 3. "He said" only for a named person it can be ------------------------------------------------

def test_a_pronoun_resolves_only_to_a_person_of_its_gender():
    text = ("Mayor Ann Lee toured the flooded streets on Monday.\n\n"
            "\"We will rebuild every home on this street,\" she said Tuesday.")
    assert speakers(text) == ["Mayor Ann Lee"]
    assert speakers(text.replace("she said", "he said")) == []
    text = ("Mayor Ann Lee and Governor Tom Hale toured the flooded streets on Monday.\n\n"
            "\"We will rebuild every home on this street,\" she said Tuesday.")
    assert speakers(text) == []  # two people named: "she" is not sure enough


def test_a_pronoun_never_stands_for_a_thing_named_before_it():
    text = ("The loan for the Harbor Grand Hotel was paid off in full last year.\n\n"
            "\"The bank was thrilled with us,\" he said.")
    assert speakers(text) == []
    text = ("The plan would keep Social Security solvent for 75 years.\n\n"
            "\"That is minor pain for a big gain,\" she said.")
    assert speakers(text) == []


def test_a_pronoun_may_stand_for_a_titled_person_of_unknown_gender():
    text = ("Fox News host Kestrel Obuya spoke to the crowd on Saturday.\n\n"
            "\"It is not enough to be less bad than the other side,\" he said.")
    assert speakers(text) == ["Fox News host Kestrel Obuya"]
    text = ("Kestrel Obuya spoke to the crowd on Saturday.\n\n"
            "\"It is not enough to be less bad than the other side,\" he said.")
    assert speakers(text) == []  # nothing says Kestrel Obuya is a he, or even a person



def test_a_name_inside_the_speakers_own_sentence_is_not_what_he_stands_for():
    text = ("Radio host Glenn Becker spoke to the conference on Saturday.\n\n"
            "\"It is not enough to be less bad than the other side,\" he said.\n\n"
            "Blaming President Obama, he said, was \"too simple an answer.\"\n\n"
            "\"This is the disease in America,\" he said.")
    assert speakers(text) == ["Radio host Glenn Becker"] * 3
    text = ("Radio host Glenn Becker spoke to the conference on Saturday.\n\n"
            "Ammar Askar has released code he said exploits the flaw to crash any server running the game.")
    assert speakers(text) == ["Ammar Askar"]

# 4. Words said long before are background -----------------------------------------------------

def test_words_said_long_before_are_not_a_statement_on_the_event():
    text = ("Lumen Freight raised $40 million on Tuesday to expand its fleet of electric trucks.\n\n"
            "\"We are building the network the country will need,\" chief executive Ana Ruiz said on Tuesday.\n\n"
            "\"Nobody believed trucks could go electric,\" Ruiz told TechCrunch last year.")
    shown = said(text)
    assert [s for s, _ in shown] == ["Chief executive Ana Ruiz"]
    assert "on Tuesday" in shown[0][1]
    only_old = ("Lumen Freight raised $40 million on Tuesday to expand its fleet of electric trucks.\n\n"
                "In a 2019 interview, chief executive Ana Ruiz said the company would never sell diesel trucks again.")
    assert said(only_old) == []  # nothing said on this event: better none than background
    text = ("Lumen Freight raised $40 million on Tuesday to expand its fleet of electric trucks.\n\n"
            "\"We have learned something important since then,\" Mr. Ruiz said to the group gathered in Norwalk "
            "in March 2008.")
    assert said(text) == []


def test_a_date_inside_the_reported_words_is_not_the_time_they_were_said():
    text = ("Lumen Freight raised $40 million on Tuesday to expand its fleet of electric trucks.\n\n"
            "Chief executive Ana Ruiz said sales in 2019 had fallen by half before the switch to electric.")
    assert [s for s, _ in said(text)] == ["Chief executive Ana Ruiz"]
    # "last year" dates the request the statement reports, not the statement.
    assert not said_earlier("The firm asked the city last year to explore a depot at the port, Lumen Freight "
                            "said in a statement on Tuesday.")
    assert said_earlier("\"Nobody believed trucks could go electric,\" Ruiz said in an interview with The Verge "
                        "in March 2021.")


def test_a_role_runs_past_initials_and_places_to_its_end():
    text = ("\"It cannot be repaired,\" said Martin Ardeen, executive vice president of the Brookings Institution "
            "and a former U.S. ambassador to Israel.")
    assert speakers(text) == ["Martin Ardeen, executive vice president of the Brookings Institution and a former "
                              "U.S. ambassador to Israel"]
    text = ("\"I was shocked to see that level,\" said Tyler Brandt, president of Mercer Island-based Dana F. Brandt "
            "Company, the largest buyer of halibut.")
    assert speakers(text) == ["Tyler Brandt, president of Mercer Island-based Dana F. Brandt Company"]
    text = ("\"It is hard to make anything positive of that,\" said Anita L. Rusk, president of the Kansas City, "
            "Mo., branch of the NAACP, which introduced the resolution.")
    assert speakers(text) == ["Anita L. Rusk, president of the Kansas City, Mo., branch of the NAACP"]
    text = ("\"The plumes are real,\" said Lucas Pagano, a planetary scientist at NASA's Goddard Space Flight Center "
            "in Greenbelt, Maryland.")
    assert speakers(text) == ["Lucas Pagano, a planetary scientist at NASA's Goddard Space Flight Center in "
                              "Greenbelt, Maryland"]


def test_a_verb_before_a_job_word_is_no_part_of_the_role():
    text = ("\"Everything that goes on is known at the top,\" Kennedy told lawyer Joseph Sellner at the hearing.\n\n"
            "Sellner said that was not a fair comparison because the company has a duty under federal law.")
    assert speakers(text)[-1] == "lawyer Joseph Sellner"


def test_a_later_surname_finds_a_person_introduced_with_a_place_or_beside_another():
    text = ("The president singled out Speaker John A. Bohr of Ohio and Senator Mitch Connell of Kentucky.\n\n"
            "Mr. Bohr said that the president could help by calling his former colleagues in the Senate.")
    assert speakers(text) == ["Speaker John A. Bohr of Ohio"]
    text = ("The governor won the backing of Sheriff Joe Arvaio of Maricopa County, Ariz., on Tuesday.\n\n"
            "\"He does not just talk about it; he does something about it,\" Mr. Arvaio said.")
    assert speakers(text) == ["Sheriff Joe Arvaio of Maricopa County"]
    text = ("The sheriff will endorse Texas Governor Rick Parry for the Republican nomination.\n\n"
            "\"I will secure the border within a year,\" Parry said in a statement.")
    assert speakers(text) == ["Texas Governor Rick Parry"]


def test_a_suffix_stays_with_its_name():
    text = ("Several justices appeared to agree with Theodore Boutros Jr., representing Wal-Mart, on Tuesday.\n\n"
            "\"There is absolutely no way there can be a fair process here,\" Boutros said.")
    assert speakers(text) == ["Theodore Boutros Jr., representing Wal-Mart"]


def test_a_role_whose_office_holder_is_cut_off_is_left_out():
    text = "\"It was unusual,\" said Jennifer Willems, a top national security aide to Vice President."
    assert speakers(text) == ["Jennifer Willems"]
    text = "\"It was unusual,\" said Jennifer Willems, a top aide to Vice President Mike Pence."
    assert speakers(text) == ["Jennifer Willems, a top aide to Vice President Mike Pence"]
    text = "\"It was unusual,\" said Jennifer Willems, a spokeswoman for the Prime Minister."
    assert speakers(text) == ["Jennifer Willems, a spokeswoman for the Prime Minister"]


def test_a_surname_two_people_share_names_neither_alone():
    text = ("Mekhi Lucky, 19, was shot on Friday near the school.\n\n"
            "Marie Lucky, his mother, asked for calm at the vigil on Saturday.\n\n"
            "\"He wanted to be a nurse and help people,\" Lucky said.")
    assert speakers(text) == []
    text = ("Justice Ruth Bader Ginsburg asked the first question.\n\n"
            "Ruth Ginsburg has sat on the court since 1993.\n\n"
            "Ginsburg said the class was far too large to be certified as one.")
    assert speakers(text) == ["Justice Ruth Bader Ginsburg"]  # one person, named two ways


def test_a_family_word_is_a_role_only_with_whose_family_it_is():
    # whose son the sentence tells ("The salon owner's son"): a role since round 75's reviewers asked for one
    text = ("The salon owner's son, Usman Hadid, runs the business now.\n\n"
            "\"We want a safe space for women,\" Hadid said.")
    assert speakers(text) == ["the salon owner's son Usman Hadid"]
    text = ("The founder and son Usman Hadid run the business now.\n\n"
            "\"We want a safe space for women,\" Hadid said.")
    assert speakers(text) == ["Usman Hadid"]
    text = ("Patti Dane, the daughter of Ronald Reagan, could relate.\n\n"
            "\"As First Daughters, you can't win,\" Ms. Dane wrote.")
    assert speakers(text) == ["Patti Dane, the daughter of Ronald Reagan"]
    text = "\"He wanted to be a nurse and help people,\" said Mekhi's mother, Marie Joseph."
    assert speakers(text) in ([], ["Mekhi's mother Marie Joseph"])


def test_a_name_first_seen_in_part_grows_to_its_full_form():
    text = ("Kauri (Te Kaurinui Robert) Tane carves a design at home.\n\n"
            "Tane and his son, Te Kaurinui Robert Tane, were called in to help.\n\n"
            "\"That is a modern thing,\" says Te Kaurinui.")
    assert speakers(text)[-1] == "Te Kaurinui Robert Tane"


def test_a_speaker_in_a_conceding_clause_does_not_own_the_sentence():
    text = ("Rep. Anthony Wexler spoke to reporters on Capitol Hill on Wednesday.\n\n"
            "Though Wexler said the incident was no federal crime, the former official said several crimes "
            "would have been committed if somebody had hacked the account.")
    assert speakers(text) == []
    text = "\"I will not resign,\" Wexler said. Of the voters, he said, \"They know me and they know my record.\""
    assert "Of" not in " ".join(speakers(text))


def test_an_age_is_skipped_and_a_relative_clause_stays_with_the_role():
    text = ("\"This is how America should be,\" said Cynthia Burge, 22, a student at the University of Dayton "
            "in Ohio.")
    assert speakers(text) == ["Cynthia Burge, a student at the University of Dayton in Ohio"]
    # What the clause adds may be why the speaker matters ("who provides expert testimony ..."): kept whole.
    text = "\"We saw it coming,\" said Paul Begala, a longtime Clinton adviser who now works for CNN."
    assert speakers(text) == ["Paul Begala, a longtime Clinton adviser who now works for CNN"]


def test_a_role_set_off_before_the_name_with_its_case_and_a_degree_before_the_institution():
    from digest.summarise.roles import roles_in
    assert roles_in("The plaintiff of the case, Ana Ruiz, had bought the harbour boat online.") == [
        ("Ana Ruiz", "Ana Ruiz, the plaintiff of the case")]
    found = roles_in("The study was led by Tor Lind, Ph.D., of Velmora University’s Harbour and Coast Research "
                     "Sea Wall Engineering Institute, and was published on Monday.")
    assert found == [("Tor Lind", "Tor Lind of Velmora University’s Harbour and Coast Research Sea Wall Engineering "
                                  "Institute")]


def test_a_role_in_a_who_was_clause_and_an_acting_title_set_off_before_the_name():
    from digest.summarise.roles import roles_in
    assert roles_in("“It is a risk,” said Tor Lind, who was a longtime adviser to the Velmora harbour board.") == [
        ("Tor Lind", "Tor Lind, a longtime adviser to the Velmora harbour board")]
    assert roles_in("Chief Executive Officer (Acting) of the Velmora Harbour Authority, Ana Ruiz, added that "
                    "two events will be held.") == [
        ("Ana Ruiz", "Ana Ruiz, Chief Executive Officer (Acting) of the Velmora Harbour Authority")]


def test_a_speaker_introduced_in_a_line_ending_on_a_colon_keeps_name_and_role():
    from digest.model import RankedStory, Story
    from digest.summarise import get_summariser
    from tests.builders import make_entry
    text = ("The Velmora council voted 7-2 on Monday to build a sea wall along the harbour.\n\n"
            "Harbour board spokesman Tor Lind answered the vote in a statement on Monday:\n\n"
            "“The board will fight this wall in every court in the land,” Lind said.")
    brief = get_summariser("extractive").summarise(
        RankedStory(Story("s", (make_entry(content=text, summary=""),)), rank=1, score=1.0, why="t"))
    assert [q.speaker for q in brief.who_said_what] == ["Harbour board spokesman Tor Lind"]
    assert not any(s.endswith(":") for s in (*brief.what_happened, *brief.what_next, brief.dek or ""))


def test_a_middle_initial_stays_with_the_name_after_a_long_title():
    # Round 6 of the editor grading: "M. Hoenig". A run too long to be a name gave its last two words.
    text = ("Federal Reserve Bank of Kansas City President Thomas M. Hoenig, the Fed's longest-serving policymaker, "
            "said on Friday that near-zero rates risk new bubbles.\n\n"
            "\u201cOf course the market wants zero rates to continue indefinitely,\u201d Hoenig said in a speech.")
    names = speakers(text)
    assert names and all("Thomas M. Hoenig" in n for n in names)


def test_round_11_roles_a_later_who_is_clause_an_office_before_the_name_and_a_brand_before_the_job():
    from digest.summarise.roles import roles_in
    # "Manson, who is chief of preventive medicine at Brigham ...": a role given after the first mention
    text = ("The study was welcomed by Dr. Tor Lind, who was not involved in it.\n\n"
            "Lind, who is chief of cardiology at Velmora General Hospital, told reporters the results were clear.\n\n"
            "\u201cThis is not surprising at all,\u201d Lind said.")
    assert speakers(text) and all(n == "Dr. Tor Lind, chief of cardiology at Velmora General Hospital"
                                  or n == "Tor Lind, chief of cardiology at Velmora General Hospital" for n in speakers(text))
    # "Marlins vice president of scouting Stan Meek said": a lower-case field after the office
    assert roles_in("\u201cWe are ready,\u201d Harbourers vice president of scouting Ana Ruiz said.") == [
        ("Ana Ruiz", "Harbourers vice president of scouting Ana Ruiz")]
    # "But Patrick Wiggins, NASA/JPL solar system ambassador to Utah, ...": a brand before the job, no "But"
    assert roles_in("But Tor Lind, VHA/SPA harbour ambassador to Skarn, reminds everyone to wave.") == [
        ("Tor Lind", "Tor Lind, VHA/SPA harbour ambassador to Skarn")]
    assert roles_in("Tor Lind, Velmora, reminds everyone to wave.") == []


def test_another_before_a_role_set_off_before_the_name_reads_as_a_role_after_it():
    # Set 5: "Another witness, Polly Sheppard, told the jury ..." gave "Another witness Polly Sheppard".
    from digest.summarise.roles import roles_in
    assert roles_in("Another witness, Ana Ruiz, told the jury the gunman stood over her.") == [
        ("Ana Ruiz", "Ana Ruiz, a witness")]


@pytest.mark.parametrize(("prose", "name", "role"), [
    # Sets 5 and 6: editors asked for the role the article gives before the name.
    ("U.S. astronaut Chris Vell said the crew was safe.", "Chris Vell", "U.S. astronaut Chris Vell"),
    ("Harbour Racer creator Kazu Yamada revealed the game on Tuesday.", "Kazu Yamada", "Harbour Racer creator Kazu Yamada"),
    ("Velmora goalie Tuuka Rasi made 53 saves.", "Tuuka Rasi", "Velmora goalie Tuuka Rasi"),
    ("Kestrel head of industrial design Ralf Gron showed the device.", "Ralf Gron",
     "Kestrel head of industrial design Ralf Gron"),
])
def test_a_role_before_the_name_from_what_people_make_or_play(prose, name, role):
    from digest.summarise.roles import roles_in
    assert (name, role) in roles_in(prose)


def test_a_clause_word_never_starts_a_role_before_the_name():
    from digest.summarise.roles import roles_in
    found = roles_in("Both Agerblad and tattoo artist Zashay Tastas posed for photos on Monday.")
    assert all(not role.startswith("Both") for _, role in found)
    found = roles_in("The work was done at the Velmora College of Engineering under associate professor of "
                     "mechanical engineering Chinedum Okwu.")
    assert all("under" not in role for _, role in found)


def test_a_role_set_off_before_the_name_may_join_two_fields_with_and():
    # Round 57 and before: "The latter party's Minister for Higher Education and Science, Christina Egelund," gave no role.
    from digest.summarise.roles import roles_in
    shown = [s for _, s in roles_in("The party’s Minister for Trade and Industry, Ana Lind, called the plan a breach.")]
    assert "Ana Lind, Minister for Trade and Industry" in shown


def test_whose_kin_opening_a_sentence_is_the_roles_as_mid_sentence() -> None:
    # round 71: the owner of a role set off before the name was read only in lower case ("the girl's aunt, ...")
    assert roles_in("The victim's son, Tom Hale, said he was angry.") == [("Tom Hale", "the victim's son Tom Hale")]
    assert roles_in("Police said the victim's son, Tom Hale, was angry.") == [("Tom Hale", "the victim's son Tom Hale")]
    # an owner that points back at one named before is no owner ("the latter party's")
    assert roles_in("The latter party's leader, Tom Hale, said no.") != [("Tom Hale", "the latter party's leader Tom Hale")]


def test_a_label_opening_on_the_reads_name_first_when_shown_first() -> None:
    view = quote_view(Quote(speaker="the girl's aunt Sharon Ruddock", text='"She was kind."', source="Desk"))
    assert (view.name, view.after) == ("Sharon Ruddock", ", the girl's aunt: \"She was kind.\"")  # the name bold, the role after


@pytest.mark.parametrize("opening", ["As", "When", "After", "While"])
def test_a_clause_opening_word_is_no_part_of_a_role_before_a_name(opening):
    # round 82's pack: "said As the official Lois Lerner" came from "As the official, Lois Lerner, appeared ..."
    found = dict(roles_in(f"{opening} the official, Lois Lerner, appeared under subpoena before the committee, "
                          "she told her questioners that the accusations were false."))
    assert not found.get("Lois Lerner", "").startswith(opening)


def test_a_speaker_introduced_in_an_opening_clause_keeps_her_name():
    text = ("As the official, Lois Lerner, appeared under subpoena before the House committee, she told her "
            "questioners that the accusations were false.\n\n"
            "“I have not done anything wrong. I have not broken any laws,” said Ms. Lerner, who leads the "
            "agency's division on tax-exempt organizations.")
    entry = make_entry(content=text, title="Official invokes 5th Amendment at hearing")
    brief = get_summariser("extractive").summarise(RankedStory(Story("s", (entry,)), rank=1, score=1.0, why="t"))
    assert [q.speaker for q in brief.who_said_what] and all(
        not q.speaker.startswith("As ") for q in brief.who_said_what)


def test_a_greeting_in_passing_is_no_statement_on_the_news():
    # round 82: "a passing pleasantry, not a statement about the event" ("Nice to see all of you")
    from digest.summarise.candidates import build_candidates
    from digest.summarise.voices import _TRIVIAL, substantive
    entry = make_entry(content="“Nice to see all of you,” House Speaker John Boehner said as he kept walking, a reporter tweeted.")
    said = [c for c in build_candidates((entry,)) if c.statement]
    assert said and not any(substantive(c) for c in said)
    assert _TRIVIAL.match("“Good to see you, everyone,” Lind said.") and _TRIVIAL.match("“Hello, all,” Lind said.")
    # words about seeing are no greeting
    assert not _TRIVIAL.match("“Nice to see the council finally act on housing,” Lind said.")
    assert not _TRIVIAL.match("“Hi-tech jobs are leaving the city,” Lind said.")


def _speakers_of(text: str) -> list[str]:
    from digest.summarise.candidates import build_candidates
    return [c.statement.speaker for c in build_candidates((make_entry(content=text),)) if c.statement]


def test_she_after_someones_daughter_is_not_the_one_whose_daughter_she_is():
    # round 83's pack (usatoday.com): her words credited to "former president Nelson Mandela"
    text = ("Former president Nelson Mandela remains in hospital.\n\n"
            "Yet on Wednesday, Mandela's daughter Zindzi told Britain's Sky News that Mandela is doing well.\n\n"
            "\"He gave us a huge smile and raised his hands,\" she said of a recent visit.")
    assert "Former president Nelson Mandela" not in _speakers_of(text)
    # a possessive before a thing, not a person, leaves the owner the subject
    assert _speakers_of("Senator Ana Lind spoke on Monday.\n\nLind's bill passed the Senate on Tuesday.\n\n"
                        "\"We have the votes,\" she said.") == ["Senator Ana Lind"]


def test_an_adverb_opening_a_sentence_is_no_given_name():
    # round 83's pack (si.com): "Instead Stephen chose Arkansas" made a speaker "Instead Stephen"
    text = ("Stephen Jones runs the team now.\n\nHe had been a standout quarterback, good enough for Princeton. Instead "
            "Stephen chose Arkansas, and the world was cheated.\n\nCircling the Star just before his pilot touches down, "
            "Stephen notes with pleasure several touch football games in progress on the field.")
    speakers = _speakers_of(text)
    assert speakers and not any(s.startswith("Instead") for s in speakers)


def test_what_someone_wrote_as_a_thing_is_no_statement():
    # round 83's pack (Business Insider): "What Page wrote down that night became the basis for an algorithm."
    assert _speakers_of("Larry Page had an idea.\n\nWhat Page wrote down that night became the basis for an algorithm.") == []
    assert _speakers_of("Larry Page had an idea.\n\nWhat Page said was that the engine would change search.") == ["Larry Page"]


@pytest.mark.parametrize("prose, name, role", [
    # round 96's reviewers: "role cut off ('21st' lost)": a body's name opening on an ordinal century
    ("When the suit was filed, 21st Century Fox executive chairman Rupert Murdoch was in Idaho.",
     "Rupert Murdoch", "21st Century Fox executive chairman Rupert Murdoch"),
    # a date, a year or a time before the role is none of it (review 99: "3rd Apple chief executive Tim Cook")
    ("On March 3rd Apple chief executive Tim Cook told investors sales were up.", "Tim Cook", "Apple chief executive Tim Cook"),
    ("On the 14th Apple chief executive Tim Cook told investors sales were up.", "Tim Cook", "Apple chief executive Tim Cook"),
    ("In 2012 Apple chief executive Tim Cook said sales rose.", "Tim Cook", "Apple chief executive Tim Cook"),
])
def test_a_role_before_the_name_takes_an_ordinal_century_and_no_date(prose, name, role):
    assert (name, role) in roles_in(prose)
    quoted = f"“Sales were up,” {role} told investors on Tuesday."
    assert speakers(quoted) == [role]
