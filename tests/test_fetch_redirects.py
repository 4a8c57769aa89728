"""Redirects and remembered 301s are guarded, whatever the configured feed's own host is.

Real servers on two loopback addresses: the feed on 127.0.0.1, the place a hostile answer
sends us on 127.0.0.2 (or on another port of 127.0.0.1, reached as ``localhost``). Each test
checks both the error and that nothing reached the target server.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from digest.fetch import Fetcher, FetchRequest
from tests.hostile import FEED, HostileServer
from tests.test_fetch import FAST, FakeDNS

OPEN = replace(FAST, allow_private=True)


@pytest.fixture(scope="module")
def feed():
    with HostileServer() as running:
        yield running


@pytest.fixture(scope="module")
def target():
    with HostileServer(host="127.0.0.2") as running:
        yield running


@pytest.fixture(scope="module")
def local():  # a second server on 127.0.0.1, reached by the name localhost
    with HostileServer() as running:
        yield running


def fetch(url: str, *, settings=FAST, resolve=None, **kwargs):
    return Fetcher(settings, resolve=resolve).fetch_all([FetchRequest(url, **kwargs)])[0]


def redirect_to(feed: HostileServer, location: str) -> str:
    return feed.add(f"/to/{abs(hash(location))}", status=302, headers={"Location": location})


def hits(server: HostileServer) -> int:
    return len(server.seen)


@pytest.mark.parametrize("location, error", [
    ("http://127.0.0.2:{port}/ok", "refused: private address 127.0.0.2"),
    ("http://2130706434:{port}/ok", "refused: private address 127.0.0.2"),
    ("http://[::ffff:127.0.0.2]:{port}/ok", "refused: private address 127.0.0.2 (written ::ffff"),
])
def test_feed_on_loopback_cannot_redirect_to_another_loopback_host(feed, target, location, error):
    before = hits(target)
    result = fetch(redirect_to(feed, location.format(port=target.port)))
    assert (result.status, result.body) == (0, b"")
    assert result.error.startswith(error), result.error
    assert hits(target) == before


def test_feed_on_127_0_0_1_cannot_redirect_to_localhost(feed, local):
    before = hits(local)
    result = fetch(redirect_to(feed, f"http://localhost:{local.port}/ok"))
    assert result.error == ("refused: private address 127.0.0.1; "
                            "[fetch] allow_private = true allows it")
    assert hits(local) == before


@pytest.mark.parametrize("settings", [FAST, OPEN], ids=["guarded", "allow_private"])
@pytest.mark.parametrize("location", ["http://169.254.169.254/latest/meta-data/",
                                      "http://[fe80::1]/", "http://[::ffff:169.254.169.254]/"])
def test_link_local_redirect_is_refused_even_with_allow_private(feed, settings, location):
    result = fetch(redirect_to(feed, location), settings=settings)
    assert result.status == 0
    assert "refused: private address" in result.error and "link-local" in result.error


@pytest.mark.parametrize("settings", [FAST, OPEN], ids=["guarded", "allow_private"])
@pytest.mark.parametrize("name", ["metadata.google.internal", "METADATA.google.internal.",
                                  "instance-data"])
def test_redirect_to_a_metadata_name_is_refused_before_any_lookup(feed, target, settings, name):
    dns = FakeDNS(**{name.lower().rstrip(".").replace(".", "_"): ["127.0.0.2"],
                     "127_0_0_1": ["127.0.0.1"]})
    before = hits(target)
    result = fetch(redirect_to(feed, f"http://{name}:{target.port}/ok"), settings=settings,
                   resolve=dns)
    assert result.error.startswith("refused: cloud metadata service"), result.error
    assert hits(target) == before


def test_allow_private_lets_a_redirect_reach_another_private_host(feed, target, local):
    assert fetch(redirect_to(feed, target.url("/ok")), settings=OPEN).body == FEED
    assert fetch(redirect_to(feed, f"http://localhost:{local.port}/ok"),
                 settings=OPEN).body == FEED


def test_decimal_ip_is_refused_with_allow_private_too(feed, target):
    before = hits(target)
    result = fetch(redirect_to(feed, f"http://2130706434:{target.port}/ok"), settings=OPEN)
    assert result.error == "refused: unusual IP address spelling 2130706434"
    assert hits(target) == before


def test_a_feed_whose_own_url_is_a_metadata_name_is_fetched(target):
    # Written in config.toml by the person running digest: their call.
    dns = FakeDNS(metadata_google_internal=["127.0.0.2"])
    result = fetch(f"http://metadata.google.internal:{target.port}/ok", resolve=dns)
    assert (result.status, result.body) == (200, FEED)


def test_a_feed_whose_own_url_is_link_local_is_fetched(target):
    # The link-local address is the configured host; the fake DNS routes it to 127.0.0.2.
    dns = FakeDNS(**{"169_254_169_254": ["127.0.0.2"]})
    result = fetch(f"http://169.254.169.254:{target.port}/ok", resolve=dns)
    assert (result.status, result.body) == (200, FEED)


def test_same_host_redirect_of_a_loopback_feed_is_followed(feed):
    result = fetch(redirect_to(feed, feed.url("/ok")))
    assert (result.status, result.body) == (200, FEED)


def test_trust_covers_every_port_of_the_configured_host(feed, local):
    # A decision, not an accident: trust is for the machine named in config.toml (as the
    # address guard judges machines, not services), so another port of 127.0.0.1 is reached.
    before = hits(local)
    result = fetch(redirect_to(feed, f"http://127.0.0.1:{local.port}/ok"))
    assert (result.status, result.body) == (200, FEED)
    assert hits(local) == before + 1


@pytest.mark.parametrize("settings, refused", [(FAST, True), (OPEN, False)],
                         ids=["guarded", "allow_private"])
def test_a_remembered_301_to_another_loopback_host_is_guarded(target, settings, refused):
    before = hits(target)
    result = fetch(target.url("/ok"), settings=settings, trusted=True, origin_host="127.0.0.1")
    assert (result.error or "").startswith("refused: private address 127.0.0.2") == refused
    assert hits(target) == before + (0 if refused else 1)


def test_a_remembered_301_to_link_local_is_refused_with_allow_private(target):
    dns = FakeDNS(moved_example=["169.254.169.254"])
    result = fetch(f"http://moved.example:{target.port}/ok", settings=OPEN, resolve=dns,
                   trusted=True, origin_host="127.0.0.1")
    assert result.error.startswith("refused: private address 169.254.169.254 (link-local")


def test_a_build_never_shows_what_a_redirected_feed_found_on_another_loopback_host(
        feed, target, tmp_path):
    from typer.testing import CliRunner

    from digest.cli import app
    from tests.hostile import rss

    leak = rss(2, title="Internal").replace(b"Item 0", b"Internal admin note").replace(b"2023", b"2026")
    secret = target.add("/internal.xml", body=leak, headers={"Content-Type": "application/rss+xml"})
    good = feed.add("/good.xml", body=rss(2).replace(b"2023", b"2026"),
                    headers={"Content-Type": "application/rss+xml"})
    config = tmp_path / "config.toml"
    config.write_text(
        '[fetch]\ntimeout = 2\n[articles]\nfetch = false\n[email]\nto = ["r@example.com"]\n'
        "[rank]\nmin_score = 0.0\n[digest]\nlookback_hours = 8760\n"
        f'[[feeds]]\nname = "Good"\nurl = "{good}"\n'
        f'[[feeds]]\nname = "Moved"\nurl = "{redirect_to(feed, secret)}"\n')
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["build", "--config", str(config), "--out", str(out),
                                      "--now", "2026-01-03T00:00:00Z"])
    assert result.exit_code == 0, result.output
    assert "1 feed failed" in result.output
    assert b"Internal admin note" not in (out / "digest.eml").read_bytes()
    assert "/internal.xml" not in [s.path for s in target.seen]
