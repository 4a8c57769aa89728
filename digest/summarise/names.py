"""People in an article: what a name, a title and a group look like.

A capitalised run is a person when it looks like one (not a place, a body or a time). Who was
introduced how, and what "Blinken" or "he" later stands for, is namebook.py's.
"""

from __future__ import annotations

import re

from digest.summarise.roles import NAME_WORD, PARTICLE
from digest.summarise.shape import MONTHS, WEEKDAYS

_CAP = NAME_WORD
_LINK = rf"(?:of|for|the|and|&|{PARTICLE})"
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
    Discussing Explaining Defending Though Although Because Since Unless Whether Until Of
    Replied Added Answered Continued Explained Noted Wrote Told Ask Asks
    Instead Otherwise Nevertheless Nonetheless Besides Finally Perhaps Maybe""".split()
    # ("Replied Stephen", "Ask Damien ...", "Instead Stephen chose ...": no given names)
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
# Plural and common nouns that open "Opponents argued ...": a group, not a named speaker.
_GROUPS = frozenset(
    """Opponents Critics Supporters Officials Residents Analysts Experts Investigators Prosecutors
    Lawmakers Legislators Protesters Activists Witnesses Scientists Researchers Economists Doctors
    Authorities Organisers Organizers Sources Campaigners Neighbors Neighbours Parents Students
    Workers Teachers Others Observers Advocates Critics Regulators Leaders Members Voters Fans
    Officers Diplomats Executives Investors Traders Residents Families Environmentalists People Relatives
    Friends Loved Witnesses Neighbors Colleagues Owners Employees Staff Locals Villagers Teachers Police
    Reports Media Rumours Rumors Polls Surveys""".split()
)

PREPOSITION_END = re.compile(r"\b(?:in|of|at|from|to|for|with|by|near|across|outside|inside)(?:\s+the)?\s*$")

def object_name(run: str, *, qualified: bool = False) -> str | None:
    """The person named by a run that follows a preposition, or None when it names none.

    ``qualified``: the run follows "of", "for" or "by", not a place's "in", "at" or "from" ("in Velmora Governor Ana
    Ruiz" is the place, then the governor), "to" ("ambassador to Britain Liu Xiaoming") or "with" ("with CBS News
    President ..."), so the capitalised words before a title, all of them, are the body or place it is of ("on behalf
    of Palestinian Authority President Mahmoud Abbas", "New York City Mayor Eric Adams").

    "Treasury Secretary Jacob Lew" (a role opens it) stays whole; "Britain Liu Xiaoming" and
    "Ministry of Finance Brian Manning" give the name at the end; "Kalamazoo and Van Buren" none.
    """
    words = run.split()
    suffix = int(len(words) > 2 and words[-1].rstrip(".") in SUFFIXES)  # "Theodore Boutrous Jr": three words
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
        # ... and the body or place the title is of ("Palestinian Authority President Mahmoud Abbas", "Texas Governor
        # Rick Perry"): a title's qualifier, not another name glued on as "Britain" is to "Liu Xiaoming" with no title
        # (the whole run before the title, or none of it: "New York City Mayor Eric Adams", never "York City Mayor")
        if qualified and start > 0 and all(_QUALIFIER.fullmatch(word) for word in words[:start]):
            start = 0
    return " ".join(words[start:])


# A capitalised word that may qualify a title before it: a body's or a place's name ("St.", "McHenry", "DeKalb",
# "Miami-Dade"), never a day, a month, a holiday, a medium interviewing ("with CBS News President ...") or a word that
# opens a sentence's clause.
_QUALIFIER = re.compile(r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|"
                        r"June|July|August|September|October|November|December|Day|Eve|Christmas|Easter|Thanksgiving|"
                        r"Ramadan|Eid|Hanukkah|New Year['’]s|The|A|An|Then|When|After|Before|Former|News|Reuters|Times|"
                        r"Post|Press|AP|AFP|CNN|BBC|NBC|CBS|ABC|Fox|MSNBC|NPR)\b)"
                        r"(?:St\.|Mc[A-Z][a-z]+|[A-Z][a-z’']+(?:[A-Z][a-z]+)?(?:-[A-Z][a-z’']+)*|[A-Z]\.(?:[A-Z]\.)+|[A-Z]{2,})")


# Words of a title: a run made only of them names an office, not its holder.
_TITLE_WORDS = frozenset(
    """President Prime Minister Premier Chancellor Governor Mayor Secretary Senator Minister General
    Attorney Chief Justice Judge Speaker Leader Commissioner Director Ambassador Superintendent
    Sheriff Inspector Deputy Vice Acting Foreign Finance Health Defense Defence Interior State
    Representative Congressman Congresswoman Councillor Councilman Councilwoman Detective Officer
    Treasury Supt Insp Det Sgt Gov Sen Rep Gen Dr Mr Mrs Ms
    IG DIG DGP SP SSP DCP DSP DM CM PM AG DA""".split()  # offices by initials: "the IG said" names no one
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

PLACE_HEAD = frozenset(
    "North South East West Central Northern Southern Eastern Western Middle United New Latin".split()
)


def person_like(run: str) -> bool:
    """True when a capitalised run reads as a person's name rather than a place or body."""
    words = run.split()
    if not 2 <= len(words) <= 7 or words[-1] in ORG_TAIL or words[-1] in NOT_NAMES:
        return False
    return not (len(words) == 2 and words[0] in PLACE_HEAD)


