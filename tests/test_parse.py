"""parse_feed and html_to_text on built and real feeds."""

from __future__ import annotations

import json
import os
import time
from datetime import UTC, datetime, timedelta

import pytest

from digest.parse import MAX_ENTRIES, html_to_text, parse_feed
from tests.hostile import rss

NOW = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)
URL = "https://example.com/feed.xml"


def parse(body: bytes, **kwargs):
    kwargs.setdefault("now", NOW)
    return parse_feed(body, feed_name="Example", feed_url=kwargs.pop("feed_url", URL), **kwargs)


def rss_items(*items: str, channel: str = "<title>T</title>") -> bytes:
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>{channel}'
            f"{''.join(items)}</channel></rss>").encode()


def item(title="A title", link="https://example.com/a", guid=None, date=None, extra="") -> str:
    parts = [f"<title>{title}</title>" if title is not None else ""]
    parts.append(f"<link>{link}</link>" if link is not None else "")
    parts.append(f"<guid>{guid}</guid>" if guid is not None else "")
    parts.append(f"<pubDate>{date}</pubDate>" if date is not None else "")
    return f"<item>{''.join(parts)}{extra}</item>"


# ------------------------------------------------------------------ bodies that are not feeds


@pytest.mark.parametrize("body", [b"", b"   \r\n\t "])
def test_empty_body(body):
    result = parse(body)
    assert (result.entries, result.error) == ((), "empty response")


def test_html_page_instead_of_a_feed():
    body = b"<!DOCTYPE html><html><head><title>Home</title></head><body><p>Hi</p></body></html>"
    result = parse(body)
    assert (result.entries, result.error) == ((), "not a feed (got an HTML page)")


@pytest.mark.parametrize("body", [b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
                                  b"\x1f\x8b\x08\x00" + os.urandom(300),
                                  b"\x01\x02\x00\x00\x07" + bytes(range(256))])
def test_binary_instead_of_a_feed(body):
    result = parse(body)
    assert (result.entries, result.error) == ((), "not a feed (got binary data)")


def test_broken_xml_is_reported_as_malformed():
    result = parse(b"<?xml version='1.0'?><rss><channel><title>x</ti")
    assert result.entries == ()
    assert result.error and result.error.startswith(("malformed XML:", "not a feed"))


def test_json_that_is_not_a_json_feed():
    assert parse(b'{"hello": "world"}').error == "not a feed (got JSON that is not a JSON Feed)"
    assert parse(b'{"items": [}').error.startswith("malformed JSON")


def test_malformed_but_readable_feed_keeps_entries_with_a_warning():
    body = rss_items(item(title="Fish &amp; chips &nbsp; today"), item(title="Second & bad"))
    result = parse(body)
    assert result.error is None
    assert [e.title for e in result.entries] == ["Fish & chips today", "Second & bad"]
    assert result.warning and "malformed" in result.warning


# ------------------------------------------------------------------ fields are plain text


def test_titles_are_plain_text_with_cr_lf_collapsed():
    body = rss_items(item(title="Line one\r\nline two\r\n  &lt;b&gt;bold&lt;/b&gt; &amp;amp; co"))
    (entry,) = parse(body).entries
    # The decoded title is markup ("<b>"), so it is read as HTML and "&amp;" means "&".
    assert entry.title == "Line one line two bold & co"
    assert "\n" not in entry.title and "\r" not in entry.title


def test_summary_and_content_are_plain_text_paragraphs():
    extra = ("<description>&lt;p&gt;First &lt;em&gt;para&lt;/em&gt;.&lt;/p&gt;"
             "&lt;p&gt;Second&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;</description>"
             '<content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/">'
             "<![CDATA[<p>Full <b>text</b> here.</p><p>More &amp; more.</p>"
             '<img src="x" onerror="alert(1)">]]></content:encoded>')
    (entry,) = parse(rss_items(item(extra=extra))).entries
    assert entry.summary == "First para.\n\nSecond"
    assert entry.content == "Full text here.\n\nMore & more."


