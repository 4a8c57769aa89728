"""Who a sentence gives its words to: a speaker beside a speech verb, or "according to" one.

A sentence is attributed when a speech verb ("said", "told", "warned" ...) has a speaker next to
it, before ("Blinken said", "A lawyer for Mr. Grimm, William McGinley, confirmed") or after it
("..., said Smith"), or when it credits its claim "according to" someone who is no source of
numbers or rules, and the sentence carries either a quotation or a reported clause. The speaker
is given as written; find_statements (quotes.py) resolves it to the person the article introduced.
"""

from __future__ import annotations

import re

from digest.summarise.names import (
    NAME,
    ORG_TAIL,
    PREPOSITION_END,
    PRONOUN,
    QUOTE,
    is_group,
    is_title,
    person_like,
    object_name,
)
from digest.summarise.gender import gender_of
from digest.summarise.jobs import JOB, JOB_WORD
from digest.summarise.roles import ROLE_OPENER
from digest.summarise.speakers import clean_speaker

_NOMINAL = (
    rf"(?:[Aa]n?|[Tt]he)\s+(?:[\w-]+\s+){{0,2}}(?:spokes(?:man|woman|person)|representative|"
    rf"official|statement|lawyer|attorney|aide|adviser|advisor)\s+(?:for|of|from|at)\s+"
    rf"(?:the\s+)?{NAME}"
)
_SPEAKER = rf"(?:{_NOMINAL}|{NAME}|{PRONOUN})"
# Verbs of saying, one alternation: quotes.py splits and dates statements by them too.
SPEECH_VERBS = (
    "said|says|say|told|tells|added|adds|stated|explained|explains|wrote|writes|argued|argues|"
    "noted|notes|warned|warns|announced|announces|insisted|insists|claimed|claims|acknowledged|"
    "acknowledges|continued|replied|tweeted|posted|recalled|remarked|testified|conceded|admitted|"
    "admits|emphasized|stressed|declared|predicted|observed|countered|responded|concluded|"
    "contends|contended|maintained|maintains|reported|reports|asked|asks|urged|urges|confirmed|"
    "confirms|denied|denies|pointed out|points out"
)
_VERB = re.compile(rf"\b(?:{SPEECH_VERBS})\b")
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
VERB_GAP = r"(?:\s+(?:also|later|then|previously|recently|once|has|had|have|would|[a-z]+ly))*"
# One appositive between commas, which may run on through a place ("..., Greenbelt, Maryland,").
_APPOSITIVE = r"(?:,\s*(?P<ap>[^,\"“”]{1,200}(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})?),)?"
# A party-and-state tag after a lawmaker's name: "Rep. Peter King (R-N.Y.)", "Peter King, R-N.Y.,".
_PARTY_TAG = r"(?:\s*\([RDI]-[A-Za-z.]{1,12}\)|,\s*[RDI]-[A-Za-z.]{1,12}(?=,))?"
# A relative clause after the name and its appositive: "Dr. Dale Hammerschmidt, of the University of
# Minnesota, who voted on Thursday to modify the limits, told the AP": the name speaks.
_RELATIVE = r"(?:\s*,?\s*who\s[^,\"“”]{1,200},)?"
_SUBJECT_BEFORE = re.compile(rf"(?<![\w'’-])(?P<sp>{_SPEAKER}){_PARTY_TAG}{_APPOSITIVE}{_RELATIVE}{VERB_GAP}\s*$")
# "said the Wilson Center's Robert Daly": "the" opens an institution's person; "the Democratic staffer" is no name.
_OWNER = r"[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,4}['’]s\s+"
_THE_OWNER = rf"(?:the\s+(?={_OWNER}[A-Z]))?"
_SUBJECT_AFTER = re.compile(rf"^\s*{_THE_OWNER}(?:{ROLE_OPENER}(?={NAME}))?(?P<sp>{_NOMINAL}|{NAME}|{PRONOUN})")
_ACCORDING = re.compile(
    rf"\b[Aa]ccording to (?!(?:the\s+)?(?:data|figures|statistics|numbers|estimates|records)\b){_THE_OWNER}"
    rf"(?P<sp>{_NOMINAL}|{NAME}(?:\s+{JOB}\s+{NAME})?)"  # "according to Wilson Center director Rojansky"
)
_REPORTED_THAT = re.compile(r"\s*(?:[\w,]+\s+){0,4}?that\b")
# "according to Cirium data", "according to figures from the Census Bureau": a source of numbers, not a voice.
# Nor is a rule or a standard ("according to IFRS 8 standard", "according to Article 50", "according
# to Velmora port rules").
_DATA_SOURCE = re.compile(r"['’]?s?\s+(?:[a-z]+\s+)?(?:data|figures|statistics|numbers|estimates|records|tracking|analysis|polls?|surveys?|"
                          r"standards?|rules?|regulations?|guidelines?|law|media|reports?|\d+\b)\b")
