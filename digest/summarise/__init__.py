"""Summariser backends: a Protocol and a registry chosen by ``[digest] summariser``.

``extractive`` is the offline, deterministic default. ``llm`` asks a language model through an
injected ``ask`` (the edge cli.py builds) and keeps the extractive version of every part the
model got wrong. The pipeline only ever calls ``summarise_all(summariser, ranked)``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

from digest.errors import ConfigError
from digest.model import Brief, RankedStory

BUDGET_WORDS = 120  # words across the dek and the three blocks, so a 10-brief email stays readable


class Summariser(Protocol):
    """Turns one ranked story into a three-block brief."""

    def summarise(self, story: RankedStory) -> Brief:
        """Return the brief for ``story``."""
        ...


class ExtractiveSummariser:
    """The offline default: picks source sentences for each block, deterministically.

    Its rules (a few hundred regular expressions, ~90 ms to compile) are imported on the first
    brief: `digest fetch`, and a build that reuses every brief (digest/memo.py), need none.
    """

    def __init__(self, *, budget: int = BUDGET_WORDS) -> None:
        self.budget = budget

    def summarise(self, story: RankedStory) -> Brief:
        """Return the three-block brief for ``story``."""
        from digest.summarise.briefs import summarise_story

        return summarise_story(story, budget=self.budget)


def _llm(*, settings: Any, ask: Any, **_: Any) -> Summariser:
    from digest.summarise.llm import LlmSummariser

    return LlmSummariser(settings=settings, ask=ask, fallback=ExtractiveSummariser().summarise)


# Factories take the edges a backend may need as keywords (``settings``, ``ask``) and ignore the rest.
SUMMARISERS: dict[str, Callable[..., Summariser]] = {
    "extractive": lambda **_: ExtractiveSummariser(),
    "llm": _llm,
}


def get_summariser(name: str, **edges: Any) -> Summariser:
    """Return a new instance of the backend registered as ``name``, given ``edges``.

    Raises ConfigError naming ``digest.summariser`` when no such backend exists.
    """
    factory = SUMMARISERS.get(name)
    if factory is None:
        choices = ", ".join(sorted(SUMMARISERS))
        raise ConfigError(
            "config.toml", [f"digest.summariser: unknown {name!r} (choose from {choices})"]
        )
    return factory(**edges)


def summarise_all(summariser: Summariser, stories: Sequence[RankedStory]) -> tuple[Brief, ...]:
    """Every story's brief, in order; a backend that asks a server does them all at once."""
    batch = getattr(summariser, "summarise_all", None)
    return batch(stories) if batch else tuple(summariser.summarise(s) for s in stories)


def summariser_note(summariser: Summariser) -> str | None:
    """What a backend has to say in the build's summary line (the model's tally), or None."""
    note = getattr(summariser, "note", None)
    return note() if note else None


__all__ = ["BUDGET_WORDS", "SUMMARISERS", "ExtractiveSummariser", "Summariser", "get_summariser",
           "summarise_all", "summariser_note"]
