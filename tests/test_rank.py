"""Ranking: order, explanations, boosts, mutes, min_score, history/updates and diversity."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from digest.config import RankSettings
from digest.model import Entry, Story
from digest.rank import SentStory, rank_stories

NOW = datetime(2026, 11, 23, 6, 0, tzinfo=timezone.utc)


def make_entry(uid: str, feed: str, *, hours_ago: float | None = 1.0, title: str = "Something happened",
               summary: str = "A thing happened somewhere.", **overrides) -> Entry:
    """An Entry published ``hours_ago`` before NOW (None: undated)."""
    published = None if hours_ago is None else NOW - timedelta(hours=hours_ago)
    values = dict(uid=uid, feed=feed, feed_url=f"https://{feed}.test/rss", title=title, link=None,
                  summary=summary, published=published)
    values.update(overrides)
    return Entry(**values)


def make_story(story_id: str, outlets: list[str], *, hours_ago: float = 1.0, **entry_overrides) -> Story:
    """A story covered once by each of ``outlets``, the first one leading."""
    entries = tuple(make_entry(f"{story_id}-{i}", feed, hours_ago=hours_ago + i * 0.1, **entry_overrides)
                    for i, feed in enumerate(outlets))
    return Story(id=story_id, entries=entries)


def rank(stories, *, settings=None, weights=None, history=None, limit=None, lookback=36.0):
    return rank_stories(stories, now=NOW, lookback_hours=lookback, weights=weights or {},
                        settings=settings or RankSettings(), history=history or {}, limit=limit)


def test_more_outlets_rank_higher_and_ranks_count_from_one():
    stories = [make_story("a", ["A"]), make_story("b", ["A", "B", "C"]), make_story("c", ["A", "B"])]
    ranked = rank(stories, settings=RankSettings(max_run=5))
    assert [r.story.id for r in ranked] == ["b", "c", "a"]
    assert [r.rank for r in ranked] == [1, 2, 3]
    assert ranked[0].score > ranked[1].score > ranked[2].score


def test_outlets_outweigh_recency():
    fresh_single = make_story("fresh", ["A"], hours_ago=0.0)
    older_triple = make_story("older", ["A", "B", "C"], hours_ago=20.0)
    assert [r.story.id for r in rank([fresh_single, older_triple])] == ["older", "fresh"]


def test_recency_breaks_equal_coverage():
    ranked = rank([make_story("old", ["A", "B"], hours_ago=20), make_story("new", ["C", "D"], hours_ago=2)])
    assert [r.story.id for r in ranked] == ["new", "old"]


def test_why_names_outlets_first_seen_and_topic():
    story = make_story("u", ["A", "B", "C", "D", "E"], hours_ago=0.5,
                       title="Ukraine and Russia agree prisoner swap")
    [ranked] = rank([story], settings=RankSettings(boost=("ukraine",)))
    first = min(e.published for e in story.entries)
    assert ranked.why == f"5 outlets · first seen {first:%H:%M} · topic: ukraine"
    [single] = rank([make_story("s", ["A"], hours_ago=0.0)])
    assert single.why.startswith("1 outlet · first seen 06:00")


def test_why_shows_the_date_for_an_earlier_day_and_a_non_default_weight():
    [ranked] = rank([make_story("x", ["A", "B"], hours_ago=10)], weights={"A": 2.0, "B": 2.0})
    assert ranked.why == "2 outlets · first seen Nov 22 19:54 · weight 2.0"


def test_feed_weights_lift_and_sink():
    stories = [make_story("heavy", ["Big"]), make_story("light", ["Small"])]
    ranked = rank(stories, weights={"Big": 2.0, "Small": 1.0})
    assert [r.story.id for r in ranked] == ["heavy", "light"]
    assert ranked[0].score == 2 * ranked[1].score
    assert rank([make_story("zero", ["Ignored"])], weights={"Ignored": 0.0}) == []


def test_boost_is_whole_word_and_case_insensitive():
    art = make_story("art", ["A"], title="Artists open studio doors")  # "art" only inside a word
    match = make_story("match", ["B"], title="ART fair draws record crowds")
    ranked = rank([art, match], settings=RankSettings(boost=("art",)))
    assert [r.story.id for r in ranked] == ["match", "art"]
    assert "topic: art" in ranked[0].why and "topic" not in ranked[1].why


def test_multi_word_boost_matches_across_spacing():
    story = make_story("c", ["A"], title="Climate\nchange talks stall")
    [ranked] = rank([story], settings=RankSettings(boost=("climate change",)))
    assert "topic: climate change" in ranked.why


def test_mute_drops_story_wherever_a_headline_or_lead_mentions_it():
    stories = [make_story("sport", ["A", "B", "C"], title="Football: cup final tonight"),
               make_story("keep", ["A"]),
               make_story("lead", ["A", "B"], summary="The Premier League football season ...")]
    ranked = rank(stories, settings=RankSettings(mute=("FOOTBALL",)))
    assert [r.story.id for r in ranked] == ["keep"]


def test_min_score_keeps_fresh_single_outlet_and_drops_stale_one():
    fresh = make_story("fresh", ["A"], hours_ago=0.0)
    stale = make_story("stale", ["A"], hours_ago=35.0)
    pair_stale = make_story("pair", ["A", "B"], hours_ago=35.0)
    ranked = rank([fresh, stale, pair_stale], settings=RankSettings(max_run=9))
    assert {r.story.id for r in ranked} == {"fresh", "pair"}
    assert rank([fresh], settings=RankSettings(min_score=2.0)) == []


def test_undated_entries_count_as_fresh():
    [ranked] = rank([Story(id="u", entries=(make_entry("u1", "A", hours_ago=None),))])
    assert ranked.score == 1.5 and "first seen 06:00" in ranked.why


def test_history_sinks_repeats_and_labels_updates():
    big = make_story("big", ["A", "B", "C", "D"])
    repeat = make_story("repeat", ["A", "B", "C", "D", "E"])
    grown = make_story("grown", ["A", "B", "C"])
    history = {
        "repeat": SentStory(id="repeat", sent_at=NOW - timedelta(hours=24),
                            uids=frozenset(e.uid for e in repeat.entries)),
        "grown": SentStory(id="grown", sent_at=NOW - timedelta(hours=24),
                           uids=frozenset({"grown-0", "grown-1"})),
    }
    ranked = rank([big, repeat, grown], history=history, settings=RankSettings(max_run=9))
    by_id = {r.story.id: r for r in ranked}
    assert "repeat" not in by_id  # nothing new: sunk below min_score
    assert by_id["grown"].update and "update: 1 new source" in by_id["grown"].why
    assert not by_id["big"].update
    assert by_id["big"].rank < by_id["grown"].rank


def test_huge_repeat_sinks_to_the_bottom_instead_of_leading():
    huge = make_story("huge", [f"O{i}" for i in range(20)])
    small = make_story("small", ["A", "B"])
    history = {"huge": SentStory(id="huge", sent_at=NOW, uids=frozenset(e.uid for e in huge.entries))}
    ranked = rank([huge, small], history=history)
    assert [r.story.id for r in ranked] == ["small", "huge"]
    assert ranked[1].why.endswith("sent before") and not ranked[1].update


def test_diversity_limits_runs_of_one_lead_outlet():
    stories = [make_story(f"a{i}", ["A", "X", "Y"], hours_ago=1 + i) for i in range(4)]
    stories += [make_story("b0", ["B", "X"]), make_story("c0", ["C"])]
    ranked = rank(stories, settings=RankSettings(max_run=2))
    leads = [r.story.entries[0].feed for r in ranked]
    assert leads == ["A", "A", "B", "A", "A", "C"]
    assert [r.rank for r in ranked] == list(range(1, 7))


def test_diversity_keeps_stories_when_only_one_outlet_is_left():
    stories = [make_story(f"a{i}", ["A"], hours_ago=i) for i in range(4)]
    ranked = rank(stories, settings=RankSettings(max_run=1, min_score=0.0))
    assert [r.story.id for r in ranked] == ["a0", "a1", "a2", "a3"]


def test_ties_break_by_id_and_limit_cuts_after_ordering():
    stories = [make_story(sid, ["A", "B"]) for sid in ("m", "c", "x", "a")]
    ranked = rank(stories, settings=RankSettings(max_run=9))
    assert [r.story.id for r in ranked] == ["a", "c", "m", "x"]
    assert [r.story.id for r in rank(list(reversed(stories)), limit=2, settings=RankSettings(max_run=9))] == ["a", "c"]


def test_kinds_not_asked_for_are_left_out_and_taken_out_of_stories():
    deals = make_story("d", ["A", "B", "C"], kind="deals")
    mixed = Story(id="m", entries=(make_entry("m-0", "A"), make_entry("m-1", "B", kind="roundup")))
    ranked = rank([deals, mixed, make_story("r", ["C"])], settings=RankSettings(max_run=5))
    assert [r.story.id for r in ranked] == ["m", "r"]
    assert [e.uid for e in ranked[0].story.entries] == ["m-0"]
    asked = rank([deals], settings=RankSettings(kinds=("report", "deals")))
    assert [r.story.id for r in asked] == ["d"]


def test_several_outlets_outrank_a_single_report_and_reports_outrank_lone_opinion():
    stale_pair = make_story("pair", ["A", "B"], hours_ago=30)  # old: scores below a fresh single
    fresh_single = make_story("single", ["C"], hours_ago=0.1)
    loud_opinion = make_story("op", ["D", "E", "F"], hours_ago=0.1, kind="opinion")
    ranked = rank([loud_opinion, fresh_single, stale_pair], settings=RankSettings(max_run=5, min_score=0))
    assert [r.story.id for r in ranked] == ["pair", "single", "op"]
    assert ranked[1].score > ranked[0].score  # the tier, not the score, put the pair first
    assert "opinion" in ranked[2].why


def test_further_reading_does_not_count_as_coverage():
    story = Story(id="s", entries=(make_entry("s-0", "A"), make_entry("s-1", "B", kind="opinion"),
                                   make_entry("s-2", "C", kind="explainer")))
    ranked = rank([story], settings=RankSettings(min_score=0))
    assert ranked[0].why.startswith("1 outlet ·")
