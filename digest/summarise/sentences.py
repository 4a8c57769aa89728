"""News-grade sentence splitting; datelines, drop caps and page furniture handled by ``furniture``.

Splitting works paragraph by paragraph (paragraphs are separated by blank lines). A full stop
ends a sentence unless it closes an abbreviation (``Gen.``, ``Jan. 6``, ``U.S. officials``), an
initial (``John F. Kennedy``) or sits inside a decimal; a quotation that runs over several
sentences stays whole so that its attribution stays with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from digest.summarise.furniture import (
    OPEN_QUOTES,
    dateline_place,
    is_caption,
    is_chrome,
    join_drop_caps,
    strip_dateline,
)

# Titles and other abbreviations that are practically never the end of a sentence.
_TITLES = frozenset(
    """mr mrs ms messrs dr gen lt col sgt capt cmdr adm maj brig gov sen rep reps sens prof rev
    fr hon pres supt insp det cpl pvt st ste mt ft no nos vs v etc al approx dept est fig jr sr
    atty u.s.a cong assemb msgr rt mfg intl natl assn""".split()
)
# Month abbreviations: an abbreviation before a day number, a sentence end otherwise rare.
_MONTHS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
# Abbreviations that often do end a sentence: split only when a usual sentence opener follows.
_ENDERS = frozenset("inc corp co ltd llc plc bros a.m p.m u.s u.k u.n d.c e.u l.a n.y".split())
# Words that open sentences; after "U.S." or "Inc." they signal a new sentence.
_OPENERS = frozenset(
    """the a an he she it they we i you this that these those but and or so yet in on at for
    after before when while if as his her their its our my there here what why how who where
    still however meanwhile also now then last next one two some many most no not both""".split()
)

_CLOSERS = "\"'”’)]"
# Two sentences a page glued together: "... to cooler habitats.Previous studies ..." (not a
# domain, "Amazon.Com", nor an initialism, "U.S.Army").
_GLUED = re.compile(r"(?<![\w.])([a-z]{4,}[.!?])(?=(?!(?:Com|Org|Net|Gov|Edu|Co|Io|Uk)\b)[A-Z][a-z]{2,}\b)")
# A candidate boundary: terminal punctuation, any closing quotes/brackets, then whitespace.
_BOUNDARY = re.compile(r"(?:\.{3}|…|[.!?])[\"'”’)\]]*\s+")
_PARA_BREAK = re.compile(r"\n\s*\n")
_SPACES = re.compile(r"\s+")
_HERE = re.compile(r"\bhere\b")
# A space a page left before a comma or semicolon ("Catholic bishops , theologians").
_LOOSE_STOP = re.compile(r"(?<=\w) +(?=[,;](?:\s|$))")


@dataclass(frozen=True)
class Sentence:
    """One sentence of one entry, with where it sat."""

    text: str  # the sentence, whitespace collapsed
    entry: int  # index of the entry in the story
    paragraph: int  # paragraph number within the entry's text
    position: int  # sentence number within the entry's text (0 = lead)


def paragraphs(text: str) -> list[str]:
    """Return the non-empty paragraphs of ``text``, whitespace collapsed."""
    parts = (_SPACES.sub(" ", p).strip() for p in _PARA_BREAK.split(text or ""))
    return [p for p in parts if p]


def split_sentences(paragraph: str) -> list[str]:
    """Return the sentences of one paragraph, in order.

    One pass, linear in the paragraph's length: quote counts are carried forward from one
    candidate stop to the next rather than recounted from the sentence start, and only a
    few characters either side of a stop are looked at.
    """
    text = _GLUED.sub(r"\1 ", _SPACES.sub(" ", paragraph).strip())
    if not text:
        return []
    quotes = _QuoteCount(text) if _quotes_balanced(text) else None
    out, start = [], 0
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        if end >= len(text):
            break
        if _is_boundary(text, match, quotes=quotes, start=start):
            out.append(text[start:end].strip())
            start = end
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return out


def _quotes_balanced(text: str) -> bool:
    """True when the paragraph's double quotes pair up, so quote state can be trusted."""
    straight = text.count('"')
    return straight % 2 == 0 and text.count("“") == text.count("”")


class _QuoteCount:
    """Running counts of double quotes in ``text[:pos]``, for positions that only grow."""

    def __init__(self, text: str) -> None:
        self.text, self.pos = text, 0
        self.counts = {'"': 0, "“": 0, "”": 0}
        self.marks: dict[int, dict[str, int]] = {0: dict(self.counts)}

    def at(self, pos: int) -> dict[str, int]:
        """Return the counts in ``text[:pos]`` (``pos`` never below an earlier call's)."""
        for mark in self.counts:
            self.counts[mark] += self.text.count(mark, self.pos, pos)
        self.pos = pos
        return dict(self.counts)

    def open_between(self, start: int, end: int) -> bool:
        """True when ``text[start:end]`` leaves a double quotation open."""
        if start not in self.marks:
            self.marks = {start: self.at(start)}
        first, last = self.marks[start], self.at(end)
        straight = last['"'] - first['"']
        return straight % 2 == 1 or last["“"] - first["“"] > last["”"] - first["”"]


