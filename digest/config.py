"""config.toml -> frozen dataclasses. Every problem is collected and reported at once.

Secrets never live in the file: ``[smtp] password_env`` names an environment variable that is
read only when a message is sent.
"""

from __future__ import annotations

import logging
import math
import re
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from digest.emailtext import XML_ILLEGAL
from digest.errors import ConfigError
from digest.model import KINDS

# Kinds of page the email carries unless [rank] kinds says otherwise: roundups, deal posts,
# podcasts and the rest are not news of an event.
DEFAULT_KINDS = ("report", "opinion", "explainer")

log = logging.getLogger(__name__)

MIB = 1024 * 1024
TRANSPORTS = ("smtp", "file")  # the senders digest/send.py registers


@dataclass(frozen=True)
class FeedConfig:
    """One ``[[feeds]]`` table."""

    name: str  # outlet name shown in attributions
    url: str  # as written in config.toml: the feed's identity in the store and in digest.json
    weight: float = 1.0  # ranking weight
    source: str = ""  # where to fetch it: the URL, or the file path resolved from config.toml's folder

    def __post_init__(self) -> None:
        if not self.source:
            object.__setattr__(self, "source", self.url)


@dataclass(frozen=True)
class DigestSettings:
    """``[digest]``: what the edition is."""

    title: str = "The Daily Brief"  # masthead and subject
    max_stories: int = 10  # briefs in one email
    lookback_hours: float = 36.0  # entries older than now - lookback are ignored
    intro: str | None = None  # optional note under the masthead
    show_why: bool = False  # show each story's ranking reason in the email
    language: str = "en"  # <html lang>
    web_url: str | None = None  # "view in browser" link, if the digest is published
    summariser: str = "extractive"  # summariser backend from the registry


@dataclass(frozen=True)
class ArticleSettings:
    """``[articles]``: whether to fetch linked pages."""

    fetch: bool = True  # fetch each new entry's page and extract its main text


@dataclass(frozen=True)
class FetchSettings:
    """``[fetch]``: limits for every request."""

    timeout: float = 20.0  # total seconds for one request, body included
    connect_timeout: float = 10.0  # seconds to connect
    max_bytes: int = 15 * MIB  # body cap, measured after decompression
    concurrency: int = 256  # requests in flight, all hosts (bench/collect_results.md)
    per_host: int = 4  # requests in flight to one host at first
    per_host_max: int = 16  # in flight to one host while it answers promptly (adaptive)
    max_redirects: int = 5  # redirect hops followed
    allow_private: bool = False  # let links found in feeds reach private addresses
    full_fetch_hours: float = 24.0  # ignore validators this often (servers that lie about 304)
    fresh_minutes: float = 10.0  # a feed that answered less than this ago is not asked again
    user_agent: str = "digest/0.1 (+https://github.com/digest-news/digest)"  # User-Agent header


@dataclass(frozen=True)
class StoreSettings:
    """``[store]``: where state lives."""

    path: Path = Path(".digest/state.sqlite3")  # resolved against config.toml's folder
    keep_days: int = 30  # forget entries, article texts and sent stories older than this


@dataclass(frozen=True)
class RankSettings:
    """``[rank]``: what matters to this reader."""

    min_score: float = 1.0  # stories scoring below this are left out
    boost: tuple[str, ...] = ()  # topic terms that lift a story
    mute: tuple[str, ...] = ()  # terms that drop a story entirely
    max_run: int = 2  # at most this many stories in a row led by the same outlet
    kinds: tuple[str, ...] = DEFAULT_KINDS  # kinds of page that may appear in the email


@dataclass(frozen=True)
class EmailSettings:
    """``[email]``: the envelope and the legal footer."""

    sender: str = "The Daily Brief <brief@example.com>"  # From (key ``from``)
    to: tuple[str, ...] = ()  # recipients
    subject: str = "{title} — {date}"  # subject template: {title}, {date}, {top}
    reply_to: str | None = None  # Reply-To, if any
    unsubscribe_url: str | None = None  # https URL; {token} becomes a per-recipient token
    unsubscribe_mailto: str | None = None  # mailto address for List-Unsubscribe
    postal_address: str | None = None  # shown in the footer
    transport: str = "smtp"  # how `digest send` delivers: smtp | file (.eml files in DIR/outbox)
    token_secret_env: str = "DIGEST_TOKEN_SECRET"  # env var with the secret for {token} (HMAC)


