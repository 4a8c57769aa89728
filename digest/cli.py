"""The command line: builds the edges, hands them to the pipeline, turns DigestError into exit 1."""

from __future__ import annotations

import gc
import logging
import os
import sys
from collections.abc import Callable, Mapping
from datetime import datetime, timezone
from enum import Enum
from functools import partial, wraps
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from digest import deliver, pipeline
from digest.config import Config, FetchSettings, load_config
from digest.errors import DigestError
from digest.esp import FORMATS, Letter
from digest.fetch import Fetcher
from digest.kinds import count_text
from digest.model import FEED_ERROR, FEED_NOT_MODIFIED, SentStory
from digest.output import write_outputs
from digest.render import make_environment
from digest.send import Sender, make_sender, read_secret
from digest.serve import PreviewServer, Watcher
from digest.store import Store
from digest.llmclient import ChatClient
from digest.summarise import Summariser, get_summariser, summariser_note

log = logging.getLogger("digest")

app = typer.Typer(
    help="Turn a pile of feeds into a daily three-block news digest email.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)

F = TypeVar("F", bound=Callable[..., Any])

ConfigOpt = Annotated[Path, typer.Option("--config", "-c", help="Path to config.toml.")]
OutOpt = Annotated[Path, typer.Option("--out", "-o", help="Folder for the output files.")]


def _valid_now(value: str | None) -> str | None:
    """Check --now while the options are parsed: a bad value is a usage error (exit 2)."""
    parse_now(value)
    return value


NowOpt = Annotated[
    str | None,
    typer.Option("--now", callback=_valid_now,
                 help="Fix the clock (ISO 8601, e.g. 2026-11-23T06:00:00Z) for repeatable output."),
]


def user_errors(func: F) -> F:
    """Turn a DigestError into one red line on stderr and its exit code; bugs keep their traceback."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except DigestError as exc:
            typer.secho(f"error: {exc}", fg=typer.colors.RED, err=True)
            raise typer.Exit(exc.exit_code) from None

    return wrapper  # type: ignore[return-value]


def version_line() -> str:
    """``digest <version>``: from the installed package's metadata, else from the source tree."""
    from importlib import metadata  # ~20 ms of start-up that only --version needs

    try:
        return f"digest {metadata.version('digest')}"
    except metadata.PackageNotFoundError:  # run from a checkout (python -m digest)
        import digest as package

        return f"digest {package.__version__}"


def _print_version(value: bool) -> None:
    if value:
        typer.echo(version_line())
        raise typer.Exit()


@app.callback()
def main_options(
    verbose: Annotated[int, typer.Option("--verbose", "-v", count=True, help="More progress detail (-vv for debug).")] = 0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only problems: warnings and errors on stderr; "
                                        "no progress and no closing summary line.")] = False,
    version: Annotated[bool, typer.Option("--version", callback=_print_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """digest: feeds in, one readable email out.

    Example: digest build --config config.toml --out out/
    """
    _OPTIONS["quiet"] = quiet
    level = logging.WARNING if quiet or verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr,
                        force=True)


_OPTIONS = {"quiet": False}  # the global options of this invocation, set by main_options


def quiet() -> bool:
    """True when -q asked for problems only."""
    return _OPTIONS["quiet"]


def new_fetcher(settings: FetchSettings) -> Fetcher:
    """A Fetcher for this invocation: a progress bar on a terminal, none under --quiet."""
    return Fetcher(settings, progress=sys.stderr.isatty() and not quiet())


def report(line: str) -> None:
    """Print a command's closing line on stdout, unless -q asked for problems only.

    What a command was asked to show (the feed table, a --dry-run plan) is printed regardless.
    """
    if not quiet():
        typer.echo(line)


def parse_now(value: str | None) -> datetime:
    """The --now clock as an aware UTC time; the real clock when not given."""
    if value is None:
        return datetime.now(timezone.utc).replace(microsecond=0)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not an ISO 8601 time, e.g. 2026-11-23T06:00:00Z",
                                 param_hint="--now") from None
    if not 1971 <= moment.year <= 9000:  # room for the lookback arithmetic on either side
        raise typer.BadParameter(f"{value!r} is out of range (years 1971-9000)", param_hint="--now")
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)


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


# -- delivery -----------------------------------------------------------------------------

DryRunOpt = Annotated[bool, typer.Option("--dry-run", help="Print what would go where; send nothing.")]
ForceOpt = Annotated[bool, typer.Option("--force", help="Send even if this edition already went out.")]
DRY_RUN_SECRET = "dry-run"  # makes stand-in tokens when --dry-run runs without the secret


def make_transport(cfg: Config, out: Path) -> Sender:
    """The sender chosen by [email] transport (the file sender writes into DIR/outbox)."""
    return make_sender(cfg.email.transport, smtp=cfg.smtp, env=os.environ, outbox=out / "outbox")


