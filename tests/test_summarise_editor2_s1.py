"""The second editor round (blind grading of fresh pages): dek, What happened and headline.

One crafted paragraph per failure class; every test failed before its rule.
"""

from __future__ import annotations

import pytest

from digest.model import RankedStory, Story
from digest.summarise import get_summariser
from digest.summarise.dek import standfirst_of
from digest.summarise.headline import headline_of
from tests.builders import make_entry


def brief(*entries):
    return get_summariser("extractive").summarise(RankedStory(Story("s", tuple(entries)), rank=1, score=1.0, why="t"))


def entry(text: str, **kw):
    return make_entry(content=text, **kw)


def shown(made) -> list[str]:
    return [made.dek or "", *made.what_happened, *(q.text for q in made.who_said_what), *made.what_next]


LEAD = ("The Velmora city council voted 7-2 on Monday to build a sea wall along the harbour, "
        "ending a year of hearings over the flood plan.")
SECOND = "The approved plan sets aside 40 million crowns for a wall three metres above the spring tide line."
THIRD = "Councillors who voted against the plan said the harbour fishermen had not been consulted on its route."
# An opening no sentence of which can state the event: a reader prompt, then someone named before.
NO_USABLE_OPENING = ("Are you in Velmora this week? Share your pictures of the harbour with us.\n\n"
                     "The Velmora official was just talking about the tide, but he summed up the mood on Monday.")


# Dek ----------------------------------------------------------------------------------------

def test_the_lead_opens_the_brief_and_the_leads_next_sentence_is_a_dek_only_over_it():
    # The lead is the dek over a firm sentence of What happened (sixth pass: editors preferred that
    # to no dek) or What happened's first sentence; a later sentence telling more of the event is
    # the dek only over the lead (round 44: 24 briefs better, none worse, than with no dek).
    made = brief(entry(f"{LEAD}\n\n{SECOND}\n\n{THIRD}", summary="", title="Velmora approves harbour sea wall"))
    assert LEAD in (made.dek, made.what_happened[0])
    assert made.dek != SECOND or made.what_happened[0] == LEAD
    assert sum(s == LEAD for s in shown(made)) == 1


def test_a_standfirst_repeating_the_lead_leaves_the_lead_in_what_happened_and_is_not_shown_twice():
    made = brief(entry(f"{LEAD}\n\n{SECOND}\n\n{THIRD}", summary=LEAD, title="Velmora approves harbour sea wall"))
    assert made.what_happened[0] == LEAD
    assert sum(s == LEAD for s in shown(made)) == 1


def test_a_standfirst_that_words_the_event_differently_is_the_dek_over_the_lead():
    standfirst = "Velmora councillors backed a harbour sea wall by seven votes to two after a year of argument."
    made = brief(entry(f"{LEAD}\n\n{SECOND}\n\n{THIRD}", summary=standfirst, title="Velmora approves harbour sea wall"))
    assert made.dek == standfirst
    assert made.what_happened[0] == LEAD


def test_a_dek_repeating_the_headline_word_for_word_gives_way_to_the_lead():
    title = "Velmora city council votes to build a sea wall along the harbour"
    made = brief(entry(f"{LEAD}\n\n{SECOND}\n\n{THIRD}", title=title,
                       summary="Velmora city council votes to build a sea wall along the harbour."))
    assert made.dek != "Velmora city council votes to build a sea wall along the harbour."
    assert made.what_happened[0] == LEAD


def test_a_colour_lede_gives_way_to_the_first_news_sentence():
    colour = "Nobody in the harbour town of Velmora has ever liked the sea, and fewer like it now."
    made = brief(entry(f"{colour}\n\n{LEAD}\n\n{SECOND}\n\n{THIRD}", summary=""))
    assert made.what_happened[0] == LEAD and colour not in shown(made)


