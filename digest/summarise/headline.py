"""The headline: a cleaned source title, the most central of the story's reports' (the dek is dek.py's)."""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

from digest.model import Entry
from digest.summarise.casing import sentence_case
from digest.summarise.centrality import overlap
from digest.summarise.names import ORG_TAIL, person_like

# A tail runs to the title's end and holds no separator of its own; a hyphen inside a word may be
# part of a site's name ("... : The Two-Way", "- The Times-Tribune").
_TAIL = re.compile(r"\s+(?:\||[-–—:]{1,2}|[·•])\s+(?P<tail>(?:[^|–—•\s-]|\s(?![-–—:|·•]{1,2}\s)|(?<=\w)-(?=\w)){2,60})$")
_LOOSE_PUNCTUATION = re.compile(r"(?<=\w) ([,;!?](?!\S)|\.(?=$))")
_QUOTE_SPAN = re.compile(r"“[^“”]*”|\"[^\"]*\"|‘[^‘’]*’(?!\w)")


def clean_headline(title: str, *, outlets: tuple[str, ...] = (), site: str = "") -> str:
    """Return ``title`` without a site name at its end ("| Outlet", " - Outlet") or its head
    ("Outlet: ...", "Outlet :: ..."), letter-spaced words ("S e a  w a l l") closed up.

    ``site`` is the page's domain, when known: a head or tail spelling it is a site name too.
    """
    title = _LOOSE_PUNCTUATION.sub(r"\1", " ".join(_unspace(title).split()))  # "safe , experts say"
    title = re.sub(r"\\(['\"’])", r"\1", title)  # "World\'s": a quote escaped for a script, shown as is
    if "&" in title:  # "J&amp;K": an entity escaped twice by the feed reaches us as text; markup so
        # escaped ("&lt;b&gt;") is no part of the title either
        title = " ".join(re.sub(r"</?[a-zA-Z][^<>]{0,200}>", " ", html.unescape(title)).split())
    # "IPhone", "IPad": a style that capitalises every word shows the product's name wrong
    title = re.sub(r"\bI(?=(?:Phone|Pad|Pod|Tunes|Mac|Cloud|OS|Player)s?\b)", "i", title)
    # "The Times of India (via web.archive.org)" is "timesofindia" too
    names = {_squash(n) for o in outlets if o for n in (o, re.sub(r"^The\s+|\s*\([^()]*\)", "", o)) if _squash(n)}
    names |= {_squash(site)} if site else set()
    title = _drop_head(title, names)  # "Harbour Wire | Title": the brand goes before any tail is read
    for _ in range(4):  # "Title - WVLM 7News | Velmora News, Weather, Sports | Velmora": three tails
        match = _TAIL.search(title)
        if not match:
            break
        # "- ABC News (Australian Broadcasting Corporation)": the name is judged without its expansion
        tail = re.sub(r"\s+\([A-Z][^()]{0,60}\)$", "", match.group("tail"))
        if tail.rstrip().endswith(("!", "?")):
            break  # "... Oscar Dress -- STOLEN!!!": the news itself, shouted, not a site's name
        sep = match.group(0).strip()[:1]
        capitals = all(w[:1].isupper() or w[:1].isdigit() for w in tail.split())
        # "- NASA Jet Propulsion Laboratory": up to five capitalised words ending on an institution's word
        short_name = capitals and (len(tail.split()) <= 3 or len(tail.split()) <= 5 and _institution(tail))
        if _site_like(tail, names) or (sep == "|" and len(tail.split()) <= 5) or (
                short_name and len(title) - len(match.group(0)) > 20) or _byline(tail):
            title = title[: match.start()].rstrip()
        else:
            break
    title = _drop_head(title, names)
    # "A named tropical system is likely by Labor Day. Here’s how it could affect weekend plans": the
    # tease after the news sends the reader to the page; the brief tells the news.
    teaser = _TEASER_TAIL.search(title)
    return title[: teaser.start()].rstrip(" -–—:;,.") if teaser and len(title[: teaser.start()].split()) >= 4 else title


# (after a sentence's stop or a dash, never a colon: "Velmora mayor Ana Lind: Here's why I am stepping down")
_TEASER_TAIL = re.compile(r"(?:(?<=[.!?])|\s[-–—|])\s+(?:Here['’]s|Here (?:is|are)|What (?:we|you) (?:know|need to know)|"
                          r"What to (?:know|expect)|Why it matters|See (?:the )?(?:photos|pictures|video)|"
                          r"Watch(?=\s*(?::|live\b|video\b)))\b.*$",
                          re.IGNORECASE)


def _institution(name: str) -> bool:
    """True for a name ending on a word only institutions end on ("... Laboratory", "... News")."""
    return name.split()[-1] in ORG_TAIL or name.split()[-1] in ("Laboratory", "Observatory", "Magazine", "Online")


def _byline(tail: str) -> bool:
    """True for a tail that names the writers ("Maggie Haberman and Shira Toeplitz"), not the news."""
    parts = [p for p in re.split(r"\s+and\s+|,\s*", tail.removeprefix("By ").strip()) if p]
    return len(parts) >= 2 and all(2 <= len(p.split()) <= 3 and person_like(p) and p.istitle() for p in parts)


