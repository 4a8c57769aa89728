"""The headline and the dek: a cleaned source title and a one-line standfirst."""

from __future__ import annotations

import re

from digest.model import Entry
from digest.summarise.centrality import overlap
from digest.summarise.sentences import (
    considered,
    is_chrome,
    sentences_of,
    split_sentences,
    strip_dateline,
)
from digest.summarise.shape import DANGLING, QUOTE_SPAN, not_news, quotes_heavily

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


# Labels and teasers that open a title without being part of the news.
_OPENER = re.compile(
    r"^(?:(?:breaking(?: news)?|exclusive|watch|video|live|updated?|update|photos?|pictures|analysis|opinion|"
    r"just in|developing|new|revealed|read|listen|explainer|factbox|live updates|first on \w+)\s*[:|—–-]\s*|"
    r"(?:you won['’]t believe|here['’]s (?:why|what|how)|this is (?:why|what|how)|everything you need to know about)\s+)",
    re.IGNORECASE,
)
# Words shouted in an otherwise normal title; any other capitals are an acronym (NAACP, NASA).
_SHOUTS = frozenset("BREAKING HUGE SHOCKING URGENT EXCLUSIVE WATCH WOW MUST ALERT AMAZING INSANE EPIC".split())
_SMALL = frozenset("a an and as at but by for from in into of on or the to with vs via".split())


def headline_of(entry: Entry | None, *, outlets: tuple[str, ...] = ()) -> str:
    """Return the entry's title cleaned for a headline, or "Untitled story"."""
    title = clean_headline(entry.title, outlets=outlets) if entry is not None else ""
    for _ in range(2):
        title = _OPENER.sub("", title).strip()
    title = calm_capitals(title)
    return title[:1].upper() + title[1:] if title else "Untitled story"


def calm_capitals(title: str) -> str:
    """Return ``title`` with shouting capitals lowered: a title in capitals becomes title case,
    a shouted word in a normal title ("BREAKING", "HUGE") takes a capital only; acronyms stay."""
    words = title.split()
    letters = [w for w in words if any(ch.isalpha() for ch in w)]
    if letters and all(w.isupper() for w in letters) and len(letters) > 2:
        return " ".join(_title_word(w, i) for i, w in enumerate(words))
    return " ".join(w.capitalize() if w.strip("!:,.").upper() in _SHOUTS else w for w in words)


def _title_word(word: str, index: int) -> str:
    lower = word.lower()
    return lower if index and lower in _SMALL else lower.capitalize()


def pick_headline_entry(entries: tuple[Entry, ...], *, happened: tuple[str, ...] | list[str] = ()) -> Entry | None:
    """Return the report whose title is the most central: closest to the other titles and to What happened.

    Ties go to the earlier entry (the lead). Entries without a title are passed over.
    """
    titled = [e for e in entries if clean_headline(e.title)]
    if len(titled) <= 1:
        return titled[0] if titled else (entries[0] if entries else None)
    event = " ".join(happened)

    def closeness(entry: Entry) -> float:
        others = [overlap(entry.title, o.title) for o in titled if o is not entry]
        return sum(others) / len(others) + overlap(entry.title, event)

    return max(titled, key=lambda e: (round(closeness(e), 6), -titled.index(e)))


_ELLIPSIS = re.compile(r"(?:\.\.\.|…)\s*\S{0,12}$")
_TIMING = re.compile(r"\b(?:today|tonight|tomorrow|yesterday|this (?:morning|afternoon|evening)|"
                     r"(?:on |last |next |this )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b",
                     re.IGNORECASE)


def pick_dek(entry: Entry | None, *, shown: list[str]) -> str | None:
    """Return one whole sentence that adds to the headline, or None.

    The headline report's standfirst (its feed description) when it states the event in a
    whole sentence (no dateline, not cut off with "...", sharing words with the blocks); else its
    lead sentence when no block shows it. Never a clause cut from a sentence, never a sentence a
    block already shows, and never a timing the blocks word differently ("tomorrow" against a
    newer report's "today").
    """
    if entry is None:
        return None
    lead = sentences_of(entry.text)[:1]
    for sentence in (standfirst_of(entry.summary), lead[0].text if lead else None):
        if sentence and _adds(sentence, shown) and _same_timing(sentence, shown) and _stands(sentence):
            return sentence
    return None


def standfirst_of(summary: str) -> str | None:
    """Return the first whole sentence of a standfirst, or None when there is none to show."""
    text = " ".join(considered(summary).replace("\u00ad", "").split())  # soft hyphens: invisible, but they break words
    if not text or _ELLIPSIS.search(text.split(". ")[0] if ". " in text else text):
        return None  # a description cut off by the feed: its first sentence may be the cut one
    first = split_sentences(strip_dateline(text))[0] if text else ""
    if not 6 <= len(first.split()) <= 40 or first.endswith("?") or _ELLIPSIS.search(first):
        return None
    if first == text.strip() or re.search(r"[.!]$", first):
        return first if not is_chrome(first if re.search(r"[.!?]$", first) else first + ".") else None
    return None


def _stands(sentence: str) -> bool:
    """True for a dek that states something on its own: no question, no "And ..." opener, no
    speculation or colour, not mostly quotation."""
    narration = QUOTE_SPAN.sub(" ", sentence)
    return not (sentence.rstrip("”\"' ").endswith("?") or DANGLING.match(sentence) or not_news(narration)
                or quotes_heavily(sentence))


def _adds(sentence: str, shown: list[str]) -> bool:
    """True when ``sentence`` is about the blocks' event without repeating one of them."""
    if any(overlap(sentence, s) >= 0.6 for s in shown):
        return False
    return not shown or overlap(sentence, " ".join(shown)) >= 0.2


def timing_words(text: str) -> frozenset[str]:
    """The days a sentence puts its event on: "today", "tomorrow", "tuesday" ..."""
    return frozenset(m.group(0).lower().split()[-1] for m in _TIMING.finditer(text))


def _same_timing(sentence: str, shown: list[str]) -> bool:
    """False when the dek names a day or "today"/"tomorrow" and the blocks name another."""
    mine = timing_words(sentence)
    theirs = frozenset().union(*(timing_words(s) for s in shown[:3])) if shown else frozenset()
    return not (mine and theirs and not mine & theirs)
