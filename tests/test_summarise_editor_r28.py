"""Roles the article gives that speakers went without, and a next step that named what it answers.

Found by counting the speakers shown bare (name, no role) in the editor packs at b42c5ba: 137 of
them, many with a role right beside the name in the article. Every test failed before its rule.
"""

from __future__ import annotations

from digest.model import RankedStory, Story
from digest.summarise import get_summariser
from digest.summarise.namebook import NameBook
from digest.summarise.roles import roles_in
from digest.summarise.shape import leans_back
from tests.builders import make_entry


def brief(text: str, **kw):
    entry = make_entry(content=text, summary=kw.pop("summary", ""), **kw)
    return get_summariser("extractive").summarise(RankedStory(Story("s", (entry,)), rank=1, score=1.0, why="t"))


def test_a_clause_that_is_no_role_does_not_hide_the_speaker_inside_it():
    # "Gold Standard, under questioning ..." was read as a name and its role and rejected, and the
    # search went on past Orla Brandt's own role.
    prose = ("While an earlier presentation promised the Gold Standard, under questioning Orla Brandt, the "
             "transit department's deputy director, admitted that nothing had been done.")
    assert roles_in(prose) == [("Orla Brandt", "Orla Brandt, the transit department's deputy director")]


def test_jobs_the_vocabulary_lacked():
    assert roles_in("Tomas Lind, Velmora's VP of Platform, explained the name.") == [
        ("Tomas Lind", "Tomas Lind, Velmora's VP of Platform")]
    assert roles_in("“The glass shook,” said Anders Holm, a policeman at the scene in the old town.") == [
        ("Anders Holm", "Anders Holm, a policeman at the scene in the old town")]
    assert roles_in("But as reliever Jon Marr said, “We did not lose half our team.”") == [
        ("Jon Marr", "reliever Jon Marr")]


def test_a_surname_set_off_with_its_role_gives_the_full_name_its_role():
    text = ("Two more marshals, Brian Falk and Ola Nord, said they stood near the green on Saturday.\n\n"
            "“It is not true and unfair to him,” Falk, a marshal at the second hole, said in the Velmora Times.")
    b = brief(text, title="Marshals back the golfer's account")
    assert [q.speaker for q in b.who_said_what] == ["Brian Falk, a marshal at the second hole"]
    # ... and a surname of a full name read just before is no speaker of its own
    assert roles_in("Ana Lind, a paleontologist at the Velmora Museum, described the fossil.") == [
        ("Ana Lind", "Ana Lind, a paleontologist at the Velmora Museum")]


def test_a_title_in_capitals_with_where_it_is_held():
    assert roles_in("According to Tom Falk, Deputy News Director at Velmora Daily, the police were unaware.") == [
        ("Tom Falk", "Tom Falk, Deputy News Director at Velmora Daily")]
    # a list of names is no title
    # (the chief's own title stays his: "Velmora CEO Tim Lind")
    assert roles_in("Guests included Jon Marr, Velmora CEO Tim Lind and Ana Ruiz.") == [("Tim Lind", "Velmora CEO Tim Lind")]


def test_what_a_person_works_as():
    assert roles_in("Kisha Lind, who works as a cabin crew member at the airport, said she sleeps there.") == [
        ("Kisha Lind", "Kisha Lind, who works as a cabin crew member at the airport")]


def test_a_body_named_in_full_before_the_job_is_the_role_unless_its_front_is_cut():
    assert roles_in("“We were told,” Oversight and Harbour Reform Committee spokesman Ali Brandt said.") == [
        ("Ali Brandt", "Oversight and Harbour Reform Committee spokesman Ali Brandt")]
    # "... at the | University of Velmora San Carlo scientist": the institute before it is read whole, back to the
    # comma, and the job shown after the name (round 44); never cut at "at the"
    found = roles_in("In a paper, Tide Institute at the University of Velmora San Carlo scientist Aron Holm wrote it.")
    assert [shown for name, shown in found if name == "Aron Holm"][0] == (
        "Aron Holm, a scientist at Tide Institute at the University of Velmora San Carlo")
    found = roles_in("He spoke to the University of Velmora San Carlo scientist Aron Holm at length.")
    assert [shown for name, shown in found if name == "Aron Holm"] == ["Aron Holm"]


