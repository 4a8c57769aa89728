"""How a role is shown with its name: whole, or not at all. A role cut short misnames the speaker
("an aide to Vice President" for an aide to Vice President Mike Pence), so a role too long to show
goes whole; a relative clause after the job, or a second role, may be left off where the first is whole.
roles.py finds the roles."""

from __future__ import annotations

import re

from digest.summarise.jobs import JOB, KIN, KIN_OWNED

__all__ = ["MAX_ROLE_WORDS", "bare", "unopened", "with_role"]

MAX_ROLE_WORDS = 20  # a longer role is left out whole: a role cut short misnames the speaker
# "an aide to Vice President": the office's holder was cut off, so the role names someone else's job
# ("a spokesman for the Prime Minister" names the office itself, and is whole).
_HOLDER_CUT = re.compile(
    r"\b(?:to|of|for|under)\s+(?:[A-Z][\w.]*\s+)*(?:President|Minister|Secretary|Governor|Senator|Mayor|"
    r"Chancellor|Speaker|Leader)$"
)
_OPENERS = frozenset("The A An But And In On At For After Before When While If As This That Then Meanwhile Now".split())
_TRAILING = frozenset("of at for the and a an in on with to from".split())


def unopened(words: list[str]) -> list[str]:
    """The words past a sentence opener ("But Roger Pilon" gives "Roger Pilon")."""
    while words and (words[0] in _OPENERS or words[0].capitalize() in _OPENERS):
        words = words[1:]
    return words


def bare(name: str) -> str:
    """The name without the sentence's full stop ("Lopiano." at a sentence end); "Jr." keeps its own."""
    return name[:-1] if name.endswith(".") and not re.search(r"\b(?:Jr|Sr|[A-Z])\.$", name) else name


# Two roles joined, each whole: "a senior scientist with X and a professor of Y at Z".
# (Not "... at the Institute for X and the Centre for Y": the second is no job.)
_FIRST_OF_TWO = re.compile(rf"((?:a|an|the)\s.+?)\s+and\s+(?:a|an|the)\s+(?:[a-z-]+\s+){{0,3}}?{JOB}\b")


# A role whose job is told whole before a relative clause: "a professor of gynecology at the Stanford
# University School of Medicine who has pioneered cervical cancer prevention techniques ...".
_BEFORE_RELATIVE = re.compile(rf"((?:a|an|the)\s(?:[\w’'.&-]+\s+){{0,3}}?{JOB}\b.*?)\s+(?:who|which|whose)\s")


_WHERE = re.compile(rf"((?:a|an|the)\s.*?\b{JOB}\b.*?\s(?:from|in|at|of)\s+[A-Z][^,;]*?)\s+where\s")


def with_role(name: str, role: str, *, after: bool) -> str:
    """Return the name with its whole role, or the bare name when the role is too long to show.

    A role is never cut: "an aide to Vice President" for "an aide to Vice President Mike Pence"
    names someone else's job.
    """
    role = role[:-1] if re.search(r"[a-z]{3}\.$", role) else role  # the sentence's full stop, not the role's
    role = role.removeprefix("also ")  # "Michael Hayden, also the former head of ...": "also" ties it to a role not shown
    role = re.sub(r"\b(who|which)\s+also\s+", r"\1 ", role)  # "..., who also was not involved": nobody else is shown
    if after and (place := _WHERE.match(role)):
        role = place.group(1)  # "an elder from Landy-Nawa where the Georgians have ...": the clause tells of the place
    words = role.split()
    kin_unowned = re.search(rf"\b{KIN}\b", role) and not KIN_OWNED.search(role)  # "son Usman Hasib": whose?
    if len(words) > MAX_ROLE_WORDS and after and (first := _FIRST_OF_TWO.match(role)):
        return with_role(name, first.group(1), after=True)  # "an attorney at X and the director of Y ...": the first
    if len(words) > MAX_ROLE_WORDS and after and (job := _BEFORE_RELATIVE.match(role)):
        return with_role(name, job.group(1), after=True)  # "a professor of X at Y who has pioneered ...": the job
    if len(words) > MAX_ROLE_WORDS or words[-1].lower() in _TRAILING or _HOLDER_CUT.search(role) or kin_unowned:
        return name
    return f"{name}, {role}" if after else f"{role} {name}"