# A reported clause opening on a name: "said Moscow would not back down", "said Acme Corp has ...".
_NAMED_CLAUSE = re.compile(
    r"(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}\s+(?:would|will|was|were|is|are|had|has|"
    r"have|could|should|must|might|may|did|does|can|cannot|needs?|wants?|[a-z]+ed|told)\b"
)
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|be)\s*$")

# "Opponents, led by Senator John Hale, argued": the named person inside the appositive.
_LED_BY = re.compile(rf"\b(?:led by|including|among them|such as|headed by)\s+(?P<sp>{NAME})")


_TOLD_ME = re.compile(r"(?:told|tells)\s+(?:me|us)\b")
_SUBORDINATE = re.compile(r"^\s*(?:When|After|As|Before|If|While|Once|Until|Because|Although|Though)\s+\S+\s*$")
# "As Steven Levy reported, John Doerr ... told Page": a writer cited, the main clause's speaker speaks.
_AS_CITED = re.compile(r"^\s*As\s+(?:[^\s,]+\s+){0,3}[^\s,]+\s*$")


# A quotation someone said, closed and credited on to the outlet that reported it.
_RELAYED = re.compile(r"\b(?:said|says|told|added|asked)\s*,?\s*¶[^¶]*$")


def attribute(text: str) -> tuple[str, bool] | None:
    """Return (speaker as written, is-direct-quote) when ``text`` is an attributed statement."""
    quotes = [m for m in QUOTE.finditer(text) if len(m.group(0).split()) >= 3]
    if quotes and all(re.search(r"\?[”\"]$", m.group(0)) for m in quotes):
        return None  # a question put to someone is not a statement of theirs
    masked = QUOTE.sub(" ¶ ", text) if quotes else text
    direct = bool(quotes)
    if _WH_FRAGMENT.match(text):
        return None  # "Explaining why he argued as recently as 2015 that ...": a list item, no one speaking now
    if _SAID_NAME_QUOTED.search(text):
        return None  # 'Kommersant, quoting ..., said Fogle "was trying to recruit ..."': Fogle is what was said of
    if _BUT_ANOTHER.search(masked):
        return None  # "Samsung says it sold ..., but JPMorgan analysts say that ...": two voices, the words the second's
    for verb in _VERB.finditer(masked):
        if _UNNAMED_SUBJECT.search(masked, 0, verb.start()):
            return None  # "They claimed that Ramdehol had told them ...": the words are theirs, and they are unnamed
        if _TOLD_ME.match(masked, verb.start()):
            return None  # "Air Mobility Command told me ...": the writer's own account (a post, a column)
        if (_SUBORDINATE.match(masked[: verb.start()]) or _AS_CITED.match(masked[: verb.start()])) \
                and re.search(r",", masked[verb.end():]):
            continue  # "When she said no, Roof told her: ...": the main clause's speaker speaks
        speaker = _speaker_for(masked, verb, direct=direct)
        if speaker:
            return speaker, direct
    according = _ACCORDING.search(masked)
    # "(and yours, according to Director Joe Ambeault)": the credit is the aside's, not the sentence's.
    aside = according is not None and masked.count("(", 0, according.start()) > masked.count(")", 0, according.start())
    if according and not aside and not _DATA_SOURCE.match(masked, according.end("sp")) \
            and not (_group_follows(masked, according.end("sp")) and " " not in according.group("sp").strip()):
        # "according to U.S. officials": a country's officials, unnamed ("Velmora Port Authority officials" speak for it)
        # The claim is whatever the sentence says besides "according to X".
        rest = masked[: according.start()] + masked[according.end():]
        speaker = _named(clean_speaker(according.group("sp")), None)
        if speaker and (direct or len(rest.split()) >= 5):
            return speaker, direct
    return None


