"""Who said what: whether a statement's speaker is the person a report's title names (voices.py weighs their words
up, by ``TITLED``). Pure."""

from __future__ import annotations

import re
from collections.abc import Sequence

from digest.summarise.candidates import NICKNAMES, Candidate
from digest.summarise.gender import GIVEN_NAMES
from digest.summarise.names import SUFFIXES, is_title, person_like

__all__ = ["TITLED", "in_titles"]

# The person a report's title names is the story's own voice: their words come before others' (reviewers of rounds 79
# to 83 asked six times for the title's person: "Ryan, the subject of the headline, is not quoted", "Holder's own
# statement, which the headline is about, is missing", "only the R&A's reply is shown", "the winner's own words").
TITLED = 0.8


def in_titles(c: Candidate, titles: Sequence[str], bodies: Sequence[str] = (), seen: dict[str, bool] | None = None) -> bool:
    """True when ``c``'s speaker is a person (a known given name or a title: not "Whole Foods") whose surname one
    of the story's report titles names; ``seen`` keeps each surname's answer for the story's other statements."""
    words = c.statement.speaker.split(",")[0].split() if c.statement else []
    if len(words) < 2 or not person_like(" ".join(words)) or not (
            any(w.lower() in GIVEN_NAMES for w in words[:-1]) or any(is_title(w) for w in words[:-1])):
        return False
    surname = re.sub(r"['’]s$", "", words[-1].rstrip(".")) if words[-1] not in SUFFIXES else words[-2]
    if seen is None:
        return _named(surname, titles, bodies)
    if surname not in seen:
        seen[surname] = _named(surname, titles, bodies)
    return seen[surname]


def _named(surname: str, titles: Sequence[str], bodies: Sequence[str]) -> bool:
    """True when a title names ``surname`` as one person of the reports (see in_titles)."""
    if len(surname) <= 2 or not surname[0].isupper() or _namesakes(surname, bodies):
        return False  # "Eric Trump" in a story of President Donald Trump: the title's Trump is not surely his
    body = " ".join(bodies)
    for t in titles:
        body = body.replace(t, " ")  # a page's text may open on its title: "Erdogan Defies ..." is no longer name
        for m in re.finditer(rf"(?<![\w’'-]){re.escape(surname)}(?![\w-])(?P<next>\s+[A-Z][\w’'-]*)?", t):
            # "White House rejects ...": a longer name the article writes too is not Senator Tom White
            if not (m.group("next") and re.search(rf"\b{re.escape(m.group(0))}\b", body)):
                return True
    return False


def _namesakes(surname: str, bodies: Sequence[str]) -> bool:
    """True when the reports name two people of ``surname`` ("President Donald Trump", "Eric Trump")."""
    given = {m.group(1) for b in bodies for m in re.finditer(rf"\b([A-Z][a-z]+)\s+(?:[A-Z]\.\s+)?{re.escape(surname)}\b", b)
             if m.group(1).lower() in GIVEN_NAMES}
    # "Dave Brat" and "David Brat", "Bill" and "William": one person's given name in two forms
    return len({NICKNAMES.get(g, g)[:3] for g in given}) > 1