def test_another_outlets_lead_is_the_dek_though_what_it_reports_someone_saying_looks_ahead():
    other = ("Mayor Ilse Varga broke with her own party on Monday over the harbour sea wall, saying the council "
             "should have waited for the flood survey.")
    made = brief(entry(f"{LEAD}\n\n{THIRD}", summary="", uid="a", feed="Velmora Post",
                       title="Velmora approves harbour sea wall"),
                 entry(f"{other}\n\nThe survey is due next year.", summary="", uid="b", feed="Harbour Wire",
                       title="Mayor breaks with party over sea wall"))
    assert made.what_happened[0] == LEAD
    assert made.dek == other


def test_a_lead_telling_what_someone_said_that_states_the_event_by_its_speech_verb():
    from digest.summarise.event import lead_states_event
    assert lead_states_event("Mayor Ilse Varga, who chairs the harbour board, told reporters on Monday that the "
                             "sea wall “will be built whatever it costs.”")


def test_when_the_opening_cannot_state_the_event_the_standfirst_is_what_happened():
    standfirst = "Velmora councillors backed a harbour sea wall by seven votes to two after a year of argument."
    body = f"{NO_USABLE_OPENING}\n\n{SECOND}\n\n{THIRD}"
    made = brief(entry(body, summary=standfirst, title="Velmora approves harbour sea wall"))
    assert made.what_happened[0] == standfirst and made.dek is None


def test_a_standfirst_weighing_what_the_news_means_is_the_dek_but_never_one_talking_to_the_reader():
    weighs = "The harbour vote could make it harder for Velmora to borrow for its new schools and roads."
    made = brief(entry(f"{LEAD}\n\n{SECOND}", summary=weighs, title="Velmora approves harbour sea wall"))
    assert made.dek == weighs
    talks = "You may soon see a new sea wall along the harbour of Velmora, the town's council decided."
    made = brief(entry(f"{LEAD}\n\n{SECOND}", summary=talks, title="Velmora approves harbour sea wall"))
    assert made.dek != talks


def test_a_standfirst_that_only_weighs_the_news_is_never_what_happened():
    weighs = "The harbour vote could make it harder for Velmora to borrow for its new schools and roads."
    body = f"{NO_USABLE_OPENING}\n\n{SECOND}\n\n{THIRD}"
    made = brief(entry(body, summary=weighs, title="Velmora approves harbour sea wall"))
    assert weighs not in made.what_happened


def test_another_outlets_lead_in_loaded_words_is_no_dek():
    loaded = "Bombastic harbour campaigner Ilse Varga stormed out of the Velmora council on Monday after the sea wall vote."
    made = brief(entry(f"{LEAD}\n\n{THIRD}", summary="", uid="a", feed="Velmora Post",
                       title="Velmora approves harbour sea wall"),
                 entry(f"{loaded}\n\nThe survey is due next year.", summary="", uid="b", feed="Harbour Wire",
                       title="Campaigner storms out over sea wall"))
    assert made.what_happened[0] == LEAD and made.dek != loaded


def test_a_description_naming_the_people_of_the_story_is_the_dek():
    standfirst = "An inquest into the drowning of a Velmora trawlerman off Skarn Point was adjourned until July."
    made = brief(entry(f"{LEAD}\n\n{SECOND}\n\n{THIRD}", summary=standfirst, title="Velmora approves harbour sea wall"))
    assert made.dek == standfirst


def test_a_description_telling_what_happened_long_before_is_no_dek():
    made = brief(entry(f"{LEAD}\n\n{SECOND}", title="Velmora approves harbour sea wall",
                       summary="Velmora councillors shocked the harbour town earlier this year by proposing a sea wall."))
    assert made.dek in (None, SECOND)


def test_a_description_cut_at_a_length_is_never_the_dek():
    for cut in ("Velmora councillors backed a harbour sea wall by seven votes to two after the long row over the",
                "Velmora councillors backed a harbour sea wall by seven votes to two after a year of argument,"):
        made = brief(entry(f"{LEAD}\n\n{SECOND}\n\n{THIRD}", summary=cut))
        assert made.dek != cut and cut not in shown(made)


