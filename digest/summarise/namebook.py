"""The book of who an article introduced how: later "Blinken", "Mr. Blinken", "Gov. Perry" or "he" resolve to that.

The first time an article names someone, with or without a role, is how they are named after;
"he" and "she" stand for a person named just before, when nothing says otherwise.
"""

from __future__ import annotations

import re

from digest.summarise.gender import gender_of
from digest.summarise.names import (
    ATTRIBUTIVE,
    NAME,
    NOT_NAMES,
    ORG_TAIL,
    PLACE_HEAD,
    PREPOSITION_END,
    UNNAMED_SPEAKER,
    PRONOUN,
    QUOTE,
    SUFFIXES,
    is_group,
    is_title,
    object_name,
    one_letter_off,
    spelled_out,
    person_like,
)
from digest.summarise.attribution import SPEECH_VERBS
from digest.summarise.jobs import JOB, JOB_WORD, KIN
from digest.summarise.moreroles import titled_roles
from digest.summarise.roles import PERSON, roles_in

# What may come before a sentence's own subject ("But Askar ..."); "Saying", "When" and "After" open a clause.
_OPENING = re.compile(
    r"\s*(?:(?:But|And|Yet|So|Then|Now|Meanwhile|Still|Also|However|Indeed|Mr\.|Mrs\.|Ms\.|Dr\.|even|only|also|"
    r"[A-Z]?[a-z]+ly)[\s,]+)*"
)
# A person owned by a possessive: "'s daughter", "'s longtime spokesman", "’s lawyer".
# (only one named or speaking next: "Trump's executive order", "Trump's time as president", "Trump's head was bowed"
# own no one who speaks)
_OWNED_PERSON = re.compile(rf"\s+(?:(?!(?:as|of|for|to|in|on|at|by|with|from|and|or)\b)[a-z-]+\s+){{0,2}}?(?:{KIN}|{JOB})s?\b"
                           rf"(?=\s*,|\s+(?-i:[A-Z])|\s+(?:{SPEECH_VERBS})\b)", re.IGNORECASE)
