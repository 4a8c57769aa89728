"""The shape of a sentence: does it stand alone, quote heavily, or report something other than news?

Shared by the block pickers and the dek: a sentence leaning on the one before ("But he ..."),
one mostly in quotation marks, one addressed to the reader, hedged, predicting or giving
background is not a statement of the event.
"""

from __future__ import annotations

import re

# Openers that lean on something said before: shown alone they leave the reader guessing.
DANGLING = re.compile(
    r"^[\"“‘']?(?:He|She|It|They|This|That|These|Those|His|Her|Its|Their|Them|But|And|Or|Yet|So|"
    r"However|Still|Also|Meanwhile|Instead|Then|Such|Both|Another|Others?|Later|Even|Though|"
    r"Although|Besides|Moreover|Furthermore|Nor|Neither|Likewise|Similarly|Here|There|"
    r"\w+ (?:decades?|years?|months?|weeks?|days?|hours?|minutes?) (?:later|earlier)|(?:No|Yes|Well|Oh|Sure|Look)(?=,)|"
    r"In (?:addition|response|turn|contrast|fact)|As a result|"
    r"In (?:all|both|each|either|neither) (?:\w+ )?(?:of (?:the|these|those) )?(?:cases?|instances?)\b|Despite (?:this|that)|"
    r"The (?:move|decision|announcement|change|comments?|remarks?|deal|plan|measure|report|"
    r"statement|development|incident|news|latest|same|(?:former|latter)(?=,| (?:said|says|is|was|has|had|told|added|wrote))|"
    r"(?:two|three|pair|group)(?! [a-z]+ (?:that|who|which|whose|of|from|behind|accused|charged)\b)|"
    r"case|issue|problem|answer|question|idea|study|survey|poll|previous|aforementioned|ad|video|photo|cover|"
    r"congressman|congresswoman|senator|lawmaker|spokesman|spokeswoman)\b)\b"
)
# "In a statement, he said ...": the subject is someone named in an earlier sentence.
_PRONOUN_SUBJECT = re.compile(r"^(?:[^,“\"]{0,60},\s*){1,2}(?:he|she|they|it)\s")


# "It was announced Thursday that ...": an empty "it", pointing at nothing before.
_EMPTY_IT = re.compile(r"^It (?:was|has been|is) (?:\w+ )?(?:announced|reported|confirmed|revealed|understood|"
                       r"believed|expected|thought|feared|claimed|alleged)\b(?:\s+\w+){0,3}\s+that\b")


def leans_back(text: str) -> bool:
    """True when a sentence leans on an earlier one: a dangling opener or a pronoun subject."""
    return bool(DANGLING.match(text) and not _EMPTY_IT.match(text) or _PRONOUN_SUBJECT.match(text))


QUOTE_SPAN = re.compile(r"“[^“”]*”|\"[^\"]*\"|‘[^‘’]*’(?!\w)")


SECOND_PERSON = re.compile(r"\b(?:you|your|yours|yourself)\b|\b(?:don['’]t|do not) (?:expect|forget|worry|miss|bet)\b",
                            re.IGNORECASE)


def quotes_heavily(text: str, *, most: int = 6) -> bool:
    """True when a sentence is mostly direct quotation (a quoted title or phrase is fine): an
    unclosed quote, ``most`` quoted words or more, or two words in five quoted."""
    quoted = sum(len(m.group(0).split()) for m in QUOTE_SPAN.finditer(text))
    open_mark = text.count('"') % 2 == 1 or text.count("“") != text.count("”")
    return open_mark or quoted >= most or quoted >= 0.4 * len(text.split())


