"""The fetch edge: HTTP(S) and local files, with timeouts, size caps and an address guard.

``Fetcher.fetch_all`` never raises for a network or HTTP problem; each failure becomes a
``Fetched`` whose ``error`` says what went wrong in plain words.

Trust covers exactly the host written in config.toml, on any port: a feed's own host is fetched
with no address guard (a local setup may name 127.0.0.1 or a link-local box); every other host,
reached by a redirect, a remembered 301 or a link in a feed, goes through ``digest.guard``. The
port is left out on purpose: the guard judges machines, not services, and a LAN feed's
http -> https redirect changes the port.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import ssl
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

import httpx

from digest.config import FetchSettings
from digest.decoder import read_body, size_text
from digest.errors import FetchProblem
from digest.guard import GuardedBackend, Resolver, check_host, resolve_host
from digest.model import Fetched
from digest.throttle import HostThrottle
from digest.transport import HostPools

if TYPE_CHECKING:
    from rich.progress import Progress

log = logging.getLogger(__name__)

_REDIRECTS = (301, 302, 303, 307, 308)
_PERMANENT = (301, 308)
# Headers that described the wire format; the body we hand on is already decoded.
_WIRE_HEADERS = ("content-encoding", "content-length", "transfer-encoding")


@dataclass(frozen=True)
class FetchRequest:
    """One thing to fetch."""

    url: str  # http(s) URL, or an absolute file path (trusted feeds only)
    trusted: bool = True  # listed in config.toml: may go anywhere, incl. loopback & files
    origin_host: str | None = None  # for untrusted links: the feed's host, which is allowed
    etag: str | None = None  # validator for conditional GET (If-None-Match)
    last_modified: str | None = None  # validator for conditional GET (If-Modified-Since)


class Fetcher:
    """Fetches many URLs concurrently under the limits in ``FetchSettings``."""

    def __init__(self, settings: FetchSettings, *, progress: bool = False,
                 resolve: Resolver | None = None, ssl_context: ssl.SSLContext | None = None) -> None:
        self.settings = settings
        self.progress = progress
        self.resolve = resolve or resolve_host  # tests pass a fake DNS here
        self.ssl_context = ssl_context  # tests trust their own certificate; default: the system's
        self.peaks: dict[str, int] = {}  # most requests in flight per host, last fetch_all

    def fetch_all(self, requests: Sequence[FetchRequest], *, label: str = "feeds",
                  on_result: Callable[[int, Fetched], None] | None = None) -> list[Fetched]:
        """Fetch every request concurrently; return one ``Fetched`` per request, in order.

        ``on_result(i, fetched)`` is called as each request ``i`` completes, between network
        waits: work done there overlaps the wait for the others.
        """
        if not requests:
            return []
        return asyncio.run(self._fetch_all(list(requests), label, on_result))

    async def _fetch_all(self, requests: list[FetchRequest], label: str,
                         on_result: Callable[[int, Fetched], None] | None) -> list[Fetched]:
        session = _Session(self.settings, self.resolve, self.ssl_context or _ssl_context)
        try:
            with _progress(label, len(requests), enabled=self.progress) as advance:

                async def one(index: int, request: FetchRequest) -> Fetched:
                    result = await session.fetch(request)
                    advance()
                    if on_result is not None:
                        on_result(index, result)
                    return result

                return list(await asyncio.gather(*(one(i, r) for i, r in enumerate(requests))))
        finally:
            self.peaks = {host: t.peak for host, t in session.hosts.items()}
            await session.close()


class _Session:
    """Clients, semaphores and the per-request logic for one ``fetch_all`` call."""

    def __init__(self, settings: FetchSettings, resolve: Resolver,
                 context: ssl.SSLContext | Callable[[], ssl.SSLContext]) -> None:
        self.settings = settings
        self.open_client = _client(settings, GuardedBackend(resolve, allow_private=None), context)
        self.guarded_client = _client(
            settings, GuardedBackend(resolve, allow_private=settings.allow_private), context)
        self.slots = asyncio.Semaphore(settings.concurrency)
        self.hosts: dict[str, HostThrottle] = {}

    async def close(self) -> None:
        await self.open_client.aclose()
        await self.guarded_client.aclose()

    async def fetch(self, request: FetchRequest) -> Fetched:
        """Fetch one request under the global and the host's adaptive limit; never raise."""
        if _is_path(request.url):
            async with self.slots:
                return await self._fetch_guarded(request)
        host = _host_of(request.url)
        if host not in self.hosts:
            self.hosts[host] = HostThrottle(self.settings.per_host, self.settings.per_host_max,
                                            max_wait=self.settings.timeout)
        # The host's slot first: a task waiting for a busy host must not hold a global slot
        # that requests to other hosts could use.
        async with self.hosts[host].slot() as slot, self.slots:
            result = await self._fetch_guarded(request)
            slot.done(status=result.status, retry_after=result.retry_after)
        log.debug("%s -> %s", request.url, result.status)
        return result

    async def _fetch_guarded(self, request: FetchRequest) -> Fetched:
        timeout = self.settings.timeout
        try:
            if _is_path(request.url):
                return await asyncio.wait_for(self._read_file(request), timeout)
            return await asyncio.wait_for(self._fetch_http(request), timeout)
        except TimeoutError:
            return _failed(request, f"timeout after {timeout:g} s")
        except FetchProblem as exc:
            return _failed(request, str(exc))
        except httpx.HTTPError as exc:
            return _failed(request, _describe(exc, self.settings))
        except (httpx.InvalidURL, ValueError, UnicodeError) as exc:
            # A malformed URL in a feed or a Location header (bad IPv6, bad IDNA name …).
            return _failed(request, f"invalid URL: {exc}")

    async def _read_file(self, request: FetchRequest) -> Fetched:
        """Read a local feed file (trusted requests only), capped like a response body."""
        if not request.trusted:
            raise FetchProblem("refused: file paths are allowed only for feeds in config.toml")
        path = Path(urlsplit(request.url).path if request.url.startswith("file:") else request.url)
        cap = self.settings.max_bytes
        try:
            body = await asyncio.to_thread(_read_capped, path, cap)
        except FileNotFoundError:
            raise FetchProblem(f"file not found: {path}") from None
        except OSError as exc:
            raise FetchProblem(f"cannot read {path}: {exc.strerror or exc}") from None
        if len(body) > cap:
            raise FetchProblem(f"too large (over {size_text(cap)})")
        return Fetched(url=request.url, final_url=request.url, status=200, body=body)

    async def _fetch_http(self, request: FetchRequest) -> Fetched:
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
        return _host_of(request.url)
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


