"""What happened: faults round 89's reviewers named, mended in the session after it.

Every test failed before its rule.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from digest.model import RankedStory, Story
from digest.summarise import get_summariser
from digest.summarise.event import lead_states_event, states_event_firmly
from digest.summarise.shape import leans_back
from tests.builders import make_entry


def test_this_week_is_a_time_not_a_pointer():
    # "This week" says when, not which: it leans on nothing before it
    assert not leans_back("This week Velmora Disks announced it had improved its platters to allow bigger drives.")
    assert not leans_back("This morning the council voted to close the harbour.")
    # "This" as the subject still points back, and "This week, however," ties on
    assert leans_back("This was the first time the council voted to close the harbour.")
    assert leans_back("This decision came after a long debate.")
    assert leans_back("This week, however, the council lost its chair after a row over prices.")


@pytest.mark.parametrize(("text", "states"), [
    # round 89 (fresh HAMR page): the frame's verb is no event; what follows it is a state
    ("As TechDaily reports, Velmora Disks is the world's largest maker of platters, which are the disks stacked "
     "inside each drive.", False),
    # a frame over an event still states it
    ("As Reuters reported, police arrested two men near the harbour on Tuesday.", True),
])
def test_a_frame_crediting_another_outlet_lends_no_event_verb(text, states):
    assert states_event_firmly(text) is states
    assert lead_states_event(text) is states


def test_what_happened_opens_on_the_announcement_not_the_background_under_a_frame():
    text = ("As the world's demand for storage grows, so does the need for denser drives.\n\n"
            "As TechDaily reports, Velmora Disks is the world's largest maker of platters, which are the disks stacked "
            "inside each drive.\n\n"
            "This week Velmora Disks announced it had improved its heat-assisted recording to allow 80TB drives.\n\n"
            "Rivals will start shipping 20TB drives later this year.")
    entry = make_entry(content=text, title="Velmora platters promise 80TB drives",
                       published=datetime(2026, 11, 23, 5, tzinfo=UTC))
    made = get_summariser("extractive").summarise(RankedStory(Story("s", (entry,)), rank=1, score=1.0, why="t"))
    assert made.what_happened[0].startswith("This week Velmora Disks announced")
