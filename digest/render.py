"""Digest -> the email's three faces: MJML source, final HTML and a plain-text twin.

Jinja2 renders ``digest.mjml.j2`` (autoescaped) and ``digest.txt.j2`` (not escaped) from the
theme folder; mjml-python turns the MJML into HTML; premailer inlines the light-mode CSS from
``inline.css.j2`` and leaves every ``<style>`` block of the document alone, so the media
queries, ``prefers-color-scheme`` and Outlook.com ``[data-ogsc]`` rules survive.

The unsubscribe URL may hold ``{token}``. ``render_digest(…, token=None)`` fills it with
``PREVIEW_TOKEN`` so the files written by ``digest build`` never show a raw ``{token}``; a
sender that wants per-recipient links renders again with ``token=<that recipient's token>``
(rendering is deterministic and cheap) and passes the same token to ``mail.build_message``.
"""

from __future__ import annotations

import logging
import math
import re
from dataclasses import dataclass, replace
from datetime import date as Date
from pathlib import Path
from urllib.parse import quote, urlsplit

import jinja2
import mjml
from premailer import Premailer

from digest.config import Config, DigestSettings, EmailSettings, ThemeSettings
from digest.errors import RenderError
from digest.model import Brief, Digest

log = logging.getLogger(__name__)

PREVIEW_TOKEN = "preview"  # stands in for {token} in files rendered for no one in particular
HTML_BUDGET = 100 * 1024  # bytes; Gmail clips a message whose HTML passes ~102 KB
TEXT_WIDTH = 78  # plain-text line length (RFC 5322 recommends 78)
SAFE_SCHEMES = ("http", "https", "mailto")
_PACKAGE_THEME = Path(__file__).parent / "templates"
_REPO_THEME = Path(__file__).parent.parent / "templates"
_DOCTYPE = re.compile(r"^\s*<!doctype[^>]*>\s*", re.IGNORECASE)
_STYLE_TAG = re.compile(r"<style(?![^>]*data-premailer)", re.IGNORECASE)
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Rendered:
    """The rendered email, ready to write to disk or wrap in MIME."""

    subject: str  # one line, no CR/LF
    preheader: str  # 40-130 characters from the top stories
    mjml: str  # the MJML source (digest.mjml)
    html: str  # final HTML after mjml-python and premailer (digest.html)
    text: str  # plain-text twin (digest.txt)
    digest: Digest | None = None  # the edition as rendered: over budget, briefs moved to ``more``


@dataclass(frozen=True)
class RenderSettings:
    """What the templates need from the config."""

    title: str = "The Daily Brief"  # masthead title
    language: str = "en"  # <html lang>
    show_why: bool = False  # print each brief's ranking reason
    web_url: str | None = None  # "view in browser" link
    theme: ThemeSettings = ThemeSettings()  # colours, fonts, logo
    email: EmailSettings = EmailSettings()  # subject template, unsubscribe URL, postal address
    templates_dir: Path | None = None  # a theme folder overriding the default one
    html_budget: int = HTML_BUDGET  # bytes of HTML before briefs move to "More stories"

    @classmethod
    def from_config(cls, config: Config, *, templates_dir: Path | None = None) -> RenderSettings:
        """Return the settings for ``config``; ``templates_dir`` overrides the default theme."""
        d: DigestSettings = config.digest
        return cls(
            title=d.title,
            language=d.language,
            show_why=d.show_why,
            web_url=d.web_url,
            theme=config.theme,
            email=config.email,
            templates_dir=templates_dir,
        )


@dataclass(frozen=True)
class SourceLink:
    """One outlet's article as the templates show it."""

    name: str  # outlet name
    title: str  # article headline
    url: str | None  # safe http(s) URL, or None when the source had none or a bad one
    n: int | None  # reference number in the text twin, None without a URL

    @property
    def ref(self) -> str:
        """The outlet as the text twin cites it: ``Name [3]``, or just the name."""
        return f"{self.name} [{self.n}]" if self.n else self.name


@dataclass(frozen=True)
class BriefView:
    """A brief plus what the templates need beside it."""

    brief: Brief  # the brief itself
    number: int  # its place in this email, 1 for the first
    anchor: str  # id of its headline, the contents list links to it
    sources: tuple[SourceLink, ...]  # its outlets, numbered for the text twin
    link: SourceLink | None  # first linked source (the "More stories" link)


