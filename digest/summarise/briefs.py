"""The extractive summariser: a story's sources in, a three-block brief out.

Every sentence shown is a source sentence, unchanged, and every quote carries its outlet.
Blocks are chosen in one pass over the story's sentences so that none appears twice:
statements go to Who said what, forward-looking narration to What next, and the central
lead-biased sentences to What happened. A word budget then trims the lowest-value items.
"""

from __future__ import annotations

import logging
import re

from digest.model import KIND_REPORT, Brief, Entry, RankedStory, Source, stand_in_title
from digest.summarise import BUDGET_WORDS
from digest.summarise.acronyms import spelled_out, spelled_twin
from digest.summarise.blocks import Blocks, introduced, pick_blocks
from digest.summarise.candidates import Candidate, build_candidates, read_entries
from digest.summarise.centrality import near_duplicate, overlap
from digest.summarise.contextdek import context_dek, learned_dek
from digest.summarise.happened import MAX_HAPPENED, news_first, pick_happened, title_hedges
from digest.summarise.dek import pick_dek, standfirst
from digest.summarise.overtaken import overtaken
from digest.summarise.provenance import outlet_of, outlets_of, told_by
from digest.summarise.headline import clean_headline, headline_of, pick_headline_entry
from digest.summarise.sections import section_blocks
from digest.summarise.event import analysis_lede, lead_states_event
from digest.summarise.shape import furniture, quotes_heavily
from digest.summarise.storydek import OPENING, lead_to_dek, story_dek
from digest.summarise.tense import earlier_year, narrates_past, narration_of

log = logging.getLogger(__name__)



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
    told = told_by({id(e): e for e in (*read, *read_entries(entries))}.values())  # a report's telling first
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
        dek_source=outlet_of(dek, told) or None if dek else None,
        happened_sources=outlets_of(happened, told),
        next_sources=outlets_of(ahead, told),
    )


_VOICE_KINDS = frozenset({KIND_REPORT, "opinion", "explainer"})


def reporting(entries: tuple[Entry, ...]) -> tuple[Entry, ...]:
    """The story's reports, in order; every entry when none is a report."""
    return tuple(e for e in entries if e.kind == KIND_REPORT) or entries


def _blocks(ranked: RankedStory, reports: tuple[Entry, ...], read: tuple[Entry, ...], *,
            budget: int) -> tuple[str, str | None, Blocks]:
    """The headline, the dek and the blocks as ``_chosen`` picks them, the dek and What happened as shown: a bare
    surname given in full where it first names someone the headline does not (blocks.introduced)."""
    headline, dek, (happened, said, ahead), events = _chosen(ranked, reports, read, budget=budget)
    said = spelled_out(said, ranked.story.entries)  # "HCSO" as the article spells it: "Harris County Sheriff's Office (HCSO)"
    if dek is None:
        return headline, dek, (introduced(tuple(happened), events, headline), said, ahead)
    dek, *shown = introduced((dek, *happened), events, headline)  # the dek first: "Debra Symonette spoke with ..."
    return headline, dek, (tuple(shown), said, ahead)


