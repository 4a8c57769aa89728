"""Small pieces of the pipeline that need no edges."""

from __future__ import annotations

from digest.config import FeedConfig
from digest.pipeline import outlet_weights


def test_an_outlet_with_several_feeds_keeps_its_highest_weight():
    feeds = [FeedConfig("Meridian Wire", "a.xml", 1.2), FeedConfig("Meridian Wire", "b.xml", 0.8),
             FeedConfig("Capital Ledger", "c.xml")]
    assert outlet_weights(feeds) == {"Meridian Wire": 1.2, "Capital Ledger": 1.0}
    assert outlet_weights(list(reversed(feeds))) == {"Meridian Wire": 1.2, "Capital Ledger": 1.0}
