"""Who said what: words a "when" clause sets back on an earlier day (round 89), mended in the session after it.

Every test failed before its rule.
"""

from __future__ import annotations

import pytest

from digest.summarise.quotes import said_earlier


@pytest.mark.parametrize(("text", "earlier"), [
    # round 89: "Any optimism is a step forward from Friday, when Speaker John A. Boehner told reporters that ..."
    ("Any optimism is a step forward from Friday, when Speaker Ana Lind told reporters that there was no progress.", True),
    ("The mood was better than on Friday, when Ana Lind said talks had stalled.", True),
    ("It was a change since last week, when Ana Lind told reporters the bill was dead.", True),
    # a "when" clause dating the news itself, or no look back, is not
    ("On Friday, when the vote came, Ana Lind said the bill was dead.", False),
    ("Ana Lind said on Friday, when the vote came, that the bill was dead.", False),
    # round 89: "After the bruising debt-ceiling fight from 2011, Obama recently warned that he will not ..."
    ("After the fight over the budget, Lind recently warned that she will not play that game again.", True),
    ("Lind previously said the bill was dead.", True),
    ("Lind said on Friday that the bill had recently stalled.", False),
    ("“The chances are tremendous,” Lind said, her voice raspy from her recently explained illness.", False),
])
def test_words_a_when_clause_sets_back_are_said_earlier(text, earlier):
    assert said_earlier(text) is earlier
