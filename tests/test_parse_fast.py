"""The lxml fast path (``digest.parse.fast``) gives exactly what feedparser gives, or declines.

Every feed we can find goes through ``parse_feed`` twice, as shipped and with feedparser
forced (``feedparser_only``): wherever ``read_feed`` answers, the two ParsedFeeds must be equal
field by field (uids, text, dates, warnings, feed title). Hand-made items walk the rules
feedparser applies to RSS items that the corpus does not hold (guid as link, a summary copied
from content, category domains, title HTML sniffing, its text repairs, URL fix-ups, dates),
and pin which the fast path reads itself and which it leaves to feedparser.
"""

from __future__ import annotations

import random
import sys
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import feedparser.datetimes
import pytest

from digest.model import ParsedFeed
from digest.parse import parse_feed
from digest.parse.fast import read_feed
from digest.parse.fields import strict_date
from tests.hostile import _corpus_headers
from tests.test_parse_passes import feed_files

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

import workloads  # noqa: E402

NOW = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)
# Headers a server may send with a feed; only with the first three may the fast path read it.
HEADERS: tuple[dict[str, str] | None, ...] = (
    None,
    {"Content-Type": "application/rss+xml; charset=utf-8", "ETag": '"x"'},
    {"content-type": "text/xml; charset=UTF-8", "Content-Length": "12"},
    {"Content-Type": "text/xml"},  # RFC 3023: us-ascii
    {"Content-Type": "text/html; charset=utf-8"},  # not an XML type: a bozo warning
    {"Content-Type": "application/xml; charset=iso-8859-1"},
    {"Content-Type": "application/xml", "Content-Location": "https://elsewhere.example/a/"},
    {"ETag": '"x"'},  # no Content-Type at all
)


def both(body: bytes, url: str, headers: dict[str, str] | None = None) -> tuple[ParsedFeed, ParsedFeed]:
    """The feed as parse_feed reads it, and with feedparser forced."""
    shipped = parse_feed(body, feed_name="Feed", feed_url=url, headers=headers, now=NOW, budget_s=30)
    forced = parse_feed(body, feed_name="Feed", feed_url=url, headers=headers, now=NOW, budget_s=30,
                        feedparser_only=True)
    return shipped, forced


@pytest.fixture(scope="module")
def accepted(corpus) -> dict[str, bytes]:
    """The corpus feeds and samples the fast path reads (with no headers)."""
    return {name: body for name, body in feed_files(corpus).items() if read_feed(body, None) is not None}


@pytest.mark.slow
def test_the_fast_path_equals_feedparser_on_the_corpus_and_samples(corpus, accepted):
    files = feed_files(corpus)
    assert len(files) > 1100
    for name, body in files.items():
        own = _corpus_headers(body, "http://127.0.0.1:1")[1]  # the suite's Content-Type and the like
        for headers in (None, own):
            if read_feed(body, headers) is not None:
                shipped, forced = both(body, f"https://feeds.example/{name}", headers)
                assert shipped == forced, name
    # Plain RSS 2.0 and Atom 1.0: the real capture, three samples (not the RDF one) and ~390
    # files of feedparser's suite (~150 RSS, ~240 Atom).
    assert {"feeds/real/guardian-us-2018-01-31.rss", "samples/harbor-herald.xml", "samples/meridian-wire.xml",
            "samples/tech-current.xml"} <= set(accepted)
    assert len(accepted) >= 380
    assert sum(len(both(b, "https://x.example/f")[0].entries) for b in accepted.values()) >= 200


def test_headers_that_matter_send_the_feed_to_feedparser(accepted):
    for name, body in accepted.items():
        for i, headers in enumerate(HEADERS):
            assert (read_feed(body, headers) is not None) == (i < 3), (name, headers)
            shipped, forced = both(body, f"https://feeds.example/{name}", headers)
            assert shipped == forced, (name, headers)


def test_the_whole_bench_workload_is_read_by_the_fast_path():
    feeds = workloads.news_feeds(4000, feeds=200, seed=3)
    entries = 0
    for i, (_, body) in enumerate(feeds):
        assert read_feed(body, HEADERS[1]) is not None
        shipped, forced = both(body, f"https://outlet{i}.example/feed.xml", HEADERS[1])
        assert shipped == forced
        entries += len(shipped.entries)
    assert entries == 4000


