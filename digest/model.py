"""The values that flow through the pipeline: frozen dataclasses, one line per field.

Nothing here does I/O. feedparser dicts end in ``parse.py`` and ``sqlite3.Row`` ends in
``store``; every other module speaks in these types.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

FEED_OK = "ok"
FEED_NOT_MODIFIED = "not_modified"
FEED_ERROR = "error"

# What sort of page an entry is; only reports make and lead events (see classify).
KIND_REPORT = "report"
KINDS = ("report", "opinion", "explainer", "roundup", "deals", "media", "other")


@dataclass(frozen=True)
class Fetched:
    """One response from the fetch edge (HTTP or a local file)."""

    url: str  # the URL or path that was asked for
    final_url: str  # where redirects ended (same as url when there were none)
    status: int  # HTTP status; 200 for a file; 304 when not modified; 0 when nothing came back
    body: bytes = b""  # decompressed body, capped; empty for 304 and errors
    headers: tuple[tuple[str, str], ...] = ()  # response headers, lower-case names
    error: str | None = None  # what failed, in plain words ("timeout after 20 s", "HTTP 404")
    permanent_url: str | None = None  # target of a 301/308 move, to remember for next time
    retry_after: float | None = None  # seconds the server asked us to wait (429/503)

    def header(self, name: str) -> str | None:
        """Return the first header called ``name`` (case-insensitive), or None."""
        name = name.lower()
        return next((v for k, v in self.headers if k == name), None)


@dataclass(frozen=True)
class Entry:
    """One item of one feed, reduced to plain text."""

    uid: str  # stable id across runs: hash of feed URL and the entry's own identity
    feed: str  # outlet name from config.toml, shown in attributions
    feed_url: str  # the configured URL of the feed it came from
    title: str  # plain-text headline
    link: str | None  # http(s) URL of the article, or None
    summary: str  # plain-text standfirst or description from the feed
    content: str = ""  # plain-text full text: feed content or the extracted article
    published: datetime | None = None  # aware UTC time of publication, or None if unknown
    author: str | None = None  # byline from the feed, if any
    date_note: str | None = None  # why published was adjusted ("missing", "future", "before 1995")
    kind: str = KIND_REPORT  # one of KINDS: what sort of page this is
    kind_signal: str | None = None  # what decided the kind ("json-ld OpinionNewsArticle", "url /deals/")

    @property
    def text(self) -> str:
        """The fullest plain text known for the entry: content, else summary."""
        return self.content if len(self.content) >= len(self.summary) else self.summary


@dataclass(frozen=True)
class ParsedFeed:
    """What ``parse`` made of one feed body."""

    entries: tuple[Entry, ...]  # entries in feed order, de-duplicated by uid
    title: str | None = None  # the feed's own title, if it has one
    error: str | None = None  # why the body could not be read as a feed, or None
    warning: str | None = None  # a non-fatal problem (malformed but readable XML)


@dataclass(frozen=True)
class FeedReport:
    """How one feed fared in this run; one row of ``digest.json`` ``feeds``."""

    name: str  # outlet name from config.toml
    url: str  # configured URL
    status: str  # "ok" | "not_modified" | "error"
    entries: int  # entries read from the feed this run (0 for not_modified and error)
    error: str | None = None  # what failed, in plain words, or None


@dataclass(frozen=True)
class Story:
    """One event: every entry that tells it, the lead entry first."""

    id: str  # stable across runs for the same event
    entries: tuple[Entry, ...]  # coverage, lead (earliest or fullest) first

    @property
    def outlets(self) -> tuple[str, ...]:
        """Distinct outlet names in coverage order."""
        return tuple(dict.fromkeys(e.feed for e in self.entries))


@dataclass(frozen=True)
class RankedStory:
    """A story with its place in the digest and the reason for it."""

    story: Story  # the event and its coverage
    rank: int  # 1 for the top story
    score: float  # higher is more important
    why: str  # human-readable reason, e.g. "5 outlets · first seen 05:10 · weight 1.0"
    update: bool = False  # sent in an earlier digest and back with new coverage


@dataclass(frozen=True)
class Quote:
    """An attributed statement in the Who-said-what block."""

    speaker: str  # named speaker, with role when the source gives one
    text: str  # the sentence as shown
    source: str  # outlet that reported it


@dataclass(frozen=True)
class Source:
    """One outlet's article behind a brief."""

    name: str  # outlet name
    title: str  # the article's headline
    url: str | None  # link to the article
    published: datetime | None  # aware UTC, or None
    kind: str = KIND_REPORT  # one of KINDS: report, opinion, explainer …


