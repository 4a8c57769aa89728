"""config.toml's schema: one frozen dataclass a table, each field with its default and meaning.

Secrets never live in the file: ``[smtp] password_env`` names an environment variable that is
read only when a message is sent. ``config.load`` reads a file into these classes
(``load_config``), and ``config.checks`` holds the checks on values that need more than a type.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

# Kinds of page the email carries unless [rank] kinds says otherwise: roundups, deal posts,
# podcasts and the rest are not news of an event.
DEFAULT_KINDS = ("report", "opinion", "explainer")

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
