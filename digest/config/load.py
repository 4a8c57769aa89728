"""config.toml -> Config. Every problem is collected and reported at once.

Each table's keys are matched to its dataclass's fields and type-checked, ``[[feeds]]`` is
validated (a feed's file path made absolute against config.toml's folder), then the checks of
``config.checks`` run; one ConfigError lists all that is wrong. An unknown table or key is
only a warning.
"""

from __future__ import annotations

import logging
import math
import tomllib
from dataclasses import fields, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from digest.config import (ArticleSettings, Config, DigestSettings, EmailSettings, FeedConfig, FetchSettings,
                           LlmSettings, RankSettings, SmtpSettings, StoreSettings, ThemeSettings)
from digest.config.checks import check_values
from digest.emailtext import XML_ILLEGAL
from digest.errors import ConfigError

# The name its warnings have always been logged under ("WARNING digest.config: ...").
log = logging.getLogger("digest.config")

# The TOML key for a field when it differs from the field name.
_KEY_ALIASES = {("email", "sender"): "from"}
_SECTIONS = {
    "digest": DigestSettings,
    "articles": ArticleSettings,
    "fetch": FetchSettings,
    "store": StoreSettings,
    "rank": RankSettings,
    "email": EmailSettings,
    "smtp": SmtpSettings,
    "theme": ThemeSettings,
    "llm": LlmSettings,
}
# Optional keys whose type is not that of their default (None): a sample value of the type.
_OPTIONAL_TYPES = {("llm", "seed"): 0}


def load_config(path: str | Path) -> Config:
    """Read and validate ``path``; raise ConfigError listing every problem found."""
    path = Path(path)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(str(path), ["file not found (pass --config PATH)"]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(str(path), [f"cannot read the file: {exc}"]) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(str(path), [f"not valid TOML: {exc}"]) from None
    problems: list[str] = []
    for key in raw:
        if key not in _SECTIONS and key != "feeds":
            log.warning("%s: unknown section [%s] ignored", path, key)
    sections = {name: _section(raw, name, cls, problems) for name, cls in _SECTIONS.items()}
    feeds = _feeds(raw.get("feeds"), path.parent, problems)
    sections["store"] = replace(sections["store"], path=path.resolve().parent / sections["store"].path)
    check_values(sections, problems)
    if problems:
        raise ConfigError(str(path), problems)
    return Config(path=path, feeds=feeds, **sections)


def _section(raw: dict[str, Any], name: str, cls: type, problems: list[str]) -> Any:
    """Build one settings dataclass from ``raw[name]``, checking key names and types."""
    table = raw.get(name, {})
    if not isinstance(table, dict):
        problems.append(f"[{name}] must be a table")
        return cls()
    values: dict[str, Any] = {}
    known = set()
    for f in fields(cls):
        key = _KEY_ALIASES.get((name, f.name), f.name)
        known.add(key)
        if key in table:
            sample = _OPTIONAL_TYPES.get((name, f.name), f.default)
            value = _coerce(table[key], sample, f"{name}.{key}", problems)
            if value is not None or f.default is None:
                values[f.name] = value
    for key in table:
        if key not in known:
            log.warning("unknown key %s.%s ignored", name, key)
    return cls(**values)


def _coerce(value: Any, default: Any, where: str, problems: list[str]) -> Any:
    """Check ``value`` against the type of ``default``; return it converted, or None."""
    if isinstance(default, bool):
        ok = isinstance(value, bool)
    elif isinstance(default, int):
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif isinstance(default, float):
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        value = float(value) if ok else value
    elif isinstance(default, tuple):
        ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
        value = tuple(value) if ok else value
    elif isinstance(default, Path):
        ok = isinstance(value, str) and bool(value)
        value = Path(value) if ok else value
    else:  # str or optional str
        ok = isinstance(value, str)
    if not ok:
        problems.append(f"{where}: expected {_type_name(default)}, got {value!r}")
        return None
    texts = value if isinstance(value, tuple) else (value,) if isinstance(value, str) else ()
    if any(XML_ILLEGAL.search(t) for t in texts):  # it would fail the MJML step
        problems.append(f"{where}: contains a control character (such as \\u000b); remove it")
        return None
    return value


def _type_name(default: Any) -> str:
    if isinstance(default, bool):
        return "true or false"
    if isinstance(default, (int, float)):
        return "a number"
    if isinstance(default, tuple):
        return "a list of strings"
    return "a string"


def _feeds(raw: Any, base: Path, problems: list[str]) -> tuple[FeedConfig, ...]:
    """Validate ``[[feeds]]``; file paths become absolute against ``base``."""
    if raw is None:
        problems.append("feeds: no [[feeds]] tables: add at least one feed")
        return ()
    if not isinstance(raw, list):
        problems.append("feeds: must be an array of tables ([[feeds]])")
        return ()
    feeds, seen = [], set()
    for i, table in enumerate(raw):
        where = f"feeds[{i}]"
        if not isinstance(table, dict):
            problems.append(f"{where}: must be a table")
            continue
        for key in table:
            if key not in ("name", "url", "weight"):
                log.warning("unknown key %s.%s ignored", where, key)
        name, url, weight = table.get("name"), table.get("url"), table.get("weight", 1.0)
        if not isinstance(name, str) or not name.strip():
            problems.append(f"{where}.name: required, a non-empty string")
        if not isinstance(url, str) or not url.strip():
            problems.append(f"{where}.url: required, an http(s) URL or a file path")
            continue
        if (not isinstance(weight, (int, float)) or isinstance(weight, bool)
                or not (math.isfinite(weight) and 0 <= weight <= 100)):
            problems.append(f"{where}.weight: expected a number from 0 to 100, got {weight!r}")
            weight = 1.0
        url = url.strip()
        source = _feed_source(url, base, where, problems)
        if source in seen:
            problems.append(f"{where}.url: {url} is listed twice")
        seen.add(source)
        if isinstance(name, str) and name.strip():
            feeds.append(FeedConfig(name=name.strip(), url=url, weight=float(weight), source=source))
    return tuple(feeds)


def _feed_source(url: str, base: Path, where: str, problems: list[str]) -> str:
    """Where to fetch a feed: an http(s) URL unchanged, or a path made absolute against
    config.toml's folder (so digest.json and entry ids do not depend on the checkout)."""
    scheme = urlsplit(url).scheme.lower()
    if scheme in ("http", "https"):
        if not urlsplit(url).hostname:
            problems.append(f"{where}.url: {url!r} has no host name")
        return url
    if scheme == "file":
        url = urlsplit(url).path
    elif scheme and len(scheme) > 1:
        problems.append(f"{where}.url: scheme {scheme!r} not supported (use http, https or a path)")
        return url
    return str((base / url).resolve())