_OF_WHOM = frozenset({"of", "for", "by"})  # not "to" ("ambassador to Britain Liu Xiaoming") nor "with" ("with CBS News ...")
POSSESSIVE_END = re.compile(r"['’]s?$")
# "Kyiv's and French President Emmanuel Macron": a name ends at "and" and at a possessive.
_FORMER = re.compile(r"\b(?:former|ex-)\s*$", re.IGNORECASE)
_RUN_BREAK = re.compile(r"\s+(?:and|&)\s+|(?<=['’]s)\s+|(?<=s['’])\s+")
_AFFILIATION = re.compile(r"\s+(?:of|from|at)\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*$")
_HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+")
_UNNAMED = "\x00unnamed"  # a subjects marker: someone unnamed spoke in that sentence
# Titles before a surname ("Gov. Perry"): resolved to the name the article introduced, kept when it did not.
_TITLE = re.compile(r"^(?:Gov|Sen|Rep|Gen|Lt|Col|Adm|Sgt|Capt|Supt|Insp|Det|Judge|Justice|President|Governor|Senator|Mayor)\.?\s+")


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
        self.shared: dict[str, list[str]] = {}  # surname -> the people introduced here who share it
        self.acronyms: dict[str, str] = {}  # "BPD" -> "Brookhaven Police Department", as the article spelled it out

    def read(self, text: str, index: int) -> None:
        """Record the person-like runs of one sentence (quotes excluded) and its subject."""
        # A quote between two capitalised words parts them: in 'AirSnitch "breaks ...," Xin'an Zhou
        # said' the attack's name is not the start of his; a nickname ('Chunhua "Charlie" Qi') is his own.
        prose = QUOTE.sub(lambda m: " , " if text[: m.start()].rstrip()[-1:].isalpha() and len(m.group(0).split()) > 2
                          else " ", text)
        for acronym, body in spelled_out(text) if "(" in text else ():  # most sentences spell nothing out
            self.acronyms.setdefault(acronym, body)
        pronoun = re.search(PRONOUN, prose)
        for match in re.finditer(NAME, prose):
            *others, piece = _RUN_BREAK.split(match.group(0))
            for other in others:  # "Speaker John A. Boehner of Ohio and Senator Mitch McConnell": both are people
                self._learn(re.sub(r"['’]s?$", "", _strip_openers(other)), whole=not POSSESSIVE_END.search(other))
            run = re.sub(r"['’]s?$", "", _strip_openers(piece))
            if preposition := PREPOSITION_END.search(prose[: match.start()]):
                head, _ = _split_of(run)  # "the backing of Sheriff Joe Arpaio of Maricopa County": keep the county
                # "ambassador to Britain Liu Xiaoming": the place is not the name
                named = object_name(head, qualified=preposition.group(0).split()[0] in _OF_WHOM)
                run = run.replace(head, named, 1) if named else ""
            if not run or not POSSESSIVE_END.search(piece) and ATTRIBUTIVE.match(prose, match.end()):
                continue  # "many furtive Trump supporters": a name used as a modifier names no one here
            self._learn(run, office=not others)  # "President and Chief Financial Officer of ...": the office was cut
            name = self.full(run) if person_like(run) else (self.lookup(run) if " " not in run else None)
            if name and _FORMER.search(prose, 0, match.end() - len(piece)) and len(run.split()) > 2:
                # "The former Cardinal Jorge Bergoglio of Argentina": the title is no longer his
                self.roles[name] = f"former {self.roles.get(name, name)}".replace("former former ", "former ")
            if name and name not in self.genders:
                at = match.end() - len(piece)  # an honorific just before the run, or opening it ("Ms. Jordan Price")
                self.genders[name] = gender_of(name, prose[max(0, at - 5): at] + piece.split()[0])
            if name and person_like(name) and (pronoun is None or match.start() < pronoun.start()):
                self.people.setdefault(index, set()).add(name)
            if name and index not in self.subjects and POSSESSIVE_END.search(piece) and _OWNED_PERSON.match(prose, match.end()):
                # "Mandela's daughter Zindzi told ...": the one whose daughter it is does not speak; "she" after it
                # stands for no one the book knows, not for Mandela (round 83's pack: "former president Nelson
                # Mandela said" of his daughter's words)
                self.subjects[index] = _UNNAMED
            if name and index not in self.subjects:
                # "Askar has released code he said ...": a name opening the sentence is what "he" stands
                # for; "Saying President Obama, he said, ..." names someone else, so the chain goes on.
                opening = _OPENING.fullmatch(prose[: max(prose.find(run, match.start()), 0)])
                before_pronoun = pronoun is None or match.start() < pronoun.start() and bool(opening)
                self.subjects[index] = name if before_pronoun else ""
        if index not in self.subjects and (pronoun or UNNAMED_SPEAKER.match(prose)):
            self.subjects[index] = "" if pronoun else _UNNAMED
        for name, shown in [*titled_roles(text, PERSON), *roles_in(prose)]:  # a quoted title is read with its quotes
            key = name.rstrip(".")  # "Jesse L. Jackson Jr." is learned as "Jesse L. Jackson Jr"
            if " " not in key and key in self.shared:
                continue  # "Bran, a nurse ...": which of the Brans, the reader cannot tell
            if " " not in key and (known := self.by_surname.get(key)):  # "Manson, who is chief of ...": introduced before
                key, shown = known, shown.replace(key, known, 1)
            if person_like(key):
                self._learn(key)
                full = self.full(key)
                # "acting CEO Gary Scott" already holds "CEO Gary Scott" as first read; "Minister of National
                # Security Fitzgerald Hinds" read as "Fitzgerald Hinds, Minister of National Security" gives his title once.
                title = full[: -len(key)].strip() if full.endswith(f" {key}") else ""
                # (the role shown is that title itself, or ends on its body's "the Prime Minister": "Minister in the
                # Office of the Prime Minister Stuart Young"; "President Ana Ruiz" is no "Ana Ruiz, a former Vice President")
                role = shown[len(key) + 2:] if shown.startswith(f"{key}, ") else ""
                same = full == key or full in shown or bool(title) and (role.lower() == title.lower() or role.endswith(f" the {title}"))
                self.roles.setdefault(full, shown if same else shown.replace(key, full, 1))

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
            if _possessor(bare) in self.shared:
                return self._namesake(raw)
            if bare in self.acronyms and not person_like(self.acronyms[bare]):
                # "BPD said ...": the body the article spelled out before, when its name reads as a body's
                # ("Americans for Prosperity" might be taken for a person's: "AFP" stays)
                return self.acronyms[bare]
            if self._two_of(_possessor(bare)):
                return None
            known = self.lookup(bare) or self._case_apart(bare)
            # "Mr McGinity", learned as a name of its own, is the one introduced a letter off it; only with
            # an honorific: a bare "Hanson" or "Robert, 9" may be someone else
            if raw != bare and (known is None or _HONORIFIC.sub("", known) == bare):
                return self._misspelt(bare, gender_of(raw)) or known or bare
            return known or bare
        fuller = self.by_part.get(_surname(bare))
        # "Te Kaurinui" after "Te Kaurinui Robert Parata": the name as first given.
        return fuller if fuller and bare in fuller else self.full(bare)

    def _namesake(self, raw: str) -> str | None:
        """Which of the people sharing a surname "Mr. Jackson" is: the one of the honorific's gender, else None."""
        honorific = _HONORIFIC.match(raw)
        gender = gender_of(_possessor(raw), honorific.group(0)) if honorific else None
        fits = [p for p in self.shared[_surname(raw)] if gender and self._gender(p) == gender]
        return fits[0] if len(fits) == 1 else None

    def _gender(self, person: str) -> str | None:
        return self.genders.get(person) or gender_of(self.with_role(person))

    def _may_be(self, pronoun: str, person: str) -> bool:
        """True when "he" or "she" can stand for ``person``: their gender matches, or is unknown and
        the article gave them a title or a role, so they are a person ("Fox News host Glenn Beck"),
        not a hotel, a programme or a document named just before the pronoun."""
        gender = self._gender(person)
        if gender is not None:
            return gender == ("f" if pronoun == "she" else "m")
        shown = self.with_role(person)
        return shown != person or is_title(person.split()[0]) or bool(JOB_WORD.search(shown))

    def lookup(self, word: str) -> str | None:
        """The full name a single word refers to: a surname first, else any part of a name."""
        key = _possessor(word)
        return None if self._two_of(key) else self.by_surname.get(key) or self.by_part.get(key)

    def _two_of(self, key: str) -> bool:
        """True when one word names two people: "Jerry" after "Jerry Jones" and his son "Jerry Jr."."""
        known, part = self.by_surname.get(key), self.by_part.get(key)
        # ("Dale Jr." after "Dale Earnhardt Jr." is one man: both carry the "Jr.")
        return bool(known and part and part != known and len(known.split()) == 2 and known.split()[-1] in SUFFIXES
                    and part.split()[-1] != known.split()[-1])

    def _case_apart(self, word: str) -> str | None:
        """The one person introduced whose surname is ``word`` but for its capitals: "LaBolt said" after "Ben Labolt"
        (round 100's reviewer: "LaBolt appears without his full name or role"), else None."""
        key = _possessor(word).casefold()
        same = {full for surname, full in self.by_surname.items() if surname.casefold() == key and surname != word}
        return same.pop() if len(same) == 1 else None

    def _misspelt(self, word: str, gender: str | None) -> str | None:
        """The one person introduced whose surname ``word`` is a letter off: the article's typo
        ("Mr McGinity" for the "Prosecutor Tim McGinty" it named), else None."""
        near = {full for surname, full in self.by_surname.items() if surname != word and one_letter_off(surname, word)
                and not (gender and self._gender(full) not in (None, gender))}  # "Mr Janson" is no "Ana Jansson"
        return near.pop() if len(near) == 1 else None

    def _antecedent(self, index: int) -> str | None:
        """The subject of the nearest earlier sentence that names one (pronoun chains skip)."""
        for back in range(index, index - 4, -1):
            if self.last_speaker and self.last_speaker[0] == back and self._personal(self.last_speaker[1]):
                return self.last_speaker[1]
            subject = self.subjects.get(back)
            if subject == _UNNAMED:
                return None  # "a man ... said ... . He said ...": he is the man, whom no one named
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
        if not known or len(known) <= len(run):
            return run
        # "Dr. Berkley" after "Dr. Seth Berkley": the same title, and the name as first given.
        title = _HONORIFIC.match(run)
        return known if known.endswith(run) or title and known.startswith(title.group(0)) and known.endswith(
            " " + run[title.end():]) and _surname(run) not in self.shared else run

    def _learn(self, run: str, *, whole: bool = True, office: bool = True) -> None:
        """Learn the person a run names; ``whole`` is False for a run cut at a possessive ("... of Columbia's"),
        ``office`` False for one cut at "and" (an office before the name may have lost its start)."""
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
            # Three words with a middle initial: "... President Thomas M. Hoenig" is "Thomas M. Hoenig".
            size = 3 if re.fullmatch(r"[A-Z]\.", words[-2]) and len(words) > 4 else 2
            tail = " ".join(words[-size:])
            if person_like(tail) and not is_title(words[-size]) and words[-size] not in PLACE_HEAD:
                if whole and office and any(is_title(w) for w in words[:-size]):
                    self.roles.setdefault(tail, run)  # the office is how the article introduced them
                run = tail
        if person_like(run):
            known = self.by_surname.get(_surname(run))
            if known and _given(known) and _given(run) and not _given(known) & _given(run):
                self.shared.setdefault(_surname(run), [known]).append(run)  # "Mekhi Lucky", "Marie Lucky"
            self.by_surname.setdefault(_surname(run), run)
            # Korean, Chinese and Hungarian names put the family name first: "Yoon Suk Yeol".
            words = run.split()
            # Words before a title word are the title's ("Microsoft" in "Microsoft President Brad Smith"):
            # "Microsoft said" is the company, not its president.
            titled = max((i for i, w in enumerate(words[:-1]) if is_title(w)), default=-1)
            for part in words[titled + 1:-1]:
                known = self.by_part.get(part.rstrip(".,"))
                # "Te Kaurinui Robert", then "Te Kaurinui Robert Parata": the name grows to its full form.
                if part[:1].isupper() and part not in NOT_NAMES and len(part) > 2 and (
                        known is None or run.startswith(known + " ")):
                    self.by_part[part.rstrip(".,")] = run


def _given(run: str) -> set[str]:
    """The words before the surname, past titles and initials ({"Marie"} in "Ms. Marie Lucky")."""
    return {w for w in run.split()[:-1] if not is_title(w) and w not in NOT_NAMES and not re.fullmatch(r"[A-Z]\.", w)}


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




def _surname(run: str) -> str:
    """The family name of a run: its last word, past a "Jr." or "III" ("Jesse L. Jackson Jr." gives "Jackson")."""
    words = [w.rstrip(",") for w in run.split()]
    while len(words) > 1 and words[-1] in SUFFIXES:
        words.pop()
    return _possessor(words[-1]) if words else ""


def _possessor(word: str) -> str:
    """The word without a possessive or trailing punctuation: "Blinken's" and "Blinken," give "Blinken", "Jones" stays."""
    return re.sub(r"['’]s?$", "", word.rstrip(".,"))
