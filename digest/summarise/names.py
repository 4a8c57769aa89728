"""People in an article: names, titles and the book of who was introduced how.

A capitalised run is a person when it looks like one (not a place, a body or a time); the
first time an article names someone, with or without a role, is how they are named after.
Later "Blinken", "Mr. Blinken", "Gov. Perry" or "he" resolve to that name.
"""

from __future__ import annotations

import re

from digest.summarise.gender import gender_of
from digest.summarise.roles import JOB_WORD, NAME_WORD, PARTICLE, roles_in

_CAP = NAME_WORD
_LINK = rf"(?:of|for|the|and|{PARTICLE})"
NAME = rf"{_CAP}(?:\s+(?:{_LINK}\s+){{0,2}}{_CAP})*"
PRONOUN = r"\b(?:[Hh]e|[Ss]he)\b"

QUOTE = re.compile(r"“[^“”]*”|\"[^\"]*\"")

# Capitalised words that open sentences or name times, never people.
NOT_NAMES = frozenset(
    """The A An But And Or So Yet In On At For After Before When While If As His Her Their Its Our
    My There Here What Why How Who Where Still However Meanwhile Also Now Then Last Next This That
    These Those It They We I You He She Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    January February March April May June July August September October November December
    Mr. Mrs. Ms. Some Many Most Both Earlier Later Today Yesterday Asked Speaking Even Saying Calling
    Noting Adding Writing Citing Responding Addressing According Like Unlike Blaming Praising Criticizing
    Criticising Describing Referring Pointing Recalling Thanking Accusing Urging Warning Insisting Comparing
    Discussing Explaining Defending""".split()
)
# Last words that make a capitalised run an organisation or place rather than a person.
ORG_TAIL = frozenset(
    """Court House Department Ministry University College School Party Committee Congress Senate
    Administration Company Inc Inc. Corp Corp. Co. Ltd News Times Post Journal Street City County
    State States America Republicans Democrats Council Agency Office Service Bank Group Network
    Institute Center Centre Association Commission Board Police Force Army Navy Guard Union
    Kingdom Nations Press Reuters Government Foundation Club Church Hospital Airlines Building Hall Memorial
    Park Square Avenue Road Bridge Station Airport Stadium Arena Museum Library Cathedral Palace Tower Plaza
    Academy Forum Summit Conference Festival Awards Show Province Region District Island Islands Valley""".split()
)
# "Kyiv's and French President Emmanuel Macron": a name ends at "and" and at a possessive.
# What may come before a sentence's own subject ("But Askar ..."); "Saying", "When" and "After" open a clause.
_OPENING = re.compile(
    r"\s*(?:(?:But|And|Yet|So|Then|Now|Meanwhile|Still|Also|However|Indeed|Mr\.|Mrs\.|Ms\.|Dr\.|even|only|also|"
    r"[A-Z]?[a-z]+ly)[\s,]+)*"
)
POSSESSIVE_END = re.compile(r"['’]s?$")
_RUN_BREAK = re.compile(r"\s+(?:and|&)\s+|(?<=['’]s)\s+|(?<=s['’])\s+")
_AFFILIATION = re.compile(r"\s+(?:of|from|at)\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*$")
_HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+")
# Titles before a surname ("Gov. Perry"): resolved to the name the article introduced, kept when it did not.
_TITLE = re.compile(r"^(?:Gov|Sen|Rep|Gen|Lt|Col|Adm|Sgt|Capt|Supt|Insp|Det|Judge|Justice|President|Governor|Senator|Mayor)\.?\s+")

# Plural and common nouns that open "Opponents argued ...": a group, not a named speaker.
_GROUPS = frozenset(
    """Opponents Critics Supporters Officials Residents Analysts Experts Investigators Prosecutors
    Lawmakers Legislators Protesters Activists Witnesses Scientists Researchers Economists Doctors
    Authorities Organisers Organizers Sources Campaigners Neighbors Neighbours Parents Students
    Workers Teachers Others Observers Advocates Critics Regulators Leaders Members Voters Fans
    Officers Diplomats Executives Investors Traders Residents Families Environmentalists People Relatives
    Friends Loved Witnesses Neighbors Colleagues Owners Employees Staff Locals Villagers Teachers Police""".split()
)