@dataclass(frozen=True)
class SmtpSettings:
    """``[smtp]``: the mail server."""

    host: str = "localhost"  # server name
    port: int = 587  # server port
    security: str = "starttls"  # starttls | ssl | none
    username: str | None = None  # login, if the server wants one
    password_env: str = "DIGEST_SMTP_PASSWORD"  # environment variable holding the password
    timeout: float = 30.0  # seconds for each SMTP step


@dataclass(frozen=True)
class ThemeSettings:
    """``[theme]``: how the email looks."""

    accent: str = "#b3261e"  # links and labels
    text: str = "#1f1f1f"  # body text
    background: str = "#f4f1ea"  # page behind the card
    card: str = "#ffffff"  # the card the briefs sit on
    font: str = "Georgia, 'Times New Roman', serif"  # body font stack
    heading_font: str = "Helvetica, Arial, sans-serif"  # headline font stack
    logo_url: str | None = None  # https URL of a logo image
    logo_alt: str | None = None  # its alt text (defaults to the title)


@dataclass(frozen=True)
class LlmSettings:
    """``[llm]``: the OpenAI-compatible endpoint ``summariser = "llm"`` writes briefs with."""

    base_url: str = ""  # API root; requests go to {base_url}/chat/completions
    model: str = ""  # model name as the server knows it ("llama3.1:8b", "gpt-4o-mini")
    api_key_env: str | None = None  # env var holding the API key; local servers need none
    timeout: float = 120.0  # seconds for one story's answer, retries included
    concurrency: int = 2  # requests in flight
    max_input_chars: int = 12000  # characters of source text sent per story, shared by its sources
    temperature: float = 0.0  # sampling temperature; 0 for the steadiest answers
    seed: int | None = None  # sampling seed, for servers that honour one


@dataclass(frozen=True)
class Config:
    """The whole of config.toml."""

    path: Path  # the file it was read from
    digest: DigestSettings  # [digest]
    feeds: tuple[FeedConfig, ...]  # [[feeds]]
    articles: ArticleSettings = field(default_factory=ArticleSettings)  # [articles]
    fetch: FetchSettings = field(default_factory=FetchSettings)  # [fetch]
    store: StoreSettings = field(default_factory=StoreSettings)  # [store]
    rank: RankSettings = field(default_factory=RankSettings)  # [rank]
    email: EmailSettings = field(default_factory=EmailSettings)  # [email]
    smtp: SmtpSettings = field(default_factory=SmtpSettings)  # [smtp]
    theme: ThemeSettings = field(default_factory=ThemeSettings)  # [theme]
    llm: LlmSettings = field(default_factory=LlmSettings)  # [llm]


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
_ENV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


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
    _check_values(sections, problems)
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


