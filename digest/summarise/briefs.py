"""The extractive summariser: a story's sources in, a three-block brief out.

Every sentence shown is a source sentence, unchanged, and every quote carries its outlet.
Blocks are chosen in one pass over the story's sentences so that none appears twice:
statements go to Who said what, forward-looking narration to What next, and the central
lead-biased sentences to What happened. A word budget then trims the lowest-value items.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from digest.model import KIND_REPORT, Brief, Entry, Quote, RankedStory, Source
from digest.summarise.centrality import near_duplicate, textrank, tfidf, words
from digest.summarise.headline import (
    clean_headline,
    headline_of,
    pick_dek,
    pick_headline_entry,
    timing_words,
)
from digest.summarise.names import named_in_full, person_like
from digest.summarise.outlook import outlook_score
from digest.summarise.quotes import SPEECH_VERB, Statement, find_statements
from digest.summarise.sections import section_blocks
from digest.summarise.sentences import Sentence, sentences_of
from digest.summarise.shape import (
    QUOTE_SPAN,
    SECOND_PERSON,
    leans_back,
    not_news,
    quotes_heavily,
)

log = logging.getLogger(__name__)

BUDGET_WORDS = 120  # words across the three blocks, so a 10-brief email stays readable
MAX_HAPPENED, MAX_SAID, MAX_NEXT = 3, 4, 2


@dataclass(frozen=True)
class _Candidate:
    """A sentence with what the block pickers need to know about it."""

    sentence: Sentence  # where it came from
    outlet: str  # the entry's feed name
    centrality: float  # TextRank score, max 1
    statement: Statement | None  # set when the sentence is an attributed statement
    order: int = 0  # 0 for the earliest-published entry, 1 for the next, ...
    report: bool = True  # from a report (may state the event), not an opinion or explainer page


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
    paged = next((b for e in read if (b := section_blocks(e.text, outlet=e.feed))), None)
    if paged is not None:
        happened, said, ahead = paged.happened, paged.said, paged.ahead
    else:
        happened, said, ahead = _blocks(ranked, reports, budget=budget)
    headline_entry = pick_headline_entry(read, happened=happened)
    shown = [*happened, *(q.text for q in said), *ahead]
    log.debug("story %s: %d+%d+%d items", ranked.story.id, len(happened), len(said), len(ahead))
    return Brief(
        id=ranked.story.id,
        rank=ranked.rank,
        score=ranked.score,
        why=ranked.why,
        headline=headline_of(headline_entry, outlets=tuple(e.feed for e in entries)),
        dek=pick_dek(headline_entry, shown=shown),
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


def _blocks(ranked: RankedStory, reports: tuple[Entry, ...], *, budget: int):
    """Pick the three blocks from the story's sentences: (happened texts, quotes, next texts)."""
    entries = ranked.story.entries
    report_ids = {id(e) for e in reports}
    readable = tuple(e for e in entries if id(e) in report_ids or e.kind in _VOICE_KINDS)
    candidates = _candidates(read_entries(readable), reports=report_ids)
    events = [c for c in candidates if c.report]
    # What next picks first: a sentence that clearly looks ahead belongs there, not in the
    # other blocks. Leads and the best event sentence stay out of it: they state the event.
    top = pick_happened(events)[:1]
    event = {c.sentence for c in top}
    # What the event is about: the titles, the leads and the best event sentence.
    about = " ".join([*(e.title for e in reports), *(c.sentence.text for c in events if c.sentence.position < 3),
                      *(c.sentence.text for c in top)])
    ahead = pick_next(events, used=event | {c.sentence for c in events if c.sentence.position == 0},
                      shown=top, about=about)
    used = {c.sentence for c in ahead}
    happened = pick_happened([c for c in events if c.sentence not in used and _fresh(c, ahead)])
    used |= {c.sentence for c in happened}
    # The same fact told twice reads as padding, whichever blocks it lands in.
    said = pick_said([c for c in candidates if _fresh(c, [*happened, *ahead])], used=used,
                     outlets=len(ranked.story.outlets))
    happened, said, ahead = fit_budget(happened, said, ahead, budget=budget)
    return [c.sentence.text for c in happened], [_quote(c) for c in said], [_next_text(c) for c in ahead]


