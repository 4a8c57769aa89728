"""Roles the article gives that speakers went without, and a next step that named what it answers.

Found by counting the speakers shown bare (name, no role) in the editor packs at b42c5ba: 137 of
them, many with a role right beside the name in the article. Every test failed before its rule.
"""

from __future__ import annotations

from digest.model import RankedStory, Story
from digest.summarise import get_summariser
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
    assert roles_in("Guests included Jon Marr, Velmora CEO Tim Lind and Ana Ruiz.") == []


def test_what_a_person_works_as():
    assert roles_in("Kisha Lind, who works as a cabin cleaner at the airport, said she sleeps there.") == [
        ("Kisha Lind", "Kisha Lind, who works as a cabin cleaner at the airport")]


def test_a_body_named_in_full_before_the_job_is_the_role_unless_its_front_is_cut():
    assert roles_in("“We were told,” Oversight and Harbour Reform Committee spokesman Ali Brandt said.") == [
        ("Ali Brandt", "Oversight and Harbour Reform Committee spokesman Ali Brandt")]
    # "... at the | University of Velmora San Carlo scientist": the institute before it is cut off
    found = roles_in("In a paper, Tide Institute at the University of Velmora San Carlo scientist Aron Holm wrote it.")
    assert [shown for name, shown in found if name == "Aron Holm"] == ["Aron Holm"]


def test_an_institution_known_by_its_acronym_but_not_a_country():
    assert roles_in("Hamish Lind, from SAMS, said the suits could go on sale.") == [
        ("Hamish Lind", "Hamish Lind from SAMS")]
    assert roles_in("Hamish Lind, from UK, said the suits could go on sale.") == []


def test_a_place_clause_after_the_role_is_left_out():
    assert roles_in("“They do not behave well,” said Abdul Nord, an elder from Landy-Orla where the soldiers "
                    "have one of their three bases.") == [("Abdul Nord", "Abdul Nord, an elder from Landy-Orla")]


def test_a_next_step_that_names_what_it_answers_does_not_lean_back():
    assert not leans_back("In response to the positive samples, the county will step up its spraying.")
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