@pytest.mark.parametrize("link", ["javascript:alert(1)", "java&#x09;script:alert(1)",
                                  "data:text/html,hi", "file:///etc/passwd", "ftp://x/y"])
def test_unsafe_links_are_dropped(link):
    (entry,) = parse(rss_items(item(link=link, guid="g1"))).entries
    assert entry.link is None


def test_relative_links_are_made_absolute():
    (entry,) = parse(rss_items(item(link="/news/1"))).entries
    assert entry.link == "https://example.com/news/1"


def test_missing_title_falls_back_to_the_summary():
    (entry,) = parse(rss_items(item(title=None, extra="<description>Just words</description>"))
                     ).entries
    assert entry.title == "Just words"


# ------------------------------------------------------------------ identity


def test_uids_are_stable_and_depend_on_the_feed():
    body = rss_items(item(guid="urn:1"), item(guid="urn:2", link="https://example.com/b"))
    first, again = parse(body).entries, parse(body).entries
    other = parse(body, feed_url="https://other.example/feed").entries
    assert [e.uid for e in first] == [e.uid for e in again]
    assert len({e.uid for e in first}) == 2
    assert {e.uid for e in first}.isdisjoint(e.uid for e in other)


def test_edited_entry_keeps_its_uid():
    before = parse(rss_items(item(title="Draft", guid="urn:1"))).entries[0]
    after = parse(rss_items(item(title="Final headline", guid="urn:1"))).entries[0]
    assert before.uid == after.uid


def test_identity_falls_back_to_link_then_content():
    by_link = parse(rss_items(item(link="https://example.com/x"))).entries[0]
    same_link = parse(rss_items(item(title="Edited", link="https://example.com/x"))).entries[0]
    assert by_link.uid == same_link.uid
    a = parse(rss_items(item(title="One", link=None))).entries[0]
    b = parse(rss_items(item(title="Two", link=None))).entries[0]
    assert a.uid != b.uid


def test_repeated_guid_is_told_apart_and_exact_repeat_dropped():
    body = rss_items(item(title="A", guid="dup", link="https://example.com/a"),
                     item(title="B", guid="dup", link="https://example.com/b"),
                     item(title="A", guid="dup", link="https://example.com/a"),
                     item(title="C", guid="dup", link="https://example.com/a"))
    entries = parse(body).entries
    assert [e.title for e in entries] == ["A", "B", "C"]
    assert len({e.uid for e in entries}) == 3
    assert [e.uid for e in entries] == [e.uid for e in parse(body).entries]


# ------------------------------------------------------------------ dates


@pytest.mark.parametrize(
    "raw, expected",
    [("Sun, 22 Nov 2026 10:00:00 GMT", datetime(2026, 11, 22, 10, tzinfo=UTC)),
     ("Sun, 22 Nov 2026 10:00:00 +0200", datetime(2026, 11, 22, 8, tzinfo=UTC)),
     ("2026-11-22T10:00:00-05:00", datetime(2026, 11, 22, 15, tzinfo=UTC)),
     ("22 Nov 2026 10:00 EST", datetime(2026, 11, 22, 15, tzinfo=UTC)),
     ("2026-11-22", datetime(2026, 11, 22, tzinfo=UTC))],
)
def test_dates_become_aware_utc(raw, expected):
    (entry,) = parse(rss_items(item(date=raw))).entries
    assert (entry.published, entry.date_note) == (expected, None)
    assert entry.published.tzinfo is not None


def test_missing_date_is_flagged():
    (entry,) = parse(rss_items(item())).entries
    assert (entry.published, entry.date_note) == (None, "missing")


