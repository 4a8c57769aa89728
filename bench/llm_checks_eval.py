"""How the llm writer's source checks fare on real three-outlet events (BASIL, ../shared/corpus).

No model is needed to measure the checks. Each event's extractive brief is faithful by
construction (source sentences, source quotes), so handed in as a model's answer every part
should pass: the share that does is the false-rejection side. Then one known fault is planted
per brief, the kinds users report of LLM summaries, and the share caught is the other side:

- number: a number in What happened (else What next, the dek, the headline or a quote) changed (7 becomes 8);
- name: a person no source names put into What happened;
- outlet: a quote credited to another outlet of the story that does not carry it;
- speaker: a quote credited to another person the same outlet names;
- paraphrase: a quote with one word dropped from its middle;
- scale: a scale no source gives put after a figure in a sentence ("7" becomes "7 billion");
- midword: a quote cut to start inside a word ("This bridge" becomes "his bridge");
- indirect: a clause of reported speech ("Holt said the costs were hidden") handed in as a
  quotation of its speaker ("the costs were hidden"), with no quotation marks in the source.

Run: python bench/llm_checks_eval.py  (writes bench/llm_checks_results.md)
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from digest.model import Answer, Brief, Entry, RankedStory, Story  # noqa: E402
from digest.summarise import ExtractiveSummariser  # noqa: E402
from digest.summarise.faithful import normalise  # noqa: E402
from digest.summarise.quotecheck import quotations, quote_span  # noqa: E402
from digest.summarise.llm import PARTS, Sources, sources_of, write_brief  # noqa: E402

EVENTS = Path(os.environ.get("DIGEST_CORPUS") or ROOT.parent / "shared" / "corpus") / "events" / "basil"  # $DIGEST_CORPUS as for the tests
OUTLETS = {"nyt": "The New York Times", "fox": "Fox News", "hpo": "HuffPost"}
INVENTED = "Senator Corwin Haldane"


def load_events(events: Path = EVENTS) -> list[RankedStory]:
    """Every BASIL event as a story told by its three outlets, in a stable order."""
    triplets: dict[str, list[dict[str, Any]]] = {}
    for path in sorted(events.glob("*/*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        triplets.setdefault(doc["triplet-uuid"], []).append(doc)
    stories = []
    for uuid, docs in sorted(triplets.items()):
        entries = tuple(
            Entry(uid=f"{uuid}-{d['source']}", feed=OUTLETS[d["source"].lower()], feed_url=f"basil:{d['source']}",
                  title=d["title"], link=None, summary="",
                  content="\n\n".join(" ".join(p) for p in d["body-paragraphs"]))
            for d in sorted(docs, key=lambda d: d["source"]))
        stories.append(RankedStory(Story(uuid, entries), rank=1, score=1.0, why="bench"))
    return stories


def as_answer(brief: Brief) -> dict[str, Any]:
    """A brief in the shape a model answers in."""
    return {"headline": brief.headline, "dek": brief.dek or "", "what_happened": list(brief.what_happened),
            "who_said_what": [{"speaker": q.speaker, "text": q.text, "source": q.source} for q in brief.who_said_what],
            "what_next": list(brief.what_next)}


# -- planted faults: each returns (faulty answer, the part that must be rejected), or None -----

# The parts a figure may be changed in, in this order: a quote last (the brief's own words first).
_FIGURE_PARTS = ("what_happened", "what_next", "dek", "headline", "who_said_what")


def _texts(doc: dict):
    """(part, index, text) of every text of ``doc`` a figure may be changed in."""
    for part in _FIGURE_PARTS:
        items = doc[part] if isinstance(doc[part], list) else [doc[part]]
        for i, item in enumerate(items):
            text = item["text"] if part == "who_said_what" else item
            if text:
                yield part, i, text


def _with_text(doc: dict, part: str, i: int, text: str) -> tuple[dict, str]:
    """``doc`` with the ``i``-th text of ``part`` replaced by ``text``, and the part."""
    items = doc[part] if isinstance(doc[part], list) else [doc[part]]
    changed = _swap(items, i, {**items[i], "text": text} if part == "who_said_what" else text)
    return {**doc, part: changed if isinstance(doc[part], list) else changed[0]}, part


def _number(doc: dict, sources: Sources, titles: str) -> tuple[dict, str] | None:
    for part, i, sentence in _texts(doc):
        for match in re.finditer(r"\b\d+\b", sentence):
            wrong = str(int(match.group()) + 1)
            if wrong not in sources.story.numbers:
                return _with_text(doc, part, i, sentence[:match.start()] + wrong + sentence[match.end():])
    return None


def _name(doc: dict, sources: Sources, titles: str) -> tuple[dict, str] | None:
    first = doc["what_happened"][0]
    return {**doc, "what_happened": [f"{first} {INVENTED} welcomed it."] + doc["what_happened"][1:]}, "what_happened"


def _carries(text: str, quote: str) -> bool:
    """True when ``text`` holds the words of ``quote`` as the checks read them (marks and dashes folded,
    without the marks around it or its last stop: a quotation may open a sentence earlier in the outlet),
    or those of each of its quotations when it shows several one after the other (the credit between
    them left out)."""
    return all(quote_span(part) in normalise(text) for part in quotations(quote))


def _outlet(doc: dict, sources: Sources, titles: str) -> tuple[dict, str] | None:
    for i, quote in enumerate(doc["who_said_what"]):
        for outlet, ev in sources.outlets:
            if outlet != quote["source"] and not _carries(ev.text, quote["text"]):
                moved = {**quote, "source": outlet}
                return {**doc, "who_said_what": _swap(doc["who_said_what"], i, moved)}, "who_said_what"
    return None


_PERSON = re.compile(r"\b[A-Z][a-z]+ [A-Z][a-z]{2,}\b")


def _speaker(doc: dict, sources: Sources, titles: str) -> tuple[dict, str] | None:
    """Credit a quote to another two-word name its outlet's text holds."""
    quotes = doc["who_said_what"]
    for i, quote in enumerate(quotes):
        ev = next(e for o, e in sources.outlets if o == quote["source"])
        own = quote["speaker"].split(",")[0].split()[-1]
        others = [m.group() for m in _PERSON.finditer(ev.text) if own not in m.group()
                  and m.group() not in titles and m.group().split()[0] not in ("The", "In", "But", "And")]
        if others:
            return {**doc, "who_said_what": _swap(quotes, i, {**quote, "speaker": others[0]})}, "who_said_what"
    return None