def _chosen(ranked: RankedStory, reports: tuple[Entry, ...], read: tuple[Entry, ...], *,
            budget: int) -> tuple[str, str | None, Blocks, list[Candidate]]:
    """Pick the headline, the dek and the three blocks: (headline, dek, (happened texts, quotes, next texts)).

    What happened opens on the story's best statement of the event (a report's lead: news puts
    the event first). The headline report is the one whose title is closest to the other titles
    and to the event sentences; the dek is its standfirst, or another report's lead, when that
    states the event in other words than What happened's first sentence; else the firm sentence after the lead
    (or the lead moved up over it: digest/summarise/storydek.py's lead_to_dek), or
    a later sentence of a report's opening that tells more of the event (digest/summarise/contextdek.py).
    """
    entries = ranked.story.entries
    report_ids = {id(e) for e in reports}
    readable = read_entries(tuple(e for e in entries if id(e) in report_ids or e.kind in _VOICE_KINDS))
    # Furniture (labels, bullets, captions, paywall lines, drop-cap fragments) is in no block.
    # nor the page's title repeated at the top of its text ("Ravenous wild goats ruled this island for over a
    # century. Now, it's being reborn." heads the page as its title and again as its first line).
    candidates = [c for c in build_candidates(readable, reports=report_ids) if not furniture(c.sentence.text)
                  and not _title_again(c.sentence.text, readable[c.sentence.entry])]
    candidates = _without_analysis(candidates)
    events = [c for c in candidates if c.report]
    # What happened opens on the event, not on what happened in an earlier year (background; a
    # report's lead is its news whatever years it names), unless nothing else can open it.
    years = {i: e.published.year for i, e in enumerate(readable) if e.published is not None}
    # Nor on a plan a newer report tells as done ("plans to invoke ..." under "She then invoked ...").
    current = [c for c in candidates if not overtaken(c.sentence.text, candidates, readable, readable[c.sentence.entry])]
    event = pick_happened([c for c in current if c.report and not (
        c.sentence.position > 0 and earlier_year(c.sentence.text, years.get(c.sentence.entry)))]
                          or [c for c in current if c.report], hedges=title_hedges([e.title for e in reports]))
    event = [spelled_twin(c, candidates) for c in _shared_lead(event, candidates, readable)]
    headline_entry = pick_headline_entry(read, happened=[c.sentence.text for c in event])
    headline = headline_of(headline_entry, outlets=tuple(e.feed for e in entries))
    above = standfirst(headline_entry)
    lead = news_first(event, headline, above=above)
    passed_over = event[:1] if lead and event and lead[0] is not event[0] else []  # the colour opener: in no block
    dek = story_dek(headline_entry, headline, lead, read, readable, candidates, passed_over)
    if passed_over and dek != above and (alone := news_first(event, headline)) != lead:
        # The sentence that replaced the opener leaned on the standfirst, which is not shown: the opener stays.
        lead = alone
        passed_over = event[:1] if lead and lead[0] is not event[0] else []
        dek = story_dek(headline_entry, headline, lead, read, readable, candidates, passed_over)
    if dek is None:
        unshown = [c for c in candidates if c not in passed_over]
        if moved := lead_to_dek(ranked, reports, unshown, lead, readable, headline, budget, years):
            return headline, *moved, events
        dek = story_dek(headline_entry, headline, lead, read, readable, candidates, passed_over, opener=True)
    rest = [c for c in candidates if c not in passed_over
            and (dek is None or c in lead or not near_duplicate(c.sentence.text, dek))]
    happened, said, ahead = pick_blocks(ranked, reports, rest, budget=budget - len((dek or "").split()), lead=lead,
                                        dek=dek, years=years)
    # When no report's opening could state the event (What happened would open deep in the text), or
    # a single report's opening the news scorer all but rules out is all there is ("As far as we
    # know, there are no Saturnians on Saturn."), the standfirst that does is What happened, and the
    # dek is a later sentence telling more of the event, or none: a brief without a dek lacks a part,
    # one whose What happened is colour is wrong.
    weak = len(reports) == 1 and bool(lead) and lead[0].news < _WEAK_LEAD
    if dek is not None and (not lead or lead[0].sentence.position >= OPENING or weak) \
            and dek == standfirst(headline_entry) and lead_states_event(dek):
        # What happened's own pick, deep in the text, follows only when it tells what happened or what
        # someone said that day; a state that explains the news ("Google's knowledge graph organizes
        # information ...") does not.
        told = [h for h in happened[:MAX_HAPPENED - 1] if narrates_past(narration_of(h)) or _SAID_ON_DAY.search(h)]
        shown = [dek, *told, *(q.text for q in said), *ahead]
        other = context_dek(rest, readable, headline=headline, shown=shown, years=years)
        # The standfirst's words were counted as the dek's: a longer sentence in its place would pass the budget.
        if other is not None and len(other.split()) > len(dek.split()):
            other = None
        return headline, other, ((dek, *told), said, ahead), events
    shown = [*happened, *(q.text for q in said), *ahead]
    own = next((i for i, e in enumerate(readable) if e is headline_entry), -1)
    if dek is None and (other := context_dek(rest, readable, headline=headline, years=years, shown=shown)
                        or learned_dek(rest, readable, headline=headline, shown=shown, years=years, own=own)):
        # The blocks as picked without it (a dek chosen last tells no block what the reader was told:
        # "this volume" after a dek naming "the volume" measured is still unintroduced), within the budget left.
        kept = [c for c in rest if c in lead or not near_duplicate(c.sentence.text, other)]
        again = pick_blocks(ranked, reports, kept, budget=budget - len(other.split()), lead=lead, years=years)
        if not any(near_duplicate(other, s) for s in [*again[0], *(q.text for q in again[1]), *again[2]]):
            return headline, other, again, events
    return headline, dek, (happened, said, ahead), events


