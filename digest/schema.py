"""digest.json: Digest -> JSON-ready dict, and back again with validation.

The field names and order are a contract other tools read (see DESIGN.md). Reading back is
strict: a person may edit digest.json by hand, so every problem names the field to fix.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date as calendar_date
from datetime import datetime
from typing import Any

from digest.errors import DigestFileError
from digest.model import KIND_REPORT, KINDS, Brief, Digest, FeedReport, Quote, Source

FEED_STATUSES = ("ok", "not_modified", "error")


def digest_to_dict(digest: Digest) -> dict[str, Any]:
    """Return the digest.json document for ``digest``."""
    return {
        "title": digest.title,
        "date": digest.date,
        "generated_at": digest.generated_at.isoformat(),
        "intro": digest.intro,
        "stories": [_brief_to_dict(b) for b in digest.stories],
        "more": [_brief_to_dict(b) for b in digest.more],
        "feeds": [
            {"name": f.name, "url": f.url, "status": f.status, "entries": f.entries, "error": f.error}
            for f in digest.feeds
        ],
    }


def _brief_to_dict(b: Brief) -> dict[str, Any]:
    doc = {
        "id": b.id,
        "rank": b.rank,
        "score": round(b.score, 3),
        "why": b.why,
        "update": b.update,
        "headline": b.headline,
        "dek": b.dek,
        "what_happened": list(b.what_happened),
        "who_said_what": [{"speaker": q.speaker, "text": q.text, "source": q.source} for q in b.who_said_what],
        "what_next": list(b.what_next),
        "sources": [
            {"name": s.name, "title": s.title, "url": s.url,
             "published": s.published.isoformat() if s.published else None, "kind": s.kind}
            for s in b.sources
        ],
    }
    if b.written_by:  # additive: only briefs a language model was asked to write
        doc["written_by"] = dict(b.written_by)
    # additive: the outlet that told the dek and each sentence of What happened and What next ("" when not known)
    doc["dek_source"] = b.dek_source
    doc["what_happened_sources"] = list(b.happened_sources)
    doc["what_next_sources"] = list(b.next_sources)
    return doc


class _Reader:
    """Typed field access that collects every problem with its JSON path."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def get(self, obj: Any, key: str, where: str, kind: type | tuple[type, ...], *,
            optional: bool = False, default: Any = None) -> Any:
        path = f"{where}.{key}" if where else key
        if not isinstance(obj, dict):
            return default
        if key not in obj or (obj[key] is None and optional):
            if not optional:
                self.problems.append(f"{path}: missing")
            return default
        value = obj[key]
        if not isinstance(value, kind) or isinstance(value, bool) and bool not in _kinds(kind):
            self.problems.append(f"{path}: expected {_kind_name(kind)}, got {type(value).__name__}")
            return default
        return value

    def items(self, obj: Any, key: str, where: str, build: Callable[[Any, str], Any], *,
              optional: bool = False) -> tuple[Any, ...]:
        values = self.get(obj, key, where, list, optional=optional, default=[])
        return tuple(build(v, f"{where}.{key}[{i}]" if where else f"{key}[{i}]") for i, v in enumerate(values))

    def time(self, obj: Any, key: str, where: str, *, optional: bool = False) -> datetime | None:
        text = self.get(obj, key, where, str, optional=optional)
        if text is None:
            return None
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            moment = None
        if moment is None or moment.tzinfo is None:
            self.problems.append(f"{where}.{key}: {text!r} is not an ISO 8601 time with a zone")
            return None
        return moment

    def text(self, obj: Any, key: str, where: str) -> str:
        value = self.get(obj, key, where, str, default="")
        if value == "" and isinstance(obj, dict) and key in obj:
            self.problems.append(f"{where}.{key}: must not be empty")
        return value


def _kinds(kind: type | tuple[type, ...]) -> tuple[type, ...]:
    return kind if isinstance(kind, tuple) else (kind,)


def _kind_name(kind: type | tuple[type, ...]) -> str:
    names = {str: "a string", int: "a whole number", float: "a number", list: "a list",
             dict: "an object", bool: "true or false"}
    return " or ".join(dict.fromkeys(names[k] for k in _kinds(kind)))


def digest_from_dict(doc: Any, *, where: str = "digest.json") -> Digest:
    """Rebuild a Digest from a (possibly hand-edited) digest.json document.

    Raises DigestFileError listing every problem, each with its field path.
    """
    r = _Reader()
    if not isinstance(doc, dict):
        raise DigestFileError(f"{where}: the top level must be a JSON object")
    stories = r.items(doc, "stories", "", lambda v, p: _brief(r, v, p))
    more = r.items(doc, "more", "", lambda v, p: _brief(r, v, p), optional=True)
    feeds = r.items(doc, "feeds", "", lambda v, p: _feed(r, v, p), optional=True)
    title, date = r.text(doc, "title", ""), _date(r, r.text(doc, "date", ""))
    generated_at = r.time(doc, "generated_at", "")
    intro = r.get(doc, "intro", "", str, optional=True)
    if r.problems or generated_at is None:  # a missing time is one of the problems
        raise DigestFileError(f"{where}: " + "; ".join(r.problems))
    return Digest(title=title, date=date, generated_at=generated_at, stories=stories, feeds=feeds,
                  intro=intro, more=more)