MAX_READ = 12  # entries of one story read for its blocks: centrality grows with the square


def read_entries(entries: tuple[Entry, ...], *, limit: int = MAX_READ) -> tuple[Entry, ...]:
    """The entries a brief is written from: each outlet's first (lead first), then the rest in
    order, ``limit`` at most. A story told 2,000 times (wire copy) needs no 2,000 readings."""
    firsts = {}
    for entry in entries:
        firsts.setdefault(entry.feed, entry)
    chosen = list(firsts.values())[:limit]
    chosen += [e for e in entries if e not in chosen][: limit - len(chosen)]
    return tuple(sorted(chosen, key=entries.index))


def _candidates(entries: tuple[Entry, ...], *, reports: set[int] | None = None) -> list[_Candidate]:
    """Split every entry into sentences, find statements, and score centrality story-wide.

    A candidate is marked ``report`` when its entry's id() is in ``reports`` (all, when None).
    """
    rows: list[tuple[Sentence, str, Statement | None]] = []
    for index, entry in enumerate(entries):
        sentences = sentences_of(entry.text, entry=index)
        found = find_statements(sentences)
        statements = {s.sentence: s for s in found}
        # A sentence reporting two speakers stands as one part per speaker, in its place.
        parts: dict[Sentence, list[Statement]] = {}
        for st in found:
            if st.origin is not None:
                parts.setdefault(st.origin, []).append(st)
        for s in sentences:
            pieces = parts.get(s)
            rows += [(p.sentence, entry.feed, p) for p in pieces] if pieces else [(s, entry.feed, statements.get(s))]
    ranks = textrank(tfidf([s.text for s, _, _ in rows]))
    by_time = sorted(range(len(entries)), key=lambda i: (entries[i].published is None, entries[i].published or 0, i))
    order = {index: rank for rank, index in enumerate(by_time)}
    is_report = [reports is None or id(e) in reports for e in entries]
    return [_Candidate(s, outlet, rank, st, order[s.entry], is_report[s.entry])
            for (s, outlet, st), rank in zip(rows, ranks)]


def _shown(candidate: _Candidate) -> str:
    """The text a candidate shows: a statement with its run-on quote, else the sentence."""
    st = candidate.statement
    return named_in_full(st.text, st.speaker) if st else candidate.sentence.text


def _words(candidate: _Candidate) -> int:
    return len(_shown(candidate).split())


def _lead(sentence: Sentence) -> float:
    """Lead bias: news puts the event first."""
    return 1.0 / (1.0 + 0.35 * sentence.position)


def _fresh(candidate: _Candidate, chosen: list[_Candidate], *, limit: float = 0.5) -> bool:
    """True when ``candidate`` says something the chosen sentences do not already say."""
    return not any(near_duplicate(candidate.sentence.text, c.sentence.text, limit=limit) for c in chosen)


def _states_event(c: _Candidate, *, strict: bool = True) -> bool:
    """True when a sentence can stand alone as a statement of the event.

    ``strict`` also keeps out colour, speculation, predictions, background and sentences
    addressed to the reader; a page written wholly that way is read without it.
    """
    text = c.sentence.text
    if c.statement is not None and c.statement.speaker[:1].islower():
        return False
    return (8 <= _words(c) <= 55 and not quotes_heavily(text) and not leans_back(text)
            and not text.endswith("?") and not (strict and not_news(QUOTE_SPAN.sub(" ", text))))


