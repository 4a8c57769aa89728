"""A statement as shown under its label: the quotation alone when the rest of its sentence only
credits the words to the speaker the label already names.

Editors graded the name given twice a fault ("attribution repeated inside the quote text"), in every
shape it comes: after the quotation ('“...,” Popovich said.', '“...,” said Miami-Dade Police Detective
Alvaro Zabaleta.', '“...,” said Lopiano, 52. “...”') or before it ('Mr Shapps said: “...”'). A credit
telling more than who spoke stays: when, where or to whom the words were said ('..., he said
Tuesday.', 'she told Fox News', 'in a statement'), what the speaker did besides ('suggesting ...'),
and a role the label does not show ('said Ana Ruiz, their mother.' under the label "Ana Ruiz").

What may go is listed, not what must stay: the label's whole name, or its surname (or given name and
surname) after a courtesy title that fits or titles and role words the label shows, or "he"/"she",
with at most the label's own role or an age; anything else keeps the sentence whole (a code review
found a list of phrases that keep a credit always missed some: "in a radio interview", "in Galveston").
Blind A/B rounds 55 and 56 (bench/editor_grades.md). Pure.
"""

from __future__ import annotations

import re

from digest.summarise.gender import can_be, gender_of
from digest.summarise.names import SUFFIXES, person_like, person_of

__all__ = ["uncredited"]

# A quotation opening the sentence, up to its closing mark; a comma before the mark is shown as a full stop.
_QUOTATION = r"^(?P<quote>[“\"][^“”\"]{20,}?)(?P<stop>[,.!?])(?P<close>[”\"])\s+"
_SPEAKS = r"(?:said|says|added|adds|explained|explains|continued|concluded|noted|notes|wrote|writes)"
# The quotation, its credit, and perhaps the quotation going on after it ('“...,” said Laboy. “It's because ...”').
_TRAILING = re.compile(rf"{_QUOTATION}(?P<credit>[^“”\"]{{2,240}}?)\.(?:\s+(?P<more>[“\"][^“”\"]+[.!?][”\"]))?$")
# The credit, then the whole quotation: 'James Townsend, prosecuting, said: “...”'.
_LEADING = re.compile(rf"^(?P<credit>[^“”\"]{{2,240}}?)\s+{_SPEAKS}\s*[:,]\s*(?P<quote>[“\"][A-Z][^“”\"]{{19,}}[.!?][”\"])$")
_VERB_FIRST = re.compile(rf"^{_SPEAKS}\s+(?P<who>[^,]+?)(?:\s*,\s*(?P<role>.+))?$")
_WHO_FIRST = re.compile(rf"^(?P<who>[^,]+?)(?:\s*,\s*(?P<role>.+?)\s*,)?\s+{_SPEAKS}$")
# Titles a credit may carry before a name: a courtesy title, or an office the label spells out ("Gov." under
# "Governor Jay Inslee").
_COURTESY = {"mr": "he", "mrs": "she", "ms": "she", "miss": "she", "dr": None}
_OFFICE = {"gov": "governor", "sen": "senator", "rep": "representative", "prof": "professor", "gen": "general",
           "lt": "lieutenant", "col": "colonel", "capt": "captain", "sgt": "sergeant", "det": "detective", "insp": "inspector",
           "supt": "superintendent", "rev": "reverend", "pres": "president", "atty": "attorney"}
_AGE = re.compile(r"^\d{1,3}$")
_ARTICLE = re.compile(r"^(?:the|a|an)\s+|^who\s+(?:is|was)\s+(?:the\s+|a\s+|an\s+)?", re.IGNORECASE)
_TAIL = re.compile(r"\s+(?:of|from|at)\s+.*$")  # "Robert Daly of the Wilson Center": the name is before "of"


