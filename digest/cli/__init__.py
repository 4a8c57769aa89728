"""The command line: builds the edges, hands them to the pipeline, turns DigestError into exit 1.

The typer app and what its commands share are in ``options``; the commands are grouped by
what they are for: ``edition`` (build, fetch, render, feeds), ``delivery`` (send, run, export)
and ``preview``. Importing those three here registers their commands on the app, in the order
``digest --help`` lists them.
"""

from __future__ import annotations

import gc

from digest.cli.options import app
from digest.cli import edition  # noqa: F401 - registers build, fetch, render, feeds
from digest.cli import delivery  # noqa: F401 - registers send, run, export
from digest.cli import preview  # noqa: F401 - registers preview


def main() -> None:
    """Console-script entry point."""
    # Everything imported so far lives as long as the process: the cyclic collector need not
    # scan it again and again while a run makes its many short-lived objects.
    gc.freeze()
    app()
