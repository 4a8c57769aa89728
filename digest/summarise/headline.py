"""The headline and the dek: a cleaned source title and a one-line standfirst."""

from __future__ import annotations

import re

from digest.model import Entry
from digest.summarise.centrality import overlap
from digest.summarise.sentences import considered, is_chrome, split_sentences

_TAIL = re.compile(r"\s+(?:\||[-–—:]{1,2}|·)\s+(?P<tail>[^|–—-]{2,60})$")
_QUOTE_SPAN = re.compile(r"“[^“”]*”|\"[^\"]*\"|‘[^‘’]*’(?!\w)")


def clean_headline(title: str, *, outlets: tuple[str, ...] = ()) -> str:
    """Return ``title`` without a trailing "| Outlet" or " - Outlet" site name."""
    title = " ".join(title.split())
    names = {_squash(o) for o in outlets}
    for _ in range(2):
        match = _TAIL.search(title)
        if not match:
            break
        tail = match.group("tail")
        sep = match.group(0).strip()[:1]
        site_like = _squash(tail) in names or re.search(r"\.(?:com|org|net|co\.uk)\b", tail, re.I)
        short_name = len(tail.split()) <= 3 and all(w[:1].isupper() for w in tail.split())
        if site_like or (sep == "|" and len(tail.split()) <= 5) or (short_name and len(title) - len(match.group(0)) > 20):
            title = title[: match.start()].rstrip()
        else:
            break
    return title


def _squash(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def pick_headline(entries: tuple[Entry, ...]) -> str:
    """Return the best source title: the lead entry's, unless it is empty."""
    outlets = tuple(e.feed for e in entries)
    for entry in entries:
        cleaned = clean_headline(entry.title, outlets=outlets)
        if cleaned:
            return cleaned
    return "Untitled story"


def pick_dek(entries: tuple[Entry, ...], *, shown: list[str]) -> str | None:
    """Return a one-line standfirst: the first sentence of a feed summary that repeats no block.

    When every summary repeats the brief, falls back to a summary's (else the first block
    sentence's) main clause, cut at its first comma, semicolon or dash. Returns None when no
    prose sentence of 6 to 35 words (or no clause of 6 to 25 words) is found.
    """
    firsts = []
    for entry in entries:
        sentences = split_sentences(" ".join(considered(entry.summary).split()))
        first = sentences[0] if sentences else ""
        if 6 <= len(first.split()) <= 35 and not is_chrome(first):
            if all(overlap(first, s) < 0.6 for s in shown):
                return first
            firsts.append(first)
    for sentence in (*firsts, *shown[:1]):
        clause = standfirst(sentence)
        if clause and clause not in shown:
            return clause
    return None


_CLAUSE_END = re.compile(r"\s*(?:,(?!\d)|;|\s[—–-]\s)")


def standfirst(sentence: str) -> str | None:
    """Return the main clause of ``sentence`` as a sentence of its own, or None when it has none.

    The clause runs to the first comma, semicolon or dash after at least six words, outside quotes.
    """
    if _QUOTE_SPAN.search(sentence):
        return None  # cutting inside or around a quotation would misquote
    for match in _CLAUSE_END.finditer(sentence):
        head = sentence[: match.start()].rstrip()
        if len(head.split()) >= 6:
            return head + "." if 6 <= len(head.split()) <= 25 else None
    return None
