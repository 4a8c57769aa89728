"""An httpx transport over an httpcore connection pool that uses our own network backend.

httpx's ``AsyncHTTPTransport`` builds its pool with httpcore's default backend and offers no
hook for another; this transport owns its ``httpcore.AsyncConnectionPool`` instead, so every
connection goes through the address guard. HTTP/2 is used where the server offers it (ALPN).
"""

from __future__ import annotations

import ssl
from collections.abc import AsyncIterable, AsyncIterator, Callable

import httpcore
import httpx

_CORE_ERRORS = (httpcore.TimeoutException, httpcore.NetworkError, httpcore.ProtocolError,
                httpcore.UnsupportedProtocol)


class PoolTransport(httpx.AsyncBaseTransport):
    """Send httpx requests through an httpcore pool built on ``backend``."""

    def __init__(self, backend: httpcore.AsyncNetworkBackend, *, ssl_context: ssl.SSLContext | None,
                 limits: httpx.Limits, http2: bool = True) -> None:
        self.pool = httpcore.AsyncConnectionPool(
            ssl_context=ssl_context,
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            http1=True,
            http2=http2,
            network_backend=backend,
        )

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send ``request``; httpcore's errors come back as the matching httpx errors."""
        assert isinstance(request.stream, httpx.AsyncByteStream)
        core = httpcore.Request(
            method=request.method,
            url=httpcore.URL(scheme=request.url.raw_scheme, host=request.url.raw_host,
                             port=request.url.port, target=request.url.raw_path),
            headers=request.headers.raw,
            content=request.stream,
            extensions=request.extensions,
        )
        try:
            answer = await self.pool.handle_async_request(core)
        except _CORE_ERRORS as exc:
            raise as_httpx(exc) from exc
        assert isinstance(answer.stream, AsyncIterable)  # an async pool streams asynchronously
        return httpx.Response(status_code=answer.status, headers=answer.headers,
                              stream=_Stream(answer.stream), extensions=answer.extensions)

    async def aclose(self) -> None:
        await self.pool.aclose()


class HostPools(httpx.AsyncBaseTransport):
    """One ``PoolTransport`` per (scheme, host, port), made on first use.

    httpcore's pool re-scans every connection for every queued request, so one pool with a
    hundred connections being opened at once costs seconds of CPU (encode/httpcore#1035);
    a pool per host keeps each scan to that host's few connections. ``ssl_context`` may be a
    function giving the context: it is called for the first https host only (loading the CA
    bundle is ~20 ms a run of plain-http feeds does not need).
    """

    def __init__(self, backend: httpcore.AsyncNetworkBackend, *,
                 ssl_context: ssl.SSLContext | Callable[[], ssl.SSLContext],
                 limits: httpx.Limits, http2: bool = True) -> None:
        self.settings = (backend, ssl_context, limits, http2)
        self.pools: dict[tuple[bytes, bytes, int | None], PoolTransport] = {}

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send ``request`` through its host's pool."""
        key = (request.url.raw_scheme, request.url.raw_host, request.url.port)
        if key not in self.pools:
            backend, given, limits, http2 = self.settings
            context = None if key[0] != b"https" else given() if callable(given) else given
            self.pools[key] = PoolTransport(backend, ssl_context=context, limits=limits, http2=http2)
        return await self.pools[key].handle_async_request(request)

    async def aclose(self) -> None:
        for pool in self.pools.values():
            await pool.aclose()


class _Stream(httpx.AsyncByteStream):
    """A response body from httpcore, its errors turned into httpx errors."""

    def __init__(self, inner: AsyncIterable[bytes]) -> None:
        self.inner = inner

    async def __aiter__(self) -> AsyncIterator[bytes]:
        try:
            async for part in self.inner:
                yield part
        except _CORE_ERRORS as exc:
            raise as_httpx(exc) from exc

    async def aclose(self) -> None:
        if hasattr(self.inner, "aclose"):
            await self.inner.aclose()


def as_httpx(exc: Exception) -> httpx.TransportError:
    """The httpx error of the same name as httpcore's ``exc`` (ConnectError, ReadTimeout …)."""
    for cls in type(exc).__mro__:
        twin = getattr(httpx, cls.__name__, None)
        if isinstance(twin, type) and issubclass(twin, httpx.TransportError):
            return twin(str(exc))
    return httpx.TransportError(str(exc))
