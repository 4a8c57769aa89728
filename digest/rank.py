"""Scoring stories with an explanation a reader can check.

The score is a product of four plain factors::

    score = coverage × recency × topic × novelty

- *coverage*: the sum of the feed weights of the distinct outlets telling the story (weight
  1.0 unless the config says otherwise), so one ordinary outlet gives 1.0 and five give 5.0.
  It is the strongest signal: an event many newsrooms chose to cover matters.
- *recency*: 1.5 for a story whose newest entry is fresh, falling linearly to 0.5 at the end
  of ``lookback_hours`` (entries with no date count as fresh).
- *topic*: 1.5 when a ``[rank] boost`` term appears (whole word, any case) in a headline or
  lead; a ``mute`` term there drops the story outright.
- *novelty*: 1.0 for a story never sent; for a story sent before, ``0.5 + 0.5 × new/total``
  entries when it has new coverage (it is then an update), and 0.1 when it has none, so it
  falls below ``min_score`` unless it is still a very big story, and even then it is placed
  after every story not sent before.

Kinds (model.KINDS) come first: entries of a kind not in ``[rank] kinds`` are taken out of
their story (by default roundups, deal posts, media and other pages: none can appear), and
only reports count as coverage. Stories are then placed in tiers before their score: those
several outlets report, then single reports, then opinion pieces and explainers standing
alone; so a single report, however fresh, never outranks a story several outlets tell, and an
opinion piece never outranks a report (one commenting on an event joins its story instead).

With the default ``min_score = 1.0`` a single ordinary outlet passes while fresh (1.5) and
falls out past half the lookback window (below 1.0), while two outlets pass for the whole
window. Stories are ordered by score, ties by story id, so the order is deterministic; then
the order is adjusted so that at most ``max_run`` stories in a row are led by one outlet
(the best story that breaks the run moves up).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from digest.config import RankSettings
from digest.model import KIND_REPORT, Entry, RankedStory, SentStory, Story

__all__ = ["SentStory", "rank_stories"]

log = logging.getLogger(__name__)

LEAD_WORDS = 60  # words of body text searched for boost and mute terms
FRESH = 1.5  # recency factor of a brand-new story
STALE = 0.5  # recency factor at the end of the lookback window
TOPIC_BOOST = 1.5  # factor when a boost term matches
RESENT = 0.1  # factor for a story sent before with no new coverage


@dataclass(frozen=True)
class _Scored:
    """A story's score and the pieces of its explanation, before ordering."""

    story: Story
    score: float
    why: str
    update: bool
    repeat: bool = False  # sent before with no new coverage
    tier: int = 0  # 0: several outlets report it; 1: one report; 2: no report (opinion, explainer)


def rank_stories(
    stories: Sequence[Story],
    *,
    now: datetime,
    lookback_hours: float,
    weights: Mapping[str, float],
    settings: RankSettings,
    history: Mapping[str, SentStory] = {},
    limit: int | None = None,
) -> list[RankedStory]:
    """Score, filter and order ``stories``; return them ranked from 1.

    Stories matching a mute term or scoring below ``settings.min_score`` are left out; the
    rest are ordered by score (ties by id) with at most ``settings.max_run`` stories in a row
    led by the same outlet, then cut to ``limit``.
    """
    mutes = _patterns(settings.mute)
    boosts = list(zip(settings.boost, _patterns(settings.boost)))
    scored = []
    for story in _allowed(stories, settings.kinds):
        text = _story_text(story)
        if any(p.search(text) for p in mutes):
            log.debug("story %s muted", story.id)
            continue
        item = _score(story, now=now, lookback_hours=lookback_hours, weights=weights,
                      topics=[term for term, p in boosts if p.search(text)], sent=history.get(story.id))
        if item.score >= settings.min_score:
            scored.append(item)
    # Repeats (sent before, nothing new) go below every story the reader has not seen.
    scored.sort(key=lambda s: (s.repeat, s.tier, -s.score, s.story.id))
    ordered = _diversify(scored, max_run=settings.max_run)[:limit]
    log.info("ranked %d of %d stories", len(ordered), len(stories))
    return [RankedStory(story=s.story, rank=n, score=round(s.score, 3), why=s.why, update=s.update)
            for n, s in enumerate(ordered, start=1)]


