"""Headlines: a title in one outlet's slanted words gives way to another report's plain title (round 75)."""

from __future__ import annotations

import pytest

from digest.summarise.headline import pick_headline_entry
from tests.builders import make_entry


@pytest.mark.parametrize("slanted", [
    "Dem running for Senate in Velmora mocks rival as farmer 'who never went to law school'",
    "Harbour emails underscore council's concern over failure to act on warnings",
    "Mayor slams harbour board over pier closure vote",
])
def test_a_slanted_title_gives_way_to_a_plain_one(slanted):
    plain = "Velmora harbour board votes to close the north pier"
    entries = (make_entry(uid="a", title=slanted), make_entry(uid="b", title=plain))
    assert pick_headline_entry(entries).title == plain


def test_a_slanted_title_still_heads_the_brief_when_it_is_the_only_one():
    only = "Mayor slams harbour board over pier closure vote"
    assert pick_headline_entry((make_entry(uid="a", title=only),)).title == only
