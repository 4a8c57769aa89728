"""digest.html in headless Chromium: no horizontal scroll, readable sizes, contrast in light and dark.

Needs Debian's chromium at /usr/bin/chromium (CI installs it); the test fails, never skips,
when it is missing. Screenshots go to tests/screenshots/ (gitignored) for a human to review.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest

from digest.config import EmailSettings, ThemeSettings
from digest.render import RenderSettings, render_digest
from tests.builders import make_brief, real_digest

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
WIDTHS = (320, 375, 414, 600, 1024)
SCHEMES = ("light", "dark")
SHOTS = Path(__file__).parent / "screenshots"
LOGO_URL = "https://example.com/logo.png"

# Runs in the page: every visible element with its own text, its font size, and the contrast
# of its colour against the first opaque background behind it.
MEASURE = """() => {
  const rgba = s => (s.match(/[\\d.]+/g) || [0, 0, 0, 0]).map(Number).concat([1]).slice(0, 4);
  const lin = c => { c /= 255; return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
  const lum = ([r, g, b]) => 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const behind = el => {
    for (let n = el; n && n.nodeType === 1; n = n.parentElement) {
      const c = rgba(getComputedStyle(n).backgroundColor);
      if (c[3] > 0.5) return c;
    }
    return rgba(getComputedStyle(document.documentElement).backgroundColor || 'rgb(255,255,255)');
  };
  const out = [];
  for (const el of document.body.querySelectorAll('*')) {
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own || !el.checkVisibility({opacityProperty: true, visibilityProperty: true})) continue;
    const cs = getComputedStyle(el);
    const fg = rgba(cs.color), bg = behind(el);
    const mixed = fg.slice(0, 3).map((c, i) => c * fg[3] + bg[i] * (1 - fg[3]));
    out.push({text: el.textContent.trim().slice(0, 40), tag: el.tagName, size: parseFloat(cs.fontSize),
              contrast: ratio(mixed, bg), fg: cs.color, bg: 'rgb(' + bg.slice(0, 3).join(',') + ')'});
  }
  const columns = [...document.querySelectorAll('[class*="mj-column"]')].map(c => c.getBoundingClientRect().width);
  return {scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth,
          bodyScroll: document.body.scrollWidth, texts: out, columns: columns};
}"""


def png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """Return a solid-colour PNG (the logo the page asks for; there is no network)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\0" + bytes(rgb) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield instance
        instance.close()


@pytest.fixture(scope="module")
def page(browser, html):
    """One page holding digest.html; tests change its width and colour scheme."""
    page = browser.new_page(viewport={"width": 600, "height": 900})
    page.route("**/*", lambda route: route.fulfill(body=png(320, 64, (179, 38, 30)), content_type="image/png")
               if route.request.url == LOGO_URL else route.abort())
    page.set_content(html, wait_until="load")
    yield page
    page.close()


def show(page, width: int, scheme: str) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.emulate_media(color_scheme=scheme)


@pytest.fixture(scope="module")
def html(corpus) -> str:
    digest = real_digest(corpus, 10, more=(make_brief(id="more-1", rank=11, headline="Library extends weekend hours"),))
    stories = list(digest.stories)
    stories[1] = make_brief(**{**stories[1].__dict__, "update": True})
    settings = RenderSettings(
        show_why=True, web_url="https://example.com/digest/2026-11-23",
        theme=ThemeSettings(logo_url=LOGO_URL, logo_alt="The Daily Brief"),
        email=EmailSettings(unsubscribe_url="https://example.com/u?t={token}",
                            postal_address="1 Example Street, Springfield"),
    )
    return render_digest(digest.__class__(**{**digest.__dict__, "stories": tuple(stories)}),
                         settings=settings).html


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
def test_renders_cleanly(page, width, scheme):
    show(page, width, scheme)
    m = page.evaluate(MEASURE)
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"digest-{width}-{scheme}.jpg"), full_page=True, type="jpeg", quality=80)
    assert m["scrollWidth"] <= m["innerWidth"] and m["bodyScroll"] <= m["innerWidth"], m["scrollWidth"]
    assert len(m["texts"]) > 100  # the measurement saw the email, not an empty page
    small = [t for t in m["texts"] if t["size"] < 14]
    assert not small, small[:5]
    faint = [t for t in m["texts"] if t["contrast"] < 4.5]
    assert not faint, faint[:5]
    if width < 480:  # one column on phones: every column spans the card
        assert min(m["columns"]) >= width - 2, m["columns"]


