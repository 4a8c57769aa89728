"""Speaker roles as the article gives them, next to the name.

Two shapes are read: a role after the name between commas ("Maren Holt, chief executive of
the Port Authority, said") and a role before it ("Kestrel chief executive Livia Marrow").
A role must carry a job word, so "Maria Lopez, who sponsored the bill," gives none.
"""

from __future__ import annotations

import re

MAX_ROLE_WORDS = 20  # a longer role is left out whole: a role cut short misnames the speaker

_JOB = (
    r"(?:resident|student|teacher|nurse|farmer|worker|parent|mother|father|neighbou?r|voter|volunteer|"
    r"shopkeeper|pilot|driver|witness|survivor|chief|executive|director|minister|secretary|president|chair(?:man|woman|person)?|"
    r"spokes(?:man|woman|person)|economist|analyst|professor|leader|head|mayor|governor|senator|"
    r"official|manager|founder|co-founder|officer|adviser|advisor|lawyer|attorney|ceo|editor|"
    r"researcher|scientist|commissioner|ambassador|member|coach|captain|owner|partner|"
    r"representative|general|judge|chancellor|deputy|councillor|councilor|treasurer|dean|fellow|"
    r"strategist|campaigner|activist|organi[sz]er|engineer|inspector|superintendent|principal|"
    r"historian|expert|consultant|lecturer|physician|doctor|surgeon|pastor|bishop|priest|"
    r"mp|lawmaker|legislator|negotiator|envoy|prosecutor|sheriff|chief|vice)"
)
# A full stop after a title ("an adviser to Mr. Reid") does not end the role.
_NOT_ABBREV = r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bGov)(?<!\bSen)(?<!\bRep)(?<!\bGen)"
# Lower-case particles inside a name ("Laurence des Cars", "Ursula van der Berg", "Mohammed bin
# Salman") and Arabic article prefixes ("Ahmed al-Sharaa") are part of it.
PARTICLE = r"(?:de|des|du|di|da|dos|das|del|della|van|von|der|den|ter|ten|bin|bint|ibn|al|el|le|la)"
NAME_WORD = r"(?:[A-Z]|(?:al|el|ad|ash|as|an|ar|at|az|abu|bin|ibn)-[A-Z])[\w’'.-]*"
_PERSON = rf"[A-Z][\w’'.-]+(?:\s+(?:{PARTICLE}\s+){{0,2}}{NAME_WORD}){{1,3}}"
# The role runs to the next comma, and on through a place set off by commas ("..., Greenbelt,
# Maryland,") or a company suffix (", Inc."), so it is never cut inside a name.
_AFTER = re.compile(
    rf"(?P<name>{_PERSON}),\s+(?P<role>(?:the |a |an )?[a-z](?:[^,;:“”\"()]|\([^()]{{1,20}}\)){{2,160}}?"
    rf"(?:,\s+(?:[A-Z][\w.]*(?:\s+[A-Z][\w.]*){{0,2}}|Inc\.|Ltd\.?|Jr\.)(?=,))?)(?=,|;|{_NOT_ABBREV}\.(?:\s|$)|$)"
)
_BEFORE = re.compile(
    rf"(?<![\w’'-])(?P<role>(?:[A-Z][\w’'&.-]*\s+){{1,5}}(?:[a-z-]+\s+){{0,3}}?{_JOB}"
    rf"(?:\s+(?:to|of|for|at)\s+(?:the\s+)?[A-Z][\w’'.-]+)?)\s+(?P<name>{_PERSON})"
)
# A role set off before the name: "The university's interim president, Sarah Cole, said". The name
# between commas is found first; the role must end right before it (read from a short window).
_SET_OFF_NAME = re.compile(rf",\s+(?P<name>{_PERSON})(?=,)")
_ROLE_BEFORE_COMMA = re.compile(
    rf"(?:^|(?<=\s))(?:(?:[Tt]he|[Aa]n?|[a-z][\w’'-]*['’]s)\s+)?(?P<role>(?:[A-Z][\w.&-]*(?:\s+(?:(?:of|for|and|the)\s+)*[A-Z][\w.&-]*){{0,4}}['’]s\s+)?"
    rf"(?:(?:[a-z][\w-]*|[A-Z][a-z][\w-]*)\s+){{0,3}}(?i:{_JOB})"
    rf"(?:\s+(?:of|for|at|to)\s+(?:the\s+)?[A-Z][\w’'.&-]*(?:\s+[A-Z][\w’'.&-]*)*)?)$"
)
_ROLE_WINDOW = 120  # characters before the comma a role is looked for in
# The role found starts inside a longer name ("Oversight and Government Reform Committee spokesman").
_NAME_BEFORE = re.compile(r"[A-Z][\w’'&.-]*\s+(?:(?:and|of|for|the|&)\s+)+$")
_LIST_GOES_ON = re.compile(r",\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*,?\s+(?:and|&)\s+[A-Z]")
JOB_WORD = re.compile(rf"\b{_JOB}\b", re.IGNORECASE)
_NOT_ROLE = re.compile(r"^(?:who|which|that|whose|whom|when|where|while|after|before|as|if|and|but|said|says)\b")
_OPENERS = frozenset("The A An But And In On At For After Before When While If As This That Then Meanwhile Now".split())
_TRAILING = frozenset("of at for the and a an in on with to from".split())


def roles_in(prose: str) -> list[tuple[str, str]]:
    """Return (name, speaker as shown with role) for each person given a role in ``prose``."""
    found = []
    for match in _AFTER.finditer(prose):
        role = match.group("role")
        if _LIST_GOES_ON.match(prose, match.end()):
            role = ""  # "head of MIT's Science, Technology and Society program": the comma was inside a name
        if role and JOB_WORD.search(role) and not _NOT_ROLE.match(role):
            found.append((match.group("name"), _with_role(match.group("name"), role, after=True)))
    for match in _SET_OFF_NAME.finditer(prose):
        role = _ROLE_BEFORE_COMMA.search(prose[max(0, match.start() - _ROLE_WINDOW): match.start()])
        if role:
            found.append((match.group("name"), _with_role(match.group("name"), role.group("role"), after=False)))
    for match in _BEFORE.finditer(prose):
        words = match.group("role").split()
        if _NAME_BEFORE.search(prose, 0, match.start()):
            found.append((match.group("name"), match.group("name")))  # "Oversight and | Government ...": cut off
            continue
        while words and (words[0] in _OPENERS or words[0].capitalize() in _OPENERS):
            words = words[1:]
        if words and any(w[:1].islower() for w in words):
            found.append((match.group("name"), _with_role(match.group("name"), " ".join(words), after=False)))
    return found


def _with_role(name: str, role: str, *, after: bool) -> str:
    """Return the name with its whole role, or the bare name when the role is too long to show.

    A role is never cut: "an aide to Vice President" for "an aide to Vice President Mike Pence"
    names someone else's job.
    """
    words = role.split()
    if len(words) > MAX_ROLE_WORDS or words[-1].lower() in _TRAILING:
        return name
    return f"{name}, {role}" if after else f"{role} {name}"
