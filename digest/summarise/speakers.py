"""Who a speaker phrase names: a person, an institution's person, or nobody (an office, a place word, a field).

"The Prime Minister", "International Trade Secretary", "Maryland-based", "Neuroscience" and
"R-N.Y." name nobody; "the Wilson Center's Robert Daly" names Robert Daly of the Wilson Center.
"""

from __future__ import annotations

import re

from digest.summarise.names import NOT_NAMES, ORG_TAIL, is_title, person_like
from digest.summarise.jobs import JOB_WORD

# "the New York Democrat said": an epithet for someone named elsewhere, not a name.
_EPITHET = re.compile(r"(?:Democrat|Republican|Independent|Conservative|Liberal|Tory|Socialist)s?$")
# A place adjective, a party-and-state tag ("R-N.Y.") or a field of study (a section label) alone.
_NOT_A_SPEAKER = re.compile(
    r"^(?:The\s+)?(?:[\w.'’]+-(?:based|born|bred|led|owned|run|area|wide)|[RDI]-[A-Z][\w.]*|[A-Z][a-z]*(?:ology|onomy|ience|ics|ography)|"
    r"Science|Health|Politics|Business|Technology|Tech|Sports?|Opinion|Culture|Economy|World|Entertainment|"
    r"Lifestyle|Education|Environment|Climate|Travel|Markets|Finance|Medicine|Research)$"
)
# An institution's person: "the Wilson Center's Robert Daly" is Robert Daly, of the Wilson Center.
_MEMBER_OF = re.compile(r"(?:The\s+)?(?P<org>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,4})['’]s\s+(?P<name>[A-Z][\w'’.-]*(?:\s+[\w'’.-]+){1,3})")
_AFFILIATED = re.compile(
    r"(?P<name>[A-Z][^,]*?)\s+(?:of|from|at)\s+(?:the\s+)?[A-Z][\w’'.&-]*(?:\s+[A-Z][\w’'.&-]*)*['’]s\s+[A-Z][^,]*"
)
# An institution named without "the": "Colorado State University" ("the Army", "the Open University" keep it).
_NO_ARTICLE = re.compile(r"^(?!(?:University|Open|City)\b)[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*\s+(?:University|College)$")
_SPEAKER_BAD = frozenset("it which who that this they we i you one".split()
                         # people left unnamed ("Aides say she has family obligations"): no speaker
                         + "aides sources experts critics analysts insiders observers supporters opponents friends "
                           "relatives someone somebody anyone anybody everyone everybody nobody".split())

POSSESSIVE = re.compile(r"\w['’]s?\b(?!\w)|s['’](?=\s|$)")


def clean_speaker(raw: str) -> str | None:
    """Strip sentence openers from a speaker phrase; None when nothing name-like is left."""
    words = raw.strip(" ,").split()
    # "AS Opposition Leader Bill Shorten said": a capitalised lede's opener is no part of the name.
    while words and (words[0] in NOT_NAMES or words[0].isupper() and words[0].capitalize() in NOT_NAMES) and (
            words[0] not in ("He", "She", "The", "A", "An", "Mr.", "Mrs.", "Ms.")):  # "Mr. Jackson": the honorific tells which Jackson
        words = words[1:]
    if not words:
        return None
    speaker = " ".join(words).rstrip(".,")
    if speaker.lower() in _SPEAKER_BAD or speaker in NOT_NAMES - {"He", "She"}:
        return None
    if re.search(r"['’](?:re|m|ve|ll|d)\b", words[0]):
        return None  # "We're told", "I'm told": the reporter, not a speaker
    if speaker.lower() in ("he", "she"):
        return speaker.lower()
    member = _MEMBER_OF.fullmatch(speaker)
    if member and member.group("org").split()[-1] in ORG_TAIL and person_like(member.group("name")):
        org = member.group("org")  # "the Wilson Center's Robert Daly"; "Colorado State University's Stephen Leisz"
        return f"{member.group('name')} of {'' if _NO_ARTICLE.search(org) else 'the '}{org}"
    affiliated = _AFFILIATED.fullmatch(speaker)
    if affiliated and person_like(affiliated.group("name")) and not POSSESSIVE.search(affiliated.group("name")):
        return speaker  # "Michael Shadlen of Columbia's Zuckerman Institute": the possessive is the institution's
    two = re.search(r"\s(?:and|&)\s", speaker)
    if two and two.group(0).strip() == "&" and JOB_WORD.search(speaker, two.end()):
        two = None  # "Simon & Schuster CEO Carolyn Reidy": a company's name, then the person's job
    if POSSESSIVE.search(speaker.removeprefix("The ")) or two:
        return None  # "Hege's lawyer", "The Verge's Stadia": owned, not the owner; "A and B": two people, one quote
    if all(is_title(w) for w in speaker.split() if w not in ("The", "A", "An", "the", "of")) or is_title(words[-1]):
        return None  # "The Prime Minister said", "International Trade Secretary said": an office, not a name
    if _NOT_A_SPEAKER.search(speaker):
        return None  # "Maryland-based", "Neuroscience": a place word or a field, never a person
    if re.fullmatch(r"[A-Z]{2,}s", speaker) or _EPITHET.search(speaker):
        return None  # "AMAs": an event or a product line; "the New York Democrat": an epithet
    # "Rick Perry for the Republican (nomination)"; never a title's body before the name ("Head Coach for the
    # Velmora Tigers Tom Hale", "Attorney for the District of Columbia Matthew Graves": the person ends it)
    cut = re.search(r"\s+for\s+the\s+[A-Z][\w\s]*$", speaker)
    last = speaker[:cut.start()].split()[-1] if cut else ""
    body = re.findall(r"\b[A-Z][\w'’.-]*", speaker[cut.start():]) if cut else []
    # (a title's body goes on to the name, "the Velmora Tigers Tom Hale"; "Howard Dean for the Democratic" is cut)
    if cut and not ((JOB_WORD.search(last) or is_title(last)) and len(body) >= 3):
        speaker = speaker[:cut.start()]
    # "The spokesman", "A lawyer": an article alone does not make a name; "Trump" and "Anna" do.
    rest = speaker.split(" ", 1)[1] if speaker.split(" ", 1)[0] in ("The", "A", "An") and " " in speaker else speaker
    return speaker if re.search(r"[A-Z]", rest) and rest not in ("The", "A", "An") else None
