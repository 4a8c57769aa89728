"""Does a sentence state the event: someone named doing something, told as news.

What happened must state the event: an actor named, an event verb, and nothing that makes the
sentence background, colour, a side item or a bare statistic (the editors' main complaint). A
lead is read by its main clause (what it reports others saying is theirs); a later sentence must
state the event firmly. Pure; split from shape.py, which tells a sentence's shape.
"""

from __future__ import annotations

import functools
import re

from digest.summarise.shape import (
    IRREGULAR,
    MONTHS,
    QUOTE_SPAN,
    SECOND_PERSON,
    leans_back,
    not_news,
    quotes_heavily,
)

__all__ = ["analysis_lede", "colour_side_or_figures", "lead_states_event", "main_clause", "names_actor", "states_event_firmly"]

_NOT_ACTOR = re.compile(rf"^(?:I|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|{MONTHS})$")
# Bodies named by a common noun still act: "Police arrested ...", "Lawmakers voted ...".
_BODY = re.compile(r"\b(?:(?:a|an|the|new|latest) (?:[\w-]+ )?(?:study|survey|report|poll|analysis|trial)|"
                   r"police|officials|authorities|lawmakers|legislators|voters|troops|soldiers|rebels|"
                   r"protesters|firefighters|prosecutors|investigators|regulators|judges?|jurors|councill?ors|residents|"
                   r"senators|ministers|leaders|delegates|officers|workers|unions?|rescuers|scientists|the (?:court|jury|"
                   r"government|council|board|company|firm|army|military|senate|house|parliament|cabinet|ministry|"
                   r"agency|department|committee|commission|party|bank|airline|city|state|county|club|team))\b",
                   re.IGNORECASE)
_EVENT_VERB = re.compile(rf"\b(?:[a-z]{{2,}}ed|{IRREGULAR}|(?:has|have|had) (?:been )?[a-z]+|"
                         r"(?:is|are|was|were) (?:being )?[a-z]+(?:ed|en|ing)|will [a-z]+|"
                         r"(?:is|are|was|were|has|have|had)\b(?! (?:a|an|the|one|also|known|often|widely|long|been)\b)|"
                         # a plural subject's verb: "New views from NASA's telescope show ...", "leaders plan to ..."
                         r"(?<!\bto )(?<=[a-z] )(?:show|reveal|suggest|plan|find|warn|agree|vote|face|urge|demand|seek|unveil|"
                         r"launch|confirm|say)\b)")
_BACKDATED = re.compile(
    rf"\blast (?:{MONTHS}|spring|summer|autumn|fall|winter|decade)\b|\bsince (?:19|20)\d\d\b|"
    r"\bfor (?:(?:a number of|several|many|some) )?(?:years|decades|months|generations)\b|"
    r"\b(?:months|years|decades) ago\b|(?<!from )(?<!than )(?<!over )\b(?:[Aa]|[Oo]ne|[Tt]wo|[Tt]hree|\d+) (?:year|month)s? ago\b|"
    r"\b(?:earlier this|last) year\b|"
    r"\bpreviously\b|\bprevious (?:studies|research|work|years|seasons)\b|\bhad already\b|"
    r"\blast (?:month|season|year)['’]?s?\b|"
    r"\b(?:has|have|had) long (?:been|had|sought|held|argued|fought|resisted|wanted)\b|"
    r"\b(?:has|have|had) (?:repeatedly|often|frequently|consistently|always)\b|"
    r"^(?:After|Before)\b[^,]*\b(?:months|years|decades)\b|^(?:Previously|Formerly|Once|Originally)\b|"
    rf"\bin (?:{MONTHS}) (?:19|20)\d\d\b|"
    r"\bonce (?:[a-z]+ed|stood|was|were|had|served|worked|lived|ran|led|held)\b|\bin the (?:early|late|mid-?) ?(?:1[89]|20)\d\ds\b|"
    r"^(?:In|Over) (?:recent|the past|past) (?:times|years|decades|months)\b|\bover the (?:years|decades)\b|^Historically\b|"
    r"\bsince (?:its|their|his|her) (?:inception|founding|creation|launch|birth)\b|\banniversary of\b"
)
# What dates a sentence to well before the news, even in a lead: "shocked the world earlier this
# year by announcing ...", "first warned Congress in 1988". The news is what came of it since.
_COLOUR = re.compile(r"\b(?:apparently|arguably|ironically|remarkabl[ey]|by any measure|famously|surprisingly|"
                     r"not too|to be sure|of course|"
                     # what tends to be, not what happened ("Israel and Middle East policy have a tendency of surfacing
                     # in presidential politics in rather combustible ways."), and a flourish after the event ("..., but
                     # not before an old-fashioned, Catholic school knuckle-rapping."; rounds 71 and 75)
                     r"ha(?:ve|s) a (?:tendency|habit|way) (?:of|to)|tends? to|(?:is|are) no strangers? to|"
                     r"but not before (?:an?|the|some)\s)\b", re.IGNORECASE)
