"""The typer app and what its commands share.

The app's own options (-v, -q, --version) and the state they leave for the command; the
--config, --out and --now options most commands take, with the parsing of --now; the wrapper
that turns a DigestError into one red line and its exit code; and the two things -q silences,
the closing line on stdout and the fetch progress bar.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from datetime import datetime, timezone
from functools import wraps
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from digest.config import FetchSettings
from digest.errors import DigestError
from digest.fetch import Fetcher

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
