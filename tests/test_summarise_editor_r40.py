"""What happened losing the news to a filter meant for something else, found by comparing the
summariser's opening with the news scorer's top sentence on the 315 news-labelled pages
(bench/news_eval.py): the scorer was right and What happened wrong on 57, 16 of them because a
check turned the news sentence away. Every test failed before its rule.
"""

from __future__ import annotations

from dataclasses import replace

from digest.summarise.candidates import build_candidates
from digest.summarise.happened import pick_happened
from digest.summarise.shape import furniture, quotes_heavily
from digest.summarise.tense import long_before
from tests.builders import make_entry
from tests.test_summarise_editor_r34 import brief


def test_a_name_spelt_in_lower_case_opens_a_sentence_not_a_drop_cap_fragment():
    assert not furniture("iOS 13's third developer beta includes a new feature that corrects eye contact in video calls.")
    assert not furniture("eBay said on Tuesday that it would cut 2,000 jobs.")
    # a word cut by a drop cap is still furniture
    assert furniture("he president said on Tuesday that the talks would resume.")


def test_quoted_titles_and_phrases_are_not_someone_speaking():
    # show titles in quotes: names, not quotation
    assert not quotes_heavily("Tom Ardell, the actor who won an award for “Harbour: Life on the Street” and starred "
                              "in the comedy “Velmora Nine-Nine,” has died at 61.")
    # a phrase of a report quoted inside the writer's sentence
    assert not quotes_heavily("Thousands of staff at Velmora universities are treated as second-class citizens, says a "
                              "report highlighting the “alarming rise of mass casualised labour” in higher education.")
    # someone's words still are
    assert quotes_heavily("“We have never seen anything like it in this city,” the mayor told reporters on Tuesday.")
    assert quotes_heavily("He said the plan was “a disgrace to every family in this town and a betrayal.”")
    # the news scorer still counts every quoted word, as its weights were fitted
    assert quotes_heavily("Thousands of staff are treated as second-class citizens, says a report highlighting the "
                          "“alarming rise of mass casualised labour” in higher education.", every_span=True)


def test_a_month_after_will_is_a_plan_not_background():
    assert not long_before("The transition team announced on Dec. 21 that investor Cal Ardell will serve as his adviser "
                           "when he takes office in January 2017.", lead=True)
    assert long_before("The council first approved the plan in March 2012, and it will be reviewed next week.")
    assert long_before("The mine closed in March 2009.")


_SPACE = (
    "If it's any small comfort, last year probably wasn't the most enjoyable one for Velmora Rockets' founder, either.\n\n"
    "Velmora Rockets' first crewed flight to the orbital station has been postponed until 2027, the Velmora Space "
    "Agency announced on Monday.\n\n"
    "It's another setback for the company, which is hoping to start the new year with an ambitious launch schedule.\n\n"
    "Velmora Rockets is hoping to return to flight in January, four months after an explosion damaged its launchpad.\n\n"
    "The company's customers have grown impatient, and one of them took its business to a rival last week.")


def test_reported_news_in_the_opening_the_scorer_is_sure_of_opens_what_happened():
    b = brief(_SPACE, title="Velmora Rockets' first crewed flight postponed until 2027")
    assert b.what_happened and b.what_happened[0].startswith("Velmora Rockets' first crewed flight")
    assert all(not q.text.startswith("Velmora Rockets' first crewed flight") for q in b.who_said_what)


_COMPOUND = (
    "He may not be a famous explorer, but Ana Ruiz from the Velmora Institute of Oceanography is exploring the sea "
    "in a new way.\n\n"
    "According to a paper published in the Velmora Journal of Chemistry, her team recently unearthed a new compound "
    "from the sea that may become an effective treatment against drug-resistant bacteria.\n\n"
    "The compound comes from a microorganism the team first collected off the coast in 2012.\n\n"
    "Ana Ruiz worked with a biotech company to analyse the compound with a technique known as spectroscopy.\n\n"
    "They hope it can be developed into a new drug.")