def _drop_head(title: str, names: set[str]) -> str:
    """``title`` without a site name or brand before its separator ("Outlet: ...", "Brand | ...")."""
    head = _HEAD.match(title)
    if head and len(title) - head.end() > 15 and (_site_like(head.group("head"), names) or _brand_head(head)
                                                  or _issuer_head(head, title)):
        return title[head.end():]
    return title


# A company's legal form ends the issuer's name a press release's title opens on.
_LEGAL_FORM = re.compile(r"\b(?:Oyj|Oy|ASA|AB|AG|SE|NV|N\.V\.|S\.A\.|SA|plc|PLC|Inc\.?|Ltd\.?|Corp\.?|GmbH)$")


def _issuer_head(head: re.Match[str], title: str) -> bool:
    """True for a press release's issuer before its title, named again there ("Bittium Oyj:
    Bittium Corporation's half year report ...")."""
    name = head.group("head").strip()
    return bool(_LEGAL_FORM.search(name)) and name.split()[0] in title[head.end():].split()[:3]


def _brand_head(head: re.Match[str]) -> bool:
    """True for a short title-case name before " | " or " :: " ("Harbour Daily | ..."): a site's brand."""
    words = head.group("head").split()
    sep = head.group(0)[len(head.group("head")):].strip()
    return sep in ("|", "::") and len(words) <= 3 and all(w[:1].isupper() or w[:1].isdigit() for w in words)


_HEAD = re.compile(r"^(?P<head>[^|:–—]{2,40}?)\s*(?:\||::|:|[–—]|\s-)\s+")
_SPACED = re.compile(r"(?<!\S)(?:\w {1,3}){3,}\w[:!?.,]?(?!\S)")


def _site_like(text: str, names: set[str]) -> bool:
    """True when ``text`` is the outlet's name, the page's domain name, or spells a domain."""
    squashed = _squash(text)
    # ... or the outlet's name and one word more ("Times of India Videos", "Velmora Post Online")
    grown = any(len(n) >= 6 and squashed.startswith(n) and len(text.split()) <= len(_words_of(n, text)) + 1
                for n in names)
    return squashed in names or grown or bool(re.search(r"\.(?:com|org|net|co\.uk|news)\b", text, re.IGNORECASE))


def _words_of(name: str, text: str) -> list[str]:
    """The words of ``text`` that spell the squashed ``name`` from its start."""
    words, spelt = [], ""
    for word in text.split():
        if len(spelt) >= len(name):
            break
        words.append(word)
        spelt += _squash(word)
    return words


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
    r"just in|developing|new|revealed|read|listen|explainer|factbox|live updates|first on \w+|(?:[A-Z][\w.-]* )?game notes?|"
    r"quick hits|recap|wire|alert|news alert|breaking news alert|meanwhile|it['’]s official|confirmed|official|"
    r"see (?:the )?(?:photos?|pictures|video)(?:\s+(?:&|and)\s+(?:photos?|pictures|videos?))?)(?:\s*[:|—–]|\s+-)\s*|"
    r"(?:you won['’]t believe|here['’]s (?:why|what|how)|this is (?:why|what|how)|everything you need to know about)\s+)",
    re.IGNORECASE,
)
# Words shouted in an otherwise normal title; any other capitals are an acronym (NAACP, NASA).
_SHOUTS = frozenset("BREAKING HUGE SHOCKING URGENT EXCLUSIVE WATCH WOW MUST ALERT AMAZING INSANE EPIC".split())
_EXCLAIMED = re.compile(r"[A-Z]{4,}!+")  # "STOLEN!!!": a word shouted, not an acronym
_SHOUTED_HEAD = re.compile(r"[A-Z]{6,}:")  # "GOLDMAN: 4 Key Points": a name shouted as a label (acronyms are shorter)
_SMALL = frozenset("a an and as at but by for from in into of on or the to with vs via".split())


# Labels an outlet hangs on a title's end: "(UPDATED)", "[VIDEO]", " - UPDATE", "— see inside".
_LABEL_TAIL = re.compile(r"\s*(?:[(\[](?:updated?|video|photos?|watch|live|pictures|gallery|exclusive|published \d{4})[)\]]|"
                         r"[-–—|:]\s*(?:updated?|video|photos|watch|live|(?:see|look|take a look|go) inside|"
                         r"see (?:it|them|how|the (?:photos|pictures|video)|photos|pictures|pics)|watch the video))\s*$", re.IGNORECASE)


def headline_of(entry: Entry | None, *, outlets: tuple[str, ...] = ()) -> str:
    """Return the entry's title cleaned for a headline, or "Untitled story"."""
    title = sentence_case(cleaned_title(entry, outlets=outlets), entry.text) if entry is not None else ""
    if re.match(r"[a-z]+[A-Z]", title):  # "iOS 13 will ...", "eBay sells ...": the name as its maker writes it
        return title
    return title[:1].upper() + title[1:] if title else "Untitled story"


