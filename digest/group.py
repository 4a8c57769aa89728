"""Same-event clustering: entries that tell one event become one Story.

How it works, in four steps:

1. *Vectors.* Each entry becomes a TF-IDF vector over its headline (counted twice) and the
   first ~60 words of its text. Names and numbers weigh more, because "Erdogan", "7.8" and
   "Kahramanmaras" tell events apart far better than "earthquake" does. A name is a word the
   batch writes capitalised mid-sentence and never in lower case. IDF comes from the batch
   itself, so "election" on an election day is cheap.
2. *Candidates.* Only entries that share two of their most distinctive tokens are compared
   (an inverted index over each entry's top tokens; a token held by very many entries links
   each to a few neighbours only). This keeps the work near-linear in the number of entries.
3. *Clustering.* Candidate pairs above ``edge`` similarity are merged strongest first, but a
   merge must also keep the *average* similarity across the two clusters above ``link``
   (average-link) with most cross pairs related, so A~B~C with A and C unrelated does not
   become one chain. A pair whose entries both carry names but share none, or share just one
   phrase ("French President Emmanuel Macron") and nothing else, does not start a merge: same
   words, different event. Two entries from the same feed may only end up together when they
   are near-duplicates (``same_feed``): an outlet's second article is usually another story.
4. *Ids.* A cluster holding entries already known from earlier runs keeps the id of its
   oldest known story; a new cluster is named after its earliest entry, so ids are stable
   across runs as coverage grows.

Quality and speed are measured by ``bench/group_eval.py`` (results in bench/group_results.md).
"""

from __future__ import annotations

import hashlib
import logging
import math
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import lru_cache

from digest.model import Entry, Story

log = logging.getLogger(__name__)

LEAD_WORDS = 60  # words of body text that count as the lead
TITLE_WEIGHT = 2.0  # a headline word counts this many times
NAME_WEIGHT = 1.6  # extra weight for names
NUMBER_WEIGHT = 1.6  # extra weight for numbers
TOP_TOKENS = 12  # distinctive tokens per entry used to find candidate pairs
TOP_COMMON = 4  # and common ones (in more than POSTING_CAP entries), searched in a window
UNRELATED = 0.05  # below this cosine two entries share nothing but common words
MAX_UNRELATED = 0.34  # share of cross pairs in a merge allowed to be unrelated
POSTING_CAP = 60  # a token in more entries than this only links each entry to a few neighbours
WINDOW = 8  # those neighbours: the next entries (in uid order) that also have the token
MIN_SHARED = 2  # top tokens two entries must share to be compared

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,]\d+)*")
_SENTENCE_ENDS = ".!?:;"
_LEAD_TOKEN = re.compile(_WORD.pattern + r"|[.!?:;]")  # words, and the marks that end sentences

_STOPWORDS = frozenset(
    """
    a about above after again against all almost also am among an and any are aren't around as at
    be became because been before being below between both but by can cannot could did do does
    doing done down during each either else even ever every few for from further get gets got
    had has have having he her here hers herself him himself his how however i if in into is
    it its itself just least less like made make makes many may me might more most much must my
    near neither no nor not now of off on once one only or other our ours out over own per put
    rather said same say saying says she should since so some such than that the their theirs
    them themselves then there these they this those though through thus to too told toward
    under until up upon us very via was we were what when where whether which while who whom
    whose why will with within without would yet you your yours
    monday tuesday wednesday thursday friday saturday sunday today yesterday tonight tomorrow
    week weeks month months year years day days time times new news report reports reported
    according statement late early earlier later last next first second two three four five
    mr mrs ms dr people including including's amid following after told announce announced
    reuters ap afp bloomberg upi dpa efe
    """.split()
)


@dataclass(frozen=True)
class _Doc:
    """One entry reduced to what clustering needs."""

    entry: Entry
    vector: dict[str, float]  # L2-normalised TF-IDF weights
    top: tuple[str, ...]  # its most distinctive tokens, for candidate lookup
    names: set[str]  # its tokens that are names in this batch
    runs: dict[str, int]  # capitalised lead token -> number of the run of capitals it stood in


