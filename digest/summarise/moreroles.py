"""Role shapes roles.py's commas and capitals do not read, each graded a missing role by editors (round 44):

- a title after the name that runs on to the speech verb with no comma to close it ("Eric Durr, Director
  of Public Affairs at New York State Division of Military and Naval Affairs told Mashable ...");
- a job after an institution named with "at" ("Scripps Institution of Oceanography at the University of
  California San Diego scientist Aaron Thode wrote ..."), shown after the name;
- a company's chief before the name, in any sentence ("the home of Verizon CIO Shaygan Kheradpir");
- a show, film or book quoted before the job ("“Fleabag” creator Phoebe Waller-Bridge");
- a sentence saying what someone named before is, with commas inside the role ("Goethe is a Kinesiology,
  health and sport studies professor at the Wayne State University in Detroit.");
- a lawmaker's party and state after the name, with the title before it ("Representative Jackie Speier,
  Democrat of California") or abbreviated ("Sen. Max Baucus, D-Mont.", "Pat Toomey, R-Pa."), and an office told
  with them ("..., Republican of Tennessee and chairman of the Foreign Relations Committee"); round 45 graded
  the bare title a role trimmed.

roles_in reads these first: the article's fullest telling of who someone is.
"""

from __future__ import annotations

import functools
import re

from digest.summarise.affiliation import institution
from digest.summarise.gender import given_name
from digest.summarise.jobs import JOB, QUALIFIER
from digest.summarise.roleshow import unopened, with_role

__all__ = ["more_roles", "titled_roles"]

_CAPITALS = r"[A-Z][\w’'.&-]*(?:\s+(?:(?:of|for|and|the|&)\s+)*[A-Z][\w’'.&-]*){0,9}"


def more_roles(prose: str, person: str) -> list[tuple[str, str]]:
    """(name, speaker as shown with role) for each of the shapes above in ``prose``; ``person`` is the
    pattern of a full name (roles.PERSON)."""
    from digest.summarise.names import NOT_NAMES  # names.py reads roles.py's name parts: imported when first used
    found = []
    for shape, after in _shapes(person):
        for match in shape.finditer(prose):
            name, role = " ".join(unopened(match.group("name").split())), match.group("role")  # "But Ana Lind": Ana Lind
            if not name:
                continue
            if "job" in shape.groupindex:  # "<institution> at <institution> scientist NAME": a scientist at ...
                front = role.split(" at ")[0]
                if not institution(front) or front.split()[0] in NOT_NAMES:
                    continue  # "Yesterday at the Velmora Forum economist ...": no institution opens it
                job = match.group("job")
                role = f"{'an' if job[:1] in 'aeiou' else 'a'} {job} at {role}"
            elif not after:  # "Velmora Telecom CIO": the company's words only, never "Monday" or "then-"
                words = role.split()
                while words and (words[0] in NOT_NAMES or re.fullmatch(r"[A-Z][a-z]+(?:ing|ly)", words[0])):
                    words.pop(0)
                if len(words) < 2 or re.search(r"-[\w’'.&]+\s+$|-$", prose[:match.start()]):  # "then-Velmora Telecom CEO"
                    continue
                role = " ".join(words)
            elif "party" in shape.groupindex:  # "Sen. Olympia Snowe, a Republican from Maine": with the title
                role = role if re.search(rf"{_ABBREVIATED}$", role) else role.rstrip(".")  # "D-Mont." keeps its stop
                found.append((name, f"{match.group('title') or ''} {name}, {role}".strip()))
                continue
            elif shape.pattern.endswith(_SPEECH) and any(given_name(w) and nxt[:1].isupper()
                                                         for w, nxt in zip(role.split()[1:], role.split()[2:])):
                continue  # "Director of Public Works Tom Hale said": the next person, not the body's name
            found.append((name, with_role(name, role, after=after)))
    return found


_SPEECH = r"\s+(?=(?:told|said|says|explained|added|confirmed|wrote)\b)"
# Words between "is a" and the job: modifiers and nouns only, never a clause's or a second appositive's
_MODIFIER = r"(?!(?:said|says|told|is|was|were|are|which|who|whom|whose|that|the|a|an|his|her|their|its|so)\b)[\w’'-]+"


