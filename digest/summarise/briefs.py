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
from digest.summarise import BUDGET_WORDS
from digest.summarise.budget import fit_budget
from digest.summarise.candidates import Candidate, build_candidates, fresh, read_entries, tidied
from digest.summarise.centrality import near_duplicate
from digest.summarise.happened import (DAYS, MAX_HAPPENED, colour_openers, full_names, in_full, news_first, now_follow_up,
                                      pick_happened, speaker_surnames, title_hedges, unintroduced_surname)
from digest.summarise.dek import fits_dek, pick_dek, standfirst, timing_words
from digest.summarise.headline import clean_headline, headline_of, pick_headline_entry
from digest.summarise.names import ORG_TAIL, named_in_full
from digest.summarise.nextsteps import pick_next
from digest.summarise.sections import section_blocks
from digest.summarise.sentences import Sentence
from digest.summarise.event import lead_states_event, states_event_firmly
from digest.summarise.shape import furniture, quotes_heavily
from digest.summarise.tense import earlier_year, narrates_past
from digest.summarise.voices import pick_said

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


_Blocks = tuple[tuple[str, ...], tuple[Quote, ...], tuple[str, ...]]
_VOICE_KINDS = frozenset({KIND_REPORT, "opinion", "explainer"})


def reporting(entries: tuple[Entry, ...]) -> tuple[Entry, ...]:
    """The story's reports, in order; every entry when none is a report."""
    return tuple(e for e in entries if e.kind == KIND_REPORT) or entries


def _blocks(ranked: RankedStory, reports: tuple[Entry, ...], read: tuple[Entry, ...], *,
            budget: int) -> tuple[str, str | None, _Blocks]:
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
    # What happened opens on the event, not on what happened in an earlier year (background; a
    # report's lead is its news whatever years it names), unless nothing else can open it.
    years = {i: e.published.year for i, e in enumerate(readable) if e.published is not None}
    event = pick_happened([c for c in candidates if c.report and not (
        c.sentence.position > 0 and earlier_year(c.sentence.text, years.get(c.sentence.entry)))]
                          or [c for c in candidates if c.report], hedges=title_hedges([e.title for e in reports]))
    headline_entry = pick_headline_entry(read, happened=[c.sentence.text for c in event])
    headline = headline_of(headline_entry, outlets=tuple(e.feed for e in entries))
    lead = news_first(event, headline)
    passed_over = event[:1] if lead and event and lead[0] is not event[0] else []  # the colour opener: in no block
    dek = _dek(headline_entry, headline, lead, read, readable, candidates, passed_over)
    if dek is None:
        unshown = [c for c in candidates if c not in passed_over]
        if moved := _lead_to_dek(ranked, reports, unshown, lead, readable, headline, budget, years):
            return headline, *moved
        dek = _dek(headline_entry, headline, lead, read, readable, candidates, passed_over, opener=True)
    rest = [c for c in candidates if c not in passed_over
            and (dek is None or c in lead or not near_duplicate(c.sentence.text, dek))]
    happened, said, ahead = _pick_blocks(ranked, reports, rest, budget=budget - len((dek or "").split()), lead=lead,
                                         dek=dek, years=years)
    # When no report's opening could state the event (What happened would open deep in the text),
    # the standfirst that does is What happened, and there is no dek.
    if dek is not None and (not lead or lead[0].sentence.position >= _OPENING) and dek == standfirst(headline_entry) \
            and lead_states_event(dek):
        # What happened's own pick, deep in the text, follows only when it tells what happened or what
        # someone said that day; a state that explains the news ("Google's knowledge graph organizes
        # information ...") does not.
        told = [h for h in happened[:MAX_HAPPENED - 1] if narrates_past(_narration(h)) or _SAID_ON_DAY.search(h)]
        return headline, None, ((dek, *told), said, ahead)
    return headline, dek, (happened, said, ahead)