# Colour, speculation and predictions: "A warm duvet might not always lead to better rest."
_HEDGED = re.compile(r"\b(?:might|may|probably|perhaps|maybe|could|should)\b", re.IGNORECASE)
_PREDICTS = re.compile(r"\b(?:will|won['’]t|would|(?:is|are) going to|(?:sure|bound|likely|expected|certain) to)\b", re.IGNORECASE)
# A date or day makes "will" a scheduled step ("will launch on December 15"), not a prediction.
_DATED = re.compile(
    r"\b(?:today|tonight|tomorrow|this (?:morning|afternoon|evening|week)|(?:on |next |this )?(?:Monday|Tuesday|"
    r"Wednesday|Thursday|Friday|Saturday|Sunday)|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2})\b",
    re.IGNORECASE,
)
# Background: what happened years ago, or what has long been so.
_BACKGROUND = re.compile(
    r"^(?:In|By|Since|Back in|As of) (?:the )?(?:(?:early|late|mid-?)\s*)?(?:19|20)\d\ds?\b|^(?:Years|Decades|Months) ago\b|"
    r"^(?:For (?:years|decades|centuries)|Historically|Traditionally|Ever since|Long before|Until (?:recently|now)|"
    r"In recent (?:years|decades|months)|Over the (?:past|last) (?:few |several )?(?:years|decades))\b|"
    r"^(?:Like|Unlike) (?:many|most|other|some|all|his|her|their|its|the|a|an)\b|"
    r"^(?:After|Before|When|Since|Until)\b[^,]{0,80}\bin (?:19|20)\d\d\b"
)


def aside_or_background(narration: str) -> bool:
    """True for a sentence addressed to the reader or telling background (not_news without its
    hedge and prediction tests: a publisher's standfirst may weigh what the news means)."""
    return bool(SECOND_PERSON.search(narration) or _BACKGROUND.match(narration))


def not_news(narration: str) -> bool:
    """True for a sentence that does not report the event: addressed to the reader, hedged or
    predicting (unless it happens today), or background."""
    if SECOND_PERSON.search(narration) or _BACKGROUND.match(narration) or _HEDGED.search(narration):
        return True
    return bool(_PREDICTS.search(narration)) and not _DATED.search(narration)


# Page furniture a news sentence never is: labels ("Next steps:"), side items ("In the meantime,"),
# bullets, file-photo captions, citation-marked figures ("[3]"), paywall and affiliate notices.
_FURNITURE = re.compile(
    r"^(?:[•·▪●■►▶✓*]|[-–—]\s)|^\([^()]*\)[.!?]?$|^(?:FILE(?: PHOTO)?\s*[-–—:]|Pictured\s*:|Photos?\s*:|Caption\s*:|"
    r"(?:Next steps|Key points|Background|Editor['’]s note|Note|Game notes?|Quick hits|Why it matters)\s*:|"
    r"In the meantime\b|Elsewhere\b|Separately\b|On another (?:note|front)\b)|\[\d{1,3}\]|"
    r"\((?:Photo|Image|Picture|Credit)s?\b|:\s*\d{1,2}\.$|\b(?:please )?subscribe\b|\bto continue reading\b|"
    r"\bwe may earn (?:a|an) (?:commission|affiliate)|\badvertising policy\b|\baffiliate links?\b|"
    # an address to visit or write to: a call to action, not news ("register at www.example.org")
    r"\bhttps?://|\bwww\.[\w-]+\.|\b[\w.+-]+@[\w-]+\.[\w.]+\b",
    re.IGNORECASE,
)
# A sentence describing a picture: "..., watched by his father, carves a design at their home."
_CAPTION = re.compile(r"\b(?:watched by|looks on|look on|pose[sd]? (?:for|with)|(?:is|are) (?:pictured|seen) "
                      r"(?:here|at|in|with|during|outside)|gestures (?:to|as|during)|(?:left|right|centre|center)\)|"
                      r"\((?:left|right|centre|center|top|above|below)\b)")