def test_an_institution_known_by_its_acronym_but_not_a_country():
    assert roles_in("Hamish Lind, from SAMS, said the suits could go on sale.") == [
        ("Hamish Lind", "Hamish Lind from SAMS")]
    assert roles_in("Hamish Lind, from UK, said the suits could go on sale.") == []


def test_a_place_clause_after_the_role_is_left_out():
    assert roles_in("“They do not behave well,” said Abdul Nord, an elder from Landy-Orla where the soldiers "
                    "have one of their three bases.") == [("Abdul Nord", "Abdul Nord, an elder from Landy-Orla")]


def test_a_next_step_that_names_what_it_answers_does_not_lean_back():
    # alone it leans back; What next reads it whole when its report told of the thing it answers (below)
    assert leans_back("In response to the positive samples, the county will step up its spraying.")
    assert leans_back("In response, the county will step up its spraying.")
    assert leans_back("In response to this, the county will step up its spraying.")
    text = ("The state's virus program reported Thursday that two mosquitoes collected in Orla County tested "
            "positive for West Nile virus.\n\n"
            "Both were from a species that feeds on birds, officials said.\n\n"
            "In response to the positive samples, the county will step up its surveillance around the two "
            "collection sites, coordinator Mia Falk said.")
    b = brief(text, title="Two mosquitoes test positive for West Nile in Orla County")
    assert b.what_next == ("In response to the positive samples, the county will step up its surveillance "
                           "around the two collection sites, coordinator Mia Falk said.",)


def _primary(post_lead: str, times_lead: str) -> tuple[Story, list[str]]:
    gazette = make_entry(uid="g", feed="Velmora Gazette", title="Who is Tomas Brandt?", summary="",
                         content="Harbour Party leader Ana Lind was beaten Tuesday night by a political novice who "
                                 "teaches economics at a small Velmora college.\n\n"
                                 "So who is Tomas Brandt, and how did he pull off such a win?")
    post = make_entry(uid="p", feed="Velmora Post", title="Man who defeated Lind calls his big win 'a miracle'",
                      summary="", content=f"{post_lead}\n\nThe party-backed candidate attributed his victory to "
                                          "grassroots efforts, calling the win a \"miracle.\"")
    times = make_entry(uid="t", feed="Velmora Times", title="Ana Lind defeated by Tomas Brandt in primary upset",
                       summary="", content=f"{times_lead}\n\nThe result delivered a jolt to the Harbour Party, which "
                                           "had expected her to lead it into the election.")
    return Story("s", (gazette, post, times)), [e.content.split("\n\n")[0] for e in (gazette, post, times)]


def test_with_the_lead_as_the_dek_another_outlets_lead_tells_what_happened():
    # The seed's shape: the dek and What happened state one event, briefly and then in full, each an
    # outlet's lead (kept as the rule below is added: no new rule of its own).
    story, leads = _primary(
        "Tomas Brandt celebrated his victory over Harbour Party leader Ana Lind in the party's primary on Tuesday "
        "night, a rare defeat for a sitting leader.",
        "In one of the largest primary upsets in the party's history, its leader, Ana Lind, was defeated on "
        "Tuesday by an economics professor who had hammered her for being out of touch.")
    b = get_summariser("extractive").summarise(RankedStory(story, rank=1, score=1.0, why="t"))
    assert b.dek in leads
    assert b.what_happened[0] in leads and b.what_happened[0] != b.dek


def test_another_outlets_follow_up_is_never_what_happened_under_the_lead_moved_up():
    # Another outlet's second sentence, a reaction, is never What happened under the lead moved up as the
    # dek. (Since the lead of the report whose title the others share may open What happened, the
    # Times's lead does here, under the Gazette's as the dek.)
    story, leads = _primary(
        "Tomas Brandt celebrated his stunning victory over Harbour Party leader Ana Lind in the party's primary "
        "on Tuesday night.",
        "In one of the most stunning primary upsets in the party's history, its leader, Ana Lind, was soundly "
        "defeated on Tuesday by an economics professor who had hammered her for being out of touch.")
    b = get_summariser("extractive").summarise(RankedStory(story, rank=1, score=1.0, why="t"))
    assert not any("attributed his victory" in s for s in b.what_happened)
    assert b.what_happened[0] in leads and b.dek in (None, *leads) and b.dek != b.what_happened[0]


