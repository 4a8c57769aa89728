"""Role shapes editors graded missing in round 44's briefs (digest/summarise/moreroles.py); each test
failed before its shape was read."""

from __future__ import annotations

from digest.summarise.moreroles import more_roles, titled_roles
from digest.summarise.roles import PERSON, roles_in
from tests.test_summarise_editor_r34 import brief


def shown_for(name: str, prose: str) -> list[str]:
    return [shown for n, shown in roles_in(prose) if n == name]


def test_a_title_running_on_to_the_speech_verb_without_a_comma():
    prose = ("Despite the concern, Eva Lind, Director of Public Affairs at Velmora State Division of Harbours told "
             "reporters the plane was on a training flight.")
    assert shown_for("Eva Lind", prose)[0] == "Eva Lind, Director of Public Affairs at Velmora State Division of Harbours"
    # no speech verb after it: where the title ends, this shape cannot tell
    assert more_roles("Eva Lind, Director of Public Affairs at Velmora State Division of Harbours left early.", PERSON) == []


def test_a_job_after_an_institution_named_with_at_is_shown_after_the_name():
    prose = ("In a paper published on Monday, Tide Institute of Oceanography at the University of Velmora scientist "
             "Aron Holm wrote that the whales' whistles could warn fishermen.")
    assert shown_for("Aron Holm", prose)[0] == "Aron Holm, a scientist at Tide Institute of Oceanography at the University of Velmora"
    # an institution with no "at" is read before the name, as it was
    assert shown_for("Aron Holm", "Velmora Harbour Authority engineer Aron Holm said the wall would hold.")[0] == (
        "Velmora Harbour Authority engineer Aron Holm")


def test_a_company_chief_before_the_name_in_any_sentence():
    prose = "At a demonstration at the home of Velmora Telecom CIO Lena Marsh, executives showed off the new app."
    assert shown_for("Lena Marsh", prose) == ["Velmora Telecom CIO Lena Marsh"]


def test_what_someone_named_before_is_with_commas_inside_the_role():
    text = ("Neha Varga, who spearheaded the research at the university said that yoga helped the students focus.\n\n"
            "Varga is a kinesiology, health and sport studies professor at the Velmora State University in Carlow.\n\n"
            "“The students were sharper after twenty minutes of yoga than after a run,” Varga said.")
    b = brief(text, title="Twenty minutes of yoga sharpens the mind, Velmora study finds")
    speakers = [q.speaker for q in b.who_said_what]
    assert ("Neha Varga, a kinesiology, health and sport studies professor at the Velmora State University in Carlow"
            in speakers)
    # a verdict or a clause is no role: "is a name to watch at ..." carries no job
    assert shown_for("Varga", "Varga is a name, surely, to watch at the Velmora State University.") == []


def test_the_review_s_cases_give_no_wrong_role():
    # (REVIEW45) a clause, a speech verb or someone else's job after "is a": none
    assert shown_for("Lind", "Lind is a mother of two, the director of Velmora Hospital said.") == []
    assert shown_for("Lind", "Lind is a tough, fair and the most respected judge at the Velmora High Court.") == []
    assert shown_for("Velmora", "Velmora is a small, mountainous country and a member of the European Union.") == []
    # the next person's title and name are no body's name
    assert more_roles("After meeting Mayor Ana Lind, Director of Public Works Tom Hale said the road was rebuilt.", PERSON) == []
    assert all("said" not in shown for _, shown in roles_in(
        "After meeting Mayor Ana Lind, Director of Public Works Tom Hale said the road was rebuilt."))
    # a day, an opener or "then-" is no part of a company's name
    assert shown_for("Ana Lind", "On Monday Velmora Telecom CEO Ana Lind called the decision a blow.") == [
        "Velmora Telecom CEO Ana Lind"]
    assert shown_for("Ana Lind", "Yesterday Estrava CEO Ana Lind told staff she would leave.") == ["Estrava CEO Ana Lind"]
    assert more_roles("The deal was struck by then-Velmora Telecom CEO Ana Lind last year.", PERSON) == []
    # no institution before "at": the role read before the name stands
    assert shown_for("Ana Lind", "Yesterday at the Velmora Forum economist Ana Lind said it.") == [
        "Velmora Forum economist Ana Lind"]
    # an opener is no part of the name
    assert [n for n, _ in more_roles("But Ana Lind, Director of Public Affairs at Velmora Ports Authority told reporters "
                                     "the ship was safe.", PERSON)] == ["Ana Lind"]


def test_a_quotation_credited_with_the_role_the_label_shows_is_shown_alone():
    # editors graded the name and role given twice, in the label and after the quotation, a fault (rounds 45-46)
    text = ("Heavy rain fell across the whole of Velmora on Monday as a storm passed far off the coast.\n\n"
            "“The rain covers most of the peninsula even though the centre of the storm is far off shore,” said Ana "
            "Lind, a meteorologist at the Velmora Weather Service.\n\n"
            "“We have not seen rain like this in a decade,” said Tom Hale, a farmer near Carlow, in a call on Monday.")
    b = brief(text, title="Storm brings heavy rain to Velmora")
    by = {q.speaker: q.text for q in b.who_said_what}
    assert by["Ana Lind, a meteorologist at the Velmora Weather Service"] == (
        "“The rain covers most of the peninsula even though the centre of the storm is far off shore.”")
    # a credit that tells more than the label (when, where) stays whole
    assert by["Tom Hale, a farmer near Carlow"].endswith("said Tom Hale, a farmer near Carlow, in a call on Monday.")


def test_a_quoted_title_before_the_job_is_part_of_the_role():
    # round 48's reviewers: "Creator" and "Actress" alone ("of what?") for "“Fleabag” creator Phoebe Waller-Bridge"
    assert titled_roles("Moments earlier, “Harbour Lights” creator Lena Marsh accepted the award.", PERSON) == [
        ("Lena Marsh", "“Harbour Lights” creator Lena Marsh")]
    # a quotation ending in its own punctuation is someone's words, not a title
    assert titled_roles("“We are done,” coach Ana Lind said on Monday.", PERSON) == []
    # in a brief: the label carries the title
    text = ("“Harbour Lights” won the award for best comedy at the Velmora Globes on Sunday night.\n\n"
            "Moments earlier, “Harbour Lights” creator Lena Marsh accepted the award for best comedy actress.\n\n"
            "“Winning the comedy award is the best thing that has happened to our small team of writers,” Marsh told "
            "reporters after the ceremony on Sunday.")
    b = brief(text, title="“Harbour Lights” wins best comedy at the Velmora Globes")
    assert [q.speaker for q in b.who_said_what] == ["“Harbour Lights” creator Lena Marsh"]
