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

import functools
import hashlib
import importlib.util
import json
import logging
import math
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from digest.config import Config, DigestSettings, EmailSettings, ThemeSettings
from digest.errors import RenderError
from digest.model import Brief, Digest, Quote
from digest.render.palette import (  # noqa: F401 - re-exported
    contrast,
    dark_palette,
    light_palette,
)
from digest.render.text import (  # noqa: F401 - re-exported: the package's public helpers
    PREVIEW_TOKEN,
    SAFE_SCHEMES,
    TEXT_WIDTH,
    fill_token,
    format_date,
    language_tag,
    make_preheader,
    nobreak,
    make_subject,
    one_line,
    safe_font,
    safe_url,
    text_direction,
    tidy_text,
    wrap_text,
    xml_safe,
    xml_safe_digest,
)

if TYPE_CHECKING:
    import jinja2

log = logging.getLogger(__name__)

# Bytes of HTML before briefs move to "More stories". Gmail clips past GMAIL_CLIP_BYTES
# (102 KB); 90 KB leaves room for what a mail service adds (tracking links, footers).
HTML_BUDGET = 90 * 1024
_PACKAGE_THEME = Path(__file__).parents[1] / "templates"  # inside an installed wheel
_REPO_THEME = Path(__file__).parents[2] / "templates"  # the checkout's top-level theme
_DOCTYPE = re.compile(r"^\s*<!doctype[^>]*>\s*", re.IGNORECASE)
_STYLE_TAG = re.compile(r"<style(?![^>]*data-premailer)", re.IGNORECASE)


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
        """The outlet as the text twin cites it, ``Name [3]`` (or just the name), joined by
        no-break spaces: the wrap never ends a line between the name and its number."""
        return nobreak(f"{self.name} [{self.n}]" if self.n else self.name)


@dataclass(frozen=True)
class QuoteView:
    """A quote split so the speaker's name can be bold where the sentence already names them."""

    before: str  # text before the name ("" when the name leads)
    name: str  # the speaker's name, shown bold
    after: str  # the rest: the sentence after the name, or ": " and the whole sentence
    source: str  # outlet that reported it
    url: str | None = None  # that outlet's article (the quotation's cite), when linked


@dataclass(frozen=True)
class BriefView:
    """A brief plus what the templates need beside it."""

    brief: Brief  # the brief itself
    number: int  # its place in this email, 1 for the first
    anchor: str  # id of its headline, the contents list links to it
    sources: tuple[SourceLink, ...]  # its outlets, numbered for the text twin
    link: SourceLink | None  # first linked source (the "More stories" link)
    quotes: tuple[QuoteView, ...]  # its Who-said-what block


def render_digest(digest: Digest, *, settings: RenderSettings, token: str | None = None) -> Rendered:
    """Render ``digest``; briefs move to "More stories" until the HTML fits the budget.

    ``token`` fills ``{token}`` in the unsubscribe URL (``PREVIEW_TOKEN`` when None).
    Returns the Rendered email; its ``digest`` is the edition as rendered (write that one to
    digest.json so a re-render gives the same bytes). Raises RenderError when a template or
    MJML fails.
    """
    env = make_environment(settings.templates_dir)
    # Once, before any template: an XML-illegal character anywhere fails the MJML step.
    digest = xml_safe_digest(digest)
    briefs = len(digest.stories)
    rendered = _render_once(env, digest, settings, token)
    first_size = size = len(rendered.html.encode("utf-8"))
    while size > settings.html_budget and len(digest.stories) > 1:
        # Guess how many briefs to move from the average brief's share, then check again.
        per_brief = size / (len(digest.stories) + 1)
        drop = min(len(digest.stories) - 1, max(1, math.ceil((size - settings.html_budget) / per_brief)))
        digest = demote_briefs(digest, drop)
        rendered = _render_once(env, digest, settings, token)
        size = len(rendered.html.encode("utf-8"))
    moved = briefs - len(digest.stories)
    if moved:
        log.warning(
            "digest.html was %.1f KB, over the %.1f KB budget (Gmail clips at ~102 KB): moved the "
            "%d lowest-ranked brief(s) to More stories; now %.1f KB",
            first_size / 1024, settings.html_budget / 1024, moved, size / 1024,
        )
    if size > settings.html_budget:
        log.warning("digest.html is %.1f KB even with one brief: Gmail may clip it", size / 1024)
    return rendered


