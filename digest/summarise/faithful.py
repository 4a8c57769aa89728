"""Holding a model's brief to its sources, in code, before anything is shown.

A sentence passes only when every name, number and date it states appears in the story's
sources; a quote only when its text is a verbatim span of the outlet it names and its speaker
is named there, close to the quote. Text is compared after normalisation: curly and straight
quotes, the dashes and runs of white space each count as one.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

_FOLD = str.maketrans({
    **dict.fromkeys("“”„‟″«»", '"'), **dict.fromkeys("‘’‚‛′`", "'"),
    **dict.fromkeys("‐‑‒–—―−", "-"), "…": "...",
})
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
# Spelled-out numbers compare with digits ("three" is "3"); "one" is left out: it is as often
# a pronoun as a count.
NUMBER_WORDS = {w: n for n, w in enumerate([
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    "twenty"]) if n != 1}
NUMBER_WORDS |= {w: 10 * n for n, w in enumerate(
    ["thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"], start=3)} | {"dozen": 12}
# Lower-case words that state an amount or a date: they too must come from the sources.
CHECKED_WORDS = frozenset([
    "hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion", "billions",
    "trillion", "yesterday", "today", "tomorrow", "tonight"])
# Words that open a name without being one ("Mr Holt", "The ministry").
_NOT_NAMES = frozenset(["A", "An", "The", "Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Dame", "Lord", "Lady", "Prof"])
# A statement outside quotation marks is one only when its sentence says who said it.
_SPEECH = re.compile(r"\b(?:said|says|say|told|tells|added|adds|stated|according to|announced|argued|"
                     r"warned|insisted|explained|noted|wrote|writes|asked|replied|claimed|acknowledged|"
                     r"reported|reports|admitted|declared|promised|vowed|urged|called|tweeted|posted)\b")
_VERBS = r"(?:said|says|added|adds|declared|wrote|writes|argued|warned|insisted|explained|stated)"
_SAID_BY = re.compile(rf"\b{_VERBS}\s+(?:(?:Mr|Mrs|Ms|Dr|Gov|Sen|Rep)\.?\s+)?"
                      r"((?:[A-Z][\w'-]+\s+){0,2}[A-Z][\w'-]+)")
_BY_SAID = re.compile(rf"\b([A-Z][\w'-]+)(?:,[^,\"]{{1,60}},)?\s+(?:{_VERBS}|told|tells)\b")
_QUOTED = re.compile(r'"[^"]*"')
_SUFFIXES = frozenset(["Jr", "Sr", "II", "III", "IV"])
_NOT_SPEAKERS = frozenset([
    "He", "She", "They", "It", "We", "I", "You", "This", "That",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]) | _NOT_NAMES
BEFORE_SENTENCES = 2  # sentences before a quote's own where the speaker of "he said" may be named
_END = re.compile(r"[.!?][\"')]*\s+(?=[\"'(]?[A-Z0-9])|\n+")
MIN_QUOTE_WORDS = 4  # a shorter span proves little about who said what


def normalise(text: str) -> str:
    """``text`` with quotes, dashes and white space folded to one form each."""
    return _SPACE.sub(" ", text.translate(_FOLD)).strip()


def _bare(word: str) -> str:
    """A word without its possessive ending ("Holt's" is "Holt")."""
    return word[:-2] if word.endswith("'s") and len(word) > 3 else word


def _number(digits: str) -> str:
    """A canonical spelling of a number: "1,200" is "1200", "3.50" is "3.5", "07" is "7"."""
    if _THOUSANDS.fullmatch(digits):
        digits = digits.replace(",", "")
    whole, _, part = digits.partition(".")
    if not whole.isdigit():  # "3,5": a decimal comma, or a list; compare as written
        return digits
    whole, part = whole.lstrip("0") or "0", part.rstrip("0")
    return f"{whole}.{part}" if part else whole


@dataclass(frozen=True)
class Evidence:
    """What a body of source text can back: the text itself, its words and its numbers."""

    text: str  # the normalised text
    words: frozenset[str]  # every word as written (case kept, possessive dropped)
    lower: frozenset[str]  # every word in lower case
    stems: frozenset[str]  # every lower-case word without its inflection ("votes", "voted": "vot")
    numbers: frozenset[str]  # every number, in digits or in words, canonically spelled


def evidence(texts: Iterable[str]) -> Evidence:
    """The Evidence of ``texts`` read together."""
    # One line a paragraph: a quotation running over paragraphs reopens its mark on each,
    # so quote marks are only paired within one.
    text = "\n".join(normalise(p) for t in texts if t for p in t.splitlines() if p.strip())
    words = frozenset(_bare(m.group()) for m in _WORD.finditer(text))
    lower = frozenset(w.lower() for w in words)
    stems = frozenset(_stem(w) for w in lower)
    numbers = {_number(m.group()) for m in _NUMBER.finditer(text)}
    numbers |= {str(n) for w, n in NUMBER_WORDS.items() if w in lower}
    return Evidence(text=text, words=words, lower=lower, stems=stems, numbers=frozenset(numbers))


def _stem(word: str) -> str:
    """A crude stem, enough to see that "Votes" in a title-cased headline is the sources' "voted"."""
    return re.sub(r"(?:ing|ed|es|e|s|d)$", "", word) if len(word) > 4 else word


