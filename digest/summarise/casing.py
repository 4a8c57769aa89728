"""A headline in one house style: a title set in Title Case ("Injured Murray Doubtful For the French
Open") is given in sentence case ("Injured Murray doubtful for the French Open"), as the model brief
and most newsletters set theirs. Outlets mix the two styles in one email, and editors marked Title
Case down ("inconsistent capitalisation", "title case capitalising articles and prepositions").

Which capitals are names is read off the story's own text: a word keeps its capital when the text,
away from a sentence's start, writes it with one more often than without ("Costco", "French Open",
"New Jersey"); any other word is lowered ("Officials" -> "officials"). Acronyms, mixed-case names
("McCarthy", "iPhone"), days and months, the first word and the first word after a colon or an
exclamation or question mark keep theirs; a quotation in the title is read as its
words are ("'Significant Risk'" -> "'significant risk'"), and a tie between the text's two spellings keeps
the capital (a name lowered is worse than a word left capitalised). A text too short to tell names from words leaves the title as it
is. Pure: strings in, string out.
"""

from __future__ import annotations

import re

_LEAST_WORDS = 150  # words of text under which its capitals cannot tell a name from a word
_SMALL = frozenset("a an and as at but by for from in into of on or the to with vs via nor per".split())
_ARTICLES = frozenset({"a", "an", "the"})  # "The National" tells of a name; "to Target" of nothing
# Days and months keep their capitals: whole names and abbreviations with their stop ("Wed.", "Tues."); "March",
# "May" and "Wed", "Sat", "Sun", "Mar" without a stop are words too ("Students March", "Actor Wed"): the text decides.
_CALENDAR = re.compile(r"^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day$|^(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.$|"
                       r"^(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.$|"
                       r"^(?:January|February|April|June|July|August|September|October|November|December)$")
_MONTH_OR_WORD = frozenset({"March", "May"})  # "May 15" in the text is the month, no evidence of a name
_POSSESSIVE = re.compile(r"[’']s$")
_OPENING = "\"“‘'([{"
_CLOSING = "\"”’'.,;:!?)]}…"
# A full stop that ends a sentence, not an abbreviation's ("The few. The proud.", not "St. Thomas", "Fifth Ave.")
_ABBREVIATION = frozenset("mr mrs ms dr st jr sr gov sen rep gen lt col capt sgt prof inc co corp ltd vs mt ft "
                          "ave blvd bros dept univ assn pres rev adm supt".split())
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
_LETTERS = re.compile(r"[^\W\d_]{2,}")
# Where a capital is a name's, not a sentence's: after a lower-case word, a digit or a comma, a title or an initial.
_NAMED_AFTER = r"(?:(?<=[a-z0-9,;)] )|(?<=\b(?:Mr|Ms|Dr|St)\. )|(?<=\bMrs\. )|(?<=\b[A-Z]\. )|" \
               r"(?<=\b(?:Gov|Sen|Rep|Gen)\. )|(?<=\bProf\. ))"


def sentence_case(title: str, text: str) -> str:
    """``title`` in sentence case when it is set in Title Case and ``text`` can tell its names; else as it is."""
    tokens = title.split()
    if not _title_case(tokens):
        return title
    # The title itself and the text's own lines in Title Case (a headline, a related link) show no names.
    chunks = _SENTENCE.split(text.replace(title, "\n"))
    body = " ".join(" ".join(chunk for chunk in chunks if not _title_case(chunk.split())).split())
    if len(_LETTERS.findall(body)) < _LEAST_WORDS:
        return title
    out: list[str] = []
    for i, token in enumerate(tokens):
        opens = i == 0 or _ends_sentence(tokens[i - 1])
        if token == "A" and not opens and i < len(tokens) - 1 \
                and not re.search(rf"(?i:\b{re.escape(_core(tokens[i - 1]))}) A\b", body):
            out.append("a")  # the article, not "Hepatitis A"
            continue
        previous = _core(tokens[i - 1]) if i else ""
        following = " ".join(tokens[i + 1:])
        parts = token.split("-")
        out.append("-".join(part if j == 0 and opens else _lowered(
            part, body, _core(parts[j - 1]) if j else previous, "-".join(parts[j + 1:]) or following)
            for j, part in enumerate(parts)))
    return " ".join(out)


def _core(token: str) -> str:
    return token.strip(_OPENING + _CLOSING)


