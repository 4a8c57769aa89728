"""The preview server in headless Chromium: loads, tabs switch, widths change, dark works, reloads.

Needs Debian's chromium at /usr/bin/chromium; fails (never skips) when it is missing.
"""

from __future__ import annotations

import json
import threading
import time
import urllib.request
from dataclasses import replace
from pathlib import Path

import pytest

from digest.emailtext import GMAIL_CLIP_BYTES
from digest.model import FeedReport
from digest.render import RenderSettings, render_digest
from digest.serve import Preview, PreviewServer, Watcher, force_scheme
from tests.builders import make_digest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
FEEDS = (FeedReport(name="Harbor Herald", url="https://h.example/rss", status="ok", entries=12),
         FeedReport(name="Broken Wire", url="https://b.example/rss", status="error", entries=0,
                    error="HTTP 503"))


def sample_preview() -> Preview:
    digest = make_digest(feeds=FEEDS)
    rendered = render_digest(digest, settings=RenderSettings())
    return Preview(title=digest.title, date=digest.date, subject=rendered.subject,
                   preheader=rendered.preheader, html=rendered.html, text=rendered.text, feeds=FEEDS)


class Served:
    """A PreviewServer on a free loopback port, serving in a thread, whose content tests can swap."""

    def __init__(self, preview: Preview) -> None:
        self.preview = preview
        self.server = PreviewServer(lambda: self.preview, port=0)
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def preview():
    return sample_preview()


@pytest.fixture
def served(preview):
    s = Served(preview)
    yield s
    s.close()


