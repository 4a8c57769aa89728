"""How a Who said what entry reads in the email: the speaker bold where the sentence names them.

"Maren Holt, chief executive, said ..." shows the name bold in place rather than "Maren Holt: Maren Holt, chief
executive, said ...". A sentence that names the speaker bare, by name or surname followed by the verb of saying or
the sentence's end ("'...,' Romney told reporters.", "Massy said ..."), shows the speaker as the label gives them,
with the role, in place of that name ("'...,' Republican presidential candidate Mitt Romney told reporters.") or
before a clause telling what they did ("said Wayne King, the congressman's deputy chief of staff, who resigned ...");
one that tells who they are itself ("Laura Ingraham, one of the few ...") keeps its own words. The brief's sentence is
unchanged: only how it is shown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from digest.model import Quote
from digest.render.roleclause import role_before_clause


@dataclass(frozen=True)
class QuoteView:
    """A quote split so the speaker's name can be bold where the sentence already names them."""

    before: str  # text before the name ("" when the name leads)
    name: str  # the speaker's name, shown bold
    after: str  # the rest: the sentence after the name, or ": " and the whole sentence
    source: str  # outlet that reported it
    url: str | None = None  # that outlet's article (the quotation's cite), when linked


# "Samantha Burgess of the Copernicus Climate Change Service", "Dr Lucy Raymond from the department of ...": the
# person before the words that place them.
_PLACED = re.compile(r"\s+(?:of|from|at|with)\s+")
_CAPITAL = re.compile(r"^[A-Z][\w'’.-]*$")
# A title the sentence puts before a surname: "Mr. Romney", "Sen. Paul".
_TITLE_BEFORE = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Det|Insp|Supt|Judge|"
                           r"Justice|President|Minister|Secretary|Mayor|Chief|Officer)\.?\s+)$")


def quote_view(quote: Quote) -> QuoteView:
    """Return ``quote`` split around the speaker's name when the sentence names them; an acronym the label spells
    out (summarise/acronyms.py) is found as the sentence has it and shown spelled out in the bold name and in a role
    set after it ("**Harris County Sheriff's Office (HCSO)** said ...", "said **National Oceanic and Atmospheric
    Administration (NOAA) head Jane Lubchenco** ..."), unless the sentence spells it out itself."""
    spelled = {acr: full for acr, full in _spelled_out(quote.speaker).items() if full not in quote.text}
    if not spelled:
        return _view(quote)
    plain = quote.speaker
    for acr, full in spelled.items():
        plain = plain.replace(f"{full} ({acr})", acr, 1)
    view = _view(replace(quote, speaker=plain))
    name, after = view.name, view.after
    role = plain.partition(",")[2].strip()
    inserted = f", {role}" if role and after.startswith(f", {role}") and role.lower() not in quote.text.lower() else ""
    for acr, full in spelled.items():
        label = f"{full} ({acr})"
        pattern = rf"(?<![\w&.(-]){acr}(?![\w&.)-])"
        if found := re.search(pattern, name):
            name = name[:found.start()] + label + name[found.end():]
        elif inserted and (found := re.search(pattern, inserted)):
            shown = inserted[:found.start()] + label + inserted[found.end():]
            after, inserted = shown + after[len(inserted):], shown
    return replace(view, name=name, after=after)


def _spelled_out(speaker: str) -> dict[str, str]:
    """acronym -> the name a label spells it out as ("Harris County Sheriff's Office (HCSO)"): the shortest run of
    capitalised words right before the bracket whose capitals are its letters (or hold them in order from the
    first); an acronym in brackets no run spells ("Sen. John Marty (DFL)") is the label's own, and left."""
    out: dict[str, str] = {}
    for match in re.finditer(r"\(([A-Z]{2,6})\)", speaker):
        acr, words = match.group(1), speaker[:match.start()].split()
        for exact in (True, False):
            for start in range(len(words) - 1, max(-1, len(words) - 12), -1):
                tail = words[start:]
                if tail[0][:1].islower():
                    continue
                initials = "".join(w[0] for w in tail if w[0].isupper())
                if initials == acr or not exact and initials[:1] == acr[:1] and (_in_order(acr, initials) or _in_order(initials, acr)) \
                        and len(initials) <= len(acr) + 2:
                    out.setdefault(acr, " ".join(tail))
                    break
            if acr in out:
                break
    return out