def _ends_sentence(token: str) -> bool:
    """True when a title word ends a sentence or a head: "Evolution:", "Overweight?", "few." (not "St.")."""
    if token[-1:] in (":", "?", "!") or token.endswith(("--", "—")):
        return True
    word = token.rstrip(_CLOSING)
    return token.endswith(".") and len(word) >= 3 and word.isalpha() and word.lower() not in _ABBREVIATION \
        and not _CALENDAR.match(word + ".")


def _capitalised(word: str) -> bool:
    """True for a word set with a capital and then small letters: "Doubtful", "Don't", "Café", "Wed." (not
    "McCarthy", "NASA", "A", "I'm")."""
    letters = word.removesuffix(".").replace("’", "").replace("'", "")
    return len(letters) >= 2 and letters.isalpha() and letters[0].isupper() and letters[1:].islower() \
        and not re.match(r"I[’'][a-z]", word)


def _title_case(tokens: list[str]) -> bool:
    """True when all but at most one of the title's words after its first, small words aside, open on a
    capital, and three or more do: a title set in Title Case, not one naming many people and places."""
    words = [_core(t) for t in tokens[1:]]
    words = [w for w in words if w and w[0].isalpha() and w.lower() not in _SMALL]
    lower = sum(w[0].islower() for w in words)
    capitals = sum(_capitalised(w.split("-")[0]) for w in words)
    return capitals >= 3 and lower <= 1 and capitals >= 0.75 * len(words)


def _lowered(part: str, body: str, previous: str, rest: str) -> str:
    """``part`` of a title word with its capital lowered unless ``body`` shows it is a name's (``rest``: the
    title after it): after ``previous`` (the word before it in the title) when the text has the two together, else alone (not
    as the head of another name: "New" of "New Jersey" for "New Budget"), else by its stem ("Rican" by
    "Rica"); a word the text never writes, or only ever with a capital at a sentence's start, is lowered."""
    head = len(part) - len(part.lstrip(_OPENING))
    core = part[head:].rstrip(_CLOSING)
    dotted = part[head:].rstrip(_CLOSING.replace(".", ""))  # "Wed.", "Ave.": abbreviations keep their capitals
    if not _capitalised(core) or _CALENDAR.match(core) or _CALENDAR.match(dotted) \
            or dotted.endswith(".") and core.lower() in _ABBREVIATION:
        return part
    lowered = part[:head] + core[0].lower() + part[head + 1:]
    word = _POSSESSIVE.sub("", core.rstrip("."))
    if word.lower() in _SMALL:
        return lowered
    if previous and previous.lower() not in _SMALL - _ARTICLES:  # "Supreme Court" though "court" alone is common
        pair = rf"(?i:\b{re.escape(_POSSESSIVE.sub('', previous))})\.?[ -]"  # "St. Thomas", "Wal-Mart"
        named, lower = _count(pair + re.escape(word) + r"\b", body), _count(pair + re.escape(word.lower()) + r"\b", body)
        if named or lower:
            return part if named > lower else lowered
    if word in _MONTH_OR_WORD and re.match(r"(?:of )?\d", rest):
        return part  # "May 15", "March of 2017"
    following = _core(rest.split()[0]) if rest.split() else ""
    date = r"(?! \d)" if word in _MONTH_OR_WORD else ""
    # the head of another name is no evidence ("New Jersey" for "New Budget", "White House" for "White Voters")
    other = rf"(?! (?!{re.escape(following)})[A-Z])" if following else ""  # "Fifth Avenue" for "Fifth Ave."
    stem = word[:max(4, len(word) - 2)] if len(word) >= 5 else ""  # "Rican" by "Rica", "Indian" by "India" (whole words, not "indicated")
    for form, lower_form in ((re.escape(word) + rf"\b{date}{other}", re.escape(word.lower()) + r"\b"),
                             (re.escape(stem) + rf"\w{{0,3}}\b{other}", re.escape(stem.lower()) + r"\w{0,3}\b")):
        if form.startswith(r"\w"):
            break  # no stem
        lower = _count(r"\b" + lower_form, body)
        # a word the text never writes in lower case is a name wherever it stands ("Turkish Prime Minister")
        named = _count(_NAMED_AFTER + (form if lower else form.removesuffix(other)), body)
        if named or lower:
            return part if named > lower else lowered
    # only at a sentence's start ("James Hansen, the former NASA scientist, ..."): a name all the same
    return part if re.search(rf"\b{re.escape(word)}\b", body) and not re.search(rf"\b{re.escape(word.lower())}\b", body) \
        else lowered


def _count(pattern: str, body: str) -> int:
    return len(re.findall(pattern, body))
