"""A person's institution read right after the name: "Michael Shadlen of Columbia's Zuckerman
Institute", "Hamish Jolly, from SAMS", "Lukas Stefanko with ESET"; a place ("of Texas") is none.
roles.py shows it as the role."""

from __future__ import annotations

import re

__all__ = ["DEGREE", "affiliation", "institution"]

# A degree may stand between the name and its institution: "Michael Shadlen, Ph.D., of Columbia University's ...".
DEGREE = r"(?:,\s+(?:Ph\.\s?D\.|PhD|M\.\s?D\.|MD|MBA|Esq\.)(?=,))?"
_ALSO = re.compile(r",?\s+also(?=\s+(?:of|from|at)\s)")  # "Stefan Gillessen, also from the Max Planck Institute"
_DEGREE_THEN = re.compile(rf"{DEGREE},?(?=\s)")
# ("Tom Bonier of the liberal National Committee for an Effective Congress": a word or two before the name, "an" inside it)
# ("Lucy Raymond, from the department of medical genetics at the University of Cambridge": a unit of it first)
_KIND = r"(?:alliance|charity|coalition|campaign|group|union|think\s+tank|organi[sz]ation|network|firm|company|lobby|trust)"
_OF_ORG = re.compile(r"\s+(?:of|from|at|with)\s+"
                     r"(?:the\s+(?:department|division|faculty|school|unit)\s+of\s+(?:[a-z-]+\s+){1,3}(?:at|of)\s+)?"
                     # ("Kate Dalmeny from food and farming alliance Sustain": the kind of body, then its name)
                     rf"(?:(?:the\s+)?(?:[a-z-]{{3,}}\s+(?:and\s+)?){{0,3}}{_KIND}\s+|the\s+(?:[a-z]{{3,}}\s+){{0,2}})?[A-Z][\w’'.&-]*"
                     r"(?:\s+(?:(?:of|for)\s+(?:(?:the|an?)\s+)?|(?:and|the|&)\s+)?[A-Z][\w’'.&-]*){0,9}")
# An institution ends on a word of one, or one heads it (or it is someone's: "Columbia's Zuckerman
# Institute"); "of Texas" is a place.
_ORG_END = re.compile(
    r"(?:['’]s\s|\b(?:University|College|Institute|Institution|Center|Centre|School|Foundation|Council|Association|"
    r"Society|Agency|Bureau|Department|Ministry|Commission|Committee|Company|Corporation|Group|Laboratory|Lab|"
    r"Hospital|Clinic|Trust|Fund|Bank|Union|Coalition|Alliance|Network|Office|Service|Board|Party|Times|Post|"
    r"Journal|News|Inc|Corp|Ltd|LLC|Partners|Capital|Research|Observatory|Museum|Academy|Federation|League)"
    # ... or a word of one heading its name: "the Institute of Vertebrate Paleontology", "University of Auckland"
    r"(?:\.?$|\s+(?:of|for)\s+(?:(?:the|an?)\s+)?[A-Z]))"
    # ... or follows the kind of body it is ("from food and farming alliance Sustain")
    rf"|\b{_KIND}\s+[A-Z][\w’'.&-]*(?:\s+[A-Z][\w’'.&-]*){{0,4}}$"
    # ... or is an acronym ("Hamish Jolly, from SAMS", "a researcher at MIT"); a country's is a place
    r"|^\s+(?:of|from|with)\s+(?:the\s+)?(?!(?:US|UK|USA|EU|UAE|DC|NYC|LA|NSW|NZ|PNG|QLD|ACT|SA|WA|NT|ICU|ER|AGM)\b)[A-Z]{2,6}\.?$"
)


_CONDITION = re.compile(r"\b(?:ALS|HIV|AIDS|PTSD|ADHD|MS|COPD|COVID|OCD|CF|MND)\b")  # "with ALS" is no employer
_WITH_ENDS = re.compile(r"\s*(?:[,.;:)]|$)|\s+(?:in|on|at|said|says|told|who|and|to|for|wrote|writes)\b")


def institution(name: str) -> bool:
    """True when ``name`` ("the Copernicus Climate Change Service", "ESET") reads as an institution."""
    return bool(_ORG_END.search(" of " + name))


def affiliation(prose: str, end: int) -> str:
    """The " of <institution>" right after a name ("of Columbia's Zuckerman Institute"), else ""."""
    degree = _DEGREE_THEN.match(prose, end)  # ", Ph.D.," is skipped: the role is the institution
    start = degree.end() if degree else end
    also = _ALSO.match(prose, start)
    match = _OF_ORG.match(prose, also.end() if also else start)
    if not match or not _ORG_END.search(match.group(0)):
        return ""
    # "with" names an employer only where the phrase ends ("Lukas Stefanko with ESET in a Monday
    # analysis"), not a group the person acts with ("... with NATO allies").
    if match.group(0).lstrip().startswith("with") and (not _WITH_ENDS.match(prose, match.end())
                                                       or _CONDITION.search(match.group(0))):
        return ""
    return match.group(0).rstrip(".") if re.search(r"\w{4,}\.$", match.group(0)) else match.group(0)
