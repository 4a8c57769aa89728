"""The shape of a sentence: does it stand alone, quote heavily, or report something other than news?

Shared by the block pickers and the dek: a sentence leaning on the one before ("But he ..."),
one mostly in quotation marks, one addressed to the reader, hedged, predicting or giving
background is not a statement of the event.
"""

from __future__ import annotations

import re

# Openers that lean on something said before: shown alone they leave the reader guessing.
DANGLING = re.compile(
    r"^[\"“‘']?(?:He|She|It|They|This|That|These|Those|His|Her|Its|Their|Them|But|And|Or|Yet|So|"
    r"However|Still|Also|Meanwhile|Instead|Then|Such|Both|Another|Others?|Later|Even|Though|"
    r"Although|Besides|Moreover|Furthermore|Nor|Likewise|Similarly|Here|There|"
    r"In (?:addition|response|turn|contrast|fact)|As a result|Despite (?:this|that)|"
    r"The (?:move|decision|announcement|change|comments?|remarks?|deal|plan|measure|report|"
    r"statement|development|incident|news|latest|same|former|latter|two|three|pair|group|"
    r"case|issue|problem|answer|question|idea)\b)\b"
)
# "In a statement, he said ...": the subject is someone named in an earlier sentence.
_PRONOUN_SUBJECT = re.compile(r"^(?:[^,“\"]{0,60},\s*){1,2}(?:he|she|they|it)\s")


def leans_back(text: str) -> bool:
    """True when a sentence leans on an earlier one: a dangling opener or a pronoun subject."""
    return bool(DANGLING.match(text) or _PRONOUN_SUBJECT.match(text))


QUOTE_SPAN = re.compile(r"“[^“”]*”|\"[^\"]*\"|‘[^‘’]*’(?!\w)")


SECOND_PERSON = re.compile(r"\b(?:you|your|yours|yourself)\b|\b(?:don['’]t|do not) (?:expect|forget|worry|miss|bet)\b",
                            re.IGNORECASE)


def quotes_heavily(text: str) -> bool:
    """True when a sentence is mostly direct quotation (a quoted title or phrase is fine)."""
    quoted = sum(len(m.group(0).split()) for m in QUOTE_SPAN.finditer(text))
    open_mark = text.count('"') % 2 == 1 or text.count("“") != text.count("”")
    return open_mark or quoted >= 6 or quoted >= 0.4 * len(text.split())


# Colour, speculation and predictions: "A warm duvet might not always lead to better rest."
_HEDGED = re.compile(r"\b(?:might|may|probably|perhaps|maybe|could|should)\b", re.IGNORECASE)
_PREDICTS = re.compile(r"\b(?:will|won['’]t|would|(?:is|are) going to|(?:sure|bound|likely|expected|certain) to)\b", re.IGNORECASE)
# A date or day makes "will" a scheduled step ("will launch on December 15"), not a prediction.
_DATED = re.compile(
    r"\b(?:today|tonight|tomorrow|this (?:morning|afternoon|evening|week)|(?:on |next |this )?(?:Monday|Tuesday|"
    r"Wednesday|Thursday|Friday|Saturday|Sunday)|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2})\b",
    re.IGNORECASE,
)
# Background: what happened years ago, or what has long been so.
_BACKGROUND = re.compile(
    r"^(?:In|By|Since|Back in|As of) (?:(?:early|late|mid-?)\s*)?(?:19|20)\d\d\b|^(?:Years|Decades|Months) ago\b|"
    r"^(?:For (?:years|decades|centuries)|Historically|Traditionally|Ever since|Long before)\b"
)


def not_news(narration: str) -> bool:
    """True for a sentence that does not report the event: addressed to the reader, hedged or
    predicting (unless it happens today), or background."""
    if SECOND_PERSON.search(narration) or _BACKGROUND.match(narration) or _HEDGED.search(narration):
        return True
    return bool(_PREDICTS.search(narration)) and not _DATED.search(narration)