def test_dark_mode_actually_changes_the_colours(page):
    colours = {}
    for scheme in SCHEMES:
        show(page, 600, scheme)
        colours[scheme] = page.evaluate(
            "() => [getComputedStyle(document.querySelector('h2[id]')).color,"
            " getComputedStyle(document.querySelector('.card')).backgroundColor]")
    assert colours["light"][0] != colours["dark"][0] and colours["light"][1] != colours["dark"][1]


def test_the_logo_loads_with_its_alt_text(page):
    show(page, 600, "light")
    logo = page.evaluate("() => { const i = document.querySelector('img');"
                         " return [i.naturalWidth, i.alt]; }")
    assert logo == [320, "The Daily Brief"]


def test_long_unbroken_words_do_not_overflow_a_phone(browser, corpus):
    word = "Supercalifragilisticexpialidocious" * 4
    url = "https://example.com/" + "a" * 200
    brief = make_brief(headline=f"{word} headline", dek=url, what_happened=(f"See {url} and {word}.",),
                       sources=tuple(make_brief().sources) + (make_brief().sources[0].__class__(
                           name="The Extraordinarily Long-Named Regional Morning Chronicle and Gazette",
                           title=word, url=url, published=None),))
    digest = real_digest(corpus, 2, intro=word)
    digest = digest.__class__(**{**digest.__dict__, "stories": (brief, *digest.stories[1:]),
                                 "more": (make_brief(id="m", headline=word),)})
    html = render_digest(digest, settings=RenderSettings(web_url=url)).html
    page = browser.new_page(viewport={"width": 320, "height": 800})
    try:
        page.route("**/*", lambda route: route.abort())
        page.set_content(html)
        widths = page.evaluate("[document.documentElement.scrollWidth, document.body.scrollWidth, innerWidth]")
        SHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SHOTS / "long-words-320.jpg"), full_page=True, type="jpeg", quality=80)
    finally:
        page.close()
    assert max(widths[:2]) <= widths[2], widths


def test_contents_links_look_like_links(page):
    for scheme in SCHEMES:
        show(page, 600, scheme)
        link, text = page.evaluate(
            "() => [getComputedStyle(document.querySelector('.toc-link')),"
            " getComputedStyle(document.querySelector('.para'))].map(s => [s.textDecorationLine, s.color])")
        assert "underline" in link[0] and link[1] != text[1], (scheme, link, text)


def test_statements_are_quotations_for_screen_readers(page):
    show(page, 600, "light")
    quotes = page.get_by_role("blockquote")
    assert quotes.count() >= 10  # two per real brief, at least one each
    first = quotes.first
    assert first.locator("cite").inner_text().startswith("—")
    assert first.get_attribute("cite", timeout=1000).startswith("https://")


# Runs in the page: outlets whose marker ended up on another line than their name ("— " of a
# quote or a "More stories" line; the " ·" after a source link).
SPLIT_OUTLETS = """() => {
  const bad = [];
  for (const el of document.querySelectorAll('.outlet, .more-outlet'))
    if (el.getClientRects().length !== 1) bad.push(el.textContent);
  for (const a of document.querySelectorAll('.sources a')) {
    const dot = a.nextSibling;
    if (!dot || dot.nodeType !== 3 || !dot.textContent.includes('·')) continue;
    const range = document.createRange();
    range.setStart(dot, 0);
    range.setEnd(dot, dot.textContent.indexOf('·') + 1);
    const rects = a.getClientRects(), last = rects[rects.length - 1];
    if (Math.abs(last.bottom - range.getBoundingClientRect().bottom) > 2) bad.push(a.textContent);
  }
  return bad;
}"""


@pytest.mark.parametrize("width", (320, 375, 414))
def test_a_source_name_stays_on_the_line_of_its_marker(page, width):
    show(page, width, "light")
    assert page.evaluate(SPLIT_OUTLETS) == []
