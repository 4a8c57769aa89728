"""Attributed statements: direct quotes and reported speech, with speakers resolved.

A sentence is a statement when a speech verb ("said", "told", "according to" ...) has a
speaker next to it and the sentence carries either a quotation or a reported clause. Speakers
are named as the article first introduced them ("Secretary of State Antony Blinken"): a later
"Blinken said" or "Mr. Blinken said" is resolved to that full name, and "he said" / "she said"
to the person mentioned most recently before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from digest.summarise.roles import roles_in
from digest.summarise.sentences import Sentence

_CAP = r"[A-Z][\w'’.\-]*"
_LINK = r"(?:of|for|the|de|van|von|der|da|del|bin|al|le|la|and)"
_NAME = rf"{_CAP}(?:\s+(?:{_LINK}\s+){{0,2}}{_CAP})*"
_PRONOUN = r"\b(?:[Hh]e|[Ss]he)\b"
_NOMINAL = (
    rf"(?:[Aa]n?|[Tt]he)\s+(?:[\w-]+\s+){{0,2}}(?:spokes(?:man|woman|person)|representative|"
    rf"official|statement|lawyer|attorney|aide|adviser|advisor)\s+(?:for|of|from|at)\s+"
    rf"(?:the\s+)?{_NAME}"
)
_SPEAKER = rf"(?:{_NOMINAL}|{_NAME}|{_PRONOUN})"
_VERBS = (
    "said|says|say|told|tells|added|adds|stated|explained|explains|wrote|writes|argued|argues|"
    "noted|notes|warned|warns|announced|announces|insisted|insists|claimed|claims|acknowledged|"
    "acknowledges|continued|replied|tweeted|posted|recalled|remarked|testified|conceded|admitted|"
    "admits|emphasized|stressed|declared|predicted|observed|countered|responded|concluded|"
    "contends|contended|maintained|maintains|reported|reports|asked|asks|urged|urges|confirmed|"
    "confirms|denied|denies|pointed out|points out"
)
_VERB = re.compile(rf"\b(?:{_VERBS})\b")
SPEECH_VERB = _VERB
_THAT_ONLY = frozenset(
    "concluded continued explained explains noted notes observed recalled remarked maintained maintains contended "
    "contends acknowledged acknowledges conceded admitted admits emphasized stressed declared confirmed confirms "
    "denied denies responded replied countered testified announced announces posted".split()
)
# Verbs that may come before their speaker ('..., said Smith'); "told Reuters" names a listener.
_INVERTIBLE = frozenset(
    "said says added adds wrote writes asked asks explained continued replied recalled noted argued "
    "warned insisted countered responded concluded declared remarked stated".split()
)
# Adverbs and auxiliaries that sit between a speaker and the verb ("he later said").
_GAP = r"(?:\s+(?:also|later|then|previously|recently|once|has|had|have|would|[a-z]+ly))*"
# One appositive between commas, which may run on through a place ("..., Greenbelt, Maryland,").
_APPOSITIVE = r"(?:,\s*(?P<ap>[^,\"“”]{1,200}(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})?),)?"
_SUBJECT_BEFORE = re.compile(rf"(?<![\w'’-])(?P<sp>{_SPEAKER}){_APPOSITIVE}{_GAP}\s*$")
_SUBJECT_AFTER = re.compile(rf"^\s*(?P<sp>{_NOMINAL}|{_NAME}|{_PRONOUN})")
_ACCORDING = re.compile(rf"\b[Aa]ccording to (?P<sp>{_NOMINAL}|{_NAME})")
_QUOTE = re.compile(r"“[^“”]*”|\"[^\"]*\"")
_REPORTED_THAT = re.compile(r"\s*(?:[\w,]+\s+){0,4}?that\b")
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|be)\s*$")

# Capitalised words that open sentences or name times, never people.
_NOT_NAMES = frozenset(
    """The A An But And Or So Yet In On At For After Before When While If As His Her Their Its Our
    My There Here What Why How Who Where Still However Meanwhile Also Now Then Last Next This That
    These Those It They We I You He She Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    January February March April May June July August September October November December
    Mr. Mrs. Ms. Some Many Most Both Earlier Later Today Yesterday Asked Speaking Even Saying Calling
    Noting Adding Writing Citing Responding Addressing According Like Unlike""".split()
)
# Last words that make a capitalised run an organisation or place rather than a person.
_ORG_TAIL = frozenset(
    """Court House Department Ministry University College School Party Committee Congress Senate
    Administration Company Inc Inc. Corp Corp. Co. Ltd News Times Post Journal Street City County
    State States America Republicans Democrats Council Agency Office Service Bank Group Network
    Institute Center Centre Association Commission Board Police Force Army Navy Guard Union
    Kingdom Nations Press Reuters Government Foundation Club Church Hospital Airlines Building Hall Memorial
    Park Square Avenue Road Bridge Station Airport Stadium Arena Museum Library Cathedral Palace Tower Plaza
    Academy Forum Summit Conference Festival Awards Show Province Region District Island Islands Valley""".split()
)
# "Kyiv's and French President Emmanuel Macron": a name ends at "and" and at a possessive.
_RUN_BREAK = re.compile(r"\s+(?:and|&)\s+|(?<=['’]s)\s+|(?<=s['’])\s+")
_AFFILIATION = re.compile(r"\s+(?:of|from|at)\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*$")
_HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+")
# Titles before a surname ("Gov. Perry"): resolved to the name the article introduced, kept when it did not.
_TITLE = re.compile(r"^(?:Gov|Sen|Rep|Gen|Lt|Col|Adm|Sgt|Capt|Supt|Insp|Det|Judge|Justice|President|Governor|Senator|Mayor)\.?\s+")
# "the New York Democrat said": an epithet for someone named elsewhere, not a name.
_EPITHET = re.compile(r"(?:Democrat|Republican|Independent|Conservative|Liberal|Tory|Socialist)s?$")
_SPEAKER_BAD = frozenset("it which who that this they we i you one".split())
# Plural and common nouns that open "Opponents argued ...": a group, not a named speaker.
_GROUPS = frozenset(
    """Opponents Critics Supporters Officials Residents Analysts Experts Investigators Prosecutors
    Lawmakers Legislators Protesters Activists Witnesses Scientists Researchers Economists Doctors
    Authorities Organisers Organizers Sources Campaigners Neighbors Neighbours Parents Students
    Workers Teachers Others Observers Advocates Critics Regulators Leaders Members Voters Fans
    Officers Diplomats Executives Investors Traders Residents Families Environmentalists People Relatives
    Friends Loved Witnesses Neighbors Colleagues Owners Employees Staff Locals Villagers Teachers Police""".split()
)
# "Opponents, led by Senator John Hale, argued": the named person inside the appositive.
_LED_BY = re.compile(rf"\b(?:led by|including|among them|such as|headed by)\s+(?P<sp>{_NAME})")


@dataclass(frozen=True)
class Statement:
    """An attributed sentence found in one entry."""

    sentence: Sentence  # the sentence as split
    speaker: str  # resolved speaker, with role when the article gives one
    direct: bool  # True for a direct quotation, False for reported speech
    extra: tuple[Sentence, ...] = ()  # bare quotations right after it that continue the same speaker
    origin: Sentence | None = None  # the whole sentence, when ``sentence`` is one speaker's part of it

    @property
    def text(self) -> str:
        """The statement as shown: the sentence and any continuation, joined by a space."""
        return " ".join(s.text for s in (self.sentence, *self.extra))


CONTINUATION_WORDS = 50  # a run-on quote joins its attributed sentence only up to this length
_BARE_QUOTE = re.compile(r"^[“\"][^“”\"]+[.!?…,]?[”\"]$")


def find_statements(sentences: list[Sentence]) -> list[Statement]:
    """Return the attributed statements among one entry's sentences, in order.

    A direct quote attributed at its end ('"...," Orme said.') keeps a following sentence that is
    only a quotation in the same paragraph ('"I'm against ..."'): the speaker carries on.
    """
    names = _NameBook()
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
        found = attribute(sentence.text)
        if found is not None:
            raw, direct = found
            speaker = names.resolve(raw, index)
            if speaker:
                extra = _continuation(sentences, index) if direct else ()
                out.append(Statement(sentence, names.with_role(speaker), direct, extra))
                names.note_speaker(speaker, index)
    return out


_TIME_GAP = r"(?:\s+(?:on|last|this|late|early)\s+[A-Z]?[a-z]+)?"
# What a second speaker in the same sentence does with their words: speech, or taking a side.
_SIDE_VERBS = rf"(?:{_VERBS}|endorsed|backed|welcomed|rejected|condemned|criticized|criticised|praised|called for|vowed)"
_SECOND_VOICE = re.compile(rf",?\s+and\s+(?P<sp>{_NAME}){_GAP}{_TIME_GAP}\s+{_SIDE_VERBS}\b")


def two_voices(text: str) -> list[tuple[str, str]] | None:
    """Split a sentence reporting two speakers' words into one part per speaker, else None.

    "A said Monday that "...," and B on Tuesday endorsed "..."" gives "A said Monday that
    "...."" and "B on Tuesday endorsed "..."": each part keeps its speaker's own words, and the
    comma that joined them becomes the first part's full stop. Returns (part, speaker as written).
    """
    masked = _QUOTE.sub(lambda m: "¶" * len(m.group(0)), text)
    second = _SECOND_VOICE.search(masked)
    if not second or "¶" not in masked[second.end():] or "¶" not in masked[: second.start()]:
        return None
    speaker = _clean_speaker(second.group("sp"))
    first_part = text[: second.start()].rstrip()
    found = attribute(first_part)
    if speaker is None or found is None or not found[1] or _POSSESSIVE.search(speaker):
        return None
    first_part = re.sub(r",([”\"]?)$", r".\1", first_part)
    if not re.search(r"[.!?][”\"]?$", first_part):
        first_part += "."
    return [(first_part, found[0]), (text[second.start("sp"):], speaker)]


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


def attribute(text: str) -> tuple[str, bool] | None:
    """Return (speaker as written, is-direct-quote) when ``text`` is an attributed statement."""
    quotes = [m for m in _QUOTE.finditer(text) if len(m.group(0).split()) >= 3]
    if quotes and all(re.search(r"\?[”\"]$", m.group(0)) for m in quotes):
        return None  # a question put to someone is not a statement of theirs
    masked = _QUOTE.sub(" ¶ ", text) if quotes else text
    direct = bool(quotes)
    for verb in _VERB.finditer(masked):
        speaker = _speaker_for(masked, verb, direct=direct)
        if speaker:
            return speaker, direct
    according = _ACCORDING.search(masked)
    if according:
        # The claim is whatever the sentence says besides "according to X".
        rest = masked[: according.start()] + masked[according.end():]
        speaker = _named(_clean_speaker(according.group("sp")), None)
        if speaker and (direct or len(rest.split()) >= 5):
            return speaker, direct
    return None


def _speaker_for(masked: str, verb: re.Match[str], *, direct: bool) -> str | None:
    """Return the speaker attached to ``verb`` when the sentence reads as a statement."""
    before, after = masked[: verb.start()], masked[verb.end():]
    if _PASSIVE.search(before):
        return None
    if verb.group(0) in ("asked", "asks"):
        return None  # "asked whether ..." and '... asked Trump, "You've been ...?"' are questions, not statements
    if verb.group(0) in ("reported", "reports") and not direct and not _REPORTED_THAT.match(after):
        return None  # "reported revenue of ..." is a result, not speech; "reported that ..." is
    subject = _SUBJECT_BEFORE.search(before)
    if subject and _clean_speaker(subject.group("sp")):
        if _has_claim(masked, verb, direct=direct, subject_start=subject.start()):
            return _subject(before[: subject.start()], _named(_clean_speaker(subject.group("sp")), subject.group("ap")))
    if re.search(r"(?:¶|,)\s*$", before) and verb.group(0) in _INVERTIBLE:
        inverted = _SUBJECT_AFTER.match(after)
        if inverted and _named(_clean_speaker(inverted.group("sp")), None):
            if _has_claim(masked, verb, direct=direct, subject_start=verb.start()):
                return _clean_speaker(inverted.group("sp"))
    return None


_PREPOSITION_END = re.compile(r"\b(?:in|of|at|from|to|for|with|by|near|across|outside|inside)(?:\s+the)?\s*$")
_POSSESSIVE = re.compile(r"\w['’]s?\b(?!\w)|s['’](?=\s|$)")


def _subject(lead_in: str, speaker: str | None) -> str | None:
    """Return ``speaker`` when it can be the subject of the speech verb, else None.

    A run after a preposition is that preposition's object ("officials in Kalamazoo and Van
    Buren said"): the speaker is then only the name at the run's end ("ambassador to Britain Liu
    Xiaoming said" gives "Liu Xiaoming"), when the run is long enough to hold a place and a name.
    """
    if speaker is None or not _PREPOSITION_END.search(lead_in):
        return speaker
    return object_name(speaker)


def object_name(run: str) -> str | None:
    """The person named by a run that follows a preposition, or None when it names none.

    "Treasury Secretary Jacob Lew" (a role opens it) stays whole; "Britain Liu Xiaoming" and
    "Ministry of Finance Brian Manning" give the name at the end; "Kalamazoo and Van Buren" none.
    """
    words = run.split()
    if " and " in run or not person_like(" ".join(words[-2:])):
        return None
    if len(words) <= 2:
        return run
    # The name is the run's last two words, or three with a middle initial ("Paul D. Ryan") ...
    start = len(words) - (3 if re.fullmatch(r"[A-Z]\.", words[-2]) and len(words) > 3 else 2)
    # ... with the title just before it ("Independent Senator Amrita Deonarine", "Treasury Secretary Jacob Lew").
    if start > 0 and is_title(words[start - 1]) and words[start - 1].rstrip(".") not in _TITLE_MODIFIERS:
        start -= 1
        while start > 0 and is_title(words[start - 1]):
            start -= 1
    return " ".join(words[start:])


# Words of a title: a run made only of them names an office, not its holder.
_TITLE_WORDS = frozenset(
    """President Prime Minister Premier Chancellor Governor Mayor Secretary Senator Minister General
    Attorney Chief Justice Judge Speaker Leader Commissioner Director Ambassador Superintendent
    Sheriff Inspector Deputy Vice Acting Foreign Finance Health Defense Defence Interior State
    Representative Congressman Congresswoman Councillor Councilman Councilwoman Detective Officer
    Treasury Supt Insp Det Sgt Gov Sen Rep Gen Dr Mr Mrs Ms""".split()
)


# Title words that only qualify another ("Finance" in "Finance Minister"): they never end a title.
_TITLE_MODIFIERS = frozenset("Acting Foreign Finance Health Defense Defence Interior State Treasury Vice Deputy Chief".split())


def is_title(word: str) -> bool:
    """True for a word of a title ("Secretary", "Gov.")."""
    return word.rstrip(".") in _TITLE_WORDS


def is_group(speaker: str) -> bool:
    """True when ``speaker`` is a group noun ("Opponents", "Local officials"), not a name."""
    words = speaker.split()
    return bool(words) and words[-1].capitalize() in _GROUPS


def _named(speaker: str | None, appositive: str | None) -> str | None:
    """Return ``speaker``, or the person a group subject was led by; None for an unnamed group."""
    if speaker is None or not is_group(speaker):
        return speaker
    led = _LED_BY.search(appositive or "")
    return _clean_speaker(led.group("sp")) if led else None


def _has_claim(masked: str, verb: re.Match[str], *, direct: bool, subject_start: int = -1) -> bool:
    """True when the sentence carries what was said: a quote or a reported clause."""
    if direct:
        return True
    before = masked[: max(subject_start, 0)].strip(" ,")
    after = masked[verb.end():].strip(" .")
    # Reported speech: "X said (that) <clause>" or "<clause>, X said." Verbs that also take an
    # object ("concluded the questioning", "denied the request") report speech only with "that".
    if verb.group(0) in _THAT_ONLY and not re.match(r"that\b", after):
        return len(before.split()) >= 5 and bool(re.search(r",\s*(?:the\s+)?$", masked[: max(subject_start, 0)]))
    if len(after.split()) >= 5 and re.match(r"(?:that\b|[a-z]|\w+ (?:that|it|he|she|the)\b)", after):
        return len(before.split()) <= 6
    return len(before.split()) >= 5 and bool(re.search(r",\s*(?:the\s+)?$", masked[: max(subject_start, 0)]))


def _clean_speaker(raw: str) -> str | None:
    """Strip sentence openers from a speaker phrase; None when nothing name-like is left."""
    words = raw.strip(" ,").split()
    # "AS Opposition Leader Bill Shorten said": a capitalised lede's opener is no part of the name.
    while words and (words[0] in _NOT_NAMES or words[0].isupper() and words[0].capitalize() in _NOT_NAMES) and (
            words[0] not in ("He", "She", "The", "A", "An")):
        words = words[1:]
    if not words:
        return None
    speaker = " ".join(words).rstrip(".,")
    if speaker.lower() in _SPEAKER_BAD or speaker in _NOT_NAMES - {"He", "She"}:
        return None
    if re.search(r"['’](?:re|m|ve|ll|d)\b", words[0]):
        return None  # "We're told", "I'm told": the reporter, not a speaker
    if speaker.lower() in ("he", "she"):
        return speaker.lower()
    if _POSSESSIVE.search(speaker.removeprefix("The ")) or re.search(r"\s(?:and|&)\s", speaker):
        return None  # "Hege's lawyer", "The Verge's Stadia": owned, not the owner; "A and B": two people, one quote
    if all(is_title(w) for w in speaker.split() if w not in ("The", "A", "An", "the", "of")):
        return None  # "The Prime Minister said", "the future President said": an office, not a name
    if re.fullmatch(r"[A-Z]{2,}s", speaker) or _EPITHET.search(speaker):
        return None  # "AMAs": an event or a product line; "the New York Democrat": an epithet
    speaker = re.sub(r"\s+for\s+the\s+[A-Z][\w\s]*$", "", speaker)  # "Rick Perry for the Republican (nomination)"
    # "The spokesman", "A lawyer": an article alone does not make a name; "Trump" and "Anna" do.
    rest = speaker.split(" ", 1)[1] if speaker.split(" ", 1)[0] in ("The", "A", "An") and " " in speaker else speaker
    return speaker if re.search(r"[A-Z]", rest) and rest not in ("The", "A", "An") else None


_PLACE_HEAD = frozenset(
    "North South East West Central Northern Southern Eastern Western Middle United New Latin".split()
)


def person_like(run: str) -> bool:
    """True when a capitalised run reads as a person's name rather than a place or body."""
    words = run.split()
    if not 2 <= len(words) <= 7 or words[-1] in _ORG_TAIL or words[-1] in _NOT_NAMES:
        return False
    return not (len(words) == 2 and words[0] in _PLACE_HEAD)


class _NameBook:
    """The people an entry has introduced so far, by surname and sentence by sentence."""

    def __init__(self) -> None:
        self.by_surname: dict[str, str] = {}
        self.by_part: dict[str, str] = {}
        # Per sentence index: who was mentioned first, or "" when a pronoun came first.
        self.subjects: dict[int, str] = {}
        self.last_speaker: tuple[int, str] | None = None
        self.roles: dict[str, str] = {}  # full name -> name with the role the article gave
        self.people: dict[int, set[str]] = {}  # per sentence index: the people it names (before a pronoun)

    def read(self, text: str, index: int) -> None:
        """Record the person-like runs of one sentence (quotes excluded) and its subject."""
        prose = _QUOTE.sub(" ", text)
        pronoun = re.search(_PRONOUN, prose)
        for match in re.finditer(_NAME, prose):
            run = re.sub(r"['’]s?$", "", _strip_openers(_RUN_BREAK.split(match.group(0))[-1]))
            if _PREPOSITION_END.search(prose[: match.start()]):
                run = object_name(run) or ""  # "ambassador to Britain Liu Xiaoming": the place is not the name
            if not run:
                continue
            self._learn(run)
            name = self.full(run) if person_like(run) else (self.lookup(run) if " " not in run else None)
            if name and person_like(name) and (pronoun is None or match.start() < pronoun.start()):
                self.people.setdefault(index, set()).add(name)
            if name and index not in self.subjects:
                before_pronoun = pronoun is None or match.start() < pronoun.start()
                self.subjects[index] = name if before_pronoun else ""
        if index not in self.subjects and pronoun:
            self.subjects[index] = ""
        for name, shown in roles_in(prose):
            if person_like(name):
                self._learn(name)
                self.roles.setdefault(self.full(name), shown.replace(name, self.full(name), 1))

    def with_role(self, speaker: str) -> str:
        """Return ``speaker`` with the role the article gave them, when it gave one."""
        return self.roles.get(speaker) or self.roles.get(self.full(speaker)) or speaker

    def note_speaker(self, speaker: str, index: int) -> None:
        """Remember a resolved speaker."""
        self._learn(speaker)
        self.last_speaker = (index, speaker)

    def resolve(self, raw: str, index: int) -> str | None:
        """Turn a speaker as written into the full name, or None when it cannot be resolved."""
        if raw in ("he", "she"):
            return self._antecedent(index)
        bare = _HONORIFIC.sub("", raw)
        affiliation = _AFFILIATION.search(bare)
        if affiliation and affiliation.start() > 0 and _is_affiliation(affiliation.group(0)):
            # "Wee of the Times": the person as introduced, then where they work, as written.
            name = self.resolve(bare[: affiliation.start()], index)
            return f"{name}{bare[affiliation.start():]}" if name else None
        titled = _TITLE.match(bare)
        if titled and len(bare.split()) == 2:
            return self.lookup(bare[titled.end():]) or raw  # "Gov. Perry": the Rick Perry introduced earlier
        if len(bare.split()) == 1:
            return self.lookup(bare) or bare
        fuller = self.by_part.get(_surname(bare))
        # "Te Kaurinui" after "Te Kaurinui Robert Parata": the name as first given.
        return fuller if fuller and bare in fuller else self.full(bare)

    def lookup(self, word: str) -> str | None:
        """The full name a single word refers to: a surname first, else any part of a name."""
        key = word.rstrip(".,'’s")
        return self.by_surname.get(key) or self.by_part.get(key)

    def _antecedent(self, index: int) -> str | None:
        """The subject of the nearest earlier sentence that names one (pronoun chains skip)."""
        for back in range(index, index - 4, -1):
            if self.last_speaker and self.last_speaker[0] == back and self._personal(self.last_speaker[1]):
                return self.last_speaker[1]
            subject = self.subjects.get(back)
            if subject:
                # "Hale met Varga on Monday. He said ...": two people, either could be "he"; so
                # could the last speaker, when someone else was named after them.
                if len(self.people.get(back, ())) > 1 or self._other_speaker(subject, back, index):
                    return None
                return subject
        return None

    def _other_speaker(self, subject: str, back: int, index: int) -> bool:
        """True when a different person spoke shortly before ``subject`` was named (ambiguous "he")."""
        if self.last_speaker is None or back == index:
            return False
        when, speaker = self.last_speaker
        return index - when <= 4 and speaker != subject and self._personal(speaker)

    def _personal(self, speaker: str) -> bool:
        """True when a resolved speaker can be "he" or "she": a person, not a body or a group."""
        words = speaker.split()
        if person_like(speaker) or speaker in self.by_surname.values():
            return True
        return len(words) == 1 and not is_group(speaker) and words[0] not in _ORG_TAIL

    def full(self, run: str) -> str:
        """Return the fullest known form of ``run``."""
        known = self.by_surname.get(_surname(run))
        return known if known and len(known) > len(run) and known.endswith(run) else run

    def _learn(self, run: str) -> None:
        words = run.split()
        if not person_like(run) and len(words) > 3 and words[-3][:1].isupper():
            # "Acting U.S. Attorney for the District of Massachusetts Joshua Levy": the person at its end.
            tail = " ".join(words[-2:])
            if person_like(tail) and not is_title(words[-2]) and words[-2] not in _PLACE_HEAD:
                run = tail
        if person_like(run):
            self.by_surname.setdefault(_surname(run), run)
            # Korean, Chinese and Hungarian names put the family name first: "Yoon Suk Yeol".
            for part in run.split()[:-1]:
                if part[:1].isupper() and part not in _NOT_NAMES and len(part) > 2:
                    self.by_part.setdefault(part.rstrip(".,"), run)


def _is_affiliation(tail: str) -> bool:
    """True for " of the Times" or " of Reuters" (where someone works), not " of State Antony Blinken"."""
    words = tail.split()
    return words[1] == "the" or words[-1] in _ORG_TAIL


def _strip_openers(run: str) -> str:
    words = run.split()
    while words and (words[0] in _NOT_NAMES or words[0].isupper() and words[0].capitalize() in _NOT_NAMES):
        words = words[1:]
    return " ".join(words).rstrip(".")


def _surname(run: str) -> str:
    return run.split()[-1].rstrip(".,'’s") if run.split() else ""


def named_in_full(text: str, speaker: str) -> str:
    """Return ``text`` with a leading bare surname of the speaker given in full, else ``text``.

    "Dravik said ..." under "Trade Minister Anselm Dravik" becomes "Trade Minister Anselm Dravik
    said ...", so the entry stands alone instead of reading "Trade Minister Anselm Dravik: Dravik
    said ..."; a role the article gave after the name comes along ("Maren Holt, chief executive
    of the Port Authority, said ..."). Only the opening is touched: the rest is the source's.
    """
    name = speaker.split(",")[0].strip()
    if " " not in name or text.startswith(name):
        return text
    match = re.match(rf"(?:(?:Mr|Mrs|Ms|Dr)\.\s+)?{re.escape(name.split()[-1])}\b(?![’'-])", text)
    if not match:
        return text
    full = f"{speaker}," if "," in speaker and text[match.end():match.end() + 1] == " " else name
    return full + text[match.end():]
