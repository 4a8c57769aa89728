"""The preview server: the latest build as a web page on 127.0.0.1, reloaded when it changes.

``/`` is the preview page: the HTML email in a frame (phone 375 px or desktop 800 px, light or
dark), the plain-text twin, subject, preheader, size against Gmail's clipping budget and the
feed health of the build. ``/email.html?scheme=light|dark`` serves the email with its
``prefers-color-scheme`` rules forced on or off, so the switch works whatever the viewer's
own setting. The page polls ``/state`` and reloads when the version changes: ``refresh`` bumps
it, and a ``Watcher`` calls back when config.toml or a template changes.

The server knows nothing of building: it is handed a ``load`` function returning a Preview.
"""

from __future__ import annotations

import json
import logging
import re
import functools
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from digest.emailtext import GMAIL_CLIP_BYTES
from digest.model import FeedReport

log = logging.getLogger(__name__)

WIDTHS = (375, 800)  # phone and desktop presets, px
_DARK_QUERY = re.compile(r"\(\s*prefers-color-scheme\s*:\s*dark\s*\)", re.IGNORECASE)
_FORCED = {"dark": "(min-width: 0px)", "light": "(max-width: 0px)"}  # always / never true


@dataclass(frozen=True)
class Preview:
    """What the preview page shows."""

    title: str  # edition title
    date: str  # edition date, YYYY-MM-DD
    subject: str | None  # the email's subject; None on a quiet day
    preheader: str | None  # the hidden preview line
    html: str | None  # digest.html as written; None when no email was written
    text: str | None  # digest.txt as written
    feeds: tuple[FeedReport, ...] = ()  # how each feed fared in the build
    note: str | None = None  # a line to show instead of the email (quiet day)
    kinds: tuple[tuple[str, str], ...] = ()  # (feed URL, "report 12 · opinion 3") from the store

    @property
    def html_bytes(self) -> int:
        """Size of the HTML body in bytes (what Gmail measures)."""
        return len(self.html.encode("utf-8")) if self.html else 0


class PreviewServer(ThreadingHTTPServer):
    """An HTTP server holding the current Preview, its version and the last rebuild error."""

    daemon_threads = True

    def __init__(self, load: Callable[[], Preview], *, port: int = 8000, host: str = "127.0.0.1") -> None:
        self._load = load
        self._lock = threading.Lock()
        self.preview = load()
        self.version = 1
        self.error: str | None = None
        super().__init__((host, port), _Handler)

    @property
    def url(self) -> str:
        """The address of the preview page."""
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}/"

    def refresh(self) -> None:
        """Load the preview again and tell open pages to reload."""
        preview = self._load()
        with self._lock:
            self.preview, self.error = preview, None
            self.version += 1

    def fail(self, message: str) -> None:
        """Show ``message`` on open pages; keep the last good preview."""
        with self._lock:
            self.error = message
            self.version += 1

    def state(self) -> dict:
        """The polling answer: version and error."""
        with self._lock:
            return {"version": self.version, "error": self.error}


class _Handler(BaseHTTPRequestHandler):
    server: PreviewServer

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        url = urlsplit(self.path)
        preview = self.server.preview
        if url.path == "/":
            self._send(200, "text/html", preview_page(preview, self.server.state()))
        elif url.path == "/email.html" and preview.html is not None:
            scheme = parse_qs(url.query).get("scheme", ["light"])[0]
            self._send(200, "text/html", force_scheme(preview.html, scheme))
        elif url.path == "/email.txt" and preview.text is not None:
            self._send(200, "text/plain", preview.text)
        elif url.path == "/state":
            self._send(200, "application/json", json.dumps(self.server.state()))
        else:
            self._send(404, "text/plain", "not found")

    def _send(self, status: int, kind: str, body: str) -> None:
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", f"{kind}; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (http.server's signature)
        log.debug("preview: " + format, *args)


def force_scheme(page: str, scheme: str) -> str:
    """Return the email with its dark-mode media queries made always (dark) or never (light) true."""
    return _DARK_QUERY.sub(_FORCED["dark" if scheme == "dark" else "light"], page)


def preview_page(p: Preview, state: dict) -> str:
    """The preview page for ``p``: meta panel, tabs, frame, text and feeds."""
    return _page().render(p=p, title=f"{p.title} — {p.date}", size=p.html_bytes,
                        over=p.html_bytes > GMAIL_CLIP_BYTES, clip=GMAIL_CLIP_BYTES,
                        widths=list(zip(WIDTHS, ("Phone", "Desktop"))),
                        version=int(state["version"]), error=state["error"], kinds=dict(p.kinds))


@functools.cache
def _page() -> Any:
    """The preview page's template, compiled on first use (only `digest preview` shows it).

    Autoescaped: subject, feed names and errors come from feeds and must not become markup.
    """
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).parent), autoescape=True,
        undefined=jinja2.StrictUndefined,
    ).get_template("preview.html.j2")


class Watcher(threading.Thread):
    """Poll files' modification times; call ``on_change(changed paths)`` when any changes."""

    def __init__(self, paths: Callable[[], Iterable[Path]], on_change: Callable[[list[Path]], None],
                 *, interval: float = 0.5) -> None:
        super().__init__(name="digest-watch", daemon=True)
        self._paths = paths
        self._on_change = on_change
        self._interval = interval
        self._stop = threading.Event()
        self._seen = self._snapshot()

    def _snapshot(self) -> dict[Path, tuple[int, int]]:
        seen = {}
        for path in self._paths():
            try:
                st = path.stat()
            except OSError:
                continue
            seen[path] = (st.st_mtime_ns, st.st_size)
        return seen

    def run(self) -> None:
        while not self._stop.wait(self._interval):
            now = self._snapshot()
            changed = sorted(p for p in now.keys() | self._seen.keys() if now.get(p) != self._seen.get(p))
            self._seen = now
            if changed:
                log.info("changed: %s", ", ".join(p.name for p in changed))
                self._on_change(changed)

    def stop(self) -> None:
        """Stop polling (the thread ends within one interval)."""
        self._stop.set()
