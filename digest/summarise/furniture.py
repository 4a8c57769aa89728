"""Page furniture in article text: datelines, credits, captions, prompts, paywall and ad-policy lines, drop caps.

Recognised by the shape of a whole sentence or paragraph, not by a word it mentions: "Sign up
for our newsletter" is furniture, "residents can sign up for flood alerts" is news.
"""

from __future__ import annotations

import re

from digest.summarise.names import person_like

OPEN_QUOTES = "\"“"

# "WASHINGTON (AP) —", "LONDON, Nov 22 (Reuters) -", "(CNN) —", "NEW YORK —", "Kyiv, Ukraine (CNN) —"
_AGENCY = r"\((?:AP|Reuters|AFP|CNN|UPI|Bloomberg|dpa|Xinhua|BBC|NBC News|CBS News|ABC News)\)"
_PLACE = r"[A-Z][\w.'’-]*(?:[ ,]+[A-Z][\w.'’-]*)*(?:,? (?:[A-Z][a-z]{2,4}\.? \d{1,2}))?"
# Any outlet in brackets after an all-caps place: "VELMORA (Meridian Wire) —".
_ANY_OUTLET = r"\([A-Z][\w.&'’ -]{1,40}\)"
_CAPS_PLACE = r"[A-Z][A-Z.'’-]+(?:[ ,]+[A-Z][A-Za-z.'’-]+)*(?:,? [A-Z][a-z]{2,4}\.? \d{1,2})?"
_DATELINE = re.compile(
    rf"^(?:(?:{_PLACE}\s*)?{_AGENCY}|{_CAPS_PLACE}\s*{_ANY_OUTLET}|[A-Z][A-Z.'’-]+(?:[ ,]+[A-Z][A-Za-z.'’-]+)*)"
    rf"\s*[—–-]+\s*|^(?:{_PLACE}\s*)?{_AGENCY}\s*:?\s*|"
    # "Computerworld - SAN FRANCISCO -- ...": an outlet, then its dateline; "ENCINITAS, Calif.A ...":
    # a dateline whose dash the page lost, glued to the sentence.
    rf"^[A-Z][\w.&'’]*(?: [A-Z][\w.&'’]*){{0,3}}\s+[—–-]{{1,2}}\s+{_CAPS_PLACE}\s*[—–-]+\s*|"
    r"^[A-Z]{3,}(?: [A-Z]{3,}){0,2}, [A-Z][a-z]{1,5}\.(?=[A-Z][a-z]* )"
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
    r"\b(?:latest|breaking)\b[^.]{0,60}\bdownload (?:the|our)\b[^.]{0,40}\bapps?\b|\bdownload our (?:[\w-]+ ){0,2}apps?\b|"
    r"©|\ball rights reserved\b|\bthis (?:article|story|piece) (?:was |is |first |originally )+"
    r"(?:published|appeared)|\bcontributed (?:reporting )?to this (?:report|story|article)\b|"
    r"\bterms of (?:use|service)\b|\bprivacy policy\b|\bcookie (?:policy|settings|preferences)\b|"
    r"\b(?:accept|use) (?:all )?cookies\b|\bour (?:\w+ ){0,2}newsletters?\b|\bgetty images\b|"
    r"\bphoto(?:graph)?s? by \w|\bimage (?:source|credit)s?\b|\((?:photo|image|picture)s?\s*(?::|by|credit)|"
    r"\b\d+[- ]min(?:ute)? read\b|\bpowered by\b|\bto your inbox\b|\b(?:subscribe|sign up) (?:now|today|here)\b|"
    r"\b(?:watch|see|listen to) (?:\w+ ){0,4}(?:above|below)\s*[.!]?$|\bour day['’]s top (?:images|photos|stories)\b|"
    r"\bsee the best of \w+ photography\b",
    re.IGNORECASE,
)
# Paywall prompts and the outlet's ad or affiliate policy: about the page, never the news. Looked
# for only when one of their words is there (the check runs on every sentence).
_PAYWALL_WORDS = ("please", "subscri", "reading", "commission", "policy", "disclosure", "affiliate", "free articles",
                  "free stories", "compensation", "share of", "independently", "links on")
