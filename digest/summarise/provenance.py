"""Which outlet told each sentence a brief shows.

Every quote already names its outlet; the dek, What happened and What next carry theirs too
(digest.json's additive ``dek_source``, ``what_happened_sources`` and ``what_next_sources``), and the
email cites What next's after each sentence, as The Week's "What next?" names the paper whose
expectation it repeats. A sentence is the outlet's whose article holds it word for word (case, marks
and white space aside); a sentence the brief completed ("Mr. Kerry" shown as "John Kerry") or a
model reworded is the outlet's whose article holds most of its words, when one holds nearly all of
them; else no outlet is named (an empty string) rather than a wrong one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from digest.model import Entry

_WORD = re.compile(r"\w+")
_NEARLY_ALL = 0.8  # the share of a sentence's words one outlet's article must hold when none holds it whole


def folded(text: str) -> str:
    """``text`` as its lower-case words, one space apart and padded: a phrase test on word bounds."""
    return " " + " ".join(_WORD.findall(text.casefold())) + " "


def told_by(entries: Iterable[Entry]) -> tuple[tuple[str, str], ...]:
    """(outlet, its articles folded) for each outlet of ``entries``, in their order."""
    texts: dict[str, list[str]] = {}
    for e in entries:
        texts.setdefault(e.feed, []).extend((e.title, e.summary, e.content))
    return tuple((outlet, folded("\n".join(parts))) for outlet, parts in texts.items())


def outlet_of(text: str, told: Sequence[tuple[str, str]]) -> str:
    """The outlet of ``told`` (``told_by``'s pairs) whose articles hold ``text``: word for word, the
    first such; else the one holding the most of its words when that is nearly all; else ""."""
    want = folded(text)
    if not want.strip():
        return ""
    whole = next((outlet for outlet, body in told if want in body), None)
    if whole is not None:
        return whole
    words = set(want.split())
    held = [(len(words & set(body.split())) / len(words), -i, outlet) for i, (outlet, body) in enumerate(told)]
    best = max(held, default=None)
    return best[2] if best is not None and best[0] >= _NEARLY_ALL else ""


def outlets_of(texts: Sequence[str], told: Sequence[tuple[str, str]]) -> tuple[str, ...]:
    """``outlet_of`` for each of ``texts``, in order."""
    return tuple(outlet_of(t, told) for t in texts)