def test_a_name_used_as_a_modifier_is_no_one_a_later_he_stands_for():
    # "he said" after "many furtive Trump supporters ..." was given to Donald Trump (a student's words).
    text = ("John Varga won the harbour election on Tuesday, and students at Velmora University were split.\n\n"
            "Yet, many furtive Varga supporters on college campuses refused to give their full names.\n\n"
            "“At Velmora, everyone feels like we need to be inclusive, but that creates a new minority.”\n\n"
            "Daniel, a Velmora University senior who did not want to give his last name “given the current "
            "climate,” said it was “galling” when his professors joked about the vote.\n\n"
            "“There is the assumption that nobody here could have voted for him, but that is clearly wrong,” he "
            "said.")
    b = brief(text, title="Students split over Varga win")
    assert all("Varga" not in q.speaker for q in b.who_said_what)
    book = NameBook()
    for index, sentence in enumerate(text.split("\n\n")):
        book.read(sentence, index)
    assert book.resolve("he", 4) is None
    # the name itself, as the subject, is still who "he" is
    book = NameBook()
    for index, sentence in enumerate(["John Varga won the harbour election on Tuesday.",
                                      "“We will rebuild the sea wall,” he said."]):
        book.read(sentence, index)
    assert book.resolve("he", 1) == "John Varga"


def test_a_speaker_one_report_names_bare_has_the_role_another_report_gives():
    post = make_entry(uid="p", feed="Velmora Post", title="Brandt beats Lind in primary", summary="",
                      content="Tomas Brandt beat Harbour Party leader Ana Lind in the party's primary on Tuesday.\n\n"
                              "Brandt had the backing of conservative activists like radio host Laura Marr.")
    times = make_entry(uid="t", feed="Velmora Times", title="Lind loses primary to Brandt", summary="",
                       content="Ana Lind lost the Harbour Party primary to Tomas Brandt on Tuesday night.\n\n"
                               "Laura Marr said on Velmora Radio that the result was “an absolute repudiation of "
                               "the party's leadership.”")
    b = get_summariser("extractive").summarise(RankedStory(Story("s", (post, times)), rank=1, score=1.0, why="t"))
    assert [q.speaker for q in b.who_said_what] == ["Radio host Laura Marr"]
    assert b.who_said_what[0].source == "Velmora Times"


# Found in a snapshot of 40 briefs at fac8f6a (bench/editor_grades.md, round 29) ----------------


def test_what_happened_never_opens_on_that_vision_told_before():
    from digest.summarise.shape import unintroduced
    assert unintroduced("To expand its efforts to achieve that vision, Velmora has launched a new kit.")
    assert unintroduced("Velmora is part of that plan.")
    assert not unintroduced("The council said that plan would cost more than expected.")


def test_a_footnote_mark_after_a_sentence_is_left_out():
    from digest.summarise.shape import tidy
    assert tidy("Access to the site is being restored.* This comes after a court ruling.") == \
        "Access to the site is being restored. This comes after a court ruling."
    assert tidy("The fund grew 5%* in the year.") == "The fund grew 5%* in the year."


def test_a_speaker_label_opens_in_capitals():
    text = ("Velmora health officials traced a strep outbreak to a banquet on Monday, a case report says.\n\n"
            "“Social media let us find the cases within a day,” lead author Dr. Ana Lind, of the Velmora "
            "Department of Health, said in a statement.")
    b = brief(text, title="Banquet outbreak traced through social media")
    assert [q.speaker for q in b.who_said_what] == ["Lead author Dr. Ana Lind of the Velmora Department of Health"]