# A list item or a label: "Illinois: passed two laws", "Rhode Island: It is ...".
_LABELLED = re.compile(r"^(?:[A-Z][\w.'’-]*\s?){1,3}:\s")
# A caption ending in the photographer's credit: "... after the vote. Tor Lind/Velmora Post"
_CREDIT_TAIL = re.compile(r"[.!?]\s+(?:[A-Z][\w.'’-]+\s){1,3}?[A-Z][\w.'’-]+\s?/\s?[A-Z][\w.'’ -]{1,40}$")
# "this amendment", "these loggers": a thing the reader was told about in an earlier sentence.
_UNINTRODUCED = re.compile(
    r"\b(?:this|these|(?<!\bto )(?<!\bfor )those) (?![a-z]+ing\b|(?:who|whose|which|that|with|in|on|at|of|affected)\b)"
    r"(?!(?:week|year|month|morning|afternoon|evening|weekend|season|time|summer|winter|"
    r"spring|autumn|fall|century|decade|is|was|are|were|will|would|could|can|may|might|has|have|had|and|or|"
    r"comes?|came|means?|meant)\b)[a-z]{3,}\b"
)


def furniture(text: str) -> bool:
    """True for a sentence that is page furniture, not prose: a label, a side item, a bullet,
    a caption, a cited statistic, a paywall or affiliate notice, or a word cut by a drop cap."""
    return bool(_FURNITURE.search(text) or _LABELLED.match(text) or _CREDIT_TAIL.search(text) or
                 _CAPTION.search(text) or text[:1].islower() or _verbless_caption(text)
                 or text.rstrip().endswith(":"))  # it introduces words shown elsewhere, or nowhere


# A photo caption is a noun and an "-ing" with no finite verb: "The Tridents' footballers training
# ahead of a match against Dominica."
_ING_AFTER_NOUN = re.compile(r"^(?:The |A |An )?(?:[A-Z][\w’'.-]*\s+){1,5}(?:[a-z][\w’'-]*\s+){0,2}[a-z]+ing\b")
_FINITE = re.compile(r"\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|must|shall|should|"
                     r"do|does|did|said|says|[a-z]{3,}ed)\b")


def _verbless_caption(text: str) -> bool:
    head = QUOTE_SPAN.sub(" ", text)
    return (len(head.split()) <= 25 and bool(_ING_AFTER_NOUN.match(head)) and not _FINITE.search(head)
            and not re.search(rf"\b(?:{_IRREGULAR})\b", head))


def unintroduced(text: str) -> bool:
    """True when a sentence points back at something it does not name ("this amendment"), or
    opens on someone named before ("The Pennsylvania official was just talking about ...")."""
    return bool(_UNINTRODUCED.search(QUOTE_SPAN.sub(" ", text)) or _DEFINITE_ROLE.match(text))


# "The official ...", "The Pennsylvania official ...": a person the article named in an earlier sentence.
_DEFINITE_ROLE = re.compile(
    r"^The (?:[A-Z][\w’'-]+ )?(?:official|spokes(?:man|woman|person)|officer|minister|senator|lawmaker|congressman|"
    r"congresswoman|governor|mayor|chairman|chairwoman|lawyer|attorney|judge|victim|suspect|driver|teen|teenager|"
    r"boy|girl|man|woman|couple|pair|two|three|four|five)\b"
    # "The two companies that make ...": introduced right there
    r"(?! [a-z]+ (?:that|who|which|whose|of|from|behind|accused|charged)\b)"
    # "The man accused of ...", "The woman charged with ...": introduced right there
    r"(?! (?:of|who|whose|from|at|in|for|accused|charged|suspected|convicted|arrested|wanted|killed|found|named|"
    r"believed|known|behind|identified)\b)"
)


