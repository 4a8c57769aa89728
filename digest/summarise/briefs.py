"""The extractive summariser: a story's sources in, a three-block brief out.

Every sentence shown is a source sentence, unchanged, and every quote carries its outlet.
Blocks are chosen in one pass over the story's sentences so that none appears twice:
statements go to Who said what, forward-looking narration to What next, and the central
lead-biased sentences to What happened. A word budget then trims the lowest-value items.
"""

from __future__ import annotations

import logging
import re

from digest.model import KIND_REPORT, Brief, Entry, Quote, RankedStory, Source
from digest.summarise.candidates import (
    Candidate,
    build_candidates,
    fresh,
    lead_bias,
    read_entries,
    tidied,
    word_count,
)
from digest.summarise.centrality import near_duplicate, overlap
from digest.summarise.headline import (
    clean_headline,
    NEWSY,
    headline_of,
    pick_dek,
    pick_headline_entry,
    standfirst_of,
    timing_words,
)
from digest.summarise.names import named_in_full, person_like
from digest.summarise.nextsteps import pick_next
from digest.summarise.sections import section_blocks
from digest.summarise.shape import (
    QUOTE_SPAN,
    furniture,
    lead_states_event,
    leans_back,
    long_before,
    not_news,
    quotes_heavily,
    states_event_firmly,
    tidy,
    unintroduced,
)
from digest.summarise.voices import pick_said

log = logging.getLogger(__name__)

BUDGET_WORDS = 120  # words across the dek and the three blocks, so a 10-brief email stays readable
MAX_HAPPENED = 2  # the seed model tells the event in one sentence; a third is most often background


class ExtractiveSummariser:
    """The offline default: picks source sentences for each block, deterministically."""

    def __init__(self, *, budget: int = BUDGET_WORDS) -> None:
        self.budget = budget

    def summarise(self, story: RankedStory) -> Brief:
        """Return the three-block brief for ``story``."""
        return summarise_story(story, budget=self.budget)


def summarise_story(ranked: RankedStory, *, budget: int = BUDGET_WORDS) -> Brief:
    """Return the brief for one ranked story within ``budget`` words of block text.

    Only reports state the event: opinion, explainer, roundup, deals, media and other pages
    never supply the headline, the dek, What happened or What next (when a story has no report,
    its entries stand in). Who said what may also quote opinion and explainer pages: a named
    speaker's words are theirs whichever page carries them.
    """
    entries = ranked.story.entries
    reports = reporting(entries)
    read = read_entries(reports)  # the reports a brief is written from (a story told 2,000 times needs 12)
    outlets = tuple(e.feed for e in entries)
    paged = next((b for e in read if (b := section_blocks(e.text, outlet=e.feed))), None)
    if paged is not None:
        happened, said, ahead = paged.happened, paged.said, paged.ahead
        headline_entry = pick_headline_entry(read, happened=happened)
        headline = headline_of(headline_entry, outlets=outlets)
        dek = pick_dek(headline_entry, headline=headline, shown=[*happened, *(q.text for q in said), *ahead])
    else:
        headline, dek, (happened, said, ahead) = _blocks(ranked, reports, read, budget=budget)
    log.debug("story %s: %d+%d+%d items", ranked.story.id, len(happened), len(said), len(ahead))
    return Brief(
        id=ranked.story.id,
        rank=ranked.rank,
        score=ranked.score,
        why=ranked.why,
        headline=headline,
        dek=dek,
        what_happened=tuple(happened),
        who_said_what=tuple(said),
        what_next=tuple(ahead),
        sources=tuple(_source(e) for e in entries),
        update=ranked.update,
    )


_VOICE_KINDS = frozenset({KIND_REPORT, "opinion", "explainer"})


def reporting(entries: tuple[Entry, ...]) -> tuple[Entry, ...]:
    """The story's reports, in order; every entry when none is a report."""
    return tuple(e for e in entries if e.kind == KIND_REPORT) or entries


