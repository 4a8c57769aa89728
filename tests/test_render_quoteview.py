"""How a Who said what entry reads: the speaker bold where the sentence names them, the label's role beside a
bare name, never the label and then the sentence naming them again (editor round 59)."""

from __future__ import annotations

import pytest

from digest.model import Quote
from digest.render.quoteview import quote_view


def shown(speaker: str, text: str) -> str:
    view = quote_view(Quote(speaker=speaker, text=text, source="Example Times"))
    return f"{view.before}**{view.name}**{view.after}"


def leading(label: str) -> str:
    """A label leading the words as shown: the name bold, its role after it in plain type."""
    name, comma, role = label.partition(", ")
    return f"**{name}**, {role}" if comma else f"**{name}**"


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
    # by surname, then a clause telling what they did, not who they are: the name in full and the label's role
    # before the clause (round 89's reviewer: "the role as the article gives it is replaced by a clause")
    ("Wayne King, the congressman's deputy chief of staff", "“I heard late Tuesday,” said King, who resigned on Dec. 20.",
     "“I heard late Tuesday,” said **Wayne King**, the congressman's deputy chief of staff, who resigned on Dec. 20."),
    # the role up to a clause of its own
    ("Lisa Magrin, a 46-year-old math teacher who lives in Ohio", "“It hurts,” said Magrin, whose phone logged her visits.",
     "“It hurts,” said **Lisa Magrin**, a 46-year-old math teacher, whose phone logged her visits."),
    # no role to give, a role that is all clause, or one that leans on a person the entry does not name: the clause alone
    ("Ahmed Mari", "“I have never seen this,” said Mari, who lives in Maiduguri.",
     "“I have never seen this,” said **Ahmed Mari**, who lives in Maiduguri."),
    ("Dee Dee Myers, who was head of communications", "“I will rest,” said Myers, who left on Friday.",
     "“I will rest,” said **Dee Dee Myers**, who left on Friday."),
    ("Mekhi Lee, their Haitian-born mother", "“He was kind,” said Lee, who found him.",
     "“He was kind,” said **Mekhi Lee**, who found him."),
    # review 97: a clause giving a role of its own, or naming the role's words; a role cut on a preposition or leaning
    # on "that agency"; a bare title or an outlet's name: the clause alone
    ("Wayne King, the president of the union", "“No,” said King, who is the union's president.",
     "“No,” said **Wayne King**, who is the union's president."),
    ("Wayne King, the deputy chief of staff", "“No,” said King, who was deputy chief of staff until December.",
     "“No,” said **Wayne King**, who was deputy chief of staff until December."),
    ("Ann Lee, the union’s president", "“No,” said Lee, who leads the union.", "“No,” said **Ann Lee**, who leads the union."),
    ("Mary Jones, a spokeswoman for that agency", "“No,” said Jones, who declined to comment further.",
     "“No,” said **Mary Jones**, who declined to comment further."),
    ("Mary Jones, a spokeswoman for the agency that regulates banks", "“No,” said Jones, who declined to comment further.",
     "“No,” said **Mary Jones**, a spokeswoman for the agency that regulates banks, who declined to comment further."),
    ("Joe Biden, President", "“No,” said Biden, who spoke in Ohio.", "“No,” said **Joe Biden**, who spoke in Ohio."),
    ("Ahmed Ali, The Associated Press", "“No,” said Ali, who saw the blast.", "“No,” said **Ahmed Ali**, who saw the blast."),
    # a role opening on its noun, as the wires write it
    ("Reince Priebus, chairman of the Republican National Committee", "“We won,” said Priebus, who spoke in Ohio.",
     "“We won,” said **Reince Priebus**, chairman of the Republican National Committee, who spoke in Ohio."),
    # the sentence gives the role itself, or its words just before the name: not twice
    ("Haji Baqi, a villager", "Another villager, Haji Baqi, whose brother was killed, said: “We want justice.”",
     "Another villager, **Haji Baqi**, whose brother was killed, said: “We want justice.”"),
    ("Jane Roe, a nurse", "“It was chaos,” said nurse Roe, who treated the injured.",
     "“It was chaos,” said nurse **Jane Roe**, who treated the injured."),
    # a title or role the sentence gives before the surname is not given twice (review 62)
    ("Prime Minister Boris Johnson", "“We will act,” Prime Minister Johnson said.",
     "“We will act,” Prime **Minister Boris Johnson** said."),
    ("Tim Cook, chief executive of Apple", "“Sales rose,” Apple chief executive Cook said.",
     "“Sales rose,” Apple chief executive **Tim Cook** said."),
    # a surname with a particle, a middle initial, a role ending in a stop, a role word opening the label
    ("Ursula von der Leyen, European Commission president", "“We will act,” von der Leyen said.",
     "“We will act,” **Ursula von der Leyen**, European Commission president, said."),
    ("President Robert L. Barchi", "“I look forward to it,” said Barchi, who took office in 2012.",
     "“I look forward to it,” said **President Robert L. Barchi**, who took office in 2012."),
    ("Sen. Rand Paul, R-Ky.", "“No,” said Mr. Paul.", "“No,” said **Sen. Rand Paul**, R-Ky."),
    ("General surgeon Dr. Michael Rosenberg", "Soza had hepatitis A, Rosenberg said.",
     "Soza had hepatitis A, **general surgeon Dr. Michael Rosenberg** said."),
    ("Bank of England governor Andrew Bailey", "“Rates will rise,” said Andrew Bailey.",
     "“Rates will rise,” said **Bank of England governor Andrew Bailey**."),
    # the sentence does not name them: the label leads
    ("Treasury Secretary Jacob Lew", "“Today's ruling provides certainty.”",
     "**Treasury Secretary Jacob Lew**: “Today's ruling provides certainty.”"),
])
def test_the_speaker_is_named_once_with_the_role(speaker, text, expected):
    assert shown(speaker, text) == expected