# Credit and dateline prefixes: "Kaieteur News –", "KVELLER via JTA —", "Velmora Gazette —".
_CREDIT_PREFIX = re.compile(
    r"^(?:(?:[A-Z][\w.'’&-]*\s){0,3}(?:News|Times|Post|Gazette|Herald|Wire|Press|Daily|Journal|Tribune|Star|Mail|"
    r"Online|TV|Radio|Agency|Observer|Chronicle|Guardian)|[A-Z][A-Z.'’&-]+(?:\s[A-Z][A-Z.'’&-]+){0,3}|"
    r"(?:[A-Z][\w.'’&-]*\s){0,3}[A-Z][\w.'’&-]*\svia\s[A-Z][\w.'’&-]*(?:\s[A-Z][\w.'’&-]*){0,2})\s*[–—]\s*(?=[A-Z“\"])"
)
# Capitals a lede shouts in ("TWO men were arrested"): words, not acronyms.
_SHOUTED = frozenset(
    """ONE TWO THREE FOUR FIVE SIX SEVEN EIGHT NINE TEN ELEVEN TWELVE TWENTY HUNDREDS THOUSANDS DOZENS
    THE AN AND IN ON AT AFTER WHEN AS FOR IT POLICE OFFICIALS MORE A""".split()
)
_SHOUTED_OPENER = re.compile(r"^([A-Z]+(?: [A-Z]+){0,3})(?=( |-)[a-z])")


# An academic in-text citation ("... the year (Copernicus Climate Change Service, 2023).") is for a
# paper's reader, not a brief's.
_CITATION = re.compile(r"\s\((?:[A-Z][\w’'.&-]*(?:\s+(?:[A-Z][\w’'.&-]*|of|for|and|the|et al\.))*),\s(?:19|20)\d\d[a-z]?\)")


# A shouted kicker before the sentence's own capitalised start: "GAMES CONSOLE SHIFTER Microsoft has ...".
_KICKER = re.compile(r"^(?:[A-Z]{4,}[’']?[A-Z]*\s+){2,5}(?=[A-Z][a-z])")


def tidy(text: str) -> str:
    """Return a sentence without a credit prefix, a shouted kicker or an in-text citation, and with
    a shouted opening calmed ("TWO men" -> "Two men")."""
    text = _CITATION.sub("", _KICKER.sub("", _CREDIT_PREFIX.sub("", text, count=1), count=1))
    match = _SHOUTED_OPENER.match(text)
    # A word joined to a lower-case one ("A HIGH-powered team") is a shouted word, not an acronym.
    joined = match is not None and match.group(2) == "-" and len(match.group(1).split()[-1]) >= 4
    if match and all(w in _SHOUTED or (joined and i == len(match.group(1).split()) - 1)
                     for i, w in enumerate(match.group(1).split())):
        words = match.group(1).lower()
        text = words[:1].upper() + words[1:] + text[match.end():]
    return text


# What happened must state the event: an actor named, an event verb, and nothing that makes the
# sentence background, colour, a side item or a bare statistic (the editors' main complaint).
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_NOT_ACTOR = re.compile(rf"^(?:I|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|{MONTHS})$")
# Bodies named by a common noun still act: "Police arrested ...", "Lawmakers voted ...".
_BODY = re.compile(r"\b(?:(?:a|an|the|new|latest) (?:[\w-]+ )?(?:study|survey|report|poll|analysis|trial)|"
                   r"police|officials|authorities|lawmakers|legislators|voters|troops|soldiers|rebels|"
                   r"protesters|firefighters|prosecutors|investigators|regulators|judges?|jurors|councill?ors|residents|"
                   r"senators|ministers|leaders|delegates|officers|workers|unions?|rescuers|scientists|the (?:court|jury|"
                   r"government|council|board|company|firm|army|military|senate|house|parliament|cabinet|ministry|"
                   r"agency|department|committee|commission|party|bank|airline|city|state|county|club|team))\b",
                   re.IGNORECASE)
