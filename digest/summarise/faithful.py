"""Holding a model's brief to its sources, in code, before anything is shown: its names, numbers and dates.

A sentence passes only when every name, number and date it states appears in the story's
sources (a number with its scale: "$5bn" is not "$5 million"; ordinals and relative dates
too). Text is compared after normalisation: curly and straight quotes, the dashes and runs of
white space each count as one. A quote is held to the outlet it names in quotecheck.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from digest.summarise.figures import (
    AMOUNT, CHECKED_WORDS, NUMBER, NUMBER_WORDS, ORDINAL_DIGITS, ORDINAL_WORDS, amount, canonical, ordinals,
    relative_dates,
)

_FOLD = str.maketrans({
    **dict.fromkeys("“”„‟″«»", '"'), **dict.fromkeys("‘’‚‛′`", "'"),
    **dict.fromkeys("‐‑‒–—―−", "-"), "…": "...",
})
_SPACE = re.compile(r"\s+")
_LOOSE = re.compile(r"(?<=\w) (?=[,;](?:\s|$))")
WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")


def normalise(text: str) -> str:
    """``text`` with quotes, dashes and white space folded to one form each."""
    # (and a page's stray space before a comma, which the brief leaves out: "bishops , theologians")
    return _LOOSE.sub("", _SPACE.sub(" ", text.translate(_FOLD))).strip()


def bare(word: str) -> str:
    """A word without its possessive ending ("Holt's" is "Holt")."""
    return word[:-2] if word.endswith("'s") and len(word) > 3 else word


@dataclass(frozen=True)
class Evidence:
    """What a body of source text can back: the text itself, its words and its numbers."""

    text: str  # the normalised text
    words: frozenset[str]  # every word as written (case kept, possessive dropped)
    lower: frozenset[str]  # every word in lower case
    stems: frozenset[str]  # every lower-case word without its inflection ("votes", "voted": "vot")
    numbers: frozenset[str]  # every number, in digits or in words, canonically spelled
    amounts: frozenset[str] = frozenset()  # every number with its scale applied: "$5bn" is 5000000000
    ordinals: frozenset[int] = frozenset()  # every ordinal, in digits or words: "2nd", "second" are 2
    relative: frozenset[str] = frozenset()  # every relative date: "last week", "next month"


def evidence(texts: Iterable[str]) -> Evidence:
    """The Evidence of ``texts`` read together."""
    # One line a paragraph: a quotation running over paragraphs reopens its mark on each,
    # so quote marks are only paired within one.
    text = "\n".join(normalise(p) for t in texts if t for p in t.splitlines() if p.strip())
    words = frozenset(bare(m.group()) for m in WORD.finditer(text))
    lower = frozenset(w.lower() for w in words)
    stems = frozenset(_stem(w) for w in lower)
    numbers = {canonical(m.group()) for m in NUMBER.finditer(text)}
    numbers |= {str(n) for w, n in NUMBER_WORDS.items() if w in lower}
    return Evidence(text=text, words=words, lower=lower, stems=stems, numbers=frozenset(numbers),
                    amounts=frozenset(amount(m) for m in AMOUNT.finditer(text)),
                    ordinals=frozenset(ordinals(text)), relative=frozenset(relative_dates(text)))


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
    inflection, will do. A number with a scale or a percent sign must have the same value in the
    sources ("$5bn" is not "$5 million"); ordinals and relative dates must be there too.
    """
    norm = normalise(text)
    scaled = [m for m in AMOUNT.finditer(norm) if m.group("scale")]
    missing = [m.group().strip() for m in scaled if amount(m) not in ev.amounts]
    covered = {i for m in [*scaled, *ORDINAL_DIGITS.finditer(norm)] for i in range(*m.span())}
    missing += [m.group() for m in NUMBER.finditer(norm)
                if m.start() not in covered and canonical(m.group()) not in ev.numbers]
    missing += [m.group() for m in ORDINAL_DIGITS.finditer(norm) if int(m.group(1)) not in ev.ordinals]
    missing += [d for d in relative_dates(norm) if d not in ev.relative]
    for match in WORD.finditer(norm):
        if match.start() in covered:
            continue
        word = bare(match.group())
        if not _word_backed(word, ev, title or _opens_sentence(norm, match.start())):
            missing.append(word)
    return list(dict.fromkeys(missing))


def _word_backed(word: str, ev: Evidence, loose: bool) -> bool:
    """True when ``ev`` backs ``word``; a ``loose`` capital (a title's, a sentence's first) may be
    the sources' word in lower case, in any inflection."""
    low = word.lower()
    if low in NUMBER_WORDS:
        return str(NUMBER_WORDS[low]) in ev.numbers
    if low in ORDINAL_WORDS:
        return ORDINAL_WORDS[low] in ev.ordinals
    if low in CHECKED_WORDS:
        return low in ev.lower
    if len(word) < 2 or not word[0].isupper() or word in ev.words:
        return True
    return loose and _stem(low) in ev.stems

