"""The three blocks on crafted paragraphs, the registry, and an end-to-end brief."""

from __future__ import annotations

import re
from datetime import datetime, timezone

import pytest

from digest.errors import ConfigError
from digest.model import Entry, RankedStory, Story
from digest.summarise import SUMMARISERS, get_summariser
from digest.summarise.attribution import attribute
from digest.summarise.quotes import find_statements
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
        ("Maria Lopez, the mayor of Springfield", "\"It has been a long road for this city,\" she said.", True)
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


from digest.summarise.briefs import BUDGET_WORDS, clean_headline, quotes_heavily  # noqa: E402
from digest.summarise.outlook import is_forward_looking, outlook_score  # noqa: E402


def test_quote_split_around_he_said_is_one_statement_by_the_named_speaker():
    text = (
        "Secretary of State Antony Blinken met the Ukrainian president in Kyiv on Tuesday.\n\n"
        "\"We are not going anywhere,\" Mr. Blinken said, \"and our support will last as long as it takes.\""
    )
    found = statements(text)
    assert len(found) == 1
    assert found[0][0] == "Secretary of State Antony Blinken"
    assert found[0][1].endswith("as long as it takes.\"")


def test_pronoun_skips_a_sentence_whose_subject_is_itself_a_pronoun():
    text = (
        "Elizabeth Prelogar grew up in Boise and studied law at Harvard.\n\n"
        "As a teen she entered state pageants and won the Miss Idaho title in 2004.\n\n"
        "She said she used the pageant scholarship money for law school."
    )
    assert [s[0] for s in statements(text)] == ["Elizabeth Prelogar"]


def test_pronoun_without_anyone_introduced_is_dropped():
    assert statements("\"It will not happen again,\" he said.") == []


def test_told_names_the_listener_not_the_speaker():
    assert attribute("The ministers fled to the compound, the source told Reuters.") is None
    assert attribute("Sen. Maria Cantwell told reporters that the bill would pass easily.") == (
        "Sen. Maria Cantwell", False)


def test_reporter_asides_are_not_speakers():
    assert attribute("We're told there is security footage that cops are looking at now.") is None


def test_would_in_reported_past_speech_is_not_a_future():
    assert not is_forward_looking("He said he would resign if the bill failed.")
    assert not is_forward_looking("The company said it would cut 200 jobs.")
    assert not is_forward_looking("The fire could have been worse.")
    assert not is_forward_looking("The delay was due to heavy snow.")
    assert not is_forward_looking("Funding was cut from next year's budget by the committee.")
    assert not is_forward_looking("A discounted plan to keep you up to date all year.")


def test_real_futures_look_ahead_and_firm_cues_outrank_hedges():
    assert outlook_score("The Senate will vote on the bill next week.") > outlook_score(
        "The bill could change how farms are taxed.") > 0
    assert is_forward_looking("The committee is expected to publish its report on Friday.")
    assert is_forward_looking("He said he will resign on Monday.")
    assert is_forward_looking("The deadline for comments is March 3.")


def test_quoted_or_parenthetical_futures_are_not_next_steps():
    assert not is_forward_looking("“We will win,” she said.")
    assert not is_forward_looking("(The experience will be familiar to anyone with a phone.)")


def test_what_next_is_empty_rather_than_wrong():
    text = (
        "The museum reopened on Sunday after a year of repairs to its roof and galleries.\n\n"
        "Visitors queued for hours in the rain to see the restored collection of mosaics."
    )
    brief = get_summariser("extractive").summarise(make_ranked(make_entry(content=text)))
    assert brief.what_next == ()
    # The event leads the brief: the lead is the dek over the next sentence, or What happened's first.
    assert brief.what_happened[0].startswith("The museum reopened") or brief.dek.startswith("The museum reopened")


def test_what_happened_skips_dangling_openers_direct_quotes_and_repeats():
    text = (
        "The city council approved a new budget for Springfield schools on Monday night.\n\n"
        "The council approved the new budget for Springfield schools late on Monday.\n\n"
        "\"This is the best budget we have passed in a decade for our children,\" the mayor said.\n\n"
        "This came after months of protests by parents and teachers across the city.\n\n"
        "The budget raises teacher pay by four percent and hires 120 classroom aides."
    )
    brief = get_summariser("extractive").summarise(make_ranked(make_entry(content=text)))
    happened = brief.what_happened
    assert (brief.dek or happened[0]).startswith("The city council approved")
    assert not any(s.startswith(("The council approved", "This came", "\"This")) for s in happened)


