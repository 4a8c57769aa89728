"""Fixed, seeded workloads for the benchmarks: news-like RSS feeds about generated events.

Every event (an organisation doing something in a place, a named person speaking, a critic,
a next step) is told by one to six outlets, each in its own words: the sentence templates,
their order, the headline and the quotes differ, while the names and numbers stay the same,
as they do when real outlets cover one story. The same seed always gives the same bytes.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from html import escape

NOW = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)  # the clock every workload is generated for
SYLLABLES = ("ka", "ro", "mi", "te", "sa", "lu", "vin", "dor", "bel", "an", "qu", "zi", "mar",
             "ot", "len", "fa", "gri", "hal", "nes", "po", "ul", "ber", "cas", "tro")
ROLES = ("finance minister", "chief executive", "mayor", "union leader", "head of the agency",
         "health secretary", "board chair", "police chief", "transport minister", "governor")
ORG_KINDS = ("Council", "Industries", "Authority", "Ministry", "Group", "Commission", "Bank",
             "Federation", "Institute", "Partners")
THINGS = ("bridge", "hospital", "rail line", "wind farm", "factory", "water plant", "stadium",
          "data centre", "port terminal", "school campus", "airport runway", "tram network")
ACTIONS = (("approved", "backed"), ("announced", "unveiled"), ("rejected", "blocked"),
           ("delayed", "postponed"), ("cancelled", "scrapped"), ("expanded", "enlarged"))
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WHEN_NEXT = ("next month", "on Thursday", "in March", "by the end of the year", "next week",
             "in the spring", "within 90 days", "later this year")
NEXT_STEPS = ("a final vote", "a public hearing", "an independent review", "a court ruling",
              "a cabinet decision", "a consultation")
QUOTES = (
    "This is a good day for {place} and for everyone who depends on the {thing}",
    "We have waited a long time for this {thing} and we will deliver it on budget",
    "The {thing} will create about {jobs} jobs in the region",
    "We will not let the costs get out of hand",
    "Nobody should be surprised by this decision",
    "The people of {place} deserve better than more delay",
)
CRITIC_QUOTES = (
    "The plan is too expensive and badly thought through",
    "Residents were never properly asked",
    "This decision will cost {place} dearly for a generation",
)
FILLER = (
    "The project has been discussed for {years} years.",
    "{place} has a population of about {pop},000 people.",
    "An earlier plan was dropped in {year} after a funding dispute.",
    "Local businesses have followed the debate closely.",
    "The cost estimate was revised twice during the planning stage.",
    "Similar schemes elsewhere in the country have run over budget.",
)


@dataclass(frozen=True)
class Event:
    """One generated news event and the facts every outlet shares."""

    number: int  # event index, for ids
    place: str  # a made-up city
    org: str  # the organisation that acted
    person: str  # who speaks for it
    role: str  # their role
    critic: str  # who objects
    thing: str  # what the event is about
    action: tuple[str, str]  # past-tense verb and a synonym
    amount: int  # millions
    jobs: int  # jobs promised
    day: str  # weekday it happened
    when: str  # when the next step comes
    step: str  # what the next step is
    years: int  # years in discussion
    published: datetime  # when the first outlet published it


@dataclass(frozen=True)
class Item:
    """One outlet's article about one event, ready for a feed."""

    guid: str  # unique id and link
    title: str  # headline
    summary: str  # one-sentence description
    paragraphs: tuple[str, ...]  # the body, plain text
    published: datetime  # publication time


def _name(rng: random.Random, low: int = 2, high: int = 3) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(low, high))).capitalize()


def make_event(number: int, rng: random.Random, *, now: datetime = NOW) -> Event:
    """Return one random event published within the 30 hours before ``now``."""
    kind = rng.choice(ORG_KINDS)
    return Event(
        number=number, place=_name(rng, 2, 3) + rng.choice(("", "ville", "burg", " City")),
        org=f"{_name(rng)} {kind}", person=f"{_name(rng)} {_name(rng, 2, 4)}",
        role=rng.choice(ROLES), critic=f"{_name(rng)} {_name(rng, 2, 4)}",
        thing=rng.choice(THINGS), action=rng.choice(ACTIONS), amount=rng.randint(12, 950),
        jobs=rng.randint(2, 90) * 50, day=rng.choice(DAYS), when=rng.choice(WHEN_NEXT),
        step=rng.choice(NEXT_STEPS), years=rng.randint(2, 15),
        published=now - timedelta(minutes=rng.randint(30, 30 * 60)),
    )


def _happened(e: Event, rng: random.Random) -> list[str]:
    verb = rng.choice(e.action)
    options = [
        f"{e.org} on {e.day} {verb} a {e.amount} million dollar plan for a new {e.thing} in {e.place}.",
        f"Officials in {e.place} said {e.org} had {verb} plans for a new {e.thing} costing {e.amount} million dollars.",
        f"The {e.org} {verb} the {e.place} {e.thing} project, worth {e.amount} million dollars, on {e.day}.",
    ]
    rng.shuffle(options)
    return options[: rng.randint(1, 2)]


