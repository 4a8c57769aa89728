"""HTTP/2 where the server offers it, HTTP/1.1 where it does not: a real hypercorn on loopback."""

from __future__ import annotations

import ssl
from dataclasses import replace

import pytest

from digest.fetch import Fetcher, FetchRequest
from tests.h2server import H2Server
from tests.smtpserver import self_signed
from tests.test_fetch import FAST

SETTINGS = replace(FAST, timeout=10.0, per_host=4, per_host_max=16)


@pytest.fixture(scope="module")
def cert(tmp_path_factory):
    return self_signed(tmp_path_factory.mktemp("h2tls"))


def fetch_many(server: H2Server, cert, count: int) -> list:
    context = ssl.create_default_context(cafile=str(cert.cert))
    fetcher = Fetcher(SETTINGS, ssl_context=context)
    return fetcher.fetch_all([FetchRequest(server.url(f"/feed/{i}")) for i in range(count)])


def test_many_feeds_of_one_host_share_one_http2_connection(cert):
    with H2Server(cert.cert, cert.key, delay=0.1) as server:
        results = fetch_many(server, cert, 30)
    assert [(r.status, r.error) for r in results] == [(200, None)] * 30
    assert b"Feed at /feed/29" in results[29].body
    assert {h.http_version for h in server.hits} == {"2"}
    assert server.connections == 1, server.connections


def test_a_server_offering_only_http1_is_fetched_over_http1(cert):
    with H2Server(cert.cert, cert.key, alpn=("http/1.1",), delay=0.1) as server:
        results = fetch_many(server, cert, 30)
    assert [(r.status, r.error) for r in results] == [(200, None)] * 30
    assert {h.http_version for h in server.hits} == {"1.1"}
    assert 1 < server.connections <= SETTINGS.per_host_max, server.connections


def test_an_untrusted_certificate_is_refused(cert):
    with H2Server(cert.cert, cert.key) as server:
        result = Fetcher(SETTINGS).fetch_all([FetchRequest(server.url("/feed/0"))])[0]
    assert result.status == 0
    assert "CERTIFICATE_VERIFY_FAILED" in result.error
    assert server.hits == []


def test_the_ca_bundle_is_loaded_for_the_first_https_host_only(cert):
    from digest.fetch import client as fetch_client
    from tests.hostile import HostileServer

    fetch_client._ssl_context.cache_clear()
    with HostileServer() as plain:
        result = Fetcher(SETTINGS).fetch_all([FetchRequest(plain.url("/feed"))])[0]
    assert result.status == 200
    assert fetch_client._ssl_context.cache_info().currsize == 0  # plain http: no TLS context made
    with H2Server(cert.cert, cert.key) as server:
        results = Fetcher(SETTINGS).fetch_all([FetchRequest(server.url(f"/feed/{i}")) for i in range(3)])
    assert all("CERTIFICATE_VERIFY_FAILED" in r.error for r in results)  # verified with the system's CAs
    assert fetch_client._ssl_context.cache_info().currsize == 1
