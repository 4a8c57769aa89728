"""Who said what: up to four statements from different speakers and, when there are several, outlets."""

from __future__ import annotations

import re
from collections.abc import Sequence

from digest.summarise.candidates import Candidate, fresh, lead_bias, word_count
from digest.summarise.gender import GIVEN_NAMES
from digest.summarise.names import SUFFIXES, is_title, one_letter_off, person_like
from digest.summarise.outlook import outlook_score
from digest.summarise.sentences import Sentence
from digest.summarise.shape import QUOTE_SPAN
from digest.summarise.titled import TITLED, in_titles

MAX_SAID = 4


def _said_value(c: Candidate) -> float:
    st = c.statement
    assert st is not None
    length = word_count(c)
    fit = 1.0 if 8 <= length <= 45 else 0.4
    named = 0.5 if len(st.speaker.split()) >= 2 else 0.0
    # A reported plan ("X said the government plans to ...") is a next step, not a voice.
    plan = 0.6 if not st.direct and outlook_score(st.text) >= 2.0 else 0.0
    # "But in the interview this week, he said ...": tied to a sentence the brief does not show
    tied = 0.6 if _TIED.match(c.sentence.text) else 0.0
    return fit + named + (0.7 if st.direct else 0.0) + c.centrality + 0.5 * lead_bias(c.sentence) - plan - tied


_TIED = re.compile(r"^[\"“‘]?(?:But|And|Yet|Still|However|Meanwhile|Instead|Also)\b")
_UNSEEN = 1.5  # how far words leaning on an unseen referent fall below the same speaker's other words


# Pleasantries: thanks, greetings and congratulations say nothing about the event.
_TRIVIAL = re.compile(
    r"^[\"“]?(?:I|We)\s+(?:just\s+)?(?:want(?:ed)?\s+to\s+|would\s+like\s+to\s+)?(?:thank|congratulate|welcome)\b|"
    r"^[\"“]?(?:Thank\s+you|Thanks|Congratulations|Good\s+(?:morning|afternoon|evening)|Welcome)\b|"
    # a greeting in passing: "“Nice to see all of you,” House Speaker John Boehner said as he kept walking"
    r"^[\"“]?(?:(?:It['’]s\s+)?(?:Nice|Good|Great)\s+to\s+(?:see|meet)\s+(?:you|all\s+of\s+you|everyone|everybody)|"
    # (then only whom it greets: "“Hello, all,”", "“Good to see you, everyone,”"; not "“Hi, I was shot,”" nor "“Hello” was ...")
    r"Hello|Hi)\b(?!-)(?:,?\s+(?:all|everyone|everybody|y['’]all|guys|folks|again|too|"
    r"(?-i:[A-Z][\w.’'-]*)(?:\s+(?-i:[A-Z][\w.’'-]*)){0,2}))*\s*[,.!]+[\"”]",
    re.IGNORECASE,
)


# A quotation picked up mid-sentence ('"... and that is why," she said'), or one point of a list
# ("Second, he said, ..."): words without their context.
# So is a statement opening on a word that ties it to one before ("Similarly, Rezaei said ...").
_FRAGMENT = re.compile(r"^[\"“‘]\s*(?:\.{3}|…|[a-z])|^[\"“‘]?(?:Second|Third|Fourth|Secondly|Thirdly|Finally|Lastly|"
                       r"Similarly|Likewise|Moreover|Furthermore|In addition|Additionally|Nevertheless|Nonetheless)\b,")


# A short quotation opening on a word that points back ("That could very well be the case,"):
# an answer to something the brief does not show.
# ("“But that’s not going to happen on its own,” Hauser said." too: the "But" ties it tighter still)
_POINTS_BACK = re.compile(r"^[\"“‘]\s*(?P<tie>(?:But|And|So|Yet)\s+(?=[tihs]))?(?:[Tt]hat|[Ii]t|[Hh]e|[Ss]he|[Tt]hey)\b(?:['’]s)?"
                          r"\s(?P<rest>(?:[^\"”’]|’(?=\w))*)[\"”’]")