def test_future_date_is_clamped_to_now():
    future = (NOW + timedelta(days=3)).strftime("%a, %d %b %Y %H:%M:%S GMT")
    soon = (NOW + timedelta(minutes=30)).strftime("%a, %d %b %Y %H:%M:%S GMT")
    clamped, fine = parse(rss_items(item(date=future, guid="1"), item(date=soon, guid="2"))
                          ).entries
    assert (clamped.published, clamped.date_note) == (NOW, "future")
    assert (fine.published, fine.date_note) == (NOW + timedelta(minutes=30), None)


def test_date_before_1995_is_dropped_and_flagged():
    (entry,) = parse(rss_items(item(date="Thu, 01 Jan 1970 00:00:00 GMT"))).entries
    assert (entry.published, entry.date_note) == (None, "before 1995")


@pytest.mark.parametrize("raw", ["Fri, 31 Dec 9999 23:59:59 -2359", "0001-01-01T00:00:00+23:59"])
def test_a_date_pushed_past_the_calendar_by_its_offset_is_no_date(raw):
    (entry,) = parse(rss_items(item(date=raw))).entries
    assert (entry.published, entry.date_note) == (None, "missing")


def test_a_json_feed_date_pushed_past_the_calendar_is_no_date():
    doc = {"version": "https://jsonfeed.org/version/1.1", "title": "JF",
           "items": [{"id": "j0", "title": "T", "content_text": "Text.",
                      "date_published": "0001-01-01T00:00:00+23:59"}]}
    (entry,) = parse(json.dumps(doc).encode()).entries
    assert (entry.published, entry.date_note) == (None, "missing")


# ------------------------------------------------------------------ hostile sizes


def test_50000_item_feed_parses_within_budget_keeping_the_newest():
    started = time.monotonic()
    result = parse(rss(50_000), budget_s=10.0)
    elapsed = time.monotonic() - started
    assert result.error is None
    assert len(result.entries) == MAX_ENTRIES
    assert result.entries[0].title == "Item 0"
    assert "50,000 items" in result.warning
    assert elapsed < 10


def test_parse_budget_gives_up_with_a_plain_error():
    result = parse(rss(50_000), budget_s=0.01)
    assert result.entries == ()
    assert result.error == "feed took longer than 0.01 s to parse"


def test_entity_expansion_bomb_is_harmless():
    levels = "".join(
        f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    body = (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY l0 "lol">{levels}]>'
            f'<rss version="2.0"><channel><title>&l9;</title>'
            f"{item(title='&l9;')}</channel></rss>").encode()
    started = time.monotonic()
    result = parse(body)
    assert time.monotonic() - started < 2
    assert all(len(e.title) < 100 for e in result.entries)


# ------------------------------------------------------------------ formats


def test_atom_feed():
    body = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom T</title>
<entry><title type="html">A &lt;i&gt;big&lt;/i&gt; day</title>
<link href="https://example.com/atom/1"/><id>tag:example.com,2026:1</id>
<updated>2026-11-22T09:00:00Z</updated><author><name>Ann Author</name></author>
<summary>Short.</summary><content type="html">&lt;p&gt;Long text.&lt;/p&gt;</content></entry>
</feed>"""
    result = parse(body)
    (entry,) = result.entries
    assert result.title == "Atom T"
    assert (entry.title, entry.link, entry.author) == (
        "A big day", "https://example.com/atom/1", "Ann Author")
    assert (entry.summary, entry.content) == ("Short.", "Long text.")
    assert entry.published == datetime(2026, 11, 22, 9, tzinfo=UTC)


def test_rss_1_0_feed():
    body = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://example.com/"><title>RDF</title><link>https://example.com/</link>
<description>d</description></channel>
<item rdf:about="https://example.com/r1"><title>RDF item</title><link>https://example.com/r1</link>
<dc:date>2026-11-21T08:00:00Z</dc:date></item></rdf:RDF>"""
    (entry,) = parse(body).entries
    assert (entry.title, entry.link) == ("RDF item", "https://example.com/r1")
    assert entry.published == datetime(2026, 11, 21, 8, tzinfo=UTC)