def render_digest(digest: Digest, *, settings: RenderSettings, token: str | None = None) -> Rendered:
    """Render ``digest``; briefs move to "More stories" until the HTML fits the budget.

    ``token`` fills ``{token}`` in the unsubscribe URL (``PREVIEW_TOKEN`` when None).
    Returns the Rendered email; its ``digest`` is the edition as rendered (write that one to
    digest.json so a re-render gives the same bytes). Raises RenderError when a template or
    MJML fails.
    """
    env = make_environment(settings.templates_dir)
    rendered = _render_once(env, digest, settings, token)
    size = len(rendered.html.encode("utf-8"))
    while size > settings.html_budget and len(digest.stories) > 1:
        per_brief = size / (len(digest.stories) + 1)
        drop = min(len(digest.stories) - 1, max(1, math.ceil((size - settings.html_budget) / per_brief)))
        digest = demote_briefs(digest, drop)
        log.warning(
            "digest.html is %.1f KB, over the %.1f KB budget: moved %d lowest-ranked "
            "brief(s) to More stories",
            size / 1024, settings.html_budget / 1024, drop,
        )
        rendered = _render_once(env, digest, settings, token)
        size = len(rendered.html.encode("utf-8"))
    if size > settings.html_budget:
        log.warning("digest.html is %.1f KB even with one brief: Gmail may clip it", size / 1024)
    return rendered


def demote_briefs(digest: Digest, count: int) -> Digest:
    """Return ``digest`` with its ``count`` lowest-ranked briefs moved to the front of ``more``."""
    keep, moved = digest.stories[:-count], digest.stories[-count:]
    return replace(digest, stories=keep, more=moved + digest.more)


def make_environment(templates_dir: Path | None = None) -> jinja2.Environment:
    """Return the strict Jinja2 environment for a theme folder (default: the built-in theme)."""
    folders = [templates_dir] if templates_dir else []
    folders += [p for p in (_PACKAGE_THEME, _REPO_THEME) if p.is_dir()]
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(p) for p in folders]),
        undefined=jinja2.StrictUndefined,
        # select_autoescape matches the whole suffix: "mjml.j2", not "mjml".
        autoescape=jinja2.select_autoescape(["mjml.j2", "html.j2"], default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["wrap"] = wrap_text
    return env


def _render_once(env: jinja2.Environment, digest: Digest, settings: RenderSettings,
                 token: str | None) -> Rendered:
    """Render the templates once, without any budget check."""
    context = build_context(digest, settings=settings, token=token)
    try:
        source = env.get_template("digest.mjml.j2").render(context)
        text = env.get_template("digest.txt.j2").render(context)
        inline_css = env.get_template("inline.css.j2").render(context)
    except jinja2.TemplateError as exc:
        raise RenderError(f"template {getattr(exc, 'name', '') or ''} failed: {exc}") from exc
    html = mjml_to_html(source, inline_css=inline_css)
    return Rendered(
        subject=context["subject"], preheader=context["preheader"],
        mjml=source, html=html, text=_tidy_text(text), digest=digest,
    )


def build_context(digest: Digest, *, settings: RenderSettings, token: str | None = None) -> dict:
    """Return the template context: the digest's values, the palette and ready-made strings."""
    theme, email = settings.theme, settings.email
    counter = iter(range(1, 10_000))
    stories = tuple(_view(b, i, counter) for i, b in enumerate(digest.stories, 1))
    more = tuple(_view(b, i, counter) for i, b in enumerate(digest.more, len(stories) + 1))
    long_date = format_date(digest.date)
    return {
        "title": digest.title or settings.title,
        "date": digest.date,
        "long_date": long_date,
        "language": _language(settings.language),
        "intro": digest.intro,
        "stories": stories,
        "more": more,
        "show_why": settings.show_why,
        "web_url": safe_url(settings.web_url),
        "unsubscribe_url": fill_token(email.unsubscribe_url, token),
        "postal_address": email.postal_address,
        "subject": make_subject(email.subject, title=digest.title or settings.title,
                                long_date=long_date, top=digest.stories),
        "preheader": make_preheader(digest),
        "logo_url": safe_url(theme.logo_url, schemes=("https", "http")),
        "logo_alt": theme.logo_alt or digest.title or settings.title,
        "font": safe_font(theme.font, "Georgia, serif"),
        "heading_font": safe_font(theme.heading_font, "Helvetica, Arial, sans-serif"),
        "light": light_palette(theme),
        "dark": dark_palette(theme),
        "text_width": TEXT_WIDTH,
    }


def _view(brief: Brief, number: int, counter) -> BriefView:
    """Wrap ``brief`` for the templates, numbering its linked sources from ``counter``."""
    links = []
    for s in brief.sources:
        url = safe_url(s.url, schemes=("http", "https"))
        links.append(SourceLink(name=s.name, title=s.title, url=url, n=next(counter) if url else None))
    first = next((s for s in links if s.url), None)
    return BriefView(brief=brief, number=number, anchor=f"story-{number}", sources=tuple(links),
                     link=first)


def mjml_to_html(source: str, *, inline_css: str = "") -> str:
    """Return email HTML for MJML ``source``: MRML, then premailer inlining ``inline_css``.

    Every ``<style>`` in the document is marked for premailer to skip (it would otherwise
    drop ``[data-ogsc]`` rules that match nothing yet); the doctype premailer loses for a
    lower-case ``<!doctype html>`` is put back.
    """
    try:
        html = mjml.mjml2html(source, disable_comments=True, fonts={})
    except Exception as exc:  # MRML raises plain exceptions carrying its parser message
        raise RenderError(f"MJML could not be rendered: {exc}") from exc
    html = _STYLE_TAG.sub('<style data-premailer="ignore"', _DOCTYPE.sub("", html, count=1))
    inliner = Premailer(
        html, css_text=inline_css or None, strip_important=False, keep_style_tags=True,
        remove_classes=False, disable_validation=True, allow_network=False,
        cssutils_logging_level=logging.CRITICAL, exclude_pseudoclasses=True,
    )
    # premailer keeps the marker on styles it never looked at (inside Outlook comments).
    return "<!doctype html>\n" + inliner.transform().replace(' data-premailer="ignore"', "")


# --- small pure helpers the templates lean on -------------------------------------------


def safe_url(url: str | None, *, schemes: tuple[str, ...] = SAFE_SCHEMES) -> str | None:
    """Return ``url`` when it is a well-formed link in one of ``schemes``, else None."""
    if not url or any(ord(c) <= 32 or ord(c) == 127 for c in url):
        return None
    parts = urlsplit(url)
    if parts.scheme.lower() not in schemes:
        return None
    if parts.scheme.lower() in ("http", "https") and not parts.hostname:
        return None
    return url


def fill_token(url: str | None, token: str | None) -> str | None:
    """Return the unsubscribe ``url`` with ``{token}`` filled (URL-quoted), or None."""
    if not url:
        return None
    return safe_url(url.replace("{token}", quote(token or PREVIEW_TOKEN, safe="")))


def safe_font(stack: str, fallback: str) -> str:
    """Return a CSS font stack cleaned of anything that could end a style or attribute."""
    cleaned = re.sub(r"[^A-Za-z0-9 ,'\-]", "", stack or "").strip(" ,")
    return cleaned or fallback


def one_line(text: str) -> str:
    """Return ``text`` with every run of whitespace (CR, LF, tabs, U+2028) as one space."""
    return _SPACE.sub(" ", text or "").strip()


def format_date(iso: str) -> str:
    """Return ``2026-11-23`` as ``Monday 23 November 2026`` (unchanged if not a date)."""
    try:
        day = Date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day:%A} {day.day} {day:%B %Y}"


