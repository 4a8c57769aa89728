"""The dek: one whole sentence under the headline, from the report's standfirst, its lead or
another report's lead; never cut, never colour, never a sentence a block already shows."""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable, Sequence

from digest.model import Entry
from digest.summarise.jobs import JOB_WORD
from digest.summarise.candidates import tidied
from digest.summarise.centrality import key_terms, overlap, words
from digest.summarise.sentences import (
    considered,
    is_chrome,
    split_sentences,
    strip_dateline,
)
from digest.summarise.event import lead_states_event, main_clause, states_event_firmly
from digest.summarise.shape import (
    QUOTE_SPAN,
    aside_or_background,
    furniture,
    leans_back,
    not_news,
    quotes_heavily,
    tidy,
    unintroduced,
)
from digest.summarise.tense import long_before

_ELLIPSIS = re.compile(r"(?:\.\.\.|…)\s*\S{0,12}$")
# A description cut at its start ("[...] with Oregon, Washington and Colorado ...", "... and then"),
# and markup a feed escaped twice ("&lt;br /&gt;" reaches us as "<br />"): never shown.
_CUT_FRONT = re.compile(r"^(?:\[(?:\.\.\.|…)\]|\.\.\.|…|[a-z]+[\s,;:])")
_UNSTOPPED_WORDS = 20
_MARKUP = re.compile(r"</?[a-zA-Z][^<>]{0,200}>")
# A description the site cut at a length, not at a sentence's end: it stops on a comma or dash,
# or on a word no sentence ends with ("... the murder of her mother,", "... sellers on the").
_CUT = re.compile(r"(?:[,;:\-–—(]|\b(?:the|a|an|of|to|and|or|but|from|with|for|in|on|at|by|as|that|his|her|its|their|"
                  r"is|was|are|were|has|have|had|will|would|who|which|when|after|before|than))\s*$", re.IGNORECASE)
_TIMING = re.compile(r"\b(?:today|tonight|tomorrow|yesterday|this (?:morning|afternoon|evening)|"
                     r"(?:on |last |next |this )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b",
                     re.IGNORECASE)


def pick_dek(entry: Entry | None, *, headline: str = "", shown: list[str] | tuple[str, ...] = (),
             others: Sequence[str] = (), own_leads: bool = True,
             stale: Callable[[str], bool] = lambda _: False) -> str | None:
    """Return one whole sentence stating the event under the headline, or None.

    The chosen report's standfirst (its feed description) when its first sentence states the
    event; else another report's lead (``others``) or its own lead, or with ``own_leads`` the
    first sentence of its lead paragraphs that does. Never a clause cut from a sentence, never
    one repeating the headline nearly word for word, never furniture, never a sentence a block
    already shows (``shown``), never a timing the blocks word differently, never a sentence
    ``stale`` rejects (a newer report words its day differently).
    """
    if entry is None:
        return None
    leads = [s.text for s in tidied(entry.text)[:_LEAD_SENTENCES if own_leads else 1]]
    # Another report's lead is judged as a lead (its main clause states the event); a sentence of
    # this one's lead must state the event outright.
    own = standfirst(entry)
    pool = ([own] if own else []) + [s for s in [*others, *leads[:1]] if lead_states_event(s) and not LOADED.search(s)] + [
        s for s in leads[1:] if states_event_firmly(s)]
    about = _about(entry)
    fit = [sentence for sentence in pool
           if _fits(sentence, entry, about, headline=headline, shown=shown, standfirst=sentence == own)
           and not stale(sentence)]
    if own and fit and fit[0] == own:
        return fit[0]
    if not fit:
        return None
    # A lead that states the news names its when or its how many; a colour opener ("Nobody here
    # ever liked the sea") names neither, and gives way to a later lead sentence that does and
    # is closer to the headline. Otherwise the lead stands: news puts the event first.
    later = next((s for s in fit[1:] if NEWSY.search(s)), None)
    if not NEWSY.search(fit[0]) and later and overlap(later, headline) > overlap(fit[0], headline):
        return later
    return fit[0]


def fits_dek(sentence: str, entry: Entry, *, headline: str, shown: Sequence[str] = ()) -> bool:
    """True when ``entry``'s lead sentence can be the dek over blocks showing ``shown``: it states the
    event in plain words, whole, on topic, more than the headline says, and on the blocks' day."""
    return (lead_states_event(sentence) and not LOADED.search(sentence)
            and _fits(sentence, entry, _about(entry), headline=headline, shown=shown))


