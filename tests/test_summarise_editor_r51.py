"""Faults named by the editor rounds 45 and 50 and mended in the session after them.

Every test failed before its rule.
"""

from __future__ import annotations

import pytest

from digest.model import RankedStory, Story
from digest.summarise import get_summariser
from digest.summarise.quotes import said_earlier
from tests.builders import make_entry


def brief(text: str, **kw):
    entry = make_entry(content=text, summary=kw.pop("summary", ""), **kw)
    return get_summariser("extractive").summarise(RankedStory(Story("s", (entry,)), rank=1, score=1.0, why="t"))


@pytest.mark.parametrize("sentence", [
    # a month named bare, before the words or after the speech verb, is one gone by
    "Last December, Ms. Lind said that the workers who had accused the mayor “should be heard.”",
    "In June, Ana Ruiz tweeted a photo of the plant, adding, “Fact: the pipes were never checked.”",
    "In December, a similar leak was linked to the same pipe after 33 people fell ill, according to the CDC.",
    "The Velmora press secretary, Tom Hale, told reporters in January that a port tax was a non-starter.",
    "Earlier this month, prosecutor Ana Ruiz said only that her office was reviewing the matter.",
    "“We will win,” Ana Lind said in March.",
])
def test_words_dated_to_a_month_gone_by_are_said_earlier(sentence):
    assert said_earlier(sentence)


@pytest.mark.parametrize("sentence", [
    "Earlier Wednesday, Velmora Steel chief executive Ana Ruiz testified that she called the regulator.",
    "In August, a jury will decide whether he is sentenced to life, prosecutors said.",
    "Ana Lind said the vote would be held in March.",
    "Ana Lind said on Monday that sales in March fell by a fifth.",
])
def test_a_month_still_to_come_or_inside_the_words_is_not(sentence):
    assert not said_earlier(sentence)


def test_an_old_statement_on_another_matter_is_no_voice_of_this_news():
    b = brief(
        "Ana Lind resigned as Velmora's ambassador to the United Nations on Tuesday, the White House said.\n\n"
        "“It was a blessing to serve, but I think it's time,” Ms. Lind said at the White House on Tuesday.\n\n"
        "Last December, Ms. Lind said that the women who had accused the mayor of misconduct “should be heard, "
        "and they should be dealt with.”\n\n"
        "Tom Hale, the former chairman of the Velmora Party, said the resignation came as no surprise.")
    said = " ".join(q.text for q in b.who_said_what)
    assert "no surprise" in said
    assert "should be heard" not in said


@pytest.mark.parametrize("sentence, before", [
    ("The Velmora Hawks made the huge splash three summers ago, signing Ana Ruiz and Tom Hale.", True),
    ("Over the years, Velmora Steel has become the poster child for companies accused of sheltering profits.", True),
    ("For decades, the port has been run by one family.", True),
    ("The port, run by one family for decades, was sold on Monday.", False),
    ("Velmora Steel said on Monday it would close the plant it opened over the summer.", False),
])
def test_background_by_seasons_ago_or_by_its_opening(sentence, before):
    from digest.summarise.tense import long_before
    assert long_before(sentence) is before


def test_a_lead_of_background_is_no_dek():
    b = brief(
        "The Velmora Hawks made the huge splash three summers ago, signing Ana Ruiz, Tom Hale and Ben Lind to play "
        "together. After they did, Bears coach Sam Ortiz was one of the first people to call the Hawks' owner.\n\n"
        "“It's a total function of who those three guys are,” Ortiz said on Wednesday.\n\n"
        "The Bears and the Hawks open the league finals in Velmora on Thursday night.",
        title="Bears threesome quiet but effective")
    assert "three summers ago" not in (b.dek or "")


@pytest.mark.parametrize("sentence", [
    "Velmora Steel's sales force will drive adoption of the new apps, helping its customers get more from the service.",
    "One thing that has not changed are the benefits the alliance will bring to Velmora's frequent flyers.",
    "Ana Ruiz, 43, a former partner in the law firm, will become Velmora's first black senator since Tom Hale.",
    "Demand will determine if Velmora joins its neighbours in requiring testing.",
    "Ana Ruiz, the No. 2 seed here, will be more than a handful for the 28-year-old Velmoran.",
    "Much of the rain will fall on areas in severe drought.",
])
def test_a_bare_will_naming_no_time_and_crediting_no_one_is_no_step(sentence):
    from digest.summarise.nextsteps import _timeless_will
    assert _timeless_will(sentence)


