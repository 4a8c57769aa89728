"""Atomic file writes: a reader never sees a half-written digest."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from digest.errors import DigestFileError


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        os.fchmod(fd, 0o644)  # mkstemp makes 0600; a web server or mailer must read these
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_outputs(out_dir: Path, files: Mapping[str, bytes]) -> list[Path]:
    """Write each name -> bytes into ``out_dir`` atomically; return the paths written."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        paths = []
        for name, data in files.items():
            write_atomic(out_dir / name, data)
            paths.append(out_dir / name)
    except OSError as exc:
        raise DigestFileError(f"cannot write into {out_dir}: {exc.strerror or exc}") from exc
    return paths


def json_bytes(doc: Any) -> bytes:
    """Stable, readable JSON: two-space indent, UTF-8, trailing newline."""
    # allow_nan=False: NaN and Infinity are not JSON; other tools would refuse the file.
    return (json.dumps(doc, indent=2, ensure_ascii=False, allow_nan=False) + "\n").encode("utf-8")


def read_json(path: Path) -> Any:
    """Load a JSON file, or raise DigestFileError saying what is wrong with it."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DigestFileError(f"{path} not found: run `digest build` first") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DigestFileError(f"cannot read {path}: {exc}") from None
    except json.JSONDecodeError as exc:
        raise DigestFileError(f"{path} is not valid JSON: {exc}") from None
