"""A plan a newer report tells as done: "Lois Lerner ... plans to invoke the Fifth Amendment during her expected
testimony ... on Wednesday" (an older report) under "She then invoked her Fifth Amendment right ..." (a newer one).
When reports disagree on timing, the newer one's wording wins (issue 12), so the older plan is neither What happened
nor the dek. Three reviewers of editor rounds 69 and 71 marked such a What happened as contradicting its headline.

The newer sentence must tell the same step: the plan's verb in the past, affirmed (not "never invoked", "has not
invoked", "would have invoked", "the rarely invoked right", "will be invoked"), with a word of the plan's object
right after it ("invoke the Fifth Amendment" / "invoked her Fifth Amendment right"; "will face trial" is not told by
"faced criticism"). Pure.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from digest.model import Entry
from digest.summarise.candidates import Candidate
from digest.summarise.centrality import overlap
from digest.summarise.shape import QUOTE_SPAN

__all__ = ["overtaken", "planned_step", "told_done"]

# A step told as still to come: "plans to invoke", "will invoke", "is expected to testify", "will also meet".
_PLANNED = re.compile(
    r"\b(?:(?:plans?|planned|intends?|intended|vows?|vowed|(?:is|are|was|were) (?:set|expected|scheduled|due|poised|going|"
    r"likely))\s+to|will)\s+(?:(?:also|formally|then|soon|again|now)\s+)?(?P<verb>[a-z]{3,})\b(?P<rest>[^.;:]{0,80})",
    re.IGNORECASE)
_NO_VERB = frozenset("not never also likely then soon back have remain stay continue keep".split())
# Irregular pasts of verbs news tells plans with.
_IRREGULAR = {"meet": "met", "take": "took", "make": "made", "give": "gave", "go": "went", "hold": "held",
              "speak": "spoke", "leave": "left", "tell": "told", "sell": "sold", "buy": "bought", "win": "won",
              "lose": "lost", "run": "ran", "come": "came", "begin": "began", "bring": "brought", "fight": "fought",
              "seek": "sought", "send": "sent", "pay": "paid", "lay": "laid", "sign": "signed", "quit": "quit",
              "set": "set", "put": "put", "cut": "cut", "shut": "shut", "hit": "hit", "strike": "struck",
              "choose": "chose", "throw": "threw", "fly": "flew", "grow": "grew", "rise": "rose", "sit": "sat",
              "stand": "stood", "withdraw": "withdrew", "undergo": "underwent", "build": "built", "spend": "spent"}
_ARTICLES = frozenset("the a an her his their its our my your this that these those some new own".split())
_SMALL = frozenset("to of in on at for with by from and or as into over before after during about".split())
# Before a past form, what makes it no deed: a negation, a condition, a modal's "have", "be" (still to come or a
# description), an article ("the rarely invoked right").
_NOT_DONE = re.compile(r"(?:\b(?:not|never|no longer|yet|rarely|seldom|often|widely|the|a|an)|n['’]t|"
                       r"\b(?:would|could|should|might|must|may|will|shall|can)\s+(?:not\s+)?(?:have|be|have been)|"
                       r"\b(?:to|be|being))\s+(?:\w+ly\s+)?$|\b(?:if|whether|unless)\b[^.;,]{0,30}$", re.IGNORECASE)


@functools.lru_cache(maxsize=4096)
def planned_step(text: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """(pattern of the verb's past, the words of its object) for each step ``text`` tells as still to come."""
    steps = []
    for match in _PLANNED.finditer(QUOTE_SPAN.sub(" ", text)):
        verb = match.group("verb").lower()
        if verb in _NO_VERB or verb.endswith("ly"):
            continue
        words = [w for w in re.findall(r"[\w’'-]+", match.group("rest")) if w.lower() not in _ARTICLES]
        objects = frozenset(w.lower() for w in words[:3] if w.lower() not in _SMALL and len(w) > 2)
        if objects:
            steps.append((_past(verb), objects))
    return tuple(steps)


def _past(verb: str) -> str:
    """A pattern of ``verb``'s past: "invoked", "testified", "admitted", "met"."""
    forms = {_IRREGULAR.get(verb, ""), verb + "d" if verb.endswith("e") else verb + "ed"}
    if re.search(r"[^aeiou]y$", verb):
        forms.add(verb[:-1] + "ied")
    if re.search(r"[^aeiou][aeiou][bdgklmnprt]$", verb):
        forms.add(verb + verb[-1] + "ed")  # "admit": "admitted"
    return r"\b(?:" + "|".join(re.escape(f) for f in sorted(forms) if f) + r")\b"


def told_done(planned: str, later: str) -> bool:
    """True when ``later`` tells as done a step ``planned`` tells as still to come, with a word of its object after it."""
    steps = planned_step(planned)
    if not steps:
        return False
    text = QUOTE_SPAN.sub(" ", later)
    for past, objects in steps:
        for done in re.finditer(past, text, re.IGNORECASE):
            after = {w.lower() for w in re.findall(r"[\w’'-]+", text[done.end():done.end() + 60])[:6]}
            if after & objects and not _NOT_DONE.search(text[max(0, done.start() - 40):done.start()]):
                return True
    return False


def overtaken(text: str, candidates: Sequence[Candidate], readable: Sequence[Entry], entry: Entry | None) -> bool:
    """True when a report published after ``entry`` tells as done, in any of its sentences, the step ``text`` (a
    sentence of ``entry``) tells as planned, in words of its own (a fifth shared at least)."""
    return entry is not None and entry.published is not None and bool(planned_step(text)) and any(
        (e := readable[c.sentence.entry]).published is not None and e.published > entry.published and c.report
        and told_done(text, c.sentence.text) and overlap(text, c.sentence.text) >= 0.2 for c in candidates)
