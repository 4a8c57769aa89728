"""MJML -> the email's HTML: MRML renders it, then premailer inlines the light-mode CSS.

Both are imported on first use. premailer is told to leave every ``<style>`` block alone, so
the media queries, ``prefers-color-scheme`` and Outlook.com ``[data-ogsc]`` rules survive, and
the lower-case doctype it would drop is put back.
"""

from __future__ import annotations

import logging
import re

from digest.errors import RenderError

_DOCTYPE = re.compile(r"^\s*<!doctype[^>]*>\s*", re.IGNORECASE)
_STYLE_TAG = re.compile(r"<style(?![^>]*data-premailer)", re.IGNORECASE)


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
