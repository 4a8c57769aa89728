"""Does a sentence read above What happened, before the event is told? (the dek over the lead)

A sentence that goes on from one before it cannot: a pronoun for its object ("briefed them on ..."), a word that
ties it on ("Now", "Hours later"), "the <thing>" or "<Name>'s" that the headline has not given the reader.
"""

from __future__ import annotations

import re

from digest.summarise.jobs import KIN
from digest.summarise.names import person_like
from digest.summarise.shape import MONTHS, WEEKDAYS

# A sentence that reads on from one before it: a pronoun for its object ("on it", "briefed them"), a word that
# ties it on ("Now", "Lucky for them", "As the story goes"; not "In the end": round 88's reviewer sent "In the end,
# district officials made a cautious decision regarding the threat, ..." as a dek), or, checked against the headline,
# "the <thing>" or "<Name>'s" the reader has not met.
_OBJECT_PRONOUN = re.compile(r"\b(?:on|in|of|about|to|with|for|from|at|by|into|over|behind|briefed|told|gave|showed|"
                             r"asked|called|named|sent|left)\s+(?:it|them)\b|\b(?:made|took)\s+them\b|"
                             # ("made it legal", "made it to the final", "took it upon himself": an empty "it")
                             r"\b(?:made|took)\s+it\b(?!\s+(?:clear|legal|illegal|possible|impossible|harder|easier|"
                             r"difficult|a crime|an offen[cs]e|to|upon)\b)")
# ("they found" closing a clause of its own, "... were debated, they found."; not "Police said they found ...", whose
# "they" is the police; "is also" of the subject, not of a relative clause: "Jane Smith, who is also ...")
_THEY_TOLD = re.compile(r"(?:^|[,;]\s+)(?:[Tt]hey|[Hh]e|[Ss]he) (?:found|said|say|says|added|reported|told)\b|"
                        r"(?<!\bwho )(?<!\bwhich )(?<!\bthat )\b(?:is|are) also\b")
_TIES_ON = re.compile(r"^(?:Now|But|And|So|Yet|Still|Also|Meanwhile|However|Instead|Then|Later|Afterwards?|"
                      r"Eventually|Finally|Indeed|Lucky|Luckily|As the story goes|Even so|Despite this|"
                      r"Shortly after(?:wards?)?|Soon after(?:wards?)?|Within (?:hours|minutes|days)|After (?:that|this)|"
                      r"(?:[A-Z]\w* (?:hours|minutes|days|moments|weeks)|(?:Hours|Minutes|Days|Moments|Weeks)) (?:later|earlier))"
                      r"\b(?![-’'])")  # ("So-called ...", "Then-Governor ..." are no ties)
_DEFINITE = re.compile(r"^(?:The|This|That|These|Those|Such)\s+([^,;:]*)")
_VERBISH = re.compile(r"^(?:is|are|was|were|has|have|had|will|would|can|could|may|might|said|says|took|[a-z]+ed|"
                      r"in|at|on|of|near|outside|after|for|from|with|by|to)$")  # the thing ends at its verb or a preposition
_CALENDAR_WORD = re.compile(rf"(?:{WEEKDAYS}|{MONTHS})\b")
# A nation's or a city's own body is one of a kind, met or not: "The Greek cabinet agreed ...", "The U.S. military ..."
# (not a day's: "The Tuesday police raid" is a thing)
_NATIONAL_BODY = re.compile(rf"(?:(?!(?:{WEEKDAYS})\b)[A-Z][\w.’'-]+\s+){{1,2}}"
                            r"(?:cabinet|government|parliament|army|military|navy|police|"
                            r"central bank|supreme court|high court|senate|coast guard|health ministry|foreign ministry)\b")
