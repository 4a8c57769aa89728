"""The fetch edge against a real loopback server with normal and hostile behaviours."""

from __future__ import annotations

import time
import tracemalloc
from dataclasses import replace

import pytest

from digest.config import MIB, FetchSettings
from digest.fetch import Fetcher, FetchRequest
from tests.hostile import ETAG, FEED, LAST_MODIFIED, HostileServer

FAST = FetchSettings(timeout=2.0, connect_timeout=1.0, per_host=16)


@pytest.fixture(scope="module")
def server():
    with HostileServer() as running:
        yield running


def fetch(*requests: FetchRequest, settings: FetchSettings = FAST):
    return Fetcher(settings).fetch_all(list(requests))


def fetch_one(url: str, *, settings: FetchSettings = FAST, **kwargs):
    return fetch(FetchRequest(url, **kwargs), settings=settings)[0]


def test_ok_fetch_returns_body_headers_and_user_agent(server):
    result = fetch_one(server.url("/ok"))
    assert (result.status, result.error, result.body) == (200, None, FEED)
    assert result.final_url == server.url("/ok")
    assert result.header("Content-Type").startswith("application/rss+xml")
    assert server.seen[-1].headers["user-agent"] == FAST.user_agent


def test_results_come_back_in_request_order(server):
    urls = [server.url("/delay?s=0.2"), server.url("/status/404"), server.url("/ok")]
    results = fetch(*(FetchRequest(u) for u in urls))
    assert [r.url for r in results] == urls
    assert [r.status for r in results] == [200, 404, 200]


def test_hanging_server_times_out(server):
    started = time.monotonic()
    result = fetch_one(server.url("/hang"), settings=replace(FAST, timeout=1.0))
    assert result.status == 0
    assert result.error == "timeout after 1 s"
    assert time.monotonic() - started < 3


def test_dripping_server_hits_the_total_timeout(server):
    # Each byte arrives well inside a read timeout; only a total deadline stops this.
    started = time.monotonic()
    result = fetch_one(server.url("/drip?interval=0.2"), settings=replace(FAST, timeout=1.5))
    assert result.error == "timeout after 1.5 s"
    assert time.monotonic() - started < 3.5


def test_gzip_bomb_is_cut_at_the_cap_with_bounded_memory(server):
    settings = replace(FAST, max_bytes=2 * MIB, timeout=10.0)
    tracemalloc.start()
    try:
        result = fetch_one(server.url("/bomb?mib=100"), settings=settings)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.error == "too large (over 2 MiB)"
    assert result.body == b""
    assert peak < 20 * MIB  # 100 MiB decompressed would be far above this


@pytest.mark.parametrize("length", ["1", "0"])
def test_50_mb_body_is_refused_at_the_cap(server, length):
    started = time.monotonic()
    settings = replace(FAST, timeout=10.0)  # default 15 MiB cap
    result = fetch_one(server.url(f"/big?mib=50&length={length}"), settings=settings)
    assert result.error == "too large (over 15 MiB)"
    assert time.monotonic() - started < 8


@pytest.mark.parametrize("kind", ["gzip", "deflate", "raw-deflate", "br"])
def test_compressed_bodies_are_decoded(server, kind):
    result = fetch_one(server.url(f"/encoded/{kind}"))
    assert result.error is None
    assert result.body == FEED
    assert result.header("content-encoding") is None  # the body we hand on is decoded


def test_redirect_loop_stops(server):
    result = fetch_one(server.url("/loop"), settings=replace(FAST, max_redirects=5))
    assert result.error == "too many redirects"
    assert len([s for s in server.seen if s.path == "/loop"]) >= 6


def test_permanent_redirect_is_reported(server):
    result = fetch_one(server.url("/redirect?code=301&to=/ok"))
    assert (result.status, result.body) == (200, FEED)
    assert result.final_url == server.url("/ok")
    assert result.permanent_url == server.url("/ok")


def test_temporary_redirect_is_not_remembered(server):
    result = fetch_one(server.url("/redirect?code=302&to=/ok"))
    assert result.status == 200
    assert result.permanent_url is None


def test_permanent_then_temporary_remembers_only_the_permanent_hop(server):
    second = "/redirect?code=307%26to=/ok"  # %26: the inner "&" belongs to the target
    result = fetch_one(server.url(f"/redirect?code=308&to={second}"))
    assert (result.status, result.final_url) == (200, server.url("/ok"))
    assert result.permanent_url == server.url("/redirect?code=307&to=/ok")


