"""The three blocks on crafted paragraphs, the registry, and an end-to-end brief."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from digest.errors import ConfigError
from digest.model import Entry, RankedStory, Story
from digest.summarise import SUMMARISERS, get_summariser
from digest.summarise.quotes import attribute, find_statements
from digest.summarise.sentences import sentences_of


def make_entry(**overrides) -> Entry:
    """Build an Entry with sensible defaults."""
    values = dict(
        uid="u1", feed="Example Times", feed_url="https://example.com/rss", title="A title",
        link="https://example.com/a", summary="", content="",
        published=datetime(2026, 11, 22, 8, tzinfo=timezone.utc),
    )
    values.update(overrides)
    return Entry(**values)


def make_ranked(*entries: Entry, story_id: str = "s1") -> RankedStory:
    """Wrap entries in a ranked story."""
    return RankedStory(Story(story_id, tuple(entries)), rank=1, score=3.0, why="test")


def statements(text: str) -> list[tuple[str, str, bool]]:
    """Return (speaker, sentence, direct) for each statement found in ``text``."""
    return [(s.speaker, s.sentence.text, s.direct) for s in find_statements(sentences_of(text))]


def test_registry_knows_extractive_and_rejects_unknown_names():
    assert "extractive" in SUMMARISERS
    assert hasattr(get_summariser("extractive"), "summarise")
    with pytest.raises(ConfigError, match="digest.summariser: unknown 'gpt'"):
        get_summariser("gpt")


def test_quote_split_around_attribution_keeps_one_statement_with_full_speaker():
    text = (
        "Secretary of State Antony Blinken arrived in Kyiv on Tuesday for talks.\n\n"
        "“We are not going anywhere,” Blinken said. “Our support will last as long as it takes.”"
    )
    found = statements(text)
    assert found[0][0] == "Secretary of State Antony Blinken"
    assert found[0][2] is True


def test_pronoun_speaker_resolves_to_the_person_introduced_before():
    text = (
        "Maria Lopez, the mayor of Springfield, opened the new bridge on Monday after two years "
        "of delays.\n\n\"It has been a long road for this city,\" she said."
    )
    assert statements(text) == [
        ("Maria Lopez", "\"It has been a long road for this city,\" she said.", True)
    ]


def test_reported_speech_forms_are_statements():
    assert attribute("Gov. Jane Smith said that the state would cut taxes next year.") == (
        "Gov. Jane Smith", False)
    assert attribute("The outbreak is under control, according to Dr. Amir Khan.") == (
        "Dr. Amir Khan", False)
    assert attribute("Politico reported that the deal had collapsed over funding.") == (
        "Politico", False)
    assert attribute("The bridge opened on Monday after two years of work.") is None


def test_brief_for_one_entry_fills_blocks_without_repeating_a_sentence():
    text = (
        "WASHINGTON (AP) — The Senate approved a $40 billion aid package for Ukraine on Tuesday, "
        "sending the measure to President Joe Biden.\n\n"
        "\"This is a historic day for our alliance,\" said Senate Majority Leader Chuck Schumer.\n\n"
        "Sen. Rand Paul said the spending would add to the national debt.\n\n"
        "The House is expected to take up a second package next week."
    )
    brief = get_summariser("extractive").summarise(make_ranked(make_entry(content=text)))
    assert brief.what_happened[0].startswith("The Senate approved")
    assert [q.speaker for q in brief.who_said_what][:1] == ["Senate Majority Leader Chuck Schumer"]
    assert brief.what_next == ("The House is expected to take up a second package next week.",)
    shown = [*brief.what_happened, *(q.text for q in brief.who_said_what), *brief.what_next]
    assert len(shown) == len(set(shown))