SY = "xmlns:sy='http://purl.org/rss/1.0/modules/syndication/'"


def rss(items: str, *, channel: str = f"<title>Edge &amp; Co</title><sy:updatePeriod {SY}>hourly</sy:updatePeriod>",
        head: str = '<?xml version="1.0" encoding="utf-8"?>\n') -> bytes:
    """An RSS 2.0 document around ``items`` (namespaces content, dc and media declared)."""
    return (f'{head}<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"'
            f' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">'
            f"<channel>{channel}{items}</channel></rss>").encode()


L = "<link>https://edge.example/a</link>"
# Items the fast path reads itself: feedparser's rules it mirrors.
READ = [
    f"<item><title>Plain</title>{L}<guid>https://edge.example/g</guid><description>d</description></item>",
    "<item><title>guid as link</title><guid>https://edge.example/g</guid></item>",
    "<item><guid isPermaLink='false'>tag:x,1</guid><title>not a link</title></item>",
    f"<item><guid isPermaLink='true'>https://edge.example/g</guid>{L}</item>",  # link wins
    f"<item>{L}<guid isPermaLink='false'>https://edge.example/g</guid></item>",
    "<item><title>only content</title><content:encoded>&lt;p&gt;Body &amp;amp; more&lt;/p&gt;</content:encoded></item>",
    "<item><content:encoded><![CDATA[<p>Body</p>]]></content:encoded><description>Dek</description></item>",
    "<item><description>Dek</description><content:encoded><![CDATA[<p>Body</p>]]></content:encoded></item>",
    "<item><description></description><title></title></item>",
    "<item><description>  <![CDATA[ <b>x</b> ]]>  y </description></item>",
    "<item><title>AT&amp;T &lt; Verizon?</title></item>",  # no close tag, no entity: plain text
    "<item><title>Caf\u00e9 \u201cquoted\u201d \u2014 \U0001f600</title></item>",
    "<item><category>A</category><category>B</category><category>A</category></item>",
    "<item><category domain='d'>A</category><category domain='d'>A</category><category>A</category></item>",
    "<item><category domain='d'></category><category>B</category><category domain=''>C</category></item>",
    "<item><category> </category><category>x</category></item>",
    "<item><pubDate>Mon, 23 Nov 2026 03:05:00 +0000</pubDate></item>",
    "<item><pubDate>1 Feb 2021 23:30 -0530</pubDate><dc:date>2021-02-01T00:00:00Z</dc:date></item>",
    "<item><dc:date>2019-12-31T23:59:59+01:00</dc:date></item>",
    "<item><pubDate>Sat, 31 Dec 1994 23:00:00 GMT</pubDate></item>",  # before 1995: dropped
    "<item><pubDate>Tue, 01 Jan 2030 00:00:00 UT</pubDate></item>",  # future: clamped
    "<item><author>jane@edge.example (Jane Doe)</author><title>t</title></item>",
    "<item><dc:creator>  Kim &lt;Lee&gt; </dc:creator></item>",
    "<item><comments>https://edge.example/c</comments><enclosure url='https://e.example/a.mp3' "
    "length='1' type='audio/mpeg'/></item>",
    "<item><media:content url='https://e.example/i.jpg' width='140'><media:credit scheme='urn:ebu'>"
    "Photo</media:credit></media:content><title>media</title></item>",
    f"<item><title>same</title>{L}</item><item><title>same</title>{L}</item>",  # repeats dropped
    "<item><guid>https://edge.example/g</guid><title>one</title></item>"
    "<item><guid>https://edge.example/g</guid><title>two</title></item>",  # guid reused
    "<item><link>relative/path</link><title>r</title></item>",
    "<item><link>javascript:alert(1)</link><title>js</title></item>",
    "<item><title>It&#8217;s &#x2014; fine</title><description>caf&#233;\r\n<![CDATA[a\r\nb]]></description></item>",
    "<item><title>WordPress</title><wfw:commentRss xmlns:wfw='http://wellformedweb.org/CommentAPI/'>"
    "https://e.example/c/feed</wfw:commentRss><slash:comments xmlns:slash='http://purl.org/rss/1.0/modules/slash/'>"
    "3</slash:comments><guid isPermaLink='false'>https://e.example/?p=1</guid></item>",
    "<item>\n  <title>\n\tspaced\n</title>\n  <!-- between fields --> <description>d</description></item>",
]
# Items the fast path leaves to feedparser: each one of its rules the fast path does not model.
DECLINED = [
    "<item><title>Bold <b>move</b></title></item>",  # markup in a title
    "<item><title>Bold &lt;b&gt;move&lt;/b&gt;</title></item>",  # title sniffed as HTML
    "<item><title>Tom &amp;amp; Jerry</title></item>",  # double escaped: "&amp;" may be sniffed
    "<item><title>Fish &amp;amp; chips</title><title>2</title></item>",  # repeated field
    "<item><description>a</description><description>b</description></item>",
    "<item><author>a</author><dc:creator>b</dc:creator></item>",
    "<item><title>\u00c3\u00a9t\u00c3\u00a9</title></item>",  # UTF-8 read as Latin-1: repaired
    "<item><title>dash &#150; here</title></item>",  # C1: mapped to Windows-1252
    "<item><title>t</title><description>dash &#x96; here</description></item>",
    "<item><title>&#38;amp; sniffed</title></item>",
    "<item><link>http:///edge.example/a</link></item>",  # _urljoin drops the extra slash
    "<item><link>https://e.example/?a=1&amp;amp;b=2</link></item>",  # query "repair"
    "<item><guid></guid></item>",
    "<item><title type='html'>t</title></item>",  # attribute not modelled
    "<item><atom:link xmlns:atom='http://www.w3.org/2005/Atom' href='https://e.example/x'/></item>",
    "<item><media:title>t</media:title></item>",  # feedparser reads it as the title
    "<item><dc:subject>s</dc:subject></item>",
    "<item><source url='https://e.example/'>Src</source></item>",
    "<item xml:base='https://e.example/'><link>a</link></item>",
    "<item><description>a<!-- c -->b</description></item>",
    "<item><description>a<br/>b</description></item>",  # markup not escaped
    "<item><pubDate>Monday, 23 Nov 2026 03:05:00 EST</pubDate></item>",  # not the strict form
    "<item><pubDate>30 Feb 2026 03:05:00 +0000</pubDate></item>",
    "<item><pubDate></pubDate></item>",
    "<item><dc:date>2019-12-31T23:59:59.5Z</dc:date></item>",
    "<item><Title>case</Title></item>",
]
def atom(entries: str, *, feed: str = "<title type='html'>Edge &amp;amp; Co</title>") -> bytes:
    """An Atom 1.0 document around ``entries``."""
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" '
            f'xml:lang="en">{feed}<id>tag:e,1:f</id>{entries}</feed>').encode()


