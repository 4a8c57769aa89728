"""What next: sentences that look ahead, told apart from reported past speech.

"would" after "said" is reported past ("he said he would resign"), so it is no cue; "will",
"is expected to", "plans to", "is set to", dates ahead and scheduled votes are. Hedged modals
("could", "may", "might") count, but weigh less, and "could have" looks back.
"""

from __future__ import annotations

import re

_STRONG = re.compile(
    r"\b(?:will|won['’]t|shall|(?:is|are) (?:expected|scheduled|set|poised|slated|"
    r"likely|unlikely|going) to|(?:is|are) due to (?:be|arrive|meet|vote|begin|start|open|close|return|"
    r"appear|take|hold|launch|visit|end|expire|report|deliver|announce|rule|decide|sign)|"
    r"(?:plans|intends|aims|vows|pledges|promises|hopes) to|(?:we|they|I) (?:plan|intend|aim|vow) to|(?:is|are) to "
    r"(?:be|face|meet|vote|decide|rule|appear|return)|deadline|next (?:week|month|year|step|"
    r"round|phase|meeting|session|hearing)(?!['’]s)|later this (?:week|month|year)|"
    r"(?:this|next) (?:spring|summer|fall|autumn|winter)|upcoming|tomorrow|"
    r"vote on|votes? (?:is|are) expected|scheduled for|set for|in the coming (?:days|weeks|months))\b",
    re.IGNORECASE,
)
_WEAK = re.compile(r"\b(?:could|may|might)\b")
_BACKWARD = re.compile(
    r"\b(?:could|may|might|would|will) (?:not )?have\b|\bcould not\b|\bcouldn['’]t\b|"
    r"\bwas going to\b|\bwere going to\b|\bwas to\b|\bwill of\b|\b(?:free|good|political|the) will\b",
    re.IGNORECASE,
)
# "would" is reported past unless a time still ahead comes with it: "said she would resign on Friday".
_WOULD = re.compile(r"\bwould\b(?! (?:not )?have\b)")
_FUTURE_TIME = re.compile(
    r"\b(?:(?:this|next|later this|by next) (?:week|weekend|month|year|spring|summer|fall|autumn|winter)|"
    r"tomorrow|tonight|in the coming (?:days|weeks|months)|within (?:days|weeks|the next)|"
    r"(?:on|by|until|before|next|this) (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
    r"by (?:the end of )?(?:20\d\d|January|February|March|April|May|June|July|August|September|October|"
    r"November|December))\b"
)
_GENERIC = re.compile(r"^(?:If|When|Whenever|Once|Unless)\b")
_QUOTED = re.compile(r"“[^“”]*”|\"[^\"]*\"|\([^()]*\)")
_AHEAD = re.compile(
    r"\b(?:on|by|until|before|next|this) (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday|January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)|\bin (?:20\d\d)\b|\bby (?:20\d\d)\b"
)


def outlook_score(text: str) -> float:
    """Return how strongly ``text`` looks ahead: 0 when it does not, higher for firm cues.

    Cues inside a direct quotation or a parenthesis do not count: what a speaker predicts belongs to Who said
    what, and the narration around it is what states the next step.
    """
    narration = _QUOTED.sub(" ", text)
    if text.rstrip().endswith("?") or _BACKWARD.search(narration) and not _STRONG.search(
        _BACKWARD.sub(" ", narration)
    ):
        return 0.0
    clean = _BACKWARD.sub(" ", narration)
    score = 0.0
    would = _WOULD.search(clean)
    if _STRONG.search(clean) or (would and _FUTURE_TIME.search(clean, would.end())):
        score = 2.0
    elif _WEAK.search(clean):
        score = 1.0
    if score and _AHEAD.search(clean):
        score += 0.5
    if _GENERIC.match(text):
        score -= 1.0  # "If the system fails, it will ...": how things work, not what comes next
    return max(score, 0.0)


def is_forward_looking(text: str) -> bool:
    """True when ``text`` states something ahead (a next step, a plan, a deadline)."""
    return outlook_score(text) > 0