def test_an_entity_escaped_twice_never_reaches_the_dek():
    standfirst = "Velmora councillors backed a harbour sea wall by seven votes to two after a year of argument."
    made = brief(entry(f"{LEAD}\n\n{SECOND}\n\n{THIRD}", summary=standfirst[:-1] + ".&nbsp;"))
    assert made.dek == standfirst


def test_a_dek_is_never_a_photo_caption():
    caption = "Pictured: Councillors vote on the harbour plan at the Velmora town hall on Monday evening."
    made = brief(entry(f"{LEAD}\n\n{SECOND}", summary=caption))
    assert made.dek != caption and caption not in shown(made)
    assert made.what_happened[0] == LEAD


# What happened ----------------------------------------------------------------------------

def test_credit_and_dateline_prefixes_are_stripped_and_the_sentence_kept():
    made = brief(entry(f"Velmora Gazette – {LEAD}\n\n{SECOND}\n\n{THIRD}", summary=""))
    assert made.what_happened[0] == LEAD
    made = brief(entry(f"{SECOND}\n\nKESTREL via JTA — {LEAD}\n\n{THIRD}", summary=""))
    assert LEAD in shown(made) and not any("JTA" in s for s in shown(made))


def test_furniture_never_reaches_what_happened():
    furniture = [
        "Next steps: the council will publish the route for the wall on its website.",
        "Residents can register for Monday's harbour meeting at www.velmora-council.org before noon.",
        "Questions about the sea wall plan can be sent to harbour@velmora.example by Friday.",
        "In the meantime, the town library will open a new reading room for children on Friday.",
        "• Velmora scored twice in the second half to win the derby on Saturday afternoon.",
        "FILE - Waves break over the harbour wall in Velmora during a storm on March 3, 2024.",
        "Flooding costs Velmora businesses 12 million crowns a year, the harbour board estimates.[3]",
        "Councillor Ana Ruiz speaks to residents outside the town hall after the vote. Tor Lind/Velmora Post",
        "Ilse Varga, watched by her daughter, casts her vote at the harbour school in Velmora.",
        "(Velmora last voted on a sea wall in 1998, when the plan was rejected by a single vote.)",
    ]
    text = "\n\n".join([LEAD, *furniture, SECOND, THIRD])
    made = brief(entry(text, summary=""))
    for line in furniture:
        assert line not in shown(made), line


def test_an_address_to_visit_or_write_to_is_furniture():
    from digest.summarise.shape import furniture
    assert furniture("Residents can register for the harbour meeting at www.velmora-council.org before noon.")
    assert furniture("Register at https://velmora.example/wall before Friday.")
    assert furniture("Questions about the sea wall plan can be sent to harbour@velmora.example by Friday.")
    assert not furniture(LEAD)


def test_a_verbless_photo_caption_is_furniture_and_a_citation_is_cut():
    from digest.summarise.shape import furniture, tidy
    assert furniture("The Velmora Rovers’ footballers training ahead of a match against Skarn.")
    assert not furniture("Divers searching the Velmora harbour found the missing boat on Monday.")
    assert not furniture(LEAD)
    assert tidy("The harbour rose 30 cm in a decade (Velmora Coast Survey, 2023).") == "The harbour rose 30 cm in a decade."


def test_a_drop_cap_split_word_is_never_shown():
    made = brief(entry("V\n\nelmora's city council voted 7-2 on Monday to build a sea wall along the harbour, "
                       f"ending a year of hearings.\n\n{SECOND}\n\n{THIRD}", summary=""))
    assert not any(s[:1].islower() for s in shown(made) if s)


def test_shouting_capitals_from_the_source_are_calmed():
    made = brief(entry("TWO men were arrested in Velmora on Monday after a fire destroyed the harbour warehouse "
                       f"overnight.\n\n{SECOND}\n\n{THIRD}", summary=""))
    assert made.what_happened[0].startswith("Two men were arrested in Velmora")
    made = brief(entry("A HIGH-powered council team toured Velmora's harbour on Monday to explain the sea wall plan."
                       f"\n\n{SECOND}\n\n{THIRD}", summary=""))
    assert made.what_happened[0].startswith("A high-powered council team")