_STARTS_UPPER = re.compile(r"[\"“‘'(]*[A-Z0-9]")
_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_WORD_CHARS = _LETTERS | frozenset(".'’")


def _is_boundary(text: str, match: re.Match[str], *, quotes: _QuoteCount | None,
                 start: int) -> bool:
    """Decide whether the punctuation in ``match`` ends a sentence."""
    end = match.end()
    if not _STARTS_UPPER.match(text, end):
        return False
    if quotes is not None and quotes.open_between(start, end):
        # A quotation running over several sentences stays one unit with its attribution.
        return False
    punct = match.group(0).rstrip(_CLOSERS + " \n\t")
    if punct in ("...", "…") or punct in "!?":
        return True
    if text[match.start() + 1: end].strip():
        return True  # a quote or bracket closed after the stop: a real end
    space = text.find(" ", end)
    first = text[end: space if space >= 0 else len(text)]
    next_word = first.strip(OPEN_QUOTES + "'‘(").rstrip(",.;:").lower()
    return _ends_after(_word_before(text, match.start()), next_word, text[end: end + 1])


def _word_before(text: str, stop: int) -> str:
    """The word (lower-case, dots kept inside) that ends just before the stop at ``stop``.

    Scans back only over word characters, which never cross the whitespace that ended the
    previous candidate stop, so the whole paragraph is scanned back at most once.
    """
    begin = stop
    while begin > 0 and text[begin - 1] in _WORD_CHARS:
        begin -= 1
    while begin < stop and text[begin] not in _LETTERS:
        begin += 1  # the word starts at its first letter
    return text[begin:stop].lower()


def _ends_after(token: str, next_word: str, rest: str) -> bool:
    """Decide whether a stop after ``token`` (lower-case, no final dot) ends a sentence."""
    if token in _TITLES:
        return False
    if token in _MONTHS:
        return not rest[:1].isdigit()
    if len(token) == 1 and token.isalpha():
        return False  # an initial: "John F. Kennedy", "Harry S. Truman"
    if token in _ENDERS or re.fullmatch(r"(?:[a-z]\.)+[a-z]", token):
        return next_word in _OPENERS
    return True


# The most of one entry's text the summariser reads. A news article runs 3,000-15,000
# characters and the blocks come from its opening paragraphs; a feed may carry far more (a
# 6 MB "entry" fits under the 15 MiB feed cap), and every later step (quotes, centrality,
# near-duplicates) grows with the sentence count, so the rest is never looked at.
MAX_ENTRY_CHARS = 40_000


def considered(text: str, limit: int = MAX_ENTRY_CHARS) -> str:
    """Return the part of ``text`` the summariser reads: all of it up to ``limit`` characters,
    else its opening cut at the last paragraph break (the last space, without one) before it."""
    if len(text) <= limit:
        return text
    cut = text.rfind("\n\n", 0, limit)
    if cut <= 0:
        cut = text.rfind(" ", 0, limit)
    return text[:cut] if cut > 0 else text[:limit]


def sentences_of(text: str, *, entry: int = 0) -> list[Sentence]:
    """Return the prose sentences of one entry's text (its first ``MAX_ENTRY_CHARS``, see
    ``considered``), drop caps joined, datelines and page chrome removed."""
    out: list[Sentence] = []
    for p_index, para in enumerate(paragraphs(join_drop_caps(considered(text or "")))):
        if is_caption(para):
            continue
        body = strip_dateline(para)
        for s_index, raw in enumerate(split_sentences(body)):
            # "... helicoptered to the crowded refugee camp here on Thursday": "here" is the dateline's place,
            # which stays with the sentence ("Zaatari, Jordan — ...") so that a reader is told where.
            if s_index == 0 and body != para and _HERE.search(raw) and (place := dateline_place(para)):
                raw = f"{place} — {raw}"
            raw = _LOOSE_STOP.sub("", raw)  # "Catholic bishops , theologians": the page's stray space
            raw = _unbracketed(raw)
            if not is_chrome(raw):
                out.append(Sentence(raw, entry, p_index, len(out)))
    return out


def _unbracketed(sentence: str) -> str:
    """``sentence`` without the bracket of an aside that spans sentences: "(Elizabeth is said to be taking it
    hard. Giuliani ... told Murdoch: “This marriage won’t last,” he said.)" splits into two sentences, the
    first opening a bracket the second closes; each is shown without it (the closing one after the stop,
    "said.)", or before it, "last)."). A bracket opened inside a sentence and closed in the next stays."""
    if sentence.endswith(")") and sentence.count(")") > sentence.count("(") and sentence[-2:-1] in ".!?”\"":
        sentence = sentence[:-1].rstrip()
    elif sentence.count(")") > sentence.count("(") and re.search(r"[^\s(]\)[.!?]$", sentence):
        sentence = sentence[:-2] + sentence[-1]  # "... would not last).": the bracket closed before the stop
    if sentence.startswith("(") and sentence.count("(") > sentence.count(")"):
        sentence = sentence[1:].lstrip()
    return sentence
