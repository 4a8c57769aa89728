"""Which outlet told each sentence a brief shows.

Every quote already names its outlet; the dek, What happened and What next carry theirs too
(digest.json's additive ``dek_source``, ``what_happened_sources`` and ``what_next_sources``), and the
email cites What next's after each sentence, as The Week's "What next?" names the paper whose
expectation it repeats. Each outlet's articles are split into sentences as the summariser splits them:
a sentence is the outlet's that has it as one of its sentences, word for word (case, marks and white
space aside; never a phrase inside a longer sentence: "the bridge will close in May" inside "Nobody has
told us the bridge will close in May" is not that outlet's sentence). A sentence the brief completed
("Mr. Kerry" shown as "John Kerry") or a model reworded is the outlet's whose one sentence shares most of
its words, when that is most of both and no other outlet's sentence comes close; else no outlet is named
(an empty string) rather than a wrong one (review 97).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from digest.model import Entry
from digest.summarise.candidates import tidied

_WORD = re.compile(r"\w+")
_MOST = 0.75  # the share of the two sentences' words (together) that they must share, when none is word for word
_CLOSE = 0.1  # how near another outlet's best sentence may come before neither is named

Told = tuple[tuple[str, frozenset[str], tuple[frozenset[str], ...]], ...]  # (outlet, its sentences folded, their words)


def folded(text: str) -> str:
    """``text`` as its lower-case words, one space apart."""
    return " ".join(_WORD.findall(text.casefold()))


def told_by(entries: Iterable[Entry]) -> Told:
    """Each outlet of ``entries``, in their order, with the sentences of its titles, standfirsts and texts."""
    texts: dict[str, list[str]] = {}
    for e in entries:
        texts.setdefault(e.feed, []).extend((e.title, e.summary, e.content))
    return told_in(texts.items())


def told_in(outlets: Iterable[tuple[str, Iterable[str]]]) -> Told:
    """(outlet, its texts) pairs as ``outlet_of`` reads them: each text split into sentences, each folded."""
    out = []
    for outlet, texts in outlets:
        sentences = {f for text in texts if text for s in tidied(text) if (f := folded(s.text))}
        out.append((outlet, frozenset(sentences), tuple(frozenset(s.split()) for s in sentences)))
    return tuple(out)


def outlet_of(text: str, told: Told) -> str:
    """The outlet of ``told`` that has ``text`` as one of its sentences, word for word (the first such);
    else the one whose closest sentence shares most of its words, when no other outlet's comes close; else ""."""
    want = folded(text)
    if not want:
        return ""
    whole = next((outlet for outlet, sentences, _ in told if want in sentences), None)
    if whole is not None:
        return whole
    words = frozenset(want.split())
    best = sorted(((max((len(words & s) / len(words | s) for s in sets), default=0.0), outlet)
                   for outlet, _, sets in told), reverse=True)
    if not best or best[0][0] < _MOST or len(best) > 1 and best[1][0] > best[0][0] - _CLOSE:
        return ""
    return best[0][1]


def outlets_of(texts: Sequence[str], told: Told) -> tuple[str, ...]:
    """``outlet_of`` for each of ``texts``, in order."""
    return tuple(outlet_of(t, told) for t in texts)