def test_json_feed_1_1():
    doc = {"version": "https://jsonfeed.org/version/1.1", "title": "JF",
           "items": [{"id": 7, "url": "https://example.com/j/7", "title": "Json <b>item</b>",
                      "content_text": "Plain\n\nbody", "summary": "Sum",
                      "date_published": "2026-11-22T10:00:00+01:00",
                      "authors": [{"name": "Jo"}, {"name": "Al"}]},
                     {"id": "8", "external_url": "javascript:alert(1)", "content_html": "<p>x</p>"}]}
    result = parse(json.dumps(doc).encode())
    first, second = result.entries
    assert result.title == "JF"
    assert (first.title, first.link, first.author) == ("Json item", "https://example.com/j/7",
                                                        "Jo, Al")
    assert (first.content, first.summary) == ("Plain\n\nbody", "Sum")
    assert first.published == datetime(2026, 11, 22, 9, tzinfo=UTC)
    assert (second.link, second.content, second.title) == (None, "x", "x")


def test_real_guardian_rss(corpus):
    result = parse((corpus / "feeds" / "real" / "guardian-us-2018-01-31.rss").read_bytes())
    assert (len(result.entries), result.error, result.title) == (55, None, "The Guardian")
    first = result.entries[0]
    assert first.title.startswith("Trump State of the Union address")
    assert first.link.startswith("https://www.theguardian.com/")
    assert first.published == datetime(2018, 1, 31, 7, 26, 5, tzinfo=UTC)
    assert all(e.published and e.link and e.title for e in result.entries)
    assert all("<" not in e.summary for e in result.entries)


def test_real_npr_json_feed(corpus):
    result = parse((corpus / "feeds" / "real" / "npr-technology.json").read_bytes())
    assert (len(result.entries), result.error, result.title) == (25, None, "Technology")
    assert all(e.link.startswith("https://www.npr.org/") for e in result.entries)
    assert all(e.published and e.published.tzinfo for e in result.entries)
    assert len({e.uid for e in result.entries}) == 25


# ------------------------------------------------------------------ HTML helpers


def test_html_to_text():
    html = ("<div><p>Hello&nbsp;<b>world</b>,\r\n  again.</p><script>bad()</script>"
            "<style>p{}</style><ul><li>one</li><li>two</li></ul>tail &amp; end</div>")
    assert html_to_text(html) == "Hello world, again.\n\none\n\ntwo\n\ntail & end"
    assert html_to_text("") == ""
    assert html_to_text("a < b and c > d") == "a < b and c > d"


def test_double_escaped_plain_title_is_unescaped_once():
    body = b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">
