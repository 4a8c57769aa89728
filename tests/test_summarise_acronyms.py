"""A speaker's acronym spelled out as the outlet's article spells it (digest/summarise/acronyms.py), and shown so in
the email (digest/render/quoteview.py)."""

from __future__ import annotations

from datetime import UTC, datetime

from digest.model import Entry, Quote, RankedStory, Story
from digest.render.quoteview import quote_view
from digest.summarise.acronyms import spelled_out
from digest.summarise.briefs import summarise_story


def entry(feed: str, text: str) -> Entry:
    return Entry(uid=feed, feed=feed, feed_url=f"https://{len(feed)}.example/rss", title="Salon bars men after incident",
                 link=f"https://{len(feed)}.example/a", summary="", content=text,
                 published=datetime(2026, 11, 22, 8, tzinfo=UTC))


def spelled(speaker: str, text: str, *, outlet: str = "Desk") -> str:
    quote = Quote(speaker=speaker, text="They said so.", source="Desk")
    return spelled_out([quote], [entry(outlet, text)])[0].speaker


def test_an_acronym_the_article_gives_by_its_capitals_is_spelled_out() -> None:
    text = "A reporter called the Harris County Sheriff's Office asking questions. HCSO said a report should be taken."
    assert spelled("HCSO", text) == "Harris County Sheriff's Office (HCSO)"


def test_an_acronym_the_article_gives_in_brackets_is_spelled_out_in_the_role() -> None:
    text = "Scientists worked with designers Shark Attack Mitigation Systems (SAMS) on two new wetsuits."
    assert spelled("Hamish Jolly from SAMS", text) == "Hamish Jolly from Shark Attack Mitigation Systems (SAMS)"


def test_an_acronym_after_a_preposition_takes_the_article_the_text_gives_its_name() -> None:
    text = "Researchers from the University of Western Australia (UWA) tested the suits in the water off Perth."
    assert spelled("Di Li, the chief scientist of UWA", text) == \
        "Di Li, the chief scientist of the University of Western Australia (UWA)"
    # a possessive is left: the email could not find "UWA's" in the sentence again
    assert spelled("Prof Shaun Collin from UWA's Ocean Institute", text) == "Prof Shaun Collin from UWA's Ocean Institute"
    # in brackets, the name need not be the acronym's capitals one for one
    assert spelled("Samantha Joye, a marine biologist at UGA", "Researchers at the University of Georgia (UGA) said so.") \
        == "Samantha Joye, a marine biologist at the University of Georgia (UGA)"
    text = "The Five-hundred-meter Aperture Spherical Radio Telescope (FAST) in China found pulsars."
    assert spelled("Di Li, the chief scientist of FAST", text) == \
        "Di Li, the chief scientist of the Five-hundred-meter Aperture Spherical Radio Telescope (FAST)"


def test_an_acronym_the_article_never_spells_out_or_every_reader_knows_stays() -> None:
    assert spelled("MK Robert Ilatov", "Robert Ilatov of Yisrael Beytenu spoke in the Knesset on Monday.") == \
        "MK Robert Ilatov"
    assert spelled("FBI agent Tom Reyes", "The Federal Bureau of Investigation (FBI) opened a case.") == \
        "FBI agent Tom Reyes"
    # the capitals of a name that is not the acronym's do not spell it ("Harris County Office" is HCO)
    assert spelled("HCSO", "The Harris County Office said so.") == "HCSO"
    assert spelled("HCSO", "The Harris County Sheriff Services Office said so.") == "HCSO"  # its capitals are HCSSO


def test_only_the_quotes_own_outlet_spells_it_out() -> None:
    text = "Scientists worked with designers Shark Attack Mitigation Systems (SAMS) on two new wetsuits."
    assert spelled("Hamish Jolly from SAMS", text, outlet="Another Outlet") == "Hamish Jolly from SAMS"


def test_the_email_shows_the_acronym_spelled_out_where_the_sentence_names_the_speaker() -> None:
    view = quote_view(Quote(speaker="Harris County Sheriff's Office (HCSO)",
                            text="HCSO said a report should have been taken.", source="ABC13"))
    assert (view.before, view.name, view.after) == ("", "Harris County Sheriff's Office (HCSO)",
                                                    " said a report should have been taken.")
    view = quote_view(Quote(speaker="Shark Attack Mitigation Systems (SAMS)",
                            text="According to SAMS, the suits reduce the risk.", source="Desk"))
    assert (view.before, view.name) == ("According to ", "Shark Attack Mitigation Systems (SAMS)")
    view = quote_view(Quote(speaker="National Oceanic and Atmospheric Administration (NOAA) head Jane Lubchenco",
                            text='"Half the oil is gone," said NOAA head Jane Lubchenco at a briefing.', source="Desk"))
    assert view.name == "National Oceanic and Atmospheric Administration (NOAA) head Jane Lubchenco"
    assert view.after == " at a briefing."
    view = quote_view(Quote(speaker="The Federal Open Market Committee (FOMC)",
                            text="The FOMC notes the moderation in inflation.", source="Desk"))
    assert view.before + view.name == "The Federal Open Market Committee (FOMC)"