# A short quotation about "it", credited and nothing more ('"Now we've got it down to $1.19," he
# said.'): what "it" is lies in a sentence the brief does not show.
_BARE_REMARK = re.compile(r"^[\"“](?=(?:[^\"”]*\s)?it\b)(?:[^\s\"”]+\s+){0,7}[^\s\"”]+[\"”]\s*"
                          r"(?:he|she|they|[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})\s+(?:said|says|added|adds)\.$")


# A quotation whose point is a "that" or "this" the brief does not show: it opens on one ("“That means that
# all families ... are entitled to the same rights”", "“That is important not only for ...”") or has one
# for its object ("“We are very glad to see this, and ...”", "“I remember how humiliating that was ...”").
# Round 71's reviewers each asked for another quote of the same speaker; that speaker's other words come first.
# So do words passed on from someone the quotation leaves unnamed ("“He said that there needs to be ...”").
_OPENS_ON_UNSEEN = re.compile(
    r"^\s*(?:(?:But|And|So)\s+)?(?:That(?:['’](?:s|ll)|\s+(?:is|was|means|meant|would|will|could|has)\b)|"
    r"This\s+(?:means|meant)\b|"
    # words passed on from someone unnamed ("“He said that there needs to be some changes made”")
    r"(?:He|She|They)\s+(?:said|says|say|told|tells)\b)")
_UNSEEN_OBJECT = re.compile(r"\b(?:see|saw|seen|about|hear|heard)\s+(?:this|that)\s*(?:[,.;!?]|$)|"
                            r"\bhow\s+\w+\s+(?:this|that)\s+(?:was|is)\b")


# Narration opening on whose something is, crediting a pronoun, no name ("Despite her hardships, he said, “My mother
# told me ...”": whose hardships, round 75's reviewer asked).
_OWNER_UNSEEN = re.compile(r"^(?:Despite|Because of|After|Before|Like|Unlike|Given|For all|Amid|Through) (?:his|her|their|its)\b")
# One more point of a speaker, after one the brief does not show ("Mr. Clapper also insisted that ...", "He also told
# reporters ..."; round 75's reviewer: "'also' has nothing to refer to").
_ONE_MORE = re.compile(r"^(?P<who>(?:(?:Mr|Mrs|Ms|Dr)\.\s+)?(?:[A-Za-z][\w’'.-]*\s+){1,5}?)also\s+(?:[a-z]+ly\s+)?"
                       r"(?:[a-z]+(?:ed|d|s)|wrote|spoke|told|said|thought|felt|made|gave|took)\b")


def _unseen_referent(text: str, speaker: str = "") -> bool:
    """True when a quotation in ``text`` opens on, or turns on, a referent the brief does not show, or its narration
    opens on one before any name: the sentence credits a pronoun, not ``speaker`` by name ("Through his lawyer, Tor
    Lund said ..." names whose), or opens on the speaker adding "also" ("Mr. Clapper also insisted that ..."): one more
    point, after one the brief may not show (the same speaker's other words come first)."""
    names = [w for w in speaker.split(",")[0].split() if w not in SUFFIXES]  # "James R. Clapper Jr." is Clapper
    surname = names[-1] if names else ""
    if _OWNER_UNSEEN.match(text) and not (surname and re.search(rf"\b{re.escape(surname)}\b", text)):
        return True
    # the speaker's own "also" ("Board chair Ana Lind also argued ..."), not a body's ("The board also voted ..., Lind said")
    if (more := _ONE_MORE.match(text)) and (more.group("who").strip() in ("He", "She", "They")
                                            or surname and re.search(rf"\b{re.escape(surname)}\b", more.group("who"))):
        return True
    for span in QUOTE_SPAN.finditer(text):
        words = span.group(0)[1:-1]
        if span.start() == 0 and _OPENS_ON_UNSEEN.match(words) or _UNSEEN_OBJECT.search(words):
            return True
    return False


