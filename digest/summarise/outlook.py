"""What next: sentences that look ahead, told apart from reported past speech.

"would" after "said" is reported past ("he said he would resign"), so it is no cue; "will",
"is expected to", "plans to", "is set to", dates ahead and scheduled votes are. Hedged modals
("could", "may", "might") count, but weigh less, and "could have" looks back.
"""

from __future__ import annotations

import re

_STRONG = re.compile(
    r"\b(?:will|won['’]t|shall|(?:is|are) (?:now |also |still |then )?(?:expected|scheduled|set|poised|slated|"
    r"likely|unlikely|going) to|(?:is|are) due to (?:be|arrive|meet|vote|begin|start|open|close|return|"
    r"appear|take|hold|launch|visit|end|expire|report|deliver|announce|rule|decide|sign)|"
    # a step due on a day or for a stage: "All briefs in the case are due Aug. 14.", "The bill is due for a vote next week."
    # ("He is due in court on Monday.", "She is due back in court Feb. 3", "Final bids are due at noon Friday.")
    r"(?:is|are) due (?:back )?(?:in court\b|(?:in court )?(?:(?:on|by|in|before|at) )?(?:noon |\d{1,2}(?::\d\d)? ?[ap]\.?m\.? )?"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|tonight|tomorrow|"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?\b))|"
    r"(?:is|are) due for (?:an? )?(?:[a-z]+ )?(?:vote|hearing|review|decision|ruling|sentencing|release|trial|debate)|"
    # a step told in the present with its day ahead: "The law takes effect Jan. 1.", "Her last day is April 1.",
    # "The exhibition opens on Friday.", "The appointment runs through this fall."
    r"(?:takes? effect|comes? into (?:force|effect)|opens|begins|starts|ends|closes|expires|resumes|"
    r"runs? (?:through|until)|(?:last|final|first) day (?:is|will be))\s+(?:on\s+|at\s+[^,.;]{1,12}?\s+)?"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|tonight|tomorrow|"
    r"(?:this|next) (?:week|weekend|month|year|spring|summer|fall|autumn|winter)|"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?\b)|"
    r"(?:plans|intends|aims|vows|pledges|promises|hopes) to|(?:we|they|I) (?:plan|intend|aim|vow) to|(?:is|are) to "
    r"(?:be|face|meet|vote|decide|rule|appear|return)|"
    # a stated plan: "Next steps include refining the device ..." (round 79's reviewer missed it), "The next step is to ..."
    r"next steps? (?:include|includes|involve|involves|(?:is|are|will be) (?:to|an? (?:[a-z-]+ )?(?:vote|hearing|review|"
    r"trial|study|decision|ruling|meeting|appeal|audit|inquiry|test|survey|report|plan|proposal|bid|application|filing|"
    r"sale|launch|debate|referendum|election|consultation)s?)\b)|"
    r"deadline|next (?:week|month|year|step|"
    r"round|phase|meeting|session|hearing)(?!['’]s)|later this (?:week|month|year)|"
    r"(?:this|next) (?:spring|summer|fall|autumn|winter)|upcoming|tomorrow|"
    r"(?:will|to) vote on|votes? (?:is|are) expected|scheduled for|set for|in the coming (?:days|weeks|months)|"
    # a fixture told in the present: "Game 2 is Sunday night.", "The sentencing is on July 14."
    r"(?:game \d+|vote|hearing|trial|election|runoff|primary|final|match|race|meeting|summit|sentencing|ceremony|"
    r"funeral|launch|premiere|opener|debate|inauguration|referendum|arraignment)s? (?:is|are) (?:on )?"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|tonight|(?:January|February|March|April|May|June|"
    r"July|August|September|October|November|December) \d{1,2}))\b",
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


# An attributed expectation: "advisers believe a reversal is 'inevitable'", "analysts expect ... to".
_EXPECT = re.compile(
    r"\b(?:believes?|expects?|predicts?|anticipates?|forecasts?)\b(?! in\b)[^.;]{0,120}?"
    r"\b(?:will|inevitable|imminent|likely|unlikely|soon|eventually|to (?:come|happen|rise|fall|grow|end|continue))\b",
    re.IGNORECASE,
)
_PARENS = re.compile(r"\([^()]*\)")


# A cue inside a relative clause looks ahead for someone or something else ("Grassley, who plans
# to seek a seventh term"; "programs that will soon go into effect"); after a determiner "plans"
# is a noun ("with plans to attempt a stop").
# A clause that is background to the sentence: "after the IMF projected prices would rise",
# "questioned whether the system will meet the standard", "as the House was preparing to vote".
_SUBORDINATOR = re.compile(r"\b(?:after|since|because|whether|if|how|as (?:the|a|an|his|her|their|its))\b[^,;:—–]{0,80}$",
                           re.IGNORECASE)


def _subordinate(text: str, at: int) -> bool:
    """True when position ``at`` sits in a relative, background or indirect-question clause."""
    before = text[max(0, at - 90): at]
    return bool(_RELATIVE.search(before[-40:]) or _SUBORDINATOR.search(before))


_RELATIVE = re.compile(r"\b(?:who|which|whose)\s+(?:\w+\s+){0,2}$|\bthat\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_DETERMINER = re.compile(r"\b(?:with|of)\s+(?:[\w-]+\s+)?$|\b(?:the|its|his|her|their|our)\s+$", re.IGNORECASE)


def _main_clause_cue(text: str) -> bool:
    """True when a firm cue looks ahead outside a relative clause (and "plans" is a verb).

    A time alone ("later this month") after a verb in the past ("has attacked the president for
    declining a meeting later this month") dates something that happened, not a next step.
    """
    for m in _STRONG.finditer(text):
        before = text[max(0, m.start() - 40): m.start()]
        noun = m.group(0).lower().startswith(("plans", "intends", "aims")) and _DETERMINER.search(before)
        # A time alone never makes a next step: "comes as Arizona prepares to host the Super Bowl next year".
        past = _TIME_ONLY.fullmatch(m.group(0))
        if not (_subordinate(text, m.start()) or noun or past):
            return True
    return False


_TIME_ONLY = re.compile(r"(?:later this|next|this) \w+|upcoming|tomorrow", re.IGNORECASE)
_PAST_VERB = re.compile(r"\b(?:has|have|had|was|were)\s+(?!(?:been\s+)?(?:set|scheduled|expected|due|planned)\b)\w+(?:ed|en)\b|"
                        r"\b(?!(?:need|feed|seed|speed|proceed|exceed|succeed)\b)[a-z]+ed\b(?! to\b)")


def _expects(text: str, narration: str) -> bool:
    """True for an attributed expectation; the verb must be the narration's, what is expected may be quoted."""
    return bool(_EXPECT.search(_PARENS.sub(" ", text)) and _EXPECT_VERB.search(narration))


_EXPECT_VERB = re.compile(r"\b(?:believes?|expects?|predicts?|anticipates?|forecasts?)\b(?! in\b)", re.IGNORECASE)


def outlook_score(text: str, *, quoted: bool = False) -> float:
    """Return how strongly ``text`` looks ahead: 0 when it does not, higher for firm cues.

    Cues inside a direct quotation or a parenthesis do not count: what a speaker predicts belongs to Who said
    what, and the narration around it is what states the next step. With ``quoted``, cues inside quotation
    marks count too: for narration that quotes a report's own words ('Biden "will never announce" the shift').
    """
    narration = (_PARENS if quoted else _QUOTED).sub(" ", text)
    if text.rstrip().endswith("?") or _BACKWARD.search(narration) and not _STRONG.search(
        _BACKWARD.sub(" ", narration)
    ):
        return 0.0
    clean = _BACKWARD.sub(" ", narration)
    score = 0.0
    would = _WOULD.search(clean)
    would_ahead = would and _FUTURE_TIME.search(clean, would.end()) and not _subordinate(clean, would.start())
    if _main_clause_cue(clean) or _expects(text, clean) or would_ahead:
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
