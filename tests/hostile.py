"""A real HTTP server on loopback, in a thread, with normal and hostile behaviours.

Reusable by any test that needs a web to fetch from::

    with HostileServer(corpus=corpus) as server:  # a folder served under /corpus/
        server.add("/feed.xml", body=b"<rss>…</rss>", headers={"Content-Type": "text/xml"})
        fetched = Fetcher(settings).fetch_all([FetchRequest(server.url("/feed.xml"))])

Built-in paths (query strings configure them):

- ``/ok``                       a small RSS feed
- ``/delay?s=0.3``              the same feed after a pause
- ``/hang``                     accepts, then never answers (until the server stops)
- ``/drip?interval=1``          headers at once, then one body byte per interval, forever
- ``/bomb?mib=200``             a gzip bomb: ``mib`` MiB of zeros, about 1000:1 compressed
- ``/big?mib=50&length=1``      a big body (with or without Content-Length)
- ``/loop``                     redirects to itself
- ``/redirect?to=URL&code=302`` one redirect to URL
- ``/status/CODE?retry_after=V`` that status, with Retry-After when given
- ``/conditional``              ETag + Last-Modified; 304 when the request's validators match
- ``/encoded/gzip|deflate|raw-deflate|br`` the small feed, compressed that way
- ``/feed?items=N``             an RSS feed of N items
- ``/corpus/<path>``            a file under ``corpus``, honouring feedparser's ``Header:``
                                comments (Status, Location, Content-type, ETag …);
                                ``.gz``/``.z`` files go out with Content-Encoding gzip/deflate
"""

from __future__ import annotations

import gzip
import re
import threading
import time
import zlib
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import brotli

ETAG = '"v1-abc"'
LAST_MODIFIED = "Thu, 21 Apr 2011 19:02:20 GMT"


def rss(items: int = 3, *, title: str = "Loopback feed") -> bytes:
    """A valid RSS 2.0 feed with ``items`` items, newest first."""
    parts = [
        f"<item><title>Item {i}</title><link>https://example.com/{i}</link>"
        f"<guid>urn:item:{i}</guid><pubDate>Mon, 02 Jan 2023 10:00:00 GMT</pubDate>"
        f"<description>Text of item {i}.</description></item>"
        for i in range(items)
    ]
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{title}</title><link>https://example.com/</link>{''.join(parts)}"
        f"</channel></rss>"
    ).encode()


FEED = rss()


@dataclass
class Seen:
    """One request the server received."""

    path: str  # path and query
    headers: dict[str, str]  # request headers, lower-case names
    at: float  # time.monotonic() on arrival


@dataclass
class _Route:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)


class HostileServer:
    """A ThreadingHTTPServer on ``host`` (127.0.0.1; any 127.x works on Linux), a free port."""

    def __init__(self, *, corpus: Path | None = None, host: str = "127.0.0.1") -> None:
        self.corpus = corpus
        self.routes: dict[str, _Route] = {}
        self.seen: list[Seen] = []
        self.stopping = threading.Event()
        self.active = 0
        self.max_active = 0
        self._lock = threading.Lock()
        self.host = host
        self.httpd = _Server((host, 0), _handler_for(self))
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def port(self) -> int:
        return self.httpd.server_address[1]

    @property
    def base(self) -> str:
        return f"http://{self.host}:{self.port}"

    def url(self, path: str) -> str:
        """Absolute URL of ``path`` on this server."""
        return self.base + path

    def add(self, path: str, *, body: bytes = b"", status: int = 200,
            headers: dict[str, str] | None = None) -> str:
        """Serve a fixed response at ``path``; return its URL."""
        self.routes[path] = _Route(status=status, body=body, headers=dict(headers or {}))
        return self.url(path)

    def __enter__(self) -> HostileServer:
        self.thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.stopping.set()
        self.httpd.shutdown()
        self.httpd.server_close()

    def _enter(self, seen: Seen) -> None:
        with self._lock:
            self.seen.append(seen)
            self.active += 1
            self.max_active = max(self.max_active, self.active)

    def _leave(self) -> None:
        with self._lock:
            self.active -= 1


class _Server(ThreadingHTTPServer):
    request_queue_size = 256  # the default 5 drops connections when 40 arrive at once
    daemon_threads = True


def _handler_for(server: HostileServer) -> type[BaseHTTPRequestHandler]:
    class Handler(_Handler):
        owner = server

    return Handler