# A strand of its own, told beside the event ("Meanwhile, Haaretz reported that the Republican Jewish
# Coalition has launched a separate $5 million TV advertising blitz ...", "A separate attendee, Molyrik Welch, noted
# ... that her brother had died ... in 2011"), or words that came long before
# and set it off ("The surge of support for the fast-food chain came after Chick-fil-A president Dan Cathy
# said ..."; round 71): not a statement on this event.
_SIDE_STRAND = re.compile(
    r"^(?:Separately|Elsewhere|In other news|In an? (?:separate|unrelated) (?:case|development|incident|matter|move)),|"
    r"^Meanwhile,[^.]*\b(?:separate|another|other|unrelated)\b|^An? separate \w+,|"
    # (no saying before "came": "Lund said the vote came after engineers told the board ..." is her own account)
    r"^(?![^\"“]*\b(?:said|says|told)\b[^\"“]*\bcame\b)[^\"“]{0,120}\b(?:came|comes)\s+"
    r"(?:(?:just|shortly|only|soon|hours|minutes|days|weeks|months|(?:a|an|one|two|three|four|\w+) "
    r"(?:day|week|month|hour|year)s?)\s+)?after\s+(?:[\w’'.,-]+\s+){0,8}(?:said|says|told|wrote|announced)\b")


def substantive(c: Candidate) -> bool:
    """True unless the statement is a pleasantry (thanks, greetings), a quotation taken up
    mid-sentence, a short answer pointing back at a question the brief does not show, or a side
    strand ("Meanwhile, ...", "... came after X said ...")."""
    text = c.sentence.text
    back = _POINTS_BACK.match(text)
    short_answer = back is not None and len(back.group("rest").split()) <= (12 if back.group("tie") else 6)
    bare = c.statement is not None and c.statement.text == text and bool(_BARE_REMARK.match(text))  # no run-on quote
    return not (_TRIVIAL.match(text) or _FRAGMENT.match(text) or short_answer or bare or _NO_COMMENT.search(text)
                or _cited_figure(c) or _SIDE_STRAND.match(text))


# A body's published figure ("According to STATIN, Jamaica earned just over US $1.4 billion from exports last
# year.", "The CDC reports that in 2003-2004, about 1.5% of the US population was infected ..."): a cited
# statistic, not someone's statement on the event (round 37's and round 40's editors both struck one).
_PUBLISHES = re.compile(r"^According to (?:the )?(?P<a>[^,]{2,60}),|^(?:The )?(?P<b>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,5})\s+"
                        r"(?:reports|estimates?|estimated|data shows?|figures show)\b")
_FIGURE = re.compile(r"\d[\d,.]*\s?(?:%|percent\b|per cent\b|million\b|billion\b|trillion\b)|[$£€]\s?\d")


def _cited_figure(c: Candidate) -> bool:
    st = c.statement
    if st is None or st.direct or person_like(st.speaker.split(",")[0]) and not st.speaker.startswith("The "):
        return False
    match = _PUBLISHES.match(c.sentence.text)
    return match is not None and bool(_FIGURE.search(c.sentence.text, match.end()))


# Saying nothing is no statement: "The Danish country manager declined an interview request, Ritzau writes."
_NO_COMMENT = re.compile(r"\bdeclined (?:an? )?(?:interview|comment|requests? for (?:an? )?(?:interview|comment))|"
                         r"\bdeclined to (?:comment|be interviewed|elaborate)\b|\bdid not (?:respond|return)\b|"
                         r"\bcould not be reached\b")


