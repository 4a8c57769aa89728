"""A two-outlet story and a faithful model answer about it, shared by the llm writer's tests."""

from __future__ import annotations

import json
from typing import Any

from digest.model import RankedStory, Story
from tests.builders import make_entry

HERALD_TEXT = (
    "The city council voted 7-2 on Sunday to fund a new bridge over the Ostra river. "
    "“This bridge will connect two halves of our city,” Mayor Ana Ruiz said after the vote. "
    "Construction is due to start in March. "
    "Opposition councillor Piet Marten said the cost of 40 million euros was too high."
)
WIRE_TEXT = (
    "Councillors backed the Ostra bridge by seven votes to two on Sunday. "
    "“We have waited ten years for this crossing,” said Lena Vos, who chairs the transport committee. "
    "The vote clears the way for tenders to be issued in January."
)

FAITHFUL: dict[str, Any] = {
    "headline": "Council approves new bridge over the Ostra river",
    "dek": "The 7-2 vote clears the way for tenders in January.",
    "what_happened": ["The city council voted 7-2 on Sunday to fund a new bridge over the Ostra river.",
                      "Construction is due to start in March."],
    "who_said_what": [
        {"speaker": "Mayor Ana Ruiz", "text": "“This bridge will connect two halves of our city.”",
         "source": "The Harbor Herald"},
        {"speaker": "Lena Vos, who chairs the transport committee",
         "text": "We have waited ten years for this crossing", "source": "Meridian Wire"},
    ],
    "what_next": ["Tenders are to be issued in January, Meridian Wire reports."],
}


def bridge_story(story_id: str = "bridge", *, rank: int = 1) -> RankedStory:
    """The story: The Harbor Herald's report (the lead) and Meridian Wire's."""
    herald = make_entry(uid=f"{story_id}-h", feed="The Harbor Herald", feed_url="https://herald.example/rss",
                        title="Council approves new river bridge after decade of debate",
                        summary="The council backed the Ostra bridge.", content=HERALD_TEXT)
    wire = make_entry(uid=f"{story_id}-w", feed="Meridian Wire", feed_url="https://wire.example/rss",
                      title="River bridge wins council backing", summary="", content=WIRE_TEXT)
    return RankedStory(Story(story_id, (herald, wire)), rank=rank, score=5.0, why="2 outlets")


def answer(**changes: Any) -> str:
    """The faithful answer as JSON text, with ``changes`` to some of its parts."""
    return json.dumps({**FAITHFUL, **changes}, ensure_ascii=False)