@pytest.mark.parametrize("sentence", [
    "The winner of the Velmora Cup will face the defending champion in the final starting Sept. 7.",
    "Ana Ruiz will coach the team in the bowl game, per the release.",
    "The striking workers will be joined by others at a 12 p.m. rally outside the airport.",
    "MPs will vote in the coming weeks on two amendments to the bill.",
    "The plant will close in 2027, the company said.",
    "Lead researcher Ana Ruiz believes her research will show how the climate shaped the reptile.",
    "Testing will continue this summer off the coast of Velmora.",
    "The council is expected to vote on the plan.",
])
def test_a_will_with_its_when_or_its_source_may_be_a_step(sentence):
    from digest.summarise.nextsteps import _timeless_will
    assert not _timeless_will(sentence)


def test_what_next_leaves_out_how_things_are_to_be():
    b = brief(
        "Velmora Steel said on Tuesday it had bought the Ruiz Software company for $2 billion.\n\n"
        "“This makes us a software company too,” chief executive Ana Ruiz said on Tuesday.\n\n"
        "Velmora Steel's sales force will drive adoption of the Ruiz apps, helping its customers get more from them.\n\n"
        "Velmora regulators are expected to rule on the purchase by March 3, a spokesman for the regulator said.",
        title="Velmora Steel buys Ruiz Software for $2 billion")
    ahead = " ".join(b.what_next)
    assert "sales force" not in ahead
    assert "expected to rule" in ahead


def test_what_next_names_in_full_a_speaker_credited_by_title_and_surname():
    from digest.summarise.blocks import _next_text
    from digest.summarise.candidates import build_candidates, read_entries

    entry = make_entry(content=(
        "Tom Hale, a tax lawyer at the Velmora Policy Center, has studied the rule for years.\n\n"
        "The rule change is likely to provide a small increase in revenue, Mr. Hale said, describing it as a rounding error."))
    step = next(c for c in build_candidates(read_entries((entry,))) if "likely" in c.sentence.text)
    assert step.statement is not None and step.statement.speaker.startswith("Tom Hale")
    assert "Tom Hale said," in _next_text(step, {"Hale": "Tom Hale"})
    assert "Mr. Hale said," in _next_text(step, {})  # a block above named him in full: the source's words stand
    assert "Mr. Hale said," in _next_text(step, {"Hale": "Ana Hale"})  # someone else of his name: not him


def test_an_institution_with_a_word_before_its_name_and_an_article_inside_it():
    from digest.summarise.roles import roles_in
    found = dict(roles_in("“It is anything but a problem for the mayor,” said Tom Hale of the liberal National Committee "
                          "for an Effective Congress, which follows voting data closely."))
    assert found.get("Tom Hale") == "Tom Hale of the liberal National Committee for an Effective Congress"
    assert dict(roles_in("Tom Hale of the same party said it was over.")).get("Tom Hale", "Tom Hale") == "Tom Hale"


@pytest.mark.parametrize("title, text, author, shown", [
    ("Garber: Ruiz, Lind ready to duel", "Ana Ruiz meets Eva Lind in the final on Wednesday.", "Greg Garber",
     "Ruiz, Lind ready to duel"),
    # without the byline a word before a colon may be whose claim it is: it stays
    ("Suit: Carmaker hid brake defects for years", "A lawsuit says the carmaker hid defects.", None,
     "Suit: Carmaker hid brake defects for years"),
    ("Fed: Inflation will cool to 2 percent next year", "The Federal Reserve said inflation would cool.", "Tom Hale",
     "Fed: Inflation will cool to 2 percent next year"),
    ("Hale: Ruiz, Lind ready to duel", "Ana Ruiz meets Eva Lind in the final. Tom Hale watched it.", "Tom Hale",
     "Ruiz, Lind ready to duel"),
    ("Ruiz: We will win the final on Wednesday", "Ana Ruiz said she would win the final.", None,
     "Ruiz: We will win the final on Wednesday"),
    ("Report: two more marshals back the golfer", "Two more marshals said the golfer did not lie.", None,
     "Report: two more marshals back the golfer"),
    # no byline, but a name the story never mentions is the column's, not whose claim it is (editor round 62)
    ("McDonald: Rask bails out Bruins with 53 saves", "Tuukka Rask made 53 saves as Boston won Game 3.", None,
     "Rask bails out Bruins with 53 saves"),
    ("Sources: Velmora to buy the harbour for $3 billion", "Velmora plans to buy the harbour, people said.", None,
     "Sources: Velmora to buy the harbour for $3 billion"),
])
def test_a_columnists_name_heading_the_title_goes(title, text, author, shown):
    from digest.summarise.headline import cleaned_title
    assert cleaned_title(make_entry(title=title, content=text, summary="", author=author)) == shown


