"""Fingerprints of stage inputs, and an exact JSON form of the values a build reuses.

A build whose grouping inputs (every entry in the window, the story ids already known, this
code) are unchanged reuses the last grouping; a story whose ranked value and summariser are
unchanged reuses its brief. The fingerprint covers everything the stage reads, so a reused
value is the one the stage would compute again: output stays byte-identical.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

from digest.model import Brief, Quote, Source

_PACKAGE = Path(__file__).resolve().parent
_TYPES = {cls.__name__: cls for cls in (Brief, Quote, Source)}


@functools.cache
def code_version() -> str:
    """A hash of every source file of the package: a new release never reuses old results."""
    digest = hashlib.sha256()
    for path in sorted(_PACKAGE.rglob("*.py")):
        digest.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def fingerprint(stage: str, items: Iterable[object], *extra: object) -> str:
    """The hex SHA-256 of ``stage``, the code version, the repr of each item and ``extra``."""
    digest = hashlib.sha256(f"{stage}\0{code_version()}\0".encode())
    for item in items:  # one at a time: 20,000 entries never become one big string
        digest.update(repr(item).encode("utf-8", "surrogatepass") + b"\0")
    digest.update(repr(extra).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def describe(obj: object, *, depth: int = 0) -> str:
    """A stable description of a stage object's class and settings (no memory addresses).

    Nested objects are described three levels deep (a backend's client, its settings); below
    that only their class: a cycle or a live connection must not be walked.
    """
    if obj is None or isinstance(obj, str | int | float | bool):
        return repr(obj)
    if depth > 3:
        return type(obj).__qualname__
    if isinstance(obj, list | tuple):
        return "[" + ", ".join(describe(v, depth=depth + 1) for v in obj) + "]"
    if isinstance(obj, set | frozenset):  # sorted: set order changes with the hash seed
        return "{" + ", ".join(sorted(describe(v, depth=depth + 1) for v in obj)) + "}"
    if isinstance(obj, dict):
        return "{" + ", ".join(sorted(f"{describe(k, depth=depth + 1)}: {describe(v, depth=depth + 1)}"
                                      for k, v in obj.items())) + "}"
    settings = ", ".join(f"{k}={describe(v, depth=depth + 1)}"
                         for k, v in sorted(getattr(obj, "__dict__", {}).items()))
    return f"{type(obj).__module__}.{type(obj).__qualname__}({settings})"


def brief_to_json(brief: Brief) -> str:
    """``brief`` as JSON that ``brief_from_json`` turns back into an equal Brief."""
    return json.dumps(_encode(brief), ensure_ascii=False, separators=(",", ":"))


def brief_from_json(text: str) -> Brief:
    """The Brief ``brief_to_json`` wrote."""
    value = _decode(json.loads(text))
    assert isinstance(value, Brief)
    return value


def _encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return {"@": type(value).__name__, **fields}
    if isinstance(value, datetime):
        return {"@": "datetime", "iso": value.isoformat()}
    if isinstance(value, tuple | list):
        return [_encode(v) for v in value]
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_decode(v) for v in value)
    if not isinstance(value, dict):
        return value
    kind = value.pop("@")
    if kind == "datetime":
        return datetime.fromisoformat(value["iso"])
    return _TYPES[kind](**{k: _decode(v) for k, v in value.items()})