A = "<link rel='alternate' type='text/html' href='https://edge.example/a'/>"
ATOM_READ = [
    f"<entry><id>tag:e,1:a</id><title>Plain</title>{A}<updated>2026-11-22T22:30:00Z</updated></entry>",
    "<entry><id>https://edge.example/id</id><title type='html'>B &lt;b&gt;bold&lt;/b&gt;</title></entry>",
    "<entry><title type='text'>AT&amp;amp;T &lt;b&gt;</title><link href='https://edge.example/x'/></entry>",
    f"<entry>{A}<id>https://edge.example/id</id><link rel='self' href='https://e.example/s'/></entry>",
    "<entry><link rel='alternate' type='application/pdf' href='https://e.example/a.pdf'/><id>https://e.example/i</id>"
    "<link rel='alternate' type='html' href='https://e.example/h'/><link rel='enclosure' href='https://e.example/m'/>"
    "</entry>",
    "<entry><id>tag:e,1:c</id><content type='html'>&lt;p&gt;Body&lt;/p&gt;</content><summary>Dek</summary></entry>",
    "<entry><id>tag:e,1:c</id><summary>Dek</summary><content>plain &lt;p&gt; body</content></entry>",
    "<entry><id>tag:e,1:c</id><content type='html'><![CDATA[<p>Only content</p>]]></content></entry>",
    "<entry><id>tag:e,1:d</id><published>2026-11-22T22:30:00+02:00</published>"
    "<updated>2026-11-23T01:00:00Z</updated></entry>",
    "<entry><id>tag:e,1:d</id><updated>Sun, 22 Nov 2026 22:30:00 GMT</updated></entry>",
    "<entry><id>tag:e,1:u</id><author><name>Ann</name><email>ann@e.example</email>"
    "<uri>https://e.example/ann</uri></author></entry>",
    "<entry><id>tag:e,1:u</id><author>\n <email>ann@e.example</email>\n</author><rights>r</rights></entry>",
    "<entry><id>tag:e,1:t</id><category term='a'/><category term='a'/><category scheme='s' label='L'/>"
    "<category term='b' scheme='s'/></entry>",
    "<entry><id>tag:e,1:s</id><title/></entry><entry><id>tag:e,1:s</id><title>again</title></entry>",
]
ATOM_DECLINED = [
    "<entry><title type='xhtml'><div xmlns='http://www.w3.org/1999/xhtml'>x</div></title></entry>",
    "<entry><title type='HTML'>x</title></entry>",
    "<entry><content src='https://e.example/c'/></entry>",
    "<entry><content type='image/png'>AAAA</content></entry>",  # base64
    "<entry><summary>a</summary><summary>b</summary></entry>",
    "<entry><author><name>a</name></author><author><name>b</name></author></entry>",
    "<entry><author>Ann</author></entry>",
    "<entry><author><name></name></author></entry>",
    "<entry><link rel='Alternate' href='https://e.example/a'/></entry>",
    "<entry><link>https://e.example/a</link></entry>",
    "<entry><link rel='alternate' href=''/></entry>",
    "<entry xml:base='https://e.example/'><link href='a'/></entry>",
    "<entry><category term='a'>text</category></entry>",
    "<entry><source><title>s</title></source></entry>",
    "<entry><contributor><name>c</name></contributor></entry>",
    "<entry><id>tag:e,1:a</id><published>2026-11-22</published></entry>",
    "<entry><dc:creator xmlns:dc='http://purl.org/dc/elements/1.1/'>x</dc:creator></entry>",
]