def _in_order(letters: str, initials: str) -> bool:
    found = iter(initials)
    return all(letter in found for letter in letters)


def _view(quote: Quote) -> QuoteView:
    head, _, role = (part.strip() for part in quote.speaker.partition(","))
    found = _named(quote.text, head) or _pronoun_credit(quote.text)
    if found is None:
        # the label leads: the name bold, its role after it in plain type, as where the sentence names them
        # ("**James Townsend**, prosecuting: ..." beside "**Michael Fitton**, defending, said ..."; reviewers of
        # rounds 89 and 96: "the role is inside the bold for one, outside it for the other")
        name, comma, label_role = _role_after(quote.speaker).partition(", ")
        return QuoteView(before="", name=name, after=(f", {label_role}" if comma else "") + ": " + _one_quotation(quote.text),
                         source=quote.source)
    at, shown, person, bare = found
    before, after = quote.text[:at], quote.text[at + len(shown):]
    if not bare:
        # its own words tell who they are ("said King, who resigned ..."): a surname with the given name before it
        return QuoteView(before=before, name=_given(person, shown, before), after=after, source=quote.source)
    # Bare: the speaker as the label gives them, unless the sentence already tells the label's other words, or some
    # of them just before the name ("Prime Minister Johnson said": the given name is what it lacks).
    told = shown == head or _told(head, shown, _unquoted(quote.text))
    owned = not told and _owned_before(head, before)
    if told:
        name = shown
    elif owned:
        name = _given(person, shown, before)
    else:
        name = head
        if before.strip() and not _SENTENCE_END.search(before) and _lowered(head):
            name = head[0].lower() + head[1:]  # "..., her lawyer Ron Simon said", "..., general surgeon Dr. ... said"
    # the sentence gives the role's words right before the name ("Apple chief executive Cook said")
    adjacent = before[-1:].isspace() and bool(before.split()) and before.split()[-1].lower() in _words(role)
    if role and role.lower() not in quote.text.lower() and not owned and not adjacent and not _OWN_WORDS.match(after):
        role = role[:-1] if role.endswith(".") and after.startswith(".") else role
        after = f", {role}" + ("," if after[:1].isspace() else "") + after
    elif not owned and not adjacent:
        after = role_before_clause(role, after, quote.text)
    return QuoteView(before=before, name=name, after=after, source=quote.source)


def _named(text: str, head: str) -> tuple[int, str, str, bool] | None:
    """(where, as what, the person's name, named bare) where the sentence names the person of the label's
    ``head``, outside its quotations: the whole head, else the person's name (the capitalised words that end
    it, before any "of ..." that follows a name), else a shorter tail of it down to the surname, or a body by
    its first words. A shorter form counts only where it names them bare ("Romney told ...", "said Romney.")
    or with words of its own about them ("King, who ..."), never inside another name ("Ivanka Trump") or in
    passing ("the Biden administration", "in New York")."""
    run = _person(head)
    tails = [" ".join(run[i:]) for i in range(len(run))]
    heads = [" ".join(run[:i]) for i in range(len(run) - 1, 0, -1)]  # a body by its first words: "Massy" of "Massy Stores"
    quoted = [m.span() for m in _QUOTED.finditer(text)]
    for form in [f for f in [head, *tails, *heads] if len(f) > 2]:
        whole = form == head
        found = []
        for match in re.finditer(rf"(?<![\w’'-]){re.escape(form)}(?![\w-]|['’](?!s\b))", text):
            title = None if whole else _TITLE_BEFORE.search(text[:match.start()])
            start = title.start() if title else match.start()
            rest, lead = text[match.end():], text[:start]
            if any(a <= match.start() < b for a, b in quoted):
                continue
            bare = bool(_SAYS_AFTER.match(rest) or _said_before(lead, head))
            if not whole and (not title and _another(lead, run) or not (bare or _OWN_WORDS.match(rest))
                              or form in heads and not bare):
                continue
            found.append((start, text[start:match.end()], bare))
        if found:
            start, shown, bare = next((f for f in found if f[2]), found[0])
            return start, shown, " ".join(run) or head, bare
    return None