def test_a_next_step_opening_on_a_surname_names_the_person_in_full_unless_a_block_does():
    text = ("A team led by Velmora astronomer Ana Lind reported on Wednesday that gold forms when two dead stars "
            "collide, in a paper in the Harbour Journal.\n\n"
            "Lind's team used the Velmora telescope, which opened in 2011.\n\n"
            "Among the doubters is astrophysicist Hans-Thomas Berger of the Harbour Institute, who has studied such "
            "collisions since 2010.\n\n"
            "Berger cautioned that the result will need to be confirmed by other observations next year.")
    b = brief(text, title="Gold forms in collisions of dead stars, astronomers say")
    assert b.what_next == ("Hans-Thomas Berger cautioned that the result will need to be confirmed by other "
                           "observations next year.",)
    assert not any("Berger" in s for s in (*b.what_happened, *(q.text for q in b.who_said_what)))
    # named in full above it, the next step is shown as its source has it
    text = text.replace("Among the doubters is astrophysicist Hans-Thomas Berger of the Harbour Institute, who has "
                        "studied such collisions since 2010.",
                        "“It is a big step, but only one,” said astrophysicist Hans-Thomas Berger of the Harbour "
                        "Institute.")
    b = brief(text, title="Gold forms in collisions of dead stars, astronomers say")
    assert [q.speaker for q in b.who_said_what] == ["Hans-Thomas Berger of the Harbour Institute"]
    assert b.what_next == ("Berger cautioned that the result will need to be confirmed by other observations "
                           "next year.",)


def test_words_a_caption_or_poster_carries_are_no_next_step():
    text = ("Ana Lind's party won the Velmora election on Sunday after years in opposition.\n\n"
            "Supporters carried posters of Lind through the capital on Monday.\n\n"
            "The picture's caption reads: There Will Be Change Because All The Army Has Are Guns.")
    b = brief(text, title="Lind's party wins Velmora election")
    assert not any("caption" in s for s in b.what_next)


def test_a_job_with_its_field_before_the_name_is_the_speakers_and_not_the_teams():
    text = ("Team Velmora set a top speed of 44 knots on the bay on Thursday.\n\n"
            "“We knew the boat was fast, but this is more than we hoped,” said Team Velmora wing trimmer Glen Ashby.")
    b = brief(text, title="Team Velmora sets speed record")
    assert [q.speaker for q in b.who_said_what] == ["Team Velmora wing trimmer Glen Ashby"]


def test_a_column_name_opening_the_standfirst_is_left_out_of_the_dek():
    from digest.summarise.dek import standfirst_of
    assert standfirst_of("Heard on the Pitch: Trouble with his back forces Lind to retire from the Velmora "
                         "Open.") == "Trouble with his back forces Lind to retire from the Velmora Open."
    # a speaker before a colon is no column name
    assert standfirst_of("Velmora CEO Ana Lind: We will ship the new phone in March to all customers.") == \
        "Velmora CEO Ana Lind: We will ship the new phone in March to all customers."


def _read(*sentences: str) -> NameBook:
    """A NameBook that has read ``sentences``, one after another."""
    book = NameBook()
    for index, sentence in enumerate(sentences):
        book.read(sentence, index)
    return book


def test_a_surname_a_letter_off_the_one_introduced_is_that_person():
    book = _read("Prosecutor Tim McGinty said he would seek murder charges.",
                 "“This man ran a torture chamber,” Mr McGinity said.")
    assert book.resolve("Mr McGinity", 1) == "Prosecutor Tim McGinty"
    book.read("Tom McGivity, a lawyer, also spoke.", 2)  # two men a letter off: no guess
    assert book.resolve("Mr McGinity", 2) != "Prosecutor Tim McGinty"


def test_a_surname_the_article_capitalises_otherwise_is_the_person_introduced():
    # round 100: "Ben Labolt" introduced, then '..., LaBolt said.': "LaBolt appears without his full name or role"
    book = _read("Obama campaign deputy press secretary Ben Labolt issued a statement.",
                 "“It was a stark contrast,” LaBolt said.")
    assert book.resolve("LaBolt", 1) == "Ben Labolt"
    book.read("Ana LaBOlt, a lawyer, also spoke.", 2)  # two people it could be: no guess
    assert book.resolve("LaBolt", 2) == "LaBolt"
    # and the entry's label carries the role the article gave him
    from digest.summarise.candidates import build_candidates
    from tests.builders import make_entry
    text = ("Obama campaign deputy press secretary Ben Labolt issued a statement on Saturday after the rally.\n\n"
            "“It was a stark contrast with the president who is focused every day on jobs,” LaBolt said.")
    assert [c.statement.speaker for c in build_candidates((make_entry(content=text),)) if c.statement] == [
        "Obama campaign deputy press secretary Ben Labolt"]


