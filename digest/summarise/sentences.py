"""News-grade sentence splitting, dateline and byline removal, page-chrome detection.

Splitting works paragraph by paragraph (paragraphs are separated by blank lines). A full stop
ends a sentence unless it closes an abbreviation (``Gen.``, ``Jan. 6``, ``U.S. officials``), an
initial (``John F. Kennedy``) or sits inside a decimal; a quotation that runs over several
sentences stays whole so that its attribution stays with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from digest.summarise.names import person_like

# Titles and other abbreviations that are practically never the end of a sentence.
_TITLES = frozenset(
    """mr mrs ms messrs dr gen lt col sgt capt cmdr adm maj brig gov sen rep reps sens prof rev
    fr hon pres supt insp det cpl pvt st ste mt ft no nos vs v etc al approx dept est fig jr sr
    atty u.s.a cong assemb msgr rt""".split()
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
_OPEN_QUOTES = "\"“"
# A candidate boundary: terminal punctuation, any closing quotes/brackets, then whitespace.
_BOUNDARY = re.compile(r"(?:\.{3}|…|[.!?])[\"'”’)\]]*\s+")
_PARA_BREAK = re.compile(r"\n\s*\n")
_SPACES = re.compile(r"\s+")


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
    text = _SPACES.sub(" ", paragraph).strip()
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
    next_word = first.strip(_OPEN_QUOTES + "'‘(").rstrip(",.;:").lower()
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


# "WASHINGTON (AP) —", "LONDON, Nov 22 (Reuters) -", "(CNN) —", "NEW YORK —", "Kyiv, Ukraine (CNN) —"
_AGENCY = r"\((?:AP|Reuters|AFP|CNN|UPI|Bloomberg|dpa|Xinhua|BBC|NBC News|CBS News|ABC News)\)"
_PLACE = r"[A-Z][\w.'’-]*(?:[ ,]+[A-Z][\w.'’-]*)*(?:,? (?:[A-Z][a-z]{2,4}\.? \d{1,2}))?"
# Any outlet in brackets after an all-caps place: "VELMORA (Meridian Wire) —".
_ANY_OUTLET = r"\([A-Z][\w.&'’ -]{1,40}\)"
_CAPS_PLACE = r"[A-Z][A-Z.'’-]+(?:[ ,]+[A-Z][A-Za-z.'’-]+)*(?:,? [A-Z][a-z]{2,4}\.? \d{1,2})?"
_DATELINE = re.compile(
    rf"^(?:(?:{_PLACE}\s*)?{_AGENCY}|{_CAPS_PLACE}\s*{_ANY_OUTLET}|[A-Z][A-Z.'’-]+(?:[ ,]+[A-Z][A-Za-z.'’-]+)*)"
    rf"\s*[—–-]+\s*|^(?:{_PLACE}\s*)?{_AGENCY}\s*:?\s*"
)
_BYLINE = re.compile(
    r"^(?:By|BY|Written by|Reporting by|Editing by|Additional reporting by)\s+[A-Z]", re.UNICODE
)
# Page chrome is recognised by the shape of the whole sentence, not by a word it mentions:
# "Sign up for our newsletter" is chrome, "residents can sign up for flood alerts" is news.
# Imperative prompts and labels that open a sentence.
_CHROME_OPENER = re.compile(
    r"^[\W_]*(?:sign up|subscribe|sign in|log in|register (?:now|here|for free)|follow (?:us|me|him|her|them)\b|"
    r"click here|read (?:more|next|also|this)\s*:|read more\b|related\s*:|related (?:stories|articles|coverage)|"
    r"see also\s*:|more\s*:|watch\s*:|listen\s*:|listen to (?:this|the) (?:article|story|podcast)|"
    r"share (?:this|on)\b|download (?:the|our) app|get (?:the|our) (?:free |daily |weekly )?(?:\w+ )?(?:newsletter|app)|"
    r"advertisement|sponsored(?: content| by)?\s*[:.]?$|most popular|recommended for you|corrections?\s*:|editor['’]s note\s*:|"
    r"(?:updated|published|posted|last updated)\s*:?\s*\d|e-?mail (?:us|me|him|her)\b|contact us\b|"
    r"(?:photo|image|picture|video)s?(?: credit)?\s*:|copyright\s*(?:©|\(c\)|\d{4})|we use cookies)",
    re.IGNORECASE,
)
# Chrome phrases that no news sentence uses, wherever they sit.
_CHROME_PHRASE = re.compile(
    r"©|\ball rights reserved\b|\bthis (?:article|story|piece) (?:was |is |first |originally )+"
    r"(?:published|appeared)|\bcontributed (?:reporting )?to this (?:report|story|article)\b|"
    r"\bterms of (?:use|service)\b|\bprivacy policy\b|\bcookie (?:policy|settings|preferences)\b|"
    r"\b(?:accept|use) (?:all )?cookies\b|\bour (?:\w+ ){0,2}newsletters?\b|\bgetty images\b|"
    r"\bphoto(?:graph)?s? by \w|\bimage (?:source|credit)s?\b|\((?:photo|image|picture)s?\s*(?::|by|credit)|"
    r"\b\d+[- ]min(?:ute)? read\b|\bpowered by\b|\bto your inbox\b|\b(?:subscribe|sign up) (?:now|today|here)\b|"
    # Paywall prompts and the outlet's ad or affiliate policy: about the page, never the news.
    r"\bplease (?:subscribe|log in|sign in|register)\b|\bto (?:continue|keep) reading\b|\bsubscribe to (?:keep|continue) reading\b|"
    r"\b(?:we|may) (?:may )?earn (?:a|an affiliate) commission\b|\b(?:advertising|affiliate|editorial) (?:policy|disclosure)\b|"
    r"\bthrough (?:affiliate )?links on (?:our|this) site\b|\balready a subscriber\b|\b(?:limit|number) of free (?:articles|stories)\b|"
    r"\bfree (?:articles|stories) (?:left|remaining)\b|\bfor subscribers only\b|\bcontains affiliate links\b|"
    r"\bmay (?:receive|get|earn) (?:compensation|a share of (?:sales|revenue))\b|\bindependently selected by our editors\b",
    re.IGNORECASE,
)
# Caption openers: "Pictured: ...", "FILE - ...", "FILE PHOTO: ...", "Photo/Credit: ..." (case kept: "File" may open prose).
_CAPTION_OPENER = re.compile(r"^(?:Pictured|PICTURED|Above|ABOVE|Top|TOP|Inset|INSET)\s*:|^FILE(?: PHOTO)?\s*[-–—:]")
_URL = re.compile(r"https?://\S+|www\.\S+|@\w{2,}")
_TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*$")
# Photo credits mark a caption paragraph: "CreditChang W. Lee/The New York Times", "(Reuters)".
_CREDIT = re.compile(
    r"\bCredit\s?[A-Z]|Getty Images|\bphoto via\b|\((?:Photo|Image|Picture)\b[^)]*\)|"
    r"\([^()]*/[^()]*\)\s*$|\((?:Reuters|AP|AFP|EPA|Bloomberg)\)\s*$|\bPhotograph:|\bSource: Supplied\b|"
    r"[A-Z][a-z]+ [A-Z][a-z]+ ?/ ?(?:AP|AFP|Reuters|The [A-Z][\w ]+)\b"
)
# About-the-author lines: "Lucas Nolan is a reporter for ...", "Steven Mufson covers the White House."
_BIO = re.compile(
    r"^(?:[A-Z][\w.'’-]+ ){1,3}(?:(?:is|was) (?:a|an|the) [^.]{0,80}?\b(?:reporter|correspondent|editor|"
    r"writer|producer|columnist|contributor|journalist|author)\b|covers\b)"
)


# Labels an outlet or a transcript puts before the prose: "Updated:", "BREAKING:", "Anchor:".
_LABEL = re.compile(r"^(?:Updated?|UPDATED?|Breaking|BREAKING|Exclusive|EXCLUSIVE|Anchor|Reporter|Correspondent)"
                    r"(?: \([^)]{1,30}\))?\s*:\s+(?=[A-Z\"“])")


# An outlet's credit before the lead: "Kaieteur News – Two loggers ...", "KVELLER via JTA — My daughter ...".
_CREDIT_PREFIX = re.compile(r"^(?P<who>[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,3}(?:\s+via\s+[A-Z][\w.&-]*)?)\s+[—–]\s+(?=[A-Z\"“])")


def _credit_prefix(paragraph: str) -> re.Match[str] | None:
    """The outlet credit opening ``paragraph``; a person's name, or a dash pair around an aside, is none."""
    match = _CREDIT_PREFIX.match(paragraph)
    if match is None or re.search(r"[—–]", paragraph[match.end():]) or _looks_like_person(match.group("who")):
        return None
    return match


