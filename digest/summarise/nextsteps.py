"""What next: forward-looking sentences about this event, firm cues first; empty rather than wrong."""

from __future__ import annotations

from collections.abc import Sequence

import re

from digest.summarise.attribution import SPEECH_VERB
from digest.summarise.candidates import Candidate, fresh, word_count
from digest.summarise.centrality import words
from digest.summarise.names import NAME, NOT_NAMES, ORG_TAIL, person_like
from digest.summarise.outlook import outlook_score
from digest.summarise.jobs import JOB_WORD
from digest.summarise.sentences import Sentence
from digest.summarise.shape import DATED, QUOTE_SPAN, SECOND_PERSON, leans_back
from digest.summarise.tense import narrates_past

MAX_NEXT = 2


def pick_next(candidates: list[Candidate], *, used: set[Sentence], shown: Sequence[Candidate] = (),
              about: str = "", seen: str | None = None) -> list[Candidate]:
    """Return up to two forward-looking sentences about this event, firm cues first; maybe none.

    Scheduled steps, plans and attributed expectations qualify; a quote fragment, a person's
    direct quote (that is Who said what), a sentence addressed to the reader ("you will notice")
    and a look ahead that shares nothing with ``about`` (the event: its titles and lead sentence)
    do not. Sentences that repeat one of ``shown`` (the event sentence) are left out: a deal's
    terms restated in the future tense are not its next step. "This <thing>" must be a thing
    ``seen`` (what the reader has read above: the titles, the dek, What happened) tells of, when
    given; else one its report told of before.
    """
    pool = []
    for c in candidates:
        if c.sentence in used or not 6 <= word_count(c) <= 50 or not _whole(_answered(c, candidates)):
            continue
        if not (_pronoun_named(c.sentence.text) and _introduced(c, candidates, seen)):
            continue
        if c.statement is None and _PRONOUN_CREDIT.search(c.sentence.text):
            continue  # "..., she said Tuesday." whom the story does not tell: the look ahead is nobody's
        score = _next_score(c)
        if score >= 2.0 and (not about or _on_event(c, about)):
            pool.append((score + c.centrality, c))
    pool.sort(key=lambda p: (-p[0], p[1].sentence.entry, p[1].sentence.position))
    chosen: list[Candidate] = []
    for _, cand in pool:
        # (a short step that names a day or a figure the event does not may share half its few words with it without
        # repeating it: "The federal subpoenas are due Feb. 5." under "Federal prosecutors have subpoenaed ..."; round 79)
        short = word_count(cand) < _SHORT and _new_date(cand, shown)
        if len(chosen) < MAX_NEXT and fresh(cand, list(shown), limit=0.75 if short else 0.5) and fresh(cand, chosen):
            chosen.append(cand)
    return chosen


_SHORT = 10  # words


def _new_date(cand: Candidate, shown: Sequence[Candidate]) -> bool:
    """True when a step names a day or figure the event sentences do not (what makes a short step news)."""
    told = " ".join(c.sentence.text for c in shown)
    return any(t not in told for t in _DAY_OR_FIGURE.findall(cand.sentence.text))