def test_a_short_quote_opening_but_that_answers_what_the_brief_does_not_show():
    text = ("Velmora's power plants cut their emissions by a fifth last year, a report by the Harbour Group said on "
            "Monday.\n\n"
            "Replacing coal with gas led most of the decline, said Tomas Brandt, a partner at the Harbour Group.\n\n"
            "“But that’s not going to happen on its own,” Brandt said.")
    b = brief(text, title="Velmora power plants cut emissions by a fifth")
    assert not any(q.text.startswith("“But that") for q in b.who_said_what)


def test_a_statement_tied_to_a_sentence_not_shown_gives_way_to_one_that_stands_alone():
    text = ("Velmora's mayor Ana Lind said on Monday she would not run for a third term.\n\n"
            "But in an interview this week, Lind said: “I need to give people a mix of things, and I want to "
            "travel more.”\n\n"
            "The council will choose a date for the election next month.\n\n"
            "“I have been proud to serve this city for eight years and I leave it stronger,” Lind said.")
    b = brief(text, title="Velmora mayor will not seek third term")
    assert [q.text[:12] for q in b.who_said_what] == ["“I have been"]


# Found in a second snapshot of 40 briefs at f5253f7 (bench/editor_grades.md, round 31) ----------


def test_a_guess_or_uncredited_first_person_words_are_no_next_step():
    text = ("Velmora's energy department refused on Tuesday to name the staff who worked on climate policy.\n\n"
            "The department's spokesman Tomas Lind confirmed the refusal in an email.\n\n"
            "We are going to respect the independence of our employees at our labs, and we will protect them.\n\n"
            "Perhaps the new team will do nothing.")
    b = brief(text, title="Energy department refuses to name climate staff")
    assert b.what_next == ()


def test_a_writers_personal_aside_is_no_next_step():
    text = ("Velmora Games will open the fourth season of its racing game on August 28, the studio said on "
            "Monday.\n\n"
            "Personally, the new car is not to my liking, but it will be nice to make yet another preset.")
    b = brief(text, title="Racing game's fourth season opens August 28")
    assert not any(s.startswith("Personally") for s in b.what_next)


def test_openers_that_lean_on_a_sentence_not_shown():
    assert leans_back("Now it hopes to create a game which will be fun to play.")
    assert leans_back("The admission was contained in the foundation's tax filings for 2015.")
    assert not leans_back("The admission of Orla to the league was approved on Monday.")
    from digest.summarise.shape import unintroduced
    assert unintroduced("Tomas Lind has said that more than once.")


def test_a_small_word_typed_twice_is_shown_once():
    from digest.summarise.shape import tidy
    assert tidy("Now the charity plans a game which will will be fun to play.") == \
        "Now the charity plans a game which will be fun to play."
    assert tidy("She had had enough of the delays.") == "She had had enough of the delays."


def test_declining_to_comment_is_no_statement():
    text = ("Velmora Eats will close its office in Harbour City, cutting 280 jobs, the company said on Monday.\n\n"
            "The country manager declined an interview request, Ritzau writes.\n\n"
            "“We are sad to say goodbye to so many colleagues,” said chief executive Ana Lind.")
    b = brief(text, title="Velmora Eats to close Harbour City office")
    assert [q.speaker for q in b.who_said_what] == ["Chief executive Ana Lind"]


def test_a_body_shown_by_its_acronym_is_named_as_the_article_spelled_it_out():
    text = ("The Velmora Police Department (VPD) closed Dresden Drive on Monday after a gas leak.\n\n"
            "“Residents should avoid the area until the leak is fixed,” VPD said in a statement.")
    b = brief(text, title="Gas leak closes Dresden Drive")
    assert [q.speaker for q in b.who_said_what] == ["Velmora Police Department"]


def test_also_before_a_role_is_left_out():
    assert roles_in("Michael Holm, also the former head of the Velmora Security Agency, said he was aware.") == [
        ("Michael Holm", "Michael Holm, the former head of the Velmora Security Agency")]


