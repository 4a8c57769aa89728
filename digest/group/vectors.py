"""Entries as TF-IDF vectors over headline and lead, with names and numbers weighing more.

A name is a word the batch writes capitalised mid-sentence and never in lower case ("Portvale"
is one, "council" is not); IDF and names both come from the batch being grouped.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from operator import mul

from digest.model import Entry

LEAD_WORDS = 100  # words of body text that count as the lead (same-event reports share its action words)
TITLE_WEIGHT = 2.0  # a headline word counts this many times
NAME_WEIGHT = 1.6  # extra weight for names
NUMBER_WEIGHT = 1.6  # extra weight for numbers
TOP_TOKENS = 12  # distinctive tokens per entry used to find candidate pairs
TOP_COMMON = 4  # and common ones (in more than POSTING_CAP entries), searched in a window
POSTING_CAP = 60  # a token in more entries than this is common: few candidate links, see WINDOW

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,]\d+)*")
_SENTENCE_ENDS = ".!?:;"
_LEAD_TOKEN = re.compile(_WORD.pattern + r"|[.!?:;]")  # words, and the marks that end sentences

_STOPWORDS = frozenset(
    """
    a about above after again against all almost also am among an and any are aren't around as at
    be became because been before being below between both but by can cannot could did do does
    doing done down during each either else even ever every few for from further get gets got
    had has have having he her here hers herself him himself his how however i if in into is
    it its itself just least less like made make makes many may me might more most much must my
    near neither no nor not now of off on once one only or other our ours out over own per put
    rather said same say saying says she should since so some such than that the their theirs
    them themselves then there these they this those though through thus to too told toward
    under until up upon us very via was we were what when where whether which while who whom
    whose why will with within without would yet you your yours
    monday tuesday wednesday thursday friday saturday sunday today yesterday tonight tomorrow
    week weeks month months year years day days time times new news report reports reported
    according statement late early earlier later last next first second two three four five
    mr mrs ms dr people including including's amid following after told announce announced
    reuters ap afp bloomberg upi dpa efe
    """.split()
)


@dataclass(frozen=True)
class Doc:
    """One entry reduced to what clustering needs; made by ``vectorise``."""

    entry: Entry
    vector: dict[str, float]  # L2-normalised TF-IDF weights
    top: tuple[str, ...]  # its most distinctive tokens, for candidate lookup
    names: set[str]  # its tokens that are names in this batch
    runs: dict[str, int]  # capitalised lead token -> number of the run of capitals it stood in
    action: frozenset[str] = frozenset()  # its headline's words that are neither names nor titles


def vectorise(entries: list[Entry]) -> list[Doc]:
    """Turn entries into normalised TF-IDF vectors, with IDF and names from this batch."""
    counted = [_count(e) for e in entries]
    # A name is written capitalised mid-sentence somewhere and never in lower case anywhere:
    # "Portvale" is one, "Council" in "City Council" is not (the batch also says "the council").
    names = set().union(*(c.capitalised for c in counted))
    names -= set().union(*(c.lowercase for c in counted)) | _TITLE_WORDS
    df = Counter(t for c in counted for t in c.counts)
    n = len(entries)
    # IDF times the name/number boost, once per distinct token.
    scale = {t: (math.log((n + 1) / (d + 1)) + 1.0) * _boost(t, names) for t, d in df.items()}
    docs = []
    for entry, c in zip(entries, counted):
        vec = {t: (1.0 + math.log(w)) * scale[t] for t, w in c.counts.items()}
        norm = math.sqrt(sum(map(mul, vec.values(), vec.values()))) or 1.0
        vec = {t: v / norm for t, v in vec.items()}
        # Tokens are distinct: (weight, token) pairs sort as the weights, then the tokens, would.
        ranked = [t for _, t in sorted([(-v, t) for t, v in vec.items() if df[t] > 1])]
        rare = [t for t in ranked if df[t] <= POSTING_CAP][:TOP_TOKENS]
        common = [t for t in ranked if df[t] > POSTING_CAP][:TOP_COMMON]
        heading = {t for t in map(_normalise, _WORD.findall(entry.title)) if t and not t[0].isdigit()}
        docs.append(Doc(entry, vec, tuple(rare + common), names.intersection(vec), c.runs,
                        frozenset(heading - names - _TITLE_WORDS)))
    return docs


def _boost(token: str, names: set[str]) -> float:
    """Extra weight for names and numbers: they tell events apart."""
    if token in names:
        return NAME_WEIGHT
    return NUMBER_WEIGHT if token[0].isdigit() else 1.0


@dataclass(frozen=True)
class _Counted:
    """Token counts of one entry, and how its words were written."""

    counts: dict[str, float]  # token -> count, headline words counting TITLE_WEIGHT each
    capitalised: set[str]  # tokens written capitalised other than to open a sentence
    lowercase: set[str]  # tokens written in lower case somewhere (so not only names)
    runs: dict[str, int]  # capitalised lead token -> number of the run of capitals it stood in


def _count(entry: Entry) -> _Counted:
    """Count the tokens of headline and lead and note which look like names."""
    c = _Counted(defaultdict(float), set(), set(), {})
    for word in _WORD.findall(entry.title):
        token = _normalise(word)
        if token:
            c.counts[token] += TITLE_WEIGHT
            if word[0].islower():
                c.lowercase.add(token)
    # Only the start of a long article is split: 20 characters a word is plenty.
    lead = " ".join(entry.text[: LEAD_WORDS * 20].split()[:LEAD_WORDS])
    run, opening, previous_capital = 0, True, False
    for word in _LEAD_TOKEN.findall(lead):
        first = word[0]
        if first in _SENTENCE_ENDS:
            opening, previous_capital = True, False
            continue
        capital = first.isupper()
        run += capital and not previous_capital  # "French President Emmanuel Macron" is one run
        previous_capital = capital
        token = _normalise(word)
        if token:
            c.counts[token] += 1.0
            if capital:
                c.runs.setdefault(token, run)
                if not opening:  # an opening capital says nothing
                    c.capitalised.add(token)
            elif first.islower():
                c.lowercase.add(token)
        opening = False
    return c


@lru_cache(maxsize=1 << 18)  # news vocabulary repeats: normalising dominates otherwise
def _normalise(word: str) -> str:
    """The token for ``word``: lower-cased, possessive and plural/verb endings dropped, number
    formats folded; "" for a stopword or a single letter."""
    word = word.lower().replace("’", "'")
    if word[0].isdigit():
        return word.replace(",", "")
    if word.endswith("'s"):
        word = word[:-2]
    word = word.replace("'", "")
    if len(word) < 2 or word in _STOPWORDS:
        return ""
    return word if len(word) <= 3 else _stem(word)


def _stem(word: str) -> str:
    """A tiny suffix stripper that meets "rate"/"rates"/"rated", "raise"/"raising" halfway."""
    if word.endswith("ies") and len(word) > 5:
        return word[:-3] + "y"
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    else:
        if word.endswith(("ches", "shes", "sses", "xes", "zes")):
            word = word[:-2]
        elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
            word = word[:-1]
    # A final e goes too, so the bare form meets the stripped ones ("rate" -> "rat" = "rated").
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


# Capitalised in titles and proper names ("City Council", "Prime Minister") but not names
# themselves; a small batch may never show them in lower case, so say it here.
_TITLE_WORDS = frozenset(
    _normalise(w)
    for w in """
    city town county state province region national international federal central council
    parliament congress senate assembly government ministry minister prime president
    chancellor mayor governor secretary chair chairman chief executive director general
    court supreme police army navy force forces bank university party union agency office
    department committee commission north south east west northern southern eastern western
    """.split()
)


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Dot product of two normalised sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b[t] for t, v in a.items() if t in b)