def stands_as_dek(sentence: str, entry: Entry, *, headline: str, shown: Sequence[str] = ()) -> bool:
    """True when any sentence of ``entry`` (not only its lead) can stand as the dek over blocks showing
    ``shown``: whole, on topic, more than the headline says, on the blocks' day, leaning on nothing."""
    return _fits(sentence, entry, _about(entry), headline=headline, shown=shown)


def _about(entry: Entry) -> str:
    """What an entry is about, for telling a dek on topic: its title and its first sentences."""
    return " ".join([entry.title, *_opening(entry.text)[:3]])


@functools.lru_cache(maxsize=256)
def _opening(text: str) -> tuple[str, ...]:
    """The first sentences of an entry's text, tidied: split once however many deks are weighed."""
    return tuple(s.text for s in tidied(text)[:_TOLD_EARLY])


def _fits(sentence: str, entry: Entry, about: str, *, headline: str, shown: Sequence[str],
          standfirst: bool = False) -> bool:
    """True when ``sentence`` can stand as the dek: it states something on its own, is not long
    before the news, reads whole, adds to the headline, is on topic, is no sentence a block shows
    and names the blocks' day."""
    return (_stands(sentence, standfirst=standfirst)
            and not long_before(_without_participle(sentence) if standfirst else sentence)
            and _whole(sentence, entry.summary) and not _echoes(sentence, headline)
            and (_on_topic(sentence, about) or standfirst and _told_in(sentence, entry))
            and not any(overlap(sentence, s) >= 0.9 for s in shown)
            and _same_timing(sentence, shown, framed=standfirst and bool(_FRAMED.match(sentence))))


NEWSY = re.compile(r"\d|\b(?:today|tonight|yesterday|this (?:week|morning|afternoon|evening)|last (?:week|night)|"
                   r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|August|"
                   r"September|October|November|December)\b")


_LEAD_SENTENCES = 2  # the lead sentences a dek may come from when the standfirst cannot serve


# "Inc.", "U.S.", "Gov.": the splitter may have cut there; "Open.", "Bay.", "Iraq." end a sentence.
_ABBREVIATION_END = re.compile(r"\b(?:Inc|Co|Corp|Ltd|Jr|Sr|St|Mt|Ft|Mr|Mrs|Ms|Dr|Prof|Gov|Sen|Rep|Gen|Lt|Col|Capt|Sgt|"
                               r"Rev|No|Nos|Vol|Fig|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|vs|[A-Z])\.$")


# An outlet's loaded words ("Bombastic conservative talk show host ...", "on the political ropes"):
# under a neutral headline another outlet's plainer lead, or none, serves the reader better.
LOADED = re.compile(r"\b(?:bombastic|embattled|beleaguered|disgraced|firebrand|notorious|scandal-plagued|"
                     r"bombshell|stunning(?:ly)?|shocking(?:ly)?|furious(?:ly)?|slammed|blasted|ripped into|"
                     r"on the (?:political )?ropes|smell(?:s|ing)? (?:an opening|blood)|"
                     # the writer's verdict on a step ("In a bold and potentially historic attempt to ...", "ripped the roof off")
                     r"bold(?:ly)?(?:\s+and\s+[\w-]+(?:\s+[\w-]+)?)?\s+(?:attempt|move|bid|step|plan|effort|gamble|stroke)|"
                     r"(?:ripped|tore|blew|raised) the roof)\b", re.IGNORECASE)


def _on_topic(sentence: str, about: str) -> bool:
    """True when a dek tells of the article: a fifth of its words there, or a name it shares
    ("An inquest into Eloise Parry's death ..."); a site's boilerplate description has neither."""
    return overlap(sentence, about) >= 0.2 or bool(key_terms(sentence) & key_terms(about))


# A participle clause opening a standfirst ("Calling the return to school two months ago the litmus
# test, the ministry said yesterday ..."): its time is the background's, not the news's.
_PARTICIPLE_OPENER = re.compile(r"^(?!(?:During|Following|According|Including|Regarding|Concerning|Pending|Notwithstanding)\b)"
                                r"[A-Z][a-z]+ing\b[^,;:]{0,120},\s+(?=(?:the\s+)?[A-Z])")
# The main clause's own day: "... the ministry said yesterday ..."
_OWN_DAY = re.compile(r"\b(?:today|yesterday|tonight|this (?:morning|afternoon|evening)|(?:on |last )?(?:Mon|Tues|Wednes|Thurs|"
                      r"Fri|Satur|Sun)day)\b", re.IGNORECASE)


