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
    r"Although|Besides|Moreover|Furthermore|Nor|Neither|Likewise|Similarly|Here|"
    # "There, the team ...": a place named before; "There is no end in sight ..." points at nothing (a
    # narrated "There was a time ..." is a colour opener all the same)
    r"There(?! (?:is|are)\b)|"
    r"\w+ (?:decades?|years?|months?|weeks?|days?|hours?|minutes?) (?:later|earlier)|(?:No|Yes|Well|Oh|Sure|Look)(?=,)|"
    r"Now,? (?:he|she|it|they)\b|At the same time(?! (?:as|that|last|next)\b)\b|"
    r"(?:The|This|That) (?:admission|revelation|disclosure)(?! (?:of|to|that|by)\b)|"
    r"In (?:addition|response|turn|contrast|fact|comparison|exchange|return)|By comparison|As a result|"
    r"In (?:all|both|each|either|neither) (?:\w+ )?(?:of (?:the|these|those) )?(?:cases?|instances?)\b|Despite (?:this|that)|"
    r"The (?:move|decision|announcement|change|comments?|remarks?|deal|plan|measure|report|"
    r"statement|development|incident|news|latest|same|(?:former|latter)(?=,| (?:said|says|is|was|has|had|told|added|wrote))|"
    r"(?:two|three|pair|group)(?! [a-z]+ (?:that|who|which|whose|of|from|behind|accused|charged)\b)|"
    r"case|issue|problem|answer|question|idea|study|survey|poll|previous|aforementioned|ad|video|photo|cover|"
    r"congressman|congresswoman|senator|lawmaker|spokesman|spokeswoman|"
    # "The official said ...": someone an earlier sentence named ("The official death toll" is no one)
    r"(?:officials?|sources?)(?=,| (?:said|says|say|told|tells|added|declined|spoke|asked)\b))\b)\b"
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


# A quoted title: every word capitalised but the small ones, no closing punctuation inside but a comma ("“Homicide:
# Life on the Street”", "“Brooklyn Nine-Nine”"): a name, not someone's words.
_TITLE_SPAN = re.compile(r"[“\"‘](?:[A-Z0-9][\w’'&.:-]*|(?:of|the|a|an|and|on|in|at|to|for|with|from|by|or)(?=\s))"
                         r"(?:\s+(?:[A-Z0-9][\w’'&.:-]*(?<![.])|(?:of|the|a|an|and|on|in|at|to|for|with|from|by|or)))*,?[”\"’]")


def quotes_heavily(text: str, *, most: int = 6, every_span: bool = False) -> bool:
    """True when a sentence is mostly direct quotation (a quoted title or phrase is fine): an
    unclosed quote, ``most`` quoted words or more, or two words in five quoted. ``every_span``
    counts titles and phrases too (as the news scorer's weights were fitted)."""
    spans = [m.group(0) for m in QUOTE_SPAN.finditer(text)
             if every_span or not _TITLE_SPAN.fullmatch(m.group(0)) or m.group(0).upper() == m.group(0)]  # a placard shouts
    quoted = sum(len(span.split()) for span in spans)
    # A phrase quoted inside the writer's sentence ('says a report highlighting the “alarming rise of
    # mass casualised labour” in higher education') is the writer's narration with a source's words in it.
    spoken = sum(len(span.split()) for span in spans if every_span or not _PHRASE_SPAN.fullmatch(span))
    open_mark = text.count('"') % 2 == 1 or text.count("“") != text.count("”")
    return open_mark or spoken >= most or quoted >= 0.4 * len(text.split())


# (a phrase in the first or second person is someone speaking: "“we will not be silenced”")
_PHRASE_SPAN = re.compile(r"[“\"‘](?![^”\"’]*\b(?:I|me|my|we|us|our|you|your)\b)[a-z][^.,!?;:]*[”\"’]")


# Colour, speculation and predictions: "A warm duvet might not always lead to better rest."
# ("May 14", "in May", "Theresa May": the month or the name, capitalised mid-sentence, never the hedge)
_HEDGED = re.compile(r"\b(?:might|probably|perhaps|maybe|could|should)\b|(?-i:\bmay\b|^May\b(?!\s+\d))", re.IGNORECASE)
_PREDICTS = re.compile(r"\b(?:will|won['’]t|would|(?:is|are) going to|(?:sure|bound|likely|expected|certain) to)\b", re.IGNORECASE)
# What a thing is about, asked or told ("long-sought answers about how the corridor will work", "questions over
# whether the law would apply"): the question's own "will", up to it and no further, is no prediction of the sentence's
# ("Talks on how to share the water will resume next month" still predicts: review 78).
_ASKED_ABOUT = re.compile(r"(?<=\w )(?:about|over|on|of)\s+(?:how|whether|what|when|where|why|who)\s+(?!to\b)"
                          r"(?:(?!(?:and|but|or|as|while|so|because)\b)[\w’'-]+\s+){0,4}?(?:will|would|won['’]t)\b",
                          re.IGNORECASE)
