"""Same-event clustering: entries that tell one event become one Story.

How it works, in five steps:

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
   A story spans at most ``max_span`` (3 days) of publication times: the same words months
   apart (two Fed decisions, "deal signed" and "deal closed") are two events.
4. *Kinds.* Only reports (model.KIND_REPORT) make events. An opinion piece or explainer joins
   the story of the report it is closest to, when it is close enough (``ATTACH``) and speaks of
   the same happening (a word of one's headline, not a name, in the other), as further
   reading, and never leads it; roundups, deal posts, media and other pages stay alone, so a
   newsletter naming three events joins none of them.
5. *Ids.* A cluster holding entries already known from earlier runs keeps the id of its
   oldest known story; a new cluster is named after its earliest entry, so ids are stable
   across runs as coverage grows.

Quality and speed are measured by ``bench/group_eval.py`` (results in bench/group_results.md).
"""

from __future__ import annotations

import gc
import logging
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime, timedelta
from itertools import chain
from operator import itemgetter

from digest.group.naming import name_stories
from digest.group.vectors import POSTING_CAP, Doc, cosine, vectorise
from digest.model import KIND_REPORT, Entry, Story

log = logging.getLogger(__name__)

UNRELATED = 0.05  # below this cosine two entries share nothing but common words
MAX_UNRELATED = 0.34  # share of cross pairs in a merge allowed to be unrelated
WINDOW = 8  # a token in more than POSTING_CAP entries links each to its next this many holders
MIN_SHARED = 2  # top tokens two entries must share to be compared
ATTACH = 0.3  # similarity an opinion piece or explainer needs to a report to join its story
READING = ("opinion", "explainer")  # kinds that may join a report's story as further reading


def group_entries(
    entries: Sequence[Entry],
    *,
    known: Mapping[str, str] = {},
    edge: float = 0.18,
    link: float = 0.14,
    same_feed: float = 0.6,
    max_span: timedelta = timedelta(days=3),
) -> list[Story]:
    """Cluster ``entries`` about the same event into Stories, ordered by their lead entry.

    ``known`` maps entry uid -> story id from earlier runs; ``edge`` is the cosine similarity
    a pair needs to start a merge, ``link`` the average similarity two clusters need to merge,
    ``same_feed`` the similarity two entries of one feed need to share a story, ``max_span``
    the longest stretch of publication times one story may cover. Returns the
    stories with their entries lead first (earliest published, ties by uid).
    """
    with _collector_paused():
        docs = vectorise(list(_unique(entries).values()))
        pairs = _candidate_pairs(docs)
        reports = [p for p in pairs if docs[p[1]].entry.kind == docs[p[2]].entry.kind == KIND_REPORT]
        clusters = _cluster(docs, reports, edge=edge, link=link, same_feed=same_feed, max_span=max_span)
        clusters = _attach_reading(docs, pairs, clusters, link=link, same_feed=same_feed)
        stories = name_stories([[docs[i].entry for i in c] for c in clusters], known)
    log.info("grouped %d entries into %d stories", len(docs), len(stories))
    return stories


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Cyclic garbage collection held off while grouping: it makes a great many small dicts,
    sets and tuples (no cycles; reference counting frees them), and each collection they set
    off would rescan every object alive, the whole batch of entries included."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _unique(entries: Sequence[Entry]) -> dict[str, Entry]:
    """uid -> entry in uid order, one entry per uid: should two differ, the one whose repr sorts
    last wins, whatever the input order."""
    if len({e.uid for e in entries}) == len(entries):
        return {e.uid: e for e in sorted(entries, key=lambda e: e.uid)}  # no repr needed to tell them apart
    return {e.uid: e for e in sorted(entries, key=lambda e: (e.uid, repr(e)))}


def similarity(a: Entry, b: Entry, *, context: Sequence[Entry] = ()) -> float:
    """Return the cosine similarity of two entries, with IDF taken from ``context`` + both."""
    docs = vectorise([a, b, *context])
    return cosine(docs[0].vector, docs[1].vector)


# --- candidates and clusters -----------------------------------------------------------------


