"""The llm writer's source checks on the real three-outlet events of ../shared/corpus.

The same measure as bench/llm_checks_eval.py, held to targets: faithful parts pass, planted
faults (a changed number, an invented name, a quote credited to the wrong outlet or person, a
paraphrase passed off as a quote) are caught.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]


@pytest.fixture(scope="module")
def tally(corpus):
    spec = importlib.util.spec_from_file_location("llm_checks_eval", ROOT / "bench" / "llm_checks_eval.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module.evaluate(corpus / "events" / "basil")


def test_faithful_parts_pass(tally):
    assert tally.stories == 50 and tally.parts >= 150
    assert tally.passed / tally.parts >= 0.93


def test_planted_faults_are_caught(tally):
    for fault, (planted, caught) in tally.planted.items():
        assert planted >= 10, fault
        assert caught / planted >= (0.85 if fault == "speaker" else 0.98), fault