def group_entries(
    entries: Sequence[Entry],
    *,
    known: Mapping[str, str] = {},
    edge: float = 0.18,
    link: float = 0.14,
    same_feed: float = 0.6,
) -> list[Story]:
    """Cluster ``entries`` about the same event into Stories, ordered by their lead entry.

    ``known`` maps entry uid -> story id from earlier runs; ``edge`` is the cosine similarity
    a pair needs to start a merge, ``link`` the average similarity two clusters need to merge,
    ``same_feed`` the similarity two entries of one feed need to share a story. Returns the
    stories with their entries lead first (earliest published, ties by uid).
    """
    # One entry per uid; should two differ, the same one wins whatever the input order.
    unique = {e.uid: e for e in sorted(entries, key=lambda e: (e.uid, repr(e)))}
    docs = _vectorise(list(unique.values()))
    pairs = _candidate_pairs(docs)
    clusters = _cluster(docs, pairs, edge=edge, link=link, same_feed=same_feed)
    stories = _name_stories([[docs[i].entry for i in c] for c in clusters], known)
    log.info("grouped %d entries into %d stories", len(docs), len(stories))
    return stories


def similarity(a: Entry, b: Entry, *, context: Sequence[Entry] = ()) -> float:
    """Return the cosine similarity of two entries, with IDF taken from ``context`` + both."""
    docs = _vectorise([a, b, *context])
    return _cosine(docs[0].vector, docs[1].vector)


# --- vectors ---------------------------------------------------------------------------------


def _vectorise(entries: list[Entry]) -> list[_Doc]:
    """Turn entries into normalised TF-IDF vectors, with IDF and names from this batch."""
    counted = [_count(e) for e in entries]
    # A name is written capitalised mid-sentence somewhere and never in lower case anywhere:
    # "Portvale" is one, "Council" in "City Council" is not (the batch also says "the council").
    names = set().union(*(c.capitalised for c in counted))
    names -= set().union(*(c.lowercase for c in counted)) | _TITLE_WORDS
    df = Counter(t for c in counted for t in c.counts)
    n = len(entries)
    # IDF times the name/number boost, once per distinct token.
    scale = {t: (math.log((n + 1) / (d + 1)) + 1.0) * _boost(t, names) for t, d in df.items()}
    docs = []
    for entry, c in zip(entries, counted):
        vec = {t: (1.0 + math.log(w)) * scale[t] for t, w in c.counts.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        vec = {t: v / norm for t, v in vec.items()}
        ranked = sorted((t for t in vec if df[t] > 1), key=lambda t: (-vec[t], t))
        rare = [t for t in ranked if df[t] <= POSTING_CAP][:TOP_TOKENS]
        common = [t for t in ranked if df[t] > POSTING_CAP][:TOP_COMMON]
        docs.append(_Doc(entry, vec, tuple(rare + common), names.intersection(vec), c.runs))
    return docs


def _boost(token: str, names: set[str]) -> float:
    """Extra weight for names and numbers: they tell events apart."""
    if token in names:
        return NAME_WEIGHT
    return NUMBER_WEIGHT if token[0].isdigit() else 1.0


@dataclass(frozen=True)
class _Counted:
    """Token counts of one entry, and how its words were written."""

    counts: dict[str, float]  # token -> count, headline words counting TITLE_WEIGHT each
    capitalised: set[str]  # tokens written capitalised other than to open a sentence
    lowercase: set[str]  # tokens written in lower case somewhere (so not only names)
    runs: dict[str, int]  # capitalised lead token -> number of the run of capitals it stood in


def _count(entry: Entry) -> _Counted:
    """Count the tokens of headline and lead and note which look like names."""
    c = _Counted(defaultdict(float), set(), set(), {})
    for word in _WORD.findall(entry.title):
        token = _normalise(word)
        if token:
            c.counts[token] += TITLE_WEIGHT
            if word[0].islower():
                c.lowercase.add(token)
    # Only the start of a long article is split: 20 characters a word is plenty.
    lead = " ".join(entry.text[: LEAD_WORDS * 20].split()[:LEAD_WORDS])
    run, opening, previous_capital = 0, True, False
    for word in _LEAD_TOKEN.findall(lead):
        first = word[0]
        if first in _SENTENCE_ENDS:
            opening, previous_capital = True, False
            continue
        capital = first.isupper()
        run += capital and not previous_capital  # "French President Emmanuel Macron" is one run
        previous_capital = capital
        token = _normalise(word)
        if token:
            c.counts[token] += 1.0
            if capital:
                c.runs.setdefault(token, run)
                if not opening:  # an opening capital says nothing
                    c.capitalised.add(token)
            elif first.islower():
                c.lowercase.add(token)
        opening = False
    return c


@lru_cache(maxsize=1 << 18)  # news vocabulary repeats: normalising dominates otherwise
def _normalise(word: str) -> str:
    """The token for ``word``: lower-cased, possessive and plural/verb endings dropped, number
    formats folded; "" for a stopword or a single letter."""
    word = word.lower().replace("’", "'")
    if word[0].isdigit():
        return word.replace(",", "")
    if word.endswith("'s"):
        word = word[:-2]
    word = word.replace("'", "")
    if len(word) < 2 or word in _STOPWORDS:
        return ""
    return word if len(word) <= 3 else _stem(word)


def _stem(word: str) -> str:
    """A tiny suffix stripper that meets "rate"/"rates"/"rated", "raise"/"raising" halfway."""
    if word.endswith("ies") and len(word) > 5:
        return word[:-3] + "y"
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    else:
        if word.endswith(("ches", "shes", "sses", "xes", "zes")):
            word = word[:-2]
        elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
            word = word[:-1]
    # A final e goes too, so the bare form meets the stripped ones ("rate" -> "rat" = "rated").
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


# Capitalised in titles and proper names ("City Council", "Prime Minister") but not names
# themselves; a small batch may never show them in lower case, so say it here.
_TITLE_WORDS = frozenset(
    _normalise(w)
    for w in """
    city town county state province region national international federal central council
    parliament congress senate assembly government ministry minister prime president
    chancellor mayor governor secretary chair chairman chief executive director general
    court supreme police army navy force forces bank university party union agency office
    department committee commission north south east west northern southern eastern western
    """.split()
)


def _cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Dot product of two normalised sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b[t] for t, v in a.items() if t in b)