def pick_happened(candidates: list[_Candidate]) -> list[_Candidate]:
    """Return one to three central, lead-biased, quote-free sentences stating the event, in source order.

    Plain event sentences outrank reported speech ("Obama admitted that ..."); direct quotes and
    sentences opening on a bare surname ("Ruiz, who ...") are out. When nothing qualifies, the
    most central sentence still gives the reader the story.
    """
    surnames = _surnames(candidates)
    pool = [c for c in candidates if _states_event(c) and not _opens_on_surname(c.sentence.text, surnames)]
    if not pool:
        pool = [c for c in candidates if _states_event(c, strict=False) and not _opens_on_surname(c.sentence.text, surnames)]
    if not pool:
        return sorted(candidates, key=lambda c: -c.centrality)[:1]
    pool = newest_timing(pool)
    plain = any(c.statement is None for c in pool)
    scored = sorted(pool, key=lambda c: (-_event_value(c, plain=plain), c.sentence.entry, c.sentence.position))
    top = _event_value(scored[0], plain=plain)
    chosen: list[_Candidate] = []
    for cand in scored:
        if len(chosen) == MAX_HAPPENED or (chosen and _event_value(cand, plain=plain) < 0.6 * top):
            break
        if _fresh(cand, chosen):
            chosen.append(cand)
    # The best statement of the event leads (the budget always keeps the first); the rest follow in source order.
    return chosen[:1] + sorted(chosen[1:], key=lambda c: (c.sentence.entry, c.sentence.position))


def newest_timing(pool: list[_Candidate]) -> list[_Candidate]:
    """When reports put the event on different days ("launches tomorrow", "launches today"), keep
    only the newest report's dated sentences: it was written closest to the event."""
    dated = [c for c in pool if timing_words(c.sentence.text)]
    if len({timing_words(c.sentence.text) for c in dated}) <= 1:
        return pool
    newest = max(c.order for c in dated)
    return [c for c in pool if c.order == newest or not timing_words(c.sentence.text)]


# Framing that reports a consequence or someone's reading of the event, not the event itself.
_SECONDHAND = re.compile(
    r"\baccording to\b|\b(?:cast|casts|casting) (?:doubt|a shadow)\b|\braises? (?:questions|doubts|fears)\b|"
    r"\bthreaten(?:s|ed)?\b|\bin the wake of\b|\bfallout\b|\b(?:face|faces|facing) (?:higher|bigger|new)\b",
    re.IGNORECASE,
)


def _event_value(c: _Candidate, *, plain: bool) -> float:
    """Lead bias plus centrality, a little more for the first outlet to report it.

    Reported speech weighs less when plain event sentences exist, and so do consequences and
    attributed readings ("has cast doubt on ..., according to two investors").
    """
    value = _lead(c.sentence) + c.centrality + 0.2 / (1 + c.order)
    if _SECONDHAND.search(QUOTE_SPAN.sub(" ", c.sentence.text)):
        value *= 0.7
    return value * 0.6 if plain and c.statement is not None else value


_PERSON_RUN = re.compile(r"\b[A-Z][a-z’'-]+(?: [A-Z]\.)?(?: [A-Z][a-z’'-]+)+")
_SURNAME_OPENER = re.compile(r"^(?:Mr\.|Mrs\.|Ms\.|Dr\.)?\s*([A-Z][a-z’'-]+)(?=,|\s+[a-z])")


def _surnames(candidates: list[_Candidate]) -> set[str]:
    """Surnames of the people the story names in full ("Ana Ruiz" gives "Ruiz")."""
    runs = (m.group(0) for c in candidates for m in _PERSON_RUN.finditer(c.sentence.text))
    return {run.split()[-1] for run in runs if person_like(run)}


def _opens_on_surname(text: str, surnames: set[str]) -> bool:
    """True when a sentence opens on a surname alone ("Ruiz, who took office ...")."""
    match = _SURNAME_OPENER.match(text)
    return bool(match) and match.group(1) in surnames


def _said_value(c: _Candidate) -> float:
    st = c.statement
    assert st is not None
    length = _words(c)
    fit = 1.0 if 8 <= length <= 45 else 0.4
    named = 0.5 if len(st.speaker.split()) >= 2 else 0.0
    # A reported plan ("X said the government plans to ...") is a next step, not a voice.
    plan = 0.6 if not st.direct and outlook_score(st.text) >= 2.0 else 0.0
    return fit + named + (0.7 if st.direct else 0.0) + c.centrality + 0.5 * _lead(c.sentence) - plan