def test_a_colour_opener_is_neither_dek_nor_what_happened():
    colour = "No, the harbour town of Velmora has not had an easy year, and its council knows it well."
    made = brief(entry(f"{colour}\n\n{SECOND}\n\n{THIRD}", summary=""))
    assert colour not in [made.dek, *made.what_happened]


def test_an_unintroduced_reference_is_not_what_happened():
    text = ("Velmora's council met on Monday.\n\n"
            "Councillors approved this amendment by nine votes to two after a long debate on Monday night.\n\n"
            "The Velmora council approved a new water levy on harbour farms on Monday by nine votes to two.\n\n"
            f"{THIRD}")
    made = brief(entry(text, summary=""))
    assert not any("this amendment" in s for s in [made.dek or "", *made.what_happened])


def test_a_reference_back_or_a_decade_ago_is_not_what_happened():
    text = (f"{LEAD}\n\n"
            "The previous plan had set aside 12 million crowns for a lower wall along the harbour front.\n\n"
            "In the mid-1990s, Velmora's harbour flooded four times in one winter and the fish market closed.\n\n"
            f"{SECOND}")
    made = brief(entry(text, summary=""))
    assert not any(s.startswith(("The previous", "In the mid-1990s")) for s in made.what_happened)
    text = (f"{LEAD}\n\n"
            "The ad is a harbour-wide campaign in Velmora that starts on Wednesday and runs for a month.\n\n"
            "Like the storm of 1998 itself, the debate did not begin well for the harbour fishermen of Velmora.\n\n"
            f"{SECOND}")
    made = brief(entry(text, summary=""))
    assert not any(s.startswith(("The ad", "Like the")) for s in made.what_happened)


def test_background_opener_is_not_what_happened():
    text = (f"{LEAD}\n\n"
            "Like many harbour towns, Velmora has struggled to pay for flood defences since the storms of 2019.\n\n"
            f"{SECOND}")
    made = brief(entry(text, summary=""))
    assert not any(s.startswith("Like many") for s in made.what_happened)


def test_what_happened_leads_with_the_lead_paragraphs_not_a_central_sentence_deep_down():
    body = [LEAD, SECOND, THIRD,
            "The mayor thanked residents for their patience.",
            "Harbour traders have asked for a second vote.",
            "A local choir sang at the opening of the town hall meeting.",
            ("The Velmora council has argued about the harbour sea wall flood plan for a year, and the sea wall "
             "vote on the harbour flood plan was the council's seventh harbour vote this year.")]
    made = brief(entry("\n\n".join(body), summary=""))
    assert made.what_happened[0] == LEAD


# Headline ---------------------------------------------------------------------------------

def test_a_space_before_a_comma_in_a_title_is_closed_up():
    assert headline_of(make_entry(title="Sea wall is safe , engineers say")) == "Sea wall is safe, engineers say"
    assert headline_of(make_entry(title="Velmora votes - 7-2 - on sea wall")) == "Velmora votes - 7-2 - on sea wall"


def test_a_lead_dated_long_before_the_news_gives_way_to_the_news():
    for old in ("The Velmora city council first voted on a harbour sea wall in 1998, when the flood plan was rejected by one vote.",
                "The Velmora city council shocked the harbour earlier this year by proposing a sea wall in its flood plan."):
        made = brief(entry(f"{old}\n\n{LEAD}\n\n{SECOND}", summary=""))
        assert made.what_happened[0] == LEAD, old


def test_a_title_with_a_quotation_never_closed_heads_no_brief_another_can():
    from digest.summarise.headline import pick_headline_entry
    cut = make_entry(uid="a", title='Mayor: I Can Defend Velmora from the Sea\'s "War on the Harbour')
    whole = make_entry(uid="b", title="Velmora mayor vows to defend harbour with new sea wall")
    assert pick_headline_entry((cut, whole)) is whole


