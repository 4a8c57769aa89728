"""Word bags, TF-IDF cosine and TextRank centrality over a story's sentences.

Pure Python: a story has at most a few hundred sentences, so a dense similarity matrix is
cheap and the package needs no numerical library.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter, defaultdict

_WORD = re.compile(r"[a-z0-9][a-z0-9'’-]*")
_STOP = frozenset(
    """a an the and or but if then of to in on at by for with from as into about over after
    before than that this these those is are was were be been being has have had do does did
    it its it's he she they them his her their we our you your i me my not no so such there
    here which who whom whose what when where why how all any both each few more most other
    some can could will would shall should may might must also just only said says say told
    one two new mr mrs ms up out very""".split()
)


@functools.lru_cache(maxsize=8192)
def words(text: str) -> tuple[str, ...]:
    """Return the content words of ``text``: lower-case, stop words out, plural -s folded.

    Cached: a brief compares the same sentences pairwise (near duplicates, overlaps), and
    tokenising them again was a fifth of its time.
    """
    out = []
    for token in _WORD.findall(text.lower()):
        token = token.strip("'’-")
        if len(token) < 2 or token in _STOP:
            continue
        out.append(token[:-1] if len(token) > 4 and token.endswith("s") else token)
    return tuple(out)


def tfidf(texts: list[str]) -> list[dict[str, float]]:
    """Return one unit-length TF-IDF vector per text, IDF taken over ``texts`` themselves."""
    bags = [Counter(words(t)) for t in texts]
    df = Counter(w for bag in bags for w in bag)
    n = len(texts)
    vectors = []
    for bag in bags:
        vec = {w: (1 + math.log(c)) * math.log(1 + n / df[w]) for w, c in bag.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        vectors.append({w: v / norm for w, v in vec.items()})
    return vectors


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Return the cosine of two unit vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())


def textrank(vectors: list[dict[str, float]], *, damping: float = 0.85, rounds: int = 30) -> list[float]:
    """Return each sentence's centrality (PageRank on the cosine graph), scaled to max 1."""
    n = len(vectors)
    if n == 0:
        return []
    edges = _similarities(vectors)
    totals = [sum(row.values()) or 1.0 for row in edges]
    rank = [1.0 / n] * n
    for _ in range(rounds):
        new = [(1 - damping) / n] * n
        for j, row in enumerate(edges):
            share = damping * rank[j] / totals[j]
            for i, weight in row.items():
                new[i] += weight * share
        settled = sum(abs(a - b) for a, b in zip(new, rank)) < 1e-4 / n
        rank = new
        if settled:
            break
    top = max(rank) or 1.0
    return [r / top for r in rank]


def _similarities(vectors: list[dict[str, float]]) -> list[dict[int, float]]:
    """Return the non-zero cosine similarities as adjacency rows, built through an inverted index.

    Only pairs that share a word are ever touched, so long multi-source stories stay fast.
    """
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for i, vec in enumerate(vectors):
        for word, weight in vec.items():
            postings[word].append((i, weight))
    edges: list[dict[int, float]] = [defaultdict(float) for _ in vectors]
    for plist in postings.values():
        for a, (i, wi) in enumerate(plist):
            for j, wj in plist[a + 1:]:
                edges[i][j] += wi * wj
                edges[j][i] += wi * wj
    return edges


def overlap(a: str, b: str) -> float:
    """Return the share of the shorter text's content words that the other one also has."""
    wa, wb = _word_set(a), _word_set(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


@functools.lru_cache(maxsize=8192)
def _word_set(text: str) -> frozenset[str]:
    return frozenset(words(text))


_KEY = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w'’-]+|\b\w*\d[\w-]*")


@functools.lru_cache(maxsize=8192)
def key_terms(text: str) -> frozenset[str]:
    """Names and numbers in ``text``: capitalised words past the first, and any token with a digit."""
    return frozenset(m.group(0).lower().rstrip("'’s") for m in _KEY.finditer(text.strip()))


def near_duplicate(a: str, b: str, *, limit: float = 0.5) -> bool:
    """True when two sentences say the same thing: most content words shared, or fewer but the same names and numbers.

    Two outlets rarely word an event alike, but they name the same rocket, day and count.
    """
    share = overlap(a, b)
    if share >= limit:
        return True
    ka, kb = key_terms(a), key_terms(b)
    common = ka & kb
    # Two words of one name ("Bank of Estrava") are not two facts: with no number in common,
    # ask for a third shared name.
    enough = len(common) >= 3 or (len(common) >= 2 and any(any(c.isdigit() for c in t) for t in common))
    return share >= 0.3 and enough and len(common) >= 0.5 * min(len(ka), len(kb))