def uncredited(text: str, speaker: str) -> str:
    """The quotation of ``text`` alone when the rest only credits it to ``speaker`` (the label shown
    above it): by the label's name, its surname or "he"/"she", with titles and role words the label
    shows, and at most the label's own role or an age; else ``text``."""
    if not speaker.strip():
        return text
    trailing = _TRAILING.match(text)
    if trailing is not None:
        credit = trailing.group("credit").strip()
        parts = _VERB_FIRST.match(credit) or _WHO_FIRST.match(credit)
        if parts is not None and not trailing.group("quote")[1:2].islower() and _only_the_speaker(
                parts.group("who"), parts.group("role"), speaker, pronoun=parts.re is _WHO_FIRST):
            # (the quotation's own stop stays: '“... D.C.,”' shows '“... D.C.”', never '“... D.C..”')
            quote, stop = trailing.group("quote"), trailing.group("stop")
            if stop == ",":
                stop = "" if re.search(r"[.!?…]$", quote) else "."
            shown = f"{quote}{stop}{trailing.group('close')}"
            return f"{shown} {trailing.group('more')}" if trailing.group("more") else shown
        return text
    leading = _LEADING.match(text)
    if leading is not None:
        credit = leading.group("credit").strip()
        who, _, role = credit.rstrip(",").partition(",")
        # (a role stands between commas before the verb: not "..., Google's search chief, predicted ... and said, ...")
        if (not role or credit.endswith(",")) and _only_the_speaker(who, role.strip() or None, speaker, pronoun=False):
            return leading.group("quote")
    return text


def _only_the_speaker(who: str, role: str | None, speaker: str, *, pronoun: bool) -> bool:
    """True when a credit's ``who`` and the ``role`` beside it tell no more than the label ``speaker``:
    its whole name, or its surname (or given name and surname) after a courtesy title or titles and role
    words the label shows, or "he"/"she"; a role the label shows, or an age."""
    name, _, label_role = speaker.partition(",")
    who, _, about = " ".join(who.split()).partition(" who ")  # "said Ana Ortiz who is the harbor master"
    if about:
        if role is not None:
            return False  # a relative clause and a role: more than a label holds
        role = f"who {about}"
    if role is not None and not (_AGE.match(role.strip()) or _same_role(role, label_role)):
        return False
    if pronoun and who.lower() in ("he", "she"):
        return True
    if _words(who) == _words(name):
        return True
    # the person's own name: after any job words, before an "of ..." affiliation ("Robert Daly of the Wilson Center")
    persons = [p for p in dict.fromkeys((person_of(name.strip()), person_of(_TAIL.sub("", name.strip())))) if person_like(p)]
    # (a body's label is credited by its whole name only: "the county council" is not "Dayton city council")
    return any(_credits_person(who.split(), person, set(_words(name))) for person in persons)


def _credits_person(who: list[str], person: str, label_words: set[str]) -> bool:
    """True when the credit's words ``who`` end on ``person``'s surname, or given name and surname, after
    nothing but a courtesy title that fits them or titles and role words of the label (``label_words``)."""
    core = [w for w in person.split() if w not in SUFFIXES]
    if not core:
        return False
    for tail in ([core[-1]], core[-2:] if len(core) >= 2 else None):
        if tail and len(who) >= len(tail) and [w.lower() for w in who[-len(tail):]] == [w.lower() for w in tail]:
            before = who[:-len(tail)]
            break
    else:
        return False
    for word in before:
        bare = word.rstrip(".").lower()
        if bare in _COURTESY:
            wanted = _COURTESY[bare]
            if len(before) > 1 or wanted is not None and not can_be(wanted, gender_of(person)):
                return False
        elif bare not in label_words and _OFFICE.get(bare) not in label_words:
            return False  # a title or role the label does not show ("said Harbor Master Ortiz" under "Ana Ortiz")
    return True


def _words(text: str) -> list[str]:
    """Lower-case words, stops and articles aside, for comparing a credit with the label."""
    return [w.strip(".,").lower() for w in _ARTICLE.sub("", text.strip()).split() if w.strip(".,")]


def _same_role(role: str, label_role: str) -> bool:
    """True when a credit's role is the label's role (articles and "who is" aside)."""
    return bool(label_role.strip()) and _words(role) == _words(label_role)