def pick_said(candidates: list[Candidate], *, used: set[Sentence], outlets: int,
              context: list[Candidate] | None = None, titles: Sequence[str] = (), bodies: Sequence[str] = ()) -> list[Candidate]:
    """Return up to four statements from different speakers (and outlets, when there are several), the person the
    story's report ``titles`` name first among equals (``bodies``, the reports' texts, tell namesakes apart).

    Never a pleasantry, and never words the article marks as said long before ("told TechCrunch
    last year"): those are background, not a statement on this event.
    """
    pool = [c for c in candidates
            if c.statement and not c.statement.earlier and c.sentence not in used and 6 <= word_count(c) <= 70
            and substantive(c)]
    strands = _side_strands(context if context is not None else candidates)
    pool = [c for c in pool if not _misspelt(c, candidates) and not _in_strand(c, strands)]
    # A speaker's words that lean on an unseen referent give way to the same speaker's other words (not to others').
    unseen = {c for c in pool if _unseen_referent(c.sentence.text, c.statement.speaker if c.statement else "")}
    plain = {_speaker_key(c) for c in pool if c not in unseen}
    titled: dict[str, bool] = {}  # each surname judged once against the titles and the reports' texts
    def value(c: Candidate) -> float:
        return (_said_value(c) - (_UNSEEN if c in unseen and _speaker_key(c) in plain else 0.0)
                + (TITLED if titles and in_titles(c, titles, bodies, titled) else 0.0))
    pool.sort(key=lambda c: (-value(c), c.sentence.entry, c.sentence.position))
    chosen = _one_per_outlet(pool) if outlets > 1 else []
    for distinct_outlet in ((True, False) if outlets > 1 else (False,)):
        for cand in pool:
            if len(chosen) == MAX_SAID:
                return chosen
            if cand in chosen or not _new_voice(cand, chosen, distinct_outlet=distinct_outlet):
                continue
            if fresh(cand, chosen, limit=0.6):
                chosen.append(cand)
    return chosen


# A strand the article itself calls another ("FBI agents ... have also undertaken what appears to be an unrelated
# inquiry. On Saturday, the mayor of Hoboken, Dawn Zimmer, said ..."): the people it names in its first sentences,
# and every statement after it about them, belong to that strand (round 79: "a line from another story").
_UNRELATED = re.compile(r"(?<!\bnot an )(?<!\bnot )\bunrelated\s+(?:inquiry|inquiries|investigations?|probes?|cases?|matters?|"
                        r"lawsuits?|suits?|incidents?|allegations?|disputes?|scandals?)\b")
_FULL_NAME = re.compile(r"(?<![\w’'-])[A-Z][a-z-]+(?:\s+[A-Z]\.)?\s+[A-Z][a-z-]+(?![\w’'-])")  # "Dawn Zimmer", not "Zimmer’s"
_STRAND_OPENS = 2  # the sentences after its marker in which a strand names its people


def _side_strands(candidates: list[Candidate]) -> dict[int, tuple[int, frozenset[str]]]:
    """Per entry, where a strand the article calls unrelated begins and the surnames it first names then."""
    strands: dict[int, tuple[int, frozenset[str]]] = {}
    for marker in candidates:
        entry, at = marker.sentence.entry, marker.sentence.position
        if entry in strands or not _UNRELATED.search(QUOTE_SPAN.sub(" ", marker.sentence.text)):
            continue
        before = " ".join(c.sentence.text for c in candidates if c.sentence.entry == entry and c.sentence.position < at)
        named = {m.group(0).split()[-1] for c in candidates if c.sentence.entry == entry and at <= c.sentence.position
                 <= at + _STRAND_OPENS for m in _FULL_NAME.finditer(c.sentence.text)
                 if person_like(m.group(0)) and not is_title(m.group(0).split()[-1])}  # "Police Chief" is no one
        if fresh_names := frozenset(n for n in named if not re.search(rf"\b{re.escape(n)}\b", before)):
            strands[entry] = (at, fresh_names)
    return strands


def _in_strand(c: Candidate, strands: dict[int, tuple[int, frozenset[str]]]) -> bool:
    """True for a statement after a side strand's marker that names, or is credited to, someone that strand named."""
    at, names = strands.get(c.sentence.entry, (-1, frozenset()))
    told = f"{c.sentence.text} {c.statement.speaker if c.statement else ''}"
    return c.sentence.position >= at >= 0 and any(re.search(rf"\b{re.escape(n)}\b", told) for n in names)


