"""Measure article extraction on ../shared/corpus/articles against the expected text.

For every page: token-level precision, recall and F1 of ``extract_article(source.html)``
against ``expected.html`` (reduced to text) or ``expected.txt``; and how many sentences of the
kept text look like page chrome (subscribe prompts, cookie notices, credits …), counted by a
detector written here, apart from the filter in ``digest/extract.py``, so the filter is not
grading itself. The same detector is run on the expected text as a baseline: a sentence an
editor kept in the article is not chrome, whatever it says.

Run: ``python bench/extract_eval.py [--corpus DIR] [--out bench/extract_results.md] [-v]``
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from digest.extract import extract_article  # noqa: E402
from digest.parse import html_to_text  # noqa: E402

# $DIGEST_CORPUS, as for the tests, else ../shared/corpus beside the checkout
CORPUS = Path(os.environ.get("DIGEST_CORPUS") or ROOT.parent / "shared" / "corpus") / "articles"
TOKEN = re.compile(r"\w+", re.UNICODE)
SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
CHROME = re.compile(
    r"\bsubscri(be|ption)\b|\bsign(ed|ing)? up\b|\bnewsletters?\b|\bcookies?\b"
    r"|\badvertisement\b|^\s*advertising\s*$|\bcopyright\b|©|\ball rights reserved\b"
    r"|\bread (more|next)\b|\b(photo|image|picture)s?( credit)?\s*:|\bphotograph:"
    r"|\b(getty images|shutterstock)\b|\b(ap|afp|reuters) photo\b"
    r"|\bfollow (us|@)|\bshare (this|on)\b|\bclick here\b|\bprivacy policy\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Score:
    """One page's result."""

    corpus: str  # readability | newspaper4k
    name: str  # page folder name
    english: bool  # counted in the English mean
    precision: float  # share of extracted tokens that are in the expected text
    recall: float  # share of expected tokens that were extracted
    f1: float  # harmonic mean of the two
    chrome: int  # chrome-looking sentences in the extracted text, not in the expected text
    chrome_expected: int  # chrome-looking sentences in the expected text (baseline)
    ms: float  # extraction time


def tokens(text: str) -> Counter[str]:
    """Lower-cased word tokens with counts."""
    return Counter(t.lower() for t in TOKEN.findall(text))


def f1_score(predicted: str, expected: str) -> tuple[float, float, float]:
    """Token-level (precision, recall, F1) of ``predicted`` against ``expected``."""
    got, want = tokens(predicted), tokens(expected)
    overlap = sum((got & want).values())
    if not overlap:
        return 0.0, 0.0, 0.0
    precision, recall = overlap / sum(got.values()), overlap / sum(want.values())
    return precision, recall, 2 * precision * recall / (precision + recall)


def chrome_sentences(text: str) -> list[str]:
    """Sentences of ``text`` that look like page chrome."""
    return [s.strip() for s in SENTENCE.split(text) if s.strip() and CHROME.search(s)]


def pages(corpus: Path):
    """Yield (corpus name, page name, source bytes, expected text, english?)."""
    for folder in sorted((corpus / "readability").iterdir()):
        if (folder / "source.html").is_file():
            meta = json.loads((folder / "expected-metadata.json").read_text(encoding="utf-8"))
            expected = html_to_text((folder / "expected.html").read_text(encoding="utf-8"))
            yield "readability", folder.name, (folder / "source.html").read_bytes(), expected, \
                _english(meta.get("lang"))
    for folder in sorted((corpus / "newspaper4k").iterdir()):
        if (folder / "source.html").is_file():
            meta = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
            expected = (folder / "expected.txt").read_text(encoding="utf-8")
            yield "newspaper4k", folder.name, (folder / "source.html").read_bytes(), expected, \
                _english(meta.get("language"))


def _english(lang: str | None) -> bool:
    return not lang or lang.lower().startswith("en")


def evaluate(corpus: Path, *, verbose: bool = False) -> list[Score]:
    """Score every page under ``corpus``."""
    scores = []
    for set_name, name, source, expected, english in pages(corpus):
        started = time.perf_counter()
        got = extract_article(source)
        ms = (time.perf_counter() - started) * 1000
        precision, recall, f1 = f1_score(got, expected)
        baseline = set(chrome_sentences(expected))
        kept = [s for s in chrome_sentences(got) if s not in baseline]
        if verbose and kept:
            print(f"{set_name}/{name} chrome kept:", *kept, sep="\n    ")
        scores.append(Score(set_name, name, english, precision, recall, f1, len(kept),
                            len(baseline), ms))
    return scores


def report(scores: list[Score]) -> str:
    """A Markdown report: one row per page, then means per set, English, overall."""
    lines = ["| set | page | en | P | R | F1 | chrome kept | chrome in expected | ms |",
             "|---|---|---|---|---|---|---|---|---|"]
    for s in scores:
        lines.append(f"| {s.corpus} | {s.name} | {'y' if s.english else 'n'} | "
                     f"{s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} | {s.chrome} | "
                     f"{s.chrome_expected} | {s.ms:.0f} |")
    lines += ["", "| group | pages | mean P | mean R | mean F1 | chrome kept | mean ms |",
              "|---|---|---|---|---|---|---|"]
    groups = [("readability", [s for s in scores if s.corpus == "readability"]),
              ("newspaper4k", [s for s in scores if s.corpus == "newspaper4k"]),
              ("English pages", [s for s in scores if s.english]),
              ("overall", scores)]
    for label, group in groups:
        if group:
            lines.append(
                f"| {label} | {len(group)} | {_mean(group, 'precision'):.3f} | "
                f"{_mean(group, 'recall'):.3f} | {_mean(group, 'f1'):.3f} | "
                f"{sum(s.chrome for s in group)} | {_mean(group, 'ms'):.0f} |")
    return "\n".join(lines) + "\n"


def _mean(group: list[Score], attr: str) -> float:
    return statistics.fmean(getattr(s, attr) for s in group)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "extract_results.md")
    parser.add_argument("-v", "--verbose", action="store_true", help="print chrome kept")
    args = parser.parse_args(argv)
    scores = evaluate(args.corpus, verbose=args.verbose)
    table = report(scores)
    print(table)
    header = ("# Article extraction on ../shared/corpus/articles\n\n"
              "Made by `python bench/extract_eval.py`. Token-level P/R/F1 against "
              "`expected.html` (as text) or `expected.txt`; *chrome kept* counts sentences that "
              "look like page chrome (subscribe, sign up, newsletter, cookie, advertisement, "
              "copyright, read more, photo credits …) in the extracted text and not in the "
              "expected text.\n\n")
    args.out.write_text(header + table, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
