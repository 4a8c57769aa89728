"""The headline and the dek: a cleaned source title and a one-line standfirst."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from urllib.parse import urlsplit

from digest.model import Entry
from digest.summarise.candidates import tidied
from digest.summarise.centrality import key_terms, overlap, words
from digest.summarise.names import person_like
from digest.summarise.sentences import (
    considered,
    is_chrome,
    split_sentences,
    strip_dateline,
)
from digest.summarise.shape import (
    QUOTE_SPAN,
    aside_or_background,
    furniture,
    lead_states_event,
    leans_back,
    long_before,
    main_clause,
    not_news,
    quotes_heavily,
    states_event_firmly,
    tidy,
    unintroduced,
)

_TAIL = re.compile(r"\s+(?:\||[-–—:]{1,2}|[·•])\s+(?P<tail>[^|–—•-]{2,60})$")
_LOOSE_PUNCTUATION = re.compile(r"(?<=\w) ([,;!?](?!\S)|\.(?=$))")
_QUOTE_SPAN = re.compile(r"“[^“”]*”|\"[^\"]*\"|‘[^‘’]*’(?!\w)")


def clean_headline(title: str, *, outlets: tuple[str, ...] = (), site: str = "") -> str:
    """Return ``title`` without a site name at its end ("| Outlet", " - Outlet") or its head
    ("Outlet: ...", "Outlet :: ..."), letter-spaced words ("S e a  w a l l") closed up.

    ``site`` is the page's domain, when known: a head or tail spelling it is a site name too.
    """
    title = _LOOSE_PUNCTUATION.sub(r"\1", " ".join(_unspace(title).split()))  # "safe , experts say"
    names = {_squash(o) for o in outlets if o} | ({_squash(site)} if site else set())
    title = _drop_head(title, names)  # "Harbour Wire | Title": the brand goes before any tail is read
    for _ in range(4):  # "Title - WVLM 7News | Velmora News, Weather, Sports | Velmora": three tails
        match = _TAIL.search(title)
        if not match:
            break
        tail = match.group("tail")
        if tail.rstrip().endswith(("!", "?")):
            break  # "... Oscar Dress -- STOLEN!!!": the news itself, shouted, not a site's name
        sep = match.group(0).strip()[:1]
        short_name = len(tail.split()) <= 3 and all(w[:1].isupper() or w[:1].isdigit() for w in tail.split())
        if _site_like(tail, names) or (sep == "|" and len(tail.split()) <= 5) or (
                short_name and len(title) - len(match.group(0)) > 20) or _byline(tail):
            title = title[: match.start()].rstrip()
        else:
            break
    return _drop_head(title, names)


def _byline(tail: str) -> bool:
    """True for a tail that names the writers ("Maggie Haberman and Shira Toeplitz"), not the news."""
    parts = [p for p in re.split(r"\s+and\s+|,\s*", tail.removeprefix("By ").strip()) if p]
    return len(parts) >= 2 and all(2 <= len(p.split()) <= 3 and person_like(p) and p.istitle() for p in parts)


def _drop_head(title: str, names: set[str]) -> str:
    """``title`` without a site name or brand before its separator ("Outlet: ...", "Brand | ...")."""
    head = _HEAD.match(title)
    if head and len(title) - head.end() > 15 and (_site_like(head.group("head"), names) or _brand_head(head)):
        return title[head.end():]
    return title


def _brand_head(head: re.Match[str]) -> bool:
    """True for a short title-case name before " | " or " :: " ("Harbour Daily | ..."): a site's brand."""
    words = head.group("head").split()
    sep = head.group(0)[len(head.group("head")):].strip()
    return sep in ("|", "::") and len(words) <= 3 and all(w[:1].isupper() or w[:1].isdigit() for w in words)


_HEAD = re.compile(r"^(?P<head>[^|:–—]{2,40}?)\s*(?:\||::|:|[–—]|\s-)\s+")
_SPACED = re.compile(r"(?<!\S)(?:\w {1,3}){3,}\w[:!?.,]?(?!\S)")


def _site_like(text: str, names: set[str]) -> bool:
    """True when ``text`` is the outlet's name, the page's domain name, or spells a domain."""
    return _squash(text) in names or bool(re.search(r"\.(?:com|org|net|co\.uk|news)\b", text, re.IGNORECASE))


def site_name(link: str | None) -> str:
    """The name part of a page's domain: "https://www.harbourdaily.com/x" -> "harbourdaily"."""
    host = (urlsplit(link).hostname or "") if link else ""
    labels = [part for part in host.split(".") if part not in ("www", "com", "org", "net", "co", "uk", "news")]
    return max(labels, key=len, default="")