def test_a_quote_opening_and_weighs_less_than_one_standing_alone():
    text = ("Velmora chemists said on Monday they had made a gold foil that stretches like rubber.\n\n"
            "“And when you release the stress, they pretty much come back to where they were,” said chemist "
            "Ana Lind.\n\n"
            "The team will test the material in implants next year.\n\n"
            "“We can pull it to four times its length and it still carries a current,” Lind said.")
    b = brief(text, title="Velmora chemists make stretchy gold")
    assert [q.text[:9] for q in b.who_said_what] == ["“We can p"]


def test_an_acronym_stays_when_the_body_spelled_out_could_pass_for_a_persons_name():
    book = NameBook()
    for index, sentence in enumerate(["The campaign is run by Citizens for Velmora (CFV), a lobby group.",
                                      "“We will fight the tax,” CFV said."]):
        book.read(sentence, index)
    assert book.resolve("CFV", 1) == "CFV"



# The review of this session's rules (/work/grading is outside the repo; findings restated here) ------


def test_in_response_to_a_thing_the_report_never_told_still_leans_back():
    text = ("The Velmora city council approved a $2 billion budget on Tuesday after a year of talks.\n\n"
            "Mayor Tom Hale had earlier struck down a separate plan to charge for parking downtown.\n\n"
            "In response to the veto, council members will vote on an override next Tuesday.")
    b = brief(text, title="Velmora council approves $2 billion budget")
    assert not any(s.startswith("In response") for s in b.what_next)


def test_a_field_word_is_never_a_subordinator():
    from digest.summarise.attribution import attribute
    assert attribute("“We played badly,” said Tom Hale after coach Jo Bran left the room.") == ("Tom Hale", True)
    assert attribute("“It was a sad day,” said Ana Ruiz while mayor Jo Bran looked on.")[0] == "Ana Ruiz"


def test_a_bare_surname_a_letter_off_is_someone_else():
    book = NameBook()
    for index, sentence in enumerate(["Coach Mark Hansen praised his defence after the match.",
                                      "Hanson scored twice in the second half to settle the tie.",
                                      "“It was the best game of my life,” Hanson said."]):
        book.read(sentence, index)
    assert book.resolve("Hanson", 2) == "Hanson"


def test_a_surname_two_people_share_gives_neither_a_role():
    text = ("Tom Bran and his daughter Ana Bran were rescued from their roof on Monday as the river rose.\n\n"
            "Bran, a nurse at the county hospital, went back to work the next morning.\n\n"
            "“The water came up through the floorboards in minutes,” Tom Bran said.")
    b = brief(text, title="Father and daughter rescued from roof")
    assert [q.speaker for q in b.who_said_what] == ["Tom Bran"]


def test_the_next_person_in_a_list_is_no_role():
    assert roles_in("Speakers were Ana Ruiz, Chief Constable Tom Hale of Velmora Police, and the mayor.") == []
    assert all(name != "Ana Ruiz" for name, _ in roles_in(
        "The panel included Ana Ruiz, Professor Tom Hale of Dorvel University, and Jo Bran."))


def test_a_body_before_a_job_never_takes_in_a_person_or_a_date():
    assert roles_in("Mayor Ana Ruiz and Parks and Recreation director Tom Hale said the pool would reopen.") == [
        ("Tom Hale", "Tom Hale")]
    assert roles_in("On Monday Tarrow Board of Health spokeswoman Ana Ruiz said it was safe.") == [
        ("Ana Ruiz", "Tarrow Board of Health spokeswoman Ana Ruiz")]


def test_a_speakers_label_before_a_colon_stays_in_the_standfirst():
    from digest.summarise.dek import standfirst_of
    for text in ("Mayor of Velmora: We will rebuild every home destroyed by the flood within two years.",
                 "Chief of Police: Crime in Tarrow has fallen to its lowest level in twenty years.",
                 "Ana Ruiz on Dorvel: Our troops will stay until the border is secure."):
        assert standfirst_of(text) == text


def test_a_place_after_a_name_is_no_person_with_a_role():
    assert roles_in("Ana Ruiz, 41, of Lake Dorvel, a nurse at the county hospital, said the ward was full.") == []
    assert all(name != "Marlow Queen" for name, _ in roles_in(
        "Ana Ruiz, who was rescued from the Marlow Queen, a ferry whose captain had fled, said it was cold."))


