"""How likely a sentence is to state its page's news: a small learned scorer.

Editors read a feature's news in its fourth sentence and a wire report's in its first; the
position, tense and pattern rules alone cannot tell which. This scorer weighs what those rules
see (position, an actor and an event verb, a day or a count, quotation, background, colour,
first or second person) together with how much of the page's title and description a sentence
tells, and gives a probability. Its weights were fitted by ``bench/news_eval.py`` on editors'
labels of which sentences state the news on 343 real pages; they live in ``news_weights.py`` as
plain numbers, so scoring stays offline, deterministic and a dot product per sentence. In a story
of several outlets, centrality is read story-wide (the labels were of single pages).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from digest.model import Entry
from digest.summarise.candidates import Candidate, word_count
from digest.summarise.centrality import overlap
from digest.summarise.dek import NEWSY
from digest.summarise.event import lead_states_event, names_actor, states_event_firmly
from digest.summarise.news_weights import BIAS, WEIGHTS
from digest.summarise.shape import QUOTE_SPAN, SECOND_PERSON, leans_back, not_news, quotes_heavily, unintroduced
from digest.summarise.tense import long_before, narrates_past

__all__ = ["DAY", "FEATURES", "PRONOUN_OPENER", "Page", "features", "logistic", "news_score", "page_of", "scored"]

_FIRST_PERSON = re.compile(r"\b(?:I|me|my|we|our|us)\b")
PRONOUN_OPENER = re.compile(r"^(?:He|She|They|It|This|That|These|Those|His|Her|Their|Its)\b")
_OPENER = re.compile(r"^(?:But|And|So|Yet|Still|Also|However|Meanwhile|Instead|Then|Now)\b")
DAY = re.compile(r"\b(?:today|tonight|yesterday|tomorrow|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b", re.IGNORECASE)

FEATURES = (
    "pos0", "pos1", "pos2", "pos3_5", "pos6_", "title_overlap", "title_best", "desc_overlap", "desc_best",
    "newsy", "day", "firm", "lead_event", "actor", "past", "statement", "direct", "quotes_heavily", "leans_back",
    "not_news", "unintroduced", "long_before", "question", "first_person", "second_person", "pronoun_opener",
    "conjunction_opener", "short", "long", "centrality", "first_firm", "first_newsy", "before_firm",
)


@dataclass(frozen=True)
class Page:
    """What the scorer reads of a sentence's page: its title and description, the highest title and
    description overlap among its sentences (so the closest stands out), and the positions of its
    first sentence that states an event firmly and its first that names a day or a count."""

    title: str = ""
    description: str = ""
    best_title: float = 0.0
    best_desc: float = 0.0
    first_firm: int = -1
    first_newsy: int = -1


def page_of(candidates: list[Candidate], *, title: str, description: str) -> Page:
    """The page context of one entry's ``candidates``."""
    texts = [(c.sentence.position, c.sentence.text) for c in candidates]
    return Page(
        title=title, description=description,
        best_title=max((overlap(t, title) for _, t in texts), default=0.0) if title else 0.0,
        best_desc=max((overlap(t, description) for _, t in texts if t != description), default=0.0) if description else 0.0,
        first_firm=min((p for p, t in texts if states_event_firmly(t)), default=-1),
        first_newsy=min((p for p, t in texts if NEWSY.search(t)), default=-1),
    )


def features(c: Candidate, page: Page) -> dict[str, float]:
    """The scorer's inputs for one sentence of ``page``."""
    title, description = page.title, page.description
    text = c.sentence.text
    narration = QUOTE_SPAN.sub(" ", text)
    pos = c.sentence.position
    t_over = overlap(text, title) if title else 0.0
    d_over = overlap(text, description) if description and description != text else 0.0
    words = word_count(c)
    return {
        "pos0": float(pos == 0), "pos1": float(pos == 1), "pos2": float(pos == 2),
        "pos3_5": float(3 <= pos <= 5), "pos6_": float(pos >= 6),
        "title_overlap": t_over, "title_best": float(t_over > 0 and t_over >= page.best_title),
        "desc_overlap": d_over, "desc_best": float(d_over > 0 and d_over >= page.best_desc),
        "newsy": float(bool(NEWSY.search(text))), "day": float(bool(DAY.search(text))),
        "firm": float(states_event_firmly(text)), "lead_event": float(lead_states_event(text)),
        "actor": float(names_actor(text)), "past": float(narrates_past(narration)),
        "statement": float(c.statement is not None), "direct": float(c.statement is not None and c.statement.direct),
        "quotes_heavily": float(quotes_heavily(text, every_span=True)), "leans_back": float(leans_back(text)),
        "not_news": float(not_news(narration)), "unintroduced": float(unintroduced(text)),
        "long_before": float(long_before(text, lead=pos == 0)), "question": float(text.rstrip("”\"' ").endswith("?")),
        "first_person": float(bool(_FIRST_PERSON.search(narration))),
        "second_person": float(bool(SECOND_PERSON.search(narration))),
        "pronoun_opener": float(bool(PRONOUN_OPENER.match(text))), "conjunction_opener": float(bool(_OPENER.match(text))),
        "short": float(words < 10), "long": float(words > 45), "centrality": c.centrality,
        "first_firm": float(pos == page.first_firm), "first_newsy": float(pos == page.first_newsy),
        "before_firm": float(0 <= pos < page.first_firm),
    }


def news_score(values: dict[str, float]) -> float:
    """The probability, by the fitted weights, that a sentence with ``values`` states the news."""
    return logistic(values, WEIGHTS, BIAS)


def logistic(values: dict[str, float], weights: dict[str, float], bias: float) -> float:
    """The probability a fitted logistic model (``weights`` by feature name, and ``bias``) gives ``values``."""
    z = bias + sum(weights.get(name, 0.0) * value for name, value in values.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


SCORED = 30  # sentences of a page scored: past them the news is seldom told first


def scored(candidates: list[Candidate], entries: Sequence[Entry]) -> list[Candidate]:
    """``candidates`` with each one's ``news`` score set, its entry's title and description read
    beside it (``entries``, by the index each sentence carries); past a page's first ``SCORED``
    sentences the score stays 0."""
    by_entry: dict[int, list[Candidate]] = {}
    for c in candidates:
        if c.sentence.position < SCORED:
            by_entry.setdefault(c.sentence.entry, []).append(c)
    score: dict[int, float] = {}
    for index, cands in by_entry.items():
        entry = entries[index]
        page = page_of(cands, title=entry.title, description=entry.summary or "")
        score.update((id(c), news_score(features(c, page))) for c in cands)
    return [replace(c, news=score[id(c)]) if id(c) in score else c for c in candidates]