def _lead_to_dek(ranked: RankedStory, reports: tuple[Entry, ...], rest: list[Candidate], lead: list[Candidate],
                 readable: tuple[Entry, ...], headline: str, budget: int,
                 years: dict[int, int]) -> tuple[str, _Blocks] | None:
    """(dek, blocks) with the lead as the dek when no standfirst or other lead can be one, or None.

    A brief without a dek lacks a part (editors graded it so), and the lead is the publisher's own
    statement of the event. It moves up only when What happened keeps a sentence of its own, in a
    report's opening, that states the event firmly and tells that something happened, in the
    report's voice (someone's words are Who said what's), on the lead's day and not dated in an
    earlier year; else the lead stays What happened's and the brief goes without a dek.
    """
    # The lead opens its report, or follows only lines no block shows (a byline, a caption, a
    # colour opener passed over) within the report's opening.
    openers = colour_openers(rest, lead)
    if len(lead) != 1 or lead[0].sentence.position > _OPENING or any(
            c.sentence.entry == lead[0].sentence.entry and c.sentence.position < lead[0].sentence.position
            and c not in openers for c in rest):
        return None
    at = lead[0].sentence.position
    text, entry = lead[0].sentence.text, readable[lead[0].sentence.entry]
    pool = [c for c in rest if c is not lead[0] and c not in openers and not near_duplicate(c.sentence.text, text)]
    firm = [c for c in pool if c.report and (c.statement is None and narrates_past(_narration(c.sentence.text))
                                             or _body_reports(c))
            and c.sentence.position <= at + _OPENING and states_event_firmly(c.sentence.text)
            and not _AHEAD.search(c.sentence.text)  # "Supporters will take to the streets on Friday": What next's
            and not earlier_year(c.sentence.text, years.get(c.sentence.entry))]
    after = (news_first(pick_happened(firm), headline) if firm else []) or _follows_on(pool, lead[0])
    if not after or not fits_dek(text, entry, headline=headline, shown=[after[0].sentence.text]):
        return None
    return text, _pick_blocks(ranked, reports, pool, budget=budget - len(text.split()), lead=after, dek=text, years=years)


# "The FDA said Wednesday it approved ...": a body's account of what was done, in reported speech.
_BODY_SAYS = re.compile(r"^(?:The\s+)?(?:[A-Z][\w.&’'-]*\s+){0,6}?(?:said|says|reported|announced)\b(?:\s+\w+day\b)?\s*(?:that\s+)?")
# "White House officials said Thursday that ...": an account given on the news's day.
_SAID_ON_DAY = re.compile(r"\b(?:said|announced|reported|confirmed|told \w+)\s+(?:on\s+)?\w+day\b")
# A step still to come ("will take to the streets on Friday"): What next's, never What happened's.
_AHEAD = re.compile(r"\b(?:will|shall|is due to|are due to|is set to|are set to|plans? to)\b")
# Attribution that frames a report's own narration: "..., police said.", "According to the report, ...".
_TRAILING_CREDIT = re.compile(r",\s+(?:(?:[\w’'.-]+\s+){0,8}?(?:said|say|says|told\s+\w+|reported|confirmed)"
                              r"(?:\s+(?:on\s+)?\w+day)?|(?:said|says)\s+(?:[\w’'.-]+\s*){1,6})"
                              r"(?:,\s+(?:who|citing)\b[^”\"]*)?[.!]?[”\"]?$")
_LEADING_CREDIT = re.compile(r"^According to [^,]{3,80},\s+")


def _narration(text: str) -> str:
    """A sentence without the attribution that frames it ("..., police said."): what it narrates."""
    return _LEADING_CREDIT.sub("", _TRAILING_CREDIT.sub(".", text))


def _body_reports(c: Candidate) -> bool:
    """True for reported speech in which a body, not a person, tells what it did or found ("The
    FDA said Wednesday it approved the drug ..."): the report's own account of the event."""
    s = c.statement
    if s is None or s.direct or "," in s.speaker or not (s.speaker.startswith("The ") or " " not in s.speaker
                                                          or s.speaker.split()[-1] in ORG_TAIL):
        return False
    match = _BODY_SAYS.match(c.sentence.text)
    return match is not None and narrates_past(c.sentence.text[match.end():])


# A sentence whose subject is the lead's, by a pronoun: "They have 'switched off' the chromosome ..."
_PRONOUN_OPENER = re.compile(r"^(?:He|She|They|It) (?=[a-z])")