def _blocks(ranked: RankedStory, reports: tuple[Entry, ...], read: tuple[Entry, ...], *,
            budget: int) -> tuple[str, str | None, tuple[tuple[str, ...], tuple[Quote, ...], tuple[str, ...]]]:
    """Pick the headline, the dek and the three blocks: (headline, dek, (happened texts, quotes, next texts)).

    What happened opens on the story's best statement of the event (a report's lead: news puts
    the event first). The headline report is the one whose title is closest to the other titles
    and to the event sentences; the dek is its standfirst, or another report's lead, when that
    states the event in other words than What happened's first sentence; else there is none.
    """
    entries = ranked.story.entries
    report_ids = {id(e) for e in reports}
    readable = read_entries(tuple(e for e in entries if id(e) in report_ids or e.kind in _VOICE_KINDS))
    # Furniture (labels, bullets, captions, paywall lines, drop-cap fragments) is in no block.
    candidates = [c for c in build_candidates(readable, reports=report_ids) if not furniture(c.sentence.text)]
    event = pick_happened([c for c in candidates if c.report])
    headline_entry = pick_headline_entry(read, happened=[c.sentence.text for c in event])
    headline = headline_of(headline_entry, outlets=tuple(e.feed for e in entries))
    lead = _news_first(event, headline)
    passed_over = event[:1] if lead and event and lead[0] is not event[0] else []  # the colour opener: in no block
    dek = _dek(headline_entry, headline, lead, read, readable, candidates, passed_over)
    rest = [c for c in candidates if c not in passed_over
            and (dek is None or c in lead or not near_duplicate(c.sentence.text, dek))]
    happened, said, ahead = _pick_blocks(ranked, reports, rest, budget=budget - len((dek or "").split()), lead=lead, dek=dek)
    # When no report's opening could state the event (What happened would open deep in the text),
    # the standfirst that does is What happened, and there is no dek.
    if dek is not None and (not lead or lead[0].sentence.position >= _OPENING) and dek == _standfirst(headline_entry) \
            and lead_states_event(dek):
        return headline, None, ((dek, *happened[:MAX_HAPPENED - 1]), said, ahead)
    return headline, dek, (happened, said, ahead)


_OPENING = 2  # sentences of a report that open it: its lead and the one after


def _standfirst(entry: Entry | None) -> str | None:
    first = standfirst_of(entry.summary) if entry is not None else None
    return tidy(first) if first else None


def _dek(entry: Entry | None, headline: str, lead: list[Candidate], read: tuple[Entry, ...],
         readable: tuple[Entry, ...], candidates: list[Candidate], passed_over: list[Candidate]) -> str | None:
    """The dek under ``headline``: the report's standfirst, its lead or another report's, never
    What happened's first sentence (``lead``) again; None when nothing qualifies."""
    # Other reports' leads may be the dek, unless a newer report words their day differently.
    others = [s.text for e in read if e is not entry for s in tidied(e.text)[:1]
              if not _stale(s.text, candidates, readable, e)]
    # A later sentence reporting someone's words is Who said what's, not a dek; nor is a colour
    # opener passed over. When What happened names its day, the dek need only agree with it;
    # else no newer report may word its day differently.
    voiced = {c.sentence.text for c in candidates if c.statement is not None and c.sentence.position > 0}
    voiced |= {c.sentence.text for c in passed_over}
    dated = any(timing_words(c.sentence.text) for c in lead)
    # The lead's next sentence is no dek: written to follow the lead, it tells a detail or the
    # background (editors graded such deks "not the event"); no dek beats a wrong one.
    return pick_dek(entry, headline=headline, shown=[c.sentence.text for c in lead], others=others, own_leads=False,
                    stale=lambda text: text in voiced or not dated and _stale(text, candidates, readable, entry))


def _news_first(event: list[Candidate], headline: str) -> list[Candidate]:
    """What happened's first sentence: the first event sentence, unless it names no when and no
    how many (a colour opener: "Nobody here ever liked the sea") and a sentence just after it in
    the same report does and is closer to the headline: news names its day or its count."""
    if not event or NEWSY.search(event[0].sentence.text):
        return event[:1]
    first = event[0]
    later = next((c for c in event[1:] if c.sentence.entry == first.sentence.entry and c.sentence.position <= 2
                  and NEWSY.search(c.sentence.text)), None)
    if later and overlap(later.sentence.text, headline) > overlap(first.sentence.text, headline):
        return [later]
    return event[:1]