def test_a_lead_telling_what_has_long_been_so_gives_way_to_the_news():
    old = "The Velmora harbour has long been seen as the weakest point of the town's flood plan and its sea wall."
    made = brief(entry(f"{old}\n\n{LEAD}\n\n{SECOND}", summary=""))
    assert made.what_happened[0] == LEAD


def test_a_sentence_opening_on_someone_named_before_or_on_until_recently_is_not_what_happened():
    from digest.summarise.shape import not_news, unintroduced
    assert unintroduced("The Velmora official was just talking about the harbour, but he summed up the vote on Monday.")
    assert unintroduced("The two were arrested at the harbour on Monday night.")
    assert not unintroduced("The mayor of Velmora, Ilse Varga, opened the harbour wall on Monday.")
    assert not_news("Until recently, cheap loans allowed the council to borrow for the harbour without worry.")


def test_what_happened_past_the_lead_is_never_what_has_long_been_so():
    background = "The Velmora harbour has long been seen as the town's weakest point against the sea."
    made = brief(entry(f"{LEAD}\n\n{background}\n\n{SECOND}", summary=""))
    assert made.what_happened[0] == LEAD and background not in shown(made)


def test_a_shouted_tail_is_the_news_not_a_site_name_and_is_calmed():
    assert headline_of(make_entry(title="Mayor's $150K harbour yacht -- STOLEN!!!")) == "Mayor's $150K harbour yacht -- Stolen!"
    assert headline_of(make_entry(title="NASA launches a probe to the moons of Saturn -- Velmora Post")) == (
        "NASA launches a probe to the moons of Saturn")


def test_a_pronouns_wrapper_around_a_whole_quotation_is_left_off():
    text = (f"{LEAD}\n\nMayor Ilse Varga, who proposed the wall, welcomed the vote.\n\n"
            "She added, “This harbour will be safe for the next hundred years.”")
    said = brief(entry(text, summary="")).who_said_what
    assert [q.text for q in said if "hundred" in q.text] in ([], ["“This harbour will be safe for the next hundred years.”"])
    from digest.summarise.blocks import _unwrapped
    assert _unwrapped("He added, “We will vote again.”") == "“We will vote again.”"
    # editor round 62: 'She writes, "These beautiful bears were made for us ..."' kept its lead-in
    assert _unwrapped("She writes, “These bears were made for us from Blake's uniforms.”") == (
        "“These bears were made for us from Blake's uniforms.”")
    assert _unwrapped("He added that “we will vote again.”") == "He added that “we will vote again.”"
    assert _unwrapped("She said last night: 'Velmora expects high standards.'") == "'Velmora expects high standards.'"
    assert _unwrapped("She said last night: 'Velmora's wall won't wait.'") == "She said last night: 'Velmora's wall won't wait.'"


def test_a_short_answer_pointing_back_at_an_unseen_question_is_no_statement():
    text = (f"{LEAD}\n\nAsked whether the wall would be finished by 2030, the engineer paused.\n\n"
            "“That could very well be the case,” said Tor Lind, the harbour board's chief engineer.\n\n"
            "“This wall will hold back a hundred-year storm surge at the harbour,” said Ilse Varga, the mayor.")
    said = [q.text for q in brief(entry(text, summary="")).who_said_what]
    assert not any("very well be the case" in t for t in said)
    assert any("hundred-year" in t for t in said)


def test_a_title_written_before_the_event_gives_way_to_one_telling_it_done():
    from digest.summarise.headline import pick_headline_entry
    before = make_entry(uid="a", title="Velmora council poised to back harbour sea wall in Monday vote")
    done = make_entry(uid="b", title="Velmora council backs harbour sea wall in Monday vote")
    assert pick_headline_entry((before, done)) is done