@functools.lru_cache(maxsize=2)
def _shapes(person: str) -> tuple[tuple[re.Pattern[str], bool], ...]:
    """The shapes, compiled once for the name pattern, each with whether its role reads after the name."""
    unclosed = re.compile(rf"(?P<name>{person}),\s+(?P<role>(?:[A-Z][\w’'&.-]*\s+){{0,2}}(?i:{JOB})\s+(?:of|at|for)\s+"
                          rf"(?:the\s+)?{_CAPITALS}(?:\s+(?:at|of)\s+(?:the\s+)?{_CAPITALS})?){_SPEECH}")
    org_job = re.compile(rf"(?:^|(?<=,\s))(?P<role>{_CAPITALS}\s+at\s+(?:the\s+)?{_CAPITALS})\s+"
                         rf"(?P<job>(?:{QUALIFIER}\s+)?{JOB})\s+(?P<name>{person})")
    chief = re.compile(rf"(?<![\w’'-])(?P<role>(?:[A-Z][\w’'&.-]*\s+){{1,4}}C[EFIOT]O)\s+(?P<name>{person})")
    told = re.compile(rf"^(?P<name>{person}|[A-Z][a-z][\w’'-]+)\s+is\s+(?P<role>(?:a|an)\s+(?:{_MODIFIER}(?:,\s+|\s+and\s+|\s+)){{0,8}}?"
                      rf"{JOB}\s+(?:at|of|for|with)\s+(?:the\s+)?[A-Z][\w’'.&-]*(?:\s+(?:(?:of|for|and|the|&|in)\s+)*[A-Z][\w’'.&-]*){{0,8}})"
                      rf"(?=[,.;]|$)")
    # (with a title, or the abbreviated form: "Maria Lopez, a Democrat from Dayton" is a voter; a job told with it is
    # part of the role: "..., Republican of Tennessee and chairman of the Foreign Relations Committee")
    office = rf"(?:,\s+|\s+and\s+)(?:the\s+)?(?:{QUALIFIER}\s+){{0,2}}{JOB}\s+(?:of|at|for|on)\s+(?:the\s+)?{_CAPITALS}"
    party = re.compile(rf"(?:(?P<title>(?:Sen|Rep|Gov)\.|Senator|Representative|Congress(?:wo)?man|Governor)\s+)?(?P<name>{person}),\s+"
                       rf"(?P<role>(?P<party>(?(title)(?:an?\s+)?(?:{_STATE}\s+)?{_PARTY}(?:\s+(?:of|from)\s+{_STATE})?|(?!))|{_ABBREVIATED})"
                       rf"(?:{office})?)(?=[,;)]|\.?(?:\s|$))")
    return ((unclosed, True), (org_job, True), (chief, False), (told, True), (party, True))


# A lawmaker's party and state: "Senator Bob Corker, Republican of Tennessee", "Sen. Max Baucus, D-Mont.",
# "Senator Mark Warner, a Virginia Democrat" (editors graded "Representative Jackie Speier" a role trimmed)
_PARTY = r"(?:Republican|Democrat|Democratic|Independent)"
_STATE = r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?"
_ABBREVIATED = r"[RDI]-[A-Z][A-Za-z.]*"  # "D-Mont.", "R-N.Y.", "R-TX": its full stops its own


def titled_roles(text: str, person: str) -> list[tuple[str, str]]:
    """(name, shown) for a show, film or book quoted before the job ("“Fleabag” creator Phoebe Waller-Bridge"),
    read from the sentence with its quotation marks (the namebook reads names with quotations taken out)."""
    return [(m.group("name"), with_role(m.group("name"), m.group("role"), after=False))
            for m in _titled(person).finditer(text)]


@functools.lru_cache(maxsize=2)
def _titled(person: str) -> re.Pattern[str]:
    """The quoted-title shape, compiled once for the name pattern (the namebook asks of every sentence)."""
    return re.compile(rf"(?<![\w’'-])(?P<role>[“\"][A-Z][^“”\"]{{0,40}}?(?<![,.!?;:])[”\"]\s+(?:{QUALIFIER}\s+){{0,2}}"
                      rf"(?:{JOB}))\s+(?P<name>{person})")
