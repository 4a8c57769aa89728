"""The language-model writer: one request per story, every part held to the sources.

Pure: it builds the prompts, hands them to an injected ``ask`` (the edge that talks to the
server and the cache), reads the answers and checks each part against the story's sources
(``faithful``, and ``quotecheck`` for quotes). A part that fails, or that the model left out, is
the extractive writer's; a story whose answer failed or is not JSON is the extractive brief. The
model never fails a build.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from digest.config import LlmSettings
from digest.emailtext import XML_ILLEGAL, one_line
from digest.model import Answer, Brief, Entry, Prompt, Quote, RankedStory, Story
from digest.summarise.faithful import Evidence, evidence, unsupported
from digest.summarise.provenance import outlet_of, outlets_of, told_in
from digest.summarise.quotecheck import quote_problem

log = logging.getLogger(__name__)

Ask = Callable[[Sequence[Prompt]], list[Answer]]  # prompts in, one answer each, in order

INSTRUCTION_VERSION = "2"  # bump when INSTRUCTION or SCHEMA changes: cached answers no longer apply
INSTRUCTION = """\
You are the editor of a daily news digest. Write a brief of ONE news story using only the \
sources given: no facts, names, titles, ages, numbers or dates from your own knowledge.

Answer with one JSON object and nothing else:
{"headline": "...", "dek": "...", "what_happened": ["..."], \
"who_said_what": [{"speaker": "...", "text": "...", "source": "..."}], "what_next": ["..."]}

- headline: at most 12 words, sentence case, stating the event.
- dek: one sentence that adds to the headline.
- what_happened: one to three plain sentences stating what happened.
- who_said_what: up to four statements by different people. "text" is copied word for word \
from the source named in "source" (the outlet name exactly as given): words that are inside \
quotation marks there, or a whole sentence of reported speech that says who said it. \
"speaker" is the person's full name and role exactly as that source gives them.
- what_next: up to two sentences on what happens next, only when a source says so; else [].
- Every name, number and date you write must appear in the sources."""

_STRING = {"type": "string"}
_LIST = {"type": "array", "items": _STRING}
_QUOTE = {"type": "object", "additionalProperties": False, "required": ["speaker", "text", "source"],
          "properties": {"speaker": _STRING, "text": _STRING, "source": _STRING}}
PARTS = ("headline", "dek", "what_happened", "who_said_what", "what_next")
SCHEMA = json.dumps({
    "type": "object", "additionalProperties": False, "required": list(PARTS),
    "properties": {"headline": _STRING, "dek": _STRING, "what_happened": _LIST,
                   "who_said_what": {"type": "array", "items": _QUOTE}, "what_next": _LIST},
}, sort_keys=True)

MAX_SOURCES = 8  # outlets sent per story: more repeat the same event
# Most items and words a part may hold (the extractive brief's shape, with some room).
LIMITS = {"headline": (1, 20), "dek": (1, 60), "what_happened": (3, 60), "who_said_what": (4, 70),
          "what_next": (2, 50)}


# -- asking --------------------------------------------------------------------------------

def prompt_entries(story: Story) -> tuple[Entry, ...]:
    """The entries a prompt quotes: each outlet's first (the lead first), MAX_SOURCES at most."""
    firsts: dict[str, Entry] = {}
    for entry in story.entries:
        firsts.setdefault(entry.feed, entry)
    return tuple(firsts.values())[:MAX_SOURCES]


def _trim(text: str, budget: int) -> str:
    """``text`` cut at a word boundary to at most ``budget`` characters."""
    text = one_line(text)
    if len(text) <= budget:
        return text
    return text[:budget].rsplit(" ", 1)[0] + " …"


