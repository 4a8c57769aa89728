"""Digest -> the email's three faces: MJML source, final HTML and a plain-text twin.

Jinja2 renders ``digest.mjml.j2`` (autoescaped) and ``digest.txt.j2`` (not escaped) from the
theme folder; mjml-python turns the MJML into HTML; premailer inlines the light-mode CSS from
``inline.css.j2`` and leaves every ``<style>`` block of the document alone, so the media
queries, ``prefers-color-scheme`` and Outlook.com ``[data-ogsc]`` rules survive.

The unsubscribe URL may hold ``{token}``. ``render_digest(…, token=None)`` fills it with
``PREVIEW_TOKEN`` so the files written by ``digest build`` never show a raw ``{token}``; a
sender that wants per-recipient links renders again with ``token=<that recipient's token>``
(rendering is deterministic and cheap) and passes the same token to ``mail.build_message``.

Here: the render with its HTML budget, and the rendered email's JSON form and the fingerprint
of its inputs, which let a build reuse it. The template context is built in ``render.context``,
the theme folders and the Jinja2 environment are in ``render.theme``, MRML and premailer in
``render.html``, the colours in ``render.palette`` and the string helpers in ``render.text``.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import logging
import math
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from digest.config import Config, DigestSettings, EmailSettings, ThemeSettings
from digest.errors import RenderError
from digest.model import Digest
from digest.render.context import build_context
from digest.render.html import mjml_to_html
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
from digest.render.theme import make_environment, theme_folders

if TYPE_CHECKING:
    import jinja2

log = logging.getLogger(__name__)

# Bytes of HTML before briefs move to "More stories". Gmail clips past GMAIL_CLIP_BYTES
# (102 KB); 90 KB leaves room for what a mail service adds (tracking links, footers).
HTML_BUDGET = 90 * 1024


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
    for folder in theme_folders(templates_dir):
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