def _stale(text: str, candidates: list[Candidate], readable: tuple[Entry, ...], entry: Entry | None) -> bool:
    """True when a newer report than ``entry`` tells the same thing as ``text`` on another day."""
    days = timing_words(text)
    if not days or entry is None or entry.published is None:
        return False
    return any((e := readable[c.sentence.entry]).published is not None and e.published > entry.published
               and (other := timing_words(c.sentence.text)) and not days & other
               and near_duplicate(_DAYS.sub(" ", text), _DAYS.sub(" ", c.sentence.text), limit=0.5)
               for c in candidates)


def _pick_blocks(ranked: RankedStory, reports: tuple[Entry, ...], candidates: list[Candidate], *, budget: int,
                 lead: list[Candidate], dek: str | None = None) -> tuple[tuple[str, ...], tuple[Quote, ...], tuple[str, ...]]:
    """Pick the three blocks: (happened texts, quotes, next texts). ``lead`` is the best
    statement of the event, which What happened opens on; ``dek`` the dek, when there is one."""
    events = [c for c in candidates if c.report]
    # What next picks first: a sentence that clearly looks ahead belongs there, not in the
    # other blocks. Leads and the best event sentence stay out of it: they state the event.
    top = lead
    event = {c.sentence for c in top}
    # What the event is about: the titles, the leads and the best event sentence.
    about = " ".join([*(e.title for e in reports), *(c.sentence.text for c in events if c.sentence.position < 3),
                      *(c.sentence.text for c in top), dek or ""])
    ahead = pick_next(events, used=event | {c.sentence for c in events if c.sentence.position == 0},
                      shown=top, about=about)
    used = {c.sentence for c in ahead}
    # Past the lead, What happened takes only sentences that state the event, never background,
    # colour, a side item or a statistic: the next sentences of a lead are often those.
    happened = pick_happened([c for c in events if c.sentence not in used and fresh(c, ahead)
                              and (c in top or states_event_firmly(c.sentence.text))])
    happened = [*top, *(c for c in happened if c not in top and fresh(c, top) and states_event_firmly(c.sentence.text))]
    used |= {c.sentence for c in happened}
    # The same fact told twice reads as padding, whichever blocks it lands in.
    said = pick_said([c for c in candidates if fresh(c, [*happened, *ahead])], used=used,
                     outlets=len(ranked.story.outlets))
    happened, said, ahead = fit_budget(happened, said, ahead, budget=budget)
    return (tuple(c.sentence.text for c in happened), tuple(_quote(c) for c in said),
            tuple(_next_text(c) for c in ahead))


def _states_event(c: Candidate, *, strict: bool = True) -> bool:
    """True when a sentence can stand alone as a statement of the event.

    ``strict`` also keeps out colour, speculation, predictions, background and sentences
    addressed to the reader; a page written wholly that way is read without it.
    """
    text = c.sentence.text
    if c.statement is not None and c.statement.speaker[:1].islower() or furniture(text):
        return False
    if strict and (c.sentence.position > 0 and unintroduced(text) or long_before(text)):
        return False
    return (8 <= word_count(c) <= 55 and not quotes_heavily(text) and not leans_back(text)
            and not text.endswith("?") and not (strict and not_news(QUOTE_SPAN.sub(" ", text))))


