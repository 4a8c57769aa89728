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
from digest.summarise.centrality import near_duplicate, overlap
from digest.summarise.dek_weights import DEK_BIAS, DEK_THRESHOLD, DEK_WEIGHTS
from digest.summarise.dek import LOADED, NEWSY, stands_as_dek
from digest.summarise.event import analysis_lede, colour_side_or_figures, names_actor
from digest.summarise.newsscore import DAY, PRONOUN_OPENER, logistic
from digest.summarise.readsfirst import leans_above
from digest.summarise.shape import QUOTE_SPAN, aside_or_background, leans_back, not_news, quotes_heavily, unintroduced
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
           and not LOADED.search(c.sentence.text) and not _POINTS_BACK.search(c.sentence.text) and not _UNSEEN.match(c.sentence.text)
           and not colour_side_or_figures(c.sentence.text) and not _EARLIER.match(c.sentence.text)
           and not _VERDICT.search(c.sentence.text) and not _ASKED.search(c.sentence.text)
           and not aside_or_background(c.sentence.text)
           and (narrates_past(narration_of(c.sentence.text)) or NEWSY.search(c.sentence.text) is not None)
           and not earlier_year(c.sentence.text, years.get(c.sentence.entry))
           and not any(near_duplicate(c.sentence.text, s) for s in shown)
           and stands_as_dek(c.sentence.text, readable[c.sentence.entry], headline=headline, shown=shown)
           # above the lead it may not go on from a sentence before it ("Hours later, ...", "briefed them") nor name
           # someone's kin the reader has not met ("Heather Grant's husband ..."); "The dramatic incident took place
           # ..." under "Woman attacks female inspector with stone" reads (round 88's reviewer graded it A)
           and not leans_above(c.sentence.text, headline)]
    if not fit:
        return None
    return max(fit, key=lambda c: (c.news, -c.sentence.position)).sentence.text


# The learned dek of last resort: when no rule above finds one, editors still found a sentence they would
# send under most headlines (labels of 140 such briefs, bench/data/dek_labels.json). A small logistic
# scorer, fitted on those labels by bench/dek_eval.py, weighs what the rules above test one by one.
_LEARNED_DEEPEST = 16  # sentences of a report the editors were shown
_SHORTEST = 4  # sentences of a report the learned dek may come from

DEK_FEATURES = (
    "news", "pos0", "pos1", "pos2", "pos3_5", "pos6_9", "pos10_", "own_entry", "title", "shown", "centrality", "quoted",
    "statement", "ahead", "points_back", "past", "newsy", "day", "stands", "short", "long", "pronoun",
    "actor_past", "year_before", "leans_back", "not_news", "quotes_heavily",
)


def dek_features(c: Candidate, readable: tuple[Entry, ...], *, headline: str, shown: Sequence[str],
                 years: dict[int, int], own: int) -> dict[str, float]:
    """What the learned scorer reads of one candidate dek (``own``: the headline report's index)."""
    text, pos = c.sentence.text, c.sentence.position
    words, past = len(text.split()), narrates_past(narration_of(text))
    return {
        "news": c.news, "pos0": float(pos == 0), "pos1": float(pos == 1), "pos2": float(pos == 2),
        "pos3_5": float(3 <= pos <= 5), "pos6_9": float(6 <= pos <= 9), "pos10_": float(pos >= 10),
        "own_entry": float(c.sentence.entry == own), "title": overlap(text, headline),
        "shown": max((overlap(text, s) for s in shown), default=0.0), "centrality": c.centrality,
        "quoted": float(bool(_QUOTED.search(text))), "statement": float(c.statement is not None),
        "ahead": float(bool(_AHEAD.search(text))), "points_back": float(bool(_POINTS_BACK.search(text))),
        "past": float(past), "newsy": float(bool(NEWSY.search(text))),
        "day": float(bool(DAY.search(text))),
        "stands": float(stands_as_dek(text, readable[c.sentence.entry], headline=headline, shown=shown)),
        "short": float(words < 10), "long": float(words > 30), "pronoun": float(bool(PRONOUN_OPENER.match(text))),
        "actor_past": float(past and names_actor(text)),
        "year_before": float(_year_before(text, readable[c.sentence.entry], years.get(c.sentence.entry))),
        "leans_back": float(leans_back(text)),
        "not_news": float(not_news(QUOTE_SPAN.sub(" ", text))),
        "quotes_heavily": float(quotes_heavily(text)),
    }


