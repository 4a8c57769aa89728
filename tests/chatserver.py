"""A chat-completions server on loopback with scripted answers, for the llm summariser's tests.

``ChatServer(script)`` serves ``POST /v1/chat/completions`` on 127.0.0.1 (a free port). For
each request it calls ``script(request, n)`` with the parsed JSON body and how many requests
came before, and sends back the ``Reply`` it returns. Every request is recorded.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self


@dataclass(frozen=True)
class Reply:
    """What the server sends for one request."""

    content: str | None = None  # the assistant message (a chat completion), when status is 200
    status: int = 200  # HTTP status
    delay: float = 0.0  # seconds to wait before answering
    headers: tuple[tuple[str, str], ...] = ()  # extra response headers (Retry-After ...)
    body: bytes | None = None  # a raw body instead of a completion
    usage: tuple[int, int] | None = (120, 40)  # (prompt, completion) tokens reported


@dataclass
class Recorded:
    """One request the server received."""

    path: str  # request path
    headers: dict[str, str]  # request headers, lower-case names
    body: dict[str, Any]  # the JSON body

    def source(self, n: int) -> tuple[str, str, str]:
        """(outlet, headline, text) of the n-th source (from 1) in the user message."""
        user = self.body["messages"][1]["content"]
        block = user.split("\n\n")[n - 1]
        match = re.match(r"Source \d+: (.*)\nHeadline: (.*)\nText: (.*)", block, re.DOTALL)
        assert match, block
        return match.group(1), match.group(2), match.group(3)


Script = Callable[[dict[str, Any], int], Reply]


def completion(reply: Reply) -> bytes:
    """The chat-completions body carrying ``reply.content``."""
    doc: dict[str, Any] = {"id": "chatcmpl-test", "object": "chat.completion", "model": "test",
                           "choices": [{"index": 0, "finish_reason": "stop",
                                        "message": {"role": "assistant", "content": reply.content}}]}
    if reply.usage:
        doc["usage"] = {"prompt_tokens": reply.usage[0], "completion_tokens": reply.usage[1],
                        "total_tokens": sum(reply.usage)}
    return json.dumps(doc).encode()


@dataclass
class ChatServer:
    """The server; use as a context manager. ``url`` is the API root to put in [llm] base_url."""

    script: Script
    requests: list[Recorded] = field(default_factory=list)

    def __enter__(self) -> Self:
        owner = self

        class Handler(_Handler):
            server_owner = owner

        self._http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._http.daemon_threads = True
        self._lock = threading.Lock()
        threading.Thread(target=self._http.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        self.url = f"http://127.0.0.1:{self._http.server_address[1]}/v1"
        return self

    def __exit__(self, *exc: object) -> None:
        self._http.shutdown()
        self._http.server_close()

    def answer(self, recorded: Recorded) -> Reply:
        with self._lock:
            n = len(self.requests)
            self.requests.append(recorded)
        return self.script(recorded.body, n)


class _Handler(BaseHTTPRequestHandler):
    server_owner: ChatServer

    def log_message(self, *args: object) -> None:  # quiet
        pass

    def do_POST(self) -> None:
        length = int(self.headers.get("content-length", "0"))
        body = json.loads(self.rfile.read(length) or b"{}")
        recorded = Recorded(path=self.path, headers={k.lower(): v for k, v in self.headers.items()}, body=body)
        if self.path != "/v1/chat/completions":
            self._send(404, b'{"error": "not found"}')
            return
        reply = self.server_owner.answer(recorded)
        time.sleep(reply.delay)
        data = reply.body if reply.body is not None else (
            completion(reply) if reply.status == 200 else b'{"error": {"message": "scripted failure"}}')
        self._send(reply.status, data, reply.headers)

    def _send(self, status: int, data: bytes, headers: tuple[tuple[str, str], ...] = ()) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            for name, value in headers:
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (a timeout test)
            pass
