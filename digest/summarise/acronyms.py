"""Acronyms in a speaker's label spelled out as the article spells them: "**HCSO** said a report should have been
taken." tells a reader nothing the article did not ("ABC13 called the Harris County Sheriff's Office ... HCSO
said ..."); editors marked every such label down ("unexplained acronym for the speaker": HCSO, SAMS, UWA, ITK).

An acronym is spelled out only where the outlet's own article gives it in full: its name with the acronym in
brackets ("Shark Attack Mitigation Systems (SAMS)"), or a name whose capitals are the acronym's letters ("the
Harris County Sheriff's Office" for HCSO, "the University of Western Australia" for UWA). The label then reads
"Shark Attack Mitigation Systems (SAMS)" where it said "SAMS", and "the University of Western Australia's"
where it said "UWA's". Names every reader knows (FBI, NASA, UN) are left as they are. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from digest.model import Entry, Quote

_PREPOSITIONS = (" from ", " of ", " at ", " with ", " for ", " by ")
_ACRONYM = re.compile(r"(?<![\w&.-])(?P<acr>[A-Z]{2,6})(?P<own>['’]s)?(?![\w&.-])")
_KNOWN = frozenset("""US USA UK UN EU NATO FBI CIA NSA NASA CEO CFO COO CTO CIO GOP DNC RNC NFL NBA MLB NHL NCAA FIFA UEFA
IOC WHO IMF BBC CNN NBC CBS ABC AP AFP NPR PBS IRS FDA CDC EPA DOJ SEC FTC FCC TV AI IT PR HR NYPD LAPD UAE MP MPS
PM DC LLC PLC AG OK II III IV""".split())
# A capitalised word of a name, and the small words a name may hold between them ("University of Western Australia").
_WORD = r"[A-Z][\w’'&-]*"
_JOINER = r"(?:of|for|the|and|on|in|de|du|des|la|le|y|&)"
_NAME = rf"{_WORD}(?:\s+(?:{_JOINER}\s+)*{_WORD}){{0,9}}"


def spelled_out(said: Sequence[Quote], entries: Sequence[Entry]) -> tuple[Quote, ...]:
    """``said`` with each little-known acronym in a speaker's label given in full as the quote's outlet spells it."""
    return tuple(_spelled(q, " ".join(e.text for e in entries if e.feed == q.source)) for q in said)


def _spelled(quote: Quote, text: str) -> Quote:
    speaker = quote.speaker
    for match in reversed(list(_ACRONYM.finditer(speaker))):
        acr = match.group("acr")
        full = None if acr in _KNOWN else _in_full(acr, text)
        if full is None:
            continue
        name, the = full
        before = speaker[:match.start()]
        # "from UWA's Ocean Institute": "from the University of Western Australia's ...", "the chief scientist of FAST":
        # "... of the Five-hundred-meter Aperture Spherical Radio Telescope (FAST)"
        article = "the " if the and before.endswith(_PREPOSITIONS) else ""
        shown = article + name + (match.group("own") or f" ({acr})")
        speaker = before + shown + speaker[match.end():]
    return quote if speaker == quote.speaker else replace(quote, speaker=speaker)


def _in_full(acr: str, text: str) -> tuple[str, bool] | None:
    """(the name, whether the text sets "the" before it) the text spells ``acr`` out as; None when it does not."""
    for match in re.finditer(rf"(?P<name>{_NAME})\s+\({re.escape(acr)}\)", text):
        name = _matching(match.group("name"), acr)
        if name:
            return name, _the_before(text, name)
    for match in re.finditer(_NAME, text):
        name = _matching(match.group(0), acr, exact=True)
        if name:
            return name, _the_before(text, name)
    return None


def _matching(run: str, acr: str, *, exact: bool = False) -> str | None:
    """The end of ``run`` whose capitalised words' initials are ``acr`` (or, unless ``exact``, hold its letters
    in order from the first), without a leading "The"; None when no end of it does."""
    words = run.split()
    for start in range(len(words)):
        if words[start].lower() in ("of", "for", "the", "and", "on", "in", "&"):
            continue
        tail = words[start:]
        initials = "".join(w[0] for w in tail if w[0].isupper())
        if initials == acr or not exact and initials[:1] == acr[:1] and _in_order(acr, initials) \
                and len(initials) <= len(acr) + 2:
            return " ".join(tail)
    return None


def _in_order(letters: str, initials: str) -> bool:
    found = iter(initials)
    return all(letter in found for letter in letters)


def _the_before(text: str, name: str) -> bool:
    return re.search(rf"\bthe\s+{re.escape(name)}", text, re.IGNORECASE) is not None
