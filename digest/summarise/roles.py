"""Speaker roles as the article gives them, next to the name.

Two shapes are read: a role after the name between commas ("Maren Holt, chief executive of
the Port Authority, said") and a role before it ("Kestrel chief executive Livia Marrow").
A role must carry a job word, so "Maria Lopez, who sponsored the bill," gives none.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from digest.summarise.affiliation import DEGREE, affiliation, institution
from digest.summarise.jobs import KIN_OWNED, JOB, JOB_WORD, QUALIFIER
from digest.summarise.moreroles import more_roles
from digest.summarise.roleshow import bare, unopened, with_role
from digest.summarise.shape import MONTHS, WEEKDAYS

# What may stand right before a lower-case role: a clause's end ("named", "said", "by", "the").
# Any other lower-case word ("economic" in "senior economic adviser") may be part of the role,
# and a role that might be cut short is left out.
_ROLE_START = re.compile(
    r"(?:^|[,.;:(“\"]|\b(?i:the|a|an|by|with|to|for|of|from|and|or|but|yet|so|then|also|who|that|which|as|"
    r"including|like|than|when|while|after|before|says|said|told|tells|added|adds|wrote|writes|according|is|was|were|are|"
    r"be|been)|\b[a-z]+ed)\s+$"
)
# A full stop after a title ("an adviser to Mr. Reid") does not end the role.
# Nor does an initial's ("a former U.S. ambassador", "Dana F. Besecker Company").
_NOT_ABBREV = r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bGov)(?<!\bSen)(?<!\bRep)(?<!\bGen)(?<!\b[A-Z])"
# Lower-case particles inside a name ("Laurence des Cars", "Ursula van der Berg", "Mohammed bin
# Salman") and Arabic article prefixes ("Ahmed al-Sharaa") are part of it.
PARTICLE = r"(?:de|des|du|di|da|dos|das|del|della|van|von|der|den|ter|ten|bin|bint|ibn|al|el|le|la)"
NAME_WORD = r"(?:[A-Z]|(?:al|el|ad|ash|as|an|ar|at|az|abu|bin|ibn)-[A-Z])[\w’'.-]*"
PERSON = rf"[A-Z][\w’'.-]+(?:\s+(?:{PARTICLE}\s+){{0,2}}{NAME_WORD}){{1,3}}"
# The role runs to the next comma, and on through a place set off by commas ("..., Greenbelt,
# Maryland,") or a company suffix (", Inc."), so it is never cut inside a name.
_ROLE_TEXT = r"(?:[^,;:“”\"()]|\([^()]{1,20}\))"  # a role's words: to the next comma, a bracket of a few words kept
_AFTER = re.compile(
    rf"(?P<name>{PERSON}),\s+(?:\d{{1,3}},\s+)?"
    rf"(?P<role>(?:(?:the |a |an |(?:[A-Z][\w/&.’'-]*\s+){{1,2}}(?=[a-z])"
    # "Tom Namako, Deputy News Director at Buzzfeed,": a longer title in capitals, with where
    rf"|(?:[A-Z][\w/&.’'-]*\s+){{2,3}}(?i:{JOB})\s+(?=(?:of|at|for|in)\s))?[a-z]{_ROLE_TEXT}{{2,240}}?"
    # "Jim Cantrell, Vector Space Systems CEO and a founding member of SpaceX,": a company's chief
    rf"|(?:[A-Z][\w/&.’'-]*\s+){{1,4}}C[EFIOT]O\b(?!\s+[A-Z]){_ROLE_TEXT}{{0,240}}?)"
    rf"(?:,\s+(?:[A-Z][\w.]*(?:\s+[A-Z][\w.]*){{0,2}}|Inc\.|Ltd\.?|Jr\.)(?=,|\.?\s*$))?)(?=,|;|{_NOT_ABBREV}\.(?:\s|$)|$)"
)
# Words that join a clause, never a role's own ("Both Agerblad and tattoo artist ...", "... College
# of Engineering under associate professor ...").
_GLUE = r"(?:and|or|but|nor|under|with|by|to|for|from|in|on|at|as|of|that|who|which|when|said|says|told)"
# Words opening a clause, never a job's field ("said Tom Hale after coach Jo Bran left": Hale speaks)
_SUBORDINATOR = (r"(?:after|while|before|since|once|until|unless|because|although|though|whereas|if|whether|where|than|"
                 r"then|also|even|just|only|about|above|across|against|along|alongside|amid|among|around|behind|below|"
                 r"beside|besides|beyond|despite|during|into|like|unlike|near|onto|over|past|per|regarding|through|"
                 r"throughout|toward|towards|upon|versus|via|within|without)")
_BEFORE = re.compile(
    # (a body's name may open on an ordinal century: "21st Century Fox executive chairman ..."; never a date or a
    # time: "On March 3rd Apple chief executive ...", "At 5PM ...")
    rf"(?<![\w’'-])(?P<role>(?:\d+(?:st|nd|rd|th)\s+(?=Century\b))?(?:[A-Z][\w’'&.-]*\s+){{1,5}}"
    rf"(?:(?!{_GLUE}\b)[a-z-]+\s+){{0,3}}?{JOB}"
    rf"(?:\s+(?:to|of|for|at)\s+(?:the\s+)?(?:[A-Z][\w’'.-]+|[a-z]{{4,}}(?:\s+[a-z]{{4,}})?))?)\s+(?P<name>{PERSON})"
)
# A role opening a speaker after an inverted verb ('said Throgs Neck resident Michael Lopiano',
# 'said plaintiff Angela Bolger'): skipped to reach the name, whose role roles_in records.
ROLE_OPENER = (
    rf"(?:(?:(?:his|her|their)\s+)?(?:[A-Z][\w’'.&-]*\s+){{0,4}}(?:{QUALIFIER}\s+){{0,3}}"
    # a noun naming the job's field: "said Emirates Team New Zealand wing trimmer Glenn Ashby"
    rf"(?:(?!(?:{_GLUE}|{_SUBORDINATOR})\b)[a-z]{{3,}}\s+(?={JOB}\s))?(?:{JOB}|CEO|CFO|CIO|COO|CTO)\s+)"
)
_LOWER_BEFORE = re.compile(
    rf"(?<![\w’'-])(?P<role>(?:{QUALIFIER}\s+){{0,3}}(?:{JOB}|CEO|CFO|CIO|COO|CTO)(?:\s+{JOB})?)\s+(?P<name>{PERSON})"
)
# A role set off before the name: "The university's interim president, Sarah Cole, said". The name
# between commas is found first; the role must end right before it (read from a short window).
# (or ending the sentence: "..., by the girl's aunt, Sharon Ruddock.")
_SET_OFF_NAME = re.compile(rf",\s+(?P<name>{PERSON})(?=,|\.(?:\s|$))")
_OPENER_WORD = r"(?:As|When|While|After|Before|Since|Because|Although|Though|If|Once|Until|Unless|With|Like|For|In|On|At)"
_ROLE_BEFORE_COMMA = re.compile(
    rf"(?:^|(?<=\s))(?:(?:[Tt]he|[Aa]n?|[a-z][\w’'-]*['’]s)\s+)?(?P<role>(?:[A-Z][\w.&-]*(?:\s+(?:(?:of|for|and|the)\s+)*[A-Z][\w.&-]*){{0,4}}['’]s\s+)?"
    # (never a clause's opening word: "As the official, Lois Lerner, appeared ..." gives her no role "As the official")
    rf"(?:(?:(?!(?:the|a|an)\s)[a-z][\w-]*|(?!{_OPENER_WORD}\s)[A-Z][a-z][\w-]*)\s+){{0,3}}(?i:{JOB})(?:\s+\((?:Acting|Interim|acting|interim)\))?"
    rf"(?:\s+(?:of|for|at|to)\s+(?:the\s+)?(?:[A-Z][\w’'.&-]*(?:\s+(?:and\s+|&\s+)?[A-Z][\w’'.&-]*)*|case|suit|lawsuit|trial|claim))?)$"
)
_ROLE_WINDOW = 120  # characters before the comma a role is looked for in
_KIN_OWNER = re.compile(r"\b[Tt]he\s+(?!(?:latter|former|same|other|first|second|last)\b)(?:[a-z-]+\s+)?[a-z]+['’]s\s+$")
# The role found starts inside a longer name ("Oversight and Government Reform Committee spokesman").
_NAME_BEFORE = re.compile(r"\b(?!(?:He|She|It|They|We|You|I)\s)[A-Z][\w’'&.-]*\s+(?:(?:and|of|for|the|&)\s+)+$")
# After a place set off by commas, a lower-case phrase that is not a clause carries the role on.
_PLACE_END = re.compile(r",\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2}$")
_ROLE_GOES_ON = re.compile(
    r",\s+(?!(?:who|which|that|whose|where|when|while|said|says|told|added|and|but|in|on|at|as|after|before)\b)"
    # nor a verb, the sentence's own ("..., Berkeley, begs to differ")
    r"(?![a-z]+s\s+(?:to|that|the|a|an|his|her|their|its|it)\b)[a-z][^,;:“”\"]*?(?=,|;|\.?\s*$)"
)
_LIST_GOES_ON = re.compile(r",\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*,?\s+(?:and|&)\s+[A-Z]")
_NOT_ROLE = re.compile(
    r"^(?:(?:also|then|later|again|still|[a-z]+ly)\s+)*(?:who|which|that|whose|whom|when|where|while|after|before|as|if|"
    r"and|but|said|says|told|tells|added|adds|wrote|writes|argued|warned|noted)\b"
)
# "Paul Begala, who was a longtime advisor to Bill and Hillary Clinton": the role in a relative clause.
# "Manson, who is chief of preventive medicine at ...": a surname the article introduced before, a
# job with no article.
# "Andrew Weiner, who co-authored the paper,", "Greg Gbur, who specialises in optical physics at ...":
# what the person does, in a relative clause the article gives as their introduction.
_JUDGEMENT = re.compile(r"\b(?:best|worst|greatest|finest|biggest|most|least|top|leading)\b")
_WHO_DOES = re.compile(rf"(?P<name>{PERSON}),\s+(?P<role>who\s+(?:co-authored|co-wrote|heads|headed|founded|"
                       rf"(?:led|leads)\s+(?:the|a|an|his|her|their)\s+(?:[\w-]+\s+){{0,2}}?(?:team|research|study|group|"
                       rf"project|investigation|lab|laboratory|effort|work|campaign|trial|survey|review)\b|"
                       rf"co-founded|runs|directs|directed|chairs|chaired|coached|coaches|speciali[sz]es|studies|teaches|"
                       rf"(?:works|worked|serves|served)\s+as(?=\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}?{JOB}\b)|(?:works|worked)\s+as(?=\s+an?\s(?!(?:young\s+)?(?:teenager|teen|youngster|kid|child|boy|girl|man|woman)\b))|"
                       # "who formerly worked in the IRS chief counsel's office and now teaches at ..."
                       rf"(?:(?:formerly|previously|now|once)\s+)?(?:works|worked)(?=\s+(?:in|at|for)\s+(?:the\s+)?[A-Z](?:[\w’'-]+\s+){{0,5}}?(?i:office|department|ministry|agency|"
                       rf"company|firm|bank|hospital|school|university|college|institute|council|laboratory|lab)\b)|"
                       rf"represents|represented|oversees|manages|owns|edits|edited|spearheaded|spearheads)\s"
                       rf"(?:(?!\b(?:said|says|told|tells|added|adds)\b)[^,;:“”\"()]){{2,100}}?)"
                       rf"(?=,|;|{_NOT_ABBREV}\.(?:\s|$)|$)")
_WHO_WAS = re.compile(rf"(?P<name>{PERSON}|(?<![\w’'.-])[A-Z][a-z][\w’'-]+),?\s+who\s+(?:is|was|has been|had been)\s+"
                      rf"(?P<role>(?:(?:a|an|the)\s+[a-z]|(?:{QUALIFIER}\s+){{0,2}}{JOB}\s+(?:of|at|for|to)\s"
                      rf"|(?:[A-Z][\w’'&.-]*\s+){{1,5}}(?=[A-Z][a-z]+[,.;]|[A-Z][a-z]+$))[^,;:“”\"()]{{2,120}}?)"
                      # (the role ends where a second verb of the clause begins: "who was a political advisor to
                      # Bloomberg in New York but is not working for his presidential campaign")
                      rf"(?=,|;|\s+(?:but|and)\s+(?:is|was|are|were|has|had|does|did)\b|{_NOT_ABBREV}\.(?:\s|$)|$)")
# "Nedrich, a marshal at the second hole, said": a surname alone, set off with its role; the
# namebook (namebook.py) takes it for the full name introduced before ("Brian Nedrich"), and for no one else.
_SURNAME_AFTER = re.compile(rf"(?<![\w’'.-])(?P<name>[A-Z][a-z][\w’'-]+),\s+(?P<role>(?:a|an)\s+(?:[a-z-]+\s+){{0,3}}?{JOB}\b"
                            rf"[^,;:“”\"()]{{0,100}}?)(?=,)")
_CAPITAL_BEFORE = re.compile(r"[A-Z][\w’'.-]*\s+$")  # "Ana Lind, a ...": the surname of a full name read above
# "Anna Pickard is Slack's editorial director who ...", "Ana Ruiz is a professor of history at ...": a
# sentence opening on the name that says what the person is.
_IS_ROLE = re.compile(rf"^(?:(?:But|And|Now)\s+)?(?P<name>{PERSON})\s+(?:is|was|has been|had been)\s+"
                      rf"(?P<role>(?:(?:a|an|the)\s+(?:[a-z-]+\s+){{0,2}}{JOB}\s+(?:of|at|for|to|with)\s"
                      # "Maj. Gen. John Nicholson is commander of the 82nd.": a job with no article, of a named body
                      rf"|(?<=\bis\s)(?:{QUALIFIER}\s+){{0,2}}{JOB}\s+(?:of|at|for)\s(?=(?:the\s+)?[A-Z0-9])"
                      rf"|[A-Z][\w’'&.-]*['’]s\s+(?:[a-z-]+\s+){{0,2}}{JOB}\b)[^,;:“”\"()]{{0,120}}?)"
                      rf"(?=,|;|\s+(?:who|which|whose|and|since|until)\b|{_NOT_ABBREV}\.(?:\s|$)|$)")
# A name's institution after "of", "from" or "at": "Michael Shadlen of Columbia's Zuckerman Institute".
# A degree may stand between them: "Michael Shadlen, Ph.D., of Columbia University's ... Institute".
_NAME_OF = re.compile(rf"(?<![\w’'.-])(?P<name>{PERSON})(?={DEGREE}(?:,?\s+(?:also\s+)?(?:of|from|at)|\s+with)\s)")
# "From the Copernicus Climate Change Service, Samantha Burgess confirms ...": the institution set before the name.
_FROM_BEFORE = re.compile(rf"(?:^|(?<=[.;]\s))From\s+the\s+(?P<org>[A-Z][\w’'.&-]*(?:\s+(?:(?:of|for|and|&)\s+)?"
                          rf"[A-Z][\w’'.&-]*){{0,8}}),\s+(?P<name>{PERSON})\s+[a-z]")
_BODY_NOUN = ("(?:Center|Centre|Association|Institute|Institution|Council|Committee|Commission|Agency|Authority|Service|"
               "Department|Ministry|Office|Bureau|Board|Foundation|Society|Union|Group|Company|Corporation|Bank|Fund|"
               "Trust|University|College|School|Hospital|Party|Club|League|Federation|Alliance|Coalition|Network)")
# "President of the Jamaica Manufacturers & Exporters, JMEA, John Mahfood says ...": a title with its body
# opening the sentence, the name right after it (its acronym between commas); or "in" the body ("Minister
# in the Ministry of Finance Brian Manning said").
_TITLE_OF_BODY = re.compile(rf"(?:^|(?<=[.;,]\s))(?P<role>(?:(?!(?:The|And|But|So|Then|Now)\s)[A-Z][a-z]+\s+(?:and\s+)?){{0,4}}"
                            rf"(?i:{JOB})\s+(?:of|in|at|for)\s+(?:the\s+)?[A-Z][\w’'.&-]*"
                            rf"(?:\s+(?:(?:of|for|and|&|the)\s+)*[A-Z&][\w’'.&-]*){{1,7}}?)(?:,\s+[A-Z]{{2,6}},)?\s+"
                            # the name starts where the body ends: not on an initial, nor on a body's word ("... National
                            # Hurricane | Center Ken Graham", "Secretary of State John | F. Kerry")
                            # nor on a title ("... Office of the Prime | Minister Stuart Young")
                            rf"(?![A-Z]\.\s)(?!{_BODY_NOUN}\b)(?!(?i:{JOB})\b)(?P<name>{PERSON})"
                            rf"\s+(?:says|said|told|tells|added|adds|believes|warned|warns|noted|notes)\b")
_COURT_ROLE = re.compile(rf"(?:^|(?<=[.;]\s))(?P<role>Prosecuting|Defending|Mitigating),\s+(?P<name>{PERSON})(?=[\s,])")
_COURT_ROLE_AFTER = re.compile(rf"(?:^|(?<=[.;]\s))(?P<name>{PERSON}),\s+(?P<role>prosecuting|defending|mitigating),")
_SPEECH_INSIDE = re.compile(r"\s(?:said|says|told|tells|explained|added)\s")
_CLAUSE_WORD = re.compile(r"said|says|told|tells|asked|asks|is|was|were|are|has|had|have|[a-z]+ed")
_OWNED = re.compile(r"\b(?:his|her|their|its|our|my|your)\s+$", re.IGNORECASE)
_OWNER_WORD = re.compile(r"(?:his|her|their|its|our|my|your)\b")
def roles_in(prose: str) -> list[tuple[str, str]]:
    """Return (name, speaker as shown with role) for each person given a role in ``prose``."""
    found = [(n, r) for n, r in more_roles(prose, PERSON) if not _JUDGEMENT.search(r)]  # read first: the fullest telling
    before = _roles_before(prose)  # read once: a role after the name too long to show may fall back on one
    for match in _after(prose):
        role = match.group("role")  # "Cynthia Burgiss, 22, a student at ...": the age is skipped
        if _LIST_GOES_ON.match(prose, match.end()):
            role = ""  # "head of MIT's Science, Technology and Society program": the comma was inside a name
        goes_on = _ROLE_GOES_ON.match(prose, match.end())
        if role and goes_on and _PLACE_END.search(role):
            role += goes_on.group(0)  # "president of the Kansas City, Mo., branch of the NAACP": the place was inside
        job = JOB_WORD.search(role) or role.startswith("representing ")  # "..., representing Wal-Mart,"
        # (a role with a speech verb inside ran on into the sentence: "Director of Public Works Tom Hale said the ...")
        if role and job and not _NOT_ROLE.match(role) and not _OWNER_WORD.match(role) and not _PARTICIPLE.match(role) \
                and not _SPEECH_INSIDE.search(role):
            name = " ".join(unopened(match.group("name").split()))  # "But Patrick Wiggins, ...": not "But"
            shown = with_role(name, role, after=True)
            if shown != name or not any(n == name for n, _ in before):
                found.append((name, shown))  # too long to show: a role before the name ("lead author") may serve
    for match in _SET_OFF_NAME.finditer(prose):
        window = prose[max(0, match.start() - _ROLE_WINDOW): match.start()]
        role = _ROLE_BEFORE_COMMA.search(window)
        if role:
            # A role with its "of" reads after the name: "The plaintiff of the case, Angela Bolger," as
            # "Angela Bolger, the plaintiff of the case"; "CEO (Acting) of the Authority, Gary Scott," so too.
            text = role.group("role")
            owner = _KIN_OWNER.search(window, 0, role.start("role"))
            if owner and owner.group(0).startswith("The") and not KIN_OWNED.search("t" + owner.group(0)[1:]):
                owner = None  # opening a sentence, only a person the story tells of ("The victim's son"), not "The party's"
            if owner:
                # "the girl's aunt, Sharon Ruddock,": whose aunt is the role's ("The victim's son, ..." opening a sentence too)
                text = f"{owner.group(0)[:1].lower()}{owner.group(0)[1:]}{text}"
            elif prose[match.end():match.end() + 1] == ".":
                continue  # a name ending the sentence: only after an owned role (the words before a job run loose)
            if text.startswith(("Another ", "another ")):  # "Another witness, Polly Sheppard,": "a witness"
                found.append((match.group("name"), with_role(match.group("name"), "a " + text.split(" ", 1)[1], after=True)))
                continue
            of = re.search(r"\s(?:of|for)\s", text) and not re.search(r"['’]s\s", text)  # "Ministry of X's officer" reads before
            shown = (with_role(match.group("name"), f"the {text}" if text[:1].islower() else text, after=True) if of
                     else with_role(match.group("name"), text, after=False))
            found.append((match.group("name"), shown))
    surnames = [m for m in _SURNAME_AFTER.finditer(prose) if not _CAPITAL_BEFORE.search(prose, 0, m.start())
                and unopened([m.group("name")])]
    for match in (*_WHO_WAS.finditer(prose), *_IS_ROLE.finditer(prose), *_WHO_DOES.finditer(prose), *surnames):
        role = match.group("role")
        if _JUDGEMENT.search(role):
            continue  # "Lionel Messi is Argentina's greatest player": a verdict, not a role
        if (JOB_WORD.search(role) or role.startswith("who ")) and not _OWNER_WORD.match(role):
            name = " ".join(unopened(match.group("name").split()))
            found.append((name, with_role(name, role, after=True)))
    found += before
    # "Prosecuting, Tim Townsend said": a court report's role opens the sentence.
    found += [(m.group("name"), f"{m.group('name')}, {m.group('role').lower()}")
              for m in (*_COURT_ROLE.finditer(prose), *_COURT_ROLE_AFTER.finditer(prose))]
    found += [(m.group("name"), with_role(m.group("name"), m.group("role"), after=True))
              for m in _TITLE_OF_BODY.finditer(prose)]
    found += [(m.group("name"), f"{m.group('name')} of the {m.group('org')}")
              for m in _FROM_BEFORE.finditer(prose) if institution(m.group("org")) and " " in m.group("org")]
    for match in _NAME_OF.finditer(prose):
        name = " ".join(unopened(match.group("name").split()))
        if " " in name and affiliation(prose, match.end()):
            found.append((name, f"{name}{affiliation(prose, match.end())}"))
    return found


# "of Lake Dorvel", "from Port Dorvel": the name's home, never a person of its own.
_PLACE_PHRASE = re.compile(r"(?:of|from|in|at|near)\s")
# A participle clause after a name tells what the person did, not who they are ("caught off guard by
# the vote", "rescued by the Coast Guard"); a qualifier opens a role ("acting director of ...").
_PARTICIPLE = re.compile(rf"^(?!{QUALIFIER}\s|representing\s)(?:[a-z]+(?:ed|ing)|caught|held|seen|taken|given|shot|hit|left|sent|brought|"
                         r"born|known|told)\s+(?:by|to|for|with|in|on|at|off|up|out|about|from|into|over|after|the|a|an|his|"
                         r"her|their|its|our)\b")


def _after(prose: str) -> Iterator[re.Match[str]]:
    """Each name with a phrase after it between commas (_AFTER). A phrase that is no role is read
    again from its start, for a name inside it: in "... to the Gold Standard, under questioning
    Josenrique Cueto, the transportation department's deputy director," the clause after
    "Gold Standard" holds the speaker."""
    at = 0
    while match := _AFTER.search(prose, at):
        yield match
        role = match.group("role")
        rescan = not JOB_WORD.search(role) and not _NOT_ROLE.match(role) and not _PLACE_PHRASE.match(role)
        at = match.start("role") if rescan else match.end()


def _roles_before(prose: str) -> list[tuple[str, str]]:
    """(name, shown) for roles set right before a name: "Kestrel chief executive ...", "acting CEO ..."."""
    found = []
    for match in _BEFORE.finditer(prose):
        words = match.group("role").split()
        if _OWNED.search(prose, 0, match.start()):
            continue  # "their Haitian-born mother Marie Lucky": whose mother, the reader cannot see
        if _NAME_BEFORE.search(prose, 0, match.start()):
            # "Oversight and | Government Reform Committee spokesman": the role's body was cut off; read
            # whole back to where its name begins, else the name goes bare.
            whole = _BODY_BEFORE.search(prose, 0, match.start())
            if whole and _PREPOSITION_BEFORE.search(prose, 0, whole.start()):
                whole = None  # "... at the | University of California San Diego scientist": still cut off
            front = [w for w in unopened(whole.group(1).split()) if w not in _DAY_WORDS] if whole else []
            # only a body's name ("... Reform Committee"), never a person's ("Mayor Ana Ruiz and Parks and ...")
            if not _BODY_WORD.search(" ".join([*front, *words])) or _TITLE_WORD.search(" ".join(front)) \
                    or _NAMED_AND.search(" ".join(front)):
                front = []
            words = [*front, *words]
            if not front or len(words) > _BODY_WORDS:
                found.append((match.group("name"), match.group("name")))
                continue
        words = unopened(words)
        # "The board named interim president ...", "Kennedy told lawyer ...": a clause, not a role (read below).
        clause = any(_CLAUSE_WORD.fullmatch(w) and not re.fullmatch(QUALIFIER, w) for w in words)
        if words and (words[0][:1].isupper() or words[0][:1].isdigit()) and any(w[:1].islower() for w in words) \
                and not clause:
            # "senior Nature editor Dr Henry Gee", "former Obama adviser ...": the qualifier is the role's
            qualified = _QUALIFIED.search(prose, 0, match.start()) if len(words) == len(match.group("role").split()) else None
            found.append(_shown_before(prose, match, f"{qualified.group(1)} {' '.join(words)}" if qualified
                                       else " ".join(words)))
    for match in _LOWER_BEFORE.finditer(prose):
        # After "their" or "his" the role is owned by someone unseen ("their Haitian-born mother");
        # after a capitalised word ("Acting CEO") the role before the name was read whole above.
        if match.start() == 0 or _ROLE_START.search(prose, 0, match.start()):
            found.append(_shown_before(prose, match, match.group("role")))
        elif (noun := _NOUN_BEFORE.search(prose, 0, match.start())) and _LISTED.search(prose, 0, noun.start()):
            # "and tattoo artist Zashay Tastas", "like radio host Laura Ingraham": what kind of artist or host
            found.append(_shown_before(prose, match, f"{noun.group(1)} {match.group('role')}"))
    return found


# The capitalised words of a body's name, joined by "and", "of", "for", "the", from where it begins.
_BODY_BEFORE = re.compile(r"(?:^|(?<=[\s,;:“”\"(]))(?<![A-Z][\w’'&.-]\s)((?:[A-Z][\w’'&.-]*\s+(?:(?:and|of|for|the|&)\s+)*)+)$")
_BODY_WORDS = 8
_BODY_WORD = re.compile(r"\b(?:Committee|Department|Council|Board|Agency|Commission|Authority|Office|Ministry|Service|"
                        r"Police|University|Institute|Bureau|Administration|Association|Union|Party|Court)\b")
_TITLE_WORD = re.compile(r"\b(?:Mayor|Senator|Sen\.|Rep\.|Gov\.|Governor|President|Minister|Secretary|Judge|Chief|Dr\.?|"
                         r"Mr\.?|Mrs\.?|Ms\.?)\s")
_NAMED_AND = re.compile(r"[A-Z][\w’'-]+\s+[A-Z][\w’'-]+\s+(?:and|&)\b")  # "Ana Ruiz and Department of Health ..."
_DAY_WORDS = frozenset(["Both", *MONTHS.split("|"), *WEEKDAYS.split("|")])
_PREPOSITION_BEFORE = re.compile(r"\b(?i:at|of|for|in|from|with|to|by|on|the|and|a|an)\s+$")

_QUALIFIED = re.compile(rf"(?<![\w’'-])((?:{QUALIFIER}\s+){{0,1}}{QUALIFIER})\s+$")


# A noun naming the field of a job ("tattoo", "radio"), right before it; never a verb ("hired lawyer ...").
_NOUN_BEFORE = re.compile(r"(?<![\w’'-])((?!(?:met|meet|hired|hire|named|called|told|asked|thanked|sued|joined|"
                          r"visited|says|said|sent|saw|see|let|got|had|has|was|is|"
                          # nor an owner the reader cannot see ("and his lawyer ...")
                          r"his|her|hers|their|its|our|my|your|the|this|that)\b)[a-z]{3,}(?<!ed)(?<!ing)(?<!ly))\s+$")
_LISTED = re.compile(r"\b(?:and|or|like|including|with|by|as|from)\s+$")


def _shown_before(prose: str, match: re.Match[str], role: str) -> tuple[str, str]:
    """(name, role name and affiliation): "Historian Alan Brinkley of Columbia University"."""
    name = bare(match.group("name"))
    shown = with_role(name, _LOADED_OPENER.sub("", role), after=False)
    return name, shown + affiliation(prose, match.end()) if shown != name else shown


# A writer's judgement opening a role before the name ("Troubled Dallas Cowboys defensive lineman"):
# not the role, and loaded in a label.
_LOADED_OPENER = re.compile(r"^(?:Troubled|Embattled|Disgraced|Beleaguered|Controversial|Notorious|Scandal-hit|"
                            r"Scandal-plagued|Firebrand|Outspoken)\s+")