# A date or day makes "will" a scheduled step ("will launch on December 15"), not a prediction.
DATED = re.compile(
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


# "Now former swimming greats like Jon Sieben says ...": a group's reaction, in the writer's words.
_GROUP_SAYS = re.compile(r"\b[a-z]+s\s+like\s+(?:[A-Z][\w’'.-]*\s+){1,4}(?:says|said|say|told|tells)\b")


# The writer speaking for themself ("if I'm in the middle of editing ...", "we enjoy watching TV
# ... on the TV"): a column's or a blog's voice, not the news.
_WRITER = re.compile(r"\b(?:my|me)\b|\b[Ww]e (?:enjoy|love|like|think|feel|hope)\b")
# "I" speaking ("I was", "I'm"); after a capitalised word it is a numeral ("World War I was",
# "Queen Elizabeth I had"), which _speaks_as_writer checks.
_WRITER_I = re.compile(r"\bI(?:['’](?:m|ve|d|ll)\b|\s+(?:am|was|have|had|think|thought|do|did|don['’]t|will|would|can|"
                       r"could|love|like|feel|believe|know|went|got|saw)\b)")


def _speaks_as_writer(narration: str) -> bool:
    """True when the narration says "I" as its writer, not a numeral after a name."""
    for match in _WRITER_I.finditer(narration):
        before = narration[: match.start()].split()
        if not before or not before[-1][:1].isupper():
            return True
    return False


def not_news(narration: str, *, hedges: bool = True) -> bool:
    """True for a sentence that does not report the event: addressed to the reader, hedged or
    predicting (unless it happens today), or background. ``hedges=False``: a hedge word alone
    ("In perhaps their biggest game ...", "... when an astronaut could have drowned") does not count."""
    if SECOND_PERSON.search(narration) or _BACKGROUND.match(narration) or hedges and _HEDGED.search(narration):
        return True
    if _GROUP_SAYS.search(narration) or _WRITER.search(narration) or _speaks_as_writer(narration):
        return True
    return bool(_PREDICTS.search(_ASKED_ABOUT.sub(" ", narration))) and not DATED.search(narration)


# Page furniture a news sentence never is: labels ("Next steps:"), side items ("In the meantime,"),
# bullets, file-photo captions, citation-marked figures ("[3]"), paywall and affiliate notices.
_FURNITURE = re.compile(
    r"^(?:[•·▪●■►▶✓*]|[-–—]\s|\[\s)|^\([^()]*\)[.!?]?$|^(?:FILE(?: PHOTO)?\s*[-–—:]|Pictured\s*:|Photos?\s*:|Caption\s*:|"
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
                      r"\((?:left|right|centre|center|top|above|below)\b|"
                      # "NASA's Solar Dynamics Observatory captured this image of the X1.2 class solar flare ...",
                      # "In this photo taken on May 3, ...": a caption of a picture the text does not carry
                      r"\b(?:captured|took|shows?|shown in|seen in|[Ii]n) this (?:image|photo|photograph|picture|handout)\b|"
                      r"^(?:The|This) (?:image|photo|photograph|picture) (?:shows?|depicts|was taken)\b)")
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
    # "To expand its efforts to achieve that vision, Box has launched ...": "that" pointing back at a
    # plan or aim told before (after a verb or preposition: "said that plan ..." may be a clause)
    r"|\b(?:achieve|achieving|pursue|pursuing|reali[sz]e|realizing|realising|fulfil|fulfill|fulfilling|reach|reaching|"
    r"of|for|with|behind|under) that (?P<aim>vision|goal|mission|aim|plan|idea|promise|ambition|effort|strategy|"
    r"approach|dream|project|proposal|policy)\b"
    # "Donald Trump has said that more than once.": "that" is what the sentence before said
    r"|\b(?:said|done|heard|seen|written|argued|made) that (?:before|again|more than once|many times|often|too)\b"
)


def furniture(text: str) -> bool:
    """True for a sentence that is page furniture, not prose: a label, a side item, a bullet,
    a caption, a cited statistic, a paywall or affiliate notice, a word cut by a drop cap, or a
    teaser for another story cut off with an ellipsis."""
    return bool(_FURNITURE.search(text) or _LABELLED.match(text) or _CREDIT_TAIL.search(text) or
                 _CAPTION.search(text) or text[:1].islower() and not _BRAND.match(text) or _verbless_caption(text)
                 or text.rstrip().endswith(":")  # it introduces words shown elsewhere, or nowhere
                 or _TEASER.search(text) is not None)


# A name spelt with a lower-case first letter ("iOS 13's third beta ...", "eBay said ..."), not a word cut by a drop cap.
_BRAND = re.compile(r"(?:i(?:OS|Phone|Pad|Pod|Tunes|Mac|Cloud|Message|Player)|eBay|eBooks?|eSports|"
                    r"(?:mac|watch|tv|vision|iPad)OS)\b")


# A teaser cut off by the page ("New clinical trials were halted after the ministry adopted rules
# that require..."): a link to another story, not a sentence of this one. A quotation trailing off
# ("... the plague is coming...”) keeps its closing mark.
_TEASER = re.compile(r"[\w,]\s?(?:\.\.\.|…)$")