def pick_happened(candidates: list[Candidate]) -> list[Candidate]:
    """Return one to three central, lead-biased, quote-free sentences stating the event, in source order.

    Plain event sentences outrank reported speech ("Obama admitted that ...") past a report's
    lead, which states the event however it is worded; direct quotes and
    sentences opening on a bare surname ("Ruiz, who ...") are out. When nothing qualifies, the
    most central sentence still gives the reader the story.
    """
    surnames = _surnames(candidates)
    pool = [c for c in candidates if _states_event(c) and not _opens_on_surname(c.sentence.text, surnames)]
    if not pool:
        pool = [c for c in candidates if _states_event(c, strict=False) and not _opens_on_surname(c.sentence.text, surnames)]
    if not pool:
        return sorted([c for c in candidates if not furniture(c.sentence.text)], key=lambda c: -c.centrality)[:1]
    pool = newest_timing(pool)
    plain = any(c.statement is None for c in pool)
    if plain:  # reported speech is Who said what's when plain event sentences exist, except a
        # lead: "X announced Tuesday that ..." opening a report is the event, told as news tells it
        pool = [c for c in pool if c.statement is None or c.sentence.position == 0]
    scored = sorted(pool, key=lambda c: (-_event_value(c, plain=plain), c.sentence.entry, c.sentence.position))
    top = _event_value(scored[0], plain=plain)
    chosen: list[Candidate] = []
    for cand in scored:
        if len(chosen) == MAX_HAPPENED or (chosen and _event_value(cand, plain=plain) < 0.6 * top):
            break
        if fresh(cand, chosen):
            chosen.append(cand)
    # News puts the event first: the chosen sentences read lead first (the budget always keeps
    # the first), each report's lead before any report's later sentences.
    return sorted(chosen, key=lambda c: (c.sentence.position, c.sentence.entry))


def newest_timing(pool: list[Candidate]) -> list[Candidate]:
    """When two reports tell the same thing on different days ("launches tomorrow", "launches
    today"), drop the older report's sentence: the newer was written closer to the event.

    Only sentences that say the same thing disagree; two sentences naming different days for
    different things are both kept.
    """
    dated = [(c, timing_words(c.sentence.text)) for c in pool]
    dated = [(c, days) for c, days in dated if days]
    stale = {id(old) for old, old_days in dated for new, new_days in dated
             if new.order > old.order and not old_days & new_days and _same_claim(old, new)}
    return [c for c in pool if id(c) not in stale]


def _same_claim(a: Candidate, b: Candidate) -> bool:
    """True when two sentences say the same thing, days aside."""
    return near_duplicate(_DAYS.sub(" ", a.sentence.text), _DAYS.sub(" ", b.sentence.text), limit=0.5)


_DAYS = re.compile(r"\b(?:today|tonight|tomorrow|yesterday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
                   re.IGNORECASE)


# Framing that reports a consequence or someone's reading of the event, not the event itself.
_SECONDHAND = re.compile(
    r"\baccording to\b|\b(?:cast|casts|casting) (?:doubt|a shadow)\b|\braises? (?:questions|doubts|fears)\b|"
    r"\bthreaten(?:s|ed)?\b|\bin the wake of\b|\bfallout\b|\b(?:face|faces|facing) (?:higher|bigger|new)\b",
    re.IGNORECASE,
)


def _event_value(c: Candidate, *, plain: bool) -> float:
    """Lead bias plus centrality, a little more for the first outlet to report it.

    Reported speech weighs less when plain event sentences exist, and so do consequences and
    attributed readings ("has cast doubt on ..., according to two investors").
    """
    value = lead_bias(c.sentence) + c.centrality + 0.2 / (1 + c.order)
    if _SECONDHAND.search(QUOTE_SPAN.sub(" ", c.sentence.text)):
        value *= 0.7
    return value * 0.6 if plain and c.statement is not None and c.sentence.position > 0 else value


_PERSON_RUN = re.compile(r"\b[A-Z][a-z’'-]+(?: [A-Z]\.)?(?: [A-Z][a-z’'-]+)+")
_SURNAME_OPENER = re.compile(r"^(?:Mr\.|Mrs\.|Ms\.|Dr\.)?\s*([A-Z][a-z’'-]+)(?=,|\s+[a-z])")


def _surnames(candidates: list[Candidate]) -> set[str]:
    """Surnames of the people the story names in full ("Ana Ruiz" gives "Ruiz")."""
    runs = (m.group(0) for c in candidates for m in _PERSON_RUN.finditer(c.sentence.text))
    return {run.split()[-1] for run in runs if person_like(run)}


def _opens_on_surname(text: str, surnames: set[str]) -> bool:
    """True when a sentence opens on a surname alone ("Ruiz, who took office ...")."""
    match = _SURNAME_OPENER.match(text)
    return match is not None and match.group(1) in surnames