def _check_values(s: dict[str, Any], problems: list[str]) -> None:
    """Range and choice checks that need more than a type."""
    d, f, e, smtp = s["digest"], s["fetch"], s["email"], s["smtp"]
    if d.max_stories < 1:
        problems.append(f"digest.max_stories: must be at least 1, got {d.max_stories}")
    # Bounded ranges: nan, inf and absurd sizes would surface later as a traceback or a
    # silently empty digest.
    for where, value, low, high in (
        ("digest.lookback_hours", d.lookback_hours, 0, 24 * 365),
        ("fetch.timeout", f.timeout, 0, 3600),
        ("fetch.connect_timeout", f.connect_timeout, 0, 3600),
        ("fetch.full_fetch_hours", f.full_fetch_hours, 0, 24 * 365),
        ("smtp.timeout", smtp.timeout, 0, 3600),
    ):
        if not (math.isfinite(value) and low < value <= high):
            problems.append(f"{where}: must be above {low} and at most {high}, got {value}")
    if not (math.isfinite(f.fresh_minutes) and 0 <= f.fresh_minutes <= 24 * 60):
        problems.append(f"fetch.fresh_minutes: must be from 0 to 1440, got {f.fresh_minutes}")
    if not math.isfinite(s["rank"].min_score):
        problems.append(f"rank.min_score: must be a finite number, got {s['rank'].min_score}")
    if not 1 <= s["store"].keep_days <= 3650:
        problems.append(f"store.keep_days: must be from 1 to 3650, got {s['store'].keep_days}")
    _check_kinds(s["rank"].kinds, problems)
    if not 1024 <= f.max_bytes <= 2**30:
        problems.append(f"fetch.max_bytes: must be from 1024 to 1073741824 (1 GiB), got {f.max_bytes}")
    if not (1 <= f.concurrency <= 1024 and 1 <= f.per_host <= 1024 and 0 <= f.max_redirects <= 50):
        problems.append("fetch: concurrency and per_host must be 1-1024, max_redirects 0-50")
    if not f.per_host <= f.per_host_max <= 1024:
        problems.append(f"fetch.per_host_max: must be from per_host ({f.per_host}) to 1024, "
                        f"got {f.per_host_max}")
    if smtp.security not in ("starttls", "ssl", "none"):
        problems.append(f"smtp.security: must be starttls, ssl or none, got {smtp.security!r}")
    if not 0 < smtp.port < 65536:
        problems.append(f"smtp.port: must be 1-65535, got {smtp.port}")
    if e.unsubscribe_url and urlsplit(e.unsubscribe_url).scheme not in ("http", "https"):
        problems.append("email.unsubscribe_url: must be an http(s) URL")
    if e.transport not in TRANSPORTS:
        problems.append(f"email.transport: must be {' or '.join(TRANSPORTS)}, got {e.transport!r}")
    if not e.to:
        problems.append("email.to: add at least one recipient (digest.eml needs a To header)")
    for addr in e.to:
        if "@" not in addr:
            problems.append(f"email.to: {addr!r} is not an email address")
    if "@" not in e.sender:
        problems.append(f"email.from: {e.sender!r} is not an email address")
    _check_llm(s["llm"], wanted=d.summariser == "llm", problems=problems)


def _check_llm(llm: LlmSettings, *, wanted: bool, problems: list[str]) -> None:
    """``[llm]``: required keys when the llm summariser is chosen, ranges always."""
    url = urlsplit(llm.base_url)
    if wanted and not llm.base_url:
        problems.append('llm.base_url: required when digest.summariser = "llm" '
                        '(e.g. "http://localhost:11434/v1")')
    elif llm.base_url and (url.scheme not in ("http", "https") or not url.hostname):
        problems.append(f"llm.base_url: must be an http(s) URL with a host, got {llm.base_url!r}")
    if wanted and not llm.model.strip():
        problems.append('llm.model: required when digest.summariser = "llm" (e.g. "llama3.1:8b")')
    if llm.api_key_env is not None and not _ENV_NAME.fullmatch(llm.api_key_env):
        problems.append(f"llm.api_key_env: {llm.api_key_env!r} is not an environment variable name")
    if not (math.isfinite(llm.timeout) and 0 < llm.timeout <= 3600):
        problems.append(f"llm.timeout: must be above 0 and at most 3600, got {llm.timeout}")
    if not (math.isfinite(llm.temperature) and 0 <= llm.temperature <= 2):
        problems.append(f"llm.temperature: must be from 0 to 2, got {llm.temperature}")
    if not 1 <= llm.concurrency <= 64:
        problems.append(f"llm.concurrency: must be 1-64, got {llm.concurrency}")
    if not 500 <= llm.max_input_chars <= 1_000_000:
        problems.append(f"llm.max_input_chars: must be from 500 to 1000000, got {llm.max_input_chars}")


def _check_kinds(kinds: tuple[str, ...], problems: list[str]) -> None:
    """``[rank] kinds`` names known kinds, at least one, each once."""
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        problems.append(f"rank.kinds: unknown kind {', '.join(map(repr, unknown))}; "
                        f"choose from {', '.join(KINDS)}")
    if not kinds:
        problems.append('rank.kinds: empty: list at least one kind, e.g. ["report"]')
    if len(set(kinds)) != len(kinds):
        problems.append("rank.kinds: a kind is listed twice")
