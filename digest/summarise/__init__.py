"""Summariser backends: a Protocol and a registry chosen by ``[digest] summariser``.

``extractive`` is the offline, deterministic default. A future backend (for example one that
asks a language model to rewrite the extractive brief) registers a factory here under its own
name; the pipeline only ever calls ``get_summariser(config.digest.summariser).summarise(story)``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from digest.errors import ConfigError
from digest.model import Brief, RankedStory
from digest.summarise.briefs import ExtractiveSummariser


class Summariser(Protocol):
    """Turns one ranked story into a three-block brief."""

    def summarise(self, story: RankedStory) -> Brief:
        """Return the brief for ``story``."""
        ...


SUMMARISERS: dict[str, Callable[[], Summariser]] = {"extractive": ExtractiveSummariser}


def get_summariser(name: str) -> Summariser:
    """Return a new instance of the backend registered as ``name``.

    Raises ConfigError naming ``digest.summariser`` when no such backend exists.
    """
    factory = SUMMARISERS.get(name)
    if factory is None:
        choices = ", ".join(sorted(SUMMARISERS))
        raise ConfigError(
            "config.toml", [f"digest.summariser: unknown {name!r} (choose from {choices})"]
        )
    return factory()


__all__ = ["SUMMARISERS", "ExtractiveSummariser", "Summariser", "get_summariser"]