DECLINED_DOCUMENTS = [
    rss("<item><title>x</title></item>", head='<?xml version="1.0" encoding="iso-8859-1"?>'),
    b"\xef\xbb\xbf" + rss("<item><title>x</title></item>"),
    rss("<item><title>x</title></item>").replace(b"<rss", b'<!DOCTYPE rss [<!ENTITY e "E">]><rss', 1),
    rss("<item><title>x</title></item>", channel="<title>a</title><title>b</title>"),
    rss("<item><title>x</title></item>", channel="<itunes:author xmlns:itunes='x'>i</itunes:author>"),
    rss("", channel="<title>no items</title>"),
    rss("<item><title>x</title></item>", channel="<sy:updatePeriod xmlns:sy='urn:other'>hourly</sy:updatePeriod>"),
    rss("<item><title>x</title></item>").replace(b'version="2.0"', b'version="0.91"'),
    rss("<item><title>x</title></item>").replace(b"</channel>", b"</channel><channel/>"),
    b'<?xml version="1.0"?><rss version="2.0"><channel><item><title>\xe9</title></item></channel></rss>',
    b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><item><title>x</item></channel></rss>',
    b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" version="1.0"><entry><title>a</title></entry></feed>',
    atom("<entry><title>a</title></entry>").replace(b'xml:lang="en"', b'xmlns:r="http://purl.org/rss/1.0/"'),
    atom("<entry><title>a</title></entry>", feed="<title type='xhtml'>t</title>"),
    atom("", feed="<title>no entries</title>"),
    atom("<entry><title>a</title></entry>", feed="<title>a</title><subtitle type='xhtml'>s</subtitle>"),
    atom("<entry><title>a</title></entry>", feed="<title>a</title><title>b</title>"),
]




@pytest.mark.parametrize("body", [rss(i) for i in READ] + [atom(e) for e in ATOM_READ])
def test_entries_the_fast_path_reads_come_out_as_feedparsers(body):
    assert read_feed(body, None) is not None
    shipped, forced = both(body, "https://edge.example/feed.xml")
    assert shipped == forced
    assert shipped.entries and not shipped.error and shipped.title == "Edge & Co"


@pytest.mark.parametrize("body", [rss(i) for i in DECLINED] + [atom(e) for e in ATOM_DECLINED] + DECLINED_DOCUMENTS)
def test_what_it_does_not_model_goes_to_feedparser(body):
    assert read_feed(body, None) is None
    shipped, forced = both(body, "https://edge.example/feed.xml")
    assert shipped == forced


