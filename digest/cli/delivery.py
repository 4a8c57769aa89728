"""The commands that deliver an edition: send, run (build and send, for cron) and export.

Besides the commands: the sender and the unsubscribe-token secret they are given, the
recipients --to picks, and what they print: the --dry-run plan, the line that ends a send
and the one for an edition that already went out.
"""

from __future__ import annotations

import os
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from digest import deliver
from digest.cli.edition import make_summariser, summary_line
from digest.cli.options import ConfigOpt, NowOpt, OutOpt, app, new_fetcher, parse_now, report, user_errors
from digest.config import Config
from digest.config.load import load_config
from digest.esp import FORMATS, Letter
from digest.model import SentStory
from digest.output import write_outputs
from digest.send import Sender, make_sender, read_secret
from digest.store import Store
from digest.summarise import summariser_note

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