class _Handler(BaseHTTPRequestHandler):
    owner: HostileServer
    protocol_version = "HTTP/1.0"

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - quiet test output
        pass

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self.owner._enter(Seen(self.path, {k.lower(): v for k, v in self.headers.items()},
                               time.monotonic()))
        try:
            self._dispatch()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up, as hostile tests expect it to
        finally:
            self.owner._leave()

    def _dispatch(self) -> None:
        parts = urlsplit(self.path)
        query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        if parts.path in self.owner.routes:
            route = self.owner.routes[parts.path]
            return self.send(route.status, route.body, route.headers)
        name = parts.path.strip("/").split("/", 1)[0]
        handler = getattr(self, f"route_{name.replace('-', '_')}", None)
        if handler is None:
            return self.send(404, b"not here", {"Content-Type": "text/plain"})
        return handler(parts.path, query)

    # -- helpers

    def send(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None,
             *, length: bool = True) -> None:
        self.send_response(status)
        headers = dict(headers or {})
        headers.setdefault("Content-Type", "application/rss+xml; charset=utf-8")
        for key, value in headers.items():
            self.send_header(key, value)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body:
            self.wfile.write(body)

    def wait(self, seconds: float) -> None:
        """Sleep, but wake when the server stops so threads do not outlive the test."""
        self.owner.stopping.wait(seconds)

    # -- built-in behaviours

    def route_ok(self, path: str, query: dict[str, str]) -> None:
        self.send(200, FEED)

    def route_feed(self, path: str, query: dict[str, str]) -> None:
        self.send(200, rss(int(query.get("items", "3"))))

    def route_delay(self, path: str, query: dict[str, str]) -> None:
        self.wait(float(query.get("s", "0.3")))
        self.send(200, FEED)

    def route_hang(self, path: str, query: dict[str, str]) -> None:
        self.wait(3600)

    def route_drip(self, path: str, query: dict[str, str]) -> None:
        interval = float(query.get("interval", "1"))
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.end_headers()
        self.wfile.write(b"<")
        self.wfile.flush()
        while not self.owner.stopping.is_set():
            self.wait(interval)
            self.wfile.write(b" ")
            self.wfile.flush()

    def route_bomb(self, path: str, query: dict[str, str]) -> None:
        mib = int(query.get("mib", "200"))
        body = _bomb(mib)
        self.send(200, body, {"Content-Encoding": "gzip"})

    def route_big(self, path: str, query: dict[str, str]) -> None:
        size = int(float(query.get("mib", "50")) * 1024 * 1024)
        with_length = query.get("length", "1") == "1"
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        if with_length:
            self.send_header("Content-Length", str(size))
        self.end_headers()
        chunk = b"x" * 65536
        for _ in range(size // len(chunk)):
            self.wfile.write(chunk)

    def route_loop(self, path: str, query: dict[str, str]) -> None:
        self.send(302, b"", {"Location": "/loop"})

    def route_redirect(self, path: str, query: dict[str, str]) -> None:
        self.send(int(query.get("code", "302")), b"", {"Location": query.get("to", "/ok")})

    def route_status(self, path: str, query: dict[str, str]) -> None:
        code = int(path.rsplit("/", 1)[-1])
        headers = {"Content-Type": "text/plain"}
        if "retry_after" in query:
            headers["Retry-After"] = query["retry_after"]
        self.send(code, f"status {code}".encode(), headers)

    def route_conditional(self, path: str, query: dict[str, str]) -> None:
        validators = {"ETag": ETAG, "Last-Modified": LAST_MODIFIED}
        if (self.headers.get("If-None-Match") == ETAG
                or self.headers.get("If-Modified-Since") == LAST_MODIFIED):
            return self.send(304, b"", validators, length=False)
        self.send(200, FEED, validators)

    def route_encoded(self, path: str, query: dict[str, str]) -> None:
        kind = path.rsplit("/", 1)[-1]
        body, coding = {
            "gzip": (lambda: gzip.compress(FEED), "gzip"),
            "deflate": (lambda: zlib.compress(FEED), "deflate"),
            "raw-deflate": (lambda: _raw_deflate(FEED), "deflate"),
            "br": (lambda: brotli.compress(FEED), "br"),
        }[kind]
        self.send(200, body(), {"Content-Encoding": coding})

    def route_corpus(self, path: str, query: dict[str, str]) -> None:
        if self.owner.corpus is None:
            return self.send(404, b"no corpus")
        rel = path.split("/", 2)[2] if path.count("/") >= 2 else ""
        file = (self.owner.corpus / rel).resolve()
        if not file.is_file() or self.owner.corpus.resolve() not in file.parents:
            return self.send(404, b"no such file")
        body = file.read_bytes()
        status, headers = _corpus_headers(body, self.owner.base)
        if file.suffix == ".gz":
            headers["Content-Encoding"] = "gzip"
        elif file.suffix == ".z":
            headers["Content-Encoding"] = "deflate"
        self.send(status, b"" if status in (301, 302, 303, 307, 308) else body, headers)


_HEADER_LINE = re.compile(rb"^Header:\s*([\w-]+):\s*(.*?)\s*$", re.MULTILINE)


def _corpus_headers(body: bytes, base: str) -> tuple[int, dict[str, str]]:
    """Status and headers from a feedparser test file's ``Header:`` comment lines."""
    status, headers = 200, {"Content-Type": "application/xml"}
    for name, value in _HEADER_LINE.findall(body[:2048]):
        key, text = name.decode("latin-1"), value.decode("latin-1")
        if key.lower() == "status":
            status = int(text)
        elif key.lower() == "location":
            text = text.replace("http://localhost:8097/tests/", f"{base}/corpus/")
            headers["Location"] = text.replace("http://localhost:8097/-/return-304.xml",
                                               f"{base}/status/304")
        else:
            headers[key.capitalize() if key.lower() == "content-type" else key] = text
    if "Content-type" in headers:
        headers["Content-Type"] = headers.pop("Content-type")
    return status, headers


_BOMBS: dict[int, bytes] = {}


def _bomb(mib: int) -> bytes:
    """``mib`` MiB of zeros, gzip-compressed (built once, streamed through a compressor)."""
    if mib not in _BOMBS:
        squeeze = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
        zeros = bytes(1024 * 1024)
        _BOMBS[mib] = b"".join(squeeze.compress(zeros) for _ in range(mib)) + squeeze.flush()
    return _BOMBS[mib]


def _raw_deflate(data: bytes) -> bytes:
    squeeze = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    return squeeze.compress(data) + squeeze.flush()