def test_a_surname_two_people_share_is_not_named_in_full():
    text = ("A Velmora court on Monday convicted a former care-home manager of defrauding 200 pensioners of $4 million.\n\n"
            "Tom Hale, the manager's husband, was cleared of all charges at a separate trial last year.\n\n"
            "Ana Hale took the money over six years, prosecutors said.\n\n"
            "Hale will be sentenced on June 3.")
    b = brief(text, title="Care-home manager convicted of defrauding pensioners")
    assert all(not s.startswith(("Tom Hale", "Ana Hale")) for s in b.what_next)


def test_a_possessive_still_introduces_the_person():
    book = NameBook()
    for index, sentence in enumerate(["Senator Ana Ruiz's campaign raised $2 million in March.",
                                      "“We are thrilled by the support,” Ruiz said on Tuesday."]):
        book.read(sentence, index)
    assert book.resolve("Ruiz", 1) == "Senator Ana Ruiz"


def test_clauses_of_what_someone_did_are_no_roles():
    for text in ("Tom Reyes, caught off guard by the vote, said it was wrong.",
                 "Maria Lopez, rescued by the Coast Guard on Tuesday, said she was cold.",
                 "Dana Whit, pushing for cleaner air in Marlow, said the plan was weak.",
                 "Lena Ortiz, working to marshal support for the bill, said it would pass.",
                 "Ana Ruiz, who served as the model for the statue, said she was moved."):
        assert roles_in(text) == [], text
    assert roles_in("Ana Lind, acting director of the agency, said so.") == [
        ("Ana Lind", "Ana Lind, acting director of the agency")]


def test_a_unit_or_a_place_by_its_acronym_is_no_affiliation():
    assert roles_in("Tom Hale at the ICU said he heard a bang.") == []
    assert roles_in("Ana Ruiz of Tarrow NSW said it was hot.") == []


def test_a_long_quote_with_a_curly_apostrophe_after_but_is_substantive():
    from digest.summarise.voices import _POINTS_BACK
    back = _POINTS_BACK.match("“But they haven’t paid a single cent to the 40 families who lost their homes in the "
                              "fire,” Ruiz said.")
    assert back is not None and len(back.group("rest").split()) == 16


def test_a_role_telling_a_moment_does_not_cross_to_another_report():
    post = make_entry(uid="p", feed="Velmora Post", title="Residents protest plant", summary="",
                      content="Hundreds of residents protested the Marlow power plant on Monday.\n\n"
                              "Dana Whit, caught off guard by the size of the crowd, addressed the meeting.")
    times = make_entry(uid="t", feed="Velmora Times", title="Marlow residents protest plant", summary="",
                       content="Residents of Marlow protested on Monday against the power plant.\n\n"
                               "“We want the plant closed by the end of the year,” Dana Whit said.")
    b = get_summariser("extractive").summarise(RankedStory(Story("s", (post, times)), rank=1, score=1.0, why="t"))
    assert [q.speaker for q in b.who_said_what] == ["Dana Whit"]


def test_a_sign_with_a_date_is_a_next_step_a_caption_read_out_is_not():
    text = ("A fire gutted the Dorvel Street bakery on Saturday night, the fire service said.\n\n"
            "No one was hurt, and the cause is being investigated.\n\n"
            "A handwritten sign says the bakery will reopen in a temporary shop on Monday.")
    b = brief(text, title="Fire guts Dorvel Street bakery")
    assert b.what_next == ("A handwritten sign says the bakery will reopen in a temporary shop on Monday.",)


def test_a_repeated_word_that_is_english_stays():
    from digest.summarise.shape import tidy
    assert tidy("“What it is is a scam,” he said.") == "“What it is is a scam,” he said."
    assert tidy("The senator voted for for-profit colleges.") == "The senator voted for for-profit colleges."


def test_a_spelled_out_body_starts_at_its_name():
    book = NameBook()
    for index, sentence in enumerate(["In March the Tarrow Water Board (TWB) raised prices.",
                                      "“Prices will rise again,” TWB said."]):
        book.read(sentence, index)
    assert book.resolve("TWB", 1) == "Tarrow Water Board"


def test_in_that_meaning_because_and_a_goal_told_in_the_sentence_are_introduced():
    from digest.summarise.shape import unintroduced
    assert not unintroduced("The law is unusual in that policy holders can cancel at any time.")
    assert not unintroduced("The company set a goal of net zero by 2040 and said it was on track to reach that goal.")