def demote_briefs(digest: Digest, count: int) -> Digest:
    """Return ``digest`` with its ``count`` lowest-ranked briefs moved to the front of ``more``."""
    keep, moved = digest.stories[:-count], digest.stories[-count:]
    return replace(digest, stories=keep, more=moved + digest.more)


def rendered_to_json(rendered: Rendered, moved: int, *, inputs: str) -> str:
    """The email's text parts as JSON, with how many briefs it moved to "More stories" and the
    fingerprint of what it was rendered from (``inputs``)."""
    parts = {k: getattr(rendered, k) for k in ("subject", "preheader", "mjml", "html", "text")}
    return json.dumps({**parts, "moved": moved, "inputs": inputs}, ensure_ascii=False, separators=(",", ":"))


def rendered_from_json(text: str, *, inputs: str) -> tuple[Rendered, int] | None:
    """The email ``rendered_to_json`` wrote (without its digest) and how many briefs it moved,
    when it was rendered from ``inputs``; else None."""
    parts = json.loads(text)
    if parts.pop("inputs", None) != inputs:
        return None
    moved = parts.pop("moved")
    return Rendered(**parts), moved


def render_inputs(templates_dir: Path | None = None) -> str:
    """What a render reads besides the digest and its settings: the SHA-256 of every file of the
    theme folders ``make_environment`` loads from, and which MRML, premailer, cssutils and Jinja2
    are installed (each package's entry file, its size and time: an upgrade rewrites it)."""
    digest = hashlib.sha256()
    for folder in _theme_folders(templates_dir):
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            digest.update(str(path).encode("utf-8", "surrogateescape") + b"\0" + path.read_bytes() + b"\0")
    for package in ("mjml", "premailer", "cssutils", "jinja2"):
        digest.update(f"{package}={_installed(package)}\0".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def _installed(package: str) -> str:
    """Where ``package`` is installed and when its entry file was written (no import: premailer
    costs ~100 ms to import, and a build that reuses its email never needs it)."""
    spec = importlib.util.find_spec(package)
    origin = spec.origin if spec else None
    if not origin or not os.path.exists(origin):
        return "?"
    stat = os.stat(origin)
    return f"{origin}:{stat.st_size}:{stat.st_mtime_ns}"


def _theme_folders(templates_dir: Path | None) -> list[Path]:
    """The folders templates are looked up in, first match wins: the override, then the default theme."""
    folders = [templates_dir] if templates_dir else []
    return folders + [p for p in (_PACKAGE_THEME, _REPO_THEME) if p.is_dir()]


@functools.lru_cache(maxsize=8)
def make_environment(templates_dir: Path | None = None) -> jinja2.Environment:
    """Return the strict Jinja2 environment for a theme folder (default: the built-in theme).

    Cached: compiling the templates is most of a render's time. Jinja2's auto_reload still
    checks each template's mtime, so an edited theme (``digest preview --watch``) is seen.
    """
    import jinja2  # imported on first use: a build that reuses its email renders nothing

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(p) for p in _theme_folders(templates_dir)]),
        undefined=jinja2.StrictUndefined,
        # select_autoescape matches the whole suffix: "mjml.j2", not "mjml".
        autoescape=jinja2.select_autoescape(["mjml.j2", "html.j2"], default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["wrap"] = wrap_text
    env.filters["nobreak"] = nobreak
    return env


def _render_once(env: jinja2.Environment, digest: Digest, settings: RenderSettings,
                 token: str | None) -> Rendered:
    """Render the templates once, without any budget check."""
    import jinja2  # loaded by make_environment already: here for its TemplateError

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
        mjml=source, html=html, text=tidy_text(text), digest=digest,
    )