<entry><title type="text">Fish &amp;amp; chips</title><id>urn:1</id></entry></feed>"""
    (entry,) = parse(body).entries
    assert entry.title == "Fish & chips"


def test_hostile_json_feeds_never_raise():
    deep = b"[" * 100_000 + b"]" * 100_000
    assert parse(deep).error.startswith("malformed JSON")
    weird = {"version": "https://jsonfeed.org/version/1", "title": 5,
             "items": [{"id": {"x": 1}, "title": ["no"], "url": 7, "date_published": 3,
                        "authors": ["bob", None], "author": "x"}, "not an item", None]}
    (entry,) = parse(json.dumps(weird).encode()).entries
    assert (entry.link, entry.published, entry.date_note, entry.author) == (
        None, None, "missing", None)
    assert entry.title == "(untitled)"


def test_deeply_nested_xml_never_raises():
    body = b'<?xml version="1.0"?><rss version="2.0"><channel>' + b"<a>" * 5_000
    result = parse(body, budget_s=5.0)
    assert result.entries == ()
    assert result.error


# ------------------------------------------------------------------ XML-illegal characters

# Every character XML 1.0 forbids: one of them anywhere in a digest made MJML reject it all.
_ILLEGAL = {chr(c) for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20),
                             *range(0x7F, 0xA0), 0xFFFE, 0xFFFF, 0xD800, 0xDCFF, 0xDFFF]}


def _fields(entry) -> list[str]:
    return [entry.title, entry.summary, entry.content, entry.author or "", entry.link or ""]


def _assert_clean(entries) -> None:
    for entry in entries:
        for text in _fields(entry):
            assert not _ILLEGAL & set(text), repr(text)
            text.encode("utf-8")  # a lone surrogate would raise here


@pytest.mark.parametrize("ref", ["&#xFFFF;", "&#xFFFE;", "&#65535;", "&#x1b;", "&#xD800;",
                                 "&#56575;", "&#x110000;", "&#x0;"])
def test_rss_numeric_references_to_illegal_characters_are_dropped(ref):
    body = rss_items(item(title=f"Dock{ref} strike", guid="g1",
                          extra=f"<description>The strike{ref} ended. Members vote.</description>"
                                f"<author>Jo{ref} Rell</author>"))
    entries = parse(body).entries
    _assert_clean(entries)
    (entry,) = entries
    assert (entry.title, entry.summary) == ("Dock strike", "The strike ended. Members vote.")


@pytest.mark.parametrize("bad", ["\u0000", "\u001b", "\u000b", "\u000c", "\u001f", "\u007f",
                                 "\u0085", "\ufffe", "\uffff"])
def test_json_feed_control_characters_are_dropped_from_every_text_field(bad):
    doc = {"version": "https://jsonfeed.org/version/1.1", "title": f"J{bad}F",
           "items": [{"id": f"j{bad}0", "url": f"https://example.com/{bad}a",
                      "title": f"Dock{bad} strike", "content_text": f"The strike{bad} ended.",
                      "summary": f"Sum{bad}mary", "authors": [{"name": f"Jo{bad}"}]}]}
    result = parse(json.dumps(doc).encode())
    _assert_clean(result.entries)
    (entry,) = result.entries
    assert (result.title, entry.title, entry.content, entry.summary, entry.author) == (
        "JF", "Dock strike", "The strike ended.", "Summary", "Jo")


@pytest.mark.parametrize("surrogate", ["\\udcff", "\\ud800", "\\udfff"])
def test_json_feed_lone_surrogates_are_dropped(surrogate):
    # json.loads accepts a lone surrogate escape; the text could then never be stored as UTF-8.
    body = ('{"version": "https://jsonfeed.org/version/1.1", "title": "J", "items": [{"id": "j0",'
            f' "title": "Do{surrogate}ck", "content_text": "The strike en{surrogate}ded.",'
            f' "summary": "S{surrogate}um", "content_html": ""}}]}}').encode()
    (entry,) = parse(body).entries
    _assert_clean([entry])
    assert (entry.title, entry.content, entry.summary) == ("Dock", "The strike ended.", "Sum")


def test_content_html_with_illegal_references_is_clean():
    html = "<p>A&#xFFFF;b\u0000c&#xD800;d&#x1b;e</p>"
    doc = {"version": "https://jsonfeed.org/version/1.1",
           "items": [{"id": "1", "title": "T", "content_html": html}]}
    (entry,) = parse(json.dumps(doc).encode()).entries
    assert entry.content == "Abcde"
    assert html_to_text(html) == "Abcde"


def test_escaped_html_content_with_illegal_references_is_clean():
    # Entity-escaped HTML inside RSS: the reference only appears once the HTML is read.
    body = rss_items(item(guid="g", extra="<description>&lt;p&gt;A&amp;#xFFFF;b&amp;#xD800;c"
                                          "&lt;/p&gt;</description>"))
    (entry,) = parse(body).entries
    assert entry.summary == "Abc"


def test_windows_1252_references_still_read_as_dashes():
    body = rss_items(item(title="a&#150;b", guid="g"))
    assert parse(body).entries[0].title == "a\u2013b"


def test_feed_categories_and_links_give_each_entry_a_kind():
    body = rss_items(
        "<item><title>The council got it wrong</title><link>https://x.test/2026/a</link>"
        "<category>Opinion</category><category>Local</category></item>",
        "<item><title>Headphones half price</title><link>https://x.test/deals/b</link></item>",
        "<item><title>Council approves bridge</title><link>https://x.test/news/c</link>"
        "<category>Local news</category></item>",
    )
    kinds = [(e.kind, e.kind_signal) for e in parse(body).entries]
    assert kinds == [("opinion", "category opinion"), ("deals", "url /deals/"), ("report", None)]


HOSTILE = (
    '<p>Council <b onmouseover="alert(1)">approves</b> the plan.</p><script>alert("x")</script>'
    '<img src="x" onerror="alert(2)"><a href="javascript:alert(3)">click</a>'
    '<iframe src="https://evil.example/"></iframe><object data="x.swf">fallback</object>'
    '<embed src="x.swf"> after the embed<form action="https://evil.example/"><input name="q"></form>'
    '<style>body{display:none}</style><svg><script>alert(4)</script></svg>'
    '<a href="java&#x09;script:alert(5)">tab</a><div style="background:url(javascript:alert(6))">end</div>'
)


def test_hostile_feed_html_never_reaches_the_email():
    """feedparser's sanitiser is off (digest/parse): markup in every HTML field of a feed is
    only ever text, and the email built from it carries none of it."""
    from digest.model import RankedStory, Story
    from digest.render import RenderSettings, render_digest
    from digest.summarise import get_summariser
    from tests.builders import make_digest
    from tests.emailcheck import check_html

    escaped = HOSTILE.replace("&", "&amp;").replace("<", "&lt;")
    title = 'Council &lt;b onmouseover="alert(1)"&gt;approves&lt;/b&gt; the plan'
    body = rss_items(item(title=title, link="https://example.com/a",
                          extra=f"<description>{escaped}</description>"
                                f"<content:encoded><![CDATA[{HOSTILE}]]></content:encoded>"),
                     channel=f"<title>{escaped}</title>").replace(
        b'version="2.0"', b'version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"')
    parsed = parse(body)
    (entry,) = parsed.entries
    assert entry.title == "Council approves the plan"
    for text in (entry.title, entry.summary, entry.content, parsed.title or ""):
        assert "<" not in text and "alert" not in text and "javascript" not in text.lower()
    assert "fallback" in entry.content and "after the embed" in entry.content
    brief = get_summariser("extractive").summarise(
        RankedStory(story=Story(id=entry.uid, entries=(entry,)), rank=1, score=1.0, why="test"))
    html = render_digest(make_digest(stories=(brief,)), settings=RenderSettings()).html
    assert check_html(html) == []
    assert "alert" not in html and "javascript:" not in html.lower() and "onerror" not in html


def test_a_c1_reference_is_read_as_the_windows_1252_character():
    # "&#146;" means the Windows-1252 ’, as HTML5 reads it; an older lxml made it a control
    # character, which was then dropped: "don’t" became "dont".
    from digest.parse.clean import html_to_text
    assert html_to_text("<p>don&#146;t &#x96; ok &#129;</p>") == "don’t – ok"
    rss = ("<rss version='2.0'><channel><title>T</title><item><title>Strike</title>"
           "<description>don&amp;#146;t</description><link>https://example.com/a</link></item></channel></rss>")
    (entry,) = parse(rss.encode()).entries
    assert entry.summary == "don’t"


def test_bare_paragraphs_read_as_lxml_reads_them_for_every_character():
    from digest.emailtext import XML_ILLEGAL
    from digest.parse import clean

    for start in range(0, 0x110000, 512):
        chars = "".join(c for c in map(chr, range(start, start + 512)) if c not in "<&\r" and not XML_ILLEGAL.match(c))
        for html in (f"<p>a{chars}b</p>", f" \n<p>{chars[:40]}</p>\n\t<p>x\n\n{chars}</p>\n"):
            assert clean._BARE_PARAGRAPHS.fullmatch(html)
            assert clean.squash_paragraphs(clean._P_TAG.sub("\n\n", html)) == clean._parsed_text(html), hex(start)


@pytest.mark.parametrize(("html", "text"), [
    ("<p>one</p><p>two</p>", "one\n\ntwo"),
    ("\n<p> one\n</p>\n\n<p>two  three</p>\t", "one\n\ntwo three"),
    ("<p>a\r\rb</p>", None),  # a CR: the parser's reading (libxml2 2.14 "a\n\nb", 2.12 "a b"), not the bare one
    ("<p>a\n \nb</p><p></p>", "a\n\nb"),
    ("<p>Tom &amp; Jerry</p>", "Tom & Jerry"),  # an entity: parsed
    ("<P>upper</P><p class='x'>attr</p>", "upper\n\nattr"),
    ("<p>naïve — “quoted” \U0001F600</p>", "naïve — “quoted” \U0001F600"),
    ("<p>1 > 0</p>", "1 > 0"),
])
def test_html_to_text_of_paragraph_fragments(html, text):
    """``text`` None: whatever the installed libxml2 reads (versions differ), never the fast lane's."""
    from digest.parse import clean

    assert html_to_text(html) == (clean._parsed_text(clean._prepared(html)) if text is None else text)