_IRREGULAR = ("overcame|overran|won|lost|made|took|gave|fell|rose|struck|hit|shot|led|told|ran|set|put|cut|built|brought|became|"
              "began|left|met|held|found|sold|bought|sent|spent|paid|fled|fought|threw|wrote|chose|broke|"
              "stole|sank|swore|forbade|overtook|withdrew|undertook|beat|bit|tore|woke|sought|caught|taught|kept|"
              "came|went|got|saw|spoke|stood|drew|grew|knew|flew|drove|rode|hid|lay|stuck|swept|dealt|meant|felt|"
              "heard|lit|read|shut|split|spread|quit|let|cast|cost|hurt|burst|froze|did|sat|wore|won|"
              "(?:say|tell|admit|den[iy]|insist|claim|argue|defend|vow|pledge|promise|threaten|back|slam|blast|rip|"
              "attack|criticize|praise|endorse|accuse|blame|demand|ask|offer|propose|introduce|release|report|"
              "reveal|confirm|die|resign|quit|leave|join|return|apologize|decline|refuse|rule|find|show|hit|take|"
              "make|give|get|hold|meet|visit|move|head|unveil|expand|cut|raise|lower|drop|fall|rise|jump|surge|"
              "plunge|lose|spend|pay|buy|sell|file|settle|announce|plan|win|face|call|warn|urge|launch|seek|sue|"
              "agree|approve|reject|open|close|name|kill|arrest|charge|order|sign|vote|pass|ban|block|follow|"
              "mark|push|pull|tie|target|unleash|step|stand|end|start|begin|set|put|run|lead|fight|strike|"
              "send|suspend|fire|hire|sack|oust|elect|choose|pick|win|force|halt|stop|delay|postpone)e?s")
_EVENT_VERB = re.compile(rf"\b(?:[a-z]{{2,}}ed|{_IRREGULAR}|(?:has|have|had) (?:been )?[a-z]+|"
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
                     r"not too|to be sure|of course)\b", re.IGNORECASE)
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
    rf"[A-Z][a-z][\w’'-]* (?:(?:has|have|had) )?(?:[a-z]{{2,}}ed|{_IRREGULAR.split('|(?:')[0]})\b")


def names_actor(text: str) -> bool:
    """True when a sentence names who acts: a proper name after its first word, a run of
    capitalised words opening it, one name acting ("Google reported ..."), a body named by a
    common noun ("police") or what was done ("The approved plan ...")."""
    words = re.findall(r"[A-Za-z][\w’'-]*", QUOTE_SPAN.sub(" ", text))
    named = any(w[:1].isupper() and not _NOT_ACTOR.match(w) for w in words[1:]) or bool(_OWNER.match(text))
    opening = len(words) > 1 and words[0][:1].isupper() and words[1][:1].isupper()
    return named or opening or bool(_NAME_ACTS.match(text) or _BODY.search(text) or _THING_DONE.match(text))


# Clauses that are not a lead's own telling: what someone said or thinks ("that ...", ", saying
# ..."), relative clauses (", who ...") and asides between dashes; each runs to the next comma.
_REPORTED_CLAUSE = re.compile(r",\s*(?:saying|claiming|arguing|warning|who|which|while)\b[^,;]*|"
                              r"\b(?P<verb>said|says|saying|announced|claimed|claiming|argued|arguing|warned|warning|"
                              r"insisted|told|telling|believes?|thinks?|declared|declaring)\b[^,;]*?\bthat\b[^,;]*|"
                              r"\s[-–—]{1,2}\s[^-–—]*?\s[-–—]{1,2}\s")


def main_clause(narration: str) -> str:
    """A lead's narration without what it reports others saying (its speech verb stays: "warned
    that ..." keeps "warned"), its relative clauses and asides."""
    return _REPORTED_CLAUSE.sub(lambda m: f" {m.group('verb') or ''} ", narration)


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


def states_event_firmly(text: str) -> bool:
    """True when a sentence states the event: who did what, with an event verb, and is neither
    background ("last October", "for years"), colour, a side item, a bare statistic, hedged,
    predicting without a date, a question, mostly quotation nor leaning on an earlier sentence."""
    narration = QUOTE_SPAN.sub(" ", text)
    if text.endswith("?") or quotes_heavily(text) or leans_back(text) or not_news(narration):
        return False
    if any(p.search(narration) for p in (_BACKDATED, _COLOUR, _ASIDE, _SIDE)):
        return False
    if _STATISTIC_OPENER.match(narration) and len(_FIGURE.findall(narration)) >= 2:
        return False
    return names_actor(text) and bool(_EVENT_VERB.search(narration))
