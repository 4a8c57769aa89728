"""How a Who said what entry reads: the speaker bold where the sentence names them, the label's role beside a
bare name, never the label and then the sentence naming them again (editor round 59)."""

from __future__ import annotations

import pytest

from digest.model import Quote
from digest.render.quoteview import quote_view


def shown(speaker: str, text: str) -> str:
    view = quote_view(Quote(speaker=speaker, text=text, source="Example Times"))
    return f"{view.before}**{view.name}**{view.after}"


@pytest.mark.parametrize("speaker,text,expected", [
    # a surname, bare before the verb of saying: the speaker as the label gives them, in its place
    ("Republican presidential candidate Mitt Romney", "“It is my view,” Romney told reporters in Oklahoma.",
     "“It is my view,” **Republican presidential candidate Mitt Romney** told reporters in Oklahoma."),
    # with the title the sentence gives it
    ("Sen. Rand Paul, R-Ky.", "“No,” Mr. Paul said.", "“No,” **Sen. Rand Paul**, R-Ky., said."),
    # a body by its first word
    ("Massy Stores", "Massy said the data was safe.", "**Massy Stores** said the data was safe."),
    # the sentence tells who they are itself: its own words stay, the name bold
    ("Radio host Laura Ingraham", "Laura Ingraham, one of the few conservatives to back him, said it was a rout.",
     "**Laura Ingraham**, one of the few conservatives to back him, said it was a rout."),
    ("FBI assistant director Richard McFeely", "“We are upping the game,” the FBI's assistant director, Richard McFeely, said.",
     "“We are upping the game,” the FBI's assistant director, **Richard McFeely**, said."),
    ("Samantha Burgess of the Copernicus Climate Change Service",
     "From the Copernicus Climate Change Service, Samantha Burgess confirms the record.",
     "From the Copernicus Climate Change Service, **Samantha Burgess** confirms the record."),
    ("Dr Lucy Raymond from the department of medical genetics",
     "Dr Lucy Raymond, from the department of medical genetics, said the group had shown it.",
     "**Dr Lucy Raymond**, from the department of medical genetics, said the group had shown it."),
    # by surname in its own words: the name in full
    ("Wayne King, the congressman's deputy chief of staff", "“I heard late Tuesday,” said King, who resigned on Dec. 20.",
     "“I heard late Tuesday,” said **Wayne King**, who resigned on Dec. 20."),
    # the sentence does not name them: the label leads
    ("Treasury Secretary Jacob Lew", "“Today's ruling provides certainty.”",
     "**Treasury Secretary Jacob Lew**: “Today's ruling provides certainty.”"),
])
def test_the_speaker_is_named_once_with_the_role(speaker, text, expected):
    assert shown(speaker, text) == expected


def test_a_name_inside_another_word_is_not_the_speaker():
    assert shown("Dan Lew", "The Lewis family said it was fair.") == "**Dan Lew**: The Lewis family said it was fair."
    assert shown("Dan Lew", "Dan Smith said it was fair.") == "**Dan Lew**: Dan Smith said it was fair."