SUFFIXES = frozenset("Jr Jr. Sr Sr. II III IV".split())


_PRONOUN_SAYS = re.compile(r"^(?:He|She)(?= (?:said|says|added|adds|told|tells|noted|notes|warned|argued|explained|"
                           r"insisted|stressed|predicted|pointed out)\b)")


def person_of(name: str) -> str:
    """The person's name alone, without a job before it in lower case ("coach Jason Garrett" gives "Jason
    Garrett"); empty when the name ends on a lower-case word."""
    words = name.split()
    return " ".join(words[max((i for i, w in enumerate(words) if w[:1].islower()), default=-1) + 1:])


def named_in_full(text: str, speaker: str) -> str:
    """Return ``text`` with a leading bare surname of the speaker given in full, else ``text``.

    "Dravik said ..." under "Trade Minister Anselm Dravik" becomes "Trade Minister Anselm Dravik
    said ...", so the entry stands alone instead of reading "Trade Minister Anselm Dravik: Dravik
    said ..."; a role the article gave after the name comes along ("Maren Holt, chief executive
    of the Port Authority, said ..."). Only the opening is touched: the rest is the source's.
    """
    name = speaker.split(",")[0].strip()
    if _PRONOUN_SAYS.match(text) and person_like(name) and not name.startswith("The "):
        # "He said the vote ...": the speaker shown beside it is no antecedent; the name is
        return _PRONOUN_SAYS.sub(person_of(name) or name, text, count=1)
    if " " not in name or text.startswith(name):
        return text
    match = re.match(rf"(?:(?:Mr|Mrs|Ms|Dr)\.\s+)?{re.escape(name.split()[-1])}\b(?![’'-])", text)
    if not match:
        return text
    full = f"{speaker}," if "," in speaker and text[match.end():match.end() + 1] == " " else name
    if full[:1].islower():  # "coach Jason Garrett added:" would open the sentence in lower case: the person
        head, comma, rest = full.partition(",")
        words = head.split()
        first = next((i for i, w in enumerate(words) if w[:1].isupper()), len(words))  # "coach Frank de Boer"
        person = " ".join(words[first:])
        full = f"{person}{comma}{rest}" if person else full
    return full + text[match.end():]


def one_letter_off(one: str, other: str) -> bool:
    """True for one surname, or one a letter off it: an article's typo ("Graninetti" for the
    "Grandinetti" it named) is no second voice. Short names must match whole; a caller asks only
    for a surname shown bare (a "Johnston" named in full is not the "Johnson" already shown)."""
    if one == other:
        return True
    if min(len(one), len(other)) < 6 or abs(len(one) - len(other)) > 1:
        return False
    short, long_ = sorted((one, other), key=len)
    if len(short) == len(long_):
        return sum(a != b for a, b in zip(short, long_)) == 1
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


# A name modifying the noun after it ("Trump supporters", "the Obama administration", "Trump-supporting
# students"): it tells whose, and is no one's mention, so no "he" later stands for that person.
ATTRIBUTIVE = re.compile(r"(?:-(?:supporting|backing|backed|led|era|style|loving|hating)\b|\s+(?:supporters?|fans|voters|"
                          r"administration|campaign|aides|allies|loyalists|backers|critics|opponents|era|presidency|"
                          r"rallies|camp|voters|base|White House|years)\b)")


# A body spelled out with its acronym after it: "the Brookhaven Police Department (BPD)".
SPELLED_OUT = re.compile(r"(?<![\w’'-])(?P<body>[A-Z][\w&’'.-]*(?:\s+(?:(?:of|for|and|the|&)\s+)*[A-Z][\w&’'.-]*){1,7})"
                          r"\s+\((?P<acronym>[A-Z]{2,6})\)")


_NOT_BODY = frozenset(["In", "On", "At", "By", "For", "From", "With", "After", "Before", "Last", "This", "Since", "Both",
                       *MONTHS.split("|"), *WEEKDAYS.split("|")])


def spelled_out(text: str) -> list[tuple[str, str]]:
    """(acronym, body) for each body ``text`` spells out before its acronym: "the Brookhaven Police
    Department (BPD)" gives ("BPD", "Brookhaven Police Department"); "In March the Tarrow Water Board
    (TWB)" gives the board's name from "Tarrow"."""
    found = []
    for spelled in SPELLED_OUT.finditer(text):
        words = spelled.group("body").split()
        while words and (words[0] in _NOT_BODY or words[0] in ("The", "the")):
            words = words[1:]
        if len(words) >= 2:
            found.append((spelled.group("acronym"), " ".join(words)))
    return found


# Someone the sentence does not name, speaking: "In the footage, a man ... identified only as an FSB
# operative said ...". A "he said" after it is that person's, not the last named one's.
UNNAMED_SPEAKER = re.compile(
    r"^(?:[A-Z][^,]{0,60},\s*)?(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w-]+\s+){0,3}?(?:man|woman|official|spokes(?:man|woman|person)|"
    r"source|operative|officer|agent|resident|witness|aide|diplomat|person|worker|employee)\b[^.;]{0,160}?"
    r"\b(?:said|says|told|added|explained)\b")
