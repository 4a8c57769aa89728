"""A real HTTP/2 (and HTTP/1.1) server on loopback: hypercorn in a thread, serving small feeds.

It records, for every request, the HTTP version and the client's port (one port is one TCP
connection), so tests can see how many connections a run opened and what protocol it spoke.
"""

from __future__ import annotations

import asyncio
import logging
import socket
import threading
from dataclasses import dataclass
from pathlib import Path

from hypercorn.asyncio import serve
from hypercorn.config import Config

from tests.hostile import rss


@dataclass(frozen=True)
class Hit:
    """One request the server answered."""

    path: str  # request path
    http_version: str  # "1.1" or "2"
    client_port: int  # the connection it came on


class H2Server:
    """Hypercorn on 127.0.0.1 over TLS; ``alpn`` chooses what it offers (h2 first by default)."""

    def __init__(self, cert: Path, key: Path, *, alpn: tuple[str, ...] = ("h2", "http/1.1"),
                 delay: float = 0.0) -> None:
        self.delay = delay
        self.hits: list[Hit] = []
        # Our own listening socket, handed over by descriptor: no race for a free port.
        self.socket = socket.create_server(("127.0.0.1", 0), backlog=128)
        self.port = self.socket.getsockname()[1]
        self.config = Config()
        self.config.bind = [f"fd://{self.socket.fileno()}"]
        self.config.certfile, self.config.keyfile = str(cert), str(key)
        self.config.alpn_protocols = list(alpn)
        self.config.accesslog = None
        self.config.errorlog = logging.getLogger("tests.h2server")
        self.loop = asyncio.new_event_loop()
        self.stop: asyncio.Event | None = None
        self.started = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def url(self, path: str) -> str:
        return f"https://127.0.0.1:{self.port}{path}"

    @property
    def connections(self) -> int:
        """How many TCP connections the requests so far came on."""
        return len({h.client_port for h in self.hits})

    def __enter__(self) -> H2Server:
        self.thread.start()
        self.started.wait(10)
        return self

    def __exit__(self, *exc_info: object) -> None:
        assert self.stop is not None
        self.loop.call_soon_threadsafe(self.stop.set)
        self.thread.join(10)
        self.socket.detach()  # hypercorn closed the descriptor it was given

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        self.stop = asyncio.Event()
        self.loop.call_soon(self.started.set)
        self.loop.run_until_complete(serve(self._app, self.config, shutdown_trigger=self.stop.wait))

    async def _app(self, scope, receive, send) -> None:
        if scope["type"] == "lifespan":
            while (await receive())["type"] != "lifespan.shutdown":
                await send({"type": "lifespan.startup.complete"})
            await send({"type": "lifespan.shutdown.complete"})
            return
        self.hits.append(Hit(scope["path"], scope["http_version"], scope["client"][1]))
        await asyncio.sleep(self.delay)
        body = rss(2, title=f"Feed at {scope['path']}")
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"content-type", b"application/rss+xml")]})
        await send({"type": "http.response.body", "body": body})