def _looks_like_person(who: str) -> bool:
    """True for a person's name; "KVELLER via JTA" and "WASHINGTON" are outlets and places."""
    return person_like(who) and not re.search(r"\bvia\b|\b[A-Z]{2,}\b", who)


def strip_dateline(paragraph: str) -> str:
    """Return ``paragraph`` without a leading label ("Updated:"), dateline ("WASHINGTON (AP) —") or credit ("Kaieteur News –")."""
    paragraph = _LABEL.sub("", paragraph)
    credit = _credit_prefix(paragraph)
    if credit:
        return paragraph[credit.end():]
    match = _DATELINE.match(paragraph)
    if not match:
        return paragraph
    rest = paragraph[match.end():]
    # An all-caps opening followed by a dash is a dateline only if prose follows it.
    return rest if rest[:1].isupper() or rest[:1] in _OPEN_QUOTES else paragraph


def is_chrome(sentence: str) -> bool:
    """True for page furniture: bylines, captions, prompts, links, credits."""
    text = sentence.strip()
    if _BYLINE.match(text) or _BIO.match(text) or _CHROME_OPENER.match(text) or _CHROME_PHRASE.search(text):
        return True
    if _CAPTION_OPENER.match(text) or is_caption(text):
        return True
    if _URL.search(text) and len(_URL.sub(" ", text).split()) < 8:
        return True  # a link or handle with a few words around it: "More at https://...", "Follow @x"
    if text.startswith("[") and text.rstrip(".").endswith("]"):
        return True  # "[Read: ...]", "[What you need to know ...]": editors' asides and promos
    if not _TERMINAL.search(text):
        return True  # captions, headings and link lists rarely end like prose
    return text.isupper() or len(text.split()) < 4