def build_prompt(story: Story, settings: LlmSettings) -> Prompt:
    """The request for ``story``: the fixed instruction, and each source trimmed to its share
    of ``max_input_chars`` with its outlet named. Filed under a hash of that text and of what
    else shapes the answer: the server, the temperature and the seed."""
    entries = prompt_entries(story)
    share = max(200, settings.max_input_chars // max(1, len(entries)))
    blocks = [f"Source {i}: {e.feed}\nHeadline: {_trim(e.title, 300)}\nText: {_trim(e.text, share)}"
              for i, e in enumerate(entries, start=1)]
    user = "\n\n".join(blocks)
    # Another server may run another model under the same name; another temperature or seed
    # samples another answer: none of them may reuse this one's.
    asked_of = json.dumps([settings.base_url.rstrip("/"), settings.temperature, settings.seed])
    return Prompt(model=settings.model, version=INSTRUCTION_VERSION,
                  sources_hash=hashlib.sha256(f"{asked_of}\n{user}".encode()).hexdigest(),
                  system=INSTRUCTION, user=user, schema=SCHEMA)


# -- reading -------------------------------------------------------------------------------

def parse_answer(text: str) -> dict[str, Any] | None:
    """The JSON object in a model's message: the whole message, or the first object in it
    (models wrap JSON in code fences or prose when no schema holds them). None if there is none."""
    decoder = json.JSONDecoder()
    start = text.find("{")
    while start != -1:
        try:
            value, _ = decoder.raw_decode(text, start)
        except RecursionError:  # nested past Python's stack: nothing a brief could hold
            return None
        except ValueError:
            start = text.find("{", start + 1)
            continue
        return value if isinstance(value, dict) else None
    return None


@dataclass(frozen=True)
class Sources:
    """What a story's brief may be checked against: all its sources, and each outlet's."""

    story: Evidence  # every source read together, titles and outlet names included
    outlets: tuple[tuple[str, Evidence], ...]  # (outlet name, its articles) in coverage order

    def outlet(self, name: str) -> tuple[str, Evidence] | None:
        """The outlet called ``name`` (any case), or None."""
        wanted = one_line(name).casefold()
        return next((o for o in self.outlets if o[0].casefold() == wanted), None)


def sources_of(story: Story) -> Sources:
    """The Sources of the entries ``story``'s prompt is built from."""
    entries = prompt_entries(story)
    outlets = tuple(dict.fromkeys(e.feed for e in entries))
    by_outlet = tuple((o, evidence(t for e in entries if e.feed == o for t in (e.title, e.summary, e.text)))
                      for o in outlets)
    every = evidence([*outlets, *(t for e in entries for t in (e.title, e.summary, e.text))])
    return Sources(story=every, outlets=by_outlet)


def _tidy(value: Any, part: str) -> str | None:
    """A string part item with its white space folded; None when it is not usable text."""
    if not isinstance(value, str) or XML_ILLEGAL.search(value):
        return None
    text = one_line(value)
    return text if 0 < len(text.split()) <= LIMITS[part][1] else None


def _items(value: Any, part: str) -> list[Any]:
    """A list part's items (a lone item counts as a list of one), at most the part's limit."""
    items = value if isinstance(value, list) else [value]
    return items[: LIMITS[part][0]]


def check_sentences(value: Any, part: str, sources: Sources) -> tuple[tuple[str, ...] | str | None, str | None]:
    """(accepted value, None), (None, why rejected) or (None, None) when the model left it empty."""
    if value in (None, "", []):
        return None, None
    tidied = [_tidy(v, part) for v in _items(value, part)]
    texts = [t for t in tidied if t is not None]
    if len(texts) < len(tidied):
        return None, "not short plain text"
    missing = [w for t in texts for w in unsupported(t, sources.story, title=part == "headline")]
    if missing:
        return None, f"not in the sources: {', '.join(dict.fromkeys(missing))}"
    return (texts[0] if part in ("headline", "dek") else tuple(texts)), None


def check_quotes(value: Any, sources: Sources) -> tuple[tuple[Quote, ...] | None, str | None]:
    """The model's Who said what, each quote verbatim in the outlet it names; else why not."""
    if value in (None, []):
        return None, None
    quotes = []
    for item in _items(value, "who_said_what"):
        item = item if isinstance(item, dict) else {}
        speaker, text, source = (_tidy(item.get(k), "who_said_what") for k in ("speaker", "text", "source"))
        if speaker is None or text is None or source is None:
            return None, "a quote lacks a speaker, text or source"
        outlet = sources.outlet(source)
        if outlet is None:
            return None, f"{source!r} is not one of the story's sources"
        problem = quote_problem(speaker, text, outlet[1])
        if problem:
            return None, problem
        quotes.append(Quote(speaker=speaker, text=text, source=outlet[0]))
    return tuple(quotes), None


# -- writing -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Written:
    """One story's brief as shown, and how the model's answer fared."""

    brief: Brief  # parts the model wrote where they held, the extractive writer's elsewhere
    rejected: tuple[str, ...] = ()  # parts the model wrote that failed a check
    failure: str | None = None  # why no part of the answer could be used, or None


def write_brief(fallback: Brief, answer: Answer, sources: Sources) -> Written:
    """Merge the model's ``answer`` into the extractive ``fallback``, part by part."""
    every = tuple((p, "extractive") for p in PARTS)
    if answer.text is None:
        return Written(replace(fallback, written_by=every), failure=answer.error or "no answer")
    draft = parse_answer(answer.text)
    if draft is None:
        return Written(replace(fallback, written_by=every), failure="the answer is not a JSON object")
    changes: dict[str, Any] = {}
    rejected = []
    for part in PARTS:
        value, problem = (check_quotes(draft.get(part), sources) if part == "who_said_what"
                          else check_sentences(draft.get(part), part, sources))
        if problem:
            log.info("story %s: the model's %s rejected: %s", fallback.id, part, problem)
            rejected.append(part)
        elif value is not None:
            changes[part] = value
    written_by = tuple((p, "llm" if p in changes else "extractive") for p in PARTS)
    changes |= _outlets_of(changes, sources)
    return Written(replace(fallback, **changes, written_by=written_by), rejected=tuple(rejected))


def _outlets_of(changes: dict[str, Any], sources: Sources) -> dict[str, Any]:
    """The outlets of the parts the model wrote, as Brief's ``*_source(s)`` fields (provenance.py)."""
    told = told_in((name, [ev.text]) for name, ev in sources.outlets)
    found: dict[str, Any] = {}
    if "dek" in changes:
        found["dek_source"] = outlet_of(changes["dek"], told) or None
    if "what_happened" in changes:
        found["happened_sources"] = outlets_of(changes["what_happened"], told)
    if "what_next" in changes:
        found["next_sources"] = outlets_of(changes["what_next"], told)
    return found


@dataclass
class WriterReport:
    """What the model did in one build, for the summary line."""

    stories: int = 0  # stories asked about
    written: int = 0  # parts shown as the model wrote them
    rejected: int = 0  # parts the model wrote that failed a check
    failures: list[str] = field(default_factory=list)  # why each story that fell back did
    asked: int = 0  # answers asked of the server this build
    cached: int = 0  # answers read from the store
    prompt_tokens: int | None = None  # input tokens spent this build, when reported
    completion_tokens: int | None = None  # output tokens spent this build, when reported

    def add(self, written: Written, answer: Answer) -> None:
        """Count one story."""
        self.stories += 1
        self.written += sum(w == "llm" for _, w in written.brief.written_by)
        self.rejected += len(written.rejected)
        if written.failure:
            self.failures.append(written.failure)
        if answer.cached:
            self.cached += 1
            return
        self.asked += 1
        if answer.prompt_tokens is not None:
            self.prompt_tokens = (self.prompt_tokens or 0) + answer.prompt_tokens
        if answer.completion_tokens is not None:
            self.completion_tokens = (self.completion_tokens or 0) + answer.completion_tokens

    def line(self) -> str:
        """The report in one line, e.g. "model wrote 12 of 15 parts (2 rejected; ...)"."""
        notes = [f"{self.rejected} rejected"]
        if self.failures:
            reasons = "; ".join(f"{n}× {why}" if n > 1 else why for why, n in _counts(self.failures))
            notes.append(f"{len(self.failures)} stor{'y' if len(self.failures) == 1 else 'ies'} "
                         f"fell back: {reasons}")
        tokens = (self.prompt_tokens or 0) + (self.completion_tokens or 0)
        spent = f", {tokens:,} tokens" if self.prompt_tokens is not None or self.completion_tokens is not None else ""
        return (f"model wrote {self.written} of {self.stories * len(PARTS)} parts ({'; '.join(notes)}), "
                f"{self.asked} asked, {self.cached} from the cache{spent}")


def _counts(items: list[str]) -> list[tuple[str, int]]:
    counts: dict[str, int] = {}
    for item in items:
        counts[item] = counts.get(item, 0) + 1
    return list(counts.items())


class LlmSummariser:
    """``summariser = "llm"``: a model writes each brief; the extractive writer backs every part."""

    def __init__(self, *, settings: LlmSettings, ask: Ask, fallback: Callable[[RankedStory], Brief]) -> None:
        self.settings = settings
        self.ask = ask
        self.fallback = fallback
        self.report = WriterReport()

    def summarise(self, story: RankedStory) -> Brief:
        """Return the brief for ``story``."""
        return self.summarise_all([story])[0]

    def summarise_all(self, stories: Sequence[RankedStory]) -> tuple[Brief, ...]:
        """Return the briefs for ``stories``, in order, asking about all of them at once."""
        prompts = [build_prompt(r.story, self.settings) for r in stories]
        answers = self.ask(prompts) if prompts else []
        briefs = []
        for ranked, answer in zip(stories, answers):
            written = write_brief(self.fallback(ranked), answer, sources_of(ranked.story))
            self.report.add(written, answer)
            briefs.append(written.brief)
        return tuple(briefs)

    def note(self) -> str | None:
        """What the model did so far, for the summary line; None before any story (a quiet day)."""
        return self.report.line() if self.report.stories else None
