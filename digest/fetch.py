"""The fetch edge: HTTP(S) and local files, with timeouts, size caps and an address guard.

``Fetcher.fetch_all`` never raises for a network or HTTP problem; each failure becomes a
``Fetched`` whose ``error`` says what went wrong in plain words.

The address guard lives in the network backend (``_GuardedBackend``): every TCP connection
resolves the host itself and connects to an address it has just checked, so a name that
resolves to a private address (DNS rebinding, redirects, ``http://2130706433/``) is refused at
connect time, whatever URL led there. TLS still uses the original host name for SNI and
certificate checks because httpcore passes it to ``start_tls`` separately.
"""

from __future__ import annotations

import asyncio
import functools
import ipaddress
import logging
import socket
import ssl
import sys
import time
import zlib
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import brotli
import httpcore
import httpx

from digest.config import MIB, FetchSettings
from digest.model import Fetched

log = logging.getLogger(__name__)

_REDIRECTS = (301, 302, 303, 307, 308)
_PERMANENT = (301, 308)
_CHUNK = 64 * 1024
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


# Looks a host name up: (host, port) -> addresses, raising FetchProblem when there are none.
Resolver = Callable[[str, int], Awaitable[list[str]]]


class FetchProblem(Exception):
    """A request failed in a way we can describe; ``str(self)`` is the plain-words reason."""


class _Refused(FetchProblem):
    """The address guard refused a connection."""


class Fetcher:
    """Fetches many URLs concurrently under the limits in ``FetchSettings``."""

    def __init__(self, settings: FetchSettings, *, progress: bool = False,
                 resolve: Resolver | None = None) -> None:
        self.settings = settings
        self.progress = progress
        self.resolve = resolve or resolve_host  # tests pass a fake DNS here

    def fetch_all(self, requests: Sequence[FetchRequest], *, label: str = "feeds") -> list[Fetched]:
        """Fetch every request concurrently; return one ``Fetched`` per request, in order."""
        if not requests:
            return []
        return asyncio.run(self._fetch_all(list(requests), label))

    async def _fetch_all(self, requests: list[FetchRequest], label: str) -> list[Fetched]:
        session = _Session(self.settings, self.resolve)
        try:
            with _progress(label, len(requests), enabled=self.progress) as advance:

                async def one(request: FetchRequest) -> Fetched:
                    result = await session.fetch(request)
                    advance()
                    return result

                return list(await asyncio.gather(*(one(r) for r in requests)))
        finally:
            await session.close()


class _Session:
    """Clients, semaphores and the per-request logic for one ``fetch_all`` call."""

    def __init__(self, settings: FetchSettings, resolve: Resolver) -> None:
        self.settings = settings
        self.open_client = _client(settings, _GuardedBackend(resolve, guard=False))
        self.guarded_client = _client(
            settings, _GuardedBackend(resolve, guard=not settings.allow_private))
        self.slots = asyncio.Semaphore(settings.concurrency)
        self.hosts: dict[str, asyncio.Semaphore] = {}

    async def close(self) -> None:
        await self.open_client.aclose()
        await self.guarded_client.aclose()

    async def fetch(self, request: FetchRequest) -> Fetched:
        """Fetch one request under the global and per-host limits; never raise."""
        per_host = self.hosts.setdefault(_host_of(request.url),
                                         asyncio.Semaphore(self.settings.per_host))
        # The host's slot first: a task waiting for a busy host must not hold a global slot
        # that requests to other hosts could use.
        async with per_host, self.slots:
            started = time.monotonic()
            result = await self._fetch_guarded(request)
            log.debug("%s -> %s in %.2f s", request.url, result.status, time.monotonic() - started)
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
            raise FetchProblem(f"too large (over {_size(cap)})")
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
        """The unguarded client for a trusted feed's own host and same-host links; else guarded.

        Trust covers the host named in config.toml, not wherever it redirects: a feed on a
        public name that redirects to 169.254.169.254 or to loopback is refused like any link.
        A feed configured on a private address (a local setup) may redirect anywhere.
        """
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise FetchProblem(f"refused: only http(s) links are fetched, not {parts.scheme}:")
        host = (parts.hostname or "").lower()
        if not host:
            raise FetchProblem(f"invalid URL (no host): {url}")
        # A trusted request may name its configured host (origin_host) when it asks for a URL
        # remembered from a 301: the new host is then guarded like any other.
        own = request.origin_host if request.origin_host is not None else _host_of(request.url)
        origin = (own if request.trusted else request.origin_host or "").lower()
        if host == origin or (request.trusted and _is_private_name(origin)):
            return self.open_client
        _check_literal_host(host, allow_private=self.settings.allow_private)
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
        common: dict[str, Any] = dict(url=request.url, final_url=url, status=status, headers=headers,
                                      permanent_url=permanent)
        if status == 304:
            return Fetched(**common)
        if not 200 <= status < 300:
            retry = _retry_after(response.headers.get("retry-after"), response.headers.get("date"))
            return Fetched(**common, error=f"HTTP {status}", retry_after=retry)
        body = await _read_body(response, self.settings.max_bytes)
        return Fetched(**common, body=body)