# "The university's interim president, Sarah Cole, told ...": a role set off before the name ("her mother" is no role).
_TITLED_BEFORE = re.compile(
    rf"^\s*(?:¶\s*,?\s*)?(?:[A-Z][a-z]+,\s+)?(?:[Tt]he\s+)?(?:{_OWNER}|[\w’'-]+['’]s\s+)?(?!(?:her|his|their|its|our|my)\b)"
    rf"(?:[A-Za-z][\w-]*\s+){{0,3}}[A-Za-z][\w-]*,\s+(?P<sp>{NAME}),{VERB_GAP}\s*$"
)
_CONCEDING = re.compile(r"\s*(?:Though|Although|While|Whereas|Even though)\s+")
_NOMINAL_START = re.compile(r"(?:[Aa]n?|[Tt]he)\s")
# "His opposite number from the ... Social Democrats, Luis Montenegro, said": whose, the reader of one sentence cannot tell
_OWNED_OPENING = re.compile(r"^\s*(?:His|Her|Their|Its)\s")
_APPOSITIVE_NAME = re.compile(r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}(?:\s+of\s+[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*)*)?")
_UNNAMED_SUBJECT = re.compile(r"(?:^|[.;]\s+)(?:They|We|Some|Others|Many)\s+(?:\w+ly\s+)?$")


def _speaker_for(masked: str, verb: re.Match[str], *, direct: bool) -> str | None:
    """Return the speaker attached to ``verb`` when the sentence reads as a statement."""
    before, after = masked[: verb.start()], masked[verb.end():]
    if _PASSIVE.search(before):
        return None
    if verb.group(0) in ("asked", "asks"):
        return None  # "asked whether ..." and '... asked Trump, "You've been ...?"' are questions, not statements
    if verb.group(0) in ("reported", "reports") and not direct and not _REPORTED_THAT.match(after):
        return None  # "reported revenue of ..." is a result, not speech; "reported that ..." is
    if verb.group(0) in ("reported", "reports") and direct and _RELAYED.search(before):
        return None  # '... and said, "the other player hasn't hit yet," the Times-Union reported.': the words are his
    subject = _SUBJECT_BEFORE.search(before)
    conceding = _CONCEDING.match(before)
    if subject and conceding and subject.start() <= conceding.end():
        return None  # "Though Weiner said ..., the former official said ...": the main clause speaks, not Weiner
    named = _APPOSITIVE_NAME.fullmatch(subject.group("ap") or "") if subject and _NOMINAL_START.match(subject.group("sp")) else None
    if subject and named is None and subject.group("ap") and not _OWNED_OPENING.match(before) and (
            PREPOSITION_END.search(before[: subject.start()]) or not _names_person(subject.group("sp"))):
        # "Chief Executive Officer (Acting) of the Jamaica Special Economic Zone Authority, Gary Scott, said":
        # the title or the body comes first, the person set off after it speaks, never "Zone Authority"
        person = _APPOSITIVE_NAME.fullmatch(subject.group("ap").strip())
        # (a known given name: "University of California, San Diego," and "Smith, Labour MP," set off a place and a title)
        named = person if person and person_like(person.group(0)) and " of " not in person.group(0) \
            and gender_of(person.group(0)) is not None else None
    if named and subject and _has_claim(masked, verb, direct=direct, subject_start=subject.start()):
        return named.group(0)  # "A lawyer for Mr. Grimm, William McGinley of Patton Boggs, confirmed": the lawyer has a name
    if subject and clean_speaker(subject.group("sp")):
        if _has_claim(masked, verb, direct=direct, subject_start=subject.start()):
            return _subject(before[: subject.start()], _named(clean_speaker(subject.group("sp")), subject.group("ap")))
    titled = _TITLED_BEFORE.search(before)
    if titled and _has_claim(masked, verb, direct=direct, subject_start=titled.start("sp")):
        return titled.group("sp")  # "The university's interim president, Sarah Cole, told staff that ..."
    # "Matthew Rojansky, director of ..., said Moscow would ...": the named subject spoke, not "Moscow".
    person_before = subject is not None and clean_speaker(subject.group("sp")) is not None
    if re.search(r"(?:¶|,)\s*$", before) and verb.group(0) in _INVERTIBLE and not person_before:
        inverted = _SUBJECT_AFTER.match(after)
        # 'Kommersant, quoting ..., said Fogle "was trying to recruit ..."': the name opens what was said
        if inverted and inverted.group("sp")[:1].isupper() and _CLAUSE_GOES_ON.match(after, inverted.end()):
            return None
        if inverted and _named(clean_speaker(inverted.group("sp")), None):
            if _has_claim(masked, verb, direct=direct, subject_start=verb.start()):
                return clean_speaker(inverted.group("sp"))
    return None


