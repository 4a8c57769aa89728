"""Same event, not same words: reports make events, other kinds stay out or follow a report."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from digest.group import group_entries
from digest.kinds import classify
from digest.model import Entry

T0 = datetime(2026, 11, 23, 5, 0, tzinfo=UTC)


def entry(uid: str, feed: str, title: str, text: str, *, minutes: int = 0, kind: str | None = None,
          url: str | None = None) -> Entry:
    """An entry whose kind comes from kinds.classify unless ``kind`` is given."""
    link = url or f"https://{feed.lower().replace(' ', '')}.test/news/{uid}"
    found, signal = classify(title=title, url=link, text=text)
    return Entry(uid=uid, feed=feed, feed_url=f"https://{feed.lower().replace(' ', '')}.test/rss",
                 title=title, link=link, summary=text[:200], content=text,
                 published=T0 + timedelta(minutes=minutes), kind=kind or found, kind_signal=signal)


BRIDGE = [
    entry("b1", "Wire One", "Portvale council approves Estrava river bridge in 7-2 vote",
          "The Portvale city council voted 7-2 on Tuesday to fund the Estrava river bridge, ending a "
          "decade of debate over the crossing. Mayor Ana Ruiz said construction would start in spring."),
    entry("b2", "Daily Planet", "Estrava bridge wins Portvale council backing after decade of debate",
          "After ten years of argument, Portvale's council backed the Estrava bridge by seven votes to "
          "two, clearing the way for construction in spring, Mayor Ana Ruiz said.", minutes=30),
]
FLOOD = [
    entry("f1", "Wire One", "Floods cut off Kellmoor as the Dunner river bursts its banks",
          "Hundreds of homes in Kellmoor were evacuated on Tuesday after the Dunner river burst its "
          "banks, and rescue teams used boats to reach residents.", minutes=60),
    entry("f2", "Morning Herald", "Kellmoor evacuated after Dunner floods homes",
          "Rescue teams in boats reached residents of Kellmoor after the Dunner river flooded hundreds "
          "of homes on Tuesday; evacuation centres opened overnight.", minutes=90),
]
STRIKE = [
    entry("s1", "Daily Planet", "Tavira dock workers strike over pay, halting exports",
          "Dock workers at the port of Tavira walked out on Tuesday over pay, halting container "
          "exports; the Tavira Port Authority said talks would resume Thursday.", minutes=20),
    entry("s2", "Morning Herald", "Port of Tavira at standstill as dockers walk out",
          "Container exports from the port of Tavira stopped on Tuesday as dock workers struck over "
          "pay. The Tavira Port Authority said talks resume on Thursday.", minutes=50),
]


def stories_of(entries: list[Entry]) -> dict[str, set[str]]:
    """uid -> the uids of its story."""
    out = {}
    for story in group_entries(entries):
        uids = {e.uid for e in story.entries}
        for uid in uids:
            out[uid] = uids
    return out


def test_a_roundup_carrying_three_events_headlines_stays_out_of_all_three():
    roundup_text = " ".join(e.title + ". " + e.summary for e in (BRIDGE[0], FLOOD[0], STRIKE[0]))
    roundup = entry("r1", "Morning Brief", "10 things you need to know today", roundup_text, minutes=70)
    assert roundup.kind == "roundup"
    together = stories_of(BRIDGE + FLOOD + STRIKE + [roundup])
    assert together["r1"] == {"r1"}
    assert together["b1"] == {"b1", "b2"}
    assert together["f1"] == {"f1", "f2"}
    assert together["s1"] == {"s1", "s2"}


def test_the_same_roundup_as_a_report_would_be_pulled_in():
    """The test above can fail: the same page taken for a report joins an event's story."""
    roundup_text = " ".join(e.title + ". " + e.summary for e in (BRIDGE[0], BRIDGE[1]))
    fake = entry("r1", "Morning Brief", "Estrava bridge approved by Portvale council", roundup_text,
                 minutes=70, kind="report")
    assert stories_of(BRIDGE + [fake])["r1"] == {"b1", "b2", "r1"}