def make_subject(template: str, *, title: str, long_date: str, top: tuple[Brief, ...]) -> str:
    """Return the one-line subject from ``template`` with {title}, {date} and {top} filled."""
    headline = top[0].headline if top else ""
    short_date = long_date.split(" ", 1)[-1]
    subject = (template or "{title}").replace("{title}", title)
    subject = subject.replace("{date}", short_date).replace("{top}", headline)
    return _shorten(one_line(subject), 200)


def make_preheader(digest: Digest) -> str:
    """Return 40-130 characters naming the top stories, for the inbox preview line."""
    headlines = [one_line(b.headline) for b in digest.stories if one_line(b.headline)]
    text = ""
    for h in headlines:
        candidate = f"{text} · {h}" if text else h
        if len(candidate) > 130:
            break
        text = candidate
    if not text and headlines:
        text = _shorten(headlines[0], 130)
    if len(text) < 40:
        count = len(digest.stories)
        tail = f"{count} {'story' if count == 1 else 'stories'} in today's {one_line(digest.title)}"
        text = f"{text} — {tail}" if text else f"{tail}, {format_date(digest.date)}"
    if len(text) < 40:
        text = f"{text}: the news that matters, briefly"
    return _shorten(text, 130)


def _shorten(text: str, limit: int) -> str:
    """Return ``text`` cut at a word boundary to at most ``limit`` characters, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:·—-")
    return cut + "…"


def wrap_text(text: str, width: int = TEXT_WIDTH, indent: str = "", first: str | None = None) -> str:
    """Return ``text`` word-wrapped to ``width``, later lines prefixed with ``indent``.

    ``first`` prefixes the first line (default ``indent``). A URL too long for a line gets a
    line to itself rather than being broken; any other over-long word is split.
    """
    lines: list[str] = []
    prefix, words = indent if first is None else first, []
    for word in _pieces(one_line(text), width - len(indent)):
        if words and len(prefix) + len(" ".join(words)) + 1 + len(word) > width:
            lines.append(prefix + " ".join(words))
            prefix, words = indent, []
        words.append(word)
        if len(prefix) + len(word) > width:  # a lone long URL: nothing may share its line
            lines.append(prefix + word)
            prefix, words = indent, []
    if words:
        lines.append(prefix + " ".join(words))
    return "\n".join(lines)


def _pieces(text: str, room: int):
    """Yield the words of ``text``, splitting any non-URL word longer than ``room``."""
    for word in text.split(" "):
        while len(word) > room and "://" not in word:
            yield word[:room]
            word = word[room:]
        if word:
            yield word


def _tidy_text(text: str) -> str:
    """Return ``text`` with trailing spaces gone and runs of blank lines squeezed to one."""
    lines = [line.rstrip() for line in text.splitlines()]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip("\n") + "\n"


def _language(code: str) -> str:
    """Return a BCP 47 tag for <html lang>; "en" when the config gives nothing usable."""
    code = (code or "").strip()
    return code if re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", code) and code != "und" else "en"


# --- colours: contrast-checked palettes for light and dark -------------------------------


def _rgb(colour: str) -> tuple[float, float, float] | None:
    """Return ``#rgb``/``#rrggbb`` as 0-1 floats, or None for anything else."""
    m = re.fullmatch(r"#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})", (colour or "").strip())
    if not m:
        return None
    h = m.group(1)
    h = "".join(c * 2 for c in h) if len(h) == 3 else h
    return tuple(int(h[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{round(max(0.0, min(1.0, c)) * 255):02x}" for c in rgb)


def luminance(colour: str) -> float:
    """Return the WCAG relative luminance of a ``#rrggbb`` colour."""
    rgb = _rgb(colour) or (0.0, 0.0, 0.0)
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    """Return the WCAG contrast ratio between two ``#rrggbb`` colours (1-21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def mix(a: str, b: str, t: float) -> str:
    """Return the colour ``t`` of the way from ``a`` to ``b``."""
    ra, rb = _rgb(a) or (0, 0, 0), _rgb(b) or (0, 0, 0)
    return _hex(tuple(x + (y - x) * t for x, y in zip(ra, rb)))  # type: ignore[arg-type]


def readable(colour: str, *, on: tuple[str, ...], towards: str, ratio: float = 4.6) -> str:
    """Return ``colour`` moved towards ``towards`` until it reaches ``ratio`` on every ``on``."""
    for step in range(0, 21):
        candidate = mix(colour, towards, step / 20)
        if all(contrast(candidate, bg) >= ratio for bg in on):
            return candidate
    return towards


def _colour(value: str, default: str, name: str) -> str:
    if _rgb(value):
        return _hex(_rgb(value))  # type: ignore[arg-type]
    log.warning("theme.%s: %r is not a #rrggbb colour; using %s", name, value, default)
    return default


def light_palette(theme: ThemeSettings) -> dict[str, str]:
    """Return the light colours, nudged darker where the theme's would fail 4.5:1."""
    base = ThemeSettings()
    page = _colour(theme.background, base.background, "background")
    card = _colour(theme.card, base.card, "card")
    grounds = (page, card)
    text = readable(_colour(theme.text, base.text, "text"), on=grounds, towards="#000000", ratio=7)
    accent = readable(_colour(theme.accent, base.accent, "accent"), on=grounds, towards="#000000")
    muted = _muted(text, card, grounds)
    return {"page": page, "card": card, "text": text, "accent": accent, "muted": muted,
            "rule": mix(text, card, 0.85), "on_accent": card}


def dark_palette(theme: ThemeSettings) -> dict[str, str]:
    """Return the dark-mode colours: near-black grounds, light text, the accent lightened."""
    base = ThemeSettings()
    page, card = "#121212", "#1e1e1e"
    grounds = (page, card)
    accent = readable(_colour(theme.accent, base.accent, "accent"), on=grounds, towards="#ffffff")
    text = "#ececec"
    return {"page": page, "card": card, "text": text, "accent": accent,
            "muted": _muted(text, card, grounds), "rule": "#3a3a3a", "on_accent": card}


def _muted(text: str, card: str, grounds: tuple[str, ...]) -> str:
    """Return a secondary text colour: as far from ``text`` towards ``card`` as 4.6:1 allows."""
    for step in range(8, -1, -1):
        candidate = mix(text, card, step / 20)
        if all(contrast(candidate, bg) >= 4.6 for bg in grounds):
            return candidate
    return text
