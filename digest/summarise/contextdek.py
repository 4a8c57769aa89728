"""The dek of last resort: a sentence of the report that tells more of the event, when no standfirst,
no lead and no lead moved up can be one.

A brief without a dek lacks a part (every editor round graded it so), yet on most single reports the
publisher's standfirst is its lead, which What happened already shows. What the headline leaves out is
then often told a sentence or three further on ("Monday's blaze, in Jilin province, was China's
deadliest fire since 2000.", "The increase in the federal funds rate ... was widely expected."): told in
the report's own voice, of what happened or with its day or count, without a quote, a question, a guess,
a step still to come, a side fact or the background of an earlier year. A blind A/B (editor round 44)
graded 38 briefs this changed: A/B/C 0/11/27 without it, 11/15/12 with it, 24 better and none worse.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from digest.model import Entry
from digest.summarise.candidates import Candidate
from digest.summarise.centrality import near_duplicate
from digest.summarise.dek import LOADED, NEWSY, stands_as_dek
from digest.summarise.event import colour_side_or_figures
from digest.summarise.shape import aside_or_background
from digest.summarise.tense import earlier_year, narrates_past, narration_of

_DEEPEST = 6  # a dek of last resort comes from a report's first sentences: the later ones are detail
_LONGEST = 40  # words, as a standfirst: a dek of more costs Who said what its entries within the word budget
_LEAST_NEWS = 0.2  # the news score under which a sentence tells no part of the event
# A step still to come is What next's; a dek above What happened tells what is, or was.
# ("The managers were due in court on Friday.", "... were set to be charged ...": a step to come, told in the past)
_AHEAD = re.compile(r"\b(?:will|shall|would|could|might|may|(?:is|are|was|were)\s+(?:due|scheduled|slated|poised|set to|expected to)|"
                    r"(?:scheduled|slated|poised)\s+to|(?:plans?|expects?|intends?|aims?)\s+to)\b")
# A sentence that points back at one before it ("Throgs Neck resident Michael Lopiano shared that sentiment",
# "Obama made the groundbreaking news in ...", "Scientists have done something similar in mice.", "... are a
# different story.", "Previously, ..."): under the headline it points at nothing.
_POINTS_BACK = re.compile(
    r"\b(?:that|the same|this|such) (?:sentiment|view|feeling|concern|idea|point|move|decision|announcement|claim|approach|"
    r"criticism|argument|question|problem)\b|\b(?:the|that|this) (?:\w+ )?news\b|\bsomething (?:similar|like (?:that|this|it))\b|"
    r"\b(?:a|another) (?:different|similar) (?:story|matter|case)\b|\b(?:change|do|did|does|say|said|about|of|to) (?:that|this)[.!]$|"
    r"^(?:Previously|Apparently|Indeed|Instead|Still|Yet|Now|What|In fact|Of course|Even so|By contrast|In contrast|"
    r"Elsewhere|Separately|Similarly|Likewise|Again|Once again)\b|^One (?:is|was|of them)\b|\b(?:also|too|as well)\b|"
    r"^(?:The|Those) (?:other|remaining|rest)\b")
# Background by its opening: "Earlier this month, ...", "In recent times, ...", "Over the past decade, ...".
_EARLIER = re.compile(r"^(?:Earlier|Last) (?:this |that )?(?:week|month|year|season|spring|summer|autumn|fall|winter)\b|"
                      r"^In recent (?:times|weeks|days)\b|^(?:Over|In|During) the (?:past|last)\b|"
                      # "Days before the fire, ...", "... had warned the managers ...": before the news
                      r"^(?:Days|Weeks|Months|Hours|Years) (?:before|earlier|ago)\b|^[^,;]{0,80}?\bhad (?:already |previously )?"
                      r"(?:been )?[a-z]+(?:ed|en)\b|"
                      # "Early reports put the death toll at 300.": a first count, corrected after it
                      r"^(?:Early|Initial|First|Preliminary) (?:reports|estimates|figures|counts)\b")
# A verdict in the writer's words: "Monday's blaze was the result of years of official negligence."
_VERDICT = re.compile(r"\b(?:was|were|is|are) (?:the (?:result|product|fruit) of|an? (?:\w+ )?(?:tragedy|disaster|failure|disgrace|"
                      r"scandal|outrage|step|blow|triumph|victory for)\b)|\b(?:negligence|greed|avoidable|long-overdue|shameful|"
                      r"disgraceful|outrageous)\b")
# Someone's question reported, or words in plain single quotes ("Relatives asked on Monday why ...", "a 'wall of fire'").
_ASKED = re.compile(r"\basked\b|(?<!\w)'[^']{2,}'(?!\w)")
_QUOTED = re.compile(r"[“”\"]|(?<!\w)‘|’(?!\w)")


def context_dek(candidates: Sequence[Candidate], readable: tuple[Entry, ...], *, headline: str,
                shown: Sequence[str], years: dict[int, int]) -> str | None:
    """The report sentence, in its opening, most likely to state its news of those the blocks do not
    show that can stand as the dek; None when none can."""
    fit = [c for c in candidates
           if c.report and c.statement is None and 0 < c.sentence.position <= _DEEPEST and c.news >= _LEAST_NEWS
           and len(c.sentence.text.split()) <= _LONGEST
           and not _QUOTED.search(c.sentence.text) and not _AHEAD.search(c.sentence.text)
           and not LOADED.search(c.sentence.text) and not _POINTS_BACK.search(c.sentence.text)
           and not colour_side_or_figures(c.sentence.text) and not _EARLIER.match(c.sentence.text)
           and not _VERDICT.search(c.sentence.text) and not _ASKED.search(c.sentence.text)
           and not aside_or_background(c.sentence.text)
           and (narrates_past(narration_of(c.sentence.text)) or NEWSY.search(c.sentence.text) is not None)
           and not earlier_year(c.sentence.text, years.get(c.sentence.entry))
           and not any(near_duplicate(c.sentence.text, s) for s in shown)
           and stands_as_dek(c.sentence.text, readable[c.sentence.entry], headline=headline, shown=shown)]
    if not fit:
        return None
    return max(fit, key=lambda c: (c.news, -c.sentence.position)).sentence.text