# Admission order when trimming to the budget: (block, rank). Blocks: 0 happened, 1 said, 2 next.
# A second voice outranks a second event sentence: the brief exists to show who said what.
_ADMISSION = ((0, 0), (1, 0), (2, 0), (1, 1), (0, 1), (2, 1), (1, 2), (0, 2), (1, 3))


def fit_budget(happened: list[Candidate], said: list[Candidate], ahead: list[Candidate], *,
               budget: int) -> tuple[list[Candidate], ...]:
    """Trim the lowest-value items until the three blocks fit ``budget`` words.

    Items are admitted in ``_ADMISSION`` order while they fit; the first What happened sentence
    is always kept, whatever its length. A quote from an outlet not yet heard then displaces a
    second quote from a heard outlet and later event or next-step sentences, when that makes it
    fit. Returns the three kept lists, each in its own order.
    """
    blocks = (happened, said, ahead)
    kept: dict[tuple[int, int], Candidate] = {}
    for block, rank in _ADMISSION:
        if rank >= len(blocks[block]):
            continue
        item = blocks[block][rank]
        if _total(kept) + word_count(item) <= budget or (block, rank) == (0, 0):
            kept[(block, rank)] = item
    for rank, item in enumerate(said):
        if (1, rank) not in kept and item.outlet not in {c.outlet for k, c in kept.items() if k[0] == 1}:
            _make_room(kept, (1, rank), item, budget=budget)
    return tuple([kept[k] for k in sorted(kept) if k[0] == b] for b in range(3))


def _total(kept: dict[tuple[int, int], Candidate]) -> int:
    return sum(word_count(c) for c in kept.values())


def _make_room(kept: dict[tuple[int, int], Candidate], key: tuple[int, int], item: Candidate, *, budget: int) -> None:
    """Admit ``item`` by evicting repeat-outlet quotes, then later event and next-step sentences.

    Evicts nothing unless the item then fits. Lead items (rank 0 of each block) always stay.
    """
    said_outlets = [c.outlet for k, c in sorted(kept.items()) if k[0] == 1]
    repeats = [k for k, c in sorted(kept.items()) if k[0] == 1 and said_outlets.count(c.outlet) > 1 and k[1] > 0]
    later = [k for k in reversed(_ADMISSION) if k in kept and k[0] != 1 and k[1] > 0]
    evict, freed = [], 0
    for victim in (*reversed(repeats), *later):
        if _total(kept) - freed + word_count(item) <= budget:
            break
        evict.append(victim)
        freed += word_count(kept[victim])
    if _total(kept) - freed + word_count(item) <= budget:
        for victim in evict:
            del kept[victim]
        kept[key] = item


def _next_text(c: Candidate) -> str:
    """A next step as shown: a reported plan opening on a bare surname names the speaker in full."""
    return named_in_full(c.sentence.text, c.statement.speaker) if c.statement else c.sentence.text


def _quote(c: Candidate) -> Quote:
    assert c.statement is not None
    speaker = c.statement.speaker
    return Quote(speaker=speaker, text=_unwrapped(named_in_full(c.statement.text, speaker)), source=c.outlet)


# "He added, “...”": the speaker is shown beside the quote, and "added" to nothing shown dangles.
_WRAPPER = re.compile(r"^(?:He|She|They|It) (?:added|continued|went on|said|says|told reporters)"
                      r"(?: (?:last night|yesterday|today|this week|on (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day))?"
                      r"[,:]\s*(?=[“\"‘'])")


def _unwrapped(text: str) -> str:
    """The quotation alone when the sentence is only a pronoun's wrapper around it."""
    rest = _WRAPPER.sub("", text, count=1)
    whole = rest != text and re.fullmatch(r"“[^“”]+”|\"[^\"]+\"|‘[^‘’]+’|'[^']+'", rest.strip())
    return rest.strip() if whole else text


__all__ = ["ExtractiveSummariser", "clean_headline", "fit_budget", "named_in_full", "pick_happened", "pick_next",
           "pick_said", "quotes_heavily", "reporting", "summarise_story"]


def _source(entry: Entry) -> Source:
    return Source(name=entry.feed, title=clean_headline(entry.title, outlets=(entry.feed,)),
                  url=entry.link, published=entry.published, kind=entry.kind)