# The writer's own voice or an aside: "My favorite is ...", "Nonetheless, ...", "Thankfully, ...".
_ASIDE = re.compile(r"\b(?:I(?!/)|[Mm]y|[Ww]e|[Oo]ur(?! (?:Milky Way|galaxy|planet|solar system|[Ss]un|universe|"
                    r"bodies|body|brains?|species|ancestors)\b)|me|us)\b|^(?:Nonetheless|Nevertheless|In practice|Thankfully|Sadly|"
                    r"Luckily|Happily|Unfortunately|Fortunately|Interestingly|Curiously|Oddly|Ahh?|Oh|Alas|Well)\b|"
                    r"\bif only\b|\bby (?:contrast|comparison)\b|\bnot worth\b")
_SIDE = re.compile(r"^(?:Only|Just|Also|Plus|Other|Among other)\b|\bcash only\b", re.IGNORECASE)
_FIGURE = re.compile(r"\d[\d,.]*\s*(?:%|percent|per cent)?")
_STATISTIC_OPENER = re.compile(r"^(?:(?:About|Some|Nearly|Almost|More than|Fewer than|Less than|Over|Around|Roughly|"
                               r"Just) )?\d")


# What was decided or done, as the subject: "The approved plan sets aside 40 million crowns ...".
_THING_DONE = re.compile(r"^The (?:[a-z]+ )?(?:plan|bill|law|deal|measure|budget|agreement|ruling|verdict|order|"
                         r"policy|rule|treaty|contract|scheme|project|proposal|package|settlement|sanctions|ban|"
                         r"tax|fine|sentence|attack|blast|strike|crash|fire|storm|quake|earthquake|shooting)\b")


# A name owning the subject acts through it: "Portugal's ruling coalition defeated ...".
_OWNER = re.compile(r"^(?!(?:Today|Tonight|Yesterday|Tomorrow|This|That|Last|Next|Its|Her|His|Their|Our|Your|Who|It|"
                    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)['’]s\b)[A-Z][\w.-]*['’]s [a-z]")


# One capitalised word acting ("Google reported ...", "Mansour pledged ..."): a name, unless it is
# a word any sentence may open on ("Nobody liked ...", "Many fled ...").
_NAME_ACTS = re.compile(
    rf"^(?!(?:The|A|An|It|He|She|They|We|I|You|This|That|These|Those|There|Here|Nobody|Everyone|Everybody|"
    rf"Someone|Somebody|Something|Nothing|Everything|Anyone|Few|Many|Most|Some|All|None|Each|One|Neither|Either|"
    rf"Both|Others?|What|Who|Which|When|Then|Now|Once|Still|Yet|Soon|Later|Earlier|Recently|Finally|Eventually|"
    rf"Suddenly|Again|Only|Just|Also|Even|Never|Always|Often|Sometimes|Lately|Together|Instead|Next|Last)\b)"
    rf"[A-Z][a-z][\w’'-]* (?:(?:has|have|had) )?(?:[a-z]{{2,}}ed|{IRREGULAR.split('|(?:')[0]})\b")


def names_actor(text: str) -> bool:
    """True when a sentence names who acts: a proper name after its first word, a run of
    capitalised words opening it, one name acting ("Google reported ..."), a body named by a
    common noun ("police") or what was done ("The approved plan ...")."""
    words = re.findall(r"[A-Za-z][\w’'-]*", QUOTE_SPAN.sub(" ", text))
    named = any(w[:1].isupper() and not _NOT_ACTOR.match(w) for w in words[1:]) or bool(_OWNER.match(text))
    opening = len(words) > 1 and words[0][:1].isupper() and words[1][:1].isupper()
    return named or opening or bool(_NAME_ACTS.match(text) or _BODY.search(text) or _THING_DONE.match(text))


# Clauses that are not a lead's own telling: what someone said or thinks ("that ...", ", saying
# ..."), relative clauses (", who ...", "... who could ...") and asides between dashes; each runs to the next comma.
_REPORTED_CLAUSE = re.compile(r",\s*(?:saying|claiming|arguing|warning|who|which|while)\b[^,;]*|"
                              r"\b(?P<verb>said|says|saying|announced|claimed|claiming|argued|arguing|warned|warning|"
                              r"insisted|told|telling|believes?|thinks?|declared|declaring)\b[^,;]*?\bthat\b[^,;]*|"
                              # a clause with its own modal telling of a person after the main verb: "jumped into the
                              # race ..., offering himself as the more conservative alternative who could pull the House
                              # rightward" (main_clause keeps one before the main verb: "A boy who can barely swim rescued ...")
                              r"\swho\s(?:could|might|may|will|would|can)\b[^,;]*|"
                              r"\s[-–—]{1,2}\s[^-–—]*?\s[-–—]{1,2}\s")


