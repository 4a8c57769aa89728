"""The commands that make the edition and watch its sources: build, fetch, render and feeds.

Besides the commands: the summariser a build is given, the build itself (``run`` and the
preview's rebuild call it too) and the closing lines of a build and of a fetch.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import datetime
from functools import partial
from pathlib import Path

import typer

from digest import deliver, pipeline
from digest.cli.options import ConfigOpt, NowOpt, OutOpt, app, new_fetcher, parse_now, report, user_errors
from digest.config import Config
from digest.config.load import load_config
from digest.kinds import count_text
from digest.llmclient import ChatClient
from digest.model import FEED_ERROR, FEED_NOT_MODIFIED
from digest.store import Store
from digest.summarise import Summariser, get_summariser, summariser_note


def make_summariser(config: Config, *, store: Store, now: datetime) -> Summariser:
    """The backend chosen by ``[digest] summariser``, wired to the model's server and the cache."""
    key, unavailable = None, None
    if config.llm.api_key_env:
        key = os.environ.get(config.llm.api_key_env) or None
        if key is None and config.digest.summariser == "llm":
            unavailable = f"${config.llm.api_key_env} is not set ([llm] api_key_env): not asked"
    client = ChatClient(config.llm, api_key=key, unavailable=unavailable)
    ask = partial(pipeline.ask_with_cache, client=client, store=store, now=now)
    return get_summariser(config.digest.summariser, settings=config.llm, ask=ask)


def run_build(config: Config, *, out: Path, now: datetime) -> tuple[pipeline.Built, str | None]:
    """Build the edges, run the pipeline and write the files; return them and the summariser's note."""
    fetcher = new_fetcher(config.fetch)
    with Store.open(config.store.path) as store:
        summariser = make_summariser(config, store=store, now=now)
        digest = pipeline.build(config, now=now, fetcher=fetcher, store=store, summariser=summariser)
        built = pipeline.write_digest(digest, config, out_dir=out, now=now, store=store)
    return built, summariser_note(summariser)


def summary_line(built: pipeline.Built, out: Path, note: str | None = None) -> str:
    """The one line that ends a build; ``note`` is the summariser's (the model's tally)."""
    tail = f"; {note}" if note else ""
    return _summary(built, out) + tail


def _summary(built: pipeline.Built, out: Path) -> str:
    feeds = built.digest.feeds
    failed = sum(f.status == FEED_ERROR for f in feeds)
    ok = f"{len(feeds) - failed}/{len(feeds)} feeds"
    tail = f" ({failed} feed{'s' if failed != 1 else ''} failed: see digest feeds)" if failed else ""
    stale = len(built.digest.stale)
    if stale:  # old news its feed re-dated: the pages (logged with their URLs) say so
        tail += f" ({stale} entr{'y' if stale == 1 else 'ies'} left out: page dated before the lookback)"
    if built.rendered is None:
        return f"Nothing to send: no story passed the ranking threshold from {ok}; no email written{tail}"
    n = len(built.digest.stories)
    return f"Built digest: {n} stor{'y' if n == 1 else 'ies'} from {ok} → {out / 'digest.html'}{tail}"


@app.command()
@user_errors
def build(
    config: ConfigOpt = Path("config.toml"),
    out: OutOpt = Path("out"),
    now: NowOpt = None,
) -> None:
    """Read the feeds, group and rank the stories, write the digest files into --out.

    Writes digest.html, digest.txt, digest.eml, digest.json and digest.mjml.

    Example: digest build --config config.toml --out out/ --now 2026-11-23T06:00:00Z
    """
    cfg = load_config(config)
    built, note = run_build(cfg, out=out, now=parse_now(now))
    report(summary_line(built, out, note))


@app.command()
@user_errors
def fetch(
    config: ConfigOpt = Path("config.toml"),
    now: NowOpt = None,
) -> None:
    """Collect the due feeds (and, with [articles] fetch, new article pages) into the store.

    Builds nothing: run it from cron every hour so that busy feeds lose no item between
    builds; `digest build` then uses what is stored.

    Example: digest fetch --config config.toml
    """
    cfg = load_config(config)
    fetcher = new_fetcher(cfg.fetch)
    with Store.open(cfg.store.path) as store:
        collected = pipeline.collect(cfg, now=parse_now(now), fetcher=fetcher, store=store)
    report(fetch_summary(collected, cfg.store.path))


def fetch_summary(collected: pipeline.Collected, path: Path) -> str:
    """The one line that ends `digest fetch`."""
    feeds = collected.feeds
    failed = sum(f.status == FEED_ERROR for f in feeds)
    same = sum(f.status == FEED_NOT_MODIFIED for f in feeds)
    entries = sum(f.entries for f in feeds)
    tail = f" ({failed} feed{'s' if failed != 1 else ''} failed: see digest feeds)" if failed else ""
    return (f"Fetched {len(feeds) - failed}/{len(feeds)} feeds ({same} not modified): {entries} "
            f"entries read, {collected.articles} article pages → {path}{tail}")


@app.command()
@user_errors
def render(
    config: ConfigOpt = Path("config.toml"),
    out: OutOpt = Path("out"),
) -> None:
    """Re-render the email files from an edited DIR/digest.json.

    Example: digest render --out out/   (after editing out/digest.json)
    """
    cfg = load_config(config)
    digest = deliver.load_edition(out)
    built = pipeline.write_digest(digest, cfg, out_dir=out, now=digest.generated_at)
    report(f"Rendered {len(built.digest.stories)} stories from {out / 'digest.json'} → {out / 'digest.html'}")


@app.command()
@user_errors
def feeds(config: ConfigOpt = Path("config.toml")) -> None:
    """Print each feed's health from the store: last success, failures in a row, next attempt.

    Example: digest feeds --config config.toml
    """
    cfg = load_config(config)
    if not cfg.store.path.exists():
        typer.echo(f"No state yet at {cfg.store.path}: run `digest build` first.")
        return
    with Store.open(cfg.store.path) as store:
        rows = [(f, store.feed_state(f.url)) for f in cfg.feeds]
        kinds = store.kind_counts()
    typer.echo(feed_table(rows, kinds=kinds))


def feed_table(rows: list, *, kinds: Mapping[str, Mapping[str, int]] = {}) -> str:
    """A plain aligned table of feed health, with the stored entries of each kind."""
    def when(t: datetime | None) -> str:
        return t.strftime("%Y-%m-%d %H:%M") if t else "-"

    lines = [("feed", "status", "last success", "failures", "next attempt", "kinds", "last error")]
    for feed, st in rows:
        status = "dead (410)" if st.dead else "failing" if st.failures else "ok" if st.last_success else "new"
        lines.append((feed.name, status, when(st.last_success), str(st.failures),
                      when(st.next_attempt), count_text(kinds.get(feed.url, {})), (st.last_error or "")[:60]))
    widths = [max(len(r[i]) for r in lines) for i in range(6)]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths)) + "  " + r[6] for r in lines).rstrip()