# The one credit to "he" or "she" after a quotation or a clause: '"...," she said, adding that ...' (the statement
# gave the pronoun to the label's speaker, so the label goes in its place).
_PRONOUN_CREDIT = re.compile(r"(?<=[,”\"’]\s)(?:he|she)(?=\s+(?:said|says|told|tells|added|adds|wrote|writes|explained|"
                             r"noted|continued|argued|insisted)\b)")


def _pronoun_credit(text: str) -> tuple[int, str, str, bool] | None:
    """(where, the pronoun, "", named bare) for a sentence crediting its words to one "he" or "she" outside its quotations."""
    quoted = [m.span() for m in _QUOTED.finditer(text)]
    credits = [m for m in _PRONOUN_CREDIT.finditer(text) if not any(a <= m.start() < b for a, b in quoted)]
    if len(credits) != 1 or re.search(r"\b(?:he|she|him|her|his)\b", _unquoted(text[:credits[0].start()]), re.IGNORECASE):
        return None  # two credits, or a pronoun before it ("Despite her hardships, he said"): whose, the entry cannot show
    return credits[0].start(), credits[0].group(0), "", True


# Words opening a role that read in lower case once the role follows the name ("Senior Nature editor Dr Henry Gee").
_ROLE_OPENER = frozenset("Former Outgoing Incoming Senior Junior Acting Interim Lead Deputy Assistant Associate Founding "
                         "Longtime Veteran Retired Presumptive Chief Head Managing".split())


_QUOTATIONS = re.compile(r"\s*(?:[“\"][^“”\"]+[”\"]\s*){2,}")
_QUOTATION = re.compile(r"[“\"]([^“”\"]+)[”\"]")


def _one_quotation(text: str) -> str:
    """Quotations of one speaker set one after another ('"I don't welcome leaks." "There's a reason ..."') as one,
    when each but the last ends its sentence: shown under the label, two quotations in a row read as two voices."""
    if not _QUOTATIONS.fullmatch(text):
        return text
    parts = [m.group(1).strip() for m in _QUOTATION.finditer(text)]
    if not all(re.search(r"[.!?…]$", part) for part in parts[:-1]):
        return text
    opening, closing = ("“", "”") if text.lstrip().startswith("“") else ('"', '"')
    return f"{opening}{' '.join(parts)}{closing}"


def _role_after(speaker: str) -> str:
    """A label that opens on a role of several words, one of them in lower case, reads with the role after the name
    ("Outgoing senior economic adviser Larry Summers" as "Larry Summers, outgoing senior economic adviser"): set
    first, the role reads as a title. Only a role opening on a word of the kind ("Senior", "Acting", "Chief") or on
    capitals ("CBS News medical correspondent", "ITK president") or on "the" ("the girl's aunt Sharon Ruddock"; "The
    salon namesake's son Usman Hasib" as set to open a label, not "The Weeknd collaborator ..."):
    whether "Obama" or "Club" in "Obama campaign
    spokeswoman", "Club president" is a name, a label capitalised to open cannot tell. A title of capitals alone
    ("House Speaker John Boehner") stays before the name."""
    if "," in speaker:
        return speaker
    words = speaker.split()
    run = _run(words)
    while run and (_TITLE_WORD.fullmatch(run[0]) or re.fullmatch(r"[A-Z]{2,}", run[0])):
        run = run[1:]  # "Outgoing interim CEO Ana Ruiz": the title is the role's, not the name's
    role = words[:len(words) - len(run)]
    if len(run) < 2 or len(role) < 2 or not any(w[:1].islower() for w in role[1:]) \
            or role[-1] in ("of", "for", "the", "in", "at", "to", "and", "on", "from", "with", "by") \
            or not (role[0] in _ROLE_OPENER or role[0] == "the" or role[0] == "The" and role[1][:1].islower()
                    or re.search(r"[A-Z].*[A-Z]", role[0])):
        return speaker  # ("... Attorney for the District of | Massachusetts Joshua Levy": where the name starts, unclear)
    if role[0] in _ROLE_OPENER or role[0] == "The":  # "The salon namesake's son Usman Hasib" as set to open a label
        role[0] = role[0].lower()
    return f"{' '.join(run)}, {' '.join(role)}"