@pytest.mark.parametrize(
    "target, address",
    [("http://169.254.169.254/latest/meta-data/", "169.254.169.254"),
     ("http://localhost:{port}/ok", "127.0.0.1"),
     ("http://10.0.0.1/", "10.0.0.1")],
)
def test_untrusted_redirect_to_private_address_is_refused(server, target, address):
    target = target.format(port=server.port)
    url = server.url(f"/redirect?to={target}")
    result = fetch_one(url, trusted=False, origin_host="127.0.0.1")
    assert result.status == 0
    assert result.error.startswith(f"refused: private address {address}")


@pytest.mark.parametrize("host", ["2130706433", "0177.0.0.1", "0x7f.0.0.1", "127.1"])
def test_odd_ip_spellings_are_refused_for_untrusted_links(server, host):
    before = len(server.seen)
    result = fetch_one(f"http://{host}:{server.port}/ok", trusted=False)
    assert result.status == 0
    assert result.error.startswith("refused: private address 127.0.0.1")
    assert len(server.seen) == before


def test_untrusted_name_resolving_to_loopback_is_refused_at_connect(server):
    before = len(server.seen)
    result = fetch_one(f"http://localhost:{server.port}/ok", trusted=False)
    assert result.error == ("refused: private address 127.0.0.1; "
                            "[fetch] allow_private = true allows it")
    assert len(server.seen) == before  # nothing reached the server


def test_untrusted_same_host_as_feed_is_allowed(server):
    result = fetch_one(server.url("/ok"), trusted=False, origin_host="127.0.0.1")
    assert (result.status, result.body) == (200, FEED)


def test_allow_private_lets_untrusted_links_reach_loopback(server):
    settings = replace(FAST, allow_private=True)
    result = fetch_one(server.url("/ok"), trusted=False, settings=settings)
    assert result.status == 200


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://example.com/x", "/etc/passwd",
                                 "file:///etc/passwd", "data:text/html,hi"])
def test_untrusted_non_http_links_are_refused(url):
    result = fetch_one(url, trusted=False)
    assert result.status == 0
    assert result.error.startswith("refused:")
    assert result.body == b""


def test_trusted_file_path_is_read(tmp_path):
    path = tmp_path / "feed.xml"
    path.write_bytes(FEED)
    result = fetch_one(str(path))
    assert (result.status, result.body) == (200, FEED)
    assert fetch_one(str(tmp_path / "missing.xml")).error.startswith("file not found")


def test_trusted_file_over_the_cap_is_refused(tmp_path):
    path = tmp_path / "big.xml"
    path.write_bytes(b"x" * 5000)
    result = fetch_one(str(path), settings=replace(FAST, max_bytes=4096))
    assert result.error == "too large (over 4 KiB)"


@pytest.mark.parametrize("code", [404, 410, 500])
def test_http_errors_are_reported(server, code):
    result = fetch_one(server.url(f"/status/{code}"))
    assert (result.status, result.error, result.body) == (code, f"HTTP {code}", b"")
    assert result.retry_after is None


def test_429_retry_after_seconds(server):
    result = fetch_one(server.url("/status/429?retry_after=120"))
    assert (result.status, result.error, result.retry_after) == (429, "HTTP 429", 120.0)


def test_503_retry_after_http_date(server):
    later = time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(time.time() + 600))
    result = fetch_one(server.url(f"/status/503?retry_after={later}"))
    assert result.status == 503
    assert 590 <= result.retry_after <= 601


def test_conditional_get_with_etag_and_last_modified(server):
    first = fetch_one(server.url("/conditional"))
    assert first.status == 200
    assert (first.header("etag"), first.header("last-modified")) == (ETAG, LAST_MODIFIED)
    by_etag = fetch_one(server.url("/conditional"), etag=first.header("etag"))
    assert (by_etag.status, by_etag.error, by_etag.body) == (304, None, b"")
    assert server.seen[-1].headers["if-none-match"] == ETAG
    by_date = fetch_one(server.url("/conditional"), last_modified=LAST_MODIFIED)
    assert by_date.status == 304
    stale = fetch_one(server.url("/conditional"), etag='"old"')
    assert stale.status == 200


