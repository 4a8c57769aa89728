"""A statement as shown under its label: the quotation alone when the rest of its sentence only
credits the words to the speaker the label already names.

Editors graded the name given twice a fault ("attribution repeated inside the quote text"), in every
shape it comes: after the quotation ('“...,” Popovich said.', '“...,” said Miami-Dade Police Detective
Alvaro Zabaleta.', '“...,” said Lopiano, 52. “...”') or before it ('Mr Shapps said: “...”'). A credit
telling more than who spoke stays: when, where or to whom the words were said ('..., he said
Tuesday.', 'she told Fox News', 'in a statement'), what the speaker did besides ('suggesting ...'),
and a role the label does not show ('said Ana Ruiz, their mother.' under the label "Ana Ruiz").
Pure.
"""

from __future__ import annotations

import re

__all__ = ["uncredited"]

# A quotation opening the sentence, up to its closing mark; the stop before the mark is shown as a full stop.
_QUOTATION = r"^(?P<quote>[“\"][^“”\"]{20,}?)(?P<stop>[,.!?])(?P<close>[”\"])\s+"
_SPEAKS = r"(?:said|says|added|adds|explained|explains|continued|concluded|noted|notes|wrote|writes|told reporters)"
# The quotation, its credit, and perhaps the quotation going on after it ('“...,” said Laboy. “It's because ...”').
_TRAILING = re.compile(rf"{_QUOTATION}(?P<credit>[^“”\"]{{2,240}}?)\.(?:\s+(?P<more>[“\"][^“”\"]+[.!?][”\"]))?$")
# The credit, then the whole quotation: 'James Townsend, prosecuting, said: “...”'.
_LEADING = re.compile(rf"^(?P<credit>[^“”\"]{{2,240}}?)\s+{_SPEAKS}\s*[:,]\s*(?P<quote>[“\"][A-Z][^“”\"]{{19,}}[.!?][”\"])$")
_VERB_FIRST = re.compile(rf"^{_SPEAKS}\s+(?P<who>[^,]+?)(?:\s*,\s*(?P<role>.+))?$")
_WHO_FIRST = re.compile(rf"^(?P<who>[^,]+?)(?:\s*,\s*(?P<role>.+?)\s*,)?\s+{_SPEAKS}$")
# When, where or to whom the words were said, or what else the speaker did: a credit telling it stays.
_MORE = re.compile(
    r"\b(?:told|said|says|via|over (?:email|e-mail|the phone)|by (?:email|e-mail|phone)|"
    r"at an? (?:news conference|press conference|briefing|hearing|rally|meeting|forum|summit|ceremony|vigil|event)|"
    r"to (?:reporters|journalists|the (?:press|media|crowd|court|audience))|"
    r"in an? (?:interview|statement|email|e-mail|letter|post|tweet|video|speech|podcast|broadcast|news conference|"
    r"press conference|briefing|hearing|court|filing)|in (?:his|her|their|the) (?:statement|interview|letter|post|speech|ruling)|"
    r"on (?:Twitter|Facebook|Instagram|X|television|TV|radio|air|stage)|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|today|tonight|"
    r"yesterday|last|earlier|later|ago|this (?:week|month|year|morning|afternoon|evening)|suggesting|adding|noting|saying|citing|"
    r"referring|calling|describing|explaining|while|when|after|before|during|since|once|famously|then)\b", re.IGNORECASE)
_AGE = re.compile(r"^\d{1,3}$")
_PRONOUNS = ("he", "she", "they")


def uncredited(text: str, speaker: str) -> str:
    """The quotation of ``text`` alone when the rest only credits it to ``speaker`` (the label shown
    above it) by name, surname, title or "he"/"she", with at most the role the label shows or an age;
    else ``text``."""
    name = speaker.split(",")[0].strip()
    surname = name.split()[-1].rstrip(".") if name else ""
    if not surname:
        return text
    labelled_role = "," in speaker
    trailing = _TRAILING.match(text)
    if trailing is not None:
        credit = trailing.group("credit").strip()
        parts = _VERB_FIRST.match(credit) or _WHO_FIRST.match(credit)
        if parts is not None and _only_the_speaker(parts.group("who"), parts.group("role"), surname, labelled_role,
                                                   pronoun=parts.re is _WHO_FIRST):
            stop = "." if trailing.group("stop") == "," else trailing.group("stop")
            shown = f"{trailing.group('quote')}{stop}{trailing.group('close')}"
            return f"{shown} {trailing.group('more')}" if trailing.group("more") else shown
        return text
    leading = _LEADING.match(text)
    if leading is not None:
        credit = leading.group("credit").strip()
        who, _, role = credit.rstrip(",").partition(",")
        # (a role stands between commas before the verb: not "..., Google's search chief, predicted ... and said, ...")
        if (not role or credit.endswith(",")) and _only_the_speaker(who, role.strip() or None, surname, labelled_role, pronoun=False):
            return leading.group("quote")
    return text


def _only_the_speaker(who: str, role: str | None, surname: str, labelled_role: bool, *, pronoun: bool) -> bool:
    """True when a credit's ``who`` (and ``role`` beside it) tells no more than the label: the speaker's
    name, ending on ``surname`` (titles and role words before it), or a pronoun; a role only when the label
    shows one (``labelled_role``), or an age."""
    who, _, about = who.strip().partition(" who ")  # "said Ana Ortiz who is the harbor master": a role
    if about:
        role = f"who {about}" if role is None else f"who {about}, {role}"
    if _MORE.search(who) or role is not None and _MORE.search(role):
        return False
    if role is not None and not (labelled_role or _AGE.match(role)):
        return False
    if pronoun and who.lower() in _PRONOUNS:
        return True
    words = who.split()
    # (the speaker's own name: not "a lawyer for Mr. Hale", nor "Lind and Hale")
    return 0 < len(words) <= 8 and words[-1].rstrip(".") == surname and not _SOMEONE_ELSE.search(who)


_SOMEONE_ELSE = re.compile(r"\b(?:for|of|to|with|by|and|from|at|&)\b")