@pytest.mark.parametrize("sentence, shown", [
    ("Sen. Ana Ruiz, a Republican from Maine, said she would not run.", "Sen. Ana Ruiz, a Republican from Maine"),
    ("Senator Tom Hale, Republican of Tennessee, said the talks were over.", "Senator Tom Hale, Republican of Tennessee"),
    ("Senator Eva Lind, a Virginia Democrat, said so.", "Senator Eva Lind, a Virginia Democrat"),
    ("Sen. Max Ortiz, D-Mont., said the bill was dead.", "Sen. Max Ortiz, D-Mont."),
    ("The bill was read aloud, said Rep. Sam Reyes, D-N.Y.", "Rep. Sam Reyes, D-N.Y."),
    ("The bill is dead, said Sen. Max Ortiz, D-Mont.", "Sen. Max Ortiz, D-Mont."),
    ("“It sends a clear message,” said Senator Tom Hale, Republican of Tennessee and chairman of the Foreign "
     "Relations Committee.", "Senator Tom Hale, Republican of Tennessee and chairman of the Foreign Relations Committee"),
])
def test_a_lawmakers_party_and_state_are_the_role(sentence, shown):
    from digest.summarise.roles import roles_in
    assert shown in [s for _, s in roles_in(sentence)]


@pytest.mark.parametrize("sentence, shown", [
    ("“It is a good step,” said Dr Ana Ruiz, a bioethicist at Velmora University Medical Center.",
     "Dr Ana Ruiz, a bioethicist at Velmora University Medical Center"),
    ("Dr Eva Lind, from the department of medical genetics at the University of Velmora, said it worked.",
     "Dr Eva Lind from the department of medical genetics at the University of Velmora"),
    ("Kia Reyes, who works as a cabin cleaner at the airport, said she has colleagues who sleep there.",
     "Kia Reyes, who works as a cabin cleaner at the airport"),
])
def test_roles_told_with_a_trade_a_unit_or_what_someone_works_as(sentence, shown):
    from digest.summarise.roles import roles_in
    assert shown in [s for _, s in roles_in(sentence)]


def test_a_credit_repeating_a_label_that_ends_on_a_full_stop_goes():
    from digest.summarise.blocks import _uncredited
    text = "“Reading it aloud is a valuable exercise for this Congress,” said Rep. Sam Reyes, D-N.Y."
    assert _uncredited(text, "Rep. Sam Reyes, D-N.Y.") == "“Reading it aloud is a valuable exercise for this Congress.”"


def test_a_voters_party_is_no_lawmakers_role():
    from digest.summarise.roles import roles_in
    shown = [s for _, s in roles_in("“It is too late,” said Maria Lopez, a Democrat from Dayton, who works as a nurse at "
                                    "Miami Valley Hospital.")]
    assert "Maria Lopez, a Democrat from Dayton" not in shown


@pytest.mark.parametrize("sentence", [
    "Spain will face the winner of England against Denmark in the final.",
    "Darnell Hughes will be arraigned in Superior Court.",
    "The National Transportation Safety Board will investigate the cause of the crash.",
    "The bill will now go to the Senate.",
    "The company will appeal the ruling.",
])
def test_a_step_named_by_its_verb_or_its_order_needs_no_date(sentence):
    from digest.summarise.nextsteps import _timeless_will
    assert not _timeless_will(sentence)


@pytest.mark.parametrize("sentence, earlier", [
    ("“These are painful decisions,” said Sarah Lee, who took over as chief executive in January.", False),
    ("“It was chaos,” said Maria Gomez, whose house flooded earlier this month.", False),
    ("In March, Tom Hale said the company will cut 500 jobs.", True),
])
def test_a_month_dates_the_words_only_beside_the_speech_verb(sentence, earlier):
    assert said_earlier(sentence) is earlier


@pytest.mark.parametrize("sentence", [
    "For years to come, the new dam will supply water to the valley.",
    "For years, the company denied wrongdoing, but on Monday it agreed to pay $2 billion.",
])
def test_years_ahead_or_news_after_them_are_no_background(sentence):
    from digest.summarise.tense import long_before
    assert not long_before(sentence)


@pytest.mark.parametrize("text, speaker, shown", [
    ("“It's a total function of who those three guys are,” Ortiz said.", "Bears coach Sam Ortiz",
     "“It's a total function of who those three guys are.”"),
    ("“We push each other and we are excited to be back,” he said.", "Tom Hale",
     "“We push each other and we are excited to be back.”"),
    ("“Are you kidding me with this whole thing here?” said Ms. Ruiz.", "Ana Ruiz",
     "“Are you kidding me with this whole thing here?”"),
    # a credit that tells when or where, or names someone else, stays
    ("“We push each other and we are excited to be back,” he said Tuesday.", "Tom Hale",
     "“We push each other and we are excited to be back,” he said Tuesday."),
    ("“We push each other and we are excited to be back,” Lind said.", "Tom Hale",
     "“We push each other and we are excited to be back,” Lind said."),
    ("“We push each other and we are excited to be back,” he told Fox News.", "Tom Hale",
     "“We push each other and we are excited to be back,” he told Fox News."),
])
def test_a_credit_by_name_or_pronoun_alone_goes_under_the_label(text, speaker, shown):
    from digest.summarise.blocks import _uncredited
    assert _uncredited(text, speaker) == shown