# --- candidates and clusters -----------------------------------------------------------------


def _candidate_pairs(docs: list[_Doc]) -> list[tuple[float, int, int]]:
    """Return (similarity, i, j) for pairs sharing distinctive tokens, strongest first.

    Two shared top tokens are needed: one shared name links too much at scale (every entry
    naming a country), while same-event versions almost always share a name plus a number
    or a second name. A token held by more than POSTING_CAP entries (a huge event, wire copy
    syndicated everywhere, a common word) links each entry only to its next WINDOW holders:
    enough to chain a big event together for the clustering, which then compares cluster
    members directly, without the quadratic cost of comparing every holder with every other.
    """
    postings: dict[str, list[int]] = defaultdict(list)
    for i, doc in enumerate(docs):
        for token in doc.top:
            postings[token].append(i)
    pairs = []
    for i, doc in enumerate(docs):
        shared: Counter[int] = Counter()
        for token in doc.top:
            ids = postings[token]
            start = bisect_right(ids, i)
            shared.update(ids[start : start + WINDOW] if len(ids) > POSTING_CAP else ids[start:])
        for j, n in shared.items():
            if n >= MIN_SHARED:
                pairs.append((_cosine(doc.vector, docs[j].vector), i, j))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    return pairs


def _cluster(
    docs: list[_Doc],
    pairs: list[tuple[float, int, int]],
    *,
    edge: float,
    link: float,
    same_feed: float,
) -> list[list[int]]:
    """Average-link agglomeration over candidate pairs; returns clusters of doc indices."""
    sims = {(i, j): s for s, i, j in pairs}
    owner = list(range(len(docs)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(docs))}
    for s, i, j in pairs:
        if s < edge:
            break
        a, b = owner[i], owner[j]
        if a == b or (s < same_feed and _names_clash(docs[i], docs[j])):
            continue
        if not _may_merge(docs, sims, members[a], members[b], link=link, same_feed=same_feed):
            continue
        if len(members[a]) < len(members[b]):
            a, b = b, a
        for k in members[b]:
            owner[k] = a
        members[a].extend(members.pop(b))
    return [sorted(m) for m in members.values()]