def _without_participle(sentence: str) -> str:
    """A standfirst without an opening participle clause when its main clause names its own day: the
    clause's time is the background's ("Calling the return to school two months ago the litmus test,
    the ministry said yesterday ..."); else whole ("Speaking two years ago, the minister promised ...")."""
    opener = _PARTICIPLE_OPENER.match(sentence)
    return sentence[opener.end():] if opener and _OWN_DAY.search(sentence[opener.end():]) else sentence


# A site's own description, the same on every page: "The latest news and headlines from ..."
_SITE_BLURB = re.compile(r"^(?:(?:Get|Read|See|Stay up to date with|All)\s+)?(?:the\s+)?(?:latest|breaking|top)\s+"
                         r"(?:news|headlines|stories|updates)\b", re.IGNORECASE)
_TOLD_EARLY = 6  # sentences: a standfirst that ties to no word of the title is told this early in the text


def _told_in(standfirst: str, entry: Entry) -> bool:
    """True when the article tells what its standfirst says: most of its words are in the text. A
    publisher's summary may word the news otherwise than the opening ("Penalties for those who
    refuse to self-isolate are to be increased to a maximum of £10,000 ..." over a lead on the
    quarantine list), but names someone or something of the text, or a number; a site's blurb is
    the same on every page and tells of none, and a line with no name ("The most powerful man in
    media warned ...", "Coal has been in a slow-motion death spiral") is a tease or background."""
    if _SITE_BLURB.match(standfirst) or overlap(standfirst, entry.text) < 0.6 or not key_terms(standfirst) & key_terms(entry.text):
        return False
    # ... and is the article's news, not a side item of its last paragraphs: it shares a word with the
    # title, or the text tells it early
    return overlap(standfirst, entry.title) > 0 or any(overlap(standfirst, s) >= 0.6 for s in _opening(entry.text))


def _whole(sentence: str, summary: str) -> bool:
    """True when a dek reads as a whole sentence: the whole standfirst, or ending like a sentence
    and not on an abbreviation ("Inc.", "U.S.": the splitter may have cut there)."""
    if " ".join(sentence.split()) == " ".join(summary.split()):
        return True
    return bool(re.search(r"[.!][\"'”’)]*$", sentence)) and not _ABBREVIATION_END.search(sentence)


def _echoes(sentence: str, headline: str) -> bool:
    """True when a dek says no more than the headline: its words all there, hardly any added."""
    mine, head = set(words(sentence)), set(words(headline))
    return bool(head) and overlap(sentence, headline) >= 0.8 and len(mine - head) <= 2


# A column's name opening its standfirst: "Heard on the Pitch: Trouble with lower back forces Murray to ...",
# "Letter from Velmora: ..." (a name joined by a small word; "Apple CEO Tim Cook: We will ..." is a speaker).
_COLUMN_LABEL = re.compile(r"^[A-Z][\w’'-]*\s+(?:on|of|from|for|at|in)\s+(?:the\s+)?[A-Z][\w’'-]*:\s+(?=[A-Z])")


def _without_column(text: str) -> str:
    """``text`` without a column's name opening it; a speaker's label ("Mayor of Velmora: We will ...")
    stays, so the words are never the outlet's own."""
    label = _COLUMN_LABEL.match(text)
    if label is None or JOB_WORD.search(label.group(0)) or re.match(r"(?:We|I|Our|My)\b", text[label.end():]):
        return text
    return text[label.end():]


def standfirst(entry: Entry | None) -> str | None:
    """The entry's standfirst as a dek would show it (first whole sentence, tidied), or None."""
    first = standfirst_of(entry.summary) if entry is not None else None
    if not first:
        return None
    # A short description may end without a stop, as a headline does; shown as a sentence it takes one
    # (editors named a dek without its full stop).
    shown = tidy(first)
    return shown if re.search(r"[.!?…][\"'”’)]*$", shown) else f"{shown}."