def build_context(digest: Digest, *, settings: RenderSettings, token: str | None = None) -> dict:
    """Return the template context: the digest's values, the palette and ready-made strings."""
    theme, email = settings.theme, settings.email
    counter = iter(range(1, 10_000))
    stories = tuple(_view(b, i, counter) for i, b in enumerate(digest.stories, 1))
    # A "More stories" line cites one link: only that one takes a number, so the text twin's
    # footnotes run on without gaps.
    more = tuple(_view(b, i, counter, first_only=True) for i, b in enumerate(digest.more, len(stories) + 1))
    long_date = format_date(digest.date)
    return {
        "title": digest.title or settings.title,
        "date": digest.date,
        "long_date": long_date,
        "language": language_tag(settings.language),
        "direction": text_direction(language_tag(settings.language)),
        "intro": digest.intro,
        "stories": stories,
        "more": more,
        "show_why": settings.show_why,
        "web_url": safe_url(settings.web_url),
        "unsubscribe_url": safe_url(fill_token(email.unsubscribe_url, token)),
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


def _view(brief: Brief, number: int, counter: Iterator[int], *, first_only: bool = False) -> BriefView:
    """Wrap ``brief`` for the templates, numbering its linked sources from ``counter``
    (only the first linked one when ``first_only``)."""
    links: list[SourceLink] = []
    for s in brief.sources:
        url = safe_url(s.url, schemes=("http", "https"))
        numbered = url and not (first_only and any(x.n for x in links))
        links.append(SourceLink(name=s.name, title=s.title, url=url, n=next(counter) if numbered else None))
    first = next((s for s in links if s.url), None)
    urls = {s.name: s.url for s in reversed(links) if s.url}  # each outlet's first linked article
    quotes = tuple(replace(quote_view(q), url=urls.get(q.source)) for q in brief.who_said_what)
    return BriefView(brief=brief, number=number, anchor=f"story-{number}", sources=tuple(links),
                     link=first, quotes=quotes)


def quote_view(quote: Quote) -> QuoteView:
    """Return ``quote`` split around the speaker's name when the sentence names them.

    "Maren Holt, chief executive, said …" is shown with the name bold in place rather than
    as "Maren Holt: Maren Holt, chief executive, said …".
    """
    name = quote.speaker.split(",")[0].strip()
    at = quote.text.find(name) if len(name) > 2 else -1
    if at < 0:
        return QuoteView(before="", name=quote.speaker, after=": " + quote.text, source=quote.source)
    return QuoteView(before=quote.text[:at], name=name, after=quote.text[at + len(name):],
                     source=quote.source)


def mjml_to_html(source: str, *, inline_css: str = "") -> str:
    """Return email HTML for MJML ``source``: MRML, then premailer inlining ``inline_css``.

    Every ``<style>`` in the document is marked for premailer to skip (it would otherwise
    drop ``[data-ogsc]`` rules that match nothing yet); the doctype premailer loses for a
    lower-case ``<!doctype html>`` is put back.
    """
    try:
        import mjml

        html = mjml.mjml2html(source, disable_comments=True, fonts={})
    except Exception as exc:  # MRML raises plain exceptions carrying its parser message
        raise RenderError(f"MJML could not be rendered: {exc}") from exc
    html = _STYLE_TAG.sub('<style data-premailer="ignore"', _DOCTYPE.sub("", html, count=1))
    # Imported on first use: ~40 ms of every command's start-up otherwise (cssutils), and
    # `digest fetch` never renders.
    from premailer import Premailer

    inliner = Premailer(
        html, css_text=inline_css or None, strip_important=False, keep_style_tags=False,
        remove_classes=False, disable_validation=True, allow_network=False,
        cssutils_logging_level=logging.CRITICAL, exclude_pseudoclasses=True,
    )
    # premailer keeps the marker on styles it never looked at (inside Outlook comments).
    return "<!doctype html>\n" + inliner.transform().replace(' data-premailer="ignore"', "")