def _names_clash(a: _Doc, b: _Doc) -> bool:
    """True when two entries that both name names share none, or share one phrase only.

    Different events in the same words (two city councils approving housing, two central
    banks) differ in their names; a politician's two different days share just the phrase
    "French President Emmanuel Macron". Same-event versions share a name and something
    else: a second name, a number, a word outside that phrase.
    """
    if not (a.names and b.names):
        return False
    if not (a.names & b.names):
        return True
    shared = set(a.vector).intersection(b.vector)
    # Each run of capitals counts once; every other shared token counts on its own.
    pieces = min(len({d.runs.get(t, t) for t in shared}) for d in (a, b))
    return pieces < 2


def _may_merge(
    docs: list[_Doc],
    sims: dict[tuple[int, int], float],
    left: list[int],
    right: list[int],
    *,
    link: float,
    same_feed: float,
) -> bool:
    """True when the clusters are close on average, most cross pairs are related, and no
    same-feed non-duplicates would be joined."""
    total, unrelated = 0.0, 0
    for i in left:
        for j in right:
            s = sims.get((min(i, j), max(i, j)))
            if s is None:
                s = _cosine(docs[i].vector, docs[j].vector)
            if docs[i].entry.feed == docs[j].entry.feed and s < same_feed:
                return False
            total += s
            unrelated += s < UNRELATED
    pairs = len(left) * len(right)
    # Average-link alone lets a bridge entry pull in a cluster half of which shares nothing
    # with the other half; also require most cross pairs to share something.
    return total / pairs >= link and unrelated <= pairs * MAX_UNRELATED


# --- ids and order ---------------------------------------------------------------------------


def _lead_key(entry: Entry) -> tuple[datetime, str]:
    """Sort key putting the earliest published entry first; unknown dates last, ties by uid."""
    return (entry.published or datetime.max.replace(tzinfo=timezone.utc), entry.uid)


def _name_stories(clusters: list[list[Entry]], known: Mapping[str, str]) -> list[Story]:
    """Give each cluster an id (reused from ``known`` when it can) and order everything."""
    ordered = sorted((sorted(c, key=_lead_key) for c in clusters), key=lambda c: _lead_key(c[0]))
    claims = _claims(ordered, known)
    taken = set(known.values())  # never hand a new event an id an old one had
    stories = []
    for index, cluster in enumerate(ordered):
        story_id = claims.get(index) or _fresh_id(cluster[0].uid, taken)
        taken.add(story_id)
        stories.append(Story(id=story_id, entries=tuple(cluster)))
    return stories


def _claims(clusters: list[list[Entry]], known: Mapping[str, str]) -> dict[int, str]:
    """Map cluster index -> reused story id; a known id goes to one cluster only.

    A cluster's candidate is the known story of its earliest known entry ("oldest known
    story"). When a story split, the part holding that story's earliest entry keeps the id.
    """
    offers: dict[str, list[tuple[tuple[datetime, str], int]]] = defaultdict(list)
    for index, cluster in enumerate(clusters):
        known_entries = [e for e in cluster if e.uid in known]
        if known_entries:
            oldest = known_entries[0]  # clusters are sorted lead first
            offers[known[oldest.uid]].append((_lead_key(oldest), index))
    return {min(bids)[1]: story_id for story_id, bids in offers.items()}


def _fresh_id(uid: str, taken: set[str]) -> str:
    """A deterministic id from the lead entry's uid, avoiding ids already in use."""
    base = "s" + hashlib.sha1(uid.encode("utf-8")).hexdigest()[:12]
    story_id, n = base, 1
    while story_id in taken:
        n += 1
        story_id = f"{base}-{n}"
    return story_id