def _score(
    story: Story,
    *,
    now: datetime,
    lookback_hours: float,
    weights: Mapping[str, float],
    topics: Sequence[str] = (),
    sent: SentStory | None = None,
) -> _Scored:
    """Score one story (see the module docstring) and explain the score in words."""
    reporting = tuple(dict.fromkeys(e.feed for e in story.entries if e.kind == KIND_REPORT))
    # A story with no report (an opinion piece alone) is scored on its outlets, in a lower tier.
    outlets = reporting or story.outlets
    coverage = sum(weights.get(name, 1.0) for name in outlets)
    recency = _recency(story.entries, now=now, lookback_hours=lookback_hours)
    topic = TOPIC_BOOST if topics else 1.0
    novelty, note = _novelty(story, sent)
    why = [f"{len(outlets)} outlet{'s' if len(outlets) != 1 else ''}",
           f"first seen {_clock(_first_seen(story.entries, now), now)}"]
    if outlets and abs(coverage / len(outlets) - 1.0) > 1e-9:
        why.append(f"weight {coverage / len(outlets):.1f}")
    if not reporting and story.entries:
        why.append(story.entries[0].kind)  # "opinion": no report tells this story
    if topics:
        why.append(f"topic: {', '.join(topics)}")
    if note:
        why.append(note)
    score = coverage * recency * topic * novelty
    was_sent = sent is not None
    tier = 0 if len(reporting) > 1 else 1 if reporting else 2
    return _Scored(story=story, score=score, why=" · ".join(why),
                   update=was_sent and novelty > RESENT, repeat=was_sent and novelty <= RESENT, tier=tier)


def _allowed(stories: Sequence[Story], kinds: Sequence[str]) -> list[Story]:
    """Stories with the entries of kinds not asked for taken out; emptied stories dropped."""
    out = []
    for story in stories:
        kept = tuple(e for e in story.entries if e.kind in kinds)
        if kept:
            out.append(story if len(kept) == len(story.entries) else Story(id=story.id, entries=kept))
    return out


def _recency(entries: Sequence[Entry], *, now: datetime, lookback_hours: float) -> float:
    """FRESH for a story whose newest entry is new, falling linearly to STALE at the lookback."""
    newest = max((e.published or now for e in entries), default=now)
    age = max(0.0, (now - newest).total_seconds() / 3600)
    left = max(0.0, 1.0 - age / lookback_hours) if lookback_hours > 0 else 0.0
    return STALE + (FRESH - STALE) * left


def _novelty(story: Story, sent: SentStory | None) -> tuple[float, str]:
    """The novelty factor and its note: updates carry new coverage, repeats sink."""
    if sent is None:
        return 1.0, ""
    new = [e for e in story.entries if e.uid not in sent.uids]
    if not new:
        return RESENT, "sent before"
    plural = "s" if len(new) != 1 else ""
    return 0.5 + 0.5 * len(new) / len(story.entries), f"update: {len(new)} new source{plural}"


def _first_seen(entries: Sequence[Entry], now: datetime) -> datetime:
    """The earliest publication time in the coverage (undated entries count as now)."""
    return min((e.published or now for e in entries), default=now)


def _clock(when: datetime, now: datetime) -> str:
    """"05:10" for a time on now's date, "Nov 22 05:10" for an earlier day (now's zone)."""
    local = when.astimezone(now.tzinfo) if now.tzinfo and when.tzinfo else when
    if local.date() == now.date():
        return local.strftime("%H:%M")
    return f"{local.strftime('%b')} {local.day} {local.strftime('%H:%M')}"


def _patterns(terms: Sequence[str]) -> list[re.Pattern[str]]:
    """Case-insensitive whole-word patterns; a multi-word term matches across any spacing."""
    out = []
    for term in terms:
        words = term.split()
        if words:
            out.append(re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, words)) + r"(?!\w)",
                                  re.IGNORECASE))
    return out


def _story_text(story: Story) -> str:
    """Headlines, standfirsts and leads of every entry: where boosts and mutes are looked for."""
    parts = []
    for e in story.entries:
        parts += [e.title, e.summary, " ".join(e.text[: LEAD_WORDS * 20].split()[:LEAD_WORDS])]
    return "\n".join(parts)


def _diversify(scored: list[_Scored], *, max_run: int) -> list[_Scored]:
    """Reorder so no more than ``max_run`` stories in a row share a lead outlet.

    Greedy: take the best remaining story that does not extend a full run; when every
    remaining story would, take the best anyway (better a run than a dropped story).
    """
    max_run = max(1, max_run)
    remaining, out = list(scored), list[_Scored]()
    while remaining:
        run = _run_outlet(out, max_run)
        index = next((i for i, s in enumerate(remaining) if _lead_outlet(s) != run), 0)
        out.append(remaining.pop(index))
    return out


def _run_outlet(out: list[_Scored], max_run: int) -> str | None:
    """The outlet that led each of the last ``max_run`` stories, or None."""
    if len(out) < max_run:
        return None
    tail = {_lead_outlet(s) for s in out[-max_run:]}
    return tail.pop() if len(tail) == 1 else None


def _lead_outlet(item: _Scored) -> str:
    """The outlet of the story's lead entry."""
    return item.story.entries[0].feed if item.story.entries else ""
