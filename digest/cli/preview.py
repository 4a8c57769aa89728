"""The preview command: the latest build served on loopback, rebuilt on a change with --watch.

A change to config.toml builds again; a change to a theme file re-renders DIR/digest.json.
A failed rebuild is shown on the page and logged; the server stays up.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Annotated

import typer

from digest import deliver, pipeline
from digest.cli.edition import run_build
from digest.cli.options import ConfigOpt, NowOpt, OutOpt, app, parse_now, user_errors
from digest.config.load import load_config
from digest.errors import DigestError
from digest.render.theme import make_environment
from digest.serve import PreviewServer, Watcher

log = logging.getLogger("digest")


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
