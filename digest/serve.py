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

import html
import json
import logging
import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from digest.model import FeedReport

log = logging.getLogger(__name__)

CLIP_BYTES = 102 * 1024  # Gmail clips a message whose HTML passes ~102 KB
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
    e = html.escape
    size = p.html_bytes
    over = size > CLIP_BYTES
    meta = (
        f'<dt>Subject</dt><dd id="subject">{e(p.subject or "—")}</dd>'
        f'<dt>Preheader</dt><dd id="preheader">{e(p.preheader or "—")}</dd>'
        f'<dt>Size</dt><dd id="size" class="{"over" if over else "ok"}">{size / 1024:.1f} KB of '
        f'{CLIP_BYTES // 1024} KB{" — Gmail will clip it" if over else ""}'
        f'<meter min="0" max="{CLIP_BYTES}" value="{size}" high="{int(CLIP_BYTES * 0.9)}"></meter></dd>'
    )
    email = (f'<iframe id="frame" title="The email" src="/email.html?scheme=light" '
             f'width="{WIDTHS[0]}" height="900"></iframe>' if p.html is not None
             else f'<p id="note">{e(p.note or "No email was written for this build.")}</p>')
    text = f'<pre id="text">{e(p.text or p.note or "")}</pre>'
    buttons = "".join(f'<button type="button" data-width="{w}">{label} {w}</button>'
                      for w, label in zip(WIDTHS, ("Phone", "Desktop")))
    return _PAGE.format(
        title=e(f"{p.title} — {p.date}"), meta=meta, email=email, text=text, buttons=buttons,
        feeds=feed_table(p.feeds), version=int(state["version"]),
        error=e(state["error"] or ""), error_hidden="" if state["error"] else " hidden",
    )


def feed_table(feeds: Iterable[FeedReport]) -> str:
    """The feed health table."""
    rows = "".join(
        f'<tr class="{html.escape(f.status)}"><td>{html.escape(f.name)}</td><td>{html.escape(f.status)}</td>'
        f"<td>{f.entries}</td><td>{html.escape(f.error or '')}</td></tr>"
        for f in feeds
    )
    return ("<table id=\"feeds\"><thead><tr><th>Feed</th><th>Status</th><th>Entries</th>"
            f"<th>Error</th></tr></thead><tbody>{rows}</tbody></table>")


_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Preview: {title}</title>
<style>
body {{ font: 15px/1.45 system-ui, sans-serif; margin: 0; background: #e9e6df; color: #1f1f1f; }}
header {{ background: #fff; padding: 12px 20px; border-bottom: 1px solid #ccc; }}
h1 {{ font-size: 18px; margin: 0 0 8px; }}
dl {{ display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0; }}
dt {{ font-weight: 600; }} dd {{ margin: 0; }} .over {{ color: #b3261e; font-weight: 600; }}
meter {{ margin-left: 8px; width: 160px; }}
nav {{ display: flex; gap: 8px; padding: 10px 20px; flex-wrap: wrap; }}
button {{ font: inherit; padding: 4px 12px; border: 1px solid #888; border-radius: 4px; background: #fff; }}
button[aria-pressed="true"], button[aria-selected="true"] {{ background: #1f1f1f; color: #fff; }}
main {{ padding: 0 20px 20px; }} [hidden] {{ display: none !important; }}
#email-controls {{ display: flex; gap: 8px; margin-left: auto; }}
iframe {{ border: 1px solid #aaa; background: #fff; display: block; margin: 0 auto; }}
pre {{ background: #fff; padding: 16px; max-width: 80ch; margin: 0 auto; white-space: pre-wrap; }}
table {{ background: #fff; border-collapse: collapse; }} td, th {{ padding: 4px 10px; border: 1px solid #ccc; }}
tr.error td {{ color: #b3261e; }}
#error {{ background: #b3261e; color: #fff; padding: 8px 20px; }}
</style></head>
<body data-version="{version}">
<div id="error" role="alert"{error_hidden}>Rebuild failed: {error}</div>
<header><h1>{title}</h1><dl>{meta}</dl></header>
<nav role="tablist">
<button type="button" role="tab" id="tab-email" data-tab="email">Email</button>
<button type="button" role="tab" id="tab-text" data-tab="text">Plain text</button>
<button type="button" role="tab" id="tab-feeds" data-tab="feeds">Feeds</button>
<span id="email-controls">{buttons}
<button type="button" id="dark" aria-pressed="false">Dark</button></span>
</nav>
<main>
<section id="panel-email" role="tabpanel">{email}</section>
<section id="panel-text" role="tabpanel" hidden>{text}</section>
<section id="panel-feeds" role="tabpanel" hidden>{feeds}</section>
</main>
<script>
// View state lives in the URL hash so a reload (after a rebuild) keeps it.
const view = Object.assign({{tab: "email", width: "375", scheme: "light"}},
  Object.fromEntries(new URLSearchParams(location.hash.slice(1))));
function show() {{
  for (const t of ["email", "text", "feeds"]) {{
    document.getElementById("panel-" + t).hidden = view.tab !== t;
    document.getElementById("tab-" + t).setAttribute("aria-selected", String(view.tab === t));
  }}
  document.getElementById("email-controls").hidden = view.tab !== "email";
  const frame = document.getElementById("frame");
  if (frame) {{
    frame.width = view.width;
    const src = "/email.html?scheme=" + view.scheme;
    if (frame.getAttribute("src") !== src) frame.setAttribute("src", src);
    frame.style.colorScheme = view.scheme;
  }}
  for (const b of document.querySelectorAll("[data-width]"))
    b.setAttribute("aria-pressed", String(b.dataset.width === view.width));
  document.getElementById("dark").setAttribute("aria-pressed", String(view.scheme === "dark"));
  history.replaceState(null, "", "#" + new URLSearchParams(view));
}}
// The frame grows to the email's height so the page, not the frame, scrolls.
function fit() {{
  const frame = document.getElementById("frame");
  const doc = frame && frame.contentDocument;
  if (!doc || !doc.documentElement) return;
  frame.style.height = "200px";  // shrink first: a tall frame keeps scrollHeight tall
  frame.style.height = doc.documentElement.scrollHeight + "px";
}}
const frameEl = document.getElementById("frame");
if (frameEl) frameEl.addEventListener("load", fit);
document.querySelectorAll("[data-width]").forEach(b => b.addEventListener("click", () => requestAnimationFrame(fit)));
document.querySelectorAll("[data-tab]").forEach(b => b.onclick = () => {{ view.tab = b.dataset.tab; show(); }});
document.querySelectorAll("[data-width]").forEach(b => b.onclick = () => {{ view.width = b.dataset.width; show(); }});
document.getElementById("dark").onclick = () => {{ view.scheme = view.scheme === "dark" ? "light" : "dark"; show(); }};
show();
const version = Number(document.body.dataset.version);
setInterval(async () => {{
  try {{
    const state = await (await fetch("/state", {{cache: "no-store"}})).json();
    if (state.version !== version) location.reload();
  }} catch (e) {{ /* server restarting: try again next tick */ }}
}}, 700);
</script>
</body></html>
"""


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