def test_quotes_heavily_allows_a_quoted_title_but_not_a_quotation():
    assert not quotes_heavily('"Super Mario Run" will launch on iPhone and iPad on December 15 for $9.99.')
    assert quotes_heavily('"We have nothing to fear from anyone at all," he said of the party.')


@pytest.mark.parametrize(
    ("title", "outlets", "expected"),
    [
        ("Senate passes aid bill | Reuters", ("Reuters",), "Senate passes aid bill"),
        ("Senate passes aid bill - The Example Times", ("The Example Times",), "Senate passes aid bill"),
        ("Senate passes aid bill – BBC News", (), "Senate passes aid bill"),
        ("Obama admits US gun laws are his 'biggest frustration'", (), "Obama admits US gun laws are his 'biggest frustration'"),
        ("Spider-Man - Far From Home review: a delight", (), "Spider-Man - Far From Home review: a delight"),
        ("  Senate   passes bill  ", (), "Senate passes bill"),
    ],
)
def test_clean_headline(title, outlets, expected):
    assert clean_headline(title, outlets=outlets) == expected


THREE_OUTLETS = {
    "Wire Service": (
        "Senate approves $40 billion Ukraine aid package - Wire Service",
        "WASHINGTON (AP) — The Senate approved a $40 billion aid package for Ukraine on Tuesday, "
        "sending the measure to President Joe Biden for his signature.\n\n"
        "The 86-11 vote came after weeks of negotiations over military and humanitarian funding.\n\n"
        "\"This is a historic day for our alliance and for democracy,\" said Senate Majority Leader "
        "Chuck Schumer.\n\n"
        "Biden is expected to sign the bill on Thursday, the White House said.",
    ),
    "Capitol Daily": (
        "Ukraine aid clears Senate in 86-11 vote | Capitol Daily",
        "Senators voted 86-11 on Tuesday to send $40 billion in aid to Ukraine, the largest package "
        "since the war began.\n\n"
        "Sen. Rand Paul, who delayed the vote last week, said the spending would add to the national debt.\n\n"
        "\"We cannot save Ukraine by dooming the U.S. economy,\" Paul said on the Senate floor.\n\n"
        "The Pentagon will begin shipping the first weapons under the package next week.",
    ),
    "Global Report": (
        "Kyiv welcomes US Senate vote on aid",
        "KYIV, May 19 (Reuters) - Ukraine's government welcomed the U.S. Senate's approval of a $40 "
        "billion aid package on Tuesday.\n\n"
        "\"The package will help us defend our cities and feed our people,\" President Volodymyr "
        "Zelensky said in a video address.\n\n"
        "Zelensky thanked American lawmakers and said Ukraine would use the money transparently.\n\n"
        "Sign up for our morning newsletter here.",
    ),
}


def three_outlet_story() -> RankedStory:
    entries = [
        make_entry(uid=f"u{i}", feed=outlet, title=title, content=text, link=f"https://example.com/{i}")
        for i, (outlet, (title, text)) in enumerate(THREE_OUTLETS.items())
    ]
    return make_ranked(*entries, story_id="ukraine-aid")


def _from_source(shown: str, text: str) -> bool:
    """True when ``shown`` is verbatim in ``text``, or is a quotation (or several, one after the other) whose
    words are, up to the stop before its closing mark: a quotation shown without its credit ends on "."
    where its source has "," and the credit."""
    parts = re.findall(r"[“\"][^“”\"]+[”\"]", shown)
    return shown in text or bool(parts) and "".join(parts).replace(" ", "") == shown.replace(" ", "") and all(
        re.sub(r"[,.!?]([”\"])$", "", part) in text for part in parts)


