"""Role shapes roles.py's commas and capitals do not read, each graded a missing role by editors (round 44):

- a title after the name that runs on to the speech verb with no comma to close it ("Eric Durr, Director
  of Public Affairs at New York State Division of Military and Naval Affairs told Mashable ...");
- a job after an institution named with "at" ("Scripps Institution of Oceanography at the University of
  California San Diego scientist Aaron Thode wrote ..."), shown after the name;
- a company's chief before the name, in any sentence ("the home of Verizon CIO Shaygan Kheradpir");
- a sentence saying what someone named before is, with commas inside the role ("Goethe is a Kinesiology,
  health and sport studies professor at the Wayne State University in Detroit.").

roles_in reads these first: the article's fullest telling of who someone is.
"""

from __future__ import annotations

import functools
import re

from digest.summarise.jobs import JOB, QUALIFIER
from digest.summarise.roleshow import with_role

__all__ = ["more_roles"]

_CAPITALS = r"[A-Z][\w’'.&-]*(?:\s+(?:(?:of|for|and|the|&)\s+)*[A-Z][\w’'.&-]*){0,9}"


def more_roles(prose: str, person: str) -> list[tuple[str, str]]:
    """(name, speaker as shown with role) for each of the shapes above in ``prose``; ``person`` is the
    pattern of a full name (roles.PERSON)."""
    found = []
    for shape, after in _shapes(person):
        for match in shape.finditer(prose):
            name, role = match.group("name"), match.group("role")
            if "job" in shape.groupindex:  # "<institution> at <institution> scientist NAME": a scientist at ...
                job = match.group("job")
                role = f"{'an' if job[:1] in 'aeiou' else 'a'} {job} at {role}"
            found.append((name, with_role(name, role, after=after)))
    return found


@functools.lru_cache(maxsize=2)
def _shapes(person: str) -> tuple[tuple[re.Pattern[str], bool], ...]:
    """The shapes, compiled once for the name pattern, each with whether its role reads after the name."""
    unclosed = re.compile(rf"(?P<name>{person}),\s+(?P<role>(?:[A-Z][\w’'&.-]*\s+){{0,2}}(?i:{JOB})\s+(?:of|at|for)\s+"
                          rf"(?:the\s+)?{_CAPITALS}(?:\s+(?:at|of)\s+(?:the\s+)?{_CAPITALS})?)"
                          r"\s+(?=(?:told|said|says|explained|added|confirmed|wrote)\b)")
    org_job = re.compile(rf"(?:^|(?<=,\s))(?P<role>{_CAPITALS}\s+at\s+(?:the\s+)?{_CAPITALS})\s+"
                         rf"(?P<job>(?:{QUALIFIER}\s+)?{JOB})\s+(?P<name>{person})")
    chief = re.compile(rf"(?<![\w’'-])(?P<role>(?!(?:The|A|An|At|In|On|But|And|When|After|As|For)\s)(?:[A-Z][\w’'&.-]*\s+){{1,4}}"
                       rf"C[EFIOT]O)\s+(?P<name>{person})")
    told = re.compile(rf"^(?P<name>{person}|[A-Z][a-z][\w’'-]+)\s+is\s+(?P<role>(?:a|an)\s+[^.;:“”\"()]{{0,60}}?,[^.;:“”\"()]{{0,60}}?"
                      rf"\b{JOB}\s+(?:at|of|for|with)\s+(?:the\s+)?[A-Z][^,.;:“”\"()]{{2,80}}?)(?=[,.;]|$)")
    return ((unclosed, True), (org_job, True), (chief, False), (told, True))
