"""When a sentence puts what it tells: well before the news, in an earlier year than its report,
or as something that happened (past narration, not a scene or a state), read in its narration
without the attribution that frames it. Pure."""

from __future__ import annotations

import re

from digest.summarise.shape import MONTHS, QUOTE_SPAN

__all__ = ["earlier_year", "long_before", "narrates_past", "narration_of"]


_AGO = r"\b(?:months|years|decades|summers|winters|springs) ago\b"
# A fossil's or a star's "36 million years ago": in a lead, the age of what was found, not background.
_AGE_OF_FIND = re.compile(r"\b(?:million|billion|thousand)s? (?:of )?years ago\b")
_LONG_BEFORE = re.compile(
    rf"\bearlier this year\b|{_AGO}|\blast (?:{MONTHS}|decade)\b|"
    # "Over the years, Apple has become the poster child for ...", "For decades, the port ...": background by its
    # opening (not "For years to come, ...", nor "For years, the firm denied it, but on Monday it ...": news after it)
    r"^(?:Over the|For) (?:years|decades)\b(?! to come)(?![^.]*\b(?:but|until|now|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b)|"
    rf"\bin (?:{MONTHS}) (?:19|20)\d\d\b|\bfirst [a-z]+ed\b[^.;]*\bin (?:19|20)\d\d\b|"
    r"\b(?:has|have) long been (?:seen|heralded|known|regarded|considered|viewed|described|hailed)\b|"
    r"\bused to (?:be|mean|have|say|think|call|take|make|work|live|run|come)\b"
)


def long_before(text: str, *, lead: bool = False) -> bool:
    """True when a sentence is dated well before the news ("earlier this year", "in 1988"); a
    ``lead`` may give the age of what was found ("roamed Asia 36 million years ago")."""
    narration = QUOTE_SPAN.sub(" ", text)
    if lead:
        narration = _AGE_OF_FIND.sub(" ", narration)
        # A lead that dates its own news to the last days may date a thing it names after that day, by a clause of its
        # own: "... refused last week to hear long-sought answers, saying responses to 28 questions asked last June arrived
        # too late" (not "The trust voted last June ..., and members said on Tuesday ...": its own verb's date comes first).
        if recent := _RECENT.search(narration):
            narration = narration[:recent.end()] + _DONE_THEN.sub(" ", narration[recent.end():])
    # A month after "will" is when something is to happen ("will serve as his adviser when he takes
    # office in January 2017"), not background.
    return any(not (match.group(0).startswith("in ") and _WILL.search(_clause_before(narration, match.start())))
               for match in _LONG_BEFORE.finditer(narration))


_RECENT = re.compile(r"\b(?:yesterday|today|tonight|last (?:week|night)|this (?:week|morning|afternoon)|"
                     r"(?:on )?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b(?!['’]s)", re.IGNORECASE)
# a participle and its date, or a date's possessive, qualifying a noun: "questions asked last June", "a bill passed
# in March 2019", "her handling of last September's attack" (read only after the lead's own recent day)
_DONE_THEN = re.compile(rf"\b(?:[a-z]+ed|made|sent|set|held|given|written|taken|begun|brought|won|lost|built|sold)\s+"
                        rf"(?:(?:earlier this year|last (?:{MONTHS}|decade))\b|in (?:{MONTHS}) (?:19|20)\d\d\b|{_AGO})|"
                        rf"\blast (?:{MONTHS})['’]s\b")
# "will", or a step set for later, in the date's own clause ("who would go on to lead the party, made his
# debut in March 2009" keeps its background)
_WILL = re.compile(r"\b(?:will|(?:is|are) (?:to|set to|due to|expected to|scheduled to)|plans? to)\b")


def _clause_before(text: str, end: int) -> str:
    """The words of ``text`` before ``end`` back to the last comma, semicolon or dash."""
    head = text[:end]
    return re.split(r"[,;:—–]", head)[-1]