def get(url: str) -> tuple[int, str, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as resp:
            return resp.status, resp.headers["Content-Type"], resp.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers["Content-Type"], exc.read().decode("utf-8")


def test_server_binds_loopback_and_serves_page_email_text_and_state(served, preview):
    host, port = served.server.server_address[:2]
    assert host == "127.0.0.1" and port > 0
    status, kind, page = get(served.server.url)
    assert status == 200 and kind.startswith("text/html")
    assert preview.subject and preview.subject in page.replace("&#x27;", "'")
    assert "HTTP 503" in page and f"of {GMAIL_CLIP_BYTES // 1024} KB" in page
    assert get(served.server.url + "email.html?scheme=light")[2] == force_scheme(preview.html, "light")
    assert get(served.server.url + "email.txt")[2] == preview.text
    assert json.loads(get(served.server.url + "state")[2]) == {"version": 1, "error": None}
    assert get(served.server.url + "nope")[0] == 404


def test_force_scheme_turns_the_dark_rules_on_or_off(preview):
    assert "prefers-color-scheme" in preview.html
    dark, light = force_scheme(preview.html, "dark"), force_scheme(preview.html, "light")
    assert "prefers-color-scheme" not in dark + light
    assert "@media (min-width: 0px)" in dark and "@media (max-width: 0px)" in light


def test_page_escapes_what_it_shows(preview):
    hostile = replace(preview, subject="<script>alert(1)</script>", feeds=(
        FeedReport(name="<b>x</b>", url="u", status="error", entries=0, error="<img src=x>"),))
    s = Served(hostile)
    try:
        page = get(s.server.url)[2]
    finally:
        s.close()
    assert "<script>alert(1)" not in page and "&lt;script&gt;" in page and "<img src=x>" not in page


def test_quiet_day_shows_the_note_and_no_frame(preview):
    quiet = replace(preview, subject=None, preheader=None, html=None, text=None, note="A quiet day.")
    s = Served(quiet)
    try:
        page = get(s.server.url)[2]
        assert "A quiet day." in page and 'id="frame"' not in page
        assert get(s.server.url + "email.html")[0] == 404
    finally:
        s.close()


def test_watcher_reports_changed_files(tmp_path):
    watched = tmp_path / "digest.mjml.j2"
    watched.write_text("one")
    seen: list[list[Path]] = []
    watcher = Watcher(lambda: [watched], seen.append, interval=0.05)
    watcher.start()
    try:
        time.sleep(0.1)
        watched.write_text("two, longer")
        deadline = time.monotonic() + 3
        while not seen and time.monotonic() < deadline:
            time.sleep(0.02)
    finally:
        watcher.stop()
    assert seen == [[watched]]


@pytest.mark.browser
def test_preview_in_chromium_tabs_widths_dark_and_reload(served, preview):
    assert CHROMIUM.exists(), f"{CHROMIUM} is missing: install Debian's chromium (CI does)"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            page.goto(served.server.url)
            assert page.locator("#subject").inner_text() == preview.subject
            assert page.locator("#preheader").inner_text() == preview.preheader
            frame = page.frame_locator("#frame")
            assert frame.locator("h1").first.inner_text()  # the email itself loaded in the frame

            # Widths: phone by default, desktop on click, and the email lays out to the frame.
            assert page.eval_on_selector("#frame", "f => f.getBoundingClientRect().width") == pytest.approx(375, abs=2)
            page.click("button[data-width='800']")
            assert page.eval_on_selector("#frame", "f => f.getBoundingClientRect().width") == pytest.approx(800, abs=2)
            assert page.get_attribute("button[data-width='800']", "aria-pressed") == "true"

            # Dark: the frame reloads with the dark rules forced on; the card turns dark.
            light_bg = frame.locator("body").evaluate("b => getComputedStyle(b).backgroundColor")
            page.click("#dark")
            page.wait_for_function("() => document.querySelector('#frame').src.endsWith('scheme=dark')")
            frame.locator("h1").first.wait_for()
            page.wait_for_timeout(200)
            dark_bg = frame.locator("body").evaluate("b => getComputedStyle(b).backgroundColor")
            assert dark_bg != light_bg and luminance(dark_bg) < luminance(light_bg)

            # Tabs: plain text, then feeds; the email panel hides.
            page.click("#tab-text")
            assert page.locator("#panel-text").is_visible() and not page.locator("#panel-email").is_visible()
            assert preview.text.splitlines()[0] in page.locator("#text").inner_text()
            page.click("#tab-feeds")
            assert page.locator("#feeds tr.error").inner_text().startswith("Broken Wire")
            assert page.get_attribute("#tab-feeds", "aria-selected") == "true"

            # A rebuild bumps the version: the page reloads itself and keeps the view.
            served.preview = replace(preview, subject="A rebuilt subject line")
            served.server.refresh()
            page.wait_for_function("() => document.querySelector('#subject').textContent === 'A rebuilt subject line'",
                                   timeout=5000)
            assert page.locator("#panel-feeds").is_visible()
            served.server.fail("template digest.mjml.j2 failed: unexpected '}'")
            page.wait_for_selector("#error:not([hidden])", timeout=5000)
            assert "unexpected" in page.locator("#error").inner_text()
        finally:
            browser.close()


def luminance(css: str) -> float:
    r, g, b = (int(float(v)) for v in css[css.index("(") + 1 : css.index(")")].split(",")[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


class FakeServer:
    """Stands in for PreviewServer in the --watch callback: records refreshes and failures."""

    def __init__(self) -> None:
        self.refreshed = 0
        self.failures: list[str] = []

    def refresh(self) -> None:
        self.refreshed += 1

    def fail(self, message: str) -> None:
        self.failures.append(message)


def test_watch_rebuild_rerenders_on_a_template_change_and_reports_errors(tmp_path):
    from typer.testing import CliRunner

    from digest import cli, deliver
    from digest.cli.preview import rebuild, watched_files
    from digest.config.load import load_config
    from tests.test_run import NOW, make_config

    config, out = make_config(tmp_path, 2525), tmp_path / "out"
    assert CliRunner().invoke(cli.app, ["build", "-c", str(config), "-o", str(out), "--now", NOW]).exit_code == 0
    assert config.resolve() in watched_files(config)
    assert any(p.name == "digest.mjml.j2" for p in watched_files(config))

    (out / "digest.html").write_text("stale", encoding="utf-8")  # a re-render must replace it
    server = FakeServer()
    rebuild(server, [Path("templates/_brief.mjml.j2")], config=config, out=out, now=NOW)
    assert server.refreshed == 1 and server.failures == []
    assert (out / "digest.html").read_text(encoding="utf-8").startswith("<!doctype html>")
    shown = deliver.preview_of(load_config(config), out)
    assert shown.subject and shown.preheader and shown.html_bytes > 1000 and len(shown.feeds) == 5

    config.write_text(config.read_text().replace("max_stories = 10", "max_stories = oops"))
    rebuild(server, [config.resolve()], config=config, out=out, now=NOW)
    assert server.refreshed == 1 and "not valid TOML" in server.failures[0]