@pytest.mark.parametrize("speaker,text", [
    ("Joe Biden, US president", "Hunter Biden said his father was proud."),  # another person, the same surname
    ("Donald Trump", "Ivanka Trump said her father would attend."),
    ("New York Police Department", "“We are investigating,” a spokesman said in New York."),
    ("Andrew Bailey, Bank of England governor", "“Rates will rise,” the Bank said."),
])
def test_a_name_the_sentence_uses_for_something_else_is_not_the_speaker(speaker, text):
    assert shown(speaker, text) == f"{leading(speaker)}: {text}"


@pytest.mark.parametrize("speaker,text,expected", [
    # the name elsewhere in the sentence is not the speaker: the pronoun that credits the words is (round 64)
    ("Nigel Farage, Reform UK leader", "‘Nobody believed in Farage,’ he told supporters.",  # inside a quotation
     "‘Nobody believed in Farage,’ **Nigel Farage**, Reform UK leader, told supporters."),
    ("Theresa May, prime minister", "“We will leave the EU,” she said in May.",  # a word ending the sentence
     "“We will leave the EU,” **Theresa May**, prime minister, said in May."),
    ("Wayne King, deputy chief of staff", "“It was an honour,” he said after meeting the King.",
     "“It was an honour,” **Wayne King**, deputy chief of staff, said after meeting the King."),
    ("Joe Biden", "“We have done more than any,” he said of the Biden administration’s record.",  # in passing
     "“We have done more than any,” **Joe Biden** said of the Biden administration’s record."),
    ("Shannon Cross, an analyst at Cross Research", "“He has functioned well,” she said, adding that Cook is ready.",
     "“He has functioned well,” **Shannon Cross**, an analyst at Cross Research, said, adding that Cook is ready."),
])
def test_a_pronoun_crediting_the_words_shows_the_speaker_in_its_place(speaker, text, expected):
    assert shown(speaker, text) == expected


@pytest.mark.parametrize("speaker,text", [
    ("William Cowan, a Boston lawyer", "Despite her hardships, he said, “My mother told me that days like this were possible.”"),
    ("Ana Ruiz", "“We won,” she said, and “they lost,” he said."),  # two credits: whose is whose
])
def test_a_pronoun_credit_the_entry_cannot_place_keeps_the_label_first(speaker, text):
    assert shown(speaker, text) == f"{leading(speaker)}: {text}"


@pytest.mark.parametrize("speaker,shown_as", [
    # a label shown first reads with its role after the name, never as a title (round 65: "Outgoing senior ...")
    ("Outgoing senior economic adviser Larry Summers", "Larry Summers, outgoing senior economic adviser"),
    ("Senior Nature editor Dr Henry Gee", "Dr Henry Gee, senior Nature editor"),
    ("CBS News medical correspondent Dr. Jon LaPook", "Dr. Jon LaPook, CBS News medical correspondent"),
    ("Outgoing interim CEO Ana Ruiz", "Ana Ruiz, outgoing interim CEO"),  # review 64: "CEO Ana Ruiz, outgoing interim"
    # a capital opening a label may be the label's, or a name's: "Club president", "Obama campaign spokeswoman" stay
    ("Club president Tom Hale", "Club president Tom Hale"),
    ("Obama campaign spokeswoman Lis Smith", "Obama campaign spokeswoman Lis Smith"),
    ("House Speaker John Boehner", "House Speaker John Boehner"),  # a title of capitals stays before the name
    # whose kin, set to open the label (round 75: "The salon namesake's son Usman Hasib")
    ("The salon namesake's son Usman Hasib", "Usman Hasib, the salon namesake's son"),
    ("The Rev. Al Sharpton", "The Rev. Al Sharpton"),
    ("The Weeknd collaborator Ana Ruiz", "The Weeknd collaborator Ana Ruiz"),  # review 77: a name's own "The"
    ("Acting U.S. Attorney for the District of Massachusetts Joshua Levy",
     "Acting U.S. Attorney for the District of Massachusetts Joshua Levy"),  # where the name starts, unclear
])
def test_a_label_shown_first_gives_its_role_after_the_name(speaker, shown_as):
    text = "“The economy will slow next year,” the report said."
    assert shown(speaker, text) == f"{leading(shown_as)}: {text}"


def test_a_name_inside_another_word_is_not_the_speaker():
    assert shown("Dan Lew", "The Lewis family said it was fair.") == "**Dan Lew**: The Lewis family said it was fair."
    assert shown("Dan Lew", "Dan Smith said it was fair.") == "**Dan Lew**: Dan Smith said it was fair."


def test_quotations_in_a_row_under_a_label_read_as_one():
    # rounds 64-66: "one statement shown as two separate quotes", "two quotes jammed together"
    text = "“The plan is sound.” “It will pass next week.”"
    assert shown("Ana Ruiz, mayor", text) == "**Ana Ruiz**, mayor: “The plan is sound. It will pass next week.”"
    # a quotation cut mid-sentence stays as it is
    assert shown("Ana Ruiz, mayor", '"We won," "they lost."') == '**Ana Ruiz**, mayor: "We won," "they lost."'