_WEAK_LEAD = 0.15  # the news score below which a single report's chosen opening is no statement of its news
_CLOSE = 0.1  # how near another report's lead must score to the chosen one to take its place
_MORE_SHARED = 0.1  # by how much more its title must share the other reports' titles


def _shared_lead(event: list[Candidate], candidates: list[Candidate], readable: tuple[Entry, ...]) -> list[Candidate]:
    """``event`` opening instead on another report's lead that scores as high (within _CLOSE) when that
    report's title shares more with the other reports' titles: the story they all tell, not one outlet's
    side item ("Rep. Michele Bachmann showed her support for Chick-fil-A ..." over "Hundreds of thousands
    of people across the country headed to Chick-fil-A restaurants ...", whose outlets' titles both say
    "Chick-fil-A ... Appreciation Day")."""
    if len(readable) < 3 or not event or event[0].sentence.position != 0:
        return event
    def shared(index: int) -> float:
        others = [e.title for i, e in enumerate(readable) if i != index]
        return sum(overlap(readable[index].title, t) for t in others) / len(others)
    first = event[0]
    rivals = [c for c in candidates if c.report and c.sentence.position == 0 and c.sentence.entry != first.sentence.entry
              and c.statement is None and c.news >= first.news - _CLOSE
              and shared(c.sentence.entry) >= shared(first.sentence.entry) + _MORE_SHARED
              and not overtaken(c.sentence.text, candidates, readable, readable[c.sentence.entry])]
    if not rivals:
        return event
    best = max(rivals, key=lambda c: shared(c.sentence.entry))
    return [best, *(c for c in event[1:] if c is not best)]


def _without_analysis(candidates: list[Candidate]) -> list[Candidate]:
    """``candidates`` without a report's analysis lede ("The resurgent controversy over ... underscores State Department
    concerns ...": the writer's reading of the news) when another report's lead tells the event; a single report's
    lede stays, for want of another telling."""
    ledes = [c for c in candidates if c.report and c.sentence.position == 0 and analysis_lede(c.sentence.text)]
    told = any(c.report and c.sentence.position == 0 and c not in ledes and lead_states_event(c.sentence.text)
               for c in candidates)
    return [c for c in candidates if c not in ledes] if ledes and told else candidates


def _title_again(sentence: str, entry: Entry) -> bool:
    """True when ``sentence`` is the page's title, or a sentence of it, repeated in the text; never when the
    title is a stand-in made from the text itself (a feed item without one)."""
    if entry.title == stand_in_title(entry.summary or entry.content):
        return False
    told = _fold(sentence)
    return len(told.split()) >= 3 and f" {told} " in f" {_fold(entry.title)} "


def _fold(text: str) -> str:
    return " ".join(re.findall(r"[\w’']+", text.lower()))


# "White House officials said Thursday that ...": an account given on the news's day.
_SAID_ON_DAY = re.compile(r"\b(?:said|announced|reported|confirmed|told \w+)\s+(?:on\s+)?\w+day\b")


__all__ = ["BUDGET_WORDS", "clean_headline", "pick_happened", "quotes_heavily", "reporting", "summarise_story"]


def _source(entry: Entry) -> Source:
    return Source(name=entry.feed, title=clean_headline(entry.title, outlets=(entry.feed,)),
                  url=entry.link, published=entry.published, kind=entry.kind)