def _client(settings: FetchSettings, backend: httpcore.AsyncNetworkBackend) -> httpx.AsyncClient:
    """An AsyncClient whose connections go through our resolving, checking backend."""
    timeout = httpx.Timeout(settings.timeout, connect=settings.connect_timeout)
    limits = httpx.Limits(max_connections=settings.concurrency,
                          max_keepalive_connections=settings.concurrency)
    # trust_env=False: a proxy from the environment would connect for us and bypass the guard.
    transport = httpx.AsyncHTTPTransport(verify=_ssl_context(), limits=limits, trust_env=False)
    # httpx has no public hook for the network backend; its pool is rebuilt with ours.
    transport._pool = httpcore.AsyncConnectionPool(  # noqa: SLF001
        ssl_context=_ssl_context(),
        max_connections=limits.max_connections,
        max_keepalive_connections=limits.max_keepalive_connections,
        keepalive_expiry=limits.keepalive_expiry,
        network_backend=backend,
    )
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


class _GuardedBackend(httpcore.AsyncNetworkBackend):
    """Resolve the host ourselves; with ``guard``, connect only to public addresses."""

    def __init__(self, resolve: Resolver, *, guard: bool) -> None:
        self.resolve = resolve
        self.guard = guard
        self.inner = httpcore.AnyIOBackend()

    async def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        addresses = await self.resolve(host, port)
        if self.guard:
            bad = [a for a in addresses if not _is_public(a)]
            if bad:
                # Refuse when any answer is private: a rebinding name mixes both kinds.
                raise _Refused(f"refused: private address {bad[0]}")
        last: Exception | None = None
        for address in addresses:
            try:
                return await self.inner.connect_tcp(
                    address, port, timeout=timeout, local_address=local_address,
                    socket_options=socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last = exc
        assert last is not None
        raise last

    async def connect_unix_socket(self, path, timeout=None, socket_options=None):
        raise _Refused("refused: unix sockets are not used")

    async def sleep(self, seconds: float) -> None:
        await self.inner.sleep(seconds)


async def resolve_host(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to, IPv4 first; FetchProblem when there are none."""
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise FetchProblem(f"DNS lookup failed for {host}") from None
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    addresses.sort(key=lambda a: ":" in a)
    if not addresses:
        raise FetchProblem(f"DNS lookup failed for {host}")
    return addresses


def _is_public(address: str) -> bool:
    """True for a globally routable unicast address (not loopback, private, link-local …)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def _is_private_name(host: str) -> bool:
    """True for ``localhost`` and literal non-public addresses (no DNS is asked)."""
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return not _is_public(str(ipaddress.ip_address(host.strip("[]"))))
    except ValueError:
        return False


def _check_literal_host(host: str, *, allow_private: bool) -> None:
    """Refuse odd spellings of IP addresses (``2130706433``, ``0177.0.0.1``, ``0x7f.1``)."""
    host = host.strip("[]")
    try:
        ipaddress.ip_address(host)
        return  # a canonical address: the connect-time check handles it
    except ValueError:
        pass
    if not all(c in "0123456789abcdefx." for c in host) or not host[0].isdigit():
        return
    try:
        address = socket.inet_ntoa(socket.inet_aton(host))
    except OSError:
        return
    if not allow_private and not _is_public(address):
        raise _Refused(f"refused: private address {address} (written {host})")
    raise _Refused(f"refused: unusual IP address spelling {host}")


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


async def _read_body(response: httpx.Response, cap: int) -> bytes:
    """The decoded body, refused once it grows past ``cap`` bytes."""
    declared = response.headers.get("content-length", "")
    encoding = response.headers.get("content-encoding", "").strip().lower()
    if declared.isdigit() and int(declared) > cap and encoding in ("", "identity"):
        raise FetchProblem(f"too large (over {_size(cap)})")
    parts, total = [], 0
    async for piece in _decoded(response.aiter_raw(_CHUNK), encoding, limit=cap + 1):
        parts.append(piece)
        total += len(piece)
        if total > cap:
            raise FetchProblem(f"too large (over {_size(cap)})")
    return b"".join(parts)


async def _decoded(raw: AsyncIterator[bytes], encoding: str, *,
                   limit: int) -> AsyncIterator[bytes]:
    """Decode ``raw`` by Content-Encoding, never producing much more than ``limit`` bytes."""
    codings = [c.strip() for c in encoding.split(",") if c.strip() not in ("", "identity")]
    if not codings:
        async for chunk in raw:
            yield chunk
        return
    if len(codings) > 1:
        raise FetchProblem(f"unsupported content encoding {encoding!r}")
    decoder = _Decoder(codings[0])
    produced = 0
    async for chunk in raw:
        for piece in decoder.feed(chunk, limit - produced):
            produced += len(piece)
            yield piece
            if produced >= limit:
                return
    yield decoder.flush()


class _Decoder:
    """Bounded incremental gzip/deflate/brotli decoding (a bomb stops at the limit)."""

    def __init__(self, coding: str) -> None:
        if coding not in ("gzip", "x-gzip", "deflate", "br"):
            raise FetchProblem(f"unsupported content encoding {coding!r}")
        self.coding = coding
        self.first = True
        self.started = False  # produced output already: a later error is real damage
        self.passthrough = False  # the body was not compressed after all
        wbits = zlib.MAX_WBITS | 16 if coding in ("gzip", "x-gzip") else zlib.MAX_WBITS
        self.zlib = zlib.decompressobj(wbits)  # unused for br
        self.brotli = brotli.Decompressor() if coding == "br" else None

    def feed(self, data: bytes, room: int) -> list[bytes]:
        """Decode ``data``; return pieces totalling at most about ``room`` + one chunk."""
        if self.passthrough:
            return [data]
        try:
            feed = self._feed_brotli if self.brotli is not None else self._feed_zlib
            pieces = feed(data, room)
        except (zlib.error, brotli.error) as exc:
            if self.started or not _looks_like_text(data):
                raise FetchProblem(f"could not decompress the {self.coding} body: {exc}") from None
            # Some servers label a plain body as compressed; read it as it is.
            self.passthrough = True
            return [data]
        self.started = self.started or any(pieces)
        return pieces

    def _feed_zlib(self, data: bytes, room: int) -> list[bytes]:
        if self.first and self.coding == "deflate" and data and (data[0] & 0x0F) != 8:
            # Some servers send raw deflate without the zlib header.
            self.zlib = zlib.decompressobj(-zlib.MAX_WBITS)
        self.first = False
        pieces = []
        while data and room > 0:
            piece = self.zlib.decompress(data, min(room, _CHUNK))
            pieces.append(piece)
            room -= len(piece)
            data = self.zlib.unconsumed_tail
        return pieces

    def _feed_brotli(self, data: bytes, room: int) -> list[bytes]:
        decoder = self.brotli
        assert decoder is not None  # only called for br
        pieces = [decoder.process(data, output_buffer_limit=_CHUNK)]
        room -= len(pieces[0])
        while room > 0 and not decoder.can_accept_more_data():
            piece = decoder.process(b"", output_buffer_limit=_CHUNK)
            if not piece:
                break
            pieces.append(piece)
            room -= len(piece)
        return pieces

    def flush(self) -> bytes:
        if self.passthrough or self.zlib is None:
            return b""
        return self.zlib.flush()


def _looks_like_text(data: bytes) -> bool:
    """True when ``data`` starts like an XML, HTML or JSON document."""
    return data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"<", b"{", b"[")


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


def _size(n: int) -> str:
    if n % MIB == 0:
        return f"{n // MIB} MiB"
    if n % 1024 == 0:
        return f"{n // 1024} KiB"
    return f"{n} bytes"


class _progress:
    """A rich progress bar on a terminal; a no-op elsewhere. Yields an ``advance()``."""

    def __init__(self, label: str, total: int, *, enabled: bool) -> None:
        self.bar = None
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