def test_three_site_tails_are_all_removed():
    assert headline_of(make_entry(title="Two hurt in harbour crash on Velmora bridge - WVLM 7News | Velmora News, "
                                        "Weather, Sports | Skarn Point")) == "Two hurt in harbour crash on Velmora bridge"


def test_site_name_heads_and_tails_are_removed():
    assert headline_of(make_entry(title="Velmora approves harbour sea wall - WVLM 7News")) == (
        "Velmora approves harbour sea wall")
    assert headline_of(make_entry(title="Velmora Post :: Velmora approves harbour sea wall"),
                       outlets=("Velmora Post",)) == "Velmora approves harbour sea wall"
    assert headline_of(make_entry(title="Harbour Daily: Velmora approves harbour sea wall", link=
                                  "https://www.harbourdaily.com/news/wall")) == "Velmora approves harbour sea wall"
    assert headline_of(make_entry(title="Velmora approves harbour sea wall | velmorapost.com")) == (
        "Velmora approves harbour sea wall")
    assert headline_of(make_entry(title="Harbour Wire | Velmora approves harbour sea wall")) == (
        "Velmora approves harbour sea wall")
    assert headline_of(make_entry(title="Ukraine war: Velmora sends harbour engineers")) == (
        "Ukraine war: Velmora sends harbour engineers")


def test_the_dek_counts_in_the_word_budget():
    body = "\n\n".join([LEAD, SECOND, THIRD, *(f"Councillor Ana Ruiz{i} said that the wall was the right plan for "
                                                 f"Velmora and its harbour, ward {i}." for i in range(6)),
                         "The council will publish the wall's route on Friday, the mayor said."])
    made = brief(entry(body, summary="Velmora councillors backed a harbour sea wall by seven votes to two after a year of argument."))
    assert made.dek
    assert sum(len(s.split()) for s in shown(made)) <= 120


def test_letter_spaced_titles_are_normalised():
    assert headline_of(make_entry(title="S e a   w a l l   a p p r o v e d")) == "Sea wall approved"
    assert headline_of(make_entry(title="B R E A K I N G  N E W S: Velmora approves sea wall")) == (
        "Velmora approves sea wall")


def test_labels_are_removed_from_headlines():
    assert headline_of(make_entry(title="Game notes: Velmora beat Kestrel 3-1 in the harbour derby")) == (
        "Velmora beat Kestrel 3-1 in the harbour derby")
    assert headline_of(make_entry(title="UPDATE: Velmora approves harbour sea wall")) == (
        "Velmora approves harbour sea wall")
    assert headline_of(make_entry(title="Velmora approves harbour sea wall (UPDATED)")) == (
        "Velmora approves harbour sea wall")
    assert headline_of(make_entry(title="Harbour master's Velmora cottage is for sale — see inside")) == (
        "Harbour master's Velmora cottage is for sale")
    assert headline_of(make_entry(title="Velmora's new sea wall rises - see the photos")) == "Velmora's new sea wall rises"
    assert headline_of(make_entry(title="What they found inside")) == "What they found inside"


def test_a_weak_title_gives_way_to_another_reports_title():
    weak = entry(f"{LEAD}\n\n{SECOND}", uid="a", feed="Harbour Daily", title="Update")
    strong = entry(f"{LEAD}\n\n{THIRD}", uid="b", feed="Velmora Post", title="Velmora approves harbour sea wall")
    assert brief(weak, strong).headline == "Velmora approves harbour sea wall"
    question = entry(f"{LEAD}\n\n{SECOND}", uid="c", feed="Harbour Daily",
                     title="Will the Velmora city council build a sea wall along the harbour?")
    plain = entry(f"{LEAD}\n\n{THIRD}", uid="d", feed="Velmora Post", title="Velmora votes for flood plan")
    assert brief(question, plain).headline == "Velmora votes for flood plan"