# A verb telling that something happened: a past or perfect auxiliary, a common irregular past, or
# a past in -ed that is no adjective after an article ("The approved plan sets aside ..." tells no
# event). Reported speech is Who said what's, not narration.
_PAST = re.compile(
    r"\b(?:was|were|had|did|has|have)\b|"
    r"\b(?:took|held|found|made|came|went|gave|left|won|lost|fell|rose|shot|hit|struck|met|sent|led|began|broke|"
    r"ran|saw|drove|fled|caught|brought|bought|sold|kept|spent|stood|paid|fought|threw|wrote|chose|flew|grew|"
    r"became|sank|stole|swore|tore|bit|built|dealt|fed|froze|hid|laid|lit|rang|rode|shook|shut|slid|stuck|"
    r"swept|swung|taught|withdrew|unveiled|split|quit|cut|set|put|hurt|overran|overtook|underwent|undertook|"
    r"forgave|foresaw|overcame|oversaw|swam|sang|spun|slept|wept|sought|bore|tore|wore|spoke|stole|woke|beat)\b|"
    r"(?<!\bthe )(?<!\ba )(?<!\ban )(?<!\bits )(?<!\btheir )\b[a-z]{2,}ed\b", re.IGNORECASE)
_REPORTED = re.compile(r"\b(?:said|told)\b")


_PRESENT = re.compile(r"\b(?:is|are)\b")
# A status a court or the police gave, told in the present: the news of an arrest or a charge.
_STATUS = re.compile(r"\b(?:is|are) (?:now )?(?:being )?(?:charged|accused|suspected|sentenced|convicted|indicted|detained|"
                     r"jailed|held without bail|banned|suspended)\b")


# Attribution that frames a report's own narration: "..., police said.", "According to the report, ...".
_TRAILING_CREDIT = re.compile(r",\s+(?:(?:[\w’'.-]+\s+){0,8}?(?:said|say|says|told\s+\w+|reported|confirmed)"
                              r"(?:\s+(?:on\s+)?\w+day)?|(?:said|says)\s+(?:[\w’'.-]+\s*){1,6})"
                              r"(?:,\s+(?:who|citing)\b[^”\"]*)?[.!]?[”\"]?$")
_LEADING_CREDIT = re.compile(r"^According to [^,]{3,80},\s+")


def narration_of(text: str) -> str:
    """A sentence without the attribution that frames it ("..., police said."): what it narrates."""
    return _LEADING_CREDIT.sub("", _TRAILING_CREDIT.sub(".", text))


def narrates_past(text: str) -> bool:
    """True when a sentence's own narration tells that something happened, outside quotation and
    reported speech: "Police have since launched a search", "Workers were seen stacking coffins";
    not when its first verb is a present "is"/"are" ("X is the latest cautionary tale about
    sniping directed at ...")."""
    narration = QUOTE_SPAN.sub(" ", text)
    if _STATUS.search(narration) and not _REPORTED.search(narration):
        return True  # "Ariel Castro, 52, is charged with kidnap and rape": what was done to him, told as now
    past, present = _PAST.search(narration), _PRESENT.search(narration)
    return past is not None and not (present and present.start() < past.start()) and not _REPORTED.search(narration)


_YEAR = re.compile(r"\b(?:in|of|since|during|until|back (?:to|in)) "
                   r"(?:(?:early|late|mid-?|the (?:spring|summer|autumn|fall|winter) of|the|his|her|their|its) )?"
                   r"((?:19|20)\d\d)\b", re.IGNORECASE)
# A full date: "On June 7th, 2021, the tribunal found ...", "... on September 3 2019".
_FULL_DATE = re.compile(rf"\b(?:{MONTHS})\.? \d{{1,2}}(?:st|nd|rd|th)?,? ((?:19|20)\d\d)\b")


def dated_before(text: str, year: int | None) -> bool:
    """True when a sentence names a full date in a year before ``year`` (the report's own): "The list of briefings
    begins on May 12, 2009, ..." in a report of 2013 tells a day long past, whatever its tense."""
    narration = QUOTE_SPAN.sub(" ", text)
    return year is not None and any(int(m.group(1)) < year for m in _FULL_DATE.finditer(narration))


def earlier_year(text: str, year: int | None) -> bool:
    """True when a sentence dates what it tells in a year before ``year`` (the report's own):
    "founded the company in 2009" in a report of 2014 is background, not the news."""
    narration = QUOTE_SPAN.sub(" ", text)
    return year is not None and any(int(m.group(1)) < year for m in (*_YEAR.finditer(narration), *_FULL_DATE.finditer(narration)))

