"""Does a sentence read above What happened, before the event is told? (the dek over the lead)

A sentence that goes on from one before it cannot: a pronoun for its object ("briefed them on ..."), a word that
ties it on ("Now", "Hours later"), "the <thing>" or "<Name>'s" that the headline has not given the reader.
"""

from __future__ import annotations

import re

# A sentence that reads on from one before it: a pronoun for its object ("on it", "briefed them"), a word that
# ties it on ("Now", "Lucky for them", "As the story goes", "In the end"), or, checked against the headline,
# "the <thing>" or "<Name>'s" the reader has not met.
_OBJECT_PRONOUN = re.compile(r"\b(?:on|in|of|about|to|with|for|from|at|by|into|over|behind|briefed|told|gave|showed|"
                             r"asked|called|named|sent|left)\s+(?:it|them)\b|\b(?:made|took)\s+them\b|"
                             # ("made it legal", "made it to the final", "took it upon himself": an empty "it")
                             r"\b(?:made|took)\s+it\b(?!\s+(?:clear|legal|illegal|possible|impossible|harder|easier|"
                             r"difficult|a crime|an offen[cs]e|to|upon)\b)")
_THEY_TOLD = re.compile(r"\b(?:they|he|she) (?:found|said|say|says|added|reported|told)\b|\bis also\b|\bare also\b")
_TIES_ON = re.compile(r"^(?:Now|But|And|So|Yet|Still|Also|Meanwhile|However|Instead|Then|Later|Afterwards?|"
                      r"Eventually|Finally|Indeed|Lucky|Luckily|As the story goes|In the end|Even so|Despite this|"
                      r"Shortly after(?:wards?)?|Soon after(?:wards?)?|Within (?:hours|minutes|days)|After (?:that|this)|"
                      r"(?:\w+ )?(?:Hours|Minutes|Days|Moments|Weeks) (?:later|earlier))\b")
_DEFINITE = re.compile(r"^(?:The|This|That|These|Those|Such)\s+([^,;:]*)")
_VERBISH = re.compile(r"^(?:is|are|was|were|has|have|had|will|would|can|could|may|might|said|says|took|[a-z]+ed|"
                      r"in|at|on|of|near|outside|after|for|from|with|by|to)$")  # the thing ends at its verb or a preposition
_CALENDAR_WORD = re.compile(r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|"
                            r"May|June|July|August|September|October|November|December)\b")
_OWNER_HEAD = re.compile(r"^(?:[A-Z][\w’'-]+\s+)*(?P<owner>[A-Z][\w’'-]+)['’]s?\s")


def reads_first(sentence: str, headline: str) -> bool:
    """True when ``sentence`` can be read under ``headline`` before What happened tells the event."""
    if _OBJECT_PRONOUN.search(sentence) or _TIES_ON.match(sentence) or _THEY_TOLD.search(sentence):
        return False
    said = {_stem(w) for w in _WORD.findall(_fold(headline))}
    if head := _DEFINITE.match(sentence):
        words: list[str] = []
        for word in head.group(1).split()[:3]:
            if words and _VERBISH.match(word):
                break
            words.append(word)
        # "The 38-year-old Applewhite", "The Russian Foreign Ministry": a name ends it; "The dramatic incident", "The
        # ceremony in Pierre", "The Tuesday ceremony": a thing
        named = bool(words) and words[-1][:1].isupper() and not _CALENDAR_WORD.match(words[-1])
        if not named and not any(_stem(w) in said for word in words for w in _WORD.findall(_fold(word))):
            return False
    owner = _OWNER_HEAD.match(sentence)
    return owner is None or all(_stem(w) in said for w in _WORD.findall(_fold(owner.group("owner"))))


_WORD = re.compile(r"[^\W\d_]+")


def _fold(text: str) -> str:
    """``text`` in lower case without apostrophes ("O’Brien" -> "obrien")."""
    return re.sub(r"['’]", "", text).lower()


def _stem(word: str) -> str:
    """A word's stem for telling it in a headline: its first five letters ("ruling" and "rules" differ, "mill" of
    "million" is no "Miller")."""
    return word[:5]