def _follows_on(pool: list[Candidate], lead: Candidate) -> list[Candidate]:
    """The sentence right after the lead when its subject is the lead's by a pronoun and it tells
    what happened ("They have 'switched off' the chromosome ..."): under the lead as the dek it
    reads on from it. Empty otherwise."""
    after = next((c for c in pool if c.sentence.entry == lead.sentence.entry
                  and c.sentence.position == lead.sentence.position + 1), None)
    if after is None or after.statement is not None or not _PRONOUN_OPENER.match(after.sentence.text):
        return []
    named = _PRONOUN_OPENER.sub("Velmora ", after.sentence.text, count=1)  # the pronoun as a name, for the test
    return [after] if states_event_firmly(named) and narrates_past(_narration(named)) and not _AHEAD.search(named) else []


# The news score a sentence after What happened's first needs, unless it beats the first's: below
# it, editors' labels call most such sentences a detail or background (bench/news_eval.py's pages:
# 5 of 24 were news).
_SECOND_NEWS = 0.2
_OPENING = 2  # sentences of a report that open it: its lead and the one after


def _dek(entry: Entry | None, headline: str, lead: list[Candidate], read: tuple[Entry, ...],
         readable: tuple[Entry, ...], candidates: list[Candidate], passed_over: list[Candidate], *,
         opener: bool = False) -> str | None:
    """The dek under ``headline``: the report's standfirst, its lead or another report's, never
    What happened's first sentence (``lead``) again; None when nothing qualifies.

    A colour opener passed over is no dek, unless ``opener`` and the report's own standfirst
    repeats it: then it is the publisher's summary of the news, not colour ("Floyd Mayweather Jr.
    is the highest-earning athlete ..."), unless it only guesses ("Looks like ...")."""
    # Other reports' leads may be the dek, unless a newer report words their day differently.
    others = [s.text for e in read if e is not entry for s in tidied(e.text)[:1]
              if not _stale(s.text, candidates, readable, e)]
    # A later sentence reporting someone's words is Who said what's, not a dek; nor is a colour
    # opener passed over. When What happened names its day, the dek need only agree with it;
    # else no newer report may word its day differently.
    voiced = {c.sentence.text for c in candidates if c.statement is not None and c.sentence.position > 0}
    own = standfirst(entry)
    if opener and (own is None or _GUESS.match(own)):
        return None
    voiced |= {c.sentence.text for c in [*passed_over, *colour_openers(candidates, lead)]
               if not opener or not near_duplicate(c.sentence.text, own or "")}
    dated = any(timing_words(c.sentence.text) for c in lead)
    # The lead's next sentence is no dek: written to follow the lead, it tells a detail or the
    # background (editors graded such deks "not the event"); no dek beats a wrong one.
    return pick_dek(entry, headline=headline, shown=[c.sentence.text for c in lead], others=others, own_leads=False,
                    stale=lambda text: text in voiced or not dated and _stale(text, candidates, readable, entry))


_GUESS = re.compile(r"^(?:(?:It )?(?:looks|seems|sounds) (?:like|as if)|Maybe|Perhaps|Apparently)\b", re.IGNORECASE)


def _stale(text: str, candidates: list[Candidate], readable: tuple[Entry, ...], entry: Entry | None) -> bool:
    """True when a newer report than ``entry`` tells the same thing as ``text`` on another day."""
    days = timing_words(text)
    if not days or entry is None or entry.published is None:
        return False
    return any((e := readable[c.sentence.entry]).published is not None and e.published > entry.published
               and (other := timing_words(c.sentence.text)) and not days & other
               and near_duplicate(DAYS.sub(" ", text), DAYS.sub(" ", c.sentence.text), limit=0.5)
               for c in candidates)