def test_a_brief_spells_out_its_speakers_acronym() -> None:
    text = ("A Houston-area salon chain barred men from all of its 25 locations on Wednesday after a man exposed "
            "himself in one of its waiting rooms on Tuesday, the owner said.\n\n"
            "A reporter called the Harris County Sheriff's Office asking questions about the incident.\n\n"
            "HCSO said a report should have been taken.")
    brief = summarise_story(RankedStory(Story("s1", (entry("ABC13", text),)), rank=1, score=1.0, why="test"))
    assert [q.speaker for q in brief.who_said_what] == ["Harris County Sheriff's Office (HCSO)"]


# Review 67: cases a code review found wrong, each mended.

def test_a_persons_name_is_never_taken_for_an_acronym() -> None:
    assert spelled("VP Kamala Harris", "Vladimir Putin's envoy met the VP on Monday.") == "VP Kamala Harris"
    assert spelled("MK Yoav Kisch", "Finance Minister Moshe Kahlon and MK Yoav Kisch spoke.") == "MK Yoav Kisch"
    # by its capitals alone, only a body's name the text also uses the acronym with
    assert spelled("XVI", "Pope Benedict XVI met the Xavier Valdes Institute.") == "XVI"
    assert spelled("DMV", "The Department of Motor Vehicles (DMV) said so.") == "Department of Motor Vehicles (DMV)"
    assert spelled("HCSO", "A reporter called the Harris County Sheriff's Office on Monday.") == "HCSO"


def test_the_bracketed_name_is_the_shortest_run_that_spells_it() -> None:
    text = "Chief executive Colin Cole of the Civil Aviation Authority (CAA) said flights would resume."
    assert spelled("CAA spokesman Tom Reyes", text) == "Civil Aviation Authority (CAA) spokesman Tom Reyes"


def test_an_article_before_the_acronym_agrees_with_the_name() -> None:
    text = "The Harris County Sheriff's Office (HCSO) sent a deputy."
    assert spelled("an HCSO deputy, Tom Reyes", text) == "a Harris County Sheriff's Office (HCSO) deputy, Tom Reyes"


def test_a_label_spelled_out_already_or_in_brackets_is_left() -> None:
    text = "The Harris County Sheriff's Office (HCSO) sent a deputy."
    assert spelled("Harris County Sheriff's Office (HCSO)", text) == "Harris County Sheriff's Office (HCSO)"
    assert spelled("Angela Merkel (HCSO)", text) == "Angela Merkel (HCSO)"


def test_the_email_names_the_speaker_once() -> None:
    view = quote_view(Quote(speaker="Hamish Jolly of Shark Attack Mitigation Systems (SAMS)",
                            text='"The suits work," said Hamish Jolly.', source="Desk"))
    assert (view.before, view.name, view.after) == ('"The suits work," said ',
                                                    "Hamish Jolly of Shark Attack Mitigation Systems (SAMS)", ".")
    # the sentence spells it out itself: shown as the sentence has it
    text = "The Harris County Sheriff's Office (HCSO) said a report should have been taken."
    view = quote_view(Quote(speaker="Harris County Sheriff's Office (HCSO)", text=text, source="Desk"))
    assert view.before + view.name + view.after == text
    # brackets of the label's own are no acronym spelled out
    view = quote_view(Quote(speaker="Sen. John Marty (DFL)", text='"No," said Sen. John Marty (DFL).', source="Desk"))
    assert view.before + view.name + view.after == '"No," said Sen. John Marty (DFL).'


def test_a_role_set_after_the_name_shows_the_acronym_spelled_out() -> None:
    view = quote_view(Quote(speaker="Di Li, the chief scientist of the University of Western Australia (UWA)",
                            text='"It works," said Di Li.', source="Desk"))
    assert view.name == "Di Li"
    assert view.after == ", the chief scientist of the University of Western Australia (UWA)."