def test_dns_failure_is_reported_in_plain_words():
    result = fetch_one("http://no-such-host.invalid/feed.xml")
    assert result.status == 0
    assert result.error == "DNS lookup failed for no-such-host.invalid"


def test_connection_refused_is_reported(server):
    closed = HostileServer()
    port = closed.port
    closed.httpd.server_close()  # the port is now closed
    result = fetch_one(f"http://127.0.0.1:{port}/ok")
    assert result.status == 0
    assert result.error.startswith("connection failed")


def test_40_slow_feeds_run_concurrently(server):
    settings = replace(FAST, concurrency=40, per_host=40)
    started = time.monotonic()
    results = fetch(*(FetchRequest(server.url(f"/delay?s=0.3&n={i}")) for i in range(40)),
                    settings=settings)
    elapsed = time.monotonic() - started
    assert [(r.status, r.error) for r in results] == [(200, None)] * 40
    assert elapsed < 40 * 0.3 / 4


def test_per_host_limit_caps_requests_in_flight():
    settings = replace(FAST, concurrency=16, per_host=2, per_host_max=2)
    started = time.monotonic()
    with HostileServer() as quiet:  # its own server: no hanging handlers from other tests
        requests = [FetchRequest(quiet.url(f"/delay?s=0.2&h={i}")) for i in range(6)]
        results = fetch(*requests, settings=settings)
    assert [r.status for r in results] == [200] * 6
    assert quiet.max_active == 2
    assert time.monotonic() - started >= 0.55  # 6 requests, 2 at a time, 0.2 s each


def test_body_labelled_gzip_but_not_compressed_is_read_as_is(server):
    url = server.add("/liar.xml", body=FEED, headers={"Content-Encoding": "gzip"})
    result = fetch_one(url)
    assert (result.status, result.error, result.body) == (200, None, FEED)


def test_corrupt_gzip_body_is_an_error(server):
    import gzip

    broken = gzip.compress(FEED)[:-8] + b"\x00" * 8  # wrong CRC and length
    url = server.add("/corrupt.xml", body=broken, headers={"Content-Encoding": "gzip"})
    result = fetch_one(url)
    assert result.status == 0
    assert result.error.startswith("could not decompress the gzip body")


@pytest.mark.parametrize("url", ["http://[::1]:{port}/ok", "http://[::ffff:127.0.0.1]:{port}/ok",
                                 "http://0.0.0.0:{port}/ok", "http://127.0.0.2:{port}/ok"])
def test_untrusted_loopback_and_unspecified_addresses_are_refused(server, url):
    result = fetch_one(url.format(port=server.port), trusted=False)
    assert result.status == 0
    assert result.error.startswith("refused: private address")


class FakeDNS:
    """A resolver that answers from a table and counts lookups (DNS rebinding in a box)."""

    def __init__(self, **answers: list[str]) -> None:
        self.answers = {k.replace("_", "."): v for k, v in answers.items()}
        self.asked: list[str] = []

    async def __call__(self, host: str, port: int) -> list[str]:
        self.asked.append(host)
        return self.answers[host]


def test_names_are_resolved_by_us_and_the_host_header_is_kept(server):
    dns = FakeDNS(news_example=["127.0.0.1"])
    url = f"http://news.example:{server.port}/ok"
    result = Fetcher(FAST, resolve=dns).fetch_all([FetchRequest(url)])[0]
    assert (result.status, result.body) == (200, FEED)
    assert dns.asked == ["news.example"]
    assert server.seen[-1].headers["host"] == f"news.example:{server.port}"


@pytest.mark.parametrize("answer", [["127.0.0.1"], ["93.184.216.34", "127.0.0.1"],
                                    ["169.254.169.254"], ["::1"], ["fd00::1"]])
def test_rebinding_name_is_refused_at_connect_time(server, answer):
    # The name looked public when the feed was read; at connect time it answers privately.
    dns = FakeDNS(news_example=answer)
    before = len(server.seen)
    request = FetchRequest(f"http://news.example:{server.port}/ok", trusted=False,
                           origin_host="feeds.example")
    result = Fetcher(FAST, resolve=dns).fetch_all([request])[0]
    assert result.error.startswith("refused: private address")
    assert len(server.seen) == before