def _opens_sentence(text: str, at: int) -> bool:
    """True when the word at ``at`` starts ``text`` or a sentence in it."""
    before = text[:at].rstrip(" \"'([")
    return not before or before[-1] in ".!?:;-"


def unsupported(text: str, ev: Evidence, *, title: bool = False) -> list[str]:
    """The names, numbers and dates in ``text`` that ``ev`` does not hold; empty when faithful.

    A capitalised word must appear capitalised in the sources, except at a sentence start (and
    anywhere in a ``title``, which may be title-cased) where the same word in lower case, in any
    inflection, will do.
    """
    norm = normalise(text)
    missing = [m.group() for m in _NUMBER.finditer(norm) if _number(m.group()) not in ev.numbers]
    for match in _WORD.finditer(norm):
        word = _bare(match.group())
        low = word.lower()
        if low in NUMBER_WORDS:
            ok = str(NUMBER_WORDS[low]) in ev.numbers
        elif low in CHECKED_WORDS:
            ok = low in ev.lower
        elif len(word) < 2 or not word[0].isupper() or word in ev.words:
            ok = True
        else:
            ok = (title or _opens_sentence(norm, match.start())) and _stem(low) in ev.stems
        if not ok:
            missing.append(word)
    return list(dict.fromkeys(missing))


def quote_span(text: str) -> str:
    """A quote's text as it must appear in its source: normalised, without the quotation
    marks around it or the punctuation that ends it (a quote often ends on a comma)."""
    return normalise(text).strip(" \"'").rstrip(" .,;:!?\"'").lstrip(" \"'")


def _positions(span: str, text: str) -> list[int]:
    """Where ``span`` starts in ``text``; its first letter may differ in case."""
    if not span:
        return []
    first = re.escape(span[0])
    pattern = f"[{first}{re.escape(span[0].swapcase())}]" if span[0].isalpha() else first
    return [m.start() for m in re.finditer(pattern + re.escape(span[1:]), text)]


def speaker_anchors(speaker: str) -> list[str]:
    """The words that name a speaker near a quote: the last word of the name ("Trade Minister
    Anselm Dravik" gives "Dravik"), and of each part before "of", "for" or "from" ("Secretary of
    State Hillary Clinton" gives "Clinton" and "Secretary"); else the speaker as written."""
    name = re.split(r",|\(", normalise(speaker))[0]
    anchors = []
    for part in (name, *re.split(r" of | for | from ", name)):
        names = [_bare(w) for w in _WORD.findall(part)
                 if w[0].isupper() and len(w) > 1 and w not in _NOT_NAMES and w not in _SUFFIXES]
        anchors += names[-1:]
    plain = re.sub(r"^(?:a|an|the)\s+", "", name, flags=re.IGNORECASE).strip()
    return list(dict.fromkeys(anchors)) or ([plain] if plain else [])


def quote_problem(speaker: str, text: str, ev: Evidence) -> str | None:
    """Why a quote cannot stand against its outlet's text ``ev``, or None when it can."""
    span = quote_span(text)
    if len(span.split()) < MIN_QUOTE_WORDS:
        return f"quote too short to check: {text!r}"
    starts = _positions(span, ev.text)
    if not starts:
        return f"not a verbatim span of the source it names: {text!r}"
    missing = unsupported(speaker, ev)
    if missing:
        return f"speaker {speaker!r}: {', '.join(missing)} not in that source"
    anchors = speaker_anchors(speaker)
    if not anchors:
        return "no speaker named"
    bounds = sentence_starts(ev.text)
    problems = [_attribution_problem(ev.text, bounds, start, start + len(span), anchors) for start in starts]
    return None if None in problems else f"{problems[0]}: {text!r}"


def _attribution_problem(text: str, bounds: list[int], begin: int, end: int,
                         anchors: list[str]) -> str | None:
    """Why the source does not give the quote at [begin, end) to the speaker named by any of
    ``anchors``, or None if it does.

    Its own sentence must be a statement (a quotation, or a verb of saying) and name the speaker;
    or name nobody, leaving "he said" to a speaker named in the two sentences before.
    """
    first, own, last = attribution_window(bounds, begin, end, len(text))
    # Words inside quotation marks attribute nothing: "Our problem with Ryan is ..." is not Ryan's.
    sentence = _QUOTED.sub(" … ", text[own:last])
    if text.count('"', own, begin) % 2 == 0 and not _SPEECH.search(sentence):
        return "not a statement in its source"
    mention = re.compile("|".join(rf"\b{re.escape(a)}\b" for a in anchors),
                         0 if anchors[0][0].isupper() else re.IGNORECASE)
    if mention.search(sentence):
        return None
    others = named_speakers(sentence)
    if others:
        return f"the source gives it to {others[0]}, not {anchors[0]}: misattributed"
    if mention.search(text, first, own):
        return None
    return f"{anchors[0]} is not named where the source gives it: misattributed"


def named_speakers(sentence: str) -> list[str]:
    """Surnames a sentence gives as its speaker ("Ruiz said", "said Lena Vos", "Holt, 47, said")."""
    names = [m.group(1).split()[-1] for m in _SAID_BY.finditer(sentence)]
    names += [m.group(1) for m in _BY_SAID.finditer(sentence)]
    return [n for n in names if n not in _NOT_SPEAKERS]


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