def test_where_someone_works_or_worked_is_their_role():
    assert roles_in("Philip Holm, who formerly worked in the Velmora tax office and now teaches at Harbour "
                    "University, said he wanted to know.") == [
        ("Philip Holm", "Philip Holm, who formerly worked in the Velmora tax office and now teaches at Harbour "
                        "University")]
    assert roles_in("Ana Lind, who worked in her garden all day, said so.") == []


# A second review, of the narrowing (d3c9465) and c8da3cc -------------------------------------------


def test_a_field_word_may_end_in_ly_and_no_preposition_is_one():
    from digest.summarise.attribution import attribute
    assert attribute("“She was the best,” said Velmora family doctor Ana Ruiz.") == ("Ana Ruiz", True)
    assert attribute("“He was the best,” said Tom Hale about coach Jo Bran.") == ("Tom Hale", True)


def test_a_person_before_and_is_no_part_of_a_body_before_a_job():
    assert roles_in("Ana Ruiz and Department of Health spokesman Tom Hale said the water was safe.") == [
        ("Tom Hale", "Tom Hale")]


def test_a_surname_a_letter_off_of_the_other_sex_is_someone_else():
    book = NameBook()
    for index, sentence in enumerate(["Ana Jansson, 34, was charged with assault on Monday.",
                                      "“I was scared,” Mr Janson said."]):
        book.read(sentence, index)
    assert book.resolve("Mr Janson", 1) == "Mr Janson"


def test_roles_opening_on_a_participle_adjective_stay():
    for role in ("visiting professor at Dorvel University", "leading expert on tides at Harbour University",
                 "registered nurse at the county hospital", "contributing editor at the Velmora Review"):
        assert roles_in(f"Ana Ruiz, {role}, said so.") == [("Ana Ruiz", f"Ana Ruiz, {role}")], role


def test_a_title_before_a_surname_is_no_second_given_name():
    from digest.summarise.happened import full_names
    text = ("Dr Ana Lind led the study, published on Monday.\n\n"
            "Dr Lind said the result will need to be checked next year.")
    entry = make_entry(content=text, summary="", title="Study")
    from digest.summarise.candidates import build_candidates, read_entries
    assert full_names(build_candidates(read_entries((entry,)), reports={id(entry)}))["Lind"] == "Dr Ana Lind"


def test_a_workplace_not_a_place_or_a_time_is_where_someone_works():
    assert roles_in("Ana Ruiz, who now works in Tarrow, said so.") == []
    assert roles_in("Ana Ruiz, who worked at Christmas, said so.") == []


def test_a_persons_label_before_a_colon_stays_even_without_we():
    from digest.summarise.dek import standfirst_of
    text = "Ana Ruiz on Dorvel: The troops will stay until the border is secure, she says."
    assert standfirst_of(text) == text


def test_what_happened_opens_on_the_lead_of_the_story_the_titles_share_not_a_side_item():
    fox = make_entry(uid="f", feed="Velmora Wire", title="Harbour Day brings out supporters, protesters", summary="",
                     content="It used to be that a fish supper just meant you were hungry.\n\n"
                             "At Harbour Grill shops across the country, people came out today to back the chain.")
    post = make_entry(uid="p", feed="Velmora Post", title="Ana Lind visits Harbour Grill: MP shows support for chain",
                      summary="",
                      content="MP Ana Lind showed her support for Harbour Grill on Wednesday when she posted a photo of "
                              "herself visiting one of its shops.\n\n“Have you gone today?” Lind asked her followers.")
    times = make_entry(uid="t", feed="Velmora Times", title="Harbour Grill draws huge crowds for Harbour Day", summary="",
                       content="Thousands of people across the country headed to Harbour Grill shops on Wednesday, "
                               "answering a call from a former minister to back the chain after its owner's remarks.\n\n"
                               "Long lines were seen outside Harbour Grill shops nationwide.")
    b = get_summariser("extractive").summarise(RankedStory(Story("s", (fox, post, times)), rank=1, score=1.0, why="t"))
    assert b.what_happened[0].startswith("Thousands of people across the country")