def test_a_hedge_in_a_relative_clause_of_an_opening_sentence_qualifies_a_thing_not_the_event():
    # The scorer unsure of it (0.5, as on the real page, where it was 0.56): the hedge "may become"
    # belongs to the compound, not to the finding, and the sentence still opens What happened.
    entry = make_entry(content=_COMPOUND, title="Drug-resistant bacteria compound found in the sea")
    candidates = [replace(c, news=0.5) if c.sentence.position == 1 else c for c in build_candidates((entry,))]
    chosen = pick_happened(candidates)
    assert chosen and chosen[0].sentence.text.startswith("According to a paper published")


_BUDGET = "The Velmora council approved a new budget of $4 million on Tuesday, ending a month of talks.\n\n"


def _speakers(sentence: str) -> list[str]:
    b = brief(_BUDGET + sentence + "\n\nThe budget takes effect in March, officials said.",
              title="Velmora council approves budget")
    return [q.speaker for q in b.who_said_what]


def test_a_person_with_an_institution_is_shown_with_it():
    # "Lukas Stefanko with ESET": the employer after "with", as after "of" (round 37 showed the bare name)
    assert _speakers('"The impact of this budget is limited," said Tom Ardell with ESET in a Monday analysis '
                     'of the plan.') == ["Tom Ardell with ESET"]
    assert _speakers('"The impact is limited," said Tom Ardell with the Velmora Budget Office.') == [
        "Tom Ardell with the Velmora Budget Office"]
    # a group the person acts with is no employer
    assert _speakers('"We will hold the line," said Tom Ardell with NATO allies watching.') == ["Tom Ardell"]


def test_an_institution_set_before_the_name_is_the_speakers():
    # "From the Copernicus Climate Change Service, Samantha Burgess confirms ...": shown bare before
    assert _speakers("From the Velmora Climate Service, Ana Ruiz confirms with high certainty that the budget is "
                     "sound.") == ["Ana Ruiz of the Velmora Climate Service"]
    # a place is no institution
    assert _speakers("From Port Dorvel, Ana Ruiz confirms with high certainty that the budget is sound.") == ["Ana Ruiz"]


# --- the review's findings (a separate session probed each rule above), restated -------------------------


def test_a_persons_reaction_in_the_opening_stays_who_said_what():
    b = brief("The mood in the dressing room was grim.\n\n"
              "Velmora United manager Tom Ardell said on Saturday that his side had been robbed by the referee after "
              "a 2-1 defeat to Port Dorvel.\n\n"
              "Port Dorvel scored twice in the last ten minutes to win the cup final.\n\n"
              "It was their first trophy in 40 years.", title="Port Dorvel beat Velmora United to win cup")
    assert b.what_happened[0].startswith("Port Dorvel scored twice")
    assert [q.speaker for q in b.who_said_what] == ["Velmora United manager Tom Ardell"]


def test_the_rules_narrowed_by_the_review():
    # a place or an event before the name is no employer; a bare acronym after "From the" neither
    from digest.summarise.roles import roles_in
    assert roles_in("At WWDC, Tim Cook said the company would ship the phone.") == []
    assert roles_in("At the University of Michigan, Joe Biden told graduates to vote.") == []
    assert roles_in("From the UN, Joe Biden warned that war looms.") == []
    # nor a condition or a companion after "with"
    assert roles_in('"It is fine," said Tom Ardell with ALS.') == []
    assert roles_in("Tom Ardell, with NATO at his back, said it was fine.") == []
    # "would go on to" in another clause keeps a past date background; a step set for later is none
    assert long_before("Ardell, who would go on to become the team's captain, made his debut in March 2009.")
    assert not long_before("The plant is expected to close in March 2027.")
    # drop-cap fragments of names are still furniture
    assert furniture("eBron James scored 40 points on Tuesday.")
    assert furniture("cDonald's said it would close 200 stores.")
    # a chant in the first person and a placard in capitals are someone's words
    assert quotes_heavily("Protesters chanted “we will not be silenced by this government” outside parliament on Monday.")
    assert quotes_heavily("Protesters carried placards reading “NO MORE CUTS TO OUR SCHOOLS” outside parliament.")