_DAY_OR_FIGURE = re.compile(r"\b\d[\w.-]*|\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|"
                            r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?(?= \d)")


_PRONOUN = re.compile(r"\b(?:he|she|him|his|her)\b")
# A credit to a pronoun closing the sentence: "..., she said Tuesday."
_PRONOUN_CREDIT = re.compile(r"[,”\"]\s*(?:he|she)\s+(?:said|says|added|told\s+\w+)\b[^,;]{0,30}[.!]?[”\"’']?$")
_PERSON_RUN = re.compile(rf"{NAME}")


# "In response to the positive samples, the county will ...": the opener names what it answers
# ("As a result of Fahie's arrest, Deputy Premier Natalio Wheatley will function as Acting Premier.": round 74)
_ANSWERING = re.compile(r"^(?:In (?:response|addition|reaction) to|As a result of) (?:the |(?:the )?(?:[A-Z][\w.’'-]*\s+){0,3}?"
                        r"[A-Za-z][\w’'-]*['’]s )((?:[a-z-]+ ){0,2}[a-z-]+),\s+(?=\S)")


def _answered(c: Candidate, candidates: list[Candidate]) -> str:
    """The sentence as its wholeness is judged: an opener answering "the <thing>" leans on nothing
    when its entry told of that thing before ("... two mosquitoes ... tested positive"), else it stays."""
    opener = _ANSWERING.match(c.sentence.text)
    if opener is None:
        return c.sentence.text
    earlier = " ".join(o.sentence.text.lower() for o in candidates
                       if o.sentence.entry == c.sentence.entry and o.sentence.position < c.sentence.position)
    told = any(len(word) >= 4 and re.search(rf"\b{re.escape(word.rstrip('s'))}", earlier) for word in opener.group(1).split())
    rest = c.sentence.text[opener.end():]
    return rest[:1].upper() + rest[1:] if told else c.sentence.text


def _pronoun_named(text: str) -> bool:
    """True unless "he" or "she" stands for nobody the sentence names before it ("The council said she will ..."), or
    right after the fronted clause it stands in."""
    narration = QUOTE_SPAN.sub(" ", text)
    pronoun = _PRONOUN.search(narration)
    if pronoun is None:
        return True
    # ("Having extended his visit ..., Mr Kerry will return ...": a fronted clause's pronoun is its subject's, after it)
    fronted = _FRONTED.match(narration)
    if fronted and pronoun.start() < fronted.end() and (subject := _PERSON_RUN.match(narration, fronted.end())) \
            and _may_be_person(subject.group(0)):
        return True
    before = narration[: pronoun.start()]
    return bool(JOB_WORD.search(before) or any(_may_be_person(m.group(0)) and not _bare_opener(m, before)
                                               for m in _PERSON_RUN.finditer(before)))


def _bare_opener(run: re.Match[str], text: str) -> bool:
    """True for one capitalised word opening the sentence that no speech verb follows ("People are
    losing ..."): any sentence's first word has a capital, so it names nobody by that alone."""
    return run.start() == 0 and " " not in run.group(0) and not SPEECH_VERB.match(text[run.end():].lstrip())


def _may_be_person(run: str) -> bool:
    """True for a run that can name a person: a full name, or a surname alone ("Forte said he ...")."""
    words = [w for w in run.split() if w not in NOT_NAMES]
    return person_like(" ".join(words)) or (len(words) == 1 and words[0] not in ORG_TAIL)


# "this volume", "these measures": a thing the article must have introduced before; times are not things
# ("those" is left alone: "those insured by the program" introduces its own).
_DEICTIC = re.compile(r"\b(?:this|these)\s+(?!(?:week|month|year|spring|summer|fall|autumn|winter|weekend|morning|"
                      r"afternoon|evening|time|season|quarter|term|decade|century|scale|size|kind|sort|type|magnitude)\b)([a-z]{3,})")


def _introduced(c: Candidate, candidates: list[Candidate], seen: str | None = None) -> bool:
    """True unless the sentence points at "this <thing>" that the reader has not been told of (``seen``;
    without it, no earlier sentence of its entry mentions it), or ends on a bare "this" or "that"
    ("... hopes to change that."): shown alone, What next would leave the reader asking what."""
    narration = QUOTE_SPAN.sub(" ", c.sentence.text)
    if _BARE_DEMONSTRATIVE.search(c.sentence.text):
        return False
    wanted = [m.group(1).rstrip("s") for m in _DEICTIC.finditer(narration)]
    if not wanted:
        return True
    earlier = seen.lower() if seen is not None else " ".join(
        o.sentence.text.lower() for o in candidates
        if o.sentence.entry == c.sentence.entry and o.sentence.position < c.sentence.position)
    return all(noun in earlier for noun in wanted)


# "IK Multimedia hopes to change that.": a demonstrative with nothing after it points back.
# ("... soon after that.", "... well before this.": a time inside the sentence, not a pointer back)
_BARE_DEMONSTRATIVE = re.compile(r"(?<!\bafter )(?<!\bbefore )(?<!\bthan )(?<!\blike )\b(?:[Tt]his|[Tt]hat)\s*[.!]\s*$")


_NEAR_LEAD = 4  # sentences
_OPENS_MID = re.compile(r"^(?:[a-z]|[”’.,;:…)\]-])")


def _whole(text: str) -> bool:
    """True for a whole sentence: not opening mid-clause, quotes paired, not leaning on the one before."""
    quotes_paired = text.count('"') % 2 == 0 and text.count("“") == text.count("”")
    return quotes_paired and not _OPENS_MID.match(text) and not leans_back(text)


# A comparison or an aside, not this event's next step: "The new law, by contrast, will reduce ...";
# the writer's own cheer ("... later this summer -- better yet, the company's promising ...", "— yes,
# even The Phantom Menace, unfortunately —").
_ASIDE = re.compile(r",\s*(?:by|in) contrast,|,\s*for example,|,\s*for instance,|^(?:Of course|To be sure|Then again)\b|"
                    r",\s*of course,|\b(?:better|worse) yet\b|\beven (?:better|worse)\b|[—–]\s*yes,|"
                    r"^(?:Personally|Frankly|Honestly|Admittedly)\b|"
                    # the writer's remark ("Interestingly, entries can be built ..., which seems a bit unfair, but
                    # will ..."), a reaction to the news ("..., welcomed the news that an Inuk will helm the council"): no step ahead
                    r"^(?:Interestingly|Surprisingly|Ironically|Curiously|Oddly|Strangely|Amusingly)\b|"
                    r"\b(?:welcomed|praised|hailed|applauded|critici[sz]ed|condemned|celebrated|lamented)\s+the\s+"
                    r"(?:news|decision|announcement|move|appointment|choice)\s+that\b|"
                    r"\b(?:said|says)\s+(?:she|he|they)(?:[’'](?:s|re)|\s+(?:is|was|are|were))\s+(?:also\s+)?"
                    r"(?:pleased|happy|delighted|glad|thrilled|proud)\b(?!\s+to\b)|"
                    # what is on offer now ("is available immediately for ..."), not a step ahead
                    r"\b(?:is|are)\s+(?:now\s+|already\s+)?available\b(?![^.]*\bwill\b)", re.IGNORECASE)
_LIST_POINT = re.compile(r"^(?:First|Second|Third|Fourth|Firstly|Secondly|Thirdly|Lastly),")
# Words a caption, poster or sign carries ('The caption reads: "There will be change ..."'): read out, not a step.
_READS = re.compile(r"^(?:The|A|One|Another|Its|His|Her|Their)\s+(?:[\w’'-]+\s+)?(?:caption|poster|sign|banner|placard|slogan|"
                    r"inscription|billboard|t-shirt|graffiti)s?\s+(?:reads?|read|said|says|proclaims?|declares?)\s*[:“\"]")
# A call to the reader: "Ask Damien Chazelle ... and he will answer ...".
_IMPERATIVE = re.compile(r"^(?:Ask|Consider|Imagine|Picture|Think (?:of|about)|Take)\s+(?!(?:a|an|the)\s+(?:step|vote|look)\b)")
_OLD_NEWS = re.compile(
    r"\b(?:said|announced|declared|revealed|confirmed|disclosed)\s+(?:in\s+(?:January|February|March|April|June|July|"
    r"August|September|October|November|December|(?:19|20)\d\d)|last (?:week|month|year)|earlier this (?:month|year))\b|"
    # A sentence opening on a past time tells what happened then ("Last week, Ballmer announced a
    # reorganisation he says will ..."): its "will" is in a clause about that.
    r"^(?:Last (?:week|month|year|night)|Earlier (?:this|that) (?:week|month|year)|Yesterday|"
    r"(?:\w+ )?(?:days|weeks|months|years) ago)\b"
)
# A pledge already made ("promised in its manifesto to ...", "had vowed to ..."): a promise on record, not a step ahead.
_PAST_PLEDGE = re.compile(r"\b(?:promised|pledged|vowed)\b|\bmanifesto\b|\bcampaign (?:promise|pledge)s?\b", re.IGNORECASE)
# Lines that look ahead without saying at what: "More details will be released", "the investigation will continue".
_VAGUE = re.compile(
    r"\b(?:more|further|additional|new) (?:information|details|updates?)\b|\bas (?:it|they) becomes? available\b|"
    r"\b(?:is|are) (?:expected|likely|set) to continue\b|\b(?:remains?|is|are) ongoing\b|\bwill be updated\b|"
    r"\b(?:the|this) (?:situation|matter|issue|case) (?:will|is expected to|could|may)\b|"
    r"\bwill update (?:this|the) (?:post|story|article|page)\b",
    re.IGNORECASE,
)
# Words that make the quotation after them someone's speech ("condemned the attack, saying it
# 'will not break our will'"): what they foresee is theirs, not a next step the report states.
_REPORTING = re.compile(r"\b(?:saying|accus(?:ed|ing)|insisting|adding|arguing|warning|claiming|calling it)\b")
# Where a sentence's main clause ends and a clause hanging on it begins.
# ("that" opens what someone said or thought, and "since 2009" is a time, not a clause.)
_SUBORDINATE = re.compile(r"\s+(?:as|after|amid|because|since(?!\s+\d)|following|while|even though|although)\s+|"
                          # "..., the first lady quietly tore into ..., insinuating that the nation will lose ..."
                          r",\s+(?:insinuating|suggesting|implying|hinting)\s+")
# A fronted participle or adverbial clause is no main clause: "Having extended his visit to the region by a night amid
# signs of progress, Mr Kerry will return to the US on Friday." (review 92: the page's real step, left out)
_FRONTED = re.compile(r"^(?:Having|After|Following|Despite|With)\s[^,;]{0,150},\s+(?=[A-Z])")
# An embedded question ("to decide which participant will benefit most"): its future is what was
# to be found out, not a step the sentence announces.
_EMBEDDED = re.compile(r"\b(?:decide|determine|know|assess|find out|learn|understand|predict|choose|examine|"
                       r"study|investigate|establish|test)(?:s|d|ed|ing)?\s+(?:which|whether|who|how|what)\b[^,;]*")
_GUESS = re.compile(r"\b(?:likely|unlikely|probably|[Pp]erhaps|possibly|may|might|could|Maybe)\b(?! (?:be )?(?:announced|confirmed))"
                    r"|\b(?:speculation|rumou?rs?)\b"  # "There is widespread speculation that Brewer will veto ..."
                    # the reporter not knowing: "What it accomplished ... is hard to tell and will take days to sort out"
                    r"|\b(?:is|are|remains?|was) (?:still )?(?:hard|difficult|too early|impossible) to (?:tell|say|know|judge)\b"
                    r"|\b(?:it|that) (?:is|remains) (?:still )?(?:unclear|unknown|uncertain)\b")
# A verdict on how it will be, not a step: "the outcome will be disappointing for Mr Kerry", "the Optimus F3 will be one
# of Sprint's most affordable 4G LTE-capable devices" (reviewers of rounds 87 and 88: "a correspondent's verdict on
# the outcome", "the outlet's assessment"), "... will be a blow to ...".
_VERDICT_AHEAD = re.compile(
    r"\bwill (?:be|come as) (?:(?:one of|among) )?(?:(?:the|its|their|his|her) )?(?:[\w’'-]+['’]s )?(?:most|least|best|worst|"
    r"biggest|largest|greatest|cheapest|highest|lowest|strongest|weakest|toughest|hardest|smallest)(?![\w-])|"
    r"\bwill be (?:(?:very|so|particularly|especially|extremely|deeply|\w+ly) )?(?:disappointing|welcome(?! to \w)|difficult|"
    r"crucial|important|significant|critical|interesting|exciting|tough|hard|easy|great|good|bad|huge|historic|devastating|"
    r"painful|costly|challenging|vital|well received)(?![\w-])|"
    r"\bwill (?:be|come as) (?:a|an|another|the latest) (?:[\w-]+ ){0,2}?(?:blow|boost|setback|relief|disappointment|"
    r"test (?:of|for)|challenge for|success|failure|milestone|game[- ]changer)(?![\w-])")
# Someone's own words with no one credited ("We are going to respect ... our employees"): the report
# never speaks as "we" or "I", so the words are a speaker's whose name is elsewhere.
_OWN_WORDS = re.compile(r"\b(?:I|[Ww]e|[Oo]ur|us)\b")


def _next_score(c: Candidate) -> float:
    """How firmly a candidate states a next step: 0 for a person's direct quote or a reader's aside."""
    text = c.sentence.text
    narration = QUOTE_SPAN.sub(" ", text)
    if SECOND_PERSON.search(narration) or _ASIDE.search(narration) or _IMPERATIVE.match(narration) or _READS.match(text):
        return 0.0
    st = c.statement
    main = _FRONTED.sub("", narration, count=1)
    head = _SUBORDINATE.split(main, maxsplit=1)[0]
    if head != main and narrates_past(head) and not SPEECH_VERB.search(head) and outlook_score(head) < 2.0:
        return 0.0  # "Treasuries fell as speculation mounted that the bank will ...": what moved, not a step ahead
    if (bare := _EMBEDDED.sub(" ", narration)) != narration and outlook_score(bare) < 2.0 and not SPEECH_VERB.search(bare):
        return 0.0  # "The purpose of the study was to decide which participant will benefit": a future inside a which-clause
    if _LIST_POINT.match(narration) and not DATED.search(narration):
        return 0.0  # "Second, the Fed will reinvest ...": a list's point, its lead-in unseen; a dated step stands
    if _OLD_NEWS.search(narration) or _PAST_PLEDGE.search(narration) or _VAGUE.search(narration) \
            or _VERDICT_AHEAD.search(narration) and not DATED.search(narration):
        # a plan announced months ago is background, a verdict no step (a dated step stands: "... will vote on June 18,
        # in what will be a crucial test for the mayor"), not this event's next step
        return 0.0
    if st is None and _GUESS.search(narration):
        return 0.0  # the reporter's own guess ("will likely spend the next day ..."): nobody's plan or expectation
    if st is None and _OWN_WORDS.search(narration):
        return 0.0  # "We are thrilled that the people of Turkey will ...": a speaker's words, uncredited
    if st is not None and st.direct and person_like(st.speaker.split(",")[0]):
        return 0.0
    # Narration that quotes a report's own words ('Biden "will never announce" the shift') may look
    # ahead inside its quotation marks; a sentence that is mostly one quotation may not.
    embedded = ((st is None and not SPEECH_VERB.search(text) and not _REPORTING.search(text))
                or (st is not None and not person_like(st.speaker.split(",")[0])))
    quoted = embedded and not text.startswith(("\"", "“")) and len(QUOTE_SPAN.sub(" ", text).split()) >= 3
    if st is None and _timeless_will(narration):
        return 0.0
    return outlook_score(text, quoted=quoted)


_BARE_WILL = re.compile(r"\b(?:will|won['’]t|shall)\b", re.IGNORECASE)
# When a step is to come: a day, a date, a month or year, a span ahead ("in the coming weeks", "this summer", "soon"),
# or its order right after the modal ("will now go to the Senate", "will then take up the bill").
_WHEN = re.compile(r"\b(?:(?:soon|shortly|later|eventually|(?:will|shall)\s+(?:now|next|then|immediately)|"
                   r"(?:in|by|until|through|before) 20\d\d|today|tonight|tomorrow|"
                   r"(?<!-)(?:week(?:end)?s?|months?|years?|days?|hours?)(?!-)|season|(?:this|next|the|in|by|until|early|late) "
                   r"(?:spring|summer|fall|autumn|winter)|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|"
                   r"April|May|June|July|August|September|October|November|December)\b|"
                   r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.|\d{1,2}(?::\d\d)?\s?[ap]\.?m\b)")
# A step named by its verb, date or none: a match to play, a vote, a hearing, a court's or a body's next act.
_STEP = re.compile(r"\b(?:will|shall)\s+(?:also\s+)?(?:face|play|meet|vote|decide|rule|hear|appeal|investigate|review|"
                   r"debate|take up|take effect|go before|go on trial|stand trial|appear|testify|speak|sign|announce|"
                   r"launch|release|open|reopen|close|resume|return|hold|host|begin|start|file|seek|challenge|elect|visit|travel|"
                   r"attend|join|replace|succeed|step down|resign|retire|submit|publish|issue|unveil|"
                   # who stands in: "Deputy Premier Natalio Wheatley will function as Acting Premier."
                   r"(?:serve|function|act|stand in|step in|fill in) as (?!(?:a|an)\b)|take over (?:as|from)|be (?:arraigned|sentenced|"
                   r"tried|charged|extradited|released|freed|buried|held|heard|published|launched|unveiled|announced|decided|"
                   r"signed|sworn|inaugurated|closed|reopened|opened|delayed|postponed|debated|reviewed|investigated))\b",
                   re.IGNORECASE)
# Whose plan, hope or expectation it is: "..., per the release.", "Rumors suggest ...", "Head believes his research will ...".
_CREDIT = re.compile(r"\b(?:per (?:the|a|an|its|his|her|their|[A-Z])|according to|believes?|expects?|predicts?|anticipates?|"
                     r"forecasts?|hopes?|suggests?|estimates?)\b", re.IGNORECASE)


def _timeless_will(narration: str) -> bool:
    """True for a bare "will" that names no time, no step, credits no one and carries no other cue ahead ("Box's
    sales force will drive adoption of the apps", "the benefits membership will bring to flyers", "... will
    become the state's first black senator since 1979"): how things are to be, not a step this event sets.
    Editors graded such lines What next's most common fault; a step names its when ("on Friday", "later
    this year"), whose plan or expectation it is, or a step by its verb ("will appeal", "will function as Acting
    Premier")."""
    if not _BARE_WILL.search(narration) or SPEECH_VERB.search(narration) or _CREDIT.search(narration) \
            or _WHEN.search(narration) or _STEP.search(narration):
        return False
    return outlook_score(_BARE_WILL.sub(" ", narration)) < 2.0


def _on_event(c: Candidate, about: str) -> bool:
    """True when a look ahead is about the event ("another company's IPO" is not).

    Near the lead a report is still on its event; further down a look ahead must share a word
    with it.
    """
    if c.sentence.position <= _NEAR_LEAD:
        return True
    return bool(set(words(c.sentence.text)) & set(words(about)))