def _misspelt(c: Candidate, candidates: list[Candidate]) -> bool:
    """True for a speaker named by one word of six letters or more that its article writes only there, no given name
    and not introduced there (", a ..."), two letters or fewer off the surname, with the same first three, of the one
    person that article names in full who has it, a surname the article writes again and again ("Cowmen also
    emphasized ..." in a story of William "Mo" Cowan; rounds 71 and 75): the outlet's typo, a second name for one voice.
    A real person named once by surname is most often introduced in full first, so written twice."""
    assert c.statement is not None
    word = c.statement.speaker.split(",")[0].strip()
    if " " in word or len(word) < 6 or not word[:1].isupper() or word.lower() in GIVEN_NAMES \
            or re.search(rf"\b{re.escape(word)},\s+(?:an?|the)\b", c.sentence.text):
        return False
    own = [o for o in candidates if o.sentence.entry == c.sentence.entry]
    text = " ".join(o.sentence.text for o in own)
    if len(re.findall(rf"\b{re.escape(word)}\b", text)) > 1:
        return False
    near = {name for name in set(re.findall(r"\b[A-Z][a-z’'-]{3,}\b", text))
            if name != word and name[:3] == word[:3] and _edits(name, word) <= 2
            and len(re.findall(rf"\b{re.escape(name)}\b", text)) >= 2
            and re.search(rf"\b[A-Z][\w.’'-]*\s+(?:[“\"][^”\"]{{1,20}}[”\"]\s+)?{re.escape(name)}\b", text)}  # named in full
    return len(near) == 1


def _edits(one: str, other: str) -> int:
    """The number of single-letter insertions, deletions and substitutions between two words."""
    row = list(range(len(other) + 1))
    for i, a in enumerate(one, 1):
        prev, row[0] = row[0], i
        for j, b in enumerate(other, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (a != b))
    return row[-1]


def _one_per_outlet(pool: list[Candidate]) -> list[Candidate]:
    """Return one statement per outlet, distinct speakers, best first.

    Outlets with the fewest voices choose first, so a speaker both outlets quote goes to the
    outlet that has no one else, and the other outlet offers its second voice.
    """
    voices: dict[str, list[Candidate]] = {}
    for cand in pool:
        voices.setdefault(cand.outlet, []).append(cand)
    def spread(outlet: str) -> int:
        return len({_speaker_key(c) for c in voices[outlet]})
    chosen: list[Candidate] = []
    for outlet in sorted(voices, key=lambda o: (spread(o), -_said_value(voices[o][0]))):
        for cand in voices[outlet]:
            new = _new_voice(cand, chosen, distinct_outlet=True)
            if len(chosen) < MAX_SAID and new and fresh(cand, chosen, limit=0.6):
                chosen.append(cand)
                break
    return sorted(chosen, key=pool.index)


def _new_voice(cand: Candidate, chosen: list[Candidate], *, distinct_outlet: bool) -> bool:
    """True when the speaker (and, if asked, the outlet) is not already in ``chosen``."""
    speaker = _speaker_key(cand)
    bare = " " not in cand.statement.speaker.split(",")[0].strip() if cand.statement else False
    if any(_speaker_key(c) == speaker or bare and one_letter_off(_speaker_key(c), speaker) for c in chosen):
        return False
    return not distinct_outlet or all(c.outlet != cand.outlet for c in chosen)


_CAPITALISED_RUN = re.compile(r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*")
_AFFILIATED = re.compile(r"\s+(?:from|of|at|with|for)\s")


def _speaker_key(c: Candidate) -> str:
    assert c.statement is not None
    # "Maren Holt, chief executive of ..." and "Holt" are one voice: key on the name's last word,
    # the person's name before a role after it ("Dr Mark Loewen from the University of Utah") or
    # after one before it ("U.S. astronaut Chris Cassidy").
    head = c.statement.speaker.split(",")[0]
    first = _CAPITALISED_RUN.match(head)
    person = first.group(0) if first and _AFFILIATED.match(head, first.end()) and person_like(first.group(0)) \
        and not is_title(first.group(0).split()[-1]) else head  # "Inspector General of BSF ... Rajeev Krishna"
    return person.split()[-1].lower()