PREPOSITION_END = re.compile(r"\b(?:in|of|at|from|to|for|with|by|near|across|outside|inside)(?:\s+the)?\s*$")

def object_name(run: str) -> str | None:
    """The person named by a run that follows a preposition, or None when it names none.

    "Treasury Secretary Jacob Lew" (a role opens it) stays whole; "Britain Liu Xiaoming" and
    "Ministry of Finance Brian Manning" give the name at the end; "Kalamazoo and Van Buren" none.
    """
    words = run.split()
    suffix = int(len(words) > 2 and words[-1].rstrip(".") in _SUFFIXES)  # "Theodore Boutrous Jr": three words
    if " and " in run or not person_like(" ".join(words[-2 - suffix:])):
        return None
    if len(words) <= 2 + suffix:
        return run
    # The name is the run's last two words, or three with a middle initial ("Paul D. Ryan") ...
    start = len(words) - suffix - (3 if re.fullmatch(r"[A-Z]\.", words[-2 - suffix]) and len(words) > 3 + suffix else 2)
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

_PLACE_HEAD = frozenset(
    "North South East West Central Northern Southern Eastern Western Middle United New Latin".split()
)


def person_like(run: str) -> bool:
    """True when a capitalised run reads as a person's name rather than a place or body."""
    words = run.split()
    if not 2 <= len(words) <= 7 or words[-1] in ORG_TAIL or words[-1] in NOT_NAMES:
        return False
    return not (len(words) == 2 and words[0] in _PLACE_HEAD)


