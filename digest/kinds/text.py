"""What the text of a page alone says about its kind: vocabulary (recipes, code, forums, prices,
episodes, newsletters), the writer's voice (first or second person, questions and stances),
and whether it is made like a report (the event's day, who said what). Pure.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from itertools import islice

__all__ = ["fold", "from_text", "long_text"]

_LONG = 300  # words: below this a text is too short to judge its voice or what it leaves out
# Words below which a text that dates nothing and quotes hardly anyone may still be a report: a
# short item on a study or a product release names no day ("researchers found"). Essays, columns
# and reviews run longer. (At 300, 12 of 428 labelled pages, reports, were called opinion by it.)
_ESSAY = 700


def long_text(text: str) -> bool:
    """True when a text runs to an article's length (300 words or more)."""
    return len(text.split(None, _LONG - 1)) >= _LONG


_QUOTED = re.compile(r"“[^”]{0,2000}”|\"[^\"\n]{0,400}\"")
_WORD = re.compile(r"[A-Za-z']+")
_STANCE = re.compile(r"\b(?:should|must|ought|we need|need to|it's time|let's|let us|i think|i believe|"
                     r"we must|our)\b", re.IGNORECASE)
_MEDIA = re.compile(r"\b(?:in this episode|on this episode|listen (?:to|on) (?:the|our|this)|subscribe on "
                    r"(?:apple podcasts|spotify)|watch the (?:full )?video|video transcript|this episode)\b",
                    re.IGNORECASE)
# How a newsletter or briefing speaks of itself.
_ROUNDUP = re.compile(r"\b(?:in (?:today's|today’s|this) (?:newsletter|edition|briefing)|welcome (?:back )?to "
                      r"(?:the |this )?[\w'’ ]{0,40}(?:newsletter|briefing)|here(?:'s|’s| is) what you need to "
                      r"know (?:today|this morning|tonight)|today's top stories|today’s top stories"
                      r"|this is the [\w'’ ]{0,30}newsletter|in this edition)\b", re.IGNORECASE)
# What a report is made of: the event's day, and who said so. Quoted speech is cut out first.
_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?" \
         r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAY = re.compile(rf"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|(?:this|early|late) "
                  rf"(?:morning|afternoon|evening)|last night|{_MONTH} \d{{1,2}}\b|\d{{1,2}} {_MONTH}(?!\w))",
                  re.IGNORECASE)
_SAID = re.compile(r"\b(?:said|says|told|according to|announced|stated|confirmed|added|declared|testified"
                   r"|reported)\b", re.IGNORECASE)
# A review scores what it reviews.
_RATING = re.compile(r"[★☆]{3,}|\b(?:rating|score|verdict)\s*:\s*\d|\b\d(?:\.\d)?\s?(?:/|out of )(?:5|10|five|ten)"
                     r"\b(?! (?:people|adults|americans|voters))", re.IGNORECASE)
# A how-to numbers its steps.
_STEPS = re.compile(r"(?:^|\n)\s*step\s*(?:\d+|one|two|three)\b", re.IGNORECASE)
_SHOPPING = re.compile(r"\b(?:buy|shop|shopping|deals?|sale|discount|coupon|retailers?|save|\d+% off)\b",
                       re.IGNORECASE)
_PRICE = re.compile(r"[$£€]\s?\d")
_RECIPE = re.compile(r"\b(?:tablespoons?|teaspoons?|tbsp|tsp|preheat|cups? of|grams|ounces|"
                     r"bake|simmer|ingredients)\b", re.IGNORECASE)
_CODE = re.compile(r"(?:^|\n)\s*(?:\$ |>>> |sudo |pip install|npm |def |import |#include)|\(\)|\{\}|==|"
                   r"\b[a-z_]+\.[a-z_]+\(")
_FORUM = re.compile(r"\b(?:reply|replies|posted by|upvotes?|joined|thread|quote from|permalink)\b",
                    re.IGNORECASE)


# The case-insensitive patterns again, case-sensitive, for text in lower case (``fold``): the
# same matches, about twice as fast (sre compares case-insensitively character by character).
# Classifying is done for every entry of every feed, so it is a good part of parsing them.
# IGNORECASE equates a character with its lower case, so these patterns, which spell every
# letter in lower case, match the lower-cased text where they match the text; except for three
# characters: it also equates dotless ı and dotted İ with i and the long ſ with s, which lower()
# leaves (İ becomes two characters). tests/test_kinds.py checks every character and pattern.
_UNFOLDABLE = re.compile("[\u0130\u0131\u017f]")
_LOWER = {p: re.compile(p.pattern) for p in (_MEDIA, _ROUNDUP, _DAY, _SAID, _RATING, _STEPS, _SHOPPING,
                                             _RECIPE, _FORUM, _STANCE)}
# Literals one of which every match of a pattern holds (in lower case for the case-insensitive
# ones). A text holding them fewer times than a rule needs matches fewer times too (matches do
# not overlap, so each holds an occurrence of its own), and its scan is skipped: most texts
# hold no recipe, code, forum or episode words at all.
_NEEDS = {
    _RECIPE: ("tablespoon", "teaspoon", "tbsp", "tsp", "preheat", "cup", "gram", "ounce", "bake", "simmer",
              "ingredient"),
    _CODE: ("$ ", ">>> ", "sudo ", "pip install", "npm ", "def ", "import ", "#include", "(", "{}", "=="),
    _FORUM: ("repl", "posted by", "upvote", "joined", "thread", "quote from", "permalink"),
    _MEDIA: ("episode", "listen ", "subscribe on ", "watch the ", "video transcript"),
    _ROUNDUP: ("newsletter", "edition", "briefing", "welcome", "what you need to know", "top stories"),
    _RATING: ("★", "☆", "rating", "score", "verdict", "/", "out of "),
    _STEPS: ("step",),
}


