"""Where the templates come from, and the Jinja2 environment that loads them.

A theme folder given in the settings comes first, then the default theme: inside the package
in an installed wheel, at the top of a checkout otherwise. The environment is strict
(``StrictUndefined``), autoescapes ``*.mjml.j2`` and ``*.html.j2`` only, and has the text
filters the templates use (``wrap``, ``nobreak``).
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

from digest.render.text import nobreak, wrap_text

if TYPE_CHECKING:
    import jinja2

_PACKAGE_THEME = Path(__file__).parents[1] / "templates"  # inside an installed wheel
_REPO_THEME = Path(__file__).parents[2] / "templates"  # the checkout's top-level theme


def theme_folders(templates_dir: Path | None) -> list[Path]:
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
        loader=jinja2.FileSystemLoader([str(p) for p in theme_folders(templates_dir)]),
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
