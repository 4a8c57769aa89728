"""A headline in one house style: a title set in Title Case ("Injured Murray Doubtful For the French
Open") is given in sentence case ("Injured Murray doubtful for the French Open"), as the model brief
and most newsletters set theirs. Outlets mix the two styles in one email, and editors marked Title
Case down ("inconsistent capitalisation", "title case capitalising articles and prepositions").

Which capitals are names is read off the story's own text: a word keeps its capital when the text,
away from a sentence's start, writes it with one more often than without ("Costco", "French Open",
"New Jersey"); any other word is lowered ("Officials" -> "officials"). Acronyms, mixed-case names
("McCarthy", "iPhone"), days and months, the first word and the first word after a colon or an
opening quotation mark keep theirs. A text too short to tell names from words leaves the title as it
is. Pure: strings in, string out.
"""

from __future__ import annotations

import re

_LEAST_WORDS = 150  # words of text under which its capitals cannot tell a name from a word
_SMALL = frozenset("a an and as at but by for from in into of on or the to with vs via nor per".split())
# Days and months keep their capitals whatever the text shows ("Wed.", "Tues."); "May" is left to the text.
_CALENDAR = re.compile(r"^(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day)?\.?$|^(?:Wednes|Satur)day$|"
                       r"^(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?$|"
                       r"^(?:January|February|March|April|June|July|August|September|October|November|December)$")
_CAPITALISED = re.compile(r"^[A-Z][a-z’']*[a-z]\.?$")  # "Doubtful", "Don't", "Wed." (not "McCarthy", "NASA", "A")
_POSSESSIVE = re.compile(r"[’']s$")
_OPENING = "\"“‘'([{"
_CLOSING = "\"”’'.,;:!?)]}…"
# A full stop that ends a sentence, not an abbreviation's ("The few. The proud.", not "St. Thomas")
_ABBREVIATION = frozenset("mr mrs ms dr st jr sr gov sen rep gen lt col capt sgt prof inc co corp ltd vs mt ft".split())
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")


def sentence_case(title: str, text: str) -> str:
    """``title`` in sentence case when it is set in Title Case and ``text`` can tell its names; else as it is."""
    tokens = title.split(" ")
    if not _title_case(tokens) or len(text.split(None, _LEAST_WORDS)) <= _LEAST_WORDS:
        return title
    # The title itself and the text's own lines in Title Case (a headline, a related link) show no names.
    chunks = _SENTENCE.split(text.replace(title, "\n"))
    body = " ".join(" ".join(chunk for chunk in chunks if not _title_case(chunk.split(" "))).split())
    out: list[str] = []
    for i, token in enumerate(tokens):
        if token == "A" and 0 < i < len(tokens) - 1 and not re.search(rf"\b{re.escape(_core(tokens[i - 1]))} A\b", body):
            out.append("a")  # the article, not "Hepatitis A"
            continue
        opens = i == 0 or _ends_sentence(tokens[i - 1])
        previous = _core(tokens[i - 1]) if i else ""
        parts = token.split("-")
        out.append("-".join(part if j == 0 and opens else _lowered(part, body, previous if j == 0 else parts[j - 1])
                            for j, part in enumerate(parts)))
    return " ".join(out)


def _core(token: str) -> str:
    return token.strip(_OPENING + _CLOSING)


def _ends_sentence(token: str) -> bool:
    """True when a title word ends a sentence or a head: "Evolution:", "Overweight?", "few." (not "St.")."""
    if token[-1:] in ":?!" or token.endswith(("--", "—")):
        return True
    word = token.rstrip(_CLOSING)
    return token.endswith(".") and len(word) >= 3 and word.isalpha() and word.lower() not in _ABBREVIATION \
        and not _CALENDAR.match(word + ".")


def _title_case(tokens: list[str]) -> bool:
    """True when all but at most one of the title's words after its first, small words aside, open on a
    capital, and three or more do: a title set in Title Case, not one naming many people and places."""
    words = [_core(t) for t in tokens[1:]]
    words = [w for w in words if w and w[0].isalpha() and w.lower() not in _SMALL]
    lower = sum(w[0].islower() for w in words)
    capitals = sum(bool(_CAPITALISED.match(w.split("-")[0])) for w in words)
    return capitals >= 3 and lower <= 1 and capitals >= 0.75 * len(words)


def _lowered(part: str, body: str, previous: str) -> str:
    """``part`` of a title word with its capital lowered unless ``body`` shows it is a name's: after
    ``previous`` (the word before it in the title) when the text has the two together, else alone,
    else by its stem ("Rican" by "Rica")."""
    head = len(part) - len(part.lstrip(_OPENING))
    core = part[head:].rstrip(_CLOSING)
    if not _CAPITALISED.match(core) or _CALENDAR.match(core) or re.match(r"I[’'][a-z]", core):
        return part
    lowered = part[:head] + core[0].lower() + part[head + 1:]
    word = _POSSESSIVE.sub("", core.rstrip("."))
    if word.lower() in _SMALL:
        return lowered
    if previous:
        pair = rf"(?i:\b{re.escape(_POSSESSIVE.sub('', previous))})\.?[ -]"  # "St. Thomas", "Wal-Mart"
        named, lower = _count(pair + re.escape(word) + r"\b", body), _count(pair + re.escape(word.lower()) + r"\b", body)
        if named or lower:
            return part if named > lower else lowered
    # away from a sentence's start: after a lower-case letter, a digit or a comma; else by the stem
    whole = re.escape(word) + (r"\b(?! \d)" if word == "May" else r"\b")  # "May 15" is the month, no name
    for stem in (whole, re.escape(word[:max(4, len(word) - 3)])):
        named = _count(rf"(?<=[a-z0-9,;)] ){stem}", body)
        lower = _count(rf"\b{stem.lower()}", body)
        if named or lower:
            return part if named > lower else lowered
    # only at a sentence's start, or after a title ("Ms. Haley"): a name the text never writes otherwise
    return part if re.search(rf"\b{re.escape(word)}\b", body) else lowered


def _count(pattern: str, body: str) -> int:
    return len(re.findall(pattern, body))