class NameBook:
    """The people an entry has introduced so far, by surname and sentence by sentence."""

    def __init__(self) -> None:
        self.by_surname: dict[str, str] = {}
        self.by_part: dict[str, str] = {}
        # Per sentence index: who was mentioned first, or "" when a pronoun came first.
        self.subjects: dict[int, str] = {}
        self.last_speaker: tuple[int, str] | None = None
        self.roles: dict[str, str] = {}  # full name -> name with the role the article gave
        self.people: dict[int, set[str]] = {}  # per sentence index: the people it names (before a pronoun)
        self.genders: dict[str, str | None] = {}  # full name -> "f", "m" or None, as first introduced

    def read(self, text: str, index: int) -> None:
        """Record the person-like runs of one sentence (quotes excluded) and its subject."""
        prose = QUOTE.sub(" ", text)
        pronoun = re.search(PRONOUN, prose)
        for match in re.finditer(NAME, prose):
            *others, piece = _RUN_BREAK.split(match.group(0))
            for other in others:  # "Speaker John A. Boehner of Ohio and Senator Mitch McConnell": both are people
                self._learn(re.sub(r"['’]s?$", "", _strip_openers(other)), whole=not POSSESSIVE_END.search(other))
            run = re.sub(r"['’]s?$", "", _strip_openers(piece))
            if PREPOSITION_END.search(prose[: match.start()]):
                head, _ = _split_of(run)  # "the backing of Sheriff Joe Arpaio of Maricopa County": keep the county
                named = object_name(head)  # "ambassador to Britain Liu Xiaoming": the place is not the name
                run = run.replace(head, named, 1) if named else ""
            if not run:
                continue
            self._learn(run)
            name = self.full(run) if person_like(run) else (self.lookup(run) if " " not in run else None)
            if name and name not in self.genders:
                at = match.end() - len(piece)  # an honorific just before the run, or opening it ("Ms. Jordan Price")
                self.genders[name] = gender_of(name, prose[max(0, at - 5): at] + piece.split()[0])
            if name and person_like(name) and (pronoun is None or match.start() < pronoun.start()):
                self.people.setdefault(index, set()).add(name)
            if name and index not in self.subjects:
                # "Askar has released code he said ...": a name opening the sentence is what "he" stands
                # for; "Saying President Obama, he said, ..." names someone else, so the chain goes on.
                opening = _OPENING.fullmatch(prose[: max(prose.find(run, match.start()), 0)])
                before_pronoun = pronoun is None or match.start() < pronoun.start() and bool(opening)
                self.subjects[index] = name if before_pronoun else ""
        if index not in self.subjects and pronoun:
            self.subjects[index] = ""
        for name, shown in roles_in(prose):
            key = name.rstrip(".")  # "Jesse L. Jackson Jr." is learned as "Jesse L. Jackson Jr"
            if person_like(key):
                self._learn(key)
                full = self.full(key)
                # "acting CEO Gary Scott" already holds "CEO Gary Scott" as first read.
                self.roles.setdefault(full, shown if full == key or full in shown else shown.replace(key, full, 1))

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
            person = self._antecedent(index)
            # "he said" right after "Mary Munive": not her.
            return person if person and self._may_be(raw, person) else None
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

    def _may_be(self, pronoun: str, person: str) -> bool:
        """True when "he" or "she" can stand for ``person``: their gender matches, or is unknown and
        the article gave them a title or a role, so they are a person ("Fox News host Glenn Beck"),
        not a hotel, a programme or a document named just before the pronoun."""
        gender = self.genders.get(person) or gender_of(self.with_role(person))
        if gender is not None:
            return gender == ("f" if pronoun == "she" else "m")
        shown = self.with_role(person)
        return shown != person or is_title(person.split()[0]) or bool(JOB_WORD.search(shown))

    def lookup(self, word: str) -> str | None:
        """The full name a single word refers to: a surname first, else any part of a name."""
        key = _possessor(word)
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
        return len(words) == 1 and not is_group(speaker) and words[0] not in ORG_TAIL

    def full(self, run: str) -> str:
        """Return the fullest known form of ``run``."""
        known = self.by_surname.get(_surname(run))
        return known if known and len(known) > len(run) and known.endswith(run) else run

    def _learn(self, run: str, *, whole: bool = True) -> None:
        """Learn the person a run names; ``whole`` is False for a run cut at a possessive ("... of Columbia's")."""
        head, link = _split_of(run)
        if link:
            # "Sheriff Joe Arpaio of Maricopa County": the person is the name before "of", and where
            # they serve is part of how they were introduced ("for the Republican nomination" is not).
            if link == "of" and whole:
                self.roles.setdefault(head, run)
            run = head
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
                if part[:1].isupper() and part not in NOT_NAMES and len(part) > 2:
                    self.by_part.setdefault(part.rstrip(".,"), run)


def _split_of(run: str) -> tuple[str, str | None]:
    """(the person, "of" or "for") when a run names a person and then where or what they serve, else (run, None)."""
    head, *tail = re.split(r"\s+(of|for)\s+", run, maxsplit=1)
    # "Acting U.S. Attorney for the District of ... Joshua Levy": a title before "for" is no person.
    if tail and person_like(head) and not any(is_title(w) for w in run.split()[len(head.split()) - 1:]):
        return head, tail[0]
    return run, None


def _is_affiliation(tail: str) -> bool:
    """True for " of the Times" or " of Reuters" (where someone works), not " of State Antony Blinken"."""
    words = tail.split()
    return words[1] == "the" or words[-1] in ORG_TAIL


def _strip_openers(run: str) -> str:
    words = run.split()
    while words and (words[0] in NOT_NAMES or words[0].isupper() and words[0].capitalize() in NOT_NAMES):
        words = words[1:]
    return " ".join(words).rstrip(".")


_SUFFIXES = frozenset("Jr Jr. Sr Sr. II III IV".split())


def _surname(run: str) -> str:
    """The family name of a run: its last word, past a "Jr." or "III" ("Jesse L. Jackson Jr." gives "Jackson")."""
    words = [w.rstrip(",") for w in run.split()]
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words.pop()
    return _possessor(words[-1]) if words else ""


def _possessor(word: str) -> str:
    """The word without a possessive or trailing punctuation: "Blinken's" and "Blinken," give "Blinken", "Jones" stays."""
    return re.sub(r"['’]s?$", "", word.rstrip(".,"))


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
