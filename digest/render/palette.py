"""Colours: the theme's palette for light mode and a derived one for dark, both contrast-checked.

Every text colour reaches at least 4.5:1 (WCAG AA) on both the card and the page behind it;
a theme colour that would not is nudged towards black (light) or white (dark), with a warning
when it is not a ``#rrggbb`` colour at all.
"""

from __future__ import annotations

import logging
import re

from digest.config import ThemeSettings

log = logging.getLogger(__name__)


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
    return _hex(tuple(x + (y - x) * t for x, y in zip(ra, rb, strict=True)))  # type: ignore[arg-type]


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
    # Nudge towards whichever of black and white stands out more from the card: a theme may
    # well put its "light" mode on dark grounds.
    away = "#000000" if contrast("#000000", card) >= contrast("#ffffff", card) else "#ffffff"
    text = readable(_colour(theme.text, base.text, "text"), on=grounds, towards=away, ratio=7)
    accent = readable(_colour(theme.accent, base.accent, "accent"), on=grounds, towards=away)
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