def test_a_relative_clause_set_off_by_commas_does_not_hide_the_main_verbs_hedge():
    entry = make_entry(content=(
        "Velmora Steel reported a loss of $40 million for the year on Tuesday.\n\n"
        "Velmora Steel, which employs 4,000 people at the plant, could shut it by next summer, the company said.\n\n"
        "The loss follows two years of falling prices."), title="Velmora Steel reports $40 million loss")
    chosen = pick_happened(build_candidates((entry,)))
    assert chosen[0].sentence.text.startswith("Velmora Steel reported a loss")
    assert all(not c.sentence.text.startswith("Velmora Steel, which") for c in chosen)


def test_an_agencys_published_figure_is_no_statement():
    assert _speakers("According to the Velmora Statistical Institute, Velmora earned just over $1.4 billion from "
                     "exports last year.") == []
    assert _speakers("The VDC reports that in 2003-2004, about 1.5% of the population was infected.") == []
    # an outlet's own report is its claim
    assert _speakers("The Velmora Times reported that a complaint said Ardell had agreed to let an informant use the "
                     "ports in return for $500,000.") == ["The Velmora Times"]


def test_a_title_and_its_body_opening_the_sentence_before_the_name_is_the_role():
    # "President of the Jamaica Manufacturers & Exporters, JMEA, John Mahfood says ...": shown bare in round 37
    from digest.summarise.roles import roles_in
    assert roles_in("President of the Velmora Makers & Exporters, VMEA, Tom Hale says makers should export more.") == [
        ("Tom Hale", "Tom Hale, President of the Velmora Makers & Exporters")]
    assert roles_in("Head of the Velmora Chamber of Commerce Mary Ann Hale said the tax is a mistake.") == [
        ("Mary Ann Hale", "Mary Ann Hale, Head of the Velmora Chamber of Commerce")]
    # after a comma, titles joined by "and", a body without "the" ("of Super Value"; round 41's editor)
    assert roles_in("There is no end in sight for rising prices, President and Chief Financial Officer of Velmora "
                    "Value Ana Hale said yesterday.") == [
        ("Ana Hale", "Ana Hale, President and Chief Financial Officer of Velmora Value")]
    # after "The", or with a one-word body that reads as the title itself, it is not read this way
    assert roles_in("The President of Velmora Tom Hale said the vote was fair.") == []
    assert roles_in("Secretary of State Tom Hale said Wednesday that the talks would go on.") == []


def test_what_next_is_no_writers_remark_list_point_or_reaction():
    # round 41: "Interestingly, entries can be ... but will function as a nice promotion", "Second, the Fed will
    # reinvest ...", "Terry Audla ... welcomed the news that an Inuk will helm the Arctic Council"
    text = ("Velmora Blocks launched a building contest with the Velmora Space Agency on Tuesday.\n\n"
            "Children can build a model of a spacecraft and send in a photo of it.\n\n"
            "Interestingly, entries can be built from real blocks or on screen, which seems a bit unfair, but will "
            "function as a nice promotion for the online builder.\n\n"
            "Second, the agency will show the best models at its museum.\n\n"
            "Tom Hale, the head of the parents' union, welcomed the news that children will get a say in design.\n\n"
            "Ana Ruiz, the agency's director, said she's pleased the contest will reach schools.\n\n"
            "The entry deadline is July 31, and winners will be announced in September.")
    b = brief(text, title="Velmora Blocks and space agency launch building contest")
    assert not any(s.startswith(("Interestingly", "Second", "Tom Hale", "Ana Ruiz")) for s in b.what_next)


def test_a_job_with_no_article_said_of_a_named_person_is_the_role():
    # round 41: "Maj. Gen. John Nicholson is commander of the 82nd." gave no role
    from digest.summarise.roles import roles_in
    assert roles_in("Maj. Gen. Tom Hale is commander of the 82nd.") == [
        ("Maj. Gen. Tom Hale", "Maj. Gen. Tom Hale, commander of the 82nd")]
    assert roles_in("Ana Ruiz is director of the Velmora Museum, which reopened on Monday.") == [
        ("Ana Ruiz", "Ana Ruiz, director of the Velmora Museum")]
    # not a job of anything named
    assert roles_in("Ana Ruiz is head of state until June.") == []