_TITLE_WORD = re.compile(r"(?:Mayor|Senator|Sen\.|Governor|Gov\.|President|Minister|Secretary|Judge|Director|Chairman|"
                         r"Chairwoman|Commissioner|Sheriff|Chief|Captain|Coach|Rep\.|Representative)")


def _person(head: str) -> list[str]:
    """The capitalised words (with name particles) that end the label's head, before any "of ..." placing a
    name ("Samantha Burgess of the Copernicus ...", not "Bank of England governor Andrew Bailey")."""
    parts = _PLACED.split(head, maxsplit=1)
    words = parts[0].split() if len(parts) > 1 and len(_run(parts[0].split())) >= 2 else head.split()
    return _run(words)


def _run(words: list[str]) -> list[str]:
    run: list[str] = []
    for word in reversed(words):
        if not (_CAPITAL.match(word) or run and _PARTICLE.fullmatch(word)):
            break
        run.insert(0, word)
    while run and _PARTICLE.fullmatch(run[0]):
        run.pop(0)
    return run


def _given(person: str, shown: str, before: str) -> str:
    """The name shown for a surname the sentence gives bare or with a title ("King", "Minister Johnson"): the
    person's first given name (not an initial, a title or a word the sentence gives just before) put in before
    the surname ("Wayne King", "Minister Boris Johnson", "Ursula von der Leyen")."""
    words, said = person.split(), shown.split()
    if len(words) < 2 or words[-1] != said[-1] or len(said) > 1 and said[-2] in words[:-1] and said[-2] not in _TITLES:
        return shown
    told = {w.lower() for w in [*before.split()[-4:], *said[:-1]]}
    given = next((w for w in words[:-1] if not _INITIAL.match(w) and w.lower() not in told and w not in _TITLES), None)
    return " ".join([*said[:-1], *words[words.index(given):]]) if given else shown


def _owned_before(head: str, before: str) -> bool:
    """True when the word just before the name is one of the head's own ("Prime Minister Johnson")."""
    last = before.split()[-1:] if before.strip() else []
    return bool(last) and last[0].lower().strip("’'s") in {w.lower() for w in head.split()[:-1]}


def _said_before(lead: str, head: str) -> bool:
    """True when a verb of saying stands just before the name, with at most the head's own words between
    ("said Holt", "said chief inspector Jennifer Mattinson"; not "said in May")."""
    found = _SAYS_BEFORE.search(lead)
    if not found:
        return False
    own = {w.lower() for w in head.split()}
    return all(w.lower() in own for w in found.group("between").split())


def _another(lead: str, run: list[str]) -> bool:
    """True when a capitalised word not of the label's name stands just before the match: another's given name."""
    found = _WORD_BEFORE.search(lead)
    if not found:
        return False
    word = found.group(1)
    if re.search(r"['’]s?$", word):
        return False  # "Colorado State University's Stephen Leisz": an owner, not a given name
    at_start = not lead[:found.start(1)].strip() or _SENTENCE_END.search(lead[:found.start(1)])
    return word not in run and not (at_start and word in _OPENERS)


def _words(text: str) -> list[str]:
    return re.findall(r"[\w’'-]+", text.lower())


def _unquoted(text: str) -> str:
    return _QUOTED.sub(" ", text)