@pytest.mark.parametrize("target", ["http://169.254.169.254/latest/meta-data/",
                                    "http://localhost:{port}/ok", "http://2130706433/"])
def test_trusted_feed_on_a_public_name_cannot_redirect_to_private_addresses(server, target):
    # Trust covers the configured host, not where it sends us: a compromised public feed
    # server must not reach the metadata service or loopback through a redirect.
    dns = FakeDNS(news_example=["127.0.0.1"], localhost=["127.0.0.1"],
                  **{"169_254_169_254": ["169.254.169.254"]})
    url = f"http://news.example:{server.port}/redirect?to={target.format(port=server.port)}"
    before = len(server.seen)
    result = Fetcher(FAST, resolve=dns).fetch_all([FetchRequest(url)])[0]
    assert result.error.startswith("refused: private address"), result.error
    assert len(server.seen) == before + 1  # the feed itself, and nothing after the redirect


def test_a_remembered_301_target_is_guarded_like_a_link(server):
    # Next run after "pub.example moved permanently to moved.example": the request names the
    # configured host, so the new host must pass the address guard (here it is loopback).
    dns = FakeDNS(moved_example=["127.0.0.1"])
    before = len(server.seen)
    request = FetchRequest(f"http://moved.example:{server.port}/ok", trusted=True,
                           origin_host="pub.example")
    result = Fetcher(FAST, resolve=dns).fetch_all([request])[0]
    assert result.error.startswith("refused: private address"), result.error
    assert len(server.seen) == before


def test_progress_bar_off_the_terminal_is_quiet(server, capsys):
    results = Fetcher(FAST, progress=True).fetch_all([FetchRequest(server.url("/ok"))])
    assert results[0].status == 200
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("location", ["http://[::1", "http://exa mple.com/", "http://%zz/"])
def test_malformed_redirect_target_is_an_error_not_a_crash(server, location):
    url = server.add(f"/bad-location-{abs(hash(location))}", status=302,
                     headers={"Location": location})
    result = fetch_one(url)
    assert result.status == 0
    assert result.error


@pytest.mark.parametrize("url", ["http://[::1", "https://xn--/", "http://a" + "b" * 300 + ".com/"])
def test_malformed_urls_are_errors_not_crashes(url):
    result = fetch_one(url, trusted=False)
    assert result.status == 0
    assert result.error


def test_brotli_bomb_is_cut_at_the_cap_with_bounded_memory(server):
    import brotli

    bomb = brotli.compress(bytes(32 * MIB), quality=4)  # ~100 bytes on the wire
    url = server.add("/brotli-bomb", body=bomb, headers={"Content-Encoding": "br"})
    tracemalloc.start()
    try:
        result = fetch_one(url, settings=replace(FAST, max_bytes=1 * MIB))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.error == "too large (over 1 MiB)"
    assert peak < 16 * MIB


@pytest.mark.parametrize("body, content_type, error", [
    (b"<!doctype html><html><body><h1>Welcome</h1></body></html>", "text/html",
     "not a feed (got an HTML page)"),
    (b"\x89PNG\r\n\x1a\n" + bytes(2000), "image/png", "not a feed (got binary data)"),
    (b"", "application/rss+xml", "empty response"),
])
def test_served_non_feeds_are_reported_in_plain_words(server, body, content_type, error):
    from datetime import UTC, datetime

    from digest.parse import parse_feed

    url = server.add(f"/not-a-feed-{len(body)}", body=body, headers={"Content-Type": content_type})
    fetched = fetch_one(url)
    assert (fetched.status, fetched.error) == (200, None)
    parsed = parse_feed(fetched.body, feed_name="x", feed_url=url, headers=dict(fetched.headers),
                        now=datetime(2026, 1, 1, tzinfo=UTC))
    assert (parsed.entries, parsed.error) == ((), error)


def test_each_result_is_handed_over_as_it_arrives(server):
    urls = [server.url("/delay?s=0.6"), server.url("/ok"), server.url("/status/404")]
    arrived = []
    results = Fetcher(FAST).fetch_all([FetchRequest(u) for u in urls],
                                      on_result=lambda i, r: arrived.append((i, r.status)))
    assert sorted(arrived) == [(0, 200), (1, 200), (2, 404)]
    assert arrived[-1] == (0, 200)  # the slow one last, not in request order
    assert [r.status for r in results] == [200, 200, 404]