def _paraphrase(doc: dict, sources: Sources, titles: str) -> tuple[dict, str] | None:
    for i, quote in enumerate(doc["who_said_what"]):
        words = quote["text"].split()
        if len(words) >= 8:
            cut = " ".join(words[: len(words) // 2] + words[len(words) // 2 + 1:])
            return {**doc, "who_said_what": _swap(doc["who_said_what"], i, {**quote, "text": cut})}, "who_said_what"
    return None


_FIGURE = re.compile(r"\b\d+(?:[.,]\d+)*\b(?![ -]?(?:%|percent|per cent|thousand|million|billion|trillion)\b)")


def _scale(doc: dict, sources: Sources, titles: str) -> tuple[dict, str] | None:
    """Put a scale no source gives the figure after a number: "7" becomes "7 billion"."""
    for part, i, sentence in _texts(doc):
        match = _FIGURE.search(sentence)
        if match and f"{match.group()} billion" not in sources.story.text:
            return _with_text(doc, part, i, f"{sentence[:match.end()]} billion{sentence[match.end():]}")
    return None


def _midword(doc: dict, sources: Sources, titles: str) -> tuple[dict, str] | None:
    for i, quote in enumerate(doc["who_said_what"]):
        text = normalise(quote["text"]).lstrip('"')
        if len(text.split()[0]) >= 4 and text[0].isalpha():
            return {**doc, "who_said_what": _swap(doc["who_said_what"], i, {**quote, "text": text[1:]})}, "who_said_what"
    return None


_REPORTED = re.compile(r"(?<![\w\"])((?:[A-Z][a-z]+ ){0,2}[A-Z][a-z]{2,}) said (?:that )?([a-z][^\".\n]{30,}?)\.")


def _indirect(doc: dict, sources: Sources, titles: str) -> tuple[dict, str] | None:
    """Hand in a clause of reported speech as a quotation of its speaker."""
    for outlet, ev in sources.outlets:
        for match in _REPORTED.finditer(ev.text):
            quote = {"speaker": match.group(1), "text": match.group(2), "source": outlet}
            return {**doc, "who_said_what": [quote]}, "who_said_what"
    return None


def _swap(items: list, i: int, item: Any) -> list:
    return items[:i] + [item] + items[i + 1:]


FAULTS: dict[str, Callable[[dict, Sources, str], tuple[dict, str] | None]] = {
    "number": _number, "name": _name, "outlet": _outlet, "speaker": _speaker, "paraphrase": _paraphrase,
    "scale": _scale, "midword": _midword, "indirect": _indirect}


@dataclass
class Tally:
    """Counts over the corpus."""

    stories: int = 0
    parts: int = 0  # faithful parts handed in (non-empty)
    passed: int = 0  # of those, accepted
    rejections: list[str] | None = None  # why faithful parts were rejected (for tuning)
    reworded: int = 0  # quotes handed in that the extractive writer reworded (not verbatim)
    planted: dict[str, list[int]] | None = None  # fault -> [planted, caught]
    seconds: float = 0.0  # time spent in the checks


def evaluate(events: Path = EVENTS) -> Tally:
    """Run the checks over every event under ``events``; return the counts."""
    tally = Tally(rejections=[], planted={k: [0, 0] for k in FAULTS})
    for ranked in load_events(events):
        brief = ExtractiveSummariser().summarise(ranked)
        doc = as_answer(brief)
        start = time.perf_counter()
        sources = sources_of(ranked.story)
        written = write_brief(brief, Answer(text=json.dumps(doc)), sources)
        tally.seconds += time.perf_counter() - start
        tally.stories += 1
        handed = [p for p in PARTS if doc[p]]
        tally.parts += len(handed)
        tally.passed += sum(dict(written.brief.written_by)[p] == "llm" for p in handed)
        tally.rejections += [f"{ranked.story.id[:8]} {p}" for p in written.rejected]
        tally.reworded += any(normalise(q.text).strip('"') not in sources.outlet(q.source)[1].text
                              for q in brief.who_said_what)
        for fault, plant in FAULTS.items():
            planted = plant(doc, sources, " ".join(e.title for e in ranked.story.entries))
            if planted is None:
                continue
            faulty, part = planted
            result = write_brief(brief, Answer(text=json.dumps(faulty)), sources)
            tally.planted[fault][0] += 1
            tally.planted[fault][1] += part in result.rejected
    return tally


def report(tally: Tally) -> str:
    """The results as Markdown."""
    lines = ["# The llm writer's source checks on real events", "",
             ("Generated by `python bench/llm_checks_eval.py` on the 50 BASIL events of ../shared/corpus "
              "(each told by three outlets)."), "",
             (f"{tally.stories} events, {tally.parts} faithful parts, "
              f"{1000 * tally.seconds / max(1, tally.stories):.1f} ms of checking a story"), "",
             "| measure | value |", "|---|---|",
             (f"| faithful parts accepted (extractive brief handed in as the answer) | "
              f"{100 * tally.passed / max(1, tally.parts):.1f}% ({tally.passed}/{tally.parts}) |")]
    for fault, (planted, caught) in (tally.planted or {}).items():
        lines.append(f"| planted fault caught: {fault} | {100 * caught / max(1, planted):.1f}% ({caught}/{planted}) |")
    if tally.rejections:
        lines += ["", "Faithful parts rejected: " + ", ".join(tally.rejections) + ". "
                  f"{tally.reworded} of these briefs hold a quote the extractive writer reworded (it names "
                  "a speaker in full where the source gives only a surname), so it is not verbatim and a "
                  "model writing the same would be refused too; the rest are statements whose speaker the "
                  "source names further back than two sentences, or extractive misattributions the check caught."]
    return "\n".join(lines) + "\n"


# The same measure before the review fixes of issue 15 (misattributed and namesake quotes, spans
# cut mid-word, paraphrases shown as quotes, figures without their scale), with the dek limit
# already raised: what the fixes changed, kept here as the baseline.
BEFORE = """\
Before the review fixes (same corpus, same planted faults): faithful parts accepted 97.5% (199/204);
caught: number 13/13, name 50/50, outlet 48/48, speaker 45/48, paraphrase 48/48, scale 11/13,
midword 4/27, indirect 1/33. The one faithful part now refused (11c9f251) credits a poll's words to
The Hill, which only reported them. Before the dek limit was raised from 45 to 60 words (the
extractive dek runs to 55), 8 faithful deks were refused too: 93.1% (190/204).
"""


def main() -> int:
    text = report(evaluate()) + "\n" + BEFORE
    (ROOT / "bench" / "llm_checks_results.md").write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