# After an inverted speaker the sentence goes on with their verb, or their quoted words and more: they
# are the reported clause's subject ('said Fogle "was trying to ..." who ...'), not the one speaking
# (a nickname in quotes, 'said Chunhua "Charlie" Qi', is part of the name).
_CLAUSE_GOES_ON = re.compile(r"\s*(?:¶\s+[a-z]|(?:was|were|is|are|had|has|would|will|could|did)\b)")
# A sentence that is only a participle clause asking why or how ("Explaining why he argued ..."): a fragment.
_WH_FRAGMENT = re.compile(r"^[A-Z][a-z]+ing\s+(?:why|how|what|whether)\b(?![^,;]*,\s+(?:he|she|they|[A-Z]))")
# "said Fogle "was trying to ..."": the name after the verb opens the quoted words said of him.
_SAID_NAME_QUOTED = re.compile(r"[,”\"]\s+(?:said|says)\s+(?:[A-Z][\w'’.-]+\s+){0,2}[A-Z][\w'’.-]+\s+[“\"]"
                               r"(?:was|is|were|are|had|has|would|will)\b")
_WORD_AFTER = re.compile(r"\.?\s+([a-z]+)\b")


def _group_follows(masked: str, at: int) -> bool:
    """True when a group noun follows the name at ``at`` ("U.S. officials", "Velmora police")."""
    word = _WORD_AFTER.match(masked, at)
    return word is not None and (is_group(word.group(1)) or word.group(1) == "intelligence")
# A second speaker after "but", with their own verb of saying: "..., but JPMorgan analysts say that ... ¶".
_BUT_ANOTHER = re.compile(r",\s+but\s+(?:[A-Z][\w.&’'-]*\s+){1,3}(?:[a-z]+\s+)?(?:say|says|said)\b[^¶]{0,80}¶")
_EXAMPLE_OF = re.compile(r"\b(?:like|such as)\s+$")
_AFFILIATION_AND = re.compile(r"\b(?:of|at|from)\s+(?:the\s+)?[A-Z][^,;“”\"]*\s+and\s+$")


