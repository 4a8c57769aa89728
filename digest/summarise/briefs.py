"""The extractive summariser: a story's sources in, a three-block brief out.

Every sentence shown is a source sentence, unchanged, and every quote carries its outlet.
Blocks are chosen in one pass over the story's sentences so that none appears twice:
statements go to Who said what, forward-looking narration to What next, and the central
lead-biased sentences to What happened. A word budget then trims the lowest-value items.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

from digest.model import Brief, Entry, Quote, RankedStory, Source
from digest.summarise.centrality import near_duplicate, textrank, tfidf
from digest.summarise.outlook import outlook_score
from digest.summarise.quotes import Statement, find_statements, person_like
from digest.summarise.headline import clean_headline, pick_dek, pick_headline
from digest.summarise.sentences import Sentence, sentences_of

log = logging.getLogger(__name__)

BUDGET_WORDS = 120  # words across the three blocks, so a 10-brief email stays readable
MAX_HAPPENED, MAX_SAID, MAX_NEXT = 3, 4, 2
# Openers that lean on something said before: shown alone they leave the reader guessing.
_DANGLING = re.compile(
    r"^[\"“‘']?(?:He|She|It|They|This|That|These|Those|His|Her|Its|Their|Them|But|And|Or|Yet|So|"
    r"However|Still|Also|Meanwhile|Instead|Then|Such|Both|Another|Others?|Later|Even|Though|"
    r"Although|Besides|Moreover|Furthermore|Nor|Likewise|Similarly|Here|There|"
    r"In (?:addition|response|turn|contrast|fact)|As a result|Despite (?:this|that)|"
    r"The (?:move|decision|announcement|change|comments?|remarks?|deal|plan|measure|report|"
    r"statement|development|incident|news|latest|same|former|latter|two|three|pair|group|"
    r"case|issue|problem|answer|question|idea)\b)\b"
)
_QUOTE_SPAN = re.compile(r"“[^“”]*”|\"[^\"]*\"|‘[^‘’]*’(?!\w)")


@dataclass(frozen=True)
class _Candidate:
    """A sentence with what the block pickers need to know about it."""

    sentence: Sentence  # where it came from
    outlet: str  # the entry's feed name
    centrality: float  # TextRank score, max 1
    statement: Statement | None  # set when the sentence is an attributed statement
    order: int = 0  # 0 for the earliest-published entry, 1 for the next, ...


class ExtractiveSummariser:
    """The offline default: picks source sentences for each block, deterministically."""

    def __init__(self, *, budget: int = BUDGET_WORDS) -> None:
        self.budget = budget

    def summarise(self, story: RankedStory) -> Brief:
        """Return the three-block brief for ``story``."""
        return summarise_story(story, budget=self.budget)


def summarise_story(ranked: RankedStory, *, budget: int = BUDGET_WORDS) -> Brief:
    """Return the brief for one ranked story within ``budget`` words of block text."""
    entries = ranked.story.entries
    candidates = _candidates(read_entries(entries))
    # What next picks first: a sentence that clearly looks ahead belongs there, not in the
    # other blocks. Leads and the best event sentence stay out of it: they state the event.
    top = pick_happened(candidates)[:1]
    event = {c.sentence for c in top}
    ahead = pick_next(candidates, used=event | {c.sentence for c in candidates if c.sentence.position == 0},
                      shown=top)
    used = {c.sentence for c in ahead}
    happened = pick_happened([c for c in candidates if c.sentence not in used and _fresh(c, ahead)])
    used |= {c.sentence for c in happened}
    # The same fact told twice reads as padding, whichever blocks it lands in.
    said = pick_said([c for c in candidates if _fresh(c, [*happened, *ahead])], used=used,
                     outlets=len(ranked.story.outlets))
    happened, said, ahead = fit_budget(happened, said, ahead, budget=budget)
    shown = [_shown(c) for c in (*happened, *said, *ahead)]
    log.debug("story %s: %d+%d+%d items", ranked.story.id, len(happened), len(said), len(ahead))
    return Brief(
        id=ranked.story.id,
        rank=ranked.rank,
        score=ranked.score,
        why=ranked.why,
        headline=pick_headline(entries),
        dek=pick_dek(entries, shown=shown),
        what_happened=tuple(c.sentence.text for c in happened),
        who_said_what=tuple(_quote(c) for c in said),
        what_next=tuple(_next_text(c) for c in ahead),
        sources=tuple(_source(e) for e in entries),
        update=ranked.update,
    )


MAX_READ = 12  # entries of one story read for its blocks: centrality grows with the square


def read_entries(entries: tuple[Entry, ...], *, limit: int = MAX_READ) -> tuple[Entry, ...]:
    """The entries a brief is written from: each outlet's first (lead first), then the rest in
    order, ``limit`` at most. A story told 2,000 times (wire copy) needs no 2,000 readings."""
    firsts: dict[str, Entry] = {}
    for entry in entries:
        firsts.setdefault(entry.feed, entry)
    chosen = list(firsts.values())[:limit]
    chosen += [e for e in entries if e not in chosen][: limit - len(chosen)]
    return tuple(sorted(chosen, key=entries.index))


def _candidates(entries: tuple[Entry, ...]) -> list[_Candidate]:
    """Split every entry into sentences, find statements, and score centrality story-wide."""
    rows: list[tuple[Sentence, str, Statement | None]] = []
    for index, entry in enumerate(entries):
        sentences = sentences_of(entry.text, entry=index)
        statements = {s.sentence: s for s in find_statements(sentences)}
        rows += [(s, entry.feed, statements.get(s)) for s in sentences]
    ranks = textrank(tfidf([s.text for s, _, _ in rows]))
    by_time = sorted(range(len(entries)), key=lambda i: (entries[i].published is None, entries[i].published or 0, i))
    order = {index: rank for rank, index in enumerate(by_time)}
    return [_Candidate(s, outlet, rank, st, order[s.entry]) for (s, outlet, st), rank in zip(rows, ranks)]


def _shown(candidate: _Candidate) -> str:
    """The text a candidate shows: a statement with its run-on quote, else the sentence."""
    return candidate.statement.text if candidate.statement else candidate.sentence.text


def _words(candidate: _Candidate) -> int:
    return len(_shown(candidate).split())


def _lead(sentence: Sentence) -> float:
    """Lead bias: news puts the event first."""
    return 1.0 / (1.0 + 0.35 * sentence.position)


def _fresh(candidate: _Candidate, chosen: list[_Candidate], *, limit: float = 0.5) -> bool:
    """True when ``candidate`` says something the chosen sentences do not already say."""
    return not any(near_duplicate(candidate.sentence.text, c.sentence.text, limit=limit) for c in chosen)


def quotes_heavily(text: str) -> bool:
    """True when a sentence is mostly direct quotation (a quoted title or phrase is fine)."""
    quoted = sum(len(m.group(0).split()) for m in _QUOTE_SPAN.finditer(text))
    open_mark = text.count('"') % 2 == 1 or text.count("“") != text.count("”")
    return open_mark or quoted >= 6 or quoted >= 0.4 * len(text.split())


def _states_event(c: _Candidate) -> bool:
    """True when a sentence can stand alone as a statement of the event."""
    text = c.sentence.text
    if c.statement is not None and c.statement.speaker[:1].islower():
        return False
    return (8 <= _words(c) <= 55 and not quotes_heavily(text) and not _DANGLING.match(text)
            and not text.endswith("?"))


def pick_happened(candidates: list[_Candidate]) -> list[_Candidate]:
    """Return one to three central, lead-biased, quote-free sentences stating the event, in source order.

    Plain event sentences outrank reported speech ("Obama admitted that ..."); direct quotes and
    sentences opening on a bare surname ("Ruiz, who ...") are out. When nothing qualifies, the
    most central sentence still gives the reader the story.
    """
    surnames = _surnames(candidates)
    pool = [c for c in candidates if _states_event(c) and not _opens_on_surname(c.sentence.text, surnames)]
    if not pool:
        return sorted(candidates, key=lambda c: -c.centrality)[:1]
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
    if _SECONDHAND.search(_QUOTE_SPAN.sub(" ", c.sentence.text)):
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
    return match is not None and match.group(1) in surnames


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


def pick_next(candidates: list[_Candidate], *, used: set[Sentence], shown: Sequence[_Candidate] = ()) -> list[_Candidate]:
    """Return up to two forward-looking narration sentences, firm cues first; maybe none.

    Sentences that repeat one of ``shown`` (the event sentence) are left out: a deal's terms
    restated in the future tense are not its next step.
    """
    pool = []
    for c in candidates:
        text = c.sentence.text
        if c.sentence in used or not 6 <= _words(c) <= 50 or _DANGLING.match(text):
            continue
        score = outlook_score(text)
        if score >= 2.0 and not (c.statement and c.statement.direct):
            pool.append((score + c.centrality, c))
    pool.sort(key=lambda p: (-p[0], p[1].sentence.entry, p[1].sentence.position))
    chosen: list[_Candidate] = []
    for _, cand in pool:
        if len(chosen) < MAX_NEXT and _fresh(cand, [*shown, *chosen]):
            chosen.append(cand)
    return chosen


# Admission order when trimming to the budget: (block, rank). Blocks: 0 happened, 1 said, 2 next.
# A second voice outranks a second event sentence: the brief exists to show who said what.
_ADMISSION = ((0, 0), (1, 0), (2, 0), (1, 1), (0, 1), (2, 1), (1, 2), (0, 2), (1, 3))


def fit_budget(happened: list[_Candidate], said: list[_Candidate], ahead: list[_Candidate], *,
               budget: int) -> tuple[list[_Candidate], ...]:
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


def named_in_full(text: str, speaker: str) -> str:
    """Return ``text`` with a leading bare surname of the speaker given in full, else ``text``.

    "Dravik said ..." under "Trade Minister Anselm Dravik" becomes "Trade Minister Anselm Dravik
    said ...", so the entry stands alone instead of reading "Trade Minister Anselm Dravik: Dravik
    said ..."; a role the article gave after the name comes along ("Maren Holt, chief executive
    of the Port Authority, said ..."). Only the opening is touched: the rest is the source's.
    """
    name = speaker.split(",")[0].strip()
    if " " not in name or text.startswith(name):
        return text
    match = re.match(rf"(?:(?:Mr|Mrs|Ms|Dr)\.\s+)?{re.escape(name.split()[-1])}\b(?![’'-])", text)
    if not match:
        return text
    full = f"{speaker}," if "," in speaker and text[match.end():match.end() + 1] == " " else name
    return full + text[match.end():]


__all__ = ["ExtractiveSummariser", "clean_headline", "fit_budget", "pick_happened", "pick_next", "pick_said",
           "named_in_full", "quotes_heavily", "summarise_story"]


def _source(entry: Entry) -> Source:
    return Source(name=entry.feed, title=clean_headline(entry.title, outlets=(entry.feed,)),
                  url=entry.link, published=entry.published)