_CONJUNCTION = re.compile(r"^(?:But|And|So|Yet|Still|Now|Instead|Nevertheless|However|Meanwhile|Then|Specifically|Both)\b")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# A sentence leaning on the one before it or setting a scene: a demonstrative subject ("That suggests ...", "This
# prompted ..."), an existential opener, "since then", a closing "that." (nextsteps' _BARE_DEMONSTRATIVE, with a closing
# quote mark allowed), a contrast first.
_LEANS_OR_SETS_SCENE = re.compile(r"^(?:This|That|These|Those|Such)\s+(?:is|was|are|were|has|have|had|will|would|could|can|may|"
                                  r"might|should|means|meant|suggests|suggested|shows|showed|marks|marked|comes|came|follows|"
                                  r"followed|makes|made|leaves|left|raises|raised|puts|gives|gave|brings|brought|prompts|"
                                  r"prompted|leads|led|includes|included|include|sparked|sends|sent)\b|^That['’]s\b|"
                                  # "There's a tire 2,850 feet beneath the surface ...": a scene (not "There were 42 people killed
                                  # ..."); "Until then, ...", "... has since gone on to ..." (not "has since March raised ..."),
                                  # "... hopes to change that.": it leans on a time or a thing told before it
                                  r"^There(?:['’]s| is| are| have been| has been)\b|^(?:Until|By|Since) then\b|"
                                  r"^.*?\b(?:has|have|had) since (?!(?:the|last|early|late|mid)\b)[a-z]|"
                                  r"^.*\b(?:that|this)\.[”\"’']?$|"
                                  # "Although Elizabeth Snyder still endures ...", "Though the rumored iPad will ...": a contrast first
                                  r"^(?:Although|Though|Even though)\b")


def _year_before(text: str, entry: Entry, year: int | None) -> bool:
    """True when ``text`` names a year before the report's own (its date's, else the latest its text names)."""
    named = [int(y) for y in _YEAR.findall(text)]
    if not named:
        return False
    latest = year or max((int(y) for y in _YEAR.findall(entry.text)), default=0)
    return min(named) < latest


def dek_candidates(candidates: Sequence[Candidate], shown: Sequence[str], years: dict[int, int], *,
                   headline: str = "") -> list[Candidate]:
    """The sentences the learned scorer may choose from: a report's, in its opening, whole (not one
    speaker's part of a sentence), within a standfirst's length, shown in no block, and nothing editors
    graded wrong as a dek and seldom picked (``_turned_down``), nothing going on from a sentence before it and
    no kin the ``headline`` has not given. Only from a report of _SHORTEST sentences
    or more: the scorer reads centrality, which on a shorter page rates every sentence central."""
    length: dict[int, int] = {}
    for c in candidates:
        length[c.sentence.entry] = max(length.get(c.sentence.entry, 0), c.sentence.position + 1)
    return [c for c in candidates
            if c.report and c.sentence.position < _LEARNED_DEEPEST and length[c.sentence.entry] >= _SHORTEST
            and len(c.sentence.text.split()) <= _LONGEST and (c.statement is None or c.statement.origin is None)
            and not _turned_down(c.sentence.text, years.get(c.sentence.entry))
            and not leans_above(c.sentence.text, headline)
            and not any(near_duplicate(c.sentence.text, s) or c.sentence.text in s for s in shown)]


# An event or a document the dek's reader has not been shown: "During the inspection, one of the occupants admitted ..."
# (round 71), "In the video, the false killer whale ...".
_UNSEEN = re.compile(r"^(?:During the (?!(?:past|last|first|next|same|week|month|year|weekend)\b)|In the (?:video|footage|clip|"
                     r"photo|image|picture|recording|interview|letter|statement|email|post|tweet|complaint|filing|report)\b)")


def _turned_down(text: str, year: int | None) -> bool:
    """True for colour, a side item or a bare figure, background or a year before the report's, a loaded
    word, a verdict, a question asked or reported, a sentence opening on a conjunction ("But on Monday ...")
    or pointing at what it does not name ("this amendment", "That is the view of ...", "During the inspection, ...")."""
    return (colour_side_or_figures(text) or aside_or_background(text) or bool(_EARLIER.match(text)) or bool(_UNSEEN.match(text))
            or bool(LOADED.search(text)) or bool(_VERDICT.search(text)) or bool(_ASKED.search(text)) or analysis_lede(text)
            or earlier_year(text, year) or unintroduced(text) or bool(_LEANS_OR_SETS_SCENE.match(text))
            or bool(_CONJUNCTION.match(text)) or text.rstrip("”\"' ").endswith("?"))


def dek_probability(values: dict[str, float]) -> float:
    """The fitted probability that an editor would send a sentence with ``values`` as the dek."""
    return logistic(values, DEK_WEIGHTS, DEK_BIAS)


def learned_dek(candidates: Sequence[Candidate], readable: tuple[Entry, ...], *, headline: str, shown: Sequence[str],
                years: dict[int, int], own: int) -> str | None:
    """The sentence editors would most likely send as the dek, when the fitted probability reaches
    DEK_THRESHOLD; None otherwise (no dek beats a wrong one)."""
    scored = [(dek_probability(dek_features(c, readable, headline=headline, shown=shown, years=years, own=own)),
               -c.sentence.entry, -c.sentence.position, c.sentence.text)
              for c in dek_candidates(candidates, shown, years, headline=headline)]
    if not scored:
        return None
    best = max(scored)
    return best[3] if best[0] >= DEK_THRESHOLD else None
