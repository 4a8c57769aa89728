"""Acronyms in a speaker's label spelled out as the article spells them: "**HCSO** said a report should have been
taken." tells a reader nothing the article did not ("ABC13 called the Harris County Sheriff's Office ... HCSO
said ..."); editors marked every such label down ("unexplained acronym for the speaker": HCSO, SAMS, UWA, ITK).

An acronym is spelled out only where the outlet's own article gives it in full: its name with the acronym in
brackets ("Shark Attack Mitigation Systems (SAMS)"), or a body's name whose capitals are the acronym's letters
("the Harris County Sheriff's Office" for HCSO). The label then reads "Shark Attack Mitigation Systems (SAMS)"
where it said "SAMS": the email (render/quoteview.py) finds the acronym in the sentence by that form. Names every
reader knows (FBI, NASA, NHS, UN) are left as they are, and so is a possessive ("UWA's"). Pure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from digest.model import Entry, Quote
from digest.summarise.candidates import Candidate
from digest.summarise.centrality import near_duplicate
from digest.summarise.names import ORG_TAIL

_PREPOSITIONS = (" from ", " of ", " at ", " with ", " for ", " by ")
# An acronym standing alone in the label: not inside brackets the label already has ("Angela Merkel (CDU)"), not a
# possessive (the email could not find "UWA's" in the sentence again).
_ACRONYM = re.compile(r"(?<![\w&.(-])(?P<acr>[A-Z]{2,6})(?![\w&.)’'-])")
_KNOWN = frozenset("""US USA UK UN EU NATO FBI CIA NSA NASA CEO CFO COO CTO CIO GOP DNC RNC NFL NBA MLB NHL NCAA FIFA UEFA
IOC WHO IMF BBC CNN NBC CBS ABC AP AFP NPR PBS IRS FDA CDC EPA DOJ SEC FTC FCC TV AI IT PR HR NYPD LAPD UAE MP MPS
PM DC LLC PLC AG OK II III IV NHS MIT NRA OPEC ESPN HBO IBM ACLU NYU UCLA COVID NAACP AARP HIV AIDS BMW""".split())
_ROMAN = re.compile(r"^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")  # "XVI", not "DMV"
# A capitalised word of a name, and the small words a name may hold between them ("University of Western Australia"),
# on one line.
_WORD = r"(?<![\w’'&-])[A-Z][\w’'&-]*"
_JOINER = r"(?:of|for|the|and|on|in|de|du|des|la|le|y|&)"
_NAME = rf"{_WORD}(?:[ \t]+(?:{_JOINER}[ \t]+)*{_WORD}){{0,9}}"
_SMALL = frozenset({"of", "for", "the", "and", "on", "in", "&", "de", "du", "des", "la", "le", "y"})


def spelled_out(said: Sequence[Quote], entries: Sequence[Entry]) -> tuple[Quote, ...]:
    """``said`` with each little-known acronym in a speaker's label given in full as the quote's outlet spells it."""
    return tuple(_spelled(q, " ".join(e.text for e in entries if e.feed == q.source)) for q in said)


def _spelled(quote: Quote, text: str) -> Quote:
    speaker, done = quote.speaker, set()
    for match in reversed(list(_ACRONYM.finditer(speaker))):
        acr = match.group("acr")
        if acr in _KNOWN or _ROMAN.match(acr) or acr in done or speaker.count(acr) > 1:
            continue
        name = _in_full(acr, text)
        if name is None or name in speaker:
            continue
        before = speaker[:match.start()]
        # "the chief scientist of FAST": "... of the Five-hundred-meter Aperture Spherical Radio Telescope (FAST)"
        article = "the " if before.endswith(_PREPOSITIONS) and _the_before(text, name) else ""
        if re.search(r"(?:^|\s)an\s$", before, re.IGNORECASE) and name[0] not in "AEIOU":
            before = before[:-2] + " "  # "an HCSO deputy": "a Harris County Sheriff's Office (HCSO) deputy"
        speaker = before + article + f"{name} ({acr})" + speaker[match.end():]
        done.add(acr)
    return quote if speaker == quote.speaker else replace(quote, speaker=speaker)


def _in_full(acr: str, text: str) -> str | None:
    """The name ``text`` spells ``acr`` out as: the shortest run of capitalised words right before "(ACR)" whose
    capitals are its letters (else hold them in order from the first); or, for an acronym of three letters or more
    that the text also uses, a body's name whose capitals are exactly its letters ("the Harris County Sheriff's
    Office" for HCSO), never a person's ("Vladimir Putin" for VP). None when it does not."""
    for exact in (True, False):
        for match in re.finditer(rf"(?P<name>{_NAME})[ \t]+\({re.escape(acr)}\)", text):
            name = _matching(match.group("name"), acr, exact=exact)
            if name:
                return name
    if len(acr) < 3 or not re.search(rf"(?<![\w&.-]){acr}(?![\w&-])", text):
        return None
    for match in re.finditer(_NAME, text):
        name = _matching(match.group(0), acr, exact=True)
        if name and any(w in ORG_TAIL for w in name.split()):
            return name
    return None


def _matching(run: str, acr: str, *, exact: bool) -> str | None:
    """The shortest end of ``run`` whose capitalised words' initials are ``acr`` (or, unless ``exact``, share its
    first letter and hold its letters in order, with two more at most, or are held in it: "University of Georgia"
    for UGA), without a leading small word or a possessive; None when no end of it does."""
    words = run.split()
    for start in range(len(words) - 1, -1, -1):
        if words[start].lower() in _SMALL:
            continue
        tail = words[start:]
        initials = "".join(w[0] for w in tail if w[0].isupper())
        if initials == acr or not exact and initials[:1] == acr[:1] and (_in_order(acr, initials) or _in_order(initials, acr)) \
                and len(initials) <= len(acr) + 2:
            return re.sub(r"['’]s$", "", " ".join(tail))
    return None


def _in_order(letters: str, initials: str) -> bool:
    found = iter(initials)
    return all(letter in found for letter in letters)


def _the_before(text: str, name: str) -> bool:
    return re.search(rf"\bthe\s+{re.escape(name)}", text, re.IGNORECASE) is not None


def spelled_twin(chosen: Candidate, candidates: Sequence[Candidate]) -> Candidate:
    """``chosen``, or a sentence of the same report telling the same that spells out an acronym ``chosen`` leaves
    bare: "AMO found Sunday 475 pounds of cocaine ..." over "U.S. Customs and Border Protection (CBP) Air and Marine
    Operations (AMO) found Sunday 475 pounds (215.5 kilos) of cocaine ..." (round 71)."""
    bare = {m.group("acr") for m in _ACRONYM.finditer(chosen.sentence.text)} - _KNOWN
    if not bare:
        return chosen
    return next((c for c in candidates if c is not chosen and c.sentence.entry == chosen.sentence.entry
                 and c.statement is None and any(f"({acr})" in c.sentence.text for acr in bare)
                 and near_duplicate(c.sentence.text, chosen.sentence.text, limit=0.5)), chosen)