def _said(e: Event, rng: random.Random) -> list[str]:
    quote = rng.choice(QUOTES).format(place=e.place, thing=e.thing, jobs=e.jobs)
    critic = rng.choice(CRITIC_QUOTES).format(place=e.place)
    lines = [
        rng.choice((
            f"\u201c{quote},\u201d {e.person} said.",
            f"{e.person}, the {e.role}, said: \u201c{quote}.\u201d",
            f"\u201c{quote},\u201d said {e.person}, {e.role} at {e.org}.",
        )),
        rng.choice((
            f"{e.critic}, who leads the opposition in {e.place}, said: \u201c{critic}.\u201d",
            f"\u201c{critic},\u201d said {e.critic}, an opposition councillor.",
        )),
    ]
    return lines[: rng.randint(1, 2)]


def _next(e: Event, rng: random.Random) -> list[str]:
    return [rng.choice((
        f"{e.step.capitalize()} is expected {e.when}.",
        f"Work on the {e.thing} is due to start {e.when}.",
        f"{e.org} will publish the full details {e.when}.",
    ))]


def _filler(e: Event, rng: random.Random, k: int) -> list[str]:
    lines = rng.sample(FILLER, k)
    return [x.format(years=e.years, place=e.place, pop=rng.randint(20, 900),
                     year=rng.randint(1998, 2022)) for x in lines]


def tell(e: Event, outlet: int, rng: random.Random) -> Item:
    """One outlet's own telling of ``e``: paraphrased sentences, its own headline and time."""
    happened, said, ahead = _happened(e, rng), _said(e, rng), _next(e, rng)
    paragraphs = [" ".join(happened), *said, " ".join(_filler(e, rng, rng.randint(1, 3))), *ahead]
    title = rng.choice((
        f"{e.place} {e.action[0]} {e.amount}m {e.thing}",
        f"{e.org} {e.action[1]} new {e.thing} for {e.place}",
        f"{e.person} speaks out as {e.place} {e.thing} plan is {e.action[0]}",
    ))
    return Item(guid=f"https://outlet{outlet}.example/news/{e.number}", title=title,
                summary=happened[0], paragraphs=tuple(paragraphs),
                published=min(e.published + timedelta(minutes=rng.randint(0, 240)), NOW - timedelta(minutes=5)))


def outlet_name(i: int) -> str:
    """The display name of outlet ``i``."""
    return f"Outlet {i:03d} News"


def generate_items(total: int, *, feeds: int = 100, seed: int = 8,
                   now: datetime = NOW) -> list[list[Item]]:
    """About ``total`` items spread over ``feeds`` outlets; each event told by 1-6 of them."""
    rng = random.Random(seed)
    per_feed: list[list[Item]] = [[] for _ in range(feeds)]
    made, number = 0, 0
    while made < total:
        event = make_event(number, rng, now=now)
        number += 1
        for outlet in rng.sample(range(feeds), min(feeds, rng.choice((1, 1, 2, 2, 3, 4, 5, 6)))):
            if made == total:
                break
            per_feed[outlet].append(tell(event, outlet, rng))
            made += 1
    return per_feed


def rss_bytes(name: str, items: list[Item], *, now: datetime = NOW) -> bytes:
    """An RSS 2.0 document for ``items`` (newest first), bodies as HTML in content:encoded."""
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">',
           f"<channel><title>{escape(name)}</title><link>https://example.org/</link>",
           f"<description>News from {escape(name)}</description>",
           f"<lastBuildDate>{format_datetime(now)}</lastBuildDate>"]
    for item in sorted(items, key=lambda i: i.published, reverse=True):
        body = "".join(f"<p>{escape(p)}</p>" for p in item.paragraphs)
        out.append(
            f"<item><title>{escape(item.title)}</title><link>{item.guid}</link>"
            f'<guid isPermaLink="true">{item.guid}</guid>'
            f"<pubDate>{format_datetime(item.published)}</pubDate>"
            f"<description>{escape(item.summary)}</description>"
            f"<content:encoded>{escape(body)}</content:encoded></item>"
        )
    out.append("</channel></rss>")
    return "\n".join(out).encode("utf-8")


def news_feeds(total: int, *, feeds: int = 100, seed: int = 8,
               now: datetime = NOW) -> list[tuple[str, bytes]]:
    """``feeds`` (outlet name, RSS bytes) pairs holding ``total`` entries between them."""
    per_feed = generate_items(total, feeds=feeds, seed=seed, now=now)
    return [(outlet_name(i), rss_bytes(outlet_name(i), items, now=now))
            for i, items in enumerate(per_feed)]