def test_whose_kin_or_job_set_off_before_the_name_stays_in_the_role():
    # round 41: "a court filing by the girl's aunt, Sharon Ruddock" was shown as the bare name (whose aunt
    # was cut off, and a kin word without its owner is no role)
    from digest.summarise.roles import roles_in
    assert roles_in("According to a court filing by the girl's aunt, Ana Ruiz, the rule was unfair.") == [
        ("Ana Ruiz", "the girl's aunt Ana Ruiz")]
    assert roles_in("According to the man's lawyer, Tom Hale, the charge was dropped.") == [
        ("Tom Hale", "the man's lawyer Tom Hale")]
    # an owner never shown stays out: "his wife" is whose?
    assert roles_in("His wife, Rita Hale, said he was fine.") == [("Rita Hale", "Rita Hale")]
    # the name may end the sentence: "..., according to a court filing by the girl's aunt, Sharon Ruddock."
    assert roles_in("Her lung capacity fell to 30%, according to a court filing by the girl's aunt, Ana Ruiz.") == [
        ("Ana Ruiz", "the girl's aunt Ana Ruiz")]


def test_review_42_narrowing():
    from digest.summarise.roles import roles_in
    # the body's last word is no first name, an initial opens no name
    assert roles_in("Director of the Velmora Hurricane Center Ken Hale said the storm would strengthen.") == [
        ("Ken Hale", "Ken Hale, Director of the Velmora Hurricane Center")]
    assert roles_in("Secretary of State John F. Hale said the talks would resume.") == []
    # a past job is no role now; a loose phrase before a name ending the sentence is none
    assert roles_in("Tom Hale was director of the Velmora Museum until his retirement in 2010.") == []
    assert roles_in("He was found at the hospital by a neighbor, Tom Hale.") == []
    # What next: a step the writer sighs over, one in a sentence whose clause criticised something, one a
    # body is pleased to confirm, a dated first point: all steps
    lead = "A landslide blocked the Velmora coast road on Tuesday, cutting off two villages, the council said.\n\n"
    for step in ("Unfortunately, the road will remain closed until Friday, the council said.",
                 "The council, which has criticised the decision, will appeal the ruling next month.",
                 "The bus company is pleased to confirm that buses will run again on June 1.",
                 "First, crews will clear the rocks on Wednesday, the council said."):
        b = brief(lead + step + "\n\nResidents were moved to a school hall overnight.",
                  title="Landslide blocks Velmora coast road")
        assert b.what_next == (step,)


def test_an_existential_there_is_leans_on_nothing():
    # round 42: "There is no end in sight for rising prices, President ... Debra Symonette said yesterday ..."
    # was refused as leaning back, and What happened told background from earlier in the month
    from digest.summarise.shape import leans_back
    assert not leans_back("There is no end in sight for rising prices, the chain's president said yesterday.")
    assert leans_back("There, the team found a second fossil.")
    assert leans_back("There was a time not long ago when it was easy to tell viruses from the rest of life.")
    b = brief("There is no end in sight for rising prices, Velmora Value president Ana Hale said yesterday, adding "
              "that the chain is stumped as to when they will end.\n\n"
              "Earlier this month, Velmora Value revealed that it is running a month behind with new purchases.\n\n"
              "Hale said she was not surprised by the projection of 7 percent inflation.",
              title="Velmora Value 'stumped' on when price hikes will end")
    assert (b.dek or b.what_happened[0]).startswith("There is no end in sight")


def test_speculation_is_no_next_step():
    lead = "A landslide blocked the Velmora coast road on Tuesday, cutting off two villages, the council said.\n\n"
    b = brief(lead + "There is widespread speculation that the council will close the road for good.\n\n"
              "Residents were moved to a school hall overnight.", title="Landslide blocks Velmora coast road")
    assert not any("speculation" in s for s in b.what_next)
