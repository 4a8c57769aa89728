"""Story ids and order: each cluster of entries becomes a Story whose id survives from one
build to the next while it tells the same event, lead entry first. Pure.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Mapping
from datetime import datetime, timezone

from digest.model import KIND_REPORT, Entry, Story

__all__ = ["lead_key", "name_stories"]


def lead_key(entry: Entry) -> tuple[bool, datetime, str]:
    """Sort key putting reports before further reading, then the earliest published first;
    unknown dates last, ties by uid."""
    return (entry.kind != KIND_REPORT, entry.published or datetime.max.replace(tzinfo=timezone.utc),
            entry.uid)


def name_stories(clusters: list[list[Entry]], known: Mapping[str, str]) -> list[Story]:
    """Give each cluster an id (reused from ``known`` when it can) and order everything."""
    ordered = sorted((sorted(c, key=lead_key) for c in clusters), key=lambda c: lead_key(c[0]))
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
    offers: dict[str, list[tuple[tuple[bool, datetime, str], int]]] = defaultdict(list)
    for index, cluster in enumerate(clusters):
        known_entries = [e for e in cluster if e.uid in known]
        if known_entries:
            oldest = known_entries[0]  # clusters are sorted lead first
            offers[known[oldest.uid]].append((lead_key(oldest), index))
    return {min(bids)[1]: story_id for story_id, bids in offers.items()}


def _fresh_id(uid: str, taken: set[str]) -> str:
    """A deterministic id from the lead entry's uid, avoiding ids already in use."""
    base = "s" + hashlib.sha1(uid.encode("utf-8")).hexdigest()[:12]
    story_id, n = base, 1
    while story_id in taken:
        n += 1
        story_id = f"{base}-{n}"
    return story_id
