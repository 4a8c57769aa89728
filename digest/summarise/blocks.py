"""The three blocks once the lead and the dek are chosen: What happened, Who said what, What next.

What next picks first (a sentence that clearly looks ahead belongs there), What happened opens on
the lead (told by several outlets, with at most one more sentence that states the event), Who
said what takes the statements left, and the word budget trims the lowest-value items. Each item
is given as shown: surnames in full, a quote without a pronoun's wrapper, a plan named for its speaker.
"""

from __future__ import annotations

import re

from digest.model import Entry, Quote, RankedStory
from digest.summarise.budget import fit_budget
from digest.summarise.candidates import Candidate, fresh
from digest.summarise.credits import uncredited as _uncredited
from digest.summarise.event import states_event_firmly
from digest.summarise.gender import can_be, gender_of, given_name
from digest.summarise.shape import QUOTE_SPAN
from digest.summarise.happened import (full_names, in_full, now_follow_up, pick_happened, speaker_surnames,
                                      unintroduced_surname)
from digest.summarise.names import named_in_full, person_like, person_of
from digest.summarise.nextsteps import pick_next
from digest.summarise.sentences import Sentence
from digest.summarise.tense import dated_before, earlier_year, narrates_past, narration_of
from digest.summarise.voices import pick_said

Blocks = tuple[tuple[str, ...], tuple[Quote, ...], tuple[str, ...]]

# The news score a sentence after What happened's first needs, unless it beats the first's: below
# it, editors' labels call most such sentences a detail or background (bench/news_eval.py's pages:
# 5 of 24 were news).
_SECOND_NEWS = 0.2


def pick_blocks(ranked: RankedStory, reports: tuple[Entry, ...], candidates: list[Candidate], *, budget: int,
                lead: list[Candidate], dek: str | None = None, years: dict[int, int] | None = None) -> Blocks:
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
    seen = " ".join([*(e.title for e in reports), dek or "", *(c.sentence.text for c in top)])
    # (never what a report dates in a year before its own: "The list of briefings begins on May 12, 2009, ...")
    ahead = pick_next([c for c in events if not dated_before(c.sentence.text, (years or {}).get(c.sentence.entry))],
                      used=event | {c.sentence for c in events if c.sentence.position == 0}, shown=top, about=about, seen=seen)
    used = {c.sentence for c in ahead}
    # Told by one report, What happened is its lead alone (with the "Now ..." sentence that makes
    # it news), as the seed tells the event: a second sentence was most often a detail, colour or
    # background (editor round 16, a blind A/B: 6 briefs better with one sentence, 1 worse; with
    # several outlets another's lead may add to it, and there one brief was worse).
    happened = list(top) if len(reports) == 1 and top else _with_second(events, top, used, ahead, years or {})
    used |= {c.sentence for c in happened}
    # The same fact told twice reads as padding, whichever blocks it lands in.
    said = pick_said([c for c in candidates if fresh(c, [*happened, *ahead])], used=used,
                     outlets=len(ranked.story.outlets), context=candidates, titles=[e.title for e in reports],
                     bodies=[e.text for e in reports])
    happened, said, ahead = fit_budget(happened, said, ahead, budget=budget, keep=len(top))
    # A surname the dek, just above, names is plain; others are given as the story first named them.
    names = {surname: name for surname, name in full_names(events).items() if surname not in (dek or "")}
    # What next gives a name in full only when no block above does ("Janka cautioned ..." under a brief
    # that never named astrophysicist Hans-Thomas Janka); else it is shown as its source has it.
    above = " ".join([*(c.sentence.text for c in happened), *(c.statement.speaker + " " + c.sentence.text
                                                              for c in said if c.statement)])
    unnamed = {surname: name for surname, name in names.items() if name not in above}
    return (tuple(in_full(c.sentence.text, names) for c in happened), tuple(_quote(c) for c in said),
            tuple(in_full(_next_text(c, unnamed), unnamed) for c in ahead))


# A surname standing alone: not after a given name, an initial or a title ("Tim Cook", "T. Cook", "Mr. Cook"), nor
# before another capitalised word ("Cook County"); a possessive is kept ("Cook's").
_TITLED = re.compile(r"(?:[A-Z][a-z’'-]+|[A-Z]\.|Mr|Mrs|Ms|Dr)\.?\s+$")


# "the Koch oil billionaires", "shares of Ford", "homes in Jackson": a family, a firm, a place
_ATTRIBUTIVE = re.compile(r"\b(?i:the|a|an|this|that|these|those|his|her|their|its|of|in|at|near|from|to)\s+$")


def introduced(happened: tuple[str, ...], events: list[Candidate], above: str) -> tuple[str, ...]:
    """The dek and What happened as shown (``happened``, in reading order), each bare surname of a person the story
    names in full given in full where the brief first names them ("... suggested Tim Cook be named ..."), unless
    ``above`` (the headline) or an earlier sentence names them. Shown last: no choice of block or dek reads the names
    it adds."""
    story = " ".join(c.sentence.text for c in events)
    # a surname the story also gives with a title ("President Biden") may be another person than the one it names in
    # full ("Jill Biden"): left as the source has it
    names = {surname: name for surname, name in full_names(events).items()
             if not re.search(rf"\b(?:President|Mr|Mrs|Ms|Sen|Gov|Rep|Dr|Judge|Prime Minister)\.?\s+{re.escape(surname)}\b", story)}
    told: list[str] = [above]
    shown: list[str] = []
    for text in happened:
        shown.append(surname_in_full(text, names, " ".join(told)))
        told.append(shown[-1])
    return tuple(shown)