def _pick_blocks(ranked: RankedStory, reports: tuple[Entry, ...], candidates: list[Candidate], *, budget: int,
                 lead: list[Candidate], dek: str | None = None, years: dict[int, int] | None = None) -> _Blocks:
    """Pick the three blocks: (happened texts, quotes, next texts). ``lead`` is the best
    statement of the event, which What happened opens on; ``dek`` the dek, when there is one;
    ``years`` each report's year of publication (by its index), for telling background."""
    events = [c for c in candidates if c.report]
    # What next picks first: a sentence that clearly looks ahead belongs there, not in the
    # other blocks. Leads and the best event sentence stay out of it: they state the event.
    top = [*lead, *now_follow_up(lead, events)]
    event = {c.sentence for c in top}
    # What the event is about: the titles, the leads and the best event sentence.
    about = " ".join([*(e.title for e in reports), *(c.sentence.text for c in events if c.sentence.position < 3),
                      *(c.sentence.text for c in top), dek or ""])
    ahead = pick_next(events, used=event | {c.sentence for c in events if c.sentence.position == 0},
                      shown=top, about=about)
    used = {c.sentence for c in ahead}
    # Told by one report, What happened is its lead alone (with the "Now ..." sentence that makes
    # it news), as the seed tells the event: a second sentence was most often a detail, colour or
    # background (editor round 16, a blind A/B: 6 briefs better with one sentence, 1 worse; with
    # several outlets another's lead may add to it, and there one brief was worse).
    happened = list(top) if len(reports) == 1 and top else _with_second(events, top, used, ahead, years or {})
    used |= {c.sentence for c in happened}
    # The same fact told twice reads as padding, whichever blocks it lands in.
    said = pick_said([c for c in candidates if fresh(c, [*happened, *ahead])], used=used,
                     outlets=len(ranked.story.outlets))
    happened, said, ahead = fit_budget(happened, said, ahead, budget=budget, keep=len(top))
    # A surname the dek, just above, names is plain; others are given as the story first named them.
    names = {surname: name for surname, name in full_names(events).items() if surname not in (dek or "")}
    return (tuple(in_full(c.sentence.text, names) for c in happened), tuple(_quote(c) for c in said),
            tuple(_next_text(c) for c in ahead))


def _with_second(events: list[Candidate], top: list[Candidate], used: set[Sentence], ahead: list[Candidate],
                 years: dict[int, int]) -> list[Candidate]:
    """What happened from several outlets: the lead, and at most one more sentence that states the
    event firmly and tells that something happened, never background (dated in an earlier year
    than its report), colour, a side item, a statistic or a state that explains the news ("People
    with the syndrome have three copies ..."), and scored 0.2 as news or above the lead."""
    picked = pick_happened([c for c in events if c.sentence not in used and fresh(c, ahead)
                            and (c in top or states_event_firmly(c.sentence.text)
                                 and not earlier_year(c.sentence.text, years.get(c.sentence.entry)))])
    surnames = speaker_surnames(events)
    return [*top, *(c for c in picked if c not in top and fresh(c, top) and states_event_firmly(c.sentence.text)
                    and narrates_past(_narration(c.sentence.text)) and not unintroduced_surname(c, top, surnames)
                    and (c.news >= _SECOND_NEWS or c.news > max((t.news for t in top), default=0.0)))]


def _next_text(c: Candidate) -> str:
    """A next step as shown: a reported plan opening on a bare surname names the speaker in full."""
    return named_in_full(c.sentence.text, c.statement.speaker) if c.statement else c.sentence.text


def _quote(c: Candidate) -> Quote:
    assert c.statement is not None
    speaker = c.statement.speaker
    return Quote(speaker=speaker, text=named_in_full(_unwrapped(c.statement.text), speaker), source=c.outlet)


# "He added, “...”": the speaker is shown beside the quote, and "added" to nothing shown dangles.
_WRAPPER = re.compile(r"^(?:He|She|They|It) (?:added|continued|went on|said|says|told reporters)"
                      r"(?: (?:last night|yesterday|today|this week|on (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day))?"
                      r"[,:]\s*(?=[“\"‘'])")


def _unwrapped(text: str) -> str:
    """The quotation alone when the sentence is only a pronoun's wrapper around it."""
    rest = _WRAPPER.sub("", text, count=1)
    whole = rest != text and re.fullmatch(r"“[^“”]+”|\"[^\"]+\"|‘[^‘’]+’|'[^']+'", rest.strip())
    return rest.strip() if whole else text


__all__ = ["BUDGET_WORDS", "clean_headline", "fit_budget", "named_in_full", "pick_happened", "pick_next",
           "pick_said", "quotes_heavily", "reporting", "summarise_story"]


def _source(entry: Entry) -> Source:
    return Source(name=entry.feed, title=clean_headline(entry.title, outlets=(entry.feed,)),
                  url=entry.link, published=entry.published, kind=entry.kind)
