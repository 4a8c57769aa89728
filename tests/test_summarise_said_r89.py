"""Who said what: words a "when" clause sets back on an earlier day (round 89), mended in the session after it.

Every case marked True failed before its rule; the False ones guard what it must leave alone (review 95).
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
    # review 95: a saying inside what someone said today, a "when" clause that has closed, "once" as a conjunction
    ("Lind told reporters on Tuesday that Republicans had recently warned they would not back any deal.", False),
    ("Police said the two men had recently told officers they were armed.", False),
    ("The bill has stalled since Monday, when the talks began, Lind said on Tuesday.", False),
    ("Talks resumed after Tuesday, when the vote failed, and Lind said on Wednesday the bill was dead.", False),
    ("Lind told reporters on Tuesday that the mood was worse than on Friday, when Tom Cole said a deal was close.", False),
    ("Lind said on Tuesday that the deal, once confirmed, would have ended the shutdown.", False),
    ("Lind at once denied the report on Tuesday.", False),
    ("“The bill is dead,” Lind said on Tuesday, her voice hoarse from Lind's recently explained illness.", False),
    ("Since last week, when Lind told reporters the bill was dead, talks have stalled.", True),
    ("“The bill is dead,” Lind recently said.", True),
])
def test_words_a_when_clause_sets_back_are_said_earlier(text, earlier):
    assert said_earlier(text) is earlier