@dataclass(frozen=True)
class Brief:
    """One story written up in three blocks; one element of ``digest.json`` ``stories``."""

    id: str  # the story id, stable across runs
    rank: int  # 1 for the top story
    score: float  # ranking score
    why: str  # ranking explanation
    headline: str  # cleaned best source title
    dek: str | None  # one-line standfirst, or None
    what_happened: tuple[str, ...]  # one to three sentences stating the event
    who_said_what: tuple[Quote, ...]  # attributed statements
    what_next: tuple[str, ...]  # forward-looking sentences, possibly none
    sources: tuple[Source, ...]  # the coverage, one per article
    update: bool = False  # an update to a story sent before
    written_by: tuple[tuple[str, str], ...] = ()  # (part, "llm" | "extractive") when a model was asked
    dek_source: str | None = None  # the outlet that told the dek; None without a dek or when not known
    happened_sources: tuple[str, ...] = ()  # the outlet of each What happened sentence ("" where not known)
    next_sources: tuple[str, ...] = ()  # the outlet of each What next sentence ("" where not known)

    def cited_next(self) -> tuple[tuple[str, str], ...]:
        """(sentence, its outlet or "") for each What next sentence."""
        known = self.next_sources if len(self.next_sources) == len(self.what_next) else ("",) * len(self.what_next)
        return tuple(zip(self.what_next, known))


@dataclass(frozen=True)
class Digest:
    """The finished edition: what ``digest.json`` holds and the templates render."""

    title: str  # from [digest] title
    date: str  # edition date, YYYY-MM-DD
    generated_at: datetime  # aware time of the build (the --now clock)
    stories: tuple[Brief, ...]  # briefs in rank order
    feeds: tuple[FeedReport, ...] = ()  # one report per configured feed
    intro: str | None = None  # optional editor's note shown under the masthead
    more: tuple[Brief, ...] = field(default=())  # briefs shown only as links ("More stories")
    stale: tuple[str, ...] = ()  # links left out: their page's own date is before the lookback


@dataclass(frozen=True)
class SentStory:
    """A story that went out in an earlier digest, as the store remembers it."""

    id: str  # story id that was sent
    sent_at: datetime  # aware time it was sent
    uids: frozenset[str]  # entry uids it carried when sent


@dataclass(frozen=True)
class Prompt:
    """One question to a language model, and the cache key its answer is filed under."""

    model: str  # model name the answer is asked of
    version: str  # version of the fixed instruction
    sources_hash: str  # sha256 of the source texts as sent, the server, temperature and seed
    system: str  # the fixed instruction
    user: str  # the story's sources, outlet named, each trimmed to its budget
    schema: str = ""  # JSON schema of the answer, as JSON text ("" to ask without one)


@dataclass(frozen=True)
class Answer:
    """What a language model said to one Prompt, or why it said nothing usable."""

    text: str | None  # the message content; None when the request failed
    error: str | None = None  # what failed, in plain words ("timeout after 60 s", "HTTP 500")
    prompt_tokens: int | None = None  # input tokens the server reported, if it did
    completion_tokens: int | None = None  # output tokens the server reported, if it did
    cached: bool = False  # read from the store: nothing was asked or paid this run


def stand_in_title(text: str, limit: int = 90) -> str:
    """The headline a feed item without one is given: the first words of its ``text`` (its first paragraph)."""
    first = text.split("\n\n", 1)[0]
    if len(first) <= limit:
        return first
    return first[:limit].rsplit(" ", 1)[0] + "…"
