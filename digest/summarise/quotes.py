"""Attributed statements: direct quotes and reported speech, with speakers resolved.

A sentence is a statement when a speech verb ("said", "told", "according to" ...) has a
speaker next to it and the sentence carries either a quotation or a reported clause (found by
attribution.py). Speakers are named as the article first introduced them ("Secretary of State
Antony Blinken"): a later "Blinken said" or "Mr. Blinken said" is resolved to that full name, and
"he said" / "she said" to the person mentioned most recently before it. A bare quotation right
after a statement carries on its speaker, a sentence giving two speakers' words is split between
them, and words the article dates long before the news are marked as said earlier.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from digest.summarise.attribution import SPEECH_VERBS, VERB_GAP, attribute
from digest.summarise.namebook import NameBook
from digest.summarise.names import NAME, QUOTE
from digest.summarise.shape import MONTHS, WEEKDAYS
from digest.summarise.sentences import Sentence
from digest.summarise.speakers import POSSESSIVE, clean_speaker


@dataclass(frozen=True)
class Statement:
    """An attributed sentence found in one entry."""

    sentence: Sentence  # the sentence as split
    speaker: str  # resolved speaker, with role when the article gives one
    direct: bool  # True for a direct quotation, False for reported speech
    extra: tuple[Sentence, ...] = ()  # bare quotations right after it that continue the same speaker
    origin: Sentence | None = None  # the whole sentence, when ``sentence`` is one speaker's part of it
    earlier: bool = False  # the article marks the words as said before, elsewhere ("told TechCrunch last year")

    @property
    def text(self) -> str:
        """The statement as shown: the sentence and any continuation, joined by a space."""
        return " ".join(s.text for s in (self.sentence, *self.extra))


CONTINUATION_WORDS = 50  # a run-on quote joins its attributed sentence only up to this length
_BARE_QUOTE = re.compile(r"^[“\"][^“”\"]+[.!?…,]?[”\"]$")


def find_statements(sentences: list[Sentence], *, roles: dict[str, str] | None = None) -> list[Statement]:
    """Return the attributed statements among one entry's sentences, in order.

    A direct quote attributed at its end ('"...," Orme said.') keeps a following sentence that is
    only a quotation in the same paragraph ('"I'm against ..."'): the speaker carries on. ``roles``,
    when given, receives each person the entry gives a role: full name -> name with the role.
    """
    names = NameBook()
    out: list[Statement] = []
    for index, sentence in enumerate(sentences):
        # Read first: a name earlier in the same sentence ("Askar said he ...") is the nearest antecedent.
        names.read(sentence.text, index)
        if out and out[-1].extra and out[-1].extra[-1] is sentence:
            continue
        voices = two_voices(sentence.text)
        if voices:
            for part, raw in voices:
                speaker = names.resolve(raw, index)
                if speaker:
                    clause = Sentence(part, sentence.entry, sentence.paragraph, sentence.position)
                    out.append(Statement(clause, names.with_role(speaker), True, origin=sentence))
            continue
        found = attribute(_without_what_said(sentence.text)) if _quotes_closed(sentence.text) else None
        if found is not None:
            raw, direct = found
            speaker = names.resolve(raw, index)
            if speaker:
                extra = _continuation(sentences, index) if direct else ()
                shown = names.with_role(speaker)
                # '"...," Putin continued.' after words he "said at the time": still then, not now
                carried = bool(out and out[-1].earlier and out[-1].speaker == shown
                               and out[-1].sentence.position >= sentence.position - 2 and _CARRIES_ON.search(sentence.text))
                # '"Congress got involved ...," Bloomberg said.' right after "a 2008 video of a Bloomberg lecture ...":
                # the words are the recording's, not said now (round 86: "a 2008 lecture quote shown as new")
                recorded = bool(direct and index > 0 and _OLD_RECORDING.search(sentences[index - 1].text)
                                and _BARE_CREDIT.search(sentence.text))
                out.append(Statement(sentence, shown, direct, extra,
                                     earlier=said_earlier(sentence.text) or carried or recorded))
                names.note_speaker(speaker, index)
    if roles is not None:
        roles.update(names.roles)
    return out


_CARRIES_ON = re.compile(r"\b(?:continued|added|went on)\b")
_TIME_GAP = r"(?:\s+(?:on|last|this|late|early)\s+[A-Z]?[a-z]+)?"
# What a second speaker in the same sentence does with their words: speech, or taking a side.
_SIDE_VERBS = rf"(?:{SPEECH_VERBS}|endorsed|backed|welcomed|rejected|condemned|criticized|criticised|praised|called for|vowed)"
_SECOND_VOICE = re.compile(rf",?\s+and\s+(?P<sp>{NAME}){VERB_GAP}{_TIME_GAP}\s+{_SIDE_VERBS}\b")


_MONTH = rf"(?:{MONTHS})"
# When the words were said, if long before this event: "last year", "in 2019", "in a 2021 interview", "years ago".
_WHEN_BEFORE = (
    rf"(?:last\s+(?:year|spring|summer|fall|autumn|winter)|in\s+(?:{_MONTH}\s+)?(?:19|20)\d\d\b|"
    rf"in\s+an?\s+(?:19|20)\d\d\s+[a-z]+|(?:\w+\s+)?years\s+ago|back\s+in\s+(?:{_MONTH}|(?:19|20)\d\d))"
)
# ... and, right after the speech verb or opening the sentence only ("Last December, Ms. Haley said ...", "told
# reporters in January"): a month named bare, one gone by, or "earlier this month". Further on, in a clause about
# the speaker ("said Sarah Lee, who took over as chief executive in January"), such a month dates something else.
_WHEN_BEFORE_NEAR = rf"(?:{_WHEN_BEFORE}|last\s+{_MONTH}|in\s+{_MONTH}(?!\s+\d)|earlier\s+this\s+(?:month|year))"
# The time qualifies the speaking: right after the verb and its listener ("told TechCrunch last year",
# "said in an interview in 2019") or opening the sentence ("In a 2019 interview, ..."); a time inside
# the reported clause ("said sales in 2019 fell") dates the news, not the words.
_LISTENER = r"(?:\s+(?:[A-Z][\w.'’-]*|the|to|in|on|at|with|an?|interview|reporters|podcast|statement))"
# ("asked Mr. Clinton last summer" dates a request the statement reports, not the statement.)
_EARLIER = re.compile(rf"\b(?!ask|urge)(?:{SPEECH_VERBS})\b{_LISTENER}{{0,6}}?\s+{_WHEN_BEFORE_NEAR}|^(?i:{_WHEN_BEFORE_NEAR}),")


# After a closed quotation, the whole attribution tells when the words were said: '"...," Mr. Blumenthal
# said to the group gathered in Norwalk in March 2008.'
_EARLIER_TAIL = re.compile(rf"¶[^¶]*\b(?!ask|urge)(?:{SPEECH_VERBS})\b[^¶]*\s{_WHEN_BEFORE}[^¶]*$")


# "Italy had previously said ...", "He has long said ...": a position on record, not words on this news
# ("Police have said the suspect was armed" may be this news's).
_HAS_SAID = re.compile(r"^(?:(?:[A-Z][\w’'.&-]*|the|of)\s+){1,6}(?:had\s+(?:(?:long|repeatedly|previously|often|already)\s+)?"
                       r"|(?:has|have)\s+(?:long|repeatedly|previously|often|already)\s+)"
                       r"(?:said|argued|maintained|insisted|claimed)\b")


# Words a "when" clause sets back on a day the sentence looks back to: "Any optimism is a step forward from Friday,
# when Speaker John A. Boehner told reporters that ..." (round 89's reviewer: "quoting something he said on Friday,
# before the meeting").
# (the speech verb inside the "when" clause, which ends at a comma, a colon, a semicolon or a dash)
_BACK_WHEN = re.compile(rf"\b(?i:from|since|than|unlike|after)\s+(?:on\s+)?(?:last\s+)?(?:{WEEKDAYS}|"
                        rf"week|month|year|{_MONTH}(?:\s+\d{{1,2}})?),\s+when\b[^,;:¶—–]*?"
                        rf"\b(?:{SPEECH_VERBS})\b")


# Words the sentence says were said some time ago: "Obama recently warned that he will not 'play that game' again.",
# "she previously said ..." (round 89's reviewer: "an earlier, off-event warning").
# (said by a subject: a name, a pronoun, "who" or an auxiliary right before; not a thing so told, "his voice raspy from
# his recently explained medical condition", nor "once confirmed", "at once")
_BEFORE_ADVERB = re.compile(rf"(?:\b[A-Z][\w.-]*|\b(?:he|she|they|we|I|who|has|have|had))\s+(?:(?:also|more|most|only|just)\s+)?"
                            rf"(?:recently|previously|once)\s+(?:{SPEECH_VERBS})\b")


def said_earlier(text: str) -> bool:
    """True when the article marks a statement as made long before ("told TechCrunch last year", "said in
    2019", "Putin said at the time.", "told The Post then.", "a step forward from Friday, when Boehner told ...")."""
    masked = QUOTE.sub(" ¶ ", text)
    ahead, speech = _STILL_TO_COME.search(masked), _SPEECH_VERB.search(masked)
    if ahead and not (speech and speech.start() < ahead.start()):
        # "In August, a jury will decide ...": the month is the step's; in "In March, Smith said the company
        # will cut jobs" it is the saying's, the "will" being inside what was said
        masked = _BARE_MONTH.sub(" ", masked)
    return bool(_EARLIER.search(masked) or _EARLIER_TAIL.search(masked) or _HAS_SAID.search(masked)
                or _AT_THE_TIME.search(masked) or _first_saying(_BACK_WHEN, masked) or _first_saying(_BEFORE_ADVERB, masked))


def _first_saying(rule: re.Pattern[str], masked: str) -> bool:
    """True when ``rule`` finds the sentence's own saying set back, not one inside what someone said: no speech verb
    comes before it ("Lind told reporters on Tuesday that Republicans had recently warned ..." is Lind's, of today)."""
    found = rule.search(masked)
    return found is not None and not _SPEECH_VERB.search(masked, 0, found.start())


# "What Page wrote down that night became the basis for an algorithm.": the words as a thing the sentence tells of,
# not someone's statement (a cleft "What she said was that ..." still reports them).
_WHAT_SAID = re.compile(r"What\s+(?:[A-Z][\w.’'-]*\s+){1,4}(?:said|says|wrote|writes|told|tells|meant|described)\b"
                        r"(?!.*\b(?:was|is)\s+that\b)")


def _without_what_said(text: str) -> str:
    """``text`` with an opening "What Page wrote" read as a thing ("The words"), so the sentence's own speaker, if any,
    is found ("What Lind said is false, Pelosi told reporters." is Pelosi's); kept when her words follow in
    quotation marks ('What Lind said next was: “The bill is dead.”' is hers)."""
    what = _WHAT_SAID.match(text)
    return text if what is None or QUOTE.search(text, what.end()) else "The words" + text[what.end():]


# "a 2008 video of ...", "a 1998 interview with ...": a recording dated by its year, told of before the words it holds.
_OLD_RECORDING = re.compile(r"\b(?:an?|the) (?:19|20)\d\d (?:video|recording|interview|speech|lecture|tape|clip|audio|"
                            r"footage|address|commencement address|sermon|podcast|broadcast)\b")
# A credit that names no time of its own: '..., Bloomberg said.', '..., he said.'
_BARE_CREDIT = re.compile(rf"[”\"]\s*(?:[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){{0,3}}|he|she)\s+(?:{SPEECH_VERBS})\.\s*$")
_STILL_TO_COME = re.compile(r"\b(?:will|shall|is to|are to|is due|are due|plans? to)\b")
_SPEECH_VERB = re.compile(rf"\b(?:{SPEECH_VERBS})\b")
_BARE_MONTH = re.compile(rf"\b(?i:in)\s+{_MONTH}(?!\s+\d)")


# An attribution closing on "at the time" or "then": the words were said back when something told before happened.
# ('... ," Michael R. Bloomberg said at the time, boasting of ...': a clause, a dash, a semicolon or the quotation
# resumed after it changes nothing)
_AT_THE_TIME = re.compile(rf"\b(?:{SPEECH_VERBS})\b{_LISTENER}{{0,6}}?\s+(?:at\s+the\s+time|then)\s*(?:[.!]?\s*$|,\s+(?:[a-z]|¶)|\s*[—–;])")


def two_voices(text: str) -> list[tuple[str, str]] | None:
    """Split a sentence reporting two speakers' words into one part per speaker, else None.

    "A said Monday that "...," and B on Tuesday endorsed "..."" gives "A said Monday that
    "...."" and "B on Tuesday endorsed "..."": each part keeps its speaker's own words, and the
    comma that joined them becomes the first part's full stop. Returns (part, speaker as written).
    """
    masked = QUOTE.sub(lambda m: "¶" * len(m.group(0)), text)
    second = _SECOND_VOICE.search(masked)
    if not second or "¶" not in masked[second.end():] or "¶" not in masked[: second.start()]:
        return None
    speaker = clean_speaker(second.group("sp"))
    first_part = text[: second.start()].rstrip()
    found = attribute(first_part)
    if speaker is None or found is None or not found[1] or POSSESSIVE.search(speaker):
        return None
    first_part = re.sub(r",([”\"]?)$", r".\1", first_part)
    if not re.search(r"[.!?][”\"]?$", first_part):
        first_part += "."
    return [(first_part, found[0]), (text[second.start("sp"):], speaker)]


def _quotes_closed(text: str) -> bool:
    """True when every quotation mark opened in ``text`` is closed: an open quote shows words cut off."""
    return text.count('"') % 2 == 0 and text.count("“") == text.count("”")


def _continuation(sentences: list[Sentence], index: int) -> tuple[Sentence, ...]:
    """The next sentence when it is a bare quotation in the same paragraph that fits the length cap."""
    if index + 1 >= len(sentences):
        return ()
    this, nxt = sentences[index], sentences[index + 1]
    if nxt.paragraph != this.paragraph or not _BARE_QUOTE.match(nxt.text):
        return ()
    if not re.search(r"[”\"]\s*,?\s*[^“”\"]+$", this.text):
        return ()  # the quote must close before the attribution: '"...," Orme said.'
    if len(this.text.split()) + len(nxt.text.split()) > CONTINUATION_WORDS:
        return ()
    return (nxt,)