def token_secret(cfg: Config, *, dry_run: bool = False) -> str | None:
    """The unsubscribe-token secret when the URL holds {token}; None when it does not."""
    if "{token}" not in (cfg.email.unsubscribe_url or ""):
        return None
    name = cfg.email.token_secret_env
    if dry_run and not os.environ.get(name):
        typer.secho(f"warning: ${name} is not set: tokens below are placeholders, and a real "
                    "send will refuse until it is set", fg=typer.colors.YELLOW, err=True)
        return DRY_RUN_SECRET
    return read_secret(os.environ, name, purpose="per-recipient unsubscribe tokens "
                       "([email] unsubscribe_url holds {token})")


def plan_lines(letters: list[Letter], sender: Sender) -> list[str]:
    """What --dry-run prints: the message, then one line per recipient."""
    first = letters[0].message
    size = len(deliver.outgoing(letters[:1], sender=str(first["From"]))[0].data) / 1024
    lines = [f"Would send {str(first['Subject'])!r} ({size:.1f} KB) from {first['From']} "
             f"via {sender.describe()} to {len(letters)} recipient(s):"]
    for letter in letters:
        unsubscribe = letter.message["List-Unsubscribe"]
        lines.append(f"  {letter.recipient}" + (f"  List-Unsubscribe: {unsubscribe}" if unsubscribe else ""))
    return lines


def sent_line(sent: deliver.Sent) -> str:
    """The line that ends a send."""
    d = sent.delivery
    total = len(d.sent) + len(d.refused)
    return (f"Sent the {sent.digest.date} edition ({len(sent.digest.stories)} stories) to "
            f"{len(d.sent)}/{total} recipient(s) via {sent.sender}")


def finish_send(sent: deliver.Sent) -> None:
    """Print the summary; a partial send still exits 1 so cron reports it."""
    report(sent_line(sent))
    if sent.delivery.refused:
        refused = "; ".join(f"{who}: {why}" for who, why in sent.delivery.refused)
        again = " ".join(f"--to {who}" for who, _ in sent.delivery.refused)
        typer.secho(f"error: refused: {refused} (the others got it; the stories are marked sent; "
                    f"to retry: digest send {again} --force)", fg=typer.colors.RED, err=True)
        raise typer.Exit(1)


def pick_recipients(letters: list[Letter], only: list[str]) -> list[Letter]:
    """The letters for the addresses in ``only``; each must be one of [email] to."""
    known = {x.recipient.lower(): x for x in letters}
    unknown = [a for a in only if a.lower() not in known]
    if unknown:
        raise typer.BadParameter(f"{', '.join(unknown)} not in [email] to", param_hint="--to")
    return [known[a.lower()] for a in dict.fromkeys(only)]


def already_line(day: str, earlier: SentStory) -> str:
    """The line for an edition that already went out."""
    when = earlier.sent_at.strftime("%H:%M UTC")
    n = len(earlier.uids)
    return (f"Already sent the {day} edition at {when} to {n} recipient(s); nothing sent "
            "(use --force to send it again)")


@app.command()
@user_errors
def send(
    config: ConfigOpt = Path("config.toml"),
    out: OutOpt = Path("out"),
    dry_run: DryRunOpt = False,
    force: ForceOpt = False,
    only: Annotated[list[str] | None, typer.Option(
        "--to", help="Send only to this address of [email] to (repeatable); with --force, "
        "to resend to someone who was refused.")] = None,
) -> None:
    """Send the digest in --out, one message per recipient in [email] to.

    Sends exactly what DIR holds: digest.json is rendered again and must match digest.html and
    digest.txt (after editing digest.json, run `digest render` first). Stories are marked sent
    only after the mail server accepted the message.

    Example: digest send --config config.toml --out out/ --dry-run
    """
    cfg = load_config(config)
    digest = deliver.load_edition(out)
    if not digest.stories:
        report(f"Nothing to send: {out / 'digest.json'} has no stories (a quiet day)")
        return
    sender = make_transport(cfg, out)
    secret = token_secret(cfg, dry_run=dry_run)
    clock = parse_now(None)
    letters = deliver.make_letters(digest, cfg, out_dir=out, now=clock, secret=secret)
    if only:
        letters = pick_recipients(letters, only)
    if dry_run:
        typer.echo("\n".join(plan_lines(letters, sender)))
        return
    with Store.open(cfg.store.path) as store:
        earlier = deliver.edition_sent(store, digest.date)
        if earlier and not force:
            report(already_line(digest.date, earlier))
            return
        sent = deliver.send_edition(digest, letters, cfg, sender=sender, store=store, now=clock)
    finish_send(sent)