def _lowered(head: str) -> bool:
    """True when the head opens on a common word capitalised only to open the label ("Her lawyer ...",
    "General surgeon Dr. ...", "Staff writer ...", "Presumptive GOP presidential nominee ..."); never on what
    may be a name ("Obama adviser ...", "Marlins vice president ...")."""
    words = head.split()
    return len(words) > 1 and (words[0] in _LOWER or words[0] in _COMMON and words[1][:1].islower()
                               or words[0] in ("Presumptive", "Founder", "Co-founder", "Former", "Then"))


_SAYS = (r"(?:said|says|told|tells|added|adds|explained|explains|wrote|writes|noted|notes|argued|argues|warned|warns|"
         r"insisted|stated|declared|replied|responded|continued|recalled|acknowledged|acknowledges|admitted|admits|"
         r"agreed|agrees|confirmed|confirms|tweeted|tweets|remarked|urged|urges|announced|announces|claimed|claims|"
         r"suggested|suggests|predicted|asked|cautioned|conceded|countered|emphasized|stressed|observed|testified|"
         r"posted|vowed|promised|pledged|maintained|contended|complained|joked|quipped|boasted|believes|thinks|"
         r"hopes|expects|wants|predicts|recalls|concluded|concludes|revealed|reveals)")
_SAYS_AFTER = re.compile(rf"^\s+{_SAYS}\b")
_SAYS_BEFORE = re.compile(rf"\b{_SAYS}\s+(?P<between>(?:[\w’'.-]+\s+){{0,4}}?)$")
_OWN_WORDS = re.compile(r"^,\s")  # "King, who resigned ...", "Laura Ingraham, one of the few ..."
_SENTENCE_END = re.compile(r"[.!?][”\"’']?\s+$")
_WORD_BEFORE = re.compile(r"\b([A-Z][\w’'.-]*)\s+$")
_INITIAL = re.compile(r"^[A-Z]\.$")
_PARTICLE = re.compile(r"de|des|du|di|da|dos|das|del|della|van|von|der|den|ter|ten|bin|bint|ibn|al|el|le|la")
_TITLES = frozenset({"Mr.", "Mrs.", "Ms.", "Dr.", "Dr", "Mr", "Ms", "Mrs", "Sen.", "Rep.", "Gov.", "Gen.", "Lt.", "Col.",
                     "Capt.", "Sgt.", "Det.", "Prof.", "President", "Vice", "Prime", "Minister", "Secretary", "Former",
                     "Judge", "Justice", "Chief", "Mayor", "Senator", "Governor", "Representative", "Officer"})
_OPENERS = frozenset("The A An But And In On At For After Before When While If As This That Then Meanwhile Now Yesterday "
                     "Today Earlier Later Also Still However Asked Speaking Writing".split())
_QUOTED = re.compile(r"“[^”]*”?|\"[^\"]*\"?|‘[^’]*’(?!\w)|(?<!\w)'[^']*'(?!\w)")


def _told(head: str, shown: str, text: str) -> bool:
    """True when the sentence already gives the words the label's head adds to the name it shows."""
    words = set(_words(text))
    extra = [w for w in _words(head) if w not in shown.lower().split() and w not in _SMALL]
    return all(w in words for w in extra)


_LOWER = frozenset({"Her", "His", "Their", "Its", "The", "A", "An"})
# Common words that open a role before a common noun: "General surgeon ...", "Staff writer ...", "Chief inspector ...".
_COMMON = frozenset({"General", "Senior", "Staff", "League", "Lead", "Chief", "Deputy", "Assistant", "Acting", "Interim",
                     "Retired", "Veteran", "Tattoo", "Team", "Club", "Head", "Co-author", "Author", "Radio", "Television",
                     "Longtime", "Real", "Press", "Local", "Top", "Executive", "Managing", "Associate", "Research"})
_SMALL = frozenset({"a", "an", "the", "of", "from", "at", "with", "and", "for", "in", "on"})
