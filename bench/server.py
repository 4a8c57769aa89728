"""A loopback feed server for the fetch benchmark: every answer comes after a fixed delay.

``FeedServer(bodies, delay=0.25, hosts=1)`` serves ``bodies[path]`` with an ETag; a request
whose If-None-Match matches gets 304. With ``hosts > 1`` one server listens on each of
127.0.0.2, 127.0.0.3 … (Linux answers the whole 127/8 on loopback), so per-host limits can be
measured the way they apply to feeds from many outlets. Each request gets its own thread, and
the listen backlog is large, so hundreds of clients can wait on the delay at once.

The servers run in a forked child process: in the benchmark's own process their threads
would compete with the client for the GIL and slow the very fetches being measured.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 1024  # the default of 5 drops connections under a burst


_CODES = (200, 304, 404)


def _etag(body: bytes) -> str:
    return '"' + hashlib.sha1(body).hexdigest()[:16] + '"'


class FeedServer:
    """Serve fixed bodies from one or more loopback addresses, in background threads."""

    def __init__(self, bodies: dict[str, bytes], *, delay: float = 0.25, hosts: int = 1) -> None:
        self.bodies = bodies
        self.delay = delay
        self._counts = multiprocessing.get_context("fork").Array("i", len(_CODES))  # shared
        self._open = multiprocessing.get_context("fork").Array("i", 2)  # connections: now, most
        self._process: multiprocessing.Process | None = None
        first = 1 if hosts == 1 else 2
        self._servers = [_Server((f"127.0.0.{first + i}", 0), self._handler()) for i in range(hosts)]

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # else headers and body wait on delayed ACKs (40 ms)

            def setup(self) -> None:  # one handler per TCP connection (keep-alive included)
                super().setup()
                outer._connections(+1)

            def finish(self) -> None:
                outer._connections(-1)
                super().finish()

            def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
                time.sleep(outer.delay)
                body = outer.bodies.get(self.path)
                if body is None:
                    return self._answer(404, b"not found", {})
                tag = _etag(body)
                if self.headers.get("If-None-Match") == tag:
                    return self._answer(304, b"", {"ETag": tag})
                self._answer(200, body, {"ETag": tag, "Content-Type": "application/rss+xml"})

            def _answer(self, status: int, body: bytes, headers: dict[str, str]) -> None:
                with outer._counts.get_lock():
                    outer._counts[_CODES.index(status)] += 1
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass  # silence: the benchmark prints its own table

        return Handler

    def urls(self) -> list[str]:
        """One URL per body, spread over the hosts round-robin, in ``bodies`` order."""
        out = []
        for i, path in enumerate(self.bodies):
            host, port = self._servers[i % len(self._servers)].server_address[:2]
            out.append(f"http://{host}:{port}{path}")
        return out

    @property
    def statuses(self) -> Counter[int]:
        """How many answers of each status code since the last reset."""
        with self._counts.get_lock():
            return Counter({code: n for code, n in zip(_CODES, self._counts) if n})

    @property
    def max_open(self) -> int:
        """Most TCP connections open at once (all hosts together) since the last reset."""
        with self._open.get_lock():
            return self._open[1]

    def _connections(self, change: int) -> None:
        with self._open.get_lock():
            self._open[0] += change
            self._open[1] = max(self._open[1], self._open[0])

    def reset(self) -> None:
        """Forget the status counts and the most connections open at once."""
        with self._counts.get_lock():
            for i in range(len(_CODES)):
                self._counts[i] = 0
        with self._open.get_lock():
            self._open[1] = self._open[0]

    def _serve(self) -> None:
        """In the child: serve every socket until killed."""
        threads = [threading.Thread(target=s.serve_forever, kwargs={"poll_interval": 0.05},
                                    daemon=True) for s in self._servers]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    def __enter__(self) -> FeedServer:
        # The sockets are bound before the fork, so the URLs are known and already listening.
        self._process = multiprocessing.get_context("fork").Process(target=self._serve, daemon=True)
        self._process.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._process is not None:
            self._process.terminate()
            self._process.join(5)
        for server in self._servers:
            server.server_close()
