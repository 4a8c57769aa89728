"""The summariser on real articles from ../shared/corpus, scored against the hand labels.

The same scoring as bench/summary_eval.py, held to the issue's targets so a regression in any
block shows up in the test run, not only when someone remembers to run the bench.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scored(corpus):
    import json
    import sys

    sys.path.insert(0, str(ROOT / "bench"))
    try:
        evaluation = _load("summary_eval")
        loader = _load("summary_corpus")
    finally:
        sys.path.remove(str(ROOT / "bench"))
    labels = json.loads((ROOT / "bench" / "data" / "summary_labels.json").read_text(encoding="utf-8"))["articles"]
    articles = loader.load_articles(corpus / "articles")
    briefs = {name: evaluation.brief_for(name, articles[name]) for name in labels}
    return {name: evaluation.score_article(briefs[name], labels[name]) for name in labels}, briefs


def test_corpus_is_present(corpus):
    assert (corpus / "articles" / "newspaper4k" / "cnn_001" / "expected.txt").exists()


def test_real_articles_meet_the_quality_targets(scored):
    scored, _ = scored
    total = {k: sum(r[k] for r in scored.values()) for k in ("said", "said_ok", "speaker_ok", "next", "next_ok", "core", "chrome")}
    assert len(scored) >= 20
    assert total["said"] >= 20 and total["said_ok"] / total["said"] >= 0.90
    assert total["speaker_ok"] / total["said"] >= 0.85
    assert total["next"] >= 10 and total["next_ok"] / total["next"] >= 0.80
    assert total["core"] / len(scored) >= 0.85
    assert total["chrome"] == 0


def test_every_real_brief_keeps_the_block_invariants(scored):
    _, briefs = scored
    for name, brief in briefs.items():
        shown = [*brief.what_happened, *(q.text for q in brief.who_said_what), *brief.what_next]
        assert 1 <= len(brief.what_happened) <= 3, name
        assert len(brief.who_said_what) <= 4 and len(brief.what_next) <= 2, name
        assert len(shown) == len(set(shown)), name
        assert sum(len(s.split()) for s in shown) <= 120 or len(shown) == 1, name
        assert len({q.speaker for q in brief.who_said_what}) == len(brief.who_said_what), name