def standfirst_of(summary: str) -> str | None:
    """Return the first whole sentence of a standfirst, or None when there is none to show."""
    # Soft hyphens are invisible but break words; an entity left escaped twice ("&amp;nbsp;")
    # reaches us as the literal "&nbsp;", which a reader must never see.
    text = " ".join(_MARKUP.sub(" ", html.unescape(considered(summary))).replace("\u00ad", "").split())
    if not text or _ELLIPSIS.search(text.split(". ")[0] if ". " in text else text) or _CUT.search(text) \
            or _CUT_FRONT.match(text):
        return None  # a description cut off by the feed: its first sentence may be the cut one
    first = split_sentences(_without_column(strip_dateline(text)))[0] if text else ""
    if not 6 <= len(first.split()) <= 40 or first.endswith("?") or _ELLIPSIS.search(first) or first.count(";") >= 2:
        return None  # too short or long, a question, cut, or a list of headlines ("75 injured ...; Abbas calls ...; ...")
    # A whole description may end without a stop when it is short, as a headline does; a long one
    # that stops on a word ("... on the sale of emergency") was cut at a length.
    if first == text.strip() and len(first.split()) <= _UNSTOPPED_WORDS or re.search(r"[.!][\"'”’)]*$", first):
        return first if not is_chrome(first if re.search(r"[.!?]$", first) else first + ".") else None
    return None


def _stands(sentence: str, *, standfirst: bool = False) -> bool:
    """True for a dek that states something on its own: 8 to 55 words, no question, no
    opener leaning on an earlier sentence, no speculation or colour in its main clause, not mostly
    quotation (a quoted phrase or two is fine in a lead), no furniture, nothing unintroduced.

    A ``standfirst`` is the publisher's own summary: it may weigh what the news means ("could
    make it harder to ..."), which editors take as a dek; it still may not talk to the reader."""
    narration = QUOTE_SPAN.sub(" ", main_clause(sentence))
    # "This week's ICANN conference saw ...": a standfirst names its time, it points at nothing before.
    leans = leans_back(_THIS_TIME.sub("The ", sentence) if standfirst else sentence) and not (standfirst and _COMES_AS.match(sentence))
    speculates = aside_or_background(narration) if standfirst else not_news(narration)
    return (8 <= len(sentence.split()) <= 55
            and not (sentence.rstrip("”\"' ").endswith("?") or leans or speculates
                     or quotes_heavily(sentence, most=12) or furniture(sentence) or unintroduced(sentence)))


# What a step comes with: "as", "after", "amid", "ahead of", "despite", "in the wake of", "two days after" ...
_ALONGSIDE = (r"(?:as|after|amid|ahead of|before|despite|following|in the wake of|just|only|less than|"
              r"(?:a|an|one|two|three|four|several|\w+) (?:hour|day|week|month|year)s?|hours|days|weeks|months)\b")
# A publisher's dek on what its headline's news comes with ("The move comes as International Trade Secretary Liz Truss
# faces growing Parliamentary pressure ..."): written to stand under its own headline, the step it points at (round 75).
_COMES_AS = re.compile(r"^The (?:move|decision|announcement|letter|deal|plan|call|appeal|ruling|vote|step|news|changes?)"
                       r"(?:,[^,]{1,60},)?\s+(?:comes|came|come)\s+" + _ALONGSIDE)
# A standfirst framing its news by what it comes with ("Bloomberg's debate debut on Wednesday comes as he faces ...").
_FRAMED = re.compile(r"^[^,;:]{3,80}?\b(?:comes|came)\s+" + _ALONGSIDE)
# "This week's ICANN conference": a time, not a pointer back; "This week, he quit ..." still leans back.
_THIS_TIME = re.compile(r"^This (?:past )?(?:week|weekend|morning|afternoon|evening|year|month|season)['’]s\s+")


def timing_words(text: str) -> frozenset[str]:
    """The days a sentence puts its event on: "today", "tomorrow", "tuesday" ..."""
    return frozenset(m.group(0).lower().split()[-1] for m in _TIMING.finditer(text))


_SAME_THING = 0.3  # the share of words two sentences must have in common to tell the same thing


def _same_timing(sentence: str, shown: Sequence[str], *, framed: bool = False) -> bool:
    """False when the dek names a day or "today"/"tomorrow" and the blocks name another. A report's own standfirst
    ``framed`` by what its news comes with ("Bloomberg's debate debut on Wednesday comes as ...": round 75) tells the
    day of another step than the blocks may ("Tuesday, on Twitter, Trump pointed to ..."): it disagrees only with a
    sentence sharing its words ("launches today" under "launches tomorrow")."""
    mine = timing_words(sentence)
    theirs = frozenset().union(*(timing_words(s) for s in shown[:3] if not framed or overlap(sentence, s) >= _SAME_THING))
    return not (mine and theirs and not mine & theirs)