# A photo caption is a noun and an "-ing" with no finite verb: "The Tridents' footballers training
# ahead of a match against Dominica."
_ING_AFTER_NOUN = re.compile(r"^(?:The |A |An )?(?:[A-Z][\w’'.-]*\s+){1,5}(?:[a-z][\w’'-]*\s+){0,2}[a-z]+ing\b")
_FINITE = re.compile(r"\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|must|shall|should|"
                     r"do|does|did|said|says|[a-z]{3,}ed)\b")


def _verbless_caption(text: str) -> bool:
    head = QUOTE_SPAN.sub(" ", text)
    return (len(head.split()) <= 25 and bool(_ING_AFTER_NOUN.match(head)) and not _FINITE.search(head)
            and not re.search(rf"\b(?:{IRREGULAR})\b", head))


def unintroduced(text: str) -> bool:
    """True when a sentence points back at something it does not name ("this amendment"), or
    opens on someone named before ("The Pennsylvania official was just talking about ...")."""
    narration = QUOTE_SPAN.sub(" ", text)
    found = _UNINTRODUCED.search(narration)
    if found and found.group("aim") and found.group("aim") in narration[: found.start()]:
        found = None  # "set a goal of net zero ... on track to reach that goal": told right there
    return bool(found or _DEFINITE_ROLE.match(text))


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
_CITATION = re.compile(r"\s\((?:[A-Z][\w’'.&-]*(?:\s+(?:[A-Z][\w’'.&-]*|of|for|and|the|et al\.))*),\s(?:19|20)\d\d[a-z]?\)"
                       # a footnote mark after a sentence's end ("... actively being restored.* This ...")
                       r"|(?<=[.!?”\"])\*{1,3}(?=\s|$)")


# A small word typed twice ("which will will be"); "had had", "that that" and "is is" are English.
_DOUBLED = re.compile(r"\b(will|the|a|an|to|of|and|in|on)\s+\1\b(?!-)")


# A shouted kicker before the sentence's own capitalised start: "GAMES CONSOLE SHIFTER Microsoft has ...".
_KICKER = re.compile(r"^(?:[A-Z]{4,}[’']?[A-Z]*\s+){2,5}(?=[A-Z][a-z])")


# A call to the reader before the news: "Heads up, travelers: Hundreds of workers are striking ...".
_HAIL = re.compile(r"^(?:Heads up|Attention|Listen up|Take note|Good news|Bad news|Fair warning|Psst)"
                   r"(?:,\s*[a-z]+(?: [a-z]+)?)?\s*[:!]\s+(?=[A-Z0-9])")


# A dateline whose dash the page lost: "WASHINGTON The U.S. Federal Reserve raised ...".
_BARE_DATELINE = re.compile(r"^[A-Z]{3,}(?:\s[A-Z]{3,})?\s+(?=(?:The|A|An)\s+[A-Z]?[a-z]*)")


def tidy(text: str) -> str:
    """Return a sentence without a credit prefix, a shouted kicker, a call to the reader or an
    in-text citation, and with a shouted opening calmed ("TWO men" -> "Two men")."""
    text = _HAIL.sub("", _KICKER.sub("", _CREDIT_PREFIX.sub("", text, count=1), count=1), count=1)
    text = _BARE_DATELINE.sub("", text, count=1)
    text = _CITATION.sub("", text)
    text = _DOUBLED.sub(r"\1", text)  # "a game which will will be fun": the page's typo
    match = _SHOUTED_OPENER.match(text)
    # A word joined to a lower-case one ("A HIGH-powered team") is a shouted word, not an acronym.
    joined = match is not None and match.group(2) == "-" and len(match.group(1).split()[-1]) >= 4
    if match and all(w in _SHOUTED or (joined and i == len(match.group(1).split()) - 1)
                     for i, w in enumerate(match.group(1).split())):
        words = match.group(1).lower()
        text = words[:1].upper() + words[1:] + text[match.end():]
    elif (named := _SHOUTED_BEFORE_NAME.match(text)) and named.group(1) in _SHOUTED_NAME_WORDS:
        text = named.group(1)[0] + named.group(1)[1:].lower() + text[named.end():]  # "SOUTH Korea" -> "South Korea"
    return text


# A drop cap's word set in capitals before a name ("SOUTH Korea has swiftly endorsed ..."): only
# words that open a name or a lead, never an acronym ("NASA Administrator", "UK Prime Minister").
_SHOUTED_BEFORE_NAME = re.compile(r"^([A-Z]{2,})(?= [A-Z][a-z])")
# (not _SHOUTED's small words: "IT Minister", "AS Roma", "ON Semiconductor" are names)
_SHOUTED_NAME_WORDS = frozenset(
    "SOUTH NORTH EAST WEST NEW FORMER PRIME PRESIDENT THE THIS LAST WHEN AFTER SAINT SAN LOS LAS HONG UNITED".split())


# Month names and common irregular pasts and speech verbs, shared with event.py and tense.py.
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
IRREGULAR = ("overcame|overran|won|lost|made|took|gave|fell|rose|struck|hit|shot|led|told|ran|set|put|cut|built|brought|became|"
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
