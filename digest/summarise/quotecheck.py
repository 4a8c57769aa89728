"""Holding a model's quote to the outlet it names: verbatim, inside quotation marks, given to its speaker.

A quote passes only when its text is a verbatim span of whole words of the outlet it names,
inside quotation marks there unless it reads as reported speech, and the source gives it to its
speaker: the one its sentence names as saying it, with the same first name. Text is compared
normalised, as faithful.py compares it, and the speaker's own name must be in that source too.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from digest.summarise.faithful import WORD, Evidence, bare, normalise, unsupported

# Words that open a name without being one ("Mr Holt", "The ministry").
_NOT_NAMES = frozenset(["A", "An", "The", "Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Dame", "Lord", "Lady", "Prof"])
# A statement outside quotation marks is one only when its sentence says who said it.
_SPEECH = re.compile(r"\b(?:said|says|say|told|tells|added|adds|stated|according to|announced|argued|"
                     r"warned|insisted|explained|noted|wrote|writes|asked|replied|claimed|acknowledged|"
                     r"reported|reports|admitted|declared|promised|vowed|urged|called|tweeted|posted)\b")
_VERBS = r"(?:said|says|added|adds|declared|wrote|writes|argued|warned|insisted|explained|stated)"
_NAME = r"((?:[A-Z][\w'-]+\s+|[A-Z]\.\s+){0,4}[A-Z][\w'-]+)"  # up to five words, initials too
_SAID_BY = re.compile(rf"\b{_VERBS}\s+(?:(?:Mr|Mrs|Ms|Dr|Gov|Sen|Rep)\.?\s+)?{_NAME}")
_BY_SAID = re.compile(rf"\b{_NAME}(?:,[^,\"]{{1,60}},)?\s+(?:{_VERBS}|told|tells)\b")
_QUOTED = re.compile(r'"[^"]*"')
_SEVERAL = re.compile(r'\s*(?:"[^"]+"\s*){2,}')
# Words before a surname that are not a first name ("Mayor Ruiz").
_TITLES = frozenset([
    "Mayor", "President", "Minister", "Senator", "Sen", "Rep", "Representative", "Governor", "Gov",
    "Secretary", "Chancellor", "Judge", "Justice", "Chief", "General", "Gen", "Officer", "Speaker", "Leader",
    "Director", "Commissioner", "Coach", "Prime", "Deputy", "Rev", "Pope", "King", "Queen", "Prince",
    "Princess", "Attorney", "Sheriff", "Captain", "Capt", "Lt", "Sgt", "Col", "Rabbi", "Bishop", "Father",
    "Councillor", "Councilman", "Councilwoman", "Chairman", "Chairwoman", "Chair", "Ambassador", "Inspector",
    "Detective", "Professor", "Sister", "Brother", "Saint", "St", "Vice", "Former"])
_SUFFIXES = frozenset(["Jr", "Sr", "II", "III", "IV"])
_NOT_SPEAKERS = frozenset([
    "He", "She", "They", "It", "We", "I", "You", "This", "That",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]) | _NOT_NAMES
_PRONOUNS = frozenset(["he", "she", "they", "we", "i", "it", "you"])  # no credit for a reader
BEFORE_SENTENCES = 2  # sentences before a quote's own where the speaker of "he said" may be named
_END = re.compile(r"[.!?][\"')]*\s+(?=[\"'(]?[A-Z0-9])|\n+")
MIN_QUOTE_WORDS = 4  # a shorter span proves little about who said what


def quote_span(text: str) -> str:
    """A quote's text as it must appear in its source: normalised, without the quotation
    marks around it or the punctuation that ends it (a quote often ends on a comma)."""
    return normalise(text).strip(" \"'").rstrip(" .,;:!?\"'").lstrip(" \"'")


def _positions(span: str, text: str) -> list[int]:
    """Where ``span`` starts in ``text`` as whole words; its first letter may differ in case."""
    if not span:
        return []
    first = re.escape(span[0])
    pattern = f"[{first}{re.escape(span[0].swapcase())}]" if span[0].isalpha() else first
    # A span cut from inside a word says something else: "acceptable" in "unacceptable".
    before = r"(?<!\w)" if span[0].isalnum() else ""
    after = r"(?!\w)" if span[-1].isalnum() else ""
    return [m.start() for m in re.finditer(before + pattern + re.escape(span[1:]) + after, text)]


def speaker_anchors(speaker: str) -> list[str]:
    """The words that name a speaker near a quote: the last word of the name ("Trade Minister
    Anselm Dravik" gives "Dravik"), and of each part before "of", "for" or "from" ("Secretary of
    State Hillary Clinton" gives "Clinton" and "Secretary"); else the speaker as written."""
    name = re.split(r",|\(", normalise(speaker))[0]
    anchors = []
    for part in (name, *re.split(r" of | for | from ", name)):
        names = [bare(w) for w in WORD.findall(part)
                 if w[0].isupper() and len(w) > 1 and w not in _NOT_NAMES and w not in _SUFFIXES]
        anchors += names[-1:]
    plain = re.sub(r"^(?:a|an|the)\s+", "", name, flags=re.IGNORECASE).strip()
    return list(dict.fromkeys(anchors)) or ([plain] if plain else [])


def quotations(text: str) -> list[str]:
    """The quotations of ``text`` (folded) when it is several shown one after the other ("“...” “...”",
    the credit between them left out), else ``[text]``."""
    folded = normalise(text)
    return _QUOTED.findall(folded) if _SEVERAL.fullmatch(folded) else [text]


def quote_problem(speaker: str, text: str, ev: Evidence) -> str | None:
    """Why a quote cannot stand against its outlet's text ``ev``, or None when it can."""
    # Two quotations of one speaker shown one after the other: each must stand.
    several = quotations(text)
    if len(several) > 1:
        return next((problem for part in several if (problem := quote_problem(speaker, part, ev))), None)
    span = quote_span(text)
    if len(span.split()) < MIN_QUOTE_WORDS:
        return f"quote too short to check: {text!r}"
    starts = _positions(span, ev.text)
    if not starts:
        return f"not a verbatim span of the source it names: {text!r}"
    if normalise(speaker).lower() in _PRONOUNS:
        return "no speaker named"
    missing = unsupported(speaker, ev)
    if missing:
        return f"speaker {speaker!r}: {', '.join(missing)} not in that source"
    anchors = speaker_anchors(speaker)
    if not anchors:
        return "no speaker named"
    claimed = Claimed(tuple(anchors), given_name(speaker), reported=_reads_as_reported(text, anchors))
    if claimed.given is None and anchors[0][0].isupper() and len(_givens(ev.text, anchors[0], ev)) > 1:
        return f"the source names more than one {anchors[0]}; the speaker's full name is needed: {text!r}"
    bounds = sentence_starts(ev.text)
    problems = [_attribution_problem(ev, bounds, start, start + len(span), claimed) for start in starts]
    return None if None in problems else f"{problems[0]}: {text!r}"


@dataclass(frozen=True)
class Claimed:
    """Who a quote is credited to, and how it is given."""

    anchors: tuple[str, ...]  # words naming the speaker (speaker_anchors)
    given: str | None  # the speaker's first name, when the credit gives one
    reported: bool  # the text shows its own quotation marks or reads as reported speech


def _reads_as_reported(text: str, anchors: Sequence[str]) -> bool:
    """True when ``text`` does not pass itself off as a quotation: it shows its own quotation
    marks (a whole sentence with its quotes), or says outside them who said it ("Holt said
    the ...", "she told reporters"). Such a text need not lie inside quotation marks in its source."""
    if '"' in quote_span(text):
        return True
    subject = "|".join(["he", "she", "they", "we", "i", *(re.escape(a) for a in anchors)])
    said = re.compile(rf"\b(?:{subject})\b(?:,[^,]{{1,60}},)?(?:\s+\w+){{0,2}}?\s+{_SPEECH.pattern}", re.IGNORECASE)
    return bool(said.search(_QUOTED.sub(" … ", text)))


def _attribution_problem(ev: Evidence, bounds: list[int], begin: int, end: int, claimed: Claimed) -> str | None:
    """Why the source does not give the quote at [begin, end) to the ``claimed`` speaker, or None.

    A quotation must be one in the source too: a paraphrase shown as a quote is the complaint.
    Its own sentence must be a statement (a quotation, or a verb of saying); when it names who
    says it, that is the speaker; when it names nobody, "he said" goes to a speaker named in
    the two sentences before.
    """
    text = ev.text
    first, own, last = attribution_window(bounds, begin, end, len(text))
    # Words inside quotation marks attribute nothing: "Our problem with Ryan is ..." is not Ryan's.
    sentence = _QUOTED.sub(" … ", text[own:last])
    if text.count('"', own, begin) % 2 == 0 and not _SPEECH.search(sentence):
        return "not a statement in its source"
    if not claimed.reported and not _inside_quotation(text, begin, end):
        return "not inside quotation marks in its source: a paraphrase shown as a quote"
    if not claimed.anchors[0][0].isupper():  # "a police spokesman": no name to hold it to
        mention = re.compile("|".join(rf"\b{re.escape(a)}\b" for a in claimed.anchors), re.IGNORECASE)
        found = mention.search(sentence) or mention.search(text, first, own)
        return None if found else f"{claimed.anchors[0]} is not named where the source gives it: misattributed"
    for names in (named_speakers(sentence), _mentions(sentence, claimed.anchors),
                  _mentions(text[first:own], claimed.anchors)):
        if names:
            if any(_same_person(n, claimed, ev) for n in names):
                return None
            return f"the source gives it to {names[0]}, not {claimed.anchors[0]}: misattributed"
    return f"{claimed.anchors[0]} is not named where the source gives it: misattributed"


def _inside_quotation(text: str, begin: int, end: int) -> bool:
    """True when [begin, end) of ``text`` lies within one pair of quotation marks, double or
    single, of its paragraph."""
    line = text.rfind("\n", 0, begin) + 1
    if '"' not in text[begin:end] and text.count('"', line, begin) % 2 == 1:
        return True
    # Single marks: the last one before the span opens (no letter before it) and none closes
    # between it and the span's end (an apostrophe has letters on both sides).
    opening = [m.end() for m in re.finditer(r"(?<!\w)'(?=\S)", text[line:begin + 1]) if m.end() <= begin - line]
    return bool(opening) and not re.search(r"(?<=\S)'(?!\w)", text[line + opening[-1]:end])


def given_name(speaker: str) -> str | None:
    """The first name in a credit ("Mayor Ana Ruiz" gives "Ana"), or None ("Mayor Ruiz")."""
    name = re.split(r",|\(", normalise(speaker))[0].split(" of ")[-1]
    words = [bare(w) for w in WORD.findall(name) if w[0].isupper() and len(w) > 1 and w not in _SUFFIXES]
    return words[-2] if len(words) > 1 and words[-2] not in _TITLES and words[-2] not in _NOT_NAMES else None


def _given(name: str, ev: Evidence) -> str | None:
    """The first name a source's ``name`` ("Peter Holt", "But Holt") gives, or None: a word
    before the surname that is no title and never written in lower case in the source."""
    words = [bare(w) for w in WORD.findall(name) if len(w) > 1]
    if len(words) < 2:
        return None
    word = words[-2]
    if not word[0].isupper() or word in _TITLES or word in _NOT_SPEAKERS or word.lower() in ev.words:
        return None
    return word


def _same_person(name: str, claimed: Claimed, ev: Evidence) -> bool:
    """True when the source's ``name`` can be the ``claimed`` speaker: same surname, and no
    other first name."""
    words = [bare(w) for w in WORD.findall(name)]
    if not words or words[-1] not in claimed.anchors:
        return False
    theirs = _given(name, ev)
    return claimed.given is None or theirs is None or theirs == claimed.given


_NAME_BEFORE = r"(?:[A-Z][\w'-]+\s+(?:[A-Z]\.\s+)?)?"


def _mentions(text: str, anchors: Sequence[str]) -> list[str]:
    """Each mention of ``anchors`` in ``text`` with the word before it ("Peter Holt")."""
    pattern = "|".join(rf"{_NAME_BEFORE}\b{re.escape(a)}\b" for a in anchors)
    return [m.group() for m in re.finditer(pattern, text)]


def _givens(text: str, surname: str, ev: Evidence) -> set[str]:
    """The first names ``text`` gives people called ``surname``."""
    return {g for m in _mentions(text, [surname]) if (g := _given(m, ev))}


def named_speakers(sentence: str) -> list[str]:
    """Names a sentence gives as its speaker ("Ruiz said", "said Lena Vos", "Holt, 47, said")."""
    names = [m.group(1) for m in _SAID_BY.finditer(sentence)]
    names += [m.group(1) for m in _BY_SAID.finditer(sentence)]
    return [n for n in names if n.split()[-1] not in _NOT_SPEAKERS]


def sentence_starts(text: str) -> list[int]:
    """Where each sentence of ``text`` starts; a full stop inside a quotation ends nothing."""
    starts, inside = [0], False
    for match in re.finditer(r'"|' + _END.pattern, text):
        token = match.group()
        inside = inside != (token.count('"') % 2 == 1)  # an end may carry the closing mark
        if "\n" in token:
            inside = False  # a new paragraph: a quote left open does not run on into it
        if token != '"' and not inside:
            starts.append(match.end())
    return starts


def attribution_window(starts: list[int], begin: int, end: int, size: int) -> tuple[int, int, int]:
    """(first, own, last): where the two sentences before the quote at [begin, end) start, where
    its own sentences start, and where they end."""
    own = bisect_right(starts, begin) - 1
    last = bisect_right(starts, max(begin, end - 1))
    return starts[max(0, own - BEFORE_SENTENCES)], starts[own], starts[last] if last < len(starts) else size
