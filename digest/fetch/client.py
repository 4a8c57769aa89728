"""One HTTP(S) request: the two clients, conditional GET, redirects followed hop by hop, and the
last response as a ``Fetched`` (its body decoded and capped by ``digest.decoder``).

Trust covers exactly the host written in config.toml, on any port: a feed's own host is fetched
with no address guard (a local setup may name 127.0.0.1 or a link-local box); every other host,
reached by a redirect, a remembered 301 or a link in a feed, goes through ``digest.guard``. The
port is left out on purpose: the guard judges machines, not services, and a LAN feed's
http -> https redirect changes the port.
"""

from __future__ import annotations

import functools
import ssl
import time
from collections.abc import Callable
from dataclasses import replace
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

import httpx

from digest.config import FetchSettings
from digest.decoder import read_body
from digest.errors import FetchProblem
from digest.guard import GuardedBackend, Resolver, check_host
from digest.model import Fetched
from digest.transport import HostPools

if TYPE_CHECKING:
    from digest.fetch import FetchRequest

_REDIRECTS = (301, 302, 303, 307, 308)
_PERMANENT = (301, 308)
# Headers that described the wire format; the body we hand on is already decoded.
_WIRE_HEADERS = ("content-encoding", "content-length", "transfer-encoding")


class Clients:
    """The unguarded client for a request's one trusted host and the guarded client for any other."""

    def __init__(self, settings: FetchSettings, resolve: Resolver, context: ssl.SSLContext | None) -> None:
        self.settings = settings
        tls = context or _ssl_context  # the system's CAs, loaded when the first https host needs them
        self.open_client = _client(settings, GuardedBackend(resolve, allow_private=None), tls)
        self.guarded_client = _client(
            settings, GuardedBackend(resolve, allow_private=settings.allow_private), tls)

    async def close(self) -> None:
        await self.open_client.aclose()
        await self.guarded_client.aclose()

    async def get(self, request: FetchRequest) -> Fetched:
        """Follow redirects ourselves so that every hop is checked again."""
        url, permanent, still_permanent = request.url, None, True
        for _hop in range(self.settings.max_redirects + 1):
            client = self._client_for(request, url)
            async with client.stream("GET", url, headers=_request_headers(request)) as response:
                location = response.headers.get("location")
                if response.status_code not in _REDIRECTS:
                    return await self._finish(request, response, url=url, permanent=permanent)
                if not location:
                    raise FetchProblem(f"HTTP {response.status_code} redirect without a Location")
            url = urljoin(url, location.strip())
            still_permanent = still_permanent and response.status_code in _PERMANENT
            permanent = url if still_permanent else permanent
        raise FetchProblem("too many redirects")

    def _client_for(self, request: FetchRequest, url: str) -> httpx.AsyncClient:
        """The unguarded client for the one trusted host; the guarded client for any other.

        Trust covers the host named in config.toml and nothing it leads to: a feed on
        127.0.0.1 that redirects to 127.0.0.2, ``localhost`` or 169.254.169.254 is refused
        like a link would be (``allow_private`` lets links reach private addresses, never
        link-local ones or metadata services).
        """
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise FetchProblem(f"refused: only http(s) links are fetched, not {parts.scheme}:")
        host = (parts.hostname or "").lower()
        if not host:
            raise FetchProblem(f"invalid URL (no host): {url}")
        if host == _trusted_host(request):
            return self.open_client
        check_host(host, allow_private=self.settings.allow_private)
        return self.guarded_client

    async def _finish(self, request: FetchRequest, response: httpx.Response, *, url: str,
                      permanent: str | None) -> Fetched:
        """Turn the last response of a redirect chain into a ``Fetched``."""
        status = response.status_code
        headers = tuple(
            (k.decode("latin-1").lower(), v.decode("latin-1"))
            for k, v in response.headers.raw
            if k.decode("latin-1").lower() not in _WIRE_HEADERS
        )
        answer = Fetched(url=request.url, final_url=url, status=status, headers=headers,
                         permanent_url=permanent)
        if status == 304:
            return answer
        if not 200 <= status < 300:
            retry = _retry_after(response.headers.get("retry-after"), response.headers.get("date"))
            return replace(answer, error=f"HTTP {status}", retry_after=retry)
        return replace(answer, body=await read_body(response, self.settings.max_bytes))


def _trusted_host(request: FetchRequest) -> str:
    """The one host ``request`` may reach unguarded: the configured feed's, or a link's feed's.

    A trusted request names its configured host in ``origin_host`` when it asks for a URL
    remembered from a 301: the new host is then guarded like any other.
    """
    if request.trusted and request.origin_host is None:
        return host_of(request.url)
    return (request.origin_host or "").lower()


def _client(settings: FetchSettings, backend: GuardedBackend,
            context: ssl.SSLContext | Callable[[], ssl.SSLContext]) -> httpx.AsyncClient:
    """An AsyncClient whose connections go through our resolving, checking backend.

    HTTP/2 where the server offers it (ALPN): many feeds of one host share one connection.
    """
    timeout = httpx.Timeout(settings.timeout, connect=settings.connect_timeout)
    limits = httpx.Limits(max_connections=settings.concurrency,
                          max_keepalive_connections=settings.concurrency)
    transport = HostPools(backend, ssl_context=context, limits=limits)
    # trust_env=False: a proxy from the environment would connect for us and bypass the guard.
    return httpx.AsyncClient(
        transport=transport,
        timeout=timeout,
        follow_redirects=False,
        trust_env=False,
        headers={"User-Agent": settings.user_agent, "Accept-Encoding": "gzip, deflate, br"},
    )


@functools.cache
def _ssl_context() -> ssl.SSLContext:
    """One verifying TLS context per process: loading the CA bundle costs ~50 ms."""
    return httpx.create_ssl_context()


def host_of(url: str) -> str:
    """The lower-case host of ``url``; '' for paths and unparsable URLs."""
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def _request_headers(request: FetchRequest) -> dict[str, str]:
    headers = {}
    if request.etag:
        headers["If-None-Match"] = request.etag
    if request.last_modified:
        headers["If-Modified-Since"] = request.last_modified
    return headers


def _retry_after(value: str | None, date: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
        base = parsedate_to_datetime(date) if date else None
    except (TypeError, ValueError):
        return None
    now = base.timestamp() if base else time.time()
    return max(0.0, when.timestamp() - now)


def describe(exc: httpx.HTTPError, settings: FetchSettings) -> str:
    """Plain words for an httpx failure."""
    if isinstance(exc, httpx.ConnectTimeout):
        return f"connect timeout after {settings.connect_timeout:g} s"
    if isinstance(exc, httpx.TimeoutException):
        return f"timeout after {settings.timeout:g} s"
    if isinstance(exc, httpx.ConnectError):
        return f"connection failed: {exc or 'refused'}"
    if isinstance(exc, httpx.RemoteProtocolError):
        return f"server broke the HTTP protocol: {exc}"
    if isinstance(exc, httpx.InvalidURL):
        return f"invalid URL: {exc}"
    if isinstance(exc, httpx.UnsupportedProtocol):
        return f"unsupported URL: {exc}"
    if isinstance(exc, httpx.DecodingError):
        return f"could not decode the body: {exc}"
    return f"{type(exc).__name__}: {exc}"