# Round 6 of the editor grading: "MEANWHILE: ...", "GOLDMAN: ...", "... - Maggie Haberman and Shira Toeplitz".
@pytest.mark.parametrize(("title", "headline"), [
    ("MEANWHILE: Developments In Greece As Cabinet Backs Cuts", "Developments In Greece As Cabinet Backs Cuts"),
    ("GOLDMAN: 4 Key Points On The FOMC Announcement", "Goldman: 4 Key Points On The FOMC Announcement"),
    ("NASA: Rover lands on Mars after seven-month trip", "NASA: Rover lands on Mars after seven-month trip"),
    ("2012 map takes unfamiliar shape - Maggie Haberman and Shira Toeplitz", "2012 map takes unfamiliar shape"),
    ("Council backs new bridge - work starts in May", "Council backs new bridge - work starts in May"),
])
def test_a_shouted_label_head_is_dropped_or_calmed_and_a_byline_tail_cut(title, headline):
    assert headline_of(make_entry(title=title)) == headline


@pytest.mark.parametrize("summary", [
    "[...] with Velmora, Skarn and Tull all backing the harbour plan, the sea wall vote passed 7-2 on Monday.",
    "and the Velmora council then voted 7-2 on Monday to build a sea wall along the harbour.",
    "&lt;br /&gt;VELMORA – Councillors voted 7-2 on Monday to build a sea wall along the harbour, ending",
])
def test_a_description_cut_at_its_start_or_escaped_twice_is_never_the_dek(summary):
    made = brief(entry(f"{LEAD}\n\n{SECOND}\n\n{THIRD}", summary=summary))
    assert made.dek in (None, LEAD, SECOND)
    assert not any("[...]" in s or "<br" in s for s in shown(made))


def test_a_site_name_after_a_bullet_is_cut_from_the_headline():
    title = "Councillors back the harbour sea wall by seven votes to two • The Velmora Register"
    assert headline_of(make_entry(title=title)) == "Councillors back the harbour sea wall by seven votes to two"


def test_a_long_description_stopping_on_a_word_is_cut_and_no_dek():
    # Round 10: "... some age restrictions on the sale of emergency" was shown as a dek.
    cut = ("Velmora councillors backed a harbour sea wall by seven votes to two on Monday after a long year "
           "of hearings over the cost of the flood plan and the sale of emergency")
    assert brief(entry(f"{LEAD}\n\n{SECOND}", summary=cut, title="Velmora approves harbour sea wall")).dek != cut
    short = "Velmora councillors back the harbour sea wall after a year of argument"
    assert brief(entry(f"{LEAD}\n\n{SECOND}\n\n{THIRD}", summary=short)).dek == f"{short}."  # with its stop


def test_a_quote_escaped_in_the_title_is_shown_plain():
    assert headline_of(make_entry(title="Velmora\\'s sea wall approved by seven votes to two")) == \
        "Velmora's sea wall approved by seven votes to two"


def test_a_report_label_stays_on_the_headline_it_attributes():
    # Round 10: "Report: Moscow spy saga tied to Boston bombings case" lost its "Report:", and the
    # newspaper's claim read as fact.
    title = "Report: Velmora harbour board knew of sea wall cracks for a year"
    assert headline_of(make_entry(title=title)) == title


def test_a_sentence_opening_on_a_past_time_is_no_next_step():
    # Round 10: "Last week, Microsoft CEO Steve Ballmer announced a major reorganization of the
    # company he says will help them ..." was shown as What next.
    past = ("Last week, harbour board chair Ana Lind announced a major reorganisation of the board that she "
            "says will help it work faster.")
    made = brief(entry(f"{LEAD}\n\n{SECOND}\n\n{past}", summary=""))
    assert past not in made.what_next


@pytest.mark.parametrize(("title", "shown"), [
    # Round 11: a gallery prompt opened a headline; an entity escaped twice showed as "&amp;".
    ("See Photos & Video: Velmora Honors Its Harbour Divers At The Town Hall",
     "Velmora Honors Its Harbour Divers At The Town Hall"),
    ("4 killed as storm hits harbour in Velmora &amp; Skarn", "4 killed as storm hits harbour in Velmora & Skarn"),
])
def test_a_gallery_prompt_and_a_twice_escaped_entity_leave_the_headline(title, shown):
    assert headline_of(make_entry(title=title)) == shown