def pick_said(candidates: list[_Candidate], *, used: set[Sentence], outlets: int) -> list[_Candidate]:
    """Return up to four statements from different speakers (and outlets, when there are several)."""
    pool = [c for c in candidates if c.statement and c.sentence not in used and 6 <= _words(c) <= 70]
    pool.sort(key=lambda c: (-_said_value(c), c.sentence.entry, c.sentence.position))
    chosen = _one_per_outlet(pool) if outlets > 1 else []
    for distinct_outlet in ((True, False) if outlets > 1 else (False,)):
        for cand in pool:
            if len(chosen) == MAX_SAID:
                return chosen
            if cand in chosen or not _new_voice(cand, chosen, distinct_outlet=distinct_outlet):
                continue
            if _fresh(cand, chosen, limit=0.6):
                chosen.append(cand)
    return chosen


def _one_per_outlet(pool: list[_Candidate]) -> list[_Candidate]:
    """Return one statement per outlet, distinct speakers, best first.

    Outlets with the fewest voices choose first, so a speaker both outlets quote goes to the
    outlet that has no one else, and the other outlet offers its second voice.
    """
    voices: dict[str, list[_Candidate]] = {}
    for cand in pool:
        voices.setdefault(cand.outlet, []).append(cand)
    def spread(outlet: str) -> int:
        return len({_speaker_key(c) for c in voices[outlet]})
    chosen: list[_Candidate] = []
    for outlet in sorted(voices, key=lambda o: (spread(o), -_said_value(voices[o][0]))):
        for cand in voices[outlet]:
            if len(chosen) < MAX_SAID and _new_voice(cand, chosen, distinct_outlet=True) and _fresh(cand, chosen, limit=0.6):
                chosen.append(cand)
                break
    return sorted(chosen, key=pool.index)


def _new_voice(cand: _Candidate, chosen: list[_Candidate], *, distinct_outlet: bool) -> bool:
    """True when the speaker (and, if asked, the outlet) is not already in ``chosen``."""
    speaker = _speaker_key(cand)
    if any(_speaker_key(c) == speaker for c in chosen):
        return False
    return not distinct_outlet or all(c.outlet != cand.outlet for c in chosen)


def _speaker_key(c: _Candidate) -> str:
    assert c.statement is not None
    # "Maren Holt, chief executive of ..." and "Holt" are one voice: key on the name's last word.
    return c.statement.speaker.split(",")[0].split()[-1].lower()


def pick_next(candidates: list[_Candidate], *, used: set[Sentence], shown: list[_Candidate] = (),
              about: str = "") -> list[_Candidate]:
    """Return up to two forward-looking sentences about this event, firm cues first; maybe none.

    Scheduled steps, plans and attributed expectations qualify; a quote fragment, a person's
    direct quote (that is Who said what), a sentence addressed to the reader ("you will notice")
    and a look ahead that shares nothing with ``about`` (the event: its titles and lead sentence)
    do not. Sentences that repeat one of ``shown`` (the event sentence) are left out: a deal's
    terms restated in the future tense are not its next step.
    """
    pool = []
    for c in candidates:
        if c.sentence in used or not 6 <= _words(c) <= 50 or not _whole(c.sentence.text):
            continue
        score = _next_score(c)
        if score >= 2.0 and (not about or _on_event(c, about)):
            pool.append((score + c.centrality, c))
    pool.sort(key=lambda p: (-p[0], p[1].sentence.entry, p[1].sentence.position))
    chosen: list[_Candidate] = []
    for _, cand in pool:
        if len(chosen) < MAX_NEXT and _fresh(cand, [*shown, *chosen]):
            chosen.append(cand)
    return chosen


_NEAR_LEAD = 4  # sentences
_OPENS_MID = re.compile(r"^(?:[a-z]|[”’.,;:…)\]-])")


def _whole(text: str) -> bool:
    """True for a whole sentence: not opening mid-clause, quotes paired, not leaning on the one before."""
    quotes_paired = text.count('"') % 2 == 0 and text.count("“") == text.count("”")
    return quotes_paired and not _OPENS_MID.match(text) and not leans_back(text)


def _next_score(c: _Candidate) -> float:
    """How firmly a candidate states a next step: 0 for a person's direct quote or a reader's aside."""
    text = c.sentence.text
    if SECOND_PERSON.search(QUOTE_SPAN.sub(" ", text)):
        return 0.0
    st = c.statement
    if st is not None and st.direct and person_like(st.speaker.split(",")[0]):
        return 0.0
    # Narration that quotes a report's own words ('Biden "will never announce" the shift') may look
    # ahead inside its quotation marks; a sentence that is mostly one quotation may not.
    embedded = (st is None and not SPEECH_VERB.search(text)) or (st is not None and not person_like(st.speaker.split(",")[0]))
    quoted = embedded and not text.startswith(("\"", "“")) and len(QUOTE_SPAN.sub(" ", text).split()) >= 3
    return outlook_score(text, quoted=quoted)