# A surname naming a family, a firm or a government before the noun it qualifies ("Biden administration lawyers")
_MODIFIED = (r"(?:administration|campaign|family|foundation|brothers|sisters|company|era|camp|team|government|presidency|"
             r"estate|dynasty|household|doctrine|years|supporters|voters|allies|aides|shares|stock|plant|dealers?|pickup|cars?)\b")


def surname_in_full(text: str, names: dict[str, str], above: str) -> str:
    """``text`` with the first bare surname of a person the story names in full (``names``: surname -> name) given
    in full, when neither ``above`` (what the reader has read) nor ``text`` names them so: "The company said Jobs
    ... suggested Cook be named" under no "Tim Cook" reads "... suggested Tim Cook be named". Outside quotations."""
    for surname, name in names.items():
        words = name.split()
        # the person from the given name on: "Super Value Debra Symonette", "Australian Prime Minister Kevin Rudd"
        first = max((i for i, w in enumerate(words[:-1]) if given_name(w)), default=-1)
        person = " ".join(words[first:]) if first >= 0 else ""
        if not person or name in text or person in text \
                or person in above or name in above or re.search(rf"\b{re.escape(surname)}\b", above):
            continue  # (a person by a given name the lists know: "Instead Stephen", "With Cal" are no one's)
        quoted = [m.span() for m in QUOTE_SPAN.finditer(text)]
        for match in re.finditer(rf"(?<![\w’'-]){re.escape(surname)}(?![\w-]|\s+[A-Z]|\s+{_MODIFIED})", text):
            # ("in Washington", "the Biden plan" name no one; "a portrait of Tegnell's face" names the person: a
            # possessive after a preposition is someone's, round 98's reviewer: "Tegnell is never given a first name")
            owned = _POSSESSIVE.match(text, match.end()) is not None and _PREPOSITION.search(text, 0, match.start()) \
                and not _PLACE_OF.search(text, 0, match.start())  # "the city of Jackson's mayor" is a place's
            if _TITLED.search(text, 0, match.start()) or _ATTRIBUTIVE.search(text, 0, match.start()) and not owned \
                    or any(a <= match.start() < b for a, b in quoted):
                continue
            text = f"{text[:match.start()]}{person}{text[match.end():]}"
            break
    return text


_POSSESSIVE = re.compile(r"['’]s\b")
_PREPOSITION = re.compile(r"\b(?i:of|from|to|at|near|in)\s+$")
_PLACE_OF = re.compile(r"\b(?i:city|town|state|county|village|province|district|region|port|island|people|residents|"
                       r"mayor|governor|university|streets|suburbs|outskirts|center|centre|downtown)\s+(?:of|in|from)\s+$")


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
                    and narrates_past(narration_of(c.sentence.text)) and not unintroduced_surname(c, top, surnames)
                    and (c.news >= _SECOND_NEWS or c.news > max((t.news for t in top), default=0.0)))]


def _next_text(c: Candidate, unnamed: dict[str, str] | None = None) -> str:
    """A next step as shown: a reported plan opening on a bare surname names the speaker in full, and
    one closing on "..., he said." names the speaker there ("... will fail again, Youssef Sidhom said."),
    as does one crediting "Mr. Williams" whom no block above names in full (``unnamed``: surname -> name)."""
    if c.statement is None:
        return c.sentence.text
    text = named_in_full(c.sentence.text, c.statement.speaker)
    unnamed = unnamed or {}
    titled = _TITLED_SAID.search(text)
    full = unnamed.get(titled.group("surname"), "") if titled else ""
    # (only the statement's own speaker, whose given name the title does not contradict: "Mr. Hale" is not "Ana Hale")
    if titled and full and full in c.statement.speaker and full not in text \
            and (titled.group("title") == "Dr" or can_be("he" if titled.group("title") == "Mr" else "she", gender_of(full))):
        text = f"{text[:titled.start('who')]}{full}{text[titled.end('who'):]}"
    closing = _PRONOUN_SAID.search(text)
    name = c.statement.speaker.split(",")[0].strip()
    person = person_of(name)
    if closing and person_like(person) and name.split()[-1] not in text[:closing.start()]:
        return f"{text[:closing.start()]}, {person} {closing.group('verb')}{closing.group('end')}"
    return text


# "..., Mr. Williams said, describing it as ...": a credit by title and surname alone
_TITLED_SAID = re.compile(r",\s+(?P<who>(?P<title>Mr|Ms|Mrs|Dr)\.?\s+(?P<surname>[A-Z][\w’'-]+))\s+(?:said|says|added|warned|predicted)\b")
_PRONOUN_SAID = re.compile(r",\s+(?:he|she)\s+(?P<verb>said|says|added|warned|predicted)(?P<end>[.!]?[”\"’']?)$")


def _quote(c: Candidate) -> Quote:
    assert c.statement is not None
    speaker = c.statement.speaker
    # A label opens like a line of its own: "lead author Dr. Sarah Kemble" is shown "Lead author ..."
    label = speaker[:1].upper() + speaker[1:] if speaker[:1].islower() else speaker
    return Quote(speaker=label, text=named_in_full(_uncredited(_unwrapped(c.statement.text), speaker), speaker), source=c.outlet)


# "He added, “...”": the speaker is shown beside the quote, and "added" to nothing shown dangles.
_WRAPPER = re.compile(r"^(?:He|She|They|It) (?:added|continued|went on|said|says|wrote|writes|told reporters)"
                      r"(?: (?:last night|yesterday|today|this week|on (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day))?"
                      r"[,:]\s*(?=[“\"‘'])")


def _unwrapped(text: str) -> str:
    """The quotation alone when the sentence is only a pronoun's wrapper around it."""
    rest = _WRAPPER.sub("", text, count=1)
    whole = rest != text and re.fullmatch(r"“[^“”]+”|\"[^\"]+\"|‘[^‘’]+’|'[^']+'", rest.strip())
    return rest.strip() if whole else text
