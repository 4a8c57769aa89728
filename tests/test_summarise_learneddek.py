"""The learned dek of last resort (digest/summarise/contextdek.py, ``learned_dek``): when no rule finds a
dek, the sentence editors would most likely send, if the fitted scorer is sure enough (blind A/B, editor
round 58); weights fitted by bench/dek_eval.py on bench/data/dek_labels.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from digest.summarise.candidates import build_candidates
from digest.summarise.contextdek import DEK_FEATURES, dek_candidates, dek_features, dek_probability, learned_dek
from digest.summarise.dek_weights import DEK_THRESHOLD, DEK_WEIGHTS
from tests.builders import make_entry
from tests.test_summarise_editor_r34 import brief

_TITLE = "Massy checkout system fails across Velmora"
_LEAD = "Shoppers at Massy Stores were turned away on Tuesday after the chain's checkout system failed across Velmora."
_REST = ("“We apologise to our customers for the inconvenience,” said Massy spokeswoman Ann Lee.\n\n"
         "The company said the fault was fixed by late afternoon.\n\n"
         "Card payments at petrol stations in Velmora were not affected, Lee said.\n\n"
         "“I waited at the till for an hour,” said one shopper, Mary Gold.\n\n"
         "Massy has run supermarkets in Velmora since 1923.")
_TOLD = ("Sales at the company's 23 Velmora branches could not be completed for six hours on Tuesday, leaving customers "
         "at the tills.")


def test_with_no_standfirst_the_sentence_editors_would_send_is_the_dek():
    b = brief(f"{_LEAD}\n\n{_TOLD}\n\n{_REST}", title=_TITLE)
    assert b.what_happened[0] == _LEAD
    assert b.dek == _TOLD
    assert _TOLD not in [*b.what_happened, *(q.text for q in b.who_said_what), *b.what_next]


def test_no_learned_dek_from_a_page_too_short_to_rate_its_sentences():
    # on a page of fewer than four sentences every sentence is central: the scorer was not fitted on such pages
    short = _REST.split("\n\n")[1]
    assert brief(f"{_LEAD}\n\n{_TOLD}\n\n{short}", title=_TITLE).dek is None


@pytest.mark.parametrize("told", [
    # opening on a conjunction, or asked: never the dek however likely (review 62)
    f"But {_TOLD[0].lower()}{_TOLD[1:]}",
    "Could sales at the company's 23 Velmora branches be completed on Tuesday, with customers left at the tills?",
])
def test_a_conjunction_opener_or_a_question_is_never_the_dek(told):
    assert brief(f"{_LEAD}\n\n{told}\n\n{_REST}", title=_TITLE).dek != told


_SIDE = "Card payments at petrol stations in Velmora were not affected, Lee said."


def test_no_dek_when_no_sentence_is_likely_enough():
    # after the lead only a quotation, a question, the company's and a shopper's words and its history: none is a dek
    b = brief(f"{_LEAD}\n\nIs this the end of cash in Velmora?\n\n{_REST.replace(_SIDE, '')}", title=_TITLE)
    assert b.dek is None
    # the spokeswoman's account of what the fault spared is, at the threshold of round 96 (0.28; 0.35 before)
    # (shown with the surname in full: "..., Ann Lee said.")
    assert brief(f"{_LEAD}\n\nIs this the end of cash in Velmora?\n\n{_REST}", title=_TITLE).dek == \
        _SIDE.replace("Lee", "Ann Lee")


def _candidates(body: str):
    entry = make_entry(content=body, title=_TITLE)
    return entry, build_candidates((entry,))


def test_the_likeliest_sentence_shown_in_no_block_and_only_over_the_threshold():
    entry, candidates = _candidates(f"{_LEAD}\n\n{_TOLD}\n\n{_REST}")
    assert learned_dek(candidates, (entry,), headline=_TITLE, shown=[_LEAD], years={}, own=0) == _TOLD
    # a sentence a block shows is never the dek
    assert learned_dek(candidates, (entry,), headline=_TITLE, shown=[_LEAD, _TOLD], years={}, own=0) is None
    # nor a sentence of a page that is no report
    others = [c.__class__(**{**c.__dict__, "report": False}) for c in candidates]
    assert learned_dek(others, (entry,), headline=_TITLE, shown=[_LEAD], years={}, own=0) is None


def test_features_read_what_editors_turned_down():
    entry, candidates = _candidates(f"{_LEAD}\n\nIts staff called that only the start.\n\nBut was it the end of cash?\n\n{_REST}")
    allowed = dek_candidates(candidates, [_LEAD], {})
    assert "But was it the end of cash?" not in [c.sentence.text for c in allowed]  # a conjunction, a question
    # nor what goes on from a sentence before it (review 89: the bench reads the candidates learned_dek reads)
    _, more = _candidates(f"{_LEAD}\n\nHours later, he said that was only the start of it.\n\n{_REST}")
    assert not any(c.sentence.text.startswith("Hours later") for c in dek_candidates(more, [_LEAD], {}))
    _, more = _candidates(f"{_LEAD}\n\nIt came after the mayor chided the council on Friday for the delay.\n\n{_REST}")
    assert not any(c.sentence.text.startswith("It came") for c in dek_candidates(more, [_LEAD], {}))  # round 89
    by_text = {c.sentence.text: dek_features(c, (entry,), headline=_TITLE, shown=[_LEAD], years={}, own=0) for c in allowed}
    leaning = by_text["Its staff called that only the start."]
    assert leaning["pronoun"] == 1.0 and leaning["pos1"] == 1.0
    assert [t for t, v in by_text.items() if dek_probability(v) >= DEK_THRESHOLD] == [_SIDE]  # round 96's threshold


@pytest.mark.parametrize("told", [
    # at the lower threshold of round 96, shapes that lean on what the reader has not been told, or set a scene
    "That suggests the chain's checkout system in Velmora needs replacing before the holiday season.",
    "There's a queue of angry shoppers outside every one of the company's 23 Velmora branches.",
    "Until then, sales at the company's 23 Velmora branches were completed by hand for six hours.",
    "Massy has since gone on to open 23 branches in Velmora and to sell its own card terminals.",
    "The chain's new card terminals in its 23 Velmora branches were meant to change that.",
    "Although the fault was fixed by late afternoon, shoppers at the company's 23 Velmora branches lost a day of sales.",
    "Though sales at the company's 23 Velmora branches resumed on Wednesday, card payments failed again.",
    # review 99: more that lean on the sentence before
    "This prompted the chain to replace the checkout system in its 23 Velmora branches.",
    "That led to queues at every one of the company's 23 Velmora branches on Tuesday.",
    "There have been three such failures at the company's 23 Velmora branches this year.",
])
def test_a_sentence_leaning_on_one_before_it_or_setting_a_scene_is_no_candidate(told):
    _, candidates = _candidates(f"{_LEAD}\n\n{told}\n\n{_REST}")
    texts = [c.sentence.text for c in dek_candidates(candidates, [_LEAD], {})]
    assert told not in texts
    assert "The company said the fault was fixed by late afternoon." in texts  # the others stay


def test_the_weights_cover_every_feature_and_the_threshold_is_a_probability():
    assert set(DEK_WEIGHTS) == set(DEK_FEATURES)
    assert 0.0 < DEK_THRESHOLD < 1.0


def test_the_labels_are_two_editors_answers_on_parts_outside_the_held_back_pages():
    labels = json.loads((Path(__file__).resolve().parents[1] / "bench" / "data" / "dek_labels.json").read_text("utf-8"))
    assert len(labels["briefs"]) >= 100
    for lab in labels["briefs"]:
        assert lab["part"] not in ("held", "fresh")  # the editor rounds' blind pages are never labelled for tuning
        who = {a["by"] for a in lab["labellers"]}
        assert len(who) == 2
        for pick in lab["picks"]:
            assert set(pick["by"]) <= who and pick["text"]
        picked = {a["pick"] for a in lab["labellers"]} | {a["second"] for a in lab["labellers"]}
        assert {p["id"] for p in lab["picks"]} == picked - {"NONE", "-"}


@pytest.mark.parametrize("told", [
    # review 99: news, not a scene or a sentence leaning on one before
    "There were 42 tills out of order at the company's largest store, in Port Velmora, by noon.",
    "The chain has since March replaced the tills at 23 Velmora branches after two earlier faults.",
    "This winter the company's 23 Velmora branches lost a day of sales to the fault on Tuesday.",
])
def test_news_opening_like_a_scene_or_a_pointer_stays_a_candidate(told):
    _, candidates = _candidates(f"{_LEAD}\n\n{told}\n\n{_REST}")
    assert told in [c.sentence.text for c in dek_candidates(candidates, [_LEAD], {})]
