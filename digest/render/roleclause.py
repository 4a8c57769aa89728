"""The label's role before a clause that tells what a speaker did: '"...," said Wayne King, the congressman's deputy
chief of staff and district director, who resigned ...' rather than the clause alone (round 89's reviewer: "the role
as the article gives it is replaced by a clause"; review 97 for what it must leave alone)."""

from __future__ import annotations

import re

# A clause after the name that tells what they did, not who they are ("said King, who resigned from ..."; not "who is
# the union's president", "who was deputy chief of staff until December", which give a role of their own).
_DID_CLAUSE = re.compile(r"^,\s+(?:who|whose)\s+(?!(?:is|was|are|were|has been|had been|serves|served)\b)")
_ROLE_CLAUSE = re.compile(r",?\s+(?:who|whose|which)\s.*$")
# A role to set before it: a noun phrase, not one leaning on someone unnamed ("their mother"), no bare title or name
# ("President", "The Associated Press"), not cut on a preposition or an article ("a spokeswoman for").
_ROLE_LEANS = re.compile(r"^(?:his|her|their|its|our|my|your|who|whose|which)\b|"
                         r"\b(?:for|of|at|in|on|to|with|from|by)\s+(?:that|this|these|those)\s+\w", re.IGNORECASE)
_ROLE_CUT = re.compile(r"\b(?:for|of|at|in|on|to|with|from|by|the|a|an|and|or)$", re.IGNORECASE)
_CONTENT = re.compile(r"[a-z]{4,}")


def role_before_clause(role: str, after: str, text: str) -> str:
    """``after`` with the label's role put before a clause telling what the speaker did ("said Wayne King, the
    congressman's deputy chief of staff and district director, who resigned ..."; round 89's reviewer: "the role as
    the article gives it is replaced by a clause"): the role up to a clause of its own, when it is a noun phrase
    the sentence does not already give."""
    if not role or not _DID_CLAUSE.match(after):
        return after
    role = _ROLE_CLAUSE.sub("", role).rstrip(" ,")
    if not role or _ROLE_LEANS.search(role) or _ROLE_CUT.search(role) or not re.search(r"\b[a-z]", role) \
            or role.lower() in text.lower():
        return after
    clause = set(_CONTENT.findall(after.lower()))
    if any(word in clause for word in _CONTENT.findall(role.lower())):
        return after  # the clause names the role itself ("the president of the union, who leads the union")
    return f", {role}{after}"
