"""The dek of last resort: a later sentence of the report that tells more of the event, when the
standfirst is the lead What happened shows and no lead can move up (blind A/B, editor round 44)."""

from __future__ import annotations

from digest.summarise.candidates import build_candidates
from digest.summarise.contextdek import context_dek
from digest.summarise.newsscore import scored
from tests.builders import make_entry
from tests.test_summarise_editor_r34 import brief

_LEAD = ("Two senior managers at a poultry plant in Velmora have been arrested over a fire that left 120 people "
         "dead, officials say.")
_FIRE = (_LEAD + "\n\n"
         "Monday's blaze, in the northern Jilmar province, was the country's deadliest fire in a decade.\n\n"
         "“We will find out who let this happen,” the provincial governor told reporters.\n\n"
         "Workers said the doors of the plant were locked when the fire broke out.\n\n"
         "An inquiry is due to report within a month.")


def brief_of(body: str, **kw):
    return brief(body, title="Two managers arrested over Velmora poultry plant fire", summary=_LEAD, **kw)


def test_a_later_sentence_telling_more_of_the_event_is_the_dek_when_the_standfirst_is_the_lead():
    b = brief_of(_FIRE)
    assert b.what_happened[0] == _LEAD
    assert b.dek == "Monday's blaze, in the northern Jilmar province, was the country's deadliest fire in a decade."


def _dek_after_lead(second: str) -> str | None:
    entry = make_entry(content=_LEAD + "\n\n" + second + "\n\nWorkers said the doors were locked.", summary=_LEAD,
                       title="Two managers arrested over Velmora poultry plant fire")
    candidates = scored(build_candidates((entry,)), (entry,))
    return context_dek(candidates, (entry,), headline=entry.title, shown=[_LEAD], years={})


def test_a_sentence_pointing_back_a_quote_a_step_to_come_or_timeless_background_is_no_dek():
    told = "Monday's blaze, in the northern Jilmar province, was the country's deadliest fire in a decade."
    assert _dek_after_lead(told) == told
    for second in ("Local residents in the northern Jilmar province shared that sentiment on Monday.",
                   "Workers in the northern Jilmar province had done something similar at another plant on Monday.",
                   "Previously, the plant was fined twice for locked fire doors in the northern Jilmar province.",
                   "The plant had also been fined for locked fire doors in the northern Jilmar province on Monday.",
                   "“Monday's blaze was the country's deadliest fire in a decade,” the Jilmar governor told reporters.",
                   "The plant will reopen on Monday after the managers' trial in the northern Jilmar province.",
                   "Poultry farming remains the main employer in the northern Jilmar province of Velmora.",
                   "Only lunches were sold at the plant, cash only, in the northern Jilmar province on Monday.",
                   "About 42 percent of the 900 workers in the northern Jilmar province were on shift on Monday.",
                   "Earlier this month, inspectors visited the plant in the northern Jilmar province.",
                   # longer than a standfirst may be: it would cost Who said what its entries
                   "Monday's blaze, which started in a storeroom at the back of the plant shortly after the morning shift "
                   "had begun, in the northern Jilmar province, was the country's deadliest fire in a decade, and the "
                   "third at a poultry plant in as many years.",
                   # the review's (REVIEW45): a verdict, a first count, a step to come in the past tense,
                   # background, a reported question, someone named before
                   "Monday's blaze was the result of years of official negligence in the northern Jilmar province.",
                   "Early reports on Monday put the death toll in the northern Jilmar province at 300.",
                   "The managers were due in court in the northern Jilmar province on Friday.",
                   "Days before the fire, inspectors had warned the managers in the northern Jilmar province.",
                   "Relatives asked on Monday why the fire doors in the northern Jilmar province had been locked.",
                   "The other man was released without charge in the northern Jilmar province on Monday.",
                   "Was Monday's blaze in the northern Jilmar province the country's deadliest fire in a decade?"):
        assert _dek_after_lead(second) is None, second


def test_the_dek_counts_against_the_word_budget():
    b = brief_of(_FIRE)
    words = sum(len(t.split()) for t in [b.dek or "", *b.what_happened, *(q.text for q in b.who_said_what), *b.what_next])
    assert b.dek and words <= 130


def test_only_a_report_sentence_in_the_writer_s_voice_in_the_opening():
    entry = make_entry(content=_FIRE, summary=_LEAD, title="Two managers arrested over Velmora poultry plant fire")
    candidates = scored(build_candidates((entry,)), (entry,))
    shown = [_LEAD]
    assert context_dek(candidates, (entry,), headline=entry.title, shown=shown, years={}) is not None
    # from a page that is no report, or when the blocks already show it: none
    others = [c.__class__(**{**c.__dict__, "report": False}) for c in candidates]
    assert context_dek(others, (entry,), headline=entry.title, shown=shown, years={}) is None
    every = [c.sentence.text for c in candidates]
    assert context_dek(candidates, (entry,), headline=entry.title, shown=every, years={}) is None


def test_a_standfirst_without_its_full_stop_is_shown_with_one():
    # Round 57: editors named a dek that ends without a stop; a short description may end like a headline.
    from digest.summarise.dek import standfirst
    from tests.builders import make_entry
    assert standfirst(make_entry(summary="More than 40 percent of patients carry the variant, which slows how they clear the drug")) == (
        "More than 40 percent of patients carry the variant, which slows how they clear the drug.")
    assert standfirst(make_entry(summary="The council approved the sea wall on Monday.")) == "The council approved the sea wall on Monday."
    assert standfirst(make_entry(summary="The mayor promised to “rebuild the sea wall by spring.”")) == (
        "The mayor promised to “rebuild the sea wall by spring.”")


def test_a_sentence_opening_on_an_event_or_a_document_not_shown_is_no_dek():
    # round 71: "During the inspection, one of the occupants admitted ..." under a headline on the seizure
    for second in ("During the inspection, one of the plant managers admitted the fire doors had been locked on Monday.",
                   "In the video, the plant's fire doors are seen locked on Monday as the blaze spreads."):
        assert _dek_after_lead(second) is None, second


def test_what_happened_takes_the_twin_of_its_lead_that_spells_its_acronym_out():
    body = ("AMO found Sunday 475 pounds of cocaine concealed inside a vessel at the Velmora boat ramp.\n\n"
            "Customs and Border Protection (CBP) Air and Marine Operations (AMO) found Sunday 475 pounds of cocaine "
            "concealed inside a vessel at the Velmora boat ramp on the east coast.\n\n"
            "The estimated value is $4.3 million.")
    b = brief(body, title="Federal agents find 475 pounds of cocaine in vessel at Velmora")
    assert b.what_happened[0].startswith("Customs and Border Protection (CBP) Air and Marine Operations (AMO) found")


def test_the_learned_dek_never_weighs_a_sentence_opening_on_an_unseen_event():
    from digest.summarise.contextdek import dek_candidates
    unseen = "During the inspection, one of the plant managers admitted the fire doors had been locked on Monday."
    entry = make_entry(content="\n\n".join([_LEAD, unseen, "Workers said the doors were locked.",
                                             "An inquiry is due to report within a month.", "The plant employed 300."]),
                       summary=_LEAD, title="Two managers arrested over Velmora poultry plant fire")
    candidates = scored(build_candidates((entry,)), (entry,))
    texts = [c.sentence.text for c in dek_candidates(candidates, [_LEAD], {})]
    assert "Workers said the doors were locked." in texts and unseen not in texts
