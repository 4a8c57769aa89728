"""Feeds the fast path reads, changed at random (fields dropped, repeated, reordered, given
other text or attributes, joined by elements it does or does not model): each one is read
exactly as feedparser reads it, or declined. The changes combine the rules
tests/test_parse_fast.py walks one at a time.
"""

from __future__ import annotations

import copy
import random

import pytest
from lxml import etree

from digest.parse.fast import read_feed
from tests.test_parse_fast import REPO, both, workloads


TEXTS = ["", "  ", "Plain words", "a & b", "Tom &amp; Jerry", "<b>bold</b>", "x</p>", "AT&T; more",
         "caf\u00e9 \u2014 \u201cq\u201d", "\u00c3\u00a9t\u00c3\u00a9", "dash \x96 C1", "tab\tand\nnewline",
         "https://e.example/a", "http:///e.example/a", "https://e.example/?a=1&amp;b=2", "relative/x",
         "tag:e,2026:x", "javascript:alert(1)", "Mon, 23 Nov 2026 03:05:00 +0000", "23 Nov 2026 03:05 GMT",
         "2026-11-23T03:05:00Z", "2026-11-23T03:05:00-05:30", "2026-11-23", "Mon, 23 Nov 2026 03:05:00 EST",
         "1 Jan 1990 00:00:00 +0000", "31 Feb 2026 00:00:00 +0000", "not a date"]
ATTRIBUTES = [("isPermaLink", "false"), ("isPermaLink", "true"), ("isPermaLink", "True"), ("domain", "d"),
              ("domain", ""), ("type", "html"), ("type", "text"), ("type", "xhtml"), ("type", "HTML"),
              ("type", "text/html"), ("rel", "alternate"), ("rel", "self"), ("rel", "Alternate"),
              ("href", "https://e.example/h"), ("href", ""), ("href", "http:///x"), ("term", "t"),
              ("label", "L"), ("scheme", "s"), ("{http://www.w3.org/XML/1998/namespace}base", "https://b.example/"),
              ("{http://www.w3.org/XML/1998/namespace}lang", "fr"), ("src", "https://e.example/s"),
              ("url", "https://e.example/u")]
_NS = ('xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" '
       'xmlns:media="http://search.yahoo.com/mrss/" xmlns:atom="http://www.w3.org/2005/Atom"')
RSS_PARTS = ["<category>C</category>", "<category domain='d'>D</category>", "<category domain='d'/>",
             "<comments>https://e.example/c</comments>", "<guid isPermaLink='false'>tag:x</guid>",
             "<guid>https://e.example/g2</guid>", "<description>&lt;p&gt;d&lt;/p&gt;</description>",
             "<content:encoded>&lt;p&gt;c&lt;/p&gt;</content:encoded>", "<dc:creator>Cre</dc:creator>",
             "<author>a@e.example (A)</author>", "<dc:date>2026-11-23T03:05:00Z</dc:date>",
             "<pubDate>Sun, 22 Nov 2026 03:05:00 GMT</pubDate>", "<media:title>m</media:title>",
             "<atom:link href='https://e.example/al'/>", "<enclosure url='https://e.example/e.mp3'/>",
             "<title>Extra</title>", "<link>https://e.example/l</link>", "<source url='https://s.example/'>S</source>",
             "<dc:subject>Sub</dc:subject>", "<media:content url='https://e.example/i.jpg'/>"]
ATOM_PARTS = ["<category term='t'/>", "<category term='t' scheme='s' label='L'/>", "<category label='L'/>",
              "<link href='https://e.example/x'/>", "<link rel='alternate' type='text/html' href='https://e.example/y'/>",
              "<link rel='self' href='https://e.example/s'/>", "<link rel='enclosure' href='https://e.example/e'/>",
              "<author><name>N</name></author>", "<author><name>N</name><email>n@e.example</email></author>",
              "<summary>S</summary>", "<content type='html'>&lt;p&gt;C&lt;/p&gt;</content>", "<id>tag:e,1:z</id>",
              "<published>2026-11-22T01:00:00Z</published>", "<updated>2026-11-22T02:00:00+01:00</updated>",
              "<rights>R</rights>", "<title type='html'>T &amp;amp; U</title>", "<contributor><name>c</name></contributor>"]


def templates() -> list[bytes]:
    """Small feeds to mutate: the RSS and an Atom sample, and three workload items."""
    work = workloads.news_feeds(60, feeds=20, seed=5)[0][1]
    return [(REPO / "samples" / "harbor-herald.xml").read_bytes(), (REPO / "samples" / "meridian-wire.xml").read_bytes(),
            work]


def mutate(body: bytes, rng: random.Random) -> bytes:
    """``body`` with one to three random changes to its items or entries."""
    root = etree.fromstring(body)
    is_atom = root.tag.endswith("feed")
    entries = [e for e in root.iter("item", "{http://www.w3.org/2005/Atom}entry")]
    for _ in range(rng.randint(1, 3)):
        entry = rng.choice(entries)
        kids = [k for k in entry if isinstance(k.tag, str)]
        op = rng.randrange(6)
        if op == 0:
            rng.shuffle(kids)
            entry[:] = kids
        elif op == 1 and kids:
            entry.remove(rng.choice(kids))
        elif op == 2 and kids:
            entry.append(copy.deepcopy(rng.choice(kids)))
        elif op == 3 and kids:
            rng.choice(kids).text = rng.choice(TEXTS)
        elif op == 4 and kids:
            rng.choice(kids).set(*rng.choice(ATTRIBUTES))
        else:
            part = rng.choice(ATOM_PARTS if is_atom else RSS_PARTS)
            wrapped = f'<w xmlns="http://www.w3.org/2005/Atom">{part}</w>' if is_atom else f"<w {_NS}>{part}</w>"
            entry.insert(rng.randrange(len(entry) + 1), etree.fromstring(wrapped)[0])
    return etree.tostring(root, xml_declaration=True, encoding="utf-8")


@pytest.mark.slow
def test_mutated_feeds_are_read_exactly_or_declined():
    rng = random.Random(14)
    bases = templates()
    read = [0] * len(bases)
    for _ in range(3000):
        which = rng.randrange(len(bases))
        body = mutate(bases[which], rng)
        if read_feed(body, None) is not None:
            read[which] += 1
            shipped, forced = both(body, "https://mutant.example/feed.xml")
            assert shipped == forced, body.decode()
    assert min(read) > 200, read  # enough changed feeds of each kind are read, not declined