def _subject(lead_in: str, speaker: str | None) -> str | None:
    """Return ``speaker`` when it can be the subject of the speech verb, else None.

    A run after a preposition is that preposition's object ("officials in Kalamazoo and Van
    Buren said"): the speaker is then only the name at the run's end ("ambassador to Britain Liu
    Xiaoming said" gives "Liu Xiaoming"), when the run is long enough to hold a place and a name.
    """
    if speaker is not None and _AFFILIATION_AND.search(lead_in) and speaker.split()[-1] in ORG_TAIL:
        return None  # "lead author Sarah Willis of the ... Center (CfA) and Iowa State University said": her second affiliation
    if speaker is not None and _EXAMPLE_OF.search(lead_in):
        return None  # "former swimming greats like Jon Sieben says ...": the writer's account of a group
    if speaker is None or not PREPOSITION_END.search(lead_in):
        return speaker
    group = re.fullmatch(r"\s*(?:[Tt]he\s+)?([A-Za-z]+)\s+(?:in|at|from|of|near|across|outside|inside)(?:\s+the)?\s*", lead_in)
    if group and is_group(group.group(1)):
        return None  # "Police in Kuala Lumpur, Malaysia, said": the police speak, unnamed; the place is no one
    member = _MEMBER_BEFORE.search(lead_in)
    person = member.group("person") if member else ""
    # A title or a job is no person ("Chief Economist at Velmora University Ana Lind" names Ana Lind, as
    # before; "Senior Analysts at Velmora Bank" nobody); a longer object ending on a person's name is hers.
    singular = re.sub(r"s\b", "", person)
    if member and person_like(person) and not any(is_title(w) for w in person.split()) and not JOB_WORD.search(singular) \
            and (len(speaker.split()) <= 2 or not _names_person(speaker)):
        return f"{person} {member.group('prep')} {speaker}"  # "Michiel Hogerheijde from Leiden Observatory"
    name = object_name(speaker)
    return name if name and name[:1].isupper() else None  # "from the University of Auckland": no "of Auckland"


# A person named right before "from", "of" or "at" and the institution: the person speaks ("Michiel
# Hogerheijde from Leiden Observatory, Netherlands, stated ..."), not the institution.
_MEMBER_BEFORE = re.compile(r"(?:^|[,;:]\s+|¶\s*,?\s*)(?P<person>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,2})\s+"
                            r"(?P<prep>(?:from|of|at)(?:\s+the)?)\s+$")


def _names_person(run: str) -> bool:
    """True for a run that names a person, not an institution ("Leiden Observatory")."""
    return person_like(run) and run.split()[-1] not in ORG_TAIL and not _INSTITUTION.search(run)


_INSTITUTION = re.compile(r"\b(?:Observatory|Laboratory|Lab|Museum|Hospital|Clinic|School|Library|Zoo|Agency|Office|"
                          r"Department|Ministry|Service|Centre|Center|Institute|University|College|Society|Academy|"
                          r"Authority|Commission|Council|Committee|Board|Bureau|Corporation|Foundation|Association)\b")


def _named(speaker: str | None, appositive: str | None) -> str | None:
    """Return ``speaker``, or the person a group subject was led by; None for an unnamed group."""
    if speaker is None or not is_group(speaker):
        return speaker
    led = _LED_BY.search(appositive or "")
    return clean_speaker(led.group("sp")) if led else None


_POINTS_ON = re.compile(r"(?:(?:this|the following|as follows|these words)(?:\s+(?:to\s+\w+|on\s+\w+))?)\s*[:.]?")


def _has_claim(masked: str, verb: re.Match[str], *, direct: bool, subject_start: int = -1) -> bool:
    """True when the sentence carries what was said: a quote or a reported clause."""
    if direct:
        return True
    before = masked[: max(subject_start, 0)].strip(" ,")
    after = masked[verb.end():].strip(" .")
    if _POINTS_ON.fullmatch(after):
        return False  # "..., Trump said the following.": the words are in the next paragraph, not here
    # Reported speech: "X said (that) <clause>" or "<clause>, X said." Verbs that also take an
    # object ("concluded the questioning", "denied the request") report speech only with "that".
    if verb.group(0) in _THAT_ONLY and not _REPORTED_THAT.match(after):
        # "<claim>, X noted." credits the claim; "In three seasons, X posted 274 tackles in 41
        # games." has a count for its object, and no claim.
        return len(before.split()) >= 5 and not re.match(r"[\d$£€]", after) and bool(
            re.search(r",\s*(?:the\s+)?$", masked[: max(subject_start, 0)]))
    if len(after.split()) >= 5 and re.match(r"(?:that\b|[a-z]|\w+ (?:that|it|he|she|the)\b)", after):
        return len(before.split()) <= 6
    if len(after.split()) >= 5 and _NAMED_CLAUSE.match(after) and len(before.split()) <= 6:
        return True
    return len(before.split()) >= 5 and bool(re.search(r",\s*(?:the\s+)?$", masked[: max(subject_start, 0)]))