_PAYWALL = re.compile(
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
# A clause ending on a colon before the words it introduces is prose, and may introduce their
# speaker: "DNC spokesman Brad Woodhouse addressed the video in a statement Monday:".
_INTRODUCES_QUOTE = re.compile(r"^(?=(?:\S+\s+){5})[A-Z].*\b(?:said|says|told|added|wrote|statement|addressed|"
                               r"responded|replied|explained|declared|tweeted|posted)\b[^:]*:$")
# Photo credits mark a caption paragraph: "CreditChang W. Lee/The New York Times", "(Reuters)".
_CREDIT = re.compile(
    r"\bCredit\s?[A-Z]|Getty Images|\bphoto via\b|\((?:Photo|Image|Picture)\b[^)]*\)|"
    r"\([^()]*/[^()]*\)\s*$|\((?:Reuters|AP|AFP|EPA|Bloomberg)\)\s*$|\bPhotograph:|\bSource: Supplied\b|"
    r"[A-Z][a-z]+ [A-Z][a-z]+ ?/ ?(?:AP|AFP|Reuters|The [A-Z][\w ]+)\b"
)
# About-the-author lines: "Lucas Nolan is a reporter for ...", "Steven Mufson covers the White House."
_BIO = re.compile(
    r"^(?:[A-Z][\w.'’-]+ ){1,3}(?:(?:is|was) (?:a|an|the) [^.]{0,80}?\b(?:reporter|correspondent|editor|"
    r"writer|producer|columnist|contributor|journalist|author)\b|covers\b|writes for (?:the )?[A-Z][^.]{0,60}\.?$)"
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


# An outlet's name in brackets before the dateline or the lead: "(CBS News) FORT BRAGG, N.C. -- ...", "(CNN)The ...".
# (an outlet's: a word in capitals or a newsroom's word, never "(Not) Everyone ..." or "(Almost) Every ...")
_PAREN_CREDIT = re.compile(r"^\((?=[^)]*(?:\b[A-Z]{2,}\b|\b(?:News|Times|Post|Press|Wire|Herald|Journal|Health|Network)\b))"
                           r"(?:[A-Z][\w.&'’-]*)(?: [A-Z][\w.&'’-]*){0,3}\)\s*[—–-]?\s*(?=[A-Z\"“])")


def strip_dateline(paragraph: str) -> str:
    """Return ``paragraph`` without a leading label ("Updated:"), dateline ("WASHINGTON (AP) —") or credit ("Kaieteur News –")."""
    paragraph = _PAREN_CREDIT.sub("", _LABEL.sub("", paragraph))
    credit = _credit_prefix(paragraph)
    if credit:
        return paragraph[credit.end():]
    match = _DATELINE.match(paragraph)
    if not match:
        return paragraph
    rest = paragraph[match.end():]
    # An all-caps opening followed by a dash is a dateline only if prose follows it.
    return rest if rest[:1].isupper() or rest[:1] in OPEN_QUOTES else paragraph


def dateline_place(paragraph: str) -> str | None:
    """The place of the dateline ``strip_dateline`` takes off ``paragraph``, in plain capitals ("ZAATARI,
    Jordan —" gives "Zaatari, Jordan"; "Computerworld - SAN FRANCISCO --" gives "San Francisco"), or None."""
    paragraph = _PAREN_CREDIT.sub("", paragraph)  # "(NPR) Lawmakers met here": the outlet is no place
    prefix = paragraph[:len(paragraph) - len(strip_dateline(paragraph))]
    places = [m for m in _CAPS_RUN.finditer(prefix) if m.group("caps").strip(".") not in _AGENCIES]
    if not places:
        return None
    last = places[-1]
    caps = " ".join("-".join(part.capitalize() for part in word.split("-")) for word in last.group("caps").split())
    return caps + (last.group("region") or "")


# (a region after the comma, never the date: "LONDON, Nov 22 (Reuters) -" gives "London")
_CAPS_RUN = re.compile(r"(?P<caps>\b[A-Z][A-Z.'’-]{2,}(?: [A-Z][A-Z.'’-]{1,})*)\b"
                       r"(?P<region>,\s*(?![A-Z][a-z]{2,8}\.? \d)[A-Z][a-z.]+(?:[A-Z]\.)*(?: [A-Z][a-z.]+)?)?")  # "Colo.", "N.C."
_AGENCIES = frozenset("AP AFP UPI CNN BBC NBC CBS ABC DPA".split())


def is_chrome(sentence: str) -> bool:
    """True for page furniture: bylines, captions, prompts, links, credits."""
    text = sentence.strip()
    if _BYLINE.match(text) or _BIO.match(text) or _CHROME_OPENER.match(text) or _CHROME_PHRASE.search(text):
        return True
    low = text.lower()
    if any(word in low for word in _PAYWALL_WORDS) and _PAYWALL.search(text):
        return True
    if _CAPTION_OPENER.match(text) or (any(mark in text for mark in _CREDIT_MARKS) and is_caption(text)):
        return True
    if _URL.search(text) and len(_URL.sub(" ", text).split()) < 8:
        return True  # a link or handle with a few words around it: "More at https://...", "Follow @x"
    if text.startswith("[") and text.rstrip(".").endswith("]"):
        return True  # "[Read: ...]", "[What you need to know ...]": editors' asides and promos
    if not _TERMINAL.search(text) and not _INTRODUCES_QUOTE.search(text):
        return True  # captions, headings and link lists rarely end like prose
    return text.isupper() or len(text.split()) < 4


# Every picture credit ``_CREDIT`` knows holds one of these (a cheap check before the pattern).
_CREDIT_MARKS = ("Credit", "Getty", "photo", "Photo", "(", "/", "Source", "Photograph")


def is_caption(paragraph: str) -> bool:
    """True for a photo caption: a paragraph that carries a picture credit."""
    return bool(_CREDIT.search(paragraph))


# A drop cap set apart from its word: "T" then "urkey's parliament ...", or "T urkey's parliament".
_DROP_CAP_ALONE = re.compile(r"(?:^|\n\s*\n)\s*([B-HJ-Z])\s*\n\s*\n\s*(?=[a-z])")
_DROP_CAP_SPACED = re.compile(r"(^|\n\s*\n\s*)([B-HJ-Z]) (?=[a-z]{2,}[\w'’]*\s)")


def join_drop_caps(text: str) -> str:
    """Return ``text`` with a paragraph's drop cap joined back to the rest of its first word.

    "A" and "I" are words of their own, so they are never taken for a drop cap.
    """
    text = _DROP_CAP_ALONE.sub(lambda m: m.group(0)[: m.start(1) - m.start(0)] + m.group(1), text)
    text = _DROP_CAP_SPACED.sub(r"\1\2", text)
    return _LOST_CAP.sub(lambda m: _restored(m, text), text)


# A paragraph opening on a lower-case word ("urkey's parliament"): its drop cap was lost on the way.
_LOST_CAP = re.compile(r"(^|\n\s*\n\s*)([a-z]{3,})(?=['’]?\w*[\s,;:])")  # "urkey's parliament", "urkey, Poland"


def _restored(match: re.Match[str], text: str) -> str:
    """The paragraph opening with its lost capital put back, when the text spells the word elsewhere."""
    fragment = match.group(2)
    if len(re.findall(rf"(?<![\w'’]){fragment}\b", text)) > 1:
        return match.group(0)  # "and then ...": a word of its own elsewhere, so no fragment
    found = re.search(rf"\b([A-Z]){fragment}\b", text)
    return match.group(1) + (found.group(1) if found else "") + fragment