def test_plain_links_skip_urljoin_only_where_it_would_change_nothing():
    from itertools import product

    from digest.parse.entries import _PLAIN_URL, _joined, safe_link

    heads = ["http://a.com", "https://a.b-c.com:8080", "http://a.com:", "http://a..b", "http://-a.com", "http://ä.com",
             "HTTP://a.com", "http://user@a.com", "http://[::1]", "http://a_b.com", "https://"]
    tails = ["", "/", "/x/y.html", "/x;p", "/x/../y", "/%zz", "/[x]", "?", "?q", "?q;r", "/p?a=1&b=2", "#",
             "#f", "?x#", "#f?x", "/x?y#z#w", "/x?"]
    plain = 0
    for head, tail, base in product(heads, tails, ["http://base.test/feed", "https://base.test/dir/", "corpus:x"]):
        plain += bool(_PLAIN_URL.fullmatch(head + tail))
        assert safe_link(head + tail, base) == _joined(head + tail, base), (head + tail, base)
    assert plain > 50


def test_references_in_untagged_text_read_as_lxml_reads_them_for_every_character():
    from digest.parse import clean

    for start in range(0, 0x110000, 2048):  # other spellings over the first blocks (C1, Latin, punctuation)
        for form in ("&#{};", "&#x{:x};") + (("&#X{:04X};", "&#00{};") if start < 0x3000 else ()):
            text = "a " + "".join(form.format(n) for n in range(start, start + 2048)) + " &amp; &lt;&gt;&quot;&apos; b"
            assert clean.html_to_text(text) == clean._parsed_text(clean._prepared(text)), (form, hex(start))


@pytest.mark.parametrize(("text", "plain"), [
    ("Q&amp;A", "Q&A"),
    ("AT&T &amp; R&D", "AT&T & R&D"),  # a bare "&": parsed
    ("caf&eacute; &copy 2024", None),  # a named reference other than the five, no semicolon: parsed
    ("caf&eacute; 2024", "café 2024"),
    ("don&#146;t &#0150; &#x2014;", "don’t – —"),  # Windows-1252 numbers, with and without a leading zero
    ("one&#10;&#10;two", "one\n\ntwo"),
    ("&#xFFFE;&#1;x", "x"),  # references to characters XML forbids are dropped
])
def test_html_to_text_of_untagged_text_with_references(text, plain):
    """``plain`` None: whatever the installed libxml2 reads (2.12 leaves "&copy" without its
    semicolon, 2.14 reads ©), never the fast lane's."""
    from digest.parse import clean

    assert html_to_text(text) == (clean._parsed_text(clean._prepared(text)) if plain is None else plain)