def is_caption(paragraph: str) -> bool:
    """True for a photo caption: a paragraph that carries a picture credit."""
    return bool(_CREDIT.search(paragraph))


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


# A drop cap set apart from its word: "T" then "urkey's parliament ...", or "T urkey's parliament".
_DROP_CAP_ALONE = re.compile(r"(?:^|\n\s*\n)\s*([B-HJ-Z])\s*\n\s*\n\s*(?=[a-z])")
_DROP_CAP_SPACED = re.compile(r"(^|\n\s*\n\s*)([B-HJ-Z]) (?=[a-z]{2,}[\w'’]*\s)")


def join_drop_caps(text: str) -> str:
    """Return ``text`` with a paragraph's drop cap joined back to the rest of its first word.

    "A" and "I" are words of their own, so they are never taken for a drop cap.
    """
    text = _DROP_CAP_ALONE.sub(lambda m: m.group(0)[: m.start(1) - m.start(0)] + m.group(1), text)
    return _DROP_CAP_SPACED.sub(r"\1\2", text)


def sentences_of(text: str, *, entry: int = 0) -> list[Sentence]:
    """Return the prose sentences of one entry's text (its first ``MAX_ENTRY_CHARS``, see
    ``considered``), drop caps joined, datelines and page chrome removed."""
    out: list[Sentence] = []
    for p_index, para in enumerate(paragraphs(join_drop_caps(considered(text or "")))):
        if is_caption(para):
            continue
        for raw in split_sentences(strip_dateline(para)):
            if not is_chrome(raw):
                out.append(Sentence(raw, entry, p_index, len(out)))
    return out
