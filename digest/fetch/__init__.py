"""The fetch edge: HTTP(S) and local files, with timeouts, size caps and an address guard.

``Fetcher.fetch_all`` never raises for a network or HTTP problem; each failure becomes a
``Fetched`` whose ``error`` says what went wrong in plain words.

This module holds the limits every request runs under (``concurrency`` in flight in all, its
host's adaptive share from ``digest.throttle``, ``timeout`` for the whole of it), reads local
feed files and shows the progress bar; one HTTP request, its redirects and the hosts it may
reach are ``fetch.client``'s.
"""

from __future__ import annotations

import asyncio
import logging
import ssl
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import httpx

from digest.config import FetchSettings
from digest.decoder import size_text
from digest.errors import FetchProblem
from digest.fetch.client import Clients, describe, host_of
from digest.guard import Resolver, resolve_host
from digest.model import Fetched
from digest.throttle import HostThrottle

if TYPE_CHECKING:
    from rich.progress import Progress

log = logging.getLogger(__name__)


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
        session = _Session(self.settings, self.resolve, self.ssl_context)
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
    """The clients, the global and per-host limits, and the per-request logic for one ``fetch_all`` call."""

    def __init__(self, settings: FetchSettings, resolve: Resolver, context: ssl.SSLContext | None) -> None:
        self.settings = settings
        self.clients = Clients(settings, resolve, context)
        self.slots = asyncio.Semaphore(settings.concurrency)
        self.hosts: dict[str, HostThrottle] = {}

    async def close(self) -> None:
        await self.clients.close()

    async def fetch(self, request: FetchRequest) -> Fetched:
        """Fetch one request under the global and the host's adaptive limit; never raise."""
        if _is_path(request.url):
            async with self.slots:
                return await self._fetch_guarded(request)
        host = host_of(request.url)
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
            return await asyncio.wait_for(self.clients.get(request), timeout)
        except TimeoutError:
            return _failed(request, f"timeout after {timeout:g} s")
        except FetchProblem as exc:
            return _failed(request, str(exc))
        except httpx.HTTPError as exc:
            return _failed(request, describe(exc, self.settings))
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


def _read_capped(path: Path, cap: int) -> bytes:
    with path.open("rb") as handle:
        return handle.read(cap + 1)


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