@app.command()
@user_errors
def run(
    config: ConfigOpt = Path("config.toml"),
    out: OutOpt = Path("out"),
    now: NowOpt = None,
    force: ForceOpt = False,
) -> None:
    """Build and send today's digest: the command for cron. Sends at most once a day.

    A second run on the same day sends nothing unless --force. If the send fails, nothing is
    marked sent and the next run includes the same stories.

    Example: digest run --config /etc/digest/config.toml --out /var/lib/digest/out
    """
    cfg = load_config(config)
    clock = parse_now(now)
    sender = make_transport(cfg, out)
    secret = token_secret(cfg)
    fetcher = new_fetcher(cfg.fetch)
    with Store.open(cfg.store.path) as store:
        summariser = make_summariser(cfg, store=store, now=clock)
        result = deliver.run(cfg, out_dir=out, now=clock, fetcher=fetcher, store=store,
                              summariser=summariser, sender=sender, secret=secret, force=force)
    if result.earlier is not None:
        report(already_line(clock.date().isoformat(), result.earlier))
        return
    assert result.built is not None
    report(summary_line(result.built, out, summariser_note(summariser)))
    if result.sent is not None:
        finish_send(result.sent)


ExportFormat = Enum("ExportFormat", {name: name for name in FORMATS}, type=str)  # type: ignore[misc]


@app.command()
@user_errors
def export(
    format: Annotated[ExportFormat, typer.Option("--format", "-f", case_sensitive=False,
                                                 help="The mail service whose API body to write.")],
    config: ConfigOpt = Path("config.toml"),
    out: OutOpt = Path("out"),
) -> None:
    """Write DIR/<format>.json: the body of that mail service's send API, ready for curl.

    One message per recipient, with the same subject, bodies and List-Unsubscribe headers
    `digest send` would use. See README.md "Delivery" for the curl lines.

    Example: digest export --format postmark --out out/
    """
    cfg = load_config(config)
    digest = deliver.load_edition(out)
    if not digest.stories:
        report(f"Nothing to export: {out / 'digest.json'} has no stories (a quiet day)")
        return
    letters = deliver.make_letters(digest, cfg, out_dir=out, now=parse_now(None), secret=token_secret(cfg))
    path = out / f"{format.value}.json"
    write_outputs(out, {path.name: deliver.export_payload(format.value, letters)})
    report(f"Wrote {path} ({len(letters)} recipient(s))")


@app.command()
@user_errors
def preview(
    config: ConfigOpt = Path("config.toml"),
    out: OutOpt = Path("out"),
    port: Annotated[int, typer.Option("--port", "-p", min=0, max=65535, help="Port on 127.0.0.1.")] = 8000,
    watch: Annotated[bool, typer.Option("--watch", help="Rebuild when config.toml or a template changes.")] = False,
    now: NowOpt = None,
) -> None:
    """Serve the latest build on http://127.0.0.1:PORT: the email at phone and desktop widths,
    light and dark, the plain text, subject, preheader, size and feed health.

    With --watch, a template change re-renders from DIR/digest.json and a config.toml change
    rebuilds; the open page reloads itself.

    Example: digest preview --config config.toml --out out/ --watch
    """
    load_config(config)  # fail early on a broken config
    try:
        server = PreviewServer(lambda: deliver.preview_of(load_config(config), out), port=port)
    except OSError as exc:
        raise typer.BadParameter(f"cannot listen on 127.0.0.1:{port}: {exc.strerror or exc}",
                                 param_hint="--port") from None
    watcher = Watcher(lambda: watched_files(config), lambda changed: rebuild(
        server, changed, config=config, out=out, now=now)) if watch else None
    if watcher:
        watcher.start()
    typer.echo(f"Previewing {out} at {server.url}{' (watching for changes)' if watch else ''}; Ctrl-C stops")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        if watcher:
            watcher.stop()
        server.server_close()


def watched_files(config: Path) -> list[Path]:
    """config.toml and every file of the theme folders."""
    loader = make_environment(None).loader
    folders = [Path(p) for p in getattr(loader, "searchpath", [])]
    return [config.resolve()] + sorted(f for d in folders for f in d.rglob("*") if f.is_file())


def rebuild(server: PreviewServer, changed: list[Path], *, config: Path, out: Path, now: str | None) -> None:
    """Rebuild after a change (config: full build; template: re-render) and refresh the page."""
    try:
        cfg = load_config(config)
        if config.resolve() in changed:
            run_build(cfg, out=out, now=parse_now(now))
        else:
            digest = deliver.load_edition(out)
            pipeline.write_digest(digest, cfg, out_dir=out, now=digest.generated_at)
        server.refresh()
    except DigestError as exc:
        log.warning("rebuild failed: %s", exc)
        server.fail(str(exc))
    except Exception as exc:  # a bug: keep the traceback in the log, keep the server up
        log.exception("rebuild failed")
        server.fail(f"{type(exc).__name__}: {exc} (see the terminal)")


def main() -> None:
    """Console-script entry point."""
    # Everything imported so far lives as long as the process: the cyclic collector need not
    # scan it again and again while a run makes its many short-lived objects.
    gc.freeze()
    app()