_OWNER_HEAD = re.compile(r"^(?:[A-Z][\w’'-]+\s+)*(?P<owner>[A-Z][\w’'-]+)['’]s?\s")
# A day's own tells when, not whose: "Monday's blaze, in Jilin province, ...", "Last Tuesday's vote ..." (not "Theresa May's")
_DAY_OWNER = re.compile(rf"^(?:(?:Last|This|Next)\s+)?(?:{WEEKDAYS}|{MONTHS})['’]s\s")
# Someone's kin or circle: "Heather Grant's husband", "Grant's lawyer", "Smith's aides"
_KIN_OR_CIRCLE = re.compile(rf"(?:[a-z-]+\s+)?(?:{KIN}s?|family|widow(?:er)?|children|parents|girlfriend|boyfriend|fianc[eé]e?|"
                            r"partner|lawyers?|attorneys?|aides?|spokes(?:man|woman|person))\b")


def reads_first(sentence: str, headline: str) -> bool:
    """True when ``sentence`` can be read under ``headline`` before What happened tells the event."""
    if goes_on(sentence):
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
        named = bool(words) and words[-1][:1].isupper() and not _CALENDAR_WORD.match(words[-1]) \
            or bool(_NATIONAL_BODY.match(head.group(1)))
        if not named and not any(_stem(w) in said for word in words for w in _WORD.findall(_fold(word))):
            return False
    return not _owner_unmet(sentence, headline)


# A pronoun for its subject: "It came after Boehner publicly chided Obama on Friday ..." (round 89's reviewer: "the dek
# opens with 'It'"); not an empty "it" ("It was announced on Monday that ...", "It took 15 days to end ...").
_SUBJECT_PRONOUN = re.compile(r"^(?:He|She|They)\s|^It\s(?!(?:was|is|has been|took|takes)\s)")


def goes_on(sentence: str) -> bool:
    """True when ``sentence`` goes on from the one before it whatever the headline says: a pronoun for its subject or
    its object ("It came after ...", "briefed them on ..."), a word tying it on ("Hours later, ...", "Lucky for
    them"), "they found", "is also"."""
    return bool(_OBJECT_PRONOUN.search(sentence) or _TIES_ON.match(sentence) or _THEY_TOLD.search(sentence)
                or _SUBJECT_PRONOUN.match(sentence))


def leans_above(sentence: str, headline: str) -> bool:
    """True for a sentence no dek of last resort may be: one going on from a sentence before it, or one opening on
    kin the headline has not given (contextdek.py)."""
    return goes_on(sentence) or kin_unmet(sentence, headline)


def _owner_unmet(sentence: str, headline: str) -> bool:
    """True when ``sentence`` opens on "<Name>'s" and the headline has not given the reader the name: it reads only
    after the sentence that introduced the name. A day's ("Monday's blaze, in Jilin province, ...") tells when."""
    owner = _OWNER_HEAD.match(sentence)
    if owner is None or _DAY_OWNER.match(sentence):
        return False
    said = {_stem(w) for w in _WORD.findall(_fold(headline))}
    return not all(_stem(w) in said for w in _WORD.findall(_fold(owner.group("owner"))))


def kin_unmet(sentence: str, headline: str) -> bool:
    """True when ``sentence`` opens on a person's kin or circle the headline has not given the reader ("Heather
    Grant's husband was badly injured ..." under "Deceased Clarendon crash victims identified"). A country's or a
    body's own ("Greece's cabinet agreed ...") is no one's kin: it reads."""
    owner = _OWNER_HEAD.match(sentence)
    if owner is None or not _owner_unmet(sentence, headline):
        return False
    run = re.sub(r"['’]s?$", "", sentence[:owner.end()].rstrip())
    return person_like(run) or bool(_KIN_OR_CIRCLE.match(sentence[owner.end():]))


_WORD = re.compile(r"[^\W\d_]+")


def _fold(text: str) -> str:
    """``text`` in lower case without apostrophes ("O’Brien" -> "obrien")."""
    return re.sub(r"['’]", "", text).lower()


def _stem(word: str) -> str:
    """A word's stem for telling it in a headline: its first five letters ("ruling" and "rules" differ, "mill" of
    "million" is no "Miller")."""
    return word[:5]