def _host_of(url: str) -> str:
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


def _read_capped(path: Path, cap: int) -> bytes:
    with path.open("rb") as handle:
        return handle.read(cap + 1)


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


def _describe(exc: httpx.HTTPError, settings: FetchSettings) -> str:
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


def _failed(request: FetchRequest, error: str) -> Fetched:
    log.info("%s: %s", request.url, error)
    return Fetched(url=request.url, final_url=request.url, status=0, error=error)


def _is_path(url: str) -> bool:
    """True for a local file: an absolute path or a file: URL."""
    return url.startswith("/") or url.lower().startswith("file:") or (
        len(url) > 2 and url[1] == ":" and url[0].isalpha() and url[2] in "\\/")


class _progress:
    """A rich progress bar on a terminal; a no-op elsewhere. Yields an ``advance()``."""

    def __init__(self, label: str, total: int, *, enabled: bool) -> None:
        self.bar: Progress | None = None
        if enabled and sys.stderr.isatty():
            from rich.progress import Progress

            self.bar = Progress(transient=True)
            self.task = self.bar.add_task(f"Fetching {label}", total=total)

    def __enter__(self) -> Callable[[], None]:
        bar = self.bar
        if bar is None:
            return lambda: None
        bar.start()
        return lambda: bar.advance(self.task)

    def __exit__(self, *exc_info: object) -> None:
        if self.bar is not None:
            self.bar.stop()