def fold(text: str) -> str | None:
    """``text`` in lower case for the case-sensitive lanes, or None when it holds a character
    IGNORECASE reads otherwise (the lanes are not used for it then)."""
    return None if _UNFOLDABLE.search(text) else text.lower()


def _count(pattern: re.Pattern[str], sample: str, folded: str | None) -> int:
    """How often ``pattern`` matches ``sample`` (``folded``: the sample folded, if it can be)."""
    if folded is None or pattern not in _LOWER:  # not in _LOWER: a case-sensitive pattern
        return len(pattern.findall(sample))
    return len(_LOWER[pattern].findall(folded))


def _found_twice(pattern: re.Pattern[str], sample: str, folded: str | None) -> bool:
    """True when ``pattern`` matches ``sample`` twice or more: the scan stops at the second match
    (a report names its day and its source early)."""
    lane, text = (pattern, sample) if folded is None else (_LOWER[pattern], folded)
    return len(list(islice(lane.finditer(text), 2))) == 2


def _reaches(pattern: re.Pattern[str], sample: str, folded: str | None, least: int) -> bool:
    """True when ``pattern`` matches ``sample`` at least ``least`` times; no scan when the
    literals of _NEEDS occur fewer times (in ``folded`` for a case-insensitive pattern)."""
    lane = folded if pattern in _LOWER else sample
    if lane is not None and sum([lane.count(literal) for literal in _NEEDS[pattern]]) < least:
        return False
    return _count(pattern, sample, folded) >= least


def from_text(text: str) -> tuple[str, str] | None:
    """Kinds the text alone gives away; a page must say it often, not once."""
    # Quoted speech is someone else's "I": only the writer's own voice counts.
    sample = _QUOTED.sub(" ", text[:6000])
    words = _WORD.findall(sample)
    if len(words) < 40:
        return None
    n = len(words)
    folded = fold(sample)
    if _reaches(_RECIPE, sample, folded, 4):
        return "other", "text recipe"
    if _reaches(_CODE, sample, folded, 4):
        return "explainer", "text code"  # a programming how-to; reference docs are caught earlier
    if _reaches(_FORUM, sample, folded, 4):
        return "other", "text forum"
    if _reaches(_MEDIA, sample, folded, 2):
        return "media", "text episode/video page"
    if _reaches(_ROUNDUP, sample, folded, 1):
        return "roundup", "text newsletter wording"
    if len(_PRICE.findall(sample)) >= max(8, n / 40) and _count(_SHOPPING, sample, folded) >= 3:
        return "deals", "text price list"
    if _found_twice(_DAY, sample, folded) and _found_twice(_SAID, sample, folded):
        return None  # dated and attributed: a report, whoever else speaks in it (a quoted statement)
    if _reaches(_RATING, sample, folded, 2):
        return "opinion", "text ratings"
    if _reaches(_STEPS, sample, folded, 2):
        return "explainer", "text numbered steps"
    persons = _persons(words)
    return _from_voice(sample, folded, n, persons) or _unreported(sample, folded, n, persons)


def _from_voice(sample: str, folded: str | None, n: int,
                persons: tuple[float, float]) -> tuple[str, str] | None:
    """Opinion or explainer from how the writer speaks: to the reader, as themself, or arguing."""
    first, second = persons
    # A short news item may say "you" a few times ("you can pre-order it for $5"); a guide
    # keeps addressing the reader over a longer text.
    if n >= _LONG and second >= 0.03 and second > first:
        return "explainer", f"text second person {second:.3f}"
    # Outside quotes a report hardly ever says "I"; over a long text a column keeps saying it.
    if first >= (0.015 if n >= _LONG else 0.025):
        return "opinion", f"text first person {first:.3f}"
    # An argument asks the reader questions and says what should happen; a report tells.
    questions = sample.count("?") / n
    if questions < 0.002:
        return None  # the stance is not counted then: it could not decide
    stance = _count(_STANCE, sample, folded) / n
    if stance >= 0.003:
        return "opinion", f"text questions {questions:.3f} and stance {stance:.3f}"
    return None


def _persons(words: Sequence[str]) -> tuple[float, float]:
    """The share of words in the first person singular and in the second person."""
    counts = Counter(map(str.lower, words))
    first = sum(counts[w] for w in ("i", "i'm", "i've", "i'd", "my", "me"))
    second = sum(counts[w] for w in ("you", "your", "you're", "you'll", "yourself"))
    return first / len(words), second / len(words)


def _unreported(sample: str, folded: str | None, n: int, persons: tuple[float, float]) -> tuple[str, str] | None:
    """A long text that dates no event (one day named at most: a release date, an opening
    night) and rarely says who said what reports nothing: an essay, a column or a review, or
    a guide when it talks to the reader (a report is "report" by what it shows, not by default).
    """
    if n < _ESSAY:
        return None  # the days and sources of a shorter text are not counted: they could not decide
    days, said = _count(_DAY, sample, folded), _count(_SAID, sample, folded)
    if days > 1 or said / n >= 0.005:
        return None
    first, second = persons
    kind = "explainer" if second >= 0.01 and second > first else "opinion"
    return kind, f"text {days} days and {said} attributions in {n} words"
