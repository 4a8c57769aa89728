"""Block candidates: every sentence of the story's entries with what the pickers need to know.

Sentences are split per entry, statements found, and centrality scored story-wide; a sentence
reporting two speakers stands as one part per speaker, in its place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from digest.model import Entry
from digest.summarise.centrality import near_duplicate, textrank, tfidf
from digest.summarise.event import lead_states_event
from digest.summarise.jobs import JOB_WORD
from digest.summarise.names import named_in_full
from digest.summarise.quotes import Statement, find_statements
from digest.summarise.sentences import Sentence, sentences_of
from digest.summarise.shape import MONTHS, WEEKDAYS, tidy


@dataclass(frozen=True)
class Candidate:
    """A sentence with what the block pickers need to know about it."""

    sentence: Sentence  # where it came from
    outlet: str  # the entry's feed name
    centrality: float  # TextRank score, max 1
    statement: Statement | None  # set when the sentence is an attributed statement
    order: int = 0  # 0 for the earliest-published entry, 1 for the next, ...
    report: bool = True  # from a report (may state the event), not an opinion or explainer page
    news: float = 0.0  # how likely it states its page's news (digest/summarise/newsscore.py)


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


def build_candidates(entries: tuple[Entry, ...], *, reports: set[int] | None = None) -> list[Candidate]:
    """Split every entry into sentences, find statements, and score centrality story-wide.

    A candidate is marked ``report`` when its entry's id() is in ``reports`` (all, when None).
    """
    rows: list[tuple[Sentence, str, Statement | None]] = []
    roles: list[dict[str, str]] = []
    for index, entry in enumerate(entries):
        sentences = tidied(entry.text, entry=index)
        roles.append({})
        found = find_statements(sentences, roles=roles[-1])
        statements = {s.sentence: s for s in found}
        # A sentence reporting two speakers stands as one part per speaker, in its place.
        parts: dict[Sentence, list[Statement]] = {}
        for st in found:
            if st.origin is not None:
                parts.setdefault(st.origin, []).append(st)
        for s in sentences:
            pieces = parts.get(s)
            rows += [(p.sentence, entry.feed, p) for p in pieces] if pieces else [(s, entry.feed, statements.get(s))]
    rows = [(s, outlet, _with_story_role(st, roles) if st else st) for s, outlet, st in rows]
    ranks = textrank(tfidf([s.text for s, _, _ in rows]))
    by_time = sorted(range(len(entries)), key=lambda i: (entries[i].published is None, entries[i].published or 0, i))
    order = {index: rank for rank, index in enumerate(by_time)}
    is_report = [reports is None or id(e) in reports for e in entries]
    made = [Candidate(s, outlet, rank, st, order[s.entry], is_report[s.entry]) for (s, outlet, st), rank in zip(rows, ranks)]
    from digest.summarise.newsscore import scored  # it reads candidates: imported here, not at the top

    return scored(made, entries)


# A role that tells a moment or a deed of that report's story ("..., who was rescued ...", "..., caught off
# guard by the crowd") or only where the person was: not for another report's quote.
_MOMENT = re.compile(r",\s+(?:who|whose|[a-z]+(?:ed|ing)\b)")
_WHERE_ONLY = re.compile(r"\s(?:at|from|of)\s+(?:the\s+)?[A-Z][^,]*$")  # "Tom Hale at the ICU": where, not who


def _with_story_role(st: Statement, roles: list[dict[str, str]]) -> Statement:
    """A speaker shown by name alone, with the role another report of the story gives them ("Laura
    Ingraham" quoted by one outlet is "radio host Laura Ingraham" in another's)."""
    if st.speaker in roles[st.sentence.entry]:
        return st  # the entry names the role itself, or gives none to show in full
    given = [r[st.speaker] for i, r in enumerate(roles) if i != st.sentence.entry and r.get(st.speaker, st.speaker) != st.speaker
             and not _MOMENT.search(r[st.speaker]) and (JOB_WORD.search(r[st.speaker]) or not _WHERE_ONLY.search(r[st.speaker]))]
    # a name by its nickname ("Bibi Netanyahu") is the person another report names in full with a role ("Prime Minister
    # Benjamin Netanyahu of Israel"): the same surname, a given name it is the pet form of or the first letters of (round 79)
    given = given or [role for i, r in enumerate(roles) if i != st.sentence.entry for name, role in r.items()
                      if role != name and JOB_WORD.search(role) and _nicknamed(st.speaker, name)]
    return replace(st, speaker=given[0]) if given else st


def _nicknamed(short: str, full: str) -> bool:
    """True when ``short`` ("Bibi Netanyahu") is ``full``'s person ("Prime Minister Benjamin Netanyahu") by another form of
    the given name: a pet form the table knows, or its first three letters or more ("Chris" for "Christopher"); never a
    relative's other name ("Jill Biden" for "Joe Biden")."""
    mine, theirs = short.split(), full.split()
    return (len(mine) == 2 and len(theirs) >= 2 and mine[1] == theirs[-1] and mine[0] != theirs[-2]
            and mine[0][:1].isupper() and theirs[-2][1:].islower()
            and (NICKNAMES.get(mine[0]) == theirs[-2] or len(mine[0]) >= 3 and theirs[-2].startswith(mine[0])))


NICKNAMES = {"Bibi": "Benjamin", "Bill": "William", "Bob": "Robert", "Bobby": "Robert", "Mike": "Michael",
              "Jim": "James", "Jimmy": "James", "Joe": "Joseph", "Liz": "Elizabeth", "Ted": "Edward", "Dick": "Richard",
              "Tony": "Anthony", "Peggy": "Margaret", "Chuck": "Charles"}


def tidied(text: str, *, entry: int = 0) -> list[Sentence]:
    """The entry's sentences with credit prefixes stripped and shouted openers calmed (see ``tidy``), and the "But"
    that ties the report's news to a colour opener before it dropped ("But on Monday, 32-year-old admirer Gustav
    Lloyd Agerblad ... had a portrait of Tegnell's ... face inked on his arm.": the news, under a colour opener the
    brief leaves out; round 75). After a sentence that tells the event the "But" stays: it turns from the news told."""
    out: list[Sentence] = []
    for s in sentences_of(text, entry=entry):
        clean = tidy(s.text)
        if 0 < s.position <= _OPENING and (tie := _BUT_WHEN.match(clean)) and out \
                and not lead_states_event(out[-1].text):
            clean = clean[tie.end()].upper() + clean[tie.end() + 1:]
        out.append(s if clean == s.text else replace(s, text=clean))
    return out


_OPENING = 2  # a report's lead and the two sentences after it
# "But on Monday, ...", "But last night, ...", "But on March 26, ...", "But yesterday, ...", "But late on Monday, ...":
# the day the news came, after a scene set before it ("But on Monday's evidence, ..." is no day).
_BUT_WHEN = re.compile(rf"^But (?=(?:(?:late|early|earlier)\s+)?(?:(?:on|this|last|late|early|earlier) (?:{WEEKDAYS}|{MONTHS}|week|"
                       r"weekend|night|morning|afternoon|evening)\b(?!['’]s)[^,.]{0,12}|yesterday|today|tonight),\s)")


def shown_text(candidate: Candidate) -> str:
    """The text a candidate shows: a statement with its run-on quote, else the sentence."""
    st = candidate.statement
    return named_in_full(st.text, st.speaker) if st else candidate.sentence.text


def word_count(candidate: Candidate) -> int:
    return len(shown_text(candidate).split())


def lead_bias(sentence: Sentence) -> float:
    """Lead bias: news puts the event first."""
    return 1.0 / (1.0 + 0.35 * sentence.position)


def fresh(candidate: Candidate, chosen: list[Candidate], *, limit: float = 0.5) -> bool:
    """True when ``candidate`` says something the chosen sentences do not already say."""
    return not any(near_duplicate(candidate.sentence.text, c.sentence.text, limit=limit) for c in chosen)
