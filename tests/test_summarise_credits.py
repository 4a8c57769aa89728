"""A statement shown under its label without the credit that names the label's speaker again
(digest/summarise/credits.py): every shape of credit, and the credits that tell more and stay."""

from __future__ import annotations

import pytest

from digest.summarise.credits import uncredited


@pytest.mark.parametrize("text, speaker, shown", [
    # after the quotation: the name with the title or role words before it, an age, a relative clause
    ("“Once the crews arrived, the fire had reached the second floor,” said Fire Department Captain Lea Moss.",
     "Fire Department Captain Lea Moss", "“Once the crews arrived, the fire had reached the second floor.”"),
    ("“The water came up faster than anyone expected,” said Ortiz, 61.", "Harbor resident Ana Ortiz",
     "“The water came up faster than anyone expected.”"),
    ("“The bridge will reopen once the cracks are mapped,” said Tom Hale who is the county engineer.",
     "Tom Hale, the county engineer", "“The bridge will reopen once the cracks are mapped.”"),
    ("“The budget is balanced for the first time in a decade,” Gov. Reyes said.", "Governor Sam Reyes",
     "“The budget is balanced for the first time in a decade.”"),
    ("“Every ward will have a polling station again,” the Dayton council noted.", "Dayton council",
     "“Every ward will have a polling station again.”"),
    ("“The pumps failed at midnight,” said Harbor Master Ana Ortiz.", "Harbor Master Ana Ortiz",
     "“The pumps failed at midnight.”"),
    ("“The pumps failed at midnight,” said Ortiz, the harbor master.", "Ana Ortiz, the harbor master",
     "“The pumps failed at midnight.”"),
    ("“The pumps failed at midnight,” said Detective Ortiz.", "Miami police detective Ana Ortiz",
     "“The pumps failed at midnight.”"),
    ("“Rates stayed too low for too long,” Hoenig said.", "Federal Reserve Bank of Kansas City President Thomas Hoenig",
     "“Rates stayed too low for too long.”"),
    ("“The strait will stay open,” said Dr. Daly.", "Robert Daly of the Wilson Center", "“The strait will stay open.”"),
    # the quotation's own stop is kept, never doubled
    ("“We are moving the whole team to Washington, D.C.,” said Ana Ortiz.", "Ana Ortiz",
     "“We are moving the whole team to Washington, D.C.”"),
    ("“The pumps failed at midnight!” said Ortiz.", "Ana Ortiz", "“The pumps failed at midnight!”"),
    # the quotation going on after the credit
    ("“The pumps failed at midnight,” said Ortiz. “By dawn the street was a river.”", "Ana Ortiz",
     "“The pumps failed at midnight.” “By dawn the street was a river.”"),
    ("“We were never paid for the overtime,” she said. “Not once in three years.”", "Kia Reyes",
     "“We were never paid for the overtime.” “Not once in three years.”"),
    # before the quotation: the name, with a role between commas
    ("Mr Lind said: “The data show the rate doubled in a fortnight.”", "Health Secretary Paul Lind",
     "“The data show the rate doubled in a fortnight.”"),
    ("Sara Quint, prosecuting, said: “The effect on the family has been devastating.”", "Sara Quint, prosecuting",
     "“The effect on the family has been devastating.”"),
])
def test_a_credit_naming_only_the_labelled_speaker_goes(text, speaker, shown):
    assert uncredited(text, speaker) == shown


@pytest.mark.parametrize("text, speaker", [
    # when, where or to whom the words were said
    ("“The pumps failed at midnight,” said Ana Ortiz, the harbor master, in an interview with the Courier.",
     "Ana Ortiz, the harbor master"),
    ("“The pumps failed at midnight,” said Ortiz, the harbor master, at a news conference.", "Ana Ortiz, the harbor master"),
    ("“The pumps failed at midnight,” Ortiz said on Tuesday.", "Ana Ortiz"),
    ("“The pumps failed at midnight,” Ortiz told the Courier.", "Ana Ortiz"),
    ("“Much of the analysis is credible,” writes Ana Ortiz, a hydrologist at Rice University, over email.",
     "Ana Ortiz, a hydrologist at Rice University"),
    ("Sara Quint told the court: “The effect on the family has been devastating.”", "Sara Quint"),
    # what else the speaker did, or someone else's name
    ("“I was talking about the developers,” Ortiz said, suggesting that they should pay for the pumps.", "Ana Ortiz"),
    ("“The pumps failed at midnight,” said a lawyer for Ortiz.", "Ana Ortiz"),
    ("“The pumps failed at midnight,” Lind said.", "Ana Ortiz"),
    # a role the label does not show would be lost, or another role, or more about the speaker
    ("“Mekhi tires after a few steps,” said Ana Ortiz, their mother.", "Ana Ortiz"),
    ("“The pumps failed at midnight,” said Harbor Master Ana Ortiz.", "Ana Ortiz"),
    ("“The pumps failed at midnight,” said Ortiz, the city’s fire chief.", "Ana Ortiz, 61"),
    ("“The pumps failed at midnight,” said Ortiz, the harbor master, in a radio interview.", "Ana Ortiz, the harbor master"),
    ("“The pumps failed at midnight,” said Ortiz, the harbor master, in Galveston.", "Ana Ortiz, the harbor master"),
    ("“We heard about it only on Tuesday evening,” said Hale, who resigned from the board in May.",
     "Tom Hale, a former board member"),
    # someone else: another given name, a courtesy title of the other sex, another body
    ("“The pumps failed at midnight,” said Luis Ortiz.", "Ana Ortiz"),
    ("“The pumps failed at midnight,” said her husband Luis Ortiz.", "Ana Ortiz"),
    ("“The pumps failed at midnight,” said Mr. Ortiz.", "Ana Ortiz"),
    ("“The pumps failed at midnight,” said Thomas Wade Jr.", "Robert Lee Jr."),
    ("“The strait will stay open,” the Carter Center said.", "Robert Daly of the Wilson Center"),
    ("“Every ward will have a polling station again,” the county council said.", "Dayton city council"),
    ("“Mekhi tires after a few steps,” said Ana Ortiz who is their mother.", "Ana Ortiz"),
    # a paraphrase before a quoted fragment, and a question put before the answer
    ("Ana Ortiz, the harbor master, predicted the levee would hold and said, “our crews are ready for worse.”",
     "Ana Ortiz, the harbor master"),
    ("Asked whether the levee would hold, Ortiz said, “We have never seen water this high.”", "Ana Ortiz"),
])
def test_a_credit_telling_more_than_who_spoke_stays(text, speaker):
    assert uncredited(text, speaker) == text
