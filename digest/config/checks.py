"""The checks on config values that need more than a type: ranges, choices and what goes together.

``check_values`` is given every table as its dataclass and adds one line to ``problems`` for
each value out of bounds: numbers that would surface later as a traceback or a silently empty
digest, unknown choices, addresses without an ``@``, and the keys ``[llm]`` needs when the llm
summariser is chosen.
"""

from __future__ import annotations

import math
import re
from typing import Any
from urllib.parse import urlsplit

from digest.config import TRANSPORTS, LlmSettings
from digest.model import KINDS

_ENV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def check_values(s: dict[str, Any], problems: list[str]) -> None:
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