def some_dates(rng: random.Random) -> list[str]:
    """Dates in the strict forms (and near misses), around today and at the calendar's edges."""
    out = []
    for _ in range(3000):
        when = datetime(1899, 12, 31, tzinfo=UTC) + timedelta(seconds=rng.randrange(0, 4_000_000_000))
        sign, hours, minutes = rng.choice("+-"), rng.randrange(0, 25), rng.choice((0, 30, 45, 59, 60))
        zone = rng.choice((f"{sign}{hours:02d}{minutes:02d}", "GMT", "UT", "UTC", "Z", "EST", "+0000"))
        text = format_datetime(when).replace("+0000", zone)
        out += [text, text.split(", ", 1)[1], text[:-9] + " " + zone, text.replace(" 0", " ", 1),
                when.strftime("%Y-%m-%dT%H:%M:%S") + rng.choice(("Z", f"{sign}{hours:02d}:{minutes:02d}", "")),
                text.replace(str(when.day).zfill(2), "31", 1), text.replace(":", ":6", 1)]
    return out


def test_its_strict_date_forms_read_as_feedparser_reads_them():
    read = 0
    for text in some_dates(random.Random(7)):
        try:
            _, mine = strict_date(text)
        except Exception:  # declined: feedparser reads this one
            continue
        theirs = feedparser.datetimes._parse_date(text)
        assert theirs is not None and tuple(theirs[:6]) == tuple(mine[:6]), text
        read += 1
    assert read > 10_000


def laughs(levels: int = 10) -> bytes:
    entities = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, levels))
    return (f'<?xml version="1.0" encoding="utf-8"?><!DOCTYPE rss [{entities}]><rss version="2.0">'
            f"<channel><item><title>&lol{levels - 1};</title></item></channel></rss>").encode()


HOSTILE = {
    "billion laughs": laughs(),
    "external entity": b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                       b'<rss version="2.0"><channel><item><title>&x;</title></item></channel></rss>',
    "undeclared entity": rss("<item><title>&lol9;</title></item>"),
    "deep nesting": rss("<item><description>" + "<div>" * 5000 + "x" + "</div>" * 5000 + "</description></item>"),
    "huge text": rss(f"<item><title>t</title><description>{'word ' * 4_000_000}</description></item>"),
    "huge tree": rss("<item><title>t</title></item>" * 3000),  # past MAX_ENTRIES: trimmed by feedparser's path
}


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_bodies_are_declined_or_read_without_expanding_anything(name):
    body = HOSTILE[name]
    started = time.monotonic()
    result = read_feed(body, None)
    assert time.monotonic() - started < 10  # a hang guard, not a speed test
    assert result is None or name == "huge tree"


def test_the_same_bytes_give_the_same_entries():
    body = workloads.news_feeds(100, feeds=2, seed=11)[0][1]
    first = read_feed(body, None)
    assert first is not None and first == read_feed(body, None)
    runs = [parse_feed(body, feed_name="F", feed_url="https://f.example/", now=NOW) for _ in range(3)]
    assert runs[0] == runs[1] == runs[2] and len(runs[0].entries) == 50



def test_line_ends_and_character_references_read_as_feedparser_reads_them():
    body = (REPO / "samples" / "harbor-herald.xml").read_bytes().replace(b"\n", b"\r\n")
    body = body.replace(b"Portvale", b"Portv&#97;le").replace(b"council", b"c&#x6F;uncil")
    assert read_feed(body, None) is not None
    shipped, forced = both(body, "https://crlf.example/feed.xml")
    assert shipped == forced and "Portvale" in shipped.entries[0].content


def test_it_never_raises_it_declines():
    body = workloads.news_feeds(40, feeds=2, seed=4)[0][1]
    rng = random.Random(3)
    for cut in sorted(rng.sample(range(1, len(body) - 1), 60)):
        assert read_feed(body[:cut], None) is None  # a truncated document is not well-formed
    for odd in (b"", b"\x00\x01", b"<rss", "<rss/>", None):
        assert read_feed(odd, None) is None  # type: ignore[arg-type]
    assert read_feed(body, {"Content-Type": b"text/xml"}) is None  # type: ignore[dict-item]
    assert read_feed(body, {"Content-Type": None}) is None  # type: ignore[dict-item]