def _on_event(c: _Candidate, about: str) -> bool:
    """True when a look ahead is about the event ("another company's IPO" is not).

    Near the lead a report is still on its event; further down a look ahead must share a word
    with it.
    """
    if c.sentence.position <= _NEAR_LEAD:
        return True
    return bool(set(words(c.sentence.text)) & set(words(about)))


# Admission order when trimming to the budget: (block, rank). Blocks: 0 happened, 1 said, 2 next.
# A second voice outranks a second event sentence: the brief exists to show who said what.
_ADMISSION = ((0, 0), (1, 0), (2, 0), (1, 1), (0, 1), (2, 1), (1, 2), (0, 2), (1, 3))


def fit_budget(happened, said, ahead, *, budget: int):
    """Trim the lowest-value items until the three blocks fit ``budget`` words.

    Items are admitted in ``_ADMISSION`` order while they fit; the first What happened sentence
    is always kept, whatever its length. A quote from an outlet not yet heard then displaces a
    second quote from a heard outlet and later event or next-step sentences, when that makes it
    fit. Returns the three kept lists, each in its own order.
    """
    blocks = (happened, said, ahead)
    kept: dict[tuple[int, int], _Candidate] = {}
    for block, rank in _ADMISSION:
        if rank >= len(blocks[block]):
            continue
        item = blocks[block][rank]
        if _total(kept) + _words(item) <= budget or (block, rank) == (0, 0):
            kept[(block, rank)] = item
    for rank, item in enumerate(said):
        if (1, rank) not in kept and item.outlet not in {c.outlet for k, c in kept.items() if k[0] == 1}:
            _make_room(kept, (1, rank), item, budget=budget)
    return tuple([kept[k] for k in sorted(kept) if k[0] == b] for b in range(3))


def _total(kept: dict[tuple[int, int], _Candidate]) -> int:
    return sum(_words(c) for c in kept.values())


def _make_room(kept: dict[tuple[int, int], _Candidate], key: tuple[int, int], item: _Candidate, *, budget: int) -> None:
    """Admit ``item`` by evicting repeat-outlet quotes, then later event and next-step sentences.

    Evicts nothing unless the item then fits. Lead items (rank 0 of each block) always stay.
    """
    said_outlets = [c.outlet for k, c in sorted(kept.items()) if k[0] == 1]
    repeats = [k for k, c in sorted(kept.items()) if k[0] == 1 and said_outlets.count(c.outlet) > 1 and k[1] > 0]
    later = [k for k in reversed(_ADMISSION) if k in kept and k[0] != 1 and k[1] > 0]
    evict, freed = [], 0
    for victim in (*reversed(repeats), *later):
        if _total(kept) - freed + _words(item) <= budget:
            break
        evict.append(victim)
        freed += _words(kept[victim])
    if _total(kept) - freed + _words(item) <= budget:
        for victim in evict:
            del kept[victim]
        kept[key] = item


def _next_text(c: _Candidate) -> str:
    """A next step as shown: a reported plan opening on a bare surname names the speaker in full."""
    return named_in_full(c.sentence.text, c.statement.speaker) if c.statement else c.sentence.text


def _quote(c: _Candidate) -> Quote:
    assert c.statement is not None
    speaker = c.statement.speaker
    return Quote(speaker=speaker, text=named_in_full(c.statement.text, speaker), source=c.outlet)


__all__ = ["ExtractiveSummariser", "clean_headline", "fit_budget", "named_in_full", "pick_happened", "pick_next",
           "pick_said", "quotes_heavily", "reporting", "summarise_story"]


def _source(entry: Entry) -> Source:
    return Source(name=entry.feed, title=clean_headline(entry.title, outlets=(entry.feed,)),
                  url=entry.link, published=entry.published, kind=entry.kind)