def cleaned_title(entry: Entry, *, outlets: tuple[str, ...] = ()) -> str:
    """The entry's title without site names, labels, teaser openers or shouting capitals."""
    title = clean_headline(entry.title, outlets=(*outlets, entry.feed), site=site_name(entry.link))
    title = _without_column_name(title, entry)
    for _ in range(2):
        title = _LABEL_TAIL.sub("", _OPENER.sub("", title)).strip()
    # a feature's hook before the news it tells: "Meet the Swede who tattooed ..." is "Swede tattooed ...", "How Fox
    # News women took down Roger Ailes" is "Fox News women took down Roger Ailes" (round 75: "not the event")
    told = _HOOK.sub(lambda m: m.group("who") or "", title, count=1)
    if told != title and len(told.split()) >= 4 and not told.endswith("?") and not _HEDGE.search(told):
        title = told[:1].upper() + told[1:]
    return calm_capitals(title)


# ("How does ...?", "How to ...", "How Many ..." ask, in any case; "How X did Y" tells that X did Y, "How X could Y" only
# guesses; a title with a colon is two, and "Meet the Press" is a show)
_HEDGE = re.compile(r"\b(?:could|might|may|would|should)\b", re.IGNORECASE)
_HOOK = re.compile(r"^(?:Meet (?:the|a|an|this) (?!(?:Press|Parents|Fockers|Beatles)\b)(?P<who>\S+(?: \S+){0,3}) who\b(?![’'])|"
                   r"How (?!(?i:to|do|does|did|can|could|should|would|will|is|are|was|were|much|many|long|far|often|old|big|"
                   r"bad|good|safe|not|about|it|we|you|i)\b)(?=\S)(?![^:?]*:))")


# "Garber: Sharapova, Jankovic ready to duel": the columnist's surname, then the title
_NAME_HEAD = re.compile(r"^(?P<name>[A-Z][\w’'-]+):\s+(?=\S)")


# Words before a colon that tell whose claim the title is, named in the story or not: "Report: Apple to buy ..."
_WHOSE_CLAIM = frozenset({"report", "reports", "source", "sources", "poll", "study", "survey", "suit", "lawsuit", "police",
                          "officials", "analysts", "witnesses", "experts", "insiders", "documents", "court", "judge",
                          "prosecutors", "filing", "memo", "leak", "aides", "rumor", "rumour", "exclusive"})


def _without_column_name(title: str, entry: Entry) -> str:
    """``title`` without the columnist's surname heading it, when the entry's byline gives that surname or
    the story never names it; any other word before a colon may be whose claim the title tells ("Suit: ...",
    "Fed: ...", "Obama: ..."), which a headline must keep."""
    head = _NAME_HEAD.match(title)
    if head is None or len(title[head.end():].split()) < 4:
        return title
    byline = (entry.author or "").split()
    name = head.group("name")
    # Without a byline: a name the story never mentions is no one whose claim the title tells, but the
    # column's ("McDonald: Rask bails out Bruins with 53 saves" over a report that names no McDonald).
    unnamed = (not name.isupper() and len(name) > 2 and name.lower() not in _WHOSE_CLAIM
               and not re.search(rf"\b{re.escape(name[:5])}", entry.text, re.IGNORECASE))
    return title[head.end():] if byline and byline[-1] == name or unnamed else title


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
    title = " ".join(w.capitalize() if w.isupper() and w.strip("!:,.") in _SHOUTS or _EXCLAIMED.fullmatch(w)
                     or (i == 0 and _SHOUTED_HEAD.fullmatch(w)) else w for i, w in enumerate(words))
    title = _GLUED_AMOUNT.sub(lambda m: " " + m.group(0).lower(), title)  # "$1MILLION prize" -> "$1 million prize"
    return re.sub(r"!{2,}", "!", title)


_GLUED_AMOUNT = re.compile(r"(?<=\d)(?:THOUSAND|MILLION|BILLION|TRILLION)\b")


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
                                      not _SLANTED.search(e.title), round(closeness(e), 6), -titled.index(e)))


# A title written before the event ("Obama Will Invoke ...", "Senate Poised to Back ..."): when
# another report's title tells it as done, that one heads the brief.
_PREVIEW = re.compile(r"\b(?:[Ww]ill|[Pp]oised [Tt]o|[Ss]et [Tt]o|[Ee]xpected [Tt]o|[Ll]ikely [Tt]o|[Rr]eady [Tt]o)\s")


# A title in one outlet's words for the event ("Dem running for Senate in Iowa mocks Grassley ...", "Benghazi emails
# underscore State Department's concern ..."; round 75): when another report's title tells the event plainly, that
# one heads the brief.
# (only words slanted in any sense: "blasts", "destroys", "slams into", "war on Ukraine" are plain news; "DEM" is an agency)
_SLANTED = re.compile(r"\b(?:[Mm]ocks?|[Mm]ocked|[Bb]ombshell|[Uu]nderscores?|Dems?)\b")
