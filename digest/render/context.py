"""The template context: what the templates are given to show a digest.

``build_context`` turns a digest and its settings into the values, the light and dark palettes
and the ready-made strings (subject, preheader, dates, safe links) the templates print; each
brief is wrapped in a BriefView with its sources numbered for the text twin's footnotes and its
quotes split around the speaker's name.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from digest.model import Brief, Digest
from digest.render.palette import dark_palette, light_palette
from digest.render.quoteview import QuoteView, quote_view
from digest.render.text import (TEXT_WIDTH, fill_token, format_date, language_tag, make_preheader, make_subject,
                                nobreak, safe_font, safe_url, text_direction)

if TYPE_CHECKING:
    from digest.render import RenderSettings


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
class BriefView:
    """A brief plus what the templates need beside it."""

    brief: Brief  # the brief itself
    number: int  # its place in this email, 1 for the first
    anchor: str  # id of its headline, the contents list links to it
    sources: tuple[SourceLink, ...]  # its outlets, numbered for the text twin
    link: SourceLink | None  # first linked source (the "More stories" link)
    quotes: tuple[QuoteView, ...]  # its Who-said-what block
    ahead: tuple[tuple[str, str], ...] = ()  # its What next: (sentence, outlet cited after it, or "")

    @property
    def ahead_text(self) -> str:
        """What next as the text twin prints it, each outlet in brackets after its sentences, kept whole."""
        return " ".join(f"{text} {nobreak(f'({outlet})')}" if outlet else text for text, outlet in self.ahead)


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
                     link=first, quotes=quotes, ahead=cited_once(brief.cited_next()))


def cited_once(cited: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    """``cited`` with each outlet named once, after the last of its sentences in a row:
    "A. B. (The Times) C. (Courier)" rather than "A. (The Times) B. (The Times) C. (Courier)"."""
    return tuple((text, "" if i + 1 < len(cited) and cited[i + 1][1] == outlet else outlet)
                 for i, (text, outlet) in enumerate(cited))