def test_markup_escaped_twice_in_a_title_is_no_part_of_the_headline():
    title = "Council &lt;b onmouseover=&quot;alert(1)&quot;&gt;approves&lt;/b&gt; the sea wall in Velmora"
    shown = headline_of(make_entry(title=title))
    assert shown == "Council approves the sea wall in Velmora" and "<" not in shown


def test_an_institution_tail_of_four_or_five_words_is_a_site_name_but_other_tails_stay():
    from digest.summarise.headline import clean_headline
    # Round 11: "... Blooming Countryside - NASA Jet Propulsion Laboratory" kept the site's name.
    assert clean_headline("Probe maps the harbour floor - Velmora Deep Sea Laboratory") == "Probe maps the harbour floor"
    assert clean_headline("Dock workers end the port strike - Velmora Harbour Workers Union") == (
        "Dock workers end the port strike")
    assert clean_headline("Rebels seize town - Local Residents Flee The City") == (
        "Rebels seize town - Local Residents Flee The City")


def test_a_product_name_capitalised_by_a_title_style_is_shown_as_its_maker_spells_it():
    from digest.summarise.headline import clean_headline
    assert clean_headline("Apple Said to Start IPhone Trade-In Program in Stores") == (
        "Apple Said to Start iPhone Trade-In Program in Stores")
    assert clean_headline("Velmora IT Firm Hires 40") == "Velmora IT Firm Hires 40"


def test_a_hyphenated_site_name_is_a_tail_and_a_lower_case_brand_opens_a_headline_as_written():
    # Set 5: "... Massacre : The Two-Way" kept the blog's name; "iOS 13 will fix ..." showed as "IOS 13".
    from digest.summarise.headline import clean_headline
    assert clean_headline("Velmora court convicts harbour arsonist : The Two-Way : Harbour Radio",
                          outlets=("Harbour Radio",)) == "Velmora court convicts harbour arsonist"
    assert clean_headline("Two mosquitoes test positive for West Nile - News - The Times-Tribune") == (
        "Two mosquitoes test positive for West Nile")
    assert clean_headline("Anti-war protest - a look back") == "Anti-war protest - a look back"
    assert headline_of(make_entry(title="iOS 13 will fix the FaceTime eye contact problem")).startswith("iOS 13")
    assert headline_of(make_entry(title="velmora votes for the wall")).startswith("Velmora")


def test_a_tail_of_the_outlets_name_and_one_word_more_is_the_sites():
    # Set 6: "Punjab exit poll: ... | News - Times of India Videos" from "The Times of India".
    from digest.summarise.headline import clean_headline
    title = "Velmora exit poll: harbour party predicted to win | News - Velmora Times Videos"
    assert clean_headline(title, outlets=("The Velmora Times (via an archive)",)) == \
        "Velmora exit poll: harbour party predicted to win"
    assert clean_headline("Ferry sinks off Velmora - Velmora Post Online", outlets=("Velmora Post",)) == "Ferry sinks off Velmora"
    # More than one word past the name is no site's name.
    assert clean_headline("Ferry sinks - Velmora Post Readers Say Wow", outlets=("Velmora Post",)).endswith("Say Wow")


def test_a_description_ending_on_a_closing_quote_is_whole_and_the_dek():
    # "... won't turn a blind eye to “vandalism and illegality.”" ends a sentence: it was taken
    # for a description cut at a length, and the brief lost its dek.
    standfirst = ("Velmora councillors backed the harbour sea wall by seven votes to two, saying the town would not "
                  "face “another flood winter.”")
    assert standfirst_of(standfirst) == standfirst
    made = brief(entry(f"{LEAD}\n\n{SECOND}\n\n{THIRD}", summary=standfirst, title="Velmora approves harbour sea wall"))
    assert made.dek == standfirst