def test_deals_and_media_never_join_a_story():
    deals = entry("d1", "Shop Daily", "Estrava bridge souvenirs on sale: best deals from $5",
                  BRIDGE[0].content, minutes=40)
    podcast = entry("p1", "Radio Portvale", "Podcast: the Estrava bridge vote", BRIDGE[1].content,
                    minutes=45, url="https://radioportvale.test/podcasts/bridge")
    assert (deals.kind, podcast.kind) == ("deals", "media")
    together = stories_of(BRIDGE + [deals, podcast])
    assert together["d1"] == {"d1"} and together["p1"] == {"p1"}


def test_an_opinion_piece_joins_the_report_it_comments_on_but_never_leads():
    column = entry("o1", "Civic Voice", "Opinion: Portvale's Estrava bridge vote was a decade late",
                   "The Portvale council's 7-2 vote for the Estrava river bridge ends a decade of "
                   "debate that Mayor Ana Ruiz should have ended years ago; construction in spring "
                   "is welcome.", minutes=-30)  # published before the reports
    assert column.kind == "opinion"
    stories = group_entries(BRIDGE + [column])
    assert len(stories) == 1
    assert stories[0].entries[0].kind == "report"
    assert [e.uid for e in stories[0].entries] == ["b1", "b2", "o1"]


def test_two_events_with_the_same_person_on_one_day_stay_apart():
    visit = [
        entry("v1", "Wire One", "Mayor Ana Ruiz opens Portvale children's hospital wing",
              "Mayor Ana Ruiz opened the new children's wing of Portvale General Hospital on Tuesday, "
              "adding 40 beds and a neonatal unit paid for by a charity appeal.", minutes=10),
        entry("v2", "Morning Herald", "Ruiz cuts ribbon on new Portvale hospital wing for children",
              "A 40-bed children's wing with a neonatal unit opened at Portvale General Hospital on "
              "Tuesday; Mayor Ana Ruiz thanked the charity appeal that paid for it.", minutes=40),
    ]
    scandal = [
        entry("x1", "Daily Planet", "Ana Ruiz faces ethics inquiry over campaign donations",
              "Portvale's ethics board opened an inquiry on Tuesday into donations to Mayor Ana Ruiz's "
              "re-election campaign from a construction firm.", minutes=200),
        entry("x2", "Wire One", "Ethics board to investigate donations to Mayor Ruiz's campaign",
              "An inquiry into construction-firm donations to Mayor Ana Ruiz's re-election campaign was "
              "opened by the Portvale ethics board on Tuesday.", minutes=230),
    ]
    together = stories_of(visit + scandal)
    assert together["v1"] == {"v1", "v2"}
    assert together["x1"] == {"x1", "x2"}


def test_one_event_told_three_ways_comes_together():
    told = [
        entry("t1", "Left Daily", "Workers win: Tavira dockers secure 9% raise after strike",
              "Striking dock workers in Tavira won a 9% pay rise on Thursday, a victory for the union "
              "after a week-long walkout that halted exports from the port of Tavira."),
        entry("t2", "Right Post", "Tavira port strike ends as union extracts costly 9% pay deal",
              "The week-long strike that paralysed the port of Tavira ended on Thursday after the port "
              "authority conceded a 9% pay rise that exporters warn will raise costs.", minutes=45),
        entry("t3", "Wire One", "Tavira dock strike ends with 9% pay agreement",
              "Dock workers at the port of Tavira returned to work on Thursday after agreeing a 9% pay "
              "rise with the port authority, ending a week-long strike.", minutes=90),
    ]
    assert stories_of(told)["t1"] == {"t1", "t2", "t3"}


def test_a_comment_on_the_same_people_but_another_happening_is_not_further_reading():
    """Close enough in names and words to attach, but it speaks of an election, not the bridge vote."""
    piece = entry("o2", "Civic Voice", "Where does Portvale go after Mayor Ana Ruiz's landslide?",
                  "Mayor Ana Ruiz of Portvale won a second term in a landslide on Sunday, and the city "
                  "council she faces is the one that fought her for ten years over every crossing. "
                  "Portvale voters chose her anyway; the council's old guard lost three seats.", minutes=40,
                  kind="opinion")
    assert stories_of(BRIDGE + [piece])["o2"] == {"o2"}