def _candidate_pairs(docs: list[Doc]) -> list[tuple[float, int, int]]:
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
        later = []
        for token in doc.top:
            ids = postings[token]
            start = bisect_right(ids, i)
            later.append(ids[start : start + WINDOW] if len(ids) > POSTING_CAP else ids[start:])
        for j, n in Counter(chain.from_iterable(later)).items():
            if n >= MIN_SHARED:
                pairs.append((cosine(doc.vector, docs[j].vector), i, j))
    # Strongest first, ties by (i, j): two stable sorts order them as the key (-s, i, j) would.
    pairs.sort(key=itemgetter(1, 2))
    pairs.sort(key=itemgetter(0), reverse=True)
    return pairs


def _cluster(
    docs: list[Doc],
    pairs: list[tuple[float, int, int]],
    *,
    edge: float,
    link: float,
    same_feed: float,
    max_span: timedelta,
) -> list[list[int]]:
    """Average-link agglomeration over candidate pairs; returns clusters of doc indices."""
    sims = {(i, j): s for s, i, j in pairs}
    owner = list(range(len(docs)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(docs))}
    spans = {i: (d.entry.published, d.entry.published) for i, d in enumerate(docs)}
    for s, i, j in pairs:
        if s < edge:
            break
        a, b = owner[i], owner[j]
        if a == b or (s < same_feed and _names_clash(docs[i], docs[j])):
            continue
        span = _joined_span(spans[a], spans[b])
        if span[0] and span[1] and span[1] - span[0] > max_span:
            continue
        if not _may_merge(docs, sims, members[a], members[b], link=link, same_feed=same_feed):
            continue
        if len(members[a]) < len(members[b]):
            a, b = b, a
        for k in members[b]:
            owner[k] = a
        members[a].extend(members.pop(b))
        spans[a] = span
    return [sorted(m) for m in members.values()]


def _attach_reading(docs: list[Doc], pairs: list[tuple[float, int, int]], clusters: list[list[int]],
                    *, link: float, same_feed: float) -> list[list[int]]:
    """Let each opinion piece or explainer join the report story it is closest to, if any.

    Strongest pairs first; the piece must be close to a report (``ATTACH``), share its names
    and its action (_same_action), and be close to the story on average (``link``), like any merge.
    """
    owner = {i: n for n, c in enumerate(clusters) for i in c}
    sims = {(i, j): s for s, i, j in pairs}
    attached: set[int] = set()
    for s, i, j in pairs:
        if s < ATTACH:
            break
        for piece, report in ((i, j), (j, i)):
            if (docs[piece].entry.kind in READING and docs[report].entry.kind == KIND_REPORT
                    and piece not in attached and not _names_clash(docs[piece], docs[report])
                    and _same_action(docs[piece], docs[report])
                    and _may_merge(docs, sims, [piece], clusters[owner[report]], link=link,
                                   same_feed=same_feed)):
                clusters[owner[piece]].remove(piece)
                clusters[owner[report]].append(piece)
                owner[piece] = owner[report]
                attached.add(piece)
    return [sorted(c) for c in clusters if c]


Span = tuple[datetime | None, datetime | None]


def _joined_span(a: Span, b: Span) -> Span:
    """The earliest and latest known publication times of two clusters together."""
    starts = [t for t in (a[0], b[0]) if t]
    ends = [t for t in (a[1], b[1]) if t]
    return (min(starts) if starts else None, max(ends) if ends else None)


def _names_clash(a: Doc, b: Doc) -> bool:
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


def _same_action(piece: Doc, report: Doc) -> bool:
    """True when one's headline names what the other tells beyond its names: a word of the
    report's headline other than a name or a title is in the piece, or the reverse.

    Reports of one event may word it differently and still join on names and numbers; a
    comment is only further reading on *this* happening when it speaks of it ("bridge vote",
    "ad"), not only of the same people (Netanyahu, Obama and Iran, another year).
    """
    return bool(report.action & piece.vector.keys() or piece.action & report.vector.keys())


def _may_merge(
    docs: list[Doc],
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
                s = cosine(docs[i].vector, docs[j].vector)
            if docs[i].entry.feed == docs[j].entry.feed and s < same_feed:
                return False
            total += s
            unrelated += s < UNRELATED
    pairs = len(left) * len(right)
    # Average-link alone lets a bridge entry pull in a cluster half of which shares nothing
    # with the other half; also require most cross pairs to share something.
    return total / pairs >= link and unrelated <= pairs * MAX_UNRELATED


# --- ids and order ---------------------------------------------------------------------------