def _unspace(title: str) -> str:
    """Close up letter-spaced words: "B R E A K I N G  N E W S" -> "BREAKING NEWS"."""
    def close(match: re.Match[str]) -> str:
        return " ".join(word.replace(" ", "") for word in re.split(r"\s{2,}", match.group(0)))
    return _SPACED.sub(close, title)


def _squash(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


# Labels and teasers that open a title without being part of the news.
_OPENER = re.compile(
    r"^(?:(?:breaking(?: news)?|exclusive|watch|video|live|updated?|update|photos?|pictures|analysis|opinion|"
    r"just in|developing|new|revealed|read|listen|explainer|factbox|live updates|first on \w+|game notes?|"
    r"quick hits|recap|report|wire|alert|news alert|breaking news alert|meanwhile)\s*[:|—–-]\s*|"
    r"(?:you won['’]t believe|here['’]s (?:why|what|how)|this is (?:why|what|how)|everything you need to know about)\s+)",
    re.IGNORECASE,
)
# Words shouted in an otherwise normal title; any other capitals are an acronym (NAACP, NASA).
_SHOUTS = frozenset("BREAKING HUGE SHOCKING URGENT EXCLUSIVE WATCH WOW MUST ALERT AMAZING INSANE EPIC".split())
_EXCLAIMED = re.compile(r"[A-Z]{4,}!+")  # "STOLEN!!!": a word shouted, not an acronym
_SHOUTED_HEAD = re.compile(r"[A-Z]{6,}:")  # "GOLDMAN: 4 Key Points": a name shouted as a label (acronyms are shorter)
_SMALL = frozenset("a an and as at but by for from in into of on or the to with vs via".split())


# Labels an outlet hangs on a title's end: "(UPDATED)", "[VIDEO]", " - UPDATE".
_LABEL_TAIL = re.compile(r"\s*(?:[(\[](?:updated?|video|photos?|watch|live|pictures|gallery|exclusive)[)\]]|"
                         r"[-–—|:]\s*(?:updated?|video|photos|watch|live))\s*$", re.IGNORECASE)


def headline_of(entry: Entry | None, *, outlets: tuple[str, ...] = ()) -> str:
    """Return the entry's title cleaned for a headline, or "Untitled story"."""
    title = cleaned_title(entry, outlets=outlets) if entry is not None else ""
    return title[:1].upper() + title[1:] if title else "Untitled story"


def cleaned_title(entry: Entry, *, outlets: tuple[str, ...] = ()) -> str:
    """The entry's title without site names, labels, teaser openers or shouting capitals."""
    title = clean_headline(entry.title, outlets=(*outlets, entry.feed), site=site_name(entry.link))
    for _ in range(2):
        title = _LABEL_TAIL.sub("", _OPENER.sub("", title)).strip()
    return calm_capitals(title)


def weak_title(title: str) -> bool:
    """True for a title that cannot head a brief well: a question, a label alone, under four
    words, or a quotation opened and never closed (a feed cut it)."""
    unclosed = title.count('"') % 2 == 1 or title.count("“") > title.count("”")
    return len(title.split()) < 4 or title.rstrip("”\"' ").endswith("?") or unclosed


def calm_capitals(title: str) -> str:
    """Return ``title`` with shouting capitals lowered: a title in capitals becomes title case,
    a shouted word in a normal title ("BREAKING", "HUGE") takes a capital only; acronyms stay."""
    words = title.split()
    letters = [w for w in words if any(ch.isalpha() for ch in w)]
    if letters and all(w.isupper() for w in letters) and len(letters) > 2:
        return " ".join(_title_word(w, i) for i, w in enumerate(words))
    title = " ".join(w.capitalize() if w.strip("!:,.").upper() in _SHOUTS or _EXCLAIMED.fullmatch(w)
                     or (i == 0 and _SHOUTED_HEAD.fullmatch(w)) else w for i, w in enumerate(words))
    return re.sub(r"!{2,}", "!", title)


def _title_word(word: str, index: int) -> str:
    lower = word.lower()
    return lower if index and lower in _SMALL else lower.capitalize()


def pick_headline_entry(entries: tuple[Entry, ...], *, happened: tuple[str, ...] | list[str] = ()) -> Entry | None:
    """Return the report whose title is the most central: closest to the other titles and to What happened.

    A strong title (a statement of four words or more) beats a weak one whatever their
    closeness; ties go to the earlier entry (the lead). Entries without a title are passed over.
    """
    titled = [e for e in entries if clean_headline(e.title)]
    if len(titled) <= 1:
        return titled[0] if titled else (entries[0] if entries else None)
    event = " ".join(happened)

    def closeness(entry: Entry) -> float:
        others = [overlap(entry.title, o.title) for o in titled if o is not entry]
        return sum(others) / len(others) + overlap(entry.title, event)

    return max(titled, key=lambda e: (not weak_title(cleaned_title(e)), not _PREVIEW.search(e.title),
                                      round(closeness(e), 6), -titled.index(e)))


# A title written before the event ("Obama Will Invoke ...", "Senate Poised to Back ..."): when
# another report's title tells it as done, that one heads the brief.
_PREVIEW = re.compile(r"\b(?:[Ww]ill|[Pp]oised [Tt]o|[Ss]et [Tt]o|[Ee]xpected [Tt]o|[Ll]ikely [Tt]o|[Rr]eady [Tt]o)\s")


_ELLIPSIS = re.compile(r"(?:\.\.\.|…)\s*\S{0,12}$")
# A description cut at its start ("[...] with Oregon, Washington and Colorado ...", "... and then"),
# and markup a feed escaped twice ("&lt;br /&gt;" reaches us as "<br />"): never shown.
_CUT_FRONT = re.compile(r"^(?:\[(?:\.\.\.|…)\]|\.\.\.|…|[a-z]+[\s,;:])")
_MARKUP = re.compile(r"</?[a-zA-Z][^<>]{0,200}>")
# A description the site cut at a length, not at a sentence's end: it stops on a comma or dash,
# or on a word no sentence ends with ("... the murder of her mother,", "... sellers on the").
_CUT = re.compile(r"(?:[,;:\-–—(]|\b(?:the|a|an|of|to|and|or|but|from|with|for|in|on|at|by|as|that|his|her|its|their|"
                  r"is|was|are|were|has|have|had|will|would|who|which|when|after|before|than))\s*$", re.IGNORECASE)
_TIMING = re.compile(r"\b(?:today|tonight|tomorrow|yesterday|this (?:morning|afternoon|evening)|"
                     r"(?:on |last |next |this )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b",
                     re.IGNORECASE)


def pick_dek(entry: Entry | None, *, headline: str = "", shown: list[str] | tuple[str, ...] = (),
             others: Sequence[str] = (), own_leads: bool = True,
             stale: Callable[[str], bool] = lambda _: False) -> str | None:
    """Return one whole sentence stating the event under the headline, or None.

    The chosen report's standfirst (its feed description) when its first sentence states the
    event; else another report's lead (``others``) or its own lead, or with ``own_leads`` the
    first sentence of its lead paragraphs that does. Never a clause cut from a sentence, never
    one repeating the headline nearly word for word, never furniture, never a sentence a block
    already shows (``shown``), never a timing the blocks word differently, never a sentence
    ``stale`` rejects (a newer report words its day differently).
    """
    if entry is None:
        return None
    about = " ".join([entry.title, *(s.text for s in tidied(entry.text)[:3])])
    leads = [s.text for s in tidied(entry.text)[:_LEAD_SENTENCES if own_leads else 1]]
    # Another report's lead is judged as a lead (its main clause states the event); a sentence of
    # this one's lead must state the event outright.
    own = standfirst(entry)
    pool = ([own] if own else []) + [s for s in [*others, *leads[:1]] if lead_states_event(s) and not _LOADED.search(s)] + [
        s for s in leads[1:] if states_event_firmly(s)]
    fit = [sentence for sentence in pool
           if _stands(sentence, standfirst=sentence == own) and not long_before(sentence) and _whole(sentence, entry.summary)
           and not _echoes(sentence, headline) and _on_topic(sentence, about)
           and not any(overlap(sentence, s) >= 0.9 for s in shown) and _same_timing(sentence, shown)
           and not stale(sentence)]
    if own and fit and fit[0] == own:
        return fit[0]
    if not fit:
        return None
    # A lead that states the news names its when or its how many; a colour opener ("Nobody here
    # ever liked the sea") names neither, and gives way to a later lead sentence that does and
    # is closer to the headline. Otherwise the lead stands: news puts the event first.
    later = next((s for s in fit[1:] if NEWSY.search(s)), None)
    if not NEWSY.search(fit[0]) and later and overlap(later, headline) > overlap(fit[0], headline):
        return later
    return fit[0]


def fits_dek(sentence: str, entry: Entry, *, headline: str, shown: Sequence[str] = ()) -> bool:
    """True when ``entry``'s lead sentence can be the dek over blocks showing ``shown``: it states the
    event in plain words, whole, on topic, more than the headline says, and on the blocks' day."""
    about = " ".join([entry.title, *(s.text for s in tidied(entry.text)[:3])])
    return (lead_states_event(sentence) and not _LOADED.search(sentence) and _stands(sentence)
            and not long_before(sentence) and _whole(sentence, entry.summary) and not _echoes(sentence, headline)
            and _on_topic(sentence, about) and _same_timing(sentence, shown))


NEWSY = re.compile(r"\d|\b(?:today|tonight|yesterday|this (?:week|morning|afternoon|evening)|last (?:week|night)|"
                   r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|August|"
                   r"September|October|November|December)\b")


_LEAD_SENTENCES = 2  # the lead sentences a dek may come from when the standfirst cannot serve


_ABBREVIATION_END = re.compile(r"\b(?:[A-Z][a-z]{0,3}|[A-Z]\.)\.$")


# An outlet's loaded words ("Bombastic conservative talk show host ...", "on the political ropes"):
# under a neutral headline another outlet's plainer lead, or none, serves the reader better.
_LOADED = re.compile(r"\b(?:bombastic|embattled|beleaguered|disgraced|firebrand|notorious|scandal-plagued|"
                     r"bombshell|stunning(?:ly)?|shocking(?:ly)?|furious(?:ly)?|slammed|blasted|ripped into|"
                     r"on the (?:political )?ropes|smell(?:s|ing)? (?:an opening|blood))\b", re.IGNORECASE)


def _on_topic(sentence: str, about: str) -> bool:
    """True when a dek tells of the article: a fifth of its words there, or a name it shares
    ("An inquest into Eloise Parry's death ..."); a site's boilerplate description has neither."""
    return overlap(sentence, about) >= 0.2 or bool(key_terms(sentence) & key_terms(about))


def _whole(sentence: str, summary: str) -> bool:
    """True when a dek reads as a whole sentence: the whole standfirst, or ending like a sentence
    and not on an abbreviation ("Inc.", "U.S.": the splitter may have cut there)."""
    if " ".join(sentence.split()) == " ".join(summary.split()):
        return True
    return bool(re.search(r"[.!][\"'”’)]*$", sentence)) and not _ABBREVIATION_END.search(sentence)


def _echoes(sentence: str, headline: str) -> bool:
    """True when a dek says no more than the headline: its words all there, hardly any added."""
    mine, head = set(words(sentence)), set(words(headline))
    return bool(head) and overlap(sentence, headline) >= 0.8 and len(mine - head) <= 2


def standfirst(entry: Entry | None) -> str | None:
    """The entry's standfirst as a dek would show it (first whole sentence, tidied), or None."""
    first = standfirst_of(entry.summary) if entry is not None else None
    return tidy(first) if first else None


def standfirst_of(summary: str) -> str | None:
    """Return the first whole sentence of a standfirst, or None when there is none to show."""
    # Soft hyphens are invisible but break words; an entity left escaped twice ("&amp;nbsp;")
    # reaches us as the literal "&nbsp;", which a reader must never see.
    text = " ".join(_MARKUP.sub(" ", html.unescape(considered(summary))).replace("\u00ad", "").split())
    if not text or _ELLIPSIS.search(text.split(". ")[0] if ". " in text else text) or _CUT.search(text) \
            or _CUT_FRONT.match(text):
        return None  # a description cut off by the feed: its first sentence may be the cut one
    first = split_sentences(strip_dateline(text))[0] if text else ""
    if not 6 <= len(first.split()) <= 40 or first.endswith("?") or _ELLIPSIS.search(first):
        return None
    if first == text.strip() or re.search(r"[.!]$", first):
        return first if not is_chrome(first if re.search(r"[.!?]$", first) else first + ".") else None
    return None


def _stands(sentence: str, *, standfirst: bool = False) -> bool:
    """True for a dek that states something on its own: 8 to 55 words, no question, no
    opener leaning on an earlier sentence, no speculation or colour in its main clause, not mostly
    quotation (a quoted phrase or two is fine in a lead), no furniture, nothing unintroduced.

    A ``standfirst`` is the publisher's own summary: it may weigh what the news means ("could
    make it harder to ..."), which editors take as a dek; it still may not talk to the reader."""
    narration = QUOTE_SPAN.sub(" ", main_clause(sentence))
    speculates = aside_or_background(narration) if standfirst else not_news(narration)
    return (8 <= len(sentence.split()) <= 55
            and not (sentence.rstrip("”\"' ").endswith("?") or leans_back(sentence) or speculates
                     or quotes_heavily(sentence, most=12) or furniture(sentence) or unintroduced(sentence)))


def timing_words(text: str) -> frozenset[str]:
    """The days a sentence puts its event on: "today", "tomorrow", "tuesday" ..."""
    return frozenset(m.group(0).lower().split()[-1] for m in _TIMING.finditer(text))


def _same_timing(sentence: str, shown: Sequence[str]) -> bool:
    """False when the dek names a day or "today"/"tomorrow" and the blocks name another."""
    mine = timing_words(sentence)
    theirs = frozenset().union(*(timing_words(s) for s in shown[:3])) if shown else frozenset()
    return not (mine and theirs and not mine & theirs)
