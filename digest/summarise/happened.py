"""What happened: the sentences that state a story's event, lead first.

News puts the event first: a report's lead, however it is worded, states it; past the lead only
sentences naming an actor doing something qualify, never colour, background, a side item, a
bare statistic or a sentence leaning on one before it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from digest.summarise.candidates import Candidate, fresh, word_count
from digest.summarise.centrality import near_duplicate, overlap
from digest.summarise.dek import NEWSY, timing_words
from digest.summarise.names import NOT_NAMES, is_group, is_title, named_in_full, person_like
from digest.summarise.tense import long_before
from digest.summarise.event import states_event_firmly
from digest.summarise.readsfirst import reads_first
from digest.summarise.shape import (
    QUOTE_SPAN,
    SECOND_PERSON,
    furniture,
    leans_back,
    not_news,
    quotes_heavily,
    unintroduced,
)

MAX_HAPPENED = 2  # the seed model tells the event in one sentence; a third is most often background


def news_first(event: list[Candidate], headline: str, above: str | None = None) -> list[Candidate]:
    """What happened's first sentence: the event sentence the news scorer rates half again above
    the first; else the first event sentence, unless it names no when and no how many (a colour
    opener: "Nobody here ever liked the sea") and a sentence just after it in the same report does
    and is closer to the headline, and reads under it and ``above`` (the standfirst): news names its day or its count."""
    if len(event) > 1 and (best := max(event, key=lambda c: c.news)).news > 1.5 * event[0].news:
        return [best]
    if not event or NEWSY.search(event[0].sentence.text):
        return event[:1]
    first = event[0]
    later = next((c for c in event[1:] if c.sentence.entry == first.sentence.entry and c.sentence.position <= 2
                  and NEWSY.search(c.sentence.text)), None)
    # (one that leans on the opener it would replace cannot open in its place, "The annual forum, proposed by ...",
    # unless a standfirst worded otherwise, shown above, tells what it leans on: "The letter - signed by Apple, ..."
    # under "... penned a letter ... that demands"; one the opener repeats word for word goes unshown with it)
    above = above if above and above != first.sentence.text else ""
    if later and overlap(later.sentence.text, headline) > overlap(first.sentence.text, headline) \
            and reads_first(later.sentence.text, f"{headline} {above}"):
        return [later]
    return event[:1]


def colour_openers(candidates: list[Candidate], lead: list[Candidate]) -> list[Candidate]:
    """The narration before the lead in its report that the news scorer rates below the lead: a
    colour opener or a caption, never the dek and no bar to the lead moving up as the dek."""
    if not lead or lead[0].sentence.position == 0:
        return []
    first = lead[0]
    return [c for c in candidates if c.sentence.entry == first.sentence.entry and c.statement is None
            and c.sentence.position < first.sentence.position and c.news < first.news]


_NOW = re.compile(r"^Now,? (?!that\b|is\b|it\b)")


def tells_now(text: str) -> bool:
    """True for a sentence that opens on "Now" and states an event ("Now Adam Kramer ... has posted ...")."""
    return bool(_NOW.match(text)) and states_event_firmly(text)


def now_follow_up(lead: list[Candidate], events: list[Candidate]) -> list[Candidate]:
    """The sentence after a one-sentence lead when it opens on "Now" and states an event ("Now
    Adam Kramer ... has posted an explanation"): the lead set the scene, this is the news, and
    What happened needs both. Empty otherwise."""
    if len(lead) != 1 or lead[0].sentence.position != 0:
        return []
    entry = lead[0].sentence.entry
    after = next((c for c in events if c.sentence.entry == entry and c.sentence.position == 1), None)
    if after is None or not tells_now(after.sentence.text):
        return []
    return [after]


_RESTRICTIVE_TEXT = r"\s(?:that|which|who)\s(?:could|might|may|will|would|can)\b"
_RELATIVE = re.compile(rf"{_RESTRICTIVE_TEXT}|,\s(?:which|who)\b")
_RESTRICTIVE = re.compile(_RESTRICTIVE_TEXT)


def _states_event(c: Candidate, *, strict: bool = True, hedges: frozenset[str] = frozenset()) -> bool:
    """True when a sentence can stand alone as a statement of the event.

    ``strict`` also keeps out colour, speculation, predictions, background and sentences
    addressed to the reader; a page written wholly that way is read without it. A lead's hedge
    that the reports' titles share (``hedges``: "Obama May Cancel Moscow Trip" over "President
    Obama may cancel a scheduled trip ...") is the news, not speculation.
    """
    text = c.sentence.text
    narration = QUOTE_SPAN.sub(" ", text)
    if c.sentence.position <= _SURE_WITHIN:
        # An opening sentence's hedge or prediction inside a relative clause ("... an object that
        # could act as a dust trap", "... terms that will bind its users", "... a new compound from
        # the sea that may become an antibiotic") qualifies a thing, not the event.
        # (after the lead, only a clause with no comma before it: "Velmora Steel, which employs 4,000
        # people, could shut the plant" hedges its main verb)
        narration = (_RELATIVE if c.sentence.position == 0 else _RESTRICTIVE).split(narration, maxsplit=1)[0]
    if c.sentence.position == 0 and hedges:
        narration = re.sub(rf"\b(?:{'|'.join(map(re.escape, sorted(hedges)))})\b",
                           lambda m: m.group(0).split()[-1], narration, flags=re.IGNORECASE)
    # Words of someone unnamed ("a spokesman said") are no event, except a lead's own reported
    # speech: "The former head of the CIA said he is aware of evidence ..." is the news.
    unnamed = c.statement is not None and c.statement.speaker[:1].islower()
    if unnamed and (c.sentence.position > 0 or c.statement is not None and c.statement.direct) or furniture(text):
        return False
    # (a lead's relative clause dates the thing it names, not the news: "... Avandia, which was all but banned nearly
    # two years ago ...")
    if strict and (c.sentence.position > 0 and unintroduced(text)
                   or long_before(narration if c.sentence.position == 0 else text, lead=c.sentence.position == 0)):
        return False
    # A report's opening sentence the scorer is sure states the news, crediting its hedge or its
    # "will" to a source ("A U.S. official says Kerry will fly to the West Bank ...", "... a finding
    # published Wednesday in Science may help explain ...") is news, not a prediction stated as fact.
    # Uncredited, only its hedge ("In perhaps their biggest game ...", "... when a spacewalking
    # astronaut could have drowned") is not held against it: a prediction still is.
    sure = c.sentence.position <= _SURE_WITHIN and c.news >= _SURE and not SECOND_PERSON.search(narration)
    credited = sure and bool(_CREDITED.search(narration))
    return (8 <= word_count(c) <= 55 and not quotes_heavily(text) and not leans_back(text)
            and not text.endswith("?") and not (strict and not credited and (
                not_news(narration, hedges=not sure) or sure and _MODAL.search(_SUBORDINATE.split(narration, 1)[0]))))


_SURE = 0.75  # the scorer's probability above which an opening sentence's hedge or "will" is the news's own
_SURE_WITHIN = 2  # ... within a report's first three sentences
# A modal on the main verb ("Lund may cancel ...") hedges the event itself; one in a clause after
# "when", "as", "that" ... ("when a ship could have struck ...") does not.
_MODAL = re.compile(r"\b(?:may|might|could)\s+(?:not\s+)?[a-z]+")
_SUBORDINATE = re.compile(r"\b(?:when|while|after|before|as|because|if|that|which|who|where|since|although|though|"
                          r"until|so)\b")
_CREDITED = re.compile(r"\b(?:said|says|say|told|according to|announced|reported|reports|published|found|finds|"
                       r"shows?|showed|suggests?|suggested)\b")


_HEDGE = re.compile(r"\b(?:may|might|could) [a-z]{3,}\b", re.IGNORECASE)


def title_hedges(titles: Sequence[str]) -> frozenset[str]:
    """The hedges the reports' titles carry with their verb ("may cancel"): the news is that
    something may happen, when the lead says so in the same words."""
    return frozenset(m.group(0).lower() for t in titles for m in _HEDGE.finditer(t))


def pick_happened(candidates: list[Candidate], *, hedges: frozenset[str] = frozenset()) -> list[Candidate]:
    """Return one to three central, lead-biased, quote-free sentences stating the event, in source order.

    Plain event sentences outrank reported speech ("Obama admitted that ...") past a report's
    lead, which states the event however it is worded; direct quotes are out (a sentence opening
    on a bare surname, "Ruiz, who ...", is shown with the name in full: ``in_full``). When nothing
    qualifies, the most central sentence still gives the reader the story.
    """
    pool = [c for c in candidates if _states_event(c, hedges=hedges)]
    if not pool:
        pool = [c for c in candidates if _states_event(c, strict=False)]
    if not pool:
        return sorted([c for c in candidates if not furniture(c.sentence.text)], key=lambda c: -c.centrality)[:1]
    pool = newest_timing(pool)
    plain = any(c.statement is None for c in pool)
    if plain:  # reported speech is Who said what's when plain event sentences exist, except a
        # lead: "X announced Tuesday that ..." opening a report is the event, told as news tells it;
        # so is reported speech in the opening the news scorer is sure of, after a colour opener
        # ("SpaceX's first manned flight ... has been postponed until 2018, NASA announced on Monday.")
        pool = [c for c in pool if c.statement is None or c.sentence.position == 0 or _reported_news(c)]
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


def _reported_news(c: Candidate) -> bool:
    """True for reported speech (no direct quote) in a report's opening that the news scorer is sure
    states the news, told by a body: the event as its source announced it ("NASA announced on Monday"),
    not a person's comment on it ("... manager Tom Ardell said on Saturday that his side had been robbed")."""
    return (c.statement is not None and not c.statement.direct and c.sentence.position <= _SURE_WITHIN
            and c.news >= _SURE and (not person_like(c.statement.speaker.split(",")[0])
                                     or is_group(c.sentence.text.split()[0])))  # "Researchers at the security firm ..."


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
    return near_duplicate(DAYS.sub(" ", a.sentence.text), DAYS.sub(" ", b.sentence.text), limit=0.5)


DAYS = re.compile(r"\b(?:today|tonight|tomorrow|yesterday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
                   re.IGNORECASE)


# Framing that reports a consequence or someone's reading of the event, not the event itself.
_SECONDHAND = re.compile(
    r"\baccording to\b|\b(?:cast|casts|casting) (?:doubt|a shadow)\b|\braises? (?:questions|doubts|fears)\b|"
    r"\bthreaten(?:s|ed)?\b|\bin the wake of\b|\bfallout\b|\b(?:face|faces|facing) (?:higher|bigger|new)\b",
    re.IGNORECASE,
)


def _event_value(c: Candidate, *, plain: bool) -> float:
    """How likely it states the news (``Candidate.news``: position, title, centrality ...), a
    little more for the first outlet to report it.

    Reported speech weighs less when plain event sentences exist, and so do consequences and
    attributed readings ("has cast doubt on ..., according to two investors").
    """
    value = c.news + 0.2 / (1 + c.order)
    text = QUOTE_SPAN.sub(" ", c.sentence.text)
    if c.sentence.position == 0:  # a lead's "according to a new report" credits its news, it is no reading of it
        text = re.sub(r"\baccording to\b", " ", text, flags=re.IGNORECASE)
    if _SECONDHAND.search(text):
        value *= 0.7
    return value * 0.6 if plain and c.statement is not None and c.sentence.position > 0 else value


# (a hyphenated given name is one word: "Hans-Thomas Janka", never "Thomas Janka")
_NAME_PART = r"[A-Z][a-z’']+(?:-[A-Za-z][a-z’']+)*"
_PERSON_RUN = re.compile(rf"(?<![\w’'-]){_NAME_PART}(?: [A-Z]\.| {_NAME_PART})* {_NAME_PART}(?![\w’'-])")
_SURNAME_OPENER = re.compile(r"^(?:Mr\.|Mrs\.|Ms\.|Dr\.)?\s*([A-Z][a-z’'-]+)(?=,|\s+[a-z])")


def _surnames(candidates: list[Candidate]) -> set[str]:
    """Surnames of the people the story names in full ("Ana Ruiz" gives "Ruiz")."""
    runs = (m.group(0) for c in candidates for m in _PERSON_RUN.finditer(c.sentence.text))
    return {run.split()[-1] for run in runs if person_like(run)}


_CAPITALISED = re.compile(r"\b[A-Z][a-z’'-]+\b")
_NAME_WORD = re.compile(r"^[A-Z](?:[a-z’'-]+|\.)$")  # a first name or an initial, right before the surname


def speaker_surnames(candidates: list[Candidate]) -> set[str]:
    """The surnames of the story's named speakers whom it also names in full somewhere."""
    return _surnames(candidates) & _speaker_surnames(candidates)


def unintroduced_surname(c: Candidate, shown: list[Candidate], surnames: set[str]) -> bool:
    """True when a sentence names a speaker by surname alone (", Hoenig said"; ``surnames``:
    ``speaker_surnames``) whom neither it nor the sentences shown before it name in full: What
    happened would leave the reader asking who."""
    text = c.sentence.text
    full = {run.split()[-1] for s in [c, *shown] for run in _PERSON_RUN.findall(s.sentence.text)}
    for match in _CAPITALISED.finditer(text):
        word = match.group(0)
        before = text[:match.start()].split()
        if word in surnames and word not in full and not (before and _NAME_WORD.match(before[-1])):
            return True
    return False


def _speaker_surnames(candidates: list[Candidate]) -> set[str]:
    """The last word of every named speaker's name ("Thomas M. Hoenig, president of ..." gives "Hoenig")."""
    names = (c.statement.speaker.split(",")[0].split() for c in candidates if c.statement is not None)
    return {words[-1] for words in names if words}


def full_names(candidates: list[Candidate]) -> dict[str, str]:
    """Each surname the story names in full, with the name as first given ("Rudd" gives
    "Australian Prime Minister Kevin Rudd"), without a sentence opener ("But ...")."""
    names: dict[str, str] = {}
    given: dict[str, set[str]] = {}  # surname -> the given names it comes with
    for c in sorted(candidates, key=lambda c: (c.sentence.entry, c.sentence.position)):
        for match in _PERSON_RUN.finditer(QUOTE_SPAN.sub(" ", c.sentence.text)):
            words = match.group(0).split()
            while words and words[0] in NOT_NAMES:
                words = words[1:]
            run = " ".join(words)
            if len(words) >= 2 and person_like(run):
                names.setdefault(words[-1], run)
                first = words[-2] if not is_title(words[-2]) and not re.fullmatch(r"[A-Z]\.?", words[-2]) else ""
                given.setdefault(words[-1], set()).update({first} if first else set())
    # Two people of one surname ("Tom Hale" cleared, "Ana Hale" convicted): "Hale" names neither for sure
    return {surname: name for surname, name in names.items() if len(given[surname]) <= 1}


def in_full(text: str, names: dict[str, str]) -> str:
    """``text`` with an opening bare surname ("Rudd and O'Neill signed ...", "Mr. Snowden fled ...")
    given as the story first named them, when the sentence does not name them in full itself."""
    match = _SURNAME_OPENER.match(text)
    if match is None:
        return text
    # "Grant's husband, a police corporal, was badly injured ...": the possessive's owner, in full
    owner = re.sub(r"['’]s$", "", match.group(1))
    if owner != match.group(1) and owner in names and names[owner] not in text:
        return f"{names[owner]}{text[match.start(1) + len(owner):]}"  # (a title before it goes: "Mr. Grant's")
    if match.group(1) not in names or names[match.group(1)] in text:
        return text
    return named_in_full(text, names[match.group(1)])