def test_multi_source_brief_keeps_block_invariants():
    brief = get_summariser("extractive").summarise(three_outlet_story())
    shown = [*brief.what_happened, *(q.text for q in brief.who_said_what), *brief.what_next]
    every_source = " ".join(text for _, text in THREE_OUTLETS.values())
    assert 1 <= len(brief.what_happened) <= 3
    assert 2 <= len(brief.who_said_what) <= 4
    assert len(brief.what_next) <= 2
    assert len(shown) == len(set(shown)), "a sentence appears in two blocks"
    assert all(_from_source(s, every_source) for s in shown), "every sentence shown comes from a source"
    assert len({q.source for q in brief.who_said_what}) == len(brief.who_said_what), "quotes from different outlets"
    assert len({q.speaker for q in brief.who_said_what}) == len(brief.who_said_what)
    assert sum(len(s.split()) for s in shown) <= BUDGET_WORDS
    assert not any("newsletter" in s for s in shown)
    assert brief.headline == "Senate approves $40 billion Ukraine aid package"
    assert [s.name for s in brief.sources] == list(THREE_OUTLETS)
    assert [s.title for s in brief.sources][1] == "Ukraine aid clears Senate in 86-11 vote"
    assert (brief.id, brief.rank, brief.score, brief.why) == ("ukraine-aid", 1, 3.0, "test")


def test_multi_source_brief_attributes_quotes_to_their_own_outlet():
    brief = get_summariser("extractive").summarise(three_outlet_story())
    for quote in brief.who_said_what:
        title, text = THREE_OUTLETS[quote.source]
        assert _from_source(quote.text, text)
        assert quote.speaker.split()[-1] in text
    speakers = {q.speaker for q in brief.who_said_what}
    assert speakers <= {"Senate Majority Leader Chuck Schumer", "Sen. Rand Paul", "President Volodymyr Zelensky"}


def test_what_next_prefers_the_events_next_step():
    brief = get_summariser("extractive").summarise(three_outlet_story())
    assert brief.what_next
    assert all(is_forward_looking(s) for s in brief.what_next)
    assert not any("would" in s and "will" not in s for s in brief.what_next)


def test_brief_is_deterministic():
    first = get_summariser("extractive").summarise(three_outlet_story())
    second = get_summariser("extractive").summarise(three_outlet_story())
    assert first == second


def test_tight_budget_trims_lowest_value_items_first():
    from digest.summarise import ExtractiveSummariser

    full = ExtractiveSummariser().summarise(three_outlet_story())
    tight = ExtractiveSummariser(budget=60).summarise(three_outlet_story())
    assert tight.what_happened[:1] == full.what_happened[:1]
    assert len(tight.who_said_what) + len(tight.what_next) + len(tight.what_happened) < (
        len(full.who_said_what) + len(full.what_next) + len(full.what_happened))
    shown = [*tight.what_happened, *(q.text for q in tight.who_said_what), *tight.what_next]
    assert sum(len(s.split()) for s in shown) <= 60 or len(shown) == 1


def test_empty_story_text_still_gives_a_headline_and_no_crash():
    brief = get_summariser("extractive").summarise(make_ranked(make_entry(title="Short item | Site", content="")))
    assert brief.headline == "Short item"
    assert brief.who_said_what == () and brief.what_next == ()


def test_dek_comes_from_a_feed_summary_and_never_repeats_a_block():
    text = (
        "The Senate approved a $40 billion aid package for Ukraine on Tuesday after weeks of talks.\n\n"
        "Biden is expected to sign the bill on Thursday, the White House said."
    )
    fresh = make_entry(content=text, summary="Lawmakers back the biggest aid package since the war began. More inside.")
    brief = get_summariser("extractive").summarise(make_ranked(fresh))
    assert brief.dek == "Lawmakers back the biggest aid package since the war began."
    echo = make_entry(content=text, summary="The Senate approved a $40 billion aid package for Ukraine on Tuesday.")
    assert get_summariser("extractive").summarise(make_ranked(echo)).dek is None


@pytest.mark.parametrize("sentence, ahead", [
    # a fixture told in the present tense is a step still to come (round 57: "Game 2 is Sunday night.")
    ("Game 2 is Sunday night.", True),
    ("The sentencing is on July 14 in Velmora district court.", True),
    ("The vote was Tuesday, and the bill passed easily.", False),
    ("The final is a rematch of last year's.", False),
])
def test_a_fixture_told_in_the_present_looks_ahead(sentence, ahead):
    assert is_forward_looking(sentence) is ahead