def _date(r: _Reader, text: str) -> str:
    """The edition's ``date``, which must be an ISO date (2026-11-23); a problem otherwise."""
    try:
        calendar_date.fromisoformat(text)
    except ValueError:
        if text:  # an empty one is already a problem
            r.problems.append(f"date: {text!r} is not an ISO date (YYYY-MM-DD)")
    return text


def _object(r: _Reader, v: Any, p: str) -> dict[str, Any]:
    """``v`` when it is an object; otherwise a problem at ``p`` and an empty object to read on."""
    if isinstance(v, dict):
        return v
    r.problems.append(f"{p}: expected an object")
    return {}


def _brief(r: _Reader, v: Any, p: str) -> Brief:
    v = _object(r, v, p)
    return Brief(
        id=r.text(v, "id", p), rank=r.get(v, "rank", p, int, default=0),
        score=_finite(r, r.get(v, "score", p, (int, float), optional=True, default=0.0), f"{p}.score"),
        why=r.get(v, "why", p, str, optional=True, default=""),
        update=r.get(v, "update", p, bool, optional=True, default=False),
        headline=r.text(v, "headline", p), dek=r.get(v, "dek", p, str, optional=True),
        what_happened=r.items(v, "what_happened", p, lambda s, q: _sentence(r, s, q)),
        who_said_what=r.items(v, "who_said_what", p, lambda s, q: _quote(r, s, q), optional=True),
        what_next=r.items(v, "what_next", p, lambda s, q: _sentence(r, s, q), optional=True),
        sources=r.items(v, "sources", p, lambda s, q: _source(r, s, q)),
        written_by=_written_by(r, r.get(v, "written_by", p, dict, optional=True, default={}), f"{p}.written_by"),
        dek_source=r.get(v, "dek_source", p, str, optional=True),
        happened_sources=_outlets(r, v, "what_happened_sources", p),
        next_sources=_outlets(r, v, "what_next_sources", p),
    )


def _outlets(r: _Reader, v: Any, key: str, p: str) -> tuple[str, ...]:
    """The outlet names under ``key``, one per sentence of its block. A hand edit that cut or added a sentence
    leaves them unpaired: kept as written, and cited nowhere (Brief.cited_next), since which went is unknown."""
    return r.items(v, key, p, lambda s, q: _name(r, s, q), optional=True)


WRITERS = ("llm", "extractive")  # who may have written a part of a brief


def _written_by(r: _Reader, v: dict[str, Any], p: str) -> tuple[tuple[str, str], ...]:
    """The (part, writer) pairs of a story's ``written_by`` object, checked."""
    for part, writer in v.items():
        if writer not in WRITERS:
            r.problems.append(f"{p}.{part}: must be one of {', '.join(WRITERS)}")
    return tuple((str(k), str(w)) for k, w in v.items() if w in WRITERS)


def _finite(r: _Reader, value: float, path: str) -> float:
    """``value`` as a float; NaN, infinities and overflowing numbers are a problem at ``path``."""
    try:
        number = float(value)
    except OverflowError:
        number = math.inf
    if not math.isfinite(number) or abs(number) > 1e12:
        r.problems.append(f"{path}: must be a finite number, got {value}")
        return 0.0
    return number


def _sentence(r: _Reader, v: Any, p: str) -> str:
    if not isinstance(v, str) or not v.strip():
        r.problems.append(f"{p}: expected a non-empty string")
        return ""
    return v


def _name(r: _Reader, v: Any, p: str) -> str:
    """An outlet name, "" (or null) where it was not known."""
    if v is None:
        return ""
    if not isinstance(v, str):
        r.problems.append(f"{p}: expected a string")
        return ""
    return v


def _quote(r: _Reader, v: Any, p: str) -> Quote:
    v = _object(r, v, p)
    return Quote(speaker=r.text(v, "speaker", p), text=r.text(v, "text", p), source=r.text(v, "source", p))


def _source(r: _Reader, v: Any, p: str) -> Source:
    v = _object(r, v, p)
    return Source(
        name=r.text(v, "name", p), title=r.get(v, "title", p, str, default=""),
        url=r.get(v, "url", p, str, optional=True), published=r.time(v, "published", p, optional=True),
        kind=_kind(r, v, p),
    )


def _kind(r: _Reader, v: Any, p: str) -> str:
    """A source's kind: optional (older digest.json files have none), one of KINDS."""
    kind = r.get(v, "kind", p, str, optional=True, default=KIND_REPORT)
    if kind not in KINDS:
        r.problems.append(f"{p}.kind: must be one of {', '.join(KINDS)}, got {kind!r}")
        return KIND_REPORT
    return kind


def _feed(r: _Reader, v: Any, p: str) -> FeedReport:
    v = _object(r, v, p)
    status = r.text(v, "status", p)
    if status and status not in FEED_STATUSES:
        r.problems.append(f"{p}.status: must be one of {', '.join(FEED_STATUSES)}")
    return FeedReport(
        name=r.text(v, "name", p), url=r.text(v, "url", p), status=status,
        entries=r.get(v, "entries", p, int, default=0), error=r.get(v, "error", p, str, optional=True),
    )
