"""digest.json: the contract's shape, a lossless round trip, and clear errors for bad edits."""

from __future__ import annotations

import copy

import pytest

from digest.errors import DigestFileError
from digest.schema import digest_from_dict, digest_to_dict
from tests.builders import make_brief, make_digest

STORY_KEYS = ["id", "rank", "score", "why", "update", "headline", "dek", "what_happened",
              "who_said_what", "what_next", "sources"]


def test_document_has_the_contract_fields_in_order():
    doc = digest_to_dict(make_digest())
    assert list(doc) == ["title", "date", "generated_at", "intro", "stories", "more", "feeds"]
    story = doc["stories"][0]
    assert list(story)[:len(STORY_KEYS)] == STORY_KEYS  # the contract's keys first, in order; then additive ones
    assert list(story)[len(STORY_KEYS):] == ["dek_source", "what_happened_sources", "what_next_sources"]
    assert list(story["who_said_what"][0]) == ["speaker", "text", "source"]
    assert list(story["sources"][0]) == ["name", "title", "url", "published", "kind"]
    assert doc["generated_at"] == "2026-11-23T06:00:00+00:00"


def test_round_trip_is_lossless():
    digest = make_digest(intro="Morning.", more=(make_brief(id="m", rank=11),))
    assert digest_from_dict(digest_to_dict(digest)) == digest


def test_the_outlets_of_the_sentences_go_round_and_a_hand_edit_unpairs_them():
    brief = make_brief(dek="A dek.", dek_source="Courier", what_happened=("One.", "Two."),
                       happened_sources=("Courier", "Example Times"), what_next=("Next.",), next_sources=("",))
    doc = digest_to_dict(make_digest(stories=(brief,)))
    story = doc["stories"][0]
    assert (story["dek_source"], story["what_happened_sources"], story["what_next_sources"]) == \
        ("Courier", ["Courier", "Example Times"], [""])
    assert digest_from_dict(doc).stories[0] == brief
    older = copy.deepcopy(doc)  # a digest.json written before the keys: read as not known
    for key in ("dek_source", "what_happened_sources", "what_next_sources"):
        older["stories"][0].pop(key)
    assert digest_from_dict(older).stories[0].cited_next() == (("Next.", ""),)
    cut = copy.deepcopy(doc)  # a hand edit cut a What next sentence and not its outlet: none is cited
    cut["stories"][0]["what_next"] = []
    cut["stories"][0]["what_next_sources"] = ["Courier"]
    assert digest_from_dict(cut).stories[0].cited_next() == ()
    cut["stories"][0]["what_next"] = ["Next.", "And after."]
    assert digest_from_dict(cut).stories[0].cited_next() == (("Next.", ""), ("And after.", ""))
    cut["stories"][0]["what_next_sources"] = [None, "Courier"]  # null: not known, as dek_source writes it
    assert digest_from_dict(cut).stories[0].cited_next() == (("Next.", ""), ("And after.", "Courier"))
    story["what_next_sources"] = [3]
    story["dek_source"] = ["Courier"]
    with pytest.raises(DigestFileError) as caught:
        digest_from_dict(doc)
    assert "stories[0].what_next_sources[0]: expected a string" in str(caught.value)
    assert "stories[0].dek_source" in str(caught.value)


def test_every_bad_field_is_named():
    doc = digest_to_dict(make_digest())
    bad = copy.deepcopy(doc)
    bad["stories"][0]["headline"] = ""
    bad["stories"][0]["what_happened"] = "not a list"
    bad["stories"][0]["who_said_what"][0].pop("speaker")
    bad["stories"][0]["sources"][0]["published"] = "yesterday"
    bad["feeds"][0]["status"] = "fine"
    bad["generated_at"] = "2026-11-23T06:00:00"
    with pytest.raises(DigestFileError) as caught:
        digest_from_dict(bad, where="out/digest.json")
    message = str(caught.value)
    assert message.startswith("out/digest.json: ")
    for path in ("stories[0].headline", "stories[0].what_happened", "stories[0].who_said_what[0].speaker",
                 "stories[0].sources[0].published", "feeds[0].status", "generated_at"):
        assert path in message, path


@pytest.mark.parametrize("field, path", [("who_said_what", "stories[0].who_said_what[0]"),
                                         ("sources", "stories[0].sources[0]"), ("feeds", "feeds[0]")])
def test_an_item_that_is_not_an_object_is_named(field, path):
    doc = digest_to_dict(make_digest())
    (doc if field == "feeds" else doc["stories"][0])[field][0] = "x"
    with pytest.raises(DigestFileError) as caught:
        digest_from_dict(doc)
    assert f"{path}: expected an object" in str(caught.value)


@pytest.mark.parametrize("date", ["Monday", "2026-13-01", "23/11/2026"])
def test_the_date_must_be_an_iso_date(date):
    doc = digest_to_dict(make_digest())
    doc["date"] = date
    with pytest.raises(DigestFileError, match=r"date: .* is not an ISO date"):
        digest_from_dict(doc)


def test_top_level_must_be_an_object():
    with pytest.raises(DigestFileError, match="JSON object"):
        digest_from_dict([1, 2])


def test_edits_are_kept():
    doc = digest_to_dict(make_digest())
    doc["stories"][0]["headline"] = "Rewritten by an editor"
    doc["stories"].reverse()
    doc["intro"] = "Added by hand."
    digest = digest_from_dict(doc)
    assert [b.id for b in digest.stories] == [s["id"] for s in doc["stories"]]  # the new order
    assert "Rewritten by an editor" in [b.headline for b in digest.stories]
    assert digest.intro == "Added by hand."


def test_source_kind_is_read_back_and_checked():
    digest = make_digest()
    doc = digest_to_dict(digest)
    doc["stories"][0]["sources"][0]["kind"] = "opinion"
    assert digest_from_dict(doc).stories[0].sources[0].kind == "opinion"
    del doc["stories"][0]["sources"][0]["kind"]  # written before kinds existed
    assert digest_from_dict(doc).stories[0].sources[0].kind == "report"
    doc["stories"][0]["sources"][0]["kind"] = "gossip"
    with pytest.raises(DigestFileError, match=r"stories\[0\]\.sources\[0\]\.kind: must be one of"):
        digest_from_dict(doc)