def main_clause(narration: str) -> str:
    """A lead's narration without what it reports others saying (its speech verb stays: "warned
    that ..." keeps "warned"), its relative clauses and asides."""
    def cut(m: re.Match[str]) -> str:
        # a "who could ..." clause before the main verb is the subject's own ("A boy who can barely swim rescued ...")
        if m.group(0).startswith((" who", "\u00a0who")) and not _EVENT_VERB.search(narration, 0, m.start()):
            return m.group(0)
        return f" {m.group('verb') or ''} "
    return _REPORTED_CLAUSE.sub(cut, narration)


def lead_states_event(text: str) -> bool:
    """True when a report's lead states its event: someone named doing something in its main
    clause. A prediction or hedge in what follows ("broke with Obama, saying the centre should be
    built elsewhere") is the speaker's, not the reporter's, and does not make it speculation."""
    narration = QUOTE_SPAN.sub(" ", text)
    head = QUOTE_SPAN.sub(" ", main_clause(text))  # a comma inside a quotation still ends its clause
    if text.endswith("?") or quotes_heavily(text, most=12) or leans_back(text) or not_news(head):
        return False
    if SECOND_PERSON.search(narration) or any(p.search(narration) for p in (_COLOUR, _ASIDE, _SIDE)):
        return False
    return names_actor(text) and bool(_EVENT_VERB.search(head))


@functools.lru_cache(maxsize=8192)  # pure; the scorer and the block pickers ask about the same sentences
def states_event_firmly(text: str) -> bool:
    """True when a sentence states the event: who did what, with an event verb, and is neither
    background ("last October", "for years"), colour, a side item, a bare statistic, hedged,
    predicting without a date, a question, mostly quotation nor leaning on an earlier sentence."""
    narration = QUOTE_SPAN.sub(" ", text)
    if text.endswith("?") or quotes_heavily(text) or leans_back(text) or not_news(narration):
        return False
    if _BACKDATED.search(narration) or colour_side_or_figures(text):
        return False
    return names_actor(text) and bool(_EVENT_VERB.search(narration))


def colour_side_or_figures(text: str) -> bool:
    """True for colour ("apparently", "ironically"), the writer's aside ("Thankfully, ..."), a side item
    ("Only lunches were sold ...") or a bare statistic ("About 42 percent of voters backed ...")."""
    narration = QUOTE_SPAN.sub(" ", text)
    if any(p.search(narration) for p in (_COLOUR, _ASIDE, _SIDE)):
        return True
    return bool(_STATISTIC_OPENER.match(narration)) and len(_FIGURE.findall(narration)) >= 2


# An analysis lede: a row or a step as its subject, and what it shows as the verb ("The resurgent controversy over the
# administration's story-line on the Benghazi attack underscores State Department concerns about ..."): the writer's
# reading of the news, not the news (round 75's reviewers: "not the event").
_ANALYSIS_LEDE = re.compile(
    r"^(?:The|This|That|Its|His|Her|Their|A|An)\s+(?:[\w’'-]+\s+){0,3}?(?:controversy|debate|fight|row|dispute|episode|flap|"
    r"furou?r|uproar|saga|battle|showdown|feud|scandal|decision|move|spat|clash|fallout|turmoil|backlash)\b"
    # (the verb is the subject's own: no finite verb or relative clause before it; "The dispute over the faulty rail
    # signals was settled ..." has none)
    r"(?:(?!\b(?:was|were|is|are|has|have|had|that|which|who|when|after|broke|ended)\b)[^,;:])*?\b"
    r"(?:underscores?|underlines?|highlights?|illustrates?|signals?|reflects?|exposes?|shows|raises? (?:new |fresh )?questions)\b"
    r"(?!\s+(?:was|were|is|are|has|had|at|in|for|\w+ed)\b)")


# The writer's reading of what something stands for: "Secretary of State John Kerry's visit became a graphic
# illustration of the limits of Washington policy." (round 84's reviewers: "the outlet's analysis stated as fact")
_STANDS_FOR = re.compile(r"\b(?:became|becomes|become|has become|is|was|served as|serves as|stands as)\s+(?:a|an|the)\s+"
                         r"(?:[\w-]+\s+){0,2}?(?:illustration|reminder|example|symbol|sign|demonstration|testament|"
                         r"microcosm|emblem|parable|metaphor)\s+of\b")


def analysis_lede(text: str) -> bool:
    """True for a sentence whose subject is a row or a step and whose verb tells what it shows, or one that tells
    what something stands for ("... became a graphic illustration of the limits of ...")."""
    return bool(_ANALYSIS_LEDE.match(text) or _STANDS_FOR.search(text))
